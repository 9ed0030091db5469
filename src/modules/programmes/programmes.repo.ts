/** Queries over the programmes module's own tables (programmes, indicators, period targets, reports, values). */
import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  indicatorPeriodTargets,
  programmeIndicators,
  programmeReports,
  programmes,
  reportValues,
} from './schema.ts';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type IndicatorRow = typeof programmeIndicators.$inferSelect;
export type PeriodTargetRow = typeof indicatorPeriodTargets.$inferSelect;
export type ReportRow = typeof programmeReports.$inferSelect;
export type ValueRow = typeof reportValues.$inferSelect;

export async function insertProgramme(db: DbOrTx, values: typeof programmes.$inferInsert) {
  const [row] = await db.insert(programmes).values(values).returning();
  if (!row) throw new Error('programme insert returned nothing');
  return row;
}

/** The programme, locked for update when asked (writes lock it first, so concurrent ones queue). */
export async function findProgramme(db: DbOrTx, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(programmes).where(eq(programmes.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

export async function touchProgramme(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(programmes).set({ updatedAt: at }).where(eq(programmes.id, id));
}

/** Programmes, newest start first, optionally of one pairing. */
export function listProgrammes(db: DbOrTx, filter: { pairingId?: number | undefined } = {}) {
  return db
    .select()
    .from(programmes)
    .where(filter.pairingId === undefined ? undefined : eq(programmes.pairingId, filter.pairingId))
    .orderBy(desc(programmes.startOn), asc(programmes.titleEn), asc(programmes.id));
}

export async function findProgrammeTitled(db: DbOrTx, pairingId: number, titleEn: string) {
  const [row] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.pairingId, pairingId), eq(programmes.titleEn, titleEn)));
  return row?.id;
}

export async function insertIndicator(
  db: DbOrTx,
  values: Omit<typeof programmeIndicators.$inferInsert, 'position'>,
  targets: readonly { period: string; target: number }[],
): Promise<IndicatorRow> {
  const [last] = await db
    .select({ n: max(programmeIndicators.position) })
    .from(programmeIndicators)
    .where(eq(programmeIndicators.programmeId, values.programmeId));
  const [row] = await db
    .insert(programmeIndicators)
    .values({ ...values, position: (last?.n ?? 0) + 1 })
    .returning();
  if (!row) throw new Error('indicator insert returned nothing');
  if (targets.length > 0) {
    await db.insert(indicatorPeriodTargets).values(targets.map((t) => ({ indicatorId: row.id, ...t })));
  }
  return row;
}

/** The indicators of some programmes, in page order. */
export function indicatorsOf(db: DbOrTx, programmeIds: readonly string[]): Promise<IndicatorRow[]> {
  if (programmeIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(programmeIndicators)
    .where(inArray(programmeIndicators.programmeId, [...programmeIds]))
    .orderBy(asc(programmeIndicators.programmeId), asc(programmeIndicators.position));
}

export function periodTargetsOf(db: DbOrTx, indicatorIds: readonly string[]): Promise<PeriodTargetRow[]> {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(indicatorPeriodTargets)
    .where(inArray(indicatorPeriodTargets.indicatorId, [...indicatorIds]))
    .orderBy(asc(indicatorPeriodTargets.period));
}

/** The reports of some programmes, by period. */
export function reportsOf(db: DbOrTx, programmeIds: readonly string[]): Promise<ReportRow[]> {
  if (programmeIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(programmeReports)
    .where(inArray(programmeReports.programmeId, [...programmeIds]))
    .orderBy(asc(programmeReports.programmeId), asc(programmeReports.period));
}

export function valuesOf(db: DbOrTx, reportIds: readonly string[]): Promise<ValueRow[]> {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(reportValues)
    .where(inArray(reportValues.reportId, [...reportIds]));
}

export async function findReport(db: DbOrTx, programmeId: string, id: string) {
  const [row] = await db
    .select()
    .from(programmeReports)
    .where(and(eq(programmeReports.programmeId, programmeId), eq(programmeReports.id, id)))
    .for('update');
  return row;
}

export async function insertReport(db: DbOrTx, values: typeof programmeReports.$inferInsert) {
  const [row] = await db.insert(programmeReports).values(values).returning();
  if (!row) throw new Error('report insert returned nothing');
  return row;
}

export async function updateReport(
  db: DbOrTx,
  id: string,
  set: Partial<typeof programmeReports.$inferInsert>,
): Promise<ReportRow> {
  const [row] = await db.update(programmeReports).set(set).where(eq(programmeReports.id, id)).returning();
  if (!row) throw new Error(`report ${id} vanished`);
  return row;
}

/** Replaces a report's values. */
export async function setValues(
  db: DbOrTx,
  reportId: string,
  values: readonly { indicatorId: string; value: number }[],
): Promise<void> {
  await db.delete(reportValues).where(eq(reportValues.reportId, reportId));
  if (values.length > 0) await db.insert(reportValues).values(values.map((v) => ({ reportId, ...v })));
}
