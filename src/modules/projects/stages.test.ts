import { describe, expect, it } from 'vitest';
import { PROJECT_STAGES } from './schema.ts';
import {
  baseStage,
  latestDate,
  nextStages,
  planStageChange,
  PROGRESS_STAGES,
  type Stage,
  type StageDates,
} from './stages.ts';

const TODAY = '2018-06-30';
const signed: StageDates = {
  signedOn: '2018-01-15',
  landedOn: null,
  startedOn: null,
  inProductionOn: null,
  stalledOn: null,
  cancelledOn: null,
};
const started: StageDates = { ...signed, landedOn: '2018-02-01', startedOn: '2018-03-01' };

/** A change whose history holds nothing later than the current dates (the history's bound is tested apart). */
function plan(current: Stage, dates: StageDates, to: Stage, on: string, reason?: string) {
  return planStageChange(current, dates, to, on, reason, TODAY, latestDate(dates));
}

describe('planStageChange', () => {
  it('moves forward without a reason and dates the new stage', () => {
    const r = plan('signed', signed, 'landed', '2018-02-01');
    expect(r).toEqual({
      ok: true,
      change: {
        from: 'signed',
        to: 'landed',
        on: '2018-02-01',
        reason: null,
        backward: false,
        skipped: [],
        dates: { ...signed, landedOn: '2018-02-01' },
      },
    });
  });

  it('may skip stages forward, leaving the skipped stages undated', () => {
    const r = plan('signed', signed, 'in_production', '2018-05-01');
    expect(r.ok && r.change.skipped).toEqual(['landed', 'started']);
    expect(r.ok && r.change.dates).toEqual({ ...signed, inProductionOn: '2018-05-01' });
  });

  it('refuses a step back without a reason, naming `reason`', () => {
    expect(plan('started', started, 'landed', '2018-04-01')).toEqual({
      ok: false,
      problem: { field: 'reason', code: 'reasonRequired' },
    });
    expect(plan('started', started, 'landed', '2018-04-01', '   ')).toMatchObject({
      ok: false,
      problem: { field: 'reason' },
    });
  });

  it('takes a step back with a reason: later dates are cleared, the earlier stage keeps its date', () => {
    const r = plan('started', started, 'landed', '2018-04-01', ' Building permit withdrawn ');
    expect(r).toMatchObject({ ok: true, change: { backward: true, reason: 'Building permit withdrawn' } });
    expect(r.ok && r.change.dates).toEqual({ ...signed, landedOn: '2018-02-01', startedOn: null });
  });

  it('needs a reason to stall or cancel, whatever the stage', () => {
    for (const to of ['stalled', 'cancelled'] as const) {
      expect(plan('started', started, to, '2018-04-01')).toMatchObject({
        ok: false,
        problem: { field: 'reason', code: 'reasonRequired' },
      });
      expect(plan('started', started, to, '2018-04-01', 'Funding frozen')).toMatchObject({ ok: true });
    }
  });

  it('resumes from a stall: to the stage reached before freely, to an earlier one only with a reason', () => {
    const stalled = { ...started, stalledOn: '2018-04-01' };
    expect(baseStage('stalled', stalled)).toBe('started');
    const back = plan('stalled', stalled, 'started', '2018-05-01');
    expect(back).toMatchObject({ ok: true, change: { backward: false } });
    expect(back.ok && back.change.dates).toEqual(started); // started keeps its date; no longer stalled
    expect(plan('stalled', stalled, 'landed', '2018-05-01')).toMatchObject({
      ok: false,
      problem: { field: 'reason' },
    });
    expect(plan('stalled', stalled, 'in_production', '2018-05-01')).toMatchObject({
      ok: true,
      change: { dates: { inProductionOn: '2018-05-01', stalledOn: null } },
    });
  });

  it('treats cancelled as final', () => {
    const cancelled = { ...started, cancelledOn: '2018-04-01' };
    for (const to of PROJECT_STAGES) {
      expect(plan('cancelled', cancelled, to, '2018-05-01', 'Revived')).toMatchObject({
        ok: false,
        problem: { field: 'stage', code: 'final' },
      });
    }
    expect(nextStages('cancelled')).toEqual([]);
  });

  it('refuses the stage it is already at', () => {
    expect(plan('landed', { ...signed, landedOn: '2018-02-01' }, 'landed', '2018-03-01')).toMatchObject({
      ok: false,
      problem: { field: 'stage', code: 'same' },
    });
  });

  it('refuses a date before the previous stage date or after today, naming `on`', () => {
    expect(plan('started', started, 'in_production', '2018-02-28')).toEqual({
      ok: false,
      problem: { field: 'on', code: 'beforePrevious', previous: '2018-03-01' },
    });
    expect(plan('started', started, 'in_production', '2018-07-01')).toMatchObject({
      ok: false,
      problem: { field: 'on', code: 'inFuture' },
    });
    // The boundaries themselves are allowed.
    expect(plan('started', started, 'in_production', '2018-03-01')).toMatchObject({ ok: true });
    expect(plan('started', started, 'in_production', TODAY)).toMatchObject({ ok: true });
  });

  it('bounds the date by the stage history, which outlives the dates a step back or a resume clears', () => {
    // started 2018-05-01, then back to landed on 2018-06-01: startedOn is cleared, the history keeps 06-01.
    const back = { ...signed, landedOn: '2018-04-01' };
    expect(planStageChange('landed', back, 'started', '2018-05-15', undefined, TODAY, '2018-06-01')).toEqual({
      ok: false,
      problem: { field: 'on', code: 'beforePrevious', previous: '2018-06-01' },
    });
    // Resumed from a stall on 2018-06-10: stalledOn is cleared, the history keeps 06-10.
    const resumed = { ...signed, landedOn: '2018-04-01', startedOn: '2018-05-01' };
    expect(
      planStageChange('started', resumed, 'in_production', '2018-06-05', undefined, TODAY, '2018-06-10'),
    ).toMatchObject({ ok: false, problem: { field: 'on', previous: '2018-06-10' } });
    expect(
      planStageChange('started', resumed, 'in_production', '2018-06-10', undefined, TODAY, '2018-06-10'),
    ).toMatchObject({ ok: true });
  });
});

