import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'mysql2/promise';
import { AppError } from './errors.js';
import { httpErrorBody, sendJson } from './http.js';
import type { Caller } from './identity.js';
import type { Logger } from './logger.js';
import type { SubgraphRoute } from './server.js';
import { csvLine, EXPORT_ROLES, scopeOf, type StatisticsScope } from './statistics.js';

// The rows behind an indicator as CSV (issue 7, generalised for reviews and inspections in issue 17):
// GET /exports/indicators/<name>.csv?from=&to=[&agencyId=] behind the internal token, streamed from a mysql2 query
// stream with back-pressure, UTF-8 with BOM, a Chinese header, every cell quoted and formula-safe.

export interface CsvExportSpec<R> {
  title: string;
  header: string[];
  /** The SQL of the rows (selected columns only) and its values, for a validated scope. */
  query: (scope: StatisticsScope, today: string) => { sql: string; values: unknown[] };
  cells: (row: R, today: string) => unknown[];
}

/**
 * Issue 25: an export whose rows must agree with a verified log first. Given every row of the export, it answers
 * null or the error that refuses the export (with a constant number of statements, whatever the number of rows);
 * it raises its own alarm. The export is then served from memory instead of streamed: nothing is written before
 * every row is verified.
 */
export type CsvRowsCheck<R> = (rows: readonly R[]) => Promise<AppError | null>;

const drained = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });

const refuse = (res: ServerResponse, status: number, code: string, message: string) => sendJson(res, status, httpErrorBody(code, message));

export async function streamCsvExport<R>(
  pool: Pool,
  exports: Record<string, CsvExportSpec<R>>,
  today: string,
  r: { req: IncomingMessage; res: ServerResponse; path: string; caller: Caller; log: Logger },
  check?: CsvRowsCheck<R>,
): Promise<void> {
  const { res } = r;
  if ((r.req.method ?? 'GET') !== 'GET') return refuse(res, 405, 'BAD_REQUEST', '只支持 GET (method not allowed)');
  const m = /^\/exports\/indicators\/([a-z0-9-]+)\.csv$/.exec(r.path);
  const spec = m ? exports[m[1]!] : undefined;
  if (!m || !spec) return refuse(res, 404, 'NOT_FOUND', `未找到该指标的导出：${r.path}`);
  if (!EXPORT_ROLES.includes(r.caller.role)) return refuse(res, 403, 'FORBIDDEN', '无权操作：指标明细导出仅限分析人员、执法监督人员和管理员');
  const params = new URL(r.req.url ?? '/', 'http://localhost').searchParams;
  let scope: StatisticsScope;
  try {
    scope = scopeOf({ agencyId: params.get('agencyId'), from: params.get('from') ?? '', to: params.get('to') ?? '' });
  } catch (err) {
    if (err instanceof AppError) return sendJson(res, 400, { errors: [{ message: err.message, extensions: err.extensions }] });
    throw err;
  }
  const { sql, values } = spec.query(scope, today);
  const stream = () =>
    (pool as unknown as { pool: { query: (o: object) => { stream: (o: object) => AsyncIterable<R> } } }).pool
      .query({ sql, values })
      .stream({ highWaterMark: 64 });
  let verified: R[] | null = null;
  if (check) {
    verified = [];
    for await (const row of stream()) verified.push(row);
    const fault = await check(verified);
    if (fault) return sendJson(res, 409, { errors: [{ message: fault.message, extensions: fault.extensions }] });
  }
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${m[1]}_${scope.from}_${scope.to}.csv"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.write('\uFEFF' + csvLine(spec.header));
  const query: Iterable<R> | AsyncIterable<R> = verified ?? stream();
  let count = 0;
  try {
    for await (const row of query) {
      if (res.destroyed) break;
      count++;
      if (!res.write(csvLine(spec.cells(row, today)))) await drained(res);
    }
    res.end();
  } catch (err) {
    r.log.error({ err }, 'indicator export failed');
    res.destroy(err as Error);
    return;
  }
  r.log.info({ indicator: m[1], rows: count }, 'indicator export');
}

export const csvExportRoute = <R>(pool: Pool, exports: Record<string, CsvExportSpec<R>>, today: () => string, check?: CsvRowsCheck<R>): SubgraphRoute => ({
  prefix: '/exports/',
  handle: (r) => streamCsvExport(pool, exports, today(), r, check),
});
