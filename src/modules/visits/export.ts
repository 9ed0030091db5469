/**
 * Exports of visits and of agreed areas as CSV and XLSX for people: headers and labels (kinds, regions,
 * statuses) in the chosen language, and a choice of columns (`columns=a,b,c`, in that order; unknown ones
 * are refused naming `columns`). CSV cells are written by the listings export's `csvField`.
 */
import ExcelJS from 'exceljs';
import { dateShanghai, defineMessages, type Lang } from '../../lib/i18n.ts';
import { invalid } from '../../lib/errors.ts';
import type { Deps } from '../../web/env.ts';
import { csvField, EXPORT_MEDIA_TYPES as MEDIA_TYPES } from '../listings/export.ts';
import { listRegions } from '../regions/regions.service.ts';
import { kindLabel, linkKindLabel, statusLabel } from './messages.ts';
import type { AreaView } from './visits.read.ts';
import type { VisitRow } from './visits.repo.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: MEDIA_TYPES.csv,
  xlsx: MEDIA_TYPES.xlsx,
};

export const exportMsg = defineMessages({
  en: {
    visitsSheet: 'Visits',
    areasSheet: 'Agreed areas',
    id: 'Id',
    kind: 'Kind',
    title: 'Title',
    titleZh: 'Title (Chinese)',
    titleEn: 'Title (English)',
    startsOn: 'First day',
    endsOn: 'Last day',
    host: 'Host',
    hostArea: 'Host city',
    visiting: 'Visiting',
    visitingArea: 'Visiting city',
    places: 'Places',
    participants: 'Participants',
    areas: 'Agreed areas',
    delivered: 'Delivered',
    overdue: 'Overdue',
    url: 'Link',
    visit: 'Visit',
    visitStartsOn: 'Visit began',
    owner: 'Owner region',
    office: 'Office responsible',
    dueOn: 'Due',
    status: 'Status',
    links: 'Linked records',
    deliveredBy: 'Delivered by',
    notPublic: '(not public)',
    unknownColumns: 'Unknown columns: {unknown}. Choose from: {known}.',
    separator: '; ',
  },
  zh: {
    visitsSheet: '考察',
    areasSheet: '合作事项',
    id: '编号',
    kind: '类型',
    title: '标题',
    titleZh: '中文标题',
    titleEn: '英文标题',
    startsOn: '开始日期',
    endsOn: '结束日期',
    host: '东道方',
    hostArea: '东道城市',
    visiting: '来访方',
    visitingArea: '来访城市',
    places: '地点',
    participants: '参加人数',
    areas: '合作事项数',
    delivered: '已落实',
    overdue: '已逾期',
    url: '链接',
    visit: '考察',
    visitStartsOn: '考察开始日期',
    owner: '责任地区',
    office: '责任单位',
    dueOn: '完成期限',
    status: '状态',
    links: '关联记录数',
    deliveredBy: '落实载体',
    notPublic: '（未公开）',
    unknownColumns: '未知的列：{unknown}。可选：{known}。',
    separator: '；',
  },
});

type Cell = string | number | null;
type Names = ReadonlyMap<string, { nameEn: string; nameZh: string }>;
type Label = Parameters<ReturnType<typeof exportMsg>>[0];
interface Ctx {
  lang: Lang;
  names: Names;
  base: string;
}
interface Column<R> {
  label: Label;
  width: number;
  numeric?: boolean;
  cell: (r: R, c: Ctx) => Cell;
}

const name = (names: Names, code: string | null, lang: Lang): Cell => {
  if (!code) return null;
  const n = names.get(code) ?? names.get(`${code.slice(0, 4)}00`);
  return n ? (lang === 'zh' ? n.nameZh : n.nameEn) : code;
};

/** A visit with what its export row counts. */
export interface VisitExportRow {
  visit: VisitRow;
  participants: number;
  areas: AreaView[];
}

