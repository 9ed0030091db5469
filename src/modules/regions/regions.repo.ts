import { eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { pairings, regions } from './schema.ts';
import { PAIRINGS, PREFECTURES, PROVINCES } from './data.ts';

export type RegionRow = typeof regions.$inferSelect;
export type PairingRow = typeof pairings.$inferSelect;

/** Inserts the reference regions and the programme's pairings where missing; never overwrites edits. */
export async function insertReferenceData(db: DbOrTx): Promise<void> {
  await db
    .insert(regions)
    .values([...PROVINCES, ...PREFECTURES].map((r) => ({ ...r })))
    .onConflictDoNothing();
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(pairings);
  // Pairings are seeded once: after that they belong to the admins, who may edit or delete them.
  if (count === 0) {
    await db
      .insert(pairings)
      .values(PAIRINGS.map((p) => ({ ...p })))
      .onConflictDoNothing();
  }
}

export function listRegions(db: DbOrTx): Promise<RegionRow[]> {
  return db.select().from(regions).orderBy(regions.gbCode);
}

export async function findRegion(db: DbOrTx, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

/** The regions with these codes (any order); none for an empty list. */
export async function findRegions(db: DbOrTx, codes: string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(regions).where(inArray(regions.code, codes));
}

export function listPairings(db: DbOrTx): Promise<PairingRow[]> {
  return db.select().from(pairings).orderBy(pairings.id);
}

export async function findPairing(db: DbOrTx, id: number): Promise<PairingRow | undefined> {
  const [row] = await db.select().from(pairings).where(eq(pairings.id, id));
  return row;
}

/** Pairings in which the region takes part, on either side. */
export function pairingsOf(db: DbOrTx, code: string): Promise<PairingRow[]> {
  return db
    .select()
    .from(pairings)
    .where(or(eq(pairings.aCode, code), eq(pairings.bCode, code)))
    .orderBy(pairings.id);
}

/** Pairings in which any of the regions takes part, on either side. */
export function pairingsOfAny(db: DbOrTx, codes: string[]): Promise<PairingRow[]> {
  return db
    .select()
    .from(pairings)
    .where(or(inArray(pairings.aCode, codes), inArray(pairings.bCode, codes)))
    .orderBy(pairings.id);
}

export async function updatePairing(
  db: DbOrTx,
  id: number,
  values: Partial<Omit<PairingRow, 'id'>>,
): Promise<PairingRow | undefined> {
  const [row] = await db
    .update(pairings)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(pairings.id, id))
    .returning();
  return row;
}

export async function insertPairing(db: DbOrTx, values: typeof pairings.$inferInsert): Promise<PairingRow> {
  const [row] = await db.insert(pairings).values(values).returning();
  return row!;
}

export async function deletePairing(db: DbOrTx, id: number): Promise<void> {
  await db.delete(pairings).where(eq(pairings.id, id));
}
