/**
 * The printable report of a dashboard for a period: the same tables and charts on one page for paper (the
 * print stylesheet drops the site's header, footer and these controls), with when and from what it was made.
 */
import { formatShanghai, type Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { pairingTitle } from '../../regions/views/names.tsx';
import type { Dashboard } from '../dashboards.service.ts';
import { dashMsg } from '../messages.ts';
import type { DashTable } from '../tables.ts';
import { DETAIL_LIMIT, dashboardPath } from './dashboard-page.tsx';
import { periodQuery, periodText, TableFigure } from './parts.tsx';

/** The report's title: the pairing's, or all pairings'. */
export function reportTitle(d: Dashboard, lang: Lang): string {
  const t = dashMsg(lang);
  return t('reportTitle', { pairing: d.pairing ? pairingTitle(d.pairing, lang) : t('overallLink') });
}

export function ReportPage(props: {
  d: Dashboard;
  tables: DashTable[];
  lang: Lang;
  now: Date;
  site: string;
}) {
  const { d, tables, lang } = props;
  const t = dashMsg(lang);
  return (
    <article class="report">
      <div class="actions no-print">
        <button type="button" class="button" data-action="print" hidden>
          {t('print')}
        </button>{' '}
        <a href={href(lang, `${dashboardPath(d)}${periodQuery(d.period)}`)}>{t('backToDashboard')}</a>
        <p class="muted">{t('printNote')}</p>
      </div>
      <h1>{reportTitle(d, lang)}</h1>
      <p class="lead">{periodText(d.period, d.today, lang)}</p>
      <p>{t('intro')}</p>
      {d.full ? null : <p>{t('publicNote')}</p>}
      {tables.map((table) => (
        <section aria-labelledby={`h-${table.key}`} class="dash-section report-section">
          <h2 id={`h-${table.key}`}>{table.title}</h2>
          {table.chart === null && table.rows.length > DETAIL_LIMIT ? (
            <p>{t('detailsCapped', { shown: DETAIL_LIMIT, total: table.rows.length })}</p>
          ) : null}
          <TableFigure table={table} lang={lang} limit={table.chart === null ? DETAIL_LIMIT : undefined} />
        </section>
      ))}
      <p class="muted">{t('generated', { date: formatShanghai(props.now), site: props.site })}</p>
    </article>
  );
}
