/** Ranking: score every candidate and keep the best. Pure; hard filters are applied by the caller. */
import { scoreCandidate } from './score.ts';
import type { Analyzed, Reason, ScoreContext } from './types.ts';

export interface RankedMatch {
  ref: string;
  score: number;
  reasons: Reason[];
}

/**
 * The `limit` best candidates for `query`, best first (ties broken by ref, so the order is stable).
 * `isCounterpart`, when given, says per candidate whether it comes from a counterpart region.
 */
export function rankMatches<C extends Analyzed>(
  query: Analyzed,
  candidates: readonly C[],
  ctx: ScoreContext,
  limit: number,
  isCounterpart?: (candidate: C) => boolean,
): RankedMatch[] {
  return (
    candidates
      .map((c) => ({
        ref: c.ref,
        ...scoreCandidate(query, c, isCounterpart ? { ...ctx, counterpart: isCounterpart(c) } : ctx),
      }))
      // Region, section, amount and age alone do not make a match: something of substance must be shared.
      .filter((m) => m.evidence)
      .map(({ evidence: _evidence, ...m }) => m)
      .sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
      .slice(0, Math.max(0, limit))
  );
}
