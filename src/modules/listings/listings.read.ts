/** Reading listings: one as the viewer may see it, a page with facets, a keyset scan, an organisation's own. */
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { organisationsByIds } from '../accounts/organisations.service.ts';
import { requireViewer } from '../accounts/policy.ts';
import { chinaDate } from '../matching/core/score.ts';
import * as repo from './listings.repo.ts';
import type { BrowseRow, FacetName, ListingFilter, ListingRow } from './listings.repo.ts';
import { canManageListing, canReviewListing, canViewListing } from './policy.ts';

export type ListingDeps = Pick<Deps, 'db' | 'now'>;

/** Whether a listing is past its `valid_until` on the given day (China time). */
export function isExpired(l: Pick<ListingRow, 'validUntil'>, now: Date): boolean {
  return l.validUntil !== null && l.validUntil < chinaDate(now);
}

export interface ListingView {
  listing: ListingRow;
  org: { id: string; nameZh: string; nameEn: string; type: string; regionCode: string };
  expired: boolean;
  canManage: boolean;
  canReview: boolean;
}

/** One listing as the viewer may see it; 404 when it does not exist or is not theirs to see. */
export async function getListing(deps: ListingDeps, ctx: UseCaseContext, ref: string): Promise<ListingView> {
  const found = await repo.findByRef(deps.db, ref);
  if (!found || !canViewListing(ctx.viewer, found)) throw new AppError('not_found');
  const { features: _f, ...listing } = found;
  const [org] = await organisationsByIds(deps.db, [listing.orgId]);
  if (!org) throw new AppError('not_found');
  return {
    listing,
    org: { id: org.id, nameZh: org.nameZh, nameEn: org.nameEn, type: org.type, regionCode: org.regionCode },
    expired: isExpired(listing, deps.now()),
    canManage: canManageListing(ctx.viewer, listing),
    canReview: listing.status === 'pending' && canReviewListing(ctx.viewer, listing),
  };
}

export interface BrowseQuery extends Omit<ListingFilter, 'statuses' | 'activeOn' | 'expiredOn'> {
  /** `active` (default): published and not expired; `expired`; `all` published; the others are for managers. */
  state?: 'active' | 'expired' | 'all' | 'pending' | 'rejected' | 'closed' | undefined;
  page: number;
  pageSize: number;
}

export interface BrowsePage {
  rows: (BrowseRow & { expired: boolean })[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<FacetName, Map<string, number>>;
}

/** The filter for a browse query as the viewer may run it (other statuses only within their reach). */
function browseFilter(
  deps: ListingDeps,
  ctx: UseCaseContext,
  q: Omit<BrowseQuery, 'page' | 'pageSize'>,
): ListingFilter {
  const state = q.state ?? 'active';
  const today = chinaDate(deps.now());
  const f: ListingFilter = { ...q, statuses: ['published'] };
  if (state === 'active') f.activeOn = today;
  if (state === 'expired') f.expiredOn = today;
  if (state === 'pending' || state === 'rejected' || state === 'closed') {
    const viewer = requireViewer(ctx.viewer);
    f.statuses = [state];
    if (viewer.role === 'member') {
      f.orgId = viewer.orgId ?? '00000000-0000-0000-0000-000000000000';
    } else if (viewer.role === 'coordinator') {
      if (q.regions?.some((r) => r !== viewer.regionCode)) throw new AppError('forbidden');
      f.regions = [viewer.regionCode ?? ''];
    }
  }
  return f;
}

/**
 * A page of listings with facet counts. The public sees published listings; pending, rejected and closed
 * ones are listed only for a coordinator's region, an admin, or a member's own organisation.
 */
export async function browseListings(
  deps: ListingDeps,
  ctx: UseCaseContext,
  q: BrowseQuery,
): Promise<BrowsePage> {
  const f = browseFilter(deps, ctx, q);
  const [{ rows, total }, facets] = await Promise.all([
    repo.browse(deps.db, f, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    repo.facetCounts(deps.db, f),
  ]);
  const now = deps.now();
  return {
    rows: rows.map((r) => ({ ...r, expired: isExpired(r, now) })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    facets,
  };
}

/**
 * Every listing a browse query finds, newest first, `batch` at a time by keyset (no offsets, so the cost
 * stays flat however many there are). The filter is checked before the first row is read.
 */
export function scanListings(
  deps: ListingDeps,
  ctx: UseCaseContext,
  q: Omit<BrowseQuery, 'page' | 'pageSize'>,
  batch = 1000,
): AsyncIterable<BrowseRow & { expired: boolean }> {
  const f = browseFilter(deps, ctx, q);
  const now = deps.now();
  return (async function* () {
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const rows = await repo.scan(deps.db, f, after, batch);
      for (const r of rows) yield { ...r, expired: isExpired(r, now) };
      const last = rows.at(-1);
      if (!last || rows.length < batch) return;
      after = { createdAt: last.createdAt, id: last.id };
    }
  })();
}

/** Every listing of the viewer's organisation, whatever its status (a member's "my listings"). */
export async function myListings(deps: ListingDeps, ctx: UseCaseContext, page: number, pageSize: number) {
  const viewer = requireViewer(ctx.viewer);
  if (!viewer.orgId) return { rows: [], total: 0, page, pageSize };
  const { rows, total } = await repo.browse(
    deps.db,
    { statuses: ['pending', 'published', 'rejected', 'closed'], orgId: viewer.orgId },
    { limit: pageSize, offset: (page - 1) * pageSize },
  );
  const now = deps.now();
  return { rows: rows.map((r) => ({ ...r, expired: isExpired(r, now) })), total, page, pageSize };
}

/** What other modules need of a listing they refer to (an interest, an agreement's source). */
export type ListingSummary = Pick<
  ListingRow,
  | 'id'
  | 'ref'
  | 'title'
  | 'language'
  | 'orgId'
  | 'regionCode'
  | 'category'
  | 'direction'
  | 'sector'
  | 'status'
>;

function summaryOf(l: ListingRow): ListingSummary {
  const { id, ref, title, language, orgId, regionCode, category, direction, sector, status } = l;
  return { id, ref, title, language, orgId, regionCode, category, direction, sector, status };
}

/** Summaries of listings by id (no access check: callers show only what their own records refer to). */
export async function listingSummaries(db: DbOrTx, ids: readonly string[]): Promise<ListingSummary[]> {
  return (await repo.findByIds(db, [...new Set(ids)])).map(summaryOf);
}

/** The summary of the listing with this ref that the viewer may see, or undefined. */
export async function visibleListingByRef(
  deps: ListingDeps,
  ctx: UseCaseContext,
  ref: string,
): Promise<ListingSummary | undefined> {
  const found = await repo.findByRef(deps.db, ref);
  return found && canViewListing(ctx.viewer, found) ? summaryOf(found) : undefined;
}

/** The `limit` newest published listings that have not expired, as anyone sees them (the home page). */
export async function newestListings(
  deps: ListingDeps,
  limit: number,
): Promise<(BrowseRow & { expired: boolean })[]> {
  const filter: ListingFilter = { statuses: ['published'], activeOn: chinaDate(deps.now()) };
  const rows = await repo.scan(deps.db, filter, undefined, limit);
  return rows.map((r) => ({ ...r, expired: false }));
}
