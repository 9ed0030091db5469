import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../db/client.ts';
import { withDatabase } from './db-global-setup.ts';

/**
 * A fresh migrated database for one test file: PGlite loaded from the run's template, or a new PostgreSQL
 * database cloned from the template when DATABASE_URL is set. Close it in afterAll.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const pgTemplate = inject('pgTemplate');
  if (url && pgTemplate) {
    const name = `cp_t_${randomBytes(8).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${pgTemplate}`);
    } finally {
      await admin.end();
    }
    return openPostgres(withDatabase(url, name));
  }
  const dump = readFileSync(inject('pgliteTemplate'));
  return openPglite(await PGlite.create({ loadDataDir: new Blob([dump]) }));
}

/** A second connection pool to the same database (PostgreSQL only), to act as another app instance. */
export function secondInstance(database: Database): Database | undefined {
  return database.url ? openPostgres(database.url) : undefined;
}
