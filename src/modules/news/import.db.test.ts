import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { importNews, renderImportReport, type ImportNewsOptions } from './news.import.ts';
import { getPublishedArticle } from './news.read.ts';
import { articles } from './schema.ts';

/** expect.stringMatching, typed for object literals. */
const matching = (re: RegExp) => expect.stringMatching(re) as string;

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const REFERENCE = fileURLToPath(
  new URL('../demo/content/2017-09-11-jilin-delegation-in-zhejiang.txt', import.meta.url),
);
const referenceText = readFileSync(REFERENCE, 'utf8');

const CHINESE = [
  '首页 > 新闻 > 通知公告',
  '吉林省代表团赴浙江考察',
  '2017-09-11 10:13:57',
  '',
  '9月6日至7日，吉林省党政代表团赴浙江考察。',
  '【打印】【关闭】',
].join('\n');
const BAD_DATE = referenceText.replace('2017-09-11 10:13:57', '2017-02-30 10:13:57');
const NO_BREADCRUMB = referenceText.split('\n').slice(1).join('\n');

let database: Database;
let dir: string;

/** Writes files into a fresh folder under the test's temp dir; returns the folder. */
function folder(name: string, files: Record<string, string>): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  return path;
}

function run(paths: string[], opts: Partial<ImportNewsOptions> = {}) {
  return importNews(database.db, paths, { actor: SYSTEM, ...opts });
}

async function articleCount(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(articles);
  return row?.n ?? 0;
}

beforeAll(async () => {
  database = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'cp-import-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await database.db.delete(articles);
});

