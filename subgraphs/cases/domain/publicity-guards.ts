import { addMonths, maskPersonName } from './publicity.js';

// Issue 26, publicity: what a correction may change, what of its reason is public, when a publication may end
// early (who is a person for masking, personNamed, is in publicity.ts). Pure: no database, no clock.

// ---------- a correction's reason in public view

const ID_NUMBER = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;

/**
 * A correction's free-text reason is published (公示规定 Art. 12) but may carry what R16 never publishes: ID numbers,
 * telephone numbers, a person's full name. They are masked before the reason is shown.
 */
export function maskFreeText(text: string, personNames: readonly string[] = []): string {
  let out = text.replace(ID_NUMBER, '［身份证号码已隐去］').replace(MOBILE, '［电话号码已隐去］').replace(LANDLINE, '［电话号码已隐去］');
  for (const n of personNames.map((x) => x.trim()).filter((x) => x.length >= 2)) out = out.split(n).join(maskPersonName(n));
  return out;
}

// ---------- a correction keeps the decision served (公示规定 Art. 7)

const basisKey = (b: { law: string; article: string }) => `${b.law.trim()}|${b.article.trim()}`;

/**
 * 公示规定 Art. 7: what is published must be the decision served on the party. A correction of the legal basis may
 * only bring the publication back to the decision's basis, never change it to another one; null when it does.
 */
export function legalBasisCorrectionProblem(
  corrected: readonly { law: string; article: string }[],
  decided: readonly { law: string; article: string }[],
): string | null {
  const a = [...new Set(corrected.map(basisKey))].sort();
  const b = [...new Set(decided.map(basisKey))].sort();
  if (a.length === b.length && a.every((x, i) => x === b[i])) return null;
  return `更正后的法律依据须与送达当事人的行政处罚决定书一致（公示规定第七条）：决定书载明的依据为 ${decided.map((x) => `${x.law}${x.article}`).join('；')}`;
}

// ---------- ending early (公示规定 Art. 14)

export interface EarlyEndTiming {
  today: string;
  decisionDate: string;
  publishedOn: string | null;
  applicationDate: string;
  /** The shortest period a publication runs before it may end early (the agency's short publication period, Art. 13). */
  minimumMonths: number;
}

/**
 * Art. 14(1): early end only once the publication "达到规定时限要求" and on the party's application: the application
 * is not dated before the decision or its publication, and the publication has run at least the minimum period.
 */
export function earlyEndTimingProblems(t: EarlyEndTiming): { field: string; reason: string }[] {
  const out: { field: string; reason: string }[] = [];
  if (t.applicationDate < t.decisionDate) out.push({ field: 'applicationDate', reason: `申请日期不得早于行政处罚决定日期（${t.decisionDate}）` });
  else if (t.publishedOn && t.applicationDate < t.publishedOn) out.push({ field: 'applicationDate', reason: `申请日期不得早于公示日期（${t.publishedOn}）` });
  if (t.publishedOn) {
    const earliest = addMonths(t.publishedOn, t.minimumMonths);
    if (t.today < earliest) {
      out.push({
        field: 'id',
        reason: `公示未达到规定时限（自 ${t.publishedOn} 公示满 ${t.minimumMonths} 个月，即 ${earliest} 起方可申请提前停止公示，公示规定第十四条第一款）`,
      });
    }
  }
  return out;
}
