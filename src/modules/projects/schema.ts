import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../accounts/schema.ts';
import { agreements } from '../agreements/schema.ts';
import { regions } from '../regions/schema.ts';
import { listingCategory } from '../listings/schema.ts';

/** The programme's own counting: signed → landed → started → in production; stalled and cancelled aside. */
export const PROJECT_STAGES = [
  'signed',
  'landed',
  'started',
  'in_production',
  'stalled',
  'cancelled',
] as const;
export const UPDATE_STATUSES = ['pending', 'approved', 'rejected'] as const;

export const projectStage = pgEnum('project_stage', PROJECT_STAGES);
export const updateStatus = pgEnum('project_update_status', UPDATE_STATUSES);

/** Something an agreement builds, tracked through its stages. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    language: text('language', { enum: ['zh', 'en'] }).notNull(),
    category: listingCategory('category').notNull(),
    /** GB/T 4754-2017 division. */
    sector: text('sector'),
    /** Where it is built: one of the parties' regions, and an area code inside it. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    areaCode: text('area_code'),
    stage: projectStage('stage').notNull().default('signed'),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    landedOn: date('landed_on', { mode: 'string' }),
    startedOn: date('started_on', { mode: 'string' }),
    inProductionOn: date('in_production_on', { mode: 'string' }),
    stalledOn: date('stalled_on', { mode: 'string' }),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    contractedInvestmentCny: doublePrecision('contracted_investment_cny'),
    /** Changed only by approved progress updates. */
    actualInvestmentCny: doublePrecision('actual_investment_cny').notNull().default(0),
    jobsCreated: integer('jobs_created').notNull().default(0),
    /**
     * Shown on the public project pages, which list the agreement's documents not marked confidential
     * (never confidential ones, messages, or the agreement's own title and value); those who manage the
     * project set it (`setProjectPublished`).
     */
    published: boolean('published').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('projects_agreement_idx').on(t.agreementId),
    index('projects_region_stage_idx').on(t.regionCode, t.stage),
    check(
      'projects_amounts_check',
      sql`${t.actualInvestmentCny} >= 0 and ${t.jobsCreated} >= 0 and (${t.contractedInvestmentCny} is null or ${t.contractedInvestmentCny} >= 0)`,
    ),
  ],
);

/**
 * The agreement's parties, copied when the project is created (as the agreement copies each party's
 * region): who may act on a project and whose pipeline shows it are answered from this module's own tables.
 */
export const projectParties = pgTable(
  'project_parties',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.orgId] }),
    index('project_parties_org_idx').on(t.orgId),
    index('project_parties_region_idx').on(t.regionCode),
  ],
);

/** Every stage change, with who, when, the stage date and (for a step back, a stall or a cancel) why. */
export const projectStageChanges = pgTable(
  'project_stage_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    fromStage: projectStage('from_stage'),
    toStage: projectStage('to_stage').notNull(),
    /** The date the project reached the stage (a China date). */
    on: date('on', { mode: 'string' }).notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    /** The name as it was then (shown in the history; users are another module's). */
    changedByName: text('changed_by_name').notNull().default(''),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('project_stage_changes_idx').on(t.projectId, t.id)],
);

export const milestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    /** Set once the overdue notice went out, so it goes out once. */
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('project_milestones_idx').on(t.projectId, t.dueOn),
    index('project_milestones_open_idx')
      .on(t.dueOn)
      .where(sql`${t.doneOn} is null`),
  ],
);

/** A party's progress report: text plus figures; it counts once a coordinator approves it. */
export const projectUpdates = pgTable(
  'project_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    /** The party the update was submitted for; a coordinator of its region approves it. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    body: text('body').notNull(),
    /** Actual investment to date and jobs created to date, as of this update (null: unchanged). */
    actualInvestmentCny: doublePrecision('actual_investment_cny'),
    jobsCreated: integer('jobs_created'),
    /** Why, when the actual investment exceeds the contracted one or the figures fall below the approved ones. */
    overrunNote: text('overrun_note'),
    status: updateStatus('status').notNull().default('pending'),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedByName: text('submitted_by_name').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
  },
  (t) => [
    index('project_updates_idx').on(t.projectId, t.submittedAt),
    index('project_updates_pending_idx')
      .on(t.status)
      .where(sql`${t.status} = 'pending'`),
  ],
);
