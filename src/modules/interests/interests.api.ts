/** `/api/v1` routes for interests and conversations. */
import { createRoute, z } from '@hono/zod-openapi';
import { body, json, newApi, problemResponses, requireUser } from '../../web/api.ts';
import { contextOf } from '../accounts/context.ts';
import { downloadHeaders } from '../files/files.service.ts';
import { AnswerInput, InterestInput, MAX_BODY, MessageInput } from './fields.ts';
import * as svc from './interests.service.ts';
import {
  Conversation,
  ConversationSummaryJson,
  Interest,
  Message,
  presentConversation,
  presentInterest,
  presentMessage,
  presentSummary,
} from './present.ts';
import { INTEREST_STATUSES } from './schema.ts';

export const interestsApi = newApi();

const IdParam = z.object({ id: z.string().min(1).max(100).openapi({ format: 'uuid' }) });

interestsApi.openapi(
  createRoute({
    method: 'post',
    path: '/interests',
    tags: ['Interests'],
    summary: "Express interest in another organisation's listing",
    description:
      'Members of approved organisations only. `viaListingRef` names your own listing whose matches led here. ' +
      'A second open interest between the same two organisations is a 409 naming `listingRef`. ' +
      'Unanswered interests expire after INTEREST_EXPIRY_DAYS (14) days; the receiver is reminded on days 3 and 10.',
    request: { body: body(InterestInput.openapi('InterestInput')) },
    responses: { 201: json(Interest, 'Sent'), ...problemResponses(400, 401, 403, 409) },
  }),
  async (c) => {
    requireUser(c);
    const ctx = contextOf(c);
    const v = await svc.sendInterest(c.var.deps, ctx, c.req.valid('json'));
    return c.json(presentInterest(v, ctx.lang), 201);
  },
);

