/** What the listing pages share: region names, the `ref` parameter, and the listing page itself. */
import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { localizeIssue, type Lang } from '../../lib/i18n.ts';
import type { AppEnv } from '../../web/env.ts';
import type { FormErrors } from '../../web/forms.tsx';
import { href, renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import type { Viewer } from '../accounts/policy.ts';
import { listRegions, type RegionTree } from '../regions/regions.service.ts';
import { REF_PATTERN } from './fields.ts';
import { getListing, listingMatches } from './listings.service.ts';
import { listingPath } from './views/listing-item.tsx';
import { DONE, ListingPage } from './views/listing-page.tsx';
import type { Places } from './views/parts.tsx';

/** Region and area names by code. */
export async function placesOf(c: Context<AppEnv>): Promise<Places> {
  return new Map((await listRegions(c.var.deps.db)).map((r) => [r.code, r]));
}

/** The names of the regions in a tree, for pages that need the tree anyway. */
export function placesIn(tree: RegionTree[]): Places {
  return new Map(tree.flatMap((n) => [n.province, ...n.prefectures]).map((r) => [r.code, r]));
}

/** The `ref` path parameter; refs that cannot exist answer 404 without a query. */
export function refParam(c: Context<AppEnv>): string {
  const ref = c.req.param('ref') ?? '';
  if (!REF_PATTERN.test(ref)) throw new AppError('not_found');
  return ref;
}

/**
 * A use case's field errors in the page language. `areaProblem` words its message for zod in both
 * languages; the use cases pass it on as it is, so the page picks its half here.
 */
export function inPageLang(errors: FormErrors, lang: Lang): FormErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      field,
      localizeIssue({ path: [], message } as unknown as z.core.$ZodIssue, lang).message,
    ]),
  );
}

/** Coordinators and admins open the review queue (which listings it holds is scoped by the use case). */
export function reviewsListings(viewer: Viewer): boolean {
  return viewer?.role === 'coordinator' || viewer?.role === 'admin';
}

/** A page number from the query: 1 unless a sensible one was given. */
export const pageNumber = z.coerce.number().int().min(1).max(10_000).catch(1);

/** Where a listing's page is, with a notice of what was just done. */
export function doneUrl(lang: Lang, ref: string, done: (typeof DONE)[number]): string {
  return href(lang, listingPath(ref, `?done=${done}`));
}

/** The listing page, also re-rendered (with the status given) when one of its forms failed. */
export async function renderListing(
  c: Context<AppEnv>,
  ref: string,
  opts: { errors?: FormErrors; renewValue?: string; status?: 200 | 400 | 409 } = {},
) {
  const ctx = contextOf(c);
  const view = await getListing(c.var.deps, ctx, ref);
  const scope = c.req.query('scope') === 'all' ? 'all' : 'counterpart';
  const [matches, places] = await Promise.all([
    listingMatches(c.var.deps, ctx, ref, { limit: 10, scope }),
    placesOf(c),
  ]);
  const doneParam = c.req.query('done');
  const done = view.canManage ? DONE.find((d) => d === doneParam) : undefined;
  return renderPage(
    c,
    {
      title: view.listing.title,
      head: view.listing.status === 'published' ? undefined : <meta name="robots" content="noindex" />,
      children: (
        <ListingPage
          lang={c.var.lang}
          csrf={c.var.csrfToken}
          view={view}
          viewer={ctx.viewer}
          matches={matches}
          scope={scope}
          places={places}
          done={done}
          errors={opts.errors ?? {}}
          renewValue={opts.renewValue}
        />
      ),
    },
    opts.status ?? 200,
  );
}
