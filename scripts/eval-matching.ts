/**
 * `npm run eval:matching -- DIR`: imports DIR/listings.jsonl into a fresh embedded database (the real
 * importer), ranks each query of DIR/qrels.tsv through the real matching use case as of the query's own
 * created_at, and prints nDCG@10 (gain 2^grade − 1) and recall@10 of grade-2 listings, overall and split
 * by same- and cross-language pairs. `--verbose` lists the weakest queries.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { SYSTEM_CONTEXT } from '../src/modules/accounts/context.ts';
import { evaluate, measure, parseQrels, SPLITS } from '../src/modules/matching/core/evaluate.ts';
import { importListings } from '../src/modules/listings/import.ts';
import { listingMatches } from '../src/modules/listings/listings.service.ts';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (dir === undefined) {
  console.error('usage: npm run eval:matching -- DIR [--verbose]');
  process.exit(2);
}
const verbose = process.argv.includes('--verbose');

const dataDir = await mkdtemp(join(tmpdir(), 'counterpart-eval-'));
const database = await openDatabase({ dataDir });
try {
  await migrate(database);
  const listingsFile = join(dir, 'listings.jsonl');
  const started = performance.now();
  const report = await importListings(database.db, listingsFile, {
    actor: { id: null, label: 'eval:matching' },
    now: new Date(),
  });
  if (report.invalid.length > 0) {
    for (const b of report.invalid) console.error(`line ${b.line}: ${b.field ?? ''} ${b.reason}`);
    throw new Error('the listings file has bad lines; nothing was evaluated');
  }
  const importMs = performance.now() - started;
  const raw = (await readFile(listingsFile, 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; language: string; created_at: string; title: string });
  const byId = new Map(raw.map((l) => [l.id, l]));
  const qrels = parseQrels(await readFile(join(dir, 'qrels.tsv'), 'utf8'));
  const deps = { db: database.db, now: () => new Date() };
  const runs = [];
  const latencies: number[] = [];
  for (const qid of qrels.keys()) {
    const q = byId.get(qid);
    if (!q) throw new Error(`query ${qid} is not in listings.jsonl`);
    const t = performance.now();
    const items = await listingMatches(deps, SYSTEM_CONTEXT, qid, {
      limit: 1000,
      asOf: new Date(q.created_at),
    });
    latencies.push(performance.now() - t);
    const ranked = items.map((i) => i.ref);
    runs.push({ query: qid, language: q.language, ranked });
    const m = measure(ranked, qrels.get(qid)!, () => true, false);
    if (verbose && m && m.ndcg < 0.8) {
      console.log(`\n${qid} [${q.language}] nDCG ${m.ndcg.toFixed(3)}: ${q.title}`);
      for (const i of items.slice(0, 10)) {
        console.log(`  ${qrels.get(qid)?.get(i.ref) ?? '-'} ${i.score.toFixed(2)} ${i.ref} ${i.title}`);
      }
    }
  }
  const result = evaluate(runs, qrels, (ref) => byId.get(ref)?.language);
  latencies.sort((a, b) => a - b);
  console.log(
    `listings ${report.created + report.updated} imported in ${importMs.toFixed(0)} ms; queries ${runs.length}; ` +
      `match p50 ${latencies[Math.floor(latencies.length / 2)]?.toFixed(1)} ms`,
  );
  for (const s of SPLITS) {
    const r = result[s];
    console.log(
      `${s.padEnd(8)} nDCG@10 ${r.ndcg.toFixed(4)}  recall@10(grade 2) ${r.recall.toFixed(4)}  (queries ${r.queries})`,
    );
  }
  console.log('same/cross: each language group ranked on its own; same*/cross*: within the full ranking.');
} finally {
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}
