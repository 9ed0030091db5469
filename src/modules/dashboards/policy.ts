/** Who sees what on the dashboards. Pure. */
import type { Viewer } from '../accounts/policy.ts';
import type { Scope } from './core/figures.ts';

/**
 * Whose records the viewer may see listed one by one beside the aggregates: an admin everyone's ('all'),
 * a coordinator their own region's when it is a side of the pairing (or on the overall dashboard), anyone
 * else nobody's (null). Everyone sees the aggregates.
 */
export function detailRegion(viewer: Viewer, scope: Scope): string | null {
  if (!viewer) return null;
  if (viewer.role === 'admin') return 'all';
  if (viewer.role !== 'coordinator' || !viewer.regionCode) return null;
  if (scope === null || scope.some((s) => s.region === viewer.regionCode)) return viewer.regionCode;
  return null;
}

/**
 * Whether the viewer sees the figures whole: unpublished projects counted and agreements' contracted values
 * (which the agreements module shows only to parties and their regions' coordinators). Admins do, and a
 * coordinator does on a pairing their region is a side of (every record there has a party of theirs).
 * Everyone else sees figures built from what they could open record by record, so no choice of period or
 * breakdown narrows a figure down to a hidden value.
 */
export function seesFullFigures(viewer: Viewer, scope: Scope): boolean {
  if (!viewer) return false;
  if (viewer.role === 'admin') return true;
  return viewer.role === 'coordinator' && scope !== null && scope.some((s) => s.region === viewer.regionCode);
}
