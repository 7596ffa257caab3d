import { createHash } from 'node:crypto';

// The sample of a 案卷评查 round (issue 30), drawn like the 双随机 draw (DOMAIN.md §8): random, but reproducible and
// auditable from what the log records — the seed and the candidates. Each candidate's rank is sha256(seed | caseId),
// so the result depends on the seed and the candidate set only, not on the order rows came back in. Strata are
// (agency, case type); each stratum gets ceil(rate × size) files but at least `minPerStratum`, and each agency at
// least `minPerAgency` (both capped by what the agency has).

export interface DrawCandidate {
  caseId: string;
  agencyId: string;
  caseType: string;
}

export interface DrawParams {
  seed: string;
  /** Share of each stratum to draw, 0 < rate ≤ 1. */
  rate: number;
  minPerStratum: number;
  minPerAgency: number;
}

export interface DrawnFile extends DrawCandidate {
  stratum: string;
  /** The file's rank key (hex); anyone can recompute it from the seed and the case id. */
  rank: string;
}

export interface StratumCount {
  stratum: string;
  agencyId: string;
  caseType: string;
  candidates: number;
  drawn: number;
}

export const stratumOf = (c: { agencyId: string; caseType: string }) => `${c.agencyId}:${c.caseType}`;
export const rankOf = (seed: string, caseId: string) => createHash('sha256').update(`${seed}|${caseId}`, 'utf8').digest('hex');

const byRank = (a: DrawnFile, b: DrawnFile) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.caseId < b.caseId ? -1 : 1);

/** The size a stratum must reach on its own. */
export const stratumQuota = (size: number, p: Pick<DrawParams, 'rate' | 'minPerStratum'>) =>
  Math.min(size, Math.max(p.minPerStratum, Math.ceil(size * p.rate)));

export function drawSample(candidates: readonly DrawCandidate[], p: DrawParams): { files: DrawnFile[]; strata: StratumCount[] } {
  const ranked = [...new Map(candidates.map((c) => [c.caseId, c])).values()].map((c) => ({ ...c, stratum: stratumOf(c), rank: rankOf(p.seed, c.caseId) }));
  const strata = new Map<string, DrawnFile[]>();
  for (const f of ranked) strata.set(f.stratum, [...(strata.get(f.stratum) ?? []), f]);
  const picked = new Set<string>();
  for (const list of strata.values()) {
    list.sort(byRank);
    for (const f of list.slice(0, stratumQuota(list.length, p))) picked.add(f.caseId);
  }
  // The agency minimum: top up from the agency's best-ranked files not yet drawn, whatever their stratum.
  const agencies = new Map<string, DrawnFile[]>();
  for (const f of ranked) agencies.set(f.agencyId, [...(agencies.get(f.agencyId) ?? []), f]);
  for (const list of agencies.values()) {
    list.sort(byRank);
    let have = list.filter((f) => picked.has(f.caseId)).length;
    for (const f of list) {
      if (have >= p.minPerAgency) break;
      if (!picked.has(f.caseId)) {
        picked.add(f.caseId);
        have += 1;
      }
    }
  }
  const files = ranked.filter((f) => picked.has(f.caseId)).sort((a, b) => (a.stratum === b.stratum ? byRank(a, b) : a.stratum < b.stratum ? -1 : 1));
  const counts = [...strata.entries()]
    .map(([stratum, list]) => ({
      stratum,
      agencyId: list[0]!.agencyId,
      caseType: list[0]!.caseType,
      candidates: list.length,
      drawn: list.filter((f) => picked.has(f.caseId)).length,
    }))
    .sort((a, b) => (a.stratum < b.stratum ? -1 : 1));
  return { files, strata: counts };
}

/** Problems with the draw parameters, as [field, reason]. */
export function drawParamProblems(p: DrawParams): [string, string][] {
  const out: [string, string][] = [];
  if (p.seed.length < 8 || p.seed.length > 128) out.push(['seed', '随机种子须为 8 至 128 个字符']);
  if (!(p.rate > 0 && p.rate <= 1)) out.push(['rate', '抽取比例须大于 0 且不超过 1']);
  if (!Number.isInteger(p.minPerStratum) || p.minPerStratum < 1 || p.minPerStratum > 100) out.push(['minPerStratum', '每层最少抽取数须为 1 至 100 的整数']);
  if (!Number.isInteger(p.minPerAgency) || p.minPerAgency < 1 || p.minPerAgency > 100) out.push(['minPerAgency', '每个机关最少抽取数须为 1 至 100 的整数']);
  return out;
}
