import { GraphQLError } from 'graphql';

/** The one list of refusal codes (ARCHITECTURE.md "Errors"). */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'REVIEW_REQUIRED',
  'CREDENTIAL_INVALID',
  'RECORD_INCOMPLETE',
  'UPSTREAM_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  field: string;
  reason: string;
}

/** A refusal the client may see: message in Chinese, code in English. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (field: string, reason: string, more: FieldProblem[] = []) =>
  new AppError('BAD_USER_INPUT', `输入有误：${field} ${reason}`, {
    field,
    reason,
    ...(more.length ? { problems: [{ field, reason }, ...more] } : {}),
  });
export const badInputs = (problems: FieldProblem[]) => {
  const [first, ...rest] = problems;
  if (!first) throw new Error('badInputs needs at least one problem');
  return badInput(first.field, first.reason, rest);
};
export const forbidden = (reason: string) => new AppError('FORBIDDEN', `无权操作：${reason}`, { reason });
export const unauthenticated = (reason = '需要登录') => new AppError('UNAUTHENTICATED', reason);
export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `未找到${what}：${id}`, { what, id });
export const conflict = (reason: string, extra: Record<string, unknown> = {}) => new AppError('CONFLICT', `冲突：${reason}`, { reason, ...extra });
export const invalidState = (reason: string, extra: Record<string, unknown> = {}) =>
  new AppError('INVALID_STATE', `当前状态不允许此操作：${reason}`, { reason, ...extra });

/** Codes we trust to show as-is; anything else is an internal error and gets masked. */
export function isClientSafe(code: unknown): boolean {
  return (
    typeof code === 'string' &&
    ((ERROR_CODES as readonly string[]).includes(code) ||
      [
        'GRAPHQL_PARSE_FAILED',
        'GRAPHQL_VALIDATION_FAILED',
        'BAD_REQUEST',
        'PERSISTED_QUERY_NOT_FOUND',
        'PERSISTED_QUERY_NOT_SUPPORTED',
        'OPERATION_RESOLUTION_FAILURE',
        ...HTTP_ERROR_CODES,
      ].includes(code))
  );
}

// ---- Errors that are not ours: what they mean for the client ------------------------------------------

/** Codes answered at the HTTP level (before GraphQL runs), shaped like GraphQL errors. */
export const HTTP_ERROR_CODES = ['BAD_REQUEST', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE'] as const;

interface DriverError {
  code?: unknown;
  errno?: unknown;
  sqlMessage?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

/**
 * The error and everything it wraps: GraphQL's originalError, drizzle's DrizzleQueryError and our own `cause`, an
 * AggregateError's errors (Node's connect to several addresses, Promise.any), a DataLoader's or cockatiel's rethrow
 * (the same object). Breadth first, each once, bounded.
 */
function* chain(err: unknown): Generator<DriverError> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length && seen.size < 32) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    yield e as DriverError;
    const d = e as DriverError & { errors?: unknown };
    queue.push(d.originalError, d.cause);
    if (Array.isArray(d.errors)) queue.push(...d.errors);
  }
}

// The server cannot be reached or went away: the client did nothing wrong, the subgraph's store is down.
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNABORTED',
  'ENETDOWN',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'PROTOCOL_PACKETS_OUT_OF_ORDER',
  'POOL_NONEONLINE',
  'POOL_CLOSED',
  // kernel/db.ts: no pooled connection within DB_ACQUIRE_TIMEOUT_MS (every connection busy, e.g. on a hung node).
  'POOL_ACQUIRE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_ACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'ER_QUERY_INTERRUPTED',
  'ER_CONNECTION_KILLED',
]);
// The server refuses this service's account or its writes (issue 29): a locked account, privileges revoked, a
// read-only server. The operator's to fix; for the client the store is unavailable. By errno, because mysql2 names
// MariaDB's own numbers after MySQL's (MariaDB's 4151 "account is locked" arrives as ER_BULK_PARSER_…).
const REFUSED_ERRNOS = new Map<number, string>([
  [1044, 'database access denied'], // ER_DBACCESS_DENIED_ERROR
  [1045, 'access denied'], // ER_ACCESS_DENIED_ERROR
  [1142, 'table access denied'], // ER_TABLEACCESS_DENIED_ERROR (privileges revoked)
  [1143, 'column access denied'], // ER_COLUMNACCESS_DENIED_ERROR
  [1227, 'access denied'], // ER_SPECIFIC_ACCESS_DENIED_ERROR
  [1370, 'routine access denied'], // ER_PROCACCESS_DENIED_ERROR
  [1290, 'read-only server'], // ER_OPTION_PREVENTS_STATEMENT (--read-only)
  [1792, 'read-only transaction'], // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
  [1836, 'read-only mode'], // ER_READ_ONLY_MODE
  [3118, 'account locked'], // MySQL's ER_ACCOUNT_HAS_BEEN_LOCKED
  [4151, 'account locked'], // MariaDB's ER_ACCOUNT_HAS_BEEN_LOCKED
]);
// Contention that outlived the retries: nothing wrong with the request either.
const BUSY_CODES = new Set(['ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK']);

