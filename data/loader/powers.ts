import { count, sql } from 'drizzle-orm';
import { newId } from '../../kernel/ids.js';
import { agencies, credentialStatusChanges, credentialTermChanges, exAnteDocuments, officers, type ExAnteRow } from '../../subgraphs/powers/db/schema.js';
import { agencyFact, credentialFact, docFact } from '../../subgraphs/powers/integrity/facts.js';
import { appendPowersEntry } from '../../subgraphs/powers/integrity/log.js';
import { derivedColumns } from '../../subgraphs/powers/documents.js';
import { EMPTY_WORKFLOW, type PowersDb } from '../../subgraphs/powers/repo.js';
import { demoDataset, type Dataset } from './dataset.js';
import { agencyIdOf, documentIdOf, officerIdOf } from './ids.js';

// Agencies, officers and list documents into the powers database, in one transaction (all or nothing).
// Deterministic: ids derive from keys and codes, times from the data's recordedAt.

const SYSTEM = 'seed';
const DAY_MS = 86_400_000;
/** Version n of a document is recorded (n−1)·30 days after recordedAt; each earlier one retires when the next is published. */
const VERSION_SPACING_DAYS = 30;
const REACHED = ['SUBMITTED', 'APPROVED', 'PUBLISHED', 'RETIRED'];

/** The rows of the data's list documents, each version with its workflow trail (drafted, approved, published). */
export function documentRows(data: Dataset): ExAnteRow[] {
  const rows: ExAnteRow[] = [];
  for (const doc of data.documents) {
    // Drafted by the agency's first officer, approved and published by its first reviewer (as listed in officers.yaml).
    const staff = data.officers.filter((o) => o.agency === doc.agency);
    const reviewer = staff.find((o) => o.role === 'REVIEWER');
    const drafter = staff.find((o) => o.role === 'OFFICER');
    const reviewerId = reviewer ? officerIdOf(reviewer.key) : SYSTEM;
    const drafterId = drafter ? officerIdOf(drafter.key) : SYSTEM;
    doc.versions.forEach((content, i) => {
      const last = i === doc.versions.length - 1;
      const status = last ? doc.status : 'RETIRED';
      const at = new Date(data.recordedAt.getTime() + i * DAY_MS * VERSION_SPACING_DAYS);
      const reached = (s: string) => REACHED.indexOf(status) >= REACHED.indexOf(s);
      rows.push({
        ...EMPTY_WORKFLOW,
        id: documentIdOf(doc.kind, doc.code, i + 1),
        kind: doc.kind,
        agencyId: agencyIdOf(doc.agency),
        code: doc.code,
        versionNo: i + 1,
        status,
        content,
        ...derivedColumns(doc.kind, content as never),
        createdAt: at,
        createdBy: drafterId,
        ...(status !== 'DRAFT' ? { submittedAt: at, submittedBy: drafterId } : {}),
        ...(status !== 'DRAFT' && status !== 'SUBMITTED' ? { approvedAt: at, approvedBy: reviewerId, approvalNote: '经法制审核，同意公示' } : {}),
        ...(reached('PUBLISHED') ? { publishedAt: at, publishedBy: reviewerId } : {}),
        ...(status === 'RETIRED'
          ? { retiredAt: new Date(at.getTime() + DAY_MS * VERSION_SPACING_DAYS), retiredBy: reviewerId, retireReason: `被第 ${i + 2} 版取代` }
          : {}),
        updatedAt: at,
        version: 1,
        idempotencyKey: null,
      });
    });
  }
  return rows;
}

/** The demo's document rows (a test copies them as templates). */
export const demoDocumentRows = () => documentRows(demoDataset());

export async function isSeeded(db: PowersDb): Promise<boolean> {
  const [row] = await db.orm.select({ n: count() }).from(agencies);
  return (row?.n ?? 0) > 0;
}

/** Removes every agency, officer and list document (the powers side of a reset, or the undoing of a failed load). */
export const emptyPowers = (db: PowersDb): Promise<void> => db.orm.transaction(deleteAll);

async function deleteAll(tx: Parameters<Parameters<PowersDb['orm']['transaction']>[0]>[0]) {
  await tx.delete(exAnteDocuments).where(sql`1 = 1`);
  await tx.delete(credentialStatusChanges).where(sql`1 = 1`);
  await tx.delete(credentialTermChanges).where(sql`1 = 1`);
  await tx.delete(officers).where(sql`1 = 1`);
  await tx.delete(agencies).where(sql`1 = 1`);
}

