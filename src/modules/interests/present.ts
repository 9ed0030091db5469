/** The JSON shapes of interests and conversations (allow-listed fields, times in China time). */
import { z } from '@hono/zod-openapi';
import { isoShanghai, type Lang } from '../../lib/i18n.ts';
import { AGREEMENT_TYPES } from '../agreements/kinds.ts';
import type {
  ConversationSummary,
  ConversationView,
  InterestView,
  MessageView,
  OrgBrief,
} from './interests.service.ts';
import { DECLINE_REASONS, INTEREST_STATUSES, TIMELINES } from './schema.ts';

const Time = z.string().openapi({ format: 'date-time', example: '2025-03-03T09:00:00+08:00' });

const Org = z
  .object({
    id: z.uuid(),
    name: z.string().openapi({ description: "The name in the caller's language" }),
    nameZh: z.string(),
    nameEn: z.string(),
    region: z.string().openapi({ example: 'CN-JL' }),
  })
  .openapi('InterestParty');

const ListingRef = z.object({
  ref: z.string(),
  title: z.string(),
  language: z.enum(['zh', 'en']),
  url: z.string().openapi({ example: '/en/listings/cp-2025-0a1b2c3d4e' }),
});

export const Interest = z
  .object({
    id: z.uuid(),
    status: z.enum(INTEREST_STATUSES).openapi({ description: '`expired` also for open ones past expiresAt' }),
    listing: ListingRef,
    from: Org,
    to: Org,
    message: z.string(),
    bring: z.string(),
    form: z.enum(AGREEMENT_TYPES),
    timeline: z.enum(TIMELINES),
    sentAt: Time,
    expiresAt: Time,
    answeredAt: Time.nullable(),
    declineReason: z.enum(DECLINE_REASONS).nullable(),
    declineNote: z.string().nullable(),
    conversationId: z.uuid().nullable(),
    url: z.string().openapi({ example: '/en/interests/…' }),
  })
  .openapi('Interest');

const Attachment = z.object({
  id: z.uuid(),
  name: z.string(),
  bytes: z.number().int(),
  mediaType: z.string(),
  url: z.string(),
});

export const Message = z
  .object({
    id: z.uuid(),
    body: z.string(),
    author: z.string(),
    organisation: Org,
    createdAt: Time,
    attachments: z.array(Attachment),
  })
  .openapi('ConversationMessage');

export const ConversationSummaryJson = z
  .object({
    id: z.uuid(),
    interestId: z.uuid(),
    listing: ListingRef,
    from: Org,
    to: Org,
    createdAt: Time,
    lastMessageAt: Time,
    url: z.string(),
  })
  .openapi('ConversationSummary');

export const Conversation = ConversationSummaryJson.extend({
  canPost: z.boolean().openapi({ description: 'False for coordinators and admins, who only read' }),
  messages: z.array(Message),
}).openapi('Conversation');

function org(o: OrgBrief, lang: Lang): z.infer<typeof Org> {
  return {
    id: o.id,
    name: lang === 'zh' ? o.nameZh : o.nameEn,
    nameZh: o.nameZh,
    nameEn: o.nameEn,
    region: o.regionCode,
  };
}

const listingOf = (l: InterestView['listing'], lang: Lang) => ({
  ...l,
  url: `/${lang}/listings/${encodeURIComponent(l.ref)}`,
});

export function presentInterest(v: InterestView, lang: Lang): z.infer<typeof Interest> {
  const i = v.interest;
  return {
    id: i.id,
    status: v.status,
    listing: listingOf(v.listing, lang),
    from: org(v.fromOrg, lang),
    to: org(v.toOrg, lang),
    message: i.message,
    bring: i.bring,
    form: i.form,
    timeline: i.timeline,
    sentAt: isoShanghai(i.sentAt),
    expiresAt: isoShanghai(i.expiresAt),
    answeredAt: i.answeredAt ? isoShanghai(i.answeredAt) : null,
    declineReason: i.declineReason,
    declineNote: i.declineNote,
    conversationId: v.conversationId,
    url: `/${lang}/interests/${i.id}`,
  };
}

export function presentMessage(m: MessageView, conversationId: string, lang: Lang): z.infer<typeof Message> {
  return {
    id: m.id,
    body: m.body,
    author: m.authorName,
    organisation: org(m.org, lang),
    createdAt: isoShanghai(m.createdAt),
    attachments: m.attachments.map((a) => ({
      ...a,
      url: `/api/v1/conversations/${conversationId}/files/${a.id}`,
    })),
  };
}

export function presentSummary(c: ConversationSummary, lang: Lang): z.infer<typeof ConversationSummaryJson> {
  return {
    id: c.id,
    interestId: c.interestId,
    listing: listingOf(c.listing, lang),
    from: org(c.fromOrg, lang),
    to: org(c.toOrg, lang),
    createdAt: isoShanghai(c.createdAt),
    lastMessageAt: isoShanghai(c.lastMessageAt),
    url: `/${lang}/conversations/${c.id}`,
  };
}

export function presentConversation(c: ConversationView, lang: Lang): z.infer<typeof Conversation> {
  return {
    ...presentSummary(c, lang),
    canPost: c.canPost,
    messages: c.messages.map((m) => presentMessage(m, c.id, lang)),
  };
}
