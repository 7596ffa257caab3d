import { asc, eq, inArray } from 'drizzle-orm';
import { isBusinessDate, type Clock } from '../../kernel/clock.js';
import { badInputs, conflict, forbidden, invalidState, notFound, type FieldProblem } from '../../kernel/errors.js';
import type { Caller } from '../../kernel/identity.js';
import { newId } from '../../kernel/ids.js';
import { retryingTransaction } from '../../kernel/db.js';
import { reliefProceedings, type ReliefRow } from './db/schema.js';
import { reliefOutcomeProblems } from './domain/relief-rules.js';
import { clockedAppender } from './records/log.js';
import type { DecisionChangeKind, RevocationInput } from './revocation.js';
import type { CaseRow, CasesRepo, CasesTx } from './repo.js';

// Relief proceedings (issue 17): an administrative reconsideration (行政复议法) or lawsuit (行政诉讼法) against a
// decision. The agency registers the application when it receives the copy (复议申请书副本 / 起诉状副本) and the
// outcome when the organ decides. Outcomes that end or change the decision go through the one revocation path
// (revocation.ts, source RELIEF): the decision stops being served and executed, its publication is withdrawn (R14).
// Each step is an entry of the case's record log (kind RELIEF), committed with the row.

export const RELIEF_KINDS = ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'] as const;
export type ReliefKind = (typeof RELIEF_KINDS)[number];
export const RELIEF_OUTCOMES = ['UPHELD', 'CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_VOID', 'SETTLED', 'WITHDRAWN'] as const;
export type ReliefOutcome = (typeof RELIEF_OUTCOMES)[number];

/** Outcomes that correct the decision (纠错): they change it through revocation.ts. */
export const CORRECTING_OUTCOMES: Partial<Record<ReliefOutcome, DecisionChangeKind>> = {
  CHANGED: 'CHANGED',
  REVOKED: 'REVOKED',
  CONFIRMED_ILLEGAL: 'CONFIRMED_ILLEGAL',
  CONFIRMED_VOID: 'CONFIRMED_VOID',
};

export const RELIEF_KIND_ZH: Record<ReliefKind, string> = { ADMINISTRATIVE_RECONSIDERATION: '行政复议', ADMINISTRATIVE_LITIGATION: '行政诉讼' };
export const RELIEF_OUTCOME_ZH: Record<ReliefOutcome, string> = {
  UPHELD: '维持',
  CHANGED: '变更',
  REVOKED: '撤销',
  CONFIRMED_ILLEGAL: '确认违法',
  CONFIRMED_VOID: '确认无效',
  SETTLED: '调解、和解',
  WITHDRAWN: '撤回、终止',
};

/** Legal staff (复议答复、应诉) and the principal of the deciding agency record relief proceedings. */
export function canRecordRelief(caller: Caller, c: { agencyId: string }): boolean {
  return (caller.role === 'REVIEWER' || caller.role === 'PRINCIPAL') && caller.agencyId === c.agencyId;
}

const text = (problems: FieldProblem[], field: string, v: string | null | undefined, max: number, what: string, required: boolean): string | null => {
  const s = (v ?? '').trim();
  if (!s) {
    if (required) problems.push({ field, reason: `须填写${what}` });
    return null;
  }
  if (s.length > max) problems.push({ field, reason: `${what}不得超过 ${max} 字` });
  return s;
};

const date = (problems: FieldProblem[], field: string, v: string, today: string, earliest: { date: string; what: string }): void => {
  if (!isBusinessDate(v)) return void problems.push({ field, reason: '须为有效日期（YYYY-MM-DD）' });
  if (v > today) problems.push({ field, reason: `不得晚于今天（${today}）` });
  else if (v < earliest.date) problems.push({ field, reason: `不得早于${earliest.what}（${earliest.date}）` });
};

export interface ReliefDeps {
  repo: CasesRepo;
  clock: Clock;
  /** The revocation path of the case service (revocation.ts), inside this transaction. */
  revokeDecision: (t: CasesTx, c: CaseRow, input: RevocationInput) => Promise<CaseRow>;
  /** The fine the case's decision orders now (as last changed), or null when it orders none. */
  decidedFine: (c: CaseRow) => Promise<string | null>;
}

