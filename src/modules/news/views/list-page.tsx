import type { Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { Pagination } from '../../../web/pagination.tsx';
import { manageMsg, newsMsg } from '../messages.ts';
import type { ArticleWithSection, NewsPage } from '../news.read.ts';
import { articlePath } from './article-page.tsx';
import { DateOnly, query, sectionName } from './parts.tsx';

export const NEWS_PAGE_SIZE = 20;

/** The search box shown on the list and search pages. */
export function SearchForm({ lang, q, scope }: { lang: Lang; q?: string; scope?: 'all' | Lang }) {
  const t = newsMsg(lang);
  return (
    <form method="get" action={href(lang, '/news/search')} role="search" class="news-search no-print">
      <div class="field">
        <label for="news-q">{t('searchLabel')}</label>
        <input id="news-q" name="q" type="search" value={q} maxlength={200} />
      </div>
      {scope ? (
        <div class="field">
          <label for="news-lang">{t('searchLangLabel')}</label>
          <select id="news-lang" name="lang">
            {(['all', 'en', 'zh'] as const).map((v) => (
              <option value={v} selected={v === scope}>
                {v === 'all' ? t('searchLangAll') : t(`lang_${v}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit">{t('searchButton')}</button>
    </form>
  );
}

/** One article in a list: title link, date, section and summary. */
export function ArticleItem({ lang, a }: { lang: Lang; a: ArticleWithSection }) {
  return (
    <li class="news-item">
      <h2>
        <a href={href(lang, articlePath(a))}>{a.title}</a>
      </h2>
      <p class="muted">
        {a.publishedAt ? <DateOnly at={a.publishedAt} /> : null}
        {a.section ? <> · {sectionName(a.section, lang)}</> : null}
      </p>
      {a.summary ? <p>{a.summary}</p> : null}
    </li>
  );
}

export function ListPage(props: { lang: Lang; data: NewsPage; page: number; canPublish: boolean }) {
  const { lang, data } = props;
  const t = newsMsg(lang);
  const current = data.section?.key;
  return (
    <>
      <h1>{data.section ? sectionName(data.section, lang) : t('newsTitle')}</h1>
      <p class="lead">{t('newsIntro')}</p>
      <SearchForm lang={lang} />
      <nav class="news-sections" aria-label={t('sectionsLabel')}>
        <ul>
          <li>
            <a href={href(lang, '/news')} aria-current={current ? undefined : 'page'}>
              {t('allSections')}
            </a>
          </li>
          {data.sections.map((s) => (
            <li>
              <a
                href={href(lang, `/news?section=${s.key}`)}
                aria-current={current === s.key ? 'page' : undefined}
              >
                {sectionName(s, lang)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {data.rows.length === 0 ? (
        <p>{t('noArticles')}</p>
      ) : (
        <ul class="news-list">
          {data.rows.map((a) => (
            <ArticleItem lang={lang} a={a} />
          ))}
        </ul>
      )}
      <Pagination
        lang={lang}
        page={props.page}
        total={data.total}
        pageSize={NEWS_PAGE_SIZE}
        link={(page) => href(lang, `/news${query({ section: current, page: page > 1 ? page : undefined })}`)}
      />
      <p class="no-print">
        <a href={href(lang, '/news/feed.xml')} type="application/atom+xml">
          {t('feedLink')}
        </a>
        {props.canPublish ? (
          <>
            {' · '}
            <a href={href(lang, '/news/manage')}>{manageMsg(lang)('manageTitle')}</a>
          </>
        ) : null}
      </p>
    </>
  );
}

/** The newest articles, for the home page. */
export function LatestNews({ lang, rows }: { lang: Lang; rows: ArticleWithSection[] }) {
  const t = newsMsg(lang);
  if (rows.length === 0) return null;
  return (
    <section class="latest-news" aria-labelledby="latest-news-heading">
      <h2 id="latest-news-heading">{t('latestNews')}</h2>
      <ul class="news-list">
        {rows.map((a) => (
          <li class="news-item">
            <a href={href(lang, articlePath(a))}>{a.title}</a>{' '}
            <span class="muted">{a.publishedAt ? <DateOnly at={a.publishedAt} /> : null}</span>
          </li>
        ))}
      </ul>
      <p>
        <a href={href(lang, '/news')}>{t('allNews')}</a>
      </p>
    </section>
  );
}
