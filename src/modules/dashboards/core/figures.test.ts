import { describe, expect, it } from 'vitest';
import {
  figures,
  inPeriod,
  inScope,
  monthsBetween,
  pairingWithin,
  select,
  type AgreementFact,
  type Facts,
  type InterestFact,
  type Party,
  type ProjectFact,
  type Scope,
  type Side,
} from './figures.ts';

const party = (orgId: string, regionCode: string, areaCode: string | null = null): Party => ({
  orgId,
  regionCode,
  areaCode,
});

// Jilin organisations (Yanbian and its counties, Changchun), Zhejiang, Liaoning, Jiangsu.
const jlYanji = party('o-yanji', 'CN-JL', '222401');
const jlYanbian = party('o-yanbian', 'CN-JL', '222400');
const jlChangchun = party('o-changchun', 'CN-JL', '220100');
const jlNoArea = party('o-jl', 'CN-JL');
const jlOther = party('o-jl2', 'CN-JL', '220200');
const zj = party('o-zj', 'CN-ZJ', '330100');
const ln = party('o-ln', 'CN-LN', '210100');

const JL: Side = { region: 'CN-JL', area: null };
const ZJ: Side = { region: 'CN-ZJ', area: null };
const YANBIAN: Side = { region: 'CN-JL', area: '222400' };
const LN: Side = { region: 'CN-LN', area: null };
const JS: Side = { region: 'CN-JS', area: null };

const jlZj: Scope = [JL, ZJ];
const zjToYanbian: Scope = [ZJ, YANBIAN];

describe('inScope', () => {
  it('needs one party on each side of a province pairing', () => {
    expect(inScope([jlChangchun, zj], jlZj)).toBe(true);
    expect(inScope([zj, jlChangchun], jlZj)).toBe(true);
    expect(inScope([jlChangchun, jlYanji], jlZj)).toBe(false);
    expect(inScope([zj], jlZj)).toBe(false);
    expect(inScope([jlChangchun], jlZj)).toBe(false);
    expect(inScope([], jlZj)).toBe(false);
    expect(inScope([jlChangchun, zj, ln], jlZj)).toBe(true);
    expect(inScope([jlChangchun, ln], jlZj)).toBe(false);
  });

  it('does not let one party stand on both sides', () => {
    // Jilin–Yanbian: a Yanbian organisation is on both sides, but alone it spans nothing.
    const jlYb: Scope = [JL, YANBIAN];
    expect(inScope([jlYanji], jlYb)).toBe(false);
    expect(inScope([jlChangchun, jlYanji], jlYb)).toBe(true);
    expect(inScope([jlYanji, jlChangchun], [YANBIAN, JL])).toBe(true);
    // Two Yanbian organisations are a record inside Yanbian, not between Jilin and Yanbian.
    expect(inScope([jlYanji, jlYanbian], jlYb)).toBe(false);
    expect(inScope([jlYanbian, jlYanji], [YANBIAN, JL])).toBe(false);
  });

  it('matches a prefecture side by the prefecture and its counties', () => {
    expect(inScope([zj, jlYanji], zjToYanbian)).toBe(true);
    expect(inScope([jlYanbian, zj], zjToYanbian)).toBe(true);
    expect(inScope([zj, jlChangchun], zjToYanbian)).toBe(false);
    expect(inScope([zj, jlNoArea], zjToYanbian)).toBe(false);
    // The right area in the wrong province does not count.
    expect(inScope([zj, party('o-x', 'CN-LN', '222401')], zjToYanbian)).toBe(false);
  });

  it('takes everything on the overall dashboard', () => {
    expect(inScope([jlChangchun, jlYanji], null)).toBe(true);
    expect(inScope([], null)).toBe(true);
  });
});

describe('inPeriod', () => {
  it('includes both ends and leaves open ends open', () => {
    const closed = { from: '2018-01-01', to: '2018-12-31' };
    expect(inPeriod('2018-01-01', closed)).toBe(true);
    expect(inPeriod('2018-12-31', closed)).toBe(true);
    expect(inPeriod('2018-06-15', closed)).toBe(true);
    expect(inPeriod('2017-12-31', closed)).toBe(false);
    expect(inPeriod('2019-01-01', closed)).toBe(false);
    expect(inPeriod('1990-01-01', { from: null, to: '2018-12-31' })).toBe(true);
    expect(inPeriod('2019-01-01', { from: null, to: '2018-12-31' })).toBe(false);
    expect(inPeriod('2099-01-01', { from: '2018-01-01', to: null })).toBe(true);
    expect(inPeriod('2017-12-31', { from: '2018-01-01', to: null })).toBe(false);
    expect(inPeriod('2018-05-05', { from: null, to: null })).toBe(true);
  });
});