/** A small deterministic PRNG (mulberry32), so the property runs are repeatable. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayAfter = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('planStageChange over random walks', () => {
  it('keeps its invariants whatever sequence of moves is tried', () => {
    const next = rng(20180115);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    for (let walk = 0; walk < 300; walk++) {
      let stage: Stage = 'signed';
      let dates: StageDates = { ...signed };
      // The latest date in the walk's history, as changeStage reads it.
      let lastOn = signed.signedOn;
      for (let step = 0; step < 12; step++) {
        const to = pick(PROJECT_STAGES);
        const on = dayAfter(lastOn, Math.floor(next() * 60) - 10);
        const reason = next() < 0.5 ? 'because' : undefined;
        const r = planStageChange(stage, dates, to, on, reason, TODAY, lastOn);
        if (!r.ok) {
          // Every refusal has its cause among the rules.
          const p = r.problem;
          if (p.field === 'stage') expect(stage === 'cancelled' || to === stage).toBe(true);
          if (p.field === 'reason') expect(reason).toBeUndefined();
          if (p.field === 'on') expect(on < lastOn || on > TODAY).toBe(true);
          continue;
        }
        const c = r.change;
        // Nobody goes back (or stalls, or cancels) without a reason.
        if (c.backward || to === 'stalled' || to === 'cancelled') expect(c.reason).not.toBeNull();
        expect(stage).not.toBe('cancelled');
        // Dates never go backwards (against the whole history) and never pass today.
        expect(on >= lastOn && on <= TODAY).toBe(true);
        expect(latestDate(c.dates) <= on).toBe(true);
        expect(latestDate(c.dates) <= TODAY).toBe(true);
        // Dated counted stages are in order, and no stage beyond the current one is dated.
        const progress = PROGRESS_STAGES.map(
          (s) => c.dates[`${s === 'in_production' ? 'inProduction' : s}On` as keyof StageDates],
        );
        const dated = progress.filter((d): d is string => d !== null);
        expect([...dated].sort()).toEqual(dated);
        const base = baseStage(to, c.dates);
        progress.forEach((d, i) => {
          if (i > PROGRESS_STAGES.indexOf(base)) expect(d).toBeNull();
        });
        if (to !== 'stalled' && to !== 'cancelled') expect(c.dates.stalledOn).toBeNull();
        stage = to;
        dates = c.dates;
        lastOn = on;
      }
    }
  });
});
