/**
 * Matches of a listing: candidates are fetched from the database by retrieval keys (shared concepts and
 * rarest terms, within the counterpart regions, category and opposite direction) and by division, in one
 * statement, then scored by the pure core with corpus statistics read from `match_stats`. No state lives in
 * the process (the glossary cache is keyed by the table's version), so every instance answers alike.
 */
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rankMatches, topCandidates, type RankedMatch } from '../matching/core/rank.ts';
import { chinaDate, idf } from '../matching/core/score.ts';
import type { Analyzed, CorpusStats, Features } from '../matching/core/types.ts';
import { PROVINCES } from '../regions/data.ts';
import type { CounterpartArea } from '../regions/regions.service.ts';
import { DOCS_KEY, keyHash, keyPrefix, LENGTH_KEY, statFeatures } from './analysis.ts';
import { listings, matchStats } from './schema.ts';

export type MatchScope = 'counterpart' | 'all';

/** Most candidates scored per query. */
const MAX_KEY_CANDIDATES = 2000;
const MAX_DIVISION_CANDIDATES = 200;
/**
 * Query features are used rarest first until their document frequencies (over the whole corpus, so
 * many times the rows one category, direction and region holds) add up to this. Below it every
 * feature is used, so small and medium corpora are ranked exactly as the core would rank all listings;
 * above it, features common enough to blow the budget (which weigh least) no longer fetch candidates.
 */
const DF_BUDGET = 30_000;
const MIN_QUERY_KEYS = 8;
const MAX_QUERY_KEYS = 300;

export interface MatchQuery {
  listing: Analyzed & { areaCode: string | null };
  asOf: Date;
  scope: MatchScope;
  /** The query's counterparts (from the pairings); ignored for `scope=all`. */
  counterparts: readonly CounterpartArea[];
  limit: number;
}

/** A candidate as the candidate query returns it: what scoring and presenting need. */
interface CandidateRow {
  id: string;
  ref: string;
  org_id: string;
  region_code: string;
  area_code: string | null;
  category: string;
  direction: 'offer' | 'seek';
  language: 'zh' | 'en';
  title: string;
  created_epoch: number | string;
  valid_until: string | null;
  /** Scoring features only: the words reasons quote are fetched later for the best few. */
  features: Omit<Features, 'conceptTerms' | 'conceptVia' | 'termSurface'>;
}

export interface FoundMatch extends RankedMatch {
  id: string;
  orgId: string;
  title: string;
  region: string;
  category: string;
  direction: 'offer' | 'seek';
  language: 'zh' | 'en';
  validUntil: string | null;
}

/** Document frequencies of the given stat keys (and the corpus totals). */
async function readStats(db: DbOrTx, keys: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ key: matchStats.key, df: matchStats.df })
    .from(matchStats)
    .where(inArray(matchStats.key, [DOCS_KEY, LENGTH_KEY, ...keys]));
  return new Map(rows.map((r) => [r.key, Number(r.df)]));
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

function inScope(c: { region: string; areaCode: string | null }, areas: readonly CounterpartArea[]): boolean {
  return areas.some(
    (a) => a.region === c.region && (a.area === null || c.areaCode?.startsWith(a.area.slice(0, 4)) === true),
  );
}

/**
 * Candidates sharing a retrieval key, plus the newest of the same division, in one round trip, with their
 * scoring features only (the words reasons quote are fetched for the best few). Only published listings
 * carry keys; the division branch checks the status itself.
 */
