import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { DEMO_PROGRAMME_TITLE } from '../demo/demo.programmes.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { setProjectPublished } from '../projects/projects.service.ts';
import { projects } from '../projects/schema.ts';
import { listPairings } from '../regions/regions.service.ts';
import { runExportDashboard } from './dashboards.cli.ts';
import { dashMsg } from './messages.ts';
import { TABLE_KEYS } from './tables.ts';
import {
  actingAs,
  captureIo,
  chartImages,
  keyFigures,
  pageNumber,
  pageTables,
  parseCsv,
  readWorkbook,
  type PageTable,
  type SheetData,
} from './testing.ts';

// The dashboards through the real app over the demo content: the pages in both languages, their charts
// and tables; the exports, which must hold the numbers the page shows (the done-when test); the JSON API,
// the printable report, the errors, the OpenAPI document and `counterpart export dashboard`.
//
// The demo's Jilin–Zhejiang projects (contracted investment): the Hangzhou distribution centre (30M), the
// Jilin–Zhejiang research platform (50M), the Ningbo parts warehouse (8M) and the Changbai Spring filling
// line (150M). The test takes the Ningbo warehouse off the public pages, so the public sees three projects
// (230M) and no agreement values, while the Jilin coordinator and administrators see the four (238M).

let database: Database;
let t: TestApp;
let anon: TestClient;
let jilin: TestClient;
let admin: TestClient;
let jlzj = 0;
let zjyb = 0;
let dir = '';

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  await loadDemo(t.deps);
  const pairings = await listPairings(database.db);
  jlzj = pairings.find((p) => p.aCode === 'CN-JL' && p.bCode === 'CN-ZJ')!.id;
  zjyb = pairings.find((p) => p.aCode === 'CN-ZJ' && p.bCode === '222400')!.id;
  const [ningbo] = await database.db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.title, NINGBO));
  await setProjectPublished(t.deps, await actingAs(database, 'admin'), ningbo!.id, false);
  anon = new TestClient(t.app);
  jilin = new TestClient(t.app);
  await signInAs(jilin, database, { role: 'coordinator', regionCode: 'CN-JL' });
  admin = new TestClient(t.app);
  await signInAs(admin, database, { role: 'admin' });
  dir = mkdtempSync(join(tmpdir(), 'cp-dashboards-'));
}, 180_000);
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await database?.close();
});

const Y2018 = 'from=2018-01-01&to=2018-12-31';
/** The demo project the test unpublishes. */
const NINGBO = 'Huaxin parts warehouse at Qianwan, Ningbo';
const VALUE_LABEL = 'Contracted value of agreements (yuan)';

async function html(client: TestClient, path: string, status = 200): Promise<string> {
  const res = await client.get(path);
  const body = await res.text();
  expect(res.status, `${path}: ${body.slice(0, 300)}`).toBe(status);
  return body;
}

