// `npm run bench:matching -- --listings N [--db pglite|postgres] [--queries 200] [--seed S] [--keep]
//   [--after-import none|analyze|vacuum]`: the matching engine on N synthetic listings, beside a naive
//   full-text baseline.
//
// Generates N listings (src/modules/listings/synthetic.ts) into a temporary JSON Lines file, imports them
// with the real importer into a fresh database (PGlite in a temporary folder, or a new database on the
// server of DATABASE_URL, dropped afterwards); the importer itself merges the GIN indexes' pending lists
// and analyses the tables (`--after-import analyze|vacuum` adds more, to compare). Then it times the top-10
// matches of random published listings as of now through the real use case (listingMatches), and the
// same queries through a plain PostgreSQL `ts_rank` query over title and description. Query listings
// are drawn from the paired provinces: the others have no counterparts and would answer at once. Prints
// import rate, p50/p95/p99 latencies, their ratios and the process memory. --keep leaves the database
// (and the file) in place for inspection.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, openPostgres, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { SYSTEM_CONTEXT } from '../src/modules/accounts/context.ts';
import { segmentChinese } from '../src/modules/listings/analysis.ts';
import { importListings, listingsProgress } from '../src/modules/listings/import.ts';
import { listingMatches } from '../src/modules/listings/listings.service.ts';
import { findByRef } from '../src/modules/listings/listings.repo.ts';
import { generateListings, seededRandom } from '../src/modules/listings/synthetic.ts';
import { chinaDate } from '../src/modules/matching/core/score.ts';
import { latinWords } from '../src/modules/matching/core/text.ts';
import { PAIRINGS } from '../src/modules/regions/data.ts';
import { counterpartAreas } from '../src/modules/regions/regions.service.ts';

const WARMUP_QUERIES = 10;

const { values: args } = parseArgs({
  options: {
    listings: { type: 'string' },
    db: { type: 'string', default: 'pglite' },
    queries: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'after-import': { type: 'string', default: 'none' },
  },
});
const N = Number(args.listings);
const QUERIES = Number(args.queries);
const SEED = args.seed;
if (!Number.isInteger(N) || N < 2 || !Number.isInteger(QUERIES) || QUERIES < 1) {
  console.error(
    'usage: npm run bench:matching -- --listings N [--db pglite|postgres] [--queries 200] [--seed S] [--keep]',
  );
  process.exit(2);
}
const AFTER_IMPORT = args['after-import'];
if (AFTER_IMPORT !== 'analyze' && AFTER_IMPORT !== 'vacuum' && AFTER_IMPORT !== 'none') {
  console.error('--after-import must be analyze, vacuum or none');
  process.exit(2);
}
if (args.db !== 'pglite' && args.db !== 'postgres') {
  console.error('--db must be pglite or postgres');
  process.exit(2);
}
const DATABASE_URL = process.env.DATABASE_URL;
if (args.db === 'postgres' && !DATABASE_URL) {
  console.error('--db postgres needs DATABASE_URL (a server where a fresh database can be created)');
  process.exit(2);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (x: number) => x.toFixed(1);
function memory(): string {
  const m = process.memoryUsage();
  return `rss ${mb(m.rss)}, heapUsed ${mb(m.heapUsed)}`;
}
function log(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Drops the bench database once the closed pool's connections have gone (forcing it would kill them
 * mid-goodbye and crash the process with an unhandled pool error).
 */
async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const { rows } = await admin.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    );
    if (rows[0]?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await admin.query(`drop database if exists ${name}`).catch((err: Error) => {
    process.stderr.write(`bench: could not drop ${name}: ${err.message}\n`);
  });
}

/** Paired regions: only their listings have counterparts (others always have no match). */
const PAIRED = new Set(PAIRINGS.flatMap((p) => [p.aCode, p.bCode]).filter((c) => c.startsWith('CN-')));

/**
 * Writes the synthetic listings as JSON Lines; resolves with the file's size and, per listing, whether it
 * comes from a paired region (queries are drawn from those).
 */
