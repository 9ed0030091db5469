import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber, periodContaining, type PeriodKind } from './periods.ts';
import {
  expectedAt,
  indicatorStatus,
  programmeStatus,
  RULE,
  THRESHOLDS,
  type IndicatorSchedule,
  type ProgressReport,
  type Status,
} from './status.ts';

// Zhejiang → Yanbian: 300 million yuan of assistance funds over 2018–2020, reported quarterly.
const funds: IndicatorSchedule = {
  baseline: 0,
  target: 300_000_000,
  start: '2018-01-01',
  deadline: '2020-12-31',
  periodKind: 'quarter',
};
const DAYS = 1096; // 2018-01-01 … 2020-12-31, 2020 being a leap year
const yearly = {
  ...funds,
  periodTargets: [
    { period: '2018-Q4', target: 100_000_000 },
    { period: '2019-Q4', target: 200_000_000 },
  ],
};

const confirmed = (period: string, value: number): ProgressReport => ({ period, value, confirmed: true });
const quarters2018 = (each: number) =>
  ['2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4'].map((q) => confirmed(q, each));

describe('indicatorStatus on a linear schedule', () => {
  it('measures at the end of the last quarter ended: 365 of 1096 days by 2018-12-31', () => {
    const s = indicatorStatus(funds, quarters2018(24_000_000), '2019-01-15');
    expect(s.measuredAt).toBe('2018-12-31');
    expect(s.expected).toBeCloseTo((300_000_000 * 365) / DAYS, 3);
    expect(s.expected).toBeCloseTo(99_908_759.12, 1);
    expect(s.actual).toBe(96_000_000);
  });

  it('is on track at 96 million of 99.9 expected', () => {
    const s = indicatorStatus(funds, quarters2018(24_000_000), '2019-01-15');
    expect(s).toMatchObject({ status: 'on_track', rule: RULE.ratioOnTrack });
    expect(s.ratio).toBeCloseTo(0.9609, 4);
  });

  it('is at risk at 86 million', () => {
    const s = indicatorStatus(funds, quarters2018(21_500_000), '2019-01-15');
    expect(s).toMatchObject({ status: 'at_risk', rule: RULE.ratioAtRisk });
    expect(s.ratio).toBeCloseTo(0.8608, 4);
  });

  it('is behind at 70 million', () => {
    const s = indicatorStatus(funds, quarters2018(17_500_000), '2019-01-15');
    expect(s).toMatchObject({ status: 'behind', rule: RULE.ratioBehind });
    expect(s.ratio).toBeCloseTo(0.7006, 4);
  });

  it('does not count the quarter still running against a quarterly reporter', () => {
    // On 2018-12-30 Q4 has not ended: the schedule is read at 2018-09-30 (273 days), not on the day.
    const s = indicatorStatus(funds, quarters2018(25_000_000).slice(0, 3), '2018-12-30');
    expect(s.measuredAt).toBe('2018-09-30');
    expect(s.expected).toBeCloseTo((300_000_000 * 273) / DAYS, 3);
    expect(s.status).toBe('on_track');
  });

  it('reads monthly indicators at month ends', () => {
    const s = indicatorStatus({ ...funds, periodKind: 'month' }, [], '2018-03-15');
    expect(s.measuredAt).toBe('2018-02-28');
    expect(s.expected).toBeCloseTo((300_000_000 * 59) / DAYS, 3);
    expect(s.status).toBe('behind');
  });

  it('judges progress above the baseline, not the baseline itself', () => {
    // 10,000 jobs at the start, 12,000 due: without any new job the ratio is 0, though 10,000 / 11,000 is 0.9.
    const jobs = { ...funds, baseline: 10_000, target: 12_000 };
    const s = indicatorStatus(jobs, [], '2019-07-01');
    expect(s.expected).toBeCloseTo(10_000 + (2_000 * 546) / DAYS, 6);
    expect(s).toMatchObject({ actual: 10_000, ratio: 0, status: 'behind' });
  });
});

