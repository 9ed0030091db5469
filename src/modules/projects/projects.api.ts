/** `/api/v1/projects…`: cooperation projects, their stages, milestones and progress updates, and the export. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isoShanghai, LANGS } from '../../lib/i18n.ts';
import { body, json, newApi, problemResponses, requireUser, fileResponse } from '../../web/api.ts';
import { downloadHeaders } from '../files/files.service.ts';
import type { AppEnv } from '../../web/env.ts';
import { contextOf } from '../accounts/context.ts';
import { AGREEMENT_TYPES } from '../agreements/kinds.ts';
import { chinaDate } from '../matching/core/score.ts';
import { LISTING_CATEGORY_CODES } from '../taxonomy/categories.data.ts';
import {
  EXPORT_FORMATS,
  EXPORT_MEDIA_TYPES,
  exportFileName,
  exportProjects,
  projectsForExport,
} from './export.ts';
import { DoneInput, MilestoneInput, ProjectInput, ReviewInput, StageInput, UpdateInput } from './fields.ts';
import * as svc from './projects.service.ts';
import { PROJECT_STAGES, UPDATE_STATUSES } from './schema.ts';

export const projectsApi = newApi();

const Time = z.string().openapi({ format: 'date-time', example: '2018-03-01T09:30:00+08:00' });
const Day = z.string().openapi({ format: 'date', example: '2018-03-01' });
const TAGS = ['Projects'];

const Party = z.object({
  orgId: z.uuid(),
  region: z.string().openapi({ example: 'CN-JL' }),
  nameEn: z.string(),
  nameZh: z.string(),
});

const Milestone = z
  .object({
    id: z.uuid(),
    title: z.string(),
    dueOn: Day,
    doneOn: Day.nullable(),
    overdue: z.boolean().openapi({ description: 'Past due (China date) and not done' }),
  })
  .openapi('ProjectMilestone');

const Update = z
  .object({
    id: z.uuid(),
    orgId: z.uuid().openapi({ description: 'The party the update was submitted for' }),
    status: z.enum(UPDATE_STATUSES),
    body: z.string(),
    actualInvestmentCny: z.number().nullable(),
    jobsCreated: z.number().int().nullable(),
    overrunNote: z.string().nullable(),
    submittedAt: Time,
    reviewedAt: Time.nullable(),
    submittedBy: z
      .string()
      .nullable()
      .openapi({ description: 'Shown to parties and their coordinators only' }),
    reviewedBy: z.string().nullable(),
    reviewNote: z.string().nullable(),
    canReview: z.boolean(),
  })
  .openapi('ProjectUpdate');

const ProjectSummary = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    title: z.string(),
    summary: z.string(),
    language: z.enum(LANGS),
    stage: z.enum(PROJECT_STAGES),
    category: z.enum(LISTING_CATEGORY_CODES),
    sector: z.string().nullable(),
    region: z.string(),
    areaCode: z.string().nullable(),
    dates: z.object({
      signedOn: Day,
      landedOn: Day.nullable(),
      startedOn: Day.nullable(),
      inProductionOn: Day.nullable(),
      stalledOn: Day.nullable(),
      cancelledOn: Day.nullable(),
    }),
    contractedInvestmentCny: z.number().nullable(),
    actualInvestmentCny: z.number().openapi({ description: 'Changed only by approved updates' }),
    jobsCreated: z.number().int(),
    published: z.boolean(),
    parties: z.array(Party),
    updatedAt: Time,
    url: z.string().openapi({ example: '/en/projects/…' }),
  })
  .openapi('ProjectSummary');

const INSIDERS = 'Only for the parties, their regions’ coordinators and admins';

const Project = ProjectSummary.extend({
  agreement: z.object({
    id: z.uuid(),
    type: z.enum(AGREEMENT_TYPES),
    signedOn: Day,
    confirmed: z.boolean(),
    title: z.string().optional().openapi({ description: INSIDERS }),
    language: z.enum(LANGS).optional().openapi({ description: INSIDERS }),
    valueCny: z.number().nullable().optional().openapi({ description: INSIDERS }),
  }),
  documents: z
    .array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        bytes: z.number().int(),
        mediaType: z.string(),
        url: z.string().openapi({ example: '/api/v1/projects/…/documents/…' }),
      }),
    )
    .openapi({ description: 'The agreement’s documents not marked confidential' }),
  history: z.array(
    z.object({
      from: z.enum(PROJECT_STAGES).nullable(),
      to: z.enum(PROJECT_STAGES),
      on: Day,
      reason: z.string().nullable(),
      by: z.string().nullable(),
      at: Time,
    }),
  ),
  milestones: z.array(Milestone),
  updates: z.array(Update),
  can: z.object({
    manage: z.boolean(),
    submitUpdate: z.boolean(),
    stages: z.array(z.enum(PROJECT_STAGES)),
  }),
}).openapi('Project');

type SummaryJson = z.infer<typeof ProjectSummary>;

function presentSummary(p: svc.ProjectRow, parties: svc.NamedParty[], lang: 'en' | 'zh'): SummaryJson {
  return {
    id: p.id,
    agreementId: p.agreementId,
    title: p.title,
    summary: p.summary,
    language: p.language,
    stage: p.stage,
    category: p.category,
    sector: p.sector,
    region: p.regionCode,
    areaCode: p.areaCode,
    dates: {
      signedOn: p.signedOn,
      landedOn: p.landedOn,
      startedOn: p.startedOn,
      inProductionOn: p.inProductionOn,
      stalledOn: p.stalledOn,
      cancelledOn: p.cancelledOn,
    },
    contractedInvestmentCny: p.contractedInvestmentCny,
    actualInvestmentCny: p.actualInvestmentCny,
    jobsCreated: p.jobsCreated,
    published: p.published,
    parties: parties.map((x) => ({
      orgId: x.orgId,
      region: x.regionCode,
      nameEn: x.nameEn,
      nameZh: x.nameZh,
    })),
    updatedAt: isoShanghai(p.updatedAt),
    url: `/${lang}/projects/${p.id}`,
  };
}

const presentMilestone = (m: svc.MilestoneView) => ({
  id: m.id,
  title: m.title,
  dueOn: m.dueOn,
  doneOn: m.doneOn,
  overdue: m.overdue,
});

const presentUpdate = (u: svc.UpdateView) => ({
  id: u.id,
  orgId: u.orgId,
  status: u.status,
  body: u.body,
  actualInvestmentCny: u.actualInvestmentCny,
  jobsCreated: u.jobsCreated,
  overrunNote: u.overrunNote,
  submittedAt: isoShanghai(u.submittedAt),
  reviewedAt: u.reviewedAt ? isoShanghai(u.reviewedAt) : null,
  submittedBy: u.submittedByName,
  reviewedBy: u.reviewedByName,
  reviewNote: u.reviewNote,
  canReview: u.canReview,
});

/** The project as the caller now sees it. */
async function present(c: Context<AppEnv>, id: string) {
  const ctx = contextOf(c);
  const v = await svc.getProject(c.var.deps, ctx, id);
  return {
    ...presentSummary(v.project, v.parties, ctx.lang),
    agreement: {
      id: v.agreement.id,
      type: v.agreement.type,
      signedOn: v.agreement.signedOn,
      confirmed: v.agreement.confirmed,
      // The agreement's own title and value are the insiders'; the public sees the project's figures.
      ...(v.agreement.details
        ? {
            title: v.agreement.details.title,
            language: v.agreement.details.language,
            valueCny: v.agreement.details.valueCny,
          }
        : {}),
    },
    documents: v.documents.map((d) => ({
      id: d.id,
      name: d.name,
      bytes: d.bytes,
      mediaType: d.mediaType,
      url: `/api/v1/projects/${id}/documents/${d.id}`,
    })),
    history: v.history.map((h) => ({
      from: h.fromStage,
      to: h.toStage,
      on: h.on,
      reason: h.reason,
      by: h.changedByName,
      at: isoShanghai(h.changedAt),
    })),
    milestones: v.milestones.map(presentMilestone),
    updates: v.updates.map(presentUpdate),
    can: { manage: v.can.manage, submitUpdate: v.can.submitUpdate, stages: v.can.stages },
  };
}

