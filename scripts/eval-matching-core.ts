/**
 * Evaluates the pure matching core in memory on a dev set:
 *   npx tsx scripts/eval-matching-core.ts /work/shared/data/matching-dev
 * Reads DIR/listings.jsonl and DIR/qrels.tsv, ranks each query's eligible candidates as of the query's
 * created_at, and prints nDCG@10 (gain 2^grade − 1) and recall@10 of grade-2 listings, overall and split
 * by same-language vs cross-language pairs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeListing } from '../src/modules/matching/core/analyze.ts';
import { rankMatches } from '../src/modules/matching/core/rank.ts';
import { conceptWeights, corpusStats, eligible } from '../src/modules/matching/core/score.ts';
import type { Analyzed } from '../src/modules/matching/core/types.ts';
import { GLOSSARY } from '../src/modules/taxonomy/glossary.data.ts';

interface RawListing {
  id: string;
  region: string;
  direction: 'offer' | 'seek';
  category: string;
  sector?: string;
  title: string;
  description: string;
  language: 'zh' | 'en';
  tags?: string[];
  amount_cny?: number;
  valid_until?: string;
  created_at: string;
}

const PAIRS: [string, string][] = [
  ['CN-JL', 'CN-ZJ'],
  ['CN-LN', 'CN-JS'],
  ['CN-HL', 'CN-GD'],
];

function counterparts(region: string): string[] {
  return PAIRS.flatMap(([a, b]) => (a === region ? [b] : b === region ? [a] : []));
}

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: tsx scripts/eval-matching-core.ts DIR');
  process.exit(2);
}
const verbose = process.argv.includes('--verbose');
/** `--w name=value` overrides a scoring weight, for tuning. */
const weightOverrides: Record<string, number> = {};
process.argv.forEach((arg, i) => {
  const next = process.argv[i + 1];
  if (arg === '--w' && next !== undefined) {
    const [k, v] = next.split('=');
    if (k !== undefined && v !== undefined) weightOverrides[k] = Number(v);
  }
});

const raw: RawListing[] = readFileSync(join(dir, 'listings.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim().length > 0)
  .map((l) => JSON.parse(l) as RawListing);

const started = performance.now();
const analyzed: Analyzed[] = raw.map((l) => ({
  ...analyzeListing(l, GLOSSARY),
  ref: l.id,
  region: l.region,
  category: l.category,
  direction: l.direction,
  language: l.language,
  createdAt: l.created_at,
  validUntil: l.valid_until,
}));
const byRef = new Map(analyzed.map((a) => [a.ref, a]));
const weights = conceptWeights(analyzed);
const stats = corpusStats(analyzed);

const qrels = new Map<string, Map<string, number>>();
for (const line of readFileSync(join(dir, 'qrels.tsv'), 'utf8').split('\n')) {
  const [q, l, g] = line.trim().split('\t');
  if (q === undefined || l === undefined || g === undefined) continue;
  const m = qrels.get(q) ?? new Map<string, number>();
  m.set(l, Number(g));
  qrels.set(q, m);
}

interface Split {
  ndcg: number[];
  recall: number[];
}
/**
 * `same` / `cross` rank within the listings of that language group (a cross-language positive is judged
 * among cross-language candidates); `same*` / `cross*` judge the same positives in the full ranking, where
 * listings of the other group take places in the top 10 (so their ideal is rarely reachable).
 */
const splits: Record<'overall' | 'same' | 'cross' | 'same*' | 'cross*', Split> = {
  overall: { ndcg: [], recall: [] },
  same: { ndcg: [], recall: [] },
  cross: { ndcg: [], recall: [] },
  'same*': { ndcg: [], recall: [] },
  'cross*': { ndcg: [], recall: [] },
};

function dcg(grades: number[]): number {
  return grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/** nDCG@10 and recall@10 of grade-2 listings over the judged listings that pass `keep`. */
function measure(
  ranked: string[],
  judged: Map<string, number>,
  keep: (ref: string) => boolean,
  filterRanking: boolean,
): [number, number] | undefined {
  const rel = [...judged].filter(([ref, g]) => g > 0 && keep(ref));
  if (rel.length === 0) return undefined;
  const ideal = dcg(
    rel
      .map(([, g]) => g)
      .sort((a, b) => b - a)
      .slice(0, 10),
  );
  const top = (filterRanking ? ranked.filter(keep) : ranked).slice(0, 10);
  const got = dcg(top.map((r) => (keep(r) ? (judged.get(r) ?? 0) : 0)));
  const strong = rel.filter(([, g]) => g === 2).map(([ref]) => ref);
  const recall = strong.length > 0 ? strong.filter((r) => top.includes(r)).length / strong.length : NaN;
  return [got / ideal, recall];
}

for (const [qid, judged] of qrels) {
  const query = byRef.get(qid);
  if (!query) throw new Error(`query ${qid} not in listings`);
  const asOf = new Date(query.createdAt);
  const regions = counterparts(query.region);
  const pool = analyzed.filter((c) => eligible(query, c, asOf, regions));
  const ranked = rankMatches(
    query,
    pool,
    { asOf, counterpart: true, conceptWeights: weights, stats, weights: weightOverrides },
    pool.length,
  );
  const refs = ranked.map((r) => r.ref);
  const lang = (ref: string): string => byRef.get(ref)?.language ?? '';
  // The split ranks within each language group: a cross-language positive is judged among cross-language candidates.
  const same = (r: string): boolean => lang(r) === query.language;
  const cross = (r: string): boolean => lang(r) !== query.language;
  const parts: [keyof typeof splits, (ref: string) => boolean, boolean][] = [
    ['overall', () => true, false],
    ['same', same, true],
    ['cross', cross, true],
    ['same*', same, false],
    ['cross*', cross, false],
  ];
  for (const [name, keep, filterRanking] of parts) {
    const m = measure(refs, judged, keep, filterRanking);
    if (!m) continue;
    splits[name].ndcg.push(m[0]);
    if (!Number.isNaN(m[1])) splits[name].recall.push(m[1]);
  }
  if (verbose) {
    const m = measure(refs, judged, () => true, false);
    if (m && m[0] < 0.8) {
      console.log(
        `\n${qid} [${query.language}] ndcg=${m[0].toFixed(3)} pool=${pool.length}: ${raw.find((r) => r.id === qid)?.title}`,
      );
      for (const r of ranked.slice(0, 10)) {
        const l = raw.find((x) => x.id === r.ref);
        console.log(`  ${judged.get(r.ref) ?? '-'} ${r.score.toFixed(2)} ${r.ref} ${l?.title}`);
      }
      for (const [ref, g] of judged) {
        if (g > 0 && !ranked.slice(0, 10).some((r) => r.ref === ref)) {
          const pos = refs.indexOf(ref);
          console.log(`  MISSED g${g} #${pos + 1} ${ref} ${raw.find((x) => x.id === ref)?.title}`);
        }
      }
    }
  }
}

const mean = (xs: number[]): number => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
console.log(`listings ${raw.length}, queries ${qrels.size}, ${(performance.now() - started).toFixed(0)} ms`);
for (const [name, s] of Object.entries(splits)) {
  console.log(
    `${name.padEnd(8)} nDCG@10 ${mean(s.ndcg).toFixed(4)}  recall@10(grade 2) ${mean(s.recall).toFixed(4)}  (queries ${s.ndcg.length})`,
  );
}
