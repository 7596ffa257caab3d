import type { Clock } from '../../kernel/clock.js';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, like, notInArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../kernel/db.js';
import { conflict, notFound } from '../../kernel/errors.js';
import type { Page } from '../../kernel/pagination.js';
import {
  calendarYears,
  caseNumberCounters,
  cases,
  parties,
  proposals,
  publications,
  recordEntries,
  type CaseRow,
  type PartyRow,
  type ProposalRow,
  type PublicationRow,
  type RecordEntryRow,
  type schema,
} from './db/schema.js';
import { filingEntryOf } from './verified-access.js';

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
  // Issue 25: a list shows a row only when the row's agency AND the agency its filing entry logs (joined as
  // `recordEntries`, see listCases) both name the filter's agency; the page's entries are then verified (hash, MAC)
  // by the caller before a row is shown (verified-access.ts). The row's column keeps the indexed access path (an
  // agency's page and its count stay index range scans at 1,000,000 cases); the logged agency keeps a row moved INTO
  // the agency by SQL out. A row moved OUT of its agency by SQL leaves both lists (it is still read by id, alarmed,
  // and named by verify-records): the list never shows more than both facts allow.
  if (f.agencyId) c.push(eq(cases.agencyId, f.agencyId), sql`JSON_VALUE(${recordEntries.payload}, '$.agencyId') = ${f.agencyId}`);
  if (f.state) c.push(eq(cases.state, f.state));
  if (f.caseType) c.push(eq(cases.caseType, f.caseType));
  if (f.powerItemCode) c.push(eq(cases.powerItemCode, f.powerItemCode));
  if (f.partyUscc) c.push(eq(cases.partyUscc, f.partyUscc));
  if (f.filedFrom) c.push(gte(cases.filedOn, f.filedFrom));
  if (f.filedTo) c.push(lte(cases.filedOn, f.filedTo));
  // R10: not decided and past the 90-day limit, or decided after it.
  if (f.overdueOn) c.push(sql`(${cases.decidedOn} IS NULL AND ${cases.decisionDueOn} < ${f.overdueOn} OR ${cases.decidedOn} > ${cases.decisionDueOn})`);
  if (f.officerId) c.push(sql`JSON_CONTAINS(JSON_EXTRACT(${recordEntries.payload}, '$.officerIds'), JSON_QUOTE(${f.officerId}))`);
  return c;
}

export interface PublicationListFilter {
  agencyId?: string | null;
  caseType?: string | null;
  decidedFrom?: string | null;
  decidedTo?: string | null;
  partyNameContains?: string | null;
  partyUscc?: string | null;
  statuses?: string[] | null;
  /** Public view: published items still inside their period, plus withdrawal notices. */
  publicOn?: string | null;
  overdueOn?: string | null;
}

function publicationConditions(f: PublicationListFilter): SQL[] {
  const c: SQL[] = [];
  if (f.agencyId) c.push(eq(publications.agencyId, f.agencyId));
  if (f.caseType) c.push(eq(publications.caseType, f.caseType));
  if (f.decidedFrom) c.push(gte(publications.decisionDate, f.decidedFrom));
  if (f.decidedTo) c.push(lte(publications.decisionDate, f.decidedTo));
  if (f.partyUscc) c.push(eq(publications.partyUscc, f.partyUscc));
  // Only organisations' names are searchable: a person's real name is never a public search key.
  if (f.partyNameContains)
    c.push(and(sql`${publications.partyUscc} IS NOT NULL`, like(publications.partyName, `%${f.partyNameContains.replace(/[\\%_]/g, (m) => `\\${m}`)}%`))!);
  if (f.statuses?.length) c.push(inArray(publications.status, f.statuses));
  if (f.publicOn) {
    c.push(
      sql`(${publications.status} = 'PUBLISHED' AND ${publications.periodEndsOn} >= ${f.publicOn} OR ${publications.status} = 'WITHDRAWN' AND ${publications.publishedOn} IS NOT NULL)`,
    );
  }
  // Overdue now, or done late (both are flagged for supervision).
  if (f.overdueOn) {
    c.push(
      sql`(${publications.status} = 'PENDING' AND ${publications.dueOn} < ${f.overdueOn} OR ${publications.publishedOn} > ${publications.dueOn}
        OR ${publications.withdrawalDueOn} IS NOT NULL AND (${publications.withdrawnOn} IS NULL AND ${publications.withdrawalDueOn} < ${f.overdueOn} OR ${publications.withdrawnOn} > ${publications.withdrawalDueOn}))`,
    );
  }
  return c;
}

