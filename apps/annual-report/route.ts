import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpErrorBody, requestIdOf, sendJson } from '../../kernel/http.js';
import type { Caller, UserTokenVerifier } from '../../kernel/identity.js';
import type { Logger } from '../../kernel/logger.js';
import { EXPORT_ROLES } from '../../kernel/statistics.js';
import { AuthError, callerOf } from '../../kernel/bearer.js';
import type { GatewayRoute } from '../../gateway/routes.js';
import { PdfUnavailable } from './pdf.js';
import { ReportError, buildAnnualReport, fetchAnnualData, renderAnnual, validYear, type ReportFormat } from './annual.js';

// GET /reports/annual/<year>.pdf|.html|.csv[?agencyId=] — the annual statistics report (issue 17) for analysts,
// supervisors and administrators, mounted by the gateway. It runs the report's ONE statistics request against the
// gateway's own /graphql with the caller's own token (so the same access rules decide), then renders it.

const REPORT_PATH = /^\/reports\/annual\/(\d{4})\.(pdf|html|csv)$/;

export interface ReportRouteOptions {
  verify: UserTokenVerifier;
  /** This gateway's own /graphql URL. */
  graphqlUrl: () => string;
  log: Logger;
  requestId?: string;
}

export async function handleReport(req: IncomingMessage, res: ServerResponse, opts: ReportRouteOptions): Promise<void> {
  const requestId = opts.requestId ?? requestIdOf(req);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const refuse = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    sendJson(res, status, httpErrorBody(code, message), { 'x-request-id': requestId, ...headers });
  if ((req.method ?? 'GET') !== 'GET') return refuse(405, 'BAD_REQUEST', '只支持 GET (method not allowed)');
  const m = REPORT_PATH.exec(url.pathname);
  if (!m) return refuse(404, 'NOT_FOUND', `未找到该报告：${url.pathname}（/reports/annual/<年份>.pdf|.html|.csv）`);
  let caller: Caller;
  try {
    caller = await callerOf(req, opts.verify);
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    return refuse(401, 'UNAUTHENTICATED', err.message, { 'www-authenticate': 'Bearer' });
  }
  if (caller.role === 'PUBLIC') return refuse(401, 'UNAUTHENTICATED', '需要登录：统计年报仅限分析人员、执法监督人员和管理员', { 'www-authenticate': 'Bearer' });
  if (!EXPORT_ROLES.includes(caller.role)) return refuse(403, 'FORBIDDEN', '无权操作：统计年报仅限分析人员、执法监督人员和管理员');
  let year: number;
  try {
    year = validYear(m[1]);
  } catch (err) {
    return refuse(400, 'BAD_USER_INPUT', (err as Error).message);
  }
  const agencyId = url.searchParams.get('agencyId')?.trim() || null;
  const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')![1]!;
  try {
    const report = buildAnnualReport(year, await fetchAnnualData(opts.graphqlUrl(), token, year, agencyId));
    const format = m[2] as ReportFormat;
    const { body, contentType } = await renderAnnual(report, format);
    res.writeHead(200, {
      'content-type': contentType,
      'content-length': String(body.length),
      'content-disposition': `attachment; filename="annual-${year}.${format}"; filename*=UTF-8''${encodeURIComponent(`${report.agencyName}${year}年度行政执法统计年报.${format}`)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-request-id': requestId,
    });
    res.end(body);
    opts.log.info({ year, format, role: caller.role }, 'annual report');
  } catch (err) {
    if (err instanceof PdfUnavailable) {
      const limited = err.code === 'RATE_LIMITED';
      return refuse(limited ? 429 : 503, err.code, err.message, err.retryAfterSeconds ? { 'retry-after': String(err.retryAfterSeconds) } : {});
    }
    if (err instanceof ReportError) {
      const status = err.code === 'BAD_USER_INPUT' ? 400 : err.code === 'FORBIDDEN' ? 403 : 503;
      return refuse(status, err.code, err.message);
    }
    throw err;
  }
}

/** Mounted by the gateway at /reports/ (rate limited). */
export const annualReportRoute: GatewayRoute = {
  name: 'annual-report',
  matches: (path) => path.startsWith('/reports/'),
  rateLimited: true,
  handle: (req, res, ctx) => handleReport(req, res, { verify: ctx.verify, log: ctx.log, requestId: ctx.requestId, graphqlUrl: () => ctx.graphqlUrl() }),
};
