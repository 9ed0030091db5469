import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
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
import { pairings, regions } from '../regions/schema.ts';
import { INDICATOR_KINDS, PERIOD_KINDS, REPORT_STATUSES } from './kinds.ts';

export const indicatorKind = pgEnum('programme_indicator_kind', INDICATOR_KINDS);
export const periodKind = pgEnum('programme_period_kind', PERIOD_KINDS);
export const reportStatus = pgEnum('programme_report_status', REPORT_STATUSES);

/** A partner-assistance programme of one `assistance` pairing: the giving side helps the receiving side. */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pairingId: integer('pairing_id')
      .notNull()
      .references(() => pairings.id),
    /** The pairing's sides, copied at creation (A gives, B receives), and the provinces whose coordinators act. */
    givingRegion: text('giving_region')
      .notNull()
      .references(() => regions.code),
    receivingRegion: text('receiving_region')
      .notNull()
      .references(() => regions.code),
    givingProvince: text('giving_province').notNull(),
    receivingProvince: text('receiving_province').notNull(),
    titleEn: text('title_en').notNull(),
    titleZh: text('title_zh').notNull(),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionZh: text('description_zh').notNull().default(''),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('programmes_pairing_idx').on(t.pairingId),
    check('programmes_dates_check', sql`${t.deadline} >= ${t.startOn}`),
  ],
);

/** What a programme counts: a standard kind in its unit, or "other" with its own name and unit. */
export const programmeIndicators = pgTable(
  'programme_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    kind: indicatorKind('kind').notNull(),
    /** Only for `other`: what it counts, in both languages. */
    nameEn: text('name_en'),
    nameZh: text('name_zh'),
    /** `yuan`, `count` or `persons` for the standard kinds; free text for `other`. */
    unit: text('unit').notNull(),
    baseline: doublePrecision('baseline').notNull().default(0),
    target: doublePrecision('target').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    periodKind: periodKind('period_kind').notNull(),
    /** Order on the page: the order they were added. */
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('programme_indicators_idx').on(t.programmeId, t.position),
    check(
      'programme_indicators_values_check',
      sql`${t.baseline} >= 0 and ${t.target} > ${t.baseline} and ${t.deadline} >= ${t.startOn}`,
    ),
  ],
);

/** A milestone: the cumulative value (baseline included) due by the end of a period. */
export const indicatorPeriodTargets = pgTable(
  'programme_indicator_period_targets',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => programmeIndicators.id),
    period: text('period').notNull(),
    target: doublePrecision('target').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period] })],
);

/** One period's progress, submitted by the giving side's coordinator and confirmed by the receiving side's. */
export const programmeReports = pgTable(
  'programme_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    /** '2018-03' or '2018-Q1'. */
    period: text('period').notNull(),
    periodKind: periodKind('period_kind').notNull(),
    status: reportStatus('status').notNull(),
    note: text('note').notNull().default(''),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedByName: text('submitted_by_name').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedByName: text('confirmed_by_name'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('programme_reports_period_idx').on(t.programmeId, t.period)],
);

/** What was added in the report's period for one indicator (never a running total). */
export const reportValues = pgTable(
  'programme_report_values',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => programmeReports.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => programmeIndicators.id),
    value: doublePrecision('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.indicatorId] }),
    index('programme_report_values_indicator_idx').on(t.indicatorId),
    check('programme_report_values_check', sql`${t.value} >= 0`),
  ],
);
