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
      ].includes(code))
  );
}
