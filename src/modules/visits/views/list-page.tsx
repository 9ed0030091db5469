/** The visits list: upcoming and current visits, then past ones (paged), with filters and downloads. */
import type { Lang } from '../../../lib/i18n.ts';
import { Breadcrumb } from '../../../web/layout.tsx';
import { Pagination } from '../../../web/pagination.tsx';
import type { PairingView, RegionRow } from '../../regions/regions.service.ts';
import { kindLabel } from '../messages.ts';
import { visitsUi } from '../ui-messages.ts';
import type { VisitRow } from '../visits.repo.ts';
import { dateRange, nameLangAttr, placeName, visitHref, visitTitle, type Places } from './parts.tsx';

export const PAST_PAGE_SIZE = 20;

export interface ListFilter {
  region?: string | undefined;
  pairing?: number | undefined;
  year?: number | undefined;
  page: number;
}

function Select(props: {
  name: string;
  label: string;
  value?: string | undefined;
  options: [string, string][];
  any: string;
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map(([v, l]) => (
          <option value={v} selected={v === props.value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

function VisitTable(props: { lang: Lang; rows: VisitRow[]; places: Places }) {
  const { lang, places } = props;
  const t = visitsUi(lang);
  return (
    <div class="table-scroll" tabindex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('colDates')}</th>
            <th scope="col">{t('colTitle')}</th>
            <th scope="col">{t('colKind')}</th>
            <th scope="col">{t('colHost')}</th>
            <th scope="col">{t('colVisiting')}</th>
            <th scope="col">{t('colPlaces')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((v) => (
            <tr>
              <td>{dateRange(v, lang)}</td>
              <td>
                <a href={visitHref(lang, v.id)}>{visitTitle(v, lang)}</a>
              </td>
              <td>{kindLabel(v.kind, lang)}</td>
              <td>{placeName(places, v.hostRegionCode, lang)}</td>
              <td>{placeName(places, v.visitingRegionCode, lang)}</td>
              <td lang={nameLangAttr(v.places, lang)}>{v.places}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ListPage(props: {
  lang: Lang;
  filter: ListFilter;
  upcoming: VisitRow[];
  past: VisitRow[];
  pastTotal: number;
  canRecord: boolean;
  provinces: RegionRow[];
  pairings: PairingView[];
  places: Places;
}) {
  const { lang, filter, places } = props;
  const t = visitsUi(lang);
  const params = (page: number) => {
    const q = new URLSearchParams();
    if (filter.region) q.set('region', filter.region);
    if (filter.pairing !== undefined) q.set('pairing', String(filter.pairing));
    if (filter.year !== undefined) q.set('year', String(filter.year));
    if (page > 1) q.set('page', String(page));
    return q.toString();
  };
  const link = (page: number) => `/${lang}/visits${params(page) ? `?${params(page)}` : ''}`;
  const exportQuery = params(1);
  const exportHref = (what: 'visits' | 'visits/areas', format: 'csv' | 'xlsx') =>
    `/api/v1/${what}/export?format=${format}&lang=${lang}${exportQuery ? `&${exportQuery}` : ''}`;
  const name = (r: { nameZh: string; nameEn: string }) => (lang === 'zh' ? r.nameZh : r.nameEn);
  return (
    <>
      <Breadcrumb lang={lang} items={[{ label: t('listTitle') }]} />
      <h1>{t('listTitle')}</h1>
      <p>{t('listIntro')}</p>
      {props.canRecord ? (
        <p>
          <a class="button" href={`/${lang}/visits/new`}>
            {t('record')}
          </a>
        </p>
      ) : null}
      <form
        method="get"
        action={`/${lang}/visits`}
        class="filters"
        role="search"
        aria-label={t('filterHeading')}
      >
        <Select
          name="region"
          label={t('filterRegion')}
          any={t('any')}
          value={filter.region}
          options={props.provinces.map((p) => [p.code, name(p)])}
        />
        <Select
          name="pairing"
          label={t('filterPairing')}
          any={t('any')}
          value={filter.pairing === undefined ? undefined : String(filter.pairing)}
          options={props.pairings.map((p) => [String(p.id), `${name(p.a)} – ${name(p.b)}`])}
        />
        <div class="field">
          <label for="f-year">{t('filterYear')}</label>
          <input
            id="f-year"
            name="year"
            type="number"
            min={1990}
            max={2100}
            value={filter.year === undefined ? '' : String(filter.year)}
          />
        </div>
        <button type="submit">{t('filter')}</button>
      </form>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('upcomingHeading')}</h2>
        {props.upcoming.length === 0 ? (
          <p>{t('noUpcoming')}</p>
        ) : (
          <VisitTable lang={lang} rows={props.upcoming} places={places} />
        )}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t('pastHeading')}</h2>
        {props.past.length === 0 ? (
          <p>{t('noPast')}</p>
        ) : (
          <VisitTable lang={lang} rows={props.past} places={places} />
        )}
        <Pagination
          lang={lang}
          page={filter.page}
          total={props.pastTotal}
          pageSize={PAST_PAGE_SIZE}
          link={link}
        />
      </section>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('exportHeading')}</h2>
        <ul>
          <li>
            <a href={exportHref('visits', 'csv')}>{t('exportVisitsCsv')}</a>
          </li>
          <li>
            <a href={exportHref('visits', 'xlsx')}>{t('exportVisitsXlsx')}</a>
          </li>
          <li>
            <a href={exportHref('visits/areas', 'csv')}>{t('exportAreasCsv')}</a>
          </li>
          <li>
            <a href={exportHref('visits/areas', 'xlsx')}>{t('exportAreasXlsx')}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
