/** `/api/v1/visits…`: visits, their participants, agreed areas and what delivers them, articles, exports. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isoShanghai, LANGS } from '../../lib/i18n.ts';
import { body, json, newApi, problemResponses, requireUser, fileResponse } from '../../web/api.ts';
import type { AppEnv } from '../../web/env.ts';
import { contextOf } from '../accounts/context.ts';
import { AREA_RULE, AREA_STATUSES } from './core/area-status.ts';
import {
  EXPORT_FORMATS,
  EXPORT_MEDIA_TYPES,
  exportAreas,
  exportFileName,
  exportVisits,
  parseColumns,
  type ExportOptions,
  AREA_COLUMNS,
  VISIT_COLUMNS,
} from './export.ts';
import {
  AreaInput,
  ArticleLinkInput,
  LinkInput,
  ParticipantsInput,
  VisitInput,
  VisitUpdate,
} from './fields.ts';
import { LINK_KINDS, VISIT_KINDS, VISIT_SIDES } from './schema.ts';
import * as svc from './visits.service.ts';

export const visitsApi = newApi();

const Day = z.string().openapi({ format: 'date', example: '2017-09-06' });
const Time = z.string().openapi({ format: 'date-time', example: '2017-09-11T10:13:57+08:00' });
const TAGS = ['Visits'];

const VisitSummary = z
  .object({
    id: z.uuid(),
    kind: z.enum(VISIT_KINDS),
    titleZh: z.string(),
    titleEn: z.string(),
    startsOn: Day,
    endsOn: Day,
    hostRegion: z.string().openapi({ example: 'CN-ZJ' }),
    hostAreaCode: z.string().nullable(),
    visitingRegion: z.string().openapi({ example: 'CN-JL' }),
    visitingAreaCode: z.string().nullable(),
    places: z.string(),
    summaryZh: z.string(),
    summaryEn: z.string(),
    published: z.boolean(),
    updatedAt: Time,
    url: z.string().openapi({ example: '/en/visits/…' }),
  })
  .openapi('VisitSummary');

const Link = z
  .object({
    id: z.uuid(),
    kind: z.enum(LINK_KINDS),
    targetId: z.uuid(),
    title: z.string().nullable().openapi({ description: 'Null when the caller may not see the target' }),
    url: z.string().nullable(),
    state: z
      .record(z.string(), z.union([z.string(), z.boolean()]))
      .nullable()
      .openapi({
        description:
          'How far the target is: listing status, agreement confirmed, project stage, programme status',
      }),
    weight: z.enum(['delivers', 'counts', 'none']),
  })
  .openapi('AgreedAreaLink');

const Area = z
  .object({
    id: z.uuid(),
    titleZh: z.string(),
    titleEn: z.string(),
    owner: z.object({ regionCode: z.string(), office: z.string(), officeEn: z.string() }),
    dueOn: Day,
    description: z.string(),
    status: z.enum(AREA_STATUSES),
    rule: z.enum(Object.values(AREA_RULE) as [string, ...string[]]),
    links: z.array(Link),
  })
  .openapi('AgreedArea');

const Participant = z
  .object({
    id: z.uuid(),
    name: z.string(),
    nameEn: z.string(),
    title: z.string(),
    titleEn: z.string(),
    organisation: z.string(),
    organisationEn: z.string(),
    side: z.enum(VISIT_SIDES),
    order: z.number().int(),
  })
  .openapi('VisitParticipant');

const Visit = VisitSummary.extend({
  participants: z.array(Participant),
  meetings: z.array(
    z.object({ title: z.string(), on: Day.nullable(), place: z.string(), notes: z.string() }),
  ),
  articles: z.array(z.object({ id: z.uuid(), lang: z.enum(LANGS), title: z.string(), url: z.string() })),
  areas: z.array(Area),
  asOf: Day.openapi({ description: 'The China date the statuses are computed for' }),
  can: z.object({ manage: z.boolean() }),
}).openapi('Visit');

function presentSummary(v: svc.VisitRow, lang: 'en' | 'zh'): z.infer<typeof VisitSummary> {
  return {
    id: v.id,
    kind: v.kind,
    titleZh: v.titleZh,
    titleEn: v.titleEn,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    hostRegion: v.hostRegionCode,
    hostAreaCode: v.hostAreaCode,
    visitingRegion: v.visitingRegionCode,
    visitingAreaCode: v.visitingAreaCode,
    places: v.places,
    summaryZh: v.summaryZh,
    summaryEn: v.summaryEn,
    published: v.published,
    updatedAt: isoShanghai(v.updatedAt),
    url: `/${lang}/visits/${v.id}`,
  };
}

const presentParticipant = (p: svc.ParticipantRow) => ({
  id: p.id,
  name: p.name,
  nameEn: p.nameEn,
  title: p.title,
  titleEn: p.titleEn,
  organisation: p.organisation,
  organisationEn: p.organisationEn,
  side: p.side,
  order: p.position,
});

function presentArea(a: svc.AreaView, lang: 'en' | 'zh'): z.infer<typeof Area> {
  return {
    id: a.area.id,
    titleZh: a.area.titleZh,
    titleEn: a.area.titleEn,
    owner: { regionCode: a.area.ownerRegionCode, office: a.area.ownerOffice, officeEn: a.area.ownerOfficeEn },
    dueOn: a.area.dueOn,
    description: a.area.description,
    status: a.status.status,
    rule: a.status.rule,
    links: a.links.map((l) => ({
      id: l.id,
      kind: l.kind,
      targetId: l.targetId,
      title: l.title,
      url: l.path ? `/${lang}${l.path}` : null,
      state: l.state ? { ...l.state } : null,
      weight: l.weight,
    })),
  };
}

async function present(c: Context<AppEnv>, id: string): Promise<z.infer<typeof Visit>> {
  const ctx = contextOf(c);
  const v = await svc.getVisit(c.var.deps, ctx, id);
  return {
    ...presentSummary(v.visit, ctx.lang),
    participants: v.participants.map(presentParticipant),
    meetings: v.meetings.map((m) => ({ title: m.title, on: m.on, place: m.place, notes: m.notes })),
    articles: v.articles.map((a) => ({
      id: a.id,
      lang: a.lang,
      title: a.title,
      url: `/${a.lang}/news/${a.slug}`,
    })),
    areas: v.areas.map((a) => presentArea(a, ctx.lang)),
    asOf: v.today,
    can: v.can,
  };
}

const IdParam = z.object({ id: z.string().min(1).max(100) });
const AreaParam = IdParam.extend({ areaId: z.string().min(1).max(100) });
const LinkParam = AreaParam.extend({ linkId: z.string().min(1).max(100) });

const Filters = z.object({
  region: z
    .string()
    .regex(/^CN-[A-Z]{2}$/)
    .optional()
    .openapi({ example: 'CN-JL', description: 'Host or visiting province' }),
  pairing: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ description: 'A pairing id: visits between its sides' }),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  when: z.enum(['upcoming', 'past']).optional(),
});

visitsApi.openapi(
  createRoute({
    method: 'get',
    path: '/visits',
    tags: TAGS,
    summary: 'Visits the caller may see: upcoming ones soonest first with `when=upcoming`, else latest first',
    request: {
      query: Filters.extend({
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
    },
    responses: {
      200: json(
        z.object({
          items: z.array(VisitSummary),
          total: z.number().int(),
          page: z.number().int(),
          pageSize: z.number().int(),
        }),
        'Visits',
      ),
      ...problemResponses(400),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const ctx = contextOf(c);
    const data = await svc.listVisits(c.var.deps, ctx, q);
    return c.json(
      {
        items: data.rows.map((v) => presentSummary(v, ctx.lang)),
        total: data.total,
        page: q.page,
        pageSize: q.pageSize,
      },
      200,
    );
  },
);

const exportResponses = {
  200: fileResponse(EXPORT_FORMATS, EXPORT_MEDIA_TYPES),
  ...problemResponses(400),
};
const ExportQuery = (columns: readonly string[]) =>
  Filters.extend({
    format: z.enum(EXPORT_FORMATS).default('csv'),
    lang: z.enum(LANGS).optional(),
    columns: z
      .string()
      .max(1000)
      .optional()
      .openapi({ description: `Comma-separated, in order; default all: ${columns.join(',')}` }),
  });

/** A download of what the caller may see of the visits, labelled in `lang`, with the columns asked for. */
function exportRoute<K extends string>(
  path: string,
  summary: string,
  known: readonly K[],
  write: (
    deps: Parameters<typeof exportVisits>[0],
    data: Parameters<typeof exportVisits>[1],
    o: ExportOptions<K>,
  ) => Promise<Buffer>,
  name: 'visits' | 'agreed-areas',
) {
  visitsApi.openapi(
    createRoute({
      method: 'get',
      path,
      tags: TAGS,
      summary,
      request: { query: ExportQuery(known) },
      responses: exportResponses,
    }),
    async (c) => {
      const { format, lang, columns, ...filters } = c.req.valid('query');
      const ctx = contextOf(c);
      const { deps } = c.var;
      const chosen = parseColumns(columns, known, ctx.lang);
      const out = lang ?? ctx.lang;
      const data = await svc.visitsForExport(deps, ctx, { ...filters, lang: out });
      const bytes = await write(deps, data, {
        format,
        lang: out,
        columns: chosen,
        publicUrl: deps.config.publicUrl,
      });
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': EXPORT_MEDIA_TYPES[format],
        'Content-Disposition': `attachment; filename="${exportFileName(name, format, deps.now())}"`,
      });
    },
  );
}

