import type { Server } from 'node:http';

// Graceful drain (issue 29): a stopping replica first says it is not ready, keeps serving while the balancer notices,
// tells every client to reconnect elsewhere (`Connection: close`), and exits only when the requests it accepted are
// answered. The order matters: a replica that stops listening before the balancer stopped sending loses requests.

export interface DrainSettings {
  /** How long a draining replica keeps serving (not ready, `Connection: close`) before it stops accepting. */
  drainMs: number;
  /** How long it then waits for requests in flight before it cuts the connections that remain. */
  graceMs: number;
}

function secondsEnv(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 600) throw new Error(`环境变量 ${key}=${raw} 应为 0–600 之间的秒数 (seconds)`);
  return n;
}

/**
 * SHUTDOWN_DRAIN_SECONDS (default 5; set it above the balancer's health-check interval × the failures it needs to
 * take a backend out) and SHUTDOWN_GRACE_SECONDS (default 10). Ctrl-C (SIGINT) skips the drain period: at a terminal
 * nobody balances load; requests in flight are still waited for.
 */
export function drainSettings(signal: string, env: NodeJS.ProcessEnv = process.env): DrainSettings {
  const drain = secondsEnv(env, 'SHUTDOWN_DRAIN_SECONDS', 5);
  const grace = secondsEnv(env, 'SHUTDOWN_GRACE_SECONDS', 10);
  return { drainMs: signal === 'SIGINT' ? 0 : drain * 1000, graceMs: grace * 1000 };
}

export interface DrainState {
  readonly draining: boolean;
  /** Requests accepted and not yet answered. */
  readonly inFlight: number;
  begin(): void;
}

/**
 * Tracks a server's requests and, once `begin()` was called, answers each with `Connection: close` (Node then ends the
 * socket after the response): keep-alive clients reconnect, and through the balancer reach a replica that stays.
 * Registered before the server's own handler, so every route (GraphQL, /ready, applications) gets it.
 */
export function trackDrain(server: Server): DrainState {
  let draining = false;
  let inFlight = 0;
  server.prependListener('request', (_req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
    if (draining) res.setHeader('connection', 'close');
  });
  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight;
    },
    begin: () => void (draining = true),
  };
}
