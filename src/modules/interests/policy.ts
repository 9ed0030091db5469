/** Who may do what with expressions of interest and conversations. Pure. */
import { canActForOrganisation, type Viewer } from '../accounts/policy.ts';

/** The two organisations of an interest or a conversation and their regions. */
export interface Parties {
  fromOrgId: string;
  toOrgId: string;
  fromRegionCode: string;
  toRegionCode: string;
}

function isPartyMember(viewer: Viewer, p: Parties): boolean {
  return viewer?.role === 'member' && (viewer.orgId === p.fromOrgId || viewer.orgId === p.toOrgId);
}

/** Coordinators of either party's region; admins of any. */
function overseesParties(viewer: Viewer, p: Parties): boolean {
  if (viewer?.role === 'admin') return true;
  return (
    viewer?.role === 'coordinator' &&
    (viewer.regionCode === p.fromRegionCode || viewer.regionCode === p.toRegionCode)
  );
}

/** Whether the viewer may express interest at all: members of approved organisations only. */
export function canExpressInterest(viewer: Viewer): boolean {
  return canActForOrganisation(viewer);
}

/** A member of an approved organisation may send interest in another organisation's listing. */
export function canSendInterest(viewer: Viewer, listing: { orgId: string }): boolean {
  return canActForOrganisation(viewer) && viewer?.orgId !== listing.orgId;
}

/** Both organisations' members see an interest; so do (read-only) both regions' coordinators and admins. */
export function canViewInterest(viewer: Viewer, i: Parties): boolean {
  return isPartyMember(viewer, i) || overseesParties(viewer, i);
}

/** Only members of the receiving organisation answer: not the sender, not coordinators or admins. */
export function canAnswerInterest(viewer: Viewer, i: Pick<Parties, 'toOrgId'>): boolean {
  return canActForOrganisation(viewer) && viewer?.orgId === i.toOrgId;
}

/** The sender's members may withdraw their organisation's interest. */
export function canWithdrawInterest(viewer: Viewer, i: Pick<Parties, 'fromOrgId'>): boolean {
  return canActForOrganisation(viewer) && viewer?.orgId === i.fromOrgId;
}

/** The parties' members see a conversation; both regions' coordinators and admins read it; nobody else. */
export function canViewConversation(viewer: Viewer, c: Parties): boolean {
  return canViewInterest(viewer, c);
}

/** Only the parties' members (of approved organisations) write in a conversation. */
export function canPostMessage(viewer: Viewer, c: Parties): boolean {
  return canActForOrganisation(viewer) && isPartyMember(viewer, c);
}

export { canViewPipeline } from '../pipeline/policy.ts';
