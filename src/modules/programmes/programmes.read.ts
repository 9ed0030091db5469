/**
 * Reading programmes: each indicator with its status as of a day (from the pure core), expected against
 * actual, and its per-period and cumulative values; the programme's status; the reports the viewer may
 * see. Also the small reads other modules use (visits link agreed areas to programmes; dashboards).
 */
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { chinaDate } from '../matching/core/score.ts';
import { dateOfDay, dayNumber, period, periodContaining } from './core/periods.ts';
import {
  expectedAt,
  indicatorStatus,
  programmeStatus,
  type IndicatorSchedule,
  type IndicatorStatus,
  type Status,
} from './core/status.ts';
import { canConfirmReport, canPlanProgramme, canSeeReport, canSubmitReport } from './policy.ts';
import * as repo from './programmes.repo.ts';
import type { IndicatorRow, ProgrammeRow, ReportRow } from './programmes.repo.ts';

export type { IndicatorRow, ProgrammeRow, ReportRow };

export const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** One period of an indicator's schedule, with what was reported for it. */
export interface PeriodLine {
  period: string;
  /** The cumulative value the schedule asks for by the period's end. */
  expected: number;
  /** The milestone set for this period, if any. */
  periodTarget: number | null;
  /** The value reported for the period (in a report the viewer may see), and that report's state. */
  value: number | null;
  reportStatus: ReportRow['status'] | null;
  /** Baseline + confirmed values up to this period; null for periods not yet ended. */
  cumulative: number | null;
}

export interface IndicatorView {
  indicator: IndicatorRow;
  periodTargets: { period: string; target: number }[];
  status: IndicatorStatus;
  periods: PeriodLine[];
}

export interface ReportView {
  report: ReportRow;
  /** Per-period values by indicator id. */
  values: Map<string, number>;
  canConfirm: boolean;
}

export interface ProgrammeView {
  programme: ProgrammeRow;
  /** The day statuses are computed for (the start of it, China date). */
  asOf: string;
  today: string;
  status: Status;
  indicators: IndicatorView[];
  reports: ReportView[];
  can: { plan: boolean; submit: boolean; confirm: boolean };
}

/** Every period of `kind` from the one holding `start` to the one holding `deadline`. */
export function periodsBetween(start: string, deadline: string, kind: 'month' | 'quarter'): string[] {
  const out: string[] = [];
  for (let p = periodContaining(start, kind); p.start <= deadline;) {
    out.push(p.id);
    p = periodContaining(dateOfDay(dayNumber(p.end) + 1), kind);
  }
  return out;
}

export function scheduleOf(
  i: IndicatorRow,
  targets: { period: string; target: number }[],
): IndicatorSchedule {
  return {
    baseline: i.baseline,
    target: i.target,
    start: i.startOn,
    deadline: i.deadline,
    periodKind: i.periodKind,
    periodTargets: targets,
  };
}

interface Loaded {
  programme: ProgrammeRow;
  indicators: IndicatorRow[];
  targets: Map<string, { period: string; target: number }[]>;
  reports: ReportRow[];
  values: Map<string, Map<string, number>>;
}

/** The programmes' indicators, targets, reports and values, by programme. */
async function load(db: DbOrTx, rows: readonly ProgrammeRow[]): Promise<Loaded[]> {
  const ids = rows.map((r) => r.id);
  const [indicators, reports] = await Promise.all([repo.indicatorsOf(db, ids), repo.reportsOf(db, ids)]);
  const [targets, values] = await Promise.all([
    repo.periodTargetsOf(
      db,
      indicators.map((i) => i.id),
    ),
    repo.valuesOf(
      db,
      reports.map((r) => r.id),
    ),
  ]);
  const targetsBy = new Map<string, { period: string; target: number }[]>();
  for (const t of targets) {
    const list = targetsBy.get(t.indicatorId) ?? [];
    list.push({ period: t.period, target: t.target });
    targetsBy.set(t.indicatorId, list);
  }
  const valuesBy = new Map<string, Map<string, number>>();
  for (const v of values) {
    const m = valuesBy.get(v.reportId) ?? new Map<string, number>();
    m.set(v.indicatorId, v.value);
    valuesBy.set(v.reportId, m);
  }
  return rows.map((programme) => ({
    programme,
    indicators: indicators.filter((i) => i.programmeId === programme.id),
    targets: targetsBy,
    reports: reports.filter((r) => r.programmeId === programme.id),
    values: valuesBy,
  }));
}

