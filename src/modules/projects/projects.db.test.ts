import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createLogger } from '../../lib/log.ts';
import { buildTestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeOrganisation } from '../../test/factories.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { auditLog } from '../audit/schema.ts';
import { createJobRunner } from '../jobs/jobs.service.ts';
import { jobs } from '../jobs/schema.ts';
import { outbox } from '../mail/schema.ts';
import { notifications } from '../notifications/schema.ts';
import { OVERDUE_JOB, projectsJobHandlers, scheduleOverdueSweep } from './projects.jobs.ts';
import * as svc from './projects.service.ts';
import { milestones, projects, projectStageChanges } from './schema.ts';
import { actingAs, makeAgreement, makePair, projectInput } from './testing.ts';

// The project use cases called directly (HTTP is covered by api.db.test.ts and web.db.test.ts).

let database: Database;
const NOW = new Date('2018-06-30T12:00:00+08:00');
let deps: svc.ProjectDeps;
const anonymous: UseCaseContext = { viewer: null, lang: 'en' };

let pair: Awaited<ReturnType<typeof makePair>>;
type Ctx = Awaited<ReturnType<typeof actingAs>>;
let jlMember: Ctx;
let zjMember: Ctx;
let outsider: Ctx;
let jlCoord: Ctx;
let zjCoord: Ctx;
let gdCoord: Ctx;
let admin: Ctx;

beforeAll(async () => {
  database = await openTestDatabase();
  const t = buildTestApp(database);
  deps = { ...t.deps, now: () => NOW };
  pair = await makePair(database, { confirmed: true });
  const other = await makeOrganisation(database, { regionCode: 'CN-JL' });
  jlMember = await actingAs(database, 'member', { orgId: pair.jlOrg });
  zjMember = await actingAs(database, 'member', { orgId: pair.zjOrg, lang: 'zh' });
  outsider = await actingAs(database, 'member', { orgId: other });
  jlCoord = await actingAs(database, 'coordinator', { regionCode: 'CN-JL' });
  zjCoord = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
  gdCoord = await actingAs(database, 'coordinator', { regionCode: 'CN-GD' });
  admin = await actingAs(database, 'admin');
});
afterAll(() => database.close());

const rejects = (p: Promise<unknown>, code: string, field?: string) =>
  expect(p).rejects.toMatchObject({
    code,
    ...(field ? { issues: expect.arrayContaining([expect.objectContaining({ field })]) as unknown } : {}),
  });

/** A project on a fresh confirmed agreement between the pair (an agreement carries one project). */
async function newProject(over: Parameters<typeof projectInput>[0] = {}, ctx: Ctx = jlMember) {
  const agreementId = await makeAgreement(database, {
    parties: [
      { orgId: pair.jlOrg, regionCode: 'CN-JL' },
      { orgId: pair.zjOrg, regionCode: 'CN-ZJ' },
    ],
    confirmed: true,
  });
  return svc.createProject(deps, ctx, agreementId, projectInput(over));
}

const notesOf = async (userId: string) =>
  database.db.select().from(notifications).where(eq(notifications.userId, userId));

