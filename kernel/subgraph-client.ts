import { AppError } from './errors.js';
import { createInternalTokenCache, type Caller, type KeyMaterial, type InternalTokenSigner } from './identity.js';

/**
 * One subgraph calling another directly (never through the public gateway), as a SERVICE caller with a
 * short-lived internal token. Any failure to get an answer is UPSTREAM_UNAVAILABLE: callers that guard a
 * legal rule with it fail closed.
 */
export interface SubgraphClient {
  query<T>(query: string, variables?: Record<string, unknown>, opts?: { requestId?: string; onBehalfOf?: Caller }): Promise<T>;
}

/** The connection closed before the whole answer arrived (undici: "other side closed", a reset socket). */
export function connectionClosed(err: unknown): boolean {
  for (let e: unknown = err, d = 0; e && d < 6; e = (e as { cause?: unknown }).cause, d++) {
    const { code, name, message } = e as { code?: string; name?: string; message?: string };
    if (name === 'TimeoutError' || name === 'AbortError') return false;
    if (code && ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED'].includes(code)) return true;
    if (/other side closed|socket hang up|terminated/i.test(message ?? '')) return true;
  }
  return false;
}

/** A named query or mutation: metrics, logs and traces of the called subgraph show its name, never `__anonymous`. */
const NAMED_OPERATION = /^\s*(query|mutation)\s+[A-Za-z_]\w*/;

/** One token cache per key set: every client of a service reuses its tokens. */
const signers = new WeakMap<KeyMaterial, InternalTokenSigner>();
const signerFor = (keys: KeyMaterial) => {
  let s = signers.get(keys);
  if (!s) signers.set(keys, (s = createInternalTokenCache(keys)));
  return s;
};

export function createSubgraphClient(opts: { name: string; url: () => string; keys: KeyMaterial; timeoutMs?: number; service: string }): SubgraphClient {
  const sign = signerFor(opts.keys);
  return {
    async query<T>(query: string, variables: Record<string, unknown> = {}, o: { requestId?: string; onBehalfOf?: Caller } = {}): Promise<T> {
      // A programming error, not an upstream failure: every internal operation carries a name (issue 29).
      if (!NAMED_OPERATION.test(query)) throw new Error(`内部调用的操作必须命名 (internal operations are named): ${query.slice(0, 80)}`);
      const caller: Caller = { subject: `service:${opts.service}`, role: 'SERVICE', agencyId: o.onBehalfOf?.agencyId ?? null, officerId: null };
      const unavailable = (why: string) => new AppError('UPSTREAM_UNAVAILABLE', `无法从子服务 ${opts.name} 获取数据：${why}`, { serviceName: opts.name });
      let res!: Response;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        authorization: `Bearer ${await sign(caller, o.requestId ?? 'internal', opts.name)}`,
        ...(o.requestId ? { 'x-request-id': o.requestId } : {}),
      };
      // The call joins the caller's trace: undici's instrumentation (kernel/tracing.ts) sends traceparent.
      // A read is sent again once when the connection closed under it (a keep-alive connection the peer or the
      // balancer closed just as it was reused, or a replica that went away mid-answer): issue 27. Not a timeout
      // (the peer may still be working), not a mutation (it may have been applied).
      const isRead = !/^\s*mutation\b/.test(query);
      const signal = AbortSignal.timeout(opts.timeoutMs ?? 5000);
      let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
      for (let attempt = 1; !body; attempt++) {
        try {
          res = await fetch(opts.url(), { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal });
        } catch (err) {
          if (isRead && attempt === 1 && connectionClosed(err)) continue;
          throw unavailable((err as Error).name === 'TimeoutError' ? '超时' : '连接失败');
        }
        try {
          body = (await res.json()) as typeof body;
        } catch (err) {
          if (isRead && attempt === 1 && connectionClosed(err)) continue;
          throw unavailable(`HTTP ${res.status}`);
        }
      }
      if (!res.ok || !body.data || body.errors?.length) throw unavailable(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
      return body.data;
    },
  };
}
