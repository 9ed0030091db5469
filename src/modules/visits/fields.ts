/**
 * What may be sent to the visit use cases, as zod schemas shared by the use cases, the API and the page
 * forms, so every door refuses the same bad input with the same words (each message in both languages).
 * Cross-field rules (dates in order, regions that exist, targets that exist) are the use cases'.
 */
import { z } from '@hono/zod-openapi';
import { AppError } from '../../lib/errors.ts';
import { bilingual, localizeIssues, type Lang } from '../../lib/i18n.ts';
import { LINK_KINDS, VISIT_KINDS, VISIT_SIDES } from './schema.ts';

export const MAX_PARTICIPANTS = 100;
export const MAX_MEETINGS = 50;

const required = (en: string, zh: string, max: number) =>
  z
    .string({ message: bilingual(en, zh) })
    .trim()
    .min(1, { message: bilingual(en, zh) })
    .max(max);

const optionalText = (max: number) => z.string().trim().max(max).optional();

/** A real calendar date (2099-02-30 is refused). */
export const Day = z.iso
  .date({ message: bilingual('Enter a date as YYYY-MM-DD', '请按 YYYY-MM-DD 格式填写日期') })
  .openapi({ example: '2017-09-06' });

const RegionCode = z
  .string({ message: bilingual('Choose a region', '请选择地区') })
  .trim()
  .min(1, { message: bilingual('Choose a region', '请选择地区') })
  .max(20)
  .openapi({ example: 'CN-ZJ' });
const AreaCode = z.string().trim().max(6).optional().openapi({ example: '330100' });

export const ParticipantInput = z
  .strictObject({
    name: required('Every participant needs a name', '每位参加人员都需要填写姓名', 100).openapi({
      description: 'As the official record writes it',
      example: '车俊',
    }),
    nameEn: optionalText(100).openapi({ example: 'Che Jun' }),
    title: optionalText(300),
    titleEn: optionalText(300),
    organisation: optionalText(200),
    organisationEn: optionalText(200),
    side: z.enum(VISIT_SIDES, {
      message: bilingual('Say whether they were on the host or the visiting side', '请选择东道方或来访方'),
    }),
  })
  .openapi('VisitParticipantInput');
export type ParticipantInput = z.input<typeof ParticipantInput>;

export const MeetingInput = z
  .strictObject({
    title: required('Every meeting needs a title', '每场会见需要填写名称', 300),
    on: Day.optional(),
    place: optionalText(300),
    notes: optionalText(5000),
  })
  .openapi('VisitMeetingInput');
export type MeetingInput = z.input<typeof MeetingInput>;

/** A visit's own fields; participants and meetings may come with a new visit. */
export const VisitFields = z.strictObject({
  kind: z.enum(VISIT_KINDS),
  titleZh: required('Enter the title in Chinese', '请填写中文标题', 300),
  titleEn: required('Enter the title in English', '请填写英文标题', 300),
  startsOn: Day,
  endsOn: Day,
  hostRegionCode: RegionCode,
  hostAreaCode: AreaCode,
  visitingRegionCode: RegionCode,
  visitingAreaCode: AreaCode,
  places: optionalText(500),
  summaryZh: optionalText(10_000),
  summaryEn: optionalText(10_000),
  published: z.boolean().optional().openapi({ description: 'Default true' }),
  meetings: z.array(MeetingInput).max(MAX_MEETINGS).optional(),
});

export const VisitInput = VisitFields.extend({
  participants: z.array(ParticipantInput).max(MAX_PARTICIPANTS).optional(),
}).openapi('VisitInput');
export type VisitInput = z.input<typeof VisitInput>;

/** An edit replaces the visit's fields, and its meetings when `meetings` is given. */
export const VisitUpdate = VisitFields.openapi('VisitUpdate');
export type VisitUpdate = z.input<typeof VisitUpdate>;

export const ParticipantsInput = z
  .strictObject({ participants: z.array(ParticipantInput).min(1).max(MAX_PARTICIPANTS) })
  .openapi('VisitParticipantsInput');
export type ParticipantsInput = z.input<typeof ParticipantsInput>;

const OWNER_MESSAGE = bilingual(
  'Every agreed area needs an owner: a region and the office responsible',
  '每个合作事项都需要责任方：地区和责任单位',
);

export const AreaInput = z
  .strictObject({
    titleZh: required('Enter the title in Chinese', '请填写中文标题', 300),
    titleEn: required('Enter the title in English', '请填写英文标题', 300),
    owner: z.strictObject(
      {
        regionCode: RegionCode,
        office: z
          .string({ message: OWNER_MESSAGE })
          .trim()
          .min(1, { message: OWNER_MESSAGE })
          .max(200)
          .openapi({ example: '浙江省商务厅' }),
        officeEn: optionalText(200).openapi({ example: 'Zhejiang Department of Commerce' }),
      },
      { message: OWNER_MESSAGE },
    ),
    dueOn: Day,
    description: optionalText(5000),
  })
  .openapi('AgreedAreaInput');
export type AreaInput = z.input<typeof AreaInput>;

export const LinkInput = z
  .strictObject({
    kind: z.enum(LINK_KINDS),
    target: z
      .string({ message: bilingual('Enter an id or a reference', '请填写编号或引用') })
      .trim()
      .min(1, { message: bilingual('Enter an id or a reference', '请填写编号或引用') })
      .max(200)
      .openapi({ description: 'The record’s id, or a listing’s reference (demo-jl-01)' }),
  })
  .openapi('AgreedAreaLinkInput');
export type LinkInput = z.input<typeof LinkInput>;

export const ArticleLinkInput = z
  .strictObject({
    article: z
      .string({ message: bilingual('Enter the article’s id or address', '请填写文章编号或网址') })
      .trim()
      .min(1, { message: bilingual('Enter the article’s id or address', '请填写文章编号或网址') })
      .max(300)
      .openapi({ description: 'An article id, or its address such as /en/news/some-slug' }),
  })
  .openapi('VisitArticleInput');
export type ArticleLinkInput = z.input<typeof ArticleLinkInput>;

/** Parses a use case's input, or throws one `validation` error naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, lang: Lang): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('validation', undefined, localizeIssues(result.error.issues, lang));
  return result.data;
}
