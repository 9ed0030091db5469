/**
 * Dashboard tables as files: XLSX with a sheet per table (or the one asked for), CSV with one table; the
 * labels in the chosen language and, for one table, a choice of columns (`columns=a,b`, in that order).
 */
import ExcelJS from 'exceljs';
import { invalid } from '../../lib/errors.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { ChartCell } from '../../web/charts.tsx';
import { csvField } from '../listings/export.ts';
import { parseColumns } from '../visits/export.ts';
import { dashMsg } from './messages.ts';
import type { DashTable } from './tables.ts';

export const DASHBOARD_FORMATS = ['csv', 'xlsx'] as const;
export type DashboardFormat = (typeof DASHBOARD_FORMATS)[number];

export interface TableChoice {
  format: DashboardFormat;
  table?: string | undefined;
  columns?: string | undefined;
  lang: Lang;
}

const text = (cell: ChartCell | undefined): string | number =>
  cell === undefined ? '' : typeof cell === 'object' ? cell.text : cell;

/**
 * The tables to write, each cut to the columns asked for: 400 naming `table` for an unknown table or a
 * CSV without one (or one this viewer has no rows for), `columns` for unknown columns or columns without
 * a table. Checked before anything is written.
 */
export function chooseTables(tables: readonly DashTable[], o: TableChoice): DashTable[] {
  const t = dashMsg(o.lang);
  const known = tables.map((x) => x.key);
  if (o.table === undefined || o.table === '') {
    if (o.format === 'csv') throw invalid('table', t('csvNeedsTable'));
    if (o.columns) throw invalid('columns', t('columnsNeedTable'));
    return [...tables];
  }
  const table = tables.find((x) => x.key === o.table);
  if (!table) {
    throw invalid('table', t('unknownTable', { table: o.table, known: known.join(', ') }));
  }
  const keys = parseColumns(
    o.columns,
    table.columns.map((c) => c.key),
    o.lang,
  );
  const index = keys.map((k) => table.columns.findIndex((c) => c.key === k));
  return [
    {
      ...table,
      columns: index.map((i) => table.columns[i]!),
      rows: table.rows.map((r) => index.map((i) => r[i]!)),
    },
  ];
}

/**
 * An Excel sheet name: at most 31 characters, none of []:*?/\, no quote at either end, not empty, and
 * unique within the book ignoring case (as Excel compares them).
 */
function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++)
    name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The chosen tables as a file's bytes: CSV (UTF-8 with a byte-order mark) or XLSX. */
export async function writeTables(tables: readonly DashTable[], format: DashboardFormat): Promise<Buffer> {
  if (format === 'csv') {
    const table = tables[0]!;
    const line = (cs: readonly (string | number)[]) => `${cs.map(csvField).join(',')}\r\n`;
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    return Buffer.from(
      `\uFEFF${line(table.columns.map((c) => c.label))}${table.rows.map((r) => line(r.map(text))).join('')}`,
    );
  }
  const book = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = book.addWorksheet(sheetName(table.title, taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = table.columns.map((c, i) => ({
      header: c.label,
      key: String(i),
      width: c.numeric ? 16 : Math.max(12, Math.min(50, c.label.length + 4)),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(text));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A download name such as `dashboard-pairing-1-2018-01-01-2018-12-31.xlsx`, `…-from-2018-01-01.csv`. */
export function dashboardFileName(slug: string, from: string | null, to: string | null, ext: string): string {
  const period = from && to ? `-${from}-${to}` : from ? `-from-${from}` : to ? `-to-${to}` : '';
  return `dashboard-${slug}${period}.${ext}`;
}