export function createCasesRepo(db: CasesDb, clock: Clock) {
  const orm = db.orm;
  return {
    orm,
    casesByIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(cases)
        .where(inArray(cases.id, [...ids])),
    /** The cases with their filing entries, one statement (issue 25: who may read a case comes from the entry). */
    casesWithFilingByIds: (ids: readonly string[]) =>
      orm
        .select({ c: cases, fe: recordEntries })
        .from(cases)
        .leftJoin(recordEntries, filingEntryOf)
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

    /** A page of cases, each with its filing entry (joined: one statement per page). */
    async listCases(f: CaseListFilter, page: Page<[string]>): Promise<{ c: CaseRow; fe: RecordEntryRow | null }[]> {
      const c = conditions(f);
      if (page.after) c.push(lt(cases.id, page.after[0]));
      return orm
        .select({ c: cases, fe: recordEntries })
        .from(cases)
        .leftJoin(recordEntries, filingEntryOf)
        .where(and(...c))
        .orderBy(desc(cases.id))
        .limit(page.limit + 1);
    },
    countCases: async (f: CaseListFilter) =>
      (
        await orm
          .select({ n: count() })
          .from(cases)
          .leftJoin(recordEntries, filingEntryOf)
          .where(and(...conditions(f)))
      )[0]?.n ?? 0,

    caseByIdempotencyKey: async (key: string) => (await orm.select().from(cases).where(eq(cases.idempotencyKey, key)).limit(1))[0] ?? null,
    proposalByIdempotencyKey: async (key: string) => (await orm.select().from(proposals).where(eq(proposals.idempotencyKey, key)).limit(1))[0] ?? null,

    /** Next case sequence for an agency, case type (series) and year; the counter row is locked until the transaction ends. */
    async nextCaseSeq(tx: CasesTx, agencyId: string, series: string, year: number): Promise<number> {
      // ON DUPLICATE KEY UPDATE takes the row lock exclusively at once (INSERT IGNORE's shared lock deadlocks on upgrade).
      await tx.execute(
        sql`INSERT INTO ${caseNumberCounters} (agency_id, series, year, last_seq) VALUES (${agencyId}, ${series}, ${year}, 0) ON DUPLICATE KEY UPDATE last_seq = last_seq`,
      );
      const where = and(eq(caseNumberCounters.agencyId, agencyId), eq(caseNumberCounters.series, series), eq(caseNumberCounters.year, year));
      const [row] = await tx.select().from(caseNumberCounters).where(where).for('update');
      const next = (row?.lastSeq ?? 0) + 1;
      await tx.update(caseNumberCounters).set({ lastSeq: next }).where(where);
      return next;
    },

    insertParty: (tx: CasesTx, row: PartyRow) => tx.insert(parties).values(row),
    insertPublication: (tx: CasesTx, row: PublicationRow) => tx.insert(publications).values(row),
    publicationsByIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(publications)
        .where(inArray(publications.id, [...ids])),
    publicationsByCaseIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(publications)
        .where(inArray(publications.caseId, [...ids])),
    async lockPublication(tx: CasesTx, id: string, expectedVersion?: number): Promise<PublicationRow> {
      const [row] = await tx.select().from(publications).where(eq(publications.id, id)).for('update');
      if (!row) throw notFound('公示', id);
      if (expectedVersion !== undefined && row.version !== expectedVersion) {
        throw conflict(`公示已被他人更新（当前版本 ${row.version}，提交的版本 ${expectedVersion}），请刷新后重试`, { currentVersion: row.version });
      }
      return row;
    },
    async updatePublication(tx: CasesTx, row: PublicationRow, patch: Partial<PublicationRow>): Promise<PublicationRow> {
      const next = { ...row, ...patch, version: row.version + 1, updatedAt: clock.now() };
      await tx
        .update(publications)
        .set({ ...patch, version: next.version, updatedAt: next.updatedAt })
        .where(and(eq(publications.id, row.id), eq(publications.version, row.version)));
      return next;
    },
    async listPublications(f: PublicationListFilter, page: Page<[string]>): Promise<PublicationRow[]> {
      const c = publicationConditions(f);
      if (page.after) c.push(lt(publications.id, page.after[0]));
      return orm
        .select()
        .from(publications)
        .where(and(...c))
        .orderBy(desc(publications.id))
        .limit(page.limit + 1);
    },
    countPublications: async (f: PublicationListFilter) =>
      (
        await orm
          .select({ n: count() })
          .from(publications)
          .where(and(...publicationConditions(f)))
      )[0]?.n ?? 0,
    calendarYears: () => orm.select().from(calendarYears),
    upsertCalendarYear: (row: typeof calendarYears.$inferInsert, tx?: CasesTx) =>
      (tx ?? orm)
        .insert(calendarYears)
        .values(row)
        .onDuplicateKeyUpdate({ set: { arrangement: row.arrangement, loadedBy: row.loadedBy, loadedAt: row.loadedAt } }),
    /**
     * R12 (issue 26): the open deadlines computed while a year was unconfirmed, locked (cases before publications, the
     * order every act takes) for their recomputation when a year is loaded.
     */
    /** The stored arrangement of a year, locked (a gap lock when absent): loadings of one year run one after another. */
    async lockCalendarYear(tx: CasesTx, year: number) {
      const [row] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year)).for('update');
      return row ?? null;
    },

    /**
     * The open working-day deadlines that may have been counted over `year` (R12; issue 26, part D: confirmed ones too,
     * for a corrected arrangement): due on or after its first day and counted from on or before its last — the decision
     * due date of an undecided case, the service due date of a decision not served, the publication due date of a
     * pending publication, the withdrawal due date of a publication not withdrawn. Two statements whatever the rows.
     */
    async lockOpenDeadlinesTouching(tx: CasesTx, year: number): Promise<{ cases: CaseRow[]; publications: PublicationRow[] }> {
      const first = `${year}-01-01`;
      const last = `${year}-12-31`;
      const openCases = await tx
        .select()
        .from(cases)
        .where(
          or(
            and(
              isNotNull(cases.decisionDueConfirmed),
              isNull(cases.decidedOn),
              notInArray(cases.caseType, ['PENALTY', 'COERCION']),
              gte(cases.decisionDueOn, first),
              lte(cases.filedOn, last),
            ),
            and(isNotNull(cases.serviceDueConfirmed), isNull(cases.servedOn), gte(cases.serviceDueOn, first), lte(cases.decidedOn, last)),
          ),
        )
        .orderBy(asc(cases.id))
        .for('update');
      const openPublications = await tx
        .select()
        .from(publications)
        .where(
          or(
            and(isNotNull(publications.dueConfirmed), eq(publications.status, 'PENDING'), gte(publications.dueOn, first), lte(publications.decisionDate, last)),
            and(
              isNotNull(publications.withdrawalDueConfirmed),
              eq(publications.status, 'PUBLISHED'),
              isNull(publications.withdrawnOn),
              gte(publications.withdrawalDueOn, first),
              lte(publications.changedOn, last),
            ),
          ),
        )
        .orderBy(asc(publications.id))
        .for('update');
      return { cases: openCases, publications: openPublications };
    },
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
      const next: CaseRow = { ...row, ...patch, version: row.version + 1, updatedAt: clock.now() };
      await tx
        .update(cases)
        .set({ ...patch, version: next.version, updatedAt: next.updatedAt })
        .where(and(eq(cases.id, row.id), eq(cases.version, row.version)));
      return next;
    },
  };
}

export type CasesRepo = ReturnType<typeof createCasesRepo>;
export type { CaseRow, PartyRow, ProposalRow, PublicationRow };
