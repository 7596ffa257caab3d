// 行政处罚法 Art. 20 (issue 26): an entrusted organisation acts only within its written entrustment (委托书) — on the
// entrusted items and within its period. Checked at every act the entrusted organisation performs, in every service it
// acts through (cases: investigating, recording, proposing, notifying, serving …; reviews: submitting for legal review),
// on the date of the act with the 委托书 as powers publishes it then — not a value frozen at filing. Pure.

export interface EntrustmentTerms {
  documentNumber: string;
  powerItemCodes: readonly string[];
  validFrom: string;
  validUntil: string;
}

/** Why an entrusted organisation may not act on this item on this date; null when it may. */
export function entrustmentProblem(e: EntrustmentTerms | null, date: string, powerItemCode: string): string | null {
  if (!e) return '受委托组织没有有效的委托书，不能以委托机关名义实施行政处罚（行政处罚法第二十条）';
  if (!e.powerItemCodes.includes(powerItemCode)) return `权力事项 ${powerItemCode} 不在委托书 ${e.documentNumber} 载明的委托事项内（行政处罚法第二十条）`;
  if (date < e.validFrom || date > e.validUntil) {
    return `${date} 不在委托书 ${e.documentNumber} 的委托期限（${e.validFrom} 至 ${e.validUntil}）内，受委托组织不得实施（行政处罚法第二十条第二款）`;
  }
  return null;
}
