import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../web/env.ts';
import { renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { ORG_TYPES } from '../accounts/schema.ts';
import { regionTree } from '../regions/regions.service.ts';
import { LISTING_CATEGORY_CODES, LISTING_DIRECTIONS } from '../taxonomy/categories.data.ts';
import { isDivisionCode } from '../taxonomy/industries.data.ts';
import { pageNumber, placesIn, refParam, renderListing, reviewsListings } from './listing.render.tsx';
import { browseListings } from './listings.service.ts';
import { manageWeb } from './manage.web.tsx';
import { canCreateListings } from './policy.ts';
import { LISTING_LANGS } from './schema.ts';
import { listingsUi } from './ui-messages.ts';
import { BROWSE_PAGE_SIZE, BrowsePage } from './views/browse-page.tsx';

/** Listing pages: browse with facets, one listing with its matches, post/edit/renew/close, review. */
export const listingsWeb = new Hono<AppEnv>();
listingsWeb.route('/', manageWeb);

/** Unknown or malformed filter values are dropped rather than refused: these are links people edit. */
const BrowseQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  region: z
    .string()
    .regex(/^CN-[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  area: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  category: z.enum(LISTING_CATEGORY_CODES).optional().catch(undefined),
  direction: z.enum(LISTING_DIRECTIONS).optional().catch(undefined),
  sector: z
    .string()
    .refine((s) => /^[A-T]$/.test(s) || isDivisionCode(s))
    .optional()
    .catch(undefined),
  language: z.enum(LISTING_LANGS).optional().catch(undefined),
  orgType: z.enum(ORG_TYPES).optional().catch(undefined),
  state: z.enum(['active', 'expired']).catch('active'),
  page: pageNumber,
});

listingsWeb.get('/listings', async (c) => {
  const ctx = contextOf(c);
  const f = BrowseQuery.parse(c.req.query());
  const filter = { ...f, q: f.q || undefined };
  const [data, tree] = await Promise.all([
    browseListings(c.var.deps, ctx, {
      q: filter.q,
      regions: f.region ? [f.region] : undefined,
      area: f.area,
      categories: f.category ? [f.category] : undefined,
      direction: f.direction,
      sector: f.sector,
      language: f.language,
      orgTypes: f.orgType ? [f.orgType] : undefined,
      state: f.state,
      page: f.page,
      pageSize: BROWSE_PAGE_SIZE,
    }),
    regionTree(c.var.deps.db),
  ]);
  const places = placesIn(tree);
  const viewer = ctx.viewer;
  return renderPage(c, {
    title: listingsUi(c.var.lang)('browseTitle'),
    children: (
      <BrowsePage
        lang={c.var.lang}
        filter={filter}
        data={data}
        places={places}
        tree={tree}
        links={{
          canPost: canCreateListings(viewer),
          hasOrg: Boolean(viewer?.orgId),
          canReview: reviewsListings(viewer),
        }}
      />
    ),
  });
});

listingsWeb.get('/listings/:ref', (c) => renderListing(c, refParam(c)));
