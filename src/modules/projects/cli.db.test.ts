import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPglite } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { buildTestApp } from '../../test/app.ts';
import { createProject } from './projects.service.ts';
import { actingAs, makePair, projectInput } from './testing.ts';

// The real `counterpart export projects` in a child process, over a PGlite data directory holding one
// unpublished project (the operator's export includes it).

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;
let dataDir: string;

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/counterpart.js', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: '0', DATABASE_URL: '' },
        timeout: 120_000,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cp-projects-cli-'));
  dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  // The run's migrated PGlite template when there is one; under DATABASE_URL (the PostgreSQL suite) there
  // is none, so the child's own data dir is migrated here instead (the child always uses PGlite).
  const template = inject('pgliteTemplate');
  const client = await PGlite.create(
    join(dataDir, 'pglite'),
    template ? { loadDataDir: new Blob([readFileSync(template)]) } : {},
  );
  const database = openPglite(client);
  if (!template) await migrate(database);
  const deps = buildTestApp(database).deps;
  const pair = await makePair(database, { confirmed: true });
  const member = await actingAs(database, 'member', { orgId: pair.jlOrg });
  await createProject(
    deps,
    member,
    pair.agreementId,
    projectInput({ published: false, contractedInvestmentCny: 7_654_321 }),
  );
  await database.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('counterpart export projects', () => {
  it('writes every project as CSV (zh) to standard output and as XLSX to a file', async () => {
    const csv = await cli(['export', 'projects', '--format', 'csv', '--lang', 'zh']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('合同投资（元）');
    expect(csv.stdout).toContain('Mineral water bottling line in Antu,已签约,资本');
    expect(csv.stdout).toContain('7654321');
    expect(csv.stderr).toContain('Exported 1 project as csv');

    const out = join(dir, 'projects.xlsx');
    const xlsx = await cli(['export', 'projects', '--out', out]);
    expect(xlsx.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets[0]!.getRow(2).values).toContain(7_654_321);

    const bad = await cli(['export', 'projects', '--format', 'pdf']);
    expect(bad.code).not.toBe(0);
  });
});
