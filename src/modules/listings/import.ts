/**
 * `counterpart import listings FILE.jsonl`: every line is checked first (UTF-8, size, JSON, the format's
 * fields, duplicate ids); only then are listings written, in batches inside one transaction, so a file goes
 * in whole or not at all (or, with `skipInvalid`, its good lines go in whole).
 */
import { stat } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { localizeIssues } from '../../lib/i18n.ts';
import type { Actor } from '../audit/audit.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ensureOrganisations, namedOrgKey } from '../accounts/organisations.service.ts';
import { currentGlossary } from '../taxonomy/glossary.service.ts';
import { ListingRecord } from './fields.ts';
import { readJsonLines } from './jsonl.ts';
import { storeListings, type ListingStatus, type ListingWrite } from './store.ts';

const BATCH = 1000;

export interface BadLine {
  line: number;
  /** The field concerned, dotted (`organization.type`), or absent when the whole line is bad. */
  field?: string;
  reason: string;
}

export interface ImportListingsOptions {
  /** Import the good lines even when some are bad (which are reported). */
  skipInvalid?: boolean | undefined;
  /** Status of imported listings; `published` unless asked otherwise. */
  status?: Extract<ListingStatus, 'published' | 'pending'> | undefined;
  actor: Actor;
  now: Date;
  onProgress?: ((p: { phase: 'check' | 'import'; done: number; total: number }) => void) | undefined;
}

export interface ImportListingsReport {
  /** Non-blank lines read. */
  lines: number;
  created: number;
  updated: number;
  /** Every bad line, in file order; when non-empty and not skipping, nothing was imported. */
  invalid: BadLine[];
}

function checkRecord(line: number, value: unknown, seen: Map<string, number>): BadLine[] {
  const parsed = ListingRecord.safeParse(value);
  if (!parsed.success) {
    return localizeIssues(parsed.error.issues, 'en').map(({ field, message }) => ({
      line,
      field,
      reason: message,
    }));
  }
  const first = seen.get(parsed.data.id);
  if (first !== undefined) {
    return [{ line, field: 'id', reason: `duplicate id ${parsed.data.id} (first on line ${first})` }];
  }
  seen.set(parsed.data.id, line);
  return [];
}

function toWrite(r: ListingRecord, orgId: string, status: ListingStatus, now: Date): ListingWrite {
  return {
    ref: r.id,
    orgId,
    regionCode: r.region,
    areaCode: r.area_code ?? null,
    direction: r.direction,
    category: r.category,
    sector: r.sector ?? null,
    title: r.title,
    description: r.description,
    language: r.language,
    tags: r.tags ?? [],
    amountCny: r.amount_cny ?? null,
    validUntil: r.valid_until ?? null,
    status,
    createdAt: new Date(r.created_at),
    updatedAt: now,
  };
}

/** Checks, then imports, a JSON Lines file of listings; see the module comment for the all-or-nothing rule. */
export async function importListings(
  db: Db,
  path: string,
  opts: ImportListingsOptions,
): Promise<ImportListingsReport> {
  const totalBytes = (await stat(path)).size;
  const invalid: BadLine[] = [];
  const bad = new Set<number>();
  const seen = new Map<string, number>();
  let lines = 0;
  let bytes = 0;
  for await (const l of readJsonLines(path)) {
    lines++;
    bytes += l.bytes + 1;
    const problems = 'error' in l ? [{ line: l.line, reason: l.error }] : checkRecord(l.line, l.value, seen);
    if (problems.length > 0) {
      invalid.push(...problems);
      bad.add(l.line);
    }
    if (lines % BATCH === 0) opts.onProgress?.({ phase: 'check', done: bytes, total: totalBytes });
  }
  opts.onProgress?.({ phase: 'check', done: totalBytes, total: totalBytes });
  const report: ImportListingsReport = { lines, created: 0, updated: 0, invalid };
  if ((invalid.length > 0 && !opts.skipInvalid) || bad.size === lines) return report;

  const status = opts.status ?? 'published';
  const glossary = await currentGlossary(db);
  const good = lines - bad.size;
  await db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    let batch: ListingRecord[] = [];
    const flush = async () => {
      const named = batch
        .map((r) => ({
          name: r.organization.name,
          type: r.organization.type,
          regionCode: r.region,
          areaCode: r.area_code ?? null,
        }))
        .filter((n) => !orgIds.has(namedOrgKey(n)));
      for (const [k, v] of await ensureOrganisations(tx, named)) orgIds.set(k, v);
      const writes = batch.map((r) =>
        toWrite(
          r,
          orgIds.get(namedOrgKey({ regionCode: r.region, name: r.organization.name }))!,
          status,
          opts.now,
        ),
      );
      for (const s of await storeListings(tx, writes, glossary)) {
        if (s.created) report.created++;
        else report.updated++;
      }
      batch = [];
      opts.onProgress?.({ phase: 'import', done: report.created + report.updated, total: good });
    };
    for await (const l of readJsonLines(path)) {
      if (bad.has(l.line) || 'error' in l) continue;
      batch.push(ListingRecord.parse(l.value));
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'listings.imported',
      entity: 'listing',
      entityId: path,
      after: { created: report.created, updated: report.updated, skipped: bad.size, status },
    });
  });
  await afterBulkWrite(db);
  return report;
}

/**
 * After a bulk write: merges the GIN indexes' pending entries (which every match query would otherwise
 * scan until a vacuum; PGlite has no autovacuum) and refreshes the planner's statistics.
 */
async function afterBulkWrite(db: Db): Promise<void> {
  await db.execute(
    sql`select gin_clean_pending_list('listings_match_keys_idx'::regclass), gin_clean_pending_list('listings_search_idx'::regclass)`,
  );
  await db.execute(sql`analyze listings`);
  await db.execute(sql`analyze match_stats`);
}

/** Progress on a terminal (one rewritten line) or in a log (every tenth); the caller decides for which files. */
export function listingsProgress(
  stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>,
): NonNullable<ImportListingsOptions['onProgress']> {
  let lastTenth = -1;
  return ({ phase, done, total }) => {
    if (total === 0) return;
    const pct = Math.floor((done / total) * 100);
    const text =
      phase === 'check' ? `Checked ${pct}% of the file` : `Imported ${done}/${total} listings (${pct}%)`;
    if (stream.isTTY) {
      stream.write(`\r${text}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(pct / 10) + (phase === 'import' ? 100 : 0);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      stream.write(`${text}\n`);
    }
  };
}
