import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeOrganisation, signInAs } from '../../test/factories.ts';
import { auditLog } from '../audit/schema.ts';
import { organisations, users } from './schema.ts';
import { freshIp, mailTo, makeAccount } from './testing.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
});
afterAll(() => database.close());

const client = () => new TestClient(t.app, freshIp());
let n = 0;

function registration(overrides: Record<string, unknown> = {}) {
  n++;
  return {
    nameZh: `测试机构${n}`,
    nameEn: `Test Organisation ${n}`,
    type: 'enterprise',
    regionCode: 'CN-JL',
    areaCode: '220100',
    website: 'https://example.cn',
    description: 'Makes things.',
    memberName: 'Wang Wei',
    email: `founder${n}@test.example`,
    password: 'a long enough password',
    preferredLang: 'zh',
    ...overrides,
  };
}

async function tableCounts() {
  const [orgs] = await database.db.select({ n: count() }).from(organisations);
  const [people] = await database.db.select({ n: count() }).from(users);
  const [audit] = await database.db.select({ n: count() }).from(auditLog);
  return { orgs: orgs?.n, people: people?.n, audit: audit?.n };
}

async function statusOf(id: string) {
  const [row] = await database.db
    .select({ status: organisations.status })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row?.status;
}

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { code: string; title: string; errors?: { field: string; message: string }[] };
}

describe('registration → pending → approval by the region’s coordinator', () => {
  it('works end to end, and a coordinator of another region can change nothing', async () => {
    const coordinatorJl = await makeAccount(database, {
      role: 'coordinator',
      regionCode: 'CN-JL',
      lang: 'zh',
    });
    const founder = client();
    const input = registration();
    const res = await founder.postForm('/en/register', { ...input, passwordConfirm: input.password });
    expect(res.status, await res.text()).toBe(303);
    expect(res.headers.get('location')).toBe('/en/account?done=registered');

    // The founder is signed in, sees the pending status and is told they can act only after approval.
    const account = await founder.get('/en/account?done=registered');
    const html = await account.text();
    expect(html).toContain('Pending approval');
    expect(html).toContain('you can act on its behalf once it is approved');
    const me = (await (await founder.get('/api/v1/me')).json()) as {
      orgId: string;
      orgStatus: string;
      role: string;
    };
    expect(me).toMatchObject({ role: 'member', orgStatus: 'pending' });
    const orgId = me.orgId;

    // The coordinator of Jilin was told, in Chinese.
    const [notice] = await mailTo(database, coordinatorJl.email);
    expect(notice?.subject).toBe(`有新机构等待审核：${input.nameZh}`);

    // Not public while pending.
    expect((await client().get(`/en/organisations/${orgId}`)).status).toBe(404);
    expect((await founder.get(`/en/organisations/${orgId}`)).status).toBe(200);

    // A coordinator of Zhejiang is refused, and nothing changes.
    const zj = client();
    await signInAs(zj, database, { role: 'coordinator', regionCode: 'CN-ZJ' });
    const before = await tableCounts();
    const refused = await zj.postForm(`/en/coordinator/organisations/${orgId}/approve`, {});
    expect(refused.status).toBe(403);
    expect((await zj.sendJson('POST', `/api/v1/organisations/${orgId}/approve`, {})).status).toBe(403);
    expect(await tableCounts()).toEqual(before);
    expect(await statusOf(orgId)).toBe('pending');

    // The coordinator of Jilin sees it in the queue and approves it.
    const jl = client();
    await jl.postForm('/en/sign-in', { email: coordinatorJl.email, password: coordinatorJl.password });
    const queue = await (await jl.get('/en/coordinator/organisations')).text();
    expect(queue).toContain(input.nameEn);
    const approved = await jl.postForm(`/en/coordinator/organisations/${orgId}/approve`, {
      back: '/coordinator/organisations',
    });
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(`/en/coordinator/organisations?done=approved&org=${orgId}`);
    expect(await (await jl.get(approved.headers.get('location') ?? '')).text()).toContain(
      `${input.nameEn} was approved.`,
    );
    expect(await statusOf(orgId)).toBe('approved');

    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'organisation.approved'));
    expect(entry).toMatchObject({
      actorLabel: coordinatorJl.email,
      entity: 'organisation',
      entityId: orgId,
      before: { status: 'pending' },
      after: { status: 'approved' },
    });
    expect(entry?.requestId).toBeTruthy();

    // Now public, and the member was told.
    expect((await client().get(`/en/organisations/${orgId}`)).status).toBe(200);
    const mails = await mailTo(database, input.email);
    expect(mails.map((m) => m.subject)).toEqual([`您的机构已通过审核：${input.nameZh}`]);
  });
});

