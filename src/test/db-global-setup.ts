import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a migrated data-dir dump that each test file loads. */
    pgliteTemplate: string;
    /** PostgreSQL: name of a migrated template database that each test file clones. */
    pgTemplate: string;
  }
}

const TMP = join(process.cwd(), '.tmp');

/**
 * Migrates once per run so that each test file starts from a fresh, migrated database cheaply:
 * a dumped PGlite data dir, or a PostgreSQL template database when DATABASE_URL is set.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `cp_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const database = openPostgres(withDatabase(url, template));
    await migrate(database);
    await database.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteTemplate', '');
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'cp\\_t\\_%' or datname = $1`,
        [template],
      );
      for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    };
  }
  if (process.env.REQUIRE_PG === '1') {
    throw new Error('REQUIRE_PG=1 but DATABASE_URL is not set: the PostgreSQL suite cannot run');
  }
  mkdirSync(TMP, { recursive: true });
  const client = await PGlite.create();
  await migrate(openPglite(client));
  const dump = await client.dumpDataDir('none');
  const file = join(TMP, `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  return () => {
    rmSync(file, { force: true });
    return Promise.resolve();
  };
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
