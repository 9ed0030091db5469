import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * The bilingual glossary the matcher reads (seeded from glossary.data.ts, then edited by admins). Each row
 * is one concept: Chinese and English terms, preferred first, then synonyms.
 */
export const glossaryEntries = pgTable(
  'glossary_entries',
  {
    id: text('id').primaryKey(),
    zh: text('zh')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    en: text('en')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sectors: text('sectors')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    broader: text('broader'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('glossary_entries_updated_idx').on(t.updatedAt)],
);
