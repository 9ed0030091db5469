import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import type { ImportListingsReport } from './import.ts';
import { exportFormatOf, renderListingsImport, runMatches, type Io } from './listings.cli.ts';

const FILE = 'data/listings.jsonl';
const opts = { json: false, skipInvalid: false, status: 'published' };
const report = (over: Partial<ImportListingsReport>): ImportListingsReport => ({
  lines: 0,
  created: 0,
  updated: 0,
  invalid: [],
  ...over,
});

describe('renderListingsImport', () => {
  it('summarises a clean import with exit code 0', () => {
    expect(renderListingsImport(FILE, report({ lines: 3, created: 2, updated: 1 }), opts)).toEqual({
      stdout: `Imported 3 listings from ${FILE} as published: 2 new, 1 updated.\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('lists every bad line as FILE:LINE: field: reason, says nothing was imported and exits 1', () => {
    const printed = renderListingsImport(
      FILE,
      report({
        lines: 4,
        invalid: [
          { line: 2, field: 'sector', reason: 'Not a GB/T 4754-2017 division such as A01 or C15' },
          { line: 2, field: 'amount_cny', reason: 'Too small' },
          { line: 4, reason: 'the line is not valid UTF-8' },
        ],
      }),
      opts,
    );
    expect(printed.stdout).toBe('');
    expect(printed.exitCode).toBe(1);
    expect(printed.stderr.split('\n')).toEqual([
      `${FILE}:2: sector: Not a GB/T 4754-2017 division such as A01 or C15`,
      `${FILE}:2: amount_cny: Too small`,
      `${FILE}:4: the line is not valid UTF-8`,
      'error: nothing was imported: 2 lines are bad (fix them, or use --skip-invalid to import the 2 good lines)',
      '',
    ]);
  });

  it('with --skip-invalid reports what was imported and skipped, and still exits 1', () => {
    const printed = renderListingsImport(
      FILE,
      report({ lines: 3, created: 2, invalid: [{ line: 3, field: 'region', reason: 'bad' }] }),
      { json: true, skipInvalid: true, status: 'pending' },
    );
    expect(printed.exitCode).toBe(1);
    expect(JSON.parse(printed.stdout)).toEqual({
      file: FILE,
      lines: 3,
      created: 2,
      updated: 0,
      skipped: 1,
      status: 'pending',
      invalid: [{ line: 3, field: 'region', reason: 'bad' }],
    });
    expect(printed.stderr).toBe(`${FILE}:3: region: bad\nwarning: skipped 1 bad line\n`);
  });

  it('warns about an empty file but does not fail', () => {
    expect(renderListingsImport(FILE, report({}), opts)).toEqual({
      stdout: '',
      stderr: `warning: ${FILE} has no listings\n`,
      exitCode: 0,
    });
  });
});

describe('exportFormatOf', () => {
  it('takes --format, else the extension of --out, else jsonl', () => {
    expect(exportFormatOf('csv', 'x.xlsx')).toBe('csv');
    expect(exportFormatOf(undefined, 'out/Listings.XLSX')).toBe('xlsx');
    expect(exportFormatOf(undefined, undefined)).toBe('jsonl');
    expect(() => exportFormatOf(undefined, 'listings.txt')).toThrow(AppError);
  });
});

it('runMatches names bad options as they were typed, before touching the database', async () => {
  const io = { stdout: process.stdout, stderr: process.stderr } as Io;
  const deps = {
    get db(): never {
      throw new Error('the database was used');
    },
    now: () => new Date(),
  };
  const err = await runMatches(
    deps,
    'x',
    { limit: '0', asOf: '2018-02-30', json: false, lang: 'en' },
    io,
  ).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).issues.map((i) => i.field)).toEqual(['--limit', '--as-of']);
});
