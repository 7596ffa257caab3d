import type { WorkingDayCalendar } from '../../shared/calendar.js';
import type { Outcome, PartyKind, PenaltyType, ProcedureKind } from './types.js';
import { cents } from './rules.js';

// Ex-post publicity (事后公开) as pure rules: R12 deadlines, R13 exemptions, R14 withdrawal, R15 periods,
// R16 and DOMAIN.md §4 masking. Public content is generated from structured fields, never by redacting text.

export interface PublicationPolicy {
  publishSimpleProcedure: boolean;
  publishWarnings: boolean;
  autoPublishDecisions: boolean;
  shortPublicationMonths: number;
  publicationMonths: number;
  smallFineThreshold: string;
}

/** Everything publication needs, captured at the decision; the resident ID stays for the restricted channel only. */
export interface PublicationSnapshot {
  agency: { id: string; name: string; uscc: string };
  party: { kind: PartyKind; name: string; uscc: string | null; residentId: string | null; legalRepresentative: string | null; isMinor: boolean };
  caseType: string;
  procedure: ProcedureKind;
  powerItem: { code: string; name: string; category: string };
  decision: {
    number: string;
    date: string;
    outcome: Outcome;
    penaltyTypes: PenaltyType[];
    fineAmount: string | null;
    confiscationAmount: string | null;
    legalBasis: { law: string; article: string }[];
  };
}

export type PublicationPlan =
  { exempt: true; reason: string } | { exempt: false; category: 'LICENSING_OR_PENALTY' | 'OTHER'; dueOn: string; dueConfirmed: boolean };

/** R12/R13/R16: publish within 7 WD (licensing, penalty) or 20 WD (other), unless exempt with a stated reason. */
export function planPublication(
  s: PublicationSnapshot,
  confidentiality: string | null,
  policy: PublicationPolicy,
  calendar: WorkingDayCalendar,
): PublicationPlan {
  if (s.party.isMinor) return { exempt: true, reason: '当事人为未成年人，依法不予公开（R16）' };
  if (confidentiality === 'STATE_SECRET') return { exempt: true, reason: '涉及国家秘密，不予公开（政府信息公开条例第十四条）' };
  if (s.procedure === 'SIMPLE' && !policy.publishSimpleProcedure) return { exempt: true, reason: '本机关规定简易程序处罚决定不予公示' };
  const d = s.decision;
  if (d.outcome === 'PENALTY' && d.penaltyTypes.length > 0 && d.penaltyTypes.every((t) => t === 'WARNING') && !policy.publishWarnings) {
    return { exempt: true, reason: '仅给予警告的处罚决定，本机关规定不予公示（R13）' };
  }
  const category = s.caseType === 'PENALTY' || s.caseType === 'LICENSING' ? 'LICENSING_OR_PENALTY' : 'OTHER';
  const due = calendar.addWorkingDays(d.date, category === 'LICENSING_OR_PENALTY' ? 7 : 20);
  return { exempt: false, category, dueOn: due.date, dueConfirmed: due.confirmed };
}

/** R15: 3 months for circulated criticism or a small fine only, otherwise the long period (公示规定 Art. 13). */
export function publicationPeriodEnd(s: PublicationSnapshot, publishedOn: string, policy: PublicationPolicy): string {
  const d = s.decision;
  const light =
    d.outcome === 'PENALTY' &&
    d.penaltyTypes.every((t) => t === 'CIRCULATED_CRITICISM' || t === 'WARNING' || t === 'FINE') &&
    (d.fineAmount === null || cents(d.fineAmount) <= cents(policy.smallFineThreshold));
  return addMonths(publishedOn, light ? policy.shortPublicationMonths : policy.publicationMonths);
}

export function addMonths(date: string, months: number): string {
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** R14: withdrawn within 3 working days of the change (Art. 48, 85). */
export const withdrawalDue = (changedOn: string, calendar: WorkingDayCalendar) => calendar.addWorkingDays(changedOn, 3);

// ---------- masking (DOMAIN.md §4)

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
];

