import { createHash } from 'node:crypto';
import type { PublicationRow, RecordEntryRow } from './db/schema.js';
import type { CaseRow, ProposalRow } from './repo.js';
import { canonicalJson } from '../../kernel/records/chain.js';
import { proposalHash } from './domain/rules.js';

/**
 * Decisions from verified facts (issue 12): what the authenticated record log says about a case and its
 * proposals, compared with the rows that someone with SQL access could have edited. Pure functions; the
 * service verifies the log (chains + MACs) before it calls them.
 */

export const INTEGRITY_ALARM_KINDS = ['RECORD_LOG', 'PROPOSAL', 'CASE_ROW', 'REVIEW', 'PUBLICATION'] as const;
export type IntegrityAlarmKind = (typeof INTEGRITY_ALARM_KINDS)[number];

export interface IntegrityAlarm {
  kind: IntegrityAlarmKind;
  caseId: string;
  /** Machine-readable: the chain problem, or the field that disagrees. */
  problem: string;
  /** Chinese, names what disagrees. */
  message: string;
  entryId?: string | null;
}

export type AlarmSink = (alarm: IntegrityAlarm) => void;

const payloadOf = <T>(e: { payload: string }): T => JSON.parse(e.payload) as T;

/** The proposal as registered in its authenticated PROPOSAL entry. */
export interface LoggedProposal {
  proposalId: string;
  contentHash: string;
  content: unknown;
  reviewRequired: boolean;
  collectiveDiscussionRequired: boolean;
}

export function loggedProposal(entries: readonly RecordEntryRow[], proposalId: string): LoggedProposal | null {
  for (const e of entries) {
    if (e.kind !== 'PROPOSAL') continue;
    const p = payloadOf<LoggedProposal>(e);
    if (p.proposalId === proposalId) return p;
  }
  return null;
}

export interface ProposalDisagreement {
  field: 'contentHash' | 'content' | 'reviewRequired' | 'collectiveDiscussionRequired' | 'registration';
  message: string;
}

/**
 * The stored proposal row against its authenticated log entry and against what is recomputed now (content hash
 * from the content; review required from the pinned power item, the case facts and the agency's catalog).
 * Empty when everything agrees.
 */
export function proposalDisagreements(
  row: Pick<ProposalRow, 'id' | 'content' | 'contentHash' | 'reviewRequired' | 'collectiveDiscussionRequired'>,
  logged: LoggedProposal | null,
  recomputed: { contentHash: string; reviewRequired: boolean },
): ProposalDisagreement[] {
  if (!logged) return [{ field: 'registration', message: `决定建议 ${row.id} 在经认证的记录日志中没有登记` }];
  const out: ProposalDisagreement[] = [];
  if (recomputed.contentHash !== row.contentHash) {
    out.push({ field: 'contentHash', message: `决定建议 ${row.id} 的内容与其存储的内容哈希不符（内容被修改）` });
  }
  if (logged.contentHash !== recomputed.contentHash || canonicalJson(logged.content) !== canonicalJson(row.content)) {
    out.push({ field: 'content', message: `决定建议 ${row.id} 的内容与记录日志中登记的内容不符（登记哈希 ${logged.contentHash.slice(0, 12)}…）` });
  }
  if (logged.reviewRequired !== row.reviewRequired) {
    out.push({
      field: 'reviewRequired',
      message: `决定建议 ${row.id} 的“是否须法制审核”（${row.reviewRequired ? '是' : '否'}）与记录日志登记的（${logged.reviewRequired ? '是' : '否'}）不符`,
    });
  } else if (recomputed.reviewRequired !== logged.reviewRequired) {
    out.push({
      field: 'reviewRequired',
      message: `按立案时的权力事项和本机关法制审核目录重新判断，决定建议 ${row.id} ${recomputed.reviewRequired ? '须' : '无须'}法制审核，与记录日志登记的不符`,
    });
  }
  if (logged.collectiveDiscussionRequired !== row.collectiveDiscussionRequired) {
    out.push({ field: 'collectiveDiscussionRequired', message: `决定建议 ${row.id} 的“是否须集体讨论”与记录日志登记的不符` });
  }
  return out;
}

/** The facts of the filing as registered (the case's first TRANSITION). Older entries lack the later fields. */
export interface LoggedFiling {
  caseNumber?: string;
  caseType?: string;
  procedure?: string;
  agencyId?: string;
  party?: { id: string; kind: string; identity?: string } | null;
  powerItem?: { code: string; versionId: string; versionNo: number };
  /** The handlers at filing (R16 reads them: who may see the party's identity). */
  officerIds?: string[];
  decisionDue?: { date: string } | null;
}

/** Hash of the party's identity (name, 统一社会信用代码, 居民身份证号) as logged at filing (issue 25), not the identity itself. */
export function partyIdentityHash(p: { name: string; uscc?: string | null; residentId?: string | null }): string {
  return createHash('sha256')
    .update(canonicalJson({ name: p.name, uscc: p.uscc ?? null, residentId: p.residentId ?? null }), 'utf8')
    .digest('hex');
}

