/** Types shared by the pure matching core (no I/O). Features are plain JSON so they can be stored. */

/** The listing fields the analyzer reads (a subset of the interchange format). */
export interface ListingText {
  title: string;
  description: string;
  language: 'zh' | 'en';
  tags?: readonly string[] | undefined;
  sector?: string | undefined;
  amount_cny?: number | undefined;
}

/** What the analyzer extracts from one listing; plain JSON, everything the scorer needs from the text. */
export interface Features {
  /** Glossary entry id → weight (title 3, tags 2, description 1; broader entries found by way of a narrower one at half). */
  concepts: Record<string, number>;
  /** Glossary entry id → the surface term the listing used for it (for reasons). */
  conceptTerms: Record<string, string>;
  /** Broader concept id → the narrower concept it was reached through (absent when named directly). */
  conceptVia?: Record<string, string>;
  /** Residual English stem → a word the listing used for it ('bottl' → 'bottled'), for reasons. */
  termSurface?: Record<string, string>;
  /** Residual term → weighted frequency (title terms count 3, tags 2, description 1). */
  terms: Record<string, number>;
  /** Total weighted term count (document length for BM25). */
  length: number;
  /** GB/T 4754 division code ('C15') when given and valid. */
  division?: string;
  /** Section letter ('C') of the division. */
  section?: string;
  /** Amount in yuan when given and positive. */
  amount?: number;
}

/** The listing facts the hard filters and the freshness score need. */
export interface ListingMeta {
  ref: string;
  region: string;
  category: string;
  direction: 'offer' | 'seek';
  language: 'zh' | 'en';
  /** ISO 8601 date-time. */
  createdAt: string;
  /** ISO date ('2018-12-31'); absent when open-ended. */
  validUntil?: string | undefined;
}

export type Analyzed = Features & ListingMeta;

/** Corpus statistics supplied by the caller (computed by `corpusStats`, storable as JSON). */
export interface CorpusStats {
  /** Number of documents the statistics were computed over. */
  docs: number;
  /** Mean `length`. */
  avgLength: number;
  /** Concept id → number of documents containing it. */
  conceptDf: Record<string, number>;
  /** Residual term → number of documents containing it. */
  termDf: Record<string, number>;
}

export type ReasonCode =
  | 'sector_division'
  | 'sector_section'
  | 'shared_concept'
  | 'related_concept'
  | 'shared_terms'
  | 'amount_fits'
  | 'fresh'
  | 'counterpart_region';

export interface Reason {
  code: ReasonCode;
  params: Record<string, string | number>;
}

export interface ScoreContext {
  asOf: Date;
  /** Whether the candidate comes from one of the query's counterpart regions (adds a reason). */
  counterpart: boolean;
  /** Concept id → weight (from `conceptWeights`); concepts absent from it weigh 1. */
  conceptWeights: Record<string, number>;
  /** Corpus statistics for the BM25-like term score; without them terms weigh by tf alone. */
  stats?: CorpusStats | undefined;
  /** Overrides of the scorer's weights (for tuning); defaults are `WEIGHTS` in score.ts. */
  weights?: Partial<ScoreWeights> | undefined;
}

export interface ScoreWeights {
  concept: number;
  terms: number;
  division: number;
  section: number;
  amount: number;
  fresh: number;
}

export interface ScoredMatch {
  score: number;
  reasons: Reason[];
  /** Whether anything beyond region, section, amount and age ties the two: a concept, a word or the division. */
  evidence: boolean;
}
