import DataLoader from 'dataloader';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../kernel/errors.js';
import { entryMacOk, hashOfEntry } from '../../kernel/records/chain.js';
import { cachedMacKeysForVerify } from '../../kernel/records/keys.js';
import type { Orm } from '../../kernel/records/log.js';
import { recordEntries, type PublicationRow } from './db/schema.js';
import { projectPublicationText, snapshotHash, type AlarmSink } from './integrity.js';

/**
 * Public text from verified content (issue 25): before the publicity page or the 双公示 export serves a
 * publication's text, its snapshot must hash to what its PUBLICATION entries (hash and MAC verified) logged; a
 * publication whose text does not is refused and raises the integrity alarm (log line + counter).
 */
export interface PublicTextCheck {
  /** Ids of the given publications whose text does not match its verified entry (each alarmed once per call). */
  unverified(rows: readonly PublicationRow[]): Promise<Set<string>>;
  /** Throws (INVALID_STATE) when this publication's text does not match. */
  assert(row: PublicationRow): Promise<void>;
}

/** One check per request: the publications of a page are checked together (one statement, not one per row). */
export function createPublicTextChecker(orm: Orm, keyDir: string, alarm: AlarmSink): { forRequest(): PublicTextCheck } {
  const macKeys = () => cachedMacKeysForVerify(keyDir);
  async function unverified(rows: readonly PublicationRow[]): Promise<Set<string>> {
    const bad = new Set<string>();
    const caseIds = [...new Set(rows.map((r) => r.caseId))];
    if (!caseIds.length) return bad;
    const entries = await orm
      .select()
      .from(recordEntries)
      .where(and(inArray(recordEntries.caseId, caseIds), eq(recordEntries.kind, 'PUBLICATION')))
      .orderBy(asc(recordEntries.caseSeq));
    const forged = new Set(entries.filter((e) => hashOfEntry(e) !== e.hash || !entryMacOk(e, macKeys())).map((e) => e.caseId));
    const logged = projectPublicationText(entries.filter((e) => !forged.has(e.caseId)));
    for (const r of rows) {
      const want = logged.get(r.id);
      if (forged.has(r.caseId) || (want !== undefined && snapshotHash(r.snapshot) !== want)) {
        bad.add(r.id);
        alarm({ kind: 'PUBLICATION', caseId: r.caseId, problem: 'publication.snapshot', message: `公示 ${r.id} 的公示内容与经认证的记录不符：拒绝公开` });
      }
    }
    return bad;
  }
  return {
    forRequest() {
      const loader = new DataLoader<PublicationRow, boolean, string>(
        async (rows) => {
          const bad = await unverified(rows);
          return rows.map((r) => !bad.has(r.id));
        },
        { cacheKeyFn: (r) => r.id },
      );
      return {
        unverified,
        async assert(row) {
          if (!(await loader.load(row))) throw refused(row.id);
        },
      };
    },
  };
}

export const refused = (id: string) =>
  new AppError('INVALID_STATE', `当前状态不允许此操作：公示 ${id} 的公示内容未通过完整性校验，暂不公开`, { integrity: 'PUBLICATION_TEXT', publicationId: id });
