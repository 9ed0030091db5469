/**
 * Programme use cases that change things: create a programme on an assistance pairing, add indicators,
 * submit progress reports (the giving side) and confirm them (the receiving side). Each checks who may act
 * first, writes in one transaction with an audit entry, and tells those who must act next.
 */
import { AppError, invalid, type FieldIssue } from '../../lib/errors.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { actorOf, type UseCaseContext } from '../accounts/context.ts';
import { peopleOf } from '../accounts/people.service.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { findRegion, getPairing } from '../regions/regions.service.ts';
import { parsePeriod, period, periodInProgramme, periodProblems, periodsOverlap } from './core/periods.ts';
import { IndicatorInput, parseInput, ProgrammeInput, ReportInput } from './fields.ts';
import { KIND_UNIT, wholeUnit } from './kinds.ts';
import { periodKindLabel, periodLabel, programmesErr, unitLabel, worded } from './messages.ts';
import { canConfirmReport, canPlanProgramme, canSeeReport, canSubmitReport } from './policy.ts';
import { isUuid, todayOf } from './programmes.read.ts';
import * as repo from './programmes.repo.ts';
import type { IndicatorRow, ProgrammeRow, ReportRow } from './programmes.repo.ts';

export * from './programmes.read.ts';

/** What the programme use cases need: the database, the clock, and the public address for mail links. */
export type ProgrammeDeps = Pick<Deps, 'db' | 'now' | 'config'>;
type Tx = Parameters<Parameters<Deps['db']['transaction']>[0]>[0];

/** Where a programme's page is, under the language prefix (notification paths). */
export function programmePath(id: string): string {
  return `/programmes/${id}`;
}

async function lockProgramme(tx: Tx, id: string): Promise<ProgrammeRow> {
  const programme = isUuid(id) ? await repo.findProgramme(tx, id, { lock: true }) : undefined;
  if (!programme) throw new AppError('not_found');
  return programme;
}

/** The province a region belongs to (itself for a province): coordinators act per province. */
async function provinceOf(db: Deps['db'], code: string): Promise<string> {
  const region = await findRegion(db, code);
  if (!region) throw new Error(`unknown region ${code}`);
  return region.level === 'province' ? region.code : (region.parentCode ?? region.code);
}

const titles = (p: ProgrammeRow) => ({ en: p.titleEn, zh: p.titleZh });
const throwIssues = (issues: FieldIssue[]) => {
  if (issues.length > 0) throw new AppError('validation', undefined, issues);
};

/**
 * Creates a programme on a pairing of kind `assistance`: its first region gives, its second receives.
 * Admins, or coordinators of the giving side's province.
 */
export async function createProgramme(
  deps: ProgrammeDeps,
  ctx: UseCaseContext,
  input: ProgrammeInput,
): Promise<ProgrammeRow> {
  const viewer = requireViewer(ctx.viewer);
  authorize(viewer, viewer.role === 'admin' || viewer.role === 'coordinator');
  const t = programmesErr(ctx.lang);
  const data = parseInput(ProgrammeInput, input, ctx.lang);
  const pairing = await getPairing(deps.db, data.pairingId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') throw invalid('pairingId', t('unknownPairing'));
    throw err;
  });
  if (pairing.kind !== 'assistance') throw invalid('pairingId', t('notAssistance'));
  const sides = {
    givingProvince: await provinceOf(deps.db, pairing.aCode),
    receivingProvince: await provinceOf(deps.db, pairing.bCode),
  };
  authorize(viewer, canPlanProgramme(viewer, sides));
  if (data.deadline < data.startOn) throw invalid('deadline', t('deadlineBeforeStart'));
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertProgramme(tx, {
      pairingId: pairing.id,
      givingRegion: pairing.aCode,
      receivingRegion: pairing.bCode,
      ...sides,
      titleEn: data.titleEn,
      titleZh: data.titleZh,
      descriptionEn: data.descriptionEn ?? '',
      descriptionZh: data.descriptionZh ?? '',
      startOn: data.startOn,
      deadline: data.deadline,
      createdBy: viewer.id,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'programme.created',
      entity: 'programme',
      entityId: row.id,
      after: row,
      requestId: ctx.requestId,
    });
    return row;
  });
}

