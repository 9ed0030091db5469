import {
  check,
  date,
  index,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const regionLevel = pgEnum('region_level', ['province', 'prefecture']);
export const pairingKind = pgEnum('pairing_kind', ['cooperation', 'assistance']);

/** Provinces keyed by ISO 3166-2 code (CN-JL), prefectures by their GB/T 2260 code (222400). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    gbCode: text('gb_code').notNull().unique(),
    level: regionLevel('level').notNull(),
    parentCode: text('parent_code'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

/** Two regions or areas working together; for `assistance`, A gives and B receives. */
export const pairings = pgTable(
  'pairings',
  {
    id: serial('id').primaryKey(),
    aCode: text('a_code')
      .notNull()
      .references(() => regions.code),
    bCode: text('b_code')
      .notNull()
      .references(() => regions.code),
    kind: pairingKind('kind').notNull(),
    since: date('since').notNull(),
    noteEn: text('note_en').notNull().default(''),
    noteZh: text('note_zh').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pairings_pair_kind_idx').on(t.aCode, t.bCode, t.kind),
    check('pairings_distinct', sql`${t.aCode} <> ${t.bCode}`),
  ],
);
