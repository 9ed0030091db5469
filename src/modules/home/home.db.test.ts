import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import type { Lang } from '../../lib/i18n.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { formatNumber } from '../../web/charts.tsx';
import {
  pairingDashboard,
  pairingHeadlines,
  type PairingHeadline,
} from '../dashboards/dashboards.service.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { actingAs } from '../listings/testing.ts';
import { browseListings } from '../listings/listings.service.ts';
import { formatYuan } from '../listings/views/parts.tsx';
import { latestNews } from '../news/news.read.ts';
import { setProjectPublished } from '../projects/projects.service.ts';
import { projects } from '../projects/schema.ts';
import { pairingTitle } from '../regions/views/names.tsx';
import { dateRange } from '../visits/views/parts.tsx';
import { visitIdTitled } from '../visits/visits.read.ts';

// The home page over the demo content, in both languages: latest news, each pairing with its headline
// figures (as the dashboards count them for the public), the newest listings, and upcoming visits, in that
// order. The test takes one of the demo's four Jilin–Zhejiang projects (the Ningbo parts warehouse, 8M
// contracted) off the public pages: the home page counts the other three (30M + 50M + 150M contracted).

let database: Database;
let t: TestApp;
let anon: TestClient;
let jilinZhejiang: PairingHeadline;
/** The Jilin–Zhejiang dashboard's figures as an administrator (whole) and as the public see them. */
let whole: Awaited<ReturnType<typeof pairingDashboard>>['figures'];
let publicFigures: Awaited<ReturnType<typeof pairingDashboard>>['figures'];
let newest: { ref: string; title: string; language: Lang }[];
let visitId = '';

const anonymous = { viewer: null, lang: 'en' as const };
/** Text as hono/jsx writes it into the page. */
const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  await loadDemo(t.deps);
  const admin = await actingAs(database, 'admin');
  const [ningbo] = await database.db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.title, 'Huaxin parts warehouse at Qianwan, Ningbo'));
  await setProjectPublished(t.deps, admin, ningbo!.id, false);
  const headlines = await pairingHeadlines(t.deps);
  const found = headlines.find(
    (h) => [h.pairing.aCode, h.pairing.bCode].sort().join() === ['CN-JL', 'CN-ZJ'].join(),
  );
  expect(found, 'the Jilin–Zhejiang pairing').toBeDefined();
  jilinZhejiang = found!;
  const all = { from: null, to: null };
  whole = (await pairingDashboard(t.deps, admin, found!.pairing.id, all)).figures;
  publicFigures = (await pairingDashboard(t.deps, anonymous, found!.pairing.id, all)).figures;
  newest = (await browseListings(t.deps, anonymous, { page: 1, pageSize: 5 })).rows;
  visitId = (await visitIdTitled(
    database.db,
    'Jilin Delegation Made an Investigation Trip in Zhejiang',
    '2017-09-06',
  ))!;
  anon = new TestClient(t.app);
}, 120_000);
afterAll(() => database.close());

