/**
 * Export of cooperation projects: CSV and XLSX for people (headers, stages, categories, sectors and
 * places labelled in the chosen language), JSON Lines with codes for programs. Projects are few (hundreds),
 * so an export is built in memory.
 */
import ExcelJS from 'exceljs';
import { dateShanghai, defineMessages, type Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { csvField, EXPORT_FORMATS, EXPORT_MEDIA_TYPES, type ExportFormat } from '../listings/export.ts';
import { listRegions } from '../regions/regions.service.ts';
import { categoryInfo } from '../taxonomy/categories.data.ts';
import { divisionOf } from '../taxonomy/industries.data.ts';
import { chinaDate } from '../matching/core/score.ts';
import { stageLabel } from './messages.ts';
import { canViewProject } from './policy.ts';
import { namedParties, type NamedParty } from './projects.read.ts';
import * as repo from './projects.repo.ts';
import type { ProjectRow } from './projects.repo.ts';

export { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, type ExportFormat };

export interface ExportProject {
  project: ProjectRow;
  parties: NamedParty[];
  overdueMilestones: number;
}

export const projectsExportMsg = defineMessages({
  en: {
    sheet: 'Projects',
    col_id: 'Id',
    col_title: 'Title',
    col_stage: 'Stage',
    col_category: 'Category',
    col_sector: 'Sector (GB/T 4754)',
    col_region: 'Province',
    col_area: 'Area',
    col_parties: 'Parties',
    col_signedOn: 'Signed',
    col_landedOn: 'Landed',
    col_startedOn: 'Started',
    col_inProductionOn: 'In production',
    col_stalledOn: 'Stalled',
    col_cancelledOn: 'Cancelled',
    col_contracted: 'Contracted investment (CNY)',
    col_actual: 'Actual investment to date (CNY)',
    col_jobs: 'Jobs created',
    col_overdue: 'Overdue milestones',
    col_language: 'Language',
    col_url: 'Link',
    lang_zh: 'Chinese',
    lang_en: 'English',
    separator: '; ',
  },
  zh: {
    sheet: '合作项目',
    col_id: '编号',
    col_title: '项目名称',
    col_stage: '阶段',
    col_category: '类别',
    col_sector: '行业（GB/T 4754）',
    col_region: '省份',
    col_area: '地区',
    col_parties: '合作各方',
    col_signedOn: '签约日期',
    col_landedOn: '落地日期',
    col_startedOn: '开工日期',
    col_inProductionOn: '投产日期',
    col_stalledOn: '停滞日期',
    col_cancelledOn: '取消日期',
    col_contracted: '合同投资（元）',
    col_actual: '累计实际投资（元）',
    col_jobs: '带动就业（人）',
    col_overdue: '逾期节点',
    col_language: '语言',
    col_url: '链接',
    lang_zh: '中文',
    lang_en: '英文',
    separator: '；',
  },
});

type Key = Parameters<ReturnType<typeof projectsExportMsg>>[0];
type Cell = string | number | null;
export type Names = ReadonlyMap<string, { nameEn: string; nameZh: string }>;
interface Column {
  key: Extract<Key, `col_${string}`>;
  width: number;
  numeric?: boolean;
  cell: (r: ExportProject, lang: Lang, names: Names, base: string) => Cell;
}

const named = (p: { nameZh: string; nameEn: string } | undefined, lang: Lang) =>
  p ? (lang === 'zh' ? p.nameZh : p.nameEn) : undefined;

/** An area by name when the platform knows it; a county as its prefecture's name and its code. */
function areaLabel(code: string | null, lang: Lang, names: Names): Cell {
  if (!code) return null;
  const exact = named(names.get(code), lang);
  if (exact) return exact;
  const prefecture = named(names.get(`${code.slice(0, 4)}00`), lang);
  return prefecture ? `${prefecture} (${code})` : code;
}

const COLUMNS: readonly Column[] = [
  { key: 'col_id', width: 38, cell: (r) => r.project.id },
  { key: 'col_title', width: 40, cell: (r) => r.project.title },
  { key: 'col_stage', width: 12, cell: (r, lang) => stageLabel(r.project.stage, lang) },
  {
    key: 'col_category',
    width: 12,
    cell: (r, lang) => named(categoryInfo(r.project.category), lang) ?? r.project.category,
  },
  {
    key: 'col_sector',
    width: 30,
    cell: (r, lang) => {
      const s = r.project.sector;
      return s ? `${s} ${named(divisionOf(s), lang) ?? ''}`.trim() : null;
    },
  },
  {
    key: 'col_region',
    width: 14,
    cell: (r, lang, names) => named(names.get(r.project.regionCode), lang) ?? r.project.regionCode,
  },
  { key: 'col_area', width: 16, cell: (r, lang, names) => areaLabel(r.project.areaCode, lang, names) },
  {
    key: 'col_parties',
    width: 50,
    cell: (r, lang) => r.parties.map((p) => named(p, lang)).join(projectsExportMsg(lang)('separator')),
  },
  { key: 'col_signedOn', width: 12, cell: (r) => r.project.signedOn },
  { key: 'col_landedOn', width: 12, cell: (r) => r.project.landedOn },
  { key: 'col_startedOn', width: 12, cell: (r) => r.project.startedOn },
  { key: 'col_inProductionOn', width: 12, cell: (r) => r.project.inProductionOn },
  { key: 'col_stalledOn', width: 12, cell: (r) => r.project.stalledOn },
  { key: 'col_cancelledOn', width: 12, cell: (r) => r.project.cancelledOn },
  { key: 'col_contracted', width: 18, numeric: true, cell: (r) => r.project.contractedInvestmentCny },
  { key: 'col_actual', width: 18, numeric: true, cell: (r) => r.project.actualInvestmentCny },
  { key: 'col_jobs', width: 10, numeric: true, cell: (r) => r.project.jobsCreated },
  { key: 'col_overdue', width: 10, numeric: true, cell: (r) => r.overdueMilestones },
  {
    key: 'col_language',
    width: 10,
    cell: (r, lang) => projectsExportMsg(lang)(`lang_${r.project.language}`),
  },
  { key: 'col_url', width: 40, cell: (r, lang, _n, base) => `${base}/${lang}/projects/${r.project.id}` },
];

/** The column headers of the CSV and XLSX exports. */
export function columnHeaders(lang: Lang): string[] {
  const t = projectsExportMsg(lang);
  return COLUMNS.map((c) => t(c.key));
}

/**
 * The projects to export: those the viewer may see (published ones, and the unpublished ones they follow
 * from the inside), or every project with `everything` (the operator's CLI). Oldest first.
 */
export async function projectsForExport(
  deps: Pick<Deps, 'db' | 'now'>,
  ctx: UseCaseContext,
  opts: { everything?: boolean } = {},
): Promise<ExportProject[]> {
  const rows = await repo.allProjects(deps.db, {});
  const ids = rows.map((r) => r.id);
  const [parties, overdue] = await Promise.all([
    repo.partiesOf(deps.db, ids),
    repo.overdueCounts(deps.db, ids, chinaDate(deps.now())),
  ]);
  const visible = rows.filter(
    (p) =>
      opts.everything ||
      canViewProject(ctx.viewer, { parties: parties.get(p.id) ?? [], published: p.published }),
  );
  const names = new Map(
    (
      await namedParties(
        deps,
        visible.flatMap((p) => parties.get(p.id) ?? []),
      )
    ).map((p) => [p.orgId, p]),
  );
  return visible.map((project) => ({
    project,
    parties: (parties.get(project.id) ?? []).map((p) => names.get(p.orgId)!),
    overdueMilestones: overdue.get(project.id) ?? 0,
  }));
}

/** A project as one JSON line: codes rather than labels, snake_case like the listings interchange format. */
export function toRecord(r: ExportProject): Record<string, unknown> {
  const p = r.project;
  return {
    id: p.id,
    agreement_id: p.agreementId,
    title: p.title,
    summary: p.summary,
    language: p.language,
    stage: p.stage,
    category: p.category,
    sector: p.sector,
    region: p.regionCode,
    area_code: p.areaCode,
    parties: r.parties.map((x) => ({
      org_id: x.orgId,
      region: x.regionCode,
      name_en: x.nameEn,
      name_zh: x.nameZh,
    })),
    signed_on: p.signedOn,
    landed_on: p.landedOn,
    started_on: p.startedOn,
    in_production_on: p.inProductionOn,
    stalled_on: p.stalledOn,
    cancelled_on: p.cancelledOn,
    contracted_investment_cny: p.contractedInvestmentCny,
    actual_investment_cny: p.actualInvestmentCny,
    jobs_created: p.jobsCreated,
    overdue_milestones: r.overdueMilestones,
    published: p.published,
  };
}

/** The export of `rows` in `format`, labelled in `lang`; links are absolute under `publicUrl`. */
export async function exportProjects(
  deps: Pick<Deps, 'db'>,
  rows: readonly ExportProject[],
  format: ExportFormat,
  lang: Lang,
  publicUrl: string,
): Promise<Buffer> {
  const names: Names =
    format === 'jsonl' ? new Map() : new Map((await listRegions(deps.db)).map((r) => [r.code, r]));
  return renderExport(rows, format, lang, publicUrl, names);
}

/** The export's bytes, given the names of regions and areas by code. Pure but for the XLSX writer. */
export async function renderExport(
  rows: readonly ExportProject[],
  format: ExportFormat,
  lang: Lang,
  publicUrl: string,
  names: Names,
): Promise<Buffer> {
  if (format === 'jsonl') return Buffer.from(rows.map((r) => `${JSON.stringify(toRecord(r))}\n`).join(''));
  const cells = rows.map((r) => COLUMNS.map((c) => c.cell(r, lang, names, publicUrl)));
  if (format === 'csv') {
    const line = (cs: readonly Cell[]) => `${cs.map(csvField).join(',')}\r\n`;
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    return Buffer.from(`\uFEFF${line(columnHeaders(lang))}${cells.map(line).join('')}`);
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(projectsExportMsg(lang)('sheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const headers = columnHeaders(lang);
  sheet.columns = COLUMNS.map((c, i) => ({
    header: headers[i],
    key: c.key,
    width: c.width,
    ...(c.numeric ? { style: { numFmt: '#,##0.##' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of cells) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A download name such as `projects-2018-03-01.csv` (the date in China time). */
export function exportFileName(format: ExportFormat, now: Date): string {
  return `projects-${dateShanghai(now)}.${format}`;
}
