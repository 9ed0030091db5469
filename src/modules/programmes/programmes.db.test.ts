import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { auditLog } from '../audit/schema.ts';
import { notifications } from '../notifications/schema.ts';
import * as svc from './programmes.service.ts';
import { programmeIndicators, programmeReports, reportValues } from './schema.ts';
import { actingAs, fundsInput, pairingId, programmeInput, zjToYanbian } from './testing.ts';

// The programme use cases called directly (HTTP is covered by api.db.test.ts and web.db.test.ts).

let database: Database;
const NOW = new Date('2019-07-15T10:00:00+08:00');
let deps: svc.ProgrammeDeps;
const anonymous: UseCaseContext = { viewer: null, lang: 'en' };
type Ctx = Awaited<ReturnType<typeof actingAs>>;
let zj: Ctx;
let jl: Ctx;
let gd: Ctx;
let admin: Ctx;
let member: Ctx;
let pairing: number;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = { ...buildTestApp(database).deps, now: () => NOW };
  pairing = await zjToYanbian(database);
  zj = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
  jl = await actingAs(database, 'coordinator', { regionCode: 'CN-JL', lang: 'zh' });
  gd = await actingAs(database, 'coordinator', { regionCode: 'CN-GD' });
  admin = await actingAs(database, 'admin');
  member = await actingAs(database, 'member');
});
afterAll(() => database.close());

const rejects = (p: Promise<unknown>, code: string, field?: string) =>
  expect(p).rejects.toMatchObject({
    code,
    ...(field ? { issues: expect.arrayContaining([expect.objectContaining({ field })]) as unknown } : {}),
  });

const newProgramme = (over: Parameters<typeof programmeInput>[1] = {}, ctx: Ctx = zj) =>
  svc.createProgramme(deps, ctx, programmeInput(pairing, over));

describe('createProgramme', () => {
  it('takes its sides from the assistance pairing: Zhejiang gives, Yanbian (Jilin) receives', async () => {
    const p = await newProgramme();
    expect(p).toMatchObject({
      pairingId: pairing,
      givingRegion: 'CN-ZJ',
      receivingRegion: '222400',
      givingProvince: 'CN-ZJ',
      receivingProvince: 'CN-JL',
      createdBy: zj.viewer.id,
    });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(audit.map((a) => a.action)).toEqual(['programme.created']);
  });

  it('is for the giving side’s coordinators and admins only', async () => {
    await rejects(newProgramme({}, jl), 'forbidden');
    await rejects(newProgramme({}, gd), 'forbidden');
    await rejects(newProgramme({}, member), 'forbidden');
    await rejects(svc.createProgramme(deps, anonymous, programmeInput(pairing)), 'unauthenticated');
    await expect(newProgramme({}, admin)).resolves.toMatchObject({ givingProvince: 'CN-ZJ' });
  });

  it('refuses other kinds of pairing, unknown pairings and a deadline before the start', async () => {
    const cooperation = await pairingId(database, 'CN-JL', 'CN-ZJ', 'cooperation');
    await rejects(svc.createProgramme(deps, zj, programmeInput(cooperation)), 'validation', 'pairingId');
    await rejects(svc.createProgramme(deps, zj, programmeInput(99_999)), 'validation', 'pairingId');
    await rejects(newProgramme({ deadline: '2017-12-31' }), 'validation', 'deadline');
    await rejects(newProgramme({ startOn: '2018-02-30' }), 'validation', 'startOn');
  });
});

