import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { actingUser, organisationIdNamed } from '../modules/accounts/people.service.ts';
import { createSession } from '../modules/accounts/sessions.ts';
import { loadDemo } from '../modules/demo/demo.service.ts';
import { buildTestApp, TestClient, type TestApp } from './app.ts';
import { openTestDatabase } from './db.ts';

// The "done when", through the API alone: starting from a match, Jilin's mineral-water company and
// Zhejiang's trading company go from an expression of interest to a conversation, a confirmed agreement, and
// a project that has landed and started with an approved progress update.

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  await loadDemo(t.deps);
});
afterAll(() => database?.close());

async function clientFor(email: string): Promise<TestClient> {
  const user = await actingUser(database.db, `${email}@demo.counterpart.local`);
  if (!user) throw new Error(`no demo account ${email}`);
  const c = new TestClient(t.app);
  c.setCookie(
    'cp_session',
    await createSession(database.db, user.id, new Date(), { ip: null, userAgent: null }),
  );
  return c;
}

async function json<T>(res: Response, status = 200): Promise<T> {
  const body = (await res.json()) as T;
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
}

describe('from a match to a started project, through the API', () => {
  it('goes interest → conversation → agreement → project → landed → started with an approved update', async () => {
    const water = await clientFor('member.water');
    const trade = await clientFor('member.trade');
    const coordJL = await clientFor('coordinator.jl');
    const coordZJ = await clientFor('coordinator.zj');
    const waterOrg = await organisationIdNamed(
      database.db,
      'Yanbian Changbai Spring Mineral Water Co., Ltd.',
    );
    const tradeOrg = await organisationIdNamed(
      database.db,
      'Hangzhou Silk Road International Trade Co., Ltd.',
    );

    // The match: Zhejiang's trading company's cold-chain need is among the water company's matches.
    const matches = await json<{ items: { ref: string }[] }>(
      await water.get('/api/v1/listings/demo-jl-01/matches?limit=20'),
    );
    const match = matches.items.find((m) => m.ref === 'demo-zj-01');
    expect(match, JSON.stringify(matches.items.map((m) => m.ref))).toBeDefined();

    const interest = await json<{ id: string; status: string }>(
      await water.sendJson('POST', '/api/v1/interests', {
        listingRef: 'demo-zj-01',
        viaListingRef: 'demo-jl-01',
        message: '我们可以向贵公司稳定供应长白山天然矿泉水。',
        bring: '年产 20 万吨的水源地和自有灌装线。',
        form: 'trade',
        timeline: 'within_3_months',
      }),
      201,
    );
    expect(interest.status).toBe('open');
    // A second one for the same pair while this is open is refused, naming the field.
    const again = await water.sendJson('POST', '/api/v1/interests', {
      listingRef: 'demo-zj-25',
      message: 'Again',
      bring: 'Water',
      form: 'trade',
      timeline: 'within_3_months',
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('listingRef');

    const accepted = await json<{ status: string; conversationId: string }>(
      await trade.sendJson('POST', `/api/v1/interests/${interest.id}/answer`, { accept: true }),
    );
    expect(accepted.status).toBe('accepted');
    await json(
      await trade.sendJson('POST', `/api/v1/conversations/${accepted.conversationId}/messages`, {
        body: 'Welcome. Can you deliver to Xiaoshan by March?',
      }),
      201,
    );
    const conversation = await json<{ messages: { body: string }[] }>(
      await water.get(`/api/v1/conversations/${accepted.conversationId}`),
    );
    expect(conversation.messages.map((m) => m.body)).toContain(
      'Welcome. Can you deliver to Xiaoshan by March?',
    );

    const agreement = await json<{ id: string; status: string }>(
      await water.sendJson('POST', '/api/v1/agreements', {
        type: 'trade',
        title: '长白山矿泉水供货协议',
        language: 'zh',
        valueCny: 12_000_000,
        signedOn: '2018-03-01',
        signedPlace: '杭州',
        partyOrgIds: [waterOrg, tradeOrg],
        interestIds: [interest.id],
      }),
      201,
    );
    expect(agreement.status).toBe('awaiting_confirmation');
    await json(await coordJL.sendJson('POST', `/api/v1/agreements/${agreement.id}/confirm`, {}));
    const confirmed = await json<{ status: string }>(
      await coordZJ.sendJson('POST', `/api/v1/agreements/${agreement.id}/confirm`, {}),
    );
    expect(confirmed.status).toBe('confirmed');

    const project = await json<{ id: string; stage: string }>(
      await water.sendJson('POST', '/api/v1/projects', {
        agreementId: agreement.id,
        title: '长白山矿泉水浙江仓储配送项目',
        language: 'zh',
        category: 'product',
        sector: 'C15',
        regionCode: 'CN-ZJ',
        areaCode: '330100',
        contractedInvestmentCny: 12_000_000,
      }),
      201,
    );
    expect(project.stage).toBe('signed');
    for (const [stage, on] of [
      ['landed', '2018-04-02'],
      ['started', '2018-05-15'],
    ]) {
      const moved = await json<{ stage: string }>(
        await water.sendJson('POST', `/api/v1/projects/${project.id}/stage`, { stage, on }),
      );
      expect(moved.stage).toBe(stage);
    }
    // Backwards without a reason is refused, naming the field.
    const back = await water.sendJson('POST', `/api/v1/projects/${project.id}/stage`, {
      stage: 'landed',
      on: '2018-05-20',
    });
    expect(back.status).toBe(400);
    expect(((await back.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('reason');

    const update = await json<{ id: string; status: string }>(
      await water.sendJson('POST', `/api/v1/projects/${project.id}/updates`, {
        body: '仓库已投入使用，首批 40 万瓶入库。',
        actualInvestmentCny: 5_000_000,
        jobsCreated: 18,
      }),
      201,
    );
    expect(update.status).toBe('pending');
    // Zhejiang's coordinator may not approve for a Jilin organisation.
    expect(
      (
        await coordZJ.sendJson('POST', `/api/v1/projects/${project.id}/updates/${update.id}/review`, {
          approve: true,
        })
      ).status,
    ).toBe(403);
    await json(
      await coordJL.sendJson('POST', `/api/v1/projects/${project.id}/updates/${update.id}/review`, {
        approve: true,
      }),
    );

    // The public sees the project at its stage with the approved figures.
    const seen = await json<{ stage: string; actualInvestmentCny: number; jobsCreated: number }>(
      await new TestClient(t.app).get(`/api/v1/projects/${project.id}`),
    );
    expect(seen).toMatchObject({ stage: 'started', actualInvestmentCny: 5_000_000, jobsCreated: 18 });
  });
});
