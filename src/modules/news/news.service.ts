import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import type { Deps } from '../../web/env.ts';
import { actorOf, type UseCaseContext } from '../accounts/context.ts';
import { authorize } from '../accounts/policy.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { enqueueJob } from '../jobs/jobs.service.ts';
import { findRegion, getPairing } from '../regions/regions.service.ts';
import { checkFields, type ArticleFields } from './fields.ts';
import { newsErr } from './messages.ts';
import * as repo from './news.repo.ts';
import type { ArticleRow, RevisionRow } from './news.repo.ts';
import { canManageArticle, canPublishNews } from './policy.ts';
import { auditArticle, contentChanged, freeSlug, saveRevision, searchColumns } from './write.ts';

export type { ArticleRow, RevisionRow };
export type { ArticleFields };
export type { SectionRow } from './sections.repo.ts';
export { seedNewsSections } from './sections.service.ts';
export { upsertImportedArticle, type ImportedArticleInput, type ImportedArticle } from './imported.ts';

export const PUBLISH_JOB = 'news.publish';

/** Only what a use case needs of the app: the database and the clock (tests fix it). */
export type NewsDeps = Pick<Deps, 'db' | 'now'>;

/** The public address of an article: `/en/news/<slug>`. */
export function articleUrl(a: { lang: 'en' | 'zh'; slug: string }): string {
  return `/${a.lang}/news/${encodeURIComponent(a.slug)}`;
}

/** The article locked for a change, after checking the viewer may manage it. */
async function lockForChange(db: DbOrTx, ctx: UseCaseContext, id: string) {
  const article = await repo.findArticle(db, id, { lock: true });
  if (!article) throw new AppError('not_found');
  authorize(ctx.viewer, canManageArticle(ctx.viewer, article));
  return article;
}

/** Coordinators (for their region) and admins start a draft; it gets revision 1. */
export async function createArticle(
  deps: NewsDeps,
  ctx: UseCaseContext,
  lang: 'en' | 'zh',
  fields: ArticleFields,
): Promise<ArticleRow> {
  authorize(ctx.viewer, canPublishNews(ctx.viewer));
  const now = deps.now();
  const actor = actorOf(ctx);
  return deps.db.transaction(async (tx) => {
    const { translation, ...c } = await checkFields(tx, ctx.viewer, ctx.lang, lang, fields);
    const id = randomUUID();
    const slug = await freeSlug(tx, { lang, title: c.title, date: now, seed: id });
    const article = await repo.insertArticle(tx, {
      id,
      lang,
      slug,
      ...c,
      translationGroup: translation?.translationGroup ?? randomUUID(),
      authorId: ctx.viewer?.id ?? null,
      status: 'draft',
      createdAt: now,
      updatedAt: now,
      ...searchColumns(lang, c),
    });
    await saveRevision(tx, article, actor, now);
    await auditArticle(tx, { actor, action: 'article.created', article, requestId: ctx.requestId });
    return article;
  });
}

/**
 * Saves an edit in any status; a content change makes a revision. After publication a change is shown as
 * "last updated" unless the author marks it minor (a typo).
 */
export async function updateArticle(
  deps: NewsDeps,
  ctx: UseCaseContext,
  id: string,
  fields: ArticleFields & { minorChange?: boolean },
): Promise<ArticleRow> {
  const now = deps.now();
  const actor = actorOf(ctx);
  return deps.db.transaction(async (tx) => {
    const before = await lockForChange(tx, ctx, id);
    const { translation, ...c } = await checkFields(tx, ctx.viewer, ctx.lang, before.lang, fields, before);
    const changed = contentChanged(before, c);
    const neverPublished = before.publishedAt === null;
    // Linking joins the other article's group; an explicit null unlinks (a group of its own); undefined keeps.
    const translationGroup = translation
      ? translation.translationGroup
      : fields.translationOf === null && (await repo.translationsOf(tx, before)).length > 0
        ? randomUUID()
        : before.translationGroup;
    const article = await repo.updateArticle(tx, id, {
      ...c,
      translationGroup,
      // A draft's address follows its title until it is first published; after that links must keep working.
      slug:
        neverPublished && before.title !== c.title
          ? await freeSlug(tx, {
              lang: before.lang,
              title: c.title,
              date: before.createdAt,
              seed: id,
              exceptId: id,
            })
          : before.slug,
      lastEditedAt: changed && !neverPublished && !fields.minorChange ? now : before.lastEditedAt,
      updatedAt: now,
      ...(changed ? searchColumns(before.lang, c) : {}),
    });
    if (changed) await saveRevision(tx, article, actor, now);
    await auditArticle(tx, { actor, action: 'article.updated', article, before, requestId: ctx.requestId });
    return article;
  });
}