describe('addIndicator', () => {
  let id: string;
  beforeAll(async () => {
    id = (await newProgramme()).id;
  });
  const add = (over: Parameters<typeof fundsInput>[0], ctx: Ctx = zj) =>
    svc.addIndicator(deps, ctx, id, fundsInput(over));
  const count = async () =>
    (await database.db.select().from(programmeIndicators).where(eq(programmeIndicators.programmeId, id)))
      .length;

  it('adds a standard indicator in its unit, over the programme’s dates by default', async () => {
    const row = await add({ periodTargets: [{ period: '2018-Q4', target: 100_000_000 }] });
    expect(row).toMatchObject({ startOn: '2018-01-01', deadline: '2020-12-31', baseline: 0, position: 1 });
    const other = await add({
      kind: 'other',
      nameEn: 'Hospitals twinned',
      nameZh: '结对医院',
      unit: 'hospitals',
      target: 12,
      periodKind: 'month',
    });
    expect(other).toMatchObject({ unit: 'hospitals', nameEn: 'Hospitals twinned', position: 2 });
  });

  it('refuses the wrong unit, naming `unit`', async () => {
    await rejects(add({ unit: 'persons' }), 'validation', 'unit');
    await rejects(add({ kind: 'jobs', unit: 'yuan', target: 5000 }), 'validation', 'unit');
  });

  it('refuses a target not above the baseline, negative and fractional counts', async () => {
    await rejects(add({ baseline: 500, target: 500 }), 'validation', 'target');
    await rejects(add({ target: -1 }), 'validation', 'target');
    await rejects(add({ kind: 'jobs', unit: 'count', target: 10.5 }), 'validation', 'target');
    await rejects(add({ kind: 'other', unit: 'km' }), 'validation', 'nameEn');
  });

  it('names the bad per-period target: overlapping, of another kind, outside the programme', async () => {
    const before = await count();
    await rejects(
      add({
        periodTargets: [
          { period: '2018-Q4', target: 1 },
          { period: '2018-Q4', target: 2 },
        ],
      }),
      'validation',
      'periodTargets.1.period',
    );
    await rejects(
      add({ periodTargets: [{ period: '2018-11', target: 1 }] }),
      'validation',
      'periodTargets.0.period',
    );
    await rejects(
      add({ periodTargets: [{ period: '2021-Q1', target: 1 }] }),
      'validation',
      'periodTargets.0.period',
    );
    await rejects(
      add({ periodTargets: [{ period: 'spring', target: 1 }] }),
      'validation',
      'periodTargets.0.period',
    );
    await rejects(
      add({
        periodTargets: [
          { period: '2019-Q4', target: 200_000_000 },
          { period: '2018-Q4', target: 250_000_000 },
        ],
      }),
      'validation',
      'periodTargets.0.target',
    );
    await rejects(add({ startOn: '2017-06-01' }), 'validation', 'startOn');
    expect(await count()).toBe(before);
  });

  it('is for the giving side only; 404 for no such programme', async () => {
    await rejects(add({}, jl), 'forbidden');
    await rejects(svc.addIndicator(deps, zj, 'nope', fundsInput()), 'not_found');
  });
});

