import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../accounts/schema.ts';
import { storedFiles } from '../files/schema.ts';
import { listings } from '../listings/schema.ts';
import { AGREEMENT_TYPES } from '../agreements/kinds.ts';

export const INTEREST_STATUSES = ['open', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export const DECLINE_REASONS = ['not_relevant', 'too_early', 'price_terms', 'capacity', 'other'] as const;
export const TIMELINES = ['within_3_months', 'months_3_6', 'months_6_12', 'over_12_months'] as const;

export const interestStatus = pgEnum('interest_status', INTEREST_STATUSES);
export const declineReason = pgEnum('decline_reason', DECLINE_REASONS);
export const interestTimeline = pgEnum('interest_timeline', TIMELINES);
export const cooperationForm = pgEnum('cooperation_form', AGREEMENT_TYPES);

/** One organisation's expression of interest in another's listing, and the answer to it. */
export const interests = pgTable(
  'interests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The listing the interest is about (the receiving organisation's). */
    listingId: uuid('listing_id')
      .notNull()
      .references(() => listings.id),
    /** The sender's own listing when the interest was sent from one of its matches. */
    viaListingId: uuid('via_listing_id').references(() => listings.id),
    fromOrgId: uuid('from_org_id')
      .notNull()
      .references(() => organisations.id),
    toOrgId: uuid('to_org_id')
      .notNull()
      .references(() => organisations.id),
    /** The organisations' regions when the interest was sent, so region views and checks need no join. */
    fromRegionCode: text('from_region_code').notNull(),
    toRegionCode: text('to_region_code').notNull(),
    message: text('message').notNull(),
    /** The three standard answers: what we bring, the form proposed, our timeline. */
    bring: text('bring').notNull(),
    form: cooperationForm('form').notNull(),
    timeline: interestTimeline('timeline').notNull(),
    status: interestStatus('status').notNull().default('open'),
    declineReason: declineReason('decline_reason'),
    declineNote: text('decline_note'),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    /** Past this an open interest is expired, whether or not the sweep has marked it yet. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    // One open interest per pair of organisations (either way round), decided by the database.
    uniqueIndex('interests_open_pair_idx')
      .on(sql`least(${t.fromOrgId}, ${t.toOrgId})`, sql`greatest(${t.fromOrgId}, ${t.toOrgId})`)
      .where(sql`${t.status} = 'open'`),
    index('interests_to_idx').on(t.toOrgId, t.sentAt),
    index('interests_from_idx').on(t.fromOrgId, t.sentAt),
    index('interests_from_region_idx').on(t.fromRegionCode, t.sentAt),
    index('interests_to_region_idx').on(t.toRegionCode, t.sentAt),
    index('interests_open_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** Opened by accepting an interest: the two organisations talk here. */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interestId: uuid('interest_id')
      .notNull()
      .unique()
      .references(() => interests.id),
    /** The interest's sender and receiver, copied so access checks need no join. */
    fromOrgId: uuid('from_org_id')
      .notNull()
      .references(() => organisations.id),
    toOrgId: uuid('to_org_id')
      .notNull()
      .references(() => organisations.id),
    fromRegionCode: text('from_region_code').notNull(),
    toRegionCode: text('to_region_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('conversations_from_idx').on(t.fromOrgId), index('conversations_to_idx').on(t.toOrgId)],
);

export const messages = pgTable(
  'conversation_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The author's name as it was when they wrote (kept if the account goes). */
    authorName: text('author_name').notNull(),
    /** The party the author wrote for. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('conversation_messages_idx').on(t.conversationId, t.createdAt)],
);

export const messageAttachments = pgTable(
  'conversation_attachments',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.fileId] })],
);
