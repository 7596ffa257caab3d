// Investigation (调查取证): opening the investigation, text records (笔录、文书) and audio-visual records (音像记录).
// Enforces: R2 / 行政处罚法 Art. 42, 55 and 行政强制法 Art. 18 (on-site acts name at least two officers with credentials
// valid on the day for the case's area); R17 (records are appended to the tamper-evident log, never to an archived file);
// R18 (a record after closing is a supplement 补正 with its reason); Art. 47 (全过程记录: AV records with hash, device,
// times and storage); state secrets never enter the system, only a reference (保守国家秘密法, R16); the late-entry rule
// for stated dates (two times); the rights notice is registered with recordEvent, bound to its proposal (R4).
import { badInput } from '../../../kernel/errors.js';
import { beijingDate } from '../../../kernel/clock.js';
import type { Caller } from '../../../kernel/identity.js';
import type { RecordEntryRow } from '../db/schema.js';
import { FORMAL_DOCUMENTS, ON_SITE_DOCUMENTS, checkAvTimes, checkDocumentText, parseDocumentNumber, parseSha256, sha256Of } from '../domain/documents.js';
import { checkActivity } from '../domain/activities.js';
import { personalFieldsOf } from '../domain/entries.js';
import { assertCanDo } from '../domain/rules.js';
import type { CaseState, Confidentiality, ProcedureKind } from '../domain/types.js';
import type { CaseRow } from '../repo.js';
import type { ActDeps } from './deps.js';
import { actor, caseOpenForRecords, lockForAct, lockOpenCase, requireOfficers, stated, today, transition, tx } from './mechanics.js';

/**
 * The activity codes a case's records may use: the published AV recording list of the agency handling it and, for an
 * entrusted organisation, of the agency in whose name it acts (R1, R2).
 */
async function publishedActivities(d: ActDeps, c: Pick<CaseRow, 'agencyId' | 'inNameOfAgencyId'>, requestId?: string): Promise<string[]> {
  const owners = [...new Set([c.agencyId, c.inNameOfAgencyId].filter((x): x is string => !!x))];
  return (await Promise.all(owners.map((id) => d.powers.avActivities(id, requestId)))).flat();
}

export async function startInvestigation(d: ActDeps, caller: Caller, caseId: string, version: number): Promise<CaseRow> {
  return tx(d, async (t) => {
    const c = await lockForAct(d, t, caller, caseId, version);
    assertCanDo('startInvestigation', c.state as CaseState, c.procedure as ProcedureKind);
    return transition(d, t, c, 'INVESTIGATING', caller, 'startInvestigation', {}, today(d), 'INVESTIGATION');
  });
}

export interface RecordTextArgs {
  caseId: string;
  documentType: string;
  stage: string;
  title: string;
  content?: string | null;
  secretReference?: string | null;
  confidentiality?: Confidentiality | null;
  officerIds?: string[] | null;
  activity?: string | null;
  occurredOn?: string | null;
  documentNumber?: string | null;
  contentSha256?: string | null;
  lateEntryReason?: string | null;
  supplementReason?: string | null;
}