describe('approval authorisation matrix', () => {
  const cases = [
    { who: 'an admin', as: { role: 'admin' as const }, status: 200 },
    {
      who: 'the coordinator of its region',
      as: { role: 'coordinator' as const, regionCode: 'CN-JL' },
      status: 200,
    },
    {
      who: 'a coordinator of another region',
      as: { role: 'coordinator' as const, regionCode: 'CN-ZJ' },
      status: 403,
    },
    { who: 'a member', as: { role: 'member' as const }, status: 403 },
    { who: 'an anonymous visitor', as: null, status: 401 },
  ];
  for (const verb of ['approve', 'suspend'] as const) {
    for (const c of cases) {
      it(`${verb}: ${c.who} gets ${c.status}`, async () => {
        const orgId = await makeOrganisation(database, {
          regionCode: 'CN-JL',
          status: verb === 'approve' ? 'pending' : 'approved',
        });
        const api = client();
        if (c.as) {
          const own =
            c.as.role === 'member'
              ? { orgId: await makeOrganisation(database, { regionCode: 'CN-JL' }) }
              : {};
          await signInAs(api, database, { ...c.as, ...own });
        }
        const res = await api.sendJson('POST', `/api/v1/organisations/${orgId}/${verb}`, {});
        expect(res.status).toBe(c.status);
        const expected =
          c.status === 200
            ? verb === 'approve'
              ? 'approved'
              : 'suspended'
            : verb === 'approve'
              ? 'pending'
              : 'approved';
        expect(await statusOf(orgId)).toBe(expected);
        if (c.status === 200) expect(((await res.json()) as { status: string }).status).toBe(expected);
      });
    }
  }

  it('answers 404 for an unknown or malformed id', async () => {
    const admin = client();
    await signInAs(admin, database, { role: 'admin' });
    expect(
      (await admin.sendJson('POST', '/api/v1/organisations/00000000-0000-4000-8000-000000000000/approve', {}))
        .status,
    ).toBe(404);
    expect((await admin.sendJson('POST', '/api/v1/organisations/not-a-uuid/approve', {})).status).toBe(404);
  });
});

describe('who sees what', () => {
  it('shows a pending organisation only to its members, its coordinator and admins', async () => {
    const orgId = await makeOrganisation(database, { regionCode: 'CN-JL', status: 'pending' });
    const expectations: [Parameters<typeof signInAs>[2] | null, number][] = [
      [null, 404],
      [{ role: 'member', orgId }, 200],
      [{ role: 'member', orgId: await makeOrganisation(database, { regionCode: 'CN-JL' }) }, 404],
      [{ role: 'coordinator', regionCode: 'CN-JL' }, 200],
      [{ role: 'coordinator', regionCode: 'CN-ZJ' }, 404],
      [{ role: 'admin' }, 200],
    ];
    for (const [as, status] of expectations) {
      const c = client();
      if (as) await signInAs(c, database, as);
      expect((await c.get(`/en/organisations/${orgId}`)).status, JSON.stringify(as)).toBe(status);
      expect((await c.get(`/api/v1/organisations/${orgId}`)).status, JSON.stringify(as)).toBe(status);
    }
  });

  it('lists approved organisations to everyone and other statuses only to reviewers, scoped to their region', async () => {
    const pendingJl = await makeOrganisation(database, { regionCode: 'CN-JL', status: 'pending' });
    const pendingZj = await makeOrganisation(database, { regionCode: 'CN-ZJ', status: 'pending' });
    const anon = client();
    const list = (await (await anon.get('/api/v1/organisations')).json()) as {
      items: { id: string; status: string }[];
    };
    expect(list.items.every((o) => o.status === 'approved')).toBe(true);
    expect((await anon.get('/api/v1/organisations?status=pending')).status).toBe(401);

    const jl = client();
    await signInAs(jl, database, { role: 'coordinator', regionCode: 'CN-JL' });
    const mine = (await (await jl.get('/api/v1/organisations?status=pending')).json()) as {
      items: { id: string }[];
    };
    expect(mine.items.map((o) => o.id)).toContain(pendingJl);
    expect(mine.items.map((o) => o.id)).not.toContain(pendingZj);
    expect((await jl.get('/api/v1/organisations?status=pending&region=CN-ZJ')).status).toBe(403);
    expect((await jl.get('/en/coordinator/organisations')).status).toBe(200);

    const member = client();
    await signInAs(member, database, { role: 'member', orgId: pendingJl });
    expect((await member.get('/api/v1/organisations?status=pending')).status).toBe(403);
    expect((await member.get('/en/coordinator/organisations')).status).toBe(403);
    const anonPage = await anon.get('/en/coordinator/organisations');
    expect(anonPage.status).toBe(303);
    expect(anonPage.headers.get('location')).toContain('/en/sign-in?next=');
  });
});

