/** Queries of the interests module's own tables: interests, conversations, messages and attachments. */
import { and, asc, count, desc, eq, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { conversations, interests, messageAttachments, messages } from './schema.ts';

export type InterestRow = typeof interests.$inferSelect;
export type NewInterest = typeof interests.$inferInsert;
export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type InterestStatus = InterestRow['status'];

export async function insertInterest(db: DbOrTx, values: NewInterest): Promise<InterestRow> {
  const [row] = await db.insert(interests).values(values).returning();
  return row!;
}

export async function findInterest(
  db: DbOrTx,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<InterestRow | undefined> {
  const q = db.select().from(interests).where(eq(interests.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

/** The open interest between two organisations (either way round), locked, if there is one. */
export async function openInterestBetween(
  db: DbOrTx,
  a: string,
  b: string,
): Promise<InterestRow | undefined> {
  const [row] = await db
    .select()
    .from(interests)
    .where(
      and(
        eq(interests.status, 'open'),
        or(
          and(eq(interests.fromOrgId, a), eq(interests.toOrgId, b)),
          and(eq(interests.fromOrgId, b), eq(interests.toOrgId, a)),
        ),
      ),
    )
    .for('update');
  return row;
}

export async function updateInterest(
  db: DbOrTx,
  id: string,
  set: Partial<NewInterest>,
): Promise<InterestRow> {
  const [row] = await db.update(interests).set(set).where(eq(interests.id, id)).returning();
  return row!;
}

/** Whose interests a list holds: an organisation's or a region's, sent or received (or both). */
export interface InterestFilter {
  orgId?: string | undefined;
  regionCode?: string | undefined;
  box?: 'sent' | 'received' | undefined;
  /** `expired` also finds open interests past their expiry that the sweep has not marked yet. */
  status?: InterestStatus | undefined;
  now: Date;
}

function whereOf(f: InterestFilter): SQL | undefined {
  const clauses: (SQL | undefined)[] = [];
  const side = (from: SQL | undefined, to: SQL | undefined) =>
    f.box === 'sent' ? from : f.box === 'received' ? to : or(from, to);
  if (f.orgId !== undefined) {
    clauses.push(side(eq(interests.fromOrgId, f.orgId), eq(interests.toOrgId, f.orgId)));
  }
  if (f.regionCode !== undefined) {
    clauses.push(side(eq(interests.fromRegionCode, f.regionCode), eq(interests.toRegionCode, f.regionCode)));
  }
  if (f.status === 'open') {
    clauses.push(and(eq(interests.status, 'open'), sql`${interests.expiresAt} > ${f.now}`));
  } else if (f.status === 'expired') {
    clauses.push(
      or(eq(interests.status, 'expired'), and(eq(interests.status, 'open'), lte(interests.expiresAt, f.now))),
    );
  } else if (f.status !== undefined) {
    clauses.push(eq(interests.status, f.status));
  }
  return and(...clauses);
}

/** A page of interests, newest first, with the total. */
export async function listInterests(
  db: DbOrTx,
  f: InterestFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: InterestRow[]; total: number }> {
  const where = whereOf(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(interests)
      .where(where)
      .orderBy(desc(interests.sentAt), desc(interests.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(interests).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every interest of a filter (for the pipeline, which filters further by listing), newest first. */
export function allInterests(db: DbOrTx, f: InterestFilter, limit = 2000): Promise<InterestRow[]> {
  return db
    .select()
    .from(interests)
    .where(whereOf(f))
    .orderBy(desc(interests.sentAt), desc(interests.id))
    .limit(limit);
}

export async function insertConversation(
  db: DbOrTx,
  values: typeof conversations.$inferInsert,
): Promise<ConversationRow> {
  const [row] = await db.insert(conversations).values(values).returning();
  return row!;
}

export async function findConversation(db: DbOrTx, id: string): Promise<ConversationRow | undefined> {
  const [row] = await db.select().from(conversations).where(eq(conversations.id, id));
  return row;
}

export async function conversationsOfInterests(
  db: DbOrTx,
  interestIds: readonly string[],
): Promise<ConversationRow[]> {
  if (interestIds.length === 0) return [];
  return db
    .select()
    .from(conversations)
    .where(inArray(conversations.interestId, [...interestIds]));
}

/** An organisation's or a region's conversations, latest message first. */
export function listConversations(
  db: DbOrTx,
  f: { orgId?: string | undefined; regionCode?: string | undefined },
  limit = 200,
): Promise<ConversationRow[]> {
  const clauses: (SQL | undefined)[] = [];
  if (f.orgId !== undefined) {
    clauses.push(or(eq(conversations.fromOrgId, f.orgId), eq(conversations.toOrgId, f.orgId)));
  }
  if (f.regionCode !== undefined) {
    clauses.push(
      or(eq(conversations.fromRegionCode, f.regionCode), eq(conversations.toRegionCode, f.regionCode)),
    );
  }
  return db
    .select()
    .from(conversations)
    .where(and(...clauses))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(limit);
}

export async function touchConversation(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(conversations).set({ lastMessageAt: at }).where(eq(conversations.id, id));
}

export async function insertMessage(
  db: DbOrTx,
  values: typeof messages.$inferInsert,
  fileIds: readonly string[],
): Promise<MessageRow> {
  const [row] = await db.insert(messages).values(values).returning();
  if (fileIds.length > 0) {
    await db.insert(messageAttachments).values(fileIds.map((fileId) => ({ messageId: row!.id, fileId })));
  }
  return row!;
}

/** A conversation's messages, oldest first, each with the ids of its attachments. */
export async function messagesOf(
  db: DbOrTx,
  conversationId: string,
): Promise<(MessageRow & { fileIds: string[] })[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  if (rows.length === 0) return [];
  const links = await db
    .select()
    .from(messageAttachments)
    .where(
      inArray(
        messageAttachments.messageId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    ...r,
    fileIds: links.filter((l) => l.messageId === r.id).map((l) => l.fileId),
  }));
}

/** Whether a file is attached to a message of this conversation. */
export async function isConversationFile(
  db: DbOrTx,
  conversationId: string,
  fileId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: messageAttachments.fileId })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .where(and(eq(messages.conversationId, conversationId), eq(messageAttachments.fileId, fileId)))
    .limit(1);
  return row !== undefined;
}
