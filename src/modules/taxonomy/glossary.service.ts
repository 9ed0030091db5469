/**
 * The glossary in the database: seeded from glossary.data.ts, edited by admins, read by the matcher. Every
 * instance reads the same rows; the in-process copy is only a cache keyed by the table's version.
 */
import { asc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { GLOSSARY, type GlossaryEntry } from './glossary.data.ts';
import { glossaryEntries } from './schema.ts';

/** Inserts the seed entries that are missing; never overwrites what admins edited. */
export async function seedGlossary(db: DbOrTx): Promise<void> {
  const rows = GLOSSARY.map((e) => ({
    id: e.id,
    zh: e.zh,
    en: e.en,
    sectors: e.sectors ?? [],
    broader: e.broader ?? null,
    // One fixed time for seed rows, so every database seeded alike has the same glossary version.
    updatedAt: new Date('2017-09-01T00:00:00Z'),
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insert(glossaryEntries)
      .values(rows.slice(i, i + 200))
      .onConflictDoNothing();
  }
}

/** A fingerprint of the glossary's content: changes on every add, edit and delete. */
export async function glossaryVersion(db: DbOrTx): Promise<string> {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      at: sql<string | null>`max(${glossaryEntries.updatedAt})::text`,
    })
    .from(glossaryEntries);
  return `${row?.n ?? 0}@${row?.at ?? ''}`;
}

export interface LoadedGlossary {
  version: string;
  entries: readonly GlossaryEntry[];
}

let cached: LoadedGlossary | undefined;

/** The current glossary: read again only when its version has changed since the last read. */
export async function currentGlossary(db: DbOrTx): Promise<LoadedGlossary> {
  const version = await glossaryVersion(db);
  if (cached?.version === version) return cached;
  const rows = await db.select().from(glossaryEntries).orderBy(asc(glossaryEntries.id));
  const entries: GlossaryEntry[] = rows.map((r) => {
    const e: GlossaryEntry = { id: r.id, zh: r.zh, en: r.en };
    if (r.sectors.length > 0) e.sectors = r.sectors;
    if (r.broader !== null) e.broader = r.broader;
    return e;
  });
  cached = { version, entries };
  return cached;
}