describe('createProject', () => {
  it('starts at `signed` on the agreement’s date, with a first history row, milestones and an audit entry', async () => {
    const p = await newProject({ milestones: [{ title: 'Land lease signed', dueOn: '2018-03-01' }] });
    expect(p).toMatchObject({
      stage: 'signed',
      signedOn: '2018-01-15',
      regionCode: 'CN-JL',
      actualInvestmentCny: 0,
      jobsCreated: 0,
      contractedInvestmentCny: 50_000_000,
      createdBy: jlMember.viewer.id,
    });
    const history = await database.db
      .select()
      .from(projectStageChanges)
      .where(eq(projectStageChanges.projectId, p.id));
    expect(history).toMatchObject([{ fromStage: null, toStage: 'signed', on: '2018-01-15' }]);
    const view = await svc.getProject(deps, anonymous, p.id);
    expect(view.parties.map((x) => x.nameEn).sort()).toEqual(['Antu Springs', 'Hangzhou Grocers']);
    expect(view.milestones).toMatchObject([{ title: 'Land lease signed', overdue: true }]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(audit.map((a) => a.action)).toEqual(['project.created']);
  });

  it('defaults the contracted investment to the agreement’s value', async () => {
    const p = await newProject({ contractedInvestmentCny: undefined });
    expect(p.contractedInvestmentCny).toBe(50_000_000);
  });

  it('lets parties’ members, their coordinators and admins create; others are refused', async () => {
    for (const ctx of [zjMember, jlCoord, zjCoord, admin])
      await expect(newProject({}, ctx)).resolves.toBeTruthy();
    await rejects(newProject({}, outsider), 'forbidden');
    await rejects(newProject({}, gdCoord), 'forbidden');
    await rejects(svc.createProject(deps, anonymous, pair.agreementId, projectInput()), 'unauthenticated');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await database.db.select().from(projects)).length;
    await rejects(
      svc.createProject(deps, jlMember, '00000000-0000-4000-8000-000000000000', projectInput()),
      'validation',
      'agreementId',
    );
    await rejects(svc.createProject(deps, jlMember, 'nope', projectInput()), 'validation', 'agreementId');
    await rejects(newProject({ regionCode: 'CN-GD', areaCode: undefined }), 'validation', 'regionCode');
    await rejects(newProject({ areaCode: '330100' }), 'validation', 'areaCode');
    await rejects(newProject({ contractedInvestmentCny: -1 }), 'validation', 'contractedInvestmentCny');
    await rejects(newProject({ contractedInvestmentCny: 2e13 }), 'validation', 'contractedInvestmentCny');
    await rejects(newProject({ category: 'weapons' as never }), 'validation', 'category');
    await rejects(
      newProject({ milestones: [{ title: 'Before signing', dueOn: '2017-12-31' }] }),
      'validation',
      'milestones.0.dueOn',
    );
    expect((await database.db.select().from(projects)).length).toBe(before);
  });
});