interestsApi.openapi(
  createRoute({
    method: 'get',
    path: '/interests',
    tags: ['Interests'],
    summary: "Your organisation's interests, sent or received, newest first",
    description: "Coordinators see their region's organisations' interests; admins everyone's.",
    request: {
      query: z.object({
        box: z.enum(['sent', 'received']).default('received'),
        status: z.enum(INTEREST_STATUSES).optional(),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
    },
    responses: {
      200: json(
        z.object({
          items: z.array(Interest),
          total: z.number().int(),
          page: z.number().int(),
          pageSize: z.number().int(),
        }),
        'Interests',
      ),
      ...problemResponses(400, 401),
    },
  }),
  async (c) => {
    requireUser(c);
    const ctx = contextOf(c);
    const q = c.req.valid('query');
    const data = await svc.listInterests(c.var.deps, ctx, q);
    return c.json(
      {
        items: data.rows.map((v) => presentInterest(v, ctx.lang)),
        total: data.total,
        page: data.page,
        pageSize: data.pageSize,
      },
      200,
    );
  },
);

interestsApi.openapi(
  createRoute({
    method: 'get',
    path: '/interests/{id}',
    tags: ['Interests'],
    summary: "An interest (both organisations' members, their regions' coordinators, admins)",
    request: { params: IdParam },
    responses: { 200: json(Interest, 'The interest'), ...problemResponses(401, 404) },
  }),
  async (c) => {
    requireUser(c);
    const ctx = contextOf(c);
    return c.json(
      presentInterest(await svc.getInterest(c.var.deps, ctx, c.req.valid('param').id), ctx.lang),
      200,
    );
  },
);

interestsApi.openapi(
  createRoute({
    method: 'post',
    path: '/interests/{id}/answer',
    tags: ['Interests'],
    summary: 'Accept (opening a conversation) or decline with a reason; receiving organisation only',
    description:
      '`{"accept": true}` or `{"accept": false, "reason": "not_relevant|too_early|price_terms|capacity|other", ' +
      '"note": "…"}`; `other` needs a note. An expired interest cannot be answered (409).',
    request: { params: IdParam, body: body(AnswerInput.openapi('InterestAnswer')) },
    responses: { 200: json(Interest, 'Answered'), ...problemResponses(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    requireUser(c);
    const ctx = contextOf(c);
    const v = await svc.answerInterest(
      c.var.deps,
      ctx,
      c.req.valid('param').id,
      c.req.valid('json') as svc.AnswerInput,
    );
    return c.json(presentInterest(v, ctx.lang), 200);
  },
);

interestsApi.openapi(
  createRoute({
    method: 'post',
    path: '/interests/{id}/withdraw',
    tags: ['Interests'],
    summary: "Withdraw your organisation's open interest",
    request: { params: IdParam },
    responses: { 200: json(Interest, 'Withdrawn'), ...problemResponses(401, 403, 404, 409) },
  }),
  async (c) => {
    requireUser(c);
    const ctx = contextOf(c);
    const v = await svc.withdrawInterest(c.var.deps, ctx, c.req.valid('param').id);
    return c.json(presentInterest(v, ctx.lang), 200);
  },
);

interestsApi.openapi(
  createRoute({
    method: 'get',
    path: '/conversations',
    tags: ['Conversations'],
    summary: "Your organisation's conversations (coordinators: their region's), latest message first",
    responses: {
      200: json(z.object({ items: z.array(ConversationSummaryJson) }), 'Conversations'),
      ...problemResponses(401),
    },
  }),
  async (c) => {
    requireUser(c);
    const ctx = contextOf(c);
    const rows = await svc.listConversations(c.var.deps, ctx);
    return c.json({ items: rows.map((r) => presentSummary(r, ctx.lang)) }, 200);
  },
);

interestsApi.openapi(
  createRoute({
    method: 'get',
    path: '/conversations/{id}',
    tags: ['Conversations'],
    summary: 'A conversation with its messages, oldest first',
    description:
      "The parties' members; read-only for both regions' coordinators and admins; 404 for anyone else.",
    request: { params: IdParam },
    responses: { 200: json(Conversation, 'The conversation'), ...problemResponses(401, 404) },
  }),
  async (c) => {
    requireUser(c);
    const ctx = contextOf(c);
    const v = await svc.getConversation(c.var.deps, ctx, c.req.valid('param').id);
    return c.json(presentConversation(v, ctx.lang), 200);
  },
);

const MessageForm = z.object({
  body: z.string().max(MAX_BODY).optional(),
  files: z
    .any()
    .optional()
    .openapi({
      type: 'array',
      items: { type: 'string', format: 'binary' },
      description: 'Up to 5 PDF or images, 10 MB each',
    }),
});

interestsApi.openapi(
  createRoute({
    method: 'post',
    path: '/conversations/{id}/messages',
    tags: ['Conversations'],
    summary: "Post a message (parties' members only), with attachments as multipart/form-data",
    request: {
      params: IdParam,
      body: {
        content: {
          'application/json': { schema: MessageInput.openapi('MessageInput') },
          'multipart/form-data': { schema: MessageForm },
        },
        required: false,
      },
    },
    responses: { 201: json(Message, 'Posted'), ...problemResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    requireUser(c);
    const ctx = contextOf(c);
    const { id } = c.req.valid('param');
    let text: string;
    let files: File[] = [];
    if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
      const form = await c.req.parseBody({ all: true });
      text = typeof form.body === 'string' ? form.body : '';
      files = [form.files].flat().filter((f): f is File => f instanceof File);
    } else {
      text = c.req.valid('json').body ?? '';
    }
    const m = await svc.postMessage(c.var.deps, ctx, id, { body: text }, files);
    return c.json(presentMessage(m, id, ctx.lang), 201);
  },
);

interestsApi.openapi(
  createRoute({
    method: 'get',
    path: '/conversations/{id}/files/{fileId}',
    tags: ['Conversations'],
    summary: 'Download an attachment of a conversation',
    request: { params: IdParam.extend({ fileId: z.string().min(1).max(100).openapi({ format: 'uuid' }) }) },
    responses: {
      200: {
        description: 'The file, as an attachment',
        content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...problemResponses(401, 404),
    },
  }),
  async (c) => {
    requireUser(c);
    const { id, fileId } = c.req.valid('param');
    const { file, bytes } = await svc.conversationFile(c.var.deps, contextOf(c), id, fileId);
    return c.body(new Uint8Array(bytes), 200, downloadHeaders(file));
  },
);