/** The party row against its filing entry's identity hash (entries from before issue 25 carry none). */
export function partyMismatch(
  caseId: string,
  entries: readonly RecordEntryRow[],
  party: { name: string; uscc: string | null; residentId: string | null } | undefined,
) {
  const logged = loggedFiling(entries)?.party?.identity;
  if (!logged) return null;
  if (!party || partyIdentityHash(party) !== logged) {
    return { field: 'party.identity', message: `案件 ${caseId} 的当事人名称或证件号码与立案记录不符：当事人数据被直接修改` };
  }
  return null;
}

export function loggedFiling(entries: readonly RecordEntryRow[]): LoggedFiling | null {
  const first = entries.find((e) => e.kind === 'TRANSITION' && payloadOf<{ action?: string }>(e).action === 'file');
  return first ? payloadOf<LoggedFiling>(first) : null;
}

/** What the authenticated log implies for the case row (issue 12: case state covered). */
export interface CaseProjection {
  state: string | null;
  caseNumber: string | null;
  caseType: string | null;
  procedure: string | null;
  agencyId: string | null;
  /**
   * The entrusting agency in whose name the case is handled (Art. 20), as logged at filing: '' when the filing logged
   * none (a case of the agency's own), null when the filing entry predates the field (not compared). A row given an
   * entrusting agency by SQL would open the case to that agency's staff.
   */
  inNameOfAgencyId: string | null;
  partyId: string | null;
  powerItemVersionId: string | null;
  /** Canonical JSON of the handlers' ids as logged at filing. */
  handlingOfficerIds: string | null;
  decisionDueOn: string | null;
  decisionProposalId: string | null;
  decidedOn: string | null;
  partyPresentAtDecision: boolean | null;
}

export function projectCase(entries: readonly RecordEntryRow[]): CaseProjection {
  const filing = loggedFiling(entries);
  let state: string | null = null;
  let decision: { proposalId: string; decidedOn: string; partyPresent: boolean } | null = null;
  // R12 (issue 26): a decision due date counted again when its year's holidays were loaded (deadline-recompute.ts).
  let recomputedDecisionDue: string | null = null;
  for (const e of entries) {
    if (e.kind === 'DEADLINE_RECOMPUTED') {
      const r = payloadOf<{ deadline?: string; to?: { date?: string } }>(e);
      if (r.deadline === 'DECISION_DUE' && r.to?.date) recomputedDecisionDue = r.to.date;
    } else if (e.kind === 'TRANSITION') {
      const t = payloadOf<{ to?: string }>(e);
      if (t.to) state = t.to;
    } else if (e.kind === 'DECISION') {
      decision = payloadOf<{ proposalId: string; decidedOn: string; partyPresent: boolean }>(e);
    }
  }
  return {
    state,
    caseNumber: filing?.caseNumber ?? null,
    caseType: filing?.caseType ?? null,
    procedure: filing?.procedure ?? null,
    agencyId: filing?.agencyId ?? null,
    inNameOfAgencyId: filing && 'inNameOfAgencyId' in filing ? ((filing as { inNameOfAgencyId?: string | null }).inNameOfAgencyId ?? '') : null,
    partyId: filing?.party?.id ?? null,
    powerItemVersionId: filing?.powerItem?.versionId ?? null,
    handlingOfficerIds: filing?.officerIds ? canonicalJson(filing.officerIds) : null,
    decisionDueOn: recomputedDecisionDue ?? (filing && 'decisionDue' in filing ? (filing.decisionDue?.date ?? null) : null),
    decisionProposalId: decision?.proposalId ?? null,
    decidedOn: decision?.decidedOn ?? null,
    partyPresentAtDecision: decision ? decision.partyPresent : null,
  };
}

const FIELD_ZH: Record<keyof CaseProjection, string> = {
  state: '状态',
  caseNumber: '案号',
  caseType: '案件类型',
  procedure: '程序',
  agencyId: '执法主体',
  inNameOfAgencyId: '委托机关',
  partyId: '当事人',
  powerItemVersionId: '权力事项版本',
  handlingOfficerIds: '承办执法人员',
  decisionDueOn: '办案期限',
  decisionProposalId: '所决定的建议',
  decidedOn: '决定日期',
  partyPresentAtDecision: '决定时当事人是否在场',
};

/**
 * The first field of the case row that differs from the log's projection, or null. Fields the log does not
 * state (null in the projection of an older filing entry) are not compared, except state and the decision.
 */