describe('monthsBetween', () => {
  it('lists every month, across a year end', () => {
    expect(monthsBetween('2017-11-15', '2018-02-01')).toEqual(['2017-11', '2017-12', '2018-01', '2018-02']);
  });

  it('gives one month within a month, none when from is later', () => {
    expect(monthsBetween('2018-03-01', '2018-03-31')).toEqual(['2018-03']);
    expect(monthsBetween('2018-03-20', '2018-03-02')).toEqual(['2018-03']);
    expect(monthsBetween('2018-04-01', '2018-03-31')).toEqual([]);
  });
});

describe('figures', () => {
  const both = [jlYanji, zj];
  const interest = (
    sentOn: string,
    status: InterestFact['status'],
    declineReason: InterestFact['declineReason'] = null,
  ): InterestFact => ({ sentOn, status, declineReason, parties: both });
  const agreement = (
    type: AgreementFact['type'],
    signedOn: string,
    valueCny: number | null,
    confirmed: boolean,
  ): AgreementFact => ({ type, signedOn, valueCny, confirmed, parties: both });
  const project = (p: Omit<ProjectFact, 'parties'>): ProjectFact => ({ ...p, parties: both });

  const facts: Facts = {
    interests: [
      interest('2018-01-05', 'open'),
      interest('2018-01-20', 'accepted'),
      interest('2018-02-10', 'declined', 'price_terms'),
      interest('2018-02-11', 'declined', null),
      interest('2018-02-12', 'declined', 'price_terms'),
      // A reason on an interest that was not declined counts for nothing.
      interest('2018-03-01', 'withdrawn', 'capacity'),
    ],
    agreements: [
      agreement('trade', '2018-01-10', 100, true),
      agreement('investment', '2018-02-15', 500, true),
      agreement('investment', '2018-02-20', null, true),
      agreement('trade', '2018-03-05', 50, true),
      agreement('framework', '2017-12-01', 1000, false),
      agreement('rnd', '2018-03-06', 30, true),
    ],
    projects: [
      project({
        stage: 'signed',
        category: 'industry',
        sector: 'machinery',
        regionCode: 'CN-ZJ',
        areaCode: null,
        signedOn: '2018-03-10',
        contractedInvestmentCny: 700,
        actualInvestmentCny: 0,
        jobsCreated: 0,
      }),
      project({
        stage: 'started',
        category: 'tourism',
        sector: null,
        regionCode: 'CN-JL',
        areaCode: '222400',
        signedOn: '2018-02-01',
        contractedInvestmentCny: null,
        actualInvestmentCny: 50,
        jobsCreated: 5,
      }),
      project({
        stage: 'signed',
        category: 'agriculture',
        sector: 'food',
        regionCode: 'CN-JL',
        areaCode: '222401',
        signedOn: '2018-01-15',
        contractedInvestmentCny: 1000,
        actualInvestmentCny: 200,
        jobsCreated: 10,
      }),
      project({
        stage: 'in_production',
        category: 'agriculture',
        sector: 'food',
        regionCode: 'CN-JL',
        areaCode: '220100',
        signedOn: '2018-02-28',
        contractedInvestmentCny: 300,
        actualInvestmentCny: 300,
        jobsCreated: 20,
      }),
      project({
        stage: 'cancelled',
        category: 'tourism',
        sector: null,
        regionCode: 'CN-JL',
        areaCode: '222402',
        signedOn: '2018-03-15',
        contractedInvestmentCny: 100,
        actualInvestmentCny: 0,
        jobsCreated: 1,
      }),
    ],
  };
  const open = { from: null, to: null };
  const today = '2018-03-20';

  it('counts interests by status and declined ones by reason (no reason: other)', () => {
    const f = figures(facts, open, today);
    expect(f.interests).toEqual({
      sent: 6,
      byStatus: { open: 1, accepted: 1, declined: 3, expired: 0, withdrawn: 1 },
      declinedByReason: { not_relevant: 0, too_early: 0, price_terms: 2, capacity: 0, other: 1 },
    });
  });

  it('counts and adds up only confirmed agreements, by type largest first', () => {
    const f = figures(facts, open, today);
    expect(f.agreements).toEqual({
      confirmed: 5,
      awaitingConfirmation: 1,
      value: 680,
      byType: [
        { type: 'investment', count: 2, value: 500 },
        { type: 'trade', count: 2, value: 150 },
        { type: 'rnd', count: 1, value: 30 },
      ],
    });
  });

  it('counts projects by stage and adds their money and jobs', () => {
    const f = figures(facts, open, today);
    expect(f.projects).toEqual({
      total: 5,
      byStage: { signed: 2, landed: 0, started: 1, in_production: 1, stalled: 0, cancelled: 1 },
      contracted: 2100,
      actual: 550,
      jobs: 36,
    });
  });

  it('breaks projects down by category, sector and city, largest first then by key', () => {
    const f = figures(facts, open, today);
    expect(f.byCategory).toEqual([
      { key: 'agriculture', projects: 2, contracted: 1300, actual: 500, jobs: 30 },
      { key: 'tourism', projects: 2, contracted: 100, actual: 50, jobs: 6 },
      { key: 'industry', projects: 1, contracted: 700, actual: 0, jobs: 0 },
    ]);
    expect(f.bySector).toEqual([
      { key: '', projects: 2, contracted: 100, actual: 50, jobs: 6 },
      { key: 'food', projects: 2, contracted: 1300, actual: 500, jobs: 30 },
      { key: 'machinery', projects: 1, contracted: 700, actual: 0, jobs: 0 },
    ]);
    // Yanji (222401), Yanbian itself and another Yanbian county (222402) make one city.
    expect(f.byArea).toEqual([
      { key: '222400', projects: 3, contracted: 1100, actual: 250, jobs: 16 },
      { key: '220100', projects: 1, contracted: 300, actual: 300, jobs: 20 },
      { key: 'CN-ZJ', projects: 1, contracted: 700, actual: 0, jobs: 0 },
    ]);
  });

  it('runs the months from the first counted record to today when the period is open', () => {
    const f = figures(facts, open, today);
    // The unconfirmed agreement of 2017-12 does not open the trend.
    expect(f.byMonth).toEqual([
      { month: '2018-01', interests: 2, agreements: 1, value: 100, projects: 1 },
      { month: '2018-02', interests: 3, agreements: 2, value: 500, projects: 2 },
      { month: '2018-03', interests: 1, agreements: 2, value: 80, projects: 2 },
    ]);
  });

  it('runs the months from the period start, empty months included', () => {
    const f = figures(facts, { from: '2017-11-15', to: null }, today);
    expect(f.byMonth.map((m) => m.month)).toEqual(['2017-11', '2017-12', '2018-01', '2018-02', '2018-03']);
    expect(f.byMonth[0]).toEqual({ month: '2017-11', interests: 0, agreements: 0, value: 0, projects: 0 });
    expect(f.byMonth[1]).toEqual({ month: '2017-12', interests: 0, agreements: 0, value: 0, projects: 0 });
  });

  it('ends the months at the period end, or today when that is earlier', () => {
    expect(figures(facts, { from: null, to: '2018-02-10' }, today).byMonth).toEqual([
      { month: '2018-01', interests: 2, agreements: 1, value: 100, projects: 1 },
      { month: '2018-02', interests: 3, agreements: 2, value: 500, projects: 2 },
    ]);
    expect(
      figures(facts, { from: '2018-02-01', to: '2019-06-30' }, today).byMonth.map((m) => m.month),
    ).toEqual(['2018-02', '2018-03']);
    expect(figures(facts, open, '2018-02-15').byMonth.map((m) => m.month)).toEqual(['2018-01', '2018-02']);
  });

  it('gives zeros and no months without records or period, empty months within a period', () => {
    const none: Facts = { interests: [], agreements: [], projects: [] };
    const f = figures(none, open, today);
    expect(f.byMonth).toEqual([]);
    expect(f.interests.sent).toBe(0);
    expect(f.agreements).toEqual({ confirmed: 0, awaitingConfirmation: 0, value: 0, byType: [] });
    expect(f.projects.contracted).toBe(0);
    expect(f.byArea).toEqual([]);
    expect(figures(none, { from: '2018-01-01', to: null }, '2018-02-05').byMonth).toEqual([
      { month: '2018-01', interests: 0, agreements: 0, value: 0, projects: 0 },
      { month: '2018-02', interests: 0, agreements: 0, value: 0, projects: 0 },
    ]);
  });
});