describe('changeStage', () => {
  it('moves forward, refuses a step back without a reason, records one with it', async () => {
    const p = await newProject();
    await svc.changeStage(deps, jlMember, p.id, { stage: 'landed', on: '2018-02-01' });
    await svc.changeStage(deps, zjCoord, p.id, { stage: 'started', on: '2018-03-01' });
    await rejects(
      svc.changeStage(deps, jlMember, p.id, { stage: 'landed', on: '2018-04-01' }),
      'validation',
      'reason',
    );
    const back = await svc.changeStage(deps, jlMember, p.id, {
      stage: 'landed',
      on: '2018-04-01',
      reason: 'Building permit withdrawn',
    });
    expect(back).toMatchObject({ stage: 'landed', landedOn: '2018-02-01', startedOn: null });
    const { history } = await svc.getProject(deps, jlMember, p.id);
    expect(history.map((h) => [h.fromStage, h.toStage, h.on, h.reason, h.changedByName])).toEqual([
      [null, 'signed', '2018-01-15', null, 'Test'],
      ['signed', 'landed', '2018-02-01', null, 'Test'],
      ['landed', 'started', '2018-03-01', null, 'Test'],
      ['started', 'landed', '2018-04-01', 'Building permit withdrawn', 'Test'],
    ]);
    // The public sees the history, not who wrote it.
    expect((await svc.getProject(deps, anonymous, p.id)).history.every((h) => h.changedByName === null)).toBe(
      true,
    );
  });

  it('refuses dates in the wrong order or in the future, naming `on`', async () => {
    const p = await newProject();
    await rejects(
      svc.changeStage(deps, jlMember, p.id, { stage: 'landed', on: '2018-01-14' }),
      'validation',
      'on',
    );
    await rejects(
      svc.changeStage(deps, jlMember, p.id, { stage: 'landed', on: '2018-07-01' }),
      'validation',
      'on',
    );
    await rejects(
      svc.changeStage(deps, jlMember, p.id, { stage: 'landed', on: '2018-02-30' }),
      'validation',
      'on',
    );
  });

  it('bounds a new date by the history after a step back, naming `on`', async () => {
    const p = await newProject();
    await svc.changeStage(deps, jlMember, p.id, { stage: 'started', on: '2018-05-01' });
    await svc.changeStage(deps, jlMember, p.id, { stage: 'landed', on: '2018-06-01', reason: 'Permit' });
    // startedOn was cleared by the step back; the history still holds 2018-06-01.
    expect((await svc.getProject(deps, jlMember, p.id)).project.startedOn).toBeNull();
    await rejects(
      svc.changeStage(deps, jlMember, p.id, { stage: 'started', on: '2018-03-01' }),
      'validation',
      'on',
    );
    await expect(
      svc.changeStage(deps, jlMember, p.id, { stage: 'started', on: '2018-06-01' }),
    ).resolves.toMatchObject({ stage: 'started', startedOn: '2018-06-01' });
  });

  it('bounds a new date by the history after a resume from a stall, naming `on`', async () => {
    const p = await newProject();
    await svc.changeStage(deps, jlMember, p.id, { stage: 'started', on: '2018-05-01' });
    await svc.changeStage(deps, jlMember, p.id, { stage: 'stalled', on: '2018-06-01', reason: 'Funds' });
    const resumed = await svc.changeStage(deps, jlMember, p.id, { stage: 'started', on: '2018-06-10' });
    // Resuming keeps the first start date and clears the stall; the history keeps 2018-06-10.
    expect(resumed).toMatchObject({ startedOn: '2018-05-01', stalledOn: null });
    const late = svc.changeStage(deps, jlMember, p.id, { stage: 'in_production', on: '2018-03-01' });
    await expect(late).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'on', message: expect.stringContaining('2018-06-10') as unknown }],
    });
    await rejects(
      svc.changeStage(deps, jlMember, p.id, { stage: 'stalled', on: '2018-06-05', reason: 'Again' }),
      'validation',
      'on',
    );
  });

  it('keeps cancelled final and asks who may', async () => {
    const p = await newProject();
    await rejects(svc.changeStage(deps, outsider, p.id, { stage: 'landed', on: '2018-02-01' }), 'forbidden');
    await rejects(svc.changeStage(deps, gdCoord, p.id, { stage: 'landed', on: '2018-02-01' }), 'forbidden');
    await svc.changeStage(deps, admin, p.id, {
      stage: 'cancelled',
      on: '2018-02-01',
      reason: 'Investor withdrew',
    });
    await rejects(
      svc.changeStage(deps, admin, p.id, { stage: 'landed', on: '2018-03-01', reason: 'Back on' }),
      'validation',
      'stage',
    );
  });

  it('hides unpublished projects from outsiders (404) but not from insiders', async () => {
    const p = await newProject({ published: false });
    await rejects(svc.getProject(deps, anonymous, p.id), 'not_found');
    await rejects(svc.getProject(deps, outsider, p.id), 'not_found');
    await rejects(svc.getProject(deps, gdCoord, p.id), 'not_found');
    await rejects(svc.changeStage(deps, outsider, p.id, { stage: 'landed', on: '2018-02-01' }), 'not_found');
    for (const ctx of [jlMember, zjMember, jlCoord, zjCoord, admin]) {
      await expect(svc.getProject(deps, ctx, p.id)).resolves.toBeTruthy();
    }
    await rejects(svc.getProject(deps, admin, 'not-a-uuid'), 'not_found');
  });
});

describe('milestones', () => {
  it('adds and completes milestones; dates in the wrong order are refused naming the field', async () => {
    const p = await newProject();
    await rejects(
      svc.addMilestone(deps, jlMember, p.id, { title: 'Too early', dueOn: '2018-01-01' }),
      'validation',
      'dueOn',
    );
    const m = await svc.addMilestone(deps, zjCoord, p.id, { title: 'Line installed', dueOn: '2018-09-01' });
    await rejects(
      svc.completeMilestone(deps, jlMember, p.id, m.id, { doneOn: '2018-07-01' }),
      'validation',
      'doneOn',
    );
    await rejects(
      svc.completeMilestone(deps, jlMember, p.id, m.id, { doneOn: '2018-01-01' }),
      'validation',
      'doneOn',
    );
    await rejects(svc.completeMilestone(deps, outsider, p.id, m.id, { doneOn: '2018-06-01' }), 'forbidden');
    const done = await svc.completeMilestone(deps, jlMember, p.id, m.id, { doneOn: '2018-06-01' });
    expect(done.doneOn).toBe('2018-06-01');
    await rejects(svc.completeMilestone(deps, jlMember, p.id, m.id, { doneOn: '2018-06-02' }), 'conflict');
    await rejects(
      svc.completeMilestone(deps, jlMember, p.id, '00000000-0000-4000-8000-000000000000', {
        doneOn: '2018-06-02',
      }),
      'not_found',
    );
  });
});

