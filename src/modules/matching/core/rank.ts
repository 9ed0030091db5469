/** Ranking: score every candidate and keep the best. Pure; hard filters are applied by the caller. */
import { scoreCandidate } from './score.ts';
import type { Analyzed, Reason, ScoreContext } from './types.ts';

export interface RankedMatch {
  ref: string;
  score: number;
  reasons: Reason[];
}

/** The `limit` best candidates for `query`, best first (ties broken by ref, so the order is stable). */
export function rankMatches(
  query: Analyzed,
  candidates: readonly Analyzed[],
  ctx: ScoreContext,
  limit: number,
): RankedMatch[] {
  return candidates
    .map((c) => ({ ref: c.ref, ...scoreCandidate(query, c, ctx) }))
    .sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
    .slice(0, Math.max(0, limit));
}