describe('importNews', () => {
  it('imports the reference page as a published English article at its address', async () => {
    const report = await run([REFERENCE]);
    expect(report.invalid).toEqual([]);
    expect(report.imported).toEqual([
      {
        id: matching(/^[0-9a-f-]{36}$/),
        url: matching(/^\/en\/news\/[a-z0-9-]+$/),
        title: 'Jilin Delegation Made an Investigation Trip in Zhejiang',
        language: 'en',
        publishedAt: '2017-09-11T10:13:57+08:00',
        path: REFERENCE,
        created: true,
      },
    ]);
    const slug = report.imported[0]!.url.split('/').pop()!;
    const { article } = await getPublishedArticle(database.db, 'en', slug);
    expect(article.publishedAt?.toISOString()).toBe('2017-09-11T02:13:57.000Z');
    expect(article.section).toBeNull();

    const res = await buildTestApp(database).app.request(report.imported[0]!.url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Jilin Delegation Made an Investigation Trip in Zhejiang');
    expect(html).toContain('promoting Jilin’ s equipment');
  });

  it('re-importing a page updates its article and never adds another', async () => {
    const first = await run([REFERENCE]);
    const again = await run([REFERENCE]);
    expect(again.imported[0]).toMatchObject({ id: first.imported[0]!.id, created: false });

    const edited = folder('edited', {
      'page.txt': referenceText
        .replace('From September 6 to 7', 'From 6 to 7 September')
        .replace(/\n/g, '\r\n'),
    });
    const third = await run([edited]);
    expect(third.imported[0]).toMatchObject({
      id: first.imported[0]!.id,
      url: first.imported[0]!.url,
      created: false,
    });
    expect(await articleCount()).toBe(1);
    const slug = first.imported[0]!.url.split('/').pop()!;
    const { bodyHtml } = await getPublishedArticle(database.db, 'en', slug);
    expect(bodyHtml).toContain('From 6 to 7 September');
  });

  it('imports nothing when any file is bad, and lists every bad file with its line and reason', async () => {
    const pages = folder('mixed', {
      'a-good.txt': referenceText,
      'b-bad-date.txt': BAD_DATE,
      'c-chinese.txt': CHINESE,
      'd-no-breadcrumb.txt': NO_BREADCRUMB,
      'notes.md': 'not a page',
      '.hidden.txt': 'not read',
    });
    const missing = join(dir, 'missing.txt');
    const report = await run([pages, missing]);
    expect(report.files).toBe(4);
    expect(report.imported).toEqual([]);
    expect(report.invalid).toEqual([
      { path: missing, line: null, reason: 'no such file or folder' },
      {
        path: join(pages, 'b-bad-date.txt'),
        line: 3,
        reason: 'bad timestamp: "2017-02-30 10:13:57" is not a date that exists',
      },
      {
        path: join(pages, 'd-no-breadcrumb.txt'),
        line: 1,
        reason: matching(/^missing breadcrumb/),
      },
    ]);
    expect(await articleCount()).toBe(0);

    const printed = renderImportReport(report, { json: true, skipInvalid: false });
    expect(JSON.parse(printed.stdout)).toEqual([]);
    expect(printed.exitCode).toBe(1);
    expect(printed.stderr).toContain(`${join(pages, 'b-bad-date.txt')}:3: bad timestamp`);
    expect(printed.stderr).toContain('use --skip-invalid to import the 2 good files');
  });

  it('with skipInvalid imports the good files and lists the bad ones', async () => {
    const pages = folder('skip', {
      'a-good.txt': referenceText,
      'b-bad.txt': BAD_DATE,
      'c-chinese.txt': CHINESE,
    });
    const report = await run([pages], { skipInvalid: true });
    expect(report.imported.map((a) => [a.language, a.url.slice(0, 9), a.publishedAt])).toEqual([
      ['en', '/en/news/', '2017-09-11T10:13:57+08:00'],
      ['zh', '/zh/news/', '2017-09-11T10:13:57+08:00'],
    ]);
    expect(report.invalid.map((e) => [e.path, e.line])).toEqual([[join(pages, 'b-bad.txt'), 3]]);
    expect(await articleCount()).toBe(2);
    const zh = await getPublishedArticle(database.db, 'zh', report.imported[1]!.url.split('/').pop()!);
    expect(zh.article.section?.key).toBe('notices');

    const printed = renderImportReport(report, { json: false, skipInvalid: true });
    expect(printed.exitCode).toBe(0);
    expect(printed.stdout).toContain('Imported 2 articles (2 new');
    expect(printed.stderr).toContain('warning: 1 file was skipped');
  });

  it('treats an article the news service refuses like a bad file: all rolled back, or skipped', async () => {
    const longTitle = referenceText.replace(
      'Jilin Delegation Made an Investigation Trip in Zhejiang',
      'Jilin Delegation '.repeat(30),
    );
    const pages = folder('refused', { 'a-good.txt': referenceText, 'b-long-title.txt': longTitle });
    const all = await run([pages]);
    expect(all.imported).toEqual([]);
    expect(all.invalid).toEqual([
      { path: join(pages, 'b-long-title.txt'), line: 2, reason: matching(/^title: /) },
    ]);
    expect(await articleCount()).toBe(0);

    const some = await run([pages], { skipInvalid: true });
    expect(some.imported.map((a) => a.path)).toEqual([join(pages, 'a-good.txt')]);
    expect(some.invalid).toHaveLength(1);
    expect(await articleCount()).toBe(1);
  });

  it('puts every article in the --section given, and refuses a section the site does not have', async () => {
    const report = await run([REFERENCE], { section: 'policies' });
    const slug = report.imported[0]!.url.split('/').pop()!;
    expect((await getPublishedArticle(database.db, 'en', slug)).article.section?.key).toBe('policies');

    await expect(run([REFERENCE], { section: 'sport' })).rejects.toMatchObject({
      code: 'validation',
      issues: [
        { field: 'section', message: 'unknown section "sport" (the site has: news, notices, policies)' },
      ],
    });
  });

  it('reports progress for each file read and each article written', async () => {
    const seen: string[] = [];
    await run([REFERENCE], { onProgress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`) });
    expect(seen).toEqual(['read 1/1', 'import 1/1']);
  });
});

describe('counterpart import news (the real CLI in a child process)', () => {
  function cli(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['bin/counterpart.js', 'import', 'news', ...args],
        {
          cwd: ROOT,
          // DATABASE_URL is cleared so the child never writes into a shared PostgreSQL test cluster.
          env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: '0', DATABASE_URL: '' },
          timeout: 90_000,
        },
        (err, stdout, stderr) =>
          resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
      );
    });
  }

  /** A data dir holding the run's migrated PGlite template, which saves the child an initdb (~6 s). */
  async function dataDirFromTemplate(): Promise<string> {
    const dataDir = join(dir, 'cli-data');
    const template = inject('pgliteTemplate');
    if (template) {
      mkdirSync(dataDir, { recursive: true });
      const db = await PGlite.create(join(dataDir, 'pglite'), {
        loadDataDir: new Blob([readFileSync(template)]),
      });
      await db.close();
    }
    return dataDir;
  }

  it(
    'prints the JSON contract, refuses bad files with path:line, and updates on re-import',
    { timeout: 180_000 },
    async () => {
      const dataDir = await dataDirFromTemplate();
      const pages = folder('cli', { 'zh.txt': CHINESE });
      copyFileSync(REFERENCE, join(pages, 'en.txt'));

      const first = await cli([join(pages, 'en.txt'), join(pages, 'zh.txt'), '--json'], dataDir);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      const printed = JSON.parse(first.stdout) as Record<string, unknown>[];
      expect(printed).toHaveLength(2);
      for (const a of printed) {
        expect(Object.keys(a)).toEqual(
          expect.arrayContaining(['id', 'url', 'title', 'language', 'publishedAt']),
        );
        expect(a.publishedAt).toBe('2017-09-11T10:13:57+08:00');
      }
      expect(printed[0]).toMatchObject({
        language: 'en',
        title: 'Jilin Delegation Made an Investigation Trip in Zhejiang',
      });
      expect(printed[0]!.url).toMatch(/^\/en\/news\//);
      expect(printed[1]).toMatchObject({ language: 'zh', title: '吉林省代表团赴浙江考察' });
      expect(printed[1]!.url).toMatch(/^\/zh\/news\//);

      const bad = join(folder('cli-bad', { 'bad.txt': BAD_DATE }), 'bad.txt');
      const refused = await cli([join(pages, 'en.txt'), bad, '--json'], dataDir);
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout)).toEqual([]);
      expect(refused.stderr).toContain(
        `${bad}:3: bad timestamp: "2017-02-30 10:13:57" is not a date that exists`,
      );

      const again = await cli([pages, '--json'], dataDir);
      expect(again.code).toBe(0);
      const ids = (JSON.parse(again.stdout) as { id: string; path: string }[]).map((a) => a.id).sort();
      expect(ids).toEqual(printed.map((a) => a.id).sort());
    },
  );
});
