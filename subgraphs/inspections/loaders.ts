import DataLoader from 'dataloader';
import type { PlanRow, ResultRow, TaskInspectorRow, TaskObjectRow, TaskRow } from './db/schema.js';
import type { InspectionsRepo } from './repo.js';
import { byKey, groupedByKey as grouped } from '../../kernel/loaders.js';

// Created per request: N entity lookups in one request become one SQL statement per kind.

export function createLoaders(repo: InspectionsRepo) {
  return {
    plan: new DataLoader<string, PlanRow | null>(async (ids) => byKey(await repo.plansByIds(ids), ids, (r) => r.id)),
    task: new DataLoader<string, TaskRow | null>(async (ids) => byKey(await repo.tasksByIds(ids), ids, (r) => r.id)),
    result: new DataLoader<string, ResultRow | null>(async (ids) => byKey(await repo.resultsByIds(ids), ids, (r) => r.id)),
    objects: new DataLoader<string, TaskObjectRow[]>(async (ids) => grouped(await repo.objectsByTaskIds(ids), ids, (r) => r.taskId)),
    inspectors: new DataLoader<string, TaskInspectorRow[]>(async (ids) => grouped(await repo.inspectorsByTaskIds(ids), ids, (r) => r.taskId)),
    resultsOfTask: new DataLoader<string, ResultRow[]>(async (ids) => grouped(await repo.resultsByTaskIds(ids), ids, (r) => r.taskId)),
    agencyIdByUscc: new DataLoader<string, string | null>(async (usccs) =>
      byKey(await repo.agencyLinksByUsccs(usccs), usccs, (r) => r.uscc).map((r) => r?.agencyId ?? null),
    ),
    officerIdByCredential: new DataLoader<string, string | null>(async (numbers) =>
      byKey(await repo.officerLinksByCredentials(numbers), numbers, (r) => r.credentialNumber).map((r) => r?.officerId ?? null),
    ),
  };
}

export type InspectionsLoaders = ReturnType<typeof createLoaders>;
