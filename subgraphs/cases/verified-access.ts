import { and, eq, inArray } from 'drizzle-orm';
import type { Caller } from '../../kernel/identity.js';
import { entryMacOk, hashOfEntry } from '../../kernel/records/chain.js';
import { cachedMacKeysForVerify } from '../../kernel/records/keys.js';
import type { Orm } from '../../kernel/records/log.js';
import { cases, recordEntries, type CaseRow, type RecordEntryRow } from './db/schema.js';
import { canReadCase, canSeeClassified } from './domain/access.js';
import { loggedFiling, type AlarmSink } from './integrity.js';

/**
 * Who may read a case, and R16 (行政处罚法 Art. 50), from verified facts (issue 25): the case's agency, the
 * entrusting agency in whose name it is handled (Art. 20) and the handlers are the ones its authenticated filing
 * entry logs (hash and MAC verified), not the row someone with SQL access could have edited. The filing entry is
 * the only entry that states them (no later act changes the agency, the entrusting agency or the handlers).
 *
 * - Reading at all (`canRead`): the logged agencies decide. A row moved to another agency by SQL is not shown to the
 *   row's agency (FORBIDDEN for case(id), absent from its lists); its real agency still sees it, and the integrity
 *   alarm is raised (kind CASE_ROW, problem = the field that disagrees). A row without a verifiable filing entry is
 *   shown to no acting role (alarm `filing`). Oversight roles (SUPERVISOR, ADMIN, SERVICE) read every case.
 * - R16 (`canSee`): the narrower answer of the row and the logged facts wins; a row that would widen it is masked
 *   and alarmed.
 *
 * The facts come with the case rows themselves: the case loader and the case lists read each row joined with its
 * filing entry (`casesWithFilingByIds`, `listCases`), one statement per page whatever the number of cases; the
 * per-request filing loader only queries for rows obtained otherwise.
 */
export interface LoggedAccess {
  agencyId: string;
  inNameOfAgencyId: string | null;
  handlingOfficerIds: string[];
}

type AccessRow = Pick<CaseRow, 'id' | 'agencyId' | 'inNameOfAgencyId' | 'handlingOfficerIds'>;

/** The join condition: a case's filing entry (its first TRANSITION). */
export const filingEntryOf = and(eq(recordEntries.caseId, cases.id), eq(recordEntries.caseSeq, 1), eq(recordEntries.kind, 'TRANSITION'));

/** The authorising facts of an authentic filing entry, or null (absent, not authentic, or not a filing). */
export function loggedAccessOf(e: RecordEntryRow | null | undefined, keyDir: string): LoggedAccess | null {
  if (!e || hashOfEntry(e) !== e.hash || !entryMacOk(e, cachedMacKeysForVerify(keyDir))) return null;
  const f = loggedFiling([e]) as (ReturnType<typeof loggedFiling> & { inNameOfAgencyId?: string | null }) | null;
  if (!f?.agencyId || !Array.isArray(f.officerIds)) return null;
  return { agencyId: f.agencyId, inNameOfAgencyId: f.inNameOfAgencyId ?? null, handlingOfficerIds: f.officerIds };
}

/** The first authorising fact of the row that disagrees with its verified filing entry ('filing' when there is none). */
export function accessMismatch(row: AccessRow, facts: LoggedAccess | null): 'filing' | 'agencyId' | 'inNameOfAgencyId' | 'handlingOfficerIds' | null {
  if (!facts) return 'filing';
  if (row.agencyId !== facts.agencyId) return 'agencyId';
  if ((row.inNameOfAgencyId ?? null) !== facts.inNameOfAgencyId) return 'inNameOfAgencyId';
  if (JSON.stringify([...row.handlingOfficerIds].sort()) !== JSON.stringify([...facts.handlingOfficerIds].sort())) return 'handlingOfficerIds';
  return null;
}

const FIELD_ZH = { filing: '立案记录', agencyId: '执法主体', inNameOfAgencyId: '委托机关', handlingOfficerIds: '承办执法人员' } as const;

export function accessMismatchMessage(caseId: string, field: keyof typeof FIELD_ZH): string {
  return field === 'filing' ? `案件 ${caseId} 没有经认证的立案记录` : `案件 ${caseId} 的${FIELD_ZH[field]}与经认证的立案记录不符：案件数据被直接修改`;
}

/** One statement for any number of cases: their filing entries. */
export async function filingEntriesByCaseIds(orm: Orm, caseIds: readonly string[]): Promise<RecordEntryRow[]> {
  if (!caseIds.length) return [];
  return orm
    .select()
    .from(recordEntries)
    .where(and(inArray(recordEntries.caseId, [...caseIds]), eq(recordEntries.caseSeq, 1), eq(recordEntries.kind, 'TRANSITION')));
}

/** The per-request source of logged facts (the filing loader of loaders.ts). */
export interface FilingFacts {
  load(caseId: string): Promise<LoggedAccess | null>;
}

export interface CaseAccess {
  /** May the caller read the case at all (case(id), every case-bearing field)? From the logged agencies. */
  canRead(caller: Caller, row: AccessRow): Promise<boolean>;
  /** R16: may the caller see the party's identity and classified content? */
  canSee(caller: Caller, row: AccessRow): Promise<boolean>;
  /** The logged facts (for list filters), alarming once per request on a disagreeing row. */
  facts(row: AccessRow): Promise<LoggedAccess | null>;
}
/** Kept for the name used by the context since issue 25 part A. */
export type ClassifiedAccess = CaseAccess;

const OVERSIGHT = ['SUPERVISOR', 'ADMIN', 'SERVICE'];

export function createAccessChecker(alarm: AlarmSink): { forRequest(filing: FilingFacts): CaseAccess } {
  return {
    forRequest(filing) {
      const alarmed = new Set<string>();
      const facts = async (row: AccessRow) => {
        const f = await filing.load(row.id);
        const bad = accessMismatch(row, f);
        if (bad && !alarmed.has(row.id)) {
          alarmed.add(row.id);
          alarm({ kind: 'CASE_ROW', caseId: row.id, problem: bad, message: `${accessMismatchMessage(row.id, bad)}：按经认证的记录判断访问权限` });
        }
        return f;
      };
      return {
        facts,
        async canRead(caller, row) {
          if (OVERSIGHT.includes(caller.role)) return true;
          if (!['OFFICER', 'REVIEWER', 'PRINCIPAL'].includes(caller.role) || !caller.agencyId) return false;
          const f = await facts(row);
          return !!f && canReadCase(caller, f);
        },
        async canSee(caller, row) {
          if (!canSeeClassified(caller, row)) return false;
          if (caller.role === 'SUPERVISOR' || caller.role === 'SERVICE') return true;
          const f = await facts(row);
          return !!f && canSeeClassified(caller, f);
        },
      };
    },
  };
}
