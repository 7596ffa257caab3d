import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';

// Transactions that can conflict (case numbers, chain heads, version checks, idempotency keys, review rounds)
// are re-run whole when the database rolled them back for a reason that a second try can cure:
// - 1213 ER_LOCK_DEADLOCK: InnoDB chose the transaction as a deadlock victim, and what Galera answers when a
//   transaction loses certification at COMMIT against a conflicting commit made on another node;
// - 1205 ER_LOCK_WAIT_TIMEOUT: a row lock was held too long (the statement, not the transaction, is rolled back
//   by default; re-running the transaction from the start is still correct because the callback starts over);
// - 1047 (WSREP has not yet prepared node for application use) and 1180 (error during COMMIT): a Galera node
//   that left the primary component or aborted the commit; nothing was committed;
// - a connection that could not be opened (ECONNREFUSED, ETIMEDOUT at connect): nothing was sent.
// The whole callback re-runs (it must do only database work, no calls to other services), so a retry is as
// idempotent as a first attempt: it reads the state again and decides again.

const RETRYABLE_ERRNO = new Set([1213, 1205, 1047, 1180]);
const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'ER_UNKNOWN_COM_ERROR', 'ER_ERROR_DURING_COMMIT', 'ECONNREFUSED']);

/** The database rolled the whole transaction back (or never started it) for a reason a re-run can cure. */
export function isRetryableTransactionError(err: unknown): boolean {
  if ((err as { doNotRetry?: boolean } | null)?.doNotRetry) return false;
  for (let e: unknown = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, errno, fatal } = e as { code?: string; errno?: number; fatal?: boolean };
    if (errno !== undefined && RETRYABLE_ERRNO.has(errno)) return true;
    if (code && RETRYABLE_CODES.has(code) && (code !== 'ECONNREFUSED' || fatal !== false)) return true;
  }
  return false;
}

/**
 * Mark an error so the transaction is not re-run: the callback already did something outside the database
 * (e.g. told another service) and a second run would do it again with new identifiers.
 */
export function doNotRetry(err: unknown): unknown {
  if (err && typeof err === 'object') (err as { doNotRetry?: boolean }).doNotRetry = true;
  return err;
}

/** Kept for callers of the earlier name: deadlocks and lock wait timeouts are among the retryable errors. */
export const isRetryableLockError = isRetryableTransactionError;

export interface TxRetryOptions {
  /** Attempts in all, the first included (default 6: a burst of certification conflicts settles well within). */
  attempts?: number;
  /** First backoff (ms), doubled each time with jitter, capped at maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/** Retries made in this process since start (the cluster suite reports them). */
export const txRetryStats = { retries: 0, byCode: {} as Record<string, number> };

const policies = new Map<string, ReturnType<typeof retry>>();

function policyFor(attempts: number, initialDelay: number, maxDelay: number) {
  const key = `${attempts}:${initialDelay}:${maxDelay}`;
  let p = policies.get(key);
  if (!p) {
    p = retry(handleWhen(isRetryableTransactionError), { maxAttempts: attempts - 1, backoff: new ExponentialBackoff({ initialDelay, maxDelay }) });
    p.onRetry((ev) => {
      txRetryStats.retries++;
      const code = 'error' in ev ? String((ev.error as { code?: string }).code ?? 'other') : 'result';
      txRetryStats.byCode[code] = (txRetryStats.byCode[code] ?? 0) + 1;
    });
    policies.set(key, p);
  }
  return p;
}

/**
 * Run a transaction, re-running it from the start when the database rolled it back for a retryable reason
 * (see above), with bounded exponential backoff. Only for callbacks that do nothing but database work.
 */
export async function retryingTransaction<T>(run: () => Promise<T>, opts: TxRetryOptions | number = {}): Promise<T> {
  const o = typeof opts === 'number' ? { attempts: opts } : opts;
  const policy = policyFor(Math.max(1, o.attempts ?? 6), o.initialDelayMs ?? 10, o.maxDelayMs ?? 400);
  return policy.execute(() => run());
}