const VISIT_COLS = {
  id: { label: 'id', width: 38, cell: (r) => r.visit.id },
  kind: { label: 'kind', width: 10, cell: (r, c) => kindLabel(r.visit.kind, c.lang) },
  title: { label: 'title', width: 40, cell: (r, c) => (c.lang === 'zh' ? r.visit.titleZh : r.visit.titleEn) },
  titleZh: { label: 'titleZh', width: 40, cell: (r) => r.visit.titleZh },
  titleEn: { label: 'titleEn', width: 40, cell: (r) => r.visit.titleEn },
  startsOn: { label: 'startsOn', width: 12, cell: (r) => r.visit.startsOn },
  endsOn: { label: 'endsOn', width: 12, cell: (r) => r.visit.endsOn },
  host: { label: 'host', width: 14, cell: (r, c) => name(c.names, r.visit.hostRegionCode, c.lang) },
  hostArea: { label: 'hostArea', width: 14, cell: (r, c) => name(c.names, r.visit.hostAreaCode, c.lang) },
  visiting: {
    label: 'visiting',
    width: 14,
    cell: (r, c) => name(c.names, r.visit.visitingRegionCode, c.lang),
  },
  visitingArea: {
    label: 'visitingArea',
    width: 14,
    cell: (r, c) => name(c.names, r.visit.visitingAreaCode, c.lang),
  },
  places: { label: 'places', width: 30, cell: (r) => r.visit.places },
  participants: { label: 'participants', width: 10, numeric: true, cell: (r) => r.participants },
  areas: { label: 'areas', width: 10, numeric: true, cell: (r) => r.areas.length },
  delivered: {
    label: 'delivered',
    width: 10,
    numeric: true,
    cell: (r) => r.areas.filter((a) => a.status.status === 'delivered').length,
  },
  overdue: {
    label: 'overdue',
    width: 10,
    numeric: true,
    cell: (r) => r.areas.filter((a) => a.status.status === 'overdue').length,
  },
  url: { label: 'url', width: 40, cell: (r, c) => `${c.base}/${c.lang}/visits/${r.visit.id}` },
} satisfies Record<string, Column<VisitExportRow>>;

/** An agreed area with its visit. */
export interface AreaExportRow {
  visit: VisitRow;
  area: AreaView;
}

const AREA_COLS = {
  visit: { label: 'visit', width: 36, cell: (r, c) => (c.lang === 'zh' ? r.visit.titleZh : r.visit.titleEn) },
  visitStartsOn: { label: 'visitStartsOn', width: 12, cell: (r) => r.visit.startsOn },
  title: {
    label: 'title',
    width: 36,
    cell: (r, c) => (c.lang === 'zh' ? r.area.area.titleZh : r.area.area.titleEn),
  },
  titleZh: { label: 'titleZh', width: 36, cell: (r) => r.area.area.titleZh },
  titleEn: { label: 'titleEn', width: 36, cell: (r) => r.area.area.titleEn },
  owner: { label: 'owner', width: 14, cell: (r, c) => name(c.names, r.area.area.ownerRegionCode, c.lang) },
  office: {
    label: 'office',
    width: 30,
    cell: (r, c) => (c.lang === 'en' && r.area.area.ownerOfficeEn) || r.area.area.ownerOffice,
  },
  dueOn: { label: 'dueOn', width: 12, cell: (r) => r.area.area.dueOn },
  status: { label: 'status', width: 12, cell: (r, c) => statusLabel(r.area.status.status, c.lang) },
  links: { label: 'links', width: 10, numeric: true, cell: (r) => r.area.links.length },
  deliveredBy: {
    label: 'deliveredBy',
    width: 40,
    cell: (r, c) => {
      const t = exportMsg(c.lang);
      return r.area.links
        .filter((l) => l.weight === 'delivers')
        .map((l) => `${linkKindLabel(l.kind, c.lang)}: ${l.title ?? t('notPublic')}`)
        .join(t('separator'));
    },
  },
  url: { label: 'url', width: 40, cell: (r, c) => `${c.base}/${c.lang}/visits/${r.visit.id}` },
} satisfies Record<string, Column<AreaExportRow>>;

