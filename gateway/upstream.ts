import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleAll,
  isBrokenCircuitError,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
} from 'cockatiel';
import type { Counter, Histogram } from 'prom-client';
import { BufferedResponse, dedupeInflight, type Fetcher, type FetcherResponse } from './fetcher.js';

// Bounds on every call to a subgraph (cockatiel): a timeout per subgraph, and a circuit breaker per
// subgraph that opens after consecutive failures (timeouts, connection errors, HTTP 5xx) and lets one
// probe through after a pause. While it is open a call costs nothing: it fails at once, the subgraph
// is not contacted. Configuration (docs/operations.md):
//   <NAME>_TIMEOUT_MS (else SUBGRAPH_TIMEOUT_MS, default 10000; 0 = none), NAME upper-cased, '-' → '_'
//   SUBGRAPH_BREAKER=off, SUBGRAPH_BREAKER_FAILURES (default 5), SUBGRAPH_BREAKER_HALF_OPEN_MS (default 10000)
//   SUBGRAPH_DEDUPE=off (identical queries of one caller in flight at once share one call; on by default)
//
// The order matters (issue 28): breaker → shared call → timeout → transport. Each waiting request passes the
// breaker itself, so a shared call that fails or times out counts once per request that waited on it (N merged
// requests on a hung subgraph open the breaker as N unmerged ones would), and a request arriving while it is open
// fails at once instead of joining the hung call. When the breaker opens, requests still waiting are released at
// once with its error: once the gateway knows the subgraph is down, nobody waits out the rest of the timeout.

export type FailureKind = 'timeout' | 'breaker_open' | 'unreachable' | 'http_5xx';

/** Why a subgraph call produced no usable answer. */
export class UpstreamError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'UpstreamError';
  }
}

export interface UpstreamPolicy {
  timeoutMs: number;
  breaker: { failures: number; halfOpenAfterMs: number } | null;
  /** Identical queries in flight at once (same URL, internal token and body) share one call. */
  dedupe: boolean;
}

export const envName = (subgraph: string) => subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_');

function intFrom(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${key}=${raw} 应为非负整数 (expected a non-negative integer)`);
  return n;
}

export function upstreamPolicyFor(subgraph: string, env: NodeJS.ProcessEnv = process.env): UpstreamPolicy {
  const timeoutMs = intFrom(env, `${envName(subgraph)}_TIMEOUT_MS`, intFrom(env, 'SUBGRAPH_TIMEOUT_MS', 10_000));
  const breaker =
    env.SUBGRAPH_BREAKER === 'off'
      ? null
      : { failures: Math.max(1, intFrom(env, 'SUBGRAPH_BREAKER_FAILURES', 5)), halfOpenAfterMs: intFrom(env, 'SUBGRAPH_BREAKER_HALF_OPEN_MS', 10_000) };
  return { timeoutMs, breaker, dedupe: env.SUBGRAPH_DEDUPE !== 'off' };
}

export type BreakerStateName = 'closed' | 'half_open' | 'open';
const STATE: Record<CircuitState, BreakerStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};

export interface UpstreamMetrics {
  fetchDuration: Histogram<string>;
  fetchErrors: Counter<string>;
}

/** One subgraph's bounded fetcher and the state of its breaker. */
export interface Upstream {
  readonly name: string;
  readonly policy: UpstreamPolicy;
  fetcher: Fetcher;
  breakerState(): BreakerStateName;
}

export function createUpstream(name: string, inner: Fetcher, policy: UpstreamPolicy, metrics: UpstreamMetrics | null): Upstream {
  let breaker: ReturnType<typeof circuitBreaker> | null = null;
  if (policy.breaker) {
    // A timeout below counts as a failure. A 5xx answer is a failure too; a 4xx is the client's.
    breaker = circuitBreaker(
      handleAll.orWhenResult((r) => (r as FetcherResponse).status >= 500),
      { halfOpenAfter: policy.breaker.halfOpenAfterMs, breaker: new ConsecutiveBreaker(policy.breaker.failures) },
    );
  }
  // Aggressive: the call is given up at the deadline even if the socket has not noticed the abort yet. Not aborted
  // on return: the body is read whole inside the call, and an abort per call (a DOMException with its stack) showed
  // in the gateway's CPU profile (issue 18).
  const deadline = policy.timeoutMs > 0 ? timeout(policy.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false }) : null;

  const call = async (url: string, init: Parameters<Fetcher>[1], signal: AbortSignal | undefined): Promise<FetcherResponse> => {
    const res = await inner(url, { ...init, signal });
    if (res instanceof BufferedResponse) return res; // the keep-alive fetcher has read it already
    // Read inside the deadline: a subgraph that sends headers and then stalls is bounded too.
    return new BufferedResponse(res.url || url, res.status, res.statusText, res.headers, await res.text());
  };
  const timed: Fetcher = (url, init) => (deadline ? deadline.execute(({ signal }) => call(url, init, signal)) : call(url, init, undefined));
  const shared = policy.dedupe ? dedupeInflight(timed) : timed;

  // Requests waiting on this subgraph, released with the breaker's error the moment it opens.
  const waiting = new Set<(err: Error) => void>();
  breaker?.onBreak(() => {
    // After the failures that opened it have reached their own requests (a settled promise ignores a late reject):
    // those keep their own reason (timeout…), the ones still waiting get the breaker's.
    setImmediate(() => {
      const released = [...waiting];
      waiting.clear();
      for (const fail of released) fail(new BrokenCircuitError());
    });
  });
  const guarded = (url: string, init: Parameters<Fetcher>[1]): Promise<FetcherResponse> => {
    if (!breaker) return shared(url, init);
    const b = breaker;
    return new Promise<FetcherResponse>((resolve, reject) => {
      waiting.add(reject);
      b.execute(() => shared(url, init))
        .then(resolve, reject)
        .finally(() => waiting.delete(reject));
    });
  };

  const fetcher: Fetcher = async (url, init) => {
    const started = performance.now(); // timing of the subgraph call, for the latency histogram
    let outcome: string = 'ok';
    try {
      const res = await guarded(url, init);
      if (res.status >= 500) outcome = 'http_5xx';
      else if (!res.ok) outcome = `http_${res.status}`;
      return res;
    } catch (err) {
      const failure = classify(name, err, policy);
      outcome = failure.kind;
      throw failure;
    } finally {
      if (metrics) {
        metrics.fetchDuration.observe({ subgraph: name, outcome }, (performance.now() - started) / 1000);
        if (outcome !== 'ok') metrics.fetchErrors.inc({ subgraph: name, kind: outcome });
      }
    }
  };
  return { name, policy, fetcher, breakerState: () => (breaker ? STATE[breaker.state] : 'closed') };
}

function classify(name: string, err: unknown, policy: UpstreamPolicy): UpstreamError {
  if (err instanceof UpstreamError) return err;
  if (err instanceof BrokenCircuitError || isBrokenCircuitError(err)) {
    return new UpstreamError('breaker_open', `子服务 ${name} 连续失败，断路器已断开，暂不调用 (circuit open)`, { cause: err });
  }
  if (err instanceof TaskCancelledError) {
    return new UpstreamError('timeout', `子服务 ${name} 在 ${policy.timeoutMs} 毫秒内未响应 (timed out)`, { cause: err });
  }
  return new UpstreamError('unreachable', `无法连接子服务 ${name} (unreachable)`, { cause: err });
}
