/** Who may do what with listings. Pure. */
import type { Viewer } from '../accounts/policy.ts';

interface ListingRef {
  orgId: string;
  regionCode: string;
  status: 'pending' | 'published' | 'rejected' | 'closed';
}

/** Coordinators review their own region's listings; admins every region's. */
export function canReviewListing(viewer: Viewer, l: Pick<ListingRef, 'regionCode'>): boolean {
  if (!viewer) return false;
  return viewer.role === 'admin' || (viewer.role === 'coordinator' && viewer.regionCode === l.regionCode);
}

/** Whether the viewer has a review queue at all (which listings it holds is scoped by region). */
export function canReviewListings(viewer: Viewer): boolean {
  return viewer?.role === 'coordinator' || viewer?.role === 'admin';
}

/** Members of the listing's (approved) organisation manage it, as do its region's coordinators and admins. */
export function canManageListing(viewer: Viewer, l: Pick<ListingRef, 'orgId' | 'regionCode'>): boolean {
  if (!viewer) return false;
  if (viewer.role === 'member') return viewer.orgId === l.orgId && viewer.orgStatus === 'approved';
  return canReviewListing(viewer, l);
}

/** Published and closed listings are public; pending and rejected ones only to those who manage them. */
export function canViewListing(viewer: Viewer, l: ListingRef): boolean {
  return l.status === 'published' || l.status === 'closed' || canManageListing(viewer, l);
}

/** Members of approved organisations post listings; coordinators and admins post for an organisation. */
export function canCreateListings(viewer: Viewer): boolean {
  if (!viewer) return false;
  return viewer.role !== 'member' || viewer.orgStatus === 'approved';
}

/** Whether a listing written by this viewer is published at once (no review needed). */
export function publishesDirectly(viewer: Viewer): boolean {
  return viewer?.role === 'coordinator' || viewer?.role === 'admin';
}
