import { createRoute, z } from '@hono/zod-openapi';
import { isoShanghai } from '../../lib/i18n.ts';
import { json, newApi, problemResponses, requireUser } from '../../web/api.ts';
import { contextOf } from '../accounts/context.ts';
import { renderBody } from './body.ts';
import { getManagedArticle, getPublishedArticle, listNews, type ArticleWithSection } from './news.read.ts';
import type { ArticleRow } from './news.repo.ts';
import * as news from './news.service.ts';
import { ARTICLE_LANGS, ARTICLE_STATUSES, BODY_FORMATS } from './schema.ts';

export const newsApi = newApi();

const Lang = z.enum(ARTICLE_LANGS);
const Time = z.string().openapi({ format: 'date-time', example: '2017-09-11T10:13:57+08:00' });

const ArticleSummary = z
  .object({
    id: z.uuid(),
    lang: Lang,
    slug: z.string(),
    url: z.string().openapi({ example: '/en/news/jilin-delegation-made-an-investigation-trip-in-zhejiang' }),
    title: z.string(),
    summary: z.string(),
    section: z.string().nullable().openapi({ description: 'Section key', example: 'news' }),
    regionCode: z.string().nullable(),
    pairingId: z.number().int().nullable(),
    publishedAt: Time.nullable(),
    lastUpdatedAt: Time.nullable().openapi({
      description: 'Set when significantly edited after publication',
    }),
  })
  .openapi('ArticleSummary');

const Article = ArticleSummary.extend({
  bodyHtml: z.string().openapi({ description: 'The body, sanitised' }),
  translations: z.array(z.object({ lang: Lang, slug: z.string(), url: z.string(), title: z.string() })),
}).openapi('Article');

const ManagedArticle = ArticleSummary.extend({
  status: z.enum(ARTICLE_STATUSES),
  scheduledAt: Time.nullable(),
  bodySource: z.string(),
  bodyFormat: z.enum(BODY_FORMATS),
  translationGroup: z.uuid(),
  updatedAt: Time,
}).openapi('ManagedArticle');

const iso = (d: Date | null) => (d ? isoShanghai(d) : null);

function presentSummary(a: ArticleRow, sectionKey: string | null): z.infer<typeof ArticleSummary> {
  return {
    id: a.id,
    lang: a.lang,
    slug: a.slug,
    url: news.articleUrl(a),
    title: a.title,
    summary: a.summary,
    section: sectionKey,
    regionCode: a.regionCode,
    pairingId: a.pairingId,
    publishedAt: iso(a.publishedAt),
    lastUpdatedAt:
      a.lastEditedAt && a.publishedAt && a.lastEditedAt > a.publishedAt ? iso(a.lastEditedAt) : null,
  };
}

function presentManaged(a: ArticleWithSection): z.infer<typeof ManagedArticle> {
  return {
    ...presentSummary(a, a.section?.key ?? null),
    status: a.status,
    scheduledAt: iso(a.scheduledAt),
    bodySource: a.bodySource,
    bodyFormat: a.bodyFormat,
    translationGroup: a.translationGroup,
    updatedAt: isoShanghai(a.updatedAt),
  };
}

