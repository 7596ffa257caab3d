import DataLoader from 'dataloader';
import type { AgencyRow, CredentialChangeRow, CredentialTermRow, ExAnteRow, OfficerRow } from './db/schema.js';
import type { ExAnteKind } from './domain/types.js';
import type { PowersRepo } from './repo.js';
import type { LoggedEntry } from './integrity/facts.js';
import type { LiveVersions, PowersLog } from './integrity/log.js';
import { byKey, groupedByKey as groupByKey } from '../../kernel/loaders.js';

// Created per request: N entity lookups in one request become one SQL statement per kind.

export function createLoaders(repo: PowersRepo, log: PowersLog) {
  const publishedBy = (kind: ExAnteKind, via: 'code' | 'powerItemCode' = 'code') =>
    new DataLoader<string, ExAnteRow | null>(async (codes) =>
      byKey(await repo.publishedByCodes(kind, codes, via), codes, (r) => (via === 'code' ? r.code : r.powerItemCode!)),
    );
  return {
    agency: new DataLoader<string, AgencyRow | null>(async (ids) => byKey(await repo.agenciesByIds(ids), ids, (r) => r.id)),
    officer: new DataLoader<string, OfficerRow | null>(async (ids) => byKey(await repo.officersByIds(ids), ids, (r) => r.id)),
    credentialHistory: new DataLoader<string, CredentialChangeRow[]>(async (ids) =>
      groupByKey(await repo.credentialChangesByOfficerIds(ids), ids, (r) => r.officerId),
    ),
    credentialTerms: new DataLoader<string, CredentialTermRow[]>(async (ids) =>
      groupByKey(await repo.credentialTermsByOfficerIds(ids), ids, (r) => r.officerId),
    ),
    doc: new DataLoader<string, ExAnteRow | null>(async (ids) => byKey(await repo.docsByIds(ids), ids, (r) => r.id)),
    publishedPowerItem: publishedBy('POWER_ITEM'),
    publishedRandomInspectionItem: publishedBy('RANDOM_INSPECTION_ITEM'),
    publishedAgencyPolicy: publishedBy('AGENCY_POLICY'),
    publishedEntrustment: publishedBy('ENTRUSTMENT'),
    benchmarkForPowerItem: publishedBy('DISCRETION_BENCHMARK', 'powerItemCode'),
    /** Authenticated powers-log entries per stream (a version id, an officer id, an agency id). */
    logEntries: new DataLoader<string, LoggedEntry[]>(async (ids) => {
      const m = await log.entries(repo.orm, ids);
      return ids.map((id) => m.get(id) ?? []);
    }),
    /** Published versions per `<kind> <agencyId>` by the log (agency-settings.ts, catalogs): one statement per request. */
    liveVersions: new DataLoader<string, LiveVersions>((keys) =>
      log.liveVersions(
        repo.orm,
        keys.map((k) => {
          const [kind, agencyId] = k.split(' ') as [string, string];
          return { kind, agencyId };
        }),
      ),
    ),
    powerItemVersions: new DataLoader<string, ExAnteRow[]>(async (codes) => groupByKey(await repo.versionsByCodes('POWER_ITEM', codes), codes, (r) => r.code)),
  };
}

export type PowersLoaders = ReturnType<typeof createLoaders>;
