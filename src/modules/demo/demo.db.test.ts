import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { organisations, users } from '../accounts/schema.ts';
import { auditLog } from '../audit/schema.ts';
import { articleRevisions, articles } from '../news/schema.ts';
import { pairings } from '../regions/schema.ts';
import { hasAnyUser, loadDemo } from './demo.service.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
});
afterAll(() => database.close());

describe('loadDemo', () => {
  it('loads organisations and accounts with one password printed once, and is idempotent', async () => {
    expect(await hasAnyUser(database.db)).toBe(false);
    const first = await loadDemo(t.deps);
    expect(await hasAnyUser(database.db)).toBe(true);
    const line = first.accounts.find((l) => l.startsWith('coordinator.jl@demo.counterpart.local / '));
    const password = line?.split(' / ')[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(first.accounts.every((l) => l.endsWith(` / ${password}`))).toBe(true);

    const c = new TestClient(t.app);
    const res = await c.sendJson('POST', '/api/v1/auth/sign-in', {
      email: 'coordinator.jl@demo.counterpart.local',
      password,
    });
    expect(res.status).toBe(200);
    const pending = (await (await c.get('/api/v1/organisations?status=pending')).json()) as {
      items: { nameEn: string }[];
    };
    expect(pending.items.map((o) => o.nameEn)).toEqual(['Siping New Energy Equipment Co., Ltd.']);

    const [orgs] = await database.db.select({ n: count() }).from(organisations);
    const [people] = await database.db.select({ n: count() }).from(users);
    const second = await loadDemo(t.deps);
    expect(second.summary).toContain('existing accounts kept their passwords');
    expect(second.accounts).toContain(
      'coordinator.jl@demo.counterpart.local (already existed; password unchanged)',
    );
    expect(second.accounts.join('\n')).not.toContain(password);
    const [orgsAfter] = await database.db.select({ n: count() }).from(organisations);
    const [peopleAfter] = await database.db.select({ n: count() }).from(users);
    expect([orgsAfter?.n, peopleAfter?.n]).toEqual([orgs?.n, people?.n]);
    const again = await new TestClient(t.app).sendJson('POST', '/api/v1/auth/sign-in', {
      email: 'member.zju@demo.counterpart.local',
      password,
    });
    expect(again.status).toBe(200);
  });

  it('puts the organisations in Jilin (with Yanbian), Zhejiang and Liaoning, members attached', async () => {
    const rows = await database.db.select().from(organisations);
    expect(new Set(rows.map((o) => o.regionCode))).toEqual(new Set(['CN-JL', 'CN-ZJ', 'CN-LN']));
    expect(rows.some((o) => o.areaCode === '222400')).toBe(true);
    for (const org of rows) {
      const members = await database.db.select().from(users).where(eq(users.orgId, org.id));
      expect(members.length, org.nameEn).toBeGreaterThan(0);
      expect(org.nameZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has the reference article in English and Chinese, linked as translations and related to Jilin–Zhejiang', async () => {
    const rows = await database.db.select().from(articles).where(eq(articles.publishedAt, PUBLISHED));
    const en = rows.find((a) => a.lang === 'en');
    const zh = rows.find((a) => a.lang === 'zh');
    expect(en?.title).toBe('Jilin Delegation Made an Investigation Trip in Zhejiang');
    expect(zh?.title).toBe('吉林省代表团来浙江考察');
    expect([en?.status, zh?.status]).toEqual(['published', 'published']);
    expect(zh?.translationGroup).toBe(en?.translationGroup);
    const [pairing] = await database.db.select().from(pairings).where(eq(pairings.id, en!.pairingId!));
    expect([pairing?.aCode, pairing?.bCode, pairing?.kind]).toEqual(['CN-JL', 'CN-ZJ', 'cooperation']);
    for (const a of [en!, zh!]) {
      expect(a.regionCode).toBe('CN-ZJ');
      expect(a.pairingId).toBe(pairing?.id);
      // Relating is not an edit: no "last updated" on the page.
      expect(a.lastEditedAt).toBeNull();
    }
    // The public API shows each as the other's translation.
    const pairs = [
      [en!, zh!],
      [zh!, en!],
    ] as const;
    for (const [a, other] of pairs) {
      const res = await new TestClient(t.app).get(`/api/v1/news/${a.lang}/${a.slug}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { translations: { lang: string; title: string }[] };
      expect(body.translations).toEqual([expect.objectContaining({ lang: other.lang, title: other.title })]);
    }
  });

  it('loading the demo again changes no article, revision or audit entry', async () => {
    const snapshot = async () => ({
      articles: await database.db.select().from(articles).orderBy(articles.id),
      revisions: (await database.db.select({ n: count() }).from(articleRevisions))[0]?.n,
      audit: (
        await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, 'article'))
      )[0]?.n,
    });
    const before = await snapshot();
    expect(before.articles.length).toBeGreaterThanOrEqual(2);
    await loadDemo(t.deps);
    expect(await snapshot()).toEqual(before);
  });
});

/** 2017-09-11 10:13:57 Beijing time, as the reference page says. */
const PUBLISHED = new Date('2017-09-11T10:13:57+08:00');
