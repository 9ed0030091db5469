/**
 * The listings interchange format (shared/spec/listings-format.md) as one zod schema, shared by the
 * importer, the API and the web forms, so every door refuses the same bad input with the same words.
 */
import { z } from 'zod';
import { bilingual } from '../../lib/i18n.ts';
import { ORG_TYPES } from '../accounts/schema.ts';
import { PREFECTURES, PROVINCES } from '../regions/data.ts';
import { LISTING_CATEGORY_CODES, LISTING_DIRECTIONS } from '../taxonomy/categories.data.ts';
import { isDivisionCode } from '../taxonomy/industries.data.ts';
import { LISTING_LANGS } from './schema.ts';

export const MAX_TITLE_CHARS = 300;
export const MAX_DESCRIPTION_CHARS = 10_000;
export const MAX_TAGS = 20;
export const MAX_TAG_CHARS = 50;
/** Ten trillion yuan: more than any province's annual GDP; larger amounts are typing mistakes. */
export const MAX_AMOUNT_CNY = 1e13;
export const REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
/** Path words under /listings/ that can never be a listing's ref. */
export const RESERVED_REFS = new Set(['new', 'mine', 'export']);

const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));
const prefectureCodes = new Set(PREFECTURES.map((p) => p.code));
const provincesWithPrefectures = new Set(PREFECTURES.map((p) => p.parentCode));

/**
 * Why a GB/T 2260 code cannot be an area of `region`, or undefined when it can: it must start with the
 * province's two digits, and where the platform knows the province's prefectures, its prefecture must be
 * one of them (county codes are checked through their prefecture).
 */
export function areaProblem(region: string, area: string): string | undefined {
  const province = provinceByCode.get(region);
  if (!province) return undefined; // the region itself is reported
  if (!/^\d{6}$/.test(area)) {
    return bilingual('Enter a six-digit GB/T 2260 code', '请输入六位 GB/T 2260 行政区划代码');
  }
  if (area.slice(0, 2) !== province.gbCode.slice(0, 2) || area.endsWith('0000')) {
    return bilingual(`${area} is not an area inside ${region}`, `${area} 不是 ${region} 的下级行政区`);
  }
  const prefecture = `${area.slice(0, 4)}00`;
  if (provincesWithPrefectures.has(region) && !prefectureCodes.has(prefecture)) {
    return bilingual(`There is no area with code ${area}`, `没有代码为 ${area} 的行政区`);
  }
  return undefined;
}

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), {
      message: bilingual('Must be one line', '只能是一行'),
    });

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

/** One listing as the interchange format writes it (unknown fields are refused). */
export const ListingRecord = z
  .strictObject({
    id: z
      .string()
      .regex(REF_PATTERN, {
        message: bilingual(
          'Use 1–100 letters, digits and . _ : - (starting with a letter or digit)',
          '请使用 1–100 个字母、数字及 . _ : -（以字母或数字开头）',
        ),
      })
      .refine((id) => !RESERVED_REFS.has(id.toLowerCase()), {
        message: bilingual('This id is reserved; choose another', '该编号为保留字，请另选'),
      }),
    region: z.string().refine((r) => provinceByCode.has(r), {
      message: bilingual(
        'Not an ISO 3166-2 province code such as CN-JL',
        '不是 ISO 3166-2 省级代码（如 CN-JL）',
      ),
    }),
    area_code: z.string().optional(),
    organization: z.strictObject({
      name: oneLine(200),
      type: z.enum(ORG_TYPES),
    }),
    direction: z.enum(LISTING_DIRECTIONS),
    category: z.enum(LISTING_CATEGORY_CODES),
    sector: z
      .string()
      .refine(isDivisionCode, {
        message: bilingual(
          'Not a GB/T 4754-2017 division such as A01 or C15',
          '不是 GB/T 4754-2017 行业大类代码（如 A01、C15）',
        ),
      })
      .optional(),
    title: oneLine(MAX_TITLE_CHARS),
    description: z.string().trim().min(1).max(MAX_DESCRIPTION_CHARS),
    language: z.enum(LISTING_LANGS),
    tags: z.array(oneLine(MAX_TAG_CHARS)).max(MAX_TAGS).optional(),
    amount_cny: z
      .number()
      .positive()
      .max(MAX_AMOUNT_CNY, {
        message: bilingual('Amounts above 10 trillion yuan are not plausible', '金额超过 10 万亿元，不合理'),
      })
      .optional(),
    valid_until: isoDate.optional(),
    created_at: isoDateTime,
  })
  .superRefine((l, ctx) => {
    if (l.area_code !== undefined) {
      const problem = areaProblem(l.region, l.area_code);
      if (problem) ctx.addIssue({ code: 'custom', path: ['area_code'], message: problem });
    }
    // Compared only when both are well-formed; otherwise their own issues say what is wrong.
    const comparable =
      l.valid_until !== undefined &&
      isoDate.safeParse(l.valid_until).success &&
      isoDateTime.safeParse(l.created_at).success;
    if (comparable && (l.valid_until ?? '') < l.created_at.slice(0, 10)) {
      ctx.addIssue({
        code: 'custom',
        path: ['valid_until'],
        message: bilingual('Must not be before created_at', '不能早于 created_at'),
      });
    }
  });

export type ListingRecord = z.infer<typeof ListingRecord>;

/** What a member writes in the form or the API (region and organisation come from who writes it). */
export const ListingInput = z.strictObject({
  /** Coordinators and admins post for an organisation; members always for their own. */
  orgId: z.uuid().optional(),
  areaCode: z.string().trim().optional(),
  direction: z.enum(LISTING_DIRECTIONS),
  category: z.enum(LISTING_CATEGORY_CODES),
  sector: ListingRecord.shape.sector,
  title: oneLine(MAX_TITLE_CHARS),
  description: z.string().trim().min(1).max(MAX_DESCRIPTION_CHARS),
  language: z.enum(LISTING_LANGS),
  tags: z.array(oneLine(MAX_TAG_CHARS)).max(MAX_TAGS).optional(),
  amountCny: ListingRecord.shape.amount_cny,
  validUntil: isoDate.optional(),
});

export type ListingInput = z.infer<typeof ListingInput>;
