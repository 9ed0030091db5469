import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { buildTestApp, TestClient } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { makeListing } from '../agreements/testing.ts';
import { createPairing, listPairings } from '../regions/regions.service.ts';
import type { Period } from './core/figures.ts';
import {
  dashboardOf,
  overallDashboard,
  pairingDashboard,
  pairingHeadlines,
  parsePeriod,
  type Dashboard,
  type PairingHeadline,
} from './dashboards.service.ts';
import { dashboardTables, type DashTable, type TableKey } from './tables.ts';
import {
  actingAs,
  makeAgreement,
  makeAgreementWithoutParties,
  makeInterestRow,
  makePlacedOrganisation,
  makeProject,
} from './testing.ts';

// The dashboards' use cases over a small hand-built world. Organisations: Jilin in Changchun (CC) and in
// two counties of Yanbian (YB, 222401; YB2, 222402), Zhejiang in Hangzhou (HZ), Liaoning in Shenyang (LN).
//
//   agreement  parties   signed      value (yuan)  confirmed  type        project (stage, signed, contracted/actual/jobs)
//   A1         CC–HZ     2018-03-10  100,000,000   yes        investment  P1 in_production 2018-03-20 60M/45M/120, area 220100
//   A2         YB–HZ     2018-07-05   20,000,000   yes        trade       P2 started 2018-08-15 20M/5M/30, area 222401, unpublished
//   A3         CC–HZ     2018-05-01    7,000,000   no         investment  –
//   A4         CC–HZ     2019-02-01   (none)       yes        rnd         P3 signed 2019-03-01 –/0/0, area 330100 (Zhejiang)
//   A5         CC–LN     2018-04-01    9,000,000   yes        investment  P4 landed 2018-05-01 9M/1M/10, area 210100
//   A6         CC–YB     2018-06-01    3,000,000   yes        trade       – (both Jilin)
//   A7         HZ–LN     2018-09-01    4,000,000   yes        trade       P5 stalled 2018-10-01 4M/0/0, area 330100
//   A8         YB–YB2    2019-06-01    2,000,000   yes        trade       – (both Yanbian)
//   A9         (none)    2019-07-01    5,000,000   no         investment  – (no party, so nobody confirmed it)
//
// Only P2 is unpublished: the public view (anyone but admins and coordinators of a side) leaves it out
// and shows no agreement values.
//
//   interest   from → to  sent        status
//   I1         CC → HZ    2018-02-10  accepted
//   I2         HZ → YB    2018-07-01  declined (price_terms)
//   I3         CC → LN    2018-03-01  accepted
//   I4         YB → HZ    2019-01-05  open, expired on 2019-01-19 (counts as expired)
//
// Besides the seeded pairings, the test adds Jilin–Yanbian (a province and a prefecture inside it).
//
// Today is 2020-06-15 (China).

let database: Database;
const NOW = new Date('2020-06-15T12:00:00+08:00');
let deps: { db: Database['db']; now: () => Date };
let jlzj = 0;
let zjyb = 0;
let jlyb = 0;
const ctx: Record<'anon' | 'member' | 'jilin' | 'zhejiang' | 'liaoning' | 'admin', UseCaseContext> = {
  anon: { viewer: null, lang: 'en' },
} as never;
const ids: Record<string, string> = {};
const ALL: Period = { from: null, to: null };
const Y2018: Period = { from: '2018-01-01', to: '2018-12-31' };

