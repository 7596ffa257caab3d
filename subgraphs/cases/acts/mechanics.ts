import { AppError, badInput, conflict, forbidden, invalidState, notFound } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import { isDuplicateKeyOn, retryingTransaction } from '../../../kernel/db.js';
import type { RecordEntryRow } from '../db/schema.js';
import { sha256Of } from '../domain/documents.js';
import { statedDate, type StatedDate } from '../domain/dates.js';
import { decidingAgencyId, decidingAgencyRefusal, entrustmentProblem } from '../domain/entrustment.js';
import { checkOfficers, type CaseAction } from '../domain/rules.js';
import type { CaseState } from '../domain/types.js';
import { caseRowMismatch, projectCase } from '../integrity.js';
import type { AgencyFacts } from '../powers-facts.js';
import { canonicalJson } from '../../../kernel/records/chain.js';
import { listEntries, verifiedCaseEntries, verifiedStreamsEntries } from '../records/log.js';
import type { VerifyResult } from '../../../kernel/records/chain.js';
import type { CaseRow, CasesTx } from '../repo.js';
import { haltsDecision } from '../revocation.js';
import type { ActDeps } from './deps.js';
import { canReadCase } from '../domain/access.js';
import { accessMismatch, accessMismatchMessage, filingEntriesByCaseIds, loggedAccessOf } from '../verified-access.js';

// The mechanics every act of the case procedure uses: who may act, locking a case for an act, a state change with
// its record entry in ONE transaction (never a state change without its record), verified record entries (R17),
// stated dates with the late-entry rule, idempotent retries. The acts themselves are in the other files of acts/.

export const today = (d: ActDeps) => d.clock.today();

export const tx = <T>(d: ActDeps, fn: (tx: CasesTx) => Promise<T>) => retryingTransaction(() => d.repo.orm.transaction(fn));

/** The acting person named in record entries: the officer, or the token's subject. */
export const actor = (c: Caller) => c.officerId ?? c.subject;

/** Who may act at all: checked before anything about the record (its existence, state or version) is revealed. */
export function assertRole(caller: Caller, roles = ['OFFICER']): void {
  if (!roles.includes(caller.role)) throw forbidden(`此操作需要角色 ${roles.join('/')}`);
}

/**
 * Agency, then role. Another agency's case answers NOT_FOUND like an unknown id, so the answer tells a caller who
 * may not act on it nothing about whether it exists (no existence oracle); callers check assertRole before looking
 * the case up at all. (fileCase passes the input, without an id: another agency there is FORBIDDEN.)
 */
export function assertActs(caller: Caller, c: { id?: string; agencyId: string }, roles = ['OFFICER']): void {
  if (c.id !== undefined && caller.agencyId !== c.agencyId) throw notFound('案件', c.id);
  assertRole(caller, roles);
  if (caller.agencyId !== c.agencyId) throw forbidden('只能办理本机关的案件');
}

/**
 * The deciding agency's own acts (the general-procedure decision, collective discussion, the principal's correction):
 * role, then staff of the agency in whose name the case is decided — the entrusting agency for an entrusted
 * organisation's case (Art. 20); its staff refused FORBIDDEN, anyone else NOT_FOUND (domain/entrustment.ts).
 */
export function assertDecidingAgency(caller: Caller, c: { id: string; agencyId: string; inNameOfAgencyId?: string | null }, roles: string[]): void {
  // Not the case's agencies: NOT_FOUND before the role check, the same answer as for an unknown id (no existence oracle).
  const refusal = decidingAgencyRefusal(caller, c);
  if (refusal?.code === 'NOT_FOUND') throw notFound('案件', c.id);
  assertRole(caller, roles);
  if (refusal) throw new AppError('FORBIDDEN', refusal.reason, { reason: refusal.reason, decidingAgencyId: decidingAgencyId(c) });
}

/**
 * The case as the deciding agency acts on it itself: its own agency, settings and no entrustment to check (the
 * 委托书 binds the entrusted organisation, not the agency that entrusted it).
 */
export const asDecidingAgency = <T extends { agencyId: string; inNameOfAgencyId?: string | null }>(c: T): T => ({
  ...c,
  agencyId: decidingAgencyId(c),
  inNameOfAgencyId: null,
});

/**
 * Issue 25: the agencies that may act on a case are the ones its verified filing entry logs, not the row's columns.
 * A caller of none of them gets NOT_FOUND, as for an unknown id (a row moved into their agency by SQL is not their
 * case); a caller of the logged agencies acting on a row whose agency, entrusting agency or handlers disagree with
 * the entry is refused (INVALID_STATE naming the field, integrity PROJECTION_MISMATCH) and the alarm is raised.
 * Oversight and SERVICE callers pass (their acts check the log themselves where they rest on it).
 */
