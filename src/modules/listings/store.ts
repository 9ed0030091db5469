/**
 * The one write path for listings (use cases and the importer): upserts rows by `ref` with their features,
 * retrieval keys and search vector, and keeps `match_stats` in step, all in the caller's transaction.
 */
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Features } from '../matching/core/types.ts';
import type { GlossaryEntry } from '../taxonomy/glossary.data.ts';
import { analyze, matchKeys, searchVector, StatsDelta } from './analysis.ts';
import type { LISTING_STATUSES } from './schema.ts';
import { listings, matchStats } from './schema.ts';

export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** Everything a write sets on a listing; the analysis columns are derived here. */
export interface ListingWrite {
  ref: string;
  orgId: string;
  regionCode: string;
  areaCode: string | null;
  direction: 'offer' | 'seek';
  category: (typeof listings.$inferInsert)['category'];
  sector: string | null;
  title: string;
  description: string;
  language: 'zh' | 'en';
  tags: string[];
  amountCny: number | null;
  validUntil: string | null;
  status: ListingStatus;
  createdAt: Date;
  updatedAt: Date;
  createdBy?: string | null;
  reviewedBy?: string | null;
  reviewedAt?: Date | null;
  reviewNote?: string | null;
}

/** The write that stores a listing as it is (every field, `updated_at` included): change what differs. */
export function writeOfRow(row: ListingWrite & { reviewNote: string | null }): ListingWrite {
  return {
    ref: row.ref,
    orgId: row.orgId,
    regionCode: row.regionCode,
    areaCode: row.areaCode,
    direction: row.direction,
    category: row.category,
    sector: row.sector,
    title: row.title,
    description: row.description,
    language: row.language,
    tags: row.tags,
    amountCny: row.amountCny,
    validUntil: row.validUntil,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: row.createdBy ?? null,
    reviewedBy: row.reviewedBy ?? null,
    reviewedAt: row.reviewedAt ?? null,
    reviewNote: row.reviewNote,
  };
}

export interface StoredListing {
  id: string;
  ref: string;
  /** True when the ref was new. */
  created: boolean;
}

function featuresOf(w: ListingWrite, glossary: readonly GlossaryEntry[]): Features {
  return analyze(
    {
      title: w.title,
      description: w.description,
      language: w.language,
      tags: w.tags,
      sector: w.sector ?? undefined,
      amount_cny: w.amountCny ?? undefined,
    },
    glossary,
  );
}

/** Adds the stats deltas in one statement, creating keys on first use. */
export async function applyStats(db: DbOrTx, delta: StatsDelta): Promise<void> {
  const entries = delta.entries();
  for (let i = 0; i < entries.length; i += 5000) {
    const chunk = entries.slice(i, i + 5000);
    await db.execute(sql`
      insert into ${matchStats} (key, df)
      select k, d from unnest(${sql.param(chunk.map((e) => e[0]))}::text[], ${sql.param(chunk.map((e) => e[1]))}::bigint[]) as t(k, d)
      on conflict (key) do update set df = ${matchStats.df} + excluded.df`);
  }
}

/**
 * Inserts or updates listings by `ref` (at most a few thousand at a time). `glossaryVersion` is recorded
 * so that a later glossary edit re-analyses these rows.
 */
export async function storeListings(
  tx: DbOrTx,
  writes: readonly ListingWrite[],
  glossary: { version: string; entries: readonly GlossaryEntry[] },
): Promise<StoredListing[]> {
  if (writes.length === 0) return [];
  const refs = writes.map((w) => w.ref);
  const existing = await tx
    .select({ ref: listings.ref, status: listings.status, features: listings.features })
    .from(listings)
    .where(inArray(listings.ref, refs))
    .orderBy(listings.ref)
    .for('update');
  const before = new Map(existing.map((e) => [e.ref, e]));
  const delta = new StatsDelta();
  const values = writes.map((w) => {
    const features = featuresOf(w, glossary.entries);
    const old = before.get(w.ref);
    delta.change(
      old?.status === 'published' ? old.features : undefined,
      w.status === 'published' ? features : undefined,
    );
    return {
      ...w,
      features,
      matchKeys: matchKeys(w, features),
      analyzedWith: glossary.version,
      search: searchVector(w),
    };
  });
  const rows = await tx
    .insert(listings)
    .values(values)
    .onConflictDoUpdate({
      target: listings.ref,
      set: {
        orgId: sql`excluded.org_id`,
        regionCode: sql`excluded.region_code`,
        areaCode: sql`excluded.area_code`,
        direction: sql`excluded.direction`,
        category: sql`excluded.category`,
        sector: sql`excluded.sector`,
        title: sql`excluded.title`,
        description: sql`excluded.description`,
        language: sql`excluded.language`,
        tags: sql`excluded.tags`,
        amountCny: sql`excluded.amount_cny`,
        validUntil: sql`excluded.valid_until`,
        status: sql`excluded.status`,
        createdAt: sql`excluded.created_at`,
        updatedAt: sql`excluded.updated_at`,
        reviewedBy: sql`excluded.reviewed_by`,
        reviewedAt: sql`excluded.reviewed_at`,
        reviewNote: sql`excluded.review_note`,
        features: sql`excluded.features`,
        matchKeys: sql`excluded.match_keys`,
        analyzedWith: sql`excluded.analyzed_with`,
        search: sql`excluded.search`,
      },
    })
    .returning({ id: listings.id, ref: listings.ref });
  await applyStats(tx, delta);
  return rows.map((r) => ({ ...r, created: !before.has(r.ref) }));
}
