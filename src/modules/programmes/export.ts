/**
 * Export of a programme's progress reports: one row per report and indicator, with the period's value,
 * the confirmed running total and what the schedule expected, as the programme page shows them. CSV and
 * XLSX for people (headers and labels in the chosen language) and a choice of columns.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors.ts';
import { dateShanghai, defineMessages, formatShanghai, type Lang } from '../../lib/i18n.ts';
import { csvField, EXPORT_MEDIA_TYPES } from '../listings/export.ts';
import { kindLabel, periodLabel, reportStatusLabel, unitLabel } from './messages.ts';
import type { ProgrammeView } from './programmes.read.ts';

export const REPORT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];
export { EXPORT_MEDIA_TYPES };

export const REPORT_COLUMNS = [
  'period',
  'indicator',
  'unit',
  'value',
  'cumulative',
  'expected',
  'periodTarget',
  'status',
  'submittedAt',
  'confirmedAt',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

export const reportExportMsg = defineMessages({
  en: {
    sheet: 'Progress reports',
    period: 'Period',
    indicator: 'Indicator',
    unit: 'Unit',
    value: 'Value in the period',
    cumulative: 'Cumulative (confirmed)',
    expected: 'Expected by period end',
    periodTarget: 'Period target',
    status: 'Report status',
    submittedAt: 'Submitted',
    confirmedAt: 'Confirmed',
    unknownColumns: 'Unknown columns: {names}. Choose from {known}.',
  },
  zh: {
    sheet: '进展报告',
    period: '期间',
    indicator: '指标',
    unit: '单位',
    value: '本期数值',
    cumulative: '累计（已确认）',
    expected: '期末应完成',
    periodTarget: '分期目标',
    status: '报告状态',
    submittedAt: '提交时间',
    confirmedAt: '确认时间',
    unknownColumns: '未知的列：{names}。可选：{known}。',
  },
});

type Cell = string | number | null;

/** The columns named in `columns` (comma-separated; blank: all), or a 400 naming `columns`. */
export function parseColumns(columns: string | undefined, lang: Lang): ReportColumn[] {
  const names = (columns ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) return [...REPORT_COLUMNS];
  const unknown = names.filter((n) => !(REPORT_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    const message = reportExportMsg(lang)('unknownColumns', {
      names: unknown.join(', '),
      known: REPORT_COLUMNS.join(', '),
    });
    throw new AppError('validation', undefined, [{ field: 'columns', message }]);
  }
  return [...new Set(names)] as ReportColumn[];
}

/** The export's rows, in report then indicator order: the same numbers as the programme page. */
export function reportRows(view: ProgrammeView, lang: Lang): Record<ReportColumn, Cell>[] {
  const rows: Record<ReportColumn, Cell>[] = [];
  for (const { report, values } of view.reports) {
    for (const iv of view.indicators) {
      const value = values.get(iv.indicator.id);
      if (value === undefined) continue;
      const line = iv.periods.find((p) => p.period === report.period);
      const i = iv.indicator;
      rows.push({
        period: periodLabel(report.period, lang),
        indicator: (lang === 'zh' ? i.nameZh : i.nameEn) ?? kindLabel(i.kind, lang),
        unit: unitLabel(i.unit, lang),
        value,
        cumulative: line?.cumulative ?? null,
        expected: line ? Math.round(line.expected * 100) / 100 : null,
        periodTarget: line?.periodTarget ?? null,
        status: reportStatusLabel(report.status, lang),
        submittedAt: report.submittedAt ? formatShanghai(report.submittedAt) : null,
        confirmedAt: report.confirmedAt ? formatShanghai(report.confirmedAt) : null,
      });
    }
  }
  return rows;
}

const NUMERIC = new Set<ReportColumn>(['value', 'cumulative', 'expected', 'periodTarget']);

/** The export of the programme's reports the viewer may see, as CSV or XLSX, labelled in `lang`. */
export async function exportReports(
  view: ProgrammeView,
  format: ReportExportFormat,
  lang: Lang,
  columns: readonly ReportColumn[],
): Promise<Buffer> {
  const t = reportExportMsg(lang);
  const headers = columns.map((c) => t(c));
  const cells = reportRows(view, lang).map((r) => columns.map((c) => r[c]));
  if (format === 'csv') {
    const line = (cs: readonly Cell[]) => `${cs.map(csvField).join(',')}\r\n`;
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    return Buffer.from(`\uFEFF${line(headers)}${cells.map(line).join('')}`);
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t('sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: headers[i],
    key: c,
    width: c === 'indicator' ? 32 : 18,
    ...(NUMERIC.has(c) ? { style: { numFmt: '#,##0.##' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of cells) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A download name such as `programme-reports-2019-07-15.xlsx` (the date in China time). */
export function reportsFileName(format: ReportExportFormat, now: Date): string {
  return `programme-reports-${dateShanghai(now)}.${format}`;
}
