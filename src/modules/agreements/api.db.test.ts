import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeOrganisation, signInAs } from '../../test/factories.ts';
import { storedFiles } from '../files/schema.ts';
import { agreements } from './schema.ts';
import { EXE, PDF } from './testing.ts';

// The agreements API through the real app: JSON and multipart recording, problem+json naming fields,
// confirmations by region, documents up and down, and 404 for organisations that are not parties.

let database: Database;
let t: TestApp;
let jl: string;
let zj: string;
let jlMember: TestClient;
let zjCoord: TestClient;
let jlCoord: TestClient;
let outsider: TestClient;
let anon: TestClient;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  jl = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: 'Changbai Spring Water' });
  zj = await makeOrganisation(database, { regionCode: 'CN-ZJ', nameEn: 'Hangzhou Fresh Mart' });
  const sh = await makeOrganisation(database, { regionCode: 'CN-SH' });
  jlMember = new TestClient(t.app);
  await signInAs(jlMember, database, { role: 'member', orgId: jl });
  zjCoord = new TestClient(t.app);
  await signInAs(zjCoord, database, { role: 'coordinator', regionCode: 'CN-ZJ' });
  jlCoord = new TestClient(t.app);
  await signInAs(jlCoord, database, { role: 'coordinator', regionCode: 'CN-JL' });
  outsider = new TestClient(t.app);
  await signInAs(outsider, database, { role: 'member', orgId: sh });
  anon = new TestClient(t.app);
});

afterAll(async () => {
  await database.close();
});

const body = () => ({
  type: 'trade',
  title: '长白山矿泉水供货协议',
  summary: '三年供货',
  language: 'zh',
  valueCny: 12_000_000,
  signedOn: '2018-05-20',
  signedPlace: '杭州',
  partyOrgIds: [jl, zj],
});

async function multipart(client: TestClient, path: string, parts: [string, string | File][]) {
  const form = new FormData();
  for (const [k, v] of parts) form.append(k, v);
  return client.request(path, {
    method: 'POST',
    body: form,
    headers: { 'x-csrf-token': await client.csrf() },
  });
}

async function problem(
  res: Response,
  status: number,
): Promise<{ code: string; errors?: { field: string }[] }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { code: string; errors?: { field: string }[] };
}

async function rowCounts() {
  const [a] = await database.db.select({ n: count() }).from(agreements);
  const [f] = await database.db.select({ n: count() }).from(storedFiles);
  return [a?.n, f?.n];
}