/** Inserts the data in one transaction (all or nothing). With reset, existing rows are removed first. */
export async function seedPowers(
  db: PowersDb,
  opts: { reset?: boolean; data?: Dataset } = {},
): Promise<{ agencies: number; officers: number; documents: number }> {
  const data = opts.data ?? demoDataset();
  const docRows = documentRows(data);
  const at = data.recordedAt;
  await db.orm.transaction(async (tx) => {
    if (opts.reset) await deleteAll(tx);
    await tx.insert(agencies).values(
      data.agencies.map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        uscc: a.uscc,
        region: a.region,
        legalBasis: a.legalBasis,
        contact: a.contact,
        complaintChannels: a.complaintChannels,
        serviceWindows: a.serviceWindows,
        policy: a.policy,
        entrustment: a.entrustment,
        version: 1,
        idempotencyKey: null,
        createdAt: at,
        updatedAt: at,
      })),
    );
    await tx.insert(officers).values(
      data.officers.map((o) => ({
        id: officerIdOf(o.key),
        agencyId: agencyIdOf(o.agency),
        name: o.name,
        credentialNumber: o.credentialNumber,
        credentialStatus: o.credentialStatus,
        validFrom: o.validFrom,
        validUntil: o.validUntil,
        enforcementAreas: o.enforcementAreas,
        reviewQualified: o.reviewQualified,
        legalProfessionCertificate: o.legalProfessionCertificate,
        firstTimeReviewer: o.firstTimeReviewer,
        version: 1,
        idempotencyKey: null,
        createdAt: at,
        updatedAt: at,
      })),
    );
    // Each credential's dated history: issued on its first valid day, then any later change.
    await tx.insert(credentialStatusChanges).values(
      data.officers.flatMap((o) =>
        [{ status: 'VALID' as const, effectiveFrom: o.validFrom, reason: '登记执法证' }, ...o.history].map((h) => ({
          id: newId(),
          officerId: officerIdOf(o.key),
          status: h.status,
          effectiveFrom: h.effectiveFrom,
          reason: h.reason,
          recordedBy: SYSTEM,
          recordedAt: at,
        })),
      ),
    );
    // The terms (validity, areas) as issued, in force from the first valid day (R2: dated like the status).
    await tx.insert(credentialTermChanges).values(
      data.officers.map((o) => ({
        id: newId(),
        officerId: officerIdOf(o.key),
        effectiveFrom: o.validFrom,
        validFrom: o.validFrom,
        validUntil: o.validUntil,
        enforcementAreas: o.enforcementAreas,
        reason: '登记执法证',
        recordedBy: SYSTEM,
        recordedAt: at,
      })),
    );
    for (let i = 0; i < docRows.length; i += 200) await tx.insert(exAnteDocuments).values(docRows.slice(i, i + 200));
    await logPowers(tx, data, docRows);
  });
  return { agencies: data.agencies.length, officers: data.officers.length, documents: docRows.length };
}

/**
 * Issue 25: the powers log of what was loaded — each agency's established settings, each credential with its dated
 * history, each version that was published (and retired) — under the powers key, so the read checks accept the data.
 */
async function logPowers(tx: Parameters<Parameters<PowersDb['orm']['transaction']>[0]>[0], data: Dataset, docRows: ExAnteRow[]) {
  const at = data.recordedAt;
  for (const a of data.agencies)
    await appendPowersEntry(tx, a.id, 'AGENCY', agencyFact({ kind: a.kind, policy: a.policy, entrustment: a.entrustment }), SYSTEM, at);
  for (const o of data.officers) {
    const history = [{ status: 'VALID', effectiveFrom: o.validFrom }, ...o.history];
    const terms = [{ effectiveFrom: o.validFrom, validFrom: o.validFrom, validUntil: o.validUntil, enforcementAreas: o.enforcementAreas }];
    await appendPowersEntry(tx, officerIdOf(o.key), 'CREDENTIAL', credentialFact({ ...o, agencyId: agencyIdOf(o.agency) }, history, terms), SYSTEM, at);
  }
  for (const r of docRows) {
    if (r.publishedAt) await appendPowersEntry(tx, r.id, 'PUBLISHED', docFact(r), r.publishedBy ?? SYSTEM, r.publishedAt);
    if (r.publishedAt && r.retiredAt) await appendPowersEntry(tx, r.id, 'RETIRED', docFact(r), r.retiredBy ?? SYSTEM, r.retiredAt);
  }
}

/** The data's users for `npm run token -- --demo <key>` and the README. */
export function demoCallers(data: Dataset = demoDataset()) {
  return data.officers.map((o) => ({ key: o.key, name: o.name, role: o.role, agencyId: agencyIdOf(o.agency), officerId: officerIdOf(o.key) }));
}
