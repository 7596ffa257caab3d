import type { WorkingDayCalendar } from '../../../kernel/calendar.js';
import { badInput } from '../../../kernel/errors.js';
import { addCalendarDays } from './rules.js';
import type { CaseType, Outcome, ProcedureKind } from './types.js';

// Facts decide, not labels (issue 13): the case type, what procedure it may take, which outcomes it can end in
// and its time limit all follow from the category of the power item version pinned at filing. A label the
// caller chooses is checked against them and refused when it contradicts them.

const TYPED: readonly CaseType[] = ['PENALTY', 'LICENSING', 'COERCION', 'INSPECTION'];

/** The case type a power item's category makes (LEVY, CONFIRMATION, BENEFIT, … are OTHER). */
export const caseTypeOf = (category: string): CaseType => (TYPED.includes(category as CaseType) ? (category as CaseType) : 'OTHER');

const TYPE_ZH: Record<CaseType, string> = { PENALTY: '行政处罚', LICENSING: '行政许可', COERCION: '行政强制', INSPECTION: '行政检查', OTHER: '其他行政执法' };
export const caseTypeZh = (t: CaseType) => TYPE_ZH[t];

/** The case type of a filing: derived from the item; a given label must say the same. */
export function deriveCaseType(category: string, label: CaseType | null | undefined): CaseType {
  const derived = caseTypeOf(category);
  if (label && label !== derived) {
    throw badInput('caseType', `权力事项类别为${TYPE_ZH[derived]}，案件类型只能是 ${derived}（由立案时锁定的权力事项决定，不能另选）`);
  }
  return derived;
}

/** Art. 51: the simple (on-the-spot) procedure exists only for penalties. */
export function checkProcedure(caseType: CaseType, procedure: ProcedureKind): void {
  if (procedure === 'SIMPLE' && caseType !== 'PENALTY') {
    throw badInput('procedure', `简易程序仅适用于当场作出的行政处罚（行政处罚法第五十一条），${TYPE_ZH[caseType]}案件须适用普通程序`);
  }
}

/** The outcomes a case of each type can end in (Art. 57 for penalties; 行政许可法 Art. 38; 行政强制法 Art. 9). */
export const OUTCOMES_BY_TYPE: Record<CaseType, readonly Outcome[]> = {
  PENALTY: ['PENALTY', 'NO_PENALTY_MINOR', 'NO_PENALTY_UNFOUNDED', 'CRIMINAL_REFERRAL'],
  LICENSING: ['LICENCE_GRANTED', 'LICENCE_REFUSED'],
  COERCION: ['SEAL_UP', 'IMPOUND', 'CRIMINAL_REFERRAL', 'OTHER'],
  INSPECTION: ['OTHER', 'CRIMINAL_REFERRAL'],
  OTHER: ['OTHER', 'CRIMINAL_REFERRAL'],
};

export function checkOutcome(caseType: CaseType, outcome: Outcome): void {
  if (!OUTCOMES_BY_TYPE[caseType].includes(outcome)) {
    throw badInput('outcome', `${TYPE_ZH[caseType]}案件的决定只能是 ${OUTCOMES_BY_TYPE[caseType].join('、')}`);
  }
}

/** Seizure (查封) and impoundment (扣押): the compulsory measures with the 30-day limit of 行政强制法 Art. 25. */
export const isSeizure = (o: Outcome | null | undefined) => o === 'SEAL_UP' || o === 'IMPOUND';

export interface DecisionDue {
  date: string | null;
  confirmed: boolean;
  basis: string;
}

/**
 * The time limit for deciding, by case type: a penalty within 90 calendar days of filing (行政处罚法 Art. 60); a
 * licence within the item's time limit or 20 working days of acceptance (行政许可法 Art. 42, 82); a compulsory
 * measure has no such clock (it is decided on the spot; its own 30-day limit runs from then, 行政强制法 Art. 25);
 * other matters run on the item's published time limit, if any.
 */
export function decisionDue(caseType: CaseType, filedOn: string, itemWorkingDays: number | null, calendar: WorkingDayCalendar): DecisionDue {
  switch (caseType) {
    case 'PENALTY':
      return { date: addCalendarDays(filedOn, 90), confirmed: true, basis: '立案之日起九十日（行政处罚法第六十条）' };
    case 'LICENSING': {
      const due = calendar.addWorkingDays(filedOn, itemWorkingDays ?? 20);
      return { ...due, basis: `受理之日起 ${itemWorkingDays ?? 20} 个工作日（行政许可法第四十二条、第八十二条）` };
    }
    case 'COERCION':
      return { date: null, confirmed: true, basis: '行政强制措施当场决定，查封、扣押期限另计（行政强制法第二十五条）' };
    default: {
      if (!itemWorkingDays) return { date: null, confirmed: true, basis: '权力事项未规定办理时限' };
      const due = calendar.addWorkingDays(filedOn, itemWorkingDays);
      return { ...due, basis: `权力事项公示的办理时限 ${itemWorkingDays} 个工作日` };
    }
  }
}
