import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeOrganisation, signInAs } from '../../test/factories.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { importListings } from './import.ts';

// The listing pages through the real app: a member posts (pending), only a coordinator of the listing's
// region may approve, the public then sees it with its matches; edits, renewals and closing; field errors.

let database: Database;
let t: TestApp;
let dir: string;
let member: TestClient;
let jilin: TestClient;
let zhejiang: TestClient;
let anon: TestClient;
let memberOrgName: string;

const SEED = [
  {
    id: 'zj-seek-water',
    region: 'CN-ZJ',
    organization: { name: 'Hangzhou Fresh Mart Supermarkets', type: 'enterprise' },
    direction: 'seek',
    category: 'product',
    sector: 'C15',
    title: 'Supermarket chain seeks a supplier of bottled mineral water',
    description:
      'Our 120 stores in Hangzhou look for natural mineral water from the Changbai Mountains: bottled water in 550 ml and 5 l sizes, year-round supply.',
    language: 'en',
    tags: ['mineral water', 'bottled water'],
    amount_cny: 3000000,
    created_at: '2025-01-10T09:00:00+08:00',
  },
  {
    id: 'jl-offer-rice',
    region: 'CN-JL',
    area_code: '220100',
    organization: { name: '吉林省稻香米业有限公司', type: 'enterprise' },
    direction: 'offer',
    category: 'product',
    sector: 'A01',
    title: '吉林大米 寻找浙江经销商',
    description: '松花江畔优质粳米，年产五万吨，寻找浙江地区经销商和商超渠道。',
    language: 'zh',
    created_at: '2025-02-01T10:00:00+08:00',
  },
  {
    id: 'zj-old-capital',
    region: 'CN-ZJ',
    organization: { name: 'Ningbo Harbour Capital', type: 'institute' },
    direction: 'offer',
    category: 'capital',
    title: 'Fund for food processing projects in the Northeast',
    description: 'Equity investment for food processing plants in Jilin, 2018 round.',
    language: 'en',
    valid_until: '2019-01-01',
    created_at: '2018-06-01T10:00:00+08:00',
  },
];

const WATER = {
  direction: 'offer',
  category: 'product',
  sector: 'C15',
  language: 'zh',
  title: '长白山天然矿泉水 供应浙江市场',
  description: '长白山深层天然矿泉水，瓶装水年产十万吨，寻找浙江超市和经销渠道。',
  tags: '矿泉水，瓶装水',
  amountCny: '2,500,000',
  validUntil: '2099-06-30',
  areaCode: '222400',
};

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  dir = mkdtempSync(join(tmpdir(), 'cp-listings-web-'));
  const file = join(dir, 'seed.jsonl');
  writeFileSync(file, SEED.map((l) => JSON.stringify(l)).join('\n'));
  const report = await importListings(t.deps.db, file, { actor: SYSTEM, now: new Date() });
  expect(report.invalid).toEqual([]);
  expect(report.created).toBe(SEED.length);

  memberOrgName = 'Changbai Spring Water Co.';
  const orgId = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: memberOrgName });
  member = new TestClient(t.app);
  await signInAs(member, database, { role: 'member', orgId });
  jilin = new TestClient(t.app);
  await signInAs(jilin, database, { role: 'coordinator', regionCode: 'CN-JL' });
  zhejiang = new TestClient(t.app);
  await signInAs(zhejiang, database, { role: 'coordinator', regionCode: 'CN-ZJ' });
  anon = new TestClient(t.app);
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database.close();
});

/** The path of a listing page from a redirect's Location, without the query. */
function pathOf(res: Response): string {
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!, 'http://x').pathname;
}

async function page(client: TestClient, path: string, status = 200): Promise<string> {
  const res = await client.get(path);
  const html = await res.text();
  expect(res.status, `${path}: ${html.slice(0, 400)}`).toBe(status);
  return html;
}