describe('indicatorStatus with per-period targets', () => {
  it('asks exactly for the milestone at its period end', () => {
    expect(indicatorStatus(yearly, [], '2019-01-02').expected).toBe(100_000_000);
  });

  it('draws a line between milestones: 90 of 365 days into 2019', () => {
    const s = indicatorStatus(yearly, [], '2019-05-10');
    expect(s.measuredAt).toBe('2019-03-31');
    expect(s.expected).toBeCloseTo(100_000_000 + (100_000_000 * 90) / 365, 3);
  });

  it('puts the thresholds exactly at 0.95 and 0.8', () => {
    const at = (actual: number) => indicatorStatus(yearly, [confirmed('2018-Q4', actual)], '2019-01-02');
    expect(at(95_000_000)).toMatchObject({ status: 'on_track', ratio: THRESHOLDS.onTrack });
    expect(at(94_999_999).status).toBe('at_risk');
    expect(at(80_000_000)).toMatchObject({ status: 'at_risk', ratio: THRESHOLDS.atRisk });
    expect(at(79_999_999).status).toBe('behind');
  });

  it('agrees with the linear schedule when the milestones lie on the line', () => {
    const onLine = {
      ...funds,
      periodTargets: ['2018-Q2', '2019-Q3'].map((p) => ({
        period: p,
        target: expectedAt(funds, p === '2018-Q2' ? '2018-06-30' : '2019-09-30'),
      })),
    };
    for (const day of ['2018-04-01', '2018-10-10', '2019-06-30', '2020-02-01']) {
      expect(indicatorStatus(onLine, [], day).expected).toBeCloseTo(
        indicatorStatus(funds, [], day).expected,
        3,
      );
    }
  });
});

describe('indicatorStatus at the edges of the schedule', () => {
  it('is not started before the start day, and on track with nothing due on it', () => {
    expect(indicatorStatus(funds, [], '2017-12-31')).toEqual({
      status: 'not_started',
      expected: 0,
      actual: 0,
      ratio: 1,
      rule: RULE.beforeStart,
      measuredAt: null,
    });
    expect(indicatorStatus(funds, [], '2018-01-01')).toMatchObject({
      status: 'on_track',
      rule: RULE.nothingDueYet,
    });
  });

  it('is achieved once the confirmed values reach the target, even early', () => {
    const reports = [confirmed('2018-Q4', 150_000_000), confirmed('2019-Q2', 150_000_000)];
    expect(indicatorStatus(funds, reports, '2019-07-01')).toMatchObject({
      status: 'achieved',
      rule: RULE.targetReached,
      actual: 300_000_000,
    });
    expect(indicatorStatus(funds, reports, '2022-01-01').status).toBe('achieved');
  });

  it('is behind past the deadline when short of the target, however close', () => {
    const reports = [confirmed('2020-Q4', 299_000_000)];
    expect(indicatorStatus(funds, reports, '2021-01-01')).toMatchObject({
      status: 'behind',
      rule: RULE.pastDeadline,
      expected: 300_000_000,
      measuredAt: '2020-12-31',
    });
    // On the deadline day itself Q4 is still running: not yet past.
    expect(indicatorStatus(funds, reports, '2020-12-31').rule).not.toBe(RULE.pastDeadline);
  });

  it('ignores unconfirmed reports and reports of periods not yet ended', () => {
    const reports = [
      ...quarters2018(24_000_000),
      { period: '2018-Q4', value: 50_000_000, confirmed: false },
      confirmed('2019-Q1', 30_000_000),
    ];
    expect(indicatorStatus(funds, reports, '2019-03-31').actual).toBe(96_000_000);
    expect(indicatorStatus(funds, reports, '2019-04-01').actual).toBe(126_000_000);
  });

  it('refuses impossible dates, periods and values with a message naming them', () => {
    expect(() => indicatorStatus(funds, [], '2019-02-29')).toThrow(/2019-02-29/);
    expect(() => indicatorStatus(funds, [confirmed('2018-Q5', 1)], '2019-01-01')).toThrow(/2018-Q5/);
    expect(() => indicatorStatus(funds, [confirmed('2018-Q1', Number.NaN)], '2019-01-01')).toThrow(/value/);
    expect(() => indicatorStatus({ ...funds, deadline: '2017-01-01' }, [], '2019-01-01')).toThrow(/deadline/);
  });
});

