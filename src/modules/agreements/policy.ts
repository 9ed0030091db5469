/** Who may do what with signed agreements. Pure. */
import type { Viewer } from '../accounts/policy.ts';

/** What the rules need of an agreement: its parties (organisations and their regions). */
export interface AgreementParties {
  parties: readonly { orgId: string; regionCode: string }[];
}

function partyRegions(a: AgreementParties): Set<string> {
  return new Set(a.parties.map((p) => p.regionCode));
}

function isPartyMember(viewer: Viewer, a: AgreementParties): boolean {
  return viewer?.role === 'member' && a.parties.some((p) => p.orgId === viewer.orgId);
}

function coordinatesParty(viewer: Viewer, a: AgreementParties): boolean {
  return (
    viewer?.role === 'coordinator' && viewer.regionCode !== null && partyRegions(a).has(viewer.regionCode)
  );
}

/** Whether the viewer may record agreements at all: approved organisations' members, coordinators, admins. */
export function canRecordAgreements(viewer: Viewer): boolean {
  if (!viewer) return false;
  if (viewer.role === 'member') return viewer.orgStatus === 'approved';
  return viewer.role === 'admin' || viewer.regionCode !== null;
}

/**
 * Whether the viewer may record an agreement between these parties: a member of an approved party, a
 * coordinator when at least one party is of their region, an admin.
 */
export function canRecordAgreement(viewer: Viewer, a: AgreementParties): boolean {
  if (!canRecordAgreements(viewer)) return false;
  if (viewer?.role === 'admin') return true;
  return isPartyMember(viewer, a) || coordinatesParty(viewer, a);
}

/** The parties' members, the coordinators of any party's region, and admins see an agreement. */
export function canViewAgreement(viewer: Viewer, a: AgreementParties): boolean {
  if (!viewer) return false;
  return viewer.role === 'admin' || isPartyMember(viewer, a) || coordinatesParty(viewer, a);
}

/**
 * Whether the viewer may confirm the agreement for `regionCode`, which must be a party's region: its own
 * coordinators ("a coordinator of Jilin cannot confirm for Zhejiang's organisations"), or an admin.
 * Whether that region has confirmed already is the use case's concern (a conflict, not a permission).
 */
export function canConfirmAgreement(viewer: Viewer, a: AgreementParties, regionCode: string): boolean {
  if (!viewer || !partyRegions(a).has(regionCode)) return false;
  if (viewer.role === 'admin') return true;
  return viewer.role === 'coordinator' && viewer.regionCode === regionCode;
}

/** The party regions the viewer may still confirm (for the confirm buttons): none confirmed ones. */
export function regionsToConfirm(
  viewer: Viewer,
  a: AgreementParties & { confirmedRegions: readonly string[] },
): string[] {
  return [...partyRegions(a)]
    .filter((r) => !a.confirmedRegions.includes(r) && canConfirmAgreement(viewer, a, r))
    .sort();
}

/** Parties' members (of an approved organisation), the parties' regions' coordinators and admins add documents. */
export function canAddAgreementDocuments(viewer: Viewer, a: AgreementParties): boolean {
  if (!viewer) return false;
  if (viewer.role === 'member') return viewer.orgStatus === 'approved' && isPartyMember(viewer, a);
  return viewer.role === 'admin' || coordinatesParty(viewer, a);
}