/** Publishes now. A republished article keeps its first publication time. */
export async function publishArticle(deps: NewsDeps, ctx: UseCaseContext, id: string): Promise<ArticleRow> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await lockForChange(tx, ctx, id);
    if (before.status === 'published') throw new AppError('conflict', newsErr(ctx.lang)('alreadyPublished'));
    if (!before.bodySource.trim()) throw invalid('bodySource', newsErr(ctx.lang)('bodyRequired'));
    const article = await repo.updateArticle(tx, id, {
      status: 'published',
      publishedAt: before.publishedAt ?? now,
      scheduledAt: null,
      updatedAt: now,
    });
    await auditArticle(tx, {
      actor: actorOf(ctx),
      action: 'article.published',
      article,
      before,
      requestId: ctx.requestId,
    });
    return article;
  });
}

/**
 * Schedules publication at `at` with a job keyed by the article and time: scheduling the same time again
 * adds nothing, and a job whose time is no longer the article's does nothing when it runs.
 */
export async function scheduleArticle(
  deps: NewsDeps,
  ctx: UseCaseContext,
  id: string,
  at: Date,
): Promise<ArticleRow> {
  const now = deps.now();
  const t = newsErr(ctx.lang);
  if (!(at.getTime() > now.getTime())) throw invalid('scheduledAt', t('scheduleInPast'));
  return deps.db.transaction(async (tx) => {
    const before = await lockForChange(tx, ctx, id);
    if (before.status === 'published') throw new AppError('conflict', t('alreadyPublished'));
    if (!before.bodySource.trim()) throw invalid('bodySource', t('bodyRequired'));
    const article = await repo.updateArticle(tx, id, {
      status: 'scheduled',
      scheduledAt: at,
      updatedAt: now,
    });
    const actor = actorOf(ctx);
    await enqueueJob(tx, {
      name: PUBLISH_JOB,
      runAt: at,
      key: `${PUBLISH_JOB}:${id}:${at.toISOString()}`,
      payload: { articleId: id, scheduledAt: at.toISOString(), actorId: actor.id, actorLabel: actor.label },
    });
    await auditArticle(tx, { actor, action: 'article.scheduled', article, before, requestId: ctx.requestId });
    return article;
  });
}

/** Cancels a scheduled publication: back to draft (or unpublished if it had been published before). */
export async function unscheduleArticle(
  deps: NewsDeps,
  ctx: UseCaseContext,
  id: string,
): Promise<ArticleRow> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await lockForChange(tx, ctx, id);
    if (before.status !== 'scheduled') throw new AppError('conflict', newsErr(ctx.lang)('notScheduled'));
    const status = before.publishedAt ? 'unpublished' : 'draft';
    const article = await repo.updateArticle(tx, id, { status, scheduledAt: null, updatedAt: now });
    await auditArticle(tx, {
      actor: actorOf(ctx),
      action: 'article.unscheduled',
      article,
      before,
      requestId: ctx.requestId,
    });
    return article;
  });
}

