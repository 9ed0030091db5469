/** What other modules may know of news articles (a visit links the articles about it). */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { articles } from './schema.ts';

export interface ArticleSummary {
  id: string;
  lang: 'en' | 'zh';
  slug: string;
  title: string;
  published: boolean;
  publishedAt: Date | null;
}

const SUMMARY = {
  id: articles.id,
  lang: articles.lang,
  slug: articles.slug,
  title: articles.title,
  status: articles.status,
  publishedAt: articles.publishedAt,
};

function summaryOf(r: { status: string } & Omit<ArticleSummary, 'published'>): ArticleSummary {
  const { status, ...rest } = r;
  return { ...rest, published: status === 'published' };
}

/** Summaries of the articles with these ids (unknown ids left out), published or not: callers choose. */
export async function articleSummaries(db: DbOrTx, ids: readonly string[]): Promise<ArticleSummary[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db.select(SUMMARY).from(articles).where(inArray(articles.id, unique));
  return rows.map(summaryOf);
}

/** The article at `/{lang}/news/{slug}`, published or not, or undefined. */
export async function articleSummaryBySlug(
  db: DbOrTx,
  lang: 'en' | 'zh',
  slug: string,
): Promise<ArticleSummary | undefined> {
  const [row] = await db
    .select(SUMMARY)
    .from(articles)
    .where(and(eq(articles.lang, lang), eq(articles.slug, slug)));
  return row ? summaryOf(row) : undefined;
}
