import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { visitIdTitled } from './visits.read.ts';
import * as svc from './visits.service.ts';

// The visit pages through the real app after loading the demo: the reference article leads to its visit
// and back, in both languages; the visit shows its agreed areas, what delivers them and how far; the
// coordinators' forms work with plain posts and refuse bad input beside the field.

let database: Database;
let t: TestApp;
let anon: TestClient;
let zhejiang: TestClient;
let guangdong: TestClient;
let visitId = '';
let articles: { lang: 'en' | 'zh'; slug: string }[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  await loadDemo(t.deps);
  visitId = (await visitIdTitled(
    database.db,
    'Jilin Delegation Made an Investigation Trip in Zhejiang',
    '2017-09-06',
  ))!;
  articles = (await svc.getVisit(t.deps, { viewer: null, lang: 'en' }, visitId)).articles;
  anon = new TestClient(t.app);
  zhejiang = new TestClient(t.app);
  guangdong = new TestClient(t.app);
  await signInAs(zhejiang, database, { role: 'coordinator', regionCode: 'CN-ZJ' });
  await signInAs(guangdong, database, { role: 'coordinator', regionCode: 'CN-GD' });
}, 120_000);
afterAll(() => database.close());

const h1s = (html: string) => html.match(/<h1[\s>]/g)?.length ?? 0;
const page = async (client: TestClient, path: string, status = 200) => {
  const res = await client.get(path);
  expect(res.status, path).toBe(status);
  return res.text();
};

