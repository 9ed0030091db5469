import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { parseColumns, VISIT_COLUMNS } from './export.ts';
import { actingAs, areaInput, participant, visitInput } from './testing.ts';
import { runExportVisits } from './visits.cli.ts';
import { addAgreedArea, createVisit } from './visits.service.ts';

// `counterpart export visits|agreed-areas` as the CLI runs it (in process), and the column choice.

let database: Database;
let t: TestApp;
let dir: string;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  dir = mkdtempSync(join(tmpdir(), 'cp-visits-export-'));
  const zj = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
  // Unpublished: the operator's export includes it.
  const v = await createVisit(t.deps, zj, {
    ...visitInput({ published: false, places: '=SUM(A1), "Hangzhou"' }),
    participants: [participant(), participant({ name: '刘国中', side: 'visiting' })],
  });
  await addAgreedArea(t.deps, zj, v.id, areaInput({ dueOn: '2018-12-31' }));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database.close();
});

function io() {
  const out: Buffer[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (b: Buffer | string) => out.push(Buffer.from(b)), isTTY: false } as never,
      stderr: { write: (s: string) => err.push(s), isTTY: false } as never,
    },
  };
}

describe('parseColumns', () => {
  it('keeps the order asked for, defaults to all, and names `columns` for unknown ones', () => {
    expect(parseColumns('host,title', VISIT_COLUMNS, 'en')).toEqual(['host', 'title']);
    expect(parseColumns(undefined, VISIT_COLUMNS, 'en')).toEqual(VISIT_COLUMNS);
    expect(() => parseColumns('title,nope', VISIT_COLUMNS, 'zh')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'columns' })] }),
    );
  });
});

describe('runExportVisits', () => {
  it('writes visits as CSV with labels in the language, defusing formulas', async () => {
    const o = io();
    await runExportVisits(
      t.deps,
      'visits',
      { lang: 'en', columns: 'title,places,participants,areas,overdue' },
      o.io,
    );
    const text = Buffer.concat(o.out)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe('Title,Places,Participants,Agreed areas,Overdue');
    expect(text.split('\r\n')[1]).toBe(
      'Jilin delegation’s investigation trip in Zhejiang,"\'=SUM(A1), ""Hangzhou""",2,1,1',
    );
    expect(o.err.join('')).toBe('Exported 1 visit as csv.\n');
  });

  it('writes agreed areas as XLSX to --out, in Chinese', async () => {
    const out = join(dir, 'areas.xlsx');
    const o = io();
    await runExportVisits(t.deps, 'agreed-areas', { lang: 'zh', out }, o.io);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('合作事项')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    const cell = (label: string) => row[header.indexOf(label)];
    expect(cell('标题')).toBe('吉林产品与浙江市场对接');
    expect(cell('责任地区')).toBe('浙江省');
    expect(cell('状态')).toBe('已逾期');
    expect(cell('完成期限')).toBe('2018-12-31');
  });

  it('refuses unknown columns before writing anything', async () => {
    const o = io();
    await expect(
      runExportVisits(t.deps, 'visits', { lang: 'en', columns: 'colour' }, o.io),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: 'columns' })],
    });
    expect(o.out).toEqual([]);
  });
});
