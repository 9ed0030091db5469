import { and, count, desc, eq, ilike, like, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from './schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditQuery {
  entity?: string | undefined;
  entityId?: string | undefined;
  /** An exact action, or a prefix such as `organisation.` */
  action?: string | undefined;
  /** Part of the actor's label (email), or the actor's id. */
  actor?: string | undefined;
  limit: number;
  offset: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** A page of entries, newest first, with the total that match. */
export async function listAuditEntries(
  db: DbOrTx,
  q: AuditQuery,
): Promise<{ rows: AuditRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (q.entity) conditions.push(eq(auditLog.entity, q.entity));
  if (q.entityId) conditions.push(eq(auditLog.entityId, q.entityId));
  if (q.action) conditions.push(like(auditLog.action, `${escapeLike(q.action)}%`));
  if (q.actor) {
    const byLabel = ilike(auditLog.actorLabel, `%${escapeLike(q.actor)}%`);
    conditions.push(UUID.test(q.actor) ? (or(byLabel, eq(auditLog.actorId, q.actor)) as SQL) : byLabel);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The kinds of record the log mentions, for the filter's choices. */
export async function auditEntities(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ entity: auditLog.entity }).from(auditLog).orderBy(auditLog.entity);
  return rows.map((r) => r.entity);
}
