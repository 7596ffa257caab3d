import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  isBrokenCircuitError,
  retry,
  timeout,
  TaskCancelledError,
  TimeoutStrategy,
  wrap,
  type IPolicy,
} from 'cockatiel';
import type { Resource } from './domain/validate.js';

// The adapter's only door to the platform. Every call has a timeout and passes the circuit breaker; reads
// (GET) are also retried with exponential backoff. Writes would not be retried (none exist yet): a retried
// write can apply twice.

export interface ResilienceOptions {
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts per read, including the first. */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** Consecutive failed calls that open the breaker. */
  breakerThreshold: number;
  /** How long the breaker stays open before one trial call (half-open). */
  halfOpenAfterMs: number;
}

export const DEFAULT_RESILIENCE: ResilienceOptions = {
  timeoutMs: 10_000,
  maxAttempts: 3,
  initialBackoffMs: 200,
  maxBackoffMs: 5_000,
  breakerThreshold: 5,
  halfOpenAfterMs: 30_000,
};

/** A failure talking to the platform; `message` is Chinese and safe to show (no URLs or internals). */
export class PlatformError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'unreachable' | 'http' | 'malformed' | 'breaker-open',
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

export interface PlatformPage {
  items: unknown[];
  nextCursor: string | null;
}

export type BreakerStateName = 'CLOSED' | 'OPEN' | 'HALF_OPEN' | 'ISOLATED';
const STATE_NAMES: Record<CircuitState, BreakerStateName> = {
  [CircuitState.Closed]: 'CLOSED',
  [CircuitState.Open]: 'OPEN',
  [CircuitState.HalfOpen]: 'HALF_OPEN',
  [CircuitState.Isolated]: 'ISOLATED',
};

export interface PlatformClient {
  listPage(resource: Resource, q: { updatedSince: string | null; cursor: string | null; limit: number }): Promise<PlatformPage>;
  breakerState(): BreakerStateName;
}

export function createPlatformClient(opts: { baseUrl: () => string; apiKey?: string; resilience?: Partial<ResilienceOptions> }): PlatformClient {
  const r = { ...DEFAULT_RESILIENCE, ...opts.resilience };
  // Any platform failure counts against the breaker; an open breaker is not retried (it would only spin).
  const breaker = circuitBreaker(
    handleWhen((e) => !isBrokenCircuitError(e)),
    { halfOpenAfter: r.halfOpenAfterMs, breaker: new ConsecutiveBreaker(r.breakerThreshold) },
  );
  const perAttempt = timeout(r.timeoutMs, TimeoutStrategy.Aggressive);
  const readRetry = retry(
    handleWhen((e) => !isBrokenCircuitError(e)),
    { maxAttempts: Math.max(0, r.maxAttempts - 1), backoff: new ExponentialBackoff({ initialDelay: r.initialBackoffMs, maxDelay: r.maxBackoffMs }) },
  );
  const readPolicy: IPolicy = wrap(readRetry, breaker, perAttempt);

  // A garbled page is a failed read (retried, counted by the breaker), not bad records: nothing of it is imported.
  function envelope(body: unknown): PlatformPage {
    const page = body as Partial<PlatformPage> | null;
    if (!page || !Array.isArray(page.items) || !(page.nextCursor === null || typeof page.nextCursor === 'string')) {
      throw new PlatformError('随机抽查平台返回的页面格式不正确（缺少 items/nextCursor）', 'malformed');
    }
    return { items: page.items, nextCursor: page.nextCursor };
  }

  async function getJson(path: string, signal: AbortSignal): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(new URL(path, opts.baseUrl()), {
        headers: { accept: 'application/json', ...(opts.apiKey ? { 'x-api-key': opts.apiKey } : {}) },
        signal,
      });
    } catch (err) {
      if (signal.aborted) throw new PlatformError('随机抽查平台响应超时', 'timeout');
      throw new PlatformError(`无法连接随机抽查平台（${(err as { cause?: { code?: string } }).cause?.code ?? '连接失败'}）`, 'unreachable');
    }
    let text: string;
    try {
      text = await res.text();
    } catch {
      throw new PlatformError(signal.aborted ? '随机抽查平台响应超时' : '随机抽查平台连接中断', signal.aborted ? 'timeout' : 'unreachable');
    }
    if (!res.ok) throw new PlatformError(`随机抽查平台返回 HTTP ${res.status}`, 'http');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new PlatformError('随机抽查平台返回的页面不是合法的 JSON', 'malformed');
    }
  }

  return {
    async listPage(resource, q) {
      const params = new URLSearchParams({ limit: String(q.limit) });
      if (q.updatedSince) params.set('updatedSince', q.updatedSince);
      if (q.cursor) params.set('cursor', q.cursor);
      try {
        return await readPolicy.execute(async ({ signal }) => envelope(await getJson(`/api/v1/${resource}?${params}`, signal)));
      } catch (err) {
        if (isBrokenCircuitError(err)) throw new PlatformError('随机抽查平台连续失败，断路器已断开，暂停调用', 'breaker-open');
        // instanceof, not isTaskCancelledError: in cockatiel 3.2.1 that helper tests the bulkhead flag.
        if (err instanceof TaskCancelledError) throw new PlatformError('随机抽查平台响应超时', 'timeout');
        throw err;
      }
    },
    breakerState: () => STATE_NAMES[breaker.state],
  };
}
