import { AppError, badInput, badInputs, conflict, forbidden, invalidState, notFound } from '../../../../kernel/errors.js';
import type { Caller } from '../../../../kernel/identity.js';
import { newId } from '../../../../kernel/ids.js';
import { createHash } from 'node:crypto';
import { createActDeps, type CaseServiceDeps } from '../../acts/deps.js';
import { actor, idempotencyOf, idempotent, sameRequest, tx, verifiedEntriesOf } from '../../acts/mechanics.js';
import { BUILT_IN_CHECKLIST, totalPoints, type Checklist } from './checklist.js';
import { drawParamProblems, drawSample, type DrawParams } from './draw.js';
import { fileFactsOfMany, reviewerIdsOf } from './file-facts.js';
import { automaticFindings } from './findings.js';
import type { EvaluationRepo } from './repo.js';
import {
  checkScore,
  CONFLICT_REASON,
  DEFAULT_RECTIFICATION_WORKING_DAYS,
  evaluatorConflict,
  rectificationDue,
  supervises,
  type DismissalInput,
  type FindingInput,
  type ItemScoreInput,
} from './rules.js';
import type { EvaluationFileRow, EvaluationRoundRow, RectificationRow } from './schema.js';

// 案卷评查 acts (issue 30): open a round (the seeded, stratified draw), score a sampled file, mark a rectification
// done, complete the round. Each act changes its rows and appends its record-log entry in ONE transaction; the
// entries chain in the round's own stream (stream id = round id), stage SUPERVISION.

const STAGE = 'SUPERVISION';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface OpenRoundInput {
  title: string;
  periodFrom: string;
  periodTo: string;
  agencyIds: string[];
  evaluatorIds?: string[] | null;
  seed: string;
  rate?: number | null;
  minPerStratum?: number | null;
  minPerAgency?: number | null;
  rectificationWorkingDays?: number | null;
  idempotencyKey?: string | null;
}

export interface ScoreFileInput {
  fileId: string;
  version: number;
  items: ItemScoreInput[];
  findings?: FindingInput[] | null;
  dismissals?: DismissalInput[] | null;
}

/** The checklist in force for a supervising agency: its published version, else the built-in version 0 (R1). */
export type ChecklistSource = (agencyId: string | null, requestId?: string) => Promise<Checklist | null>;