/** Takes a published article off the site; its address answers 404 until it is published again. */
export async function unpublishArticle(deps: NewsDeps, ctx: UseCaseContext, id: string): Promise<ArticleRow> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await lockForChange(tx, ctx, id);
    if (before.status !== 'published') throw new AppError('conflict', newsErr(ctx.lang)('notPublished'));
    const article = await repo.updateArticle(tx, id, { status: 'unpublished', updatedAt: now });
    await auditArticle(tx, {
      actor: actorOf(ctx),
      action: 'article.unpublished',
      article,
      before,
      requestId: ctx.requestId,
    });
    return article;
  });
}

/** Brings back an earlier revision's content as a new revision (history is never rewritten). */
export async function restoreRevision(
  deps: NewsDeps,
  ctx: UseCaseContext,
  id: string,
  number: number,
): Promise<ArticleRow> {
  const now = deps.now();
  const actor = actorOf(ctx);
  return deps.db.transaction(async (tx) => {
    const before = await lockForChange(tx, ctx, id);
    const rev = await repo.findRevision(tx, id, number);
    if (!rev) throw new AppError('not_found');
    const content = {
      title: rev.title,
      summary: rev.summary,
      bodySource: rev.bodySource,
      bodyFormat: rev.bodyFormat,
      sectionId: rev.sectionId,
    };
    const changed = contentChanged(before, content);
    const article = await repo.updateArticle(tx, id, {
      ...content,
      lastEditedAt: changed && before.publishedAt ? now : before.lastEditedAt,
      updatedAt: now,
      ...searchColumns(before.lang, content),
    });
    await saveRevision(tx, article, actor, now, `restored:${number}`);
    await auditArticle(tx, { actor, action: 'article.restored', article, before, requestId: ctx.requestId });
    return article;
  });
}

/**
 * Links articles (one per language) as translations of each other and relates them all to a region and a
 * pairing: site set-up (demo content, imports) by the system, or an administrator. The articles join the
 * first one's translation group. Idempotent: an article already so linked and related is not written to.
 */
export async function relateArticles(
  deps: NewsDeps,
  ctx: UseCaseContext,
  ids: string[],
  relation: { regionCode: string | null; pairingId: number | null },
): Promise<ArticleRow[]> {
  const actor = actorOf(ctx);
  // The system is a context without a user or a request address (CLI, first start); on the web, admins only.
  authorize(ctx.viewer, ctx.viewer ? ctx.viewer.role === 'admin' : actor === SYSTEM);
  const t = newsErr(ctx.lang);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const found = await Promise.all(ids.map((id) => repo.findArticle(tx, id, { lock: true })));
    const missing = ids.find((_, i) => !found[i]);
    if (missing !== undefined) throw new AppError('not_found', `No article ${missing}`);
    const rows = found as ArticleRow[];
    const group = rows[0]?.translationGroup;
    if (group === undefined) return [];
    // One article per language in the group, counting those already in it.
    const stay = (await repo.translationsOf(tx, rows[0]!)).filter((o) => !ids.includes(o.id));
    const langs = [...rows, ...stay].map((a) => a.lang);
    if (new Set(langs).size !== langs.length) throw invalid('translationOf', t('translationTaken'));
    if (relation.regionCode !== null && !(await findRegion(tx, relation.regionCode)))
      throw invalid('regionCode', t('unknownRegion', { code: relation.regionCode }));
    if (relation.pairingId !== null) {
      const pairing = await getPairing(tx, relation.pairingId).catch(() => null);
      if (!pairing) throw invalid('pairingId', t('unknownPairing', { id: relation.pairingId }));
    }
    const out: ArticleRow[] = [];
    for (const before of rows) {
      if (
        before.translationGroup === group &&
        before.regionCode === relation.regionCode &&
        before.pairingId === relation.pairingId
      ) {
        out.push(before);
        continue;
      }
      const article = await repo.updateArticle(tx, before.id, {
        translationGroup: group,
        regionCode: relation.regionCode,
        pairingId: relation.pairingId,
        updatedAt: now,
      });
      await auditArticle(tx, { actor, action: 'article.related', article, before, requestId: ctx.requestId });
      out.push(article);
    }
    return out;
  });
}
