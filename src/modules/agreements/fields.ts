/** The fields of an agreement as callers send them (API body, page form), with their limits. */
import { z } from '@hono/zod-openapi';
import { bilingual } from '../../lib/i18n.ts';
import { AGREEMENT_TYPES } from './kinds.ts';

/** Contracted values above this (10 trillion yuan) are not plausible. */
export const MAX_VALUE_CNY = 1e13;
/** Agreements signed before this are not recorded here (the programme is younger). */
export const EARLIEST_SIGNED_ON = '1990-01-01';
/** An agreement has two parties and at most this many in all. */
export const MAX_PARTIES = 6;
export const MAX_SOURCES = 10;
export const MAX_TITLE_CHARS = 200;
export const MAX_SUMMARY_CHARS = 5000;
export const MAX_PLACE_CHARS = 200;

/** Ids are checked by the use case, so that an id of the wrong form is "unknown" like any other. */
const idList = (max: number) => z.array(z.string().trim().max(100)).max(max);

/** A new agreement. Dates and parties are checked further by the use case (today, approved, distinct). */
export const AgreementInput = z
  .strictObject({
    type: z.enum(AGREEMENT_TYPES),
    title: z.string().trim().min(1).max(MAX_TITLE_CHARS),
    summary: z.string().trim().max(MAX_SUMMARY_CHARS).optional(),
    language: z.enum(['zh', 'en']),
    valueCny: z
      .number({ message: bilingual('Enter an amount in yuan', '请输入金额（元）') })
      .min(0, { message: bilingual('The value cannot be negative', '金额不能为负数') })
      .max(MAX_VALUE_CNY, {
        message: bilingual('Amounts above 10 trillion yuan are not plausible', '金额超过 10 万亿元，不合理'),
      })
      .nullable()
      .optional()
      .openapi({ description: 'Contracted value in yuan', example: 12_000_000 }),
    signedOn: z
      .string()
      .openapi({ format: 'date', example: '2018-05-20', description: 'Not after today (China time)' }),
    signedPlace: z.string().trim().max(MAX_PLACE_CHARS).optional(),
    partyOrgIds: idList(MAX_PARTIES)
      .min(2, { message: bilingual('Name at least two parties', '请至少选择两方') })
      .openapi({ description: 'Two or more distinct approved organisations' }),
    interestIds: idList(MAX_SOURCES).optional(),
    listingRefs: z.array(z.string().min(1).max(200)).max(MAX_SOURCES).optional(),
    confidential: z
      .boolean()
      .optional()
      .openapi({ description: 'Whether the documents sent with it are confidential (default true)' }),
  })
  .openapi('AgreementInput');
export type AgreementInput = z.input<typeof AgreementInput>;
