import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeOrganisation, signInAs } from '../../test/factories.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { ListingRecord } from './fields.ts';
import { importListings } from './import.ts';

let database: Database;
let t: TestApp;
let dir: string;

/** A line of the interchange format with defaults for the fields a test does not care about. */
function record(over: Partial<ListingRecord> & Pick<ListingRecord, 'id' | 'region'>): ListingRecord {
  return {
    organization: { name: `Org of ${over.id}`, type: 'enterprise' },
    direction: 'seek',
    category: 'product',
    sector: 'C15',
    title: 'Bottled mineral water wanted',
    description: 'We distribute bottled mineral water to supermarkets and want new sources.',
    language: 'en',
    created_at: '2018-02-25T10:00:00+08:00',
    ...over,
  };
}

const LISTINGS: ListingRecord[] = [
  record({
    id: 'api-q1',
    region: 'CN-JL',
    direction: 'offer',
    title: '长白山天然矿泉水 寻浙江代理商',
    description: '长白山天然矿泉水，水源地在安图县，年产能十万吨，寻求浙江的经销商和代理商。',
    language: 'zh',
    organization: { name: '安图县泉源饮品有限公司', type: 'enterprise' },
    amount_cny: 2_000_000,
    valid_until: '2018-12-31',
    created_at: '2018-02-20T10:00:00+08:00',
  }),
  record({
    id: 'api-zj-1',
    region: 'CN-ZJ',
    title: 'Hangzhou distributor seeks natural mineral water',
    description:
      'Supermarket chain in Hangzhou looking for a supplier of natural mineral water, 500ml bottles.',
  }),
  record({
    id: 'api-zj-2',
    region: 'CN-ZJ',
    title: '杭州商超采购天然矿泉水',
    description: '杭州连锁超市采购长白山天然矿泉水，长期合作。',
    language: 'zh',
    valid_until: '2018-02-28',
    created_at: '2018-02-10T09:00:00+08:00',
  }),
  record({
    id: 'api-gd-1',
    region: 'CN-GD',
    title: 'Guangzhou importer seeks natural mineral water',
    description: 'Guangzhou beverage importer looking for natural mineral water from the north-east.',
  }),
  record({ id: 'api-zj-offer', region: 'CN-ZJ', direction: 'offer', title: 'Mineral water for sale' }),
];

async function importRecords(name: string, records: ListingRecord[], status: 'published' | 'pending') {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n'));
  const report = await importListings(database.db, path, { actor: SYSTEM, now: new Date(), status });
  expect(report.invalid).toEqual([]);
}

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  dir = mkdtempSync(join(tmpdir(), 'cp-listings-api-'));
  await importRecords('published.jsonl', LISTINGS, 'published');
  await importRecords('pending.jsonl', [record({ id: 'api-pending', region: 'CN-JL' })], 'pending');
}, 120_000);
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

interface MatchesBody {
  items: {
    ref: string;
    title: string;
    region: string;
    category: string;
    direction: string;
    score: number;
    reasons: { code: string; text: string }[];
  }[];
}
interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}

async function matches(query: string, headers: Record<string, string> = {}) {
  const res = await t.app.request(`/api/v1/listings/api-q1/matches?${query}`, { headers });
  expect(res.status).toBe(200);
  return (await res.json()) as MatchesBody;
}
const refs = (body: MatchesBody) => body.items.map((i) => i.ref);

