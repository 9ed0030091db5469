import type { DbOrTx } from '../../db/client.ts';
import { AppError, type FieldIssue } from '../../lib/errors.ts';
import type { Deps } from '../../web/env.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueMail } from '../mail/mail.service.ts';
import { findRegion } from '../regions/regions.service.ts';
import * as repo from './accounts.repo.ts';
import type { OrganisationRow, OrgStatus, UserRow } from './accounts.repo.ts';
import { actorOf, type UseCaseContext } from './context.ts';
import { accountsErr } from './errors.ts';
import { approvedMail, pendingMail } from './mails.ts';
import { hashPassword } from './passwords.ts';
import {
  authorize,
  canApproveOrganisation,
  canReviewOrganisations,
  canViewOrganisation,
  requireViewer,
} from './policy.ts';
import { auditUser, orgName } from './presenters.ts';
import type { RegistrationInput } from './schemas.ts';
import { createSession } from './sessions.ts';

export interface Registered {
  organisation: OrganisationRow;
  user: UserRow;
  /** A session for the new member when asked for (the web form signs them in), else null. */
  sessionToken: string | null;
}

/**
 * Registers an organisation (pending) with its first member, tells the region's coordinators, and
 * optionally signs the member in. Open to everyone: this is how organisations join.
 */
export async function registerOrganisation(
  deps: Deps,
  ctx: UseCaseContext,
  input: RegistrationInput,
  opts: { signIn?: boolean } = {},
): Promise<Registered> {
  const t = accountsErr(ctx.lang);
  const issues = await placeIssues(deps, ctx, input.regionCode, input.areaCode);
  if (issues.length > 0) throw new AppError('validation', undefined, issues);
  if (await repo.findUserByEmail(deps.db, input.email)) throw emailTaken(t('emailTaken'));
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  try {
    return await deps.db.transaction(async (tx) => {
      const organisation = await repo.insertOrganisation(tx, {
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        type: input.type,
        regionCode: input.regionCode,
        areaCode: input.areaCode || null,
        website: input.website || null,
        description: input.description ?? '',
        status: 'pending',
        createdAt: now,
        updatedAt: now,
      });
      const user = await repo.insertUser(tx, {
        email: input.email,
        name: input.memberName,
        preferredLang: input.preferredLang,
        role: 'member',
        orgId: organisation.id,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      // An anonymous registrant becomes the actor of their own registration.
      const actor = ctx.viewer ? actorOf(ctx) : { id: user.id, label: user.email };
      const base = { actor, requestId: ctx.requestId };
      await recordAudit(tx, {
        ...base,
        action: 'organisation.registered',
        entity: 'organisation',
        entityId: organisation.id,
        after: organisation,
      });
      await recordAudit(tx, {
        ...base,
        action: 'user.created',
        entity: 'user',
        entityId: user.id,
        after: auditUser(user),
      });
      for (const c of await repo.coordinatorsOf(tx, organisation.regionCode)) {
        const link = `${deps.config.publicUrl}/${c.preferredLang}/organisations/${organisation.id}`;
        await queueMail(
          tx,
          pendingMail(c.preferredLang, c.email, orgName(organisation, c.preferredLang), link),
        );
      }
      const sessionToken = opts.signIn
        ? await createSession(tx, user.id, now, { ip: ctx.ip ?? null, userAgent: ctx.userAgent ?? null })
        : null;
      return { organisation, user, sessionToken };
    });
  } catch (err) {
    // Two registrations with one email at once: the unique index decides, the loser gets the same 409.
    if (repo.isUniqueViolation(err)) throw emailTaken(t('emailTaken'));
    throw err;
  }
}

function emailTaken(message: string): AppError {
  return new AppError('conflict', message, [{ field: 'email', message }]);
}

/** Problems with a province code and an optional prefecture inside it, named by their form fields. */
async function placeIssues(
  deps: Deps,
  ctx: UseCaseContext,
  regionCode: string,
  areaCode: string | undefined,
): Promise<FieldIssue[]> {
  const t = accountsErr(ctx.lang);
  const region = await findRegion(deps.db, regionCode);
  if (!region) return [{ field: 'regionCode', message: t('unknownRegion', { code: regionCode }) }];
  if (region.level !== 'province')
    return [{ field: 'regionCode', message: t('notProvince', { code: regionCode }) }];
  if (!areaCode) return [];
  const area = await findRegion(deps.db, areaCode);
  if (!area) return [{ field: 'areaCode', message: t('unknownRegion', { code: areaCode }) }];
  if (area.parentCode !== regionCode) {
    return [{ field: 'areaCode', message: t('areaOutside', { code: areaCode, region: regionCode }) }];
  }
  return [];
}

/** Approves an organisation (pending or suspended); a no-op when it already is approved. */
export function approveOrganisation(deps: Deps, ctx: UseCaseContext, id: string): Promise<OrganisationRow> {
  return changeStatus(deps, ctx, id, 'approved');
}

/** Suspends an organisation; for a pending one this is how a registration is turned down. */
export function suspendOrganisation(deps: Deps, ctx: UseCaseContext, id: string): Promise<OrganisationRow> {
  return changeStatus(deps, ctx, id, 'suspended');
}

async function changeStatus(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  to: OrgStatus,
): Promise<OrganisationRow> {
  const viewer = requireViewer(ctx.viewer);
  authorize(viewer, canReviewOrganisations(viewer));
  if (!repo.isUuid(id)) throw new AppError('not_found');
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockOrganisation(tx, id);
    if (!before) throw new AppError('not_found');
    authorize(viewer, canApproveOrganisation(viewer, before));
    if (before.status === to) return before;
    const after = await repo.setOrganisationStatus(tx, id, to, now);
    if (!after) throw new AppError('not_found');
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: `organisation.${to}`,
      entity: 'organisation',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status },
      requestId: ctx.requestId,
    });
    if (to === 'approved') {
      for (const m of await repo.membersOf(tx, id)) {
        const link = `${deps.config.publicUrl}/${m.preferredLang}/organisations/${id}`;
        await queueMail(tx, approvedMail(m.preferredLang, m.email, orgName(after, m.preferredLang), link));
      }
    }
    return after;
  });
}