export async function assertAsLogged(d: ActDeps, caller: Caller, c: CaseRow, fe: RecordEntryRow | null | undefined, what = '办理'): Promise<void> {
  if (d.integrity.unverifiedForBenchmark || !['OFFICER', 'REVIEWER', 'PRINCIPAL'].includes(caller.role)) return;
  const facts = loggedAccessOf(fe, d.integrity.keyDir);
  const bad = accessMismatch(c, facts);
  if (!bad) return;
  d.alarm({ kind: 'CASE_ROW', caseId: c.id, problem: bad, message: accessMismatchMessage(c.id, bad) });
  if (!(facts ? canReadCase(caller, facts) : canReadCase(caller, c))) throw notFound('案件', c.id);
  // No authentic filing entry: the log itself is damaged (cut, truncated, an entry edited). Name its first fault as
  // every verified act does (verifiedEntriesOf throws it, with its own alarm), rather than only "no filing entry".
  if (!facts) await verifiedEntriesOf(d, c, what);
  throw invalidState(`案件数据与记录日志不符，不能${what}：${accessMismatchMessage(c.id, bad)}`, { integrity: 'PROJECTION_MISMATCH', field: bad });
}

/** The case with its filing entry (one statement), checked as logged (assertAsLogged): the pre-read of an act. */
export async function caseAsLogged(d: ActDeps, caller: Caller, caseId: string, what?: string): Promise<CaseRow> {
  const r = (await d.repo.casesWithFilingByIds([caseId]))[0];
  if (!r) throw notFound('案件', caseId);
  await assertAsLogged(d, caller, r.c, r.fe, what);
  return r.c;
}

/** The same for a row read otherwise (locked in the act's transaction): its filing entry read by a second statement. */
export async function assertRowAsLogged(d: ActDeps, caller: Caller, c: CaseRow, what?: string): Promise<void> {
  if (d.integrity.unverifiedForBenchmark || !['OFFICER', 'REVIEWER', 'PRINCIPAL'].includes(caller.role)) return;
  await assertAsLogged(d, caller, c, (await filingEntriesByCaseIds(d.repo.orm, [c.id]))[0], what);
}

/** The case an act is about, read before its transaction: role first, then existence and agency (one answer). */
export async function caseToActOn(d: ActDeps, caller: Caller, caseId: string, roles = ['OFFICER']): Promise<CaseRow> {
  assertRole(caller, roles); // who may act, before the case's existence is revealed
  const c = await caseAsLogged(d, caller, caseId);
  assertActs(caller, c, roles);
  await assertEntrusted(d, c, today(d));
  return c;
}

/**
 * Art. 20 (issue 26): on a case the entrusted organisation handles in the entrusting agency's name, every act it
 * performs needs the 委托书 in force for the case's item on the act's date — not only the filing.
 */
export async function assertEntrusted(
  d: ActDeps,
  c: { agencyId: string; inNameOfAgencyId?: string | null; powerItemCode?: string },
  date: string,
  requestId?: string,
): Promise<void> {
  if (!c.inNameOfAgencyId || c.inNameOfAgencyId === c.agencyId || !c.powerItemCode) return;
  const agency = await agencyFacts(d, c.agencyId, requestId);
  const problem = entrustmentProblem(agency.entrustment, date, c.powerItemCode);
  if (problem) throw new AppError('FORBIDDEN', problem, { reason: problem, entrustment: agency.entrustment?.documentNumber ?? null });
}

// ---------- idempotent retries

/** The request behind an idempotency key (undefined fields dropped, keys sorted): a retry must match it. */
const fingerprintOf = (input: object): string => sha256Of(canonicalJson(JSON.parse(JSON.stringify(input)) as unknown));

/** The caller's idempotency key (scoped to the caller) and the fingerprint of the request it stands for. */
export function idempotencyOf(caller: Caller, a: { idempotencyKey?: string | null }): { idem: string | null; fingerprint: string | null } {
  const idem = a.idempotencyKey ? `${caller.subject}:${a.idempotencyKey}` : null;
  return { idem, fingerprint: idem ? fingerprintOf(a) : null };
}

/** A retry with the same key returns the first call's result; the same key with another input is a CONFLICT. */
export function sameRequest<T extends { idempotencyFingerprint: string | null }>(previous: T, fingerprint: string | null): T {
  if (previous.idempotencyFingerprint && fingerprint && previous.idempotencyFingerprint !== fingerprint) {
    throw conflict('该幂等键（idempotencyKey）已用于内容不同的请求：重试须与首次请求完全相同，新请求请换用新的幂等键', { field: 'idempotencyKey' });
  }
  return previous;
}

/**
 * Concurrent retries with one key: one insert wins, the others hit the unique index and answer with the winner's
 * row (after it committed) instead of an internal error.
 */
