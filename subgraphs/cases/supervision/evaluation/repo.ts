import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Page } from '../../../../kernel/pagination.js';
import { cases } from '../../db/schema.js';
import type { CasesRepo, CasesTx } from '../../repo.js';
import { conflict, notFound } from '../../../../kernel/errors.js';
import { evaluationFiles, evaluationRounds, rectifications, type EvaluationFileRow, type EvaluationRoundRow, type RectificationRow } from './schema.js';
import type { DrawCandidate } from './draw.js';

// Data access of 案卷评查: the candidates of a draw, the rounds, files and rectifications (rows that project the
// round's record-log stream). Statements are per request, never per file.

export function createEvaluationRepo(repo: CasesRepo) {
  const orm = repo.orm;
  return {
    orm,
    /** Files that can be evaluated: closed (or archived) within the period, of these agencies. */
    candidates: (agencyIds: readonly string[], from: string, to: string): Promise<DrawCandidate[]> =>
      orm
        .select({ caseId: cases.id, agencyId: cases.agencyId, caseType: cases.caseType })
        .from(cases)
        .where(and(inArray(cases.agencyId, [...agencyIds]), inArray(cases.state, ['CLOSED', 'ARCHIVED']), gte(cases.closedOn, from), lte(cases.closedOn, to)))
        .orderBy(asc(cases.id)),

    roundById: async (id: string) => (await orm.select().from(evaluationRounds).where(eq(evaluationRounds.id, id)).limit(1))[0] ?? null,
    roundByIdempotencyKey: async (key: string) =>
      (await orm.select().from(evaluationRounds).where(eq(evaluationRounds.idempotencyKey, key)).limit(1))[0] ?? null,
    /** Rounds a caller may list, newest first, one page (limit + 1 rows): of a supervising agency (undefined = all), or including an agency. */
    listRounds: (f: { supervisingAgencyId?: string | null; includesAgencyId?: string }, page: Page<[string]>) =>
      orm
        .select()
        .from(evaluationRounds)
        .where(
          and(
            f.includesAgencyId
              ? sql`JSON_CONTAINS(${evaluationRounds.agencyIds}, JSON_QUOTE(${f.includesAgencyId}))`
              : f.supervisingAgencyId === undefined
                ? undefined
                : f.supervisingAgencyId === null
                  ? sql`${evaluationRounds.supervisingAgencyId} IS NULL`
                  : eq(evaluationRounds.supervisingAgencyId, f.supervisingAgencyId),
            page.after ? lt(evaluationRounds.id, page.after[0]) : undefined,
          ),
        )
        .orderBy(desc(evaluationRounds.id))
        .limit(page.limit + 1),
    filesByRoundIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(evaluationFiles)
        .where(inArray(evaluationFiles.roundId, [...ids]))
        .orderBy(asc(evaluationFiles.stratum), asc(evaluationFiles.rank)),
    fileById: async (id: string) => (await orm.select().from(evaluationFiles).where(eq(evaluationFiles.id, id)).limit(1))[0] ?? null,
    rectificationsByFileIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(rectifications)
        .where(inArray(rectifications.fileId, [...ids]))
        .orderBy(asc(rectifications.id)),
    rectificationById: async (id: string) => (await orm.select().from(rectifications).where(eq(rectifications.id, id)).limit(1))[0] ?? null,

    insertRound: (t: CasesTx, row: EvaluationRoundRow) => t.insert(evaluationRounds).values(row),
    insertFiles: (t: CasesTx, rows: EvaluationFileRow[]) => (rows.length ? t.insert(evaluationFiles).values(rows) : Promise.resolve()),
    insertRectifications: (t: CasesTx, rows: RectificationRow[]) => (rows.length ? t.insert(rectifications).values(rows) : Promise.resolve()),

    async lockRound(t: CasesTx, id: string): Promise<EvaluationRoundRow> {
      const r = (await t.select().from(evaluationRounds).where(eq(evaluationRounds.id, id)).for('update'))[0];
      if (!r) throw notFound('评查轮次', id);
      return r;
    },
    async lockFile(t: CasesTx, id: string, version: number): Promise<EvaluationFileRow> {
      const f = (await t.select().from(evaluationFiles).where(eq(evaluationFiles.id, id)).for('update'))[0];
      if (!f) throw notFound('评查案卷', id);
      if (f.version !== version) throw conflict(`评查案卷已被他人更新（当前版本 ${f.version}），请刷新后重试`, { currentVersion: f.version });
      return f;
    },
    async lockRectification(t: CasesTx, id: string, version: number): Promise<RectificationRow> {
      const r = (await t.select().from(rectifications).where(eq(rectifications.id, id)).for('update'))[0];
      if (!r) throw notFound('整改事项', id);
      if (r.version !== version) throw conflict(`整改事项已被他人更新（当前版本 ${r.version}），请刷新后重试`, { currentVersion: r.version });
      return r;
    },
    updateRound: (t: CasesTx, r: EvaluationRoundRow, patch: Partial<EvaluationRoundRow>) =>
      t
        .update(evaluationRounds)
        .set({ ...patch, version: r.version + 1 })
        .where(and(eq(evaluationRounds.id, r.id), eq(evaluationRounds.version, r.version))),
    updateFile: (t: CasesTx, f: EvaluationFileRow, patch: Partial<EvaluationFileRow>) =>
      t
        .update(evaluationFiles)
        .set({ ...patch, version: f.version + 1 })
        .where(and(eq(evaluationFiles.id, f.id), eq(evaluationFiles.version, f.version))),
    updateRectification: (t: CasesTx, r: RectificationRow, patch: Partial<RectificationRow>) =>
      t
        .update(rectifications)
        .set({ ...patch, version: r.version + 1 })
        .where(and(eq(rectifications.id, r.id), eq(rectifications.version, r.version))),

    /** Files of these agencies in rounds whose period lies within [from, to] (the scorecard's read). */
    filesForPeriod: (agencyIds: readonly string[], from: string, to: string) =>
      orm
        .select({ file: evaluationFiles, periodFrom: evaluationRounds.periodFrom, periodTo: evaluationRounds.periodTo, roundState: evaluationRounds.state })
        .from(evaluationFiles)
        .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationFiles.roundId))
        .where(and(inArray(evaluationFiles.agencyId, [...agencyIds]), gte(evaluationRounds.periodFrom, from), lte(evaluationRounds.periodTo, to))),
    rectificationsForFiles: (fileIds: readonly string[]) =>
      fileIds.length
        ? orm
            .select()
            .from(rectifications)
            .where(inArray(rectifications.fileId, [...fileIds]))
        : Promise.resolve([] as RectificationRow[]),
  };
}

export type EvaluationRepo = ReturnType<typeof createEvaluationRepo>;
