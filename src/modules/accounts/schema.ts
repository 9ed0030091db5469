import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, timestamp, uuid, bigserial } from 'drizzle-orm/pg-core';
import { regions } from '../regions/schema.ts';

export const ORG_TYPES = [
  'enterprise',
  'university',
  'institute',
  'government',
  'association',
  'other',
] as const;
export const ORG_STATUSES = ['pending', 'approved', 'suspended'] as const;
export const ROLES = ['admin', 'coordinator', 'member'] as const;

export const orgType = pgEnum('org_type', ORG_TYPES);
export const orgStatus = pgEnum('org_status', ORG_STATUSES);
export const userRole = pgEnum('user_role', ROLES);
export const langCode = pgEnum('lang_code', ['en', 'zh']);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    type: orgType('type').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    areaCode: text('area_code'),
    website: text('website'),
    description: text('description').notNull().default(''),
    status: orgStatus('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_region_status_idx').on(t.regionCode, t.status)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    preferredLang: langCode('preferred_lang').notNull().default('en'),
    role: userRole('role').notNull(),
    /** The region a coordinator coordinates; null for other roles. */
    regionCode: text('region_code').references(() => regions.code),
    /** The organisation a member belongs to; null for other roles. */
    orgId: uuid('org_id').references(() => organisations.id),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_org_idx').on(t.orgId)],
);

/** Server-side sessions: the cookie holds a random token, the table holds only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const passwordResets = pgTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Every sign-in attempt, so throttling works across instances. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('sign_in_attempts_email_idx').on(t.email, t.at),
    index('sign_in_attempts_ip_idx').on(t.ip, t.at),
  ],
);