export async function recordText(d: ActDeps, caller: Caller, a: RecordTextArgs, requestId?: string): Promise<RecordEntryRow> {
  const c = await caseOpenForRecords(d, caller, a.caseId);
  if (a.documentType === 'RIGHTS_NOTICE') {
    throw badInput('documentType', '行政处罚告知书随告知一并登记（recordEvent 的 RIGHTS_NOTIFIED 与 rightsNotice），以便与所告知的决定建议绑定（R4）');
  }
  const occurred = await stated(d, c, a.occurredOn, a.lateEntryReason, 'occurredOn', { date: c.filedOn, what: '立案日期' }, requestId);
  const title = a.title.trim();
  if (!title) throw badInput('title', '文书标题不能为空');
  const formal = FORMAL_DOCUMENTS.includes(a.documentType);
  const documentNumber = parseDocumentNumber(a.documentNumber, a.documentType, formal);
  const classification = a.confidentiality ?? c.confidentiality;
  if (classification === 'STATE_SECRET') {
    // A state secret never enters this system: only a reference to where the classified file is kept.
    if (a.content) throw badInput('content', '涉及国家秘密的记录不得录入正文，请填写 secretReference（保密载体编号）');
    if (!a.secretReference?.trim()) throw badInput('secretReference', '涉及国家秘密的记录须填写保密载体编号');
  } else if (!a.content?.trim()) {
    throw badInput('content', '文书正文不能为空');
  } else if (formal) {
    checkDocumentText(a.content);
  }
  const contentHash = a.contentSha256 ? parseSha256(a.contentSha256, 'contentSha256') : sha256Of(a.content ?? a.secretReference!.trim());
  const activity = a.activity ? checkActivity(a.activity, await publishedActivities(d, c, requestId)) : { onSite: false };
  const onSite = ON_SITE_DOCUMENTS.includes(a.documentType) || activity.onSite;
  if (onSite || a.officerIds?.length) await requireOfficers(d, a.officerIds ?? [], occurred.on, c.enforcementArea, c.agencyId, requestId);
  const supplementReason = a.supplementReason?.trim() || null;
  return tx(d, async (t) => {
    await lockOpenCase(d, t, c.id, supplementReason);
    return d.append(t, {
      caseId: c.id,
      kind: 'TEXT_RECORD',
      stage: a.stage,
      actor: actor(caller),
      payload: {
        documentType: a.documentType,
        title,
        documentNumber,
        contentHash,
        content: classification === 'STATE_SECRET' ? null : (a.content ?? null),
        secretReference: a.secretReference?.trim() || null,
        confidentiality: classification ?? null,
        officerIds: a.officerIds ?? [],
        activity: a.activity ?? null,
        occurredOn: occurred.on,
        lateEntryReason: occurred.lateEntryReason,
        supplementReason,
      },
    });
  });
}

export interface RegisterAvArgs {
  caseId: string;
  stage: string;
  activity: string;
  sha256: string;
  sizeBytes: number;
  durationSeconds: number;
  device: string;
  officerIds: string[];
  startedAt: Date | string;
  endedAt: Date | string;
  location: string;
  storageUri: string;
  confidentiality?: Confidentiality | null;
  lateEntryReason?: string | null;
  supplementReason?: string | null;
}

export async function registerAv(d: ActDeps, caller: Caller, a: RegisterAvArgs, requestId?: string): Promise<RecordEntryRow> {
  const c = await caseOpenForRecords(d, caller, a.caseId);
  const sha256 = parseSha256(a.sha256, 'sha256');
  if (a.sizeBytes <= 0) throw badInput('sizeBytes', '文件大小须为正数');
  const started = new Date(a.startedAt);
  const ended = new Date(a.endedAt);
  if (Number.isNaN(started.getTime()) || Number.isNaN(ended.getTime())) throw badInput('startedAt', '时间格式错误');
  checkAvTimes(started, ended, a.durationSeconds);
  if (beijingDate(ended) > today(d)) throw badInput('endedAt', `音像记录的结束时间不得晚于今天（${today(d)}）`);
  if (!/^[A-Z][A-Z0-9_]{1,63}$/.test(a.activity)) throw badInput('activity', '活动代码须为大写字母、数字和下划线');
  checkActivity(a.activity, await publishedActivities(d, c, requestId));
  // Recording on site may precede the formal filing (the inspection that led to it): no earliest date here.
  const on = (await stated(d, c, beijingDate(started), a.lateEntryReason, 'startedAt', null, requestId)).on;
  await requireOfficers(d, a.officerIds, on, c.enforcementArea, c.agencyId, requestId);
  const supplementReason = a.supplementReason?.trim() || null;
  const party = (await d.repo.partiesByIds([c.partyId]))[0] ?? null;
  const personalFields = personalFieldsOf(party, a.activity, { location: a.location });
  return tx(d, async (t) => {
    await lockOpenCase(d, t, c.id, supplementReason);
    return d.append(t, {
      caseId: c.id,
      kind: 'AV_RECORD',
      stage: a.stage,
      actor: actor(caller),
      payload: {
        activity: a.activity,
        sha256,
        sizeBytes: a.sizeBytes,
        durationSeconds: a.durationSeconds,
        device: a.device,
        officerIds: a.officerIds,
        startedAt: started.toISOString(),
        endedAt: ended.toISOString(),
        occurredOn: on,
        location: a.location,
        storageUri: a.storageUri,
        confidentiality: a.confidentiality ?? c.confidentiality ?? null,
        lateEntryReason: a.lateEntryReason?.trim() || null,
        supplementReason,
        ...(personalFields.length ? { personalFields } : {}),
      },
    });
  });
}