describe('posting and reviewing a listing', () => {
  let path: string;

  it('a member posts through the form; the listing is pending and hidden from the public', async () => {
    const form = await page(member, '/en/listings/new');
    for (const field of ['direction', 'category', 'sector', 'title', 'description', 'language', 'tags']) {
      expect(form, field).toContain(`<label for="f-${field}">`);
    }
    expect(form).not.toContain('name="orgId"'); // members post for their own organisation
    expect(form).toContain('<optgroup label="C Manufacturing">');

    const res = await member.postForm('/en/listings/new', WATER);
    path = pathOf(res);
    expect(path).toMatch(/^\/en\/listings\/cp-\d{4}-[0-9a-f]{10}$/);
    expect(res.headers.get('location')).toContain('done=created');

    const own = await page(member, `${path}?done=created`);
    expect(own).toContain('The listing was saved.');
    expect(own).toContain('Waiting for review');
    expect(own).toContain('<span lang="zh-CN">长白山天然矿泉水 供应浙江市场</span>');
    expect(own).toContain('2,500,000 yuan');
    expect(own).toContain('Yanbian Korean Autonomous Prefecture');
    expect(own).toContain('C15 Manufacture of');
    expect(own).toContain(memberOrgName);

    await page(anon, path, 404);
    const mine = await page(member, '/en/listings/mine');
    expect(mine).toContain(`href="${path}"`);
    expect(await page(anon, '/en/listings')).not.toContain(path);
  });

  it('a coordinator of another region can neither see nor approve it', async () => {
    await page(zhejiang, path, 404);
    const res = await zhejiang.postForm(`${path}/review`, { decision: 'approve' });
    expect(res.status).toBe(404);
    expect(await page(zhejiang, '/en/coordinator/listings')).not.toContain(path);
    expect(await page(member, path)).toContain('Waiting for review');
  });

  it('a coordinator of another region is refused (403) reviewing a listing they may see', async () => {
    const res = await zhejiang.postForm('/en/listings/jl-offer-rice/review', { decision: 'reject' });
    expect(res.status).toBe(403);
  });

  it('the coordinator of its region approves it from the review queue', async () => {
    const queue = await page(jilin, '/en/coordinator/listings');
    expect(queue).toContain(`href="${path}"`);
    expect(queue).toContain(`action="${path}/review"`);
    const res = await jilin.postForm(`${path}/review`, {
      decision: 'approve',
      note: 'Welcome',
      back: 'queue',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/coordinator/listings?done=approved');
    const after = await page(jilin, res.headers.get('location')!);
    expect(after).toContain('The listing was approved and is now public.');
    expect(after).not.toContain(`href="${path}"`);
  });

  it('the public now sees it, in the list and on its page with its matches and their reasons', async () => {
    const list = await page(anon, '/en/listings');
    expect(list).toContain(`href="${path}"`);
    const shown = await page(anon, path);
    expect(shown).not.toContain('Waiting for review');
    expect(shown).not.toContain('Approve');
    expect(shown).not.toContain('/close"'); // no manage forms for the public
    const matches = shown.slice(shown.indexOf('id="matches-heading"'));
    expect(matches).toContain('href="/en/listings/zj-seek-water"');
    expect(matches).toContain('Zhejiang is Jilin&#39;s counterpart');
    expect(matches).toMatch(/same sector C15/);

    const zh = await page(anon, path.replace('/en/', '/zh/'));
    expect(zh).toContain('250万元');
    expect(zh).toContain('匹配理由');
    expect(zh).toContain('浙江省是吉林省的对口合作省份');
    expect(zh).toContain('lang="en">Supermarket chain seeks a supplier of bottled mineral water</a>');
  });

  it('matches widen to every region with scope=all', async () => {
    const narrow = await page(anon, '/en/listings/zj-seek-water');
    expect(narrow).toContain('href="/en/listings/zj-seek-water?scope=all#matches-heading"');
    const wide = await page(anon, '/en/listings/zj-seek-water?scope=all');
    expect(wide).toContain('Show matches from the counterpart regions only');
  });

  it("a member's edit sends it back to review", async () => {
    const form = await page(member, `${path}/edit`);
    expect(form).toContain('value="矿泉水, 瓶装水"');
    const res = await member.postForm(`${path}/edit`, { ...WATER, title: '长白山天然矿泉水 寻浙江代理' });
    expect(pathOf(res)).toBe(path);
    const own = await page(member, `${path}?done=saved`);
    expect(own).toContain('The changes were saved.');
    expect(own).toContain('Waiting for review');
    expect(own).toContain('长白山天然矿泉水 寻浙江代理');
    await page(anon, path, 404);
  });

  it('a rejection with a note is shown to the member, not to the public', async () => {
    const missing = await jilin.postForm(`${path}/review`, { note: 'no decision' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Choose Approve or Reject');
    const res = await jilin.postForm(`${path}/review`, {
      decision: 'reject',
      note: 'Please add the source certificate',
    });
    expect(pathOf(res)).toBe(path);
    const own = await page(member, path);
    expect(own).toContain('class="tag listing-status-rejected">Rejected');
    expect(own).toContain('Please add the source certificate');
    await page(anon, path, 404);
  });

  it('renewing needs a future date; it then shows the new end date', async () => {
    const bad = await member.postForm(`${path}/renew`, { validUntil: '2001-01-01' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="f-validUntil-error"');
    expect(html).toContain('Choose a date after today');
    expect(html).toContain('value="2001-01-01"');

    const res = await member.postForm(`${path}/renew`, { validUntil: '2099-12-31' });
    expect(pathOf(res)).toBe(path);
    const own = await page(member, path);
    expect(own).toContain('<time datetime="2099-12-31">2099-12-31</time>');
  });

  it('closing it once works, twice says it is already closed', async () => {
    const res = await member.postForm(`${path}/close`, {});
    expect(pathOf(res)).toBe(path);
    expect(await page(member, `${path}?done=closed`)).toContain('The listing was closed.');
    const again = await member.postForm(`${path}/close`, {});
    // The Close button is gone once closed; a stale form still gets a readable answer.
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('This listing is already closed');
  });

  it('another member may not edit, renew or close it', async () => {
    const other = new TestClient(t.app);
    const orgId = await makeOrganisation(database, { regionCode: 'CN-JL' });
    await signInAs(other, database, { role: 'member', orgId });
    const res = await other.postForm('/en/listings/jl-offer-rice/renew', { validUntil: '2099-12-31' });
    expect(res.status).toBe(403);
    expect((await other.get('/en/listings/jl-offer-rice/edit')).status).toBe(403);
    expect((await other.postForm('/en/listings/jl-offer-rice/close', {})).status).toBe(403);
    expect((await other.postForm('/en/listings/jl-offer-rice/edit', WATER)).status).toBe(403);
    expect(await page(other, '/en/listings/jl-offer-rice')).not.toContain('/renew"');
  });
});

describe('form errors', () => {
  it('name each field, in the page language', async () => {
    const res = await member.postForm('/en/listings/new', {
      ...WATER,
      title: '',
      amountCny: 'lots',
      areaCode: '330100',
      tags: Array.from({ length: 25 }, (_, i) => `t${i}`).join(','),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#f-title"');
    expect(html).toMatch(/id="f-title-error">This field is required\./);
    expect(html).toMatch(/id="f-amountCny-error">Enter the amount in digits/);
    expect(html).toMatch(/id="f-tags-error">Enter at most 20 keywords/);
    expect(html).toContain('aria-invalid="true"');
    // What was typed is kept.
    expect(html).toContain('value="lots"');

    const zh = await member.postForm('/zh/listings/new', { ...WATER, areaCode: '330100' });
    expect(zh.status).toBe(400);
    expect(await zh.text()).toMatch(/id="f-areaCode-error">330100 不是 CN-JL 的下级行政区/);
  });

  it('a coordinator chooses the organisation; only their region’s are offered', async () => {
    const form = await page(jilin, '/en/listings/new');
    expect(form).toContain('name="orgId"');
    expect(form).toContain(memberOrgName);
    expect(form).not.toContain('Hangzhou Fresh Mart');
    const res = await jilin.postForm('/en/listings/new', WATER);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/id="f-orgId-error">Choose the organisation this listing is for/);
  });

  it('visitors are sent to sign in; unknown refs are 404', async () => {
    const res = await anon.get('/en/listings/new');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/en/sign-in');
    await page(anon, '/en/listings/no-such-listing', 404);
    await page(anon, '/zh/listings/%20bad', 404);
  });
});

describe('browsing', () => {
  it('filters by facets with counts, and by search words', async () => {
    const all = await page(anon, '/en/listings');
    expect(all).toContain('href="/en/listings/jl-offer-rice"');
    expect(all).toContain('href="/en/listings/zj-seek-water"');
    expect(all).not.toContain('href="/en/listings/zj-old-capital"'); // expired
    expect(all).toMatch(/href="\/en\/listings\?region=CN-ZJ">Zhejiang<\/a><span class="facet-count"> \(1\)/);

    const seeks = await page(anon, '/en/listings?direction=seek');
    expect(seeks).toContain('href="/en/listings/zj-seek-water"');
    expect(seeks).not.toContain('href="/en/listings/jl-offer-rice"');
    expect(seeks).toContain('A buyer, retailer or sales channel looking for goods');

    const expired = await page(anon, '/en/listings?state=expired');
    expect(expired).toContain('href="/en/listings/zj-old-capital"');
    expect(expired).toContain('class="tag listing-expired">Expired');

    const section = await page(anon, '/zh/listings?sector=A');
    expect(section).toContain('href="/zh/listings/jl-offer-rice"');
    expect(section).not.toContain('href="/zh/listings/zj-seek-water"');
    expect(section).toContain('共 1 条信息');

    const found = await page(anon, '/en/listings?q=mineral+water');
    expect(found).toContain('href="/en/listings/zj-seek-water"');
    expect(found).not.toContain('href="/en/listings/jl-offer-rice"');
  });

  it('shows coordinators the way to the review queue, and members to their own listings', async () => {
    expect(await page(jilin, '/en/listings')).toContain('href="/en/coordinator/listings"');
    const m = await page(member, '/en/listings');
    expect(m).toContain('href="/en/listings/mine"');
    expect(m).toContain('href="/en/listings/new"');
    expect(await page(anon, '/en/listings')).not.toContain('href="/en/coordinator/listings"');
    expect((await member.get('/en/coordinator/listings')).status).toBe(403);
  });
});
