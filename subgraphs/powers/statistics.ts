import { sql } from 'drizzle-orm';
import { authorizeKey, type StatisticsScope } from '../../kernel/statistics.js';
import type { PowersContext } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { PowersRepo } from './repo.js';

// Staff and credential figures of the annual report (issue 17), from the officer directory: one aggregate statement
// grouped by agency, whatever the number of officers. The day counted is the period's last day (today if earlier):
// a credential is valid that day when its status in force then (the dated history, else the current status) is
// VALID and the day lies within its validity dates — the reading of domain/credential.ts.

export interface StaffRow {
  agencyId: string;
  asOf: string;
  officers: number;
  validCredentials: number;
  reviewStaff: number;
  reviewStaffWithLegalCertificate: number;
}

export const staffSql = (s: StatisticsScope, day: string) => sql`
  SELECT o.agency_id AS agency_id, COUNT(*) AS officers,
    SUM(CASE WHEN o.valid_from <= ${day} AND o.valid_until >= ${day} AND COALESCE(
      (SELECT h.status FROM credential_status_changes h WHERE h.officer_id = o.id AND h.effective_from <= ${day} ORDER BY h.effective_from DESC, h.recorded_at DESC LIMIT 1),
      (SELECT h.status FROM credential_status_changes h WHERE h.officer_id = o.id ORDER BY h.effective_from ASC, h.recorded_at ASC LIMIT 1),
      o.credential_status) = 'VALID' THEN 1 ELSE 0 END) AS valid_credentials,
    SUM(CASE WHEN o.review_qualified = 1 THEN 1 ELSE 0 END) AS review_staff,
    SUM(CASE WHEN o.review_qualified = 1 AND COALESCE(o.legal_profession_certificate, '') <> '' THEN 1 ELSE 0 END) AS review_certified
  FROM officers o
  ${s.agencyId ? sql`WHERE o.agency_id = ${s.agencyId}` : sql``}
  GROUP BY o.agency_id
  ORDER BY o.agency_id`;

export async function staffFigures(repo: PowersRepo, s: StatisticsScope, today: string): Promise<StaffRow[]> {
  const day = s.to < today ? s.to : today;
  const [rows] = (await repo.orm.execute(staffSql(s, day))) as unknown as [Record<string, unknown>[]];
  return rows.map((r) => ({
    agencyId: String(r.agency_id),
    asOf: day,
    officers: Number(r.officers ?? 0),
    validCredentials: Number(r.valid_credentials ?? 0),
    reviewStaff: Number(r.review_staff ?? 0),
    reviewStaffWithLegalCertificate: Number(r.review_certified ?? 0),
  }));
}

export const statisticsResolvers: Resolvers = {
  Statistics: {
    __resolveReference: (ref, ctx) => authorizeKey(ctx.caller, ref.key),
    staff: (s, _, ctx: PowersContext) => staffFigures(ctx.repo, s, ctx.today()),
  },
  StaffFigures: {
    agency: (r, _, ctx) => ctx.loaders.agency.load(r.agencyId).then((a) => a!),
  },
};