beforeAll(async () => {
  database = await openTestDatabase();
  deps = { db: database.db, now: () => NOW };
  const cc = await makePlacedOrganisation(database, 'CN-JL', '220100', 'Changchun Works');
  const yb = await makePlacedOrganisation(database, 'CN-JL', '222401', 'Yanji Springs');
  const yb2 = await makePlacedOrganisation(database, 'CN-JL', '222402', 'Tumen Logistics');
  const hz = await makePlacedOrganisation(database, 'CN-ZJ', '330100', 'Hangzhou Traders');
  const ln = await makePlacedOrganisation(database, 'CN-LN', '210100', 'Shenyang Machines');
  const CC = { orgId: cc, regionCode: 'CN-JL' };
  const YB = { orgId: yb, regionCode: 'CN-JL' };
  const YB2 = { orgId: yb2, regionCode: 'CN-JL' };
  const HZ = { orgId: hz, regionCode: 'CN-ZJ' };
  const LN = { orgId: ln, regionCode: 'CN-LN' };

  ctx.member = await actingAs(database, 'member', { orgId: cc });
  ctx.jilin = await actingAs(database, 'coordinator', { regionCode: 'CN-JL' });
  ctx.zhejiang = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
  ctx.liaoning = await actingAs(database, 'coordinator', { regionCode: 'CN-LN' });
  ctx.admin = await actingAs(database, 'admin');

  const agreement = async (
    key: string,
    parties: (typeof CC)[],
    signedOn: string,
    valueCny: number | null,
    confirmed: boolean,
    type: 'investment' | 'trade' | 'rnd',
  ) => {
    ids[key] = await makeAgreement(database, { parties, signedOn, valueCny, confirmed, type, title: key });
  };
  await agreement('A1', [CC, HZ], '2018-03-10', 100_000_000, true, 'investment');
  await agreement('A2', [YB, HZ], '2018-07-05', 20_000_000, true, 'trade');
  await agreement('A3', [CC, HZ], '2018-05-01', 7_000_000, false, 'investment');
  await agreement('A4', [CC, HZ], '2019-02-01', null, true, 'rnd');
  await agreement('A5', [CC, LN], '2018-04-01', 9_000_000, true, 'investment');
  await agreement('A6', [CC, YB], '2018-06-01', 3_000_000, true, 'trade');
  await agreement('A7', [HZ, LN], '2018-09-01', 4_000_000, true, 'trade');
  await agreement('A8', [YB, YB2], '2019-06-01', 2_000_000, true, 'trade');
  ids.A9 = await makeAgreementWithoutParties(database, {
    title: 'A9',
    signedOn: '2019-07-01',
    valueCny: 5_000_000,
  });

  ids.P1 = await makeProject(database, {
    agreementId: ids.A1!,
    parties: [CC, HZ],
    title: 'P1',
    stage: 'in_production',
    category: 'capital',
    sector: 'C15',
    regionCode: 'CN-JL',
    areaCode: '220100',
    signedOn: '2018-03-20',
    contractedInvestmentCny: 60_000_000,
    actualInvestmentCny: 45_000_000,
    jobsCreated: 120,
  });
  ids.P2 = await makeProject(database, {
    agreementId: ids.A2!,
    parties: [YB, HZ],
    title: 'P2',
    stage: 'started',
    category: 'product',
    sector: null,
    regionCode: 'CN-JL',
    areaCode: '222401',
    signedOn: '2018-08-15',
    contractedInvestmentCny: 20_000_000,
    actualInvestmentCny: 5_000_000,
    jobsCreated: 30,
    published: false,
  });
  ids.P3 = await makeProject(database, {
    agreementId: ids.A4!,
    parties: [CC, HZ],
    title: 'P3',
    stage: 'signed',
    category: 'technology',
    sector: 'M73',
    regionCode: 'CN-ZJ',
    areaCode: '330100',
    signedOn: '2019-03-01',
    contractedInvestmentCny: null,
  });
  ids.P4 = await makeProject(database, {
    agreementId: ids.A5!,
    parties: [CC, LN],
    title: 'P4',
    stage: 'landed',
    category: 'capital',
    regionCode: 'CN-LN',
    areaCode: '210100',
    signedOn: '2018-05-01',
    contractedInvestmentCny: 9_000_000,
    actualInvestmentCny: 1_000_000,
    jobsCreated: 10,
  });
  ids.P5 = await makeProject(database, {
    agreementId: ids.A7!,
    parties: [HZ, LN],
    title: 'P5',
    stage: 'stalled',
    category: 'product',
    regionCode: 'CN-ZJ',
    areaCode: '330100',
    signedOn: '2018-10-01',
    contractedInvestmentCny: 4_000_000,
  });

  const admin = (await actingAs(database, 'admin')).viewer;
  const listing = await makeListing(deps, admin, hz);
  const interest = (
    from: typeof CC,
    to: typeof CC,
    sentAt: string,
    status: 'accepted' | 'declined' | 'open',
    more: { declineReason?: 'price_terms'; expiresAt?: string } = {},
  ) => makeInterestRow(database, { listingId: listing.id, from, to, sentAt, status, ...more });
  await interest(CC, HZ, '2018-02-10T10:00:00+08:00', 'accepted');
  await interest(HZ, YB, '2018-07-01T10:00:00+08:00', 'declined', { declineReason: 'price_terms' });
  await interest(CC, LN, '2018-03-01T10:00:00+08:00', 'accepted');
  await interest(YB, HZ, '2019-01-05T10:00:00+08:00', 'open', { expiresAt: '2019-01-19T10:00:00+08:00' });

  const pairings = await listPairings(database.db);
  jlzj = pairings.find((p) => p.aCode === 'CN-JL' && p.bCode === 'CN-ZJ')!.id;
  zjyb = pairings.find((p) => p.aCode === 'CN-ZJ' && p.bCode === '222400')!.id;
  expect(pairings.some((p) => p.aCode === 'CN-JL' && p.bCode === '222400')).toBe(false);
  jlyb = (
    await createPairing(
      { db: database.db, user: admin },
      { aCode: 'CN-JL', bCode: '222400', kind: 'cooperation', since: '2018-01-01', noteEn: '', noteZh: '' },
    )
  ).id;
});
afterAll(() => database?.close());

const titles = (rows: readonly { title: string }[]) => rows.map((r) => r.title);
const sumOf = (d: Dashboard, k: 'interests' | 'agreements' | 'value' | 'projects') =>
  d.figures.byMonth.reduce((s, m) => s + m[k], 0);