const IdParam = z.object({ id: z.string().min(1).max(100) });
const MilestoneParam = IdParam.extend({ milestoneId: z.string().min(1).max(100) });
const UpdateParam = IdParam.extend({ updateId: z.string().min(1).max(100) });

const ListQuery = z.object({
  stage: z.enum(PROJECT_STAGES).optional(),
  region: z
    .string()
    .regex(/^CN-[A-Z]{2}$/)
    .optional()
    .openapi({ example: 'CN-JL' }),
  category: z.enum(LISTING_CATEGORY_CODES).optional(),
  sector: z
    .string()
    .regex(/^[A-T](\d{2})?$/)
    .optional()
    .openapi({ description: 'A GB/T 4754 division (C15) or section letter (C)' }),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

projectsApi.openapi(
  createRoute({
    method: 'get',
    path: '/projects',
    tags: TAGS,
    summary: 'Published cooperation projects, most recently changed first',
    request: { query: ListQuery },
    responses: {
      200: json(
        z.object({
          items: z.array(ProjectSummary),
          total: z.number().int(),
          page: z.number().int(),
          pageSize: z.number().int(),
        }),
        'Projects',
      ),
      ...problemResponses(400),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const ctx = contextOf(c);
    const data = await svc.listProjects(c.var.deps, ctx, query);
    const items = data.rows.map((r) => presentSummary(r.project, r.parties, ctx.lang));
    return c.json({ items, total: data.total, page: query.page, pageSize: query.pageSize }, 200);
  },
);

// Registered before `/projects/{id}`, which would otherwise take `export` for an id.
projectsApi.openapi(
  createRoute({
    method: 'get',
    path: '/projects/export',
    tags: TAGS,
    summary: 'Download the projects the caller may see as CSV, XLSX or JSON Lines',
    description:
      'CSV and XLSX carry headers and labels in `lang` (default: the caller’s language); JSON Lines carries codes.',
    request: {
      query: z.object({ format: z.enum(EXPORT_FORMATS).default('csv'), lang: z.enum(LANGS).optional() }),
    },
    responses: {
      200: fileResponse(EXPORT_FORMATS, EXPORT_MEDIA_TYPES),
      ...problemResponses(400),
    },
  }),
  async (c) => {
    const { format, lang } = c.req.valid('query');
    const ctx = contextOf(c);
    const { deps } = c.var;
    const rows = await projectsForExport(deps, ctx);
    const bytes = await exportProjects(deps, rows, format, lang ?? ctx.lang, deps.config.publicUrl);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': EXPORT_MEDIA_TYPES[format],
      'Content-Disposition': `attachment; filename="${exportFileName(format, deps.now())}"`,
    });
  },
);

projectsApi.openapi(
  createRoute({
    method: 'get',
    path: '/projects/updates/awaiting',
    tags: TAGS,
    summary:
      'Progress updates waiting for the caller’s approval (coordinators: their region’s organisations; admins: all)',
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              id: z.uuid(),
              projectId: z.uuid(),
              projectTitle: z.string(),
              orgId: z.uuid(),
              orgNameEn: z.string(),
              orgNameZh: z.string(),
              region: z.string(),
              body: z.string(),
              actualInvestmentCny: z.number().nullable(),
              jobsCreated: z.number().int().nullable(),
              overrunNote: z.string().nullable(),
              submittedBy: z.string(),
              submittedAt: Time,
            }),
          ),
        }),
        'Updates, oldest first',
      ),
      ...problemResponses(401, 403),
    },
  }),
  async (c) => {
    requireUser(c);
    const rows = await svc.updatesAwaitingApproval(c.var.deps, contextOf(c));
    const items = rows.map((u) => ({
      id: u.id,
      projectId: u.projectId,
      projectTitle: u.projectTitle,
      orgId: u.orgId,
      orgNameEn: u.orgNameEn,
      orgNameZh: u.orgNameZh,
      region: u.regionCode,
      body: u.body,
      actualInvestmentCny: u.actualInvestmentCny,
      jobsCreated: u.jobsCreated,
      overrunNote: u.overrunNote,
      submittedBy: u.submittedByName,
      submittedAt: isoShanghai(u.submittedAt),
    }));
    return c.json({ items }, 200);
  },
);

projectsApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects',
    tags: TAGS,
    summary: 'Turn a signed agreement into a project (parties’ members, their regions’ coordinators, admins)',
    request: { body: body(ProjectInput.extend({ agreementId: z.string() }).openapi('ProjectInput')) },
    description:
      'The agreement must be confirmed by every party’s region, and carry no project yet unless it is a framework agreement (409 naming `agreementId`).',
    responses: { 201: json(Project, 'Created'), ...problemResponses(400, 401, 403, 409) },
  }),
  async (c) => {
    requireUser(c);
    const { agreementId, ...input } = c.req.valid('json');
    const row = await svc.createProject(c.var.deps, contextOf(c), agreementId, input);
    return c.json(await present(c, row.id), 201);
  },
);

projectsApi.openapi(
  createRoute({
    method: 'get',
    path: '/projects/{id}',
    tags: TAGS,
    summary: 'A project with its stage history, milestones and updates (pending ones for insiders only)',
    request: { params: IdParam },
    responses: { 200: json(Project, 'The project'), ...problemResponses(404) },
  }),
  async (c) => c.json(await present(c, c.req.valid('param').id), 200),
);

projectsApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/stage',
    tags: TAGS,
    summary: 'Move the project to another stage (a step back, a stall or a cancellation needs a reason)',
    request: { params: IdParam, body: body(StageInput.openapi('StageChange')) },
    responses: { 200: json(Project, 'Changed'), ...problemResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    await svc.changeStage(c.var.deps, contextOf(c), id, c.req.valid('json'));
    return c.json(await present(c, id), 200);
  },
);

projectsApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/published',
    tags: TAGS,
    summary: 'Show the project on the public pages or take it off them (those who manage the project)',
    request: {
      params: IdParam,
      body: body(z.object({ published: z.boolean() }).openapi('ProjectPublished')),
    },
    responses: { 200: json(Project, 'Changed'), ...problemResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    await svc.setProjectPublished(c.var.deps, contextOf(c), id, c.req.valid('json').published);
    return c.json(await present(c, id), 200);
  },
);

projectsApi.openapi(
  createRoute({
    method: 'get',
    path: '/projects/{id}/documents/{fileId}',
    tags: TAGS,
    summary: 'Download a document of the project’s agreement that is not marked confidential',
    description: 'For whoever may see the project (anyone, when it is published).',
    request: { params: IdParam.extend({ fileId: z.string().min(1).max(100) }) },
    responses: {
      200: {
        description: 'The document, as an attachment',
        content: {
          'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
          'image/*': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
      ...problemResponses(404),
    },
  }),
  async (c) => {
    const { id, fileId } = c.req.valid('param');
    const { file, bytes } = await svc.projectDocument(c.var.deps, contextOf(c), id, fileId);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, downloadHeaders(file));
  },
);

projectsApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/milestones',
    tags: TAGS,
    summary: 'Add a milestone',
    request: { params: IdParam, body: body(MilestoneInput.openapi('MilestoneInput')) },
    responses: { 201: json(Milestone, 'Added'), ...problemResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    const ctx = contextOf(c);
    const m = await svc.addMilestone(c.var.deps, ctx, id, c.req.valid('json'));
    return c.json(presentMilestone({ ...m, overdue: m.dueOn < chinaDate(c.var.deps.now()) }), 201);
  },
);

projectsApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/milestones/{milestoneId}/done',
    tags: TAGS,
    summary: 'Mark a milestone done on a date (not in the future)',
    request: { params: MilestoneParam, body: body(DoneInput) },
    responses: { 200: json(Milestone, 'Done'), ...problemResponses(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    requireUser(c);
    const { id, milestoneId } = c.req.valid('param');
    const m = await svc.completeMilestone(c.var.deps, contextOf(c), id, milestoneId, c.req.valid('json'));
    return c.json(presentMilestone({ ...m, overdue: false }), 200);
  },
);

projectsApi.openapi(
  createRoute({
    method: 'get',
    path: '/projects/{id}/updates',
    tags: TAGS,
    summary: 'A project’s progress updates, newest first (approved ones only for the public)',
    request: { params: IdParam },
    responses: { 200: json(z.object({ items: z.array(Update) }), 'Updates'), ...problemResponses(404) },
  }),
  async (c) => {
    const v = await svc.getProject(c.var.deps, contextOf(c), c.req.valid('param').id);
    return c.json({ items: v.updates.map(presentUpdate) }, 200);
  },
);

projectsApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/updates',
    tags: TAGS,
    summary:
      'Submit a progress update for your organisation; its figures count once a coordinator approves it',
    description:
      'An actual investment above the contracted one, or figures below the approved ones, need `overrunNote`.',
    request: { params: IdParam, body: body(UpdateInput.openapi('UpdateInput')) },
    responses: { 201: json(Update, 'Submitted, pending approval'), ...problemResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    const ctx = contextOf(c);
    const u = await svc.submitUpdate(c.var.deps, ctx, id, c.req.valid('json'));
    const v = await svc.getProject(c.var.deps, ctx, id);
    return c.json(presentUpdate(v.updates.find((x) => x.id === u.id)!), 201);
  },
);

projectsApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/updates/{updateId}/review',
    tags: TAGS,
    summary: 'Approve or reject a pending update (a coordinator of its organisation’s region, or an admin)',
    description: 'Approving applies its figures to the project; rejecting needs a `note`.',
    request: { params: UpdateParam, body: body(ReviewInput.openapi('UpdateReview')) },
    responses: { 200: json(Update, 'Reviewed'), ...problemResponses(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    requireUser(c);
    const { id, updateId } = c.req.valid('param');
    const ctx = contextOf(c);
    await svc.reviewUpdate(c.var.deps, ctx, id, updateId, c.req.valid('json'));
    const v = await svc.getProject(c.var.deps, ctx, id);
    return c.json(presentUpdate(v.updates.find((x) => x.id === updateId)!), 200);
  },
);
