import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { publicDocumentsOf } from '../agreements/agreements.public.ts';
import { confirmAgreement, recordAgreement } from '../agreements/agreements.service.ts';
import { PDF } from '../agreements/testing.ts';
import { actingAs, makeAgreement, makePair } from './testing.ts';

// The projects API through the real app: a Jilin member creates a project on an agreement with a Zhejiang
// organisation, moves it on, reports progress; only the right coordinator approves.

let database: Database;
let t: TestApp;
let member: TestClient;
let zjMember: TestClient;
let jilin: TestClient;
let zhejiang: TestClient;
let anon: TestClient;
let pair: Awaited<ReturnType<typeof makePair>>;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  pair = await makePair(database, { signedOn: '2024-01-10', confirmed: true });
  member = new TestClient(t.app);
  zjMember = new TestClient(t.app);
  jilin = new TestClient(t.app);
  zhejiang = new TestClient(t.app);
  anon = new TestClient(t.app);
  await signInAs(member, database, { role: 'member', orgId: pair.jlOrg });
  await signInAs(zjMember, database, { role: 'member', orgId: pair.zjOrg });
  await signInAs(jilin, database, { role: 'coordinator', regionCode: 'CN-JL' });
  await signInAs(zhejiang, database, { role: 'coordinator', regionCode: 'CN-ZJ' });
});
afterAll(() => database.close());

interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}
const fields = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.field) ?? [];

const PROJECT = {
  title: 'Ginseng processing plant',
  language: 'en',
  category: 'capital',
  sector: 'C27',
  regionCode: 'CN-JL',
  areaCode: '220500',
  contractedInvestmentCny: 20_000_000,
  milestones: [{ title: 'Site handed over', dueOn: '2024-03-01' }],
};

