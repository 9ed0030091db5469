/** The notifications page and the forms that mark notifications read. */
import { Hono } from 'hono';
import { z } from 'zod';
import { invalid } from '../../lib/errors.ts';
import type { AppEnv } from '../../web/env.ts';
import { readForm } from '../../web/form-parse.ts';
import { href, renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { requireViewer } from '../accounts/policy.ts';
import { notificationUi } from './messages.ts';
import { markNotificationsRead, myNotifications } from './notifications.service.ts';
import { NotificationsPage } from './views/notifications-page.tsx';

export const notificationsWeb = new Hono<AppEnv>();

/** How many notifications the page shows (the newest). */
const PAGE_LIMIT = 100;
const NotificationId = z.coerce.number().int().positive();

notificationsWeb.get('/notifications', async (c) => {
  const ctx = contextOf(c);
  requireViewer(ctx.viewer);
  const { items, unread } = await myNotifications(c.var.deps, ctx, { limit: PAGE_LIMIT });
  const lang = c.var.lang;
  return renderPage(c, {
    title: notificationUi(lang)('title'),
    head: <meta name="robots" content="noindex" />,
    children: <NotificationsPage lang={lang} csrf={c.var.csrfToken} items={items} unread={unread} />,
  });
});

notificationsWeb.post('/notifications/read', async (c) => {
  const ctx = contextOf(c);
  requireViewer(ctx.viewer);
  const { id } = await readForm(c);
  let which: number | null = null;
  if (id !== undefined && id !== '') {
    const parsed = NotificationId.safeParse(id);
    if (!parsed.success)
      throw invalid('id', ctx.lang === 'zh' ? '不是有效的通知编号' : 'Not a notification id');
    which = parsed.data;
  }
  await markNotificationsRead(c.var.deps, ctx, which);
  return c.redirect(href(c.var.lang, '/notifications'), 303);
});
