import { forbidden } from '../../../../kernel/errors.js';
import type { Caller } from '../../../../kernel/identity.js';

// Who sees and handles supervision clues (issue 30). Pure rules, no database.
//  - SUPERVISOR (执法监督) without an agency on the token: every agency; with one: the clues it supervises (its own
//    cases and those an entrusted organisation handles in its name) — and only a supervisor handles clues.
//  - ADMIN: every agency, read only.
//  - agency staff (OFFICER, REVIEWER, PRINCIPAL): their own agency's clues, read only.
//  - ANALYST: aggregates only (counts by model, scorecards in `statistics`), never a clue or its evidence.
//  - PUBLIC, PARTNER: nothing.

export type ClueReadScope = { kind: 'ALL' } | { kind: 'SUPERVISING'; agencyId: string } | { kind: 'OWN'; agencyId: string };

const STAFF: Caller['role'][] = ['OFFICER', 'REVIEWER', 'PRINCIPAL'];

export function clueReadScope(caller: Caller): ClueReadScope {
  if (caller.role === 'SUPERVISOR') return caller.agencyId ? { kind: 'SUPERVISING', agencyId: caller.agencyId } : { kind: 'ALL' };
  if (caller.role === 'ADMIN' || caller.role === 'SERVICE') return { kind: 'ALL' };
  if (STAFF.includes(caller.role) && caller.agencyId) return { kind: 'OWN', agencyId: caller.agencyId };
  if (caller.role === 'ANALYST') throw forbidden('分析人员只能查看执法监督的汇总数据（statistics.supervision），不能查看线索');
  throw forbidden('执法监督线索仅限执法监督人员和执法机关工作人员查看');
}

/** Whether a clue (or finding) of `agencyId`, supervised by `supervisingAgencyId`, is within the caller's scope. */
export function inClueScope(scope: ClueReadScope, c: { agencyId: string; supervisingAgencyId: string }): boolean {
  if (scope.kind === 'ALL') return true;
  if (scope.kind === 'OWN') return c.agencyId === scope.agencyId;
  return c.agencyId === scope.agencyId || c.supervisingAgencyId === scope.agencyId;
}

/** Running models (raising clues) and handling clues: supervisors only. */
export function requireSupervisor(caller: Caller, what: string): void {
  if (caller.role !== 'SUPERVISOR') throw forbidden(`只有执法监督人员可以${what}`);
}

export const CLUE_DECISIONS = ['ACCEPTED', 'DISMISSED'] as const;
export type ClueDecision = (typeof CLUE_DECISIONS)[number];
