/** Queries over the visits module's own tables (visits, participants, meetings, articles, areas, links). */
import { and, asc, count, desc, eq, gte, inArray, lt, lte, max, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import {
  agreedAreaLinks,
  agreedAreas,
  visitArticles,
  visitMeetings,
  visitParticipants,
  visits,
} from './schema.ts';

export type VisitRow = typeof visits.$inferSelect;
export type NewVisit = typeof visits.$inferInsert;
export type ParticipantRow = typeof visitParticipants.$inferSelect;
export type MeetingRow = typeof visitMeetings.$inferSelect;
export type AreaRow = typeof agreedAreas.$inferSelect;
export type LinkRow = typeof agreedAreaLinks.$inferSelect;
export type VisitArticleRow = typeof visitArticles.$inferSelect;

export async function findVisit(
  db: DbOrTx,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<VisitRow | undefined> {
  const q = db.select().from(visits).where(eq(visits.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}

export async function insertVisit(db: DbOrTx, values: NewVisit): Promise<VisitRow> {
  const [row] = await db.insert(visits).values(values).returning();
  return row!;
}

export async function updateVisit(db: DbOrTx, id: string, values: Partial<NewVisit>): Promise<VisitRow> {
  const [row] = await db.update(visits).set(values).where(eq(visits.id, id)).returning();
  return row!;
}

export function participantsOf(db: DbOrTx, visitId: string): Promise<ParticipantRow[]> {
  return db
    .select()
    .from(visitParticipants)
    .where(eq(visitParticipants.visitId, visitId))
    .orderBy(asc(visitParticipants.position));
}

/** Appends participants after the visit's last one, in the order given. */
export async function appendParticipants(
  db: DbOrTx,
  visitId: string,
  rows: Omit<typeof visitParticipants.$inferInsert, 'visitId' | 'position'>[],
): Promise<ParticipantRow[]> {
  if (rows.length === 0) return [];
  const [last] = await db
    .select({ n: max(visitParticipants.position) })
    .from(visitParticipants)
    .where(eq(visitParticipants.visitId, visitId));
  const start = (last?.n ?? 0) + 1;
  return db
    .insert(visitParticipants)
    .values(rows.map((r, i) => ({ ...r, visitId, position: start + i })))
    .returning();
}

export function meetingsOf(db: DbOrTx, visitId: string): Promise<MeetingRow[]> {
  return db
    .select()
    .from(visitMeetings)
    .where(eq(visitMeetings.visitId, visitId))
    .orderBy(asc(visitMeetings.position));
}

/** Replaces the visit's meetings with these, in this order. */
export async function replaceMeetings(
  db: DbOrTx,
  visitId: string,
  rows: Omit<typeof visitMeetings.$inferInsert, 'visitId' | 'position'>[],
): Promise<MeetingRow[]> {
  await db.delete(visitMeetings).where(eq(visitMeetings.visitId, visitId));
  if (rows.length === 0) return [];
  return db
    .insert(visitMeetings)
    .values(rows.map((r, i) => ({ ...r, visitId, position: i + 1 })))
    .returning();
}

export function articlesOf(db: DbOrTx, visitIds: readonly string[]): Promise<VisitArticleRow[]> {
  if (visitIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(visitArticles)
    .where(inArray(visitArticles.visitId, [...visitIds]))
    .orderBy(asc(visitArticles.linkedAt));
}

export function visitIdsOfArticle(db: DbOrTx, articleId: string): Promise<{ visitId: string }[]> {
  return db
    .select({ visitId: visitArticles.visitId })
    .from(visitArticles)
    .where(eq(visitArticles.articleId, articleId));
}

/** Links an article; false when it was linked already. */
export async function insertArticleLink(
  db: DbOrTx,
  values: typeof visitArticles.$inferInsert,
): Promise<boolean> {
  const rows = await db.insert(visitArticles).values(values).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function deleteArticleLink(db: DbOrTx, visitId: string, articleId: string): Promise<boolean> {
  const rows = await db
    .delete(visitArticles)
    .where(and(eq(visitArticles.visitId, visitId), eq(visitArticles.articleId, articleId)))
    .returning();
  return rows.length > 0;
}

export function areasOf(db: DbOrTx, visitIds: readonly string[]): Promise<AreaRow[]> {
  if (visitIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(agreedAreas)
    .where(inArray(agreedAreas.visitId, [...visitIds]))
    .orderBy(asc(agreedAreas.visitId), asc(agreedAreas.position));
}

export async function findArea(db: DbOrTx, visitId: string, areaId: string): Promise<AreaRow | undefined> {
  const [row] = await db
    .select()
    .from(agreedAreas)
    .where(and(eq(agreedAreas.visitId, visitId), eq(agreedAreas.id, areaId)));
  return row;
}

export async function insertArea(
  db: DbOrTx,
  values: Omit<typeof agreedAreas.$inferInsert, 'position'>,
): Promise<AreaRow> {
  const [last] = await db
    .select({ n: max(agreedAreas.position) })
    .from(agreedAreas)
    .where(eq(agreedAreas.visitId, values.visitId));
  const [row] = await db
    .insert(agreedAreas)
    .values({ ...values, position: (last?.n ?? 0) + 1 })
    .returning();
  return row!;
}

export async function touchArea(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(agreedAreas).set({ updatedAt: at }).where(eq(agreedAreas.id, id));
}

export function linksOf(db: DbOrTx, areaIds: readonly string[]): Promise<LinkRow[]> {
  if (areaIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(agreedAreaLinks)
    .where(inArray(agreedAreaLinks.areaId, [...areaIds]))
    .orderBy(asc(agreedAreaLinks.seq));
}

/** Inserts a link; undefined when the area links that record already. */
export async function insertLink(
  db: DbOrTx,
  values: typeof agreedAreaLinks.$inferInsert,
): Promise<LinkRow | undefined> {
  const [row] = await db.insert(agreedAreaLinks).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteLink(db: DbOrTx, areaId: string, linkId: string): Promise<LinkRow | undefined> {
  const [row] = await db
    .delete(agreedAreaLinks)
    .where(and(eq(agreedAreaLinks.areaId, areaId), eq(agreedAreaLinks.id, linkId)))
    .returning();
  return row;
}

export interface VisitFilter {
  /** Host or visiting region (a province code). */
  region?: string | undefined;
  /** Host or visiting region among these. */
  regions?: readonly string[] | undefined;
  /** Both sides: each a region code or a prefecture's code (matched on the visit's area). */
  between?: readonly [string, string] | undefined;
  year?: number | undefined;
  /** Ending on or after this day (upcoming and current) or before it (past). */
  upcomingOn?: string | undefined;
  pastOn?: string | undefined;
  /** Starting within these days (inclusive). */
  from?: string | undefined;
  to?: string | undefined;
  /** Published ones, plus unpublished ones of these regions (their coordinators'); `all` for admins. */
  visibleTo: { publishedOnly: true } | { regions: readonly string[] } | 'all';
}

/** A side of a pairing (region or prefecture code) as a condition on one side of a visit. */
function sideIs(code: string, region: AnyPgColumn, area: AnyPgColumn): SQL {
  return /^\d{6}$/.test(code) ? sql`left(${area}, 4) = ${code.slice(0, 4)}` : eq(region, code);
}

function where(f: VisitFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (f.visibleTo !== 'all') {
    conds.push(
      'publishedOnly' in f.visibleTo
        ? eq(visits.published, true)
        : or(
            eq(visits.published, true),
            ...(f.visibleTo.regions.length > 0
              ? [
                  inArray(visits.hostRegionCode, [...f.visibleTo.regions]),
                  inArray(visits.visitingRegionCode, [...f.visibleTo.regions]),
                ]
              : []),
          ),
    );
  }
  if (f.region) conds.push(or(eq(visits.hostRegionCode, f.region), eq(visits.visitingRegionCode, f.region)));
  if (f.regions) {
    conds.push(
      or(inArray(visits.hostRegionCode, [...f.regions]), inArray(visits.visitingRegionCode, [...f.regions])),
    );
  }
  if (f.between) {
    const [a, b] = f.between;
    const host = (c: string) => sideIs(c, visits.hostRegionCode, visits.hostAreaCode);
    const visiting = (c: string) => sideIs(c, visits.visitingRegionCode, visits.visitingAreaCode);
    conds.push(or(and(host(a), visiting(b)), and(host(b), visiting(a))));
  }
  if (f.year) {
    conds.push(gte(visits.startsOn, `${f.year}-01-01`), lt(visits.startsOn, `${f.year + 1}-01-01`));
  }
  if (f.upcomingOn) conds.push(gte(visits.endsOn, f.upcomingOn));
  if (f.pastOn) conds.push(lt(visits.endsOn, f.pastOn));
  if (f.from) conds.push(gte(visits.startsOn, f.from));
  if (f.to) conds.push(lte(visits.startsOn, f.to));
  return and(...conds);
}

/** A page of visits: upcoming ones soonest first, others latest first. */
export async function findVisits(
  db: DbOrTx,
  f: VisitFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: VisitRow[]; total: number }> {
  const w = where(f);
  const order = f.upcomingOn
    ? [asc(visits.startsOn), asc(visits.id)]
    : [desc(visits.startsOn), asc(visits.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(visits)
      .where(w)
      .orderBy(...order)
      .offset(page.offset)
      .limit(page.limit),
    db.select({ n: count() }).from(visits).where(w),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every visit matching the filter, oldest first (exports and statistics). */
export function allVisits(db: DbOrTx, f: VisitFilter): Promise<VisitRow[]> {
  return db.select().from(visits).where(where(f)).orderBy(asc(visits.startsOn), asc(visits.id));
}

/** Published visits by id (the article page's visits). */
export function visitsByIds(db: DbOrTx, ids: readonly string[]): Promise<VisitRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(visits)
    .where(inArray(visits.id, [...ids]))
    .orderBy(desc(visits.startsOn));
}

/** How many participants each visit has. */
export async function participantCounts(
  db: DbOrTx,
  visitIds: readonly string[],
): Promise<Map<string, number>> {
  if (visitIds.length === 0) return new Map();
  const rows = await db
    .select({ visitId: visitParticipants.visitId, n: count() })
    .from(visitParticipants)
    .where(inArray(visitParticipants.visitId, [...visitIds]))
    .groupBy(visitParticipants.visitId);
  return new Map(rows.map((r) => [r.visitId, r.n]));
}

export async function visitIdTitled(
  db: DbOrTx,
  titleEn: string,
  startsOn: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: visits.id })
    .from(visits)
    .where(and(eq(visits.titleEn, titleEn), eq(visits.startsOn, startsOn)))
    .limit(1);
  return row?.id;
}
