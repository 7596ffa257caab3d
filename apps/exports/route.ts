import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { httpErrorBody, requestIdOf, sendJson } from '../../kernel/http.js';
import { signInternalToken, type Caller, type KeyMaterial, type UserTokenVerifier } from '../../kernel/identity.js';
import type { Logger } from '../../kernel/logger.js';
import { EXPORT_ROLES } from '../../kernel/statistics.js';
import { AuthError, callerOf } from '../../kernel/bearer.js';
import type { GatewayRoute } from '../../gateway/routes.js';

// GET /exports/indicators/<name>.csv?from=&to=[&agencyId=] — the masked rows behind an indicator, for analysts
// (issue 7). The gateway verifies the user's JWT (ANALYST, SUPERVISOR, ADMIN), then proxies the owning
// subgraph's CSV stream byte for byte with a short-lived internal token; nothing is buffered here.

/** Which subgraph owns (and streams) each indicator's rows. */
export const EXPORT_OWNERS: Readonly<Record<string, string>> = Object.freeze({
  'by-type': 'cases',
  'by-state': 'cases',
  'beyond-90-days': 'cases',
  'by-outcome': 'cases',
  fines: 'cases',
  confiscations: 'cases',
  'review-coverage': 'cases',
  'licensing-beyond-time-limit': 'cases',
  'case-duration': 'cases',
  'service-timeliness': 'cases',
  'publication-timeliness': 'cases',
  'withdrawal-timeliness': 'cases',
  'record-completeness': 'cases',
  // issue 30: the clues behind the scorecard's clue-handling component
  'supervision-clues': 'cases',
  // issue 17: the rows behind the reviews and inspections indicators
  'review-outcomes': 'reviews',
  'review-overdue': 'reviews',
  'review-qualification': 'reviews',
  'inspection-completion': 'inspections',
  'inspection-problems': 'inspections',
  'inspection-publication-timeliness': 'inspections',
});

export interface ExportsOptions {
  keys: KeyMaterial;
  verify: UserTokenVerifier;
  /** The owning subgraph's GraphQL URL (the export lives beside it on the same origin). */
  subgraphUrl: (name: string) => string;
  log: Logger;
  requestId?: string;
  /** Upstream time to first byte (default 30 s). */
  timeoutMs?: number;
}

const EXPORT_PATH = /^\/exports\/indicators\/([a-z0-9-]+)\.csv$/;
const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'x-content-type-options'];

/** Request handler for `/exports/...` (the gateway mounts it as `exportsRoute`). */
export async function handleExport(req: IncomingMessage, res: ServerResponse, opts: ExportsOptions): Promise<void> {
  const requestId = opts.requestId ?? requestIdOf(req);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const refuse = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    sendJson(res, status, httpErrorBody(code, message), { 'x-request-id': requestId, ...headers });
  if ((req.method ?? 'GET') !== 'GET') return refuse(405, 'BAD_REQUEST', '只支持 GET (method not allowed)');
  const name = EXPORT_PATH.exec(url.pathname)?.[1];
  const owner = name ? EXPORT_OWNERS[name] : undefined;
  if (!name || !owner) return refuse(404, 'NOT_FOUND', `未找到该指标的导出：${url.pathname}`);
  let caller: Caller;
  try {
    caller = await callerOf(req, opts.verify);
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    return refuse(401, 'UNAUTHENTICATED', err.message, { 'www-authenticate': 'Bearer' });
  }
  if (caller.role === 'PUBLIC')
    return refuse(401, 'UNAUTHENTICATED', '需要登录：指标明细导出仅限分析人员、执法监督人员和管理员', { 'www-authenticate': 'Bearer' });
  if (!EXPORT_ROLES.includes(caller.role)) return refuse(403, 'FORBIDDEN', '无权操作：指标明细导出仅限分析人员、执法监督人员和管理员');

  const target = new URL(`/exports/indicators/${name}.csv${url.search}`, opts.subgraphUrl(owner));
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs ?? 30_000);
  req.once('close', () => {
    if (!res.writableFinished) abort.abort(); // the analyst went away: stop the upstream query too
  });
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      headers: { authorization: `Bearer ${await signInternalToken(opts.keys, caller, requestId, owner)}`, 'x-request-id': requestId },
      signal: abort.signal,
    });
  } catch (err) {
    clearTimeout(timer);
    opts.log.warn({ err, owner }, 'indicator export: subgraph unreachable');
    return refuse(502, 'UPSTREAM_UNAVAILABLE', `子服务 ${owner} 暂不可用，无法导出 (subgraph unavailable)`);
  }
  clearTimeout(timer);
  const headers: Record<string, string> = { 'x-request-id': requestId };
  for (const h of PASSED_HEADERS) {
    const v = upstream.headers.get(h);
    if (v) headers[h] = v;
  }
  res.writeHead(upstream.status, headers);
  if (!upstream.body) return void res.end();
  try {
    await pipeline(Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream<Uint8Array>), res);
    opts.log.info({ indicator: name, role: caller.role, status: upstream.status }, 'indicator export');
  } catch (err) {
    opts.log.warn({ err, indicator: name }, 'indicator export interrupted');
    res.destroy();
  }
}

/** Mounted by the gateway at /exports/ (rate limited; CORS as for /graphql, for dashboards on other origins). */
export const exportsRoute: GatewayRoute = {
  name: 'exports',
  matches: (path) => path.startsWith('/exports/'),
  rateLimited: true,
  cors: true,
  handle: (req, res, ctx) =>
    handleExport(req, res, { keys: ctx.keys, verify: ctx.verify, log: ctx.log, requestId: ctx.requestId, subgraphUrl: (name) => ctx.subgraphUrl(name) }),
};
