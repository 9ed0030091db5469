import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Lang } from '../../lib/i18n.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { organisations, sessions, users } from './schema.ts';

/** Sessions end after this long without a request. */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
/** lastSeen is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'coordinator' | 'member';
  regionCode: string | null;
  orgId: string | null;
  /** The member's organisation status; null for other roles. */
  orgStatus: 'pending' | 'approved' | 'suspended' | null;
  preferredLang: Lang;
}

/** Creates a session and returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: DbOrTx,
  userId: string,
  now: Date,
  meta: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomToken();
  await db.insert(sessions).values({
    idHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** The signed-in user for a cookie token, or null when unknown, expired or the user is disabled. */
export async function resolveSession(db: DbOrTx, token: string, now: Date): Promise<SessionUser | null> {
  const idHash = hashToken(token);
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
      disabled: users.disabled,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
  if (!row || row.disabled) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) })
      .where(eq(sessions.idHash, idHash));
  }
  const { disabled: _d, lastSeenAt: _l, ...user } = row;
  return user;
}

export async function revokeSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashToken(token)));
}

/** Ends every session of a user (password change, disabling), optionally keeping the current one. */
export async function revokeUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
