/** Who may do what with visits and their agreed areas. Pure. */
import type { Viewer } from '../accounts/policy.ts';

export interface VisitRef {
  hostRegionCode: string;
  visitingRegionCode: string;
  published: boolean;
}

/** Coordinators (of a region) and admins record visits. */
export function canRecordVisits(viewer: Viewer): boolean {
  if (!viewer) return false;
  return viewer.role === 'admin' || (viewer.role === 'coordinator' && viewer.regionCode !== null);
}

/**
 * A coordinator of the host or the visiting region, or an admin, records and edits a visit, its
 * participants, agreed areas and links: a Guangdong coordinator does not write Jilin–Zhejiang records.
 */
export function canManageVisit(
  viewer: Viewer,
  v: Pick<VisitRef, 'hostRegionCode' | 'visitingRegionCode'>,
): boolean {
  if (!viewer) return false;
  if (viewer.role === 'admin') return true;
  return (
    viewer.role === 'coordinator' &&
    viewer.regionCode !== null &&
    (viewer.regionCode === v.hostRegionCode || viewer.regionCode === v.visitingRegionCode)
  );
}

/** Published visits are public; unpublished ones are seen by those who manage them. */
export function canViewVisit(viewer: Viewer, v: VisitRef): boolean {
  return v.published || canManageVisit(viewer, v);
}