describe('select', () => {
  const i = (sentOn: string, parties: Party[]): InterestFact => ({
    sentOn,
    status: 'open',
    declineReason: null,
    parties,
  });
  const a = (signedOn: string, parties: Party[]): AgreementFact => ({
    type: 'trade',
    signedOn,
    valueCny: 1,
    confirmed: true,
    parties,
  });
  const p = (signedOn: string, parties: Party[]): ProjectFact & { title: string } => ({
    title: `project of ${signedOn}`,
    stage: 'signed',
    category: 'industry',
    sector: null,
    regionCode: 'CN-JL',
    areaCode: null,
    signedOn,
    contractedInvestmentCny: null,
    actualInvestmentCny: 0,
    jobsCreated: 0,
    parties,
  });

  it('keeps the records of the pairing dated in the period', () => {
    const keptInterest = i('2018-02-10', [jlChangchun, zj]);
    const firstDay = i('2018-02-01', [zj, jlOther]);
    const keptAgreement = a('2018-02-01', [zj, jlYanji]);
    const lastDay = a('2018-02-28', [jlNoArea, zj]);
    const keptProject = p('2018-02-28', [jlChangchun, zj]);
    const facts: Facts<ProjectFact & { title: string }> = {
      interests: [
        keptInterest,
        i('2018-01-31', [jlChangchun, zj]),
        i('2018-02-28', [jlChangchun, ln]),
        firstDay,
        i('2018-03-01', [jlChangchun, zj]),
      ],
      agreements: [keptAgreement, a('2018-03-01', [jlChangchun, zj]), lastDay, a('2018-02-15', [zj])],
      projects: [keptProject, p('2018-02-15', [ln, zj]), p('2018-01-01', [jlChangchun, zj])],
    };
    const got = select(facts, jlZj, { from: '2018-02-01', to: '2018-02-28' });
    expect(got.interests).toEqual([keptInterest, firstDay]);
    expect(got.agreements).toEqual([keptAgreement, lastDay]);
    expect(got.projects).toEqual([keptProject]);
    expect(got.projects[0]?.title).toBe('project of 2018-02-28');
  });

  it('keeps every record of the period on the overall dashboard', () => {
    const facts: Facts = {
      interests: [i('2018-02-10', [ln]), i('2017-02-10', [ln])],
      agreements: [a('2018-05-01', [])],
      projects: [p('2018-01-01', [jlChangchun])],
    };
    const got = select(facts, null, { from: '2018-01-01', to: null });
    expect(got.interests.map((x) => x.sentOn)).toEqual(['2018-02-10']);
    expect(got.agreements.map((x) => x.signedOn)).toEqual(['2018-05-01']);
    expect(got.projects.map((x) => x.signedOn)).toEqual(['2018-01-01']);
  });
});

describe('pairingWithin', () => {
  const zjYb = [ZJ, YANBIAN] as const;
  it('finds Zhejiang → Yanbian inside Jilin–Zhejiang, either order', () => {
    expect(pairingWithin(zjYb, [JL, ZJ])).toBe(true);
    expect(pairingWithin(zjYb, [ZJ, JL])).toBe(true);
    expect(pairingWithin([YANBIAN, ZJ], [JL, ZJ])).toBe(true);
    expect(pairingWithin(zjYb, zjYb)).toBe(true);
  });

  it('does not find it elsewhere, nor the province pairing inside the prefecture one', () => {
    expect(pairingWithin(zjYb, [LN, JS])).toBe(false);
    expect(pairingWithin(zjYb, [JL, LN])).toBe(false);
    expect(pairingWithin([JL, ZJ], zjYb)).toBe(false);
    expect(pairingWithin(zjYb, [ZJ, { region: 'CN-JL', area: '220100' }])).toBe(false);
  });
});