describe('GET /api/v1/listings/{ref}/matches (the contract)', () => {
  it('answers exactly {items:[{ref,title,region,category,direction,score,reasons}]}, best first', async () => {
    const body = await matches('limit=10&asOf=2018-03-01T00:00:00%2B08:00&scope=counterpart');
    expect(Object.keys(body)).toEqual(['items']);
    expect(refs(body)).toEqual(['api-zj-1']);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(
        ['category', 'direction', 'reasons', 'ref', 'region', 'score', 'title'].sort(),
      );
      expect(item).toMatchObject({ region: 'CN-ZJ', category: 'product', direction: 'seek' });
      expect(item.reasons.length).toBeGreaterThan(0);
      for (const r of item.reasons) expect(Object.keys(r).sort()).toEqual(['code', 'text']);
    }
    const all = await matches('asOf=2018-02-26&scope=all');
    const scores = all.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("words the reasons in the caller's language (Accept-Language)", async () => {
    const q = 'asOf=2018-03-01&scope=counterpart';
    const en = await matches(q, { 'accept-language': 'en' });
    const zh = await matches(q, { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(zh.items.map((i) => i.reasons.map((r) => r.code))).toEqual(
      en.items.map((i) => i.reasons.map((r) => r.code)),
    );
    const enReasons = en.items[0]!.reasons;
    const zhReasons = zh.items[0]!.reasons;
    expect(enReasons.find((r) => r.code === 'counterpart_region')?.text).toBe(
      "Zhejiang is Jilin's counterpart",
    );
    expect(zhReasons.find((r) => r.code === 'counterpart_region')?.text).toBe('浙江省是吉林省的对口合作省份');
    expect(zhReasons.find((r) => r.code === 'sector_division')?.text).toMatch(/^同属行业 C15 /);
    expect(enReasons.find((r) => r.code === 'sector_division')?.text).toMatch(/^same sector C15 /);
  });

  it('takes asOf as a date (start of that day in China) or a date-time with offset, leaving out expired ones', async () => {
    // api-zj-2 is valid until 2018-02-28 (China time).
    expect(refs(await matches('asOf=2018-02-28'))).toContain('api-zj-2');
    expect(refs(await matches('asOf=2018-03-01'))).not.toContain('api-zj-2');
    expect(refs(await matches('asOf=2018-02-28T23:59:00%2B08:00'))).toContain('api-zj-2');
    // 20:00 UTC on the 28th is already 1 March in China.
    expect(refs(await matches('asOf=2018-02-28T20:00:00Z'))).not.toContain('api-zj-2');
    expect(refs(await matches('asOf=2018-02-28T15:00:00Z'))).toContain('api-zj-2');
    // A '+' sent unencoded arrives as a space and is read as the offset it was.
    expect(refs(await matches('asOf=2018-02-28T23:59:00+08:00'))).toContain('api-zj-2');
  });

  it('widens to every region with scope=all, never to the same direction', async () => {
    const counterpart = refs(await matches('asOf=2018-03-01'));
    const all = refs(await matches('asOf=2018-03-01&scope=all'));
    expect(counterpart).not.toContain('api-gd-1');
    expect(all).toEqual(expect.arrayContaining(['api-zj-1', 'api-gd-1']));
    expect(all).not.toContain('api-zj-offer');
    expect(all).not.toContain('api-q1');
  });

  it('answers 400 problem+json naming a bad limit, asOf or scope', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=ten', 'limit'],
      ['limit=1000', 'limit'],
      ['asOf=2018-02-30', 'asOf'],
      ['asOf=yesterday', 'asOf'],
      ['asOf=2018-03-01T00:00:00', 'asOf'],
      ['scope=world', 'scope'],
    ] as const) {
      const res = await t.app.request(`/api/v1/listings/api-q1/matches?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as Problem;
      expect(problem.code).toBe('validation');
      expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    }
  });

  it('answers 404 for an unknown ref, and for a pending listing to anonymous callers', async () => {
    for (const path of ['/api/v1/listings/no-such-ref/matches', '/api/v1/listings/api-pending/matches']) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as Problem).code).toBe('not_found');
    }
    expect((await t.app.request('/api/v1/listings/api-pending')).status).toBe(404);
    const coordinator = new TestClient(t.app);
    await signInAs(coordinator, database, { role: 'coordinator', regionCode: 'CN-JL' });
    expect((await coordinator.get('/api/v1/listings/api-pending/matches')).status).toBe(200);
  });
});

interface ListingJson {
  ref: string;
  region: string;
  organisation: { id: string; name: string; type: string };
  status: string;
  expired: boolean;
  url: string;
  createdAt: string;
  sector: string | null;
  title: string;
  validUntil: string | null;
}

describe('GET /api/v1/listings and /listings/{ref}', () => {
  it('filters by the browse facets and pages', async () => {
    const res = await t.app.request('/api/v1/listings?region=CN-ZJ,CN-GD&direction=seek&pageSize=1');
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      items: ListingJson[];
      total: number;
      page: number;
      pageSize: number;
    };
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    const both = (await (
      await t.app.request('/api/v1/listings?region=CN-ZJ&region=CN-GD&direction=seek')
    ).json()) as { items: ListingJson[] };
    expect(both.items.map((i) => i.ref).sort()).toEqual(['api-gd-1', 'api-zj-1']);
    const expired = (await (await t.app.request('/api/v1/listings?state=expired')).json()) as {
      items: ListingJson[];
    };
    expect(expired.items.map((i) => i.ref).sort()).toEqual(['api-q1', 'api-zj-2']);
    expect(expired.items.every((i) => i.expired)).toBe(true);
  });

  it('refuses unknown facet values by name, and manager-only states to anonymous callers', async () => {
    const bad = await t.app.request('/api/v1/listings?region=CN-XX&sector=Z99&orgType=club');
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as Problem).errors?.map((e) => e.field.split('.')[0]);
    expect(fields?.sort()).toEqual(['orgType', 'region', 'sector']);
    expect((await t.app.request('/api/v1/listings?state=pending')).status).toBe(401);
  });

  it('presents a listing in camelCase with its organisation, China-time dates and its address', async () => {
    const res = await t.app.request('/api/v1/listings/api-q1', { headers: { 'accept-language': 'zh' } });
    expect(res.status).toBe(200);
    const l = (await res.json()) as ListingJson & Record<string, unknown>;
    expect(l).toMatchObject({
      ref: 'api-q1',
      region: 'CN-JL',
      areaCode: null,
      direction: 'offer',
      category: 'product',
      sector: 'C15',
      language: 'zh',
      tags: [],
      amountCny: 2_000_000,
      validUntil: '2018-12-31',
      createdAt: '2018-02-20T10:00:00+08:00',
      status: 'published',
      expired: true,
      url: '/zh/listings/api-q1',
    });
    expect(l.organisation).toMatchObject({ name: '安图县泉源饮品有限公司', type: 'enterprise' });
    expect(Object.keys(l.organisation).sort()).toEqual(['id', 'name', 'nameEn', 'nameZh', 'type']);
  });
});

describe('writing listings through the API', () => {
  const input = {
    direction: 'offer',
    category: 'technology',
    sector: 'C36',
    title: 'Lightweight aluminium wheel technology',
    description: 'Our institute licenses a low-pressure casting process for aluminium wheels.',
    language: 'en',
    tags: ['auto parts'],
    amountCny: 500_000,
    validUntil: '2099-12-31',
  };

  it('refuses anonymous writes with 401', async () => {
    const anonymous = new TestClient(t.app);
    const res = await anonymous.sendJson('POST', '/api/v1/listings', input);
    expect(res.status).toBe(401);
    expect(((await res.json()) as Problem).code).toBe('unauthenticated');
    expect((await anonymous.sendJson('POST', '/api/v1/listings/api-zj-1/close', {})).status).toBe(401);
  });

  it('names every bad field in a 400 problem+json', async () => {
    const orgId = await makeOrganisation(database, { regionCode: 'CN-JL' });
    const member = new TestClient(t.app);
    await signInAs(member, database, { role: 'member', orgId });
    const res = await member.sendJson('POST', '/api/v1/listings', {
      ...input,
      direction: 'sideways',
      sector: 'Z99',
      title: '',
      language: 'fr',
      amountCny: -5,
      colour: 'blue',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as Problem;
    const fields = problem.errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['direction', 'sector', 'title', 'language', 'amountCny']));
    // The unknown field is named, by its name or in the message about the body.
    expect(problem.errors?.some((e) => e.field === 'colour' || e.message.includes('colour'))).toBe(true);
  });

  it('lets a member post (pending), a coordinator approve, the member edit and close', async () => {
    const orgId = await makeOrganisation(database, {
      regionCode: 'CN-JL',
      nameEn: 'Changchun Wheel Institute',
    });
    const member = new TestClient(t.app);
    await signInAs(member, database, { role: 'member', orgId });
    const posted = await member.sendJson('POST', '/api/v1/listings', input);
    expect(posted.status).toBe(201);
    const l = (await posted.json()) as ListingJson;
    expect(l).toMatchObject({
      region: 'CN-JL',
      status: 'pending',
      sector: 'C36',
      expired: false,
      organisation: { id: orgId, name: 'Changchun Wheel Institute' },
    });
    expect(l.ref).toMatch(/^cp-\d{4}-[0-9a-f]{10}$/);
    expect(l.url).toBe(`/en/listings/${l.ref}`);
    expect(l.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect((await t.app.request(`/api/v1/listings/${l.ref}`)).status).toBe(404);

    const outsider = new TestClient(t.app);
    await signInAs(outsider, database, { role: 'coordinator', regionCode: 'CN-ZJ' });
    expect(
      (await outsider.sendJson('POST', `/api/v1/listings/${l.ref}/review`, { decision: 'approve' })).status,
    ).toBe(404);

    const coordinator = new TestClient(t.app);
    await signInAs(coordinator, database, { role: 'coordinator', regionCode: 'CN-JL' });
    const badReview = await coordinator.sendJson('POST', `/api/v1/listings/${l.ref}/review`, {
      decision: 'maybe',
    });
    expect(((await badReview.json()) as Problem).errors?.map((e) => e.field)).toEqual(['decision']);
    const approved = await coordinator.sendJson('POST', `/api/v1/listings/${l.ref}/review`, {
      decision: 'approve',
      note: 'Looks good',
    });
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as ListingJson).status).toBe('published');
    expect((await t.app.request(`/api/v1/listings/${l.ref}`)).status).toBe(200);

    expect(
      (await outsider.sendJson('PUT', `/api/v1/listings/${l.ref}`, { ...input, title: 'Taken over' })).status,
    ).toBe(403);
    const edited = await member.sendJson('PUT', `/api/v1/listings/${l.ref}`, {
      ...input,
      title: 'Low-pressure casting for aluminium wheels',
    });
    expect(edited.status).toBe(200);
    expect((await edited.json()) as ListingJson).toMatchObject({
      title: 'Low-pressure casting for aluminium wheels',
      status: 'pending',
    });
    const badEdit = await member.sendJson('PUT', `/api/v1/listings/${l.ref}`, {
      ...input,
      areaCode: '330100',
    });
    expect(((await badEdit.json()) as Problem).errors?.map((e) => e.field)).toEqual(['areaCode']);

    const badRenew = await member.sendJson('POST', `/api/v1/listings/${l.ref}/renew`, {
      validUntil: '2001-01-01',
    });
    expect(badRenew.status).toBe(400);
    expect(((await badRenew.json()) as Problem).errors?.map((e) => e.field)).toEqual(['validUntil']);
    const renewed = await member.sendJson('POST', `/api/v1/listings/${l.ref}/renew`, {
      validUntil: '2100-06-30',
    });
    expect(((await renewed.json()) as ListingJson).validUntil).toBe('2100-06-30');

    const closed = await member.sendJson('POST', `/api/v1/listings/${l.ref}/close`, {});
    expect(((await closed.json()) as ListingJson).status).toBe('closed');
    const again = await member.sendJson('POST', `/api/v1/listings/${l.ref}/close`, {});
    expect(again.status).toBe(409);
  });
});

describe('GET /api/v1/listings/export', () => {
  it('downloads CSV with headers and labels in the chosen language', async () => {
    const res = await t.app.request('/api/v1/listings/export?format=csv&lang=zh&state=expired');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="listings-[\d-]+\.csv"$/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF编号,标题,供需,类别,')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    const q1 = lines.find((l) => l.startsWith('api-q1,'));
    expect(q1).toContain(',供给,产品,C15 酒、饮料和精制茶制造业,吉林省,');
    expect(q1).toContain(',已过期,http://localhost:');
  });

  it('downloads JSON Lines in the interchange format, and XLSX that opens', async () => {
    const jsonl = await t.app.request('/api/v1/listings/export?format=jsonl&state=expired&region=CN-ZJ');
    const lines = (await jsonl.text()).trimEnd().split('\n');
    expect(lines.map((l) => ListingRecord.parse(JSON.parse(l)))).toEqual([
      { ...LISTINGS[2], organization: { ...LISTINGS[2]!.organization } },
    ]);

    const xlsx = await t.app.request('/api/v1/listings/export?format=xlsx&lang=en&state=expired');
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('Listings')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Reference');
    expect(sheet.rowCount).toBe(3);
  });

  it('refuses a bad format by name', async () => {
    const res = await t.app.request('/api/v1/listings/export?format=pdf');
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors?.map((e) => e.field)).toEqual(['format']);
  });
});

it('documents every listings route in the OpenAPI document', async () => {
  const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  expect(Object.keys(doc.paths['/listings'] ?? {}).sort()).toEqual(['get', 'post']);
  expect(Object.keys(doc.paths['/listings/{ref}'] ?? {}).sort()).toEqual(['get', 'put']);
  for (const p of ['matches', 'renew', 'close', 'review'])
    expect(doc.paths[`/listings/{ref}/${p}`]).toBeDefined();
  expect(doc.paths['/listings/export']).toBeDefined();
});
