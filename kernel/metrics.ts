import type { ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

// Prometheus metrics (prom-client), one registry per service: `npm start` runs every service in one process
// and each /metrics must describe only its own. Series names: docs/operations.md; alert rules: ops/alerts.yml.
// METRICS=off turns the whole layer off (no registry, /metrics answers 404): the benchmark's "before" column.

export const metricsEnabled = (env: NodeJS.ProcessEnv = process.env) => env.METRICS !== 'off';

/** Request latency buckets (seconds): a fast list query is ~10 ms, the gateway's default upstream timeout 5 s. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Operation names come from clients: only well-formed names become label values, and only the first
 * `max` distinct ones (a client inventing names cannot grow the series without bound).
 */
export class OperationNames {
  private readonly seen = new Set<string>();
  constructor(private readonly max = 300) {}
  label(name: string | null | undefined): string {
    if (name === undefined) return '__unresolved';
    if (name === null || name === '') return '__anonymous';
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name)) return '__other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return '__other';
    this.seen.add(name);
    return name;
  }
}

export interface ServiceMetrics {
  readonly registry: Registry;
  readonly operations: OperationNames;
  /** One finished GraphQL request: its operation (label from `operations.label`), HTTP status, duration, error codes. */
  graphqlRequest(operation: string, status: number, seconds: number, errorCodes: readonly string[]): void;
  /** Gauges read when Prometheus scrapes (pool usage, lags): `collect` sets the value. */
  gauge(
    name: string,
    help: string,
    labelNames: readonly string[],
    collect: (set: (labels: Record<string, string>, value: number) => void) => void | Promise<void>,
  ): void;
  /**
   * A counter; `initial` lists the label sets to create at zero at once. An alert on `increase()` misses the first
   * event of a series created lazily (it appears already at 1), so every label set an alert rule uses is listed.
   */
  counter(name: string, help: string, labelNames: readonly string[], initial?: readonly Record<string, string>[]): Counter<string>;
  histogram(name: string, help: string, labelNames: readonly string[], buckets?: number[]): Histogram<string>;
  /** GET /metrics. */
  serve(res: ServerResponse): Promise<void>;
}

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'sanxiang_graphql_requests_total',
    help: 'GraphQL requests by operation name and HTTP status',
    labelNames: ['operation', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'sanxiang_graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name and HTTP status',
    labelNames: ['operation', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'sanxiang_graphql_errors_total',
    help: 'GraphQL errors in responses, by operation name and extensions.code',
    labelNames: ['operation', 'code'],
    registers: [registry],
  });
  // A counter without the operation label, created at zero: an alert on `increase()` sees the first internal
  // error (a series that appears already at 1 has no increase to see). ops/alerts.yml, InternalErrors.
  const internal = new Counter({
    name: 'sanxiang_graphql_internal_errors_total',
    help: 'INTERNAL_SERVER_ERROR errors in responses (created at zero at start, for alerting)',
    registers: [registry],
  });
  internal.inc(0);
  const operations = new OperationNames();
  return {
    registry,
    operations,
    graphqlRequest(operation, status, seconds, errorCodes) {
      const labels = { operation, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
      for (const code of errorCodes) {
        errors.inc({ operation, code });
        if (code === 'INTERNAL_SERVER_ERROR') internal.inc();
      }
    },
    gauge(name, help, labelNames, collect) {
      new Gauge({
        name,
        help,
        labelNames: [...labelNames],
        registers: [registry],
        async collect() {
          this.reset();
          await collect((labels, value) => (labelNames.length ? this.set(labels, value) : this.set(value)));
        },
      });
    },
    counter(name, help, labelNames, initial = []) {
      const c = new Counter({ name, help, labelNames: [...labelNames], registers: [registry] });
      for (const labels of initial) c.inc(labels, 0);
      return c;
    },
    histogram: (name, help, labelNames, buckets = LATENCY_BUCKETS) =>
      new Histogram({ name, help, labelNames: [...labelNames], buckets, registers: [registry] }),
    async serve(res) {
      const body = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
      res.end(body);
    },
  };
}

/** mysql2's pool keeps its counts in fields it does not document; read them defensively. */
interface PoolInternals {
  pool?: {
    _allConnections?: { length: number };
    _freeConnections?: { length: number };
    _connectionQueue?: { length: number };
    config?: { connectionLimit?: number };
  };
}

/** DB pool usage of a subgraph: connections in use, idle, the limit, and requests waiting for one. */
export function registerPoolMetrics(metrics: ServiceMetrics, pool: unknown): void {
  const core = () => (pool as PoolInternals).pool;
  metrics.gauge('sanxiang_db_pool_connections', 'Database pool connections by state (in_use, idle, max)', ['state'], (set) => {
    const p = core();
    const all = p?._allConnections?.length ?? 0;
    const free = p?._freeConnections?.length ?? 0;
    set({ state: 'in_use' }, all - free);
    set({ state: 'idle' }, free);
    set({ state: 'max' }, p?.config?.connectionLimit ?? 0);
  });
  metrics.gauge('sanxiang_db_pool_waiting_requests', 'Queries waiting for a free pool connection', [], (set) => {
    set({}, core()?._connectionQueue?.length ?? 0);
  });
}
