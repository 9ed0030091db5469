import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { programmeInput, zjToYanbian } from './testing.ts';

// The programmes API through the real app: Zhejiang's coordinator plans and reports, Jilin's confirms.

let database: Database;
let t: TestApp;
let zhejiang: TestClient;
let jilin: TestClient;
let anon: TestClient;
let pairing: number;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  pairing = await zjToYanbian(database);
  zhejiang = new TestClient(t.app);
  jilin = new TestClient(t.app);
  anon = new TestClient(t.app);
  await signInAs(zhejiang, database, { role: 'coordinator', regionCode: 'CN-ZJ' });
  await signInAs(jilin, database, { role: 'coordinator', regionCode: 'CN-JL' });
});
afterAll(() => database.close());

interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}
const fields = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.field) ?? [];

interface ProgrammeJson {
  id: string;
  status: string;
  givingRegion: string;
  receivingRegion: string;
  indicators: {
    id: string;
    status: string;
    actual: number;
    periods: { period: string; cumulative: number | null }[];
  }[];
  reports: { id: string; period: string; status: string; values: Record<string, number> }[];
}

describe('/api/v1/programmes', () => {
  it('goes from a programme to a confirmed report, refusing bad input by field', async () => {
    expect((await anon.sendJson('POST', '/api/v1/programmes', programmeInput(pairing))).status).toBe(401);
    expect((await jilin.sendJson('POST', '/api/v1/programmes', programmeInput(pairing))).status).toBe(403);
    const created = await zhejiang.sendJson('POST', '/api/v1/programmes', programmeInput(pairing));
    expect(created.status).toBe(201);
    const p = (await created.json()) as ProgrammeJson;
    expect(p).toMatchObject({ givingRegion: 'CN-ZJ', receivingRegion: '222400', status: 'not_started' });

    const indicators = `/api/v1/programmes/${p.id}/indicators`;
    const wrongUnit = await zhejiang.sendJson('POST', indicators, {
      kind: 'jobs',
      unit: 'yuan',
      target: 5000,
      periodKind: 'quarter',
    });
    expect(wrongUnit.status).toBe(400);
    expect(await fields(wrongUnit)).toEqual(['unit']);
    const overlap = await zhejiang.sendJson('POST', indicators, {
      kind: 'jobs',
      unit: 'count',
      target: 5000,
      periodKind: 'quarter',
      periodTargets: [
        { period: '2019-Q4', target: 2000 },
        { period: '2019-Q4', target: 2500 },
      ],
    });
    expect(await fields(overlap)).toEqual(['periodTargets.1.period']);
    const added = await zhejiang.sendJson('POST', indicators, {
      kind: 'jobs',
      unit: 'count',
      target: 5000,
      periodKind: 'quarter',
    });
    expect(added.status).toBe(201);
    const jobs = ((await added.json()) as { id: string }).id;

    const reports = `/api/v1/programmes/${p.id}/reports`;
    const words = await zhejiang.sendJson('POST', reports, { period: '2018-Q1', values: { [jobs]: 'many' } });
    expect(words.status).toBe(400);
    expect(await fields(words)).toEqual([`values.${jobs}`]);
    const negative = await zhejiang.sendJson('POST', reports, { period: '2018-Q1', values: { [jobs]: -3 } });
    expect(await fields(negative)).toEqual([`values.${jobs}`]);
    const outside = await zhejiang.sendJson('POST', reports, { period: '2021-Q1', values: { [jobs]: 3 } });
    expect(await fields(outside)).toEqual(['period']);
    expect((await jilin.sendJson('POST', reports, { period: '2018-Q1', values: { [jobs]: 3 } })).status).toBe(
      403,
    );
    const sent = await zhejiang.sendJson('POST', reports, { period: '2018-Q1', values: { [jobs]: 300 } });
    expect(sent.status).toBe(201);
    const report = (await sent.json()) as { id: string; status: string };
    expect(report.status).toBe('submitted');
    expect(
      (await zhejiang.sendJson('POST', reports, { period: '2018-Q1', values: { [jobs]: 1 } })).status,
    ).toBe(409);

    // The public does not see the report until Jilin confirms it; Zhejiang cannot confirm its own.
    const before = (await (await anon.get(`/api/v1/programmes/${p.id}`)).json()) as ProgrammeJson;
    expect(before.reports).toEqual([]);
    const confirm = `${reports}/${report.id}/confirm`;
    expect((await zhejiang.sendJson('POST', confirm, {})).status).toBe(403);
    const confirmed = await jilin.sendJson('POST', confirm, {});
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ status: 'confirmed', values: { [jobs]: 300 } });
    expect((await jilin.sendJson('POST', confirm, {})).status).toBe(409);
    expect(
      (await zhejiang.sendJson('POST', reports, { period: '2018-Q1', values: { [jobs]: 1 } })).status,
    ).toBe(409);

    const after = (await (
      await anon.get(`/api/v1/programmes/${p.id}?asOf=2018-04-02`)
    ).json()) as ProgrammeJson;
    expect(after.reports.map((r) => [r.period, r.status])).toEqual([['2018-Q1', 'confirmed']]);
    // 300 of the 411 jobs expected by 2018-03-31 (90 of 1,096 days): 73 % → behind.
    expect(after.indicators[0]).toMatchObject({ status: 'behind', actual: 300 });
    expect(after.indicators[0]?.periods[0]).toEqual(
      expect.objectContaining({ period: '2018-Q1', cumulative: 300 }),
    );
    const list = (await (await anon.get(`/api/v1/programmes?pairingId=${pairing}`)).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toContain(p.id);
    expect((await anon.get('/api/v1/programmes/not-a-programme')).status).toBe(404);
  });

  it('exports reports with chosen columns and names an unknown column', async () => {
    const [p] = ((await (await anon.get('/api/v1/programmes')).json()) as { items: { id: string }[] }).items;
    const base = `/api/v1/programmes/${p!.id}/reports/export`;
    const bad = await anon.get(`${base}?format=csv&columns=period,colour`);
    expect(bad.status).toBe(400);
    expect(await fields(bad)).toEqual(['columns']);
    const csv = await anon.get(`${base}?format=csv&lang=zh&columns=period,indicator,value,cumulative`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    // The byte-order mark first, so spreadsheets read UTF-8 (Response.text() would drop it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      '期间,指标,本期数值,累计（已确认）\r\n2018年第1季度,带动就业,300,300\r\n',
    );
  });

  it('is in the OpenAPI document under Programmes', async () => {
    const doc = (await (await anon.get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    for (const path of [
      '/programmes',
      '/programmes/{id}',
      '/programmes/{id}/indicators',
      '/programmes/{id}/reports',
      '/programmes/{id}/reports/{reportId}/confirm',
      '/programmes/{id}/reports/export',
    ]) {
      expect(Object.values(doc.paths[path] ?? {})[0]?.tags, path).toEqual(['Programmes']);
    }
  });
});
