import { and, count, desc, eq, inArray, isNotNull, max, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgInsertValue, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { articleRevisions, articles } from './schema.ts';
import { MARK_START, MARK_STOP, searchQueries } from './search.ts';

export type RevisionRow = typeof articleRevisions.$inferSelect;
/** Insert and update values may be SQL (the search vector is computed by the database). */
export type ArticleInsert = PgInsertValue<typeof articles>;
export type ArticleUpdate = PgUpdateSetSource<typeof articles>;

/** Every column but the search state, which pages never need. */
const ARTICLE = {
  id: articles.id,
  lang: articles.lang,
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  bodySource: articles.bodySource,
  bodyFormat: articles.bodyFormat,
  sectionId: articles.sectionId,
  regionCode: articles.regionCode,
  pairingId: articles.pairingId,
  status: articles.status,
  publishedAt: articles.publishedAt,
  scheduledAt: articles.scheduledAt,
  lastEditedAt: articles.lastEditedAt,
  translationGroup: articles.translationGroup,
  importKey: articles.importKey,
  authorId: articles.authorId,
  createdAt: articles.createdAt,
  updatedAt: articles.updatedAt,
};

export type ArticleRow = { [K in keyof typeof ARTICLE]: (typeof articles.$inferSelect)[K] };

export async function findArticle(
  db: DbOrTx,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<ArticleRow | undefined> {
  const query = db.select(ARTICLE).from(articles).where(eq(articles.id, id));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row;
}

export async function findBySlug(
  db: DbOrTx,
  lang: 'en' | 'zh',
  slug: string,
): Promise<ArticleRow | undefined> {
  const [row] = await db
    .select(ARTICLE)
    .from(articles)
    .where(and(eq(articles.lang, lang), eq(articles.slug, slug)));
  return row;
}

export async function findByImportKey(db: DbOrTx, importKey: string): Promise<ArticleRow | undefined> {
  const [row] = await db
    .select(ARTICLE)
    .from(articles)
    .where(eq(articles.importKey, importKey))
    .for('update');
  return row;
}

export async function slugTaken(
  db: DbOrTx,
  lang: 'en' | 'zh',
  slug: string,
  exceptId?: string,
): Promise<boolean> {
  const conds = [eq(articles.lang, lang), eq(articles.slug, slug)];
  if (exceptId) conds.push(ne(articles.id, exceptId));
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(...conds))
    .limit(1);
  return row !== undefined;
}

export async function insertArticle(db: DbOrTx, values: ArticleInsert): Promise<ArticleRow> {
  const [row] = await db.insert(articles).values(values).returning(ARTICLE);
  return row!;
}

export async function updateArticle(db: DbOrTx, id: string, values: ArticleUpdate): Promise<ArticleRow> {
  const [row] = await db.update(articles).set(values).where(eq(articles.id, id)).returning(ARTICLE);
  return row!;
}

/** Articles sharing a translation group, the given one excluded. */
export function translationsOf(
  db: DbOrTx,
  a: Pick<ArticleRow, 'id' | 'translationGroup'>,
): Promise<ArticleRow[]> {
  return db
    .select(ARTICLE)
    .from(articles)
    .where(and(eq(articles.translationGroup, a.translationGroup), ne(articles.id, a.id)));
}

export interface ListFilter {
  lang?: 'en' | 'zh' | undefined;
  status?: ArticleRow['status'] | undefined;
  sectionId?: number | undefined;
  regionCode?: string | undefined;
  /** Coordinators' lists: only articles of these regions. */
  regionCodes?: string[] | undefined;
  limit: number;
  offset: number;
}

function listWhere(f: Omit<ListFilter, 'limit' | 'offset'>): SQL | undefined {
  const conds: SQL[] = [];
  if (f.lang) conds.push(eq(articles.lang, f.lang));
  if (f.status) conds.push(eq(articles.status, f.status));
  if (f.sectionId !== undefined) conds.push(eq(articles.sectionId, f.sectionId));
  if (f.regionCode) conds.push(eq(articles.regionCode, f.regionCode));
  if (f.regionCodes)
    conds.push(f.regionCodes.length > 0 ? inArray(articles.regionCode, f.regionCodes) : sql`false`);
  return conds.length > 0 ? and(...conds) : undefined;
}

/** Newest first: by publication for published lists, by last change otherwise. */
export async function listArticles(
  db: DbOrTx,
  f: ListFilter,
): Promise<{ rows: ArticleRow[]; total: number }> {
  const where = listWhere(f);
  const order =
    f.status === 'published'
      ? [desc(articles.publishedAt), desc(articles.id)]
      : [desc(articles.updatedAt), desc(articles.id)];
  const [rows, [totals]] = await Promise.all([
    db
      .select(ARTICLE)
      .from(articles)
      .where(where)
      .orderBy(...order)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ total: count() }).from(articles).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

/** Published articles' last change, for sitemaps and feeds. */
export async function latestPublishedChange(db: DbOrTx, lang?: 'en' | 'zh'): Promise<Date | null> {
  const [row] = await db
    .select({ at: max(articles.updatedAt) })
    .from(articles)
    .where(and(eq(articles.status, 'published'), lang ? eq(articles.lang, lang) : undefined));
  return row?.at ?? null;
}

export interface SearchHit {
  article: ArticleRow;
  /** ts_headline output with MARK_START/MARK_STOP around matches (English); null for Chinese. */
  titleHeadline: string | null;
  snippetHeadline: string | null;
  /** The plain text, for Chinese highlighting in the app. */
  text: string;
}

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_STOP}`;

/** Published articles matching q in either language, best first; the state is all in the database. */
export async function searchArticles(
  db: DbOrTx,
  q: string,
  f: { lang?: 'en' | 'zh' | undefined; limit: number; offset: number },
): Promise<{ hits: SearchHit[]; total: number }> {
  const query = searchQueries(q);
  const match = or(
    and(eq(articles.lang, 'en'), sql`${articles.search} @@ ${query.en}`),
    and(eq(articles.lang, 'zh'), sql`${articles.search} @@ ${query.zh}`),
  );
  const where = and(eq(articles.status, 'published'), f.lang ? eq(articles.lang, f.lang) : undefined, match);
  const rank = sql`ts_rank(${articles.search}, case when ${articles.lang} = 'en' then ${query.en} else ${query.zh} end)`;
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        article: ARTICLE,
        titleHeadline: sql<
          string | null
        >`case when ${articles.lang} = 'en' then ts_headline('english', ${articles.title}, ${query.en}, ${`${HEADLINE}, HighlightAll=true`}) end`,
        snippetHeadline: sql<
          string | null
        >`case when ${articles.lang} = 'en' then ts_headline('english', ${articles.searchText}, ${query.en}, ${`${HEADLINE}, MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "`}) end`,
        text: sql<string>`case when ${articles.lang} = 'zh' then ${articles.searchText} else '' end`,
      })
      .from(articles)
      .where(where)
      .orderBy(desc(rank), desc(articles.publishedAt))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ total: count() }).from(articles).where(where),
  ]);
  return { hits: rows, total: totals?.total ?? 0 };
}

/** Every published article, for the sitemap. */
export function publishedForSitemap(db: DbOrTx) {
  return db
    .select({
      lang: articles.lang,
      slug: articles.slug,
      updatedAt: articles.updatedAt,
      translationGroup: articles.translationGroup,
    })
    .from(articles)
    .where(and(eq(articles.status, 'published'), isNotNull(articles.publishedAt)))
    .orderBy(desc(articles.publishedAt));
}

export function listRevisions(db: DbOrTx, articleId: string): Promise<RevisionRow[]> {
  return db
    .select()
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.number));
}

export async function findRevision(
  db: DbOrTx,
  articleId: string,
  number: number,
): Promise<RevisionRow | undefined> {
  const [row] = await db
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.number, number)));
  return row;
}

export async function insertRevision(
  db: DbOrTx,
  values: Omit<typeof articleRevisions.$inferInsert, 'number'>,
): Promise<RevisionRow> {
  const [last] = await db
    .select({ n: max(articleRevisions.number) })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, values.articleId));
  const [row] = await db
    .insert(articleRevisions)
    .values({ ...values, number: (last?.n ?? 0) + 1 })
    .returning();
  return row!;
}
