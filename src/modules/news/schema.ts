import {
  bigserial,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import { pairings, regions } from '../regions/schema.ts';

export const ARTICLE_LANGS = ['en', 'zh'] as const;
export const ARTICLE_STATUSES = ['draft', 'scheduled', 'published', 'unpublished'] as const;
export const BODY_FORMATS = ['markdown', 'html'] as const;

export const articleLang = pgEnum('article_lang', ARTICLE_LANGS);
export const articleStatus = pgEnum('article_status', ARTICLE_STATUSES);
export const bodyFormat = pgEnum('body_format', BODY_FORMATS);

/** Full-text search vector; written by the app (Chinese is segmented with jieba before it gets here). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** News, Notices, Policies by default; admins add, rename and reorder sections. */
export const newsSections = pgTable('news_sections', {
  id: serial('id').primaryKey(),
  key: text('key').notNull().unique(),
  nameEn: text('name_en').notNull(),
  nameZh: text('name_zh').notNull(),
  position: integer('position').notNull().default(0),
});

/** One article in one language; translations of each other share `translationGroup`. */
export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lang: articleLang('lang').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodySource: text('body_source').notNull(),
    bodyFormat: bodyFormat('body_format').notNull().default('markdown'),
    sectionId: integer('section_id').references(() => newsSections.id),
    regionCode: text('region_code').references(() => regions.code),
    pairingId: integer('pairing_id').references(() => pairings.id, { onDelete: 'set null' }),
    status: articleStatus('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** Set by a significant edit after publication: pages then show "last updated". */
    lastEditedAt: timestamp('last_edited_at', { withTimezone: true }),
    translationGroup: uuid('translation_group').notNull().defaultRandom(),
    /** Stable key of an imported legacy page: re-importing it updates this row. */
    importKey: text('import_key').unique(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Plain text of the body, for search snippets (ts_headline) and descriptions. */
    searchText: text('search_text').notNull().default(''),
    search: tsvector('search')
      .notNull()
      .default(sql`''::tsvector`),
  },
  (t) => [
    uniqueIndex('articles_lang_slug_idx').on(t.lang, t.slug),
    index('articles_listing_idx').on(t.lang, t.status, t.publishedAt),
    index('articles_translation_idx').on(t.translationGroup),
    index('articles_region_idx').on(t.regionCode),
    index('articles_search_idx').using('gin', t.search),
  ],
);

/** Every save of an article's content, numbered from 1 per article. */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodySource: text('body_source').notNull(),
    bodyFormat: bodyFormat('body_format').notNull(),
    sectionId: integer('section_id'),
    authorId: uuid('author_id'),
    actorLabel: text('actor_label').notNull(),
    /** Why this revision exists beyond an edit: `imported`, `restored:3`. */
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('article_revisions_number_idx').on(t.articleId, t.number)],
);