describe('bad input is refused with a clear 4xx and nothing is written', () => {
  it('unknown region code → 400 naming regionCode', async () => {
    const before = await tableCounts();
    const res = await client().sendJson(
      'POST',
      '/api/v1/organisations',
      registration({ regionCode: 'CN-XX', areaCode: undefined }),
    );
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.code).toBe('validation');
    expect(body.errors).toEqual([{ field: 'regionCode', message: 'Unknown region code CN-XX.' }]);
    expect(await tableCounts()).toEqual(before);
  });

  it('an area outside the region → 400 naming areaCode, in Chinese for a Chinese caller', async () => {
    const res = await client().sendJson(
      'POST',
      '/api/v1/organisations',
      registration({ areaCode: '330100' }),
      {
        'accept-language': 'zh-CN,zh;q=0.9',
      },
    );
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.title).toBe('提交的内容有误。');
    expect(body.errors).toEqual([{ field: 'areaCode', message: '地区 330100 不在 CN-JL 范围内。' }]);
  });

  it('wrong types → 400 validation naming each field, in Chinese with Accept-Language: zh-CN', async () => {
    const before = await tableCounts();
    const res = await client().sendJson(
      'POST',
      '/api/v1/organisations',
      registration({ nameZh: 42, type: 'company' }),
      {
        'accept-language': 'zh-CN',
      },
    );
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.code).toBe('validation');
    expect(body.errors?.map((e) => e.field)).toEqual(['nameZh', 'type']);
    expect(body.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await tableCounts()).toEqual(before);
  });

  it('malformed JSON → 400 malformed_json', async () => {
    const c = client();
    const res = await c.request('/api/v1/organisations', {
      method: 'POST',
      body: '{"nameZh": "x",',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await c.csrf() },
    });
    expect(res.status).toBe(400);
    expect((await problem(res)).code).toBe('malformed_json');
  });

  it('an oversize body → 413', async () => {
    const before = await tableCounts();
    const res = await client().sendJson(
      'POST',
      '/api/v1/organisations',
      registration({ description: 'x'.repeat(1100 * 1024) }),
    );
    expect(res.status).toBe(413);
    expect((await problem(res)).code).toBe('payload_too_large');
    expect(await tableCounts()).toEqual(before);
  });

  it('a bad CSRF token → 403 csrf, for the form and the API', async () => {
    const before = await tableCounts();
    const input = registration();
    const page = await client().postForm('/en/register', {
      ...input,
      passwordConfirm: input.password,
      _csrf: 'forged',
    });
    expect(page.status).toBe(403);
    const api = await client().sendJson('POST', '/api/v1/organisations', registration(), {
      'x-csrf-token': 'forged',
    });
    expect(api.status).toBe(403);
    expect((await problem(api)).code).toBe('csrf');
    expect(await tableCounts()).toEqual(before);
  });

  it('an email already registered → 409 naming email', async () => {
    const input = registration();
    expect((await client().sendJson('POST', '/api/v1/organisations', input)).status).toBe(201);
    const before = await tableCounts();
    const res = await client().sendJson(
      'POST',
      '/api/v1/organisations',
      registration({ email: input.email.toUpperCase() }),
    );
    expect(res.status).toBe(409);
    expect((await problem(res)).errors?.[0]?.field).toBe('email');
    expect(await tableCounts()).toEqual(before);
  });

  it('the form re-renders with the input, field errors and a summary, 400, never echoing the password', async () => {
    const before = await tableCounts();
    const res = await client().postForm('/zh/register', {
      ...registration({ nameEn: '', website: 'not a url', regionCode: 'CN-ZJ' }),
      password: 'short',
      passwordConfirm: 'other',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#f-nameEn"');
    expect(html).toContain('此项为必填项。');
    expect(html).toMatch(/id="f-website"[^>]*aria-describedby="f-website-hint f-website-error"/);
    expect(html).toContain('value="not a url"');
    expect(html).toContain('两次输入的密码不一致。');
    expect(html).not.toContain('short');
    expect(await tableCounts()).toEqual(before);
  });
});
