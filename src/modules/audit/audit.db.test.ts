import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { recordAudit } from './audit.service.ts';

let database: Database;
let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  admin = new TestClient(t.app, '192.0.2.10');
  await signInAs(admin, database, { role: 'admin' });
  for (let i = 0; i < 60; i++) {
    await recordAudit(database.db, {
      actor: { id: null, label: i % 2 ? 'alice@test.example' : 'bob@test.example' },
      action: i % 3 ? 'pairing.updated' : 'organisation.approved',
      entity: i % 3 ? 'pairing' : 'organisation',
      entityId: String(i),
      before: { status: 'pending', seq: i },
      after: { status: 'approved', seq: i, passwordHash: 'secret-hash' },
    });
  }
});
afterAll(() => database.close());

type AuditPage = {
  items: { entityId: string; actorLabel: string; action: string; after: Record<string, unknown> }[];
  total: number;
};

describe('/admin and /admin/audit', () => {
  it('are for administrators: others get 403, anonymous visitors are sent to sign in', async () => {
    for (const path of ['/en/admin', '/en/admin/audit']) {
      expect((await admin.get(path)).status).toBe(200);
      const coordinator = new TestClient(t.app);
      await signInAs(coordinator, database, { role: 'coordinator', regionCode: 'CN-JL' });
      expect((await coordinator.get(path)).status).toBe(403);
      const anon = await new TestClient(t.app).get(path);
      expect(anon.status).toBe(303);
      expect(anon.headers.get('location')).toBe(`/en/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  it('links the admin landing page to the audit log, organisations and pairings', async () => {
    const html = await (await admin.get('/zh/admin')).text();
    expect(html).toContain('href="/zh/admin/audit"');
    expect(html).toContain('href="/zh/coordinator/organisations"');
    expect(html).toContain('href="/zh/admin/pairings"');
  });

  it('shows the newest first, with only the changed fields, readably, and pages', async () => {
    const html = await (await admin.get('/en/admin/audit?entity=organisation')).text();
    expect(html).toContain('20 entries');
    const ids = [...html.matchAll(/href="\/en\/organisations\/(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids.slice(0, 3)).toEqual([57, 54, 51]);
    expect(html).toContain('<del>pending</del> → <ins>approved</ins>');
    expect(html).not.toContain('secret-hash');
    expect(html).not.toContain('<code>seq</code>');

    const first = await (await admin.get('/en/admin/audit')).text();
    expect(first).toContain('Page 1 of 2');
    expect(first).toContain('href="/en/admin/audit?page=2"');
    const second = await (await admin.get('/en/admin/audit?page=2')).text();
    expect(second).toContain('Page 2 of 2');
  });

  it('filters by action prefix and actor through the API', async () => {
    const res = await admin.get('/api/v1/audit?action=pairing.&actor=alice');
    expect(res.status).toBe(200);
    const body = (await res.json()) as AuditPage;
    expect(body.total).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item.action).toBe('pairing.updated');
      expect(item.actorLabel).toBe('alice@test.example');
      expect(item.after.passwordHash).toBe('[redacted]');
    }
    const anon = await new TestClient(t.app).get('/api/v1/audit');
    expect(anon.status).toBe(401);
  });

  it('treats filter text literally (no LIKE wildcards)', async () => {
    const body = (await (await admin.get('/api/v1/audit?action=%25')).json()) as AuditPage;
    expect(body.total).toBe(0);
  });
});
