/** Queries over the projects module's own tables (projects, parties, stage history, milestones, updates). */
import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  like,
  lt,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Party } from './policy.ts';
import { milestones, projectParties, projects, projectStageChanges, projectUpdates } from './schema.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type StageChangeRow = typeof projectStageChanges.$inferSelect;
export type MilestoneRow = typeof milestones.$inferSelect;
export type UpdateRow = typeof projectUpdates.$inferSelect;

export async function insertProject(db: DbOrTx, values: NewProject, parties: readonly Party[]) {
  const [row] = await db.insert(projects).values(values).returning();
  if (!row) throw new Error('project insert returned nothing');
  await db.insert(projectParties).values(parties.map((p) => ({ projectId: row.id, ...p })));
  return row;
}

/** The project, locked for update when asked (writes lock it first, so concurrent ones queue). */
export async function findProject(db: DbOrTx, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(projects).where(eq(projects.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

export async function updateProject(db: DbOrTx, id: string, set: Partial<NewProject>): Promise<ProjectRow> {
  const [row] = await db.update(projects).set(set).where(eq(projects.id, id)).returning();
  if (!row) throw new Error(`project ${id} vanished`);
  return row;
}

/** Each project's parties, by project id. */
export async function partiesOf(db: DbOrTx, ids: readonly string[]): Promise<Map<string, Party[]>> {
  const out = new Map<string, Party[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(projectParties)
    .where(inArray(projectParties.projectId, [...ids]))
    .orderBy(asc(projectParties.regionCode), asc(projectParties.orgId));
  for (const r of rows) out.get(r.projectId)?.push({ orgId: r.orgId, regionCode: r.regionCode });
  return out;
}

export async function insertStageChange(db: DbOrTx, values: typeof projectStageChanges.$inferInsert) {
  await db.insert(projectStageChanges).values(values);
}

/** The latest stage date in a project's history (a step back clears later dates on the project, not here). */
export async function latestStageOn(db: DbOrTx, projectId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ on: sql<string | null>`max(${projectStageChanges.on})` })
    .from(projectStageChanges)
    .where(eq(projectStageChanges.projectId, projectId));
  return row?.on ?? undefined;
}

/**
 * Serialises project creation on one agreement until the transaction ends (a double submit waits for
 * the first, then sees its project). An advisory lock, because the agreement's row is another module's.
 */
export async function lockAgreementForProjects(tx: DbOrTx, agreementId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`project-agreement:${agreementId}`}, 0))`,
  );
}

/** How many projects are built on an agreement. */
export async function projectsOnAgreement(db: DbOrTx, agreementId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(projects).where(eq(projects.agreementId, agreementId));
  return row?.n ?? 0;
}

export function stageHistory(db: DbOrTx, projectId: string): Promise<StageChangeRow[]> {
  return db
    .select()
    .from(projectStageChanges)
    .where(eq(projectStageChanges.projectId, projectId))
    .orderBy(asc(projectStageChanges.id));
}

export async function insertMilestones(db: DbOrTx, values: (typeof milestones.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(milestones).values(values).returning();
}

export function milestonesOf(db: DbOrTx, projectId: string): Promise<MilestoneRow[]> {
  return db
    .select()
    .from(milestones)
    .where(eq(milestones.projectId, projectId))
    .orderBy(asc(milestones.dueOn), asc(milestones.createdAt), asc(milestones.id));
}

export async function findMilestone(db: DbOrTx, projectId: string, id: string) {
  const [row] = await db
    .select()
    .from(milestones)
    .where(and(eq(milestones.projectId, projectId), eq(milestones.id, id)))
    .for('update');
  return row;
}

export async function setMilestoneDone(db: DbOrTx, id: string, doneOn: string): Promise<MilestoneRow> {
  const [row] = await db.update(milestones).set({ doneOn }).where(eq(milestones.id, id)).returning();
  return row!;
}

export async function insertUpdate(
  db: DbOrTx,
  values: typeof projectUpdates.$inferInsert,
): Promise<UpdateRow> {
  const [row] = await db.insert(projectUpdates).values(values).returning();
  return row!;
}

export function updatesOf(db: DbOrTx, projectId: string, opts: { approvedOnly: boolean }) {
  const own = eq(projectUpdates.projectId, projectId);
  return db
    .select()
    .from(projectUpdates)
    .where(opts.approvedOnly ? and(own, eq(projectUpdates.status, 'approved')) : own)
    .orderBy(desc(projectUpdates.submittedAt), desc(projectUpdates.id));
}

export async function findUpdate(db: DbOrTx, projectId: string, id: string) {
  const [row] = await db
    .select()
    .from(projectUpdates)
    .where(and(eq(projectUpdates.projectId, projectId), eq(projectUpdates.id, id)))
    .for('update');
  return row;
}

export async function setUpdateReview(
  db: DbOrTx,
  id: string,
  set: Pick<UpdateRow, 'status' | 'reviewedBy' | 'reviewedByName' | 'reviewedAt' | 'reviewNote'>,
): Promise<UpdateRow> {
  const [row] = await db.update(projectUpdates).set(set).where(eq(projectUpdates.id, id)).returning();
  return row!;
}

export interface ProjectFilter {
  stage?: ProjectRow['stage'] | undefined;
  /** The project's own region (where it is built). */
  region?: string | undefined;
  category?: ProjectRow['category'] | undefined;
  /** A division (C15) or a section letter (C). */
  sector?: string | undefined;
  q?: string | undefined;
  publishedOnly?: boolean;
  /** Projects any of whose parties is this organisation / of this region. */
  partyOrg?: string | undefined;
  partyRegion?: string | undefined;
  /** Projects with a party of this region (other than `partyOrg`, when given). */
  counterpartRegion?: string | undefined;
  /** Only projects with a milestone past due on this date and not done. */
  overdueOn?: string | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function whereOf(f: ProjectFilter): SQL | undefined {
  const clauses: (SQL | undefined)[] = [];
  if (f.publishedOnly) clauses.push(eq(projects.published, true));
  if (f.stage) clauses.push(eq(projects.stage, f.stage));
  if (f.region) clauses.push(eq(projects.regionCode, f.region));
  if (f.category) clauses.push(eq(projects.category, f.category));
  if (f.sector) {
    clauses.push(
      f.sector.length === 1 ? like(projects.sector, `${f.sector}%`) : eq(projects.sector, f.sector),
    );
  }
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    clauses.push(or(ilike(projects.title, pattern), ilike(projects.summary, pattern)));
  }
  const partyWhere = (cond: SQL | undefined) =>
    sql`${projects.id} in (select ${projectParties.projectId} from ${projectParties} where ${cond})`;
  if (f.partyOrg) clauses.push(partyWhere(eq(projectParties.orgId, f.partyOrg)));
  if (f.partyRegion) clauses.push(partyWhere(eq(projectParties.regionCode, f.partyRegion)));
  if (f.counterpartRegion) {
    clauses.push(
      partyWhere(
        and(
          eq(projectParties.regionCode, f.counterpartRegion),
          f.partyOrg ? ne(projectParties.orgId, f.partyOrg) : undefined,
        ),
      ),
    );
  }
  if (f.overdueOn) {
    clauses.push(sql`exists (select 1 from ${milestones} where ${milestones.projectId} = ${projects.id}
      and ${milestones.doneOn} is null and ${milestones.dueOn} < ${f.overdueOn})`);
  }
  return and(...clauses);
}

/** A page of projects matching the filter, most recently changed first, with the total. */
export async function findProjects(
  db: DbOrTx,
  f: ProjectFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: ProjectRow[]; total: number }> {
  const where = whereOf(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(projects)
      .where(where)
      .orderBy(desc(projects.updatedAt), desc(projects.id))
      .offset(page.offset)
      .limit(page.limit),
    db.select({ n: count() }).from(projects).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** How many milestones of each project are past due on `today` and not done. */
export async function overdueCounts(db: DbOrTx, ids: readonly string[], today: string) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ projectId: milestones.projectId, n: count() })
    .from(milestones)
    .where(
      and(inArray(milestones.projectId, [...ids]), isNull(milestones.doneOn), lt(milestones.dueOn, today)),
    )
    .groupBy(milestones.projectId);
  return new Map(rows.map((r) => [r.projectId, r.n]));
}

/** How many updates of each project wait for approval. */
export async function pendingCounts(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ projectId: projectUpdates.projectId, n: count() })
    .from(projectUpdates)
    .where(and(inArray(projectUpdates.projectId, [...ids]), eq(projectUpdates.status, 'pending')))
    .groupBy(projectUpdates.projectId);
  return new Map(rows.map((r) => [r.projectId, r.n]));
}

/**
 * Pending updates, oldest first, with their project's title; only those submitted for an organisation of
 * `regionCode` (the party's region as the project recorded it) unless it is null (every region).
 */
export function pendingUpdates(db: DbOrTx, regionCode: string | null) {
  const pending = eq(projectUpdates.status, 'pending');
  return db
    .select({
      update: projectUpdates,
      projectTitle: projects.title,
      projectLanguage: projects.language,
      regionCode: projectParties.regionCode,
    })
    .from(projectUpdates)
    .innerJoin(projects, eq(projects.id, projectUpdates.projectId))
    .innerJoin(
      projectParties,
      and(
        eq(projectParties.projectId, projectUpdates.projectId),
        eq(projectParties.orgId, projectUpdates.orgId),
      ),
    )
    .where(regionCode === null ? pending : and(pending, eq(projectParties.regionCode, regionCode)))
    .orderBy(asc(projectUpdates.submittedAt), asc(projectUpdates.id));
}

/** Milestones past due on `today`, not done and not yet announced, with their project; locked, skipping locked ones. */
export function unannouncedOverdue(db: DbOrTx, today: string, limit: number) {
  return db
    .select({ milestone: milestones, projectTitle: projects.title, projectId: projects.id })
    .from(milestones)
    .innerJoin(projects, eq(projects.id, milestones.projectId))
    .where(
      and(
        isNull(milestones.doneOn),
        isNull(milestones.overdueNotifiedAt),
        lt(milestones.dueOn, today),
        ne(projects.stage, 'cancelled'),
      ),
    )
    .orderBy(asc(milestones.dueOn), asc(milestones.id))
    .limit(limit)
    .for('update', { of: milestones, skipLocked: true });
}

export async function markOverdueNotified(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(milestones).set({ overdueNotifiedAt: at }).where(eq(milestones.id, id));
}

/** Every project id, oldest first (for the operator's export). */
export async function allProjects(db: DbOrTx, f: ProjectFilter): Promise<ProjectRow[]> {
  return db.select().from(projects).where(whereOf(f)).orderBy(asc(projects.createdAt), asc(projects.id));
}
