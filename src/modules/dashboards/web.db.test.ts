import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { listPairings } from '../regions/regions.service.ts';
import { runExportDashboard } from './dashboards.cli.ts';
import { dashMsg } from './messages.ts';
import {
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

let database: Database;
let t: TestApp;
let anon: TestClient;
let jilin: TestClient;
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
  anon = new TestClient(t.app);
  jilin = new TestClient(t.app);
  await signInAs(jilin, database, { role: 'coordinator', regionCode: 'CN-JL' });
  dir = mkdtempSync(join(tmpdir(), 'cp-dashboards-'));
}, 180_000);
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await database?.close();
});

const Y2018 = 'from=2018-01-01&to=2018-12-31';

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
 * Every sheet of the workbook against the page: the first (key figures) against the page's key figures,
 * the others, in order, against the page's tables (caption, column labels, every cell). Returns how many
 * numbers were compared and their sum, so a caller can tell the comparison was not empty.
 */
function expectSameNumbers(page: string, sheets: SheetData[]): { numbers: number; sum: number } {
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
  rest.forEach((sheet, i) => {
    const table = tables[i]!;
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(table.caption.startsWith(sheet.name), `${table.caption} / ${sheet.name}`).toBe(true);
    expect(asSheet(table.columns, table.rows, sheet), table.caption).toEqual(sheetValues(sheet));
    for (const row of sheet.rows)
      for (const v of row)
        if (typeof v === 'number') {
          numbers++;
          sum += v;
        }
  });
  return { numbers, sum };
}

const tableOf = (tables: PageTable[], caption: string): PageTable => {
  const table = tables.find((x) => x.caption === caption);
  if (!table) throw new Error(`no table ${caption} among ${tables.map((x) => x.caption).join(' | ')}`);
  return table;
};

interface DashboardJson {
  period: { from: string | null; to: string | null };
  interests: { sent: number; byStatus: Record<string, number> };
  agreements: { confirmed: number; awaitingConfirmation: number; valueCny: number };
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

/** The key figures in the headline's order, from the JSON. */
const headlineOf = (j: DashboardJson) => [
  j.interests.sent,
  j.interests.byStatus.accepted,
  j.agreements.confirmed,
  j.agreements.awaitingConfirmation,
  j.agreements.valueCny,
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
    expect(figures.map(([label]) => label)).toEqual([
      'Expressions of interest sent',
      'Expressions of interest accepted',
      'Agreements (confirmed)',
      'Agreements awaiting confirmation',
      'Contracted value of agreements (yuan)',
      'Projects',
      'Contracted investment (yuan)',
      'Actual investment (yuan)',
      'Jobs created',
      'Visits',
      'Agreed areas',
      'Agreed areas delivered',
    ]);
    // The demo's Jilin–Zhejiang agreements are worth hundreds of millions, grouped in thousands.
    const value = figures.find(([label]) => label === 'Contracted value of agreements (yuan)')![1];
    expect(value).toMatch(/^\d{1,3}(,\d{3}){2,}$/);
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

  it('shows the key figures the API gives, for all time and for a period', async () => {
    for (const q of ['', `?${Y2018}`]) {
      const page = await html(anon, `/en/pairings/${jlzj}/dashboard${q}`);
      const json = await api(anon, `/api/v1/dashboards/pairings/${jlzj}${q}`);
      expect(
        keyFigures(page).map(([, v]) => pageNumber(v)),
        q,
      ).toEqual(headlineOf(json));
    }
    const all = await api(anon, `/api/v1/dashboards/pairings/${jlzj}`);
    const y2018 = await api(anon, `/api/v1/dashboards/pairings/${jlzj}?${Y2018}`);
    expect(y2018.period).toEqual({ from: '2018-01-01', to: '2018-12-31' });
    // The period leaves out the 2017 agreements, so the two differ.
    expect(y2018.agreements.confirmed).toBeLessThan(all.agreements.confirmed);
    expect(all.agreements.valueCny).toBeGreaterThan(0);
  });

  it('gives the pairing headline the all-time figures', async () => {
    const res = await anon.get('/api/v1/dashboards/pairings');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: {
        pairingId: number;
        agreements: number;
        valueCny: number;
        projects: number;
        actualInvestmentCny: number;
        jobsCreated: number;
      }[];
    };
    const json = await api(anon, `/api/v1/dashboards/pairings/${jlzj}`);
    expect(items.find((i) => i.pairingId === jlzj)).toMatchObject({
      agreements: json.agreements.confirmed,
      valueCny: json.agreements.valueCny,
      projects: json.projects.total,
      actualInvestmentCny: json.projects.actualInvestmentCny,
      jobsCreated: json.projects.jobsCreated,
    });
  });
});

