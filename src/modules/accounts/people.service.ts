import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { SessionUser } from './sessions.ts';
import { organisations, users } from './schema.ts';

export interface Person {
  id: string;
  email: string;
  name: string;
  preferredLang: 'en' | 'zh';
}

/**
 * The active users who act for some organisations (their members) and for some regions (their
 * coordinators), each once, without `except` (the person who caused the event is not told of it).
 */
export async function peopleOf(
  db: DbOrTx,
  who: { orgIds?: readonly string[]; coordinatorsOf?: readonly string[]; except?: string | null },
): Promise<Person[]> {
  const orgIds = [...new Set(who.orgIds ?? [])];
  const regions = [...new Set(who.coordinatorsOf ?? [])];
  const clauses = [];
  if (orgIds.length > 0) clauses.push(inArray(users.orgId, orgIds));
  if (regions.length > 0) {
    clauses.push(and(eq(users.role, 'coordinator'), inArray(users.regionCode, regions)));
  }
  if (clauses.length === 0) return [];
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, preferredLang: users.preferredLang })
    .from(users)
    .where(and(eq(users.disabled, false), or(...clauses)))
    .orderBy(users.email);
  return rows.filter((p) => p.id !== who.except);
}

/**
 * The session user for an account, as if they had signed in: for demo content and operator tools that
 * act through the use cases as a named person. Undefined for unknown or disabled accounts.
 */
export async function actingUser(db: DbOrTx, email: string): Promise<SessionUser | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      regionCode: users.regionCode,
      orgId: users.orgId,
      orgStatus: organisations.status,
      preferredLang: users.preferredLang,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.email, email.toLowerCase()), eq(users.disabled, false)));
  return row;
}

/** The id of the organisation with this English name, if any (names of seeded organisations are unique). */
export async function organisationIdNamed(db: DbOrTx, nameEn: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.nameEn, nameEn))
    .limit(1);
  return row?.id;
}