/**
 * Conditions of the database, not of the request (issue 27): each reaches the client as UPSTREAM_UNAVAILABLE with
 * its reason in Chinese, whether it came out of a transaction whose retries ran out or out of a plain read. By
 * errno first (MariaDB-only numbers have no code name in mysql2), then by code.
 */
const LOST = '数据库暂不可用（连接中断：节点无响应、被切断或已重启），本次操作未确认生效，请稍后重试 (connection to the database lost)';
const UNAVAILABLE_BY_ERRNO: Record<number, string> = {
  1047: '数据库集群节点暂不可用（节点不在主组件或尚未就绪，可能失去法定人数），请稍后重试 (cluster node not ready / non-primary)',
  1180: '数据库提交失败（集群节点中止了提交），本次操作未生效，请稍后重试 (error during commit; nothing was written)',
  1181: '数据库回滚失败（连接或节点异常），本次操作未生效，请稍后重试 (error during rollback)',
  1205: '数据库繁忙（锁等待超时），本次操作未生效，请稍后重试 (lock wait timeout)',
  1213: '数据库繁忙（并发冲突），本次操作未生效，请稍后重试 (deadlock / certification conflict)',
  1614: '数据库繁忙（并发冲突），本次操作未生效，请稍后重试 (XA deadlock)',
  1637: '数据库繁忙（并发事务过多），请稍后重试 (too many concurrent transactions)',
  1044: '数据库拒绝了服务账户的访问（权限不足），请联系运维人员 (access denied)',
  1045: '数据库拒绝了服务账户的登录（账户或密码不符），请联系运维人员 (access denied)',
  1142: '数据库拒绝了服务账户的访问（表权限不足），请联系运维人员 (access denied)',
  1290: '数据库处于只读状态，暂不能写入，请稍后重试 (read-only)',
  1836: '数据库处于只读状态，暂不能写入，请稍后重试 (read-only)',
  1792: '数据库处于只读状态，暂不能写入，请稍后重试 (read-only transaction)',
  3118: '数据库服务账户已被锁定，请联系运维人员 (account locked)',
  4151: '数据库服务账户已被锁定，请联系运维人员 (account locked)',
  1040: '数据库连接数已满，请稍后重试 (too many connections)',
  1203: '数据库连接数已满（服务账户的连接上限），请稍后重试 (too many user connections)',
  1226: '数据库连接数已满（服务账户的资源上限），请稍后重试 (user resource limit reached)',
  1053: '数据库正在关闭，请稍后重试 (server shutdown)',
  1077: '数据库正在关闭，请稍后重试 (server shutdown)',
  1078: '数据库正在关闭，请稍后重试 (server shutdown)',
  1079: '数据库正在关闭，请稍后重试 (server shutdown)',
  1080: '数据库正在关闭，请稍后重试 (server shutdown)',
  1049: '数据库不存在或尚未创建，请联系运维人员 (unknown database)',
  // The server ended the statement or the connection: killed (MariaDB's 1927 "Connection was killed", which mysql2
  // has no name for, e.g. a rejoining Galera node closing its clients), interrupted, timed out, a network error.
  1927: LOST,
  1317: '数据库查询被中断，本次操作未确认生效，请稍后重试 (query interrupted)',
  1969: '数据库查询超时，请稍后重试 (max_statement_time exceeded)',
  3024: '数据库查询超时，请稍后重试 (query timeout)',
  4031: LOST,
  1152: LOST,
  1184: LOST,
  1154: LOST,
  1156: LOST,
  1158: LOST,
  1159: LOST,
  1160: LOST,
  1161: LOST,
  // libmysqlclient's client-side numbers (a proxy or a federated table may pass them on): server gone / lost.
  2002: '数据库暂不可用（无法连接），请稍后重试 (cannot connect)',
  2003: '数据库暂不可用（无法连接），请稍后重试 (cannot connect)',
  2006: LOST,
  2013: LOST,
  2055: LOST,
};
const UNAVAILABLE_MESSAGES: [RegExp, string][] = [
  [/WSREP has not yet prepared node|wsrep_ready|non-Primary|WSREP (?:is )?not ready/i, UNAVAILABLE_BY_ERRNO[1047]!],
  [/account is locked|Account has been locked/i, UNAVAILABLE_BY_ERRNO[4151]!],
  [/--read-only option|read-only mode|in a READ ONLY transaction/i, UNAVAILABLE_BY_ERRNO[1290]!],
  [
    /Timeout acquiring a connection|Queue limit reached|No connections available|connection acquisition/i,
    '数据库连接暂不可用（获取连接超时），请稍后重试 (connection acquisition timed out)',
  ],
  [/Query inactivity timeout|query timed out/i, '数据库查询超时（节点无响应），请稍后重试 (query timed out)'],
  [/Deadlock found when trying to get lock/i, UNAVAILABLE_BY_ERRNO[1213]!],
  [/Lock wait timeout exceeded/i, UNAVAILABLE_BY_ERRNO[1205]!],
  [
    /Connection was killed|Lost connection to (?:MySQL|MariaDB|server)|server has gone away|Can't (?:add new command|write) (?:when connection is )?in closed state/i,
    LOST,
  ],
];
const UNREACHABLE = '数据库暂不可用（无法连接或连接中断），请稍后重试 (database unavailable)';
const unavailable = (reason: string, serviceName?: string) => new AppError('UPSTREAM_UNAVAILABLE', reason, { reason, ...(serviceName ? { serviceName } : {}) });
const UNREACHABLE_MESSAGES = /Pool is closed|connection is in closed state|in closed state|Connection lost|connect ETIMEDOUT|Too many connections/i;

