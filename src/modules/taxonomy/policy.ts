import type { Viewer } from '../accounts/policy.ts';

/** The glossary is read by everyone and edited by administrators only. */
export function canEditGlossary(viewer: Viewer): boolean {
  return viewer?.role === 'admin';
}
