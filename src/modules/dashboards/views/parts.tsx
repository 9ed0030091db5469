/** What the dashboard page and the printable report share: the period's words, key figures, charts and tables. */
import { HTML_LANG, type Lang } from '../../../lib/i18n.ts';
import {
  barChartSvg,
  Chart,
  formatNumber,
  lineChartSvg,
  type ChartCell,
  type ChartSeries,
} from '../../../web/charts.tsx';
import { pairingTitle } from '../../regions/views/names.tsx';
import type { Period } from '../core/figures.ts';
import type { Dashboard } from '../dashboards.service.ts';
import { dashMsg } from '../messages.ts';
import type { DashTable } from '../tables.ts';

/** The dashboard's name: the pairing's, or "all pairings". */
export function dashboardTitle(d: Dashboard, lang: Lang): string {
  const t = dashMsg(lang);
  return d.pairing ? t('pairingTitle', { pairing: pairingTitle(d.pairing, lang) }) : t('overallTitle');
}

/** The period in words, open ends closed by today. */
export function periodText(p: Period, today: string, lang: Lang): string {
  const t = dashMsg(lang);
  if (p.from && p.to) return t('periodBoth', { from: p.from, to: p.to });
  if (p.from) return t('periodFrom', { from: p.from, today });
  if (p.to) return t('periodTo', { to: p.to });
  return t('periodAll', { today });
}

/** `?from=…&to=…` for links that keep the period (empty when it is all time). */
export function periodQuery(p: Period, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ ...extra });
  if (p.from) q.set('from', p.from);
  if (p.to) q.set('to', p.to);
  const s = q.toString();
  return s ? `?${s}` : '';
}

const cellText = (c: ChartCell | undefined): string =>
  c === undefined ? '' : typeof c === 'object' ? c.text : String(c);

/** The headline table as large figures. */
export function KeyFigures({ table, lang }: { table: DashTable; lang: Lang }) {
  return (
    <dl class="figures">
      {table.rows.map(([label, value]) => (
        // One grid cell per pair, so a value never lands under another's label.
        <div>
          <dt>{cellText(label)}</dt>
          <dd>{typeof value === 'number' ? formatNumber(value, lang) : cellText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function chartSvg(table: DashTable, lang: Lang): string | null {
  const spec = table.chart;
  if (!spec || table.rows.length === 0) return null;
  const series: ChartSeries[] = spec.series.map((key) => {
    const i = table.columns.findIndex((c) => c.key === key);
    return {
      name: table.columns[i]!.label,
      values: table.rows.map((r) => (typeof r[i] === 'number' ? r[i] : 0)),
    };
  });
  // A chart of nothing but zeros says less than its table's "0"s.
  if (series.every((s) => s.values.every((v) => v === 0))) return null;
  const input = { title: '', categories: table.rows.map((r) => cellText(r[0])), series, lang };
  return spec.kind === 'line' ? lineChartSvg(input) : barChartSvg(input);
}

/** A table with its chart (when it has one and any rows), else the table alone under its caption. */
export function TableFigure({ table, lang, limit }: { table: DashTable; lang: Lang; limit?: number }) {
  const columns = table.columns.map((c) => c.label);
  const svg = chartSvg(table, lang);
  if (svg) return <Chart svg={svg} caption={table.title} table={{ columns, rows: table.rows }} lang={lang} />;
  const rows = limit === undefined ? table.rows : table.rows.slice(0, limit);
  return (
    <div class="table-scroll" tabindex={0} id={`table-${table.key}`}>
      <table>
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colspan={columns.length}>{dashMsg(lang)('noRows')}</td>
            </tr>
          ) : null}
          {rows.map(([head, ...rest]) => (
            <tr>
              <th scope="row">
                <Text cell={head} lang={lang} />
              </th>
              {rest.map((v) => (
                <td class={typeof v === 'number' ? 'num' : undefined}>
                  <Text cell={v} lang={lang} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Text({ cell, lang }: { cell: ChartCell | undefined; lang: Lang }) {
  if (typeof cell === 'number') return <>{formatNumber(cell, lang)}</>;
  if (cell === undefined || typeof cell === 'string') return <>{cell ?? ''}</>;
  return cell.lang === lang ? <>{cell.text}</> : <span lang={HTML_LANG[cell.lang]}>{cell.text}</span>;
}
