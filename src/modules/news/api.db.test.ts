import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
});
afterAll(() => database.close());

interface Managed {
  id: string;
  slug: string;
  url: string;
  status: string;
  regionCode: string | null;
  section: string | null;
  publishedAt: string | null;
  scheduledAt: string | null;
}

describe('POST /api/v1/news, PUT /news/{id}, POST /news/{id}/publish', () => {
  it('lets a coordinator draft, edit, publish and link a translation for their region', async () => {
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'coordinator', regionCode: 'CN-HL' });
    const res = await client.sendJson('POST', '/api/v1/news', {
      lang: 'en',
      title: 'Harbin ice festival opens',
      bodySource: 'Visitors from **Guangdong** arrive.',
      section: 'news',
    });
    expect(res.status).toBe(201);
    const draft = (await res.json()) as Managed;
    expect(draft).toMatchObject({
      status: 'draft',
      slug: 'harbin-ice-festival-opens',
      regionCode: 'CN-HL',
      section: 'news',
      publishedAt: null,
    });

    const put = await client.sendJson('PUT', `/api/v1/news/${draft.id}`, {
      title: 'Harbin ice festival opens',
      bodySource: 'Visitors arrive.',
      section: 'notices',
    });
    expect(put.status).toBe(200);
    expect(((await put.json()) as Managed).section).toBe('notices');

    const published = await client.sendJson('POST', `/api/v1/news/${draft.id}/publish`, {});
    expect(published.status).toBe(200);
    expect(((await published.json()) as Managed).publishedAt).toMatch(/\+08:00$/);

    const zh = await client.sendJson('POST', '/api/v1/news', {
      lang: 'zh',
      title: '哈尔滨冰雪节开幕',
      bodySource: '广东游客到访。',
      translationOf: draft.id,
    });
    expect(zh.status).toBe(201);
    const zhDraft = (await zh.json()) as Managed;
    expect(zhDraft.slug).toMatch(/^\d{4}-\d\d-\d\d-[0-9a-f]{6}$/);
    const scheduled = await client.sendJson('POST', `/api/v1/news/${zhDraft.id}/publish`, {
      at: '2031-01-05T09:00:00+08:00',
    });
    expect(scheduled.status).toBe(200);
    expect((await scheduled.json()) as Managed).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2031-01-05T09:00:00+08:00',
    });

    const one = await t.app.request(`/api/v1/news/en/${draft.slug}`);
    expect(one.status).toBe(200);
    const body = (await one.json()) as { bodyHtml: string; translations: unknown[]; url: string };
    expect(body.url).toBe('/en/news/harbin-ice-festival-opens');
    expect(body.bodyHtml).toBe('<p>Visitors arrive.</p>');
    expect(body.translations).toEqual([]); // the translation is not published yet
  });

  it('refuses anonymous callers and members', async () => {
    const anonymous = new TestClient(t.app);
    expect((await anonymous.sendJson('POST', '/api/v1/news', { lang: 'en', title: 'x' })).status).toBe(401);
    const member = new TestClient(t.app);
    await signInAs(member, database, { role: 'member' });
    expect((await member.sendJson('POST', '/api/v1/news', { lang: 'en', title: 'x' })).status).toBe(403);
  });

  it('validates the body shape before any use case runs', async () => {
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'admin' });
    const res = await client.sendJson('POST', '/api/v1/news', { lang: 'fr', title: 5 });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['lang', 'title']);
  });
});

describe('GET /api/v1/news', () => {
  it('lists published articles with filters and pagination; unknown articles are 404 problems', async () => {
    const admin = new TestClient(t.app);
    await signInAs(admin, database, { role: 'admin' });
    for (const n of [1, 2, 3]) {
      const created = (await (
        await admin.sendJson('POST', '/api/v1/news', {
          lang: 'en',
          title: `Policy ${n}`,
          bodySource: 'Text.',
          section: 'policies',
        })
      ).json()) as Managed;
      await admin.sendJson('POST', `/api/v1/news/${created.id}/publish`, {});
    }
    const res = await t.app.request('/api/v1/news?lang=en&section=policies&pageSize=2&page=1');
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      items: { title: string; section: string }[];
      total: number;
      pageSize: number;
    };
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.title)).toEqual(['Policy 3', 'Policy 2']);
    expect(page.items.every((i) => i.section === 'policies')).toBe(true);
    expect((await t.app.request('/api/v1/news?pageSize=1000')).status).toBe(400);
    const missing = await t.app.request('/api/v1/news/en/no-such-slug');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/news'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/news/{lang}/{slug}']?.get).toBeDefined();
    expect(doc.paths['/news/{id}']?.put).toBeDefined();
    expect(doc.paths['/news/{id}/publish']?.post).toBeDefined();
  });
});
