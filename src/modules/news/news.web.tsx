import { Hono } from 'hono';
import { AppError } from '../../lib/errors.ts';
import { isLang, type Lang } from '../../lib/i18n.ts';
import type { AppEnv } from '../../web/env.ts';
import { renderPage } from '../../web/layout.tsx';
import { atomFeed } from './feed.ts';
import { manageWeb } from './manage.web.tsx';
import { newsMsg } from './messages.ts';
import { pageParam } from './paging.ts';
import {
  articleHistory,
  getPublishedArticle,
  listNews,
  revisionPair,
  searchNews,
  type ArticleContext,
} from './news.read.ts';
import { canPublishNews } from './policy.ts';
import { visitsOfArticle } from '../visits/visits.read.ts';
import { listSections } from './sections.service.ts';
import { ArticleHead, ArticlePage, articlePath } from './views/article-page.tsx';
import { DiffPage } from './views/diff-page.tsx';
import { HistoryPage } from './views/history-page.tsx';
import { ListPage, NEWS_PAGE_SIZE } from './views/list-page.tsx';
import { SEARCH_PAGE_SIZE, SearchPage } from './views/search-page.tsx';

export const newsWeb = new Hono<AppEnv>();
// Publishing pages first: /news/manage must not be read as an article's slug.
newsWeb.route('/', manageWeb);

const SLUG = ':slug{[a-z0-9][a-z0-9-]{0,99}}';

/** The translation's page in the other language, or null (for the language switch). */
function otherPath(ctx: ArticleContext): string | null {
  const tr = ctx.translations[0];
  return tr ? articlePath(tr) : null;
}

newsWeb.get('/news', async (c) => {
  const lang = c.var.lang;
  const page = pageParam(c);
  const data = await listNews(c.var.deps.db, {
    lang,
    sectionKey: c.req.query('section') || undefined,
    page,
    pageSize: NEWS_PAGE_SIZE,
  });
  const t = newsMsg(lang);
  return renderPage(c, {
    title: data.section ? (lang === 'zh' ? data.section.nameZh : data.section.nameEn) : t('newsTitle'),
    head: (
      <link
        rel="alternate"
        type="application/atom+xml"
        title={t('feedTitle')}
        href={`/${lang}/news/feed.xml`}
      />
    ),
    children: <ListPage lang={lang} data={data} page={page} canPublish={canPublishNews(c.var.user)} />,
  });
});

newsWeb.get('/news/feed.xml', async (c) => {
  const xml = await atomFeed(c.var.deps.db, c.var.lang, c.var.deps.config.publicUrl);
  return c.body(xml, 200, {
    'Content-Type': 'application/atom+xml; charset=utf-8',
    'Cache-Control': 'public, max-age=300',
  });
});

newsWeb.get('/news/search', async (c) => {
  const lang = c.var.lang;
  const q = (c.req.query('q') ?? '').trim().slice(0, 200);
  const scopeParam = c.req.query('lang');
  const scope: 'all' | Lang = isLang(scopeParam) ? scopeParam : 'all';
  const page = pageParam(c);
  const found = q
    ? await searchNews(c.var.deps.db, q, {
        lang: scope === 'all' ? undefined : scope,
        page,
        pageSize: SEARCH_PAGE_SIZE,
      })
    : null;
  return renderPage(c, {
    title: newsMsg(lang)('searchTitle'),
    head: <meta name="robots" content="noindex" />,
    children: (
      <SearchPage
        lang={lang}
        q={q}
        scope={scope}
        page={page}
        results={found?.results ?? null}
        total={found?.total ?? 0}
      />
    ),
  });
});

newsWeb.get(`/news/${SLUG}`, async (c) => {
  const lang = c.var.lang;
  const ctx = await getPublishedArticle(c.var.deps.db, lang, c.req.param('slug'));
  const visits = (await visitsOfArticle(c.var.deps.db, ctx.article.id)).map((v) => ({
    id: v.id,
    title: lang === 'zh' ? v.titleZh : v.titleEn,
  }));
  const print = c.req.query('print') === '1';
  return renderPage(c, {
    title: ctx.article.title,
    variant: print ? 'print' : 'normal',
    otherPath: otherPath(ctx),
    head: <ArticleHead ctx={ctx} publicUrl={c.var.deps.config.publicUrl} noindex={print} />,
    children: <ArticlePage lang={lang} ctx={ctx} visits={visits} />,
  });
});

newsWeb.get(`/news/${SLUG}/history`, async (c) => {
  const lang = c.var.lang;
  const history = await articleHistory(c.var.deps.db, c.var.user, lang, c.req.param('slug'));
  return renderPage(c, {
    title: `${newsMsg(lang)('historyTitle')}: ${history.article.title}`,
    otherPath: null,
    head: <meta name="robots" content="noindex" />,
    children: <HistoryPage lang={lang} history={history} csrf={c.var.csrfToken} />,
  });
});

newsWeb.get(`/news/${SLUG}/history/:n{[0-9]{1,6}}`, async (c) => {
  const lang = c.var.lang;
  const fromParam = c.req.query('from');
  const from = fromParam && /^\d{1,6}$/.test(fromParam) ? Number(fromParam) : undefined;
  const db = c.var.deps.db;
  const [pair, sections] = await Promise.all([
    revisionPair(db, c.var.user, lang, c.req.param('slug'), Number(c.req.param('n')), from),
    listSections(db),
  ]);
  if (!pair) throw new AppError('not_found');
  return renderPage(c, {
    title: newsMsg(lang)('changesTitle', { n: pair.newer.number }),
    otherPath: null,
    head: <meta name="robots" content="noindex" />,
    children: (
      <DiffPage
        lang={lang}
        history={pair.history}
        newer={pair.newer}
        older={pair.older}
        sections={sections}
      />
    ),
  });
});
