import type { Clock } from '../../kernel/clock.js';
import type { Caller } from '../../kernel/identity.js';
import { badInput, invalidState, notFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { ExAnteRow } from './db/schema.js';
import { actorId, assertMayAct, revisionMode, transition, type WorkflowAction } from './domain/workflow.js';
import type { ExAnteContent, ExAnteContentByKind, ExAnteKind, PublicationStatus } from './domain/types.js';
import { docFact } from './integrity/facts.js';
import type { PowersLog } from './integrity/log.js';
import { EMPTY_WORKFLOW, type PowersRepo } from './repo.js';

// The versioned publication workflow shared by every kind of ex-ante information (R1).

/** Columns derived from content so lists can filter in SQL. */
export function derivedColumns<K extends ExAnteKind>(kind: K, content: ExAnteContentByKind[K]) {
  const c = content as ExAnteContent;
  const base = {
    title: '',
    category: null as string | null,
    enforcementArea: null as string | null,
    powerItemCode: null as string | null,
    planYear: null as number | null,
  };
  switch (kind) {
    case 'POWER_ITEM': {
      const p = c as ExAnteContentByKind['POWER_ITEM'];
      return { ...base, title: p.name, category: p.category, enforcementArea: p.enforcementArea };
    }
    case 'DISCRETION_BENCHMARK': {
      const b = c as ExAnteContentByKind['DISCRETION_BENCHMARK'];
      return { ...base, title: `自由裁量基准 ${b.powerItemCode}`, powerItemCode: b.powerItemCode };
    }
    case 'RANDOM_INSPECTION_ITEM': {
      const r = c as ExAnteContentByKind['RANDOM_INSPECTION_ITEM'];
      return { ...base, title: r.name, powerItemCode: r.powerItemCode };
    }
    case 'AV_RECORDING_RULE':
      return { ...base, title: (c as ExAnteContentByKind['AV_RECORDING_RULE']).name };
    case 'REVIEW_CATALOG_RULE':
      return { ...base, title: (c as ExAnteContentByKind['REVIEW_CATALOG_RULE']).description.slice(0, 300) };
    case 'AGENCY_LEADER': {
      const l = c as ExAnteContentByKind['AGENCY_LEADER'];
      return { ...base, title: `${l.position} ${l.name}` };
    }
    case 'ANNUAL_ENFORCEMENT_PLAN': {
      const p = c as ExAnteContentByKind['ANNUAL_ENFORCEMENT_PLAN'];
      return { ...base, title: p.title, planYear: p.year };
    }
    case 'AGENCY_POLICY':
      return { ...base, title: '机关执法设置' };
    case 'EVALUATION_CHECKLIST':
      return { ...base, title: '案卷评查表' };
    case 'ENTRUSTMENT':
      return { ...base, title: `委托书 ${(c as ExAnteContentByKind['ENTRUSTMENT']).documentNumber}` };
    default:
      return base;
  }
}

const OPEN: readonly PublicationStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED'];

export function createDocumentService(repo: PowersRepo, clock: Clock, log: PowersLog) {
  return {
    async create<K extends ExAnteKind>(
      caller: Caller,
      kind: K,
      agencyId: string,
      code: string,
      content: ExAnteContentByKind[K],
      idempotencyKey: string | null | undefined,
    ): Promise<ExAnteRow> {
      assertMayAct('revise', caller, agencyId);
      if (!(await repo.agencyById(agencyId))) throw badInput('agencyId', `执法主体 ${agencyId} 不存在`);
      return repo.insertFirstVersion({
        kind,
        agencyId,
        code,
        content,
        ...derivedColumns(kind, content),
        createdBy: actorId(caller),
        idempotencyKey: idempotencyKey ? `${caller.subject}:${idempotencyKey}` : null,
      });
    },

    /** Edit a draft in place, or open version n+1 as a draft while the published version stays public. */
    async revise(caller: Caller, id: string, expectedVersion: number, makeContent: (doc: ExAnteRow) => ExAnteContent): Promise<ExAnteRow> {
      return repo.withLockedDoc(id, expectedVersion, async (tx, doc, siblings) => {
        assertMayAct('revise', caller, doc.agencyId);
        const content = makeContent(doc);
        const derived = derivedColumns(doc.kind as ExAnteKind, content);
        if (revisionMode(doc.status as PublicationStatus) === 'in-place') {
          return repo.updateDoc(tx, doc, { content, ...derived });
        }
        const open = siblings.find((s) => OPEN.includes(s.status as PublicationStatus));
        if (open) {
          throw invalidState(`编码 ${doc.code} 已有未公示的第 ${open.versionNo} 版（${open.status}），请修改该版本`, { openVersionId: open.id });
        }
        const now = clock.now();
        return repo.insertVersion(tx, {
          ...EMPTY_WORKFLOW,
          id: newId(),
          kind: doc.kind,
          agencyId: doc.agencyId,
          code: doc.code,
          versionNo: Math.max(...siblings.map((s) => s.versionNo)) + 1,
          status: 'DRAFT',
          content,
          ...derived,
          createdAt: now,
          createdBy: actorId(caller),
          updatedAt: now,
          version: 1,
          idempotencyKey: null,
        });
      });
    },

    async transition(caller: Caller, action: Exclude<WorkflowAction, 'revise'>, id: string, expectedVersion: number, note?: string | null): Promise<ExAnteRow> {
      return repo.withLockedDoc(id, expectedVersion, async (tx, doc, siblings) => {
        const to = transition(action, { status: doc.status as PublicationStatus, submittedBy: doc.submittedBy, agencyId: doc.agencyId }, caller, note);
        const now = clock.now();
        const who = actorId(caller);
        const trimmed = note?.trim() || null;
        switch (action) {
          case 'submit':
            return repo.updateDoc(tx, doc, { status: to, submittedAt: now, submittedBy: who });
          case 'approve':
            return repo.updateDoc(tx, doc, { status: to, approvedAt: now, approvedBy: who, approvalNote: trimmed });
          case 'reject':
            // Back to the drafter; the reason is kept until the next approval overwrites it.
            return repo.updateDoc(tx, doc, { status: to, submittedAt: null, submittedBy: null, approvalNote: `退回：${trimmed}` });
          case 'publish': {
            // One published version per code: the one it replaces is retired, and stays in the history.
            for (const old of siblings.filter((s) => s.status === 'PUBLISHED')) {
              await repo.updateDoc(tx, old, { status: 'RETIRED', retiredAt: now, retiredBy: who, retireReason: `被第 ${doc.versionNo} 版取代` });
              await log.append(tx, old.id, 'RETIRED', { ...docFact(old), replacedBy: doc.versionNo }, who);
            }
            // Issue 25: the published version enters the powers log (its content hash, under the powers key).
            await log.append(tx, doc.id, 'PUBLISHED', docFact(doc), who);
            return repo.updateDoc(tx, doc, { status: to, publishedAt: now, publishedBy: who });
          }
          case 'retire':
            await log.append(tx, doc.id, 'RETIRED', docFact(doc), who);
            return repo.updateDoc(tx, doc, { status: to, retiredAt: now, retiredBy: who, retireReason: trimmed });
        }
      });
    },

    async requireDoc(id: string): Promise<ExAnteRow> {
      const row = (await repo.docsByIds([id]))[0];
      if (!row) throw notFound('事前公开信息版本', id);
      return row;
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