describe('the Jilin–Zhejiang pairing dashboard', () => {
  it('counts the records with a party on each side, all time, published projects only for the public', async () => {
    const d = await pairingDashboard(deps, ctx.anon, jlzj, ALL);
    expect(d.pairing?.id).toBe(jlzj);
    expect(d.full).toBe(false);
    expect(d.today).toBe('2020-06-15');
    expect(d.asOf).toBe('2020-06-15');
    const f = d.figures;
    // I1, I2, I4 (I3 is Jilin–Liaoning).
    expect(f.interests.sent).toBe(3);
    expect(f.interests.byStatus).toEqual({ open: 0, accepted: 1, declined: 1, expired: 1, withdrawn: 0 });
    expect(f.interests.declinedByReason).toEqual({
      not_relevant: 0,
      too_early: 0,
      price_terms: 1,
      capacity: 0,
      other: 0,
    });
    // A1, A2, A4 confirmed; A3 awaiting; A5–A8 are not JL–ZJ. (Their values are not shown: see the tables.)
    expect(f.agreements.confirmed).toBe(3);
    expect(f.agreements.awaitingConfirmation).toBe(1);
    expect(f.agreements.byType.map((r) => [r.type, r.count])).toEqual([
      ['investment', 1],
      ['rnd', 1],
      ['trade', 1],
    ]);
    // P1 and P3; P2 is unpublished.
    expect(f.projects).toEqual({
      total: 2,
      byStage: { signed: 1, landed: 0, started: 0, in_production: 1, stalled: 0, cancelled: 0 },
      contracted: 60_000_000,
      actual: 45_000_000,
      jobs: 120,
    });
    expect(f.byArea).toEqual([
      { key: '220100', projects: 1, contracted: 60_000_000, actual: 45_000_000, jobs: 120 },
      { key: '330100', projects: 1, contracted: 0, actual: 0, jobs: 0 },
    ]);
    expect(f.byCategory.map((b) => [b.key, b.projects])).toEqual([
      ['capital', 1],
      ['technology', 1],
    ]);
    expect(f.bySector.map((b) => b.key)).toEqual(['C15', 'M73']);
    // Months from the first record (I1, 2018-02) to today's month.
    expect(f.byMonth[0]?.month).toBe('2018-02');
    expect(f.byMonth.at(-1)?.month).toBe('2020-06');
    expect(f.byMonth).toHaveLength(29);
    expect([sumOf(d, 'interests'), sumOf(d, 'agreements'), sumOf(d, 'projects')]).toEqual([3, 3, 2]);
    expect(d.visits).toBe(0);
    expect(d.areas.total).toBe(0);
    expect(d.programmes).toEqual([]);
  });

  it('gives the Jilin coordinator the whole figures: the unpublished P2 and the agreements’ values', async () => {
    const d = await pairingDashboard(deps, ctx.jilin, jlzj, ALL);
    expect(d.full).toBe(true);
    const f = d.figures;
    expect(f.interests.sent).toBe(3);
    // Value of the confirmed ones only (A3 is not; A4 has none).
    expect(f.agreements).toEqual({
      confirmed: 3,
      awaitingConfirmation: 1,
      value: 120_000_000,
      byType: [
        { type: 'investment', count: 1, value: 100_000_000 },
        { type: 'rnd', count: 1, value: 0 },
        { type: 'trade', count: 1, value: 20_000_000 },
      ],
    });
    // P1, P2 (unpublished), P3.
    expect(f.projects).toEqual({
      total: 3,
      byStage: { signed: 1, landed: 0, started: 1, in_production: 1, stalled: 0, cancelled: 0 },
      contracted: 80_000_000,
      actual: 50_000_000,
      jobs: 150,
    });
    // A county's project counts under its prefecture.
    expect(f.byArea).toEqual([
      { key: '220100', projects: 1, contracted: 60_000_000, actual: 45_000_000, jobs: 120 },
      { key: '222400', projects: 1, contracted: 20_000_000, actual: 5_000_000, jobs: 30 },
      { key: '330100', projects: 1, contracted: 0, actual: 0, jobs: 0 },
    ]);
    expect(f.byCategory.map((b) => [b.key, b.projects])).toEqual([
      ['capital', 1],
      ['product', 1],
      ['technology', 1],
    ]);
    expect(f.bySector.map((b) => b.key)).toEqual(['', 'C15', 'M73']);
    expect(f.byMonth).toHaveLength(29);
    expect([sumOf(d, 'interests'), sumOf(d, 'agreements'), sumOf(d, 'value'), sumOf(d, 'projects')]).toEqual([
      3, 3, 120_000_000, 3,
    ]);
  });

  it('filters a period by the signing (and sending) date, months over the period', async () => {
    const d = await pairingDashboard(deps, ctx.anon, jlzj, Y2018);
    expect(d.period).toEqual(Y2018);
    expect(d.asOf).toBe('2018-12-31');
    const f = d.figures;
    expect(f.interests.sent).toBe(2); // I1, I2; I4 was sent in 2019
    expect(f.interests.byStatus.expired).toBe(0);
    expect(f.agreements.confirmed).toBe(2); // A1, A2; A4 signed in 2019
    expect(f.agreements.awaitingConfirmation).toBe(1); // A3
    expect(f.projects.total).toBe(1); // P1; P2 is unpublished, P3 signed in 2019
    expect(f.projects.byStage.signed).toBe(0);
    expect([f.projects.contracted, f.projects.actual, f.projects.jobs]).toEqual([
      60_000_000, 45_000_000, 120,
    ]);
    expect(f.byMonth.map((m) => m.month)).toEqual([
      '2018-01',
      '2018-02',
      '2018-03',
      '2018-04',
      '2018-05',
      '2018-06',
      '2018-07',
      '2018-08',
      '2018-09',
      '2018-10',
      '2018-11',
      '2018-12',
    ]);
    const busy = (x: Dashboard) =>
      x.figures.byMonth
        .filter((m) => m.interests + m.agreements + m.projects > 0)
        .map(({ month, interests, agreements, projects }) => ({ month, interests, agreements, projects }));
    expect(busy(d)).toEqual([
      { month: '2018-02', interests: 1, agreements: 0, projects: 0 },
      { month: '2018-03', interests: 0, agreements: 1, projects: 1 },
      { month: '2018-07', interests: 1, agreements: 1, projects: 0 },
    ]);
    // The Jilin coordinator's months have P2 (August) too, and the agreements' values.
    const whole = await pairingDashboard(deps, ctx.jilin, jlzj, Y2018);
    expect(whole.figures.agreements.value).toBe(120_000_000);
    expect(whole.figures.projects.total).toBe(2);
    expect([whole.figures.projects.contracted, whole.figures.projects.actual]).toEqual([
      80_000_000, 50_000_000,
    ]);
    expect(busy(whole)).toEqual([
      ...busy(d).slice(0, 3),
      { month: '2018-08', interests: 0, agreements: 0, projects: 1 },
    ]);
    expect(whole.figures.byMonth.filter((m) => m.value > 0).map((m) => [m.month, m.value])).toEqual([
      ['2018-03', 100_000_000],
      ['2018-07', 20_000_000],
    ]);
  });

  it('includes both ends of the period', async () => {
    // A1 signed on 2018-03-10, P1 on 2018-03-20.
    const d = await pairingDashboard(deps, ctx.anon, jlzj, { from: '2018-03-10', to: '2018-03-20' });
    expect(d.figures.agreements.confirmed).toBe(1);
    expect(d.figures.projects.total).toBe(1);
    const after = await pairingDashboard(deps, ctx.anon, jlzj, { from: '2018-03-11', to: '2018-03-19' });
    expect(after.figures.agreements.confirmed).toBe(0);
    expect(after.figures.projects.total).toBe(0);
  });

  it('with an open start, runs from its first record to the end', async () => {
    const d = await pairingDashboard(deps, ctx.anon, jlzj, { from: null, to: '2018-06-30' });
    expect(d.figures.byMonth.map((m) => m.month)).toEqual([
      '2018-02',
      '2018-03',
      '2018-04',
      '2018-05',
      '2018-06',
    ]);
    expect(d.figures.agreements.awaitingConfirmation).toBe(1);
  });
});

