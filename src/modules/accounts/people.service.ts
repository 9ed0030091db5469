import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from './schema.ts';

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
