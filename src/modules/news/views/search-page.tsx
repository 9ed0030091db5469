import { plural, type Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { Pagination } from '../../../web/pagination.tsx';
import { newsMsg } from '../messages.ts';
import type { SearchResult } from '../news.read.ts';
import { articlePath } from './article-page.tsx';
import { SearchForm } from './list-page.tsx';
import { DateOnly, Highlighted, langAttr, query, sectionName } from './parts.tsx';

export const SEARCH_PAGE_SIZE = 20;

export function SearchPage(props: {
  lang: Lang;
  q: string;
  scope: 'all' | Lang;
  page: number;
  results: SearchResult[] | null;
  total: number;
}) {
  const { lang, q, scope } = props;
  const t = newsMsg(lang);
  return (
    <>
      <h1>{t('searchTitle')}</h1>
      <p class="hint">{t('searchHint')}</p>
      <SearchForm lang={lang} q={q} scope={scope} />
      {props.results === null ? null : (
        <>
          <p role="status">
            {props.total === 0
              ? t('noResults')
              : plural(lang, props.total, { one: t('resultsOne'), other: t('resultsOther') })}
          </p>
          <ul class="news-list search-results">
            {props.results.map((r) => (
              <li class="news-item" lang={langAttr(r.article.lang, lang)}>
                <h2>
                  <a href={`/${r.article.lang}${articlePath(r.article)}`}>
                    <Highlighted segments={r.title} />
                  </a>
                </h2>
                <p>
                  <Highlighted segments={r.snippet} />
                </p>
                <p class="muted" lang={langAttr(lang, r.article.lang)}>
                  {r.article.publishedAt ? <DateOnly at={r.article.publishedAt} /> : null} ·{' '}
                  {t(`lang_${r.article.lang}`)}
                  {r.article.section ? <> · {sectionName(r.article.section, lang)}</> : null}
                </p>
              </li>
            ))}
          </ul>
          <Pagination
            lang={lang}
            page={props.page}
            total={props.total}
            pageSize={SEARCH_PAGE_SIZE}
            link={(page) =>
              href(
                lang,
                `/news/search${query({ q, lang: scope === 'all' ? undefined : scope, page: page > 1 ? page : undefined })}`,
              )
            }
          />
        </>
      )}
    </>
  );
}
