import { Hono, type Context } from 'hono';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../../web/env.ts';
import { parseForm, readForm, tryUseCase } from '../../web/form-parse.ts';
import { ErrorSummary, errorsByField, formStrings } from '../../web/forms.tsx';
import { href, renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { renderBody } from './body.ts';
import { contentIssues, parseBeijingLocal } from './fields.ts';
import { ArticleFormSchema, renderEdit, renderNew, requirePublisher } from './manage.render.tsx';
import { manageMsg, newsErr } from './messages.ts';
import { getManagedArticle, manageableArticles, type ArticleContext } from './news.read.ts';
import * as news from './news.service.ts';
import { pageParam } from './paging.ts';
import { ARTICLE_STATUSES } from './schema.ts';
import { findSectionByKey } from './sections.service.ts';
import { sectionsWeb } from './sections.web.tsx';
import { ArticleHead, ArticlePage } from './views/article-page.tsx';
import { MANAGE_PAGE_SIZE, ManageList } from './views/manage-page.tsx';

export const manageWeb = new Hono<AppEnv>();
manageWeb.route('/', sectionsWeb);

const ID = ':id{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}';

manageWeb.get('/news/manage', async (c) => {
  const ctx = contextOf(c);
  const statusParam = c.req.query('status');
  const status = ARTICLE_STATUSES.find((s) => s === statusParam);
  const page = pageParam(c);
  const { rows, total } = await manageableArticles(c.var.deps.db, ctx, {
    status,
    page,
    pageSize: MANAGE_PAGE_SIZE,
  });
  return renderPage(c, {
    title: manageMsg(c.var.lang)('manageTitle'),
    children: (
      <ManageList
        lang={c.var.lang}
        rows={rows}
        total={total}
        page={page}
        status={status}
        isAdmin={c.var.user?.role === 'admin'}
      />
    ),
  });
});

manageWeb.get('/news/manage/new', (c) => renderNew(c, { lang: c.var.lang, bodyFormat: 'markdown' }, {}));

manageWeb.post('/news/manage', async (c) => {
  requirePublisher(c);
  const values = await readForm(c);
  const form = parseForm(ArticleFormSchema, values, c.var.lang);
  if (!form.ok) return renderNew(c, values, form.errors, 400);
  const { lang, minorChange: _m, ...fields } = form.data;
  const result = await tryUseCase(
    () => news.createArticle(c.var.deps, contextOf(c), lang, fields),
    c.var.lang,
  );
  if (!result.ok) return renderNew(c, values, result.errors, 400);
  return c.redirect(href(c.var.lang, `/news/manage/${result.value.id}?done=saved`), 303);
});

/** Renders unsaved form content as the article page, problems listed above it; nothing is stored. */
manageWeb.post('/news/manage/preview', async (c) => {
  requirePublisher(c);
  const values = formStrings(await c.req.parseBody());
  const parsed = ArticleFormSchema.safeParse(values);
  if (!parsed.success) throw new AppError('validation');
  const f = parsed.data;
  const existing = values.id
    ? (await getManagedArticle(c.var.deps.db, contextOf(c), values.id)).article
    : undefined;
  const now = c.var.deps.now();
  const section = f.section ? ((await findSectionByKey(c.var.deps.db, f.section)) ?? null) : null;
  const ctx: ArticleContext = {
    article: {
      ...(existing ?? {
        id: '00000000-0000-0000-0000-000000000000',
        slug: 'preview',
        status: 'draft',
        importKey: null,
        authorId: null,
        createdAt: now,
        scheduledAt: null,
        lastEditedAt: null,
        translationGroup: '',
      }),
      lang: f.lang,
      title: f.title.trim(),
      summary: f.summary.trim(),
      bodySource: f.bodySource,
      bodyFormat: f.bodyFormat,
      sectionId: section?.id ?? null,
      section,
      regionCode: f.regionCode,
      pairingId: f.pairingId,
      publishedAt: existing?.publishedAt ?? now,
      updatedAt: now,
    },
    bodyHtml: renderBody(f.bodySource, f.bodyFormat),
    translations: [],
    region: null,
    pairing: null,
  };
  const problems = contentIssues(c.var.lang, f);
  return renderPage(c, {
    title: `${manageMsg(c.var.lang)('preview')}: ${ctx.article.title}`,
    head: <meta name="robots" content="noindex" />,
    children: (
      <>
        <ErrorSummary title={manageMsg(c.var.lang)('errorSummary')} errors={errorsByField(problems)} />
        <ArticlePage lang={c.var.lang} ctx={ctx} preview />
      </>
    ),
  });
});

manageWeb.get(`/news/manage/${ID}`, async (c) => {
  const ctx = await getManagedArticle(c.var.deps.db, contextOf(c), c.req.param('id'));
  return renderEdit(c, ctx, {});
});

manageWeb.post(`/news/manage/${ID}`, async (c) => {
  const id = c.req.param('id');
  const ctx = await getManagedArticle(c.var.deps.db, contextOf(c), id);
  const values = await readForm(c);
  const form = parseForm(ArticleFormSchema, values, c.var.lang);
  if (!form.ok) return renderEdit(c, ctx, { values, errors: form.errors }, 400);
  const { lang: _l, ...fields } = form.data;
  const result = await tryUseCase(() => news.updateArticle(c.var.deps, contextOf(c), id, fields), c.var.lang);
  if (!result.ok) return renderEdit(c, ctx, { values, errors: result.errors }, 400);
  return c.redirect(href(c.var.lang, `/news/manage/${id}?done=saved`), 303);
});

manageWeb.get(`/news/manage/${ID}/preview`, async (c) => {
  const ctx = await getManagedArticle(c.var.deps.db, contextOf(c), c.req.param('id'));
  return renderPage(c, {
    title: `${manageMsg(c.var.lang)('preview')}: ${ctx.article.title}`,
    head: <ArticleHead ctx={ctx} publicUrl={c.var.deps.config.publicUrl} noindex />,
    children: <ArticlePage lang={c.var.lang} ctx={ctx} preview />,
  });
});

/** The status actions: each redirects back to the edit page with a notice, or shows the error there. */
function statusAction(path: string, done: string, run: (c: Context<AppEnv>, id: string) => Promise<unknown>) {
  manageWeb.post(`/news/manage/${ID}/${path}`, async (c) => {
    const id = c.req.param('id');
    const result = await tryUseCase(() => run(c, id), c.var.lang);
    if (!result.ok) {
      const ctx = await getManagedArticle(c.var.deps.db, contextOf(c), id);
      return renderEdit(
        c,
        ctx,
        { errors: result.errors, scheduledAt: formStrings(await c.req.parseBody()).scheduledAt },
        400,
      );
    }
    return c.redirect(href(c.var.lang, `/news/manage/${id}?done=${done}`), 303);
  });
}

statusAction('publish', 'published', (c, id) => news.publishArticle(c.var.deps, contextOf(c), id));
statusAction('unpublish', 'unpublished', (c, id) => news.unpublishArticle(c.var.deps, contextOf(c), id));
statusAction('unschedule', 'unscheduled', (c, id) => news.unscheduleArticle(c.var.deps, contextOf(c), id));
statusAction('schedule', 'scheduled', async (c, id) => {
  const value = formStrings(await c.req.parseBody()).scheduledAt ?? '';
  const at = parseBeijingLocal(value);
  if (!at)
    throw new AppError('validation', undefined, [
      { field: 'scheduledAt', message: newsErr(c.var.lang)('scheduleInvalid') },
    ]);
  return news.scheduleArticle(c.var.deps, contextOf(c), id, at);
});
statusAction('restore', 'restored', async (c, id) => {
  const n = Number(formStrings(await c.req.parseBody()).number);
  if (!Number.isSafeInteger(n) || n < 1) throw new AppError('not_found');
  return news.restoreRevision(c.var.deps, contextOf(c), id, n);
});
