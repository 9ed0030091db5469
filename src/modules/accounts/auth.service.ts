import { AppError } from '../../lib/errors.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import type { Deps } from '../../web/env.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueMail } from '../mail/mail.service.ts';
import * as repo from './accounts.repo.ts';
import type { OrgStatus, UserRow } from './accounts.repo.ts';
import { actorOf, type UseCaseContext } from './context.ts';
import { resetMail } from './mails.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSession, revokeSession, revokeUserSessions } from './sessions.ts';

/** Sign-in throttling: failures counted in a sliding window, per account and per client address. */
export const THROTTLE = { windowMs: 15 * 60_000, maxEmailFailures: 5, maxIpFailures: 20 } as const;
/** Reset links live this long and are sent at most this many times per account per hour. */
export const RESET_TTL_MS = 60 * 60_000;
const MAX_RESETS_PER_HOUR = 3;

/**
 * Refuses with `throttled` once an account had THROTTLE.maxEmailFailures failures since its last success,
 * or an address THROTTLE.maxIpFailures failures, within the window. The password is then not checked.
 */
export async function assertNotThrottled(deps: Deps, email: string, ip: string): Promise<void> {
  const since = new Date(deps.now().getTime() - THROTTLE.windowMs);
  const [byEmail, byIp] = await Promise.all([
    repo.emailFailuresSince(deps.db, email, since),
    repo.ipFailuresSince(deps.db, ip, since),
  ]);
  if (byEmail >= THROTTLE.maxEmailFailures || byIp >= THROTTLE.maxIpFailures) throw new AppError('throttled');
}

/** Records a failed password check for throttling (outside any transaction: it must survive the error). */
export async function recordFailure(deps: Deps, email: string, ip: string): Promise<void> {
  await repo.recordAttempt(deps.db, { email: email.slice(0, 254), ip, success: false, at: deps.now() });
}

/** Checks email and password (throttled first) and opens a session; returns its cookie token and the user. */
export async function signIn(
  deps: Deps,
  ctx: UseCaseContext,
  input: { email: string; password: string },
): Promise<{ token: string; user: UserRow; orgStatus: OrgStatus | null }> {
  // Open to everyone: signing in is how a visitor becomes someone.
  const email = input.email.trim().toLowerCase();
  const ip = ctx.ip ?? 'unknown';
  await assertNotThrottled(deps, email, ip);
  const user = await repo.findUserByEmail(deps.db, email);
  const usable = user && !user.disabled ? user : undefined;
  // Unknown and disabled accounts are checked against a dummy hash: same time, same answer.
  if (!(await verifyPassword(usable?.passwordHash ?? null, input.password)) || !usable) {
    await recordFailure(deps, email, ip);
    throw new AppError('invalid_credentials');
  }
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await repo.recordAttempt(tx, { email, ip, success: true, at: now });
    const token = await createSession(tx, usable.id, now, { ip, userAgent: ctx.userAgent ?? null });
    await recordAudit(tx, {
      actor: { id: usable.id, label: usable.email },
      action: 'user.signed_in',
      entity: 'user',
      entityId: usable.id,
      after: { ip },
      requestId: ctx.requestId,
    });
    const org = usable.orgId ? await repo.findOrganisation(tx, usable.orgId) : undefined;
    return { token, user: usable, orgStatus: org?.status ?? null };
  });
}

/** Ends the session of this cookie token, if any; signing out twice is harmless. */
export async function signOut(deps: Deps, ctx: UseCaseContext, token: string | undefined): Promise<void> {
  if (!token) return;
  await deps.db.transaction(async (tx) => {
    await revokeSession(tx, token);
    if (ctx.viewer) {
      await recordAudit(tx, {
        actor: actorOf(ctx),
        action: 'user.signed_out',
        entity: 'user',
        entityId: ctx.viewer.id,
        requestId: ctx.requestId,
      });
    }
  });
}

/**
 * Mails a one-time reset link when the address belongs to an active account; otherwise does nothing.
 * Callers answer the same either way, so the form does not reveal which addresses have accounts.
 */
export async function requestPasswordReset(deps: Deps, ctx: UseCaseContext, email: string): Promise<void> {
  // Open to everyone, by design (see above).
  const user = await repo.findUserByEmail(deps.db, email.trim().toLowerCase());
  if (!user || user.disabled) return;
  const now = deps.now();
  // A cap per account stops the form being used to flood someone's inbox.
  if (
    (await repo.countResetsSince(deps.db, user.id, new Date(now.getTime() - 3600_000))) >= MAX_RESETS_PER_HOUR
  ) {
    deps.log.warn({ userId: user.id }, 'password reset not sent: hourly limit reached');
    return;
  }
  const token = randomToken();
  const link = `${deps.config.publicUrl}/${user.preferredLang}/password/reset/${token}`;
  await deps.db.transaction(async (tx) => {
    await repo.insertPasswordReset(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    });
    await queueMail(tx, resetMail(user.preferredLang, user.email, link));
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'user.password_reset_requested',
      entity: 'user',
      entityId: user.id,
      requestId: ctx.requestId,
    });
  });
}

/** Whether a reset link can still be used (unused, unexpired), for showing the form or an error. */
export async function isResetTokenUsable(deps: Deps, token: string): Promise<boolean> {
  return (await repo.findUsableReset(deps.db, hashToken(token), deps.now())) !== undefined;
}

/**
 * Sets a new password through a reset link: the link is used up, every other link voided and every
 * session of the account ended. `invalid_token` when the link is unknown, used or expired.
 */
export async function resetPassword(
  deps: Deps,
  ctx: UseCaseContext,
  input: { token: string; password: string },
): Promise<void> {
  // The link itself is the authorisation.
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const userId = await repo.consumeReset(tx, hashToken(input.token), now);
    if (!userId) throw new AppError('invalid_token');
    const user = await repo.updateUser(tx, userId, { passwordHash, updatedAt: now });
    if (!user) throw new AppError('invalid_token');
    await repo.voidResets(tx, userId, now);
    await revokeUserSessions(tx, userId);
    await recordAudit(tx, {
      actor: ctx.viewer ? actorOf(ctx) : { id: user.id, label: user.email },
      action: 'user.password_reset',
      entity: 'user',
      entityId: user.id,
      requestId: ctx.requestId,
    });
  });
}