/** What is wrong with an indicator's kind, unit, name, values and dates, as field issues. */
function indicatorIssues(p: ProgrammeRow, data: IndicatorInput, lang: Lang): FieldIssue[] {
  const t = programmesErr(lang);
  const issues: FieldIssue[] = [];
  const bad = (field: string, message: string) => issues.push({ field, message });
  if (data.kind === 'other') {
    if (!data.nameEn) bad('nameEn', t('nameRequired'));
    if (!data.nameZh) bad('nameZh', t('nameRequired'));
  } else {
    const unit = KIND_UNIT[data.kind];
    if (data.unit !== unit) bad('unit', t('wrongUnit', { unit: `${unitLabel(unit, lang)} (${unit})` }));
    if (data.nameEn) bad('nameEn', t('nameOnlyForOther'));
    if (data.nameZh) bad('nameZh', t('nameOnlyForOther'));
  }
  const baseline = data.baseline ?? 0;
  if (wholeUnit(data.unit)) {
    if (!Number.isInteger(baseline)) bad('baseline', t('valueWhole'));
    if (!Number.isInteger(data.target)) bad('target', t('valueWhole'));
  }
  if (data.target <= baseline) bad('target', t('targetNotAboveBaseline', { baseline }));
  const start = data.startOn ?? p.startOn;
  const deadline = data.deadline ?? p.deadline;
  const range = { start: p.startOn, deadline: p.deadline };
  if (start < p.startOn || start > p.deadline) bad('startOn', t('outsideProgramme', range));
  if (deadline > p.deadline || deadline < p.startOn) bad('deadline', t('outsideProgramme', range));
  else if (deadline < start) bad('deadline', t('deadlineBeforeStart'));
  if (issues.length > 0) return issues;

  const targets = data.periodTargets ?? [];
  const example = data.periodKind === 'month' ? '2018-03' : '2018-Q1';
  for (const problem of periodProblems(
    targets.map((x) => x.period),
    { start, deadline, kind: data.periodKind },
  )) {
    const field = `periodTargets.${problem.index}.period`;
    if (problem.code === 'invalid') bad(field, t('periodInvalid'));
    else if (problem.code === 'wrong_kind') {
      bad(field, t('periodWrongKind', { kind: periodKindLabel(data.periodKind, lang), example }));
    } else if (problem.code === 'outside') bad(field, t('periodOutside', { start, deadline }));
    else bad(field, t('periodOverlap', { other: targets[problem.other]?.period ?? '' }));
  }
  if (issues.length > 0) return issues;
  const ordered = targets.map((x, index) => ({ ...x, index })).sort((a, b) => (a.period < b.period ? -1 : 1));
  let previous = baseline;
  for (const x of ordered) {
    const field = `periodTargets.${x.index}.target`;
    if (x.target < baseline || x.target > data.target) {
      bad(field, t('periodTargetRange', { baseline, target: data.target }));
    } else if (x.target < previous) bad(field, t('periodTargetFalls', { previous }));
    else previous = x.target;
  }
  return issues;
}

/**
 * Adds an indicator: a standard kind in its own unit (or "other" with a name and any unit), a target
 * above the baseline, dates inside the programme, and optional cumulative targets per period of its kind.
 */
export async function addIndicator(
  deps: ProgrammeDeps,
  ctx: UseCaseContext,
  programmeId: string,
  input: IndicatorInput,
): Promise<IndicatorRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const programme = await lockProgramme(tx, programmeId);
    authorize(viewer, canPlanProgramme(viewer, programme));
    const data = parseInput(IndicatorInput, input, ctx.lang);
    throwIssues(indicatorIssues(programme, data, ctx.lang));
    const now = deps.now();
    const targets = (data.periodTargets ?? []).map((x) => ({ period: x.period, target: x.target }));
    const row = await repo.insertIndicator(
      tx,
      {
        programmeId,
        kind: data.kind,
        nameEn: data.kind === 'other' ? (data.nameEn ?? null) : null,
        nameZh: data.kind === 'other' ? (data.nameZh ?? null) : null,
        unit: data.unit,
        baseline: data.baseline ?? 0,
        target: data.target,
        startOn: data.startOn ?? programme.startOn,
        deadline: data.deadline ?? programme.deadline,
        periodKind: data.periodKind,
        createdAt: now,
      },
      targets,
    );
    await repo.touchProgramme(tx, programmeId, now);
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'programme.indicator_added',
      entity: 'programme',
      entityId: programmeId,
      after: { ...row, periodTargets: targets },
      requestId: ctx.requestId,
    });
    return row;
  });
}

/** The report's period, checked against the programme, today and the reports already there. */
function checkPeriod(
  programme: ProgrammeRow,
  indicators: readonly IndicatorRow[],
  reports: readonly ReportRow[],
  value: string,
  today: string,
  lang: Lang,
) {
  const t = programmesErr(lang);
  const p = parsePeriod(value);
  if (!p) throw invalid('period', t('periodInvalid'));
  if (!periodInProgramme(p, programme.startOn, programme.deadline)) {
    throw invalid('period', t('periodOutside', { start: programme.startOn, deadline: programme.deadline }));
  }
  if (p.start > today) throw invalid('period', t('periodNotBegun'));
  if (!indicators.some((i) => i.periodKind === p.kind)) {
    throw invalid('period', t('noIndicatorOfKind', { kind: periodKindLabel(p.kind, lang) }));
  }
  // Each indicator is reported by one kind of period, so a month's report and a quarter's carry values of
  // different indicators: only a report of the same kind could count a value twice.
  const clash = reports.find((r) => r.periodKind === p.kind && periodsOverlap(period(r.period), p));
  if (clash && clash.status !== 'draft') {
    const label = periodLabel(clash.period, lang);
    if (clash.status === 'confirmed') throw new AppError('conflict', t('periodConfirmed', { period: label }));
    if (clash.period === p.id) throw new AppError('conflict', t('periodPending', { period: label }));
    throw new AppError('conflict', t('periodOverlapsReport', { period: label }));
  }
  return { p, draft: clash };
}

