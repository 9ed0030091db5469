/**
 * Export of listings: JSON Lines in the interchange format (snake_case, so an export re-imports), and CSV
 * and XLSX for people, with headers and labels (category, direction, sector, region, organisation type)
 * in the chosen language. Listings are read a page at a time and written as a stream.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { dateShanghai, defineMessages, formatShanghai, isoShanghai, type Lang } from '../../lib/i18n.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { orgsMsg } from '../accounts/messages.ts';
import { PREFECTURES, PROVINCES } from '../regions/data.ts';
import { categoryInfo } from '../taxonomy/categories.data.ts';
import { divisionOf } from '../taxonomy/industries.data.ts';
import type { ListingRecord } from './fields.ts';
import {
  scanListings,
  listingUrl,
  type BrowseQuery,
  type BrowseRow,
  type ListingDeps,
} from './listings.service.ts';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Media type of each format, for downloads. */
export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/jsonl; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Listings read from the database per query while exporting. */
export const EXPORT_PAGE = 500;

export type ExportRow = BrowseRow & { expired: boolean };

export const exportMsg = defineMessages({
  en: {
    sheet: 'Listings',
    col_ref: 'Reference',
    col_title: 'Title',
    col_direction: 'Offer or seek',
    col_category: 'Category',
    col_sector: 'Sector (GB/T 4754)',
    col_region: 'Province',
    col_area: 'Area',
    col_organisation: 'Organisation',
    col_orgType: 'Organisation type',
    col_language: 'Language',
    col_description: 'Description',
    col_tags: 'Tags',
    col_amount: 'Amount (CNY)',
    col_validUntil: 'Valid until',
    col_createdAt: 'Posted (China time)',
    col_status: 'Status',
    col_url: 'Link',
    direction_offer: 'Offer',
    direction_seek: 'Seek',
    lang_zh: 'Chinese',
    lang_en: 'English',
    status_pending: 'Waiting for review',
    status_published: 'Published',
    status_rejected: 'Rejected',
    status_closed: 'Closed',
    status_expired: 'Expired',
    tagSeparator: ', ',
  },
  zh: {
    sheet: '合作信息',
    col_ref: '编号',
    col_title: '标题',
    col_direction: '供需',
    col_category: '类别',
    col_sector: '行业（GB/T 4754）',
    col_region: '省份',
    col_area: '地区',
    col_organisation: '单位',
    col_orgType: '单位类型',
    col_language: '语言',
    col_description: '内容',
    col_tags: '标签',
    col_amount: '金额（元）',
    col_validUntil: '有效期至',
    col_createdAt: '发布时间（北京时间）',
    col_status: '状态',
    col_url: '链接',
    direction_offer: '供给',
    direction_seek: '需求',
    lang_zh: '中文',
    lang_en: '英文',
    status_pending: '待审核',
    status_published: '已发布',
    status_rejected: '已退回',
    status_closed: '已关闭',
    status_expired: '已过期',
    tagSeparator: '、',
  },
});

/**
 * The listings the viewer may browse with these filters, newest first, read in batches. The filter is
 * checked before returning, so that a refused request fails before any output is written.
 */
export function listingsForExport(
  deps: ListingDeps,
  ctx: UseCaseContext,
  query: Omit<BrowseQuery, 'page' | 'pageSize'>,
): Promise<AsyncIterable<ExportRow>> {
  return Promise.resolve(scanListings(deps, ctx, query, EXPORT_PAGE));
}

/** A listing as one line of the interchange format; absent optional fields are left out. */
export function toRecord(r: ExportRow): ListingRecord {
  return {
    id: r.ref,
    region: r.regionCode,
    ...(r.areaCode ? { area_code: r.areaCode } : {}),
    organization: { name: r.language === 'zh' ? r.orgNameZh : r.orgNameEn, type: r.orgType },
    direction: r.direction,
    category: r.category,
    ...(r.sector ? { sector: r.sector } : {}),
    title: r.title,
    description: r.description,
    language: r.language,
    ...(r.tags.length > 0 ? { tags: r.tags } : {}),
    ...(r.amountCny !== null ? { amount_cny: r.amountCny } : {}),
    ...(r.validUntil ? { valid_until: r.validUntil } : {}),
    created_at: isoShanghai(r.createdAt),
  };
}

type Cell = string | number | null;
type ExportKey = Parameters<ReturnType<typeof exportMsg>>[0];
interface Column {
  key: Extract<ExportKey, `col_${string}`>;
  width: number;
  numeric?: boolean;
  cell: (r: ExportRow, lang: Lang, publicUrl: string) => Cell;
}

const provinceName = new Map(PROVINCES.map((p) => [p.code, p]));
const prefectureName = new Map(PREFECTURES.map((p) => [p.code, p]));
const named = (p: { nameZh: string; nameEn: string } | undefined, lang: Lang) =>
  p ? (lang === 'zh' ? p.nameZh : p.nameEn) : undefined;

/** The area's name when the platform knows it (a county is named by its prefecture and code). */
function areaLabel(code: string | null, lang: Lang): Cell {
  if (!code) return null;
  const exact = named(prefectureName.get(code), lang);
  if (exact) return exact;
  const prefecture = named(prefectureName.get(`${code.slice(0, 4)}00`), lang);
  return prefecture ? `${prefecture} (${code})` : code;
}