/**
 * The indicators' statuses and period tables as of `asOf`; `visible` says which reports' values the
 * viewer may see (statuses count confirmed reports only, which everyone may see).
 */
function evaluate(l: Loaded, asOf: string, visible: (r: ReportRow) => boolean): IndicatorView[] {
  return l.indicators.map((indicator) => {
    const periodTargets = l.targets.get(indicator.id) ?? [];
    const schedule = scheduleOf(indicator, periodTargets);
    const reported = l.reports.flatMap((r) => {
      const value = l.values.get(r.id)?.get(indicator.id);
      return value === undefined ? [] : [{ report: r, value }];
    });
    const status = indicatorStatus(
      schedule,
      reported.map((x) => ({
        period: x.report.period,
        value: x.value,
        confirmed: x.report.status === 'confirmed',
      })),
      asOf,
    );
    let cumulative = indicator.baseline;
    const periods = periodsBetween(indicator.startOn, indicator.deadline, indicator.periodKind).map(
      (id): PeriodLine => {
        const p = period(id);
        const mine = reported.find((x) => x.report.period === id && visible(x.report));
        // Like the status, the running total counts confirmed values of periods ended before `asOf`.
        const ended = p.end < asOf;
        if (ended && mine?.report.status === 'confirmed') cumulative += mine.value;
        return {
          period: id,
          expected: expectedAt(schedule, p.end < indicator.deadline ? p.end : indicator.deadline),
          periodTarget: periodTargets.find((t) => t.period === id)?.target ?? null,
          value: mine?.value ?? null,
          reportStatus: mine?.report.status ?? null,
          cumulative: ended ? cumulative : null,
        };
      },
    );
    return { indicator, periodTargets, status, periods };
  });
}

/** The China date of now, the default day statuses are computed for. */
export function todayOf(deps: Pick<Deps, 'now'>): string {
  return chinaDate(deps.now());
}

/**
 * A programme as the viewer sees it, statuses as of `asOf` (default today, China date): public, but
 * reports not yet confirmed only for both sides' coordinators (drafts for the giving side). 404 when
 * there is no such programme. `everything` shows every report (the operator's CLI).
 */
export async function getProgramme(
  deps: Pick<Deps, 'db' | 'now'>,
  ctx: UseCaseContext,
  id: string,
  opts: { asOf?: string | undefined; everything?: boolean } = {},
): Promise<ProgrammeView> {
  const programme = isUuid(id) ? await repo.findProgramme(deps.db, id) : undefined;
  if (!programme) throw new AppError('not_found');
  const today = todayOf(deps);
  const asOf = opts.asOf ?? today;
  const [l] = await load(deps.db, [programme]);
  const visible = (r: ReportRow) => opts.everything === true || canSeeReport(ctx.viewer, programme, r.status);
  const indicators = evaluate(l!, asOf, visible);
  const confirm = canConfirmReport(ctx.viewer, programme);
  return {
    programme,
    asOf,
    today,
    status: programmeStatus(indicators.map((i) => i.status.status)),
    indicators,
    reports: l!.reports.filter(visible).map((report) => ({
      report,
      values: l!.values.get(report.id) ?? new Map<string, number>(),
      canConfirm: confirm && report.status === 'submitted',
    })),
    can: {
      plan: canPlanProgramme(ctx.viewer, programme),
      submit: canSubmitReport(ctx.viewer, programme) && indicators.length > 0,
      confirm,
    },
  };
}

