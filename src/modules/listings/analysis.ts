/**
 * What the database keeps of a listing for matching and search: the core's features, the retrieval keys
 * of a published listing, the corpus-statistics deltas of a write, and the search vector.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { analyzeListing } from '../matching/core/analyze.ts';
import { chineseRuns, latinWords } from '../matching/core/text.ts';
import type { Features, ListingText } from '../matching/core/types.ts';
import type { GlossaryEntry } from '../taxonomy/glossary.data.ts';

/** Terms of a listing kept as retrieval keys (the heaviest first); concepts are always all kept. */
const MAX_TERM_KEYS = 120;

export const DOCS_KEY = '#docs';
export const LENGTH_KEY = '#length';

export function analyze(listing: ListingText, glossary: readonly GlossaryEntry[]): Features {
  return analyzeListing(listing, glossary);
}

/** The statistics features of a listing: `c:concept` and `t:term` (what document frequencies count). */
export function statFeatures(f: Features): string[] {
  return [...Object.keys(f.concepts).map((c) => `c:${c}`), ...Object.keys(f.terms).map((t) => `t:${t}`)];
}

/** Features a listing can be found by: all its concepts, its heaviest terms, and its division. */
export function retrievalFeatures(f: Features): string[] {
  const terms = Object.entries(f.terms)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_TERM_KEYS)
    .map(([t]) => `t:${t}`);
  const keys = [...Object.keys(f.concepts).map((c) => `c:${c}`), ...terms];
  if (f.division !== undefined) keys.push(`d:${f.division}`);
  return keys;
}

/** The prefix of retrieval keys: candidates are looked up within one category, direction and region. */
export function keyPrefix(category: string, direction: string, region: string): string {
  return `${category}:${direction}:${region}:`;
}

/**
 * A 53-bit hash of a retrieval key (two FNV-1a passes with different offsets), safe as a JS number and a
 * PostgreSQL bigint. A collision only adds a candidate, which the scorer then judges on its features.
 */
export function keyHash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}

/** `match_keys` of a listing: hashed, prefixed retrieval features when published, none otherwise. */
export function matchKeys(
  l: { category: string; direction: string; regionCode: string; status: string },
  f: Features,
): number[] {
  if (l.status !== 'published') return [];
  const prefix = keyPrefix(l.category, l.direction, l.regionCode);
  return [...new Set(retrievalFeatures(f).map((k) => keyHash(prefix + k)))];
}

/** Accumulates document-frequency changes over a batch of writes (published listings count). */
export class StatsDelta {
  readonly deltas = new Map<string, number>();

  private add(key: string, by: number): void {
    this.deltas.set(key, (this.deltas.get(key) ?? 0) + by);
  }

  /** Records that a listing with these features left (`-1`) or joined (`+1`) the published corpus. */
  count(f: Features, sign: 1 | -1): void {
    for (const k of statFeatures(f)) this.add(k, sign);
    this.add(DOCS_KEY, sign);
    this.add(LENGTH_KEY, sign * Math.round(f.length));
  }

  /** A write from `before` (undefined: no row, or not published) to `after`. */
  change(before: Features | undefined, after: Features | undefined): void {
    if (before) this.count(before, -1);
    if (after) this.count(after, 1);
  }

  /** Non-zero changes, sorted by key (so concurrent writers lock rows in the same order). */
  entries(): [string, number][] {
    return [...this.deltas].filter(([, d]) => d !== 0).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }
}

/** Chinese text as space-separated jieba words, for PostgreSQL's `simple` configuration. */
export function segmentChinese(text: string): string {
  return [...chineseRuns(text).flat(), ...latinWords(text)].join(' ');
}

/** Search vector of a listing: English stemmed, Chinese segmented; the title weighs most. */
export function searchVector(l: {
  language: 'zh' | 'en';
  title: string;
  description: string;
  tags: string[];
}): SQL {
  const body = `${l.tags.join(' ')} ${l.description}`;
  if (l.language === 'en') {
    return sql`setweight(to_tsvector('english', ${l.title}::text), 'A') || setweight(to_tsvector('english', ${body}::text), 'C')`;
  }
  return sql`setweight(to_tsvector('simple', ${segmentChinese(l.title)}::text), 'A') || setweight(to_tsvector('simple', ${segmentChinese(body)}::text), 'C')`;
}

/** A search query against listings of both languages. */
export function searchMatch(column: SQLWrapper, q: string): SQL {
  return sql`(${column} @@ plainto_tsquery('english', ${q}::text) or ${column} @@ plainto_tsquery('simple', ${segmentChinese(q)}::text))`;
}