export interface OrganisationView {
  organisation: OrganisationRow;
  /** Whether the viewer may approve or suspend it. */
  canReview: boolean;
  /** Its members, shown only to those who may review it. */
  members: { id: string; name: string; email: string }[];
}

/** One organisation as the viewer may see it; 404 when it does not exist or is not theirs to see. */
export async function getOrganisation(
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
): Promise<OrganisationView> {
  const organisation = repo.isUuid(id) ? await repo.findOrganisation(deps.db, id) : undefined;
  // Hidden organisations answer 404, not 403: their existence is not public either.
  if (!organisation || !canViewOrganisation(ctx.viewer, organisation)) throw new AppError('not_found');
  const canReview = canApproveOrganisation(ctx.viewer, organisation);
  const members = canReview ? await repo.membersOf(deps.db, id) : [];
  return { organisation, canReview, members };
}

export interface OrganisationQuery {
  /** Defaults to approved only; anything else is for coordinators (own region) and admins. */
  statuses?: OrgStatus[] | undefined;
  regionCode?: string | undefined;
  page: number;
  pageSize: number;
}

export interface OrganisationPage {
  rows: OrganisationRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** A page of organisations: approved ones for everyone; other statuses scoped to the reviewer's reach. */
export async function listOrganisations(
  deps: Deps,
  ctx: UseCaseContext,
  q: OrganisationQuery,
): Promise<OrganisationPage> {
  const statuses = q.statuses ?? ['approved'];
  let regionCode = q.regionCode;
  if (statuses.some((s) => s !== 'approved')) {
    const viewer = requireViewer(ctx.viewer);
    authorize(viewer, canReviewOrganisations(viewer));
    if (viewer.role === 'coordinator') {
      if (regionCode && regionCode !== viewer.regionCode) {
        throw new AppError(
          'forbidden',
          accountsErr(ctx.lang)('regionNotYours', { code: viewer.regionCode ?? '' }),
        );
      }
      // A coordinator without a region (not creatable, but possible in old data) reviews nothing.
      if (!viewer.regionCode) return { rows: [], total: 0, page: q.page, pageSize: q.pageSize };
      regionCode = viewer.regionCode;
    }
  }
  const { rows, total } = await repo.listOrganisations(deps.db, {
    statuses,
    regionCode,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { rows, total, page: q.page, pageSize: q.pageSize };
}

/** An organisation named in imported data, found by name and region. */
export interface NamedOrganisation {
  name: string;
  type: OrganisationRow['type'];
  regionCode: string;
  areaCode: string | null;
}

/** The key `ensureOrganisations` answers by: region and name. */
export function namedOrgKey(o: { regionCode: string; name: string }): string {
  return `${o.regionCode}\u0000${o.name}`;
}

/**
 * Ids of the named organisations, reusing one of the same region whose Chinese or English name is the
 * name, and creating the others (approved: importers are trusted). Runs in the caller's transaction.
 */
export async function ensureOrganisations(
  tx: DbOrTx,
  named: readonly NamedOrganisation[],
): Promise<Map<string, string>> {
  const wanted = new Map(named.map((n) => [namedOrgKey(n), n]));
  const ids = new Map<string, string>();
  const names = [...new Set(named.map((n) => n.name))];
  for (let i = 0; i < names.length; i += 1000) {
    for (const row of await repo.organisationsNamed(tx, names.slice(i, i + 1000))) {
      for (const name of [row.nameZh, row.nameEn]) {
        const key = namedOrgKey({ regionCode: row.regionCode, name });
        if (wanted.has(key) && !ids.has(key)) ids.set(key, row.id);
      }
    }
  }
  const missing = [...wanted].filter(([key]) => !ids.has(key)).map(([, n]) => n);
  for (let i = 0; i < missing.length; i += 1000) {
    const created = await repo.insertOrganisations(
      tx,
      missing.slice(i, i + 1000).map((n) => ({
        nameZh: n.name,
        nameEn: n.name,
        type: n.type,
        regionCode: n.regionCode,
        areaCode: n.areaCode,
        status: 'approved' as const,
      })),
    );
    for (const row of created) ids.set(namedOrgKey({ regionCode: row.regionCode, name: row.nameEn }), row.id);
  }
  return ids;
}

/**
 * Every organisation's city or county code by id, in one query whatever the number of organisations (the
 * dashboards place each party of thousands of records in its city).
 */
export function organisationAreas(db: DbOrTx): Promise<Map<string, string | null>> {
  return repo.organisationAreas(db);
}

/** Organisations by id (for presenting listings); unknown ids are left out. */

export async function organisationsByIds(db: DbOrTx, ids: readonly string[]): Promise<OrganisationRow[]> {
  return ids.length === 0 ? [] : repo.organisationsByIds(db, [...new Set(ids)]);
}