describe('reports', () => {
  let id: string;
  let funds: string;
  let jobs: string;
  let monthly: string;
  beforeAll(async () => {
    id = (await newProgramme()).id;
    funds = (await svc.addIndicator(deps, zj, id, fundsInput())).id;
    jobs = (await svc.addIndicator(deps, zj, id, fundsInput({ kind: 'jobs', unit: 'count', target: 5000 })))
      .id;
    monthly = (
      await svc.addIndicator(
        deps,
        zj,
        id,
        fundsInput({ kind: 'people_trained', unit: 'persons', target: 3000, periodKind: 'month' }),
      )
    ).id;
  });
  const submit = (period: string, values: Record<string, number>, ctx: Ctx = zj, draft?: boolean) =>
    svc.submitReport(deps, ctx, id, { period, values, ...(draft ? { draft } : {}) });
  const reportCount = async () =>
    (await database.db.select().from(programmeReports).where(eq(programmeReports.programmeId, id))).length;

  it('refuses bad values naming `values.<indicator>`, and writes nothing', async () => {
    await rejects(submit('2018-Q1', { [funds]: -5 }), 'validation', `values.${funds}`);
    await rejects(submit('2018-Q1', { [funds]: Number.NaN }), 'validation', `values.${funds}`);
    await rejects(
      svc.submitReport(deps, zj, id, { period: '2018-Q1', values: { [funds]: 'lots' as unknown as number } }),
      'validation',
      `values.${funds}`,
    );
    await rejects(submit('2018-Q1', { [jobs]: 10.5 }), 'validation', `values.${jobs}`);
    await rejects(submit('2018-Q1', { [monthly]: 10 }), 'validation', `values.${monthly}`);
    const stranger = '00000000-0000-4000-8000-000000000000';
    await rejects(submit('2018-Q1', { [stranger]: 10 }), 'validation', `values.${stranger}`);
    // One good value and one bad: neither is kept.
    await rejects(submit('2018-Q1', { [funds]: 1000, [jobs]: -1 }), 'validation', `values.${jobs}`);
    await rejects(submit('2018-Q1', {}), 'validation', 'values');
    expect(await reportCount()).toBe(0);
  });

  it('refuses periods that are no period, outside the programme, or not begun', async () => {
    await rejects(submit('2018-Q5', { [funds]: 1 }), 'validation', 'period');
    await rejects(submit('2017-Q4', { [funds]: 1 }), 'validation', 'period');
    await rejects(submit('2021-Q1', { [funds]: 1 }), 'validation', 'period');
    await rejects(submit('2019-Q4', { [funds]: 1 }), 'validation', 'period');
    expect(await reportCount()).toBe(0);
  });

  it('is submitted by the giving side only and asks the receiving side to confirm', async () => {
    await rejects(submit('2018-Q1', { [funds]: 1 }, jl), 'forbidden');
    await rejects(submit('2018-Q1', { [funds]: 1 }, gd), 'forbidden');
    const r = await submit('2018-Q1', { [funds]: 20_000_000, [jobs]: 200 });
    expect(r).toMatchObject({ status: 'submitted', period: '2018-Q1', submittedBy: zj.viewer.id });
    const values = await database.db.select().from(reportValues).where(eq(reportValues.reportId, r.id));
    expect(values.map((v) => v.value).sort((a, b) => a - b)).toEqual([200, 20_000_000]);
    const notes = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, jl.viewer.id));
    expect(notes.map((n) => [n.kind, n.params.period])).toContainEqual([
      'report_to_confirm',
      { en: '2018 Q1', zh: '2018年第1季度' },
    ]);
  });

  it('refuses a second report for a period waiting for confirmation, and one already confirmed (409)', async () => {
    await rejects(submit('2018-Q1', { [funds]: 5 }), 'conflict');
    const view = await svc.getProgramme(deps, jl, id);
    const report = view.reports.find((r) => r.report.period === '2018-Q1')!;
    expect(report.canConfirm).toBe(true);
    await svc.confirmReport(deps, jl, id, report.report.id);
    await expect(submit('2018-Q1', { [funds]: 5 })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already confirmed') as unknown,
    });
    // A month's report carries the monthly indicators: it may lie inside a reported quarter.
    await expect(submit('2018-02', { [monthly]: 80 })).resolves.toMatchObject({ periodKind: 'month' });
  });

  it('lets only the receiving side confirm: Zhejiang 403, Guangdong 404, twice 409', async () => {
    const r = await submit('2018-Q2', { [funds]: 22_000_000 });
    await rejects(svc.confirmReport(deps, zj, id, r.id), 'forbidden');
    await rejects(svc.confirmReport(deps, gd, id, r.id), 'not_found');
    await rejects(svc.confirmReport(deps, anonymous, id, r.id), 'unauthenticated');
    const confirmed = await svc.confirmReport(deps, jl, id, r.id);
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedBy: jl.viewer.id });
    await rejects(svc.confirmReport(deps, jl, id, r.id), 'conflict');
    const notes = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, zj.viewer.id));
    expect(notes.map((n) => n.kind)).toContain('report_confirmed');
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toContain('programme.report_confirmed');
  });

  it('keeps drafts to the giving side and replaces a draft when the period is submitted', async () => {
    const draft = await submit('2018-Q3', { [funds]: 1 }, zj, true);
    expect(draft.status).toBe('draft');
    await rejects(svc.confirmReport(deps, jl, id, draft.id), 'not_found');
    expect((await svc.getProgramme(deps, jl, id)).reports.map((r) => r.report.period)).not.toContain(
      '2018-Q3',
    );
    const sent = await submit('2018-Q3', { [funds]: 25_000_000 });
    expect(sent).toMatchObject({ id: draft.id, status: 'submitted' });
    const view = await svc.getProgramme(deps, jl, id);
    expect(view.reports.find((r) => r.report.id === draft.id)?.values.get(funds)).toBe(25_000_000);
  });

  it('shows unconfirmed reports to both sides only', async () => {
    const publicView = await svc.getProgramme(deps, anonymous, id);
    expect(publicView.reports.every((r) => r.report.status === 'confirmed')).toBe(true);
    expect((await svc.getProgramme(deps, gd, id)).reports.map((r) => r.report.status)).not.toContain(
      'submitted',
    );
    expect((await svc.getProgramme(deps, zj, id)).reports.map((r) => r.report.status)).toContain('submitted');
  });
});