// Registered before `/visits/{id}`, which would otherwise take `export` for an id.
exportRoute(
  '/visits/export',
  'Download the visits the caller may see as CSV or XLSX, labelled in `lang`',
  VISIT_COLUMNS,
  exportVisits,
  'visits',
);
exportRoute(
  '/visits/areas/export',
  'Download the agreed areas of the visits the caller may see, with their status, as CSV or XLSX',
  AREA_COLUMNS,
  exportAreas,
  'agreed-areas',
);

visitsApi.openapi(
  createRoute({
    method: 'post',
    path: '/visits',
    tags: TAGS,
    summary: 'Record a visit (coordinators of the host or visiting region, admins)',
    request: { body: body(VisitInput) },
    responses: { 201: json(Visit, 'Recorded'), ...problemResponses(400, 401, 403) },
  }),
  async (c) => {
    requireUser(c);
    const row = await svc.createVisit(c.var.deps, contextOf(c), c.req.valid('json'));
    return c.json(await present(c, row.id), 201);
  },
);

visitsApi.openapi(
  createRoute({
    method: 'get',
    path: '/visits/{id}',
    tags: TAGS,
    summary:
      'A visit with its participants, meetings, articles and agreed areas (each with its status and links)',
    request: { params: IdParam },
    responses: { 200: json(Visit, 'The visit'), ...problemResponses(404) },
  }),
  async (c) => c.json(await present(c, c.req.valid('param').id), 200),
);

