/** Who may do what with cooperation projects. Pure: the parties are the agreement's, copied to the project. */
import type { Viewer } from '../accounts/policy.ts';

export interface Party {
  orgId: string;
  regionCode: string;
}

export interface ProjectRef {
  parties: readonly Party[];
  published: boolean;
}

/** A member of an approved organisation that is one of the parties. */
export function isPartyMember(viewer: Viewer, parties: readonly Party[]): boolean {
  return (
    viewer?.role === 'member' &&
    viewer.orgStatus === 'approved' &&
    parties.some((p) => p.orgId === viewer.orgId)
  );
}

/** A coordinator of one of the parties' regions, or an admin. */
export function coordinatesParty(viewer: Viewer, parties: readonly Party[]): boolean {
  if (viewer?.role === 'admin') return true;
  return viewer?.role === 'coordinator' && parties.some((p) => p.regionCode === viewer.regionCode);
}

/** Parties' members, coordinators of a party's region and admins turn an agreement into a project. */
export function canCreateProject(viewer: Viewer, agreement: { parties: readonly Party[] }): boolean {
  return isPartyMember(viewer, agreement.parties) || coordinatesParty(viewer, agreement.parties);
}

/** Changing the stage and the milestones: the same people as creating. */
export function canManageProject(viewer: Viewer, p: Pick<ProjectRef, 'parties'>): boolean {
  return canCreateProject(viewer, p);
}

/** Progress updates are a party's own report: its members submit them, for their own organisation. */
export function canSubmitUpdate(viewer: Viewer, p: Pick<ProjectRef, 'parties'>): boolean {
  return isPartyMember(viewer, p.parties);
}

/**
 * An update is approved by a coordinator of the region of the organisation it was submitted for (a Jilin
 * coordinator cannot approve for a Zhejiang organisation), or an admin.
 */
export function canReviewUpdate(viewer: Viewer, update: { regionCode: string }): boolean {
  if (viewer?.role === 'admin') return true;
  return viewer?.role === 'coordinator' && viewer.regionCode === update.regionCode;
}

/** Those who follow the project from the inside: parties' members, their regions' coordinators, admins. */
export function isInsider(viewer: Viewer, p: Pick<ProjectRef, 'parties'>): boolean {
  return isPartyMember(viewer, p.parties) || coordinatesParty(viewer, p.parties);
}

/** Published projects are public; unpublished ones only for insiders. */
export function canViewProject(viewer: Viewer, p: ProjectRef): boolean {
  return p.published || isInsider(viewer, p);
}

/** Pending and rejected updates (and who submitted and reviewed them) are shown to insiders only. */
export function canSeeUnapprovedUpdates(viewer: Viewer, p: Pick<ProjectRef, 'parties'>): boolean {
  return isInsider(viewer, p);
}

/** Whose pipeline a viewer may open: a member their own organisation's, a coordinator their region's, admins any. */
export function canViewPipeline(
  viewer: Viewer,
  scope: { kind: 'org'; orgId: string } | { kind: 'region'; regionCode: string },
): boolean {
  if (!viewer) return false;
  if (viewer.role === 'admin') return true;
  if (scope.kind === 'org') {
    return viewer.role === 'member' && viewer.orgStatus === 'approved' && viewer.orgId === scope.orgId;
  }
  return viewer.role === 'coordinator' && viewer.regionCode === scope.regionCode;
}

/** Whether the viewer has a queue of updates to approve at all (which ones it holds is scoped by region). */
export function reviewsUpdates(viewer: Viewer): boolean {
  return viewer?.role === 'coordinator' || viewer?.role === 'admin';
}