export const VISIT_COLUMNS = Object.keys(VISIT_COLS) as (keyof typeof VISIT_COLS)[];
export const AREA_COLUMNS = Object.keys(AREA_COLS) as (keyof typeof AREA_COLS)[];

/** The columns asked for (`a,b,c`), in that order; all when none are given; unknown ones a 400 naming `columns`. */
export function parseColumns<K extends string>(
  given: string | undefined,
  known: readonly K[],
  lang: Lang,
): K[] {
  const asked = (given ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (asked.length === 0) return [...known];
  const unknown = asked.filter((a) => !(known as readonly string[]).includes(a));
  if (unknown.length > 0) {
    throw invalid(
      'columns',
      exportMsg(lang)('unknownColumns', { unknown: unknown.join(', '), known: known.join(', ') }),
    );
  }
  return [...new Set(asked)] as K[];
}

async function render<R>(
  rows: readonly R[],
  cols: readonly Column<R>[],
  sheetName: string,
  format: ExportFormat,
  c: Ctx,
): Promise<Buffer> {
  const t = exportMsg(c.lang);
  const headers = cols.map((col) => t(col.label));
  const cells = rows.map((r) => cols.map((col) => col.cell(r, c)));
  if (format === 'csv') {
    const line = (cs: readonly Cell[]) => `${cs.map(csvField).join(',')}\r\n`;
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    return Buffer.from(`\uFEFF${line(headers)}${cells.map(line).join('')}`);
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = cols.map((col, i) => ({ header: headers[i], key: String(i), width: col.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of cells) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface ExportOptions<K> {
  format: ExportFormat;
  lang: Lang;
  columns: readonly K[];
  publicUrl: string;
}

type Data = { visits: VisitRow[]; areas: AreaView[]; participants: Map<string, number> };

async function regionNames(deps: Pick<Deps, 'db'>): Promise<Names> {
  return new Map((await listRegions(deps.db)).map((r) => [r.code, r]));
}

/** The visits' export: one row per visit, with counts of participants and of areas by status. */
export async function exportVisits(
  deps: Pick<Deps, 'db'>,
  data: Data,
  o: ExportOptions<keyof typeof VISIT_COLS>,
): Promise<Buffer> {
  const rows: VisitExportRow[] = data.visits.map((visit) => ({
    visit,
    participants: data.participants.get(visit.id) ?? 0,
    areas: data.areas.filter((a) => a.area.visitId === visit.id),
  }));
  const ctx = { lang: o.lang, names: await regionNames(deps), base: o.publicUrl };
  const cols = o.columns.map((k) => VISIT_COLS[k] as Column<VisitExportRow>);
  return render(rows, cols, exportMsg(o.lang)('visitsSheet'), o.format, ctx);
}

/** The agreed areas' export: one row per area, with its visit, owner, due date and status today. */
export async function exportAreas(
  deps: Pick<Deps, 'db'>,
  data: Data,
  o: ExportOptions<keyof typeof AREA_COLS>,
): Promise<Buffer> {
  const visits = new Map(data.visits.map((v) => [v.id, v]));
  const rows: AreaExportRow[] = data.areas.map((area) => ({ visit: visits.get(area.area.visitId)!, area }));
  const ctx = { lang: o.lang, names: await regionNames(deps), base: o.publicUrl };
  const cols = o.columns.map((k) => AREA_COLS[k] as Column<AreaExportRow>);
  return render(rows, cols, exportMsg(o.lang)('areasSheet'), o.format, ctx);
}

/** A download name such as `visits-2018-03-01.csv` (the date in China time). */
export function exportFileName(what: 'visits' | 'agreed-areas', format: ExportFormat, now: Date): string {
  return `${what}-${dateShanghai(now)}.${format}`;
}