export function createReliefService(deps: ReliefDeps) {
  const { repo, clock } = deps;
  const append = clockedAppender(clock);
  const orm = repo.orm;
  const tx = <T>(fn: (t: CasesTx) => Promise<T>) => retryingTransaction(() => orm.transaction(fn));
  const actor = (c: Caller) => c.officerId ?? c.subject;

  async function lock(t: CasesTx, id: string, version: number): Promise<ReliefRow> {
    const [row] = await t.select().from(reliefProceedings).where(eq(reliefProceedings.id, id)).for('update');
    if (!row) throw notFound('救济程序', id);
    if (row.version !== version)
      throw conflict(`救济程序已被他人更新（当前版本 ${row.version}，提交的版本 ${version}），请刷新后重试`, { currentVersion: row.version });
    return row;
  }

  return {
    byCaseIds: async (ids: readonly string[]): Promise<ReliefRow[]> =>
      ids.length
        ? orm
            .select()
            .from(reliefProceedings)
            .where(inArray(reliefProceedings.caseId, [...ids]))
            .orderBy(asc(reliefProceedings.receivedOn), asc(reliefProceedings.id))
        : [],

    /** The agency received a reconsideration application or a complaint against the case's decision. */
    async recordApplication(
      caller: Caller,
      a: { caseId: string; kind: string; organ: string; receivedOn: string; documentNumber?: string | null },
    ): Promise<ReliefRow> {
      const today = clock.today();
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId);
        if (!canRecordRelief(caller, c)) throw forbidden('行政复议、行政诉讼只能由作出决定的机关的法制人员或负责人登记');
        if (!c.decidedOn) throw invalidState('该案件尚未作出决定，没有可申请行政复议或提起诉讼的决定', { state: c.state });
        const problems: FieldProblem[] = [];
        if (!(RELIEF_KINDS as readonly string[]).includes(a.kind))
          problems.push({ field: 'kind', reason: '只能是行政复议（ADMINISTRATIVE_RECONSIDERATION）或行政诉讼（ADMINISTRATIVE_LITIGATION）' });
        const organ = text(problems, 'organ', a.organ, 100, '复议机关或人民法院', true);
        date(problems, 'receivedOn', a.receivedOn, today, { date: c.decidedOn, what: '决定日期' });
        const documentNumber = text(problems, 'documentNumber', a.documentNumber, 100, '案号', false);
        if (problems.length) throw badInputs(problems);
        const kind = a.kind as ReliefKind;
        const open = (await t.select().from(reliefProceedings).where(eq(reliefProceedings.caseId, c.id))).find((r) => r.kind === kind && !r.outcome);
        if (open) throw invalidState(`该决定已有未结的${RELIEF_KIND_ZH[kind]}（${open.receivedOn} 收到），请先登记其结果`, { reliefId: open.id });
        const now = clock.now();
        const row: ReliefRow = {
          id: newId(),
          caseId: c.id,
          agencyId: c.agencyId,
          caseType: c.caseType,
          kind,
          organ: organ!,
          receivedOn: a.receivedOn,
          documentNumber,
          outcome: null,
          outcomeOn: null,
          outcomeReason: null,
          outcomeDocumentNumber: null,
          correction: null,
          recordedBy: actor(caller),
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await t.insert(reliefProceedings).values(row);
        await append(t, {
          caseId: c.id,
          kind: 'RELIEF',
          stage: 'DECISION',
          actor: actor(caller),
          payload: { reliefId: row.id, step: 'RECEIVED', reliefKind: kind, organ: row.organ, receivedOn: row.receivedOn, documentNumber },
        });
        return row;
      });
    },

    /** The organ decided: record the outcome; a correcting outcome changes the decision (revocation.ts, R14). */
    async recordOutcome(
      caller: Caller,
      a: {
        id: string;
        version: number;
        outcome: string;
        decidedOn: string;
        reason: string;
        documentNumber?: string | null;
        correction?: string | null;
        changedFineAmount?: string | null;
      },
    ): Promise<ReliefRow> {
      const today = clock.today();
      return tx(async (t) => {
        const [head] = await t.select({ caseId: reliefProceedings.caseId }).from(reliefProceedings).where(eq(reliefProceedings.id, a.id));
        if (!head) throw notFound('救济程序', a.id);
        // The case first, then the proceeding: every action on a case takes its lock first.
        const c = await repo.lockCase(t, head.caseId);
        if (!canRecordRelief(caller, c)) throw forbidden('行政复议、行政诉讼的结果只能由作出决定的机关的法制人员或负责人登记');
        const r = await lock(t, a.id, a.version);
        if (r.outcome)
          throw invalidState(`该${RELIEF_KIND_ZH[r.kind as ReliefKind]}已登记结果（${RELIEF_OUTCOME_ZH[r.outcome as ReliefOutcome] ?? r.outcome}）`);
        const problems: FieldProblem[] = [];
        if (!(RELIEF_OUTCOMES as readonly string[]).includes(a.outcome)) problems.push({ field: 'outcome', reason: `只能是 ${RELIEF_OUTCOMES.join('、')}` });
        date(problems, 'decidedOn', a.decidedOn, today, { date: r.receivedOn, what: '收到申请（起诉）的日期' });
        const reason = text(problems, 'reason', a.reason, 2000, '结果的理由', true);
        const documentNumber = text(problems, 'documentNumber', a.documentNumber, 100, '文书文号', false);
        const correction = text(problems, 'correction', a.correction, 2000, '原决定被更正的内容', a.outcome === 'CHANGED');
        if (correction && a.outcome !== 'CHANGED') problems.push({ field: 'correction', reason: '只有结果为变更时才填写更正内容' });
        const decidedFine = await deps.decidedFine(c);
        const checked = reliefOutcomeProblems({ outcome: a.outcome, documentNumber, correction, changedFineAmount: a.changedFineAmount, decidedFine });
        problems.push(...checked.problems);
        if (problems.length) throw badInputs(problems);
        const outcome = a.outcome as ReliefOutcome;
        const changeKind = CORRECTING_OUTCOMES[outcome];
        if (changeKind && c.decisionChangeKind)
          throw invalidState(`该决定已被变更或撤销（${c.decisionChangeKind}，${c.decisionChangedOn}），不能再次变更`, { changeKind: c.decisionChangeKind });
        const now = clock.now();
        const patch = { outcome, outcomeOn: a.decidedOn, outcomeReason: reason, outcomeDocumentNumber: documentNumber, correction };
        await t
          .update(reliefProceedings)
          .set({ ...patch, version: r.version + 1, updatedAt: now })
          .where(eq(reliefProceedings.id, r.id));
        await append(t, {
          caseId: c.id,
          kind: 'RELIEF',
          stage: 'DECISION',
          actor: actor(caller),
          payload: {
            reliefId: r.id,
            step: 'CONCLUDED',
            reliefKind: r.kind,
            organ: r.organ,
            outcome,
            outcomeOn: a.decidedOn,
            reason,
            documentNumber,
            correction,
            ...(checked.changedFineAmount != null ? { changedFineAmount: checked.changedFineAmount } : {}),
          },
        });
        if (changeKind) {
          const why = `${RELIEF_KIND_ZH[r.kind as ReliefKind]}（${r.organ}${documentNumber ? `，${documentNumber}` : ''}）决定${RELIEF_OUTCOME_ZH[outcome]}：${reason}${correction ? `；更正：${correction}` : ''}`;
          await deps.revokeDecision(t, c, {
            kind: changeKind,
            reason: why,
            changedOn: a.decidedOn,
            changedFineAmount: checked.changedFineAmount,
            source: { kind: 'RELIEF', actor: actor(caller), reliefId: r.id, documentNumber },
          });
        }
        return { ...r, ...patch, version: r.version + 1, updatedAt: now };
      });
    },
  };
}

export type ReliefService = ReturnType<typeof createReliefService>;
