import type { Lang } from '../lib/i18n.ts';
import { shellMsg } from './messages.ts';

/**
 * Previous / page n of m / next under a paged list; nothing when everything fits on one page. `link` gives
 * a page's address (keeping the list's other query parameters); `previous` and `next` replace the default
 * link texts where the order is not plain pages (newest first, say).
 */
export function Pagination(props: {
  lang: Lang;
  page: number;
  total: number;
  pageSize: number;
  link: (page: number) => string;
  previous?: string;
  next?: string;
}) {
  const t = shellMsg(props.lang);
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('paginationLabel')} class="no-print">
      <ul class="pagination">
        {props.page > 1 ? (
          <li>
            <a href={props.link(props.page - 1)} rel="prev">
              {props.previous ?? t('previousPage')}
            </a>
          </li>
        ) : null}
        <li>{t('pageOf', { page: props.page, pages })}</li>
        {props.page < pages ? (
          <li>
            <a href={props.link(props.page + 1)} rel="next">
              {props.next ?? t('nextPage')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
