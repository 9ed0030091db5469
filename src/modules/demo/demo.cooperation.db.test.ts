import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { actingUser } from '../accounts/people.service.ts';
import { pipelineOf } from '../pipeline/pipeline.service.ts';
import { loadDemoCooperation } from './demo.cooperation.ts';
import { loadDemo } from './demo.service.ts';

// The demo's cooperation stories go through the real use cases; these pin what each view then shows.

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  await loadDemo(t.deps);
});
afterAll(() => database.close());

async function as(email: string): Promise<UseCaseContext> {
  const viewer = await actingUser(database.db, `${email}@demo.counterpart.local`);
  if (!viewer) throw new Error(`no demo account ${email}`);
  return { viewer, lang: 'en' };
}

describe('demo cooperation', () => {
  it("holds projects at different stages in Jilin's pipeline, and what waits for its coordinator", async () => {
    const jl = await pipelineOf(t.deps, await as('coordinator.jl'), {});
    expect(jl.projects.map((p) => p.stage).sort()).toEqual(['in_production', 'landed', 'stalled', 'started']);
    const platform = jl.projects.find((p) => p.stage === 'started');
    expect(platform).toMatchObject({ overdueMilestones: 1, pendingUpdates: 1, actualInvestmentCny: 0 });
    const centre = jl.projects.find((p) => p.stage === 'in_production');
    expect(centre).toMatchObject({ actualInvestmentCny: 26_000_000, jobsCreated: 85 });
    // Jilin University's update waits for Jilin's coordinator, not Zhejiang's.
    expect(jl.waiting.toApprove.map((u) => u.projectId)).toEqual([platform?.id]);
    const zj = await pipelineOf(t.deps, await as('coordinator.zj'), {});
    expect(zj.waiting.toApprove).toEqual([]);
    // Every project stands on an agreement both regions confirmed; the licensing agreement recorded by
    // Huaxin and confirmed by Jilin waits for Zhejiang's coordinator, and has no project yet.
    expect(zj.waiting.toConfirm.map((a) => [a.type, a.awaitingRegions])).toEqual([['licensing', ['CN-ZJ']]]);
    expect(jl.waiting.toConfirm).toEqual([]);
    const unconfirmed = jl.agreements.filter((a) => !a.confirmed);
    expect(unconfirmed.map((a) => a.type)).toEqual(['licensing']);
    expect(jl.agreements.filter((a) => a.confirmed)).toHaveLength(4);
  });

  it("shows a member their organisation's interests, with the open one to answer", async () => {
    const jlu = await pipelineOf(t.deps, await as('member.jlu'), {});
    expect(jlu.waiting.toAnswer.map((i) => i.listing.ref)).toEqual(['demo-jl-14']);
    const autoparts = await pipelineOf(t.deps, await as('member.autoparts'), {});
    expect(autoparts.interests.map((i) => [i.status, i.declineReason])).toEqual([['declined', 'capacity']]);
    const water = await pipelineOf(t.deps, await as('member.water'), {});
    expect(water.interests.map((i) => i.status)).toEqual(['accepted']);
    expect(water.interests[0]?.conversationId).toEqual(expect.any(String));
  });

  it('filters a pipeline by stage and by overdue milestones', async () => {
    const ctx = await as('coordinator.jl');
    expect((await pipelineOf(t.deps, ctx, { stage: 'stalled' })).projects).toHaveLength(1);
    expect((await pipelineOf(t.deps, ctx, { overdue: true })).projects.map((p) => p.stage)).toEqual([
      'started',
    ]);
  });

  it('is told once: loading again adds nothing', async () => {
    expect(await loadDemoCooperation(t.deps)).toBe(0);
    const jl = await pipelineOf(t.deps, await as('coordinator.jl'), {});
    expect(jl.projects).toHaveLength(4);
  });

  it('renders the pipeline page in both languages for a coordinator', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const c = new TestClient(t.app);
      const { createSession } = await import('../accounts/sessions.ts');
      const viewer = await actingUser(database.db, 'coordinator.jl@demo.counterpart.local');
      c.setCookie(
        'cp_session',
        await createSession(database.db, viewer!.id, new Date(), { ip: null, userAgent: null }),
      );
      const res = await c.get(`/${lang}/pipeline?stage=started`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('吉浙高校院所企业联合研发平台');
      expect(html).not.toContain('长白山矿泉水杭州分拨中心');
      expect(html).toContain(lang === 'zh' ? '待审核的进展报告' : 'Progress updates to approve');
    }
    const anonymous = new TestClient(t.app);
    const signedOut = await anonymous.get('/en/pipeline');
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toMatch(/^\/en\/sign-in\?next=/);
  });
});
