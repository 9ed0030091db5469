import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import * as news from './news.service.ts';
import { actingAs, fields, referenceInput } from './testing.ts';

const PUBLIC = 'https://counterpart.example';
let database: Database;
let t: TestApp;
let reference: news.ImportedArticle;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database, { publicUrl: PUBLIC });
  reference = await news.upsertImportedArticle(database.db, referenceInput('feed:reference'), SYSTEM);
});
afterAll(() => database.close());

describe('Atom feed', () => {
  it('parses with a real feed parser and holds the article with its absolute link and date', async () => {
    const res = await t.app.request('/en/news/feed.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = parseFeed(await res.text());
    expect(feed.meta.type).toBe('atom');
    expect(feed.language).toBe('en');
    const item = feed.items.find((i) => i.url === `${PUBLIC}${news.articleUrl(reference)}`);
    expect(item?.title).toBe('Jilin Delegation Made an Investigation Trip in Zhejiang');
    expect(item?.published?.toISOString()).toBe('2017-09-11T02:13:57.000Z');
    expect(item?.content).toContain(
      '<p>From September 6 to 7 Jilin delegation made an investigation trip in Zhejiang.</p>',
    );
  });

  it('keeps to the latest 50 of its language, escapes titles, and leaves drafts out', async () => {
    const admin = await actingAs(database, 'admin');
    for (let i = 1; i <= 51; i++) {
      const a = await news.createArticle(
        t.deps,
        admin,
        'en',
        fields({ title: `Bulletin ${i} <b>&</b>`, section: null }),
      );
      await news.publishArticle(t.deps, admin, a.id);
    }
    await news.createArticle(t.deps, admin, 'en', fields({ title: 'Draft not in feed' }));
    const feed = parseFeed(await (await t.app.request('/en/news/feed.xml')).text());
    expect(feed.items).toHaveLength(50);
    expect(feed.items[0]?.title).toBe('Bulletin 51 <b>&</b>');
    expect(feed.items.some((i) => i.title === 'Draft not in feed')).toBe(false);
    expect(feed.items.some((i) => i.url?.endsWith(news.articleUrl(reference)))).toBe(false); // the oldest fell off
    const zh = parseFeed(await (await t.app.request('/zh/news/feed.xml')).text());
    expect(zh.title).toBe('对口合作新闻');
    expect(zh.items).toHaveLength(0);
  });
});

describe('sitemap and robots.txt', () => {
  it('lists home pages, the news list, articles, regions and pairings, each with lastmod', async () => {
    const res = await t.app.request('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    const xml = await res.text();
    const urls = [...xml.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod>/g)].map((m) => ({
      loc: m[1]!,
      lastmod: m[2]!,
    }));
    const locs = urls.map((u) => u.loc);
    expect(locs).toEqual(
      expect.arrayContaining([
        `${PUBLIC}/en/`,
        `${PUBLIC}/zh/`,
        `${PUBLIC}/en/news`,
        `${PUBLIC}/zh/news`,
        `${PUBLIC}/en/regions`,
        `${PUBLIC}/en/regions/222400`,
        `${PUBLIC}${news.articleUrl(reference)}`,
      ]),
    );
    expect(locs.some((l) => /\/zh\/pairings\/\d+$/.test(l))).toBe(true);
    expect(locs.some((l) => l.includes('Draft'))).toBe(false);
    for (const u of urls) expect(Number.isNaN(Date.parse(u.lastmod)), u.loc).toBe(false);
    const article = urls.find((u) => u.loc === `${PUBLIC}${news.articleUrl(reference)}`);
    expect(article?.lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(xml).toContain(
      `<xhtml:link rel="alternate" hreflang="zh-CN" href="${PUBLIC}/zh/regions/222400"/>`,
    );
  });

  it('serves robots.txt pointing at the sitemap and keeping crawlers out of private pages', async () => {
    const text = await (await t.app.request('/robots.txt')).text();
    expect(text).toContain('User-agent: *');
    expect(text).toContain('Disallow: /en/news/manage');
    expect(text).toContain('Disallow: /api/');
    expect(text).toContain(`Sitemap: ${PUBLIC}/sitemap.xml`);
  });
});
