import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// The real `counterpart` CLI in child processes, each over its own PGlite data directory.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cp-listings-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(dataDir: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/counterpart.js', ...args],
      {
        cwd: ROOT,
        // DATABASE_URL is cleared so the child never writes into a shared PostgreSQL test cluster.
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: '0', DATABASE_URL: '' },
        timeout: 120_000,
        maxBuffer: 32 * 1024 * 1024,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** A data dir holding the run's migrated PGlite template, which saves the child an initdb (~6 s). */
async function dataDir(name: string): Promise<string> {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  const template = inject('pgliteTemplate');
  if (template) {
    const db = await PGlite.create(join(path, 'pglite'), { loadDataDir: new Blob([readFileSync(template)]) });
    await db.close();
  }
  return path;
}

function file(name: string, lines: (object | Buffer)[]): string {
  const path = join(dir, name);
  const parts = lines.flatMap((l) => [
    Buffer.isBuffer(l) ? l : Buffer.from(JSON.stringify(l)),
    Buffer.from('\n'),
  ]);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/** Records in the interchange format, written the way the exporter writes them (field order, +08:00). */
const water = {
  id: 'cli-jl-water',
  region: 'CN-JL',
  area_code: '222400',
  organization: { name: '安图县泉源饮品有限公司', type: 'enterprise' },
  direction: 'offer',
  category: 'product',
  sector: 'C15',
  title: '长白山天然矿泉水 寻浙江代理商',
  description: '长白山天然矿泉水，水源地在安图县，寻求浙江的经销商和代理商。',
  language: 'zh',
  tags: ['矿泉水'],
  amount_cny: 2000000,
  valid_until: '2099-12-31',
  created_at: '2018-03-01T10:00:00+08:00',
};
const buyer = {
  id: 'cli-zj-buyer',
  region: 'CN-ZJ',
  organization: { name: 'Hangzhou Fresh Mart Co.', type: 'enterprise' },
  direction: 'seek',
  category: 'product',
  sector: 'C15',
  title: 'Supermarket chain seeks natural mineral water',
  description: 'Hangzhou supermarket chain looking for natural mineral water in 500 ml bottles.',
  language: 'en',
  created_at: '2018-03-02T09:30:00+08:00',
};
const lab = {
  id: 'cli-zj-lab',
  region: 'CN-ZJ',
  organization: { name: 'Zhejiang Auto Parts Institute', type: 'institute' },
  direction: 'offer',
  category: 'technology',
  sector: 'C36',
  title: 'Low-pressure casting of aluminium wheels',
  description: 'We license a casting process for light aluminium wheels.',
  language: 'en',
  created_at: '2018-03-03T15:00:00+08:00',
};

describe('counterpart import listings / export listings / matches', () => {
  let a: string;
  let exported: string;

  it(
    'refuses a file with bad lines, naming each line and field, and imports nothing',
    { timeout: 240_000 },
    async () => {
      a = await dataDir('a');
      const bad = file('bad.jsonl', [
        water,
        { ...buyer, region: 'CN-XX' },
        { ...lab, sector: 'Z99' },
        { ...lab, id: water.id },
        Buffer.from('{"id": "cli-latin1", "title": "caf\xe9"}', 'latin1'),
        { ...lab, id: 'cli-negative', amount_cny: -5 },
        { ...lab, id: 'cli-colour', colour: 'blue' },
        buyer,
      ]);
      const refused = await cli(a, ['import', 'listings', bad]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      for (const expected of [
        `${bad}:2: region: `,
        `${bad}:3: sector: `,
        `${bad}:4: id: duplicate id cli-jl-water (first on line 1)`,
        `${bad}:5: the line is not valid UTF-8`,
        `${bad}:6: amount_cny: `,
      ]) {
        expect(refused.stderr).toContain(expected);
      }
      expect(refused.stderr).toMatch(new RegExp(`${bad}:7: .*colour`));
      expect(refused.stderr).toContain('error: nothing was imported: 6 lines are bad');
      expect(refused.stderr).toContain('--skip-invalid to import the 2 good lines');

      // --skip-invalid imports the good lines (all new: the refused run wrote nothing) and still exits 1.
      const skipped = await cli(a, ['import', 'listings', bad, '--skip-invalid', '--json']);
      expect(skipped.code).toBe(1);
      expect(JSON.parse(skipped.stdout)).toMatchObject({
        file: bad,
        lines: 8,
        created: 2,
        updated: 0,
        skipped: 6,
        status: 'published',
      });
      expect(skipped.stderr).toContain(`${bad}:2: region: `);
      expect(skipped.stderr).toContain('warning: skipped 6 bad lines');
    },
  );

  it(
    'imports a good file with exit code 0, updating listings already known',
    { timeout: 120_000 },
    async () => {
      const good = file('good.jsonl', [{ ...buyer, title: `${buyer.title} (500 ml)` }, water, lab]);
      const run = await cli(a, ['import', 'listings', good]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`Imported 3 listings from ${good} as published: 1 new, 2 updated.\n`);
    },
  );

  it(
    'exports JSON Lines in the interchange format that re-imports into a fresh database',
    { timeout: 240_000 },
    async () => {
      const out = join(dir, 'export.jsonl');
      const run = await cli(a, ['export', 'listings', '--out', out]);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(`Exported 3 listings as jsonl to ${out}.\n`);
      exported = readFileSync(out, 'utf8');
      const records = exported
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string });
      // Newest first; field for field what was imported.
      expect(records).toEqual([lab, { ...buyer, title: `${buyer.title} (500 ml)` }, water]);

      const b = await dataDir('b');
      const imported = await cli(b, ['import', 'listings', out]);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('3 new, 0 updated');
      const again = await cli(b, ['export', 'listings', '--format', 'jsonl']);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(exported);
    },
  );

  it(
    'exports XLSX and CSV with headers and labels in the chosen language',
    { timeout: 120_000 },
    async () => {
      const out = join(dir, 'listings.xlsx');
      const run = await cli(a, ['export', 'listings', '--lang', 'zh', '--out', out, '--region', 'CN-ZJ']);
      expect(run.code).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const sheet = book.getWorksheet('合作信息')!;
      const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
      expect(rows[0]!.slice(1, 10)).toEqual([
        '编号',
        '标题',
        '供需',
        '类别',
        '行业（GB/T 4754）',
        '省份',
        '地区',
        '单位',
        '单位类型',
      ]);
      const labRow = rows.find((r) => r[1] === 'cli-zj-lab')!;
      expect(labRow.slice(3, 7)).toEqual(['供给', '技术', 'C36 汽车制造业', '浙江省']);
      expect(labRow[9]).toBe('科研院所');
      expect(rows).toHaveLength(3);

      const csv = await cli(a, [
        'export',
        'listings',
        '--format',
        'csv',
        '--category',
        'product',
        '--direction',
        'seek',
      ]);
      expect(csv.code).toBe(0);
      const lines = csv.stdout.split('\r\n');
      expect(lines[0]).toMatch(/^\uFEFFReference,Title,Offer or seek,Category,/);
      expect(lines[1]).toMatch(
        /^cli-zj-buyer,Supermarket chain seeks natural mineral water \(500 ml\),Seek,Products,/,
      );
      expect(lines.slice(2)).toEqual(['']);
    },
  );

  it(
    'ranks matches with reasons, in the JSON of the API or as text in Chinese',
    { timeout: 120_000 },
    async () => {
      const json = await cli(a, ['matches', 'cli-jl-water', '--as-of', '2018-03-05', '--json']);
      expect(json.code).toBe(0);
      const body = JSON.parse(json.stdout) as { items: Record<string, unknown>[] };
      expect(body.items.map((i) => i.ref)).toEqual(['cli-zj-buyer']);
      expect(Object.keys(body.items[0]!).sort()).toEqual(
        ['category', 'direction', 'reasons', 'ref', 'region', 'score', 'title'].sort(),
      );

      const text = await cli(a, [
        'matches',
        'cli-jl-water',
        '--as-of',
        '2018-03-05T00:00:00+08:00',
        '--lang',
        'zh',
      ]);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('截至北京时间 2018-03-05 00:00:00 的匹配（对口合作地区）');
      expect(text.stdout).toMatch(/^1\. \d+\.\d{3} {2}cli-zj-buyer {2}浙江省 · 需求 · 产品$/m);
      expect(text.stdout).toContain('- 浙江省是吉林省的对口合作省份');
    },
  );
});
