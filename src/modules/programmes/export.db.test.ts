import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import type { Io } from '../listings/listings.cli.ts';
import { runExportProgrammeReports } from './programmes.cli.ts';
import * as svc from './programmes.service.ts';
import { actingAs, fundsInput, programmeInput, zjToYanbian } from './testing.ts';

// The reports' XLSX export, read back with a spreadsheet library, holds the numbers the programme page shows.

let database: Database;
let t: TestApp;
let id: string;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  const zj = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
  const jl = await actingAs(database, 'coordinator', { regionCode: 'CN-JL' });
  id = (await svc.createProgramme(t.deps, zj, programmeInput(await zjToYanbian(database)))).id;
  const funds = await svc.addIndicator(
    t.deps,
    zj,
    id,
    fundsInput({ periodTargets: [{ period: '2018-Q4', target: 90_000_000 }] }),
  );
  const jobs = await svc.addIndicator(
    t.deps,
    zj,
    id,
    fundsInput({ kind: 'jobs', unit: 'count', target: 5000 }),
  );
  const values: [string, number, number][] = [
    ['2018-Q1', 20_000_000.5, 200],
    ['2018-Q2', 22_000_000, 250],
    ['2018-Q3', 25_000_000, 0],
  ];
  for (const [period, f, j] of values) {
    const r = await svc.submitReport(t.deps, zj, id, { period, values: { [funds.id]: f, [jobs.id]: j } });
    await svc.confirmReport(t.deps, jl, id, r.id);
  }
  // Waiting for confirmation: neither the public page nor the public export shows it.
  await svc.submitReport(t.deps, zj, id, { period: '2018-Q4', values: { [funds.id]: 1 } });
});
afterAll(() => database.close());

async function readXlsx(res: Response): Promise<(string | number | null)[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const rows: (string | number | null)[][] = [];
  book.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as (string | number | null)[]).slice(1));
  });
  return rows;
}

/** The page's per-period table of an indicator, as rows of cell texts keyed by the period's label. */
function pageTable(html: string, indicator: string): Map<string, string[]> {
  const start = html.indexOf(`<caption>${indicator}: per `);
  const table = html.slice(start, html.indexOf('</table>', start));
  const rows = new Map<string, string[]>();
  for (const m of table.matchAll(/<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)) {
    rows.set(
      m[1]!,
      [...m[2]!.matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]!),
    );
  }
  return rows;
}

const number = (text: string | undefined) => (text ? Number(text.replaceAll(',', '')) : null);

describe('programme reports export', () => {
  it('gives the page’s numbers in XLSX', async () => {
    const client = new TestClient(t.app);
    const page = await (await client.get(`/en/programmes/${id}`)).text();
    const res = await client.get(`/api/v1/programmes/${id}/reports/export?format=xlsx&lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/programme-reports-\d{4}-\d{2}-\d{2}\.xlsx/);
    const [headers, ...rows] = await readXlsx(res);
    expect(headers).toEqual([
      'Period',
      'Indicator',
      'Unit',
      'Value in the period',
      'Cumulative (confirmed)',
      'Expected by period end',
      'Period target',
      'Report status',
      'Submitted',
      'Confirmed',
    ]);
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['2018 Q1', 'Assistance funds allocated'],
      ['2018 Q1', 'Jobs created'],
      ['2018 Q2', 'Assistance funds allocated'],
      ['2018 Q2', 'Jobs created'],
      ['2018 Q3', 'Assistance funds allocated'],
      ['2018 Q3', 'Jobs created'],
    ]);
    for (const [period, indicator, , value, cumulative, expected, periodTarget, status] of rows) {
      const cells = pageTable(page, String(indicator)).get(String(period));
      expect(cells, `${indicator} ${period}`).toBeDefined();
      const [pageExpected, pageTarget, pageValue, pageCumulative, pageStatus] = cells!;
      expect(value).toBe(number(pageValue));
      expect(cumulative).toBe(number(pageCumulative));
      expect(expected).toBe(number(pageExpected));
      expect(periodTarget ?? null).toBe(number(pageTarget));
      expect(status).toBe(pageStatus);
    }
    // Spot checks against what was reported: 20,000,000.5 + 22,000,000 + 25,000,000 confirmed by 2018 Q3.
    expect(rows[4]?.[4]).toBe(67_000_000.5);
    expect(rows[5]?.[4]).toBe(450);
  });

  it('labels the chosen columns in Chinese', async () => {
    const res = await new TestClient(t.app).get(
      `/api/v1/programmes/${id}/reports/export?format=xlsx&lang=zh&columns=indicator,period,value`,
    );
    const [headers, first] = await readXlsx(res);
    expect(headers).toEqual(['指标', '期间', '本期数值']);
    expect(first).toEqual(['拨付帮扶资金', '2018年第1季度', 20_000_000.5]);
  });
});

describe('counterpart export programme-reports', () => {
  function io() {
    const out: Buffer[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        stdout: Object.assign(new PassThrough(), {
          isTTY: false,
          write: (chunk: string | Uint8Array) => out.push(Buffer.from(chunk)) > 0,
        }),
        stderr: { isTTY: false, write: (s: string | Uint8Array) => err.push(String(s)) > 0 },
      },
    };
  }

  it('writes every report, the unconfirmed one too, and names a bad option', async () => {
    const run = io();
    await runExportProgrammeReports(
      t.deps,
      { programme: id, format: 'csv', lang: 'en', columns: 'period,indicator,value,status' },
      run.io,
    );
    const csv = Buffer.concat(run.out).toString('utf8');
    expect(csv).toContain('2018 Q4,Assistance funds allocated,1,"Submitted, awaiting confirmation"');
    expect(run.err.join('')).toBe('Exported 7 rows as csv.\n');
    await expect(
      runExportProgrammeReports(
        t.deps,
        { programme: id, format: 'pdf', lang: 'en' },
        run.io as unknown as Io,
      ),
    ).rejects.toMatchObject({ issues: [{ field: '--format' }] });
    await expect(
      runExportProgrammeReports(
        t.deps,
        { programme: 'nope', format: 'csv', lang: 'en' },
        run.io as unknown as Io,
      ),
    ).rejects.toMatchObject({ issues: [{ field: '--programme' }] });
  });
});
