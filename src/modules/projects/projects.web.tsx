/**
 * The project pages: the public list, one project (with the forms the viewer may use), and the form that
 * turns an agreement into a project. Forms post back and redirect (scripts off); a failed form re-renders
 * the page with its errors beside its fields.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../web/env.ts';
import { readForm, submitPageForm, tryUseCase, type FormValues } from '../../web/form-parse.ts';
import { renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { downloadHeaders } from '../files/files.service.ts';
import { listRegions } from '../regions/regions.service.ts';
import { LISTING_CATEGORY_CODES } from '../taxonomy/categories.data.ts';
import type { ProjectInput } from './fields.ts';
import {
  addMilestone,
  agreementForProject,
  changeStage,
  completeMilestone,
  createProject,
  getProject,
  listProjects,
  projectDocument,
  reviewUpdate,
  setProjectPublished,
  submitUpdate,
} from './projects.service.ts';
import { PROJECT_STAGES } from './schema.ts';
import { projectsUi } from './ui-messages.ts';
import { LIST_PAGE_SIZE, ListPage } from './views/list-page.tsx';
import { NewProjectPage } from './views/new-page.tsx';
import { DONE, type Done } from './views/parts.tsx';
import type { FailedForm } from './views/project-forms.tsx';
import { ProjectPage } from './views/project-page.tsx';

export const projectsWeb = new Hono<AppEnv>();

async function places(c: Context<AppEnv>) {
  const rows = await listRegions(c.var.deps.db);
  return { rows, places: new Map(rows.map((r) => [r.code, r])) };
}

/** Unknown filter values are dropped rather than refused: these are links people edit. */
const ListQuery = z.object({
  stage: z.enum(PROJECT_STAGES).optional().catch(undefined),
  region: z
    .string()
    .regex(/^CN-[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  category: z.enum(LISTING_CATEGORY_CODES).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

projectsWeb.get('/projects', async (c) => {
  const f = ListQuery.parse(c.req.query());
  const filter = { ...f, q: f.q || undefined };
  const [data, regions] = await Promise.all([
    listProjects(c.var.deps, contextOf(c), { ...filter, pageSize: LIST_PAGE_SIZE }),
    places(c),
  ]);
  return renderPage(c, {
    title: projectsUi(c.var.lang)('listTitle'),
    children: (
      <ListPage
        lang={c.var.lang}
        filter={filter}
        rows={data.rows}
        total={data.total}
        provinces={regions.rows.filter((r) => r.level === 'province')}
        places={regions.places}
      />
    ),
  });
});

/** A form's amount or count as a number (blank: absent); what is not a number is left for the use case to refuse. */
function num(value: string | undefined): number | undefined {
  const s = value?.trim();
  if (!s) return undefined;
  const n = Number(s.replace(/[\s,，]/g, ''));
  return Number.isNaN(n) ? Number.NaN : n;
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

async function renderNew(
  c: Context<AppEnv>,
  values: FormValues,
  errors: Record<string, string>,
  status: 200 | 400 | 409 = 200,
) {
  const agreementId = c.req.query('agreement') ?? '';
  const draft = await agreementForProject(c.var.deps, contextOf(c), agreementId);
  const lang = c.var.lang;
  return renderPage(
    c,
    {
      title: projectsUi(lang)('newTitle'),
      head: <meta name="robots" content="noindex" />,
      children: (
        <NewProjectPage
          lang={lang}
          csrf={c.var.csrfToken}
          draft={draft}
          places={(await places(c)).places}
          values={values}
          errors={errors}
        />
      ),
    },
    status,
  );
}

projectsWeb.get('/projects/new', (c) => renderNew(c, {}, {}));

projectsWeb.post('/projects/new', async (c) => {
  const lang = c.var.lang;
  const values = await readForm(c);
  const input = {
    title: values.title ?? '',
    summary: text(values.summary),
    language: values.language as ProjectInput['language'],
    category: values.category as ProjectInput['category'],
    sector: text(values.sector),
    regionCode: values.regionCode ?? '',
    areaCode: text(values.areaCode),
    contractedInvestmentCny: num(values.contractedInvestmentCny),
    published: values.published !== 'no',
  };
  const agreementId = c.req.query('agreement') ?? '';
  const result = await tryUseCase(
    () => createProject(c.var.deps, contextOf(c), agreementId, input),
    lang,
    'title',
  );
  if (!result.ok) return renderNew(c, values, result.errors, result.status === 409 ? 409 : 400);
  return c.redirect(`/${lang}/projects/${result.value.id}?done=created`, 303);
});

/** The project page, also re-rendered (with the status given) when one of its forms failed. */
async function renderProject(c: Context<AppEnv>, failed?: FailedForm, status: 200 | 400 | 409 = 200) {
  const id = c.req.param('id') ?? '';
  const view = await getProject(c.var.deps, contextOf(c), id);
  const doneParam = c.req.query('done');
  const done: Done | undefined = DONE.find((d) => d === doneParam);
  return renderPage(
    c,
    {
      title: view.project.title,
      head: view.project.published ? undefined : <meta name="robots" content="noindex" />,
      children: (
        <ProjectPage
          lang={c.var.lang}
          csrf={c.var.csrfToken}
          view={view}
          places={(await places(c)).places}
          done={failed ? undefined : done}
          failed={failed}
        />
      ),
    },
    status,
  );
}

projectsWeb.get('/projects/:id', (c) => renderProject(c));

/** Runs one of the project page's forms: back to the page with a notice, or the page again with the errors. */
function handle(
  c: Context<AppEnv>,
  form: string,
  run: (values: FormValues) => Promise<unknown>,
  done: (values: FormValues) => Done,
) {
  return submitPageForm(
    c,
    form,
    run,
    (values) => `/${c.var.lang}/projects/${c.req.param('id')}?done=${done(values)}`,
    (failed, status) => renderProject(c, failed, status),
  );
}

projectsWeb.post('/projects/:id/stage', (c) =>
  handle(
    c,
    'stage',
    (v) =>
      changeStage(c.var.deps, contextOf(c), c.req.param('id'), {
        stage: v.stage as (typeof PROJECT_STAGES)[number],
        on: v.on ?? '',
        reason: text(v.reason),
      }),
    () => 'stage',
  ),
);

projectsWeb.post('/projects/:id/published', (c) =>
  handle(
    c,
    'published',
    (v) => setProjectPublished(c.var.deps, contextOf(c), c.req.param('id'), v.published === 'yes'),
    (v) => (v.published === 'yes' ? 'published' : 'unpublished'),
  ),
);

/** A document of the project's agreement not marked confidential, for whoever may see the project. */
projectsWeb.get('/projects/:id/documents/:fileId', async (c) => {
  const { file, bytes } = await projectDocument(
    c.var.deps,
    contextOf(c),
    c.req.param('id'),
    c.req.param('fileId'),
  );
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, downloadHeaders(file));
});

projectsWeb.post('/projects/:id/milestones', (c) =>
  handle(
    c,
    'milestone',
    (v) =>
      addMilestone(c.var.deps, contextOf(c), c.req.param('id'), {
        title: v.title ?? '',
        dueOn: v.dueOn ?? '',
      }),
    () => 'milestone',
  ),
);

projectsWeb.post('/projects/:id/milestones/:milestoneId/done', (c) =>
  handle(
    c,
    `done-${c.req.param('milestoneId')}`,
    (v) =>
      completeMilestone(c.var.deps, contextOf(c), c.req.param('id'), c.req.param('milestoneId'), {
        doneOn: v.doneOn ?? '',
      }),
    () => 'done',
  ),
);

projectsWeb.post('/projects/:id/updates', (c) =>
  handle(
    c,
    'update',
    (v) =>
      submitUpdate(c.var.deps, contextOf(c), c.req.param('id'), {
        body: v.body ?? '',
        actualInvestmentCny: num(v.actualInvestmentCny),
        jobsCreated: num(v.jobsCreated),
        overrunNote: text(v.overrunNote),
      }),
    () => 'update',
  ),
);

projectsWeb.post('/projects/:id/updates/:updateId/review', (c) =>
  handle(
    c,
    `review-${c.req.param('updateId')}`,
    (v) =>
      reviewUpdate(c.var.deps, contextOf(c), c.req.param('id'), c.req.param('updateId'), {
        approve: v.decision === 'approve',
        note: text(v.note),
      }),
    (v) => (v.decision === 'approve' ? 'approved' : 'rejected'),
  ),
);
