import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { openTestDatabase } from '../../test/db.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { makeListing } from '../agreements/testing.ts';
import { listPairings } from '../regions/regions.service.ts';
import type { Period } from './core/figures.ts';
import {
  dashboardOf,
  overallDashboard,
  pairingDashboard,
  pairingHeadlines,
  parsePeriod,
  type Dashboard,
} from './dashboards.service.ts';
import { dashboardTables } from './tables.ts';
import { actingAs, makeAgreement, makeInterestRow, makePlacedOrganisation, makeProject } from './testing.ts';

// The dashboards' use cases over a small hand-built world. Organisations: Jilin in Changchun (CC) and in
// a county of Yanbian (YB, 222401), Zhejiang in Hangzhou (HZ), Liaoning in Shenyang (LN).
//
//   agreement  parties   signed      value (yuan)  confirmed  type        project (stage, signed, contracted/actual/jobs)
//   A1         CC–HZ     2018-03-10  100,000,000   yes        investment  P1 in_production 2018-03-20 60M/45M/120, area 220100
//   A2         YB–HZ     2018-07-05   20,000,000   yes        trade       P2 started 2018-08-15 20M/5M/30, area 222401, unpublished
//   A3         CC–HZ     2018-05-01    7,000,000   no         investment  –
//   A4         CC–HZ     2019-02-01   (none)       yes        rnd         P3 signed 2019-03-01 –/0/0, area 330100 (Zhejiang)
//   A5         CC–LN     2018-04-01    9,000,000   yes        investment  P4 landed 2018-05-01 9M/1M/10, area 210100
//   A6         CC–YB     2018-06-01    3,000,000   yes        trade       – (both Jilin)
//   A7         HZ–LN     2018-09-01    4,000,000   yes        trade       P5 stalled 2018-10-01 4M/0/0, area 330100
//
//   interest   from → to  sent        status
//   I1         CC → HZ    2018-02-10  accepted
//   I2         HZ → YB    2018-07-01  declined (price_terms)
//   I3         CC → LN    2018-03-01  accepted
//   I4         YB → HZ    2019-01-05  open, expired on 2019-01-19 (counts as expired)
//
// Today is 2020-06-15 (China).

let database: Database;
const NOW = new Date('2020-06-15T12:00:00+08:00');
let deps: { db: Database['db']; now: () => Date };
let jlzj = 0;
let zjyb = 0;
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
  const hz = await makePlacedOrganisation(database, 'CN-ZJ', '330100', 'Hangzhou Traders');
  const ln = await makePlacedOrganisation(database, 'CN-LN', '210100', 'Shenyang Machines');
  const CC = { orgId: cc, regionCode: 'CN-JL' };
  const YB = { orgId: yb, regionCode: 'CN-JL' };
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
});
afterAll(() => database?.close());

const titles = (rows: readonly { title: string }[]) => rows.map((r) => r.title);
const sumOf = (d: Dashboard, k: 'interests' | 'agreements' | 'value' | 'projects') =>
  d.figures.byMonth.reduce((s, m) => s + m[k], 0);