export interface ProgrammeItem {
  programme: ProgrammeRow;
  status: Status;
  indicators: number;
  confirmedReports: number;
}

/** Every programme (they are public), newest first, with its status as of today; optionally of one pairing. */
export async function listProgrammes(
  deps: Pick<Deps, 'db' | 'now'>,
  _ctx: UseCaseContext,
  filter: { pairingId?: number | undefined } = {},
): Promise<ProgrammeItem[]> {
  const rows = await repo.listProgrammes(deps.db, filter);
  const asOf = todayOf(deps);
  return (await load(deps.db, rows)).map((l) => {
    const indicators = evaluate(l, asOf, (r) => r.status === 'confirmed');
    return {
      programme: l.programme,
      status: programmeStatus(indicators.map((i) => i.status.status)),
      indicators: indicators.length,
      confirmedReports: l.reports.filter((r) => r.status === 'confirmed').length,
    };
  });
}

export interface ProgrammeSummary {
  id: string;
  titleEn: string;
  titleZh: string;
  status: Status;
  pairingId: number;
}

/**
 * What other modules may know of a programme (visits link agreed areas to one): its titles, pairing and
 * status as of `asOf` (default: today, China date). Undefined when there is none. Programmes are public.
 */
export async function programmeSummary(
  db: DbOrTx,
  id: string,
  asOf: string = chinaDate(new Date()),
): Promise<ProgrammeSummary | undefined> {
  const programme = isUuid(id) ? await repo.findProgramme(db, id) : undefined;
  if (!programme) return undefined;
  const [l] = await load(db, [programme]);
  const indicators = evaluate(l!, asOf, (r) => r.status === 'confirmed');
  return {
    id: programme.id,
    titleEn: programme.titleEn,
    titleZh: programme.titleZh,
    status: programmeStatus(indicators.map((i) => i.status.status)),
    pairingId: programme.pairingId,
  };
}

export interface PairingIndicator {
  programmeId: string;
  indicatorId: string;
  kind: IndicatorRow['kind'];
  nameEn: string | null;
  nameZh: string | null;
  unit: string;
  baseline: number;
  target: number;
  deadline: string;
  expected: number;
  actual: number;
  status: Status;
}

/**
 * For the dashboards: every indicator of the pairing's programmes (of every programme when `pairingId`
 * is null) against its target as of `asOf`, from confirmed reports only (what the public may see), with
 * each programme's summary.
 */
export async function programmeIndicatorsForPairing(
  deps: Pick<Deps, 'db'>,
  pairingId: number | null,
  asOf: string,
): Promise<{ programmes: ProgrammeSummary[]; indicators: PairingIndicator[] }> {
  const rows = await repo.listProgrammes(deps.db, pairingId === null ? {} : { pairingId });
  const programmes: ProgrammeSummary[] = [];
  const indicators: PairingIndicator[] = [];
  for (const l of await load(deps.db, rows)) {
    const views = evaluate(l, asOf, (r) => r.status === 'confirmed');
    const p = l.programme;
    programmes.push({
      id: p.id,
      titleEn: p.titleEn,
      titleZh: p.titleZh,
      status: programmeStatus(views.map((v) => v.status.status)),
      pairingId: p.pairingId,
    });
    for (const v of views) {
      const i = v.indicator;
      indicators.push({
        programmeId: p.id,
        indicatorId: i.id,
        kind: i.kind,
        nameEn: i.nameEn,
        nameZh: i.nameZh,
        unit: i.unit,
        baseline: i.baseline,
        target: i.target,
        deadline: i.deadline,
        expected: v.status.expected,
        actual: v.status.actual,
        status: v.status.status,
      });
    }
  }
  return { programmes, indicators };
}

/** The id of a pairing's programme with this English title, if any (the demo loads its programme once). */
export function programmeIdTitled(db: DbOrTx, pairingId: number, titleEn: string) {
  return repo.findProgrammeTitled(db, pairingId, titleEn);
}
