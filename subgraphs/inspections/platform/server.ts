import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { closeServer, listen } from '../../../kernel/server.js';
import { demoFeed, type FeedEntry, type PlatformResource } from './data.js';
import { systemClock, type Clock } from '../../../kernel/clock.js';
import { nameServicePort } from '../../../kernel/tracing.js';

/**
 * Stand-in for the province's random-inspection platform (docs/inspection-platform.openapi.yaml): a real HTTP
 * server over an append-only change feed, so re-sent records (duplicates) and malformed records behave as the
 * real platform's export does. Knobs make it slow, failing, hanging or garbled, per request, for tests and demos.
 */

export interface PlatformKnobs {
  /** Added before every API answer. */
  latencyMs: number;
  /** Probability (0–1) of HTTP 503 per API request. */
  errorRate: number;
  /** Every API request answers 503. */
  alwaysFail: boolean;
  /** Serve this many more API requests normally, then answer 503 (null: off). */
  failAfter: number | null;
  /** Accept API requests and never answer (the client must time out). */
  hang: boolean;
  /** Probability (0–1) that a page comes back malformed (broken JSON or wrong envelope). */
  malformedRate: number;
  /** The next N pages come back malformed. */
  malformedNext: number;
}

export const DEFAULT_KNOBS: PlatformKnobs = { latencyMs: 0, errorRate: 0, alwaysFail: false, failAfter: null, hang: false, malformedRate: 0, malformedNext: 0 };

export interface PlatformRequestLog {
  path: string;
  query: Record<string, string>;
  status: number | 'hung';
}

export interface PlatformStandIn {
  /** Base URL, e.g. http://127.0.0.1:4010 (the API is under /api/v1). */
  url: string;
  close(): Promise<void>;
  setKnobs(patch: Partial<PlatformKnobs>): PlatformKnobs;
  knobs(): PlatformKnobs;
  /** Append a record to the feed (a new or changed record on the platform); `updatedAt` defaults to now. */
  put(resource: PlatformResource, body: Record<string, unknown>): void;
  /** API requests served so far (admin requests are not logged). */
  requests: PlatformRequestLog[];
}

const RESOURCES: readonly PlatformResource[] = ['plans', 'tasks', 'results'];
const MAX_LIMIT = 200;

