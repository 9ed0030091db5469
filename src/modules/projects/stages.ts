/**
 * The stage rules of a cooperation project, pure: signed < landed < started < in production, with stalled
 * and cancelled aside. Dates are China dates (`YYYY-MM-DD`), which compare correctly as strings.
 */
import { PROJECT_STAGES } from './schema.ts';

export type Stage = (typeof PROJECT_STAGES)[number];

/** The programme's counted stages, in order. */
export const PROGRESS_STAGES = ['signed', 'landed', 'started', 'in_production'] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

export interface StageDates {
  signedOn: string;
  landedOn: string | null;
  startedOn: string | null;
  inProductionOn: string | null;
  stalledOn: string | null;
  cancelledOn: string | null;
}

export const DATE_FIELD: Record<Stage, keyof StageDates> = {
  signed: 'signedOn',
  landed: 'landedOn',
  started: 'startedOn',
  in_production: 'inProductionOn',
  stalled: 'stalledOn',
  cancelled: 'cancelledOn',
};

/** Just the stage dates of a record that has them (a project row). */
export function datesOf(p: StageDates): StageDates {
  return {
    signedOn: p.signedOn,
    landedOn: p.landedOn,
    startedOn: p.startedOn,
    inProductionOn: p.inProductionOn,
    stalledOn: p.stalledOn,
    cancelledOn: p.cancelledOn,
  };
}

export function isProgressStage(s: Stage): s is ProgressStage {
  return (PROGRESS_STAGES as readonly string[]).includes(s);
}

const rank = (s: ProgressStage) => PROGRESS_STAGES.indexOf(s);

/**
 * The counted stage a project stands at: its own stage, or for a stalled or cancelled project the furthest
 * stage it had reached (the furthest one with a date: later stages' dates are cleared on a step back).
 */
export function baseStage(stage: Stage, dates: StageDates): ProgressStage {
  if (isProgressStage(stage)) return stage;
  for (let i = PROGRESS_STAGES.length - 1; i > 0; i--) {
    const s = PROGRESS_STAGES[i]!;
    if (dates[DATE_FIELD[s]] !== null) return s;
  }
  return 'signed';
}

/**
 * The latest of the current stage dates. A step back or a resume clears later dates, so the bound for a new
 * change is the latest date in the stage history (`planStageChange`'s `previousOn`), never this alone.
 */
export function latestDate(dates: StageDates): string {
  const all = [dates.landedOn, dates.startedOn, dates.inProductionOn, dates.stalledOn, dates.cancelledOn];
  return all.reduce<string>((max, d) => (d !== null && d > max ? d : max), dates.signedOn);
}

export type StageProblem =
  | { field: 'stage'; code: 'final' | 'same' }
  | { field: 'reason'; code: 'reasonRequired' }
  | { field: 'on'; code: 'beforePrevious' | 'inFuture'; previous?: string };

export interface StageChange {
  from: Stage;
  to: Stage;
  on: string;
  reason: string | null;
  /** A step back (or a resume to an earlier stage than the one reached before stalling). */
  backward: boolean;
  /** Counted stages passed over by a forward move (their dates stay empty). */
  skipped: ProgressStage[];
  /** The project's stage dates after the change. */
  dates: StageDates;
}

/**
 * Plans moving a project from `current` to `to` on `on` (today is `today`, China date), or names the
 * problem: cancelled is final; stalled, cancelled and any step back need a reason; the date may be
 * neither before `previousOn` (the latest date in the project's stage history, which outlives the dates
 * a step back clears) nor after today.
 */
export function planStageChange(
  current: Stage,
  currentDates: StageDates,
  to: Stage,
  on: string,
  reason: string | null | undefined,
  today: string,
  previousOn: string,
): { ok: true; change: StageChange } | { ok: false; problem: StageProblem } {
  if (current === 'cancelled') return { ok: false, problem: { field: 'stage', code: 'final' } };
  if (to === current) return { ok: false, problem: { field: 'stage', code: 'same' } };
  const why = reason?.trim() ? reason.trim() : null;
  const from = baseStage(current, currentDates);
  const backward = isProgressStage(to) && rank(to) < rank(from);
  if ((backward || !isProgressStage(to)) && why === null) {
    return { ok: false, problem: { field: 'reason', code: 'reasonRequired' } };
  }
  const dated = latestDate(currentDates);
  const previous = previousOn > dated ? previousOn : dated;
  if (on < previous) return { ok: false, problem: { field: 'on', code: 'beforePrevious', previous } };
  if (on > today) return { ok: false, problem: { field: 'on', code: 'inFuture' } };

  const dates: StageDates = { ...currentDates };
  let skipped: ProgressStage[] = [];
  if (isProgressStage(to)) {
    // Leaving a stall: the project is no longer stalled (the history keeps when it was).
    dates.stalledOn = null;
    // Stages beyond the new one are no longer reached; their dates are cleared (the history keeps them).
    for (const s of PROGRESS_STAGES.slice(rank(to) + 1)) {
      if (s !== 'signed') dates[DATE_FIELD[s] as Exclude<keyof StageDates, 'signedOn'>] = null;
    }
    // A stage reached before (a step back, or resuming where it stalled) keeps the date it was first reached.
    if (dates[DATE_FIELD[to]] === null) dates[DATE_FIELD[to]] = on;
    // Skipped stages keep empty dates rather than borrowing this one: nobody recorded when they happened.
    skipped = PROGRESS_STAGES.slice(rank(from) + 1, rank(to));
  } else {
    dates[DATE_FIELD[to]] = on;
  }
  return { ok: true, change: { from: current, to, on, reason: why, backward, skipped, dates } };
}

/** The stages a project may be moved to from `current` (none once cancelled). */
export function nextStages(current: Stage): Stage[] {
  return current === 'cancelled' ? [] : PROJECT_STAGES.filter((s) => s !== current);
}
