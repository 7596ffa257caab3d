import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * What every log line written while serving a request carries, wherever the logger came from: the
 * GraphQL operation name (once resolved) and the trace id. Set by the HTTP layer (gateway and subgraphs).
 */
export interface LogFields {
  operation?: string;
  traceId?: string;
}
export const logContext = new AsyncLocalStorage<LogFields>();

// Database errors carry the statement and its values (drizzle: "Failed query: … params: …", mysql2: `sql`,
// "Duplicate entry '<value>'"): case facts and personal data. Logs keep the code and the statement shape only.
const PARAMS = /\bparams: [\s\S]*?(?=\n\s+at |$)/g;
const QUOTED_VALUE = /(Duplicate entry|Incorrect \w+ value:?|value) '(?:[^'\\]|\\.)*'/g;
export const redactSql = (text: string): string => text.replace(PARAMS, 'params: [redacted]').replace(QUOTED_VALUE, "$1 '[redacted]'");

/** An error for the log: type, code, message and stack, then its cause chain, never SQL values or client input. */
export function safeErrorSerializer(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: redactSql(String(err)) };
  const e = err as Error & { code?: unknown; errno?: unknown; sqlState?: unknown; extensions?: Record<string, unknown>; originalError?: unknown };
  const out: Record<string, unknown> = { type: e.constructor?.name ?? 'Error', message: redactSql(e.message) };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (typeof e.errno === 'number') out.errno = e.errno;
  if (typeof e.sqlState === 'string') out.sqlState = e.sqlState;
  if (e.extensions && typeof e.extensions === 'object') {
    // GraphQL extensions may echo what a client sent (a refused value): keep the code, field and service only.
    const { code, field, serviceName } = e.extensions;
    out.extensions = Object.fromEntries(Object.entries({ code, field, serviceName }).filter(([, v]) => v !== undefined));
  }
  const cause = e.originalError ?? e.cause;
  // The outermost stack says where it surfaced, the innermost where it began; the ones between repeat them.
  if (e.stack && (depth === 0 || !cause)) out.stack = redactSql(e.stack);
  if (cause && cause !== err && depth < 5) out.cause = safeErrorSerializer(cause, depth + 1);
  return out;
}

/**
 * JSON lines on stdout. Every line names its `service` once (a process running several services gives each
 * its own logger: see scripts/start.ts), and a request's lines carry `reqId`, `operation` and `traceId`.
 */
/**
 * While set — `npm start` before its banner (issue 29) — every logger writes its info lines at debug: startup and the
 * ~230 per-request lines of seeding the demo data no longer bury the "sanxiang is running" banner. Warnings and
 * errors are written as always; LOG_LEVEL=debug shows everything.
 */
let startupQuiet = false;
export function quietStartup(on: boolean): void {
  startupQuiet = on;
}

export function createLogger(service: string, level = process.env.LOG_LEVEL || 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: (...a: Parameters<Logger['info']>) => void, levelNumber: number) {
        if (startupQuiet && levelNumber === 30) return this.debug(...args);
        return method.apply(this, args);
      },
    },
    base: { service },
    serializers: { err: safeErrorSerializer },
    mixin: (): LogFields => {
      const store = logContext.getStore();
      return store ? { operation: store.operation, traceId: store.traceId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