describe('programmeStatus', () => {
  it('takes the worst indicator, counting achieved and not started as on track', () => {
    expect(programmeStatus(['on_track', 'achieved', 'at_risk'])).toBe('at_risk');
    expect(programmeStatus(['achieved', 'behind', 'at_risk'])).toBe('behind');
    expect(programmeStatus(['achieved', 'on_track'])).toBe('on_track');
    expect(programmeStatus(['not_started', 'achieved'])).toBe('on_track');
  });

  it('is achieved only when all are, and not started when none has started', () => {
    expect(programmeStatus(['achieved', 'achieved'])).toBe('achieved');
    expect(programmeStatus(['not_started'])).toBe('not_started');
    expect(programmeStatus([])).toBe('not_started');
  });
});

// Randomised checks with a fixed seed (fast-check is not among the project's dependencies): the same
// cases run every time, so a failure is reproducible.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function periodsOf(kind: PeriodKind, start: string, deadline: string): string[] {
  const out: string[] = [];
  for (let p = periodContaining(start, kind); p.start <= deadline;) {
    out.push(p.id);
    p = periodContaining(dateOfDay(dayNumber(p.end) + 1), kind);
  }
  return out;
}

function randomCase(rand: () => number) {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const startDay = dayNumber('2017-06-01') + int(0, 700);
  const start = dateOfDay(startDay);
  const deadline = dateOfDay(startDay + int(200, 1500));
  const kind: PeriodKind = rand() < 0.5 ? 'month' : 'quarter';
  const baseline = int(0, 1000);
  const target = baseline + int(1, 1_000_000);
  const periods = periodsOf(kind, start, deadline);
  let level = baseline;
  const periodTargets = periods
    .filter(() => rand() < 0.2)
    .map((period) => ({ period, target: (level = int(level, target)) }));
  const reports = periods
    .filter(() => rand() < 0.7)
    .map((period) => ({
      period,
      value: int(0, Math.ceil((target - baseline) / 4)),
      confirmed: rand() < 0.8,
    }));
  const asOf = dateOfDay(startDay + int(-60, dayNumber(deadline) - startDay + 120));
  const indicator: IndicatorSchedule = { baseline, target, start, deadline, periodKind: kind, periodTargets };
  return { indicator, reports, periods, asOf, int };
}

const rank: Record<Status, number> = { not_started: -1, behind: 0, at_risk: 1, on_track: 2, achieved: 3 };

describe('indicatorStatus properties (500 seeded cases each)', () => {
  it('never gets worse when a further value is confirmed', () => {
    const rand = rng(20170906);
    for (let i = 0; i < 500; i += 1) {
      const { indicator, reports, asOf, int } = randomCase(rand);
      const before = indicatorStatus(indicator, reports, asOf);
      const idx = int(0, reports.length - 1);
      const more = reports.map((r, j) =>
        j === idx ? { ...r, value: r.value + int(0, 200_000), confirmed: true } : r,
      );
      const after = indicatorStatus(indicator, more, asOf);
      expect(after.actual).toBeGreaterThanOrEqual(before.actual);
      expect(rank[after.status], JSON.stringify({ indicator, asOf })).toBeGreaterThanOrEqual(
        rank[before.status],
      );
    }
  });

  it('asks for more as time passes, between baseline and target', () => {
    const rand = rng(42);
    for (let i = 0; i < 500; i += 1) {
      const { indicator, asOf, int } = randomCase(rand);
      const later = dateOfDay(dayNumber(asOf) + int(0, 400));
      const a = indicatorStatus(indicator, [], asOf).expected;
      const b = indicatorStatus(indicator, [], later).expected;
      expect(b).toBeGreaterThanOrEqual(a - 1e-6);
      expect(a).toBeGreaterThanOrEqual(indicator.baseline - 1e-6);
      expect(b).toBeLessThanOrEqual(indicator.target + 1e-6);
    }
  });

  it('names the status its ratio calls for whenever a ratio rule decided', () => {
    const rand = rng(7);
    for (let i = 0; i < 500; i += 1) {
      const { indicator, reports, asOf } = randomCase(rand);
      const s = indicatorStatus(indicator, reports, asOf);
      const byRatio =
        s.ratio >= THRESHOLDS.onTrack ? 'on_track' : s.ratio >= THRESHOLDS.atRisk ? 'at_risk' : 'behind';
      if (s.rule.startsWith('ratio_')) expect(s.status).toBe(byRatio);
      if (asOf < indicator.start) expect(s.status).toBe('not_started');
      else if (s.actual >= indicator.target) expect(s.status).toBe('achieved');
      else if (asOf > indicator.deadline) expect(s.status).toBe('behind');
    }
  });
});
