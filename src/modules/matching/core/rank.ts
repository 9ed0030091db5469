/** Ranking: score every candidate and keep the best. Pure; hard filters are applied by the caller. */
import { scoreCandidate } from './score.ts';
import type { Analyzed, Reason, ScoreContext } from './types.ts';

export interface RankedMatch {
  ref: string;
  score: number;
  reasons: Reason[];
}

const byScoreThenRef = (a: { score: number; ref: string }, b: { score: number; ref: string }) =>
  b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

/**
 * The `limit` best candidates, best first, scored without building reasons (so candidates may lack their
 * display fields). Region, section, amount and age alone do not make a match: candidates without a
 * shared concept, word or division are left out.
 */
export function topCandidates<C extends Analyzed>(
  query: Analyzed,
  candidates: readonly C[],
  ctx: ScoreContext,
  limit: number,
): C[] {
  return candidates
    .map((c) => ({ c, ref: c.ref, ...scoreCandidate(query, c, ctx, false) }))
    .filter((m) => m.evidence)
    .sort(byScoreThenRef)
    .slice(0, Math.max(0, limit))
    .map((m) => m.c);
}

/**
 * The `limit` best candidates for `query` with their reasons, best first (ties broken by ref, so the order
 * is stable). `isCounterpart`, when given, says per candidate whether it comes from a counterpart region.
 */
export function rankMatches<C extends Analyzed>(
  query: Analyzed,
  candidates: readonly C[],
  ctx: ScoreContext,
  limit: number,
  isCounterpart?: (candidate: C) => boolean,
): RankedMatch[] {
  return topCandidates(query, candidates, ctx, limit).map((c) => {
    const { score, reasons } = scoreCandidate(
      query,
      c,
      isCounterpart ? { ...ctx, counterpart: isCounterpart(c) } : ctx,
    );
    return { ref: c.ref, score, reasons };
  });
}