/** The values, each for an indicator of this programme reported by the period's kind, in its unit. */
function checkValues(
  indicators: readonly IndicatorRow[],
  kind: 'month' | 'quarter',
  values: Record<string, number>,
  lang: Lang,
): { indicatorId: string; value: number }[] {
  const t = programmesErr(lang);
  const issues: FieldIssue[] = [];
  const out: { indicatorId: string; value: number }[] = [];
  for (const [id, value] of Object.entries(values)) {
    const field = `values.${id}`;
    const indicator = indicators.find((i) => i.id === id);
    if (!indicator) issues.push({ field, message: t('unknownIndicator') });
    else if (indicator.periodKind !== kind) {
      issues.push({
        field,
        message: t('valueWrongKind', { kind: periodKindLabel(indicator.periodKind, lang) }),
      });
    } else if (wholeUnit(indicator.unit) && !Number.isInteger(value)) {
      issues.push({ field, message: t('valueWhole') });
    } else out.push({ indicatorId: id, value });
  }
  throwIssues(issues);
  if (out.length === 0) throw invalid('values', t('noValues'));
  return out;
}

/**
 * The giving side's coordinator reports what was added in one period (a month or a quarter inside the
 * programme that has begun), per indicator. A period already confirmed or waiting for confirmation is
 * refused (409); a draft of the same period is replaced. Unless saved as a draft, the receiving side's
 * coordinators are asked to confirm it.
 */
export async function submitReport(
  deps: ProgrammeDeps,
  ctx: UseCaseContext,
  programmeId: string,
  input: ReportInput,
): Promise<ReportRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const programme = await lockProgramme(tx, programmeId);
    authorize(viewer, canSubmitReport(viewer, programme));
    const data = parseInput(ReportInput, input, ctx.lang);
    const [indicators, reports] = await Promise.all([
      repo.indicatorsOf(tx, [programmeId]),
      repo.reportsOf(tx, [programmeId]),
    ]);
    const { p, draft } = checkPeriod(programme, indicators, reports, data.period, todayOf(deps), ctx.lang);
    const values = checkValues(indicators, p.kind, data.values, ctx.lang);
    const now = deps.now();
    const status = data.draft ? 'draft' : 'submitted';
    const fields = {
      status,
      note: data.note ?? '',
      submittedBy: viewer.id,
      submittedByName: viewer.name,
      submittedAt: data.draft ? null : now,
      updatedAt: now,
    } as const;
    const row = draft
      ? await repo.updateReport(tx, draft.id, fields)
      : await repo.insertReport(tx, {
          programmeId,
          period: p.id,
          periodKind: p.kind,
          createdAt: now,
          ...fields,
        });
    await repo.setValues(tx, row.id, values);
    await repo.touchProgramme(tx, programmeId, now);
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: data.draft ? 'programme.report_drafted' : 'programme.report_submitted',
      entity: 'programme',
      entityId: programmeId,
      after: { ...row, values },
      requestId: ctx.requestId,
    });
    if (!data.draft) {
      await notify(
        tx,
        deps.config.publicUrl,
        await peopleOf(tx, { coordinatorsOf: [programme.receivingProvince], except: viewer.id }),
        {
          kind: 'report_to_confirm',
          params: { programme: titles(programme), period: worded((l) => periodLabel(p.id, l)) },
          path: programmePath(programmeId),
        },
      );
    }
    return row;
  });
}

/**
 * The receiving side's coordinator (or an admin) confirms a submitted report: from then on its values
 * count. The giving side's coordinators are told.
 */
export async function confirmReport(
  deps: ProgrammeDeps,
  ctx: UseCaseContext,
  programmeId: string,
  reportId: string,
): Promise<ReportRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const programme = await lockProgramme(tx, programmeId);
    const report = isUuid(reportId) ? await repo.findReport(tx, programmeId, reportId) : undefined;
    if (!report || !canSeeReport(viewer, programme, report.status)) throw new AppError('not_found');
    authorize(viewer, canConfirmReport(viewer, programme));
    const t = programmesErr(ctx.lang);
    if (report.status === 'confirmed') throw new AppError('conflict', t('alreadyConfirmed'));
    if (report.status !== 'submitted') throw new AppError('conflict', t('notSubmitted'));
    const now = deps.now();
    const row = await repo.updateReport(tx, report.id, {
      status: 'confirmed',
      confirmedBy: viewer.id,
      confirmedByName: viewer.name,
      confirmedAt: now,
      updatedAt: now,
    });
    await repo.touchProgramme(tx, programmeId, now);
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'programme.report_confirmed',
      entity: 'programme',
      entityId: programmeId,
      before: { reportId, status: report.status },
      after: { reportId, status: row.status, period: row.period },
      requestId: ctx.requestId,
    });
    await notify(
      tx,
      deps.config.publicUrl,
      await peopleOf(tx, { coordinatorsOf: [programme.givingProvince], except: viewer.id }),
      {
        kind: 'report_confirmed',
        params: { programme: titles(programme), period: worded((l) => periodLabel(row.period, l)) },
        path: programmePath(programmeId),
      },
    );
    return row;
  });
}
