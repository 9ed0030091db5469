import { describe, expect, it } from 'vitest';
import { evaluate, measure, parseQrels } from './evaluate.ts';

const all = () => true;
const L3 = Math.log2(3);

describe('parseQrels', () => {
  it('reads query, listing and grade, skipping blank lines and tolerating CRLF', () => {
    const q = parseQrels('q1\ta\t2\r\nq1\tb\t0\n\nq2\tc\t1\n');
    expect([...q.keys()]).toEqual(['q1', 'q2']);
    expect(Object.fromEntries(q.get('q1')!)).toEqual({ a: 2, b: 0 });
    expect(Object.fromEntries(q.get('q2')!)).toEqual({ c: 1 });
  });

  it('names the line of a malformed judgement', () => {
    expect(() => parseQrels('q1\ta\t2\nq1 a 2\n')).toThrow(/line 2/);
    expect(() => parseQrels('q1\ta\ttwo\n')).toThrow(/line 1/);
    expect(() => parseQrels('q1\ta\t1.5\n')).toThrow(/line 1/);
  });
});

describe('measure', () => {
  const judged = new Map([
    ['a', 2],
    ['b', 1],
    ['c', 0],
  ]);
  // Ideal order a, b: (2^2-1)/log2(2) + (2^1-1)/log2(3) = 3 + 1/log2(3).
  const ideal = 3 + 1 / L3;

  it('is 1 for the ideal order and counts unjudged listings as not relevant', () => {
    expect(measure(['a', 'b', 'c'], judged, all, false)).toEqual({ ndcg: 1, recall: 1 });
    // b first (1), x nothing, a third (3/log2(4) = 1.5)
    const m = measure(['b', 'x', 'a'], judged, all, false);
    expect(m?.ndcg).toBeCloseTo(2.5 / ideal, 10);
    expect(m?.ndcg).toBeCloseTo(0.688529, 5);
    expect(m?.recall).toBe(1);
  });

  it('looks only at the top ten', () => {
    const ranked = ['b', ...Array.from({ length: 9 }, (_, i) => `x${i}`), 'a'];
    const m = measure(ranked, judged, all, false);
    expect(m?.ndcg).toBeCloseTo(1 / ideal, 10);
    expect(m?.recall).toBe(0);
  });

  it('caps the ideal at ten relevant listings', () => {
    const many = new Map(Array.from({ length: 12 }, (_, i) => [`r${i}`, 2] as const));
    const m = measure(
      Array.from({ length: 12 }, (_, i) => `r${i}`),
      many,
      all,
      false,
    );
    expect(m?.ndcg).toBeCloseTo(1, 10);
    // Recall@10 of twelve strong matches can be at most 10/12.
    expect(m?.recall).toBeCloseTo(10 / 12, 10);
  });

  it('recall counts grade-2 listings only; undefined without any; no result without relevant ones', () => {
    const partial = new Map([['b', 1]]);
    expect(measure(['b'], partial, all, false)).toEqual({ ndcg: 1, recall: undefined });
    expect(measure(['c'], new Map([['c', 0]]), all, false)).toBeUndefined();
    expect(measure([], new Map(), all, false)).toBeUndefined();
    // Strong matches a and d, only a found: recall 1/2.
    const two = new Map([
      ['a', 2],
      ['d', 2],
    ]);
    expect(measure(['a', 'z'], two, all, false)?.recall).toBe(0.5);
  });

  it('judges a group inside the full ranking, or inside the ranking narrowed to the group', () => {
    const j = new Map([
      ['x', 2],
      ['a', 2],
    ]);
    const keep = (r: string) => r !== 'x';
    // In the full ranking, a is second behind x (which is outside the group and gains nothing).
    expect(measure(['x', 'a'], j, keep, false)?.ndcg).toBeCloseTo(3 / L3 / 3, 10);
    // Narrowed to the group, a is first.
    expect(measure(['x', 'a'], j, keep, true)?.ndcg).toBe(1);
  });
});

describe('evaluate', () => {
  const qrels = parseQrels(['q1\ta\t2', 'q1\tb\t2', 'q2\tc\t1', 'q2\te\t0'].join('\n'));
  const lang: Record<string, string> = { a: 'zh', b: 'en', c: 'en', d: 'en', e: 'en' };
  const runs = [
    { query: 'q1', language: 'zh', ranked: ['b', 'a'] },
    { query: 'q2', language: 'en', ranked: ['d', 'c'] },
    { query: 'q3', language: 'en', ranked: ['a'] }, // not judged: left out
  ];
  const r = evaluate(runs, qrels, (ref) => lang[ref]);

  it('averages over judged queries overall', () => {
    // q1: both strong matches in the top two, in either order: 1. q2: c second: 1/log2(3).
    expect(r.overall.queries).toBe(2);
    expect(r.overall.ndcg).toBeCloseTo((1 + 1 / L3) / 2, 10);
    expect(r.overall.recall).toBe(1); // q2 has no grade-2 listing and is left out of recall
  });

  it('splits same- and cross-language pairs, within the narrowed ranking and within the full one', () => {
    expect(r.same).toEqual({ ndcg: expect.closeTo((1 + 1 / L3) / 2, 10) as number, recall: 1, queries: 2 });
    expect(r.cross).toEqual({ ndcg: 1, recall: 1, queries: 1 });
    // q1's same-language a is second in the full ranking, behind the cross-language b.
    expect(r['same*'].ndcg).toBeCloseTo((3 / L3 / 3 + 1 / L3) / 2, 10);
    expect(r['same*'].queries).toBe(2);
    expect(r['cross*']).toEqual({ ndcg: 1, recall: 1, queries: 1 });
  });

  it('gives NaN for a split without queries', () => {
    const only = evaluate([runs[1]!], qrels, (ref) => lang[ref]);
    expect(only.cross.queries).toBe(0);
    expect(only.cross.ndcg).toBeNaN();
  });
});
