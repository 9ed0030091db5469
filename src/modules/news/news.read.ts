import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { authorize, type Viewer } from '../accounts/policy.ts';
import { findRegion, getPairing, type PairingView, type RegionRow } from '../regions/regions.service.ts';
import { renderBody } from './body.ts';
import * as repo from './news.repo.ts';
import type { ArticleRow, RevisionRow } from './news.repo.ts';
import { canManageArticle, canPublishNews, managedRegions } from './policy.ts';
import { headlineSegments, highlightWords, type Segment } from './search.ts';
import { findSectionByKey, listSections, type SectionRow } from './sections.repo.ts';

export interface ArticleWithSection extends ArticleRow {
  section: SectionRow | null;
}

export interface ArticleContext {
  article: ArticleWithSection;
  bodyHtml: string;
  /** Published translations (all of them for people who manage the article). */
  translations: ArticleRow[];
  region: RegionRow | null;
  pairing: PairingView | null;
}

/** A related record that has gone (a deleted pairing) is simply not linked. */
function notFoundAsNull(err: unknown): null {
  if (err instanceof AppError && err.code === 'not_found') return null;
  throw err;
}

async function withSections(db: DbOrTx, rows: ArticleRow[]): Promise<ArticleWithSection[]> {
  const byId = new Map((await listSections(db)).map((s) => [s.id, s]));
  return rows.map((a) => ({ ...a, section: a.sectionId === null ? null : (byId.get(a.sectionId) ?? null) }));
}

async function articleContext(
  db: DbOrTx,
  article: ArticleRow,
  allTranslations: boolean,
): Promise<ArticleContext> {
  const [[withSection], translations, region, pairing] = await Promise.all([
    withSections(db, [article]),
    repo.translationsOf(db, article),
    article.regionCode ? findRegion(db, article.regionCode) : undefined,
    article.pairingId ? getPairing(db, article.pairingId).catch(notFoundAsNull) : null,
  ]);
  return {
    article: withSection!,
    bodyHtml: renderBody(article.bodySource, article.bodyFormat),
    translations: translations.filter((t) => allTranslations || t.status === 'published'),
    region: region ?? null,
    pairing,
  };
}

/** A published article by its address; anything else is a 404 (drafts are seen through preview). */
export async function getPublishedArticle(
  db: DbOrTx,
  lang: 'en' | 'zh',
  slug: string,
): Promise<ArticleContext> {
  const article = await repo.findBySlug(db, lang, slug);
  if (!article || article.status !== 'published') throw new AppError('not_found');
  return articleContext(db, article, false);
}

/** Any article the viewer manages, for editing and preview. */
export async function getManagedArticle(
  db: DbOrTx,
  ctx: UseCaseContext,
  id: string,
): Promise<ArticleContext> {
  const article = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findArticle(db, id) : undefined;
  if (!article) throw new AppError('not_found');
  authorize(ctx.viewer, canManageArticle(ctx.viewer, article));
  return articleContext(db, article, true);
}

export interface NewsPage {
  rows: ArticleWithSection[];
  total: number;
  section: SectionRow | null;
  sections: SectionRow[];
}