describe('the reference visit (demo)', () => {
  it('is linked from both versions of the reference article, and links back', async () => {
    expect(articles.map((a) => a.lang).sort()).toEqual(['en', 'zh']);
    for (const a of articles) {
      const html = await page(anon, `/${a.lang}/news/${encodeURIComponent(a.slug)}`);
      expect(html).toContain(a.lang === 'en' ? 'This article’s visit: ' : '本文报道的考察：');
      expect(html).toContain(`href="/${a.lang}/visits/${visitId}"`);
      const visit = await page(anon, `/${a.lang}/visits/${visitId}`);
      expect(visit).toContain(`href="/${a.lang}/news/${encodeURIComponent(a.slug)}"`);
    }
  });

  it('shows participants by side, the agreed areas with status, what delivers them and the rule (en)', async () => {
    const html = await page(anon, `/en/visits/${visitId}`);
    expect(h1s(html)).toBe(1);
    expect(html).toContain('<h1>Jilin Delegation Made an Investigation Trip in Zhejiang</h1>');
    expect(html).toContain('class="breadcrumb"');
    expect(html).toMatch(/<td>Host<\/td>\s*<th scope="row"><span>Che Jun<\/span><\/th>/);
    expect(html).toMatch(/<td>Visiting<\/td>\s*<th scope="row"><span>Liu Guozhong<\/span><\/th>/);
    expect(html).toContain('Deputy Secretary of CPC Jilin Committee and Governor of Jilin Province');
    // Nine areas, the first delivered by the water distribution centre in production.
    expect(html.match(/class="agreed-area /g)).toHaveLength(9);
    const first = html.slice(html.indexOf('Connect Jilin products'), html.indexOf('Connect Jilin resources'));
    expect(first).toContain('<span class="tag area-delivered">Delivered</span>');
    expect(first).toContain('stage: In production');
    expect(first).toContain('delivers it');
    // The agreement behind it is not public: the page says there is one and how far it is.
    expect(first).toContain('Not public: shown to the parties only');
    expect(first).toContain('signed, confirmed by every party’s region');
    const rnd = html.slice(html.indexOf('A platform for R&amp;D'), html.indexOf('Help Yanbian'));
    expect(rnd).toContain('stage: Started');
    expect(html).toContain('How the status is decided');
    expect(html).not.toContain('Manage this visit');
  });

  it('renders in Chinese with the statuses in words', async () => {
    const html = await page(anon, `/zh/visits/${visitId}`);
    expect(h1s(html)).toBe(1);
    expect(html).toContain('<h1>吉林省代表团来浙江考察</h1>');
    expect(html).toContain('<span class="tag area-delivered">已落实</span>');
    expect(html).toContain('浙江省委书记、省人大常委会主任');
    expect(html).toContain('状态如何判定');
    const list = await page(anon, '/zh/visits');
    expect(h1s(list)).toBe(1);
    expect(list).toContain(`href="/zh/visits/${visitId}"`);
    expect(await page(anon, '/en/visits')).toContain(
      'Jilin Delegation Made an Investigation Trip in Zhejiang',
    );
  });
});

describe('coordinator forms', () => {
  it('records a visit, refusing an end before the start beside the field', async () => {
    const form = await page(zhejiang, '/en/visits/new');
    expect(h1s(form)).toBe(1);
    const fields = {
      kind: 'talk',
      titleZh: '浙吉经贸洽谈',
      titleEn: 'Zhejiang–Jilin trade talks',
      startsOn: '2030-05-10',
      endsOn: '2030-05-09',
      hostRegionCode: 'CN-ZJ',
      visitingRegionCode: 'CN-JL',
      published: 'yes',
      'meetings.0.title': 'Opening',
      'meetings.0.on': '2030-05-10',
    };
    const bad = await zhejiang.postForm('/en/visits/new', fields);
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('The last day cannot be before the first day (2030-05-10).');
    expect(badHtml).toContain('href="#f-endsOn"');
    const ok = await zhejiang.postForm('/en/visits/new', { ...fields, endsOn: '2030-05-11' });
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location')!;
    expect(location).toMatch(/\/en\/visits\/[0-9a-f-]{36}\?done=created$/);
    const created = await page(zhejiang, location);
    expect(created).toContain('Opening');
    expect(created).toContain('Manage this visit');
    const upcoming = await page(anon, '/en/visits');
    expect(upcoming.indexOf('Zhejiang–Jilin trade talks')).toBeLessThan(upcoming.indexOf('Past'));
  });

  it('adds a participant and an area, refusing a nameless participant and an ownerless area', async () => {
    const base = `/zh/visits/${visitId}`;
    const noName = await zhejiang.postForm(`${base}/participants/new`, { name: ' ', side: 'host' });
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain('每位参加人员都需要填写姓名');
    const added = await zhejiang.postForm(`${base}/participants/new`, { name: '陈德荣', side: 'host' });
    expect(added.status).toBe(303);
    expect(await page(anon, base)).toContain('陈德荣');

    const area = {
      titleZh: '冰雪旅游',
      titleEn: 'Ice and snow tourism',
      'owner.regionCode': 'CN-JL',
      dueOn: '2030-12-31',
    };
    const noOwner = await zhejiang.postForm(`${base}/areas/new`, { ...area, 'owner.office': '' });
    expect(noOwner.status).toBe(400);
    expect(await noOwner.text()).toContain('每个合作事项都需要责任方');
    const ok = await zhejiang.postForm(`${base}/areas/new`, {
      ...area,
      'owner.office': '吉林省文化和旅游厅',
    });
    expect(ok.status).toBe(303);
    const view = await svc.getVisit(t.deps, { viewer: null, lang: 'en' }, visitId);
    const snow = view.areas.find((a) => a.area.titleEn === 'Ice and snow tourism')!;
    expect(snow.status.status).toBe('not_started');

    const unknown = await zhejiang.postForm(`${base}/areas/${snow.area.id}/links/new`, {
      kind: 'listing',
      target: 'nope',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('没有该编号或引用的、您可查看的合作信息');
    const linked = await zhejiang.postForm(`${base}/areas/${snow.area.id}/links/new`, {
      kind: 'listing',
      target: 'demo-jl-17',
    });
    expect(linked.status).toBe(303);
    const after = await svc.getVisit(t.deps, { viewer: null, lang: 'en' }, visitId);
    expect(after.areas.find((a) => a.area.id === snow.area.id)!.status.status).toBe('in_progress');
  });

  it('keeps the forms from coordinators of other regions and from visitors', async () => {
    expect((await guangdong.get(`/en/visits/${visitId}/edit`)).status).toBe(403);
    expect(
      (await guangdong.postForm(`/en/visits/${visitId}/participants/new`, { name: 'X', side: 'host' }))
        .status,
    ).toBe(403);
    const signIn = await anon.get('/en/visits/new');
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toContain('/en/sign-in');
    expect(await page(zhejiang, `/en/visits/${visitId}/edit`)).toContain('value="2017-09-06"');
  });
});

describe('loading the demo again', () => {
  it('records the reference visit once', async () => {
    await loadDemo(t.deps);
    const { total } = await svc.listVisits(
      t.deps,
      { viewer: null, lang: 'en' },
      { year: 2017, page: 1, pageSize: 10 },
    );
    expect(total).toBe(1);
  }, 120_000);
});