describe('statuses through the service', () => {
  let id: string;
  const ids: Record<string, string> = {};
  // Six confirmed quarters, 2018 Q1 to 2019 Q2; 546 of the programme's 1,096 days have passed by 2019-06-30.
  const QUARTERS = ['2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2'];
  const PER_QUARTER = { funds: 25_000_000, projects: [2, 3, 3, 3, 3, 3], jobs: 300 };

  beforeAll(async () => {
    id = (await newProgramme()).id;
    ids.funds = (await svc.addIndicator(deps, zj, id, fundsInput())).id;
    ids.projects = (
      await svc.addIndicator(deps, zj, id, fundsInput({ kind: 'projects', unit: 'count', target: 40 }))
    ).id;
    ids.jobs = (
      await svc.addIndicator(deps, zj, id, fundsInput({ kind: 'jobs', unit: 'count', target: 5000 }))
    ).id;
    for (const [i, q] of QUARTERS.entries()) {
      const r = await svc.submitReport(deps, zj, id, {
        period: q,
        values: {
          [ids.funds]: PER_QUARTER.funds,
          [ids.projects]: PER_QUARTER.projects[i]!,
          [ids.jobs]: PER_QUARTER.jobs,
        },
      });
      await svc.confirmReport(deps, jl, id, r.id);
    }
    // Submitted, not confirmed: it does not count.
    await svc.submitReport(deps, zj, id, { period: '2019-Q3', values: { [ids.funds]: 90_000_000 } });
  });

  it('pins on track, at risk and behind on 2019-07-15', async () => {
    const view = await svc.getProgramme(deps, anonymous, id);
    expect(view.asOf).toBe('2019-07-15');
    const by = (key: string) => view.indicators.find((i) => i.indicator.id === ids[key])!.status;
    // Funds: 150 million of 149.45 million expected → on track.
    expect(by('funds')).toMatchObject({ status: 'on_track', actual: 150_000_000, measuredAt: '2019-06-30' });
    expect(by('funds').expected).toBeCloseTo((300_000_000 * 546) / 1096, 3);
    // Projects: 17 of 19.9 expected (85 %) → at risk.
    expect(by('projects')).toMatchObject({ status: 'at_risk', actual: 17 });
    // Jobs: 1,800 of 2,491 expected (72 %) → behind.
    expect(by('jobs')).toMatchObject({ status: 'behind', actual: 1800 });
    expect(view.status).toBe('behind');
  });

  it('reads the same reports as of another day, and past the deadline', async () => {
    // By 2018-03-31 (90 days): 25 of 24.6 million yuan, 2 of 3.3 projects, 300 of 411 jobs.
    const early = await svc.getProgramme(deps, anonymous, id, { asOf: '2018-04-02' });
    expect(early.indicators.map((i) => i.status.status)).toEqual(['on_track', 'behind', 'behind']);
    const before = await svc.getProgramme(deps, anonymous, id, { asOf: '2017-12-01' });
    expect(before.status).toBe('not_started');
    const later = { ...deps, now: () => new Date('2026-05-01T09:00:00+08:00') };
    const today = await svc.getProgramme(later, anonymous, id);
    expect(today.indicators.map((i) => [i.status.status, i.status.rule])).toEqual([
      ['behind', 'past_deadline'],
      ['behind', 'past_deadline'],
      ['behind', 'past_deadline'],
    ]);
  });

  it('tables each period with its value and the confirmed running total', async () => {
    const view = await svc.getProgramme(deps, zj, id);
    const funds = view.indicators.find((i) => i.indicator.id === ids.funds)!;
    expect(funds.periods).toHaveLength(12);
    expect(funds.periods.slice(4, 7)).toEqual([
      expect.objectContaining({ period: '2019-Q1', value: 25_000_000, cumulative: 125_000_000 }),
      expect.objectContaining({ period: '2019-Q2', value: 25_000_000, cumulative: 150_000_000 }),
      expect.objectContaining({
        period: '2019-Q3',
        value: 90_000_000,
        reportStatus: 'submitted',
        cumulative: null,
      }),
    ]);
    expect(funds.periods.at(-1)?.expected).toBe(300_000_000);
  });

  it('summarises programmes for other modules and the dashboard', async () => {
    await expect(svc.programmeSummary(database.db, id, '2019-07-15')).resolves.toEqual({
      id,
      titleEn: 'Zhejiang–Yanbian partner assistance 2018–2020',
      titleZh: '浙江—延边对口帮扶（2018—2020年）',
      status: 'behind',
      pairingId: pairing,
    });
    await expect(svc.programmeSummary(database.db, 'nope')).resolves.toBeUndefined();
    const dash = await svc.programmeIndicatorsForPairing(deps, pairing, '2019-07-15');
    const mine = dash.indicators.filter((i) => i.programmeId === id);
    expect(mine.map((i) => [i.kind, i.status, i.actual])).toEqual([
      ['funds_allocated', 'on_track', 150_000_000],
      ['projects', 'at_risk', 17],
      ['jobs', 'behind', 1800],
    ]);
    expect(dash.programmes.map((p) => p.id)).toContain(id);
    const list = await svc.listProgrammes(deps, anonymous, { pairingId: pairing });
    expect(list.find((p) => p.programme.id === id)).toMatchObject({
      status: 'behind',
      indicators: 3,
      confirmedReports: 6,
    });
  });
});