const COLUMNS: readonly Column[] = [
  { key: 'col_ref', width: 18, cell: (r) => r.ref },
  { key: 'col_title', width: 40, cell: (r) => r.title },
  { key: 'col_direction', width: 10, cell: (r, lang) => exportMsg(lang)(`direction_${r.direction}`) },
  {
    key: 'col_category',
    width: 12,
    cell: (r, lang) => named(categoryInfo(r.category), lang) ?? r.category,
  },
  {
    key: 'col_sector',
    width: 30,
    cell: (r, lang) => (r.sector ? `${r.sector} ${named(divisionOf(r.sector), lang) ?? ''}`.trim() : null),
  },
  {
    key: 'col_region',
    width: 14,
    cell: (r, lang) => named(provinceName.get(r.regionCode), lang) ?? r.regionCode,
  },
  { key: 'col_area', width: 16, cell: (r, lang) => areaLabel(r.areaCode, lang) },
  { key: 'col_organisation', width: 30, cell: (r, lang) => (lang === 'zh' ? r.orgNameZh : r.orgNameEn) },
  { key: 'col_orgType', width: 16, cell: (r, lang) => orgsMsg(lang)(`type_${r.orgType}`) },
  { key: 'col_language', width: 10, cell: (r, lang) => exportMsg(lang)(`lang_${r.language}`) },
  { key: 'col_description', width: 60, cell: (r) => r.description },
  { key: 'col_tags', width: 24, cell: (r, lang) => r.tags.join(exportMsg(lang)('tagSeparator')) || null },
  { key: 'col_amount', width: 16, numeric: true, cell: (r) => r.amountCny },
  { key: 'col_validUntil', width: 12, cell: (r) => r.validUntil },
  { key: 'col_createdAt', width: 20, cell: (r) => formatShanghai(r.createdAt) },
  {
    key: 'col_status',
    width: 12,
    cell: (r, lang) =>
      exportMsg(lang)(r.status === 'published' && r.expired ? 'status_expired' : `status_${r.status}`),
  },
  { key: 'col_url', width: 40, cell: (r, lang, base) => `${base}${listingUrl(lang, r.ref)}` },
];

/** The column headers of the CSV and XLSX exports. */
export function columnHeaders(lang: Lang): string[] {
  const t = exportMsg(lang);
  return COLUMNS.map((c) => t(c.key));
}

/** A listing's cells under `columnHeaders`, labelled in `lang`; links are absolute under `publicUrl`. */
export function labelledRow(r: ExportRow, lang: Lang, publicUrl: string): Cell[] {
  return COLUMNS.map((c) => c.cell(r, lang, publicUrl));
}

/** One CSV field (RFC 4180); text that a spreadsheet would run as a formula is prefixed with '. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: readonly Cell[]) => `${cells.map(csvField).join(',')}\r\n`;

/** Joins small pieces into chunks of about 64 KB, so streams do not carry one chunk per line. */
async function* chunked(lines: AsyncIterable<string>): AsyncGenerator<Buffer> {
  let buffer = '';
  for await (const line of lines) {
    buffer += line;
    if (buffer.length >= 65_536) {
      yield Buffer.from(buffer);
      buffer = '';
    }
  }
  if (buffer !== '') yield Buffer.from(buffer);
}

async function* jsonlLines(rows: AsyncIterable<ExportRow>): AsyncGenerator<string> {
  for await (const r of rows) yield `${JSON.stringify(toRecord(r))}\n`;
}

async function* csvLines(rows: AsyncIterable<ExportRow>, lang: Lang, base: string): AsyncGenerator<string> {
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (Chinese text otherwise garbles).
  yield `\uFEFF${csvLine(columnHeaders(lang))}`;
  for await (const r of rows) yield csvLine(labelledRow(r, lang, base));
}

async function writeXlsx(rows: AsyncIterable<ExportRow>, lang: Lang, base: string, out: PassThrough) {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = book.addWorksheet(exportMsg(lang)('sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = columnHeaders(lang);
  sheet.columns = COLUMNS.map((c, i) => ({
    header: headers[i],
    key: c.key,
    width: c.width,
    ...(c.numeric ? { style: { numFmt: '#,##0.##' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for await (const r of rows) sheet.addRow(labelledRow(r, lang, base)).commit();
  sheet.commit();
  await book.commit();
}

/** The export of `rows` in `format` as a byte stream (errors while reading destroy it). */
export function exportStream(
  rows: AsyncIterable<ExportRow>,
  format: ExportFormat,
  lang: Lang,
  publicUrl: string,
): Readable {
  if (format === 'jsonl') return Readable.from(chunked(jsonlLines(rows)), { objectMode: false });
  if (format === 'csv') return Readable.from(chunked(csvLines(rows, lang, publicUrl)), { objectMode: false });
  const out = new PassThrough();
  writeXlsx(rows, lang, publicUrl, out).catch((err: unknown) => out.destroy(err as Error));
  return out;
}

/** A download name such as `listings-2018-03-01.csv` (the date in China time). */
export function exportFileName(format: ExportFormat, now: Date): string {
  return `listings-${dateShanghai(now)}.${format}`;
}
