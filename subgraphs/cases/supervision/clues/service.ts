import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Clock } from '../../../../kernel/clock.js';
import { retryingTransaction } from '../../../../kernel/db.js';
import { badInput, conflict, forbidden, invalidState, notFound, type FieldProblem, badInputs } from '../../../../kernel/errors.js';
import type { Caller } from '../../../../kernel/identity.js';
import { newId } from '../../../../kernel/ids.js';
import type { Connection, Page } from '../../../../kernel/pagination.js';
import { scopeOf } from '../../../../kernel/statistics.js';
import { clockedAppender } from '../../records/log.js';
import type { CasesRepo, CasesTx } from '../../repo.js';
import { CLUE_DECISIONS, clueReadScope, inClueScope, requireSupervisor, type ClueDecision, type ClueReadScope } from './access.js';
import { supervisionClues, type ClueEvidence, type ClueRow } from './db.js';
import { defaultParams, ratio, type FederatedFacts, type ModelScope, type Params, type ProblemInspection, type ProblemModel } from './model.js';
import { modelByCode, SUPERVISION_MODELS } from './registry.js';

// Running problem models and handling their clues (issue 30). A run costs one statement per model (plus, for the R19
// join model, one call to `inspections`), whatever the number of cases. Raising writes each new clue with its record
// entry in one transaction; handling is a conditional update with its record entry, also in one transaction.

/** One row a model statement returned, turned into a finding. */
export interface Finding {
  model: ProblemModel;
  agencyId: string;
  supervisingAgencyId: string;
  subject: string;
  hits: number;
  base: number;
  measure: number;
  threshold: number;
  summary: string;
  caseIds: string[];
  parameters: Params;
}

/** The case ids a finding may carry as its drill-down (the first ones; the counts say how many there are). */
export const MAX_EVIDENCE_CASES = 200;

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0)) || 0;
function caseIdsOf(v: unknown): string[] {
  let arr: unknown = v;
  if (typeof v === 'string') {
    try {
      arr = JSON.parse(v);
    } catch {
      arr = [];
    }
  }
  if (!Array.isArray(arr)) return [];
  return [...new Set(arr.filter((x): x is string => typeof x === 'string'))].sort().slice(0, MAX_EVIDENCE_CASES);
}

/** The period and agency of a run, validated like a statistics filter (5 years at most). */
export function modelScope(input: { agencyId?: string | null; from: string; to: string }, today: string): ModelScope {
  const s = scopeOf({ agencyId: input.agencyId ?? null, from: input.from, to: input.to });
  return { agencyId: s.agencyId, from: s.from, to: s.to, today };
}

/** The models asked for (all when none), and parameter overrides checked against each model's own parameters. */
export function selectModels(codes: readonly string[] | null | undefined): ProblemModel[] {
  if (!codes?.length) return [...SUPERVISION_MODELS];
  const problems: FieldProblem[] = [];
  const out: ProblemModel[] = [];
  for (const code of new Set(codes)) {
    const m = modelByCode(code);
    if (!m) problems.push({ field: 'models', reason: `没有问题模型 ${code}` });
    else out.push(m);
  }
  if (problems.length) throw badInputs(problems);
  return out;
}

export function paramsFor(model: ProblemModel, overrides: readonly { name: string; value: number }[] | null | undefined): Params {
  const p = defaultParams(model);
  for (const o of overrides ?? []) {
    if (!(o.name in model.parameters)) throw badInput('parameters', `问题模型 ${model.code} 没有参数 ${o.name}`);
    if (!Number.isFinite(o.value) || o.value < 0 || o.value > 100_000) throw badInput('parameters', `参数 ${o.name} 须为 0 至 100000 之间的数`);
    p[o.name] = o.value;
  }
  return p;
}

export const fingerprintOf = (f: Pick<Finding, 'agencyId' | 'subject'> & { modelCode: string }, scope: ModelScope): string =>
  createHash('sha256')
    .update(JSON.stringify([f.modelCode, f.agencyId, f.subject, scope.from, scope.to]))
    .digest('hex');

/** Parameter overrides per model (each checked against the model's own parameters); the defaults for the rest. */
export function overridesFor(
  models: readonly ProblemModel[],
  given: readonly { model: string; name: string; value: number }[] | null | undefined,
): Map<string, Params> {
  for (const o of given ?? []) if (!models.some((m) => m.code === o.model)) throw badInput('parameters', `问题模型 ${o.model} 不在本次运行的模型中`);
  return new Map(
    models.map((m) => [
      m.code,
      paramsFor(
        m,
        (given ?? []).filter((o) => o.model === m.code),
      ),
    ]),
  );
}

export interface ClueListFilter {
  agencyId?: string | null;
  modelCode?: string | null;
  status?: string | null;
}

export interface SupervisionDeps {
  repo: CasesRepo;
  clock: Clock;
  /** Inspection results with problems found in the period, from `inspections` (the R19 join). */
  problemInspections: (scope: ModelScope, requestId?: string) => Promise<ProblemInspection[]>;
}

