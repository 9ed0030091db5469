/**
 * The glossary in the database: seeded from glossary.data.ts, edited by admins, read by the matcher. Every
 * instance reads the same rows; the in-process copy is only a cache keyed by the table's version. Each
 * admin write changes the version and, in the same transaction, queues the re-analysis of listings.
 */
import { z } from '@hono/zod-openapi';
import { and, asc, count, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import type { Deps } from '../../web/env.ts';
import { actorOf, type UseCaseContext } from '../accounts/context.ts';
import { authorize } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { enqueueJob } from '../jobs/jobs.service.ts';
import { GLOSSARY, type GlossaryEntry } from './glossary.data.ts';
import { deleteProblem, entryIssues, normaliseDraft, splitCodes, splitTerms } from './glossary.rules.ts';
import { canEditGlossary } from './policy.ts';
import { glossaryEntries } from './schema.ts';

/** The job that re-analyses listings after a glossary change (handled in listings/reanalyze.ts). */
export const REANALYZE_JOB = 'listings.reanalyze';

export type GlossaryRow = typeof glossaryEntries.$inferSelect;

/**
 * Inserts the seed entries that are missing (never overwriting what admins edited) and returns how many
 * (the caller then has listings analysed with the older glossary re-analysed).
 */
export async function seedGlossary(db: DbOrTx): Promise<number> {
  const rows = GLOSSARY.map((e) => ({
    id: e.id,
    zh: e.zh,
    en: e.en,
    sectors: e.sectors ?? [],
    broader: e.broader ?? null,
    // One fixed time for seed rows, so every database seeded alike has the same glossary version.
    updatedAt: new Date('2017-09-01T00:00:00Z'),
  }));
  let added = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const inserted = await db
      .insert(glossaryEntries)
      .values(rows.slice(i, i + 200))
      .onConflictDoNothing()
      .returning({ id: glossaryEntries.id });
    added += inserted.length;
  }
  return added;
}

/**
 * A fingerprint of the glossary's content: changes on every add, edit and delete, since each admin write
 * stamps a row later than every stored one (and a delete keeps its row; see LIVE).
 */
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

/** A deleted entry: kept without terms, so seeding at the next start does not bring a seed entry back. */
const LIVE = sql`cardinality(${glossaryEntries.zh}) > 0`;

/** The current glossary: read again only when its version has changed since the last read. */
export async function currentGlossary(db: DbOrTx): Promise<LoadedGlossary> {
  const version = await glossaryVersion(db);
  if (cached?.version === version) return cached;
  const rows = await db.select().from(glossaryEntries).where(LIVE).orderBy(asc(glossaryEntries.id));
  cached = { version, entries: rows.map(entryOf) };
  return cached;
}

function entryOf(r: GlossaryRow): GlossaryEntry {
  const e: GlossaryEntry = { id: r.id, zh: r.zh, en: r.en };
  if (r.sectors.length > 0) e.sectors = r.sectors;
  if (r.broader !== null) e.broader = r.broader;
  return e;
}

/** Searches entries by identifier, term (substring, any case) or sector code; a page of them in id order. */
export async function searchGlossary(
  db: DbOrTx,
  opts: { q?: string | undefined; page: number; pageSize: number },
): Promise<{ rows: GlossaryRow[]; total: number }> {
  const q = opts.q?.trim() ?? '';
  let where: SQL | undefined = LIVE;
  if (q !== '') {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const matches = or(
      sql`${glossaryEntries.id} ilike ${like}`,
      sql`array_to_string(${glossaryEntries.zh}, chr(10)) ilike ${like}`,
      sql`array_to_string(${glossaryEntries.en}, chr(10)) ilike ${like}`,
      sql`${q.toUpperCase()} = any(${glossaryEntries.sectors})`,
    );
    where = and(LIVE, matches);
  }
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(glossaryEntries)
      .where(where)
      .orderBy(asc(glossaryEntries.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(glossaryEntries).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The entry with this identifier, or `not_found`. */
export async function getGlossaryEntry(db: DbOrTx, id: string): Promise<GlossaryRow> {
  const [row] = await db
    .select()
    .from(glossaryEntries)
    .where(and(eq(glossaryEntries.id, id), LIVE));
  if (!row) throw new AppError('not_found');
  return row;
}

/** The identifiers of all entries, in order (suggestions for a broader entry). */
export async function glossaryIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: glossaryEntries.id })
    .from(glossaryEntries)
    .where(LIVE)
    .orderBy(asc(glossaryEntries.id));
  return rows.map((r) => r.id);
}

/** An entry as the form posts it: terms one per line (or comma-separated), sector codes space-separated. */
export const GlossaryForm = z.object({
  id: z.string().max(200).optional(),
  // Blank term lists are left to the use case, which reports them with every other problem at once.
  zh: z.string().max(20_000).default('').transform(splitTerms),
  en: z.string().max(20_000).default('').transform(splitTerms),
  sectors: z
    .string()
    .max(2_000)
    .optional()
    .transform((s) => splitCodes(s ?? '')),
  broader: z.string().max(200).optional(),
});

/** What the create and update use cases take (the identifier only when creating). */
export interface GlossaryInput {
  id?: string | undefined;
  zh: string[];
  en: string[];
  sectors?: string[] | undefined;
  broader?: string | null | undefined;
}

