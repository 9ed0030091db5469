/** What an interest, an answer and a message may hold: one schema each, shared by API, pages and use cases. */
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { bilingual, localizeIssues, type Lang } from '../../lib/i18n.ts';
import { AGREEMENT_TYPES, type AgreementType } from '../agreements/kinds.ts';
import { DECLINE_REASONS, TIMELINES } from './schema.ts';

export const MAX_MESSAGE = 5000;
export const MAX_BRING = 2000;
export const MAX_NOTE = 1000;
export const MAX_BODY = 10_000;

export type Timeline = (typeof TIMELINES)[number];
export type DeclineReason = (typeof DECLINE_REASONS)[number];

const Ref = z.string().trim().min(1).max(200);

export const InterestInput = z.strictObject({
  listingRef: Ref,
  viaListingRef: Ref.optional(),
  message: z.string().trim().min(1).max(MAX_MESSAGE),
  bring: z.string().trim().min(1).max(MAX_BRING),
  form: z.enum(AGREEMENT_TYPES),
  timeline: z.enum(TIMELINES),
});
export interface InterestInput {
  listingRef: string;
  viaListingRef?: string | undefined;
  message: string;
  bring: string;
  form: AgreementType;
  timeline: Timeline;
}

/** Accept, or decline with a reason from the list (and a note, required for `other`). */
export const AnswerInput = z
  .strictObject({
    accept: z.boolean(),
    reason: z.enum(DECLINE_REASONS).optional(),
    note: z.string().trim().max(MAX_NOTE).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.accept) return;
    if (!a.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: bilingual('Choose a reason for declining', '请选择谢绝的原因'),
      });
    } else if (a.reason === 'other' && !a.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: bilingual('Say why in a note when the reason is “other”', '选择“其他”原因时请填写说明'),
      });
    }
  });
export type AnswerInput =
  { accept: true } | { accept: false; reason: DeclineReason; note?: string | undefined };

export const MessageInput = z.strictObject({ body: z.string().trim().max(MAX_BODY) });
export interface MessageInput {
  body: string;
}

/** Input checked against its schema: the parsed value, or a `validation` error naming each bad field. */
export function checked<S extends z.ZodType>(schema: S, input: unknown, lang: Lang): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('validation', undefined, localizeIssues(result.error.issues, lang));
}
