/**
 * The scorer: how well a candidate answers a query, as a number and the reasons behind it. Pure.
 */
import type {
  Analyzed,
  CorpusStats,
  Features,
  ListingMeta,
  Reason,
  ScoredMatch,
  ScoreContext,
  ScoreWeights,
} from './types.ts';

/** Score weights, tuned on general grounds (concepts bridge languages, so they weigh most). */
export const WEIGHTS: Readonly<ScoreWeights> = {
  concept: 1.0,
  terms: 0.3,
  division: 2.0,
  section: 0.8,
  amount: 0.5,
  fresh: 0.4,
};

const BM25_K1 = 1.2;
const BM25_B = 0.5;
/** Freshness halves every this many days of age at `asOf`. */
const FRESH_HALF_LIFE_DAYS = 180;
/** Amounts within this factor of each other fit. */
const AMOUNT_FACTOR = 10;

/** BM25's inverse document frequency: a feature in fewer documents says more. */
export function idf(df: number, docs: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/** Document frequencies and mean length over a corpus of features (the caller stores and supplies them). */
export function corpusStats(featuresList: readonly Features[]): CorpusStats {
  const conceptDf: Record<string, number> = {};
  const termDf: Record<string, number> = {};
  let total = 0;
  for (const f of featuresList) {
    for (const c of Object.keys(f.concepts)) conceptDf[c] = (conceptDf[c] ?? 0) + 1;
    for (const t of Object.keys(f.terms)) termDf[t] = (termDf[t] ?? 0) + 1;
    total += f.length;
  }
  const docs = featuresList.length;
  return { docs, avgLength: docs > 0 ? total / docs : 0, conceptDf, termDf };
}

/** IDF-like weight of every concept of a corpus: rare concepts say more than common ones. */
export function conceptWeights(featuresList: readonly Features[]): Record<string, number> {
  const { docs, conceptDf } = corpusStats(featuresList);
  const weights: Record<string, number> = {};
  for (const [c, df] of Object.entries(conceptDf)) weights[c] = idf(df, docs);
  return weights;
}

/** The calendar date (YYYY-MM-DD) of a moment in China Standard Time (UTC+8), the listings' home zone. */
export function chinaDate(moment: Date): string {
  return new Date(moment.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The spec's hard filters: another listing, same category, opposite direction, from one of the query's
 * counterpart regions, and not expired (valid_until not before the date of `asOf`, China time).
 */
export function eligible(
  query: ListingMeta,
  candidate: ListingMeta,
  asOf: Date,
  counterpartRegions: readonly string[],
): boolean {
  return (
    candidate.ref !== query.ref &&
    candidate.category === query.category &&
    candidate.direction !== query.direction &&
    counterpartRegions.includes(candidate.region) &&
    (candidate.validUntil === undefined || candidate.validUntil.slice(0, 10) >= chinaDate(asOf))
  );
}

function termScore(
  query: Features,
  candidate: Features,
  stats: CorpusStats | undefined,
  withReasons: boolean,
): {
  score: number;
  shared: string[];
} {
  const avg = stats && stats.avgLength > 0 ? stats.avgLength : Math.max(candidate.length, 1);
  const norm = 1 - BM25_B + (BM25_B * candidate.length) / avg;
  const shared: { term: string; s: number }[] = [];
  let score = 0;
  for (const [term, qtf] of Object.entries(query.terms)) {
    const tf = candidate.terms[term];
    if (tf === undefined) continue;
    const w = stats ? idf(stats.termDf[term] ?? 0, stats.docs) : 1;
    const s = w * ((tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm)) * Math.min(qtf, 3);
    score += s;
    shared.push({ term, s });
  }
  if (withReasons) shared.sort((a, b) => b.s - a.s || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return { score, shared: shared.map((x) => x.term) };
}

/**
 * How well `candidate` answers `query` (higher is better), with the reasons, strongest first. With
 * `withReasons` false the score and evidence are the same but reasons are left out (and the candidate's
 * display fields, conceptTerms and the like, are not needed): for ranking many candidates quickly.
 */
export function scoreCandidate(
  query: Analyzed,
  candidate: Analyzed,
  ctx: ScoreContext,
  withReasons = true,
): ScoredMatch {
  const W: ScoreWeights = ctx.weights ? { ...WEIGHTS, ...ctx.weights } : WEIGHTS;
  const reasons: { reason: Reason; weight: number }[] = [];
  let score = 0;

  // Shared concepts: IDF weight × the geometric mean of the two field weights (a title-title match is 1).
  // A concept either side reached only through a narrower one is a related match, not the same thing.
  // Concepts named by the same pair of words (a concept and its broader one) give one reason, not two.
  const byWords = new Map<string, { reason: Reason; weight: number }>();
  let evidence = false;
  for (const [id, qw] of Object.entries(query.concepts)) {
    const cw = candidate.concepts[id];
    if (cw === undefined) continue;
    evidence = true;
    const s = W.concept * (ctx.conceptWeights[id] ?? 1) * (Math.sqrt(qw * cw) / 3);
    score += s;
    if (!withReasons) continue;
    const theirs = candidate.conceptTerms[id] ?? id;
    const yours = query.conceptTerms[id] ?? id;
    const qVia = query.conceptVia?.[id];
    const cVia = candidate.conceptVia?.[id];
    const related = (qVia !== undefined || cVia !== undefined) && qVia !== cVia;
    const key = `${theirs}\u0000${yours}`;
    const prev = byWords.get(key);
    if (prev) {
      prev.weight += s;
      continue;
    }
    const entry = {
      reason: {
        code: related ? ('related_concept' as const) : ('shared_concept' as const),
        params: { concept: id, theirs, yours },
      },
      weight: s,
    };
    byWords.set(key, entry);
    reasons.push(entry);
  }

  const terms = termScore(query, candidate, ctx.stats, withReasons);
  if (terms.shared.length > 0) {
    evidence = true;
    const s = (W.terms * terms.score) / 3;
    score += s;
    reasons.push({
      reason: {
        code: 'shared_terms',
        params: {
          terms: terms.shared
            .slice(0, 5)
            .map((t) => query.termSurface?.[t] ?? candidate.termSurface?.[t] ?? t)
            .join(', '),
        },
      },
      weight: s,
    });
  }

  if (query.division !== undefined && query.division === candidate.division) {
    evidence = true;
    score += W.division;
    reasons.push({
      reason: { code: 'sector_division', params: { division: query.division } },
      weight: W.division,
    });
  } else if (query.section !== undefined && query.section === candidate.section) {
    score += W.section;
    reasons.push({
      reason: { code: 'sector_section', params: { section: query.section } },
      weight: W.section,
    });
  }

  if (query.amount !== undefined && candidate.amount !== undefined) {
    const ratio = Math.max(query.amount, candidate.amount) / Math.min(query.amount, candidate.amount);
    if (ratio <= AMOUNT_FACTOR) {
      const s = W.amount * (1 - Math.log10(ratio));
      score += s;
      reasons.push({
        reason: { code: 'amount_fits', params: { theirs: candidate.amount, yours: query.amount } },
        weight: s,
      });
    }
  }

  // A candidate posted after `asOf` (matching a past moment) counts as new, but is not called fresh.
  const rawAge = (ctx.asOf.getTime() - Date.parse(candidate.createdAt)) / 86_400_000;
  const ageDays = Math.max(0, rawAge);
  const fresh = W.fresh * Math.pow(0.5, ageDays / FRESH_HALF_LIFE_DAYS);
  score += fresh;
  if (rawAge >= 0 && ageDays <= 30) {
    reasons.push({ reason: { code: 'fresh', params: { days: Math.floor(ageDays) } }, weight: 0 });
  }

  if (ctx.counterpart) {
    reasons.push({
      reason: { code: 'counterpart_region', params: { theirs: candidate.region, yours: query.region } },
      weight: -1,
    });
  }

  reasons.sort((a, b) => b.weight - a.weight);
  return { score, reasons: reasons.map((r) => r.reason), evidence };
}
