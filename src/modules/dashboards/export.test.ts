import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import { chooseTables, dashboardFileName, writeTables, type TableChoice } from './export.ts';
import type { DashTable } from './tables.ts';

const headline: DashTable = {
  key: 'headline',
  title: 'Headline',
  columns: [
    { key: 'measure', label: 'Measure', numeric: false },
    { key: 'value', label: 'Value', numeric: true },
  ],
  rows: [
    ['Interests sent', 6],
    ['Value, in yuan', 1200],
    ['=1+1', -3],
    ['He said "hi"', 0.5],
  ],
  chart: null,
};

const projects: DashTable = {
  key: 'region-projects',
  title: 'Projects of Jilin',
  columns: [
    { key: 'title', label: 'Title', numeric: false },
    { key: 'stage', label: 'Stage', numeric: false },
    { key: 'contracted', label: 'Contracted, yuan', numeric: true },
  ],
  rows: [
    [{ text: '长白山项目', lang: 'zh' }, 'Signed', 1000],
    [{ text: 'Ginseng, dried', lang: 'en' }, 'Started', 0],
  ],
  chart: null,
};

const tables = [headline, projects];

/** The field the 400 names, or a failure when nothing (or something else) is thrown. */
function fieldOf(choice: TableChoice): string | undefined {
  try {
    chooseTables(tables, choice);
  } catch (err) {
    if (!(err instanceof AppError))
      throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
    expect(err.code).toBe('validation');
    expect(err.status).toBe(400);
    return err.issues[0]?.field;
  }
  throw new Error('expected chooseTables to throw');
}

describe('chooseTables', () => {
  it('gives every table to an XLSX without a table', () => {
    const got = chooseTables(tables, { format: 'xlsx', lang: 'en' });
    expect(got.map((t) => t.key)).toEqual(['headline', 'region-projects']);
    expect(got[1]?.rows).toEqual([
      [{ text: '长白山项目', lang: 'zh' }, 'Signed', 1000],
      [{ text: 'Ginseng, dried', lang: 'en' }, 'Started', 0],
    ]);
    expect(chooseTables(tables, { format: 'xlsx', table: '', lang: 'zh' })).toHaveLength(2);
  });

  it('gives the one table asked for, every column', () => {
    const got = chooseTables(tables, { format: 'csv', table: 'headline', lang: 'en' });
    expect(got).toHaveLength(1);
    expect(got[0]?.columns.map((c) => c.key)).toEqual(['measure', 'value']);
    expect(got[0]?.rows[1]).toEqual(['Value, in yuan', 1200]);
  });

  it('names the table for a CSV without one, and for an unknown table', () => {
    expect(fieldOf({ format: 'csv', lang: 'en' })).toBe('table');
    expect(fieldOf({ format: 'csv', table: '', lang: 'zh' })).toBe('table');
    expect(fieldOf({ format: 'xlsx', table: 'nope', lang: 'en' })).toBe('table');
    // A known kind of table this dashboard did not give (e.g. no details for this viewer).
    expect(fieldOf({ format: 'csv', table: 'region-agreements', lang: 'en' })).toBe('table');
  });

  it('names the columns for unknown ones, and for columns without a table', () => {
    expect(fieldOf({ format: 'csv', table: 'headline', columns: 'value,bogus', lang: 'en' })).toBe('columns');
    expect(fieldOf({ format: 'xlsx', columns: 'value', lang: 'en' })).toBe('columns');
  });

  it('cuts and reorders the columns and cells as asked', () => {
    const got = chooseTables(tables, {
      format: 'csv',
      table: 'region-projects',
      columns: ' contracted , title',
      lang: 'en',
    });
    expect(got).toEqual([
      {
        ...projects,
        columns: [
          { key: 'contracted', label: 'Contracted, yuan', numeric: true },
          { key: 'title', label: 'Title', numeric: false },
        ],
        rows: [
          [1000, { text: '长白山项目', lang: 'zh' }],
          [0, { text: 'Ginseng, dried', lang: 'en' }],
        ],
      },
    ]);
    // The original is left as it was.
    expect(projects.columns.map((c) => c.key)).toEqual(['title', 'stage', 'contracted']);
  });
});

