import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, type FieldIssue } from '../../lib/errors.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { recordAudit, SYSTEM } from '../audit/audit.service.ts';
import { findRegion } from '../regions/regions.service.ts';
import * as repo from './accounts.repo.ts';
import type { OrganisationRow, UserRow } from './accounts.repo.ts';
import { assertNotThrottled, recordFailure } from './auth.service.ts';
import { actorOf, type UseCaseContext } from './context.ts';
import { accountsErr } from './errors.ts';
import { generatePassword, hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './passwords.ts';
import { requireViewer } from './policy.ts';
import { auditUser } from './presenters.ts';
import type { ProfileInput } from './schemas.ts';
import { createSession, revokeUserSessions } from './sessions.ts';

export const FIRST_ADMIN_EMAIL = 'admin@counterpart.local';

/** Inserts a user that the system creates (first start, command line, seeding), audited with it as actor. */
export async function insertSystemUser(tx: DbOrTx, values: repo.NewUser): Promise<UserRow> {
  const user = await repo.insertUser(tx, values);
  await recordAudit(tx, {
    actor: SYSTEM,
    action: 'user.created',
    entity: 'user',
    entityId: user.id,
    after: auditUser(user),
  });
  return user;
}

/**
 * Creates `admin@counterpart.local` with a freshly generated password when there is no administrator;
 * returns the credentials to show once, or null when an administrator already exists.
 */
export async function ensureFirstAdmin(deps: Deps): Promise<{ email: string; password: string } | null> {
  if (await repo.hasUserWithRole(deps.db, 'admin')) return null;
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    await deps.db.transaction((tx) =>
      insertSystemUser(tx, { email: FIRST_ADMIN_EMAIL, name: 'Administrator', role: 'admin', passwordHash }),
    );
  } catch (err) {
    // Another instance starting at the same moment created it first.
    if (repo.isUniqueViolation(err)) return null;
    throw err;
  }
  return { email: FIRST_ADMIN_EMAIL, password };
}

export interface CliUserInput {
  email: string;
  role: UserRow['role'];
  regionCode?: string | undefined;
  orgId?: string | undefined;
  name?: string | undefined;
  preferredLang: Lang;
  password: string;
}

/** `counterpart user create`: validates every option (naming it, as the CLI spells it) and creates the user. */
export async function createUserFromCli(
  deps: Deps,
  input: CliUserInput,
): Promise<{ id: string; email: string; role: UserRow['role'] }> {
  const t = accountsErr('en');
  const email = input.email.trim().toLowerCase();
  const issues: FieldIssue[] = [];
  if (!z.email().safeParse(email).success || email.length > 254)
    issues.push({ field: 'email', message: t('emailInvalid') });
  else if (await repo.findUserByEmail(deps.db, email))
    issues.push({ field: 'email', message: t('emailTaken') });
  if (input.password.length < PASSWORD_MIN)
    issues.push({ field: 'password', message: t('passwordShort', { min: PASSWORD_MIN }) });
  if (input.password.length > PASSWORD_MAX)
    issues.push({ field: 'password', message: t('passwordLong', { max: PASSWORD_MAX }) });
  issues.push(...(await scopeIssues(deps, input)));
  if (issues.length > 0) throw new AppError('validation', undefined, issues);

  const passwordHash = await hashPassword(input.password);
  const user = await deps.db.transaction((tx) =>
    insertSystemUser(tx, {
      email,
      name: input.name?.trim() || email.split('@')[0] || email,
      role: input.role,
      regionCode: input.role === 'coordinator' ? (input.regionCode ?? null) : null,
      orgId: input.role === 'member' ? (input.orgId ?? null) : null,
      preferredLang: input.preferredLang,
      passwordHash,
    }),
  );
  return { id: user.id, email: user.email, role: user.role };
}

/** A coordinator needs a province, a member an existing organisation, an admin neither. */
async function scopeIssues(deps: Deps, input: CliUserInput): Promise<FieldIssue[]> {
  const t = accountsErr('en');
  const { role, regionCode, orgId } = input;
  if (role === 'admin')
    return regionCode || orgId ? [{ field: regionCode ? 'region' : 'org', message: t('adminNoScope') }] : [];
  if (role === 'coordinator') {
    if (orgId) return [{ field: 'org', message: t('regionRequired') }];
    if (!regionCode) return [{ field: 'region', message: t('regionRequired') }];
    const region = await findRegion(deps.db, regionCode);
    if (!region) return [{ field: 'region', message: t('unknownRegion', { code: regionCode }) }];
    if (region.level !== 'province')
      return [{ field: 'region', message: t('notProvince', { code: regionCode }) }];
    return [];
  }
  if (regionCode) return [{ field: 'region', message: t('orgRequired') }];
  if (!orgId) return [{ field: 'org', message: t('orgRequired') }];
  if (!repo.isUuid(orgId) || !(await repo.findOrganisation(deps.db, orgId))) {
    return [{ field: 'org', message: t('unknownOrg', { id: orgId }) }];
  }
  return [];
}

/** The signed-in user's own record and organisation, for the account page and `GET /me`. */
export async function getAccount(
  deps: Deps,
  ctx: UseCaseContext,
): Promise<{ user: UserRow; organisation: OrganisationRow | undefined }> {
  const viewer = requireViewer(ctx.viewer);
  const user = await repo.findUserById(deps.db, viewer.id);
  if (!user) throw new AppError('unauthenticated');
  const organisation = user.orgId ? await repo.findOrganisation(deps.db, user.orgId) : undefined;
  return { user, organisation };
}

/** Changes the signed-in user's own name and preferred language. */
export async function updateProfile(deps: Deps, ctx: UseCaseContext, input: ProfileInput): Promise<UserRow> {
  // Everyone signed in may edit their own profile, and only their own.
  const viewer = requireViewer(ctx.viewer);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, viewer.id);
    if (!before) throw new AppError('unauthenticated');
    const after = await repo.updateUser(tx, viewer.id, { ...input, updatedAt: now });
    if (!after) throw new AppError('unauthenticated');
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'user.profile_updated',
      entity: 'user',
      entityId: viewer.id,
      before: { name: before.name, preferredLang: before.preferredLang },
      after: { name: after.name, preferredLang: after.preferredLang },
      requestId: ctx.requestId,
    });
    return after;
  });
}

/**
 * Changes the signed-in user's password after checking the current one (a wrong one counts as a failed
 * sign-in, so a stolen session cannot guess it freely). Every session of the account ends, this one
 * included, and a fresh session is returned so that only this browser stays signed in.
 */
export async function changePassword(
  deps: Deps,
  ctx: UseCaseContext,
  input: { currentPassword: string; newPassword: string },
): Promise<{ token: string }> {
  const viewer = requireViewer(ctx.viewer);
  const ip = ctx.ip ?? 'unknown';
  await assertNotThrottled(deps, viewer.email, ip);
  const user = await repo.findUserById(deps.db, viewer.id);
  if (!user) throw new AppError('unauthenticated');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(deps, viewer.email, ip);
    const message = accountsErr(ctx.lang)('currentPasswordWrong');
    throw new AppError('validation', undefined, [{ field: 'currentPassword', message }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash, updatedAt: now });
    await repo.voidResets(tx, user.id, now);
    await revokeUserSessions(tx, user.id);
    const token = await createSession(tx, user.id, now, { ip, userAgent: ctx.userAgent ?? null });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'user.password_changed',
      entity: 'user',
      entityId: user.id,
      requestId: ctx.requestId,
    });
    return { token };
  });
}
