import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import * as news from './news.service.ts';
import { actingAs, fields, referenceInput } from './testing.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  await news.upsertImportedArticle(
    database.db,
    referenceInput('search:reference', { sectionKey: 'news' }),
    SYSTEM,
  );
  await news.upsertImportedArticle(
    database.db,
    {
      importKey: 'search:zh',
      lang: 'zh',
      title: '东北振兴座谈会召开',
      paragraphs: [
        '9月6日下午，吉林省代表团赴浙江省考察对口合作工作，双方举行了座谈。',
        '会议强调要深化<b>产业</b>合作（Jilin–Zhejiang）。',
      ],
      sectionKey: 'news',
      publishedAt: new Date('2017-09-12T08:00:00+08:00'),
    },
    SYSTEM,
  );
  const admin = await actingAs(database, 'admin');
  await news.createArticle(t.deps, admin, 'en', fields({ title: 'Unpublished cooperation draft' }));
});
afterAll(() => database.close());

async function search(q: string, lang = 'en', extra = '') {
  const res = await t.app.request(`/${lang}/news/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status).toBe(200);
  return res.text();
}

describe('news search', () => {
  it('finds a Chinese article by a word inside a longer sentence, and marks it', async () => {
    const html = await search('代表团', 'zh');
    expect(html).toContain('找到 1 篇文章');
    expect(html).toContain('东北振兴座谈会召开');
    expect(html).toContain('<mark>代表团</mark>');
    // A string that is not a word there does not match (segmentation, not substring search).
    expect(await search('团赴', 'zh')).toContain('没有与这些词匹配的已发布文章');
  });

  it('finds an English article by another inflection (cooperating → cooperation) and marks the words', async () => {
    const html = await search('cooperating');
    expect(html).toContain('1 article found');
    expect(html).toContain('Jilin Delegation Made an Investigation Trip in Zhejiang');
    expect(html).toContain('<mark>cooperation</mark>');
    expect(html).not.toContain('Unpublished cooperation draft');
  });

  it('searches both languages by default and one when asked; other-language results carry lang', async () => {
    const both = await search('Jilin');
    expect(both).toContain('2 articles found');
    expect(await search('Jilin', 'en', '&lang=zh')).toContain('1 article found');
    const zhFromEn = await search('座谈');
    expect(zhFromEn).toContain('<li class="news-item" lang="zh-CN">');
    expect(zhFromEn).toContain('<mark>座谈</mark>');
    expect(await search('座谈', 'en', '&lang=en')).toContain('No published article matches');
  });

  it('escapes what it shows: text that looks like markup stays text', async () => {
    const html = await search('产业', 'zh');
    expect(html).toContain('&lt;b&gt;<mark>产业</mark>&lt;/b&gt;');
    expect(html).not.toContain('<b>产业');
    const hostile = await search('<script>alert(1)</script>');
    expect(hostile).not.toContain('<script>alert(1)</script>');
    expect(hostile).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('keeps its state in the database: a second app instance finds the same articles', async () => {
    const other = buildTestApp(database);
    const html = await (await other.app.request('/en/news/search?q=revitalize')).text();
    expect(html).toContain('<mark>revitalizing</mark>');
  });

  it('shows the empty form without a query, and copes with stop words only', async () => {
    expect(await search('')).not.toContain('role="status"');
    expect(await search('the and of')).toContain('No published article matches');
  });
});
