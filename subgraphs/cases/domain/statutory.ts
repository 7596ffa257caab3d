import { badInput } from '../../../kernel/errors.js';
import type { MitigationGround, PartyKind, PenaltyType, ProposalContent } from './types.js';
import { cents } from './rules.js';

// R9, the statute's side (issue 13): the discretion benchmark's tiers are the agency's own guidance and may be
// left with a written reason; the range the statute sets for this kind of party may not. Above the maximum is
// always refused; below the minimum only on a statutory ground for a mitigated penalty (减轻处罚, Art. 30–32).

export interface StatutoryRange {
  partyKinds: PartyKind[];
  penaltyTypes: PenaltyType[];
  fineMin: string | null;
  fineMax: string | null;
  basis: { law: string; article: string };
}

const PARTY_ZH: Record<PartyKind, string> = { NATURAL_PERSON: '自然人', LEGAL_PERSON: '法人或者其他组织', INDIVIDUAL_BUSINESS: '个体工商户' };
export const MITIGATION_ZH: Record<MitigationGround, string> = {
  MINOR_OFFENDER: '已满十四周岁不满十八周岁的未成年人（行政处罚法第三十条）',
  LIMITED_CAPACITY: '尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人（第三十一条）',
  CONSEQUENCES_ELIMINATED: '主动消除或者减轻违法行为危害后果（第三十二条第（一）项）',
  COERCED: '受他人胁迫或者诱骗实施违法行为（第三十二条第（二）项）',
  CONFESSED: '主动供述行政机关尚未掌握的违法行为（第三十二条第（三）项）',
  MERITORIOUS_SERVICE: '配合行政机关查处违法行为有立功表现（第三十二条第（四）项）',
  OTHER_STATUTORY: '法律、法规、规章规定其他应当从轻或者减轻行政处罚的（第三十二条第（五）项）',
};

/** The range for this party; null when the item states none (nothing to compare, noted for the reviewer). */
export function rangeFor(ranges: readonly StatutoryRange[], partyKind: PartyKind): StatutoryRange | null | 'NONE_FOR_PARTY' {
  if (!ranges.length) return null;
  return ranges.find((r) => !r.partyKinds.length || r.partyKinds.includes(partyKind)) ?? 'NONE_FOR_PARTY';
}

/** Refuses a penalty outside the statute, whatever reason is given; returns notes for the reviewer otherwise. */
export function checkStatutoryRange(p: ProposalContent, partyKind: PartyKind, ranges: readonly StatutoryRange[]): string[] {
  if (p.outcome !== 'PENALTY') {
    if (p.mitigationGround) throw badInput('mitigationGround', '只有给予行政处罚的决定才有减轻处罚情形');
    return [];
  }
  const range = rangeFor(ranges, partyKind);
  if (range === null) return ['该权力事项未载明法定处罚幅度，无法核对是否超出法定幅度（R9），请审核人员核对'];
  if (range === 'NONE_FOR_PARTY') throw badInput('penaltyTypes', `该权力事项的法定处罚不适用于${PARTY_ZH[partyKind]}`);
  const basis = `${range.basis.law}${range.basis.article}`;
  const extra = p.penaltyTypes.filter((t) => !range.penaltyTypes.includes(t));
  if (extra.length) {
    throw badInput('penaltyTypes', `处罚种类 ${extra.join('、')} 不在${basis}规定的处罚种类之内，不得擅自改变处罚种类（行政处罚法第七十六条第一款第（二）项）`);
  }
  if (p.fineAmount === null) return [];
  const fine = cents(p.fineAmount);
  if (range.fineMax !== null && fine > cents(range.fineMax)) {
    throw badInput(
      'fineAmount',
      `罚款 ${p.fineAmount} 元超出${basis}规定的上限 ${range.fineMax} 元；法定幅度不因任何理由突破（裁量理由只能说明偏离裁量基准，行政处罚法第七十六条第一款第（二）项）`,
    );
  }
  if (range.fineMin !== null && fine < cents(range.fineMin)) {
    if (!p.mitigationGround) {
      throw badInput(
        'fineAmount',
        `罚款 ${p.fineAmount} 元低于${basis}规定的下限 ${range.fineMin} 元；只有具备法定减轻处罚情形（mitigationGround，行政处罚法第三十条至第三十二条）时方可`,
      );
    }
    return [`罚款低于法定下限 ${range.fineMin} 元，依据减轻处罚情形：${MITIGATION_ZH[p.mitigationGround]}，请审核人员核对`];
  }
  return [];
}
