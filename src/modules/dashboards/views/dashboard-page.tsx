/**
 * A dashboard: the period form, key figures, then each table with its chart, the programmes, the viewer's
 * region's lists (coordinators and admins), and the downloads and the printable report.
 */
import type { Lang } from '../../../lib/i18n.ts';
import { Breadcrumb, href } from '../../../web/layout.tsx';
import { programmeTitle, StatusTag } from '../../programmes/views/parts.tsx';
import { pairingTitle } from '../../regions/views/names.tsx';
import type { Dashboard } from '../dashboards.service.ts';
import { dashMsg } from '../messages.ts';
import type { Places } from '../../listings/views/parts.tsx';
import { detailRegionName, type DashTable } from '../tables.ts';
import { dashboardTitle, KeyFigures, periodQuery, periodText, TableFigure } from './parts.tsx';

/** Lists longer than this are cut on the page (the export holds every row). */
export const DETAIL_LIMIT = 100;

/** Where a dashboard lives: the pairing's, or the overall one. */
export function dashboardPath(d: Pick<Dashboard, 'pairing'>): string {
  return d.pairing ? `/pairings/${d.pairing.id}/dashboard` : '/dashboard';
}

/** Its data under /api/v1 (JSON, and `/export` for files). */
export function dashboardApiPath(d: Pick<Dashboard, 'pairing'>): string {
  return d.pairing ? `/api/v1/dashboards/pairings/${d.pairing.id}` : '/api/v1/dashboards/overall';
}

function PeriodForm({ d, lang }: { d: Dashboard; lang: Lang }) {
  const t = dashMsg(lang);
  const year = Number(d.today.slice(0, 4));
  const path = href(lang, dashboardPath(d));
  const yearLink = (y: number) => `${path}${periodQuery({ from: `${y}-01-01`, to: `${y}-12-31` })}`;
  return (
    <form method="get" action={path} class="period-form no-print" aria-labelledby="period-heading">
      <h2 id="period-heading">{t('period')}</h2>
      <p>
        <label for="period-from">{t('from')}</label>{' '}
        <input id="period-from" type="date" name="from" value={d.period.from ?? ''} />{' '}
        <label for="period-to">{t('to')}</label>{' '}
        <input id="period-to" type="date" name="to" value={d.period.to ?? ''} />{' '}
        <button type="submit">{t('apply')}</button>
      </p>
      <p>
        <a href={path}>{t('allTime')}</a> · <a href={yearLink(year)}>{t('thisYear', { year })}</a> ·{' '}
        <a href={yearLink(year - 1)}>{t('lastYear', { year: year - 1 })}</a>
      </p>
    </form>
  );
}

function Programmes({ d, lang }: { d: Dashboard; lang: Lang }) {
  const t = dashMsg(lang);
  return (
    <section aria-labelledby="programmes-heading">
      <h2 id="programmes-heading">{t('programmesHeading')}</h2>
      {d.programmes.length === 0 ? (
        <p>{t('noProgrammes')}</p>
      ) : (
        <ul>
          {d.programmes.map((p) => (
            <li>
              <a href={href(lang, `/programmes/${p.id}`)}>{programmeTitle(p, lang)}</a>{' '}
              <StatusTag lang={lang} status={p.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Downloads({ d, tables, lang }: { d: Dashboard; tables: DashTable[]; lang: Lang }) {
  const t = dashMsg(lang);
  const api = `${dashboardApiPath(d)}/export`;
  return (
    <section aria-labelledby="downloads-heading" class="no-print">
      <h2 id="downloads-heading">{t('exports')}</h2>
      <ul>
        <li>
          <a href={`${api}${periodQuery(d.period, { format: 'xlsx', lang })}`}>{t('exportXlsx')}</a>
        </li>
        {tables.map((table) => (
          <li>
            <a href={`${api}${periodQuery(d.period, { format: 'csv', lang, table: table.key })}`}>
              {t('exportCsv', { table: table.title })}
            </a>
          </li>
        ))}
      </ul>
      <p class="muted">{t('columnsHint')}</p>
    </section>
  );
}

/** The dashboard page's content; `tables` come from `dashboardTables(d, lang, places)`. */
export function DashboardPage(props: { d: Dashboard; tables: DashTable[]; places: Places; lang: Lang }) {
  const { d, tables, places, lang } = props;
  const t = dashMsg(lang);
  const title = dashboardTitle(d, lang);
  const [headline, ...rest] = tables;
  const charts = rest.filter((x) => x.key !== 'region-projects' && x.key !== 'region-agreements');
  const details = rest.filter((x) => x.key === 'region-projects' || x.key === 'region-agreements');
  return (
    <>
      <Breadcrumb
        lang={lang}
        items={[
          ...(d.pairing
            ? [
                { label: pairingTitle(d.pairing, lang), path: `/pairings/${d.pairing.id}` },
                { label: t('dashboards') },
              ]
            : [{ label: t('dashboards') }]),
        ]}
      />
      <h1>{title}</h1>
      <p class="lead">{periodText(d.period, d.today, lang)}</p>
      <p>{t('intro')}</p>
      {d.pairing ? <p class="muted">{t('scopeNote')}</p> : null}
      <PeriodForm d={d} lang={lang} />
      <p class="no-print">
        <a class="button secondary" href={href(lang, `${reportPath(d)}${periodQuery(d.period)}`)}>
          {t('printable')}
        </a>{' '}
        {d.pairing ? <a href={href(lang, '/dashboard')}>{t('overallLink')}</a> : null}
      </p>
      <section aria-labelledby="headline-heading">
        <h2 id="headline-heading">{t('headline')}</h2>
        {headline ? <KeyFigures table={headline} lang={lang} /> : null}
        {d.full ? null : <p class="muted">{t('publicNote')}</p>}
        {d.pairing ? null : <p class="muted">{t('pairingsNote')}</p>}
      </section>
      <div class="dash-grid">
        {charts.map((table) => (
          <section aria-labelledby={`h-${table.key}`} class="dash-section">
            <h2 id={`h-${table.key}`}>{table.title}</h2>
            <TableFigure table={table} lang={lang} />
          </section>
        ))}
      </div>
      <Programmes d={d} lang={lang} />
      {d.details ? <Details region={detailRegionName(d, lang, places)} tables={details} lang={lang} /> : null}
      <Downloads d={d} tables={tables} lang={lang} />
    </>
  );
}

function Details({ region, tables, lang }: { region: string; tables: DashTable[]; lang: Lang }) {
  const t = dashMsg(lang);
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t('detailsHeading')}</h2>
      <p class="muted">{t('detailsNote', { region })}</p>
      {tables.map((table) => (
        <>
          {table.rows.length > DETAIL_LIMIT ? (
            <p>{t('detailsCapped', { shown: DETAIL_LIMIT, total: table.rows.length })}</p>
          ) : null}
          <TableFigure table={table} lang={lang} limit={DETAIL_LIMIT} />
        </>
      ))}
    </section>
  );
}

/** The printable report's path for this dashboard. */
export function reportPath(d: Pick<Dashboard, 'pairing'>): string {
  return d.pairing ? `/pairings/${d.pairing.id}/report` : '/dashboard/report';
}