describe('progress updates', () => {
  it('change the actual figures only when approved, and notify those who act', async () => {
    const p = await newProject();
    const u = await svc.submitUpdate(deps, jlMember, p.id, {
      body: 'Foundations poured.',
      actualInvestmentCny: 12_000_000,
      jobsCreated: 40,
    });
    expect(u).toMatchObject({ status: 'pending', orgId: pair.jlOrg, submittedBy: jlMember.viewer.id });
    // Not yet counted.
    expect((await svc.getProject(deps, anonymous, p.id)).project).toMatchObject({
      actualInvestmentCny: 0,
      jobsCreated: 0,
    });
    // The public does not see the pending update; insiders do.
    expect((await svc.getProject(deps, anonymous, p.id)).updates).toEqual([]);
    expect((await svc.getProject(deps, zjMember, p.id)).updates).toMatchObject([
      { id: u.id, status: 'pending', submittedByName: 'Test', canReview: false },
    ]);
    expect((await svc.getProject(deps, jlCoord, p.id)).updates).toMatchObject([{ canReview: true }]);

    // The Jilin coordinator is asked (in-app and by mail); the Zhejiang one is not.
    expect((await notesOf(jlCoord.viewer.id)).map((n) => [n.kind, n.path])).toContainEqual([
      'update_to_approve',
      `/projects/${p.id}`,
    ]);
    expect((await notesOf(zjCoord.viewer.id)).filter((n) => n.kind === 'update_to_approve')).toEqual([]);
    const mails = await database.db.select().from(outbox).where(eq(outbox.to, jlCoord.viewer.email));
    expect(mails.at(-1)?.subject).toContain('Mineral water bottling line in Antu');
    expect(mails.at(-1)?.text).toContain(`/en/projects/${p.id}`);

    // A Zhejiang coordinator cannot approve for a Jilin organisation.
    await rejects(svc.reviewUpdate(deps, zjCoord, p.id, u.id, { approve: true }), 'forbidden');
    await rejects(svc.reviewUpdate(deps, jlMember, p.id, u.id, { approve: true }), 'forbidden');
    const reviewed = await svc.reviewUpdate(deps, jlCoord, p.id, u.id, { approve: true });
    expect(reviewed).toMatchObject({ status: 'approved', reviewedBy: jlCoord.viewer.id });
    expect(reviewed.reviewedAt?.getTime()).toBe(NOW.getTime());
    const view = await svc.getProject(deps, anonymous, p.id);
    expect(view.project).toMatchObject({ actualInvestmentCny: 12_000_000, jobsCreated: 40 });
    expect(view.updates).toMatchObject([{ id: u.id, body: 'Foundations poured.', submittedByName: null }]);
    expect((await notesOf(jlMember.viewer.id)).map((n) => n.kind)).toContain('update_reviewed');
    await rejects(svc.reviewUpdate(deps, jlCoord, p.id, u.id, { approve: true }), 'conflict');
  });

  it('a Jilin coordinator approving a Zhejiang organisation’s update is refused (403)', async () => {
    const p = await newProject();
    const u = await svc.submitUpdate(deps, zjMember, p.id, { body: '杭州门店已上架。', jobsCreated: 5 });
    await rejects(svc.reviewUpdate(deps, jlCoord, p.id, u.id, { approve: true }), 'forbidden');
    await rejects(svc.reviewUpdate(deps, gdCoord, p.id, u.id, { approve: true }), 'forbidden');
    await expect(svc.reviewUpdate(deps, zjCoord, p.id, u.id, { approve: true })).resolves.toMatchObject({
      status: 'approved',
    });
    expect((await svc.updatesAwaitingApproval(deps, zjCoord)).map((x) => x.id)).not.toContain(u.id);
  });

  it('an overrun or a decrease needs a note; rejecting needs one too and changes nothing', async () => {
    const p = await newProject({ contractedInvestmentCny: 10_000_000 });
    await rejects(
      svc.submitUpdate(deps, jlMember, p.id, { body: 'Over', actualInvestmentCny: 10_000_001 }),
      'validation',
      'overrunNote',
    );
    const over = await svc.submitUpdate(deps, jlMember, p.id, {
      body: 'Over budget',
      actualInvestmentCny: 11_000_000,
      overrunNote: 'Steel prices rose',
    });
    await rejects(svc.reviewUpdate(deps, jlCoord, p.id, over.id, { approve: false }), 'validation', 'note');
    await svc.reviewUpdate(deps, jlCoord, p.id, over.id, { approve: false, note: 'Attach the invoices' });
    expect((await svc.getProject(deps, admin, p.id)).project.actualInvestmentCny).toBe(0);
    const ok = await svc.submitUpdate(deps, jlMember, p.id, {
      body: 'On budget',
      actualInvestmentCny: 8_000_000,
    });
    await svc.reviewUpdate(deps, admin, p.id, ok.id, { approve: true });
    await rejects(
      svc.submitUpdate(deps, jlMember, p.id, { body: 'Less', actualInvestmentCny: 7_000_000 }),
      'validation',
      'overrunNote',
    );
    await expect(
      svc.submitUpdate(deps, jlMember, p.id, {
        body: 'Less',
        actualInvestmentCny: 7_000_000,
        overrunNote: 'Double-counted a deposit',
      }),
    ).resolves.toBeTruthy();
  });

  it('refuses negative and absurd figures naming the field, and those who are not a party', async () => {
    const p = await newProject();
    await rejects(
      svc.submitUpdate(deps, jlMember, p.id, { body: 'x', actualInvestmentCny: -5 }),
      'validation',
      'actualInvestmentCny',
    );
    await rejects(
      svc.submitUpdate(deps, jlMember, p.id, { body: 'x', actualInvestmentCny: 1e14 }),
      'validation',
      'actualInvestmentCny',
    );
    await rejects(
      svc.submitUpdate(deps, jlMember, p.id, { body: 'x', jobsCreated: -1 }),
      'validation',
      'jobsCreated',
    );
    await rejects(
      svc.submitUpdate(deps, jlMember, p.id, { body: 'x', jobsCreated: 1.5 }),
      'validation',
      'jobsCreated',
    );
    await rejects(svc.submitUpdate(deps, jlMember, p.id, { body: '' }), 'validation', 'body');
    await rejects(svc.submitUpdate(deps, jlCoord, p.id, { body: 'x' }), 'forbidden');
    await rejects(svc.submitUpdate(deps, outsider, p.id, { body: 'x' }), 'forbidden');
  });

  it('a later approval that would lower the figures without a note is refused', async () => {
    const p = await newProject();
    const small = await svc.submitUpdate(deps, jlMember, p.id, { body: 'a', actualInvestmentCny: 1_000_000 });
    const big = await svc.submitUpdate(deps, jlMember, p.id, { body: 'b', actualInvestmentCny: 2_000_000 });
    await svc.reviewUpdate(deps, jlCoord, p.id, big.id, { approve: true });
    await rejects(svc.reviewUpdate(deps, jlCoord, p.id, small.id, { approve: true }), 'conflict');
    expect((await svc.getProject(deps, admin, p.id)).project.actualInvestmentCny).toBe(2_000_000);
  });

  it('lists the updates awaiting a coordinator’s approval, for their region only', async () => {
    const p = await newProject();
    const jl = await svc.submitUpdate(deps, jlMember, p.id, { body: 'jl' });
    const zj = await svc.submitUpdate(deps, zjMember, p.id, { body: 'zj' });
    const ids = async (ctx: Ctx) => (await svc.updatesAwaitingApproval(deps, ctx)).map((u) => u.id);
    expect(await ids(jlCoord)).toContain(jl.id);
    expect(await ids(jlCoord)).not.toContain(zj.id);
    expect(await ids(zjCoord)).toContain(zj.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([jl.id, zj.id]));
    await rejects(svc.updatesAwaitingApproval(deps, jlMember), 'forbidden');
  });
});