export function createSupervisionService(deps: SupervisionDeps) {
  const { repo, clock } = deps;
  const orm = repo.orm;
  const append = clockedAppender(clock);
  const tx = <T>(fn: (t: CasesTx) => Promise<T>) => retryingTransaction(() => orm.transaction(fn));
  const actor = (c: Caller) => c.officerId ?? c.subject;

  async function run(scope: ModelScope, models: ProblemModel[], overrides: Map<string, Params>, requestId?: string): Promise<Finding[]> {
    const facts: FederatedFacts = {
      problemInspections: models.some((m) => m.needs === 'problemInspections') ? await deps.problemInspections(scope, requestId) : [],
    };
    const out: Finding[] = [];
    for (const model of models) {
      const p = overrides.get(model.code) ?? defaultParams(model);
      const [rows] = (await orm.execute(model.statement(scope, p, facts))) as unknown as [Record<string, unknown>[]];
      for (const r of rows) {
        const hits = num(r.hits);
        const base = num(r.base);
        const subject = String(r.subject);
        const measure = model.subjectKind === 'CASE' || model.subjectKind === 'INSPECTION_TASK' || base === hits ? hits : ratio(hits, base);
        out.push({
          model,
          agencyId: String(r.agency_id),
          supervisingAgencyId: String(r.sup ?? r.agency_id),
          subject,
          hits,
          base,
          measure,
          threshold: model.thresholdParameter ? (p[model.thresholdParameter] ?? 0) : 0,
          summary: model.summary({ subject, measure, hits, base }, p),
          caseIds: caseIdsOf(r.case_ids),
          parameters: p,
        });
      }
    }
    return out;
  }

  function readScope(caller: Caller, agencyId: string | null | undefined): { scope: ClueReadScope; agencyId: string | null } {
    const scope = clueReadScope(caller);
    if (scope.kind === 'OWN') {
      if (agencyId && agencyId !== scope.agencyId) throw forbidden('只能查看本机关的执法监督线索');
      return { scope, agencyId: scope.agencyId };
    }
    return { scope, agencyId: agencyId ?? null };
  }

  return {
    /** Findings of the models over a period (the drill-down, nothing raised): what each model sees now. */
    async findings(
      caller: Caller,
      input: {
        agencyId?: string | null;
        from: string;
        to: string;
        models?: readonly string[] | null;
        parameters?: readonly { model: string; name: string; value: number }[] | null;
      },
      requestId?: string,
    ): Promise<Finding[]> {
      const { scope, agencyId } = readScope(caller, input.agencyId);
      const ms = modelScope({ ...input, agencyId }, clock.today());
      const models = selectModels(input.models);
      return (await run(ms, models, overridesFor(models, input.parameters), requestId)).filter((f) => inClueScope(scope, f));
    },

    /**
     * Run models and raise a clue for each new finding (same model, agency, subject and period as an existing clue:
     * not raised again). Supervisors only; a supervisor with an agency raises only within what it supervises.
     */
    async raise(
      caller: Caller,
      input: {
        agencyId?: string | null;
        from: string;
        to: string;
        models?: readonly string[] | null;
        parameters?: readonly { model: string; name: string; value: number }[] | null;
      },
      requestId?: string,
    ): Promise<{ raised: ClueRow[]; alreadyRaised: number }> {
      requireSupervisor(caller, '运行问题模型、提出线索');
      const { scope, agencyId } = readScope(caller, input.agencyId);
      const ms = modelScope({ ...input, agencyId }, clock.today());
      const models = selectModels(input.models);
      const findings = (await run(ms, models, overridesFor(models, input.parameters), requestId)).filter((f) => inClueScope(scope, f));
      if (!findings.length) return { raised: [], alreadyRaised: 0 };
      const withPrints = findings.map((f) => ({ f, fingerprint: fingerprintOf({ ...f, modelCode: f.model.code }, ms) }));
      return tx(async (t) => {
        const existing = new Set(
          (
            await t
              .select({ fingerprint: supervisionClues.fingerprint })
              .from(supervisionClues)
              .where(
                inArray(
                  supervisionClues.fingerprint,
                  withPrints.map((w) => w.fingerprint),
                ),
              )
          ).map((r) => r.fingerprint),
        );
        const now = clock.now();
        const today = clock.today();
        const raised: ClueRow[] = [];
        for (const { f, fingerprint } of withPrints) {
          if (existing.has(fingerprint)) continue;
          existing.add(fingerprint);
          const evidence: ClueEvidence = {
            summary: f.summary,
            measure: f.measure,
            threshold: f.threshold,
            figures: { hits: f.hits, base: f.base },
            caseIds: f.caseIds,
            parameters: f.parameters,
          };
          const row: ClueRow = {
            id: newId(),
            modelCode: f.model.code,
            agencyId: f.agencyId,
            supervisingAgencyId: f.supervisingAgencyId,
            subjectKind: f.model.subjectKind,
            subject: f.subject.slice(0, 200),
            periodFrom: ms.from,
            periodTo: ms.to,
            evidence,
            fingerprint,
            status: 'OPEN',
            handlingReason: null,
            handledBy: null,
            handledOn: null,
            raisedBy: actor(caller),
            raisedOn: today,
            version: 1,
            createdAt: now,
            updatedAt: now,
          };
          await t.insert(supervisionClues).values(row);
          // The clue's own stream in the record log: what was raised, on which evidence, by whom.
          await append(t, {
            caseId: row.id,
            kind: 'SUPERVISION_CLUE',
            stage: 'SUPERVISION',
            actor: row.raisedBy,
            payload: {
              action: 'raise',
              clueId: row.id,
              model: row.modelCode,
              agencyId: row.agencyId,
              supervisingAgencyId: row.supervisingAgencyId,
              subjectKind: row.subjectKind,
              subject: row.subject,
              periodFrom: row.periodFrom,
              periodTo: row.periodTo,
              evidence,
              on: today,
            },
          });
          raised.push(row);
        }
        return { raised, alreadyRaised: withPrints.length - raised.length };
      });
    },

    /** Accept or dismiss (with a reason) an open clue: one conditional update and its record entry. */
    async handle(caller: Caller, input: { id: string; version: number; decision: string; reason: string }): Promise<ClueRow> {
      requireSupervisor(caller, '处理执法监督线索');
      const problems: FieldProblem[] = [];
      if (!(CLUE_DECISIONS as readonly string[]).includes(input.decision))
        problems.push({ field: 'decision', reason: '只能是 ACCEPTED（采纳）或 DISMISSED（不予采纳）' });
      const reason = (input.reason ?? '').trim();
      if (!reason) problems.push({ field: 'reason', reason: input.decision === 'DISMISSED' ? '不予采纳须说明理由' : '须说明处理意见' });
      if (reason.length > 2000) problems.push({ field: 'reason', reason: '处理意见不得超过 2000 字' });
      if (problems.length) throw badInputs(problems);
      return tx(async (t) => {
        const [row] = await t.select().from(supervisionClues).where(eq(supervisionClues.id, input.id)).for('update');
        if (!row || !inClueScope(clueReadScope(caller), row)) throw notFound('执法监督线索', input.id);
        if (row.version !== input.version)
          throw conflict(`线索已被他人处理（当前版本 ${row.version}，提交的版本 ${input.version}），请刷新后重试`, { currentVersion: row.version });
        if (row.status !== 'OPEN')
          throw invalidState(`线索已处理（${row.status === 'ACCEPTED' ? '已采纳' : '不予采纳'}），不能再次处理`, { status: row.status });
        const today = clock.today();
        const now = clock.now();
        const next: ClueRow = {
          ...row,
          status: input.decision as ClueDecision,
          handlingReason: reason,
          handledBy: actor(caller),
          handledOn: today,
          version: row.version + 1,
          updatedAt: now,
        };
        await t
          .update(supervisionClues)
          .set({ status: next.status, handlingReason: reason, handledBy: next.handledBy, handledOn: today, version: next.version, updatedAt: now })
          .where(and(eq(supervisionClues.id, row.id), eq(supervisionClues.version, row.version)));
        await append(t, {
          caseId: row.id,
          kind: 'SUPERVISION_CLUE',
          stage: 'SUPERVISION',
          actor: next.handledBy!,
          payload: { action: 'handle', clueId: row.id, decision: next.status, reason, on: today },
        });
        return next;
      });
    },

    async clue(caller: Caller, id: string): Promise<ClueRow | null> {
      const scope = clueReadScope(caller);
      const [row] = await orm.select().from(supervisionClues).where(eq(supervisionClues.id, id));
      return row && inClueScope(scope, row) ? row : null;
    },

    async list(caller: Caller, f: ClueListFilter, page: Page<[string]>): Promise<ClueRow[]> {
      const { scope, agencyId } = readScope(caller, f.agencyId);
      const c: SQL[] = [];
      if (agencyId) c.push(eq(supervisionClues.agencyId, agencyId));
      if (scope.kind === 'SUPERVISING') c.push(or(eq(supervisionClues.agencyId, scope.agencyId), eq(supervisionClues.supervisingAgencyId, scope.agencyId))!);
      if (f.modelCode) c.push(eq(supervisionClues.modelCode, f.modelCode));
      if (f.status) c.push(eq(supervisionClues.status, f.status));
      if (page.after) c.push(lt(supervisionClues.id, page.after[0]));
      return orm
        .select()
        .from(supervisionClues)
        .where(c.length ? and(...c) : undefined)
        .orderBy(desc(supervisionClues.id))
        .limit(page.limit + 1);
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
export type ClueConnectionModel = Connection<ClueRow>;
