/** Queries over the agreements tables (this module's only). */
import { and, count, desc, eq, exists, inArray, notExists, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  agreementConfirmations,
  agreementDocuments,
  agreementParties,
  agreements,
  agreementSources,
} from './schema.ts';

export type AgreementRow = typeof agreements.$inferSelect;
export type PartyRow = typeof agreementParties.$inferSelect;
export type ConfirmationRow = typeof agreementConfirmations.$inferSelect;
export type DocumentRow = typeof agreementDocuments.$inferSelect;
export type SourceRow = typeof agreementSources.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string can be an id at all (others answer 404 without a query). */
export function isId(value: string): boolean {
  return UUID.test(value);
}

/** One agreement, locked for update when asked (confirmations are decided one at a time). */
export async function findAgreement(
  db: DbOrTx,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<AgreementRow | undefined> {
  if (!isId(id)) return undefined;
  const q = db.select().from(agreements).where(eq(agreements.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

export function partiesOf(db: DbOrTx, ids: readonly string[]): Promise<PartyRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(agreementParties)
    .where(inArray(agreementParties.agreementId, [...ids]));
}

export function confirmationsOf(db: DbOrTx, ids: readonly string[]): Promise<ConfirmationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(agreementConfirmations)
    .where(inArray(agreementConfirmations.agreementId, [...ids]))
    .orderBy(agreementConfirmations.confirmedAt);
}

export function documentsOf(db: DbOrTx, id: string): Promise<DocumentRow[]> {
  return db.select().from(agreementDocuments).where(eq(agreementDocuments.agreementId, id));
}

/** An agreement's non-confidential documents (only `fileId` when given). */
export function publicDocumentRows(db: DbOrTx, id: string, fileId?: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(agreementDocuments)
    .where(
      and(
        eq(agreementDocuments.agreementId, id),
        eq(agreementDocuments.confidential, false),
        fileId === undefined ? undefined : eq(agreementDocuments.fileId, fileId),
      ),
    );
}

export function sourcesOf(db: DbOrTx, ids: readonly string[]): Promise<SourceRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(agreementSources)
    .where(inArray(agreementSources.agreementId, [...ids]));
}

/** Whose agreements: an organisation's, a region's (any party of it), or all. */
export type AgreementScope = { orgId: string } | { regionCode: string } | 'all';

function scopeWhere(scope: AgreementScope): SQL | undefined {
  if (scope === 'all') return undefined;
  const party =
    'orgId' in scope
      ? eq(agreementParties.orgId, scope.orgId)
      : eq(agreementParties.regionCode, scope.regionCode);
  return sql`${agreements.id} in (select ${agreementParties.agreementId} from ${agreementParties} where ${party})`;
}

/** A page of agreements in a scope, latest signed first, with the total. */
export async function agreementsIn(
  db: DbOrTx,
  scope: AgreementScope,
  page: { limit: number; offset: number },
): Promise<{ rows: AgreementRow[]; total: number }> {
  const where = scopeWhere(scope);
  const rows = await db
    .select()
    .from(agreements)
    .where(where)
    .orderBy(desc(agreements.signedOn), desc(agreements.createdAt))
    .limit(page.limit)
    .offset(page.offset);
  const [n] = await db.select({ n: count() }).from(agreements).where(where);
  return { rows, total: n?.n ?? 0 };
}

/** Agreements with a party in some regions that one of those regions has not confirmed yet. */
export function awaitingIn(db: DbOrTx, regionCodes: readonly string[] | 'all'): Promise<AgreementRow[]> {
  const p = agreementParties;
  const c = agreementConfirmations;
  const party = db
    .select({ one: sql`1` })
    .from(p)
    .where(
      and(
        eq(p.agreementId, agreements.id),
        regionCodes === 'all' ? undefined : inArray(p.regionCode, [...regionCodes]),
        notExists(
          db
            .select({ one: sql`1` })
            .from(c)
            .where(and(eq(c.agreementId, agreements.id), eq(c.regionCode, p.regionCode))),
        ),
      ),
    );
  return db.select().from(agreements).where(exists(party)).orderBy(agreements.createdAt).limit(500);
}