/** A natural person in public view: surname + 某 (张某); names written with a middle dot keep only their first character. */
export function maskPersonName(name: string): string {
  const n = name.trim();
  const compound = COMPOUND_SURNAMES.find((s) => n.startsWith(s) && n.length > s.length);
  return `${compound ?? [...n][0] ?? ''}某`;
}

export interface PublicContent {
  agencyName: string;
  agencyUscc: string;
  partyName: string;
  partyKind: PartyKind;
  partyUscc: string | null;
  legalRepresentative: string | null;
  category: string;
  violation: string;
  conclusion: string;
  legalBasis: string[];
  decisionNumber: string;
  decisionDate: string;
}

const PENALTY_ZH: Record<PenaltyType, string> = {
  WARNING: '警告',
  CIRCULATED_CRITICISM: '通报批评',
  FINE: '罚款',
  CONFISCATE_ILLEGAL_GAINS: '没收违法所得',
  CONFISCATE_ILLEGAL_PROPERTY: '没收非法财物',
  SUSPEND_LICENCE: '暂扣许可证件',
  LOWER_QUALIFICATION: '降低资质等级',
  REVOKE_LICENCE: '吊销许可证件',
  RESTRICT_BUSINESS: '限制开展生产经营活动',
  ORDER_STOP_BUSINESS: '责令停产停业',
  ORDER_CLOSURE: '责令关闭',
  RESTRICT_PRACTICE: '限制从业',
  DETENTION: '行政拘留',
  OTHER: '其他行政处罚',
};
const OUTCOME_ZH: Record<Outcome, string> = {
  PENALTY: '给予行政处罚',
  NO_PENALTY_MINOR: '违法行为轻微并及时改正，不予行政处罚',
  NO_PENALTY_UNFOUNDED: '违法事实不能成立，不予行政处罚',
  CRIMINAL_REFERRAL: '涉嫌犯罪，移送司法机关',
  LICENCE_GRANTED: '准予行政许可',
  LICENCE_REFUSED: '不予行政许可',
  OTHER: '其他决定',
};
const CATEGORY_ZH: Record<string, string> = { PENALTY: '行政处罚', LICENSING: '行政许可', COERCION: '行政强制', INSPECTION: '行政检查', OTHER: '其他' };

export function conclusionText(d: PublicationSnapshot['decision']): string {
  if (d.outcome !== 'PENALTY') return OUTCOME_ZH[d.outcome];
  return d.penaltyTypes
    .map((t) =>
      t === 'FINE' && d.fineAmount
        ? `罚款 ${d.fineAmount} 元`
        : t === 'CONFISCATE_ILLEGAL_GAINS' && d.confiscationAmount
          ? `没收违法所得 ${d.confiscationAmount} 元`
          : PENALTY_ZH[t],
    )
    .join('；');
}

/** The public view: only structured, public fields; a person's name masked; no ID number, phone or address at all. */
export function publicContent(s: PublicationSnapshot): PublicContent {
  const person = s.party.kind === 'NATURAL_PERSON';
  const partyName = person ? maskPersonName(s.party.name) : s.party.name;
  return {
    agencyName: s.agency.name,
    agencyUscc: s.agency.uscc,
    partyName,
    partyKind: s.party.kind,
    partyUscc: person ? null : s.party.uscc,
    // Legal persons' representatives are public (双公示); an individual business's operator is a person.
    legalRepresentative: s.party.kind === 'LEGAL_PERSON' ? s.party.legalRepresentative : null,
    category: CATEGORY_ZH[s.caseType] ?? s.caseType,
    violation: `${partyName}违反${s.powerItem.name.replace(/^对/, '').replace(/的行政处罚$/, '')}的规定`,
    conclusion: conclusionText(s.decision),
    legalBasis: s.decision.legalBasis.map((b) => `${b.law}${b.article}`),
    decisionNumber: s.decision.number,
    decisionDate: s.decision.date,
  };
}

// ---------- 双公示 exchange (DOMAIN.md §7)

