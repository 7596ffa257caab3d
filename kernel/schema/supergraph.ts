import { validateSatisfiability } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';

// Whether a supergraph file can be served: the gateway checks every file it is about to swap in
// (gateway/supergraph-watch.ts), and `npm run compose` checks a file before writing it (registry/release.ts).

/** Why a supergraph text cannot be served, or null when it can. */
export function supergraphProblem(sdl: string): string | null {
  let supergraph: Supergraph;
  try {
    supergraph = Supergraph.build(sdl, { validateSupergraph: true });
  } catch (err) {
    return `超图无法解析或校验失败 (does not parse or validate): ${(err as Error).message}`;
  }
  if (supergraph.subgraphsMetadata().length === 0) return '超图不含任何子图 (no subgraphs)';
  // Satisfiability: every field of the API schema can actually be fetched through the subgraphs.
  const sat = validateSatisfiability({ supergraphSdl: sdl });
  if (sat.errors?.length) return `超图不可满足，部分字段无法查询 (not satisfiable): ${sat.errors.map((e) => e.message).join('; ')}`;
  return null;
}