type GlossaryDeps = Pick<Deps, 'db' | 'now'>;
type Tx = Parameters<Parameters<Deps['db']['transaction']>[0]>[0];

/**
 * Serialises glossary writes (readers are not blocked), so two admins cannot give one term to two entries,
 * and returns every entry but `except`.
 */
async function lockOthers(tx: Tx, except?: string): Promise<GlossaryEntry[]> {
  await tx.execute(sql`lock table ${glossaryEntries} in share row exclusive mode`);
  const rows = await tx
    .select()
    .from(glossaryEntries)
    .where(and(LIVE, except === undefined ? undefined : ne(glossaryEntries.id, except)));
  return rows.map(entryOf);
}

/** A write time after every stored one, so the version changes even when clocks tie or step back. */
async function nextStamp(tx: Tx, now: Date): Promise<Date> {
  const [row] = await tx
    .select({
      ms: sql<number | null>`(extract(epoch from max(${glossaryEntries.updatedAt})) * 1000)::float8`,
    })
    .from(glossaryEntries);
  const max = row?.ms ?? -Infinity;
  return new Date(Math.max(now.getTime(), Math.floor(Number(max)) + 1));
}

/** The audit entry and the re-analysis job of a write, keyed by the new version (one job per version). */
async function afterWrite(
  tx: Tx,
  ctx: UseCaseContext,
  action: string,
  id: string,
  change: { before?: GlossaryRow; after?: GlossaryRow },
): Promise<void> {
  await recordAudit(tx, {
    actor: actorOf(ctx),
    action,
    entity: 'glossary_entry',
    entityId: id,
    ...change,
    requestId: ctx.requestId,
  });
  const version = await glossaryVersion(tx);
  await enqueueJob(tx, { name: REANALYZE_JOB, payload: { version }, key: `${REANALYZE_JOB}:${version}` });
}

/** The stored fields of a valid input, or a validation error naming every field at fault. */
function checked(
  input: GlossaryInput,
  id: string,
  others: GlossaryEntry[],
  ctx: UseCaseContext,
  isNew: boolean,
) {
  const draft = normaliseDraft({
    id,
    zh: input.zh,
    en: input.en,
    sectors: input.sectors ?? [],
    broader: input.broader ?? null,
  });
  const issues = entryIssues(draft, others, ctx.lang, isNew);
  if (issues.length > 0) throw new AppError('validation', undefined, issues);
  return { zh: draft.zh, en: draft.en, sectors: draft.sectors, broader: draft.broader };
}

/** Admins add an entry; listings are re-analysed by a job queued in the same transaction. */
export async function createGlossaryEntry(
  deps: GlossaryDeps,
  ctx: UseCaseContext,
  input: GlossaryInput,
): Promise<GlossaryRow> {
  authorize(ctx.viewer, canEditGlossary(ctx.viewer));
  const id = input.id?.trim() ?? '';
  return deps.db.transaction(async (tx) => {
    const others = await lockOthers(tx);
    const fields = checked(input, id, others, ctx, true);
    const updatedAt = await nextStamp(tx, deps.now());
    // The identifier may be that of a deleted entry (see LIVE): it is taken over.
    const [after] = await tx
      .insert(glossaryEntries)
      .values({ id, ...fields, updatedAt })
      .onConflictDoUpdate({ target: glossaryEntries.id, set: { ...fields, updatedAt } })
      .returning();
    await afterWrite(tx, ctx, 'glossary.created', id, { after: after! });
    return after!;
  });
}

/** Admins edit an entry's terms, sectors and broader link (its identifier stays). */
export async function updateGlossaryEntry(
  deps: GlossaryDeps,
  ctx: UseCaseContext,
  id: string,
  input: GlossaryInput,
): Promise<GlossaryRow> {
  authorize(ctx.viewer, canEditGlossary(ctx.viewer));
  return deps.db.transaction(async (tx) => {
    const others = await lockOthers(tx, id);
    const before = await getGlossaryEntry(tx, id);
    const fields = checked(input, id, others, ctx, false);
    const updatedAt = await nextStamp(tx, deps.now());
    const [after] = await tx
      .update(glossaryEntries)
      .set({ ...fields, updatedAt })
      .where(eq(glossaryEntries.id, id))
      .returning();
    await afterWrite(tx, ctx, 'glossary.updated', id, { before, after: after! });
    return after!;
  });
}

/** Admins delete an entry that no other entry names as broader (its row stays, without terms: see LIVE). */
export async function deleteGlossaryEntry(
  deps: GlossaryDeps,
  ctx: UseCaseContext,
  id: string,
): Promise<void> {
  authorize(ctx.viewer, canEditGlossary(ctx.viewer));
  await deps.db.transaction(async (tx) => {
    const others = await lockOthers(tx, id);
    const before = await getGlossaryEntry(tx, id);
    const problem = deleteProblem(id, others, ctx.lang);
    if (problem !== undefined) throw invalid('id', problem);
    const updatedAt = await nextStamp(tx, deps.now());
    await tx
      .update(glossaryEntries)
      .set({ zh: [], en: [], sectors: [], broader: null, updatedAt })
      .where(eq(glossaryEntries.id, id));
    await afterWrite(tx, ctx, 'glossary.deleted', id, { before });
  });
}
