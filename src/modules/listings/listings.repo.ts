import { and, count, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { organisations } from '../accounts/schema.ts';
import { searchMatch } from './analysis.ts';
import { listings } from './schema.ts';

/** Every column pages and the API use (not the matcher's state). */
export const LISTING = {
  id: listings.id,
  ref: listings.ref,
  orgId: listings.orgId,
  regionCode: listings.regionCode,
  areaCode: listings.areaCode,
  direction: listings.direction,
  category: listings.category,
  sector: listings.sector,
  title: listings.title,
  description: listings.description,
  language: listings.language,
  tags: listings.tags,
  amountCny: listings.amountCny,
  validUntil: listings.validUntil,
  status: listings.status,
  reviewNote: listings.reviewNote,
  reviewedBy: listings.reviewedBy,
  reviewedAt: listings.reviewedAt,
  createdBy: listings.createdBy,
  createdAt: listings.createdAt,
  updatedAt: listings.updatedAt,
};

export type ListingRow = { [K in keyof typeof LISTING]: (typeof listings.$inferSelect)[K] };

export async function findByRef(
  db: DbOrTx,
  ref: string,
  opts: { lock?: boolean } = {},
): Promise<(ListingRow & { features: (typeof listings.$inferSelect)['features'] }) | undefined> {
  const query = db
    .select({ ...LISTING, features: listings.features })
    .from(listings)
    .where(eq(listings.ref, ref));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row;
}

export async function findByIds(db: DbOrTx, ids: string[]): Promise<ListingRow[]> {
  return ids.length === 0 ? [] : db.select(LISTING).from(listings).where(inArray(listings.id, ids));
}

export interface ListingFilter {
  q?: string | undefined;
  statuses: ListingRow['status'][];
  regions?: string[] | undefined;
  /** A prefecture or county code; a prefecture also finds its counties. */
  area?: string | undefined;
  categories?: ListingRow['category'][] | undefined;
  direction?: ListingRow['direction'] | undefined;
  /** A division code (C15) or a section letter (C). */
  sector?: string | undefined;
  language?: ListingRow['language'] | undefined;
  orgTypes?: string[] | undefined;
  orgId?: string | undefined;
  /** Leave out listings whose valid_until is before this date (YYYY-MM-DD); absent keeps them. */
  activeOn?: string | undefined;
  /** Only listings whose valid_until is before this date. */
  expiredOn?: string | undefined;
}

function conditions(f: ListingFilter): SQL | undefined {
  const area = f.area?.endsWith('00') ? `${f.area.slice(0, 4)}%` : f.area;
  return and(
    inArray(listings.status, f.statuses),
    f.regions?.length ? inArray(listings.regionCode, f.regions) : undefined,
    area ? sql`${listings.areaCode} like ${area}` : undefined,
    f.categories?.length ? inArray(listings.category, f.categories) : undefined,
    f.direction ? eq(listings.direction, f.direction) : undefined,
    f.sector
      ? f.sector.length === 1
        ? sql`${listings.sector} like ${`${f.sector}%`}`
        : eq(listings.sector, f.sector)
      : undefined,
    f.language ? eq(listings.language, f.language) : undefined,
    f.orgTypes?.length
      ? inArray(organisations.type, f.orgTypes as (typeof organisations.$inferSelect)['type'][])
      : undefined,
    f.orgId ? eq(listings.orgId, f.orgId) : undefined,
    f.activeOn ? or(isNull(listings.validUntil), gte(listings.validUntil, f.activeOn)) : undefined,
    f.expiredOn ? lt(listings.validUntil, f.expiredOn) : undefined,
    f.q ? searchMatch(listings.search, f.q) : undefined,
  );
}

/** A listing's columns with its organisation's names and type (browse and scan join them). */
const BROWSE_ROW = {
  ...LISTING,
  orgNameZh: organisations.nameZh,
  orgNameEn: organisations.nameEn,
  orgType: organisations.type,
};

export interface BrowseRow extends ListingRow {
  orgNameZh: string;
  orgNameEn: string;
  orgType: (typeof organisations.$inferSelect)['type'];
}

/** A page of listings with their organisation, newest first (best text match first when searching). */
export async function browse(
  db: DbOrTx,
  f: ListingFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: BrowseRow[]; total: number }> {
  const where = conditions(f);
  const order = f.q
    ? [
        desc(sql`ts_rank(${listings.search}, plainto_tsquery('english', ${f.q}::text))`),
        desc(listings.createdAt),
      ]
    : [desc(listings.createdAt), desc(listings.id)];
  const rows = await db
    .select(BROWSE_ROW)
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.orgId))
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db
    .select({ n: count() })
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.orgId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Up to `limit` listings after `after` in newest-first order (created_at, then id, both descending). */
export function scan(
  db: DbOrTx,
  f: ListingFilter,
  after: { createdAt: Date; id: string } | undefined,
  limit: number,
): Promise<BrowseRow[]> {
  return db
    .select(BROWSE_ROW)
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.orgId))
    .where(
      and(
        conditions(f),
        after
          ? sql`(${listings.createdAt}, ${listings.id}) < (${after.createdAt}, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(listings.createdAt), desc(listings.id))
    .limit(limit);
}

export type FacetName = 'region' | 'category' | 'direction' | 'section' | 'language' | 'orgType';

/** Counts of the filtered listings by each facet, in one query (grouping sets). */
export async function facetCounts(
  db: DbOrTx,
  f: ListingFilter,
): Promise<Record<FacetName, Map<string, number>>> {
  const section = sql<string | null>`left(${listings.sector}, 1)`;
  const rows = await db
    .select({
      region: listings.regionCode,
      category: sql<string | null>`${listings.category}::text`,
      direction: sql<string | null>`${listings.direction}::text`,
      section,
      language: listings.language,
      orgType: sql<string | null>`${organisations.type}::text`,
      g: sql<number>`grouping(${listings.regionCode}, ${listings.category}, ${listings.direction}, ${section}, ${listings.language}, ${organisations.type})::int`,
      n: count(),
    })
    .from(listings)
    .innerJoin(organisations, eq(organisations.id, listings.orgId))
    .where(conditions(f))
    .groupBy(
      sql`grouping sets ((${listings.regionCode}), (${listings.category}), (${listings.direction}), (${section}), (${listings.language}), (${organisations.type}))`,
    );
  const out: Record<FacetName, Map<string, number>> = {
    region: new Map(),
    category: new Map(),
    direction: new Map(),
    section: new Map(),
    language: new Map(),
    orgType: new Map(),
  };
  // grouping() has one bit per column, the first column highest; the grouped column's bit is 0.
  const names: FacetName[] = ['region', 'category', 'direction', 'section', 'language', 'orgType'];
  for (const r of rows) {
    const i = names.findIndex((_, k) => ((r.g >> (names.length - 1 - k)) & 1) === 0);
    const name = names[i];
    if (name === undefined) continue;
    const value = r[name];
    if (value !== null) out[name].set(value, Number(r.n));
  }
  return out;
}