describe('lists', () => {
  it('the public list holds published projects only, with filters', async () => {
    const hidden = await newProject({ title: 'Hidden ginseng plant', published: false });
    const shown = await newProject({ title: 'Ginseng drying plant', category: 'product', sector: 'C14' });
    const page = (q: Partial<svc.ProjectQuery>) =>
      svc
        .listProjects(deps, admin, { page: 1, pageSize: 100, ...q })
        .then((r) => r.rows.map((x) => x.project.id));
    expect(await page({ q: 'ginseng' })).toEqual([shown.id]);
    expect(await page({})).not.toContain(hidden.id);
    expect(await page({ category: 'product' })).toContain(shown.id);
    expect(await page({ sector: 'C' })).toContain(shown.id);
    expect(await page({ sector: 'C15' })).not.toContain(shown.id);
    expect(await page({ stage: 'landed' })).not.toContain(shown.id);
    expect(await page({ region: 'CN-ZJ' })).not.toContain(shown.id);
  });

  it('a pipeline shows its projects with counts, for those whose pipeline it is', async () => {
    const p = await newProject({
      title: 'Pipeline project',
      published: false,
      milestones: [{ title: 'Late', dueOn: '2018-02-01' }],
    });
    await svc.submitUpdate(deps, zjMember, p.id, { body: 'pending' });
    const region = { kind: 'region', regionCode: 'CN-ZJ' } as const;
    const rows = await svc.projectsForPipeline(deps, zjCoord, region, {});
    expect(rows.find((r) => r.id === p.id)).toMatchObject({
      overdueMilestones: 1,
      pendingUpdates: 1,
      stage: 'signed',
    });
    const ids = async (ctx: Ctx, scope: Parameters<typeof svc.projectsForPipeline>[2], f = {}) =>
      (await svc.projectsForPipeline(deps, ctx, scope, f)).map((r) => r.id);
    expect(await ids(zjCoord, region, { overdue: true })).toContain(p.id);
    expect(await ids(zjCoord, region, { counterpartRegion: 'CN-JL' })).toContain(p.id);
    expect(await ids(zjCoord, region, { counterpartRegion: 'CN-GD' })).not.toContain(p.id);
    expect(await ids(jlMember, { kind: 'org', orgId: pair.jlOrg }, { stage: 'signed' })).toContain(p.id);
    expect(await ids(jlMember, { kind: 'org', orgId: pair.jlOrg }, { stage: 'landed' })).not.toContain(p.id);
    expect(await ids(outsider, { kind: 'org', orgId: outsider.viewer.orgId! })).not.toContain(p.id);
    await rejects(svc.projectsForPipeline(deps, jlCoord, region, {}), 'forbidden');
    await rejects(
      svc.projectsForPipeline(deps, jlMember, { kind: 'org', orgId: pair.zjOrg }, {}),
      'forbidden',
    );
    await rejects(svc.projectsForPipeline(deps, zjCoord, region, { stage: 'flying' }), 'validation', 'stage');
    expect(await ids(admin, region)).toContain(p.id);
  });
});