export function caseRowMismatch(
  row: Pick<CaseRow, 'id' | Exclude<keyof CaseProjection, 'handlingOfficerIds'>> & { handlingOfficerIds: readonly string[] },
  p: CaseProjection,
): { field: keyof CaseProjection; row: unknown; log: unknown; message: string } | null {
  const always: (keyof CaseProjection)[] = ['state', 'decisionProposalId', 'decidedOn', 'partyPresentAtDecision'];
  for (const field of Object.keys(FIELD_ZH) as (keyof CaseProjection)[]) {
    const logged = p[field];
    if (logged === null && !always.includes(field)) continue;
    const stored =
      field === 'handlingOfficerIds'
        ? canonicalJson(row.handlingOfficerIds)
        : field === 'inNameOfAgencyId'
          ? (row.inNameOfAgencyId ?? '')
          : (row[field] ?? null);
    if (stored !== logged) {
      return {
        field,
        row: stored,
        log: logged,
        message: `案件 ${row.id} 的${FIELD_ZH[field]}（${String(stored)}）与经认证的记录日志（${String(logged)}）不符：案件数据被直接修改`,
      };
    }
  }
  return null;
}

/**
 * Publication status covered (issue 12): each publication's status as its authenticated PUBLICATION entries
 * leave it (the entry written with the decision, then publish / withdraw / end early, each in the act's
 * transaction; corrections carry no status and do not change it). publicationId → last logged status.
 */
export function projectPublications(entries: readonly RecordEntryRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of entries) {
    if (e.kind !== 'PUBLICATION') continue;
    const p = payloadOf<{ publicationId?: string; status?: string }>(e);
    if (p.publicationId && p.status) out.set(p.publicationId, p.status);
  }
  return out;
}

/**
 * The first publication of the case whose stored status differs from the log's projection, or null. A row the
 * log never registered, and a registered publication whose row is gone, differ too (the absent side is null).
 */
export function publicationMismatch(
  caseId: string,
  rows: readonly Pick<PublicationRow, 'id' | 'status'>[],
  logged: ReadonlyMap<string, string>,
): { field: 'publication.status'; publicationId: string; row: string | null; log: string | null; message: string } | null {
  const ids = [...new Set([...rows.map((r) => r.id), ...logged.keys()])].sort();
  for (const id of ids) {
    const stored = rows.find((r) => r.id === id)?.status ?? null;
    const log = logged.get(id) ?? null;
    if (stored !== log) {
      return {
        field: 'publication.status',
        publicationId: id,
        row: stored,
        log,
        message: `案件 ${caseId} 的公示 ${id} 的公示状态（${stored ?? '无此公示'}）与经认证的记录日志（${log ?? '未登记'}）不符：公示数据被直接修改`,
      };
    }
  }
  return null;
}

/** Hash of a publication's public text (its snapshot, as stored: JSON round-trip, canonical), logged in PUBLICATION entries (issue 25). */
export function snapshotHash(snapshot: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(JSON.parse(JSON.stringify(snapshot)) as unknown), 'utf8')
    .digest('hex');
}

/** publicationId → the last logged hash of its public text (entries from before issue 25 carry none). */
export function projectPublicationText(entries: readonly RecordEntryRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of entries) {
    if (e.kind !== 'PUBLICATION') continue;
    const p = payloadOf<{ publicationId?: string; snapshotHash?: string }>(e);
    if (p.publicationId && p.snapshotHash) out.set(p.publicationId, p.snapshotHash);
  }
  return out;
}

/** The first publication whose stored public text does not hash to what its entries logged, or null. */
export function publicationTextMismatch(caseId: string, rows: readonly { id: string; snapshot: unknown }[], logged: ReadonlyMap<string, string>) {
  for (const r of rows) {
    const want = logged.get(r.id);
    if (want && snapshotHash(r.snapshot) !== want) {
      return {
        field: 'publication.snapshot',
        publicationId: r.id,
        message: `案件 ${caseId} 的公示 ${r.id} 的公示内容与经认证的记录日志不符：公示内容被直接修改`,
      };
    }
  }
  return null;
}

/**
 * The decided proposal against the content hash its authenticated DECISION entry records: the stored hash, and
 * the hash recomputed from the stored content (a proposal edited after the decision). Null when they agree or
 * the case has no decision (or an older DECISION entry without a hash).
 */
export function decisionHashMismatch(
  caseId: string,
  entries: readonly RecordEntryRow[],
  proposal: Pick<ProposalRow, 'id' | 'contentHash' | 'content'> | null,
): { field: 'decision.contentHash' | 'decision.content'; message: string } | null {
  let logged: { proposalId: string; contentHash?: string } | null = null;
  for (const e of entries) if (e.kind === 'DECISION') logged = payloadOf<{ proposalId: string; contentHash?: string }>(e);
  if (!logged?.contentHash) return null;
  const short = logged.contentHash.slice(0, 12);
  if (!proposal || proposal.id !== logged.proposalId || proposal.contentHash !== logged.contentHash) {
    return {
      field: 'decision.contentHash',
      message: `案件 ${caseId} 所决定的建议 ${logged.proposalId} 的内容哈希（${proposal?.contentHash.slice(0, 12) ?? '无此建议'}）与经认证的决定记录（${short}…）不符：决定建议被直接修改`,
    };
  }
  if (proposalHash(caseId, proposal.content) !== logged.contentHash) {
    return {
      field: 'decision.content',
      message: `案件 ${caseId} 所决定的建议 ${logged.proposalId} 的内容与经认证的决定记录（${short}…）不符：决定建议被直接修改`,
    };
  }
  return null;
}
