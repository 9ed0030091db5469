import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './client.ts';
import type { Schema } from './client.ts';
import { seedReferenceData } from '../modules/regions/regions.service.ts';
import { seedNewsSections } from '../modules/news/sections.service.ts';
import { seedGlossary } from '../modules/taxonomy/glossary.service.ts';
import { queueReanalysis } from '../modules/listings/reanalyze.ts';

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
const MIGRATION_LOCK = 7_417_001;

/**
 * Applies the committed SQL migrations, then the reference data (regions, pairings, taxonomies) that every
 * database holds whichever command created it. Idempotent; safe when several instances start at once.
 */
export async function migrate(database: Database): Promise<void> {
  await database.withExclusiveLock(MIGRATION_LOCK, async (db) => {
    if (database.kind === 'pglite') {
      await migratePglite(db as PgliteDatabase<Schema>, { migrationsFolder: MIGRATIONS });
    } else {
      await migratePg(db as NodePgDatabase<Schema>, { migrationsFolder: MIGRATIONS });
    }
    await seedReferenceData(db);
    await seedNewsSections(db);
    if ((await seedGlossary(db)) > 0) await queueReanalysis(db);
  });
}