async function workbook(client: TestClient, path: string): Promise<SheetData[]> {
  const res = await client.get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  // What a viewer may see differs: no shared cache may keep it.
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  return readWorkbook(await res.arrayBuffer());
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The page's text read as the sheet's values: where the sheet has a number, the page's formatted text
 * parsed back to one (NaN when it is not a number); elsewhere the text as it is.
 */
function asSheet(columns: string[], rows: string[][], sheet: SheetData) {
  return {
    columns,
    rows: rows.map((row, r) =>
      row.map((text, c) => (typeof sheet.rows[r]?.[c] === 'number' ? pageNumber(text) : text)),
    ),
  };
}
const sheetValues = (sheet: SheetData) => ({
  columns: sheet.columns,
  rows: sheet.rows.map((row) => row.map((v) => (typeof v === 'number' ? round2(v) : v))),
});

/**
 * The page's rows of a table; a table with none shows a single "None in this period." cell across its
 * columns, which stands for no rows (the sheet has none).
 */
function pageRows(table: PageTable, lang: 'en' | 'zh'): string[][] {
  const [first, ...more] = table.rows;
  return more.length === 0 && first?.length === 1 && first[0] === dashMsg(lang)('noRows') ? [] : table.rows;
}

/**
 * Every sheet of the workbook against the page: the first (key figures) against the page's key figures,
 * the others, in order, against the page's tables (caption, column labels, every cell; a table with no
 * rows against an empty sheet). Returns how many numbers were compared and their sum, and how many tables
 * were empty, so a caller can tell the comparison was not empty.
 */
function expectSameNumbers(
  page: string,
  sheets: SheetData[],
): { numbers: number; sum: number; empty: string[] } {
  const tables = pageTables(page);
  const figures = keyFigures(page);
  const lang = /<html lang="zh-CN">/.test(page) ? 'zh' : 'en';
  expect(sheets[0]?.columns).toEqual([dashMsg(lang)('measure'), dashMsg(lang)('value')]);
  expect(sheets.length).toBeGreaterThan(1);
  expect(tables.length, 'page tables vs sheets after the key figures').toBe(sheets.length - 1);
  const [head, ...rest] = sheets as [SheetData, ...SheetData[]];
  expect(figures.length).toBeGreaterThan(0);
  // The key figures are a list on the page (no column labels); compare their rows.
  expect(asSheet([], figures, head).rows, head.name).toEqual(sheetValues(head).rows);
  let numbers = 0;
  let sum = 0;
  const empty: string[] = [];
  rest.forEach((sheet, i) => {
    const table = tables[i]!;
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(table.caption.startsWith(sheet.name), `${table.caption} / ${sheet.name}`).toBe(true);
    const rows = pageRows(table, lang);
    if (rows.length === 0) empty.push(sheet.name);
    expect(asSheet(table.columns, rows, sheet), table.caption).toEqual(sheetValues(sheet));
    for (const row of sheet.rows)
      for (const v of row)
        if (typeof v === 'number') {
          numbers++;
          sum += v;
        }
  });
  return { numbers, sum, empty };
}

const tableOf = (tables: PageTable[], caption: string): PageTable => {
  const table = tables.find((x) => x.caption === caption);
  if (!table) throw new Error(`no table ${caption} among ${tables.map((x) => x.caption).join(' | ')}`);
  return table;
};

interface DashboardJson {
  period: { from: string | null; to: string | null };
  full: boolean;
  interests: { sent: number; byStatus: Record<string, number> };
  agreements: {
    confirmed: number;
    awaitingConfirmation: number;
    valueCny: number | null;
    byType: { type: string; count: number; valueCny: number | null }[];
  };
  byMonth: { month: string; valueCny: number | null }[];
  pairings: { pairingId: number; valueCny: number | null; projects: number }[];
  projects: {
    total: number;
    byStage: Record<string, number>;
    contractedInvestmentCny: number;
    actualInvestmentCny: number;
    jobsCreated: number;
  };
  visits: number;
  agreedAreas: { total: number; delivered: number };
  details: { region: string; projects: unknown[]; agreements: unknown[] } | null;
}

async function api(client: TestClient, path: string): Promise<DashboardJson> {
  const res = await client.get(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as DashboardJson;
}

/** The key figures in the headline's order, from the JSON (the agreements' value only when whole). */
const headlineOf = (j: DashboardJson) => [
  j.interests.sent,
  j.interests.byStatus.accepted,
  j.agreements.confirmed,
  j.agreements.awaitingConfirmation,
  ...(j.full ? [j.agreements.valueCny] : []),
  j.projects.total,
  j.projects.contractedInvestmentCny,
  j.projects.actualInvestmentCny,
  j.projects.jobsCreated,
  j.visits,
  j.agreedAreas.total,
  j.agreedAreas.delivered,
];

describe('the pairing dashboard page', () => {
  it('shows the key figures, charts and captioned tables in English', async () => {
    const page = await html(anon, `/en/pairings/${jlzj}/dashboard`);
    expect(page).toMatch(/<html lang="en">/);
    expect(page).toContain('<h1>Dashboard: Jilin – Zhejiang</h1>');
    const figures = keyFigures(page);
    // The public sees no agreement values, and is told so.
    expect(figures.map(([label]) => label)).toEqual([
      'Expressions of interest sent',
      'Expressions of interest accepted',
      'Agreements (confirmed)',
      'Agreements awaiting confirmation',
      'Projects',
      'Contracted investment (yuan)',
      'Actual investment (yuan)',
      'Jobs created',
      'Visits',
      'Agreed areas',
      'Agreed areas delivered',
    ]);
    expect(page).toContain(dashMsg('en')('publicNote'));
    // Three published projects, 30M + 50M + 150M contracted, grouped in thousands.
    expect(figures).toContainEqual(['Projects', '3']);
    expect(figures).toContainEqual(['Contracted investment (yuan)', '230,000,000']);
    expect(page).toContain('<img src="data:image/svg+xml;base64,');
    expect(page).toContain('<caption>Data of the chart: Projects by stage</caption>');
    const captions = pageTables(page).map((x) => x.caption);
    expect(captions).toEqual(
      expect.arrayContaining([
        'Projects by stage',
        'Trend by month',
        'Projects by area',
        'Agreed areas by status',
      ]),
    );
    const svg = Buffer.from(chartImages(page).get('Projects by stage')!.split(',')[1]!, 'base64').toString();
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('In production');
    // Projects by area: the demo's projects are in Changchun, Yanbian, Hangzhou and Ningbo.
    expect(tableOf(pageTables(page), 'Projects by area').rows.map((r) => r[0])).toEqual(
      expect.arrayContaining(['Changchun', 'Yanbian Korean Autonomous Prefecture', 'Hangzhou']),
    );
  });

  it('shows the Jilin coordinator the whole figures: every project and the agreements’ value', async () => {
    const page = await html(jilin, `/en/pairings/${jlzj}/dashboard`);
    const figures = keyFigures(page);
    expect(figures.map(([label]) => label).slice(3, 6)).toEqual([
      'Agreements awaiting confirmation',
      VALUE_LABEL,
      'Projects',
    ]);
    expect(page).not.toContain(dashMsg('en')('publicNote'));
    expect(figures).toContainEqual(['Projects', '4']);
    expect(figures).toContainEqual(['Contracted investment (yuan)', '238,000,000']);
    // The demo's Jilin–Zhejiang agreements are worth hundreds of millions, grouped in thousands.
    expect(figures.find(([label]) => label === VALUE_LABEL)![1]).toMatch(/^\d{1,3}(,\d{3}){2,}$/);
    // Each label and its value share one cell of the grid.
    expect(page).toMatch(
      /<dl class="figures"><div><dt>Expressions of interest sent<\/dt><dd>\d+<\/dd><\/div>/,
    );
  });

  it('names each indicator’s programme', async () => {
    const page = await html(anon, `/en/pairings/${jlzj}/dashboard`);
    const indicators = tableOf(pageTables(page), dashMsg('en')('indicatorsTable'));
    expect(indicators.columns.slice(0, 3)).toEqual(['Indicator', 'Programme', 'Unit']);
    expect(indicators.rows.length).toBeGreaterThan(0);
    // The demo's programme is Zhejiang → Yanbian's, inside Jilin–Zhejiang.
    expect(new Set(indicators.rows.map((r) => r[1]))).toEqual(new Set([DEMO_PROGRAMME_TITLE]));
  });

  it('is in Chinese at /zh, charts labelled in Chinese', async () => {
    const page = await html(anon, `/zh/pairings/${jlzj}/dashboard`);
    expect(page).toMatch(/<html lang="zh-CN">/);
    expect(keyFigures(page)[0]?.[0]).toBe('发出的合作意向');
    expect(page).toContain('<caption>图表数据：项目（按阶段）</caption>');
    const images = chartImages(page);
    expect(images.size).toBeGreaterThan(3);
    const svg = Buffer.from(images.get('项目（按阶段）')!.split(',')[1]!, 'base64').toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('已投产');
    expect(svg).not.toContain('In production');
  });

  it('keeps the period in the form, the links and the export link', async () => {
    const page = await html(anon, `/en/pairings/${jlzj}/dashboard?${Y2018}`);
    expect(page).toContain('<p class="lead">2018-01-01 to 2018-12-31</p>');
    expect(page).toContain('value="2018-01-01"');
    expect(page).toContain(
      `href="/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&amp;lang=en&amp;from=2018-01-01&amp;to=2018-12-31"`,
    );
    const months = tableOf(pageTables(page), 'Trend by month').rows.map((r) => r[0]);
    expect(months).toHaveLength(12);
    expect([months[0], months[11]]).toEqual(['2018-01', '2018-12']);
  });

  it('reads an empty date field (as the form sends it) as an open end', async () => {
    const page = await html(anon, `/en/pairings/${jlzj}/dashboard?from=&to=2018-12-31`);
    expect(page).toContain('<p class="lead">Up to 2018-12-31</p>');
    const json = await api(anon, `/api/v1/dashboards/pairings/${jlzj}?from=&to=2018-12-31`);
    expect(json.period).toEqual({ from: null, to: '2018-12-31' });
  });

  it('shows the key figures the API gives, for all time and for a period, public or whole', async () => {
    for (const [client, full] of [
      [anon, false],
      [jilin, true],
    ] as const) {
      for (const q of ['', `?${Y2018}`]) {
        const page = await html(client, `/en/pairings/${jlzj}/dashboard${q}`);
        const json = await api(client, `/api/v1/dashboards/pairings/${jlzj}${q}`);
        expect(json.full).toBe(full);
        const figures = keyFigures(page);
        expect(figures.length, q).toBe(full ? 12 : 11);
        expect(
          figures.map(([, v]) => pageNumber(v)),
          q,
        ).toEqual(headlineOf(json));
      }
    }
    const all = await api(anon, `/api/v1/dashboards/pairings/${jlzj}`);
    const y2018 = await api(anon, `/api/v1/dashboards/pairings/${jlzj}?${Y2018}`);
    expect(y2018.period).toEqual({ from: '2018-01-01', to: '2018-12-31' });
    // The period leaves out the 2017 agreements, so the two differ.
    expect(y2018.agreements.confirmed).toBeLessThan(all.agreements.confirmed);
    expect((await api(jilin, `/api/v1/dashboards/pairings/${jlzj}`)).agreements.valueCny).toBeGreaterThan(0);
  });

  it('gives whole figures in the JSON to admins and a side’s coordinators, null values to anyone else', async () => {
    const values = (j: DashboardJson) => [
      j.agreements.valueCny,
      ...j.agreements.byType.map((x) => x.valueCny),
      ...j.byMonth.map((m) => m.valueCny),
      ...j.pairings.map((p) => p.valueCny),
    ];
    const publicJson = await api(anon, `/api/v1/dashboards/pairings/${jlzj}`);
    expect(publicJson.full).toBe(false);
    expect(publicJson.projects).toMatchObject({ total: 3, contractedInvestmentCny: 230_000_000 });
    expect(publicJson.agreements.byType.length).toBeGreaterThan(0);
    expect(new Set(values(publicJson))).toEqual(new Set([null]));
    const whole = await api(jilin, `/api/v1/dashboards/pairings/${jlzj}`);
    expect(whole.full).toBe(true);
    expect(whole.projects).toMatchObject({ total: 4, contractedInvestmentCny: 238_000_000 });
    expect(whole.agreements.confirmed).toBe(publicJson.agreements.confirmed);
    expect(values(whole).every((v) => typeof v === 'number')).toBe(true);
    expect(whole.agreements.byType.reduce((s, x) => s + x.valueCny!, 0)).toBe(whole.agreements.valueCny);
    // Overall, the coordinator's region is not a side: the public figures, beside Jilin's lists.
    const overall = await api(jilin, '/api/v1/dashboards/overall');
    expect([overall.full, overall.details?.region]).toEqual([false, 'CN-JL']);
    expect(overall.pairings.length).toBeGreaterThan(0);
    expect(new Set(values(overall))).toEqual(new Set([null]));
    const adminOverall = await api(admin, '/api/v1/dashboards/overall');
    expect(adminOverall.full).toBe(true);
    expect(adminOverall.projects.total).toBe(overall.projects.total + 1);
    expect(adminOverall.pairings.find((p) => p.pairingId === jlzj)).toMatchObject({
      valueCny: whole.agreements.valueCny,
      projects: 4,
    });
  });

  it('gives the pairing headline the all-time figures as the public sees them', async () => {
    const res = await admin.get('/api/v1/dashboards/pairings');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: {
        pairingId: number;
        agreements: number;
        valueCny: number | null;
        projects: number;
        contractedInvestmentCny: number;
        actualInvestmentCny: number;
        jobsCreated: number;
      }[];
    };
    const json = await api(anon, `/api/v1/dashboards/pairings/${jlzj}`);
    expect(items.find((i) => i.pairingId === jlzj)).toEqual(
      expect.objectContaining({
        agreements: json.agreements.confirmed,
        valueCny: null,
        projects: 3,
        contractedInvestmentCny: 230_000_000,
        actualInvestmentCny: json.projects.actualInvestmentCny,
        jobsCreated: json.projects.jobsCreated,
      }),
    );
    expect(json.projects.total).toBe(3);
    expect(items.every((i) => i.valueCny === null)).toBe(true);
  });
});

describe('the exports hold the numbers the page shows', () => {
  /** The agreements' value: a key figure and a column of the types and months tables, when whole. */
  const expectValues = (sheets: SheetData[], lang: 'en' | 'zh', full: boolean) => {
    const label = dashMsg(lang)('contractedValue');
    const sheet = (title: string) => sheets.find((s) => title.startsWith(s.name))!;
    expect(sheets[0]!.rows.map((r) => r[0]).includes(label), 'key figures').toBe(full);
    for (const key of ['typesTable', 'monthsTable'] as const) {
      expect(sheet(dashMsg(lang)(key)).columns.includes(label), key).toBe(full);
    }
  };
  const cases: [string, 'en' | 'zh', string, 'anon' | 'jilin'][] = [
    ['Jilin–Zhejiang, all time, en', 'en', '', 'anon'],
    ['Jilin–Zhejiang, all time, zh', 'zh', '', 'anon'],
    ['Jilin–Zhejiang, 2018, en', 'en', Y2018, 'anon'],
    ['Jilin–Zhejiang, 2018, zh', 'zh', Y2018, 'anon'],
    ['Jilin–Zhejiang, all time, en, Jilin coordinator (whole, with the region lists)', 'en', '', 'jilin'],
    ['Jilin–Zhejiang, all time, zh, Jilin coordinator (whole, with the region lists)', 'zh', '', 'jilin'],
    ['Jilin–Zhejiang, 2018, zh, Jilin coordinator (whole, with the region lists)', 'zh', Y2018, 'jilin'],
  ];
  for (const [name, lang, period, who] of cases) {
    it(name, async () => {
      const client = who === 'jilin' ? jilin : anon;
      const q = period ? `?${period}` : '';
      const page = await html(client, `/${lang}/pairings/${jlzj}/dashboard${q}`);
      const sheets = await workbook(
        client,
        `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=${lang}${period ? `&${period}` : ''}`,
      );
      const { numbers, sum } = expectSameNumbers(page, sheets);
      expect(numbers).toBeGreaterThan(50);
      expect(sum).toBeGreaterThan(0);
      expect(sheets.length).toBe(who === 'jilin' ? 13 : 11);
      expectValues(sheets, lang, who === 'jilin');
    });
  }

  it('the public’s types of agreement have no value column', async () => {
    const sheets = await workbook(anon, `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=en`);
    const types = sheets.find((s) => s.name === 'Confirmed agreements by type')!;
    expect(types.columns).toEqual(['Type', 'Number']);
    expect(types.rows.length).toBeGreaterThan(0);
    const whole = await workbook(jilin, `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=en`);
    expect(whole.find((s) => s.name === 'Confirmed agreements by type')!.columns).toEqual([
      'Type',
      'Number',
      VALUE_LABEL,
    ]);
  });

  it('tables with no rows: "None in this period." on the page, an empty sheet', async () => {
    const period = 'from=2010-01-01&to=2010-12-31';
    for (const [client, lang] of [
      [anon, 'en'],
      [jilin, 'zh'],
    ] as const) {
      const page = await html(client, `/${lang}/pairings/${jlzj}/dashboard?${period}`);
      const sheets = await workbook(
        client,
        `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=${lang}&${period}`,
      );
      const { empty } = expectSameNumbers(page, sheets);
      const t = dashMsg(lang);
      // Nothing was signed in 2010: no types, categories, sectors or areas; the Jilin lists are empty too.
      expect(empty).toEqual(
        expect.arrayContaining([t('typesTable'), t('categoriesTable'), t('sectorsTable'), t('areasTable')]),
      );
      expect(empty.length).toBe(client === jilin ? 6 : 4);
      for (const name of empty) {
        const table = pageTables(page).find((x) => x.caption.startsWith(name))!;
        expect(table.rows, name).toEqual([[t('noRows')]]);
        expect(sheets.find((s) => s.name === name)!.rows, name).toEqual([]);
      }
    }
  });

  it('Zhejiang → Yanbian and the overall dashboard too', async () => {
    for (const [pagePath, exportPath] of [
      [`/en/pairings/${zjyb}/dashboard`, `/api/v1/dashboards/pairings/${zjyb}/export?format=xlsx&lang=en`],
      ['/zh/dashboard', '/api/v1/dashboards/overall/export?format=xlsx&lang=zh'],
    ] as const) {
      const { numbers } = expectSameNumbers(await html(anon, pagePath), await workbook(anon, exportPath));
      expect(numbers).toBeGreaterThan(20);
    }
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`an administrator’s overall dashboard (whole), with every region’s lists, ${lang}`, async () => {
      const t = dashMsg(lang);
      const page = await html(admin, `/${lang}/dashboard`);
      const lists = [
        t('myProjects', { region: t('everyRegion') }),
        t('myAgreements', { region: t('everyRegion') }),
      ];
      expect(page).toContain(lists[0]);
      const sheets = await workbook(admin, `/api/v1/dashboards/overall/export?format=xlsx&lang=${lang}`);
      expect(sheets.map((s) => s.name).slice(-2)).toEqual(lists);
      expect(expectSameNumbers(page, sheets).numbers).toBeGreaterThan(50);
      expectValues(sheets, lang, true);
      const pairings = sheets.find((s) => s.name === t('pairingsTable'))!;
      expect(pairings.columns).toContain(t('contractedValue'));
    });
  }

  it('the public overall dashboard has no value column of the pairings', async () => {
    const sheets = await workbook(jilin, '/api/v1/dashboards/overall/export?format=xlsx&lang=en');
    expect(sheets.find((s) => s.name === 'Pairings')!.columns).not.toContain(VALUE_LABEL);
    expectValues(sheets, 'en', false);
    // …but the coordinator's lists, each agreement with its value.
    expect(sheets.map((s) => s.name).slice(-2)).toEqual(['Projects of Jilin', 'Agreements of Jilin']);
    expect(sheets.at(-1)!.columns).toContain(VALUE_LABEL);
  });

  it('(the comparison itself tells a different number, period or language apart)', async () => {
    const page = await html(anon, `/en/pairings/${jlzj}/dashboard`);
    const sheets = await workbook(anon, `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=en`);
    expectSameNumbers(page, sheets);
    const stages = sheets.findIndex((s) => s.name === 'Projects by stage');
    const tampered = sheets.map((s, i) =>
      i === stages ? { ...s, rows: s.rows.map((r, j) => (j === 2 ? [r[0]!, Number(r[1]) + 1] : r)) } : s,
    );
    expect(() => expectSameNumbers(page, tampered)).toThrow();
    const y2018 = await workbook(
      anon,
      `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=en&${Y2018}`,
    );
    expect(() => expectSameNumbers(page, y2018)).toThrow();
    const zh = await workbook(anon, `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=zh`);
    expect(() => expectSameNumbers(page, zh)).toThrow();
    // The whole figures are not the public's.
    const whole = await workbook(jilin, `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=en`);
    expect(() => expectSameNumbers(page, whole.slice(0, 11))).toThrow();
    // A "None in this period." row stands for no rows only where the sheet has none.
    const stagesTable = pageTables(page).findIndex((x) => x.caption === 'Projects by stage');
    expect(stagesTable).toBe(stages - 1);
    const emptied = sheets.map((s, i) => (i === stages ? { ...s, rows: [] } : s));
    expect(() => expectSameNumbers(page, emptied)).toThrow();
  });

  it('a CSV of one table with the columns asked for, in that order', async () => {
    const page = await html(jilin, `/en/pairings/${jlzj}/dashboard?${Y2018}`);
    const months = tableOf(pageTables(page), 'Trend by month');
    const res = await jilin.get(
      `/api/v1/dashboards/pairings/${jlzj}/export?format=csv&lang=en&table=months&columns=projects,month,value&${Y2018}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="dashboard-pairing-${jlzj}-months-2018-01-01-2018-12-31.csv"`,
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(['Projects signed', 'Month', 'Contracted value of agreements (yuan)']);
    // Page columns: month, interests, agreements, projects, value.
    expect(rows.map(([p, m, v]) => [Number(p), m, Number(v)])).toEqual(
      months.rows.map((r) => [pageNumber(r[3]!), r[0], pageNumber(r[4]!)]),
    );
    expect(rows).toHaveLength(12);
    expect(rows.some(([, , v]) => Number(v) > 0)).toBe(true);
  });

  it('a public CSV of the months has no value column to ask for', async () => {
    const base = `/api/v1/dashboards/pairings/${jlzj}/export?format=csv&lang=en&table=months&${Y2018}`;
    const refused = await anon.get(`${base}&columns=projects,month,value`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('columns');
    const res = await anon.get(base);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const [header] = parseCsv(await res.text());
    expect(header).toEqual(['Month', 'Interests sent', 'Agreements signed', 'Projects signed']);
  });

  it('a CSV in Chinese labels its columns in Chinese', async () => {
    const res = await anon.get(`/api/v1/dashboards/pairings/${jlzj}/export?format=csv&lang=zh&table=stages`);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual(['阶段', '数量']);
    expect(rows.map((r) => r[0])).toContain('已投产');
  });
});

describe('the region’s records', () => {
  it('are not shown to the public, in the page, the JSON or the export', async () => {
    const page = await html(anon, `/en/pairings/${jlzj}/dashboard`);
    expect(page).not.toContain('details-heading');
    expect(page).not.toContain('Your region’s records');
    expect((await api(anon, `/api/v1/dashboards/pairings/${jlzj}`)).details).toBeNull();
    const names = (
      await workbook(anon, `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=en`)
    ).map((s) => s.name);
    expect(names).not.toContain('Projects of Jilin');
    const one = await anon.get(
      `/api/v1/dashboards/pairings/${jlzj}/export?format=csv&lang=en&table=region-projects`,
    );
    expect(one.status).toBe(400);
    expect(((await one.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('table');
  });

  it('are shown to the Jilin coordinator, and their export has the extra sheets', async () => {
    const page = await html(jilin, `/en/pairings/${jlzj}/dashboard`);
    expect(page).toContain('<h2 id="details-heading">Your region’s records</h2>');
    expect(page).toContain('Only coordinators of Jilin and administrators see these lists.');
    const tables = pageTables(page);
    const projects = tableOf(tables, 'Projects of Jilin');
    const agreements = tableOf(tables, 'Agreements of Jilin');
    const json = await api(jilin, `/api/v1/dashboards/pairings/${jlzj}`);
    expect(json.details?.region).toBe('CN-JL');
    expect(projects.rows).toHaveLength(json.details!.projects.length);
    expect(agreements.rows).toHaveLength(json.details!.agreements.length);
    // Every confirmed agreement is listed, and the one still waiting for Zhejiang.
    expect(agreements.rows.length).toBe(json.agreements.confirmed + json.agreements.awaitingConfirmation);
    expect(agreements.rows.map((r) => r.at(-1))).toContain('No');
    const names = (
      await workbook(jilin, `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=en`)
    ).map((s) => s.name);
    expect(names.slice(-2)).toEqual(['Projects of Jilin', 'Agreements of Jilin']);
    // The same coordinator sees no lists on a pairing Jilin is not a side of.
    const other = (await listPairings(database.db)).find((p) => p.aCode === 'CN-LN' && p.bCode === 'CN-JS')!;
    expect(await html(jilin, `/en/pairings/${other.id}/dashboard`)).not.toContain('details-heading');
  });
});

describe('errors', () => {
  it('a bad date is a 400 page naming the field', async () => {
    const bad = await html(anon, `/en/pairings/${jlzj}/dashboard?from=bad`, 400);
    expect(bad).toContain('<code>from</code>');
    const badTo = await html(anon, `/zh/pairings/${jlzj}/dashboard?to=2018-02-30`, 400);
    expect(badTo).toContain('<code>to</code>');
    const reversed = await html(anon, `/en/pairings/${jlzj}/dashboard?from=2018-12-31&to=2018-01-01`, 400);
    expect(reversed).toContain('<code>to</code>: must not be before the first day');
    await html(anon, `/en/pairings/${jlzj}/report?from=2018-12-31&to=2018-01-01`, 400);
    await html(anon, `/en/dashboard?from=2018-1-1`, 400);
  });

  it('columns without a table are refused, saying columns are chosen for one table', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const res = await anon.get(`/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&columns=stage`, {
        'accept-language': lang === 'zh' ? 'zh-CN' : 'en',
      });
      expect(res.status).toBe(400);
      const { errors } = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(errors[0]).toEqual({ field: 'columns', message: dashMsg(lang)('columnsNeedTable') });
    }
    expect(dashMsg('en')('columnsNeedTable')).toMatch(/^Columns are chosen for one table: /);
  });

  it('a bad date on a Chinese page, or for a Chinese API caller, is explained in Chinese', async () => {
    const messages = [
      await html(anon, `/zh/pairings/${jlzj}/dashboard?from=bad`, 400),
      await html(anon, `/zh/pairings/${jlzj}/dashboard?from=2018-12-31&to=2018-01-01`, 400),
    ].map((page) => /<ul class="error-list"><li><code>\w+<\/code>: ([^<]*)<\/li>/.exec(page)?.[1]);
    const res = await anon.get(`/api/v1/dashboards/pairings/${jlzj}?from=2018-12-31&to=2018-01-01`, {
      'accept-language': 'zh-CN',
    });
    messages.push(((await res.json()) as { errors: { message: string }[] }).errors[0]?.message);
    for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });

  it('an unknown pairing is a 404', async () => {
    await html(anon, '/en/pairings/999999/dashboard', 404);
    await html(anon, '/en/pairings/999999/report', 404);
    await html(anon, '/en/pairings/abc/dashboard', 404);
    await html(anon, '/en/pairings/0/dashboard', 404);
    const res = await anon.get('/api/v1/dashboards/pairings/999999');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await anon.get('/api/v1/dashboards/pairings/999999/export?format=xlsx')).status).toBe(404);
  });

  it('the API names the parameter that is wrong', async () => {
    const field = async (path: string) => {
      const res = await anon.get(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return ((await res.json()) as { errors: { field: string }[] }).errors[0]?.field;
    };
    const base = `/api/v1/dashboards/pairings/${jlzj}`;
    expect(await field(`${base}/export?format=csv`)).toBe('table');
    // An unknown table is refused by the schema (an enum of the tables), still naming the parameter.
    expect(await field(`${base}/export?format=csv&lang=en&table=nope`)).toBe('table');
    expect(await field(`${base}/export?format=xlsx&lang=en&table=nope`)).toBe('table');
    expect(await field(`${base}/export?format=csv&lang=en&table=stages&columns=stage,nope`)).toBe('columns');
    expect(await field(`${base}/export?format=xlsx&columns=stage`)).toBe('columns');
    expect(await field(`${base}/export?format=pdf`)).toBe('format');
    expect(await field(`${base}?from=bad`)).toBe('from');
    expect(await field(`${base}?from=2018-12-31&to=2018-01-01`)).toBe('to');
    expect(await field(`/api/v1/dashboards/overall?to=2018-02-30`)).toBe('to');
  });
});

describe('the printable report', () => {
  it('has the dashboard’s tables, and the key figures as a table', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const report = await html(anon, `/${lang}/pairings/${jlzj}/report?${Y2018}`);
      expect(report).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`);
      const page = await html(anon, `/${lang}/pairings/${jlzj}/dashboard?${Y2018}`);
      const [headline, ...rest] = pageTables(report);
      expect(headline?.caption).toBe(dashMsg(lang)('headline'));
      expect(headline?.rows).toEqual(keyFigures(page));
      expect(rest).toEqual(pageTables(page));
      expect(rest.length).toBeGreaterThan(5);
    }
    const overall = await html(anon, '/en/dashboard/report');
    expect(overall).toContain('<h1>Cooperation report: All pairings</h1>');
    expect(pageTables(overall).slice(1)).toEqual(pageTables(await html(anon, '/en/dashboard')));
  });

  // Since 6cc2287 the report is an ordinary page (no `print-view` body class): the print stylesheet drops
  // the site's header and footer and the report's own controls, which are marked no-print.
  it('is a page for paper: the report, its print controls kept off the paper, and when it was made', async () => {
    for (const path of [`/en/pairings/${jlzj}/report?${Y2018}`, '/en/dashboard/report']) {
      const report = await html(anon, path);
      expect(report, path).toContain('<article class="report"><div class="actions no-print">');
      // A button the site's script shows (printing needs it); without the script it stays hidden.
      expect(report, path).toContain(
        '<button type="button" class="button" data-action="print" hidden="">Print</button>',
      );
      expect(report, path).not.toMatch(/<a [^>]*data-action="print"/);
      expect(report, path).toMatch(
        /Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(Beijing time\) from the records on /,
      );
    }
    const zh = await html(anon, `/zh/pairings/${jlzj}/report?${Y2018}`);
    expect(zh).toContain(`href="/zh/pairings/${jlzj}/dashboard?from=2018-01-01&amp;to=2018-12-31"`);
    // The public's report says its figures are the public ones; the Jilin coordinator's is whole.
    expect(zh).toContain(dashMsg('zh')('publicNote'));
    expect(await html(jilin, `/zh/pairings/${jlzj}/report?${Y2018}`)).not.toContain(
      dashMsg('zh')('publicNote'),
    );
  });
});

describe('the OpenAPI document', () => {
  it('lists the five dashboard paths, the export’s tables by name', async () => {
    const doc = (await (await anon.get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; schema?: { enum?: string[] } }[] } }>;
    };
    for (const path of [
      '/dashboards/overall',
      '/dashboards/overall/export',
      '/dashboards/pairings',
      '/dashboards/pairings/{id}',
      '/dashboards/pairings/{id}/export',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    for (const path of ['/dashboards/overall/export', '/dashboards/pairings/{id}/export']) {
      const table = doc.paths[path]?.get?.parameters?.find((p) => p.name === 'table');
      expect(table?.schema?.enum, path).toEqual([...TABLE_KEYS]);
    }
  });
});

describe('counterpart export dashboard', () => {
  it('writes one table as CSV to standard output, with the page’s numbers', async () => {
    const run = captureIo();
    await runExportDashboard(
      t.deps,
      { pairing: String(jlzj), table: 'stages', format: 'csv', lang: 'en' },
      run.io,
    );
    const csv = Buffer.concat(run.out).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const stages = tableOf(
      pageTables(await html(anon, `/en/pairings/${jlzj}/dashboard`)),
      'Projects by stage',
    );
    expect(parseCsv(csv)).toEqual([stages.columns, ...stages.rows]);
    expect(stages.rows.some((r) => Number(r[1]) > 0)).toBe(true);
    expect(run.err.join('')).toBe(`Exported 1 table of the pairing ${jlzj} dashboard as csv.\n`);
  });

  it('writes every public table as XLSX to a file, as the public export does (no values)', async () => {
    const out = join(dir, 'dashboard.xlsx');
    const run = captureIo();
    await runExportDashboard(
      t.deps,
      { pairing: String(jlzj), from: '2018-01-01', to: '2018-12-31', lang: 'zh', out },
      run.io,
    );
    expect(run.out).toEqual([]);
    expect(run.err.join('')).toBe(`Exported 11 tables of the pairing ${jlzj} dashboard as xlsx to ${out}.\n`);
    const fromCli = await readWorkbook(readFileSync(out));
    const fromApi = await workbook(
      anon,
      `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=zh&${Y2018}`,
    );
    expect(fromCli).toEqual(fromApi);
    expect(fromCli.find((s) => s.name === dashMsg('zh')('typesTable'))!.columns).toEqual(['类型', '数量']);
    // The coordinator's export holds more: the agreements' values, and the two region lists.
    const whole = await workbook(
      jilin,
      `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=zh&${Y2018}`,
    );
    expect(whole).toHaveLength(13);
    expect(whole[0]!.rows.length).toBe(fromCli[0]!.rows.length + 1);
  });

  it('refuses bad options before writing anything', async () => {
    const run = captureIo();
    await expect(
      runExportDashboard(t.deps, { pairing: 'abc', format: 'csv', table: 'stages', lang: 'en' }, run.io),
    ).rejects.toThrow(/--pairing/);
    await expect(
      runExportDashboard(t.deps, { pairing: String(jlzj), format: 'csv', lang: 'en' }, run.io),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.issues[0]?.field === 'table');
    await expect(
      runExportDashboard(
        t.deps,
        { pairing: String(jlzj), format: 'csv', table: 'stages', from: 'x', lang: 'en' },
        run.io,
      ),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.issues[0]?.field === 'from');
    await expect(
      runExportDashboard(t.deps, { pairing: '999999', format: 'csv', table: 'stages', lang: 'en' }, run.io),
    ).rejects.toMatchObject({ code: 'not_found' });
    const tty = captureIo(true);
    await expect(
      runExportDashboard(t.deps, { pairing: String(jlzj), format: 'xlsx', lang: 'en' }, tty.io),
    ).rejects.toThrow(/--out/);
    expect([...run.out, ...tty.out]).toEqual([]);
  });
});
