import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../shared/db.js';
import { conflict, notFound } from '../shared/errors.js';
import type { Page } from '../shared/pagination.js';
import { caseNumberCounters, cases, parties, proposals, recordEntries, type CaseRow, type PartyRow, type ProposalRow, type schema } from './db/schema.js';

// Data access for the cases subgraph: SQL only; the rules live in domain/.

export type CasesDb = Db<typeof schema>;
export type CasesTx = Parameters<Parameters<CasesDb['orm']['transaction']>[0]>[0];

export interface CaseListFilter {
  agencyId?: string | null;
  state?: string | null;
  caseType?: string | null;
  powerItemCode?: string | null;
  partyUscc?: string | null;
  filedFrom?: string | null;
  filedTo?: string | null;
  overdueOn?: string | null;
  officerId?: string | null;
}

function conditions(f: CaseListFilter): SQL[] {
  const c: SQL[] = [];
  if (f.agencyId) c.push(eq(cases.agencyId, f.agencyId));
  if (f.state) c.push(eq(cases.state, f.state));
  if (f.caseType) c.push(eq(cases.caseType, f.caseType));
  if (f.powerItemCode) c.push(eq(cases.powerItemCode, f.powerItemCode));
  if (f.partyUscc) c.push(eq(cases.partyUscc, f.partyUscc));
  if (f.filedFrom) c.push(gte(cases.filedOn, f.filedFrom));
  if (f.filedTo) c.push(lte(cases.filedOn, f.filedTo));
  // R10: not decided and past the 90-day limit, or decided after it.
  if (f.overdueOn) c.push(sql`(${cases.decidedOn} IS NULL AND ${cases.decisionDueOn} < ${f.overdueOn} OR ${cases.decidedOn} > ${cases.decisionDueOn})`);
  if (f.officerId) c.push(sql`JSON_CONTAINS(${cases.handlingOfficerIds}, JSON_QUOTE(${f.officerId}))`);
  return c;
}

export function createCasesRepo(db: CasesDb) {
  const orm = db.orm;
  return {
    orm,
    casesByIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(cases)
        .where(inArray(cases.id, [...ids])),
    partiesByIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(parties)
        .where(inArray(parties.id, [...ids])),
    proposalsByCaseIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(proposals)
        .where(inArray(proposals.caseId, [...ids]))
        .orderBy(asc(proposals.createdAt), asc(proposals.id)),
    entriesByCaseIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(recordEntries)
        .where(inArray(recordEntries.caseId, [...ids]))
        .orderBy(asc(recordEntries.caseId), asc(recordEntries.caseSeq)),

    async listCases(f: CaseListFilter, page: Page<[string]>): Promise<CaseRow[]> {
      const c = conditions(f);
      if (page.after) c.push(lt(cases.id, page.after[0]));
      return orm
        .select()
        .from(cases)
        .where(and(...c))
        .orderBy(desc(cases.id))
        .limit(page.limit + 1);
    },
    countCases: async (f: CaseListFilter) =>
      (
        await orm
          .select({ n: count() })
          .from(cases)
          .where(and(...conditions(f)))
      )[0]?.n ?? 0,

    caseByIdempotencyKey: async (key: string) => (await orm.select().from(cases).where(eq(cases.idempotencyKey, key)).limit(1))[0] ?? null,
    proposalByIdempotencyKey: async (key: string) => (await orm.select().from(proposals).where(eq(proposals.idempotencyKey, key)).limit(1))[0] ?? null,

    /** Next case sequence for an agency and year; the counter row is locked until the transaction ends. */
    async nextCaseSeq(tx: CasesTx, agencyId: string, year: number): Promise<number> {
      await tx.execute(sql`INSERT IGNORE INTO ${caseNumberCounters} (agency_id, year, last_seq) VALUES (${agencyId}, ${year}, 0)`);
      const [row] = await tx
        .select()
        .from(caseNumberCounters)
        .where(and(eq(caseNumberCounters.agencyId, agencyId), eq(caseNumberCounters.year, year)))
        .for('update');
      const next = (row?.lastSeq ?? 0) + 1;
      await tx
        .update(caseNumberCounters)
        .set({ lastSeq: next })
        .where(and(eq(caseNumberCounters.agencyId, agencyId), eq(caseNumberCounters.year, year)));
      return next;
    },

    insertParty: (tx: CasesTx, row: PartyRow) => tx.insert(parties).values(row),
    insertCase: (tx: CasesTx, row: CaseRow) => tx.insert(cases).values(row),
    insertProposal: (tx: CasesTx, row: ProposalRow) => tx.insert(proposals).values(row),

    /** The row lock taken here serialises every action on one case; the version check makes a stale action a CONFLICT. */
    async lockCase(tx: CasesTx, id: string, expectedVersion?: number): Promise<CaseRow> {
      const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
      if (!row) throw notFound('案件', id);
      if (expectedVersion !== undefined && row.version !== expectedVersion) {
        throw conflict(`案件已被他人更新（当前版本 ${row.version}，提交的版本 ${expectedVersion}），请刷新后重试`, { currentVersion: row.version });
      }
      return row;
    },

    async updateCase(tx: CasesTx, row: CaseRow, patch: Partial<CaseRow>): Promise<CaseRow> {
      const next: CaseRow = { ...row, ...patch, version: row.version + 1, updatedAt: new Date() };
      await tx
        .update(cases)
        .set({ ...patch, version: next.version, updatedAt: next.updatedAt })
        .where(and(eq(cases.id, row.id), eq(cases.version, row.version)));
      return next;
    },
  };
}

export type CasesRepo = ReturnType<typeof createCasesRepo>;
export type { CaseRow, PartyRow, ProposalRow };
