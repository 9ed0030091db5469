import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../audit/audit.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { plainText, type BodyFormat } from './body.ts';
import * as repo from './news.repo.ts';
import type { ArticleRow } from './news.repo.ts';
import { searchVector } from './search.ts';
import { uniqueSlug } from './slug.ts';

/** The search columns for an article's content; written with every content change. */
export function searchColumns(
  lang: 'en' | 'zh',
  c: { title: string; summary: string; bodySource: string; bodyFormat: BodyFormat },
) {
  const text = plainText(c.bodySource, c.bodyFormat);
  return { searchText: text, search: searchVector(lang, { title: c.title, summary: c.summary, text }) };
}

export function freeSlug(
  db: DbOrTx,
  opts: { lang: 'en' | 'zh'; title: string; date: Date; seed: string; exceptId?: string },
) {
  return uniqueSlug(opts, (slug) => repo.slugTaken(db, opts.lang, slug, opts.exceptId));
}

/** Whether a save changes what readers see (and so deserves a revision). */
export function contentChanged(
  a: Pick<ArticleRow, 'title' | 'summary' | 'bodySource' | 'bodyFormat' | 'sectionId'>,
  b: Pick<ArticleRow, 'title' | 'summary' | 'bodySource' | 'bodyFormat' | 'sectionId'>,
): boolean {
  return (
    a.title !== b.title ||
    a.summary !== b.summary ||
    a.bodySource !== b.bodySource ||
    a.bodyFormat !== b.bodyFormat ||
    a.sectionId !== b.sectionId
  );
}

export async function saveRevision(
  tx: DbOrTx,
  article: ArticleRow,
  actor: Actor,
  now: Date,
  note: string | null = null,
) {
  return repo.insertRevision(tx, {
    articleId: article.id,
    title: article.title,
    summary: article.summary,
    bodySource: article.bodySource,
    bodyFormat: article.bodyFormat,
    sectionId: article.sectionId,
    authorId: actor.id,
    actorLabel: actor.label,
    note,
    createdAt: now,
  });
}

/** What the audit log keeps of an article: the revisions table holds the content itself. */
function auditView(a: ArticleRow | undefined) {
  if (!a) return undefined;
  const { bodySource: _b, summary: _s, ...rest } = a;
  return { ...rest, bodyLength: a.bodySource.length };
}

export async function auditArticle(
  tx: DbOrTx,
  entry: {
    actor: Actor;
    action: string;
    article: ArticleRow;
    before?: ArticleRow | undefined;
    requestId?: string | undefined;
  },
): Promise<void> {
  await recordAudit(tx, {
    actor: entry.actor,
    action: entry.action,
    entity: 'article',
    entityId: entry.article.id,
    before: auditView(entry.before),
    after: auditView(entry.article),
    requestId: entry.requestId,
  });
}
