import { readFileSync } from 'node:fs';
import { count, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { organisations, users } from '../accounts/schema.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { auditLog } from '../audit/schema.ts';
import { importListings } from '../listings/import.ts';
import { listingMatches } from '../listings/listings.service.ts';
import { listings, matchStats } from '../listings/schema.ts';
import { chinaDate } from '../matching/core/score.ts';
import { articleRevisions, articles } from '../news/schema.ts';
import { pairings } from '../regions/schema.ts';
import { DEMO_ORGANISATIONS } from './demo.data.ts';
import { DEMO_LISTING_ORGANISATIONS } from './demo.listing-orgs.ts';
import { DEMO_LISTINGS, DEMO_PENDING_LISTINGS, hasAnyUser, loadDemo } from './demo.service.ts';

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
    for (const org of rows) expect(org.nameZh, org.nameEn).toMatch(/[\u4e00-\u9fff]/);
    // The organisations that only post demo listings have no account; the others each have a member.
    const withMembers = new Set(DEMO_ORGANISATIONS.map((o) => o.nameEn));
    for (const org of rows.filter((o) => withMembers.has(o.nameEn))) {
      const members = await database.db.select().from(users).where(eq(users.orgId, org.id));
      expect(members.length, org.nameEn).toBeGreaterThan(0);
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

describe('demo listings', () => {
  const anonymous = (lang: 'en' | 'zh') => ({ viewer: null, lang });
  const linesOf = (path: string) => readFileSync(path, 'utf8').trim().split('\n').length;

  it('imports every line of both files, published and pending, each owned by a demo organisation', async () => {
    const rows = await database.db.select().from(listings).where(like(listings.ref, 'demo-%'));
    const published = rows.filter((l) => l.status === 'published');
    const pending = rows.filter((l) => l.status === 'pending');
    expect(published.length).toBe(linesOf(DEMO_LISTINGS));
    expect(published.length).toBeGreaterThanOrEqual(40);
    expect(pending.length).toBe(linesOf(DEMO_PENDING_LISTINGS));
    // Both coordinators have something to review.
    expect(new Set(pending.map((l) => l.regionCode))).toEqual(new Set(['CN-JL', 'CN-ZJ']));
    expect(new Set(rows.map((l) => l.language))).toEqual(new Set(['zh', 'en']));
    expect(rows.some((l) => l.areaCode?.startsWith('2224'))).toBe(true);
    // A few have expired: their pages say so, and they are nobody's match today.
    const today = chinaDate(t.deps.now());
    expect(published.filter((l) => l.validUntil !== null && l.validUntil < today).length).toBeGreaterThan(1);

    // Every listing names a demo organisation exactly: the importer had none to create.
    const [orgs] = await database.db.select({ n: count() }).from(organisations);
    expect(orgs?.n).toBe(DEMO_ORGANISATIONS.length + DEMO_LISTING_ORGANISATIONS.length);
    const owners = new Set(rows.map((l) => l.orgId));
    const memberOrgs = await database.db.select().from(organisations);
    for (const spec of DEMO_ORGANISATIONS.filter(
      (o) => o.status === 'approved' && o.regionCode !== 'CN-LN',
    )) {
      const org = memberOrgs.find((o) => o.nameEn === spec.nameEn);
      expect(owners.has(org!.id), `${spec.nameEn} owns a listing`).toBe(true);
    }
  });

  it('finds a Jilin listing its Zhejiang counterparts, across languages, with reasons in the reader’s language', async () => {
    const en = await listingMatches(t.deps, anonymous('en'), 'demo-jl-01', { limit: 10 });
    expect(en.length).toBeGreaterThan(0);
    expect(en.every((m) => m.region === 'CN-ZJ')).toBe(true);
    // The water company's Chinese offer is answered by an English and a Chinese buyer.
    const buyer = en.find((m) => m.ref === 'demo-zj-01');
    expect(buyer?.language).toBe('en');
    expect(en.some((m) => m.ref === 'demo-zj-02' && m.language === 'zh')).toBe(true);
    const codes = buyer!.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['shared_concept', 'counterpart_region']));
    expect(buyer!.reasons.every((r) => r.text.length > 0)).toBe(true);

    const zh = await listingMatches(t.deps, anonymous('zh'), 'demo-jl-01', { limit: 10 });
    expect(zh.map((m) => m.ref)).toEqual(en.map((m) => m.ref));
    const counterpart = zh
      .find((m) => m.ref === 'demo-zj-01')!
      .reasons.find((r) => r.code === 'counterpart_region');
    expect(counterpart?.text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives every current published listing at least one match beyond the pairing itself', async () => {
    const today = chinaDate(t.deps.now());
    const current = await database.db
      .select({ ref: listings.ref, validUntil: listings.validUntil })
      .from(listings)
      .where(sql`${listings.ref} like 'demo-%' and ${listings.status} = 'published'`);
    for (const { ref } of current.filter((l) => l.validUntil === null || l.validUntil >= today)) {
      const [best] = await listingMatches(t.deps, anonymous('en'), ref, { limit: 1 });
      expect(
        best?.reasons.some((r) => r.code !== 'counterpart_region'),
        ref,
      ).toBe(true);
    }
  });

  it('leaves an expired offer out of the matches, except as of a day it was valid', async () => {
    const now = await listingMatches(t.deps, anonymous('en'), 'demo-jl-19', { limit: 10 });
    expect(now.map((m) => m.ref)).toContain('demo-zj-11');
    expect(now.map((m) => m.ref)).not.toContain('demo-zj-10');
    const then = await listingMatches(t.deps, anonymous('en'), 'demo-jl-19', {
      limit: 10,
      asOf: new Date('2018-09-01T00:00:00+08:00'),
    });
    expect(then.map((m) => m.ref)).toContain('demo-zj-10');
  });

  it('loading the demo again, or importing its files again, updates the listings and adds none', async () => {
    const snapshot = async () => ({
      listings: await database.db
        .select({ id: listings.id, ref: listings.ref, status: listings.status, org: listings.orgId })
        .from(listings)
        .orderBy(listings.ref),
      organisations: (await database.db.select({ n: count() }).from(organisations))[0]?.n,
      stats: (
        await database.db
          .select({ keys: count(), df: sql<string>`sum(${matchStats.df})::text` })
          .from(matchStats)
      )[0],
    });
    const before = await snapshot();
    await loadDemo(t.deps);
    expect(await snapshot()).toEqual(before);

    for (const [path, status] of [
      [DEMO_LISTINGS, 'published'],
      [DEMO_PENDING_LISTINGS, 'pending'],
    ] as const) {
      const report = await importListings(database.db, path, { status, actor: SYSTEM, now: t.deps.now() });
      expect(report).toEqual({ lines: linesOf(path), created: 0, updated: linesOf(path), invalid: [] });
    }
    expect(await snapshot()).toEqual(before);
  });
});

/** 2017-09-11 10:13:57 Beijing time, as the reference page says. */
const PUBLISHED = new Date('2017-09-11T10:13:57+08:00');