describe('the Jilin–Zhejiang pairing dashboard', () => {
  it('counts the records with a party on each side, all time', async () => {
    const d = await pairingDashboard(deps, ctx.anon, jlzj, ALL);
    expect(d.pairing?.id).toBe(jlzj);
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
    // A1, A2, A4 confirmed; A3 awaiting; value of confirmed only (A4 has none); A5–A7 are not JL–ZJ.
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
    // P1, P2 (unpublished, still counted), P3.
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
    // Months from the first record (I1, 2018-02) to today's month.
    expect(f.byMonth[0]?.month).toBe('2018-02');
    expect(f.byMonth.at(-1)?.month).toBe('2020-06');
    expect(f.byMonth).toHaveLength(29);
    expect([sumOf(d, 'interests'), sumOf(d, 'agreements'), sumOf(d, 'value'), sumOf(d, 'projects')]).toEqual([
      3, 3, 120_000_000, 3,
    ]);
    expect(d.visits).toBe(0);
    expect(d.areas.total).toBe(0);
    expect(d.programmes).toEqual([]);
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
    expect(f.agreements.value).toBe(120_000_000);
    expect(f.projects.total).toBe(2); // P1, P2; P3 signed in 2019
    expect(f.projects.byStage.signed).toBe(0);
    expect([f.projects.contracted, f.projects.actual, f.projects.jobs]).toEqual([
      80_000_000, 50_000_000, 150,
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
    const busy = f.byMonth.filter((m) => m.interests + m.agreements + m.projects > 0);
    expect(busy).toEqual([
      { month: '2018-02', interests: 1, agreements: 0, value: 0, projects: 0 },
      { month: '2018-03', interests: 0, agreements: 1, value: 100_000_000, projects: 1 },
      { month: '2018-07', interests: 1, agreements: 1, value: 20_000_000, projects: 0 },
      { month: '2018-08', interests: 0, agreements: 0, value: 0, projects: 1 },
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
    const f = d.figures;
    expect(f.interests.sent).toBe(2); // I2, I4
    expect(f.agreements.confirmed).toBe(1); // A2 (A6 is Jilin–Jilin)
    expect(f.agreements.awaitingConfirmation).toBe(0);
    expect(f.agreements.value).toBe(20_000_000);
    expect(f.projects.total).toBe(1); // P2
    expect([f.projects.contracted, f.projects.actual, f.projects.jobs]).toEqual([20_000_000, 5_000_000, 30]);
    expect(f.byArea.map((b) => b.key)).toEqual(['222400']);
    expect(f.projects.byStage.started).toBe(1);
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

describe('the overall dashboard', () => {
  it('counts every record, whichever regions it joins', async () => {
    const d = await overallDashboard(deps, ctx.anon, ALL);
    expect(d.pairing).toBeNull();
    const f = d.figures;
    expect(f.interests.sent).toBe(4);
    expect(f.interests.byStatus.accepted).toBe(2);
    expect(f.agreements.confirmed).toBe(6);
    expect(f.agreements.awaitingConfirmation).toBe(1);
    expect(f.agreements.value).toBe(136_000_000);
    expect(f.projects.total).toBe(5);
    expect(f.projects.byStage).toEqual({
      signed: 1,
      landed: 1,
      started: 1,
      in_production: 1,
      stalled: 1,
      cancelled: 0,
    });
    expect([f.projects.contracted, f.projects.actual, f.projects.jobs]).toEqual([
      93_000_000, 51_000_000, 160,
    ]);
    expect(f.byArea.map((b) => [b.key, b.projects])).toEqual([
      ['330100', 2],
      ['210100', 1],
      ['220100', 1],
      ['222400', 1],
    ]);
  });

  it('filters by period too', async () => {
    const d = await overallDashboard(deps, ctx.anon, { from: '2018-04-01', to: '2018-09-30' });
    // A2, A5, A6, A7 confirmed; A3 awaiting; P2, P4.
    expect(d.figures.agreements.confirmed).toBe(4);
    expect(d.figures.agreements.value).toBe(36_000_000);
    expect(d.figures.agreements.awaitingConfirmation).toBe(1);
    expect(
      titles(
        (await overallDashboard(deps, ctx.admin, { from: '2018-04-01', to: '2018-09-30' })).details!.projects,
      ),
    ).toEqual(['P2', 'P4']);
    expect(d.figures.projects.total).toBe(2);
    expect(d.figures.interests.sent).toBe(1); // I2
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
    expect(titles(jl.details!.agreements).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    expect(titles(jl.details!.projects).sort()).toEqual(['P1', 'P2', 'P3', 'P4']);
    const ln = await overallDashboard(deps, ctx.liaoning, ALL);
    expect(ln.details?.region).toBe('CN-LN');
    expect(titles(ln.details!.agreements).sort()).toEqual(['A5', 'A7']);
    expect(titles(ln.details!.projects).sort()).toEqual(['P4', 'P5']);
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
    expect(all.details!.agreements).toHaveLength(7);
    expect(all.details!.projects).toHaveLength(5);
  });

  it('do not change the aggregates', async () => {
    const [anon, admin] = await Promise.all([
      pairingDashboard(deps, ctx.anon, jlzj, ALL),
      pairingDashboard(deps, ctx.admin, jlzj, ALL),
    ]);
    expect(admin.figures).toEqual(anon.figures);
  });
});

describe('pairingHeadlines', () => {
  const line = (h: { agreements: number; value: number; projects: number; actual: number; jobs: number }) => [
    h.agreements,
    h.value,
    h.projects,
    h.actual,
    h.jobs,
  ];

  it('equals each pairing’s all-time dashboard figures', async () => {
    const heads = await pairingHeadlines(deps);
    const pairings = await listPairings(database.db);
    expect(heads.map((h) => h.pairing.id).sort()).toEqual(pairings.map((p) => p.id).sort());
    const jz = heads.find((h) => h.pairing.id === jlzj)!;
    expect(jz).toMatchObject({
      agreements: 3,
      value: 120_000_000,
      projects: 3,
      actual: 50_000_000,
      jobs: 150,
    });
    const zy = heads.find((h) => h.pairing.id === zjyb)!;
    expect(line(zy)).toEqual([1, 20_000_000, 1, 5_000_000, 30]);
    for (const h of heads) {
      const f = (await pairingDashboard(deps, ctx.anon, h.pairing.id, ALL)).figures;
      expect(line(h), `pairing ${h.pairing.id}`).toEqual([
        f.agreements.confirmed,
        f.agreements.value,
        f.projects.total,
        f.projects.actual,
        f.projects.jobs,
      ]);
    }
  });

  it('on the overall dashboard, are each pairing’s figures for the period', async () => {
    const overall = await overallDashboard(deps, ctx.anon, Y2018);
    const jz = overall.pairings.find((h) => h.pairing.id === jlzj)!;
    expect(line(jz)).toEqual([2, 120_000_000, 2, 50_000_000, 150]);
    for (const h of overall.pairings) {
      const f = (await pairingDashboard(deps, ctx.anon, h.pairing.id, Y2018)).figures;
      expect(line(h), `pairing ${h.pairing.id}`).toEqual([
        f.agreements.confirmed,
        f.agreements.value,
        f.projects.total,
        f.projects.actual,
        f.projects.jobs,
      ]);
    }
    expect((await pairingDashboard(deps, ctx.anon, jlzj, ALL)).pairings).toEqual([]);
  });
});

describe('dashboardOf and the tables', () => {
  it('names places in the areas table, a county by its prefecture', async () => {
    const { dashboard, places } = await dashboardOf(deps, ctx.anon, jlzj, ALL);
    const areas = dashboardTables(dashboard, 'en', places).find((t) => t.key === 'areas')!;
    expect(areas.rows).toEqual([
      ['Changchun', 1, 60_000_000, 45_000_000, 120],
      ['Yanbian Korean Autonomous Prefecture', 1, 20_000_000, 5_000_000, 30],
      ['Hangzhou', 1, 0, 0, 0],
    ]);
    const zh = dashboardTables(dashboard, 'zh', places).find((t) => t.key === 'stages')!;
    expect(zh.rows).toContainEqual(['已投产', 1]);
  });

  it('adds the region lists only for those who see details', async () => {
    const keys = async (c: UseCaseContext) => {
      const { dashboard, places } = await dashboardOf(deps, c, jlzj, ALL);
      return dashboardTables(dashboard, 'en', places).map((t) => t.key);
    };
    expect(await keys(ctx.anon)).not.toContain('region-projects');
    const jl = await keys(ctx.jilin);
    expect(jl.slice(-2)).toEqual(['region-projects', 'region-agreements']);
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
