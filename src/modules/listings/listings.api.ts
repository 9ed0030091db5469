import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isoShanghai, LANGS, type Lang } from '../../lib/i18n.ts';
import { body, json, newApi, problemResponses, requireUser, fileResponse } from '../../web/api.ts';
import type { AppEnv } from '../../web/env.ts';
import { contextOf } from '../accounts/context.ts';
import { ORG_TYPES } from '../accounts/schema.ts';
import { LISTING_CATEGORY_CODES, LISTING_DIRECTIONS } from '../taxonomy/categories.data.ts';
import {
  EXPORT_FORMATS,
  EXPORT_MEDIA_TYPES,
  exportFileName,
  exportStream,
  listingsForExport,
} from './export.ts';
import { ListingInput } from './fields.ts';
import * as listings from './listings.service.ts';
import { browseQueryOf, ListingFilters, MatchParams, parseAsOf, presentMatches } from './params.ts';
import { LISTING_LANGS, LISTING_STATUSES } from './schema.ts';

/** `/api/v1/listings…`: browse, read, create, update, renew, close, review, matches and export. */
export const listingsApi = newApi();

const Time = z.string().openapi({ format: 'date-time', example: '2018-03-01T09:30:00+08:00' });
const Day = z.string().openapi({ format: 'date', example: '2018-12-31' });

const Listing = z
  .object({
    ref: z.string().openapi({ example: 'mdev-0003' }),
    region: z.string().openapi({ example: 'CN-JL' }),
    areaCode: z.string().nullable().openapi({ example: '222400' }),
    organisation: z.object({
      id: z.uuid(),
      name: z.string().openapi({ description: "The name in the caller's language" }),
      nameZh: z.string(),
      nameEn: z.string(),
      type: z.enum(ORG_TYPES),
    }),
    direction: z.enum(LISTING_DIRECTIONS),
    category: z.enum(LISTING_CATEGORY_CODES),
    sector: z.string().nullable().openapi({ description: 'GB/T 4754-2017 division', example: 'C15' }),
    title: z.string(),
    description: z.string(),
    language: z.enum(LISTING_LANGS),
    tags: z.array(z.string()),
    amountCny: z.number().nullable(),
    validUntil: Day.nullable(),
    createdAt: Time,
    status: z.enum(LISTING_STATUSES),
    expired: z.boolean().openapi({ description: 'Past valid_until today (China time)' }),
    url: z.string().openapi({ example: '/en/listings/mdev-0003' }),
  })
  .openapi('Listing');
type ListingJson = z.infer<typeof Listing>;

const Match = z
  .object({
    ref: z.string(),
    title: z.string(),
    region: z.string(),
    category: z.enum(LISTING_CATEGORY_CODES),
    direction: z.enum(LISTING_DIRECTIONS),
    score: z.number(),
    reasons: z.array(
      z.object({
        code: z.string().openapi({ example: 'sector_division' }),
        text: z.string().openapi({ example: 'same sector C15 Beverages' }),
      }),
    ),
  })
  .openapi('ListingMatch');

interface OrgOf {
  id: string;
  nameZh: string;
  nameEn: string;
  type: string;
}

function presentListing(l: listings.ListingRow, org: OrgOf, expired: boolean, lang: Lang): ListingJson {
  return {
    ref: l.ref,
    region: l.regionCode,
    areaCode: l.areaCode,
    organisation: {
      id: org.id,
      name: lang === 'zh' ? org.nameZh : org.nameEn,
      nameZh: org.nameZh,
      nameEn: org.nameEn,
      type: org.type as ListingJson['organisation']['type'],
    },
    direction: l.direction,
    category: l.category,
    sector: l.sector,
    title: l.title,
    description: l.description,
    language: l.language,
    tags: l.tags,
    amountCny: l.amountCny,
    validUntil: l.validUntil,
    createdAt: isoShanghai(l.createdAt),
    status: l.status,
    expired,
    url: listings.listingUrl(lang, l.ref),
  };
}

