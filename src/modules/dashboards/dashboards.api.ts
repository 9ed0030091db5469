/** `/api/v1/dashboards…`: the overall and per-pairing figures as JSON, their tables as CSV or XLSX. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { LANGS } from '../../lib/i18n.ts';
import { json, newApi, problemResponses, fileResponse } from '../../web/api.ts';
import type { AppEnv } from '../../web/env.ts';
import { contextOf } from '../accounts/context.ts';
import { EXPORT_MEDIA_TYPES } from '../listings/export.ts';
import { dashboardOf, pairingHeadlines, parsePeriod } from './dashboards.service.ts';
import { chooseTables, DASHBOARD_FORMATS, dashboardFileName, writeTables } from './export.ts';
import { DashboardJson, Headline, present, presentHeadline } from './present.ts';
import { dashboardTables, TABLE_KEYS } from './tables.ts';

export const dashboardsApi = newApi();

const TAGS = ['Dashboards'];
// Checked by `parsePeriod` (empty means open, as the page's form sends it), so errors read alike everywhere.
const PeriodQuery = z.object({
  from: z
    .string()
    .max(40)
    .optional()
    .openapi({ format: 'date', description: 'First day (China date, YYYY-MM-DD), inclusive' }),
  to: z
    .string()
    .max(40)
    .optional()
    .openapi({ format: 'date', description: 'Last day (China date, YYYY-MM-DD), inclusive' }),
});
const ExportQuery = PeriodQuery.extend({
  format: z.enum(DASHBOARD_FORMATS).default('xlsx'),
  lang: z.enum(LANGS).optional(),
  table: z.enum(TABLE_KEYS).optional().openapi({
    description: 'One table (required for CSV); the region-* tables only for those who see the lists',
  }),
  columns: z
    .string()
    .max(1000)
    .optional()
    .openapi({ description: 'Comma-separated column keys of the chosen table, in order; default all' }),
});
const PairingParam = z.object({ id: z.coerce.number().int().min(1).openapi({ example: 1 }) });

const exportResponses = {
  200: fileResponse(DASHBOARD_FORMATS, EXPORT_MEDIA_TYPES, 'The tables, as an attachment'),
  ...problemResponses(400, 404),
};

async function sendExport(c: Context<AppEnv>, id: number | null, q: z.infer<typeof ExportQuery>) {
  const ctx = contextOf(c);
  const lang = q.lang ?? ctx.lang;
  const period = parsePeriod(q, ctx.lang);
  const { dashboard, places } = await dashboardOf(c.var.deps, ctx, id, period);
  const tables = chooseTables(dashboardTables(dashboard, lang, places), { ...q, lang });
  const bytes = await writeTables(tables, q.format);
  const slug = `${id === null ? 'overall' : `pairing-${id}`}${q.table ? `-${q.table}` : ''}`;
  return c.body(new Uint8Array(bytes), 200, {
    // Figures differ by viewer (whole or public, with or without lists): never kept by a shared cache.
    'Cache-Control': 'private, no-store',
    'Content-Type': EXPORT_MEDIA_TYPES[q.format],
    'Content-Disposition': `attachment; filename="${dashboardFileName(slug, period.from, period.to, q.format)}"`,
  });
}

dashboardsApi.openapi(
  createRoute({
    method: 'get',
    path: '/dashboards/overall',
    tags: TAGS,
    summary: 'Figures of every record on the platform for a period (details for coordinators and admins)',
    request: { query: PeriodQuery },
    responses: { 200: json(DashboardJson, 'The dashboard'), ...problemResponses(400) },
  }),
  async (c) => {
    const ctx = contextOf(c);
    const { dashboard } = await dashboardOf(
      c.var.deps,
      ctx,
      null,
      parsePeriod(c.req.valid('query'), ctx.lang),
    );
    return c.json(present(dashboard), 200);
  },
);

dashboardsApi.openapi(
  createRoute({
    method: 'get',
    path: '/dashboards/overall/export',
    tags: TAGS,
    summary: 'The overall dashboard’s tables as XLSX (every table, or one) or CSV (one), labelled in `lang`',
    request: { query: ExportQuery },
    responses: exportResponses,
  }),
  (c) => sendExport(c, null, c.req.valid('query')),
);

dashboardsApi.openapi(
  createRoute({
    method: 'get',
    path: '/dashboards/pairings',
    tags: TAGS,
    summary:
      'Each pairing’s all-time headline figures: confirmed agreements and value, projects, investment, jobs',
    responses: { 200: json(z.object({ items: z.array(Headline) }), 'The pairings with their figures') },
  }),
  async (c) => {
    const items = (await pairingHeadlines(c.var.deps)).map(presentHeadline);
    return c.json({ items }, 200);
  },
);

dashboardsApi.openapi(
  createRoute({
    method: 'get',
    path: '/dashboards/pairings/{id}',
    tags: TAGS,
    summary: 'A pairing’s figures for a period (details for its regions’ coordinators and admins)',
    request: { params: PairingParam, query: PeriodQuery },
    responses: { 200: json(DashboardJson, 'The dashboard'), ...problemResponses(400, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const ctx = contextOf(c);
    const { dashboard } = await dashboardOf(c.var.deps, ctx, id, parsePeriod(c.req.valid('query'), ctx.lang));
    return c.json(present(dashboard), 200);
  },
);

dashboardsApi.openapi(
  createRoute({
    method: 'get',
    path: '/dashboards/pairings/{id}/export',
    tags: TAGS,
    summary: 'A pairing dashboard’s tables as XLSX (every table, or one) or CSV (one), labelled in `lang`',
    request: { params: PairingParam, query: ExportQuery },
    responses: exportResponses,
  }),
  (c) => sendExport(c, c.req.valid('param').id, c.req.valid('query')),
);
