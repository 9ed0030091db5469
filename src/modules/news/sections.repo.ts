import { asc, eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { newsSections } from './schema.ts';

export type SectionRow = typeof newsSections.$inferSelect;

export const DEFAULT_SECTIONS = [
  { key: 'news', nameEn: 'News', nameZh: '新闻', position: 1 },
  { key: 'notices', nameEn: 'Notices', nameZh: '通知公告', position: 2 },
  { key: 'policies', nameEn: 'Policies', nameZh: '政策文件', position: 3 },
];

/** Adds the default sections where missing; never overwrites admins' renames. */
export async function insertDefaultSections(db: DbOrTx): Promise<void> {
  await db.insert(newsSections).values(DEFAULT_SECTIONS).onConflictDoNothing({ target: newsSections.key });
}

export function listSections(db: DbOrTx): Promise<SectionRow[]> {
  return db.select().from(newsSections).orderBy(asc(newsSections.position), asc(newsSections.id));
}

export async function findSectionByKey(db: DbOrTx, key: string): Promise<SectionRow | undefined> {
  const [row] = await db.select().from(newsSections).where(eq(newsSections.key, key));
  return row;
}

export async function findSection(db: DbOrTx, id: number): Promise<SectionRow | undefined> {
  const [row] = await db.select().from(newsSections).where(eq(newsSections.id, id));
  return row;
}

export async function insertSection(
  db: DbOrTx,
  values: Omit<typeof newsSections.$inferInsert, 'position'>,
): Promise<SectionRow> {
  const [last] = await db.select({ p: max(newsSections.position) }).from(newsSections);
  const [row] = await db
    .insert(newsSections)
    .values({ ...values, position: (last?.p ?? 0) + 1 })
    .returning();
  return row!;
}

export async function updateSection(
  db: DbOrTx,
  id: number,
  values: Partial<typeof newsSections.$inferInsert>,
): Promise<SectionRow> {
  const [row] = await db.update(newsSections).set(values).where(eq(newsSections.id, id)).returning();
  return row!;
}
