/** `/api/v1` routes for notifications: the signed-in user's, and marking them read. */
import { createRoute, z } from '@hono/zod-openapi';
import { isoShanghai } from '../../lib/i18n.ts';
import { newApi, problemResponses, requireUser } from '../../web/api.ts';
import { contextOf } from '../accounts/context.ts';
import { NOTIFICATION_KINDS } from './messages.ts';
import { markNotificationsRead, myNotifications } from './notifications.service.ts';

export const notificationsApi = newApi();

const Notification = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    text: z.string().openapi({ description: "Worded in the caller's language" }),
    url: z.string().openapi({ example: '/en/interests/…' }),
    createdAt: z.string().openapi({ format: 'date-time', example: '2025-03-03T09:00:00+08:00' }),
    read: z.boolean(),
  })
  .openapi('Notification');

notificationsApi.openapi(
  createRoute({
    method: 'get',
    path: '/notifications',
    tags: ['Notifications'],
    summary: 'Your notifications, newest first, with the number unread',
    request: {
      query: z.object({
        unread: z.enum(['0', '1']).optional().openapi({ description: '1: unread ones only' }),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: {
      200: {
        description: 'Notifications',
        content: {
          'application/json': {
            schema: z.object({ items: z.array(Notification), unread: z.number().int() }),
          },
        },
      },
      ...problemResponses(400, 401),
    },
  }),
  async (c) => {
    requireUser(c);
    const ctx = contextOf(c);
    const { unread, limit } = c.req.valid('query');
    const data = await myNotifications(c.var.deps, ctx, { limit, unreadOnly: unread === '1' });
    return c.json(
      {
        items: data.items.map((n) => ({
          id: n.id,
          kind: n.kind,
          text: n.text,
          url: `/${ctx.lang}${n.path}`,
          createdAt: isoShanghai(n.createdAt),
          read: n.read,
        })),
        unread: data.unread,
      },
      200,
    );
  },
);

notificationsApi.openapi(
  createRoute({
    method: 'post',
    path: '/notifications/read',
    tags: ['Notifications'],
    summary: 'Mark one of your notifications read (`id`), or all of them (no `id`)',
    request: {
      body: {
        content: {
          'application/json': { schema: z.strictObject({ id: z.number().int().positive().optional() }) },
        },
        required: false,
      },
    },
    responses: {
      200: {
        description: 'How many were marked',
        content: { 'application/json': { schema: z.object({ marked: z.number().int() }) } },
      },
      ...problemResponses(400, 401),
    },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('json');
    const marked = await markNotificationsRead(c.var.deps, contextOf(c), id ?? null);
    return c.json({ marked }, 200);
  },
);
