import { Hono, type Context } from 'hono';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../../web/env.ts';
import { parseForm, readForm, tryUseCase } from '../../web/form-parse.ts';
import { formStrings, type FormErrors } from '../../web/forms.tsx';
import { href, renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { authorize } from '../accounts/policy.ts';
import { manageMsg } from './messages.ts';
import { canManageSections, canPublishNews } from './policy.ts';
import {
  createSection,
  listSections,
  moveSection,
  renameSection,
  SectionInput,
  SectionNames,
} from './sections.service.ts';
import { MAX_IMAGE_BYTES, storeImage } from './uploads.ts';
import { SectionsPage, UploadPage } from './views/sections-page.tsx';

/** Admins' section pages and the image upload form (for everyone who publishes). */
export const sectionsWeb = new Hono<AppEnv>();

async function renderSections(
  c: Context<AppEnv>,
  errors: FormErrors = {},
  values: Record<string, string> = {},
  status: 200 | 400 = 200,
) {
  authorize(c.var.user, canManageSections(c.var.user));
  const sections = await listSections(c.var.deps.db);
  return renderPage(
    c,
    {
      title: manageMsg(c.var.lang)('sectionsTitle'),
      children: (
        <SectionsPage
          lang={c.var.lang}
          csrf={c.var.csrfToken}
          sections={sections}
          errors={errors}
          values={values}
          saved={c.req.query('done') === 'saved'}
        />
      ),
    },
    status,
  );
}

const sectionId = (c: Context<AppEnv>) => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('not_found');
  return id;
};
const savedRedirect = (c: Context<AppEnv>) =>
  c.redirect(href(c.var.lang, '/news/manage/sections?done=saved'), 303);

sectionsWeb.get('/news/manage/sections', (c) => renderSections(c));

sectionsWeb.post('/news/manage/sections', async (c) => {
  const values = await readForm(c);
  const form = parseForm(SectionInput, values, c.var.lang);
  if (!form.ok) return renderSections(c, form.errors, values, 400);
  const result = await tryUseCase(() => createSection(c.var.deps.db, contextOf(c), form.data), c.var.lang);
  if (!result.ok) return renderSections(c, result.errors, values, 400);
  return savedRedirect(c);
});

sectionsWeb.post('/news/manage/sections/:id{[0-9]+}', async (c) => {
  const form = parseForm(SectionNames, await readForm(c), c.var.lang);
  if (!form.ok) return renderSections(c, form.errors, {}, 400);
  await renameSection(c.var.deps.db, contextOf(c), sectionId(c), form.data);
  return savedRedirect(c);
});

sectionsWeb.post('/news/manage/sections/:id{[0-9]+}/move', async (c) => {
  const direction = formStrings(await c.req.parseBody()).direction === 'up' ? 'up' : 'down';
  await moveSection(c.var.deps.db, contextOf(c), sectionId(c), direction);
  return savedRedirect(c);
});

const MAX_MB = MAX_IMAGE_BYTES / 1024 / 1024;

sectionsWeb.get('/news/manage/uploads', (c) => {
  authorize(c.var.user, canPublishNews(c.var.user));
  return renderPage(c, {
    title: manageMsg(c.var.lang)('uploadsTitle'),
    children: <UploadPage lang={c.var.lang} csrf={c.var.csrfToken} errors={{}} maxMb={MAX_MB} />,
  });
});

sectionsWeb.post('/news/manage/uploads', async (c) => {
  const body = await c.req.parseBody();
  const file = body.image instanceof File ? body.image : undefined;
  const alt = typeof body.alt === 'string' ? body.alt.trim().slice(0, 300) : '';
  const result = await tryUseCase(() => storeImage(c.var.deps, contextOf(c), file), c.var.lang);
  return renderPage(
    c,
    {
      title: manageMsg(c.var.lang)('uploadsTitle'),
      children: (
        <UploadPage
          lang={c.var.lang}
          csrf={c.var.csrfToken}
          errors={result.ok ? {} : result.errors}
          uploaded={result.ok ? { url: result.value.url, alt } : undefined}
          maxMb={MAX_MB}
        />
      ),
    },
    result.ok ? 200 : 400,
  );
});