describe('writeTables', () => {
  it('writes a CSV with a byte-order mark, quoting and formula guards', async () => {
    const buf = await writeTables([headline], 'csv');
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.toString('utf8')).toBe(
      '\uFEFFMeasure,Value\r\n' +
        'Interests sent,6\r\n' +
        '"Value, in yuan",1200\r\n' +
        "'=1+1,-3\r\n" +
        '"He said ""hi""",0.5\r\n',
    );
  });

  it('writes the text of bilingual cells and quotes labels with commas', async () => {
    const buf = await writeTables([projects], 'csv');
    expect(buf.toString('utf8')).toBe(
      '\uFEFFTitle,Stage,"Contracted, yuan"\r\n长白山项目,Signed,1000\r\n"Ginseng, dried",Started,0\r\n',
    );
  });

  it('writes an XLSX with a sheet per table, short unique names and numbers as numbers', async () => {
    const long1 = {
      ...headline,
      key: 'months' as const,
      title: 'Agreements by type and by month of signing',
    };
    const long2 = {
      ...headline,
      key: 'areas' as const,
      title: 'Agreements by type and by month of confirmation',
    };
    const odd = { ...headline, key: 'sectors' as const, title: 'Trend: month/year' };
    const buf = await writeTables([headline, projects, long1, long2, odd], 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buf as unknown as ArrayBuffer);
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual([
      'Headline',
      'Projects of Jilin',
      'Agreements by type and by month',
      'Agreements by type and by mon 2',
      'Trend  month year',
    ]);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);

    const sheet = book.getWorksheet('Headline')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Measure', 'Value']);
    expect(sheet.getRow(2).getCell(2).value).toBe(6);
    expect(typeof sheet.getRow(3).getCell(2).value).toBe('number');
    expect(sheet.getRow(3).getCell(2).value).toBe(1200);
    // A formula-like text stays text in a spreadsheet.
    expect(sheet.getRow(4).getCell(1).value).toBe('=1+1');
    expect(sheet.getRow(4).getCell(2).value).toBe(-3);
    expect(sheet.rowCount).toBe(5);

    const list = book.getWorksheet('Projects of Jilin')!;
    expect(list.getRow(2).values).toEqual([undefined, '长白山项目', 'Signed', 1000]);
    expect(list.getRow(3).values).toEqual([undefined, 'Ginseng, dried', 'Started', 0]);
  });

  it('names sheets Excel accepts: unique ignoring case, no quote at either end, never empty', async () => {
    const upper = { ...headline, key: 'months' as const, title: 'HEADLINE' };
    const quoted = { ...headline, key: 'areas' as const, title: "'Quoted'" };
    const empty = { ...headline, key: 'sectors' as const, title: '' };
    const buf = await writeTables([headline, upper, quoted, empty], 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buf as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Headline', 'HEADLINE 2', 'Quoted', 'Sheet']);
  });
});

describe('dashboardFileName', () => {
  it('names the pairing and the period given', () => {
    expect(dashboardFileName('jilin-zhejiang', '2018-01-01', '2018-12-31', 'xlsx')).toBe(
      'dashboard-jilin-zhejiang-2018-01-01-2018-12-31.xlsx',
    );
    expect(dashboardFileName('overall', null, null, 'csv')).toBe('dashboard-overall.csv');
    expect(dashboardFileName('jilin-zhejiang', '2018-01-01', null, 'csv')).toBe(
      'dashboard-jilin-zhejiang-from-2018-01-01.csv',
    );
    expect(dashboardFileName('jilin-zhejiang', null, '2018-12-31', 'csv')).toBe(
      'dashboard-jilin-zhejiang-to-2018-12-31.csv',
    );
  });
});