/** Published articles of one language, newest first, optionally of one section. */
export async function listNews(
  db: DbOrTx,
  f: {
    lang?: 'en' | 'zh' | undefined;
    sectionKey?: string | undefined;
    regionCode?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<NewsPage> {
  const section = f.sectionKey ? await findSectionByKey(db, f.sectionKey) : undefined;
  if (f.sectionKey && !section) throw new AppError('not_found', `No section ${f.sectionKey}`);
  const [{ rows, total }, sections] = await Promise.all([
    repo.listArticles(db, {
      lang: f.lang,
      status: 'published',
      sectionId: section?.id,
      regionCode: f.regionCode,
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
    }),
    listSections(db),
  ]);
  return { rows: await withSections(db, rows), total, section: section ?? null, sections };
}

/** The newest published articles of a language, for the home page and feeds. */
export async function latestNews(
  db: DbOrTx,
  lang: 'en' | 'zh',
  limit: number,
): Promise<ArticleWithSection[]> {
  return (await listNews(db, { lang, page: 1, pageSize: limit })).rows;
}

export interface SearchResult {
  article: ArticleWithSection;
  title: Segment[];
  snippet: Segment[];
}

/** Full-text search over published news in both languages (or one), with the matches marked. */
export async function searchNews(
  db: DbOrTx,
  q: string,
  f: { lang?: 'en' | 'zh' | undefined; page: number; pageSize: number },
): Promise<{ results: SearchResult[]; total: number }> {
  const { hits, total } = await repo.searchArticles(db, q, {
    lang: f.lang,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  const articles = await withSections(
    db,
    hits.map((h) => h.article),
  );
  const results = hits.map((h, i) => ({
    article: articles[i]!,
    title:
      h.titleHeadline !== null
        ? headlineSegments(h.titleHeadline)
        : highlightWords(h.article.title, q, { whole: true }),
    snippet: h.snippetHeadline !== null ? headlineSegments(h.snippetHeadline) : highlightWords(h.text, q),
  }));
  return { results, total };
}

/** Revisions the viewer may see: all for managers; for the public, those from the published one on. */
function visibleRevisions(article: ArticleRow, revisions: RevisionRow[], manager: boolean): RevisionRow[] {
  if (manager || !article.publishedAt) return revisions;
  const since = article.publishedAt.getTime();
  const lastBefore = revisions.find((r) => r.createdAt.getTime() < since);
  return revisions.filter((r) => r.createdAt.getTime() >= since || r === lastBefore);
}

export interface History {
  article: ArticleWithSection;
  revisions: RevisionRow[];
  canManage: boolean;
}

/** An article's revisions, newest first: public for published articles, complete for its managers. */
export async function articleHistory(
  db: DbOrTx,
  viewer: Viewer,
  lang: 'en' | 'zh',
  slug: string,
): Promise<History> {
  const article = await repo.findBySlug(db, lang, slug);
  if (!article) throw new AppError('not_found');
  const canManage = canManageArticle(viewer, article);
  if (article.status !== 'published' && !canManage) throw new AppError('not_found');
  const [withSection] = await withSections(db, [article]);
  const revisions = visibleRevisions(article, await repo.listRevisions(db, article.id), canManage);
  return { article: withSection!, revisions, canManage };
}

/** Two revisions to compare: `number` against `from` (by default the one before it; none before the first). */
export async function revisionPair(
  db: DbOrTx,
  viewer: Viewer,
  lang: 'en' | 'zh',
  slug: string,
  number: number,
  from?: number,
): Promise<{ history: History; newer: RevisionRow; older: RevisionRow | null }> {
  const history = await articleHistory(db, viewer, lang, slug);
  const newer = history.revisions.find((r) => r.number === number);
  if (!newer) throw new AppError('not_found');
  const olderNumber = from ?? number - 1;
  const older = history.revisions.find((r) => r.number === olderNumber) ?? null;
  if (from !== undefined && !older) throw new AppError('not_found');
  return { history, newer, older };
}

/** The articles a coordinator or admin manages, newest change first. */
export async function manageableArticles(
  db: DbOrTx,
  ctx: UseCaseContext,
  f: {
    status?: ArticleRow['status'] | undefined;
    lang?: 'en' | 'zh' | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ rows: ArticleWithSection[]; total: number }> {
  authorize(ctx.viewer, canPublishNews(ctx.viewer));
  const { rows, total } = await repo.listArticles(db, {
    status: f.status,
    lang: f.lang,
    regionCodes: managedRegions(ctx.viewer),
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return { rows: await withSections(db, rows), total };
}

/** Every published article's address and last change, for the sitemap. */
export function publishedAddresses(db: DbOrTx) {
  return repo.publishedForSitemap(db);
}

export function latestPublishedChange(db: DbOrTx, lang?: 'en' | 'zh'): Promise<Date | null> {
  return repo.latestPublishedChange(db, lang);
}
