/**
 * The visit pages: the list, one visit, and the coordinators' forms (record, edit, add a participant, add
 * an agreed area, link what delivers it, link an article). Forms post back and redirect (scripts off); a
 * failed form re-renders with its errors.
 */
import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../../web/env.ts';
import { readForm, tryUseCase, type FormValues } from '../../web/form-parse.ts';
import type { FormErrors } from '../../web/forms.tsx';
import { renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { authorize } from '../accounts/policy.ts';
import { listPairings, listRegions } from '../regions/regions.service.ts';
import type { MeetingInput, VisitInput } from './fields.ts';
import { canManageVisit, canRecordVisits } from './policy.ts';
import type { LINK_KINDS, VISIT_SIDES } from './schema.ts';
import { visitsUi } from './ui-messages.ts';
import * as svc from './visits.service.ts';
import {
  AreaPage,
  ArticleLinkPage,
  LinkPage,
  ParticipantPage,
  SPARE_MEETINGS,
  VisitFormPage,
} from './views/forms.tsx';
import { ListPage, PAST_PAGE_SIZE } from './views/list-page.tsx';
import { DONE, type Done } from './views/parts.tsx';
import { VisitPage } from './views/visit-page.tsx';

export const visitsWeb = new Hono<AppEnv>();

async function places(c: Context<AppEnv>) {
  const rows = await listRegions(c.var.deps.db);
  return {
    provinces: rows.filter((r) => r.level === 'province'),
    places: new Map(rows.map((r) => [r.code, r])),
  };
}

/** Unknown filter values are dropped rather than refused: these are links people edit. */
const ListQuery = z.object({
  region: z
    .string()
    .regex(/^CN-[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  pairing: z.coerce.number().int().min(1).optional().catch(undefined),
  year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

visitsWeb.get('/visits', async (c) => {
  const raw = c.req.query();
  const f = ListQuery.parse({ ...raw, pairing: raw.pairing || undefined, year: raw.year || undefined });
  const ctx = contextOf(c);
  const { deps } = c.var;
  const [upcoming, past, regions, pairings] = await Promise.all([
    svc.listVisits(deps, ctx, { ...f, when: 'upcoming', page: 1, pageSize: 50 }),
    svc.listVisits(deps, ctx, { ...f, when: 'past', pageSize: PAST_PAGE_SIZE }),
    places(c),
    listPairings(deps.db),
  ]);
  return renderPage(c, {
    title: visitsUi(c.var.lang)('listTitle'),
    children: (
      <ListPage
        lang={c.var.lang}
        filter={f}
        upcoming={upcoming.rows}
        past={past.rows}
        pastTotal={past.total}
        canRecord={upcoming.canRecord}
        provinces={regions.provinces}
        pairings={pairings}
        places={regions.places}
      />
    ),
  });
});

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The meeting rows of the visit form that are not blank, numbered as they were on the form. */
function meetingsOf(values: FormValues): { meetings: MeetingInput[]; rows: number } {
  const indexes = Object.keys(values)
    .map((k) => /^meetings\.(\d+)\.(title|on|place)$/.exec(k)?.[1])
    .filter((n) => n !== undefined)
    .map(Number);
  const rows = indexes.length > 0 ? Math.max(...indexes) + 1 : 0;
  const meetings: MeetingInput[] = [];
  for (let i = 0; i < rows; i++) {
    const m = {
      title: text(values[`meetings.${i}.title`]),
      on: text(values[`meetings.${i}.on`]),
      place: text(values[`meetings.${i}.place`]),
    };
    // Blank rows are left out; a row with a date or place but no title is sent, so its error shows.
    if (m.title || m.on || m.place) meetings.push({ title: m.title ?? '', on: m.on, place: m.place });
  }
  return { meetings, rows };
}

function visitInputOf(values: FormValues): VisitInput {
  return {
    kind: values.kind as VisitInput['kind'],
    titleZh: values.titleZh ?? '',
    titleEn: values.titleEn ?? '',
    startsOn: values.startsOn ?? '',
    endsOn: values.endsOn ?? '',
    hostRegionCode: values.hostRegionCode ?? '',
    hostAreaCode: text(values.hostAreaCode),
    visitingRegionCode: values.visitingRegionCode ?? '',
    visitingAreaCode: text(values.visitingAreaCode),
    places: text(values.places),
    summaryZh: text(values.summaryZh),
    summaryEn: text(values.summaryEn),
    published: values.published !== 'no',
    meetings: meetingsOf(values).meetings,
  };
}

/**
 * Error fields name meetings by their place in the list sent, which skips blank rows: point them back at
 * the row of the form they came from.
 */
function meetingErrors(values: FormValues, errors: FormErrors): FormErrors {
  const { rows } = meetingsOf(values);
  const sent: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (['title', 'on', 'place'].some((k) => text(values[`meetings.${i}.${k}`]))) sent.push(i);
  }
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => {
      const m = /^meetings\.(\d+)\.(.+)$/.exec(field);
      return [m ? `meetings.${sent[Number(m[1])] ?? m[1]}.${m[2]}` : field, message];
    }),
  );
}

async function renderVisitForm(
  c: Context<AppEnv>,
  visit: svc.VisitRow | undefined,
  values: FormValues,
  errors: FormErrors,
  status: 200 | 400 | 409 = 200,
) {
  const lang = c.var.lang;
  const filled = meetingsOf(values).rows;
  return renderPage(
    c,
    {
      title: visitsUi(lang)(visit ? 'editTitle' : 'newTitle'),
      head: <meta name="robots" content="noindex" />,
      children: (
        <VisitFormPage
          lang={lang}
          csrf={c.var.csrfToken}
          visit={visit}
          provinces={(await places(c)).provinces}
          values={values}
          errors={errors}
          meetingRows={filled + SPARE_MEETINGS}
        />
      ),
    },
    status,
  );
}

visitsWeb.get('/visits/new', (c) => {
  authorize(c.var.user ?? null, canRecordVisits(c.var.user ?? null));
  return renderVisitForm(c, undefined, { kind: 'visit', published: 'yes' }, {});
});

visitsWeb.post('/visits/new', async (c) => {
  const lang = c.var.lang;
  const values = await readForm(c);
  const result = await tryUseCase(
    () => svc.createVisit(c.var.deps, contextOf(c), visitInputOf(values)),
    lang,
  );
  if (!result.ok) return renderVisitForm(c, undefined, values, meetingErrors(values, result.errors), 400);
  return c.redirect(`/${lang}/visits/${result.value.id}?done=created`, 303);
});

visitsWeb.get('/visits/:id', async (c) => {
  const view = await svc.getVisit(c.var.deps, contextOf(c), c.req.param('id'));
  const lang = c.var.lang;
  const doneParam = c.req.query('done');
  const done: Done | undefined = DONE.find((d) => d === doneParam);
  return renderPage(c, {
    title: lang === 'zh' ? view.visit.titleZh : view.visit.titleEn,
    head: view.visit.published ? undefined : <meta name="robots" content="noindex" />,
    children: (
      <VisitPage
        lang={lang}
        csrf={c.var.csrfToken}
        view={view}
        places={(await places(c)).places}
        done={done}
      />
    ),
  });
});

/** The visit a form belongs to, for a viewer who manages it (404 unseen, 403 seen but not theirs). */
async function managed(c: Context<AppEnv>) {
  const view = await svc.getVisit(c.var.deps, contextOf(c), c.req.param('id') ?? '');
  authorize(c.var.user ?? null, canManageVisit(c.var.user ?? null, view.visit));
  return view;
}

function valuesOfVisit(v: svc.VisitRow, meetings: svc.VisitView['meetings']): FormValues {
  const out: FormValues = {
    kind: v.kind,
    titleZh: v.titleZh,
    titleEn: v.titleEn,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    hostRegionCode: v.hostRegionCode,
    hostAreaCode: v.hostAreaCode ?? '',
    visitingRegionCode: v.visitingRegionCode,
    visitingAreaCode: v.visitingAreaCode ?? '',
    places: v.places,
    summaryZh: v.summaryZh,
    summaryEn: v.summaryEn,
    published: v.published ? 'yes' : 'no',
  };
  meetings.forEach((m, i) => {
    out[`meetings.${i}.title`] = m.title;
    out[`meetings.${i}.on`] = m.on ?? '';
    out[`meetings.${i}.place`] = m.place;
  });
  return out;
}

visitsWeb.get('/visits/:id/edit', async (c) => {
  const view = await managed(c);
  return renderVisitForm(c, view.visit, valuesOfVisit(view.visit, view.meetings), {});
});

visitsWeb.post('/visits/:id/edit', async (c) => {
  const lang = c.var.lang;
  const id = c.req.param('id');
  const view = await managed(c);
  const values = await readForm(c);
  const { participants: _p, ...input } = visitInputOf(values);
  // Meeting notes are not on the form: keep those of meetings whose title is unchanged.
  const notes = new Map(view.meetings.map((m) => [m.title, m.notes]));
  const meetings = (input.meetings ?? []).map((m) => ({ ...m, notes: notes.get(m.title) || undefined }));
  const result = await tryUseCase(
    () => svc.updateVisit(c.var.deps, contextOf(c), id, { ...input, meetings }),
    lang,
  );
  if (!result.ok) return renderVisitForm(c, view.visit, values, meetingErrors(values, result.errors), 400);
  return c.redirect(`/${lang}/visits/${id}?done=updated`, 303);
});

/** Renders one of a visit's small forms: on GET empty, after a failed POST with its errors. */
async function smallForm(
  c: Context<AppEnv>,
  render: (view: svc.VisitView, values: FormValues, errors: FormErrors) => JSX.Element | Promise<JSX.Element>,
  post?: { run: (values: FormValues) => Promise<unknown>; done: Done },
) {
  const view = await managed(c);
  const lang = c.var.lang;
  let values: FormValues = {};
  let errors: FormErrors = {};
  let status: 200 | 400 | 409 = 200;
  if (post) {
    values = await readForm(c);
    const result = await tryUseCase(() => post.run(values), lang);
    if (result.ok) return c.redirect(`/${lang}/visits/${view.visit.id}?done=${post.done}`, 303);
    errors = result.errors;
    status = result.status === 409 ? 409 : 400;
  }
  return renderPage(
    c,
    {
      title: lang === 'zh' ? view.visit.titleZh : view.visit.titleEn,
      head: <meta name="robots" content="noindex" />,
      children: await render(view, values, errors),
    },
    status,
  );
}

const participantForm =
  (c: Context<AppEnv>) => (view: svc.VisitView, values: FormValues, errors: FormErrors) => (
    <ParticipantPage
      lang={c.var.lang}
      csrf={c.var.csrfToken}
      visit={view.visit}
      values={values}
      errors={errors}
    />
  );

visitsWeb.get('/visits/:id/participants/new', (c) => smallForm(c, participantForm(c)));
visitsWeb.post('/visits/:id/participants/new', (c) =>
  smallForm(c, participantForm(c), {
    run: async (v) => {
      // The use case names `participants.0.name`; the form has one participant, whose field is `name`.
      const r = await tryUseCase(
        () =>
          svc.addParticipant(c.var.deps, contextOf(c), c.req.param('id'), {
            name: v.name ?? '',
            nameEn: text(v.nameEn),
            title: text(v.title),
            titleEn: text(v.titleEn),
            organisation: text(v.organisation),
            organisationEn: text(v.organisationEn),
            side: v.side as (typeof VISIT_SIDES)[number],
          }),
        c.var.lang,
      );
      if (r.ok) return r.value;
      throw new AppError(
        'validation',
        undefined,
        Object.entries(r.errors).map(([field, message]) => ({
          field: field.replace(/^participants\.0\./, ''),
          message,
        })),
      );
    },
    done: 'participant',
  }),
);

const areaForm =
  (c: Context<AppEnv>) => async (view: svc.VisitView, values: FormValues, errors: FormErrors) => (
    <AreaPage
      lang={c.var.lang}
      csrf={c.var.csrfToken}
      visit={view.visit}
      provinces={(await places(c)).provinces}
      values={values}
      errors={errors}
    />
  );

visitsWeb.get('/visits/:id/areas/new', (c) => smallForm(c, areaForm(c)));
visitsWeb.post('/visits/:id/areas/new', (c) =>
  smallForm(c, areaForm(c), {
    run: (v) =>
      svc.addAgreedArea(c.var.deps, contextOf(c), c.req.param('id'), {
        titleZh: v.titleZh ?? '',
        titleEn: v.titleEn ?? '',
        owner: {
          regionCode: v['owner.regionCode'] ?? '',
          office: v['owner.office'] ?? '',
          officeEn: text(v['owner.officeEn']),
        },
        dueOn: v.dueOn ?? '',
        description: text(v.description),
      }),
    done: 'area',
  }),
);

const linkForm = (c: Context<AppEnv>) => (view: svc.VisitView, values: FormValues, errors: FormErrors) => {
  const area = view.areas.find((a) => a.area.id === c.req.param('areaId'));
  if (!area) throw new AppError('not_found');
  return (
    <LinkPage
      lang={c.var.lang}
      csrf={c.var.csrfToken}
      visit={view.visit}
      areaId={area.area.id}
      areaTitle={c.var.lang === 'zh' ? area.area.titleZh : area.area.titleEn}
      values={values}
      errors={errors}
    />
  );
};

visitsWeb.get('/visits/:id/areas/:areaId/links/new', (c) => smallForm(c, linkForm(c)));
visitsWeb.post('/visits/:id/areas/:areaId/links/new', (c) =>
  smallForm(c, linkForm(c), {
    run: (v) =>
      svc.linkAgreedArea(c.var.deps, contextOf(c), c.req.param('id'), c.req.param('areaId'), {
        kind: v.kind as (typeof LINK_KINDS)[number],
        target: v.target ?? '',
      }),
    done: 'linked',
  }),
);

visitsWeb.post('/visits/:id/areas/:areaId/links/:linkId/delete', async (c) => {
  const { id, areaId, linkId } = c.req.param();
  await svc.unlinkAgreedArea(c.var.deps, contextOf(c), id, areaId, linkId);
  return c.redirect(`/${c.var.lang}/visits/${id}?done=unlinked`, 303);
});

const articleForm = (c: Context<AppEnv>) => (view: svc.VisitView, values: FormValues, errors: FormErrors) => (
  <ArticleLinkPage
    lang={c.var.lang}
    csrf={c.var.csrfToken}
    visit={view.visit}
    values={values}
    errors={errors}
  />
);

visitsWeb.get('/visits/:id/articles/new', (c) => smallForm(c, articleForm(c)));
visitsWeb.post('/visits/:id/articles/new', (c) =>
  smallForm(c, articleForm(c), {
    run: (v) => svc.linkArticle(c.var.deps, contextOf(c), c.req.param('id'), { article: v.article ?? '' }),
    done: 'article',
  }),
);

visitsWeb.post('/visits/:id/articles/:articleId/delete', async (c) => {
  const { id, articleId } = c.req.param();
  await svc.unlinkArticle(c.var.deps, contextOf(c), id, articleId);
  return c.redirect(`/${c.var.lang}/visits/${id}?done=articleRemoved`, 303);
});
