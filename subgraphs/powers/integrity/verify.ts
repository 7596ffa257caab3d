import type { VerifyResult } from '../../../kernel/records/chain.js';
import { verifyLog, type Orm, type ProjectionCheck, type RecordKeyOptions } from '../../../kernel/records/log.js';
import type { RecordEntryRow } from '../../../kernel/records/schema.js';
import { agencies, credentialStatusChanges, credentialTermChanges, exAnteDocuments, officers } from '../db/schema.js';
import { POWERS_LOG_SERVICE, agencyFact, credentialFact, docDisagreement, factDisagreement, type LoggedEntry } from './facts.js';

// `npm run verify-records -- --service powers`: the powers log's chains, MACs, checkpoints and witness (kernel), then
// every row the gate reads against its latest entry, and every version the log says is published against its row.

export const POWERS_LOG = { service: POWERS_LOG_SERVICE } as const;

const asLogged = (es: readonly RecordEntryRow[] | undefined): LoggedEntry[] => (es ?? []).map((e) => ({ kind: e.kind, payload: e.payload, authentic: true }));

const fault = (result: VerifyResult, streamId: string, field: string, message: string): VerifyResult => ({
  ...result,
  ok: false,
  firstBad: { problem: 'PROJECTION_MISMATCH', caseId: streamId, field, message },
});

export const powersProjection: ProjectionCheck = async (db, result, byStream, onlyStream) => {
  const mine = (id: string) => !onlyStream || id === onlyStream;
  const docs = (await db.select().from(exAnteDocuments)).filter((d) => mine(d.id));
  const rowsById = new Map(docs.map((d) => [d.id, d]));
  for (const d of docs) {
    if (d.status !== 'PUBLISHED' && !(d.status === 'RETIRED' && d.publishedAt)) continue;
    const p = docDisagreement(d, asLogged(byStream.get(d.id)));
    if (p) return fault(result, d.id, `ex_ante_documents.${d.kind}`, p);
  }
  // A version the log says is published must still be the published row (not flipped away or deleted).
  for (const [streamId, es] of byStream) {
    const last = es.filter((e) => e.kind === 'PUBLISHED' || e.kind === 'RETIRED').at(-1);
    if (last?.kind === 'PUBLISHED' && rowsById.get(streamId)?.status !== 'PUBLISHED') {
      const f = JSON.parse(last.payload) as { code?: string; versionNo?: number };
      return fault(
        result,
        streamId,
        'ex_ante_documents.status',
        `事前公开信息 ${f.code} 第 ${f.versionNo} 版已公示，但数据库中不再是现行公示版本（被直接修改或删除）`,
      );
    }
  }
  const history = await db.select().from(credentialStatusChanges);
  const terms = await db.select().from(credentialTermChanges);
  for (const o of (await db.select().from(officers)).filter((x) => mine(x.id))) {
    const p = factDisagreement(
      `执法人员 ${o.name} 的执法证`,
      'CREDENTIAL',
      credentialFact(
        o,
        history.filter((h) => h.officerId === o.id),
        terms.filter((t) => t.officerId === o.id),
      ),
      asLogged(byStream.get(o.id)),
    );
    if (p) return fault(result, o.id, 'officers', p);
  }
  for (const a of (await db.select().from(agencies)).filter((x) => mine(x.id))) {
    const p = factDisagreement(`执法主体 ${a.name} 的设立信息`, 'AGENCY', agencyFact(a), asLogged(byStream.get(a.id)));
    if (p) return fault(result, a.id, 'agencies', p);
  }
  return result;
};

export function verifyPowersRecords(orm: Orm, opts: Omit<RecordKeyOptions, 'service'> & { caseId?: string }): Promise<VerifyResult> {
  return verifyLog(orm, { ...opts, ...POWERS_LOG }, powersProjection);
}
