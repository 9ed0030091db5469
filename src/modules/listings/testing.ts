import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.ts';
import { makeUser } from '../../test/factories.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import type { SessionUser } from '../accounts/sessions.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { DOCS_KEY, LENGTH_KEY, statFeatures } from './analysis.ts';
import type { ListingInput } from './fields.ts';
import { importListings, type ImportListingsOptions, type ImportListingsReport } from './import.ts';
import type { ListingDeps } from './listings.service.ts';
import { listings, matchStats } from './schema.ts';

// Tests only: interchange records, temporary JSONL files, use-case contexts and corpus-statistics checks.

let seq = 0;

/** A valid interchange-format record (plain JSON, snake_case) with a fresh id; `over` replaces fields. */
export function record(over: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    id: `t-${process.pid}-${seq}`,
    region: 'CN-JL',
    area_code: '222400',
    organization: { name: 'Changbai Spring Water Co.', type: 'enterprise' },
    direction: 'offer',
    category: 'product',
    sector: 'C15',
    title: 'Natural mineral water from Changbai Mountain',
    description: 'Spring water bottled at source in Antu county, 500 ml and 5 l bottles.',
    language: 'en',
    tags: ['water'],
    amount_cny: 2_000_000,
    valid_until: '2018-12-31',
    created_at: '2018-03-01T10:00:00+08:00',
    ...over,
  };
}

/** A record without the named fields. */
export function without(r: Record<string, unknown>, ...fields: string[]): Record<string, unknown> {
  const copy = { ...r };
  for (const f of fields) delete copy[f];
  return copy;
}

const dirs: string[] = [];

/**
 * Writes a temporary JSONL file: strings and buffers are written as they are, anything else as JSON; lines
 * are joined by `eol` and end with it unless `finalNewline` is false. Returns the path.
 */
export function writeJsonl(
  lines: readonly unknown[],
  opts: { eol?: string; finalNewline?: boolean } = {},
): string {
  const eol = Buffer.from(opts.eol ?? '\n');
  const parts: Buffer[] = [];
  lines.forEach((l, i) => {
    parts.push(Buffer.isBuffer(l) ? l : Buffer.from(typeof l === 'string' ? l : JSON.stringify(l)));
    if (i < lines.length - 1 || opts.finalNewline !== false) parts.push(eol);
  });
  const dir = mkdtempSync(join(tmpdir(), 'cp-listings-'));
  dirs.push(dir);
  const path = join(dir, 'listings.jsonl');
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/** Removes every file `writeJsonl` wrote (call in afterAll). */
export function removeJsonlFiles(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Imports records through a temporary file, as the CLI would (published, by the system, unless told). */
export function importRecords(
  database: Database,
  records: readonly Record<string, unknown>[],
  opts: Partial<ImportListingsOptions> = {},
): Promise<ImportListingsReport> {
  return importListings(database.db, writeJsonl(records), {
    actor: SYSTEM,
    now: new Date('2018-03-01T12:00:00+08:00'),
    ...opts,
  });
}

/** Listing use-case deps over a test database with a fixed clock. */
export function listingDeps(database: Database, now: Date): ListingDeps & { now: () => Date } {
  return { db: database.db, now: () => now };
}

/** A use-case context acting as a user; members get their organisation (approved unless told). */
export function contextFor(
  user: { id: string; email: string },
  role: SessionUser['role'],
  opts: {
    regionCode?: string | null;
    orgId?: string | null;
    orgStatus?: SessionUser['orgStatus'];
    lang?: 'en' | 'zh';
  } = {},
): UseCaseContext & { viewer: SessionUser } {
  const lang = opts.lang ?? 'en';
  const viewer: SessionUser = {
    id: user.id,
    email: user.email,
    name: 'Test',
    role,
    regionCode: opts.regionCode ?? null,
    orgId: opts.orgId ?? null,
    orgStatus: role === 'member' ? (opts.orgStatus ?? 'approved') : null,
    preferredLang: lang,
  };
  return { viewer, lang, requestId: 'test' };
}

/** A new user in the database and a context acting as them. */
export async function actingAs(
  database: Database,
  role: SessionUser['role'],
  opts: Parameters<typeof contextFor>[2] = {},
): Promise<UseCaseContext & { viewer: SessionUser }> {
  const user = await makeUser(database, {
    role,
    regionCode: opts.regionCode ?? undefined,
    orgId: opts.orgId ?? undefined,
  });
  return contextFor(user, role, opts);
}

/** What a member types into the listing form, with defaults for what a test does not care about. */
export function input(over: Partial<ListingInput> = {}): ListingInput {
  return {
    direction: 'offer',
    category: 'product',
    sector: 'C15',
    title: 'Natural mineral water from Changbai Mountain',
    description: 'Spring water bottled at source, 500 ml and 5 l bottles.',
    language: 'en',
    tags: ['water'],
    amountCny: 1_000_000,
    validUntil: '2018-12-31',
    ...over,
  };
}

/** `match_stats` as a map, leaving out keys whose count is back at zero. */
export async function storedStats(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db.select().from(matchStats);
  return new Map(rows.filter((r) => r.df !== 0).map((r) => [r.key, r.df]));
}

/**
 * The statistics recomputed from scratch: for each feature of each published listing's stored features,
 * the number of published listings that have it, plus `#docs` and `#length`.
 */
export async function recomputedStats(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .select({ features: listings.features })
    .from(listings)
    .where(eq(listings.status, 'published'));
  const out = new Map<string, number>();
  const add = (k: string, n: number) => out.set(k, (out.get(k) ?? 0) + n);
  for (const { features } of rows) {
    for (const k of statFeatures(features)) add(k, 1);
    add(DOCS_KEY, 1);
    add(LENGTH_KEY, Math.round(features.length));
  }
  for (const [k, n] of out) if (n === 0) out.delete(k);
  return out;
}

/** Rows of listings by status. */
export async function countByStatus(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: listings.status, n: sql<number>`count(*)::int` })
    .from(listings)
    .groupBy(listings.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
