/**
 * A pipeline: the interests, agreements and projects of a member's organisation or of a coordinator's
 * region, with what waits for the viewer. Each part is answered by the module that owns it.
 */
import { AppError } from '../../lib/errors.ts';
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { agreementsAwaitingConfirmation, agreementsForPipeline } from '../agreements/agreements.service.ts';
import { interestsForPipeline } from '../interests/interests.service.ts';
import { projectsForPipeline, updatesAwaitingApproval } from '../projects/projects.service.ts';
import type { PipelineFilters, PipelineScope } from './scope.ts';

export type PipelineDeps = Pick<Deps, 'db' | 'now' | 'config'>;

export interface PipelineQuery extends PipelineFilters {
  /** Admins choose the region to look at; others always see their own. */
  region?: string | undefined;
}

/** Whether the viewer has a pipeline: members of approved organisations, coordinators, admins. */
export function hasPipeline(viewer: UseCaseContext['viewer']): boolean {
  if (!viewer) return false;
  if (viewer.role === 'member') return viewer.orgStatus === 'approved' && viewer.orgId !== null;
  return viewer.role === 'admin' || viewer.regionCode !== null;
}

/** The scope a viewer's pipeline shows: a member's organisation, a coordinator's region, an admin's choice. */
export function scopeFor(
  viewer: NonNullable<UseCaseContext['viewer']>,
  region?: string,
): PipelineScope | null {
  if (viewer.role === 'member') return viewer.orgId ? { kind: 'org', orgId: viewer.orgId } : null;
  if (viewer.role === 'coordinator') {
    return viewer.regionCode ? { kind: 'region', regionCode: viewer.regionCode } : null;
  }
  return region ? { kind: 'region', regionCode: region } : null;
}

export type Pipeline = Awaited<ReturnType<typeof pipelineOf>>;

/**
 * Everything in the viewer's pipeline, filtered; `scope` is null for an admin who has not chosen a region
 * (then only the waiting lists are filled).
 */
export async function pipelineOf(deps: PipelineDeps, ctx: UseCaseContext, q: PipelineQuery) {
  const viewer = requireViewer(ctx.viewer);
  authorize(viewer, hasPipeline(viewer));
  const scope = scopeFor(viewer, q.region);
  if (viewer.role !== 'admin' && !scope) throw new AppError('forbidden');
  const filters: PipelineFilters = {
    counterpartRegion: q.counterpartRegion,
    category: q.category,
    sector: q.sector,
    stage: q.stage,
    overdue: q.overdue,
  };
  const coordinates = viewer.role !== 'member';
  const [interests, agreements, projects, toConfirm, toApprove] = await Promise.all([
    scope ? interestsForPipeline(deps, ctx, scope, filters) : [],
    scope ? agreementsForPipeline(deps, ctx, scope, filters) : [],
    scope ? projectsForPipeline(deps, ctx, scope, filters) : [],
    coordinates ? agreementsAwaitingConfirmation(deps, ctx) : [],
    coordinates ? updatesAwaitingApproval(deps, ctx) : [],
  ]);
  // A member answers the open interests their organisation received.
  const toAnswer =
    scope?.kind === 'org' ? interests.filter((i) => i.status === 'open' && i.toOrg.id === scope.orgId) : [];
  return { scope, interests, agreements, projects, waiting: { toAnswer, toConfirm, toApprove } };
}
