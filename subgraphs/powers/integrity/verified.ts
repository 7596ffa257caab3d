import type { AgencyRow, ExAnteRow, OfficerRow } from '../db/schema.js';
import type { PowersContext } from '../context.js';
import { agencyFact, credentialFact, docDisagreement, factDisagreement, type CredentialTerms } from './facts.js';
import { integrityFault } from './log.js';
import { LRUCache } from 'lru-cache';
import { storedJsonText } from '../../../kernel/columns.js';

// Issue 25: the facts a decision rests on (published versions of items, benchmarks, catalog rules, statutory ranges,
// the agency policy and entrustment, credentials) are served only when the row agrees with its authenticated powers
// log entry. A disagreement is refused (the case gate then refuses before the decision) and logged as an alarm.

function refuse(ctx: PowersContext, problems: string[]): never {
  ctx.log.error({ alarm: 'POWERS_INTEGRITY', problems }, 'powers facts disagree with the powers log');
  throw integrityFault(problems);
}

/**
 * Issue 28: published versions that agreed with their entries, remembered by everything the check read — the row's
 * checked columns as stored (its content as the exact stored text) and each entry's fingerprint (every stored column,
 * log.ts) with its authenticity under the current key ring. `docDisagreement` is a pure function of exactly those
 * inputs, so a hit gives the answer a full check would give. Tamper-evident as before: the row and its entries are read
 * from the database on every request (nothing is served from this cache: it holds verdicts, not rows), so a content,
 * status, code or version rewritten by SQL, or an entry rewritten, added or deleted, makes another key, misses and is
 * checked in full (test/e2e/powers-tamper.test.ts). Only agreement is remembered; a disagreement is checked, logged as an
 * alarm and refused every time.
 */
const agreeingDocs = new LRUCache<string, true>({ max: 5_000 });
function docCheckKey(r: ExAnteRow, entries: readonly { kind: string; authentic: boolean; fingerprint?: string }[]): string | null {
  const content = storedJsonText(r.content);
  if (content === undefined || entries.some((e) => e.fingerprint === undefined)) return null;
  const row = JSON.stringify([r.id, r.kind, r.code, r.versionNo, r.agencyId, r.status, content]);
  return `${row}\n${entries.map((e) => `${e.authentic ? 1 : 0}${e.fingerprint}`).join('\n')}`;
}

/** Published (or once published) versions, each against its PUBLISHED / RETIRED entries; drafts pass unchecked. */
export async function verifiedDocs<T extends ExAnteRow>(ctx: PowersContext, rows: T[]): Promise<T[]> {
  if (!ctx.verifyReads) return rows; // the benchmark's comparison run only
  const once = rows.filter((r) => r.status === 'PUBLISHED' || (r.status === 'RETIRED' && r.publishedAt));
  const entries = await ctx.loaders.logEntries.loadMany(once.map((r) => r.id));
  const problems = once.map((r, i) => {
    const e = entries[i];
    if (e instanceof Error) return `读取权力清单记录失败：${e.message}`;
    const key = docCheckKey(r, e!);
    if (key !== null && agreeingDocs.get(key)) return null;
    const problem = docDisagreement(r, e!);
    if (problem === null && key !== null) agreeingDocs.set(key, true);
    return problem;
  });
  const faults = problems.filter((p): p is string => p !== null);
  if (faults.length) refuse(ctx, faults);
  return rows;
}

export async function verifiedDoc<T extends ExAnteRow>(ctx: PowersContext, row: T | null): Promise<T | null> {
  return row ? (await verifiedDocs(ctx, [row]))[0]! : null;
}

/** An officer's credential (status, validity, areas, review qualification and dated history) against its entry. */
export async function verifyCredential(
  ctx: PowersContext,
  o: OfficerRow,
  history: readonly { status: string; effectiveFrom: string }[],
  terms: readonly CredentialTerms[],
): Promise<void> {
  if (!ctx.verifyReads) return;
  const p = factDisagreement(
    `执法人员 ${o.name}（${o.credentialNumber}）的执法证`,
    'CREDENTIAL',
    credentialFact(o, history, terms),
    await ctx.loaders.logEntries.load(o.id),
  );
  if (p) refuse(ctx, [p]);
}

/** The agency's kind and the settings recorded at its establishment (in force until a version is published). */
export async function verifyEstablished(ctx: PowersContext, a: AgencyRow): Promise<void> {
  if (!ctx.verifyReads) return;
  const p = factDisagreement(
    `执法主体 ${a.name} 的设立信息（主体种类、设立时的执法设置和委托书）`,
    'AGENCY',
    agencyFact(a),
    await ctx.loaders.logEntries.load(a.id),
  );
  if (p) refuse(ctx, [p]);
}

/**
 * A list the gate reads whole (the review catalog, the policy version in force): the rows served must be exactly the
 * versions the log says are published — a version flipped to RETIRED or DRAFT by SQL (dropping a catalog rule, or
 * falling back to the settings of establishment) is as much a fault as an edited one.
 */
export async function verifiedPublishedSet<T extends ExAnteRow>(ctx: PowersContext, kind: string, agencyId: string, rows: T[]): Promise<T[]> {
  if (!ctx.verifyReads) return rows;
  const live = await ctx.loaders.liveVersions.load(`${kind} ${agencyId}`);
  const served = new Set(rows.map((r) => r.id));
  const problems: string[] = [];
  if (!live.authentic) problems.push(`执法主体 ${agencyId} 的 ${kind} 公示记录未通过密钥校验`);
  const missing = [...live.ids].filter((id) => !served.has(id));
  if (missing.length) problems.push(`执法主体 ${agencyId} 有 ${missing.length} 个已公示的 ${kind} 版本不在现行数据中（被直接改为未公示或删除）`);
  if (problems.length) refuse(ctx, problems);
  return verifiedDocs(ctx, rows);
}
