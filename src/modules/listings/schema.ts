import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  date,
  doublePrecision,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../accounts/schema.ts';
import { regions } from '../regions/schema.ts';
import { LISTING_CATEGORY_CODES, LISTING_DIRECTIONS } from '../taxonomy/categories.data.ts';
import type { Features } from '../matching/core/types.ts';

export const LISTING_STATUSES = ['pending', 'published', 'rejected', 'closed'] as const;
export const LISTING_LANGS = ['zh', 'en'] as const;

export const listingStatus = pgEnum('listing_status', LISTING_STATUSES);
export const listingDirection = pgEnum('listing_direction', LISTING_DIRECTIONS);
export const listingCategory = pgEnum('listing_category', LISTING_CATEGORY_CODES);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** An offer or a need of one organisation (the fields of the listings interchange format). */
export const listings = pgTable(
  'listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable public reference: the `id` of an imported listing, or one generated in the UI. */
    ref: text('ref').notNull().unique(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    areaCode: text('area_code'),
    direction: listingDirection('direction').notNull(),
    category: listingCategory('category').notNull(),
    sector: text('sector'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    language: text('language', { enum: LISTING_LANGS }).notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    amountCny: doublePrecision('amount_cny'),
    validUntil: date('valid_until', { mode: 'string' }),
    status: listingStatus('status').notNull().default('pending'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The matcher's analysis of the text (pure JSON from matching/core). */
    features: jsonb('features').$type<Features>().notNull(),
    /**
     * Retrieval keys of a published listing (empty otherwise): 53-bit hashes of
     * `category:direction:region:feature`, so one GIN lookup finds the candidates that share a concept, a
     * term or a division with a query. Integers, not text: comparisons and the index are much cheaper.
     */
    matchKeys: bigint('match_keys', { mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'::bigint[]`),
    /** The glossary version the features were computed with; a glossary edit re-analyses older rows. */
    analyzedWith: text('analyzed_with').notNull().default(''),
    search: tsvector('search')
      .notNull()
      .default(sql`''::tsvector`),
  },
  (t) => [
    index('listings_browse_idx').on(t.status, t.createdAt),
    index('listings_org_idx').on(t.orgId),
    index('listings_match_keys_idx').using('gin', t.matchKeys),
    index('listings_division_idx').on(t.category, t.direction, t.regionCode, t.sector, t.createdAt),
    index('listings_search_idx').using('gin', t.search),
  ],
);

/**
 * Corpus statistics of published listings for the scorer: document frequency of each feature
 * (`c:concept`, `t:term`), plus `#docs` and `#length` totals. Kept in step with `listings.match_keys`.
 */
export const matchStats = pgTable('match_stats', {
  key: text('key').primaryKey(),
  df: bigint('df', { mode: 'number' }).notNull(),
});
