import type { Caller, Role } from '../../../kernel/identity.js';
import { AppError, forbidden, invalidState } from '../../../kernel/errors.js';
import type { PublicationStatus } from './types.js';

/** R1: ex-ante information is published only after legal staff approve it. */
export type WorkflowAction = 'revise' | 'submit' | 'approve' | 'reject' | 'publish' | 'retire';

const FROM: Record<WorkflowAction, readonly PublicationStatus[]> = {
  revise: ['DRAFT', 'PUBLISHED', 'RETIRED'],
  submit: ['DRAFT'],
  approve: ['SUBMITTED'],
  reject: ['SUBMITTED'],
  publish: ['APPROVED'],
  retire: ['PUBLISHED'],
};
const TO: Record<Exclude<WorkflowAction, 'revise'>, PublicationStatus> = {
  submit: 'SUBMITTED',
  approve: 'APPROVED',
  reject: 'DRAFT',
  publish: 'PUBLISHED',
  retire: 'RETIRED',
};

/** Who may do what: drafting by the legal unit's staff, approving by a reviewer, publishing by legal staff. */
const ROLES: Record<WorkflowAction, readonly Role[]> = {
  revise: ['OFFICER', 'REVIEWER', 'ADMIN'],
  submit: ['OFFICER', 'REVIEWER', 'ADMIN'],
  approve: ['REVIEWER'],
  reject: ['REVIEWER'],
  publish: ['REVIEWER', 'ADMIN'],
  retire: ['REVIEWER', 'ADMIN'],
};

const STATUS_ZH: Record<PublicationStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交审核',
  APPROVED: '审核通过',
  PUBLISHED: '已公示',
  RETIRED: '已停止公示',
};
const ACTION_ZH: Record<WorkflowAction, string> = {
  revise: '修改',
  submit: '提交审核',
  approve: '审核通过',
  reject: '退回',
  publish: '公示',
  retire: '废止',
};

export const actorId = (c: Caller) => c.officerId ?? c.subject;

export function assertMayAct(action: WorkflowAction, caller: Caller, docAgencyId: string): void {
  if (!ROLES[action].includes(caller.role)) {
    throw forbidden(`${ACTION_ZH[action]}需要角色 ${ROLES[action].join('/')}，当前角色 ${caller.role}`);
  }
  if (caller.role !== 'ADMIN' && caller.agencyId !== docAgencyId) {
    throw forbidden('只能处理本机关的事前公开信息');
  }
}

/** Returns the status after the action, or refuses with INVALID_STATE / FORBIDDEN. */
export function transition(
  action: Exclude<WorkflowAction, 'revise'>,
  doc: { status: PublicationStatus; submittedBy: string | null; agencyId: string },
  caller: Caller,
  note: string | null | undefined,
): PublicationStatus {
  assertMayAct(action, caller, doc.agencyId);
  if (!FROM[action].includes(doc.status)) {
    throw invalidState(`${STATUS_ZH[doc.status]}的版本不能${ACTION_ZH[action]}`, { status: doc.status, action });
  }
  if ((action === 'approve' || action === 'reject') && doc.submittedBy === actorId(caller)) {
    throw forbidden('不能审核本人提交的事项（审核与起草须分离）');
  }
  if ((action === 'reject' || action === 'retire') && !note?.trim()) {
    throw new AppError('BAD_USER_INPUT', `输入有误：note ${ACTION_ZH[action]}须说明理由`, { field: 'note', reason: `${ACTION_ZH[action]}须说明理由` });
  }
  return TO[action];
}

/** How a revision applies: edit the draft in place, or open a new draft version. */
export function revisionMode(status: PublicationStatus): 'in-place' | 'new-version' {
  if (status === 'DRAFT') return 'in-place';
  if (status === 'PUBLISHED' || status === 'RETIRED') return 'new-version';
  throw invalidState(`${STATUS_ZH[status]}的版本不能修改，请先退回或等待审核完成`, { status, action: 'revise' });
}