describe('the Zhejiang → Yanbian pairing dashboard', () => {
  it('counts only the records of the Yanbian organisation on the prefecture side', async () => {
    const d = await pairingDashboard(deps, ctx.anon, zjyb, ALL);
    expect(d.full).toBe(false);
    const f = d.figures;
    expect(f.interests.sent).toBe(2); // I2, I4
    expect(f.agreements.confirmed).toBe(1); // A2 (A6 and A8 are Jilin–Jilin)
    expect(f.agreements.awaitingConfirmation).toBe(0);
    // Its one project, P2, is unpublished.
    expect(f.projects.total).toBe(0);
    expect(f.byArea).toEqual([]);
    // Yanbian's province and Zhejiang are its sides: their coordinators see P2 and A2's value.
    for (const c of [ctx.jilin, ctx.zhejiang]) {
      const whole = await pairingDashboard(deps, c, zjyb, ALL);
      expect(whole.full).toBe(true);
      const w = whole.figures;
      expect(w.agreements.value).toBe(20_000_000);
      expect(w.projects.total).toBe(1); // P2
      expect([w.projects.contracted, w.projects.actual, w.projects.jobs]).toEqual([
        20_000_000, 5_000_000, 30,
      ]);
      expect(w.byArea.map((b) => b.key)).toEqual(['222400']);
      expect(w.projects.byStage.started).toBe(1);
    }
  });

  it('counts the same records on Jilin–Zhejiang too', async () => {
    const inner = await pairingDashboard(deps, ctx.admin, zjyb, ALL);
    const outer = await pairingDashboard(deps, ctx.admin, jlzj, ALL);
    expect(titles(inner.details!.projects)).toEqual(['P2']);
    expect(titles(inner.details!.agreements)).toEqual(['A2']);
    for (const p of inner.details!.projects) expect(titles(outer.details!.projects)).toContain(p.title);
    for (const a of inner.details!.agreements) expect(titles(outer.details!.agreements)).toContain(a.title);
  });
});

describe('a pairing of a province and a prefecture inside it (Jilin–Yanbian)', () => {
  it('counts a record between Yanbian and the rest of Jilin, not one between two Yanbian organisations', async () => {
    const d = await pairingDashboard(deps, ctx.admin, jlyb, ALL);
    expect(d.full).toBe(true);
    // A6 is Changchun–Yanji; A8 is Yanji–Tumen, both in Yanbian; the others have a party outside Jilin.
    expect(titles(d.details!.agreements)).toEqual(['A6']);
    expect(d.figures.agreements).toMatchObject({ confirmed: 1, awaitingConfirmation: 0, value: 3_000_000 });
    expect(d.figures.interests.sent).toBe(0);
    expect(d.figures.projects.total).toBe(0);
    // A8 is on the platform all the same.
    expect(titles((await overallDashboard(deps, ctx.admin, ALL)).details!.agreements)).toContain('A8');
    // Both sides are Jilin's: its coordinator sees the whole figures and the lists.
    const jl = await pairingDashboard(deps, ctx.jilin, jlyb, ALL);
    expect([jl.full, jl.details?.region]).toEqual([true, 'CN-JL']);
    expect(titles(jl.details!.agreements)).toEqual(['A6']);
  });
});

