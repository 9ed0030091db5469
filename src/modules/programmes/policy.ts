/**
 * Who may do what with partner-assistance programmes. Pure. Coordinators act for a province: the giving
 * side's province plans the programme and reports progress, the receiving side's province confirms it
 * (a Zhejiang coordinator cannot confirm for Yanbian, which is Jilin's). Admins may do both, anywhere.
 */
import type { Viewer } from '../accounts/policy.ts';

export interface ProgrammeSides {
  givingProvince: string;
  receivingProvince: string;
}

const coordinates = (viewer: Viewer, province: string) =>
  viewer?.role === 'coordinator' && viewer.regionCode === province;

/** Creating a programme, adding indicators and submitting reports: the giving side's coordinators or admins. */
export function canPlanProgramme(viewer: Viewer, p: Pick<ProgrammeSides, 'givingProvince'>): boolean {
  return viewer?.role === 'admin' || coordinates(viewer, p.givingProvince);
}

/** Progress reports are the giving side's account of what it did. */
export function canSubmitReport(viewer: Viewer, p: ProgrammeSides): boolean {
  return canPlanProgramme(viewer, p);
}

/** The receiving side says whether the reported help arrived: its coordinators (or an admin) confirm. */
export function canConfirmReport(viewer: Viewer, p: ProgrammeSides): boolean {
  return viewer?.role === 'admin' || coordinates(viewer, p.receivingProvince);
}

/** Both sides' coordinators and admins follow reports not yet confirmed; the public sees confirmed ones. */
export function isProgrammeInsider(viewer: Viewer, p: ProgrammeSides): boolean {
  return canSubmitReport(viewer, p) || canConfirmReport(viewer, p);
}

/** Drafts are the giving side's unsent work. */
export function canSeeReport(
  viewer: Viewer,
  p: ProgrammeSides,
  status: 'draft' | 'submitted' | 'confirmed',
): boolean {
  if (status === 'confirmed') return true;
  if (status === 'draft') return canSubmitReport(viewer, p);
  return isProgrammeInsider(viewer, p);
}
