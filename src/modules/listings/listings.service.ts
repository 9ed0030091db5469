/**
 * Listing use cases: post, edit, renew, close and review listings; read one or a page of them; rank a
 * listing's matches. Each authorises on its first line and writes through `storeListings` in one
 * transaction, with an audit entry.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError, invalid } from '../../lib/errors.ts';
import { messageIn, type Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { actorOf, type UseCaseContext } from '../accounts/context.ts';
import { organisationsByIds } from '../accounts/organisations.service.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { chinaDate } from '../matching/core/score.ts';
import { currentGlossary } from '../taxonomy/glossary.service.ts';
import { areaProblem, type ListingInput } from './fields.ts';
import * as repo from './listings.repo.ts';
import type { BrowseRow, FacetName, ListingRow } from './listings.repo.ts';
import type { ListingDeps } from './listings.read.ts';
import { listingsErr } from './messages.ts';
import {
  canCreateListings,
  canManageListing,
  canReviewListing,
  canViewListing,
  publishesDirectly,
} from './policy.ts';
import { storeListings, writeOfRow, type ListingWrite } from './store.ts';

export type { BrowseRow, FacetName, ListingRow };

/** The public address of a listing. */
export function listingUrl(lang: 'en' | 'zh', ref: string): string {
  return `/${lang}/listings/${encodeURIComponent(ref)}`;
}

function newRef(now: Date): string {
  return `cp-${chinaDate(now).slice(0, 4)}-${randomBytes(5).toString('hex')}`;
}

async function save(
  deps: ListingDeps,
  tx: Parameters<Parameters<Deps['db']['transaction']>[0]>[0],
  w: ListingWrite,
) {
  const glossary = await currentGlossary(tx);
  await storeListings(tx, [w], glossary);
  const after = await repo.findByRef(tx, w.ref);
  if (!after) throw new Error(`listing ${w.ref} vanished after saving`);
  const { features: _features, ...row } = after;
  return row;
}

/** The organisation a listing is posted for: a member's own; for others the one named (in their region). */
async function postingOrg(deps: ListingDeps, ctx: UseCaseContext, input: ListingInput) {
  const viewer = requireViewer(ctx.viewer);
  const t = listingsErr(ctx.lang);
  const orgId = viewer.role === 'member' ? viewer.orgId : input.orgId;
  if (!orgId) throw invalid('orgId', t('orgRequired'));
  const [org] = await organisationsByIds(deps.db, [orgId]);
  if (!org || org.status !== 'approved') throw invalid('orgId', t('unknownOrg'));
  if (viewer.role === 'coordinator' && org.regionCode !== viewer.regionCode) {
    throw invalid('orgId', t('orgNotYours'));
  }
  return org;
}

/** A new or changed `valid_until` must not lie in the past (China date). */
function checkValidUntil(
  value: string | undefined,
  before: string | null,
  now: Date,
  lang: Lang,
): string | null {
  if (value === undefined) return null;
  if (value !== before && value < chinaDate(now))
    throw invalid('validUntil', listingsErr(lang)('validUntilPast'));
  return value;
}

function checkArea(region: string, area: string | undefined, lang: Lang): string | null {
  if (area === undefined || area === '') return null;
  const problem = areaProblem(region, area);
  if (problem) throw invalid('areaCode', messageIn(problem, lang));
  return area;
}

/** A member posts a listing for their organisation (pending review); coordinators and admins publish it. */
export async function createListing(
  deps: ListingDeps,
  ctx: UseCaseContext,
  input: ListingInput,
): Promise<ListingRow> {
  authorize(ctx.viewer, canCreateListings(ctx.viewer));
  const viewer = requireViewer(ctx.viewer);
  const org = await postingOrg(deps, ctx, input);
  const now = deps.now();
  const direct = publishesDirectly(viewer);
  const w: ListingWrite = {
    ref: newRef(now),
    orgId: org.id,
    regionCode: org.regionCode,
    areaCode: checkArea(org.regionCode, input.areaCode ?? org.areaCode ?? undefined, ctx.lang),
    direction: input.direction,
    category: input.category,
    sector: input.sector ?? null,
    title: input.title,
    description: input.description,
    language: input.language,
    tags: input.tags ?? [],
    amountCny: input.amountCny ?? null,
    validUntil: checkValidUntil(input.validUntil, null, now, ctx.lang),
    status: direct ? 'published' : 'pending',
    createdAt: now,
    updatedAt: now,
    createdBy: viewer.id,
    reviewedBy: direct ? viewer.id : null,
    reviewedAt: direct ? now : null,
  };
  return deps.db.transaction(async (tx) => {
    const row = await save(deps, tx, w);
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'listing.created',
      entity: 'listing',
      entityId: row.ref,
      after: row,
      requestId: ctx.requestId,
    });
    return row;
  });
}