describe('the exports hold the numbers the page shows', () => {
  const cases: [string, 'en' | 'zh', string, 'anon' | 'jilin'][] = [
    ['Jilin–Zhejiang, all time, en', 'en', '', 'anon'],
    ['Jilin–Zhejiang, all time, zh', 'zh', '', 'anon'],
    ['Jilin–Zhejiang, 2018, en', 'en', Y2018, 'anon'],
    ['Jilin–Zhejiang, 2018, zh', 'zh', Y2018, 'anon'],
    ['Jilin–Zhejiang, all time, en, Jilin coordinator (with the region lists)', 'en', '', 'jilin'],
    ['Jilin–Zhejiang, 2018, zh, Jilin coordinator (with the region lists)', 'zh', Y2018, 'jilin'],
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
    });
  }

  it('Zhejiang → Yanbian and the overall dashboard too', async () => {
    for (const [pagePath, exportPath] of [
      [`/en/pairings/${zjyb}/dashboard`, `/api/v1/dashboards/pairings/${zjyb}/export?format=xlsx&lang=en`],
      ['/zh/dashboard', '/api/v1/dashboards/overall/export?format=xlsx&lang=zh'],
    ] as const) {
      const { numbers } = expectSameNumbers(await html(anon, pagePath), await workbook(anon, exportPath));
      expect(numbers).toBeGreaterThan(20);
    }
  });

  it('an administrator’s overall dashboard, with every region’s lists', async () => {
    const admin = new TestClient(t.app);
    await signInAs(admin, database, { role: 'admin' });
    const page = await html(admin, '/en/dashboard');
    expect(page).toContain('Projects of every region');
    const sheets = await workbook(admin, '/api/v1/dashboards/overall/export?format=xlsx&lang=en');
    expect(sheets.map((s) => s.name).slice(-2)).toEqual([
      'Projects of every region',
      'Agreements of every region',
    ]);
    expect(expectSameNumbers(page, sheets).numbers).toBeGreaterThan(50);
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
  });

  it('a CSV of one table with the columns asked for, in that order', async () => {
    const page = await html(anon, `/en/pairings/${jlzj}/dashboard?${Y2018}`);
    const months = tableOf(pageTables(page), 'Trend by month');
    const res = await anon.get(
      `/api/v1/dashboards/pairings/${jlzj}/export?format=csv&lang=en&table=months&columns=projects,month,value&${Y2018}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
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
    expect(await field(`${base}/export?format=csv&lang=en&table=nope`)).toBe('table');
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
      expect(report, path).toContain('data-action="print"');
      expect(report, path).toMatch(
        /Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(Beijing time\) from the records on /,
      );
    }
    const zh = await html(anon, `/zh/pairings/${jlzj}/report?${Y2018}`);
    expect(zh).toContain(`href="/zh/pairings/${jlzj}/dashboard?from=2018-01-01&amp;to=2018-12-31"`);
  });
});

describe('the OpenAPI document', () => {
  it('lists the five dashboard paths', async () => {
    const doc = (await (await anon.get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/dashboards/overall',
      '/dashboards/overall/export',
      '/dashboards/pairings',
      '/dashboards/pairings/{id}',
      '/dashboards/pairings/{id}/export',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
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

  it('writes every public table as XLSX to a file, as the public export does', async () => {
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
      jilin,
      `/api/v1/dashboards/pairings/${jlzj}/export?format=xlsx&lang=zh&${Y2018}`,
    );
    // The coordinator's export has the two region lists after the public tables.
    expect(fromCli).toEqual(fromApi.slice(0, 11));
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
