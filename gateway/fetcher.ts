import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { rootCertificates } from 'node:tls';
import { Agent, request } from 'undici';
import { clientCa } from '../kernel/tls.js';

// How the gateway talks HTTP to its subgraphs: undici's `request` over a keep-alive connection pool,
// passed to Apollo's RemoteGraphQLDataSource as its `fetcher` (Apollo's default is make-fetch-happen).
// One job only — transport. Timeouts, the circuit breaker and metrics wrap it (gateway/upstream.ts).
// The body is read whole before the promise resolves, so an abort signal bounds the entire exchange.

export type Fetcher = RemoteGraphQLDataSource['fetcher'];
export type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

/** Response headers by lower-case name (what RemoteGraphQLDataSource reads: content-type, cache-control). */
class ResponseHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();
  constructor(raw: Record<string, string | string[] | undefined> | Iterable<[string, string]>) {
    const entries = Symbol.iterator in raw ? raw : Object.entries(raw);
    for (const [k, v] of entries) if (v !== undefined) this.map.set(k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v);
  }
  append(name: string, value: string) {
    const k = name.toLowerCase();
    const prev = this.map.get(k);
    this.map.set(k, prev === undefined ? value : `${prev}, ${value}`);
  }
  delete(name: string) {
    this.map.delete(name.toLowerCase());
  }
  get(name: string) {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string) {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string) {
    this.map.set(name.toLowerCase(), value);
  }
  entries() {
    return this.map.entries();
  }
  keys() {
    return this.map.keys();
  }
  values() {
    return this.map.values();
  }
  [Symbol.iterator]() {
    return this.map.entries();
  }
}

/** A response whose body has been read whole. */
export class BufferedResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly headers: FetcherHeaders;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: Record<string, string | string[] | undefined> | Iterable<[string, string]>,
    readonly body: string,
  ) {
    this.headers = headers instanceof ResponseHeaders ? headers : new ResponseHeaders(headers);
  }
  get ok() {
    return this.status >= 200 && this.status < 300;
  }
  async text() {
    return this.body;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const b = Buffer.from(this.body, 'utf8');
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }
  clone(): FetcherResponse {
    return new BufferedResponse(this.url, this.status, this.statusText, this.headers, this.body);
  }
}

export interface KeepAliveFetcher {
  fetcher: Fetcher;
  close(): Promise<void>;
}

/**
 * A keep-alive fetcher. `connections` caps sockets per subgraph origin (default: no cap); idle sockets are
 * kept for `keepAliveTimeoutMs` or as long as the subgraph's `Keep-Alive: timeout` allows, whichever is less.
 */
export function createKeepAliveFetcher(opts: { connections?: number; keepAliveTimeoutMs?: number } = {}): KeepAliveFetcher {
  // Subgraphs behind TLS with the deployment's own CA (TLS_CA, kernel/tls.ts) are trusted besides the system's CAs.
  const ca = clientCa();
  const dispatcher = new Agent({
    keepAliveTimeout: opts.keepAliveTimeoutMs ?? 4_000,
    connections: opts.connections ?? null,
    ...(ca ? { connect: { ca: [...rootCertificates, ca.toString()] } } : {}),
  });
  const fetcher: Fetcher = async (url, init = {}) => {
    const res = await request(url, {
      method: (init.method ?? 'GET') as 'POST',
      headers: init.headers,
      body: init.body,
      signal: init.signal as AbortSignal | undefined,
      dispatcher,
    });
    const body = await res.body.text();
    return new BufferedResponse(url, res.statusCode, STATUS_CODES[res.statusCode] ?? '', res.headers, body);
  };
  return { fetcher, close: () => dispatcher.close() };
}

/**
 * Identical subgraph queries in flight at the same moment share one call (Hive Gateway and Apollo Router do the
 * same): same URL, same `authorization` (the internal token names the caller and the subgraph, so only one
 * caller's requests are ever merged) and the same body. Mutations are never merged. Each waiter gets its own copy.
 */
export function dedupeInflight(fetcher: Fetcher): Fetcher {
  const inflight = new Map<string, Promise<FetcherResponse>>();
  return (url, init = {}) => {
    const body = init.body;
    if (typeof body !== 'string' || !(body.startsWith('{"query":"query') || body.startsWith('{"query":"{'))) return fetcher(url, init);
    const headers = init.headers as Record<string, string> | { get(name: string): string | null } | undefined;
    const auth = headers && typeof headers.get === 'function' ? headers.get('authorization') : (headers as Record<string, string> | undefined)?.authorization;
    const key = `${url}\u0000${auth ?? ''}\u0000${body}`;
    const shared = inflight.get(key);
    if (shared) return shared.then((r) => r.clone());
    const call = fetcher(url, init).finally(() => inflight.delete(key));
    inflight.set(key, call);
    return call;
  };
}
