/** `/api/v1/programmes…`: partner-assistance programmes, their indicators and progress reports, and the export. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isoShanghai, LANGS } from '../../lib/i18n.ts';
import { body, json, newApi, problemResponses, requireUser, fileResponse } from '../../web/api.ts';
import type { AppEnv } from '../../web/env.ts';
import { contextOf } from '../accounts/context.ts';
import { STATUSES, THRESHOLDS, RULE } from './core/status.ts';
import {
  EXPORT_MEDIA_TYPES,
  exportReports,
  parseColumns,
  REPORT_COLUMNS,
  REPORT_EXPORT_FORMATS,
  reportsFileName,
} from './export.ts';
import { IndicatorInput, ProgrammeInput, ReportInput } from './fields.ts';
import { INDICATOR_KINDS, PERIOD_KINDS, REPORT_STATUSES } from './kinds.ts';
import * as svc from './programmes.service.ts';

export const programmesApi = newApi();

const TAGS = ['Programmes'];
const Time = z.string().openapi({ format: 'date-time', example: '2018-03-01T09:30:00+08:00' });
const Day = z.string().openapi({ format: 'date', example: '2018-03-31' });
const Period = z.string().openapi({ example: '2018-Q1', description: "'2018-03' (a month) or '2018-Q1'" });

const ProgrammeSummary = z
  .object({
    id: z.uuid(),
    pairingId: z.number().int(),
    givingRegion: z.string().openapi({ example: 'CN-ZJ' }),
    receivingRegion: z.string().openapi({ example: '222400' }),
    titleEn: z.string(),
    titleZh: z.string(),
    startOn: Day,
    deadline: Day,
    status: z.enum(STATUSES).openapi({ description: 'As of today (China date)' }),
    url: z.string().openapi({ example: '/en/programmes/…' }),
  })
  .openapi('ProgrammeSummary');

const PeriodLine = z.object({
  period: Period,
  expected: z.number().openapi({ description: 'Cumulative value the schedule asks for by the period end' }),
  periodTarget: z.number().nullable(),
  value: z.number().nullable().openapi({ description: 'Reported for the period (not a running total)' }),
  reportStatus: z.enum(REPORT_STATUSES).nullable(),
  cumulative: z
    .number()
    .nullable()
    .openapi({ description: 'Baseline + confirmed values so far; null for periods not ended' }),
});

const Indicator = z
  .object({
    id: z.uuid(),
    kind: z.enum(INDICATOR_KINDS),
    nameEn: z.string().nullable(),
    nameZh: z.string().nullable(),
    unit: z.string(),
    baseline: z.number(),
    target: z.number(),
    startOn: Day,
    deadline: Day,
    periodKind: z.enum(PERIOD_KINDS),
    periodTargets: z.array(z.object({ period: Period, target: z.number() })),
    status: z.enum(STATUSES),
    rule: z.enum(Object.values(RULE) as [string, ...string[]]),
    expected: z.number(),
    actual: z.number(),
    ratio: z.number(),
    measuredAt: Day.nullable(),
    periods: z.array(PeriodLine),
  })
  .openapi('ProgrammeIndicator');

const Report = z
  .object({
    id: z.uuid(),
    period: Period,
    status: z.enum(REPORT_STATUSES),
    note: z.string(),
    values: z.record(z.string(), z.number()).openapi({ description: 'Per-period values by indicator id' }),
    submittedBy: z.string().nullable(),
    submittedAt: Time.nullable(),
    confirmedBy: z.string().nullable(),
    confirmedAt: Time.nullable(),
    canConfirm: z.boolean(),
  })
  .openapi('ProgrammeReport');

const Programme = ProgrammeSummary.extend({
  descriptionEn: z.string(),
  descriptionZh: z.string(),
  asOf: Day,
  thresholds: z.object({ onTrack: z.number(), atRisk: z.number() }),
  indicators: z.array(Indicator),
  reports: z.array(Report),
  can: z.object({ plan: z.boolean(), submit: z.boolean(), confirm: z.boolean() }),
}).openapi('Programme');

const url = (lang: string, id: string) => `/${lang}/programmes/${id}`;

function presentSummary(p: svc.ProgrammeRow, status: svc.ProgrammeItem['status'], lang: string) {
  return {
    id: p.id,
    pairingId: p.pairingId,
    givingRegion: p.givingRegion,
    receivingRegion: p.receivingRegion,
    titleEn: p.titleEn,
    titleZh: p.titleZh,
    startOn: p.startOn,
    deadline: p.deadline,
    status,
    url: url(lang, p.id),
  };
}

function presentIndicator(v: svc.IndicatorView) {
  const i = v.indicator;
  return {
    id: i.id,
    kind: i.kind,
    nameEn: i.nameEn,
    nameZh: i.nameZh,
    unit: i.unit,
    baseline: i.baseline,
    target: i.target,
    startOn: i.startOn,
    deadline: i.deadline,
    periodKind: i.periodKind,
    periodTargets: v.periodTargets,
    status: v.status.status,
    rule: v.status.rule,
    expected: v.status.expected,
    actual: v.status.actual,
    ratio: v.status.ratio,
    measuredAt: v.status.measuredAt,
    periods: v.periods,
  };
}

function presentReport(r: svc.ReportView) {
  return {
    id: r.report.id,
    period: r.report.period,
    status: r.report.status,
    note: r.report.note,
    values: Object.fromEntries(r.values),
    submittedBy: r.report.submittedByName || null,
    submittedAt: r.report.submittedAt ? isoShanghai(r.report.submittedAt) : null,
    confirmedBy: r.report.confirmedByName,
    confirmedAt: r.report.confirmedAt ? isoShanghai(r.report.confirmedAt) : null,
    canConfirm: r.canConfirm,
  };
}

async function view(c: Context<AppEnv>, id: string, asOf?: string) {
  return svc.getProgramme(c.var.deps, contextOf(c), id, { asOf });
}

function present(v: svc.ProgrammeView, lang: string) {
  return {
    ...presentSummary(v.programme, v.status, lang),
    descriptionEn: v.programme.descriptionEn,
    descriptionZh: v.programme.descriptionZh,
    asOf: v.asOf,
    thresholds: { onTrack: THRESHOLDS.onTrack, atRisk: THRESHOLDS.atRisk },
    indicators: v.indicators.map(presentIndicator),
    reports: v.reports.map(presentReport),
    can: v.can,
  };
}

const IdParam = z.object({ id: z.string().min(1).max(100) });
const ReportParam = IdParam.extend({ reportId: z.string().min(1).max(100) });
const AsOf = z.object({
  asOf: z.iso.date().optional().openapi({ description: 'Compute statuses as of this day (default today)' }),
});

programmesApi.openapi(
  createRoute({
    method: 'get',
    path: '/programmes',
    tags: TAGS,
    summary: 'Partner-assistance programmes, newest first, with their status as of today',
    request: { query: z.object({ pairingId: z.coerce.number().int().positive().optional() }) },
    responses: { 200: json(z.object({ items: z.array(ProgrammeSummary) }), 'Programmes') },
  }),
  async (c) => {
    const ctx = contextOf(c);
    const rows = await svc.listProgrammes(c.var.deps, ctx, c.req.valid('query'));
    return c.json({ items: rows.map((r) => presentSummary(r.programme, r.status, ctx.lang)) }, 200);
  },
);

programmesApi.openapi(
  createRoute({
    method: 'post',
    path: '/programmes',
    tags: TAGS,
    summary: 'Create a programme on an assistance pairing (the giving side’s coordinators, admins)',
    request: { body: body(ProgrammeInput.openapi('ProgrammeInput')) },
    responses: { 201: json(Programme, 'Created'), ...problemResponses(400, 401, 403) },
  }),
  async (c) => {
    requireUser(c);
    const ctx = contextOf(c);
    const row = await svc.createProgramme(c.var.deps, ctx, c.req.valid('json'));
    return c.json(present(await view(c, row.id), ctx.lang), 201);
  },
);

programmesApi.openapi(
  createRoute({
    method: 'get',
    path: '/programmes/{id}',
    tags: TAGS,
    summary: 'A programme: each indicator against its schedule with its status, periods and reports',
    description:
      'Statuses count confirmed reports only. Reports not yet confirmed are shown to both sides’ coordinators.',
    request: { params: IdParam, query: AsOf },
    responses: { 200: json(Programme, 'The programme'), ...problemResponses(400, 404) },
  }),
  async (c) => {
    const v = await view(c, c.req.valid('param').id, c.req.valid('query').asOf);
    return c.json(present(v, contextOf(c).lang), 200);
  },
);

programmesApi.openapi(
  createRoute({
    method: 'post',
    path: '/programmes/{id}/indicators',
    tags: TAGS,
    summary: 'Add an indicator (a standard kind in its unit, or “other”) with optional per-period targets',
    request: { params: IdParam, body: body(IndicatorInput.openapi('IndicatorInput')) },
    responses: { 201: json(Indicator, 'Added'), ...problemResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    const row = await svc.addIndicator(c.var.deps, contextOf(c), id, c.req.valid('json'));
    const v = await view(c, id);
    return c.json(presentIndicator(v.indicators.find((i) => i.indicator.id === row.id)!), 201);
  },
);

programmesApi.openapi(
  createRoute({
    method: 'post',
    path: '/programmes/{id}/reports',
    tags: TAGS,
    summary: 'Submit a period’s progress (the giving side’s coordinators); the receiving side confirms it',
    description:
      'Values are what was added in the period, by indicator id. A period already confirmed or waiting ' +
      'for confirmation is refused with 409; `draft: true` saves without sending.',
    request: { params: IdParam, body: body(ReportInput.openapi('ReportInput')) },
    responses: { 201: json(Report, 'Submitted'), ...problemResponses(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    const row = await svc.submitReport(c.var.deps, contextOf(c), id, c.req.valid('json'));
    const v = await view(c, id);
    return c.json(presentReport(v.reports.find((r) => r.report.id === row.id)!), 201);
  },
);

programmesApi.openapi(
  createRoute({
    method: 'post',
    path: '/programmes/{id}/reports/{reportId}/confirm',
    tags: TAGS,
    summary: 'Confirm a submitted report (the receiving side’s coordinators, admins)',
    request: { params: ReportParam },
    responses: { 200: json(Report, 'Confirmed'), ...problemResponses(401, 403, 404, 409) },
  }),
  async (c) => {
    requireUser(c);
    const { id, reportId } = c.req.valid('param');
    await svc.confirmReport(c.var.deps, contextOf(c), id, reportId);
    const v = await view(c, id);
    return c.json(presentReport(v.reports.find((r) => r.report.id === reportId)!), 200);
  },
);

programmesApi.openapi(
  createRoute({
    method: 'get',
    path: '/programmes/{id}/reports/export',
    tags: TAGS,
    summary: 'Download the programme’s progress reports the caller may see as CSV or XLSX',
    description:
      `One row per report and indicator. Headers and labels in \`lang\` (default: the caller’s language); ` +
      `\`columns\` is a comma-separated choice of ${REPORT_COLUMNS.join(', ')} (default: all).`,
    request: {
      params: IdParam,
      query: z.object({
        format: z.enum(REPORT_EXPORT_FORMATS).default('csv'),
        lang: z.enum(LANGS).optional(),
        columns: z.string().max(500).optional(),
      }),
    },
    responses: {
      200: fileResponse(REPORT_EXPORT_FORMATS, EXPORT_MEDIA_TYPES),
      ...problemResponses(400, 404),
    },
  }),
  async (c) => {
    const { format, lang, columns } = c.req.valid('query');
    const ctx = contextOf(c);
    const chosen = lang ?? ctx.lang;
    const cols = parseColumns(columns, chosen);
    const v = await view(c, c.req.valid('param').id);
    const bytes = await exportReports(v, format, chosen, cols);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': EXPORT_MEDIA_TYPES[format],
      'Content-Disposition': `attachment; filename="${reportsFileName(format, c.var.deps.now())}"`,
    });
  },
);