describe('the agreements API', () => {
  let id: string;

  it('records an agreement from JSON and presents it', async () => {
    const res = await jlMember.sendJson('POST', '/api/v1/agreements', body());
    expect(res.status).toBe(201);
    const a = (await res.json()) as Record<string, unknown> & { id: string; parties: { region: string }[] };
    id = a.id;
    expect(a).toMatchObject({
      type: 'trade',
      title: '长白山矿泉水供货协议',
      valueCny: 12_000_000,
      signedOn: '2018-05-20',
      status: 'awaiting_confirmation',
      awaitingRegions: ['CN-JL', 'CN-ZJ'],
      documents: [],
    });
    expect(a.parties.map((p) => p.region)).toEqual(['CN-JL', 'CN-ZJ']);
    expect(a.createdAt).toMatch(/\+08:00$/);
    // Allow-listed: nothing internal leaks.
    expect(Object.keys(a)).not.toContain('recordedBy');
  });

  it('records one from multipart with documents, and serves them back', async () => {
    const res = await multipart(jlMember, '/api/v1/agreements', [
      ['data', JSON.stringify({ ...body(), title: 'With documents', language: 'en', confidential: false })],
      ['documents', new File([PDF], '合同.pdf', { type: 'application/pdf' })],
    ]);
    expect(res.status).toBe(201);
    const a = (await res.json()) as {
      id: string;
      documents: { id: string; name: string; confidential: boolean; url: string }[];
    };
    expect(a.documents).toMatchObject([{ name: '合同.pdf', confidential: false }]);
    const down = await zjCoord.get(a.documents[0]!.url);
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('application/pdf');
    expect(down.headers.get('content-disposition')).toContain("filename*=UTF-8''%E5%90%88%E5%90%8C.pdf");
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(PDF);
    expect((await outsider.get(a.documents[0]!.url)).status).toBe(404);
  });

  it('names the field of bad input in problem+json and writes nothing', async () => {
    const before = await rowCounts();
    const cases: [Record<string, unknown>, string][] = [
      [{ valueCny: -5 }, 'valueCny'],
      [{ valueCny: 1e20 }, 'valueCny'],
      [{ signedOn: '2999-01-01' }, 'signedOn'],
      [{ partyOrgIds: [jl] }, 'partyOrgIds'],
      [{ partyOrgIds: [jl, '00000000-0000-4000-8000-000000000000'] }, 'partyOrgIds'],
    ];
    for (const [over, field] of cases) {
      const p = await problem(
        await jlMember.sendJson('POST', '/api/v1/agreements', { ...body(), ...over }),
        400,
      );
      expect(p.code).toBe('validation');
      expect(p.errors?.map((e) => e.field)).toContain(field);
    }
    const bad = await multipart(jlMember, '/api/v1/agreements', [
      ['data', JSON.stringify(body())],
      ['documents', new File([EXE], 'setup.pdf', { type: 'application/pdf' })],
    ]);
    expect((await problem(bad, 400)).errors?.[0]?.field).toBe('documents');
    expect(await rowCounts()).toEqual(before);
  });

  it('lists and shows agreements to the parties; others get 404, the signed out 401', async () => {
    const list = (await (await jlMember.get('/api/v1/agreements')).json()) as {
      items: { id: string }[];
      total: number;
    };
    expect(list.items.map((i) => i.id)).toContain(id);
    expect((await zjCoord.get(`/api/v1/agreements/${id}`)).status).toBe(200);
    expect((await problem(await outsider.get(`/api/v1/agreements/${id}`), 404)).code).toBe('not_found');
    expect((await problem(await anon.get(`/api/v1/agreements/${id}`), 401)).code).toBe('unauthenticated');
    const none = (await (await outsider.get('/api/v1/agreements')).json()) as { items: unknown[] };
    expect(none.items).toEqual([]);
  });

  it('confirms per region: 403 for another region, 409 twice, confirmed when both have', async () => {
    const other = await jlCoord.sendJson('POST', `/api/v1/agreements/${id}/confirm`, { regionCode: 'CN-ZJ' });
    expect((await problem(other, 403)).code).toBe('forbidden');
    expect(
      (await problem(await jlMember.sendJson('POST', `/api/v1/agreements/${id}/confirm`, {}), 403)).code,
    ).toBe('forbidden');
    const first = await jlCoord.sendJson('POST', `/api/v1/agreements/${id}/confirm`, {});
    expect(first.status).toBe(200);
    expect(((await first.json()) as { awaitingRegions: string[] }).awaitingRegions).toEqual(['CN-ZJ']);
    const again = await jlCoord.sendJson('POST', `/api/v1/agreements/${id}/confirm`, {});
    expect((await problem(again, 409)).code).toBe('conflict');
    const done = await zjCoord.sendJson('POST', `/api/v1/agreements/${id}/confirm`, {});
    const a = (await done.json()) as {
      status: string;
      confirmations: { region: string; confirmedAt: string }[];
    };
    expect(a.status).toBe('confirmed');
    expect(a.confirmations.map((c) => c.region)).toEqual(['CN-JL', 'CN-ZJ']);
  });

  it('adds documents by multipart; bad ones are refused naming documents', async () => {
    const res = await multipart(zjCoord, `/api/v1/agreements/${id}/documents`, [
      ['documents', new File([PDF], 'annex.pdf')],
      ['documents', new File([PDF], 'minutes.pdf')],
      ['confidential', 'true'],
    ]);
    expect(res.status).toBe(201);
    const added = (await res.json()) as { documents: { name: string; confidential: boolean }[] };
    expect(added.documents.map((d) => d.name).sort()).toEqual(['annex.pdf', 'minutes.pdf']);
    const big = new Uint8Array(10 * 1024 * 1024 + 10);
    big.set(PDF);
    const tooBig = await multipart(jlMember, `/api/v1/agreements/${id}/documents`, [
      ['documents', new File([big], 'huge.pdf')],
    ]);
    expect((await problem(tooBig, 400)).errors?.[0]?.field).toBe('documents');
    const third = await multipart(outsider, `/api/v1/agreements/${id}/documents`, [
      ['documents', new File([PDF], 'x.pdf')],
    ]);
    expect((await problem(third, 404)).code).toBe('not_found');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await anon.get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/agreements',
      '/agreements/{id}',
      '/agreements/{id}/confirm',
      '/agreements/{id}/documents',
      '/agreements/{id}/documents/{fileId}',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });
});
