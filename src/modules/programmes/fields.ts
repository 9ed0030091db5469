/**
 * What may be sent to the programme use cases, as zod schemas shared by the use cases, the API and the
 * web forms, so every door refuses the same bad input with the same words (each message in both languages).
 */
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { bilingual, localizeIssues, type Lang } from '../../lib/i18n.ts';
import { INDICATOR_KINDS, PERIOD_KINDS } from './kinds.ts';

/** Ten trillion: more yuan than any province's annual GDP, more people than live anywhere; larger is a typo. */
export const MAX_VALUE = 1e13;
export const MAX_PERIOD_TARGETS = 240;

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), { message: bilingual('Must be one line', '只能是一行') });

/** A real calendar date (2099-02-30 is refused). */
export const Day = z.iso.date({
  message: bilingual('Enter a date as YYYY-MM-DD', '请按 YYYY-MM-DD 格式填写日期'),
});

/** A non-negative number: an amount in yuan or a count (whole numbers are checked against the unit). */
export const Value = z
  .number({ message: bilingual('Enter a number', '请填写数字') })
  .min(0, { message: bilingual('Cannot be negative', '不能为负数') })
  .max(MAX_VALUE, { message: bilingual('Not a plausible value', '数值不合理') });

export const ProgrammeInput = z.strictObject({
  /** An `assistance` pairing: its first region gives, its second receives. */
  pairingId: z.number().int().positive(),
  titleEn: oneLine(300),
  titleZh: oneLine(300),
  descriptionEn: z.string().trim().max(10_000).optional(),
  descriptionZh: z.string().trim().max(10_000).optional(),
  startOn: Day,
  deadline: Day,
});
export type ProgrammeInput = z.infer<typeof ProgrammeInput>;

export const PeriodTargetInput = z.strictObject({
  /** '2018-03' or '2018-Q1', of the indicator's period kind. */
  period: z.string().trim().max(20),
  /** The cumulative value (baseline included) due by the end of the period. */
  target: Value,
});

export const IndicatorInput = z.strictObject({
  kind: z.enum(INDICATOR_KINDS),
  /** Only for `other`: what it counts. */
  nameEn: oneLine(200).optional(),
  nameZh: oneLine(200).optional(),
  /** The kind's unit (`yuan`, `count`, `persons`); for `other`, any unit. */
  unit: z.string().trim().min(1).max(40),
  baseline: Value.optional(),
  target: Value,
  /** Default: the programme's start and deadline. */
  startOn: Day.optional(),
  deadline: Day.optional(),
  periodKind: z.enum(PERIOD_KINDS),
  periodTargets: z.array(PeriodTargetInput).max(MAX_PERIOD_TARGETS).optional(),
});
export type IndicatorInput = z.infer<typeof IndicatorInput>;

export const ReportInput = z.strictObject({
  /** '2018-03' or '2018-Q1'. */
  period: z.string().trim().max(20),
  /** What was added in the period, by indicator id (not running totals). */
  values: z.record(z.string(), Value),
  note: z.string().trim().max(2000).optional(),
  /** Save without sending it for confirmation (a later submission of the same period replaces it). */
  draft: z.boolean().optional(),
});
export type ReportInput = z.infer<typeof ReportInput>;

/** Parses a use case's input, or throws one `validation` error naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, lang: Lang): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('validation', undefined, localizeIssues(result.error.issues, lang));
  return result.data;
}
