/**
 * Matches of a listing: candidates are fetched from the database by retrieval keys (shared concepts and
 * rarest terms, within the counterpart regions, category and opposite direction) and by division, then
 * scored by the pure core with corpus statistics read from `match_stats`. No state lives in the process
 * (the glossary cache is keyed by the table's version), so every instance answers alike.
 */
import { and, desc, eq, gte, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rankMatches, type RankedMatch } from '../matching/core/rank.ts';
import { chinaDate, idf } from '../matching/core/score.ts';
import type { Analyzed, CorpusStats } from '../matching/core/types.ts';
import { PROVINCES } from '../regions/data.ts';
import type { CounterpartArea } from '../regions/regions.service.ts';
import { DOCS_KEY, keyPrefix, LENGTH_KEY, statFeatures } from './analysis.ts';
import { listings, matchStats } from './schema.ts';

export type MatchScope = 'counterpart' | 'all';

/** Most candidates scored per query; retrieval keeps the strongest evidence within this. */
const MAX_KEY_CANDIDATES = 1500;
const MAX_DIVISION_CANDIDATES = 200;
/** Query features are used rarest first, until their document frequencies add up to this. */
const DF_BUDGET = 100_000;
const MIN_QUERY_KEYS = 8;
const MAX_QUERY_KEYS = 48;

export interface MatchQuery {
  listing: Analyzed & { areaCode: string | null };
  asOf: Date;
  scope: MatchScope;
  /** The query's counterparts (from the pairings); ignored for `scope=all`. */
  counterparts: readonly CounterpartArea[];
  limit: number;
}

const CANDIDATE = {
  id: listings.id,
  ref: listings.ref,
  regionCode: listings.regionCode,
  areaCode: listings.areaCode,
  category: listings.category,
  direction: listings.direction,
  language: listings.language,
  createdAt: listings.createdAt,
  validUntil: listings.validUntil,
  features: listings.features,
};
type CandidateRow = { [K in keyof typeof CANDIDATE]: (typeof listings.$inferSelect)[K] };

function toAnalyzed(r: CandidateRow): Analyzed & { areaCode: string | null } {
  return {
    ...r.features,
    ref: r.ref,
    region: r.regionCode,
    category: r.category,
    direction: r.direction,
    language: r.language,
    createdAt: r.createdAt.toISOString(),
    validUntil: r.validUntil ?? undefined,
    areaCode: r.areaCode,
  };
}

/** Document frequencies of the given stat keys (and the corpus totals). */
async function readStats(db: DbOrTx, keys: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ key: matchStats.key, df: matchStats.df })
    .from(matchStats)
    .where(inArray(matchStats.key, [DOCS_KEY, LENGTH_KEY, ...keys]));
  return new Map(rows.map((r) => [r.key, r.df]));
}

/** The query features to look candidates up by: rarest first, within the budget. */
export function chooseQueryFeatures(features: string[], df: ReadonlyMap<string, number>): string[] {
  const sorted = [...features].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : 1));
  const chosen: string[] = [];
  let spent = 0;
  for (const f of sorted) {
    const cost = df.get(f) ?? 0;
    if (chosen.length >= MAX_QUERY_KEYS) break;
    if (chosen.length >= MIN_QUERY_KEYS && spent + cost > DF_BUDGET) break;
    chosen.push(f);
    spent += cost;
  }
  return chosen;
}

function inScope(
  c: { regionCode: string; areaCode: string | null },
  areas: readonly CounterpartArea[],
): boolean {
  return areas.some(
    (a) =>
      a.region === c.regionCode && (a.area === null || c.areaCode?.startsWith(a.area.slice(0, 4)) === true),
  );
}

/** The ranked matches of a listing, best first, with reasons (as codes and parameters). */
export async function findMatches(db: DbOrTx, q: MatchQuery): Promise<(RankedMatch & { id: string })[]> {
  const { listing, asOf } = q;
  const direction = listing.direction === 'offer' ? 'seek' : 'offer';
  const regions =
    q.scope === 'all' ? PROVINCES.map((p) => p.code) : [...new Set(q.counterparts.map((c) => c.region))];
  if (regions.length === 0 || q.limit <= 0) return [];
  const counterpartAreas = q.counterparts;

  const features = statFeatures(listing);
  const df = await readStats(db, features);
  const chosen = chooseQueryFeatures(features, df);
  const keys = regions.flatMap((r) => chosen.map((f) => keyPrefix(listing.category, direction, r) + f));
  const notExpired = or(isNull(listings.validUntil), gte(listings.validUntil, chinaDate(asOf)));

  const byKeys =
    keys.length === 0
      ? []
      : await db
          .select(CANDIDATE)
          .from(listings)
          .where(
            and(
              sql`${listings.matchKeys} && ${sql.param(keys)}::text[]`,
              notExpired,
              ne(listings.ref, listing.ref),
            ),
          )
          .limit(MAX_KEY_CANDIDATES);
  const byDivision =
    listing.division === undefined
      ? []
      : await db
          .select(CANDIDATE)
          .from(listings)
          .where(
            and(
              eq(listings.category, listing.category as CandidateRow['category']),
              eq(listings.direction, direction),
              inArray(listings.regionCode, regions),
              eq(listings.sector, listing.division),
              eq(listings.status, 'published'),
              notExpired,
              ne(listings.ref, listing.ref),
            ),
          )
          .orderBy(desc(listings.createdAt))
          .limit(MAX_DIVISION_CANDIDATES);

  const seen = new Set<string>();
  const candidates: (Analyzed & { id: string; areaCode: string | null })[] = [];
  for (const row of [...byKeys, ...byDivision]) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const inCounterparts = inScope(row, counterpartAreas);
    if (q.scope === 'counterpart' && !inCounterparts) continue;
    candidates.push({ ...toAnalyzed(row), id: row.id });
  }

  const docs = df.get(DOCS_KEY) ?? 0;
  const stats: CorpusStats = {
    docs,
    avgLength: docs > 0 ? (df.get(LENGTH_KEY) ?? 0) / docs : 0,
    conceptDf: {},
    termDf: {},
  };
  const conceptWeights: Record<string, number> = {};
  for (const f of features) {
    const n = df.get(f) ?? 0;
    if (f.startsWith('c:')) {
      stats.conceptDf[f.slice(2)] = n;
      conceptWeights[f.slice(2)] = idf(n, docs);
    } else stats.termDf[f.slice(2)] = n;
  }
  const ids = new Map(candidates.map((c) => [c.ref, c.id]));
  const ranked = rankMatches(
    listing,
    candidates,
    { asOf, counterpart: true, conceptWeights, stats },
    q.limit,
    (c) =>
      inScope(
        { regionCode: c.region, areaCode: (c as { areaCode: string | null }).areaCode },
        counterpartAreas,
      ),
  );
  return ranked.map((r) => ({ ...r, id: ids.get(r.ref) ?? '' }));
}
