import { dateOfDay, dayNumber, period, periodContaining, type PeriodKind } from './periods.ts';

/*
 * The status of a programme indicator, from its schedule and its confirmed progress reports.
 *
 * Every indicator is "more is better" (funds, projects, jobs, people trained, officials exchanged,
 * consumption-assistance sales): none counts down, so there is no reversed rule.
 *
 * Reports carry per-period values (what was added in that month or quarter), never running totals: each
 * report then stands alone, so confirming, correcting or rejecting one never rewrites another, and the
 * cumulative value is simply baseline + the sum of the confirmed per-period values.
 *
 * The schedule is measured at the end of the latest reporting period that has ended before `asOf`, not at
 * `asOf` itself: reports arrive per period, so measuring a linear schedule on the day would make every
 * quarterly reporter look up to three months behind between reports.
 */

/** How close to schedule counts as on track or at risk (progress above baseline, actual ÷ expected). */
export const THRESHOLDS = { onTrack: 0.95, atRisk: 0.8 } as const;

export const STATUSES = ['not_started', 'on_track', 'at_risk', 'behind', 'achieved'] as const;
export type Status = (typeof STATUSES)[number];

/** Which rule decided a status, so a page can say why. */
export const RULE = {
  beforeStart: 'before_start',
  targetReached: 'target_reached',
  pastDeadline: 'past_deadline',
  nothingDueYet: 'nothing_due_yet',
  ratioOnTrack: 'ratio_on_track',
  ratioAtRisk: 'ratio_at_risk',
  ratioBehind: 'ratio_behind',
} as const;
export type RuleCode = (typeof RULE)[keyof typeof RULE];

/** A cumulative value (baseline included) the schedule asks for by the end of a period. */
export interface PeriodTarget {
  period: string;
  target: number;
}

/** The fields of an indicator that its status depends on. */
export interface IndicatorSchedule {
  baseline: number;
  target: number;
  /** First day of the schedule, 'YYYY-MM-DD'. */
  start: string;
  /** Last day by which the target is due, inclusive. */
  deadline: string;
  /** How often progress is reported: the schedule is measured at the ends of these periods. */
  periodKind: PeriodKind;
  /** Optional milestones; between them (and from start, to deadline) the schedule is linear. */
  periodTargets?: readonly PeriodTarget[] | undefined;
}

export interface ProgressReport {
  period: string;
  /** What was added in this period (not a running total). */
  value: number;
  /** Only confirmed reports count. */
  confirmed: boolean;
}

export interface IndicatorStatus {
  status: Status;
  /** The cumulative value the schedule asks for at `measuredAt` (baseline when nothing is due yet). */
  expected: number;
  /** Baseline + confirmed per-period values of the periods ended before `asOf`. */
  actual: number;
  /** Progress above baseline: (actual − baseline) ÷ (expected − baseline); 1 when nothing is due yet. */
  ratio: number;
  rule: RuleCode;
  /** The last day of the latest reporting period ended before `asOf` (capped at the deadline); null before any. */
  measuredAt: string | null;
}

function finite(value: number, field: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`${field} is not a finite number: ${value}`);
  return value;
}

/**
 * The cumulative value the schedule asks for by the end of `date`: a line from the baseline at the start
 * of the first day through each per-period target at the end of its period to the target at the end of the
 * deadline. Before the start it is the baseline; after the deadline the target.
 */
export function expectedAt(indicator: IndicatorSchedule, date: string): number {
  const startDay = dayNumber(indicator.start);
  const endDay = dayNumber(indicator.deadline) + 1;
  if (endDay <= startDay) throw new RangeError('deadline is before start');
  const points: [number, number][] = [[startDay, finite(indicator.baseline, 'baseline')]];
  const milestones = (indicator.periodTargets ?? [])
    .map((t): [number, number] => [dayNumber(period(t.period).end) + 1, finite(t.target, 'periodTargets')])
    .filter(([x]) => x > startDay && x < endDay)
    .sort((a, b) => a[0] - b[0]);
  points.push(...milestones, [endDay, finite(indicator.target, 'target')]);

  const x = dayNumber(date) + 1;
  if (x <= startDay) return indicator.baseline;
  for (let i = 1; i < points.length; i += 1) {
    const [x0, y0] = points[i - 1] as [number, number];
    const [x1, y1] = points[i] as [number, number];
    // Two milestones ending on one day (rejected upstream as overlapping periods) would divide by zero.
    if (x1 <= x0) continue;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return indicator.target;
}

/** The last day of the latest period of `kind` that ended before `asOf`. */
function lastEndedPeriodEnd(asOf: string, kind: PeriodKind): string {
  return dateOfDay(dayNumber(periodContaining(asOf, kind).start) - 1);
}

/**
 * The status of one indicator as of the start of day `asOf` ('YYYY-MM-DD'), by these rules in order:
 * before the start → not_started; actual ≥ target → achieved; past the deadline → behind; nothing due
 * yet → on_track; else by the progress ratio against THRESHOLDS (≥ 0.95 on_track, ≥ 0.8 at_risk, behind).
 * Unconfirmed reports and reports of periods not yet ended are ignored.
 */
export function indicatorStatus(
  indicator: IndicatorSchedule,
  reports: readonly ProgressReport[],
  asOf: string,
): IndicatorStatus {
  const today = dayNumber(asOf);
  if (dayNumber(indicator.deadline) < dayNumber(indicator.start))
    throw new RangeError('deadline is before start');
  const baseline = finite(indicator.baseline, 'baseline');
  let actual = baseline;
  for (const r of reports) {
    if (r.confirmed && dayNumber(period(r.period).end) < today) actual += finite(r.value, 'value');
  }

  let measuredAt: string | null = lastEndedPeriodEnd(asOf, indicator.periodKind);
  if (measuredAt > indicator.deadline) measuredAt = indicator.deadline;
  if (measuredAt < indicator.start) measuredAt = null;
  const expected = measuredAt === null ? baseline : expectedAt(indicator, measuredAt);
  const due = expected - baseline;
  const ratio = due > 0 ? (actual - baseline) / due : 1;
  const result = (status: Status, rule: RuleCode): IndicatorStatus => ({
    status,
    expected,
    actual,
    ratio,
    rule,
    measuredAt,
  });

  if (asOf < indicator.start) return result('not_started', RULE.beforeStart);
  if (actual >= indicator.target) return result('achieved', RULE.targetReached);
  if (asOf > indicator.deadline) return result('behind', RULE.pastDeadline);
  if (due <= 0) return result('on_track', RULE.nothingDueYet);
  if (ratio >= THRESHOLDS.onTrack) return result('on_track', RULE.ratioOnTrack);
  if (ratio >= THRESHOLDS.atRisk) return result('at_risk', RULE.ratioAtRisk);
  return result('behind', RULE.ratioBehind);
}

const SEVERITY: Record<Status, number> = { not_started: 0, achieved: 1, on_track: 1, at_risk: 2, behind: 3 };

/**
 * A programme's status from its indicators' statuses: the worst of them (behind > at_risk > on_track),
 * where achieved and not-yet-started indicators count as on track. Achieved when every indicator is;
 * not_started when none has started (or there are no indicators).
 */
export function programmeStatus(statuses: readonly Status[]): Status {
  if (statuses.every((s) => s === 'not_started')) return 'not_started';
  if (statuses.every((s) => s === 'achieved')) return 'achieved';
  const worst = Math.max(...statuses.map((s) => SEVERITY[s]));
  return worst >= 3 ? 'behind' : worst === 2 ? 'at_risk' : 'on_track';
}
