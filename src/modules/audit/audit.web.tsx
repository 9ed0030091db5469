import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../web/env.ts';
import { renderPage } from '../../web/layout.tsx';
import { browseAudit, requireAdmin } from './audit.service.ts';
import { auditMsg } from './messages.ts';
import { AdminPage } from './views/admin-page.tsx';
import { AuditPage } from './views/audit-page.tsx';

/** `/admin` and `/admin/audit`: administrators only. */
export const auditWeb = new Hono<AppEnv>();

const PAGE_SIZE = 50;

// Bad filter values are ignored rather than refused: this is a GET form people edit in the address bar.
const text = z.string().trim().max(200).optional().catch(undefined);
const AuditQuery = z.object({
  entity: text,
  entityId: text,
  action: text,
  actor: text,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

auditWeb.get('/admin', (c) => {
  requireAdmin(c.var.user);
  return renderPage(c, {
    title: auditMsg(c.var.lang)('adminTitle'),
    children: <AdminPage lang={c.var.lang} />,
  });
});

auditWeb.get('/admin/audit', async (c) => {
  const q = AuditQuery.parse(c.req.query());
  const filter = {
    entity: q.entity || undefined,
    entityId: q.entityId || undefined,
    action: q.action || undefined,
    actor: q.actor || undefined,
    page: q.page,
  };
  const result = await browseAudit(c.var.deps.db, c.var.user, { ...filter, pageSize: PAGE_SIZE });
  return renderPage(c, {
    title: auditMsg(c.var.lang)('auditTitle'),
    children: (
      <AuditPage
        lang={c.var.lang}
        filter={filter}
        entities={result.entities}
        rows={result.rows}
        total={result.total}
        pageSize={PAGE_SIZE}
      />
    ),
  });
});
