import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../accounts/schema.ts';
import { storedFiles } from '../files/schema.ts';
import { interests } from '../interests/schema.ts';
import { listings } from '../listings/schema.ts';
import { regions } from '../regions/schema.ts';
import { AGREEMENT_TYPES } from './kinds.ts';

export const agreementType = pgEnum('agreement_type', AGREEMENT_TYPES);

/** A signed agreement between two or more organisations, as recorded on the platform. */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: agreementType('type').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** The language title and summary are written in. */
    language: text('language', { enum: ['zh', 'en'] }).notNull(),
    valueCny: doublePrecision('value_cny'),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    signedPlace: text('signed_place').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('agreements_signed_idx').on(t.signedOn),
    check('agreements_value_check', sql`${t.valueCny} is null or ${t.valueCny} >= 0`),
  ],
);

/** The organisations that signed; each party's region is copied from its organisation when recorded. */
export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.orgId] }), index('agreement_parties_org_idx').on(t.orgId)],
);

/** A coordinator's confirmation for one of the parties' regions; confirmed when every region has one. */
export const agreementConfirmations = pgTable(
  'agreement_confirmations',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    /** The confirming person's name as it was then, shown on the agreement (and kept if the user goes). */
    confirmerName: text('confirmer_name').notNull().default(''),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.regionCode] })],
);

export const agreementDocuments = pgTable(
  'agreement_documents',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    /** Confidential documents are shown to the parties and their coordinators only, never the public. */
    confidential: boolean('confidential').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.fileId] })],
);

/** Where an agreement came from: the expressions of interest and listings that led to it. */
export const agreementSources = pgTable(
  'agreement_sources',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    interestId: uuid('interest_id').references(() => interests.id),
    listingId: uuid('listing_id').references(() => listings.id),
  },
  (t) => [
    index('agreement_sources_idx').on(t.agreementId),
    check('agreement_sources_one', sql`(${t.interestId} is null) <> (${t.listingId} is null)`),
  ],
);
