import { plural, type Lang } from '../../../lib/i18n.ts';
import { Breadcrumb, href } from '../../../web/layout.tsx';
import { Pagination } from '../../../web/pagination.tsx';
import type { GlossaryRow } from '../glossary.service.ts';
import { divisionOf } from '../industries.data.ts';
import { taxonomyMsg } from '../messages.ts';
import { langOf } from './parts.tsx';

export const GLOSSARY_PAGE_SIZE = 50;

export type GlossaryNotice = 'created' | 'saved' | 'deleted';

/** The address of a glossary page with a query and page number (both left out when default). */
export function glossaryPath(q: string, page = 1): string {
  const params = new URLSearchParams();
  if (q !== '') params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/taxonomy/glossary${query === '' ? '' : `?${query}`}`;
}

/** Terms of one language, the preferred one first and in bold. */
function Terms({ terms, sep }: { terms: string[]; sep: string }) {
  const [first, ...rest] = terms;
  return (
    <>
      <strong>{first}</strong>
      {rest.length > 0 ? `${sep}${rest.join(sep)}` : null}
    </>
  );
}

function EntryRow({ lang, row, canEdit }: { lang: Lang; row: GlossaryRow; canEdit: boolean }) {
  const t = taxonomyMsg(lang);
  return (
    <tr id={`entry-${row.id}`}>
      <th scope="row">
        <code>{row.id}</code>
      </th>
      <td lang={langOf('zh', lang)}>
        <Terms terms={row.zh} sep="、" />
      </td>
      <td lang={langOf('en', lang)}>
        <Terms terms={row.en} sep="; " />
      </td>
      <td>
        {row.sectors.map((code, i) => {
          const d = divisionOf(code);
          return (
            <>
              {i > 0 ? ', ' : null}
              <a href={href(lang, `/taxonomy#division-${code}`)}>
                {code}
                {d ? ` ${lang === 'zh' ? d.shortZh : d.shortEn}` : ''}
              </a>
            </>
          );
        })}
      </td>
      <td>
        {row.broader === null ? null : (
          <a href={href(lang, glossaryPath(row.broader))}>
            <code>{row.broader}</code>
          </a>
        )}
      </td>
      {canEdit ? (
        <td>
          <a href={href(lang, `/taxonomy/glossary/${row.id}/edit`)}>{t('editEntry', { id: row.id })}</a>
        </td>
      ) : null}
    </tr>
  );
}

/** `/taxonomy/glossary`: search and browse the glossary; administrators also add and edit entries. */
export function GlossaryPage(props: {
  lang: Lang;
  q: string;
  page: number;
  rows: GlossaryRow[];
  total: number;
  canEdit: boolean;
  notice?: GlossaryNotice | undefined;
}) {
  const { lang, q, rows } = props;
  const t = taxonomyMsg(lang);
  const count = plural(lang, props.total, { one: t('countOne'), other: t('countOther') });
  return (
    <>
      <Breadcrumb
        lang={lang}
        items={[{ label: t('taxonomyTitle'), path: '/taxonomy' }, { label: t('glossaryTitle') }]}
      />
      <h1>{t('glossaryTitle')}</h1>
      {props.notice ? (
        <p class="notice success" role="status">
          {t(`done_${props.notice}`)}
        </p>
      ) : null}
      <p class="lead">{t('glossaryIntro')}</p>
      <form method="get" action={href(lang, '/taxonomy/glossary')} role="search" class="news-search">
        <div class="field">
          <label for="glossary-q">{t('searchLabel')}</label>
          <input id="glossary-q" name="q" type="search" value={q} maxlength={100} />
        </div>
        <button type="submit">{t('searchButton')}</button>
      </form>
      {props.canEdit ? (
        <p>
          <a class="button" href={href(lang, '/taxonomy/glossary/new')}>
            {t('addEntry')}
          </a>
        </p>
      ) : null}
      <p>{q === '' ? count : t('countFor', { count, q })}</p>
      {rows.length === 0 ? (
        q === '' ? null : (
          <p>{t('noEntries', { q })}</p>
        )
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table>
            <caption>{t('glossaryCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colId')}</th>
                <th scope="col">{t('colZh')}</th>
                <th scope="col">{t('colEn')}</th>
                <th scope="col">{t('colSectors')}</th>
                <th scope="col">{t('colBroader')}</th>
                {props.canEdit ? <th scope="col">{t('colActions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <EntryRow lang={lang} row={row} canEdit={props.canEdit} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        lang={lang}
        page={props.page}
        total={props.total}
        pageSize={GLOSSARY_PAGE_SIZE}
        link={(page) => href(lang, glossaryPath(q, page))}
      />
      <p>
        <a href={href(lang, '/taxonomy')}>{t('taxonomyLink')}</a>
      </p>
    </>
  );
}