const page = async (client: TestClient, path: string) => {
  const res = await client.get(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

/** The section labelled by the heading with this id. */
const section = (html: string, id: string) => {
  const start = html.search(new RegExp(`<section[^>]* aria-labelledby="${id}"`));
  expect(start, id).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
};

const words = {
  en: {
    news: 'Latest news',
    pairings: 'Pairings',
    listings: 'Newest cooperation listings',
    visits: 'Upcoming visits',
    noVisits: 'No upcoming visit is recorded.',
    join: 'Take part',
    jobs: 'Jobs created',
    contracted: 'Contracted investment',
    value: 'Contracted value',
  },
  zh: {
    news: '最新消息',
    pairings: '结对关系',
    listings: '最新合作对接信息',
    visits: '近期考察',
    noVisits: '暂无即将进行的考察。',
    join: '参与合作',
    jobs: '新增就业（人）',
    contracted: '协议投资额',
    value: '协议金额',
  },
} as const;

describe.each(['en', 'zh'] as const)('the home page (%s)', (lang) => {
  const w = words[lang];

  it('shows the latest news, the pairings, the newest listings and upcoming visits, in that order', async () => {
    const html = await page(anon, `/${lang}/`);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    const order = ['latest-news-heading', 'home-pairings', 'home-listings', 'home-visits', 'home-join'].map(
      (id) => html.indexOf(`id="${id}"`),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(section(html, 'home-pairings')).toContain(`>${w.pairings}</h2>`);
    expect(section(html, 'home-listings')).toContain(`>${w.listings}</h2>`);
    expect(section(html, 'home-visits')).toContain(`>${w.visits}</h2>`);
    expect(section(html, 'home-join')).toContain(`href="/${lang}/register"`);
  });

  it('shows the newest news headline', async () => {
    const [first] = await latestNews(database.db, lang, 5);
    expect(first).toBeDefined();
    const news = section(await page(anon, `/${lang}/`), 'latest-news-heading');
    expect(news).toContain(w.news);
    expect(news).toContain(esc(first!.title));
  });

  it('counts the public’s Jilin–Zhejiang figures: published projects, no agreement value', () => {
    const h = jilinZhejiang;
    expect(h.value).toBeNull();
    expect([h.projects, h.contracted]).toEqual([3, 230_000_000]);
    expect([whole.projects.total, whole.projects.contracted]).toEqual([4, 238_000_000]);
    expect([h.agreements, h.projects, h.contracted, h.actual, h.jobs]).toEqual([
      publicFigures.agreements.confirmed,
      publicFigures.projects.total,
      publicFigures.projects.contracted,
      publicFigures.projects.actual,
      publicFigures.projects.jobs,
    ]);
  });

  it('shows the Jilin–Zhejiang pairing with its headline figures and links to its pages', async () => {
    const h = jilinZhejiang;
    expect(h.agreements).toBeGreaterThan(0);
    expect(h.contracted).toBeGreaterThan(0);
    const pairings = section(await page(anon, `/${lang}/`), 'home-pairings');
    const id = h.pairing.id;
    const start = pairings.indexOf(`<a href="/${lang}/pairings/${id}">`);
    expect(start).toBeGreaterThan(0);
    const card = pairings.slice(start, pairings.indexOf('</li>', start));
    expect(card).toContain(`>${esc(pairingTitle(h.pairing, lang))}</a>`);
    expect(card).toContain(`<dt>${w.jobs}</dt><dd>${formatNumber(h.jobs, lang)}</dd>`);
    // Contracted investment of the projects where the agreements' value used to be.
    expect(card).toContain(`<dt>${w.contracted}</dt><dd>${esc(formatYuan(h.contracted, lang))}</dd>`);
    expect(card).not.toContain(`<dt>${w.value}</dt>`);
    for (const figure of [
      formatNumber(h.agreements, lang),
      formatNumber(h.projects, lang),
      formatYuan(h.actual, lang),
    ]) {
      expect(card).toContain(`<dd>${esc(figure)}</dd>`);
    }
    expect(card).toContain(`href="/${lang}/pairings/${id}/dashboard"`);
    expect(pairings).toContain(`href="/${lang}/dashboard"`);
  });

  it('shows the five newest listings, titles marked with their language', async () => {
    expect(newest).toHaveLength(5);
    const listings = section(await page(anon, `/${lang}/`), 'home-listings');
    expect(listings.match(/<li class="listing-item">/g)).toHaveLength(5);
    for (const l of newest) {
      const attr = l.language === lang ? '' : ` lang="${l.language === 'zh' ? 'zh-CN' : 'en'}"`;
      expect(listings).toContain(
        `href="/${lang}/listings/${encodeURIComponent(l.ref)}"${attr}>${esc(l.title)}</a>`,
      );
    }
    expect(listings).toContain(`href="/${lang}/listings"`);
  });

  it('says when no visit is coming up', async () => {
    const visits = section(await page(anon, `/${lang}/`), 'home-visits');
    expect(visits).toContain(w.noVisits);
    expect(visits).not.toContain(`/visits/${visitId}`);
    expect(visits).toContain(`href="/${lang}/visits"`);
  });

  it('shows the reference visit while it is coming up, by its title, dates and place', async () => {
    const before = new TestClient(createApp({ ...t.deps, now: () => new Date('2017-09-01T09:00:00+08:00') }));
    const visits = section(await page(before, `/${lang}/`), 'home-visits');
    expect(visits).not.toContain(w.noVisits);
    const title =
      lang === 'en' ? 'Jilin Delegation Made an Investigation Trip in Zhejiang' : '吉林省代表团来浙江考察';
    expect(visits).toContain(`<a href="/${lang}/visits/${visitId}">${title}</a>`);
    expect(visits).toContain(dateRange({ startsOn: '2017-09-06', endsOn: '2017-09-07' }, lang));
    expect(visits).toContain(`${lang === 'en' ? 'Zhejiang' : '浙江省'} · <span`);
    expect(visits).toContain('杭州 Hangzhou');
  });

  it('leaves out the invitation to register for a signed-in user', async () => {
    const member = new TestClient(t.app);
    await signInAs(member, database, { role: 'admin' });
    const html = await page(member, `/${lang}/`);
    expect(html).toContain('id="home-pairings"');
    expect(html).not.toContain(w.join);
    expect(html).not.toContain('id="home-join"');
  });
});
