/**
 * Ranking-quality measures for the matching evaluation (pure): nDCG@10 with gain 2^grade − 1 and recall@10
 * of grade-2 listings, averaged over queries, overall and split by same- and cross-language pairs.
 */

/** `query_id<TAB>listing_id<TAB>grade` lines → query → listing → grade. */
export function parseQrels(text: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const [q, l, g] = line.trim().split('\t');
    const grade = Number(g);
    if (q === undefined || l === undefined || !Number.isInteger(grade)) {
      throw new Error(`qrels line ${i + 1}: expected query_id<TAB>listing_id<TAB>grade`);
    }
    const m = qrels.get(q) ?? new Map<string, number>();
    m.set(l, grade);
    qrels.set(q, m);
  });
  return qrels;
}

function dcg(grades: number[]): number {
  return grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/**
 * nDCG@10 and recall@10 (grade 2) of one ranking over the judged listings that pass `keep`; with
 * `filterRanking` the ranking is first narrowed to `keep` too. Undefined when nothing kept is relevant.
 */
export function measure(
  ranked: readonly string[],
  judged: ReadonlyMap<string, number>,
  keep: (ref: string) => boolean,
  filterRanking: boolean,
): { ndcg: number; recall: number | undefined } | undefined {
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
  const recall = strong.length > 0 ? strong.filter((r) => top.includes(r)).length / strong.length : undefined;
  return { ndcg: got / ideal, recall };
}

export const SPLITS = ['overall', 'same', 'cross', 'same*', 'cross*'] as const;
export type SplitName = (typeof SPLITS)[number];

export interface SplitResult {
  ndcg: number;
  recall: number;
  queries: number;
}

/**
 * Averages over queries. `same` / `cross` judge each language group within a ranking narrowed to that
 * group (a cross-language positive is ranked among cross-language candidates); `same*` / `cross*` judge
 * the same positives in the full ranking.
 */
export function evaluate(
  runs: readonly { query: string; language: string; ranked: readonly string[] }[],
  qrels: ReadonlyMap<string, ReadonlyMap<string, number>>,
  languageOf: (ref: string) => string | undefined,
): Record<SplitName, SplitResult> {
  const acc = Object.fromEntries(
    SPLITS.map((s) => [s, { ndcg: [] as number[], recall: [] as number[] }]),
  ) as Record<SplitName, { ndcg: number[]; recall: number[] }>;
  for (const run of runs) {
    const judged = qrels.get(run.query);
    if (!judged) continue;
    const same = (r: string) => languageOf(r) === run.language;
    const cross = (r: string) => languageOf(r) !== run.language;
    const parts: [SplitName, (r: string) => boolean, boolean][] = [
      ['overall', () => true, false],
      ['same', same, true],
      ['cross', cross, true],
      ['same*', same, false],
      ['cross*', cross, false],
    ];
    for (const [name, keep, filter] of parts) {
      const m = measure(run.ranked, judged, keep, filter);
      if (!m) continue;
      acc[name].ndcg.push(m.ndcg);
      if (m.recall !== undefined) acc[name].recall.push(m.recall);
    }
  }
  const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  return Object.fromEntries(
    SPLITS.map((s) => [
      s,
      { ndcg: mean(acc[s].ndcg), recall: mean(acc[s].recall), queries: acc[s].ndcg.length },
    ]),
  ) as Record<SplitName, SplitResult>;
}