async function fetchCandidates(
  db: DbOrTx,
  q: {
    ref: string;
    keys: number[];
    category: string;
    direction: string;
    regions: string[];
    division?: string;
    day: string;
  },
): Promise<CandidateRow[]> {
  const cols = sql.raw(
    `id, ref, org_id, region_code, area_code, category::text as category, direction::text as direction, language, title,
     extract(epoch from created_at)::float8 as created_epoch, valid_until::text as valid_until,
     features - 'conceptTerms' - 'conceptVia' - 'termSurface' as features`,
  );
  const live = sql`(valid_until is null or valid_until >= ${q.day}::date) and ref <> ${q.ref}`;
  const byKeys = sql`(select ${cols} from listings where match_keys && (select ${sql.param(q.keys)}::bigint[]) and ${live} limit ${MAX_KEY_CANDIDATES})`;
  const byDivision =
    q.division === undefined
      ? undefined
      : sql`(select ${cols} from listings where category = ${q.category}::listing_category and direction = ${q.direction}::listing_direction
            and region_code = any(${sql.param(q.regions)}::text[]) and sector = ${q.division} and status = 'published' and ${live}
            order by created_at desc limit ${MAX_DIVISION_CANDIDATES})`;
  const query = byDivision ? sql`${byKeys} union all ${byDivision}` : byKeys;
  const result: unknown = await db.execute(query);
  return (result as { rows: CandidateRow[] }).rows;
}

/** The words reasons quote (conceptTerms and the like) of a few listings, by ref. */
async function displayFeatures(db: DbOrTx, refs: string[]): Promise<Map<string, Partial<Features>>> {
  if (refs.length === 0) return new Map();
  const f = listings.features;
  const rows = await db
    .select({
      ref: listings.ref,
      display: sql<
        Partial<Features>
      >`jsonb_strip_nulls(jsonb_build_object('conceptTerms', ${f}->'conceptTerms', 'conceptVia', ${f}->'conceptVia', 'termSurface', ${f}->'termSurface'))`,
    })
    .from(listings)
    .where(inArray(listings.ref, refs));
  return new Map(rows.map((r) => [r.ref, r.display]));
}

/** The ranked matches of a listing, best first, with reasons (as codes and parameters). */
export async function findMatches(db: DbOrTx, q: MatchQuery): Promise<FoundMatch[]> {
  const { listing, asOf } = q;
  const direction = listing.direction === 'offer' ? 'seek' : 'offer';
  const regions =
    q.scope === 'all' ? PROVINCES.map((p) => p.code) : [...new Set(q.counterparts.map((c) => c.region))];
  if (regions.length === 0 || q.limit <= 0) return [];

  const features = statFeatures(listing);
  const df = await readStats(db, features);
  const chosen = chooseQueryFeatures(features, df);
  const rows = await fetchCandidates(db, {
    ref: listing.ref,
    keys: regions.flatMap((r) => chosen.map((f) => keyHash(keyPrefix(listing.category, direction, r) + f))),
    category: listing.category,
    direction,
    regions,
    ...(listing.division !== undefined ? { division: listing.division } : {}),
    day: chinaDate(asOf),
  });

  const byRef = new Map<string, CandidateRow>();
  const candidates: (Analyzed & { areaCode: string | null })[] = [];
  for (const row of rows) {
    if (byRef.has(row.ref)) continue;
    const c = {
      ...row.features,
      conceptTerms: {},
      ref: row.ref,
      region: row.region_code,
      category: row.category,
      direction: row.direction,
      language: row.language,
      createdAt: new Date(Number(row.created_epoch) * 1000).toISOString(),
      validUntil: row.valid_until ?? undefined,
      areaCode: row.area_code,
    };
    // Keys are hashed per region, so a collision or a city pairing can bring one from elsewhere.
    if (q.scope === 'counterpart' && !inScope(c, q.counterparts)) continue;
    if (c.category !== listing.category || c.direction !== direction) continue;
    byRef.set(row.ref, row);
    candidates.push(c);
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
  const ctx = { asOf, counterpart: true, conceptWeights, stats };
  const best = topCandidates(listing, candidates, ctx, q.limit);
  const display = await displayFeatures(
    db,
    best.map((c) => c.ref),
  );
  const full = best.map((c) => ({ ...c, ...display.get(c.ref) }));
  const ranked = rankMatches(listing, full, ctx, q.limit, (c) => inScope(c, q.counterparts));
  return ranked.flatMap((m) => {
    const row = byRef.get(m.ref);
    if (!row) return [];
    return [
      {
        ...m,
        id: row.id,
        orgId: row.org_id,
        title: row.title,
        region: row.region_code,
        category: row.category,
        direction: row.direction,
        language: row.language,
        validUntil: row.valid_until,
      },
    ];
  });
}
