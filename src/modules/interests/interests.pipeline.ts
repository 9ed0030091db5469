/** The interests part of a pipeline view: an organisation's or a region's interests, filtered by listing. */
import type { UseCaseContext } from '../accounts/context.ts';
import { authorize } from '../accounts/policy.ts';
import type { PipelineFilters, PipelineScope } from '../pipeline/scope.ts';
import * as repo from './interests.repo.ts';
import type { InterestRow } from './interests.repo.ts';
import type { DeclineReason } from './fields.ts';
import { listingsById, orgBriefs, shownStatus, type InterestDeps, type OrgBrief } from './lifecycle.ts';
import { canViewPipeline } from './policy.ts';

export interface PipelineInterest {
  id: string;
  /** `expired` also for open interests past their expiry. */
  status: InterestRow['status'];
  listing: { ref: string; title: string; language: 'zh' | 'en' };
  fromOrg: OrgBrief;
  toOrg: OrgBrief;
  sentAt: Date;
  expiresAt: Date;
  declineReason: DeclineReason | null;
  conversationId: string | null;
}

/** The region of the party on the other side of the scope (for a region scope, the one not of it). */
function counterpartRegion(scope: PipelineScope, r: InterestRow): string {
  if (scope.kind === 'org') return r.fromOrgId === scope.orgId ? r.toRegionCode : r.fromRegionCode;
  return r.fromRegionCode === scope.regionCode ? r.toRegionCode : r.fromRegionCode;
}

function sectorMatches(filter: string, sector: string | null): boolean {
  if (!sector) return false;
  return filter.length === 1 ? sector.startsWith(filter) : sector === filter;
}

/**
 * The interests an organisation sent or received, or (region scope) that any organisation of the region
 * is party to, newest first; filtered by the counterpart's region and the listing's category and sector.
 * Members see their own organisation's, coordinators their region's, admins any.
 */
export async function interestsForPipeline(
  deps: InterestDeps,
  ctx: UseCaseContext,
  scope: PipelineScope,
  filters: PipelineFilters,
): Promise<PipelineInterest[]> {
  authorize(ctx.viewer, canViewPipeline(ctx.viewer, scope));
  const now = deps.now();
  const rows = await repo.allInterests(
    deps.db,
    scope.kind === 'org' ? { orgId: scope.orgId, now } : { regionCode: scope.regionCode, now },
  );
  const [listings, orgs, convs] = await Promise.all([
    listingsById(
      deps.db,
      rows.map((r) => r.listingId),
    ),
    orgBriefs(
      deps.db,
      rows.flatMap((r) => [r.fromOrgId, r.toOrgId]),
    ),
    repo.conversationsOfInterests(
      deps.db,
      rows.map((r) => r.id),
    ),
  ]);
  const missing = (id: string): OrgBrief => ({ id, nameZh: '', nameEn: '', regionCode: '' });
  return rows
    .filter((r) => {
      const l = listings.get(r.listingId);
      if (filters.counterpartRegion && counterpartRegion(scope, r) !== filters.counterpartRegion)
        return false;
      if (filters.category && l?.category !== filters.category) return false;
      if (filters.sector && !sectorMatches(filters.sector, l?.sector ?? null)) return false;
      return true;
    })
    .map((r) => {
      const l = listings.get(r.listingId);
      return {
        id: r.id,
        status: shownStatus(r, now),
        listing: { ref: l?.ref ?? '', title: l?.title ?? '', language: l?.language ?? 'en' },
        fromOrg: orgs.get(r.fromOrgId) ?? missing(r.fromOrgId),
        toOrg: orgs.get(r.toOrgId) ?? missing(r.toOrgId),
        sentAt: r.sentAt,
        expiresAt: r.expiresAt,
        declineReason: r.declineReason,
        conversationId: convs.find((c) => c.interestId === r.id)?.id ?? null,
      };
    });
}
