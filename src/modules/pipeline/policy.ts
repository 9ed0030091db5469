/** Who may open which pipeline. Pure; the interests, agreements and projects parts all ask this. */
import { canActForOrganisation, type Viewer } from '../accounts/policy.ts';
import type { PipelineScope } from './scope.ts';

/** A member sees their own (approved) organisation's pipeline; a coordinator their region's; an admin any. */
export function canViewPipeline(viewer: Viewer, scope: PipelineScope): boolean {
  if (!viewer) return false;
  if (viewer.role === 'admin') return true;
  if (viewer.role === 'coordinator') return scope.kind === 'region' && scope.regionCode === viewer.regionCode;
  return scope.kind === 'org' && scope.orgId === viewer.orgId && canActForOrganisation(viewer);
}
