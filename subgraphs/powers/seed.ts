import { count, sql } from 'drizzle-orm';
import { newId, stableId } from '../../kernel/ids.js';
import { agencies, credentialStatusChanges, exAnteDocuments, officers, type ExAnteRow } from './db/schema.js';
import { derivedColumns } from './documents.js';
import type { ExAnteContent, ExAnteKind } from './domain/types.js';
import {
  parseAnnualPlan,
  parseAvRecordingRule,
  parseDiscretionTiers,
  parsePolicy,
  parsePowerItem,
  parseRandomInspectionItem,
  parseReviewCatalogRule,
  parseUscc,
} from './domain/validate.js';
import { EMPTY_WORKFLOW, type PowersDb } from './repo.js';
import { SEED_AGENCIES, SEED_DOCUMENTS, SEED_OFFICERS, type SeedDocument } from './seed-data.js';

// Demo data of the seed's bureau (米东区城市管理局). Deterministic: ids derive from keys, timestamps are fixed.

export const demoAgencyId = (key: string) => stableId('agency', key);
export const demoOfficerId = (key: string) => stableId('officer', key);
const SEEDED_AT = new Date('2026-01-05T02:00:00.000Z');
const SYSTEM = 'seed';

/** Validate demo content with the same rules as the API, so demo data can never be something the API would refuse. */
function parseContent(doc: SeedDocument, content: ExAnteContent): ExAnteContent {
  const c = content as never;
  switch (doc.kind as ExAnteKind) {
    case 'POWER_ITEM':
      return parsePowerItem(c);
    case 'DISCRETION_BENCHMARK':
      return parseDiscretionTiers((content as { tiers: unknown }).tiers, (content as { powerItemCode: string }).powerItemCode);
    case 'RANDOM_INSPECTION_ITEM':
      return parseRandomInspectionItem(c);
    case 'AV_RECORDING_RULE':
      return parseAvRecordingRule(c);
    case 'REVIEW_CATALOG_RULE':
      return parseReviewCatalogRule(c);
    case 'ANNUAL_ENFORCEMENT_PLAN':
      return parseAnnualPlan(c);
  }
}

export function demoDocumentRows(): ExAnteRow[] {
  const reviewer = SEED_OFFICERS.find((o) => o.roleHint === 'REVIEWER');
  const drafter = SEED_OFFICERS.find((o) => o.roleHint === 'OFFICER');
  const reviewerId = reviewer ? demoOfficerId(reviewer.key) : SYSTEM;
  const drafterId = drafter ? demoOfficerId(drafter.key) : SYSTEM;
  const rows: ExAnteRow[] = [];
  for (const doc of SEED_DOCUMENTS) {
    const versions = [...(doc.history ?? []), doc.content];
    versions.forEach((raw, i) => {
      const content = parseContent(doc, raw as ExAnteContent);
      const last = i === versions.length - 1;
      const status = last ? doc.status : 'RETIRED';
      const at = new Date(SEEDED_AT.getTime() + i * 86_400_000 * 30);
      const reached = (s: string) =>
        ['SUBMITTED', 'APPROVED', 'PUBLISHED', 'RETIRED'].indexOf(status) >= ['SUBMITTED', 'APPROVED', 'PUBLISHED', 'RETIRED'].indexOf(s);
      rows.push({
        ...EMPTY_WORKFLOW,
        id: stableId(`doc:${doc.kind}`, `${doc.code}:v${i + 1}`),
        kind: doc.kind,
        agencyId: demoAgencyId(doc.agencyKey),
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
        ...(status === 'RETIRED' ? { retiredAt: new Date(at.getTime() + 86_400_000 * 30), retiredBy: reviewerId, retireReason: `被第 ${i + 2} 版取代` } : {}),
        updatedAt: at,
        version: 1,
        idempotencyKey: null,
      });
    });
  }
  return rows;
}

export async function isSeeded(db: PowersDb): Promise<boolean> {
  const [row] = await db.orm.select({ n: count() }).from(agencies);
  return (row?.n ?? 0) > 0;
}

/** Insert the demo data in one transaction (all or nothing). With reset, existing rows are removed first. */
export async function seedPowers(db: PowersDb, opts: { reset?: boolean } = {}): Promise<{ agencies: number; officers: number; documents: number }> {
  const docRows = demoDocumentRows();
  await db.orm.transaction(async (tx) => {
    if (opts.reset) {
      await tx.delete(exAnteDocuments).where(sql`1 = 1`);
      await tx.delete(credentialStatusChanges).where(sql`1 = 1`);
      await tx.delete(officers).where(sql`1 = 1`);
      await tx.delete(agencies).where(sql`1 = 1`);
    }
    await tx.insert(agencies).values(
      SEED_AGENCIES.map((a) => ({
        id: demoAgencyId(a.key),
        name: a.name,
        kind: a.kind,
        uscc: parseUscc(a.uscc),
        region: a.region,
        legalBasis: a.legalBasis,
        contact: a.contact,
        complaintChannels: a.complaintChannels,
        serviceWindows: a.serviceWindows,
        policy: parsePolicy(a.policy),
        entrustment: a.entrustment
          ? {
              entrustingAgencyId: demoAgencyId(a.entrustment.entrustingAgencyKey),
              documentNumber: a.entrustment.documentNumber,
              powerItemCodes: a.entrustment.powerItemCodes,
              validFrom: a.entrustment.validFrom,
              validUntil: a.entrustment.validUntil,
            }
          : null,
        version: 1,
        idempotencyKey: null,
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      })),
    );
    await tx.insert(officers).values(
      SEED_OFFICERS.map((o) => ({
        id: demoOfficerId(o.key),
        agencyId: demoAgencyId(o.agencyKey),
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
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      })),
    );
    // Each credential's dated history: issued on its first valid day, then any later change.
    await tx.insert(credentialStatusChanges).values(
      SEED_OFFICERS.flatMap((o) =>
        [{ status: 'VALID', effectiveFrom: o.validFrom, reason: '登记执法证' }, ...(o.history ?? [])].map((h) => ({
          id: newId(),
          officerId: demoOfficerId(o.key),
          status: h.status,
          effectiveFrom: h.effectiveFrom,
          reason: h.reason,
          recordedBy: SYSTEM,
          recordedAt: SEEDED_AT,
        })),
      ),
    );
    for (let i = 0; i < docRows.length; i += 200) await tx.insert(exAnteDocuments).values(docRows.slice(i, i + 200));
  });
  return { agencies: SEED_AGENCIES.length, officers: SEED_OFFICERS.length, documents: docRows.length };
}

/** Demo callers for `npm run token -- --demo <key>` and the README. */
export function demoCallers() {
  return SEED_OFFICERS.map((o) => ({
    key: o.key,
    name: o.name,
    role: o.roleHint,
    agencyId: demoAgencyId(o.agencyKey),
    officerId: demoOfficerId(o.key),
  }));
}