visitsApi.openapi(
  createRoute({
    method: 'put',
    path: '/visits/{id}',
    tags: TAGS,
    summary: 'Replace a visit’s fields (and its meetings, when `meetings` is given)',
    request: { params: IdParam, body: body(VisitUpdate) },
    responses: { 200: json(Visit, 'Saved'), ...problemResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    await svc.updateVisit(c.var.deps, contextOf(c), id, c.req.valid('json'));
    return c.json(await present(c, id), 200);
  },
);

visitsApi.openapi(
  createRoute({
    method: 'post',
    path: '/visits/{id}/participants',
    tags: TAGS,
    summary: 'Add participants after the recorded ones (each needs a name)',
    request: { params: IdParam, body: body(ParticipantsInput) },
    responses: {
      201: json(z.object({ items: z.array(Participant) }), 'Added'),
      ...problemResponses(400, 401, 403, 404),
    },
  }),
  async (c) => {
    requireUser(c);
    const rows = await svc.addParticipants(
      c.var.deps,
      contextOf(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ items: rows.map(presentParticipant) }, 201);
  },
);

visitsApi.openapi(
  createRoute({
    method: 'post',
    path: '/visits/{id}/areas',
    tags: TAGS,
    summary: 'Add an agreed area (titles in both languages, an owner and a due date)',
    request: { params: IdParam, body: body(AreaInput) },
    responses: { 201: json(Area, 'Added'), ...problemResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    const ctx = contextOf(c);
    const row = await svc.addAgreedArea(c.var.deps, ctx, id, c.req.valid('json'));
    const v = await svc.getVisit(c.var.deps, ctx, id);
    return c.json(
      presentArea(
        v.areas.find((a) => a.area.id === row.id)!,
        ctx.lang,
      ),
      201,
    );
  },
);

visitsApi.openapi(
  createRoute({
    method: 'post',
    path: '/visits/{id}/areas/{areaId}/links',
    tags: TAGS,
    summary: 'Link an agreed area to a listing, agreement, project or programme that delivers it',
    description:
      'The target must exist and be visible to the caller; the area’s status follows from its links.',
    request: { params: AreaParam, body: body(LinkInput) },
    responses: {
      201: json(Area, 'Linked: the area as it now stands'),
      ...problemResponses(400, 401, 403, 404, 409),
    },
  }),
  async (c) => {
    requireUser(c);
    const { id, areaId } = c.req.valid('param');
    const ctx = contextOf(c);
    await svc.linkAgreedArea(c.var.deps, ctx, id, areaId, c.req.valid('json'));
    const v = await svc.getVisit(c.var.deps, ctx, id);
    return c.json(
      presentArea(
        v.areas.find((a) => a.area.id === areaId)!,
        ctx.lang,
      ),
      201,
    );
  },
);

visitsApi.openapi(
  createRoute({
    method: 'delete',
    path: '/visits/{id}/areas/{areaId}/links/{linkId}',
    tags: TAGS,
    summary: 'Remove a link from an agreed area',
    request: { params: LinkParam },
    responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404) },
  }),
  async (c) => {
    requireUser(c);
    const { id, areaId, linkId } = c.req.valid('param');
    await svc.unlinkAgreedArea(c.var.deps, contextOf(c), id, areaId, linkId);
    return c.body(null, 204);
  },
);

visitsApi.openapi(
  createRoute({
    method: 'post',
    path: '/visits/{id}/articles',
    tags: TAGS,
    summary: 'Link a published news article (by id or address); its page then shows the visit',
    request: { params: IdParam, body: body(ArticleLinkInput) },
    responses: { 201: json(Visit, 'Linked'), ...problemResponses(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    await svc.linkArticle(c.var.deps, contextOf(c), id, c.req.valid('json'));
    return c.json(await present(c, id), 201);
  },
);
