import DataLoader from 'dataloader';
import { and, eq, inArray } from 'drizzle-orm';
import type { Caller } from '../../kernel/identity.js';
import { entryMacOk, hashOfEntry } from '../../kernel/records/chain.js';
import { cachedMacKeysForVerify } from '../../kernel/records/keys.js';
import type { Orm } from '../../kernel/records/log.js';
import { recordEntries, type CaseRow } from './db/schema.js';
import { canSeeClassified } from './domain/access.js';
import { loggedFiling, type AlarmSink } from './integrity.js';

/**
 * R16 (行政处罚法 Art. 50) read from verified facts (issue 25): who sees a party's ID number, phone and address and
 * classified record content depends on the case's agency and handlers, and a row edited by SQL (an officer added as a
 * handler) must not widen it. The case row decides only together with its authenticated filing entry (hash and MAC
 * verified; it logs the agency and the handlers): the narrower answer wins, and a row that would widen access is
 * masked and raises the integrity alarm. Roles that see classified content whatever the case (SUPERVISOR, SERVICE)
 * need no check. One statement per request for all the cases of a page (a DataLoader), not one per case.
 */
export interface ClassifiedAccess {
  canSee(caller: Caller, row: Pick<CaseRow, 'id' | 'agencyId' | 'handlingOfficerIds'>): Promise<boolean>;
}

interface LoggedAccess {
  agencyId: string;
  handlingOfficerIds: string[];
}

export function createAccessChecker(orm: Orm, keyDir: string, alarm: AlarmSink): { forRequest(): ClassifiedAccess } {
  async function logged(caseIds: readonly string[]): Promise<(LoggedAccess | null)[]> {
    const rows = await orm
      .select()
      .from(recordEntries)
      .where(and(inArray(recordEntries.caseId, [...caseIds]), eq(recordEntries.caseSeq, 1), eq(recordEntries.kind, 'TRANSITION')));
    const keys = cachedMacKeysForVerify(keyDir);
    const byCase = new Map<string, LoggedAccess>();
    for (const e of rows) {
      if (hashOfEntry(e) !== e.hash || !entryMacOk(e, keys)) continue; // not authentic: as if absent
      const f = loggedFiling([e]);
      if (f?.agencyId && Array.isArray(f.officerIds)) byCase.set(e.caseId, { agencyId: f.agencyId, handlingOfficerIds: f.officerIds });
    }
    return caseIds.map((id) => byCase.get(id) ?? null);
  }
  return {
    forRequest() {
      const loader = new DataLoader<string, LoggedAccess | null>(logged);
      const alarmed = new Set<string>();
      const refuse = (caseId: string, problem: string, message: string) => {
        if (!alarmed.has(caseId)) alarm({ kind: 'CASE_ROW', caseId, problem, message });
        alarmed.add(caseId);
        return false;
      };
      return {
        async canSee(caller, row) {
          if (!canSeeClassified(caller, row)) return false;
          if (caller.role === 'SUPERVISOR' || caller.role === 'SERVICE') return true;
          const facts = await loader.load(row.id);
          if (!facts) return refuse(row.id, 'filing', `案件 ${row.id} 没有经认证的立案记录：不显示当事人身份信息和涉密内容`);
          if (canSeeClassified(caller, facts)) return true;
          const field = facts.agencyId !== row.agencyId ? 'agencyId' : 'handlingOfficerIds';
          return refuse(
            row.id,
            field,
            `案件 ${row.id} 的${field === 'agencyId' ? '执法主体' : '承办执法人员'}与经认证的立案记录不符：不显示当事人身份信息和涉密内容`,
          );
        },
      };
    },
  };
}
