import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { listPairings } from '../regions/regions.service.ts';
import * as news from './news.service.ts';
import { actingAs, fields, referenceInput, referencePage } from './testing.ts';

let database: Database;
let t: TestApp;
let en: news.ImportedArticle;
let zh: news.ArticleRow;

const ZH_PARAGRAPHS = ['9月6日至7日，吉林省代表团赴浙江省考察。', '双方就对口合作进行了座谈。'];

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database, { publicUrl: 'https://counterpart.example' });
  en = await news.upsertImportedArticle(database.db, referenceInput('test:reference'), SYSTEM);
  const admin = await actingAs(database, 'admin');
  const pairing = (await listPairings(database.db)).find((p) => p.aCode === 'CN-JL' && p.bCode === 'CN-ZJ')!;
  zh = await news.createArticle(
    t.deps,
    admin,
    'zh',
    fields({
      title: '吉林省代表团赴浙江考察',
      bodySource: ZH_PARAGRAPHS.join('\n\n'),
      section: 'news',
      regionCode: 'CN-JL',
      pairingId: pairing.id,
      translationOf: en.id,
    }),
  );
  zh = await news.publishArticle(t.deps, admin, zh.id);
});
afterAll(() => database.close());

const count = (html: string, re: RegExp) => [...html.matchAll(re)].length;
const decode = (s: string) =>
  s
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const articleParagraphs = (html: string) => {
  const article = /<article\b[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
  return [...article.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1]!));
};

