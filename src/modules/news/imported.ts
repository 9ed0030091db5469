import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import type { Actor } from '../audit/audit.service.ts';
import { paragraphsToMarkdown } from './body.ts';
import { contentIssues } from './fields.ts';
import * as repo from './news.repo.ts';
import { findSectionByKey } from './sections.repo.ts';
import { auditArticle, contentChanged, freeSlug, saveRevision, searchColumns } from './write.ts';

export interface ImportedArticleInput {
  /** Stable identity of the legacy page: re-importing the same key updates the article. */
  importKey: string;
  lang: 'en' | 'zh';
  title: string;
  paragraphs: string[];
  sectionKey: string | null;
  publishedAt: Date;
}

export interface ImportedArticle {
  id: string;
  slug: string;
  lang: 'en' | 'zh';
  title: string;
  publishedAt: Date;
  created: boolean;
}

/**
 * Inserts or updates (by import key) a published article from a legacy page. The paragraphs are escaped so
 * the imported text is never read as markup. A re-import that changes nothing writes nothing.
 */
export async function upsertImportedArticle(
  db: DbOrTx,
  input: ImportedArticleInput,
  actor: Actor,
): Promise<ImportedArticle> {
  const title = input.title.trim();
  const bodySource = paragraphsToMarkdown(input.paragraphs);
  const issues = contentIssues('en', { title, bodySource, bodyFormat: 'markdown' });
  if (!bodySource) issues.push({ field: 'paragraphs', message: 'the page has no paragraphs' });
  if (issues.length > 0) throw new AppError('validation', undefined, issues);
  if (Number.isNaN(input.publishedAt.getTime())) throw invalid('publishedAt', 'not a valid date');
  return db.transaction(async (tx) => {
    let sectionId: number | null = null;
    if (input.sectionKey) {
      const section = await findSectionByKey(tx, input.sectionKey);
      if (!section) throw invalid('section', `unknown section "${input.sectionKey}"`);
      sectionId = section.id;
    }
    const now = new Date();
    const content = { title, summary: '', bodySource, bodyFormat: 'markdown' as const, sectionId };
    const existing = await repo.findByImportKey(tx, input.importKey);
    if (!existing) {
      const id = randomUUID();
      const slug = await freeSlug(tx, {
        lang: input.lang,
        title,
        date: input.publishedAt,
        seed: input.importKey,
      });
      const article = await repo.insertArticle(tx, {
        id,
        lang: input.lang,
        slug,
        ...content,
        status: 'published',
        publishedAt: input.publishedAt,
        importKey: input.importKey,
        authorId: actor.id,
        createdAt: now,
        updatedAt: now,
        ...searchColumns(input.lang, content),
      });
      await saveRevision(tx, article, actor, now, 'imported');
      await auditArticle(tx, { actor, action: 'article.imported', article });
      return present(article, true);
    }
    const same =
      !contentChanged(existing, content) &&
      existing.lang === input.lang &&
      existing.status === 'published' &&
      existing.publishedAt?.getTime() === input.publishedAt.getTime();
    if (same) return present(existing, false);
    const slug =
      existing.lang === input.lang
        ? existing.slug
        : await freeSlug(tx, { lang: input.lang, title, date: input.publishedAt, seed: input.importKey });
    const article = await repo.updateArticle(tx, existing.id, {
      ...content,
      lang: input.lang,
      slug,
      status: 'published',
      publishedAt: input.publishedAt,
      scheduledAt: null,
      updatedAt: now,
      ...searchColumns(input.lang, content),
    });
    if (contentChanged(existing, content)) await saveRevision(tx, article, actor, now, 'imported');
    await auditArticle(tx, { actor, action: 'article.reimported', article, before: existing });
    return present(article, false);
  });
}

function present(a: repo.ArticleRow, created: boolean): ImportedArticle {
  return { id: a.id, slug: a.slug, lang: a.lang, title: a.title, publishedAt: a.publishedAt!, created };
}
