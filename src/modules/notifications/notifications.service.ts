/**
 * Notifications: written in the caller's transaction with the event that causes them, shown in the app
 * and mailed through the outbox in each person's language.
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { type Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import type { Person } from '../accounts/people.service.ts';
import { requireViewer } from '../accounts/policy.ts';
import { queueMail } from '../mail/mail.service.ts';
import { notificationText, notificationUi, type NotificationKind } from './messages.ts';
import { notifications } from './schema.ts';

/** A parameter is plain text (a name, a title) or worded per language (a reason, a stage). */
export type NotificationParam = string | { en: string; zh: string };

export interface NotificationEvent {
  kind: NotificationKind;
  params: Record<string, NotificationParam>;
  /** Where to act, under the language prefix: `/interests/…`. */
  path: string;
}

/** The notification's line in one language. */
export function notificationLine(
  kind: NotificationKind,
  params: Record<string, NotificationParam>,
  lang: Lang,
): string {
  const worded = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : v[lang]]),
  );
  return notificationText(lang)(kind, worded);
}

/**
 * Tells each person of an event: one in-app notification and one mail each, inside `db` (the caller's
 * transaction), so they exist only if the event itself is committed.
 */
export async function notify(
  db: DbOrTx,
  publicUrl: string,
  people: readonly Person[],
  event: NotificationEvent,
): Promise<void> {
  if (people.length === 0) return;
  await db.insert(notifications).values(
    people.map((p) => ({
      userId: p.id,
      kind: event.kind,
      params: event.params as Record<string, string>,
      path: event.path,
    })),
  );
  for (const p of people) {
    const line = notificationLine(event.kind, event.params, p.preferredLang);
    const link = `${publicUrl}/${p.preferredLang}${event.path}`;
    await queueMail(db, {
      to: p.email,
      subject: line,
      text: `${line}\n\n${notificationUi(p.preferredLang)('mailFooter', { link })}\n`,
    });
  }
}

export interface NotificationItem {
  id: number;
  kind: NotificationKind;
  text: string;
  path: string;
  createdAt: Date;
  read: boolean;
}

/** The signed-in user's notifications, newest first, worded in the context's language. */
export async function myNotifications(
  deps: Pick<Deps, 'db'>,
  ctx: UseCaseContext,
  opts: { limit: number; unreadOnly?: boolean },
): Promise<{ items: NotificationItem[]; unread: number }> {
  const viewer = requireViewer(ctx.viewer);
  const mine = eq(notifications.userId, viewer.id);
  const rows = await deps.db
    .select()
    .from(notifications)
    .where(opts.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit);
  const unread = await unreadCount(deps.db, viewer.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      text: notificationLine(r.kind as NotificationKind, r.params, ctx.lang),
      path: r.path,
      createdAt: r.createdAt,
      read: r.readAt !== null,
    })),
    unread,
  };
}

/** How many of a user's notifications are unread (for the navigation's count). */
export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read (or all, with `id` null); others' are untouched. */
export async function markNotificationsRead(
  deps: Pick<Deps, 'db' | 'now'>,
  ctx: UseCaseContext,
  id: number | null,
): Promise<number> {
  const viewer = requireViewer(ctx.viewer);
  const mine = and(eq(notifications.userId, viewer.id), isNull(notifications.readAt));
  const rows = await deps.db
    .update(notifications)
    .set({ readAt: deps.now() })
    .where(id === null ? mine : and(mine, eq(notifications.id, id)))
    .returning({ id: notifications.id });
  return rows.length;
}
