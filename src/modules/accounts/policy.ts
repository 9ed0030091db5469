import { AppError } from '../../lib/errors.ts';
import type { SessionUser } from './sessions.ts';

/** Whoever is asking: a signed-in user, or null for an anonymous visitor. */
export type Viewer = SessionUser | null;

interface OrgRef {
  id: string;
  regionCode: string;
  status: 'pending' | 'approved' | 'suspended';
}

/** Throws unless allowed: `unauthenticated` for anonymous visitors (sign in may help), else `forbidden`. */
export function authorize(viewer: Viewer, allowed: boolean): void {
  if (!allowed) throw new AppError(viewer ? 'forbidden' : 'unauthenticated');
}

/** The signed-in user, or `unauthenticated`: the first line of use cases that need someone signed in. */
export function requireViewer(viewer: Viewer): SessionUser {
  if (!viewer) throw new AppError('unauthenticated');
  return viewer;
}

/** Admins anywhere; coordinators only for organisations of the region they coordinate. */
export function canApproveOrganisation(viewer: Viewer, org: Pick<OrgRef, 'regionCode'>): boolean {
  if (!viewer) return false;
  return viewer.role === 'admin' || (viewer.role === 'coordinator' && viewer.regionCode === org.regionCode);
}

/** Whether the user may open the review queue at all (which organisations it holds is scoped separately). */
export function canReviewOrganisations(viewer: Viewer): boolean {
  return viewer?.role === 'admin' || viewer?.role === 'coordinator';
}

/** Approved organisations are public; others only to their members, their region's coordinator and admins. */
export function canViewOrganisation(viewer: Viewer, org: OrgRef): boolean {
  if (org.status === 'approved') return true;
  if (!viewer) return false;
  return viewer.orgId === org.id || canApproveOrganisation(viewer, org);
}

/** Members may act for their organisation (publish, apply, …) only once it is approved. */
export function canActForOrganisation(viewer: Viewer): boolean {
  return viewer?.role === 'member' && viewer.orgStatus === 'approved';
}

/** The audit log is for administrators only. */
export function canBrowseAudit(viewer: Viewer): boolean {
  return viewer?.role === 'admin';
}
