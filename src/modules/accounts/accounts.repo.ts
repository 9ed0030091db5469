import { and, asc, count, eq, gt, inArray, isNull, lt, max, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { organisations, passwordResets, signInAttempts, users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type OrganisationRow = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type OrgStatus = OrganisationRow['status'];

// ---- users

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertUser(db: DbOrTx, values: NewUser): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert into users returned no row');
  return row;
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  values: Partial<Pick<UserRow, 'name' | 'preferredLang' | 'passwordHash' | 'updatedAt'>>,
): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  return row;
}

export async function hasUserWithRole(db: DbOrTx, role?: UserRow['role']): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(role ? eq(users.role, role) : undefined)
    .limit(1);
  return rows.length > 0;
}

/** Who reviews a region's organisations: its coordinators, who are told when one registers. */
export function coordinatorsOf(db: DbOrTx, regionCode: string) {
  return db
    .select({ email: users.email, preferredLang: users.preferredLang })
    .from(users)
    .where(and(eq(users.role, 'coordinator'), eq(users.regionCode, regionCode), eq(users.disabled, false)));
}

export function membersOf(db: DbOrTx, orgId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, preferredLang: users.preferredLang })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.disabled, false)))
    .orderBy(asc(users.createdAt));
}

// ---- organisations

export async function insertOrganisation(db: DbOrTx, values: NewOrganisation): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(values).returning();
  if (!row) throw new Error('insert into organisations returned no row');
  return row;
}

export async function findOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

/** The row locked until the transaction ends, so two reviewers cannot interleave status changes. */
export async function lockOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).for('update');
  return row;
}

export async function setOrganisationStatus(
  db: DbOrTx,
  id: string,
  status: OrgStatus,
  now: Date,
): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .update(organisations)
    .set({ status, updatedAt: now })
    .where(eq(organisations.id, id))
    .returning();
  return row;
}

export async function insertOrganisations(db: DbOrTx, values: NewOrganisation[]): Promise<OrganisationRow[]> {
  return values.length === 0 ? [] : db.insert(organisations).values(values).returning();
}

/** Organisations whose Chinese or English name is one of `names`. */
export function organisationsNamed(db: DbOrTx, names: string[]): Promise<OrganisationRow[]> {
  return db
    .select()
    .from(organisations)
    .where(or(inArray(organisations.nameZh, names), inArray(organisations.nameEn, names)));
}

export function organisationsByIds(db: DbOrTx, ids: string[]): Promise<OrganisationRow[]> {
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

/** Every organisation's city or county code (null when not given), by id. */
export async function organisationAreas(db: DbOrTx): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ id: organisations.id, areaCode: organisations.areaCode })
    .from(organisations);
  return new Map(rows.map((r) => [r.id, r.areaCode]));
}

export async function findOrganisationByNameEn(
  db: DbOrTx,
  nameEn: string,
): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.nameEn, nameEn)).limit(1);
  return row;
}

export interface OrganisationFilter {
  statuses: OrgStatus[];
  regionCode?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of organisations, pending ones oldest first (a queue), others by name; with the total count. */
export async function listOrganisations(
  db: DbOrTx,
  filter: OrganisationFilter,
): Promise<{ rows: OrganisationRow[]; total: number }> {
  if (filter.statuses.length === 0) return { rows: [], total: 0 };
  const conditions: SQL[] = [inArray(organisations.status, filter.statuses)];
  if (filter.regionCode) conditions.push(eq(organisations.regionCode, filter.regionCode));
  const where = and(...conditions);
  const rows = await db
    .select()
    .from(organisations)
    .where(where)
    .orderBy(asc(organisations.status), asc(organisations.createdAt), asc(organisations.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(organisations).where(where);
  return { rows, total: total?.n ?? 0 };
}

// ---- password resets

export async function insertPasswordReset(
  db: DbOrTx,
  values: typeof passwordResets.$inferInsert,
): Promise<void> {
  await db.insert(passwordResets).values(values);
}

export async function countResetsSince(db: DbOrTx, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, userId), gt(passwordResets.createdAt, since)));
  return row?.n ?? 0;
}

const usable = (tokenHash: string, now: Date) =>
  and(
    eq(passwordResets.tokenHash, tokenHash),
    isNull(passwordResets.usedAt),
    gt(passwordResets.expiresAt, now),
  );

export async function findUsableReset(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db.select().from(passwordResets).where(usable(tokenHash, now));
  return row;
}

/** Marks the token used if it still was usable; returns its user. One statement, so two uses cannot both win. */
export async function consumeReset(db: DbOrTx, tokenHash: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(usable(tokenHash, now))
    .returning({ userId: passwordResets.userId });
  return row?.userId;
}

/** Voids every outstanding link of a user (after a reset or a password change). */
export async function voidResets(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

export async function deleteStaleResets(db: DbOrTx, before: Date): Promise<void> {
  await db
    .delete(passwordResets)
    .where(or(lt(passwordResets.expiresAt, before), lt(passwordResets.usedAt, before)));
}

// ---- sign-in attempts

export async function recordAttempt(db: DbOrTx, values: typeof signInAttempts.$inferInsert): Promise<void> {
  await db.insert(signInAttempts).values(values);
}

/** Failures for an email since `since`, counting only those after its latest success. */
export async function emailFailuresSince(db: DbOrTx, email: string, since: Date): Promise<number> {
  const [last] = await db
    .select({ at: max(signInAttempts.at) })
    .from(signInAttempts)
    .where(
      and(eq(signInAttempts.email, email), eq(signInAttempts.success, true), gt(signInAttempts.at, since)),
    );
  const from = last?.at && last.at > since ? last.at : since;
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(
      and(eq(signInAttempts.email, email), eq(signInAttempts.success, false), gt(signInAttempts.at, from)),
    );
  return row?.n ?? 0;
}

/** Failures from an address since `since`, whatever the emails; successes never clear them. */
export async function ipFailuresSince(db: DbOrTx, ip: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.success, false), gt(signInAttempts.at, since)));
  return row?.n ?? 0;
}

export async function deleteAttemptsBefore(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(signInAttempts).where(lt(signInAttempts.at, before));
}

export { isUniqueViolation } from '../../db/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs: anything that is not a UUID cannot name a row (and would make PostgreSQL throw). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
