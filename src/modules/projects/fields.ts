/**
 * What may be sent to the project use cases, as zod schemas shared by the use cases, the API and the web
 * forms, so every door refuses the same bad input with the same words (each message in both languages).
 */
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { bilingual, localizeIssues, type Lang } from '../../lib/i18n.ts';
import { LISTING_CATEGORY_CODES } from '../taxonomy/categories.data.ts';
import { isDivisionCode } from '../taxonomy/industries.data.ts';
import { PROJECT_STAGES } from './schema.ts';

/** Ten trillion yuan: more than any province's annual GDP; larger amounts are typing mistakes. */
export const MAX_AMOUNT_CNY = 1e13;
/** More jobs than any single project creates. */
export const MAX_JOBS = 10_000_000;
export const MAX_MILESTONES = 50;

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), { message: bilingual('Must be one line', '只能是一行') });

const text = (max: number) => z.string().trim().max(max);

/** A real calendar date (2099-02-30 is refused). */
export const Day = z.iso.date({
  message: bilingual('Enter a date as YYYY-MM-DD', '请按 YYYY-MM-DD 格式填写日期'),
});

export const Amount = z
  .number({ message: bilingual('Enter an amount in yuan', '请填写以元为单位的金额') })
  .min(0, { message: bilingual('Amounts cannot be negative', '金额不能为负数') })
  .max(MAX_AMOUNT_CNY, {
    message: bilingual('Amounts above 10 trillion yuan are not plausible', '金额超过 10 万亿元，不合理'),
  });

export const Jobs = z
  .number({ message: bilingual('Enter a whole number', '请填写整数') })
  .int({ message: bilingual('Enter a whole number', '请填写整数') })
  .min(0, { message: bilingual('Cannot be negative', '不能为负数') })
  .max(MAX_JOBS, { message: bilingual('Not a plausible number of jobs', '就业人数不合理') });

export const Sector = z.string().refine(isDivisionCode, {
  message: bilingual(
    'Not a GB/T 4754-2017 division such as A01 or C15',
    '不是 GB/T 4754-2017 行业大类代码（如 A01、C15）',
  ),
});

export const MilestoneInput = z.strictObject({ title: oneLine(200), dueOn: Day });
export type MilestoneInput = z.infer<typeof MilestoneInput>;

export const ProjectInput = z.strictObject({
  title: oneLine(300),
  summary: text(10_000).optional(),
  language: z.enum(['zh', 'en']),
  category: z.enum(LISTING_CATEGORY_CODES),
  sector: Sector.optional(),
  /** Where it is built: one of the parties' regions. */
  regionCode: z.string().trim().min(1),
  areaCode: z.string().trim().optional(),
  /** Defaults to the agreement's value. */
  contractedInvestmentCny: Amount.optional(),
  published: z.boolean().optional(),
  milestones: z.array(MilestoneInput).max(MAX_MILESTONES).optional(),
});
export type ProjectInput = z.infer<typeof ProjectInput>;

export const StageInput = z.strictObject({
  stage: z.enum(PROJECT_STAGES),
  on: Day,
  reason: text(2000).optional(),
});
export type StageInput = z.infer<typeof StageInput>;

export const DoneInput = z.strictObject({ doneOn: Day });
export type DoneInput = z.infer<typeof DoneInput>;

export const UpdateInput = z.strictObject({
  body: z.string().trim().min(1).max(10_000),
  /** Actual investment to date, as of this update (absent: unchanged). */
  actualInvestmentCny: Amount.optional(),
  /** Jobs created to date (absent: unchanged). */
  jobsCreated: Jobs.optional(),
  /** Why the figures exceed the contracted investment, or fall below the approved ones. */
  overrunNote: text(2000).optional(),
});
export type UpdateInput = z.infer<typeof UpdateInput>;

export const ReviewInput = z.strictObject({
  approve: z.boolean(),
  note: text(2000).optional(),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

/** Parses a use case's input, or throws one `validation` error naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, lang: Lang): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('validation', undefined, localizeIssues(result.error.issues, lang));
  return result.data;
}