/** The listing as the caller now sees it (after a write, to present its organisation and expiry). */
async function present(c: Context<AppEnv>, ref: string): Promise<ListingJson> {
  const ctx = contextOf(c);
  const view = await listings.getListing(c.var.deps, ctx, ref);
  return presentListing(view.listing, view.org, view.expired, ctx.lang);
}

const RefParam = z.object({ ref: z.string().min(1).max(200).openapi({ example: 'mdev-0003' }) });

listingsApi.openapi(
  createRoute({
    method: 'get',
    path: '/listings',
    tags: ['Listings'],
    summary: 'Listings with the browse filters, newest first (best text match first with `q`)',
    description:
      'Multi-valued filters (region, category, orgType) take a comma-separated list or a repeated parameter. ' +
      '`state` is `active` (default), `expired`, or, for those who manage listings, `pending`, `rejected`, `closed`.',
    request: {
      query: ListingFilters.extend({
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
    },
    responses: {
      200: json(
        z.object({
          items: z.array(Listing),
          total: z.number().int(),
          page: z.number().int(),
          pageSize: z.number().int(),
        }),
        'Listings',
      ),
      ...problemResponses(400, 401, 403),
    },
  }),
  async (c) => {
    const { page, pageSize, ...filters } = c.req.valid('query');
    const ctx = contextOf(c);
    const data = await listings.browseListings(c.var.deps, ctx, {
      ...browseQueryOf(filters),
      page,
      pageSize,
    });
    const items = data.rows.map((r) =>
      presentListing(
        r,
        { id: r.orgId, nameZh: r.orgNameZh, nameEn: r.orgNameEn, type: r.orgType },
        r.expired,
        ctx.lang,
      ),
    );
    return c.json({ items, total: data.total, page, pageSize }, 200);
  },
);

// Registered before `/listings/{ref}`, which would otherwise take `export` for a ref.
listingsApi.openapi(
  createRoute({
    method: 'get',
    path: '/listings/export',
    tags: ['Listings'],
    summary: 'Download the listings of the browse filters as CSV, XLSX or JSON Lines',
    description:
      'CSV and XLSX carry headers and labels in `lang` (default: the caller’s language); JSON Lines is the ' +
      'interchange format (shared/spec/listings-format.md) and re-imports with `counterpart import listings`.',
    request: {
      query: ListingFilters.extend({
        format: z.enum(EXPORT_FORMATS).default('csv'),
        lang: z.enum(LANGS).optional(),
      }),
    },
    responses: {
      200: fileResponse(EXPORT_FORMATS, EXPORT_MEDIA_TYPES),
      ...problemResponses(400, 401, 403),
    },
  }),
  async (c) => {
    const { format, lang, ...filters } = c.req.valid('query');
    const ctx = contextOf(c);
    const rows = await listingsForExport(c.var.deps, ctx, browseQueryOf(filters));
    const { deps } = c.var;
    const stream = exportStream(rows, format, lang ?? ctx.lang, deps.config.publicUrl);
    return c.body(Readable.toWeb(stream) as WebStream<Uint8Array> as ReadableStream<Uint8Array>, 200, {
      'Content-Type': EXPORT_MEDIA_TYPES[format],
      'Content-Disposition': `attachment; filename="${exportFileName(format, deps.now())}"`,
    });
  },
);

listingsApi.openapi(
  createRoute({
    method: 'get',
    path: '/listings/{ref}',
    tags: ['Listings'],
    summary: 'A listing (pending and rejected ones only for those who manage them)',
    request: { params: RefParam },
    responses: { 200: json(Listing, 'The listing'), ...problemResponses(404) },
  }),
  async (c) => c.json(await present(c, c.req.valid('param').ref), 200),
);

listingsApi.openapi(
  createRoute({
    method: 'get',
    path: '/listings/{ref}/matches',
    tags: ['Listings'],
    summary: "A listing's matches, best first, each with its reasons in the caller's language",
    description:
      'Published listings of the same category and the opposite direction from the counterpart regions ' +
      '(`scope=all`: every region), not expired as of `asOf`: a date (the start of that day in China ' +
      'time) or an ISO date-time with its offset; default now.',
    request: {
      params: RefParam,
      query: MatchParams.extend({
        limit: MatchParams.shape.limit.openapi({ example: 10 }),
        asOf: MatchParams.shape.asOf.openapi({ example: '2018-03-01T00:00:00+08:00' }),
      }),
    },
    responses: {
      200: json(z.object({ items: z.array(Match) }), 'Matches, best first'),
      ...problemResponses(400, 404),
    },
  }),
  async (c) => {
    const { ref } = c.req.valid('param');
    const { limit, asOf, scope } = c.req.valid('query');
    const items = await listings.listingMatches(c.var.deps, contextOf(c), ref, {
      limit,
      asOf: asOf === undefined ? undefined : parseAsOf(asOf),
      scope,
    });
    return c.json(presentMatches(items) as { items: z.infer<typeof Match>[] }, 200);
  },
);

listingsApi.openapi(
  createRoute({
    method: 'post',
    path: '/listings',
    tags: ['Listings'],
    summary: 'Post a listing: pending review for members, published for coordinators and admins',
    description: 'Members post for their own organisation; coordinators and admins name one in `orgId`.',
    request: { body: body(ListingInput.openapi('ListingInput')) },
    responses: { 201: json(Listing, 'Posted'), ...problemResponses(400, 401, 403) },
  }),
  async (c) => {
    requireUser(c);
    const row = await listings.createListing(c.var.deps, contextOf(c), c.req.valid('json'));
    return c.json(await present(c, row.ref), 201);
  },
);

listingsApi.openapi(
  createRoute({
    method: 'put',
    path: '/listings/{ref}',
    tags: ['Listings'],
    summary: "Edit a listing (a member's edit of a published listing sends it back to review)",
    request: { params: RefParam, body: body(ListingInput) },
    responses: { 200: json(Listing, 'Saved'), ...problemResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    requireUser(c);
    const { ref } = c.req.valid('param');
    await listings.updateListing(c.var.deps, contextOf(c), ref, c.req.valid('json'));
    return c.json(await present(c, ref), 200);
  },
);

listingsApi.openapi(
  createRoute({
    method: 'post',
    path: '/listings/{ref}/renew',
    tags: ['Listings'],
    summary: 'Extend a listing to a later date',
    request: { params: RefParam, body: body(z.strictObject({ validUntil: Day })) },
    responses: { 200: json(Listing, 'Renewed'), ...problemResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    requireUser(c);
    const { ref } = c.req.valid('param');
    await listings.renewListing(c.var.deps, contextOf(c), ref, c.req.valid('json').validUntil);
    return c.json(await present(c, ref), 200);
  },
);

listingsApi.openapi(
  createRoute({
    method: 'post',
    path: '/listings/{ref}/close',
    tags: ['Listings'],
    summary: 'Close a listing: it stays readable but is no longer matched',
    request: { params: RefParam },
    responses: { 200: json(Listing, 'Closed'), ...problemResponses(401, 403, 404, 409) },
  }),
  async (c) => {
    requireUser(c);
    const { ref } = c.req.valid('param');
    await listings.closeListing(c.var.deps, contextOf(c), ref);
    return c.json(await present(c, ref), 200);
  },
);

listingsApi.openapi(
  createRoute({
    method: 'post',
    path: '/listings/{ref}/review',
    tags: ['Listings'],
    summary: "Approve (publish) or reject a pending listing (its region's coordinators, admins)",
    request: {
      params: RefParam,
      body: body(
        z.strictObject({
          decision: z.enum(['approve', 'reject']),
          note: z.string().trim().max(2000).nullable().optional(),
        }),
      ),
    },
    responses: { 200: json(Listing, 'Reviewed'), ...problemResponses(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    requireUser(c);
    const { ref } = c.req.valid('param');
    const { decision, note } = c.req.valid('json');
    await listings.reviewListing(c.var.deps, contextOf(c), ref, decision, note || null);
    return c.json(await present(c, ref), 200);
  },
);
