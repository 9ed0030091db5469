/**
 * The analyzer: turns a listing's text into language-neutral features (glossary concepts, residual
 * terms, sector, amount) as plain JSON. Pure apart from the process-wide jieba dictionary it extends.
 */
import type { GlossaryEntry } from '../../taxonomy/glossary.data.ts';
import { glossaryKey } from '../../taxonomy/glossary.data.ts';
import { divisionOf } from '../../taxonomy/industries.data.ts';
import { addSegmenterWords, chineseRuns, EN_STOP, latinWords, stem, ZH_STOP } from './text.ts';
import type { Features, ListingText } from './types.ts';

/** Field weights: a word in the title says more about the listing than one in the description. */
export const FIELD_WEIGHTS = { title: 3, tags: 2, description: 1 } as const;

/** Weight of a broader concept reached through a narrower one ('longjing-tea' → 'green-tea'). */
const BROADER_FACTOR = 0.5;
const MAX_ZH_TOKENS = 5;
const MAX_EN_WORDS = 6;

/** A glossary prepared for matching: Chinese terms as is, English terms as stemmed word sequences. */
export interface GlossaryIndex {
  zh: ReadonlyMap<string, string>;
  en: ReadonlyMap<string, string>;
  /** Every prefix of a Chinese term and of a stemmed English phrase: a phrase that is none can stop growing. */
  zhPrefixes: ReadonlySet<string>;
  enPrefixes: ReadonlySet<string>;
  broader: ReadonlyMap<string, string>;
}

const prepared = new WeakMap<readonly GlossaryEntry[], GlossaryIndex>();

/** The matching index of a glossary (memoised per glossary array); loads its Chinese terms into jieba. */
export function indexGlossary(glossary: readonly GlossaryEntry[]): GlossaryIndex {
  const cached = prepared.get(glossary);
  if (cached) return cached;
  const zh = new Map<string, string>();
  const en = new Map<string, string>();
  const broader = new Map<string, string>();
  for (const entry of glossary) {
    for (const term of entry.zh) {
      const key = term.normalize('NFKC').replace(/\s+/g, '');
      if (!zh.has(key)) zh.set(key, entry.id);
    }
    for (const term of entry.en) {
      const key = stemmedKey(glossaryKey(term));
      if (key.length > 0 && !en.has(key)) en.set(key, entry.id);
    }
    if (entry.broader !== undefined) broader.set(entry.id, entry.broader);
  }
  addSegmenterWords(zh.keys());
  const zhPrefixes = new Set<string>();
  for (const term of zh.keys()) for (let i = 1; i <= term.length; i++) zhPrefixes.add(term.slice(0, i));
  const enPrefixes = new Set<string>();
  for (const key of en.keys()) {
    const words = key.split(' ');
    for (let i = 1; i <= words.length; i++) enPrefixes.add(words.slice(0, i).join(' '));
  }
  const index = { zh, en, zhPrefixes, enPrefixes, broader };
  prepared.set(glossary, index);
  return index;
}

function stemmedKey(text: string): string {
  return latinWords(text).map(stem).join(' ');
}

interface Accumulator {
  concepts: Record<string, number>;
  conceptTerms: Record<string, string>;
  conceptVia: Record<string, string>;
  terms: Record<string, number>;
  termSurface: Record<string, string>;
  length: number;
}

function addConcept(acc: Accumulator, id: string, weight: number, surface: string): void {
  const prev = acc.concepts[id] ?? 0;
  if (weight > prev) {
    acc.concepts[id] = weight;
    acc.conceptTerms[id] = surface;
  } else if (acc.conceptTerms[id] === undefined) {
    acc.conceptTerms[id] = surface;
  }
}

function addTerm(acc: Accumulator, term: string, weight: number, surface?: string): void {
  if (surface !== undefined && surface !== term && acc.termSurface[term] === undefined) {
    acc.termSurface[term] = surface;
  }
  acc.terms[term] = (acc.terms[term] ?? 0) + weight;
  acc.length += weight;
}

/** Finds concepts and residual terms in one field of text, adding them with the field's weight. */
function analyzeField(acc: Accumulator, text: string, weight: number, index: GlossaryIndex): void {
  // Chinese: jieba words; glossary phrases are runs of 1..MAX_ZH_TOKENS consecutive words.
  for (const tokens of chineseRuns(text)) {
    const covered = new Array<boolean>(tokens.length).fill(false);
    for (let i = 0; i < tokens.length; i++) {
      let phrase = '';
      for (let j = i; j < Math.min(tokens.length, i + MAX_ZH_TOKENS); j++) {
        phrase += tokens[j] ?? '';
        if (!index.zhPrefixes.has(phrase)) break;
        const id = index.zh.get(phrase);
        if (id !== undefined) {
          addConcept(acc, id, weight, phrase);
          covered.fill(true, i, j + 1);
        }
      }
    }
    tokens.forEach((word, i) => {
      if (covered[i]) return; // residual: words not already part of a concept
      if (word.length >= 2 && !ZH_STOP.has(word)) addTerm(acc, word, weight);
    });
  }
  // English: lowercased words, stemmed; glossary phrases are stemmed n-grams.
  const words = latinWords(text);
  const stems = words.map(stem);
  const covered = new Array<boolean>(stems.length).fill(false);
  for (let i = 0; i < stems.length; i++) {
    let key = '';
    for (let j = i; j < Math.min(stems.length, i + MAX_EN_WORDS); j++) {
      key = j === i ? (stems[j] ?? '') : `${key} ${stems[j] ?? ''}`;
      if (!index.enPrefixes.has(key)) break;
      const id = index.en.get(key);
      if (id !== undefined) {
        addConcept(acc, id, weight, words.slice(i, j + 1).join(' '));
        covered.fill(true, i, j + 1);
      }
    }
  }
  stems.forEach((s, i) => {
    if (covered[i]) return;
    if (s.length >= 2 && !/^\d+$/.test(s) && !EN_STOP.has(s)) addTerm(acc, s, weight, words[i]);
  });
}

/** Features of a listing: concepts, residual terms (title above tags above description), sector, amount. */
export function analyzeListing(listing: ListingText, glossary: readonly GlossaryEntry[]): Features {
  const index = indexGlossary(glossary);
  const acc: Accumulator = {
    concepts: {},
    conceptTerms: {},
    conceptVia: {},
    terms: {},
    termSurface: {},
    length: 0,
  };
  analyzeField(acc, listing.title, FIELD_WEIGHTS.title, index);
  for (const tag of listing.tags ?? []) analyzeField(acc, tag, FIELD_WEIGHTS.tags, index);
  analyzeField(acc, listing.description, FIELD_WEIGHTS.description, index);
  // Broader concepts, reached through narrower ones, at a reduced weight (one level up is enough).
  for (const [id, weight] of Object.entries(acc.concepts)) {
    const up = index.broader.get(id);
    if (up === undefined) continue;
    // Reached only through a narrower concept: remember which, so a match on it reads as "related".
    if (acc.concepts[up] === undefined) acc.conceptVia[up] = id;
    addConcept(acc, up, weight * BROADER_FACTOR, acc.conceptTerms[id] ?? id);
  }
  const features: Features = { ...acc };
  const division = listing.sector !== undefined ? divisionOf(listing.sector) : undefined;
  if (division) {
    features.division = division.code;
    features.section = division.section;
  }
  if (listing.amount_cny !== undefined && Number.isFinite(listing.amount_cny) && listing.amount_cny > 0) {
    features.amount = listing.amount_cny;
  }
  return features;
}
