// Result codes and methods of provincial random-inspection platforms (DOMAIN.md §8), as the platform sends them.

export const RESULT_KINDS = {
  '1': { kind: 'NO_PROBLEM', label: '未发现问题', problems: false },
  A: { kind: 'PROBLEM_PENDING', label: '发现问题待后续处理', problems: true },
  E: { kind: 'CORRECTED', label: '发现问题已责令改正', problems: true },
  F: { kind: 'ACTIVITY_NOT_FOUND', label: '未发现开展本次抽查涉及的经营活动', problems: false },
  '7': { kind: 'CLOSED_OR_LIQUIDATING', label: '已关闭停业或正在组织清算', problems: false },
  '8': { kind: 'REFUSED_TO_COOPERATE', label: '不配合检查情节严重', problems: true },
  '9': { kind: 'DEREGISTERED', label: '已注销', problems: false },
  '10': { kind: 'LICENCE_REVOKED', label: '已被吊销营业执照', problems: false },
  '11': { kind: 'REGISTRATION_CANCELLED', label: '已被撤销登记', problems: false },
  '12': { kind: 'MOVED_OUT', label: '已迁出', problems: false },
} as const;
export type ResultCode = keyof typeof RESULT_KINDS;
export type ResultKind = (typeof RESULT_KINDS)[ResultCode]['kind'];
export const RESULT_CODES = Object.keys(RESULT_KINDS) as ResultCode[];
export const isResultCode = (s: string): s is ResultCode => Object.hasOwn(RESULT_KINDS, s);
export const codesOfKind = (kind: string): ResultCode[] => RESULT_CODES.filter((c) => RESULT_KINDS[c].kind === kind);
export const PROBLEM_CODES = RESULT_CODES.filter((c) => RESULT_KINDS[c].problems);

/** Sub-codes exist only under A (problem found, follow-up pending). */
export const SUB_CODES: Record<string, string> = {
  B: '未按规定公示应当公示的信息',
  C: '公示信息隐瞒真实情况、弄虚作假',
  '6': '通过登记的住所（经营场所）无法联系',
};

export const METHODS = {
  '1': 'ON_SITE',
  '2': 'DOCUMENTARY',
  '3': 'OTHER_DEPARTMENT_FINDINGS',
  '4': 'TESTING',
  '5': 'ONLINE_MONITORING',
  '6': 'PROFESSIONAL_AGENCY',
} as const;
export type MethodCode = keyof typeof METHODS;
export type Method = (typeof METHODS)[MethodCode];

export const FOLLOW_UP_ACTIONS = ['NONE', 'ORDER_CORRECTION', 'FILE_CASE', 'REFER'] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

export const TASK_STATUSES = ['DRAWN', 'IN_PROGRESS', 'COMPLETED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** R19: results are published within 20 working days of the end of the check. */
export const PUBLICATION_WORKING_DAYS = 20;
