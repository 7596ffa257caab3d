import { createHash } from 'node:crypto';
import { badInput } from '../../../kernel/errors.js';

// R18 substance (issue 13): a record counts for the archive by what it is, not by being there. Formal documents
// (执法文书) carry a number, a date and a content hash; audio-video records a real SHA-256 and a duration that
// matches their times; on-site and inquiry records name the officers present (R2).

/** Formal documents: numbered, dated, hashed. Evidence and other material need neither number nor minimum text. */
export const FORMAL_DOCUMENTS: readonly string[] = [
  'FILING_APPROVAL',
  'ON_SITE_INSPECTION_RECORD',
  'INQUIRY_RECORD',
  'RIGHTS_NOTICE',
  'STATEMENT_DEFENCE_RECORD',
  'HEARING_RECORD',
  'CASE_APPROVAL',
  'DECISION',
  'SERVICE_RECEIPT',
  'EXECUTION_RECORD',
  'CLOSING_REPORT',
];

/** Records of acts done on site or face to face with the party: ≥ 2 officers valid that day (R2, Art. 42, 55). */
export const ON_SITE_DOCUMENTS: readonly string[] = ['ON_SITE_INSPECTION_RECORD', 'INQUIRY_RECORD'];

/** The least a formal document's text must say (a title-only or one-letter "document" is not a record). */
export const MIN_DOCUMENT_CHARS = 10;

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

/** A SHA-256 that could be a real file's: 64 hex digits, not the empty file's, not a repeated pattern. */
export function plausibleSha256(h: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(h)) return false;
  if (h === EMPTY_SHA256) return false;
  // A real digest uses (nearly) all 16 hex digits; 'aaaa…' or '0000…' or 'abab…' is a placeholder.
  return new Set(h).size >= 8;
}

export const sha256Of = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Normalise and check a caller-given document or media hash. */
export function parseSha256(raw: string, field: string): string {
  const h = raw.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(h)) throw badInput(field, 'SHA-256 须为 64 位十六进制');
  if (!plausibleSha256(h)) throw badInput(field, 'SHA-256 不是真实文件的摘要（全零、重复字符或空文件的摘要）');
  return h;
}

export function parseDocumentNumber(raw: string | null | undefined, documentType: string, required: boolean): string | null {
  const n = raw?.trim() || null;
  if (n && n.length > 100) throw badInput('documentNumber', '文书编号不超过 100 个字符');
  if (!n && required) throw badInput('documentNumber', `${documentType} 为执法文书，须填写文书编号（R18）`);
  return n;
}

/** Formal documents say something: at least MIN_DOCUMENT_CHARS characters besides blanks and punctuation. */
export function checkDocumentText(content: string, field = 'content'): void {
  const meaningful = content.replace(/[\s\p{P}\p{S}]/gu, '');
  if ([...meaningful].length < MIN_DOCUMENT_CHARS) {
    throw badInput(field, `执法文书正文过短（至少 ${MIN_DOCUMENT_CHARS} 个字），须载明文书的实际内容（R18）`);
  }
}

/** An AV record's duration must match its start and end (±2 s) and lie within a day. */
export function checkAvTimes(started: Date, ended: Date, durationSeconds: number): void {
  if (!(ended > started)) throw badInput('endedAt', '结束时间须晚于开始时间');
  const span = Math.round((ended.getTime() - started.getTime()) / 1000);
  if (span > 86_400) throw badInput('endedAt', '单条音像记录不超过 24 小时');
  if (!Number.isInteger(durationSeconds) || durationSeconds <= 0) throw badInput('durationSeconds', '时长须为正整数（秒）');
  if (Math.abs(span - durationSeconds) > 2) throw badInput('durationSeconds', `时长 ${durationSeconds} 秒与开始、结束时间之差 ${span} 秒不符`);
}