export function createEvaluationService(deps: CaseServiceDeps & { evaluations: EvaluationRepo; checklistOf?: ChecklistSource }) {
  const d = createActDeps(deps);
  const { evaluations: repo } = deps;
  const today = () => d.clock.today();

  async function agencyLinks(agencyIds: string[], requestId?: string) {
    return Promise.all(
      agencyIds.map(async (id) => {
        const a = await d.powers.agency(id, requestId);
        if (!a) throw badInput('agencyIds', `执法主体 ${id} 不存在`);
        return { id, entrustingAgencyId: a.entrustment?.entrustingAgencyId ?? null };
      }),
    );
  }

  return {
    async openRound(caller: Caller, a: OpenRoundInput, requestId?: string): Promise<EvaluationRoundRow> {
      if (caller.role !== 'SUPERVISOR') throw forbidden('开展案卷评查须由执法监督人员（SUPERVISOR）发起');
      const { idem, fingerprint } = idempotencyOf(caller, a);
      if (idem) {
        const previous = await repo.roundByIdempotencyKey(idem);
        if (previous) return sameRequest(previous, fingerprint);
      }
      const params: DrawParams = { seed: a.seed, rate: a.rate ?? 0.1, minPerStratum: a.minPerStratum ?? 1, minPerAgency: a.minPerAgency ?? 1 };
      const problems = drawParamProblems(params);
      if (!a.title.trim() || a.title.length > 200) problems.push(['title', '评查名称须为 1 至 200 个字符']);
      if (!DATE.test(a.periodFrom) || !DATE.test(a.periodTo) || a.periodFrom > a.periodTo)
        problems.push(['periodTo', '评查期间须为有效日期，且起始日不晚于截止日']);
      else if (a.periodTo >= today()) problems.push(['periodTo', '评查期间须已经结束（截止日早于今天）']);
      const agencyIds = [...new Set(a.agencyIds)];
      if (!agencyIds.length || agencyIds.length > 50) problems.push(['agencyIds', '须列明 1 至 50 个被评查机关']);
      const wd = a.rectificationWorkingDays ?? DEFAULT_RECTIFICATION_WORKING_DAYS;
      if (!Number.isInteger(wd) || wd < 1 || wd > 120) problems.push(['rectificationWorkingDays', '整改期限须为 1 至 120 个工作日']);
      const evaluatorIds = [...new Set(a.evaluatorIds?.length ? a.evaluatorIds : caller.officerId ? [caller.officerId] : [])];
      if (!evaluatorIds.length) problems.push(['evaluatorIds', '须指定评查人员']);
      // Same or higher agency: the supervisor's own agency or the organisations it entrusted (rules.ts supervises);
      // checked before the other input so a supervisor learns nothing about rounds over agencies not theirs.
      for (const link of await agencyLinks(agencyIds.slice(0, 50), requestId)) {
        if (!supervises(caller.agencyId, link)) throw forbidden(`执法主体 ${link.id} 不在本机关的监督范围内`);
      }
      if (problems.length) throw badInputs(problems.map(([field, reason]) => ({ field, reason })));
      const checklist = (await deps.checklistOf?.(caller.agencyId, requestId)) ?? BUILT_IN_CHECKLIST;
      const candidates = await repo.candidates(agencyIds, a.periodFrom, a.periodTo);
      const { files, strata } = drawSample(candidates, params);
      // Automatic findings from each drawn file's verified record, before the transaction (read-only).
      const rows = files.length ? await d.repo.casesByIds(files.map((f) => f.caseId)) : [];
      const avByAgency = new Map<string, string[]>();
      for (const id of new Set(files.map((f) => f.agencyId))) avByAgency.set(id, await d.powers.avActivities(id, requestId));
      const on = today();
      const roundId = newId();
      const maxScore = totalPoints(checklist);
      const factsOf = await fileFactsOfMany(d, rows, (agencyId) => avByAgency.get(agencyId) ?? []);
      const fileRows: EvaluationFileRow[] = [];
      for (const f of files) {
        const { facts } = factsOf.get(f.caseId)!;
        fileRows.push({
          id: newId(),
          roundId,
          caseId: f.caseId,
          agencyId: f.agencyId,
          caseType: f.caseType,
          stratum: f.stratum,
          rank: f.rank,
          state: 'PENDING',
          evaluatorId: null,
          autoFindings: automaticFindings(facts, on),
          items: null,
          findings: null,
          dismissals: null,
          score: null,
          maxScore,
          scoredOn: null,
          version: 1,
        });
      }
      const candidateDigest = createHash('sha256')
        .update(
          candidates
            .map((c) => c.caseId)
            .sort()
            .join('\n'),
        )
        .digest('hex');
      const round: EvaluationRoundRow = {
        id: roundId,
        supervisingAgencyId: caller.agencyId,
        title: a.title.trim(),
        periodFrom: a.periodFrom,
        periodTo: a.periodTo,
        agencyIds,
        evaluatorIds,
        seed: params.seed,
        rate: params.rate.toFixed(4),
        minPerStratum: params.minPerStratum,
        minPerAgency: params.minPerAgency,
        rectificationWorkingDays: wd,
        candidateCount: candidates.length,
        strata,
        checklistVersionId: checklist.versionId,
        checklistVersionNo: checklist.versionNo,
        checklist,
        state: 'OPEN',
        openedBy: actor(caller),
        openedOn: on,
        completedOn: null,
        version: 1,
        idempotencyKey: idem,
        idempotencyFingerprint: fingerprint,
        createdAt: d.clock.now(),
      };
      return idempotent(
        idem,
        fingerprint,
        'evaluation_rounds_idem',
        () => (idem ? repo.roundByIdempotencyKey(idem) : Promise.resolve(null)),
        () =>
          tx(d, async (t) => {
            await repo.insertRound(t, round);
            await repo.insertFiles(t, fileRows);
            // The draw is auditable: seed, parameters, the candidates' digest and count, each stratum, the sample.
            await d.append(t, {
              caseId: roundId,
              kind: 'EVALUATION_ROUND',
              stage: STAGE,
              actor: actor(caller),
              payload: {
                action: 'open',
                on,
                title: round.title,
                period: { from: a.periodFrom, to: a.periodTo },
                agencyIds,
                evaluatorIds,
                draw: { ...params, candidateStates: ['CLOSED', 'ARCHIVED'], candidateCount: candidates.length, candidateDigest, strata },
                sample: fileRows.map((f) => ({ fileId: f.id, caseId: f.caseId, stratum: f.stratum, rank: f.rank, autoFindings: f.autoFindings })),
                checklist: { versionId: checklist.versionId, versionNo: checklist.versionNo },
              },
            });
            return round;
          }),
      );
    },

    async scoreFile(caller: Caller, a: ScoreFileInput): Promise<EvaluationFileRow> {
      const pre = await repo.fileById(a.fileId);
      if (!pre) throw notFound('评查案卷', a.fileId);
      const round = await repo.roundById(pre.roundId);
      if (!round) throw notFound('评查轮次', pre.roundId);
      if (!caller.officerId || !round.evaluatorIds.includes(caller.officerId)) throw forbidden('只有本轮指定的评查人员可以评分');
      if (round.state !== 'OPEN') throw invalidState('评查轮次已结束，不能再评分', { state: round.state });
      const c = (await d.repo.casesByIds([pre.caseId]))[0];
      if (!c) throw notFound('案件', pre.caseId);
      // R7's logic: nobody evaluates a file they handled or reviewed (from the verified record).
      const tie = evaluatorConflict(caller.officerId, { handlerIds: c.handlingOfficerIds, reviewerIds: reviewerIdsOf(await verifiedEntriesOf(d, c, '评查')) });
      if (tie) throw new AppError('FORBIDDEN', `无权操作：${CONFLICT_REASON[tie]}`, { reason: CONFLICT_REASON[tie], conflict: tie, field: 'fileId' });
      const checked = checkScore(round.checklist, pre.autoFindings ?? [], { items: a.items, findings: a.findings ?? [], dismissals: a.dismissals ?? [] });
      if (checked.problems.length) throw badInputs(checked.problems.map(([field, reason]) => ({ field, reason })));
      const on = today();
      return tx(d, async (t) => {
        const r = await repo.lockRound(t, round.id);
        if (r.state !== 'OPEN') throw invalidState('评查轮次已结束，不能再评分', { state: r.state });
        const f = await repo.lockFile(t, a.fileId, a.version);
        if (f.state !== 'PENDING') throw invalidState('该案卷已评分', { state: f.state });
        const due = rectificationDue(on, r.rectificationWorkingDays, d.calendar);
        const rects: RectificationRow[] = checked.findings.map((x) => ({
          id: newId(),
          roundId: r.id,
          fileId: f.id,
          caseId: f.caseId,
          agencyId: f.agencyId,
          itemCode: x.itemCode,
          findingCode: x.code,
          finding: x.text.slice(0, 1000),
          dueOn: due.dueOn,
          dueConfirmed: due.confirmed ? 1 : 0,
          state: 'OPEN',
          doneOn: null,
          doneNote: null,
          doneBy: null,
          version: 1,
        }));
        const patch = {
          state: 'SCORED',
          evaluatorId: caller.officerId,
          items: a.items.map((i) => ({ code: i.code, score: i.score, note: i.note?.trim() || null })),
          findings: checked.findings,
          dismissals: a.dismissals ?? [],
          score: checked.total,
          scoredOn: on,
        };
        await repo.updateFile(t, f, patch);
        await repo.insertRectifications(t, rects);
        await d.append(t, {
          caseId: r.id,
          kind: 'EVALUATION_SCORE',
          stage: STAGE,
          actor: actor(caller),
          payload: {
            fileId: f.id,
            caseId: f.caseId,
            on,
            checklistVersionNo: r.checklistVersionNo,
            items: patch.items,
            dismissals: patch.dismissals,
            score: checked.total,
            maxScore: f.maxScore,
            rectifications: rects.map((x) => ({ id: x.id, itemCode: x.itemCode, findingCode: x.findingCode, finding: x.finding, dueOn: x.dueOn })),
          },
        });
        return { ...f, ...patch, version: f.version + 1 };
      });
    },

    /** The evaluated agency reports a rectification done (its staff); the supervisor sees it tracked to done. */
    async completeRectification(caller: Caller, a: { id: string; version: number; note: string }): Promise<RectificationRow> {
      if (!['OFFICER', 'REVIEWER', 'PRINCIPAL'].includes(caller.role)) throw forbidden('整改情况由被评查机关工作人员报告');
      const pre = await repo.rectificationById(a.id);
      if (!pre || pre.agencyId !== caller.agencyId) throw notFound('整改事项', a.id);
      const note = a.note.trim();
      if (!note || note.length > 1000) throw badInput('note', '须说明整改情况（1 至 1000 个字符）');
      const on = today();
      return tx(d, async (t) => {
        const r = await repo.lockRectification(t, a.id, a.version);
        if (r.state !== 'OPEN') throw invalidState('该整改事项已完成', { state: r.state });
        const patch = { state: 'DONE', doneOn: on, doneNote: note, doneBy: actor(caller) };
        await repo.updateRectification(t, r, patch);
        await d.append(t, {
          caseId: r.roundId,
          kind: 'RECTIFICATION_DONE',
          stage: STAGE,
          actor: actor(caller),
          payload: { rectificationId: r.id, fileId: r.fileId, caseId: r.caseId, on, dueOn: r.dueOn, late: on > r.dueOn, note },
        });
        return { ...r, ...patch, version: r.version + 1 };
      });
    },

    async completeRound(caller: Caller, a: { id: string; version: number }): Promise<EvaluationRoundRow> {
      if (caller.role !== 'SUPERVISOR') throw forbidden('评查轮次由执法监督人员结束');
      const pre = await repo.roundById(a.id);
      if (!pre || pre.supervisingAgencyId !== caller.agencyId) throw notFound('评查轮次', a.id);
      const on = today();
      return tx(d, async (t) => {
        const r = await repo.lockRound(t, a.id);
        if (r.version !== a.version) throw conflict(`评查轮次已被他人更新（当前版本 ${r.version}），请刷新后重试`, { currentVersion: r.version });
        if (r.state !== 'OPEN') throw invalidState('评查轮次已结束', { state: r.state });
        const files = await repo.filesByRoundIds([r.id]);
        const pending = files.filter((f) => f.state !== 'SCORED').length;
        if (pending) throw invalidState(`尚有 ${pending} 份案卷未评分，不能结束本轮评查`, { pending });
        await repo.updateRound(t, r, { state: 'COMPLETED', completedOn: on });
        await d.append(t, {
          caseId: r.id,
          kind: 'EVALUATION_ROUND',
          stage: STAGE,
          actor: actor(caller),
          payload: { action: 'complete', on, files: files.length, scores: files.map((f) => ({ fileId: f.id, score: f.score })) },
        });
        return { ...r, state: 'COMPLETED', completedOn: on, version: r.version + 1 };
      });
    },
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