/** Yuan (decimal string) to 万元 with six decimals, exact (no floats). */
export function yuanToWan(yuan: string | null): string | null {
  if (yuan === null) return null;
  const c = cents(yuan); // 1 万元 = 1,000,000 cents
  const whole = c / 1_000_000n;
  const frac = (c % 1_000_000n).toString().padStart(6, '0');
  return `${whole}.${frac}`;
}

export interface CreditRecord {
  partyName: string;
  partyCategory: string;
  uscc: string | null;
  legalRepresentative: string | null;
  /** Only on the restricted PARTNER channel, never in the public feed. */
  residentIdNumber: string | null;
  decisionNumber: string;
  violationType: string;
  facts: string;
  basis: string;
  penaltyCategory: string;
  penaltyContent: string;
  fineWan: string | null;
  confiscationWan: string | null;
  decisionDate: string;
  validUntil: string | null;
  publicationEndsOn: string | null;
  agencyName: string;
  agencyUscc: string;
  sourceName: string;
  sourceUscc: string;
  remarks: string | null;
}

const PARTY_CATEGORY_ZH: Record<PartyKind, string> = { NATURAL_PERSON: '自然人', LEGAL_PERSON: '法人及非法人组织', INDIVIDUAL_BUSINESS: '个体工商户' };

export function creditRecord(s: PublicationSnapshot, publicationEndsOn: string | null, restricted: boolean, remarks: string | null): CreditRecord {
  const p = publicContent(s);
  return {
    partyName: p.partyName,
    partyCategory: PARTY_CATEGORY_ZH[s.party.kind],
    uscc: p.partyUscc,
    legalRepresentative: p.legalRepresentative,
    residentIdNumber: restricted && s.party.kind === 'NATURAL_PERSON' ? s.party.residentId : null,
    decisionNumber: p.decisionNumber,
    violationType: s.powerItem.name,
    facts: p.violation,
    basis: p.legalBasis.join('；'),
    penaltyCategory: s.decision.penaltyTypes.map((t) => PENALTY_ZH[t]).join('；'),
    penaltyContent: p.conclusion,
    fineWan: yuanToWan(s.decision.fineAmount),
    confiscationWan: yuanToWan(s.decision.confiscationAmount),
    decisionDate: s.decision.date,
    validUntil: publicationEndsOn,
    publicationEndsOn,
    agencyName: s.agency.name,
    agencyUscc: s.agency.uscc,
    sourceName: s.agency.name,
    sourceUscc: s.agency.uscc,
    remarks,
  };
}

export const CREDIT_COLUMNS: [keyof CreditRecord, string][] = [
  ['partyName', '行政相对人名称'],
  ['partyCategory', '行政相对人类别'],
  ['uscc', '统一社会信用代码'],
  ['legalRepresentative', '法定代表人'],
  ['residentIdNumber', '证件号码'],
  ['decisionNumber', '行政处罚决定书文号'],
  ['violationType', '违法行为类型'],
  ['facts', '违法事实'],
  ['basis', '处罚依据'],
  ['penaltyCategory', '处罚类别'],
  ['penaltyContent', '处罚内容'],
  ['fineWan', '罚款金额（万元）'],
  ['confiscationWan', '没收违法所得、没收非法财物的金额（万元）'],
  ['decisionDate', '处罚决定日期'],
  ['validUntil', '处罚有效期'],
  ['publicationEndsOn', '公示截止期'],
  ['agencyName', '处罚机关'],
  ['agencyUscc', '处罚机关统一社会信用代码'],
  ['sourceName', '数据来源单位'],
  ['sourceUscc', '数据来源单位统一社会信用代码'],
  ['remarks', '备注'],
];

/** RFC 4180 CSV with a header row in Chinese; every cell quoted so commas and newlines are safe. */
export function toCsv(records: CreditRecord[], includeRestricted: boolean): string {
  const cols = CREDIT_COLUMNS.filter(([k]) => includeRestricted || k !== 'residentIdNumber');
  const cell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  return [cols.map(([, h]) => cell(h)).join(','), ...records.map((r) => cols.map(([k]) => cell(r[k])).join(','))].join('\r\n') + '\r\n';
}
