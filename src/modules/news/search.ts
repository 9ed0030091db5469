import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { sql, type SQL } from 'drizzle-orm';

let jieba: Jieba | undefined;

/** One segmenter per process: loading the dictionary takes a while. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Chinese text as space-separated words, so PostgreSQL's `simple` configuration can index it. Documents
 * use search mode (吉林省 also yields 吉林), queries the plain cut.
 */
export function segment(text: string, mode: 'document' | 'query'): string {
  const words = mode === 'document' ? segmenter().cutForSearch(text, false) : segmenter().cut(text, false);
  return words.filter((w) => WORDLIKE.test(w)).join(' ');
}

/** Weighted vector of an article: title above summary above body. */
export function searchVector(
  lang: 'en' | 'zh',
  parts: { title: string; summary: string; text: string },
): SQL {
  if (lang === 'en') {
    return sql`setweight(to_tsvector('english', ${parts.title}::text), 'A') || setweight(to_tsvector('english', ${parts.summary}::text), 'B') || setweight(to_tsvector('english', ${parts.text}::text), 'C')`;
  }
  const [title, summary, text] = [parts.title, parts.summary, parts.text].map((s) => segment(s, 'document'));
  return sql`setweight(to_tsvector('simple', ${title}::text), 'A') || setweight(to_tsvector('simple', ${summary}::text), 'B') || setweight(to_tsvector('simple', ${text}::text), 'C')`;
}

/** The query for articles in each language: English stemmed, Chinese segmented into words. */
export function searchQueries(q: string): { en: SQL; zh: SQL } {
  return {
    en: sql`plainto_tsquery('english', ${q}::text)`,
    zh: sql`plainto_tsquery('simple', ${segment(q, 'query')}::text)`,
  };
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** Marks that ts_headline puts around matches; plain text never contains them (see plainText). */
export const MARK_START = '\u0002';
export const MARK_STOP = '\u0003';

/** Splits ts_headline output into plain and matched parts, for the view to escape and wrap in <mark>. */
export function headlineSegments(headline: string): Segment[] {
  const out: Segment[] = [];
  const re = new RegExp(`${MARK_START}([^${MARK_STOP}]*)${MARK_STOP}`, 'g');
  let last = 0;
  for (const m of headline.matchAll(re)) {
    if (m.index > last) out.push({ text: headline.slice(last, m.index), hit: false });
    out.push({ text: m[1]!, hit: true });
    last = m.index + m[0].length;
  }
  if (last < headline.length) out.push({ text: headline.slice(last), hit: false });
  return out.map((s) => ({ ...s, text: s.text.replaceAll(MARK_START, '').replaceAll(MARK_STOP, '') }));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Chinese words have no inflection, so the query's words are found as they are. Returns the text around the
 * first match (or its start), split into plain and matched parts.
 */
export function highlightWords(
  text: string,
  q: string,
  opts: { whole?: boolean; radius?: number } = {},
): Segment[] {
  const words = [...new Set(segment(q, 'query').split(' ').filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  const radius = opts.radius ?? 60;
  if (words.length === 0) return [{ text: opts.whole ? text : text.slice(0, radius * 2), hit: false }];
  const re = new RegExp(words.map(escapeRegExp).join('|'), 'giu');
  let window = text;
  let prefix = '';
  let suffix = '';
  if (!opts.whole) {
    const first = text.search(re);
    const start = Math.max(0, (first < 0 ? 0 : first) - radius);
    const end = Math.min(text.length, start + radius * 2 + 20);
    window = text.slice(start, end);
    prefix = start > 0 ? '…' : '';
    suffix = end < text.length ? '…' : '';
  }
  const out: Segment[] = [];
  let last = 0;
  for (const m of window.matchAll(re)) {
    if (m.index > last) out.push({ text: window.slice(last, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < window.length) out.push({ text: window.slice(last), hit: false });
  if (prefix) out.unshift({ text: prefix, hit: false });
  if (suffix) out.push({ text: suffix, hit: false });
  return out;
}
