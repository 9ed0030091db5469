import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { auditLog } from '../audit/schema.ts';
import { pairings } from './schema.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
});
afterAll(() => database.close());

describe('reference data', () => {
  it('holds the 34 provinces, the six provinces’ prefectures and the programme’s pairings', async () => {
    const res = await t.app.request('/api/v1/regions?level=province');
    const body = (await res.json()) as { items: { code: string }[] };
    expect(body.items).toHaveLength(34);
    const jl = (await (await t.app.request('/api/v1/regions?parent=CN-JL')).json()) as {
      items: { code: string }[];
    };
    expect(jl.items.map((r) => r.code)).toContain('222400');
    const list = (await (await t.app.request('/api/v1/pairings')).json()) as {
      items: { kind: string; a: { code: string }; b: { code: string } }[];
    };
    const pairs = list.items.map((p) => `${p.a.code}|${p.b.code}|${p.kind}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        'CN-JL|CN-ZJ|cooperation',
        'CN-LN|CN-JS|cooperation',
        'CN-HL|CN-GD|cooperation',
        '210100|CN-BJ|cooperation',
        '210200|CN-SH|cooperation',
        '220100|CN-TJ|cooperation',
        '230100|440300|cooperation',
        'CN-ZJ|222400|assistance',
      ]),
    );
  });

  it('answers 404 as problem+json for an unknown region code', async () => {
    const res = await t.app.request('/api/v1/regions/CN-XX', { headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { code: string; title: string };
    expect(body.code).toBe('not_found');
    expect(body.title).toBe('找不到该页面。');
  });
});

describe('pages', () => {
  it('renders the regions list and a pairing page in both languages', async () => {
    const en = await t.app.request('/en/regions');
    expect(en.status).toBe(200);
    const html = await en.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Yanbian Korean Autonomous Prefecture');
    const zh = await (await t.app.request('/zh/regions')).text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('延边朝鲜族自治州');

    const [assist] = await database.db.select().from(pairings).where(eq(pairings.kind, 'assistance'));
    const page = await (await t.app.request(`/zh/pairings/${assist!.id}`)).text();
    expect(page).toContain('浙江省 → 延边朝鲜族自治州');
    expect(page).toContain('对口支援');
  });

  it('shows a region with its counterparts and the other-language name marked with lang', async () => {
    const html = await (await t.app.request('/en/regions/CN-JL')).text();
    expect(html).toContain('<span lang="zh-CN" class="muted">吉林省</span>');
    expect(html).toContain('Zhejiang');
    expect((await t.app.request('/en/regions/NOPE')).status).toBe(404);
  });
});

describe('editing pairings', () => {
  it('lets an admin add and edit a pairing, recording both in the audit log', async () => {
    const client = new TestClient(t.app);
    const admin = await signInAs(client, database, { role: 'admin' });
    const created = await client.sendJson('POST', '/api/v1/pairings', {
      aCode: 'CN-SH',
      bCode: 'CN-YN',
      kind: 'assistance',
      since: '2018-01-01',
    });
    expect(created.status).toBe(201);
    const p = (await created.json()) as { id: number };
    const form = await client.postForm(`/en/admin/pairings/${p.id}`, {
      aCode: 'CN-SH',
      bCode: 'CN-YN',
      kind: 'assistance',
      since: '2018-02-01',
      noteEn: 'Shanghai assists Yunnan.',
      noteZh: '上海对口支援云南。',
    });
    expect(form.status).toBe(303);
    const [row] = await database.db.select().from(pairings).where(eq(pairings.id, p.id));
    expect(row!.since).toBe('2018-02-01');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(p.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['pairing.created', 'pairing.updated']);
    const update = audit.find((a) => a.action === 'pairing.updated')!;
    expect(update.actorId).toBe(admin.id);
    expect((update.before as { since: string }).since).toBe('2018-01-01');
    expect((update.after as { since: string }).since).toBe('2018-02-01');
  });

  it('refuses an unknown region code, naming the field, and writes nothing', async () => {
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'admin' });
    const before = (await database.db.select().from(pairings)).length;
    const res = await client.sendJson('POST', '/api/v1/pairings', {
      aCode: 'CN-JL',
      bCode: 'CN-XX',
      kind: 'cooperation',
      since: '2020-01-01',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; errors: { field: string }[] };
    expect(body.code).toBe('validation');
    expect(body.errors[0]!.field).toBe('bCode');
    const page = await client.postForm('/zh/admin/pairings', {
      aCode: 'CN-JL',
      bCode: 'CN-JL',
      kind: 'cooperation',
      since: 'x',
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('id="f-since-error"');
    expect((await database.db.select().from(pairings)).length).toBe(before);
  });

  it('forbids coordinators and anonymous visitors', async () => {
    const coordinator = new TestClient(t.app);
    await signInAs(coordinator, database, { role: 'coordinator', regionCode: 'CN-JL' });
    const body = { aCode: 'CN-JL', bCode: 'CN-SH', kind: 'cooperation', since: '2020-01-01' };
    expect((await coordinator.sendJson('POST', '/api/v1/pairings', body)).status).toBe(403);
    expect((await coordinator.get('/en/admin/pairings')).status).toBe(403);
    const anonymous = new TestClient(t.app);
    expect((await anonymous.sendJson('POST', '/api/v1/pairings', body)).status).toBe(401);
    const redirect = await anonymous.get('/en/admin/pairings');
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe('/en/sign-in?next=%2Fen%2Fadmin%2Fpairings');
  });
});