describe('the overall dashboard', () => {
  it('counts every record, whichever regions it joins (published projects for the public)', async () => {
    const d = await overallDashboard(deps, ctx.anon, ALL);
    expect(d.pairing).toBeNull();
    expect(d.full).toBe(false);
    const f = d.figures;
    expect(f.interests.sent).toBe(4);
    expect(f.interests.byStatus.accepted).toBe(2);
    // A1, A2, A4–A8 confirmed; A3 awaits Zhejiang, and A9, with no party, was confirmed by nobody.
    expect(f.agreements.confirmed).toBe(7);
    expect(f.agreements.awaitingConfirmation).toBe(2);
    // P1, P3, P4, P5 (not the unpublished P2).
    expect(f.projects.total).toBe(4);
    expect(f.projects.byStage).toEqual({
      signed: 1,
      landed: 1,
      started: 0,
      in_production: 1,
      stalled: 1,
      cancelled: 0,
    });
    expect([f.projects.contracted, f.projects.actual, f.projects.jobs]).toEqual([
      73_000_000, 46_000_000, 130,
    ]);
    expect(f.byArea.map((b) => [b.key, b.projects])).toEqual([
      ['330100', 2],
      ['210100', 1],
      ['220100', 1],
    ]);
  });

  it('counts every project and every value for an administrator', async () => {
    const d = await overallDashboard(deps, ctx.admin, ALL);
    expect(d.full).toBe(true);
    const f = d.figures;
    expect(f.agreements.confirmed).toBe(7);
    expect(f.agreements.awaitingConfirmation).toBe(2);
    expect(f.agreements.value).toBe(138_000_000); // 100 + 20 + 9 + 3 + 4 + 2 million (A4 has none)
    expect(f.projects.total).toBe(5);
    expect(f.projects.byStage.started).toBe(1);
    expect([f.projects.contracted, f.projects.actual, f.projects.jobs]).toEqual([
      93_000_000, 51_000_000, 160,
    ]);
    expect(f.byArea.map((b) => [b.key, b.projects])).toEqual([
      ['330100', 2],
      ['210100', 1],
      ['220100', 1],
      ['222400', 1],
    ]);
    // The agreement with no party is listed, unconfirmed.
    expect(d.details!.agreements.find((a) => a.title === 'A9')).toMatchObject({
      confirmed: false,
      parties: [],
    });
  });

  it('filters by period too', async () => {
    const period = { from: '2018-04-01', to: '2018-09-30' };
    const d = await overallDashboard(deps, ctx.anon, period);
    // A2, A5, A6, A7 confirmed; A3 awaiting; P4 (P2 is unpublished).
    expect(d.figures.agreements.confirmed).toBe(4);
    expect(d.figures.agreements.awaitingConfirmation).toBe(1);
    expect(d.figures.projects.total).toBe(1);
    expect(d.figures.interests.sent).toBe(1); // I2
    const admin = await overallDashboard(deps, ctx.admin, period);
    expect(admin.figures.agreements.value).toBe(36_000_000);
    expect(admin.figures.projects.total).toBe(2);
    expect(titles(admin.details!.projects)).toEqual(['P2', 'P4']);
  });
});