export async function idempotent<T extends { idempotencyFingerprint: string | null }>(
  idem: string | null,
  fingerprint: string | null,
  indexName: string,
  previous: () => Promise<T | null>,
  create: () => Promise<T>,
): Promise<T> {
  try {
    return await create();
  } catch (err) {
    if (!idem || !isDuplicateKeyOn(err, indexName)) throw err;
    const first = await previous();
    if (!first) throw err;
    return sameRequest(first, fingerprint);
  }
}

// ---------- the record log

export const entriesOf = (d: ActDeps, caseId: string) => d.repo.entriesByCaseIds([caseId]);

/**
 * The case's record entries after verifying them (chain, MACs, global links, checkpoint, witness) and the case
 * row against what they imply: rules that read record events (R3, R4, R18) and the review gate use only these.
 * Anything that does not verify refuses the act (INVALID_STATE naming the fault) and raises an integrity alarm.
 */
export async function verifiedEntriesOf(d: ActDeps, c: CaseRow, what: string): Promise<RecordEntryRow[]> {
  if (d.integrity.unverifiedForBenchmark) return listEntries(d.repo.orm, c.id); // the benchmark's comparison run only
  const opts = { keyDir: d.integrity.keyDir, dbName: d.integrity.dbName, caseId: c.id, latestCheckpointsOnly: true };
  const v = await verifiedCaseEntries(d.repo.orm, opts); // retries once itself when the witness is a moment behind
  return checkedEntries(d, c, v, what);
}

/**
 * Many cases' verified entries at once (issue 30: an evaluation round's sample), each refused exactly as
 * `verifiedEntriesOf` refuses one, in a fixed number of statements whatever the number of cases.
 */
export async function verifiedEntriesOfMany(d: ActDeps, rows: readonly CaseRow[], what: string): Promise<Map<string, RecordEntryRow[]>> {
  if (d.integrity.unverifiedForBenchmark) {
    const out = new Map<string, RecordEntryRow[]>(rows.map((c) => [c.id, []]));
    if (rows.length) for (const e of await d.repo.entriesByCaseIds(rows.map((c) => c.id))) out.get(e.caseId)!.push(e);
    return out;
  }
  const opts = { keyDir: d.integrity.keyDir, dbName: d.integrity.dbName, caseIds: rows.map((c) => c.id), latestCheckpointsOnly: true };
  const { byStream } = await verifiedStreamsEntries(d.repo.orm, opts);
  return new Map(rows.map((c) => [c.id, checkedEntries(d, c, byStream.get(c.id)!, what)]));
}

/** The entries of a verified read, or the refusal (and the alarm) when the log or the row does not hold. */
function checkedEntries(d: ActDeps, c: CaseRow, v: { result: VerifyResult; entries: RecordEntryRow[] }, what: string): RecordEntryRow[] {
  if (!v.result.ok) {
    const bad = v.result.firstBad!;
    d.alarm({ kind: 'RECORD_LOG', caseId: c.id, problem: bad.problem, message: bad.message, entryId: bad.entryId ?? null });
    throw invalidState(`案件记录未通过完整性校验，不能${what}：${bad.message}`, { integrity: bad.problem, entryId: bad.entryId ?? null });
  }
  const mismatch = caseRowMismatch(c, projectCase(v.entries));
  if (mismatch) {
    d.alarm({ kind: 'CASE_ROW', caseId: c.id, problem: mismatch.field, message: mismatch.message });
    throw invalidState(`案件数据与记录日志不符，不能${what}：${mismatch.message}`, { integrity: 'PROJECTION_MISMATCH', field: mismatch.field });
  }
  return v.entries;
}

// ---------- locking and state changes

/** Lock a case to act on it: role first, then existence and agency (one answer for both), then the version. */
export async function lockForAct(d: ActDeps, t: CasesTx, caller: Caller, caseId: string, version: number, roles = ['OFFICER']): Promise<CaseRow> {
  assertRole(caller, roles);
  let c: CaseRow;
  try {
    c = await d.repo.lockCase(t, caseId);
  } catch (err) {
    if (err instanceof AppError && err.extensions.code === 'NOT_FOUND') throw notFound('案件', caseId);
    throw err;
  }
  await assertRowAsLogged(d, caller, c);
  assertActs(caller, c, roles);
  await assertEntrusted(d, c, today(d));
  if (c.version !== version) {
    throw conflict(`案件已被他人更新（当前版本 ${c.version}，提交的版本 ${version}），请刷新后重试`, { currentVersion: c.version });
  }
  return c;
}