/** Small deterministic PRNG (mulberry32) so rate knobs are reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const encodeCursor = (ms: number, seq: number) => Buffer.from(JSON.stringify([ms, seq])).toString('base64url');
function decodeCursor(s: string): [number, number] | null {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n)) ? (v as [number, number]) : null;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

export async function startPlatformStandIn(
  opts: { port?: number; host?: string; knobs?: Partial<PlatformKnobs>; feed?: FeedEntry[]; seed?: number; apiKey?: string; clock?: Clock } = {},
): Promise<PlatformStandIn> {
  // The platform is an external system with its own clock; it stamps records posted without updatedAt.
  const clock = opts.clock ?? systemClock();
  let knobs: PlatformKnobs = { ...DEFAULT_KNOBS, ...opts.knobs };
  const random = prng(opts.seed ?? 20260301);
  // The feed: every version of every record, in arrival order; seq breaks ties of equal updatedAt.
  const feed: { seq: number; ms: number; entry: FeedEntry }[] = [];
  const append = (entry: FeedEntry) => feed.push({ seq: feed.length + 1, ms: Date.parse(entry.body.updatedAt), entry });
  for (const e of opts.feed ?? demoFeed()) append(e);
  const requests: PlatformRequestLog[] = [];
  const sockets = new Set<Socket>();

  const setKnobs = (patch: Partial<PlatformKnobs>) => (knobs = { ...knobs, ...patch });

  function page(resource: PlatformResource, q: URLSearchParams, res: ServerResponse, log: PlatformRequestLog) {
    const limitRaw = q.get('limit') ?? '50';
    const limit = Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      log.status = 400;
      return send(res, 400, { error: 'BAD_REQUEST', message: `limit 须为 1–${MAX_LIMIT} 的整数` });
    }
    const since = q.get('updatedSince');
    const sinceMs = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
    if (Number.isNaN(sinceMs)) {
      log.status = 400;
      return send(res, 400, { error: 'BAD_REQUEST', message: 'updatedSince 须为 ISO 8601 时间' });
    }
    const cursorRaw = q.get('cursor');
    const after = cursorRaw ? decodeCursor(cursorRaw) : null;
    if (cursorRaw && !after) {
      log.status = 400;
      return send(res, 400, { error: 'BAD_REQUEST', message: 'cursor 无效' });
    }
    const rows = feed
      .filter((f) => f.entry.resource === resource && f.ms >= sinceMs && (!after || f.ms > after[0] || (f.ms === after[0] && f.seq > after[1])))
      .sort((a, b) => a.ms - b.ms || a.seq - b.seq);
    const slice = rows.slice(0, limit);
    const last = slice.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor(last.ms, last.seq) : null;
    if (knobs.malformedNext > 0 || (knobs.malformedRate > 0 && random() < knobs.malformedRate)) {
      if (knobs.malformedNext > 0) knobs = { ...knobs, malformedNext: knobs.malformedNext - 1 };
      log.status = 200;
      // Alternate the two garbled shapes seen in practice: a truncated body and a wrong envelope.
      return requests.length % 2 ? send(res, 200, '{"items":[{"id":') : send(res, 200, { data: slice.map((f) => f.entry.body), next: nextCursor });
    }
    log.status = 200;
    send(res, 200, { items: slice.map((f) => f.entry.body), nextCursor });
  }

  async function admin(req: IncomingMessage, res: ServerResponse, path: string) {
    if (path === '/admin/knobs' && req.method === 'GET') return send(res, 200, knobs);
    if (path === '/admin/knobs' && req.method === 'POST') {
      const patch = (await readJson(req)) as Partial<PlatformKnobs>;
      const unknown = Object.keys(patch).filter((k) => !(k in DEFAULT_KNOBS));
      if (unknown.length) return send(res, 400, { error: 'BAD_REQUEST', message: `未知参数：${unknown.join(', ')}` });
      const mistyped = Object.entries(patch).filter(
        ([k, v]) => !(typeof v === typeof DEFAULT_KNOBS[k as keyof PlatformKnobs] || (k === 'failAfter' && (v === null || typeof v === 'number'))),
      );
      if (mistyped.length) return send(res, 400, { error: 'BAD_REQUEST', message: `参数类型错误：${mistyped.map(([k]) => k).join(', ')}` });
      return send(res, 200, setKnobs(patch));
    }
    if (path === '/admin/reset' && req.method === 'POST') return send(res, 200, setKnobs(DEFAULT_KNOBS));
    const m = /^\/admin\/records\/(plans|tasks|results)$/.exec(path);
    if (m && req.method === 'POST') {
      const body = (await readJson(req)) as Record<string, unknown>;
      put(m[1] as PlatformResource, body);
      return send(res, 201, { ok: true });
    }
    return send(res, 404, { error: 'NOT_FOUND' });
  }

  function put(resource: PlatformResource, body: Record<string, unknown>) {
    append({ resource, body: { ...body, updatedAt: typeof body.updatedAt === 'string' ? body.updatedAt : clock.now().toISOString() } });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void (async () => {
      if (url.pathname === '/health') return send(res, 200, { status: 'ok', service: 'inspection-platform-stand-in' });
      if (url.pathname.startsWith('/admin/')) return await admin(req, res, url.pathname);
      const m = /^\/api\/v1\/(plans|tasks|results)$/.exec(url.pathname);
      const log: PlatformRequestLog = { path: url.pathname, query: Object.fromEntries(url.searchParams), status: 'hung' };
      requests.push(log);
      if (opts.apiKey && req.headers['x-api-key'] !== opts.apiKey) {
        log.status = 401;
        return send(res, 401, { error: 'UNAUTHORIZED', message: '缺少或无效的 X-Api-Key' });
      }
      if (knobs.hang) return; // never answer; the socket is destroyed on close()
      if (knobs.latencyMs > 0) await new Promise((r) => setTimeout(r, knobs.latencyMs));
      let fail = knobs.alwaysFail || (knobs.errorRate > 0 && random() < knobs.errorRate);
      if (knobs.failAfter !== null) {
        if (knobs.failAfter <= 0) fail = true;
        else knobs = { ...knobs, failAfter: knobs.failAfter - 1 };
      }
      if (fail) {
        log.status = 503;
        return send(res, 503, { error: 'UNAVAILABLE', message: '平台维护中' });
      }
      if (!m || req.method !== 'GET' || !RESOURCES.includes(m[1] as PlatformResource)) {
        log.status = 404;
        return send(res, 404, { error: 'NOT_FOUND' });
      }
      page(m[1] as PlatformResource, url.searchParams, res, log);
    })().catch(() => {
      if (!res.headersSent) send(res, 400, { error: 'BAD_REQUEST', message: '请求体不是合法的 JSON' });
      else res.end();
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listen(server, opts.port ?? 0, opts.host ?? '127.0.0.1');
  nameServicePort(port, 'platform');
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setKnobs,
    knobs: () => knobs,
    put,
    close: async () => {
      for (const s of sockets) s.destroy(); // hung requests would otherwise keep close() waiting
      await closeServer(server);
    },
  };
}