describe('the article page', () => {
  it('meets the contract in English: h1, breadcrumb, time, paragraphs, Print and Close, translation, metadata', async () => {
    const res = await t.app.request(news.articleUrl(en));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(count(html, /<h1\b/g)).toBe(1);
    expect(html).toContain('<h1>Jilin Delegation Made an Investigation Trip in Zhejiang</h1>');
    const crumb = /<nav class="breadcrumb" aria-label="Breadcrumb">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    expect(crumb).toContain('<a href="/en/">Home</a>');
    expect(crumb).toContain('<a href="/en/news">News</a>');
    expect(html).toContain('<time datetime="2017-09-11T10:13:57+08:00">2017-09-11 10:13:57</time>');
    const paragraphs = articleParagraphs(html);
    expect(paragraphs).toEqual(referencePage().paragraphs.map((p) => p.replace(/\s+/g, ' ')));
    expect(html).toMatch(
      /<a class="button secondary" href="\/en\/news\/[a-z0-9-]+\?print=1" data-action="print">Print<\/a>/,
    );
    expect(html).toContain('<a class="button secondary" href="/en/news" data-action="close">Close</a>');
    expect(html).toContain(
      `<a href="/zh/news/${zh.slug}" hreflang="zh-CN" lang="zh-CN">吉林省代表团赴浙江考察</a>`,
    );
    expect(html).toContain(`<link rel="alternate" hreflang="zh-CN" href="/zh/news/${zh.slug}"/>`);
    expect(html).toContain(`<a class="lang-switch" href="/zh/news/${zh.slug}"`);
    expect(html).toContain(`<link rel="canonical" href="https://counterpart.example/en/news/${en.slug}"/>`);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain(
      '<meta property="og:title" content="Jilin Delegation Made an Investigation Trip in Zhejiang"/>',
    );
    expect(html).toContain('<meta property="article:published_time" content="2017-09-11T10:13:57+08:00"/>');
    // The CSP forbids inline code: no style attributes, no inline scripts.
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });

  it('meets the contract in Chinese, with the section, related pairing and region, and 打印/关闭', async () => {
    const html = await (await t.app.request(news.articleUrl(zh))).text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(count(html, /<h1\b/g)).toBe(1);
    const crumb = /<nav class="breadcrumb" aria-label="面包屑导航">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    expect(crumb).toContain('<a href="/zh/">首页</a>');
    expect(crumb).toContain('<a href="/zh/news">新闻</a>');
    expect(crumb).toContain('<a href="/zh/news?section=news">新闻</a>');
    expect(articleParagraphs(html)).toEqual(ZH_PARAGRAPHS);
    expect(html).toMatch(
      /<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d<\/time>/,
    );
    expect(html).toContain('data-action="print">打印</a>');
    expect(html).toContain('<a class="button secondary" href="/zh/news" data-action="close">关闭</a>');
    expect(html).toContain(
      `hreflang="en" lang="en">Jilin Delegation Made an Investigation Trip in Zhejiang</a>`,
    );
    expect(html).toContain('<a href="/zh/regions/CN-JL">吉林省</a>');
    expect(html).toMatch(/<a href="\/zh\/pairings\/\d+">吉林省 – 浙江省<\/a>/);
    expect(html).toContain('<meta property="og:locale" content="zh_CN"/>');
  });

  it('renders the print view of the same page with scripts off (?print=1)', async () => {
    const html = await (await t.app.request(`${news.articleUrl(en)}?print=1`)).text();
    expect(html).toContain('<body class="print-view">');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(articleParagraphs(html)).toHaveLength(referencePage().paragraphs.length);
    // Everything but breadcrumb, title, time and body is marked for hiding.
    for (const part of ['article-actions', 'article-related'])
      expect(html).toMatch(new RegExp(`class="[^"]*${part} no-print|class="[^"]*no-print[^"]*${part}`));
  });

  it('shows "last updated" with a link to the history only after a significant edit', async () => {
    const admin = await actingAs(database, 'admin');
    const a = await news.createArticle(t.deps, admin, 'en', fields({ title: 'Edited later' }));
    await news.publishArticle(t.deps, admin, a.id);
    expect(await (await t.app.request(news.articleUrl(a))).text()).not.toContain('Last updated');
    await news.updateArticle(t.deps, admin, a.id, {
      ...fields({ title: 'Edited later', bodySource: 'Typo fixd.' }),
      minorChange: true,
    });
    expect(await (await t.app.request(news.articleUrl(a))).text()).not.toContain('Last updated');
    await news.updateArticle(
      t.deps,
      admin,
      a.id,
      fields({ title: 'Edited later', bodySource: 'New facts.' }),
    );
    const html = await (await t.app.request(news.articleUrl(a))).text();
    expect(html).toMatch(
      /Last updated: <time datetime="[^"]+">[^<]+<\/time> \(<a href="\/en\/news\/edited-later\/history">see all updates<\/a>\)/,
    );
  });

  it('answers 404 for drafts and unknown slugs', async () => {
    const admin = await actingAs(database, 'admin');
    const draft = await news.createArticle(t.deps, admin, 'en', fields({ title: 'Secret draft' }));
    expect((await t.app.request(news.articleUrl(draft))).status).toBe(404);
    expect((await t.app.request('/en/news/no-such-article')).status).toBe(404);
    expect((await t.app.request(`/zh/news/${en.slug}`)).status).toBe(404);
  });
});

describe('the news list', () => {
  it('lists published articles of the language, by section, with a feed link and pagination', async () => {
    const html = await (await t.app.request('/en/news')).text();
    expect(html).toContain('Jilin Delegation Made an Investigation Trip in Zhejiang');
    expect(html).not.toContain('吉林省代表团赴浙江考察');
    expect(html).not.toContain('Secret draft');
    expect(html).toContain('type="application/atom+xml"');
    expect(html).toContain('<a href="/en/news" aria-current="page">All</a>');
    const zhList = await (await t.app.request('/zh/news?section=news')).text();
    expect(zhList).toContain('吉林省代表团赴浙江考察');
    expect(zhList).toContain('<a href="/zh/news?section=news" aria-current="page">新闻</a>');
    expect((await t.app.request('/en/news?section=gossip')).status).toBe(404);
    expect((await t.app.request('/en/news?page=99')).status).toBe(200);
  });

  it('appears in the main navigation', async () => {
    expect(await (await t.app.request('/en/regions')).text()).toContain('<a href="/en/news">News</a>');
  });
});