async function writeListings(path: string, end: Date): Promise<{ bytes: number; paired: Uint8Array }> {
  const out = createWriteStream(path);
  const paired = new Uint8Array(N);
  let chunk: string[] = [];
  let i = 0;
  for (const record of generateListings(N, SEED, { end })) {
    if (PAIRED.has(record.region)) paired[i] = 1;
    i++;
    chunk.push(JSON.stringify(record));
    if (chunk.length === 2000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
  return { bytes: (await stat(path)).size, paired };
}

interface Timing {
  sorted: number[];
  results: number;
  empty: number;
}
function summarise(latencies: number[], counts: number[]): Timing {
  return {
    sorted: [...latencies].sort((a, b) => a - b),
    results: counts.reduce((s, c) => s + c, 0) / Math.max(1, counts.length),
    empty: counts.filter((c) => c === 0).length,
  };
}

/** The naive baseline's tsquery text: the title's words OR-ed (Chinese segmented as the index is). */
function baselineQuery(title: string, language: 'zh' | 'en'): { config: string; text: string } {
  const words = language === 'zh' ? segmentChinese(title).split(' ') : latinWords(title);
  return { config: language === 'zh' ? 'simple' : 'english', text: words.filter(Boolean).join(' or ') };
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'counterpart-bench-matching-'));
  let database: Database | undefined;
  let admin: pg.Client | undefined;
  let dbName: string | undefined;
  let kept = false;
  const cleanUp = async () => {
    await database?.close().catch(() => undefined);
    database = undefined;
    if (admin && dbName && !args.keep) await dropDatabase(admin, dbName);
    await admin?.end().catch(() => undefined);
    admin = undefined;
    if (!args.keep) await rm(work, { recursive: true, force: true });
    else kept = true;
  };
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    // Listings span the two years up to today (China time), so "as of now" sees live and expired ones.
    const end = new Date(`${chinaDate(new Date())}T23:59:59+08:00`);
    const file = join(work, 'listings.jsonl');
    let t = performance.now();
    const { bytes, paired } = await writeListings(file, end);
    log(
      `Generated ${N} listings (seed ${SEED}, created up to ${chinaDate(end)}) in ` +
        `${((performance.now() - t) / 1000).toFixed(1)} s: ${mb(bytes)} of JSON Lines; ` +
        `load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
    );

    if (args.db === 'postgres') {
      dbName = `cp_bench_${process.pid}`;
      admin = new pg.Client({ connectionString: DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      database = openPostgres(withDatabase(DATABASE_URL!, dbName));
      log(
        `Database: PostgreSQL ${(await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v}, ${dbName}`,
      );
    } else {
      database = await openDatabase({ dataDir: work });
      log(`Database: PGlite in ${join(work, 'pglite')}`);
    }
    await migrate(database);
    const db = database.db;

    let checkedAt = 0;
    const progress = listingsProgress(process.stderr);
    t = performance.now();
    const report = await importListings(db, file, {
      actor: { id: null, label: 'bench:matching' },
      now: new Date(),
      onProgress: (p) => {
        if (p.phase === 'check' && p.done === p.total) checkedAt = performance.now();
        progress(p);
      },
    });
    const importMs = performance.now() - t;
    if (report.invalid.length > 0) {
      for (const b of report.invalid.slice(0, 10))
        console.error(`line ${b.line}: ${b.field ?? ''} ${b.reason}`);
      throw new Error(`the generated file has ${report.invalid.length} bad lines`);
    }
    const imported = report.created + report.updated;
    const checkMs = checkedAt > 0 ? checkedAt - t : NaN;
    log(
      `Imported ${imported} listings in ${(importMs / 1000).toFixed(1)} s = ${(imported / (importMs / 1000)).toFixed(0)} ` +
        `listings/s (checking the file ${(checkMs / 1000).toFixed(1)} s, writing ${((importMs - checkMs) / 1000).toFixed(1)} s)`,
    );
    let afterMs = 0;
    if (AFTER_IMPORT !== 'none') {
      t = performance.now();
      await db.execute(AFTER_IMPORT === 'vacuum' ? sql`vacuum analyze` : sql`analyze`);
      afterMs = performance.now() - t;
      log(`${AFTER_IMPORT.toUpperCase()} in ${(afterMs / 1000).toFixed(1)} s`);
    }
    const memAfterImport = memory();
    log(`Memory after import: ${memAfterImport}`);

    // The same random published listings for both, as of the same moment.
    const random = seededRandom(`${SEED}:queries`);
    const refs: string[] = [];
    while (refs.length < QUERIES + WARMUP_QUERIES) {
      const i = Math.floor(random() * N);
      if (paired[i] === 1) refs.push(`syn-${SEED}-${i}`);
    }
    const asOf = new Date();
    const deps = { db, now: () => asOf };

    const engineMs: number[] = [];
    const engineCounts: number[] = [];
    for (const [i, ref] of refs.entries()) {
      const started = performance.now();
      const items = await listingMatches(deps, SYSTEM_CONTEXT, ref, { limit: 10, asOf });
      if (i < WARMUP_QUERIES) continue;
      engineMs.push(performance.now() - started);
      engineCounts.push(items.length);
    }
    const memAfterQueries = memory();
    log(`Memory after the engine's queries: ${memAfterQueries}`);

    // Baseline: the query listing and its counterpart regions are looked up beforehand (not timed).
    const baselineMs: number[] = [];
    const baselineCounts: number[] = [];
    for (const [i, ref] of refs.entries()) {
      const l = (await findByRef(db, ref))!;
      const regions = [
        ...new Set((await counterpartAreas(db, l.regionCode, l.areaCode)).map((a) => a.region)),
      ];
      const q = baselineQuery(l.title, l.language);
      const started = performance.now();
      const result: unknown = await db.execute(sql`
        select ref from listings, websearch_to_tsquery(${q.config}::regconfig, ${q.text}) q
        where category = ${l.category} and direction = ${l.direction === 'offer' ? 'seek' : 'offer'}
          and region_code = any(${sql.param(regions)}::text[]) and status = 'published'
          and (valid_until is null or valid_until >= ${chinaDate(asOf)}::date)
          and search @@ q
        order by ts_rank(search, q) desc limit 10`);
      if (i < WARMUP_QUERIES) continue;
      baselineMs.push(performance.now() - started);
      baselineCounts.push((result as { rows: unknown[] }).rows.length);
    }

    const engine = summarise(engineMs, engineCounts);
    const baseline = summarise(baselineMs, baselineCounts);
    const row = (name: string, s: Timing) =>
      `${name.padEnd(34)} ${ms(percentile(s.sorted, 0.5)).padStart(8)} ${ms(percentile(s.sorted, 0.95)).padStart(8)} ` +
      `${ms(percentile(s.sorted, 0.99)).padStart(8)} ${s.results.toFixed(1).padStart(8)} ${String(s.empty).padStart(6)}`;
    const ratio = (p: number) => percentile(engine.sorted, p) / percentile(baseline.sorted, p);
    log(
      [
        '',
        `${args.db}, ${imported} listings (seed ${SEED}), ${QUERIES} queries (+${WARMUP_QUERIES} warm-up), top 10, as of ${asOf.toISOString()}`,
        `import: ${(imported / (importMs / 1000)).toFixed(0)} listings/s, ${(importMs / 1000).toFixed(1)} s` +
          `; then ${AFTER_IMPORT === 'none' ? 'nothing' : `${AFTER_IMPORT.toUpperCase()} ${(afterMs / 1000).toFixed(1)} s`}` +
          `; load average ${loadavg()
            .map((x) => x.toFixed(1))
            .join(' ')}`,
        `memory after import:  ${memAfterImport}`,
        `memory after queries: ${memAfterQueries}`,
        '',
        `${'latency (ms)'.padEnd(34)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'results'.padStart(8)} ${'empty'.padStart(6)}`,
        row('engine (listingMatches)', engine),
        row('naive baseline (ts_rank, SQL only)', baseline),
        `${'engine / baseline'.padEnd(34)} ${ratio(0.5).toFixed(2).padStart(8)} ${ratio(0.95).toFixed(2).padStart(8)} ${ratio(0.99).toFixed(2).padStart(8)}`,
        '',
        'engine: the whole use case (listing lookup, pairings, statistics, candidates, scoring, presentation).',
        'baseline: the one SQL statement alone (the query listing and its counterpart regions fetched untimed).',
        'results: mean rows per query; empty: queries with no result.',
      ].join('\n'),
    );
    if (args.keep) {
      log(
        `\nKept: ${args.db === 'postgres' ? withDatabase(DATABASE_URL!, dbName!) : join(work, 'pglite')}; file ${file}`,
      );
    }
  } finally {
    await cleanUp();
    if (kept) log(`(remove ${work} when done)`);
  }
}

try {
  await main();
} catch (err) {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
}
