// The 评议考核 scorecard (issue 30): documented weights (docs/supervision-models.md) and the pure arithmetic. Every
// component is a ratio in [0, 1] from plain counts; a component without data (denominator 0) is left out and the
// total is the weighted mean of the others, so an agency is neither rewarded nor punished for what it did not do.

export const SCORECARD_COMPONENTS = [
  { code: 'REVIEW_COVERAGE', name: '法制审核覆盖率', weight: 15 },
  { code: 'WITHIN_TIME_LIMIT', name: '按期作出处罚决定率（1 − 超过九十日比例）', weight: 15 },
  { code: 'SERVICE_TIMELINESS', name: '按期送达率', weight: 10 },
  { code: 'PUBLICATION_TIMELINESS', name: '按期公示率', weight: 10 },
  { code: 'WITHDRAWAL_TIMELINESS', name: '按期撤回率', weight: 5 },
  { code: 'RECORD_COMPLETENESS', name: '归档率', weight: 10 },
  { code: 'RELIEF_UPHELD', name: '复议诉讼未被纠错率（1 − 纠错率）', weight: 10 },
  { code: 'CLUE_HANDLING', name: '线索办结率（期间内提出的线索中已处理的比例）', weight: 10 },
  { code: 'EVALUATION', name: '案卷评查得分率（得分 / 满分）', weight: 15 },
] as const;
export type ScorecardCode = (typeof SCORECARD_COMPONENTS)[number]['code'];

export interface ComponentCounts {
  numerator: number;
  denominator: number;
}

export interface ScorecardComponentValue extends ComponentCounts {
  code: ScorecardCode;
  name: string;
  weight: number;
  score: number | null;
}

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

/** One agency's components (counts; missing = no data) into scores and the weighted total (0–100). */
export function scorecard(counts: Partial<Record<ScorecardCode, ComponentCounts>>): { total: number | null; components: ScorecardComponentValue[] } {
  const components = SCORECARD_COMPONENTS.map((c) => {
    const n = counts[c.code] ?? { numerator: 0, denominator: 0 };
    return {
      code: c.code,
      name: c.name,
      weight: c.weight,
      numerator: n.numerator,
      denominator: n.denominator,
      score: n.denominator > 0 ? round(n.numerator / n.denominator, 4) : null,
    };
  });
  const scored = components.filter((c) => c.score !== null);
  const weights = scored.reduce((s, c) => s + c.weight, 0);
  const total = weights > 0 ? round((scored.reduce((s, c) => s + c.weight * (c.numerator / c.denominator), 0) / weights) * 100, 2) : null;
  return { total, components };
}