/** The listing locked for a change, after checking the viewer may manage it (hidden ones answer 404). */
async function lockManaged(
  tx: Parameters<typeof repo.findByRef>[0],
  ctx: UseCaseContext,
  ref: string,
): Promise<ListingRow> {
  const found = await repo.findByRef(tx, ref, { lock: true });
  if (!found || !canViewListing(ctx.viewer, found)) throw new AppError('not_found');
  authorize(ctx.viewer, canManageListing(ctx.viewer, found));
  const { features: _features, ...row } = found;
  return row;
}

/**
 * Edits a listing's content. A member's edit of a published or rejected listing sends it back to review;
 * coordinators' and admins' edits keep its status.
 */
export async function updateListing(
  deps: ListingDeps,
  ctx: UseCaseContext,
  ref: string,
  input: ListingInput,
): Promise<ListingRow> {
  requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const before = await lockManaged(tx, ctx, ref);
    const now = deps.now();
    const back =
      !publishesDirectly(ctx.viewer) && (before.status === 'published' || before.status === 'rejected');
    const row = await save(deps, tx, {
      ...writeOfRow(before),
      areaCode: checkArea(before.regionCode, input.areaCode, ctx.lang),
      direction: input.direction,
      category: input.category,
      sector: input.sector ?? null,
      title: input.title,
      description: input.description,
      language: input.language,
      tags: input.tags ?? [],
      amountCny: input.amountCny ?? null,
      validUntil: checkValidUntil(input.validUntil, before.validUntil, now, ctx.lang),
      status: back ? 'pending' : before.status,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'listing.updated',
      entity: 'listing',
      entityId: ref,
      before,
      after: row,
      requestId: ctx.requestId,
    });
    return row;
  });
}

/** Extends a listing's validity to a later date (a closed listing stays closed). */
export async function renewListing(
  deps: ListingDeps,
  ctx: UseCaseContext,
  ref: string,
  validUntil: string,
): Promise<ListingRow> {
  requireViewer(ctx.viewer);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    // Who may renew is checked before what they asked for; impossible dates (2099-02-30) are refused too.
    const before = await lockManaged(tx, ctx, ref);
    if (!z.iso.date().safeParse(validUntil).success || validUntil <= chinaDate(now)) {
      throw invalid('validUntil', listingsErr(ctx.lang)('renewDate'));
    }
    const row = await save(deps, tx, { ...writeOfRow(before), validUntil, updatedAt: now });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'listing.renewed',
      entity: 'listing',
      entityId: ref,
      before: { validUntil: before.validUntil },
      after: { validUntil },
      requestId: ctx.requestId,
    });
    return row;
  });
}

/** Closes a listing: it stays readable but is no longer matched. */
export async function closeListing(deps: ListingDeps, ctx: UseCaseContext, ref: string): Promise<ListingRow> {
  requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const before = await lockManaged(tx, ctx, ref);
    if (before.status === 'closed') throw new AppError('conflict', listingsErr(ctx.lang)('alreadyClosed'));
    const row = await save(deps, tx, { ...writeOfRow(before), status: 'closed', updatedAt: deps.now() });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'listing.closed',
      entity: 'listing',
      entityId: ref,
      before: { status: before.status },
      after: { status: 'closed' },
      requestId: ctx.requestId,
    });
    return row;
  });
}

/** A coordinator of the listing's region (or an admin) approves (publishes) or rejects a pending listing. */
export async function reviewListing(
  deps: ListingDeps,
  ctx: UseCaseContext,
  ref: string,
  decision: 'approve' | 'reject',
  note: string | null,
): Promise<ListingRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const found = await repo.findByRef(tx, ref, { lock: true });
    if (!found || !canViewListing(viewer, found)) throw new AppError('not_found');
    authorize(viewer, canReviewListing(viewer, found));
    const { features: _f, ...before } = found;
    if (before.status !== 'pending') throw new AppError('conflict', listingsErr(ctx.lang)('notPending'));
    const now = deps.now();
    const row = await save(deps, tx, {
      ...writeOfRow(before),
      status: decision === 'approve' ? 'published' : 'rejected',
      reviewedBy: viewer.id,
      reviewedAt: now,
      reviewNote: note,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: decision === 'approve' ? 'listing.approved' : 'listing.rejected',
      entity: 'listing',
      entityId: ref,
      before: { status: before.status },
      after: { status: row.status, note },
      requestId: ctx.requestId,
    });
    return row;
  });
}

export {
  browseListings,
  getListing,
  isExpired,
  listingSummaries,
  myListings,
  scanListings,
  visibleListingByRef,
  type BrowsePage,
  type ListingSummary,
  type BrowseQuery,
  type ListingDeps,
  type ListingView,
} from './listings.read.ts';
export { listingMatches, type MatchItem, type MatchOptions } from './match.service.ts';
