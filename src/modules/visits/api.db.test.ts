import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { createListing } from '../listings/listings.service.ts';
import { input as listingInput } from '../listings/testing.ts';
import { makePair } from '../projects/testing.ts';
import { actingAs, areaInput, participant, publishedArticle, visitInput } from './testing.ts';

// The visits API through the real app: a Zhejiang coordinator records the talks, their participants and
// agreed areas, links what delivers them and the news; bad input names the field; exports read back.

let database: Database;
let t: TestApp;
let zhejiang: TestClient;
let guangdong: TestClient;
let anon: TestClient;
let listingRef = '';

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  zhejiang = new TestClient(t.app);
  guangdong = new TestClient(t.app);
  anon = new TestClient(t.app);
  await signInAs(zhejiang, database, { role: 'coordinator', regionCode: 'CN-ZJ' });
  await signInAs(guangdong, database, { role: 'coordinator', regionCode: 'CN-GD' });
  const pair = await makePair(database);
  const jl = await actingAs(database, 'coordinator', { regionCode: 'CN-JL' });
  listingRef = (
    await createListing(t.deps, jl, { ...listingInput({ validUntil: '2099-12-31' }), orgId: pair.jlOrg })
  ).ref;
});
afterAll(() => database.close());

interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}
const fields = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.field) ?? [];

interface AreaJson {
  id: string;
  status: string;
  links: { id: string; kind: string; title: string | null; weight: string }[];
}
interface VisitJson {
  id: string;
  participants: { name: string; side: string; order: number }[];
  areas: AreaJson[];
  articles: { id: string; url: string }[];
}

describe('/api/v1/visits', () => {
  it('records a visit with its participants, areas, links and articles', async () => {
    const created = await zhejiang.sendJson('POST', '/api/v1/visits', {
      ...visitInput(),
      participants: [participant()],
    });
    expect(created.status).toBe(201);
    const visit = (await created.json()) as VisitJson;
    expect(visit.participants).toEqual([expect.objectContaining({ name: '车俊', side: 'host', order: 1 })]);

    const more = await zhejiang.sendJson('POST', `/api/v1/visits/${visit.id}/participants`, {
      participants: [participant({ name: '刘国中', side: 'visiting' })],
    });
    expect(more.status).toBe(201);

    const area = await zhejiang.sendJson(
      'POST',
      `/api/v1/visits/${visit.id}/areas`,
      areaInput({ dueOn: '2099-12-31' }),
    );
    expect(area.status).toBe(201);
    const a = (await area.json()) as AreaJson;
    expect(a.status).toBe('not_started');

    const linked = await zhejiang.sendJson('POST', `/api/v1/visits/${visit.id}/areas/${a.id}/links`, {
      kind: 'listing',
      target: listingRef,
    });
    expect(linked.status).toBe(201);
    const after = (await linked.json()) as AreaJson;
    expect(after).toMatchObject({ status: 'in_progress', links: [{ kind: 'listing', weight: 'counts' }] });
    expect(after.links[0]!.title).toBe('Natural mineral water from Changbai Mountain');

    const article = await publishedArticle(database, 'en');
    const withArticle = await zhejiang.sendJson('POST', `/api/v1/visits/${visit.id}/articles`, {
      article: article.id,
    });
    expect(withArticle.status).toBe(201);
    expect(((await withArticle.json()) as VisitJson).articles.map((x) => x.url)).toEqual([
      `/en/news/${article.slug}`,
    ]);

    const read = await anon.get(`/api/v1/visits/${visit.id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as VisitJson).participants.map((p) => p.name)).toEqual(['车俊', '刘国中']);

    const removed = await zhejiang.request(
      `/api/v1/visits/${visit.id}/areas/${a.id}/links/${after.links[0]!.id}`,
      {
        method: 'DELETE',
        headers: { 'x-csrf-token': await zhejiang.csrf() },
      },
    );
    expect(removed.status).toBe(204);

    const edited = await zhejiang.sendJson(
      'PUT',
      `/api/v1/visits/${visit.id}`,
      visitInput({ places: 'Hangzhou, Ningbo' }),
    );
    expect(edited.status).toBe(200);

    const list = await anon.get('/api/v1/visits?region=CN-JL&year=2017');
    expect(((await list.json()) as { total: number }).total).toBe(1);
  });

  it('names the field for bad input and refuses other regions and visitors', async () => {
    const noName = await zhejiang.sendJson('POST', '/api/v1/visits', {
      ...visitInput(),
      participants: [participant(), { side: 'host' }],
    });
    expect(noName.status).toBe(400);
    expect(await fields(noName)).toEqual(['participants.1.name']);

    const visit = (await (
      await zhejiang.sendJson('POST', '/api/v1/visits', visitInput())
    ).json()) as VisitJson;
    const { owner: _owner, ...noOwner } = areaInput();
    const ownerless = await zhejiang.sendJson('POST', `/api/v1/visits/${visit.id}/areas`, noOwner);
    expect(ownerless.status).toBe(400);
    expect(await fields(ownerless)).toContain('owner');

    const backwards = await zhejiang.sendJson('POST', '/api/v1/visits', visitInput({ endsOn: '2017-09-01' }));
    expect(await fields(backwards)).toEqual(['endsOn']);

    expect((await guangdong.sendJson('POST', '/api/v1/visits', visitInput())).status).toBe(403);
    expect((await anon.sendJson('POST', '/api/v1/visits', visitInput())).status).toBe(401);
    expect((await anon.get('/api/v1/visits/not-an-id')).status).toBe(404);
  });

  it('exports visits and agreed areas with a choice of columns', async () => {
    const csv = await anon.get('/api/v1/visits/export?format=csv&lang=zh&columns=title,host,visiting');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('标题,东道方,来访方');
    expect(lines[1]).toBe('吉林省代表团来浙江考察,浙江省,吉林省');

    const bad = await anon.get('/api/v1/visits/areas/export?columns=title,colour');
    expect(bad.status).toBe(400);
    expect(await fields(bad)).toEqual(['columns']);

    const xlsx = await anon.get('/api/v1/visits/areas/export?format=xlsx&lang=en&columns=title,owner,status');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('Agreed areas')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Title', 'Owner region', 'Status']);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Jilin products and the Zhejiang market',
      'Zhejiang',
      'Not started',
    ]);
  });

  it('is in the OpenAPI document under Visits', async () => {
    const doc = (await (await anon.get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    for (const path of [
      '/visits',
      '/visits/{id}',
      '/visits/{id}/areas/{areaId}/links/{linkId}',
      '/visits/areas/export',
    ]) {
      expect(Object.values(doc.paths[path] ?? {})[0]?.tags, path).toEqual(['Visits']);
    }
  });
});
