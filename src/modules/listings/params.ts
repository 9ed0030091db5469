/**
 * What the JSON API and the CLI share about listings: the browse filters and the matches parameters (one
 * zod schema each, so both doors refuse the same input with the same words), reading `asOf`, and the
 * contract shape of a listing's matches.
 */
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { bilingual, localizeIssues, type Lang } from '../../lib/i18n.ts';
import { ORG_TYPES } from '../accounts/schema.ts';
import { PROVINCES } from '../regions/data.ts';
import { LISTING_CATEGORY_CODES, LISTING_DIRECTIONS } from '../taxonomy/categories.data.ts';
import { isDivisionCode } from '../taxonomy/industries.data.ts';
import type { BrowseQuery } from './listings.service.ts';
import type { MatchItem, MatchJson } from './match.service.ts';
import { listingsErr } from './messages.ts';
import { LISTING_LANGS } from './schema.ts';

const PROVINCE_CODES = PROVINCES.map((p) => p.code) as [string, ...string[]];
export const BROWSE_STATES = ['active', 'expired', 'all', 'pending', 'rejected', 'closed'] as const;
export const MATCH_SCOPES = ['counterpart', 'all'] as const;

/** A multi-valued filter: `a,b`, a repeated parameter, or both. */
function list<const T extends readonly [string, ...string[]]>(values: T, message?: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      [v]
        .flat()
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .pipe(z.array(z.enum(values, message ? { error: message } : undefined)).max(values.length))
    .optional()
    .describe(`One or more of: ${values.join(', ')} (comma-separated, or the parameter repeated)`);
}

/** The browse facets and search of `/listings` (all optional; `state` defaults to active listings). */
export const ListingFilters = z.object({
  q: z.string().trim().max(200).optional(),
  region: list(
    PROVINCE_CODES,
    bilingual('Not an ISO 3166-2 province code such as CN-JL', '不是 ISO 3166-2 省级代码（如 CN-JL）'),
  ),
  area: z
    .string()
    .regex(/^\d{6}$/, {
      message: bilingual('Enter a six-digit GB/T 2260 code', '请输入六位 GB/T 2260 行政区划代码'),
    })
    .optional(),
  category: list(LISTING_CATEGORY_CODES),
  direction: z.enum(LISTING_DIRECTIONS).optional(),
  sector: z
    .string()
    .refine((s) => /^[A-T]$/.test(s) || isDivisionCode(s), {
      message: bilingual(
        'Not a GB/T 4754-2017 section letter (C) or division (C15)',
        '不是 GB/T 4754-2017 行业门类（如 C）或大类（如 C15）代码',
      ),
    })
    .optional(),
  language: z.enum(LISTING_LANGS).optional(),
  orgType: list(ORG_TYPES),
  state: z.enum(BROWSE_STATES).optional(),
});
export type ListingFilters = z.infer<typeof ListingFilters>;

/** The service's browse query for validated filters (without the page). */
export function browseQueryOf(f: ListingFilters): Omit<BrowseQuery, 'page' | 'pageSize'> {
  return {
    q: f.q === '' ? undefined : f.q,
    regions: f.region?.length ? f.region : undefined,
    area: f.area,
    categories: f.category?.length ? f.category : undefined,
    direction: f.direction,
    sector: f.sector,
    language: f.language,
    orgTypes: f.orgType?.length ? f.orgType : undefined,
    state: f.state,
  };
}

const SHANGHAI_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = z.iso.datetime({ offset: true });

function realDay(y: string, m: string, d: string): boolean {
  const t = new Date(Date.UTC(+y, +m - 1, +d));
  return t.getUTCFullYear() === +y && t.getUTCMonth() === +m - 1 && t.getUTCDate() === +d;
}

/**
 * The moment `asOf` names: a date is the start of that day in Asia/Shanghai; a date-time must carry its
 * offset (`Z` or `+08:00`). Undefined when it is neither, or names a day that does not exist.
 */
export function parseAsOf(text: string): Date | undefined {
  // An unencoded '+' in a query string arrives as a space: `…T00:00:00 08:00`.
  const s = text.trim().replace(/^(\d{4}-\d{2}-\d{2}T[\d:.]+) (\d{2}:\d{2})$/, '$1+$2');
  const day = SHANGHAI_DAY.exec(s);
  if (day) return realDay(day[1]!, day[2]!, day[3]!) ? new Date(`${s}T00:00:00+08:00`) : undefined;
  if (!DATE_TIME.safeParse(s).success) return undefined;
  const [y = '', m = '', d = ''] = s.slice(0, 10).split('-');
  const moment = new Date(s);
  return realDay(y, m, d) && !Number.isNaN(moment.getTime()) ? moment : undefined;
}

/** `limit`, `asOf` and `scope` of a matches request. */
export const MatchParams = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  asOf: z
    .string()
    .refine((s) => parseAsOf(s) !== undefined, {
      message: bilingual(listingsErr('en')('badAsOf'), listingsErr('zh')('badAsOf')),
    })
    .optional(),
  scope: z.enum(MATCH_SCOPES).default('counterpart'),
});
export type MatchParams = z.infer<typeof MatchParams>;

/** `{items:[…]}` of the matches contract, best first, picking only the contract's fields. */
export function presentMatches(items: readonly MatchItem[]): { items: MatchJson[] } {
  return {
    items: items.map((m) => ({
      ref: m.ref,
      title: m.title,
      region: m.region,
      category: m.category,
      direction: m.direction,
      score: m.score,
      reasons: m.reasons.map((r) => ({ code: r.code, text: r.text })),
    })),
  };
}

/** Parses with a schema or throws the `validation` AppError naming each field, in `lang`. */
export function parseParams<T extends z.ZodType>(schema: T, value: unknown, lang: Lang): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('validation', undefined, localizeIssues(parsed.error.issues, lang));
}
