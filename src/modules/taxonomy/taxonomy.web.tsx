import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { parseForm, readForm, tryUseCase, type FormValues } from '../../web/form-parse.ts';
import type { FormErrors } from '../../web/forms.tsx';
import { href, renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { authorize } from '../accounts/policy.ts';
import * as glossary from './glossary.service.ts';
import { taxonomyMsg } from './messages.ts';
import { canEditGlossary } from './policy.ts';
import { formValuesOf, GlossaryForm } from './views/glossary-form.tsx';
import {
  GLOSSARY_PAGE_SIZE,
  glossaryPath,
  GlossaryPage,
  type GlossaryNotice,
} from './views/glossary-page.tsx';
import { TaxonomyPage } from './views/taxonomy-page.tsx';

/** Taxonomy pages: industries and categories for everyone; the glossary, editable by admins. */
export const taxonomyWeb = new Hono<AppEnv>();

const ID = ':id{[a-z0-9][a-z0-9-]{0,99}}';
const NOTICES: readonly GlossaryNotice[] = ['created', 'saved', 'deleted'];

function pageParam(c: Context<AppEnv>): number {
  const n = Number(c.req.query('page') ?? '1');
  return Number.isSafeInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** Where a saved entry is shown: the glossary searched for it, with a notice. */
function savedPath(id: string, done: GlossaryNotice): string {
  return `${glossaryPath(id)}&done=${done}#entry-${id}`;
}

taxonomyWeb.get('/taxonomy', (c) =>
  renderPage(c, {
    title: taxonomyMsg(c.var.lang)('taxonomyTitle'),
    children: <TaxonomyPage lang={c.var.lang} />,
  }),
);

taxonomyWeb.get('/taxonomy/glossary', async (c) => {
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const page = pageParam(c);
  const { rows, total } = await glossary.searchGlossary(c.var.deps.db, {
    q,
    page,
    pageSize: GLOSSARY_PAGE_SIZE,
  });
  const done = c.req.query('done');
  return renderPage(c, {
    title: taxonomyMsg(c.var.lang)('glossaryTitle'),
    head: q === '' && page === 1 ? undefined : <meta name="robots" content="noindex" />,
    children: (
      <GlossaryPage
        lang={c.var.lang}
        q={q}
        page={page}
        rows={rows}
        total={total}
        canEdit={canEditGlossary(c.var.user)}
        notice={NOTICES.find((n) => n === done)}
      />
    ),
  });
});

async function renderForm(
  c: Context<AppEnv>,
  values: FormValues,
  errors: FormErrors,
  id?: string,
  status: 200 | 400 | 409 = 200,
) {
  const t = taxonomyMsg(c.var.lang);
  const ids = await glossary.glossaryIds(c.var.deps.db);
  return renderPage(
    c,
    {
      title: id === undefined ? t('newEntryTitle') : t('editEntryTitle', { id }),
      head: <meta name="robots" content="noindex" />,
      children: (
        <GlossaryForm
          lang={c.var.lang}
          csrf={c.var.csrfToken}
          values={values}
          errors={errors}
          id={id}
          ids={ids}
        />
      ),
    },
    status,
  );
}

/** The form pages are for administrators only (the use cases check again). */
function requireEditor(c: Context<AppEnv>): void {
  authorize(c.var.user, canEditGlossary(c.var.user));
}

taxonomyWeb.get('/taxonomy/glossary/new', (c) => {
  requireEditor(c);
  return renderForm(c, {}, {});
});

taxonomyWeb.post('/taxonomy/glossary', async (c) => {
  requireEditor(c);
  const values = await readForm(c);
  const form = parseForm(glossary.GlossaryForm, values, c.var.lang);
  if (!form.ok) return renderForm(c, values, form.errors, undefined, 400);
  const result = await tryUseCase(
    () => glossary.createGlossaryEntry(c.var.deps, contextOf(c), { ...form.data, id: form.data.id ?? '' }),
    c.var.lang,
  );
  if (!result.ok) return renderForm(c, values, result.errors, undefined, 400);
  return c.redirect(href(c.var.lang, savedPath(result.value.id, 'created')), 303);
});

taxonomyWeb.get(`/taxonomy/glossary/${ID}/edit`, async (c) => {
  requireEditor(c);
  const row = await glossary.getGlossaryEntry(c.var.deps.db, c.req.param('id'));
  return renderForm(c, formValuesOf(row), {}, row.id);
});

taxonomyWeb.post(`/taxonomy/glossary/${ID}`, async (c) => {
  requireEditor(c);
  const id = c.req.param('id');
  const values = await readForm(c);
  const form = parseForm(glossary.GlossaryForm, values, c.var.lang);
  if (!form.ok) return renderForm(c, values, form.errors, id, 400);
  const { id: _fixed, ...input } = form.data;
  const result = await tryUseCase(
    () => glossary.updateGlossaryEntry(c.var.deps, contextOf(c), id, input),
    c.var.lang,
  );
  if (!result.ok) return renderForm(c, values, result.errors, id, 400);
  return c.redirect(href(c.var.lang, savedPath(id, 'saved')), 303);
});

taxonomyWeb.post(`/taxonomy/glossary/${ID}/delete`, async (c) => {
  requireEditor(c);
  const id = c.req.param('id');
  const result = await tryUseCase(
    () => glossary.deleteGlossaryEntry(c.var.deps, contextOf(c), id),
    c.var.lang,
  );
  if (!result.ok) {
    const row = await glossary.getGlossaryEntry(c.var.deps.db, id);
    return renderForm(c, formValuesOf(row), result.errors, id, 400);
  }
  return c.redirect(href(c.var.lang, `${glossaryPath('')}?done=deleted`), 303);
});