describe('whole figures or the public view', () => {
  it('are whole for administrators and for a coordinator of a side of the pairing only', async () => {
    const full = async (c: UseCaseContext, pairing: number | null) =>
      (pairing === null
        ? await overallDashboard(deps, c, ALL)
        : await pairingDashboard(deps, c, pairing, ALL)
      ).full;
    expect(await full(ctx.anon, jlzj)).toBe(false);
    expect(await full(ctx.member, jlzj)).toBe(false);
    expect(await full(ctx.jilin, jlzj)).toBe(true);
    expect(await full(ctx.zhejiang, jlzj)).toBe(true);
    expect(await full(ctx.liaoning, jlzj)).toBe(false);
    expect(await full(ctx.liaoning, zjyb)).toBe(false);
    expect(await full(ctx.admin, jlzj)).toBe(true);
    expect(await full(ctx.admin, zjyb)).toBe(true);
    // Overall, a coordinator's region is a party to some records only.
    expect(await full(ctx.jilin, null)).toBe(false);
    expect(await full(ctx.anon, null)).toBe(false);
    expect(await full(ctx.admin, null)).toBe(true);
  });

  it('give a Liaoning coordinator on Jilin–Zhejiang the public view, without lists', async () => {
    const [anon, ln] = await Promise.all([
      pairingDashboard(deps, ctx.anon, jlzj, ALL),
      pairingDashboard(deps, ctx.liaoning, jlzj, ALL),
    ]);
    expect(ln.full).toBe(false);
    expect(ln.details).toBeNull();
    expect(ln.figures).toEqual(anon.figures);
    expect(ln.figures.projects.total).toBe(2);
    expect((await pairingDashboard(deps, ctx.member, jlzj, ALL)).figures).toEqual(anon.figures);
  });

  it('give a coordinator on the overall dashboard the public aggregates beside their region’s lists', async () => {
    const [anon, jl] = await Promise.all([
      overallDashboard(deps, ctx.anon, ALL),
      overallDashboard(deps, ctx.jilin, ALL),
    ]);
    expect(jl.full).toBe(false);
    expect(jl.figures).toEqual(anon.figures);
    expect(jl.figures.projects.total).toBe(4);
    expect(jl.details?.region).toBe('CN-JL');
    expect(titles(jl.details!.agreements).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A8']);
  });

  it('do not depend on the lists: a side’s coordinator and an administrator get the same figures', async () => {
    const [jl, zj, admin] = await Promise.all([
      pairingDashboard(deps, ctx.jilin, jlzj, ALL),
      pairingDashboard(deps, ctx.zhejiang, jlzj, ALL),
      pairingDashboard(deps, ctx.admin, jlzj, ALL),
    ]);
    expect([jl.details?.region, zj.details?.region, admin.details?.region]).toEqual([
      'CN-JL',
      'CN-ZJ',
      'all',
    ]);
    expect(jl.figures).toEqual(admin.figures);
    expect(zj.figures).toEqual(admin.figures);
    expect(admin.figures.projects.total).toBe(3);
  });
});

describe('details (the lists of records one by one)', () => {
  it('are hidden from the public and from members', async () => {
    expect((await pairingDashboard(deps, ctx.anon, jlzj, ALL)).details).toBeNull();
    expect((await pairingDashboard(deps, ctx.member, jlzj, ALL)).details).toBeNull();
    expect((await overallDashboard(deps, ctx.member, ALL)).details).toBeNull();
  });

  it('show the Jilin coordinator the pairing’s records, latest first, unconfirmed and unpublished too', async () => {
    const d = await pairingDashboard(deps, ctx.jilin, jlzj, ALL);
    expect(d.details?.region).toBe('CN-JL');
    expect(titles(d.details!.projects)).toEqual(['P3', 'P2', 'P1']);
    expect(titles(d.details!.agreements)).toEqual(['A4', 'A2', 'A3', 'A1']);
    expect(d.details!.projects.find((p) => p.title === 'P2')?.published).toBe(false);
    expect(d.details!.agreements.find((a) => a.title === 'A3')?.confirmed).toBe(false);
  });

  it('on the overall dashboard, show a coordinator only records with a party of their region', async () => {
    const jl = await overallDashboard(deps, ctx.jilin, ALL);
    expect(jl.details?.region).toBe('CN-JL');
    expect(titles(jl.details!.agreements).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A8']);
    expect(titles(jl.details!.projects).sort()).toEqual(expect.arrayContaining(['P1', 'P3', 'P4']));
    expect(titles(jl.details!.projects)).not.toContain('P5');
    const ln = await overallDashboard(deps, ctx.liaoning, ALL);
    expect(ln.details?.region).toBe('CN-LN');
    expect(titles(ln.details!.agreements).sort()).toEqual(['A5', 'A7']);
    expect(titles(ln.details!.projects).sort()).toEqual(['P4', 'P5']);
  });

  // The lists are unchanged by the new rules: the public aggregates beside them do not make the Jilin
  // coordinator's own unpublished P2 (which they see on Jilin–Zhejiang) drop out of their list overall.
  it('on the overall dashboard, list the coordinator’s region’s unpublished projects too', async () => {
    const jl = await overallDashboard(deps, ctx.jilin, ALL);
    expect(titles(jl.details!.projects).sort()).toEqual(['P1', 'P2', 'P3', 'P4']);
  });

  it('are null for a coordinator of neither side', async () => {
    expect((await pairingDashboard(deps, ctx.liaoning, jlzj, ALL)).details).toBeNull();
    expect((await pairingDashboard(deps, ctx.liaoning, zjyb, ALL)).details).toBeNull();
    // Yanbian's province is a side of Zhejiang → Yanbian.
    expect((await pairingDashboard(deps, ctx.jilin, zjyb, ALL)).details?.region).toBe('CN-JL');
    expect((await pairingDashboard(deps, ctx.zhejiang, zjyb, ALL)).details?.region).toBe('CN-ZJ');
  });

  it('are every record of the figures for an administrator', async () => {
    const d = await pairingDashboard(deps, ctx.admin, jlzj, Y2018);
    expect(d.details?.region).toBe('all');
    expect(titles(d.details!.projects)).toEqual(['P2', 'P1']);
    expect(titles(d.details!.agreements)).toEqual(['A2', 'A3', 'A1']);
    const all = await overallDashboard(deps, ctx.admin, ALL);
    expect(all.details!.agreements).toHaveLength(9);
    expect(all.details!.projects).toHaveLength(5);
  });
});

describe('pairingHeadlines', () => {
  const line = (h: PairingHeadline) => [h.agreements, h.value, h.projects, h.contracted, h.actual, h.jobs];
  const lineOf = (d: Dashboard) => {
    const f = d.figures;
    return [
      f.agreements.confirmed,
      d.full ? f.agreements.value : null,
      f.projects.total,
      f.projects.contracted,
      f.projects.actual,
      f.projects.jobs,
    ];
  };

  it('are each pairing’s all-time figures as the public sees them', async () => {
    const heads = await pairingHeadlines(deps);
    const pairings = await listPairings(database.db);
    expect(heads.map((h) => h.pairing.id).sort()).toEqual(pairings.map((p) => p.id).sort());
    // Published projects only (not P2), and no agreement value.
    const jz = heads.find((h) => h.pairing.id === jlzj)!;
    expect(line(jz)).toEqual([3, null, 2, 60_000_000, 45_000_000, 120]);
    const zy = heads.find((h) => h.pairing.id === zjyb)!;
    expect(line(zy)).toEqual([1, null, 0, 0, 0, 0]);
    const jy = heads.find((h) => h.pairing.id === jlyb)!;
    expect(line(jy)).toEqual([1, null, 0, 0, 0, 0]);
    for (const h of heads) {
      const d = await pairingDashboard(deps, ctx.anon, h.pairing.id, ALL);
      expect(line(h), `pairing ${h.pairing.id}`).toEqual(lineOf(d));
    }
  });

  it('on the overall dashboard, are each pairing’s figures for the period, public or whole as the viewer sees them', async () => {
    const overall = await overallDashboard(deps, ctx.anon, Y2018);
    expect(line(overall.pairings.find((h) => h.pairing.id === jlzj)!)).toEqual([
      2,
      null,
      1,
      60_000_000,
      45_000_000,
      120,
    ]);
    const whole = await overallDashboard(deps, ctx.admin, Y2018);
    expect(line(whole.pairings.find((h) => h.pairing.id === jlzj)!)).toEqual([
      2, 120_000_000, 2, 80_000_000, 50_000_000, 150,
    ]);
    for (const [c, d] of [
      [ctx.anon, overall],
      [ctx.admin, whole],
    ] as const) {
      for (const h of d.pairings) {
        const p = await pairingDashboard(deps, c, h.pairing.id, Y2018);
        expect(line(h), `pairing ${h.pairing.id}`).toEqual(lineOf(p));
      }
    }
    // A coordinator's overall dashboard is public: so are its pairings' figures.
    expect((await overallDashboard(deps, ctx.jilin, Y2018)).pairings).toEqual(overall.pairings);
    expect((await pairingDashboard(deps, ctx.anon, jlzj, ALL)).pairings).toEqual([]);
  });
});

describe('dashboardOf and the tables', () => {
  const tablesOf = async (c: UseCaseContext, pairing: number | null, lang: 'en' | 'zh' = 'en') => {
    const { dashboard, places } = await dashboardOf(deps, c, pairing, ALL);
    return dashboardTables(dashboard, lang, places);
  };
  const table = (tables: DashTable[], key: TableKey) => {
    const found = tables.find((t) => t.key === key);
    if (!found) throw new Error(`no table ${key} among ${tables.map((t) => t.key).join(', ')}`);
    return found;
  };
  const keys = (t: DashTable) => t.columns.map((c) => c.key);

  it('names places in the areas table, a county by its prefecture', async () => {
    const areas = table(await tablesOf(ctx.anon, jlzj), 'areas');
    expect(areas.rows).toEqual([
      ['Changchun', 1, 60_000_000, 45_000_000, 120],
      ['Hangzhou', 1, 0, 0, 0],
    ]);
    expect(table(await tablesOf(ctx.jilin, jlzj), 'areas').rows).toEqual([
      ['Changchun', 1, 60_000_000, 45_000_000, 120],
      ['Yanbian Korean Autonomous Prefecture', 1, 20_000_000, 5_000_000, 30],
      ['Hangzhou', 1, 0, 0, 0],
    ]);
    const zh = table(await tablesOf(ctx.anon, jlzj, 'zh'), 'stages');
    expect(zh.rows).toContainEqual(['已投产', 1]);
  });

  it('labels a province’s row of the areas table as the projects whose city was not given', async () => {
    const { dashboard, places } = await dashboardOf(deps, ctx.anon, jlzj, ALL);
    const row = { key: 'CN-JL', projects: 1, contracted: 7, actual: 0, jobs: 0 };
    const withProvince = { ...dashboard, figures: { ...dashboard.figures, byArea: [row] } };
    expect(table(dashboardTables(withProvince, 'en', places), 'areas').rows).toEqual([
      ['Jilin (city not given)', 1, 7, 0, 0],
    ]);
    expect(table(dashboardTables(withProvince, 'zh', places), 'areas').rows).toEqual([
      ['吉林省（未注明城市）', 1, 7, 0, 0],
    ]);
  });

  it('leave the agreements’ values out of the public view', async () => {
    const anon = await tablesOf(ctx.anon, jlzj);
    const jilin = await tablesOf(ctx.jilin, jlzj);
    const label = 'Contracted value of agreements (yuan)';
    expect(table(anon, 'headline').rows.map((r) => r[0])).not.toContain(label);
    expect(table(jilin, 'headline').rows).toContainEqual([label, 120_000_000]);
    expect(table(anon, 'headline').rows).toHaveLength(table(jilin, 'headline').rows.length - 1);
    // The public counts the published projects: P1 and P3.
    expect(table(anon, 'headline').rows).toContainEqual(['Projects', 2]);
    expect(table(jilin, 'headline').rows).toContainEqual(['Projects', 3]);

    expect(keys(table(anon, 'agreement-types'))).toEqual(['type', 'count']);
    expect(table(anon, 'agreement-types').rows.map((r) => r.slice(1))).toEqual([[1], [1], [1]]);
    expect(keys(table(jilin, 'agreement-types'))).toEqual(['type', 'count', 'value']);
    expect(table(jilin, 'agreement-types').rows.map((r) => r.slice(1))).toEqual([
      [1, 100_000_000],
      [1, 0],
      [1, 20_000_000],
    ]);

    expect(keys(table(anon, 'months'))).toEqual(['month', 'interests', 'agreements', 'projects']);
    expect(keys(table(jilin, 'months'))).toEqual(['month', 'interests', 'agreements', 'projects', 'value']);
    expect(table(anon, 'months').rows.every((r) => r.length === 4)).toBe(true);
    expect(table(jilin, 'months').rows.find((r) => r[0] === '2018-03')).toEqual([
      '2018-03',
      0,
      1,
      1,
      100_000_000,
    ]);

    const overall = await tablesOf(ctx.anon, null);
    const money = ['projects', 'contracted', 'actual', 'jobs'];
    expect(keys(table(overall, 'pairings'))).toEqual(['pairing', 'agreements', ...money]);
    expect(table(overall, 'pairings').rows.every((r) => r.length === 6)).toBe(true);
    const whole = await tablesOf(ctx.admin, null);
    expect(keys(table(whole, 'pairings'))).toEqual(['pairing', 'agreements', 'value', ...money]);
    expect(table(whole, 'pairings').rows).toContainEqual([
      'Jilin – Zhejiang',
      3,
      120_000_000,
      3,
      80_000_000,
      50_000_000,
      150,
    ]);
    // A coordinator's overall dashboard is public.
    expect(keys(table(await tablesOf(ctx.jilin, null), 'pairings'))).toEqual(
      keys(table(overall, 'pairings')),
    );
  });

  it('add the region lists only for those who see details, a value not recorded left blank', async () => {
    expect((await tablesOf(ctx.anon, jlzj)).map((t) => t.key)).not.toContain('region-projects');
    const jl = await tablesOf(ctx.jilin, jlzj);
    expect(jl.slice(-2).map((t) => t.key)).toEqual(['region-projects', 'region-agreements']);
    // P3's contracted investment and A4's value were not recorded: empty cells, not 0.
    expect(table(jl, 'region-projects').rows[0]).toEqual([
      { text: 'P3', lang: 'en' },
      'Signed',
      '2019-03-01',
      '',
      0,
      0,
      'Yes',
    ]);
    expect(table(jl, 'region-agreements').rows[0]).toEqual([
      { text: 'A4', lang: 'en' },
      'R&D cooperation',
      '2019-02-01',
      '',
      'Yes',
    ]);
    expect(
      table(jl, 'region-projects')
        .rows.find((r) => r[2] === '2018-08-15')
        ?.slice(3),
    ).toEqual([20_000_000, 5_000_000, 30, 'No']);
  });

  it('name each indicator’s programme in the second column', async () => {
    const indicators = table(await tablesOf(ctx.anon, jlzj), 'indicators');
    expect(keys(indicators).slice(0, 3)).toEqual(['indicator', 'programme', 'unit']);
    expect(indicators.columns[1]?.label).toBe('Programme');
  });
});

describe('the JSON API over the same records', () => {
  interface Json {
    full: boolean;
    agreements: {
      confirmed: number;
      valueCny: number | null;
      byType: { count: number; valueCny: number | null }[];
    };
    projects: { total: number; contractedInvestmentCny: number };
    byMonth: { valueCny: number | null }[];
    pairings: { pairingId: number; valueCny: number | null; projects: number }[];
    details: { region: string } | null;
  }
  let anon: TestClient;
  let jilin: TestClient;
  let liaoning: TestClient;
  let admin: TestClient;
  beforeAll(async () => {
    const app = createApp({ ...buildTestApp(database).deps, now: () => NOW });
    [anon, jilin, liaoning, admin] = [0, 1, 2, 3].map(() => new TestClient(app)) as [
      TestClient,
      TestClient,
      TestClient,
      TestClient,
    ];
    await signInAs(jilin, database, { role: 'coordinator', regionCode: 'CN-JL' });
    await signInAs(liaoning, database, { role: 'coordinator', regionCode: 'CN-LN' });
    await signInAs(admin, database, { role: 'admin' });
  });
  const get = async (client: TestClient, path: string): Promise<Json> => {
    const res = await client.get(`/api/v1/dashboards/${path}`);
    expect(res.status, path).toBe(200);
    return (await res.json()) as Json;
  };
  const values = (j: Json) => [
    j.agreements.valueCny,
    ...j.agreements.byType.map((t) => t.valueCny),
    ...new Set(j.byMonth.map((m) => m.valueCny)),
  ];

  it('gives the public Jilin–Zhejiang without P2 and with null values', async () => {
    for (const client of [anon, liaoning]) {
      const j = await get(client, `pairings/${jlzj}`);
      expect(j.full).toBe(false);
      expect(j.projects).toMatchObject({ total: 2, contractedInvestmentCny: 60_000_000 });
      expect(j.agreements.confirmed).toBe(3);
      expect(j.agreements.byType.map((t) => t.count)).toEqual([1, 1, 1]);
      expect(values(j)).toEqual([null, null, null, null, null]);
      expect(j.details).toBeNull();
    }
  });

  it('gives the Jilin coordinator P2 and the values', async () => {
    const j = await get(jilin, `pairings/${jlzj}`);
    expect(j.full).toBe(true);
    expect(j.projects).toMatchObject({ total: 3, contractedInvestmentCny: 80_000_000 });
    expect(j.agreements.valueCny).toBe(120_000_000);
    expect(j.agreements.byType.map((t) => t.valueCny)).toEqual([100_000_000, 0, 20_000_000]);
    expect(j.byMonth.reduce((s, m) => s + m.valueCny!, 0)).toBe(120_000_000);
    expect(j.details?.region).toBe('CN-JL');
  });

  it('overall, gives a coordinator the public figures with their lists, an administrator the whole', async () => {
    const jl = await get(jilin, 'overall');
    expect(jl.full).toBe(false);
    expect(jl.details?.region).toBe('CN-JL');
    expect(jl.projects.total).toBe(4);
    expect(jl.agreements.valueCny).toBeNull();
    expect(jl.pairings.find((p) => p.pairingId === jlzj)).toMatchObject({ valueCny: null, projects: 2 });
    expect(jl.pairings.every((p) => p.valueCny === null)).toBe(true);
    const all = await get(admin, 'overall');
    expect(all.full).toBe(true);
    expect(all.projects.total).toBe(5);
    expect(all.agreements.valueCny).toBe(138_000_000);
    expect(all.pairings.find((p) => p.pairingId === jlzj)).toMatchObject({
      valueCny: 120_000_000,
      projects: 3,
    });
  });

  it('gives the pairings’ headlines as the public sees them, to everyone', async () => {
    for (const client of [anon, admin]) {
      const res = await client.get('/api/v1/dashboards/pairings');
      const { items } = (await res.json()) as { items: Json['pairings'] };
      expect(items.find((i) => i.pairingId === jlzj)).toMatchObject({ valueCny: null, projects: 2 });
      expect(items.every((i) => i.valueCny === null)).toBe(true);
    }
  });
});

describe('parsePeriod', () => {
  const fieldOf = (q: { from?: string; to?: string }) => {
    try {
      parsePeriod(q);
    } catch (err) {
      if (err instanceof AppError) return [err.code, err.issues[0]?.field];
      throw err;
    }
    return null;
  };

  it('reads inclusive dates, either end open, blanks as open', () => {
    expect(parsePeriod({})).toEqual({ from: null, to: null });
    expect(parsePeriod({ from: ' 2018-01-01 ', to: '' })).toEqual({ from: '2018-01-01', to: null });
    expect(parsePeriod({ to: '2018-12-31' })).toEqual({ from: null, to: '2018-12-31' });
    expect(parsePeriod({ from: '2018-05-01', to: '2018-05-01' })).toEqual({
      from: '2018-05-01',
      to: '2018-05-01',
    });
  });

  it('names the field that is wrong', () => {
    expect(fieldOf({ from: 'bad' })).toEqual(['validation', 'from']);
    expect(fieldOf({ from: '2018-13-01' })).toEqual(['validation', 'from']);
    expect(fieldOf({ to: '2018-02-30' })).toEqual(['validation', 'to']);
    expect(fieldOf({ from: '2018-01-01', to: '31/12/2018' })).toEqual(['validation', 'to']);
    expect(fieldOf({ from: '2018-12-31', to: '2018-01-01' })).toEqual(['validation', 'to']);
  });
});

describe('an unknown pairing', () => {
  it('is not found', async () => {
    await expect(pairingDashboard(deps, ctx.anon, 999_999, ALL)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(dashboardOf(deps, ctx.admin, 999_999, ALL)).rejects.toBeInstanceOf(AppError);
  });
});