describe('projects.overdue', () => {
  it('notifies parties’ members and their coordinators once per overdue milestone, and reschedules itself', async () => {
    const solo = await makeOrganisation(database, { regionCode: 'CN-GS' });
    const soloMember = await actingAs(database, 'member', { orgId: solo });
    const gsCoord = await actingAs(database, 'coordinator', { regionCode: 'CN-GS' });
    const agreementId = await makeAgreement(database, {
      parties: [{ orgId: solo, regionCode: 'CN-GS' }],
      confirmed: true,
    });
    const p = await svc.createProject(deps, soloMember, agreementId, {
      ...projectInput({ regionCode: 'CN-GS', areaCode: undefined }),
      milestones: [
        { title: 'Overdue one', dueOn: '2018-05-01' },
        { title: 'Due today', dueOn: '2018-06-30' },
      ],
    });
    await scheduleOverdueSweep(database.db, NOW);
    const runner = createJobRunner({
      db: database.db,
      log: createLogger('silent'),
      pollMs: 1000,
      handlers: projectsJobHandlers({ ...deps, log: createLogger('silent') } as never),
      now: () => NOW,
    });
    expect(await runner.runDue()).toBe(1);
    const overdue = (uid: string) =>
      notesOf(uid).then((ns) => ns.filter((n) => n.kind === 'milestone_overdue'));
    expect((await overdue(soloMember.viewer.id)).map((n) => n.params.milestone)).toEqual(['Overdue one']);
    expect(await overdue(gsCoord.viewer.id)).toHaveLength(1);
    const [m] = await database.db.select().from(milestones).where(eq(milestones.projectId, p.id));
    expect(m?.overdueNotifiedAt).not.toBeNull();
    // Tomorrow's run is queued; running the sweep again tells nobody twice.
    const queued = await database.db
      .select()
      .from(jobs)
      .where(inArray(jobs.name, [OVERDUE_JOB]));
    expect(queued.some((j) => j.status === 'pending' && j.runAt > NOW)).toBe(true);
    const { sweepOverdueMilestones } = await import('./projects.jobs.ts');
    await sweepOverdueMilestones(database.db, deps.config.publicUrl, NOW);
    expect(await overdue(soloMember.viewer.id)).toHaveLength(1);
  });
});