describe('/api/v1/projects', () => {
  it('goes from an agreement to an approved update', async () => {
    const created = await member.sendJson('POST', '/api/v1/projects', {
      agreementId: pair.agreementId,
      ...PROJECT,
    });
    expect(created.status).toBe(201);
    const p = (await created.json()) as {
      id: string;
      stage: string;
      dates: { signedOn: string };
      milestones: { id: string }[];
    };
    expect(p).toMatchObject({ stage: 'signed', dates: { signedOn: '2024-01-10' } });

    const stage = (body: object, client = member) =>
      client.sendJson('POST', `/api/v1/projects/${p.id}/stage`, body);
    expect((await stage({ stage: 'landed', on: '2024-02-01' })).status).toBe(200);
    expect((await stage({ stage: 'started', on: '2024-03-01' }, zhejiang)).status).toBe(200);
    const back = await stage({ stage: 'landed', on: '2024-03-02' });
    expect(back.status).toBe(400);
    expect(await fields(back)).toEqual(['reason']);
    const wrongDate = await stage({ stage: 'in_production', on: '2024-02-15' });
    expect(await fields(wrongDate)).toEqual(['on']);

    const done = await member.sendJson(
      'POST',
      `/api/v1/projects/${p.id}/milestones/${p.milestones[0]!.id}/done`,
      {
        doneOn: '2024-02-20',
      },
    );
    expect(done.status).toBe(200);
    const ms = await member.sendJson('POST', `/api/v1/projects/${p.id}/milestones`, {
      title: 'x',
      dueOn: '2023-01-01',
    });
    expect(await fields(ms)).toEqual(['dueOn']);

    const over = await zjMember.sendJson('POST', `/api/v1/projects/${p.id}/updates`, {
      body: 'Over budget',
      actualInvestmentCny: 25_000_000,
    });
    expect(await fields(over)).toEqual(['overrunNote']);
    const negative = await zjMember.sendJson('POST', `/api/v1/projects/${p.id}/updates`, {
      body: 'x',
      actualInvestmentCny: -1,
    });
    expect(await fields(negative)).toEqual(['actualInvestmentCny']);
    const sent = await zjMember.sendJson('POST', `/api/v1/projects/${p.id}/updates`, {
      body: '杭州渠道已签约。',
      actualInvestmentCny: 5_000_000,
      jobsCreated: 12,
    });
    expect(sent.status).toBe(201);
    const u = (await sent.json()) as { id: string; status: string };
    expect(u.status).toBe('pending');

    // The public does not see it yet; the figures have not moved.
    const publicView = (await (await anon.get(`/api/v1/projects/${p.id}/updates`)).json()) as {
      items: unknown[];
    };
    expect(publicView.items).toEqual([]);

    const review = (client: TestClient, body: object) =>
      client.sendJson('POST', `/api/v1/projects/${p.id}/updates/${u.id}/review`, body);
    expect((await review(jilin, { approve: true })).status).toBe(403);
    expect((await review(anon, { approve: true })).status).toBe(401);
    const approved = await review(zhejiang, { approve: true });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved', reviewedBy: 'Test coordinator' });

    const after = (await (await anon.get(`/api/v1/projects/${p.id}`)).json()) as Record<string, unknown>;
    expect(after).toMatchObject({ actualInvestmentCny: 5_000_000, jobsCreated: 12, stage: 'started' });
    expect((after.updates as { submittedBy: unknown }[])[0]?.submittedBy).toBeNull();

    const list = (await (await anon.get('/api/v1/projects?stage=started&region=CN-JL')).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toContain(p.id);
  });

  it('answers bad requests with problems naming the field', async () => {
    const unknown = await member.sendJson('POST', '/api/v1/projects', {
      agreementId: '00000000-0000-4000-8000-000000000000',
      ...PROJECT,
    });
    expect(unknown.status).toBe(400);
    expect(await fields(unknown)).toEqual(['agreementId']);
    const absurd = await member.sendJson('POST', '/api/v1/projects', {
      agreementId: pair.agreementId,
      ...PROJECT,
      contractedInvestmentCny: 1e15,
    });
    expect(await fields(absurd)).toEqual(['contractedInvestmentCny']);
    expect(
      (await anon.sendJson('POST', '/api/v1/projects', { agreementId: pair.agreementId, ...PROJECT })).status,
    ).toBe(401);
    expect((await anon.get('/api/v1/projects/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await jilin.get('/api/v1/projects/updates/awaiting')).status).toBe(200);
    expect((await member.get('/api/v1/projects/updates/awaiting')).status).toBe(403);
  });

  it('refuses an unconfirmed agreement and a second project with 409 naming agreementId', async () => {
    const parties = [
      { orgId: pair.jlOrg, regionCode: 'CN-JL' },
      { orgId: pair.zjOrg, regionCode: 'CN-ZJ' },
    ];
    const unconfirmed = await makeAgreement(database, { parties, signedOn: '2024-01-10' });
    const early = await member.sendJson('POST', '/api/v1/projects', { agreementId: unconfirmed, ...PROJECT });
    expect(early.status).toBe(409);
    const problem = (await early.json()) as Problem & { detail: string };
    expect(problem).toMatchObject({ code: 'conflict', errors: [{ field: 'agreementId' }] });
    expect(problem.detail).toContain('Jilin and Zhejiang');
    // pair.agreementId carries the project of the first test already.
    const again = await member.sendJson('POST', '/api/v1/projects', {
      agreementId: pair.agreementId,
      ...PROJECT,
    });
    expect(again.status).toBe(409);
    expect(await fields(again)).toEqual(['agreementId']);
  });

  it('publishes and unpublishes; the public sees non-confidential documents, not the agreement’s title or value', async () => {
    const deps = { ...t.deps, now: () => new Date('2024-06-30T12:00:00+08:00') };
    const jlm = await actingAs(database, 'member', { orgId: pair.jlOrg });
    const pdf = (name: string) =>
      new File([PDF, new TextEncoder().encode(`% ${name}\n`)], name, { type: 'application/pdf' });
    const a = await recordAgreement(
      deps,
      jlm,
      {
        type: 'licensing',
        title: 'Secret licence terms',
        language: 'en',
        valueCny: 7_000_000,
        signedOn: '2024-02-01',
        partyOrgIds: [pair.jlOrg, pair.zjOrg],
        confidential: false,
      },
      [pdf('leaflet.pdf')],
    );
    const [leaflet] = (await publicDocumentsOf(database.db, a.id)).map((d) => d.id);
    await confirmAgreement(deps, await actingAs(database, 'coordinator', { regionCode: 'CN-JL' }), a.id);
    await confirmAgreement(deps, await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' }), a.id);
    const created = await member.sendJson('POST', '/api/v1/projects', {
      agreementId: a.id,
      ...PROJECT,
      milestones: [],
    });
    expect(created.status).toBe(201);
    const p = (await created.json()) as { id: string; agreement: Record<string, unknown> };
    expect(p.agreement).toMatchObject({ title: 'Secret licence terms', valueCny: 7_000_000 });

    const seen = (await (await anon.get(`/api/v1/projects/${p.id}`)).json()) as {
      agreement: Record<string, unknown>;
      documents: { id: string; name: string; url: string }[];
    };
    expect(Object.keys(seen.agreement).sort()).toEqual(['confirmed', 'id', 'signedOn', 'type']);
    expect(seen.documents).toEqual([
      expect.objectContaining({
        id: leaflet,
        name: 'leaflet.pdf',
        url: `/api/v1/projects/${p.id}/documents/${leaflet}`,
      }),
    ]);
    const download = await anon.get(seen.documents[0]!.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');

    const publish = (client: TestClient, published: unknown) =>
      client.sendJson('POST', `/api/v1/projects/${p.id}/published`, { published });
    expect((await publish(anon, false)).status).toBe(401);
    expect((await publish(member, 'no')).status).toBe(400);
    const off = await publish(zhejiang, false);
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ published: false });
    expect((await anon.get(`/api/v1/projects/${p.id}`)).status).toBe(404);
    expect((await anon.get(seen.documents[0]!.url)).status).toBe(404);
    expect((await member.get(seen.documents[0]!.url)).status).toBe(200);
    expect((await publish(member, true)).status).toBe(200);
    expect((await anon.get(`/api/v1/projects/${p.id}`)).status).toBe(200);
  });

  it('exports CSV and XLSX with the same numbers, and is in the OpenAPI document', async () => {
    const csv = await anon.get('/api/v1/projects/export?format=csv&lang=zh');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('累计实际投资（元）');
    expect(text).toContain('5000000');
    const xlsx = await anon.get('/api/v1/projects/export?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const values = book.worksheets[0]!.getRow(2).values as unknown[];
    expect(values).toContain(5_000_000);
    const doc = (await (await anon.get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/projects',
      '/projects/{id}',
      '/projects/{id}/stage',
      '/projects/{id}/milestones',
      '/projects/{id}/milestones/{milestoneId}/done',
      '/projects/{id}/updates',
      '/projects/{id}/updates/{updateId}/review',
      '/projects/{id}/published',
      '/projects/{id}/documents/{fileId}',
      '/projects/export',
    ]) {
      expect(Object.keys(doc.paths).some((p) => p.endsWith(path))).toBe(true);
    }
  });
});
