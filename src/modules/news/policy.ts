import type { Viewer } from '../accounts/policy.ts';

/** Admins publish anywhere; coordinators publish their own region's news. */
export function canPublishNews(viewer: Viewer): boolean {
  return viewer?.role === 'admin' || (viewer?.role === 'coordinator' && viewer.regionCode !== null);
}

/** Whether the viewer may edit, publish or see the drafts of this article. */
export function canManageArticle(viewer: Viewer, article: { regionCode: string | null }): boolean {
  if (viewer?.role === 'admin') return true;
  return (
    viewer?.role === 'coordinator' && viewer.regionCode !== null && viewer.regionCode === article.regionCode
  );
}

/** Sections are site structure: administrators only. */
export function canManageSections(viewer: Viewer): boolean {
  return viewer?.role === 'admin';
}

/** The regions whose articles the viewer manages: undefined for all (admins). */
export function managedRegions(viewer: Viewer): string[] | undefined {
  if (viewer?.role === 'admin') return undefined;
  return viewer?.role === 'coordinator' && viewer.regionCode ? [viewer.regionCode] : [];
}
