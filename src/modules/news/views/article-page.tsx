import { raw } from 'hono/html';
import { HTML_LANG, isoShanghai, type Lang } from '../../../lib/i18n.ts';
import { Breadcrumb, href } from '../../../web/layout.tsx';
import { shellMsg } from '../../../web/messages.ts';
import { plainText, UPLOAD_SRC } from '../body.ts';
import { newsMsg } from '../messages.ts';
import type { ArticleContext } from '../news.read.ts';
import { articleUrl } from '../news.service.ts';
import { langAttr, pairingLabel, regionLabel, sectionName, Time } from './parts.tsx';

/** Path of an article under the language prefix, for `href()` and the breadcrumb. */
export function articlePath(a: { slug: string }): string {
  return `/news/${encodeURIComponent(a.slug)}`;
}

/** Shown as "last updated" only when edited after publication. */
function updatedAt(a: ArticleContext['article']): Date | null {
  return a.lastEditedAt && a.publishedAt && a.lastEditedAt > a.publishedAt ? a.lastEditedAt : null;
}

/** Canonical address, Open Graph and the translation's alternate link. */
export function ArticleHead({
  ctx,
  publicUrl,
  noindex,
}: {
  ctx: ArticleContext;
  publicUrl: string;
  noindex?: boolean;
}) {
  const a = ctx.article;
  const url = publicUrl + articleUrl(a);
  const description = (a.summary || plainText(a.bodySource, a.bodyFormat)).replace(/\s+/g, ' ').slice(0, 200);
  const image = /<img src="([^"]+)"/.exec(ctx.bodyHtml)?.[1];
  const updated = updatedAt(a);
  return (
    <>
      <link rel="canonical" href={url} />
      {noindex ? <meta name="robots" content="noindex" /> : null}
      <meta name="description" content={description} />
      <meta property="og:type" content="article" />
      <meta property="og:title" content={a.title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content={shellMsg(a.lang)('siteName')} />
      <meta property="og:locale" content={a.lang === 'zh' ? 'zh_CN' : 'en_US'} />
      {image && UPLOAD_SRC.test(image) ? <meta property="og:image" content={publicUrl + image} /> : null}
      {a.publishedAt ? <meta property="article:published_time" content={isoShanghai(a.publishedAt)} /> : null}
      {updated ? <meta property="article:modified_time" content={isoShanghai(updated)} /> : null}
      {a.section ? <meta property="article:section" content={sectionName(a.section, a.lang)} /> : null}
      {/* The layout links the translation as the alternate (see otherPath). */}
      {ctx.translations.map((t) => (
        <meta property="og:locale:alternate" content={t.lang === 'zh' ? 'zh_CN' : 'en_US'} />
      ))}
    </>
  );
}

/**
 * The reference article page: breadcrumb, the title as the one h1, the publication time, the body, then
 * Print and Close. Everything else is marked `no-print`, so printing keeps only those four parts.
 */
export function ArticlePage({
  lang,
  ctx,
  preview,
  visits = [],
}: {
  lang: Lang;
  ctx: ArticleContext;
  preview?: boolean;
  /** The visits the article reports on (linked from the visit's side), titled in the page's language. */
  visits?: { id: string; title: string }[];
}) {
  const t = newsMsg(lang);
  const a = ctx.article;
  const updated = updatedAt(a);
  const path = articlePath(a);
  const crumbs = [
    { label: t('newsTitle'), path: '/news' },
    ...(a.section ? [{ label: sectionName(a.section, lang), path: `/news?section=${a.section.key}` }] : []),
  ];
  return (
    <>
      {preview ? (
        <p class="notice no-print" role="status">
          {t('previewBanner')}
        </p>
      ) : null}
      <Breadcrumb lang={lang} items={crumbs} />
      <article class="news-article" lang={langAttr(a.lang, lang)}>
        <h1>{a.title}</h1>
        <div class="article-meta">
          {a.publishedAt ? (
            <span class="article-published">
              <span class="news-sr-only" lang={langAttr(lang, a.lang)}>
                {t('published')}:{' '}
              </span>
              <Time at={a.publishedAt} />
            </span>
          ) : null}
          {updated ? (
            <span class="article-updated no-print" lang={langAttr(lang, a.lang)}>
              {t('lastUpdated')}: <Time at={updated} /> (
              <a href={href(lang, `${path}/history`)}>{t('seeHistory')}</a>)
            </span>
          ) : null}
        </div>
        {a.summary ? <div class="lead no-print">{a.summary}</div> : null}
        <div class="article-body">{raw(ctx.bodyHtml)}</div>
      </article>
      <div class="actions article-actions no-print" role="group" aria-label={t('articleActions')}>
        <a class="button secondary" href={`${href(lang, path)}?print=1`} data-action="print">
          {t('print')}
        </a>
        <a class="button secondary" href={href(lang, '/news')} data-action="close">
          {t('close')}
        </a>
      </div>
      {visits.map((v) => (
        <p class="article-visit no-print">
          {t('articleVisit')}
          <a href={href(lang, `/visits/${v.id}`)}>{v.title}</a>
        </p>
      ))}
      <Related lang={lang} ctx={ctx} />
    </>
  );
}

function Related({ lang, ctx }: { lang: Lang; ctx: ArticleContext }) {
  const t = newsMsg(lang);
  if (ctx.translations.length === 0 && !ctx.region && !ctx.pairing) return null;
  return (
    <aside class="article-related no-print" aria-label={t('related')}>
      {ctx.translations.map((tr) => (
        <p class="article-translation">
          {t('translationIn')}
          <a href={articleUrl(tr)} hreflang={HTML_LANG[tr.lang]} lang={HTML_LANG[tr.lang]}>
            {tr.title}
          </a>
        </p>
      ))}
      {ctx.region || ctx.pairing ? (
        <>
          <h2>{t('related')}</h2>
          <ul>
            {ctx.region ? (
              <li>
                {t('relatedRegion')}
                <a href={href(lang, `/regions/${ctx.region.code}`)}>{regionLabel(ctx.region, lang)}</a>
              </li>
            ) : null}
            {ctx.pairing ? (
              <li>
                {t('relatedPairing')}
                <a href={href(lang, `/pairings/${ctx.pairing.id}`)}>{pairingLabel(ctx.pairing, lang)}</a>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