/** A state change and its TRANSITION record, committed together. */
export async function transition(
  d: ActDeps,
  t: CasesTx,
  c: CaseRow,
  to: CaseState,
  caller: Caller,
  action: CaseAction | 'returnFromReview',
  patch: Partial<CaseRow>,
  on: string,
  stage: string,
  note?: string | null,
  extra: Record<string, unknown> = {},
): Promise<CaseRow> {
  const next = await d.repo.updateCase(t, c, { ...patch, state: to });
  await d.append(t, {
    caseId: c.id,
    kind: 'TRANSITION',
    stage,
    actor: actor(caller),
    payload: { action, from: c.state, to, on, note: note ?? null, ...extra },
  });
  return next;
}

/** A case the caller may add records to: theirs to act on, and not archived (R17: the archived file is final). */
export async function caseOpenForRecords(d: ActDeps, caller: Caller, caseId: string): Promise<CaseRow> {
  const c = await caseToActOn(d, caller, caseId);
  if (c.state === 'ARCHIVED') throw invalidState('案件已归档，记录不可再追加');
  return c;
}

/**
 * Re-checked under the case lock: an archive committing meanwhile must not get a record appended after it, and
 * a record added after closing is a supplement (补正) with its reason, listed as such (R18).
 */
export async function lockOpenCase(d: ActDeps, t: CasesTx, caseId: string, supplementReason: string | null): Promise<CaseRow> {
  const c = await d.repo.lockCase(t, caseId);
  if (c.state === 'ARCHIVED') throw invalidState('案件已归档，记录不可再追加');
  if (c.state === 'CLOSED' && !supplementReason) {
    throw badInput('supplementReason', '案件已结案：结案后补充的记录须作为补正记录并说明理由（R18）');
  }
  return c;
}

/** R14: a decision revoked or confirmed void is not carried out any further (a changed one is, as changed). */
export function assertNotHalted(c: CaseRow, what: string) {
  if (haltsDecision(c.decisionChangeKind)) {
    throw invalidState(`该决定已被${c.decisionChangeKind === 'CONFIRMED_VOID' ? '确认无效' : '撤销'}，不得再${what}`, {
      changeKind: c.decisionChangeKind,
    });
  }
}

export const latestProposal = async (d: ActDeps, caseId: string) => (await d.repo.proposalsByCaseIds([caseId])).at(-1) ?? null;
export const decidedProposal = async (d: ActDeps, c: CaseRow) => (await d.repo.proposalsByCaseIds([c.id])).find((p) => p.id === c.decisionProposalId) ?? null;

// ---------- facts from powers

export async function agencyFacts(d: ActDeps, agencyId: string, requestId?: string): Promise<AgencyFacts> {
  const agency = await d.powers.agency(agencyId, requestId);
  if (!agency) throw new AppError('UPSTREAM_UNAVAILABLE', '无法读取执法主体的设置', { serviceName: 'powers' });
  return agency;
}

/** R2: the officers of an act hold credentials valid on its date for the case's enforcement area, of this agency. */
export async function requireOfficers(d: ActDeps, officerIds: string[], date: string, area: string, agencyId: string, requestId?: string) {
  checkOfficers(officerIds, await d.powers.officers(officerIds, requestId), date, area, agencyId);
}

/** How long the late-entry setting of an agency is reused before it is read again from powers. */
const LATE_ENTRY_TTL_MS = 30_000;

/**
 * The agency's late-entry setting, read from powers at most every LATE_ENTRY_TTL_MS per agency: it is asked on
 * every field act, and a change of the setting may take that long to apply.
 */
async function lateEntryWorkingDays(d: ActDeps, agencyId: string, requestId?: string): Promise<number> {
  const cached = d.lateEntrySetting.get(agencyId);
  const now = performance.now(); // timing: cache lifetime only, not a business date
  if (cached && cached.until > now) return cached.days;
  const days = (await agencyFacts(d, agencyId, requestId)).policy.lateEntryWorkingDays;
  d.lateEntrySetting.set(agencyId, { days, until: now + LATE_ENTRY_TTL_MS });
  return days;
}

/** A field date stated by the caller, checked against the acting agency's late-entry setting (two times, issue 13). */
export async function stated(
  d: ActDeps,
  c: { agencyId: string; inNameOfAgencyId?: string | null; powerItemCode?: string },
  given: string | null | undefined,
  reason: string | null | undefined,
  field: string,
  earliest: { date: string | null; what: string } | null,
  requestId?: string,
): Promise<StatedDate> {
  const days = await lateEntryWorkingDays(d, c.agencyId, requestId);
  const on = statedDate(given, reason, { today: today(d), lateEntryWorkingDays: days, calendar: d.calendar, earliest }, field);
  // An entrusted organisation's act, on the day it says it happened, is within the 委托书 (Art. 20, issue 26).
  await assertEntrusted(d, c, on.on, requestId);
  return on;
}
