import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnHeaders, renderExport, type ExportProject } from './export.ts';
import type { ProjectRow } from './projects.repo.ts';

const NAMES = new Map([
  ['CN-JL', { nameEn: 'Jilin', nameZh: '吉林省' }],
  ['CN-ZJ', { nameEn: 'Zhejiang', nameZh: '浙江省' }],
  ['222400', { nameEn: 'Yanbian', nameZh: '延边朝鲜族自治州' }],
]);

const project = (over: Partial<ProjectRow>): ProjectRow => ({
  id: '11111111-1111-4111-8111-111111111111',
  agreementId: '22222222-2222-4222-8222-222222222222',
  title: 'Mineral water, "Changbai" line, phase 1',
  summary: '',
  language: 'en',
  category: 'capital',
  sector: 'C15',
  regionCode: 'CN-JL',
  areaCode: '222426',
  stage: 'started',
  signedOn: '2018-01-15',
  landedOn: '2018-02-01',
  startedOn: '2018-03-01',
  inProductionOn: null,
  stalledOn: null,
  cancelledOn: null,
  contractedInvestmentCny: 50_000_000.5,
  actualInvestmentCny: 12_345_678.25,
  jobsCreated: 42,
  published: true,
  createdBy: null,
  createdAt: new Date('2018-01-20T10:00:00+08:00'),
  updatedAt: new Date('2018-03-01T10:00:00+08:00'),
  ...over,
});

const ROWS: ExportProject[] = [
  {
    project: project({}),
    parties: [
      { orgId: 'a', regionCode: 'CN-JL', nameEn: 'Antu Springs', nameZh: '安图泉源' },
      { orgId: 'b', regionCode: 'CN-ZJ', nameEn: 'Hangzhou Grocers', nameZh: '杭州超市' },
    ],
    overdueMilestones: 1,
  },
  {
    project: project({
      id: '33333333-3333-4333-8333-333333333333',
      title: '=HYPERLINK("x")',
      language: 'zh',
      stage: 'stalled',
      stalledOn: '2018-04-01',
      contractedInvestmentCny: null,
      actualInvestmentCny: 0,
      jobsCreated: 0,
      areaCode: null,
    }),
    parties: [],
    overdueMilestones: 0,
  },
];

/** Parses RFC 4180 CSV through exceljs, as a spreadsheet program would read it. */
async function csvRows(buf: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  const { Readable } = await import('node:stream');
  const sheet = await book.csv.read(Readable.from([buf.toString('utf8').replace(/^\uFEFF/, '')]), {
    parserOptions: { delimiter: ',' },
    map: (v: string) => v,
  });
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

async function xlsxRows(buf: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('projects export', () => {
  it('CSV and XLSX read back to the same labels and numbers', async () => {
    const headers = columnHeaders('zh');
    const col = (name: string) => headers.indexOf(name);
    const csv = await csvRows(await renderExport(ROWS, 'csv', 'zh', 'https://cp.example', NAMES));
    const xlsx = await xlsxRows(await renderExport(ROWS, 'xlsx', 'zh', 'https://cp.example', NAMES));
    expect(csv[0]).toEqual(headers);
    expect(xlsx[0]).toEqual(headers);
    expect(csv).toHaveLength(3);
    expect(xlsx).toHaveLength(3);
    const first = (rows: unknown[][]) => rows[1]!;
    for (const rows of [csv, xlsx]) {
      const r = first(rows);
      expect(r[col('项目名称')]).toBe('Mineral water, "Changbai" line, phase 1');
      expect(r[col('阶段')]).toBe('已开工');
      expect(r[col('类别')]).toBe('资本');
      expect(r[col('省份')]).toBe('吉林省');
      expect(r[col('地区')]).toBe('延边朝鲜族自治州 (222426)');
      expect(r[col('合作各方')]).toBe('安图泉源；杭州超市');
      expect(r[col('开工日期')]).toBe('2018-03-01');
      expect(String(r[col('链接')])).toBe(
        'https://cp.example/zh/projects/11111111-1111-4111-8111-111111111111',
      );
      expect(Number(r[col('合同投资（元）')])).toBe(50_000_000.5);
      expect(Number(r[col('累计实际投资（元）')])).toBe(12_345_678.25);
      expect(Number(r[col('带动就业（人）')])).toBe(42);
    }
    // Text a spreadsheet would run as a formula is defused in CSV.
    expect(csv[2]![col('项目名称')]).toBe(`'=HYPERLINK("x")`);
    expect(xlsx[2]![col('阶段')]).toBe('停滞');
  });

  it('labels headers in English too, and writes JSON Lines with codes', async () => {
    const csv = (await renderExport(ROWS, 'csv', 'en', '', NAMES)).toString('utf8');
    expect(csv.startsWith('\uFEFFId,Title,Stage,Category')).toBe(true);
    expect(csv).toContain(',Started,Capital,"C15 Manufacture of Liquor, Beverages and Refined Tea",Jilin,');
    const lines = (await renderExport(ROWS, 'jsonl', 'en', '', NAMES)).toString('utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([
      {
        stage: 'started',
        actual_investment_cny: 12_345_678.25,
        jobs_created: 42,
        parties: [{ org_id: 'a' }, { org_id: 'b' }],
      },
      { stage: 'stalled', contracted_investment_cny: null },
    ]);
  });
});
