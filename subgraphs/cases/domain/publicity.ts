import type { WorkingDayCalendar } from '../../../kernel/calendar.js';
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
  /** The agency in whose name the decision was made (the entrusting agency when an entrusted organisation acted, Art. 20). */
  agency: { id: string; name: string; uscc: string };
  /** The entrusted organisation that acted in the agency's name, if any. */
  actingOrganisation?: { id: string; name: string } | null;
  party: { kind: PartyKind; name: string; uscc: string | null; residentId: string | null; legalRepresentative: string | null; isMinor: boolean };
  caseType: string;
  procedure: ProcedureKind;
  powerItem: { code: string; name: string; category: string; publicSummary?: string | null };
  decision: {
    number: string;
    date: string;
    outcome: Outcome;
    penaltyTypes: PenaltyType[];
    fineAmount: string | null;
    confiscationAmount: string | null;
    legalBasis: { law: string; article: string }[];
    /** Seizure or impoundment: the period of the measure (行政强制法 Art. 24(2), 25). */
    measure?: { startedOn: string; endsOn: string } | null;
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
  // The case type was derived from the pinned power item at filing (facts, not a caller's label).
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

// ---------- who is a person in public view (R16)

/** Words that make a 个体工商户's name a business name rather than its operator's personal name. */
// Erring towards a business word only masks a business's name: the safe direction.
const BUSINESS_WORDS =
  /(店|部|行|厂|场|社|馆|坊|铺|院|所|中心|公司|超市|商|餐|厅|室|站|吧|园|屋|庄|楼|堂|摊|档|户|点|栈|烧烤|烤|吃|酒|茶|面|饭|粮|油|果|菜|肉|鱼|货|烟|修|材|装|洗|衣|鞋|药|书|网|车)/;
const HAN_NAME = /^[\u4e00-\u9fa5]{2,4}$/;
const DOTTED_NAME = /^[\u4e00-\u9fa5]{1,10}(·[\u4e00-\u9fa5]{1,10})+$/;

/**
 * R16 masks natural persons. A 个体工商户 without a 字号 is registered under its operator's name (个体工商户条例):
 * such a name identifies one person, so it is masked like a person's — when it is the operator's name, or when it
 * reads as a personal name (two to four Han characters, or a name with a middle dot) and has no business word.
 */
export function personNamed(kind: PartyKind | string, name: string, operator?: string | null): boolean {
  if (kind === 'NATURAL_PERSON') return true;
  if (kind !== 'INDIVIDUAL_BUSINESS') return false;
  const n = name.trim();
  if (operator && n === operator.trim()) return true;
  return (HAN_NAME.test(n) || DOTTED_NAME.test(n)) && !BUSINESS_WORDS.test(n);
}

/** The party's name as the public and analysts see it: a person's (or a person-named business's) masked. */
export const publicPartyName = (kind: PartyKind | string, name: string, operator?: string | null) =>
  personNamed(kind, name, operator) ? maskPersonName(name) : name;

export interface PublicContent {
  title: string;
  agencyName: string;
  agencyUscc: string;
  actingOrganisation: string | null;
  partyName: string;
  partyKind: PartyKind;
  partyUscc: string | null;
  legalRepresentative: string | null;
  category: string;
  /** Only where there is a violation (penalty decisions); a licence or a measure is not a violation. */
  violation: string | null;
  /** What the decision is about: the violation, the licensed matter or what the measure applies to. */
  matter: string;
  conclusion: string;
  /** The published text, from the template for the case type and outcome. */
  text: string;
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
  SEAL_UP: '查封',
  IMPOUND: '扣押',
  OTHER: '其他决定',
};
const CATEGORY_ZH: Record<string, string> = { PENALTY: '行政处罚', LICENSING: '行政许可', COERCION: '行政强制', INSPECTION: '行政检查', OTHER: '其他' };

export function conclusionText(d: PublicationSnapshot['decision']): string {
  if (d.outcome === 'SEAL_UP' || d.outcome === 'IMPOUND') {
    return d.measure ? `${OUTCOME_ZH[d.outcome]}，期限自 ${d.measure.startedOn} 至 ${d.measure.endsOn}` : OUTCOME_ZH[d.outcome];
  }
  if (d.outcome !== 'PENALTY') return OUTCOME_ZH[d.outcome];
  // One confiscation amount: it belongs to the illegal gains when those are confiscated, else to the property.
  const amountType = d.penaltyTypes.includes('CONFISCATE_ILLEGAL_GAINS') ? 'CONFISCATE_ILLEGAL_GAINS' : 'CONFISCATE_ILLEGAL_PROPERTY';
  return d.penaltyTypes
    .map((t) =>
      t === 'FINE' && d.fineAmount
        ? `罚款 ${d.fineAmount} 元`
        : t === amountType && d.confiscationAmount
          ? `${PENALTY_ZH[t]} ${d.confiscationAmount} 元`
          : PENALTY_ZH[t],
    )
    .join('；');
}

/**
 * What the decision is about, from the item's published wording (公示表述). Items without one fall back to the
 * item name with its framing removed ("对……的行政处罚" → "……"), never to a text that calls a licence a violation.
 */
export function matterOf(s: PublicationSnapshot): string {
  const summary = s.powerItem.publicSummary?.trim();
  if (summary) return summary;
  return s.powerItem.name
    .replace(/^对/, '')
    .replace(/的(行政处罚|行政强制|查封、扣押|行政检查|审批|许可)$/, '')
    .replace(/(审批|许可)$/, '');
}

const TITLE: Record<string, string> = {
  PENALTY: '行政处罚决定信息公示',
  NO_PENALTY_MINOR: '不予行政处罚决定信息公示',
  NO_PENALTY_UNFOUNDED: '不予行政处罚决定信息公示',
  CRIMINAL_REFERRAL: '涉嫌犯罪案件移送信息公示',
  LICENCE_GRANTED: '准予行政许可决定公示',
  LICENCE_REFUSED: '不予行政许可决定公示',
  SEAL_UP: '行政强制措施（查封）决定公示',
  IMPOUND: '行政强制措施（扣押）决定公示',
  OTHER: '行政执法决定公示',
};

/** The published text: one template per case type and outcome, filled from structured fields only. */
export function publicationText(s: PublicationSnapshot, partyName: string): string {
  const d = s.decision;
  const basis = d.legalBasis.map((b) => `《${b.law.replace(/^《|》$/g, '')}》${b.article}`).join('、');
  const agency = s.actingOrganisation ? `${s.agency.name}（由${s.actingOrganisation.name}受委托实施）` : s.agency.name;
  const matter = matterOf(s);
  switch (d.outcome) {
    case 'PENALTY':
      return `${partyName}${matter}。${agency}依据${basis}，决定给予${conclusionText(d)}。`;
    case 'NO_PENALTY_MINOR':
      return `${partyName}${matter}，违法行为轻微并及时改正，没有造成危害后果。${agency}依据《中华人民共和国行政处罚法》第三十三条第一款，决定不予行政处罚。`;
    case 'NO_PENALTY_UNFOUNDED':
      return `${agency}经调查，${partyName}${matter}的违法事实不能成立，依据《中华人民共和国行政处罚法》第五十七条第一款第（三）项，决定不予行政处罚。`;
    case 'CRIMINAL_REFERRAL':
      return `${partyName}${matter}的行为涉嫌犯罪，${agency}依据《中华人民共和国行政处罚法》第二十七条第一款、第五十七条第一款第（四）项，移送司法机关。`;
    case 'LICENCE_GRANTED':
      return `${partyName}申请${matter}，经审查符合法定条件、标准，${agency}依据${basis}，决定准予行政许可。`;
    case 'LICENCE_REFUSED':
      return `${partyName}申请${matter}，经审查不符合法定条件、标准，${agency}依据${basis}，决定不予行政许可。`;
    case 'SEAL_UP':
    case 'IMPOUND':
      return `${agency}依据${basis}，对${partyName}的${matter}采取${OUTCOME_ZH[d.outcome]}措施${d.measure ? `，期限自 ${d.measure.startedOn} 至 ${d.measure.endsOn}` : ''}。`;
    default:
      return `${agency}依据${basis}，对${partyName}作出${s.powerItem.name}决定。`;
  }
}

/** The public view: only structured, public fields; a person's name masked; no ID number, phone or address at all. */
export function publicContent(s: PublicationSnapshot): PublicContent {
  const person = s.party.kind === 'NATURAL_PERSON';
  // A person's name, and an individual business's that is a person's name (issue 26), is masked.
  const partyName = publicPartyName(s.party.kind, s.party.name, s.party.legalRepresentative);
  const isViolation = s.decision.outcome === 'PENALTY' || s.decision.outcome === 'NO_PENALTY_MINOR';
  return {
    title: TITLE[s.decision.outcome] ?? TITLE.OTHER!,
    agencyName: s.agency.name,
    agencyUscc: s.agency.uscc,
    actingOrganisation: s.actingOrganisation?.name ?? null,
    partyName,
    partyKind: s.party.kind,
    partyUscc: person ? null : s.party.uscc,
    // Legal persons' representatives are public (双公示); an individual business's operator is a person.
    legalRepresentative: s.party.kind === 'LEGAL_PERSON' ? s.party.legalRepresentative : null,
    category: CATEGORY_ZH[s.caseType] ?? s.caseType,
    violation: isViolation ? `${partyName}${matterOf(s)}` : null,
    matter: matterOf(s),
    conclusion: conclusionText(s.decision),
    text: publicationText(s, partyName),
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
    facts: p.violation ?? p.text,
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

// ---------- correcting and ending a publication early (公示规定 Art. 12, 14)

export interface PublicationCorrection {
  on: string;
  by: string;
  reason: string;
  changes: { field: string; from: string | null; to: string | null }[];
}

export interface CorrectionInput {
  partyName?: string | null;
  partyUscc?: string | null;
  legalRepresentative?: string | null;
  matter?: string | null;
  legalBasis?: { law: string; article: string }[] | null;
}

/** Art. 12: inaccurate published information is corrected; the correction and what it replaced stay on record. */
export function applyCorrection(s: PublicationSnapshot, c: CorrectionInput): { snapshot: PublicationSnapshot; changes: PublicationCorrection['changes'] } {
  const next: PublicationSnapshot = structuredClone(s);
  const changes: PublicationCorrection['changes'] = [];
  const set = (field: string, from: string | null, to: string | null, apply: () => void) => {
    if (from === to) return;
    changes.push({ field, from, to });
    apply();
  };
  if (c.partyName != null) set('partyName', s.party.name, c.partyName.trim(), () => (next.party.name = c.partyName!.trim()));
  if (c.partyUscc != null) set('partyUscc', s.party.uscc, c.partyUscc.trim() || null, () => (next.party.uscc = c.partyUscc!.trim() || null));
  if (c.legalRepresentative != null) {
    set(
      'legalRepresentative',
      s.party.legalRepresentative,
      c.legalRepresentative.trim() || null,
      () => (next.party.legalRepresentative = c.legalRepresentative!.trim() || null),
    );
  }
  if (c.matter != null) set('matter', matterOf(s), c.matter.trim(), () => (next.powerItem.publicSummary = c.matter!.trim()));
  if (c.legalBasis != null) {
    const fmt = (b: { law: string; article: string }[]) => b.map((x) => `${x.law}${x.article}`).join('；');
    set(
      'legalBasis',
      fmt(s.decision.legalBasis),
      fmt(c.legalBasis),
      () => (next.decision.legalBasis = c.legalBasis!.map((b) => ({ law: b.law.trim(), article: b.article.trim() }))),
    );
  }
  return { snapshot: next, changes };
}

/** Art. 14(3): these penalties are never taken out of publication early. */
export const NO_EARLY_END: readonly PenaltyType[] = [
  'ORDER_STOP_BUSINESS',
  'ORDER_CLOSURE',
  'RESTRICT_BUSINESS',
  'RESTRICT_PRACTICE',
  'LOWER_QUALIFICATION',
  'REVOKE_LICENCE',
];

/** Why a publication may not end early; empty = it may, on the party's application (Art. 14(1)). */
export function earlyEndObstacles(s: PublicationSnapshot, obligationsFulfilled: boolean): string[] {
  const out: string[] = [];
  const severe = s.decision.penaltyTypes.filter((t) => NO_EARLY_END.includes(t));
  if (severe.length) out.push(`受到${severe.map((t) => PENALTY_ZH[t]).join('、')}等较为严重行政处罚的，不得提前停止公示（公示规定第十四条第三款）`);
  if (!obligationsFulfilled) out.push('当事人尚未履行行政处罚决定中规定的义务（公示规定第十四条第一款第（一）项）');
  return out;
}
