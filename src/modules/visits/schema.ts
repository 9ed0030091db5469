import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { articles } from '../news/schema.ts';
import { regions } from '../regions/schema.ts';

export const VISIT_KINDS = ['visit', 'talk', 'forum', 'fair'] as const;
export const VISIT_SIDES = ['host', 'visiting'] as const;
/** What may deliver an agreed area. Programme ids point into the programmes module (no foreign key). */
export const LINK_KINDS = ['listing', 'agreement', 'project', 'programme'] as const;

export const visitKind = pgEnum('visit_kind', VISIT_KINDS);
export const visitSide = pgEnum('visit_side', VISIT_SIDES);
export const agreedAreaLinkKind = pgEnum('agreed_area_link_kind', LINK_KINDS);

/** A visit, talk, forum or fair between a host region and a visiting one: an official record in both languages. */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: visitKind('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    hostRegionCode: text('host_region_code')
      .notNull()
      .references(() => regions.code),
    /** The city (or county) inside the host region, a GB/T 2260 code. */
    hostAreaCode: text('host_area_code'),
    visitingRegionCode: text('visiting_region_code')
      .notNull()
      .references(() => regions.code),
    visitingAreaCode: text('visiting_area_code'),
    places: text('places').notNull().default(''),
    summaryZh: text('summary_zh').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    /** Unpublished visits are seen by the two regions' coordinators and admins only. */
    published: boolean('published').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('visits_starts_idx').on(t.startsOn),
    index('visits_regions_idx').on(t.hostRegionCode, t.visitingRegionCode),
    check('visits_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('visits_regions_check', sql`${t.hostRegionCode} <> ${t.visitingRegionCode}`),
  ],
);

/**
 * Who took part, as the record names them: `name`, `title` and `organisation` as written in the official
 * (usually Chinese) record, with optional English forms.
 */
export const visitParticipants = pgTable(
  'visit_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    title: text('title').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    organisation: text('organisation').notNull().default(''),
    organisationEn: text('organisation_en').notNull().default(''),
    side: visitSide('side').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('visit_participants_idx').on(t.visitId, t.position)],
);

export const visitMeetings = pgTable(
  'visit_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    title: text('title').notNull(),
    on: date('on', { mode: 'string' }),
    place: text('place').notNull().default(''),
    notes: text('notes').notNull().default(''),
    position: integer('position').notNull(),
  },
  (t) => [index('visit_meetings_idx').on(t.visitId, t.position)],
);

/** News articles about a visit; the article page shows its visit. */
export const visitArticles = pgTable(
  'visit_articles',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.articleId] }),
    index('visit_articles_article_idx').on(t.articleId),
  ],
);

/** A cooperation area a visit agreed, with an owner (a region's office) and a due date. */
export const agreedAreas = pgTable(
  'agreed_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    ownerRegionCode: text('owner_region_code')
      .notNull()
      .references(() => regions.code),
    ownerOffice: text('owner_office').notNull(),
    ownerOfficeEn: text('owner_office_en').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('agreed_areas_visit_idx').on(t.visitId, t.position),
    index('agreed_areas_owner_idx').on(t.ownerRegionCode),
    check('agreed_areas_owner_check', sql`length(trim(${t.ownerOffice})) > 0`),
  ],
);

/**
 * What delivers an agreed area: a listing, an agreement, a project or a programme, by id. The targets live
 * in other modules, which are asked about them through their read functions.
 */
export const agreedAreaLinks = pgTable(
  'agreed_area_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Keeps links in the order they were made (several may share a timestamp). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => agreedAreas.id),
    kind: agreedAreaLinkKind('kind').notNull(),
    targetId: uuid('target_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('agreed_area_links_target_idx').on(t.areaId, t.kind, t.targetId),
    index('agreed_area_links_kind_idx').on(t.kind, t.targetId),
  ],
);