// A value the database refused for a column: a client mistake that slipped past validation (too long, out of range).
const VALUE_CODES: Record<string, string> = {
  ER_DATA_TOO_LONG: '过长',
  ER_TRUNCATED_WRONG_VALUE: '格式或取值无效',
  ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: '格式或取值无效',
  ER_WARN_DATA_OUT_OF_RANGE: '超出允许范围',
  ER_DATETIME_FUNCTION_OVERFLOW: '超出允许范围',
  ER_WRONG_VALUE: '格式或取值无效',
  ER_BAD_NULL_ERROR: '不能为空',
  ER_INVALID_CHARACTER_STRING: '含有无法保存的字符',
  ER_NO_REFERENCED_ROW_2: '引用的记录不存在',
};
const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The column a refusal names (the messages quote it as 'col', `db`.`table`.`col` or "col"). */
function columnOf(message: string): string | null {
  const m = /column [`'"]?(?:[\w$]+[`'"]?\.[`'"]?)*([\w$]+)[`'"]?/i.exec(message) ?? /FOREIGN KEY \(`([\w$]+)`\)/.exec(message);
  return m?.[1] ?? null;
}

/**
 * What an error that is not one of our AppErrors means to the client, or null for a genuine internal
 * error. Database values it refused are BAD_USER_INPUT naming the field (never echoing the value); a
 * database that cannot be reached is UPSTREAM_UNAVAILABLE.
 */
export function clientErrorFor(err: unknown, serviceName?: string): AppError | null {
  for (const e of chain(err)) {
    // graphql-js gives up on a request whose variables hold too many wrong values (no code of its own).
    if (typeof e.message === 'string' && e.message.startsWith('Too many errors processing variables')) {
      return badInput('variables', '变量中的错误过多，已停止检查 (too many invalid variable values)');
    }
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.sqlMessage === 'string' ? e.sqlMessage : typeof e.message === 'string' ? e.message : '';
    const reason = VALUE_CODES[code];
    if (reason) {
      const field = camel(columnOf(message) ?? 'input');
      return badInput(field, reason);
    }
    const errno = typeof e.errno === 'number' ? e.errno : undefined;
    const known = errno !== undefined ? UNAVAILABLE_BY_ERRNO[errno] : undefined;
    const byMessage = errno === undefined || code === '' ? UNAVAILABLE_MESSAGES.find(([re]) => re.test(message))?.[1] : undefined;
    const refused = errno !== undefined && typeof e.sqlMessage === 'string' ? REFUSED_ERRNOS.get(errno) : undefined;
    const reasonOf =
      known ??
      byMessage ??
      (BUSY_CODES.has(code) ? '数据库繁忙，本次操作未生效，请稍后重试 (database busy)' : undefined) ??
      (refused ? `数据库拒绝本服务的账号或写入，请联系运维人员 (database unavailable: ${refused})` : undefined) ??
      (UNREACHABLE_CODES.has(code) || (code === '' && UNREACHABLE_MESSAGES.test(message)) ? UNREACHABLE : undefined) ??
      // mysql2 marks every error that ended the connection fatal (network, protocol, a command on a closed
      // connection, a timeout): whatever its code, the store went away under the request.
      ((e as { fatal?: unknown }).fatal === true ? LOST : undefined);
    if (reasonOf) return unavailable(reasonOf, serviceName);
  }
  return null;
}