newsApi.openapi(
  createRoute({
    method: 'get',
    path: '/news',
    tags: ['News'],
    summary: 'Published articles, newest first',
    request: {
      query: z.object({
        lang: Lang.optional(),
        section: z.string().optional().openapi({ description: 'Section key' }),
        region: z.string().optional().openapi({ description: 'Region code' }),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
    },
    responses: {
      200: json(
        z.object({
          items: z.array(ArticleSummary),
          total: z.number().int(),
          page: z.number().int(),
          pageSize: z.number().int(),
        }),
        'Articles',
      ),
      ...problemResponses(400, 404),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const data = await listNews(c.var.deps.db, {
      lang: q.lang,
      sectionKey: q.section,
      regionCode: q.region,
      page: q.page,
      pageSize: q.pageSize,
    });
    const items = data.rows.map((a) => presentSummary(a, a.section?.key ?? null));
    return c.json({ items, total: data.total, page: q.page, pageSize: q.pageSize }, 200);
  },
);

newsApi.openapi(
  createRoute({
    method: 'get',
    path: '/news/{lang}/{slug}',
    tags: ['News'],
    summary: 'A published article',
    request: { params: z.object({ lang: Lang, slug: z.string().max(100) }) },
    responses: { 200: json(Article, 'The article'), ...problemResponses(404) },
  }),
  async (c) => {
    const { lang, slug } = c.req.valid('param');
    const ctx = await getPublishedArticle(c.var.deps.db, lang, slug);
    return c.json(
      {
        ...presentSummary(ctx.article, ctx.article.section?.key ?? null),
        bodyHtml: renderBody(ctx.article.bodySource, ctx.article.bodyFormat),
        translations: ctx.translations.map((t) => ({
          lang: t.lang,
          slug: t.slug,
          url: news.articleUrl(t),
          title: t.title,
        })),
      },
      200,
    );
  },
);

const Fields = z.object({
  title: z.string(),
  summary: z.string().default(''),
  bodySource: z.string().default(''),
  bodyFormat: z.enum(BODY_FORMATS).default('markdown'),
  section: z.string().nullable().default(null).openapi({ description: 'Section key, or null' }),
  regionCode: z
    .string()
    .nullable()
    .default(null)
    .openapi({ description: 'Admins only; coordinators write for their region' }),
  pairingId: z.number().int().positive().nullable().default(null),
  translationOf: z
    .uuid()
    .nullable()
    .optional()
    .openapi({ description: 'Article in the other language; null unlinks' }),
});
const CreateBody = Fields.extend({ lang: Lang }).openapi('ArticleCreate');
const UpdateBody = Fields.extend({ minorChange: z.boolean().default(false) }).openapi('ArticleUpdate');
const IdParam = z.object({ id: z.uuid() });

async function managed(c: Parameters<Parameters<typeof newsApi.openapi>[1]>[0], id: string) {
  return presentManaged((await getManagedArticle(c.var.deps.db, contextOf(c), id)).article);
}

newsApi.openapi(
  createRoute({
    method: 'post',
    path: '/news',
    tags: ['News'],
    summary: 'Start a draft (coordinators for their region, admins)',
    request: { body: { content: { 'application/json': { schema: CreateBody } }, required: true } },
    responses: { 201: json(ManagedArticle, 'Created'), ...problemResponses(400, 401, 403) },
  }),
  async (c) => {
    requireUser(c);
    const { lang, ...fields } = c.req.valid('json');
    const article = await news.createArticle(c.var.deps, contextOf(c), lang, fields);
    return c.json(await managed(c, article.id), 201);
  },
);

newsApi.openapi(
  createRoute({
    method: 'put',
    path: '/news/{id}',
    tags: ['News'],
    summary: 'Save an edit (a new revision when the content changes)',
    request: {
      params: IdParam,
      body: { content: { 'application/json': { schema: UpdateBody } }, required: true },
    },
    responses: { 200: json(ManagedArticle, 'Saved'), ...problemResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    await news.updateArticle(c.var.deps, contextOf(c), id, c.req.valid('json'));
    return c.json(await managed(c, id), 200);
  },
);

newsApi.openapi(
  createRoute({
    method: 'post',
    path: '/news/{id}/publish',
    tags: ['News'],
    summary: 'Publish now, or at a time (`at`, in the future)',
    request: {
      params: IdParam,
      body: {
        content: {
          'application/json': { schema: z.object({ at: z.iso.datetime({ offset: true }).optional() }) },
        },
        required: false,
      },
    },
    responses: {
      200: json(ManagedArticle, 'Published or scheduled'),
      ...problemResponses(400, 401, 403, 404, 409),
    },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    const at = c.req.valid('json')?.at;
    if (at) await news.scheduleArticle(c.var.deps, contextOf(c), id, new Date(at));
    else await news.publishArticle(c.var.deps, contextOf(c), id);
    return c.json(await managed(c, id), 200);
  },
);

newsApi.openapi(
  createRoute({
    method: 'post',
    path: '/news/{id}/unpublish',
    tags: ['News'],
    summary: 'Take a published article off the site',
    request: { params: IdParam },
    responses: { 200: json(ManagedArticle, 'Unpublished'), ...problemResponses(401, 403, 404, 409) },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    await news.unpublishArticle(c.var.deps, contextOf(c), id);
    return c.json(await managed(c, id), 200);
  },
);
