import type { Clock } from '../../kernel/clock.js';
import { and, asc, count, desc, eq, gt, inArray, like, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../../kernel/db.js';
import { retryingTransaction } from '../../kernel/tx-retry.js';
import { agencyFact, credentialFact } from './integrity/facts.js';
import type { PowersLog } from './integrity/log.js';
import { conflict, notFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { Page } from '../../kernel/pagination.js';
import { inList, preparedByShape, preparedOnce } from '../../kernel/prepared.js';
import {
  agencies,
  credentialStatusChanges,
  credentialTermChanges,
  exAnteDocuments,
  officers,
  type AgencyRow,
  type CredentialChangeRow,
  type CredentialTermRow,
  type ExAnteRow,
  type OfficerRow,
  type schema,
} from './db/schema.js';
import type { ExAnteContent, ExAnteKind, PublicationStatus } from './domain/types.js';

// Data access for the powers subgraph: SQL only, no business rules (those live in domain/).

export type PowersDb = Db<typeof schema>;
/** One entry of a credential's status history, as the service hands it over. */
export type StatusChange = Pick<CredentialChangeRow, 'status' | 'effectiveFrom' | 'reason' | 'recordedBy'>;
export type TermsChange = Pick<CredentialTermRow, 'effectiveFrom' | 'validFrom' | 'validUntil' | 'enforcementAreas' | 'reason' | 'recordedBy'>;
type Tx = Parameters<Parameters<PowersDb['orm']['transaction']>[0]>[0];

const isDuplicateKey = (err: unknown, index?: string): boolean => {
  const e = (err as { cause?: { code?: string; sqlMessage?: string }; code?: string; sqlMessage?: string }) ?? {};
  const inner = e.cause ?? e;
  return inner.code === 'ER_DUP_ENTRY' && (!index || (inner.sqlMessage ?? '').includes(index));
};

export function createRepo(db: PowersDb, clock: Clock, log: PowersLog) {
  const orm = db.orm;
  /** Version checks and idempotency keys under row locks: re-run whole on deadlocks / Galera certification failures. */
  const transaction = <T>(fn: (tx: Tx) => Promise<T>) => retryingTransaction(() => orm.transaction(fn));

  /** Returns the row created by an earlier request with the same idempotency key, if any. */
  async function byIdempotencyKey<T>(table: typeof agencies | typeof officers | typeof exAnteDocuments, key: string | null): Promise<T | null> {
    if (!key) return null;
    const rows = await orm.select().from(table).where(eq(table.idempotencyKey, key)).limit(1);
    return (rows[0] as T | undefined) ?? null;
  }

  // Issue 28: the reads every list and entity lookup makes, prepared once (kernel/prepared.ts).
  const ph = sql.placeholder;
  const agenciesByIdsQ = preparedOnce(() => orm.select().from(agencies).where(inList(agencies.id, 'ids')).prepare());
  const docsByIdsQ = preparedOnce(() => orm.select().from(exAnteDocuments).where(inList(exAnteDocuments.id, 'ids')).prepare());
  const publishedByQ = preparedByShape<ReturnType<typeof buildPublishedBy>>();
  const buildPublishedBy = (via: 'code' | 'powerItemCode') =>
    orm
      .select()
      .from(exAnteDocuments)
      .where(
        and(
          eq(exAnteDocuments.kind, ph('kind')),
          eq(exAnteDocuments.status, 'PUBLISHED'),
          inList(via === 'code' ? exAnteDocuments.code : exAnteDocuments.powerItemCode, 'codes'),
        ),
      )
      .prepare();
  const listDocsQ = preparedByShape<ReturnType<typeof buildListDocs>>();
  const buildListDocs = (shape: DocShape, after: boolean, limited: boolean) => {
    const conds = docConditions(ph('kind') as unknown as ExAnteKind, shape);
    if (after)
      conds.push(or(gt(exAnteDocuments.code, ph('afterCode')), and(eq(exAnteDocuments.code, ph('afterCode')), gt(exAnteDocuments.versionNo, ph('afterNo'))))!);
    const q = orm
      .select()
      .from(exAnteDocuments)
      .where(and(...conds))
      .orderBy(asc(exAnteDocuments.code), asc(exAnteDocuments.versionNo));
    return (limited ? q.limit(ph('limit')) : q).prepare();
  };
  const countDocsQ = preparedByShape<ReturnType<typeof buildCountDocs>>();
  const buildCountDocs = (shape: DocShape) =>
    orm
      .select({ n: count() })
      .from(exAnteDocuments)
      .where(and(...docConditions(ph('kind') as unknown as ExAnteKind, shape)))
      .prepare();

  return {
    /** For aggregate statements (statistics.ts). */
    orm,
    // ---- agencies
    listAgencies: () => orm.select().from(agencies).orderBy(asc(agencies.name), asc(agencies.id)),
    agenciesByIds: (ids: readonly string[]): Promise<AgencyRow[]> => (ids.length ? agenciesByIdsQ().execute({ ids: [...ids] }) : Promise.resolve([])),
    agencyById: async (id: string) => (await orm.select().from(agencies).where(eq(agencies.id, id)).limit(1))[0] ?? null,

    async insertAgency(row: Omit<AgencyRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>, actor: string): Promise<AgencyRow> {
      const previous = await byIdempotencyKey<AgencyRow>(agencies, row.idempotencyKey);
      if (previous) return previous;
      const now = clock.now();
      const full: AgencyRow = { ...row, id: newId(), version: 1, createdAt: now, updatedAt: now };
      try {
        await transaction(async (tx) => {
          await tx.insert(agencies).values(full);
          await log.append(tx, full.id, 'AGENCY', agencyFact(full), actor);
        });
      } catch (err) {
        if (isDuplicateKey(err, 'agencies_idem')) return (await byIdempotencyKey<AgencyRow>(agencies, row.idempotencyKey))!;
        if (isDuplicateKey(err, 'agencies_uscc')) throw conflict(`统一社会信用代码 ${row.uscc} 已登记为其他执法主体`, { field: 'uscc' });
        throw err;
      }
      return full;
    },

    async updateAgency(id: string, expectedVersion: number, actor: string, patch: Partial<AgencyRow>): Promise<AgencyRow> {
      const result = await transaction(async (tx) => {
        const r = await tx
          .update(agencies)
          .set({ ...patch, version: sql`${agencies.version} + 1`, updatedAt: clock.now() })
          .where(and(eq(agencies.id, id), eq(agencies.version, expectedVersion)));
        if (r[0].affectedRows === 1) {
          const updated = (await tx.select().from(agencies).where(eq(agencies.id, id)).limit(1))[0]!;
          await log.append(tx, id, 'AGENCY', agencyFact(updated), actor);
        }
        return r;
      });
      if (result[0].affectedRows !== 1) {
        const current = (await orm.select().from(agencies).where(eq(agencies.id, id)).limit(1))[0];
        if (!current) throw notFound('执法主体', id);
        throw conflict(`执法主体已被他人修改（当前版本 ${current.version}，提交的版本 ${expectedVersion}）`, { currentVersion: current.version });
      }
      return (await orm.select().from(agencies).where(eq(agencies.id, id)).limit(1))[0]!;
    },

    // ---- officers
    officersByIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(officers)
        .where(inArray(officers.id, [...ids])),

    async listOfficers(agencyId: string, page: Page<[string]>) {
      const conds = [eq(officers.agencyId, agencyId)];
      if (page.after) conds.push(gt(officers.id, page.after[0]));
      return orm
        .select()
        .from(officers)
        .where(and(...conds))
        .orderBy(asc(officers.id))
        .limit(page.limit + 1);
    },
    credentialChangesByOfficerIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(credentialStatusChanges)
        .where(inArray(credentialStatusChanges.officerId, [...ids]))
        .orderBy(asc(credentialStatusChanges.officerId), asc(credentialStatusChanges.effectiveFrom), asc(credentialStatusChanges.recordedAt)),
    credentialTermsByOfficerIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(credentialTermChanges)
        .where(inArray(credentialTermChanges.officerId, [...ids]))
        .orderBy(asc(credentialTermChanges.officerId), asc(credentialTermChanges.effectiveFrom), asc(credentialTermChanges.recordedAt)),
    countOfficers: async (agencyId: string) => (await orm.select({ n: count() }).from(officers).where(eq(officers.agencyId, agencyId)))[0]?.n ?? 0,

    /** The officer and the first entries of the credential's dated status and terms histories, together. */
    async insertOfficer(row: Omit<OfficerRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>, issued: StatusChange, terms: TermsChange): Promise<OfficerRow> {
      const previous = await byIdempotencyKey<OfficerRow>(officers, row.idempotencyKey);
      if (previous) return previous;
      const now = clock.now();
      const full: OfficerRow = { ...row, id: newId(), version: 1, createdAt: now, updatedAt: now };
      try {
        await transaction(async (tx) => {
          await tx.insert(officers).values(full);
          await tx.insert(credentialStatusChanges).values({ ...issued, id: newId(), officerId: full.id, recordedAt: now });
          await tx.insert(credentialTermChanges).values({ ...terms, id: newId(), officerId: full.id, recordedAt: now });
          await log.append(tx, full.id, 'CREDENTIAL', credentialFact(full, [issued], [terms]), issued.recordedBy);
        });
      } catch (err) {
        if (isDuplicateKey(err, 'officers_idem')) return (await byIdempotencyKey<OfficerRow>(officers, row.idempotencyKey))!;
        if (isDuplicateKey(err, 'officers_credential')) {
          throw conflict(`执法证号 ${row.credentialNumber} 已被其他执法人员使用`, { field: 'credentialNumber' });
        }
        throw err;
      }
      return full;
    },

    /** A status or terms change is appended to the credential's history in the same transaction as the update. */
    async updateOfficer(
      id: string,
      expectedVersion: number,
      patch: Partial<OfficerRow>,
      actor: string,
      change?: StatusChange,
      terms: TermsChange[] = [],
    ): Promise<OfficerRow> {
      let result;
      try {
        result = await transaction(async (tx) => {
          const r = await tx
            .update(officers)
            .set({ ...patch, version: sql`${officers.version} + 1`, updatedAt: clock.now() })
            .where(and(eq(officers.id, id), eq(officers.version, expectedVersion)));
          if (r[0].affectedRows === 1 && change) {
            await tx.insert(credentialStatusChanges).values({ ...change, id: newId(), officerId: id, recordedAt: clock.now() });
          }
          if (r[0].affectedRows === 1 && terms.length) {
            await tx.insert(credentialTermChanges).values(terms.map((t) => ({ ...t, id: newId(), officerId: id, recordedAt: clock.now() })));
          }
          if (r[0].affectedRows === 1) {
            // Issue 25: every credential change enters the powers log with the whole dated history.
            const updated = (await tx.select().from(officers).where(eq(officers.id, id)).limit(1))[0]!;
            const history = await tx.select().from(credentialStatusChanges).where(eq(credentialStatusChanges.officerId, id));
            const termsHistory = await tx.select().from(credentialTermChanges).where(eq(credentialTermChanges.officerId, id));
            await log.append(tx, id, 'CREDENTIAL', credentialFact(updated, history, termsHistory), actor);
          }
          return r;
        });
      } catch (err) {
        if (isDuplicateKey(err, 'officers_credential')) {
          throw conflict(`执法证号 ${patch.credentialNumber ?? ''} 已被其他执法人员使用`, { field: 'credentialNumber' });
        }
        throw err;
      }
      if (result[0].affectedRows !== 1) {
        const current = (await orm.select().from(officers).where(eq(officers.id, id)).limit(1))[0];
        if (!current) throw notFound('执法人员', id);
        throw conflict(`执法人员信息已被他人修改（当前版本 ${current.version}，提交的版本 ${expectedVersion}）`, { currentVersion: current.version });
      }
      return (await orm.select().from(officers).where(eq(officers.id, id)).limit(1))[0]!;
    },

    // ---- ex-ante documents
    docsByIds: (ids: readonly string[]): Promise<ExAnteRow[]> => (ids.length ? docsByIdsQ().execute({ ids: [...ids] }) : Promise.resolve([])),

    /** All versions of the given codes of one kind, oldest first. */
    versionsByCodes: (kind: ExAnteKind, codes: readonly string[]) =>
      orm
        .select()
        .from(exAnteDocuments)
        .where(and(eq(exAnteDocuments.kind, kind), inArray(exAnteDocuments.code, [...codes])))
        .orderBy(asc(exAnteDocuments.code), asc(exAnteDocuments.versionNo)),

    /** Published versions of one kind whose code (or linked power item code) is in the list. */
    publishedByCodes: (kind: ExAnteKind, codes: readonly string[], via: 'code' | 'powerItemCode' = 'code'): Promise<ExAnteRow[]> =>
      codes.length ? publishedByQ(via, () => buildPublishedBy(via)).execute({ kind, codes: [...codes] }) : Promise.resolve([]),

    async listDocs(kind: ExAnteKind, where: DocFilter, page: Page<[string, number]> | null): Promise<ExAnteRow[]> {
      const shape = docShape(where);
      const after = !!page?.after;
      const q = listDocsQ(`${shapeKey(shape)} ${after} ${!!page}`, () => buildListDocs(shape, after, !!page));
      return q.execute({
        ...docValues(kind, where),
        ...(page?.after ? { afterCode: page.after[0], afterNo: page.after[1] } : {}),
        ...(page ? { limit: page.limit + 1 } : {}),
      });
    },

    /** Work queue: every kind of one agency in one status. */
    listDocsAnyKind: (agencyId: string, status: PublicationStatus) =>
      orm
        .select()
        .from(exAnteDocuments)
        .where(and(eq(exAnteDocuments.agencyId, agencyId), eq(exAnteDocuments.status, status)))
        .orderBy(asc(exAnteDocuments.kind), asc(exAnteDocuments.code))
        .limit(500),

    async countDocs(kind: ExAnteKind, where: DocFilter): Promise<number> {
      const shape = docShape(where);
      return (await countDocsQ(shapeKey(shape), () => buildCountDocs(shape)).execute(docValues(kind, where)))[0]?.n ?? 0;
    },

    /** Create version 1 of a new code; a second create of the same code is a CONFLICT. */
    async insertFirstVersion(
      row: Omit<ExAnteRow, 'id' | 'versionNo' | 'status' | 'version' | 'createdAt' | 'updatedAt' | WorkflowColumns>,
    ): Promise<ExAnteRow> {
      const previous = await byIdempotencyKey<ExAnteRow>(exAnteDocuments, row.idempotencyKey);
      if (previous) return previous;
      const existing = await orm
        .select({ id: exAnteDocuments.id })
        .from(exAnteDocuments)
        .where(and(eq(exAnteDocuments.kind, row.kind), eq(exAnteDocuments.code, row.code)))
        .limit(1);
      if (existing.length) throw conflict(`编码 ${row.code} 已存在，请修改现有事项（产生新版本）而不是重新创建`, { field: 'code' });
      const now = clock.now();
      const full: ExAnteRow = { ...EMPTY_WORKFLOW, ...row, id: newId(), versionNo: 1, status: 'DRAFT', version: 1, createdAt: now, updatedAt: now };
      try {
        await orm.insert(exAnteDocuments).values(full);
      } catch (err) {
        if (isDuplicateKey(err, 'exante_idem')) return (await byIdempotencyKey<ExAnteRow>(exAnteDocuments, row.idempotencyKey))!;
        if (isDuplicateKey(err, 'exante_kind_code_version')) throw conflict(`编码 ${row.code} 已存在`, { field: 'code' });
        throw err;
      }
      return full;
    },

    /**
     * Run fn with the version row and all versions of its code locked (SELECT … FOR UPDATE), after
     * checking the optimistic version. Repeatable read alone does not protect read-modify-write.
     */
    async withLockedDoc<T>(id: string, expectedVersion: number, fn: (tx: Tx, doc: ExAnteRow, siblings: ExAnteRow[]) => Promise<T>): Promise<T> {
      return transaction(async (tx) => {
        const target = (await tx.select().from(exAnteDocuments).where(eq(exAnteDocuments.id, id)).limit(1))[0];
        if (!target) throw notFound('事前公开信息版本', id);
        const siblings = await tx
          .select()
          .from(exAnteDocuments)
          .where(and(eq(exAnteDocuments.kind, target.kind), eq(exAnteDocuments.code, target.code)))
          .orderBy(desc(exAnteDocuments.versionNo))
          .for('update');
        const doc = siblings.find((s) => s.id === id)!;
        if (doc.version !== expectedVersion) {
          throw conflict(`该版本已被他人修改（当前版本 ${doc.version}，提交的版本 ${expectedVersion}），请刷新后重试`, {
            currentVersion: doc.version,
          });
        }
        return fn(tx, doc, siblings);
      });
    },

    async updateDoc(tx: Tx, doc: ExAnteRow, patch: Partial<ExAnteRow>): Promise<ExAnteRow> {
      const next = { ...doc, ...patch, version: doc.version + 1, updatedAt: clock.now() };
      await tx
        .update(exAnteDocuments)
        .set({ ...patch, version: next.version, updatedAt: next.updatedAt })
        .where(and(eq(exAnteDocuments.id, doc.id), eq(exAnteDocuments.version, doc.version)));
      return next;
    },

    async insertVersion(tx: Tx, row: ExAnteRow): Promise<ExAnteRow> {
      await tx.insert(exAnteDocuments).values(row);
      return row;
    },
  };
}

type WorkflowColumns =
  'submittedAt' | 'submittedBy' | 'approvedAt' | 'approvedBy' | 'approvalNote' | 'publishedAt' | 'publishedBy' | 'retiredAt' | 'retiredBy' | 'retireReason';

export const EMPTY_WORKFLOW: Pick<ExAnteRow, WorkflowColumns> = {
  submittedAt: null,
  submittedBy: null,
  approvedAt: null,
  approvedBy: null,
  approvalNote: null,
  publishedAt: null,
  publishedBy: null,
  retiredAt: null,
  retiredBy: null,
  retireReason: null,
};

interface DocFilter {
  agencyId?: string | null;
  status?: PublicationStatus;
  category?: string | null;
  area?: string | null;
  nameContains?: string | null;
  planYear?: number | null;
}
/** Which conditions a filter has, each value a placeholder of the same name (a prepared statement's shape). */
type DocShape = { [K in keyof DocFilter]?: Placeholder };
const DOC_FILTER_KEYS = ['agencyId', 'status', 'category', 'area', 'nameContains', 'planYear'] as const;
function docShape(w: DocFilter): DocShape {
  const shape: Record<string, unknown> = {};
  for (const k of DOC_FILTER_KEYS) if (w[k]) shape[k] = sql.placeholder(k);
  return shape as DocShape;
}
const shapeKey = (shape: DocShape) => DOC_FILTER_KEYS.filter((k) => shape[k]).join(',');
/** The values of a filter's placeholders (the LIKE pattern escaped as docConditions did). */
function docValues(kind: ExAnteKind, w: DocFilter): Record<string, unknown> {
  const v: Record<string, unknown> = { kind };
  for (const k of DOC_FILTER_KEYS) if (w[k]) v[k] = w[k];
  if (w.nameContains) v.nameContains = `%${w.nameContains.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return v;
}

function docConditions(kind: ExAnteKind, w: DocFilter | DocShape): SQL[] {
  const conds: SQL[] = [eq(exAnteDocuments.kind, kind)];
  if (w.status) conds.push(eq(exAnteDocuments.status, w.status));
  if (w.agencyId) conds.push(eq(exAnteDocuments.agencyId, w.agencyId));
  if (w.category) conds.push(eq(exAnteDocuments.category, w.category));
  if (w.area) conds.push(eq(exAnteDocuments.enforcementArea, w.area));
  if (w.planYear) conds.push(eq(exAnteDocuments.planYear, w.planYear));
  if (typeof w.nameContains === 'string') conds.push(like(exAnteDocuments.title, `%${w.nameContains.replace(/[\\%_]/g, (m) => `\\${m}`)}%`));
  else if (w.nameContains) conds.push(like(exAnteDocuments.title, w.nameContains));
  return conds;
}

export type PowersRepo = ReturnType<typeof createRepo>;
export type { ExAnteContent };
