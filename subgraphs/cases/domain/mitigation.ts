import { badInput } from '../../../kernel/errors.js';
import { isMinorOn } from '../../../kernel/identifiers.js';
import type { MitigationGround, PartyKind } from './types.js';

// Statutory mitigation grounds checked against what the file already says about the party (issue 26).
// 行政处罚法 Art. 30: a party aged fourteen to eighteen at the time of the act is penalised lightly or mitigated.
// The case records no date of the act itself; it lies on or before the filing date and, to be punishable at all,
// within two years before it (Art. 36(1)). A party the ID number shows adult on the earliest such date was adult
// at the act whatever its date: the ground is refused. Adult on the filing date but not two years before, the
// ground may be true: it stands, with a note for the reviewer to check the date of the act.

export interface MitigationParty {
  kind: PartyKind;
  residentId: string | null;
}

/** The earliest date the act can have happened and still be punished (Art. 36(1): two years). */
export const earliestPunishableAct = (filedOn: string) => addYears(filedOn, -2);

function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  // 29 February in a common year: the 28th.
  const fixed = md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? '02-28' : md;
  return `${String(y).padStart(4, '0')}-${fixed}`;
}

/** Refuses MINOR_OFFENDER where the file shows it cannot be true; returns notes for the reviewer otherwise. */
export function checkMitigationGround(ground: MitigationGround | null | undefined, party: MitigationParty, filedOn: string): string[] {
  if (ground !== 'MINOR_OFFENDER') return [];
  if (party.kind === 'LEGAL_PERSON') throw badInput('mitigationGround', '未成年人从轻、减轻处罚（行政处罚法第三十条）只适用于自然人');
  if (!party.residentId) return ['当事人未登记身份证号码，须核对其违法行为时是否未满十八周岁（行政处罚法第三十条）'];
  const earliest = earliestPunishableAct(filedOn);
  if (!isMinorOn(party.residentId, earliest)) {
    throw badInput(
      'mitigationGround',
      `当事人身份证号码显示其在 ${earliest}（立案前二年，行政处罚法第三十六条第一款）已满十八周岁，违法行为时不是未成年人，不适用第三十条`,
    );
  }
  return isMinorOn(party.residentId, filedOn) ? [] : ['当事人立案时已满十八周岁：须核对违法行为发生时是否未满十八周岁（行政处罚法第三十条）'];
}
