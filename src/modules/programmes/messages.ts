/** The programmes module's error messages and labels shared by pages, API, export and notifications. */
import { defineMessages, type Lang } from '../../lib/i18n.ts';
import type { PeriodKind } from './core/periods.ts';
import type { RuleCode, Status } from './core/status.ts';
import type { IndicatorKind, ReportStatus } from './kinds.ts';

export const programmesErr = defineMessages({
  en: {
    unknownPairing: 'There is no pairing with this id.',
    notAssistance: 'Programmes belong to partner-assistance pairings; this pairing is of another kind.',
    deadlineBeforeStart: 'The deadline cannot be before the start.',
    wrongUnit: 'Indicators of this kind are counted in {unit}.',
    nameRequired: 'Say what this indicator counts, in both languages.',
    nameOnlyForOther: 'Only an indicator of kind “other” has its own name.',
    targetNotAboveBaseline: 'The target must be above the baseline ({baseline}).',
    outsideProgramme: 'The indicator’s dates must lie within the programme ({start} to {deadline}).',
    periodInvalid: 'Write a period as 2018-03 (a month) or 2018-Q1 (a quarter).',
    periodWrongKind: 'This indicator is reported by {kind}: write the period like {example}.',
    periodOutside: 'This period lies outside the programme ({start} to {deadline}).',
    periodOverlap: 'This period overlaps {other}, given before it.',
    periodTargetRange: 'A period target lies between the baseline ({baseline}) and the target ({target}).',
    periodTargetFalls: 'Cumulative targets cannot fall: an earlier period asks for {previous}.',
    periodNotBegun: 'This period has not begun yet.',
    noIndicatorOfKind: 'No indicator of this programme is reported by {kind}.',
    periodConfirmed: 'The report for {period} is already confirmed; it cannot be reported again.',
    periodPending: 'The report for {period} is waiting for confirmation already.',
    periodOverlapsReport: 'This period overlaps the report for {period}.',
    unknownIndicator: 'This programme has no such indicator.',
    valueWrongKind: 'This indicator is reported by {kind}, not in a report for this period.',
    valueWhole: 'People and things are counted in whole numbers.',
    noValues: 'Give the value of at least one indicator.',
    notSubmitted: 'Only a submitted report can be confirmed.',
    alreadyConfirmed: 'This report is already confirmed.',
  },
  zh: {
    unknownPairing: '没有该编号的结对关系。',
    notAssistance: '帮扶计划只能属于对口支援结对关系；该结对关系属于其他类型。',
    deadlineBeforeStart: '截止日期不能早于开始日期。',
    wrongUnit: '该类指标的计量单位是{unit}。',
    nameRequired: '请用中英文说明该指标统计的内容。',
    nameOnlyForOther: '只有“其他”类指标才需要填写名称。',
    targetNotAboveBaseline: '目标值必须高于基数（{baseline}）。',
    outsideProgramme: '指标的起止日期必须在计划期限内（{start} 至 {deadline}）。',
    periodInvalid: '请按 2018-03（月）或 2018-Q1（季度）的格式填写期间。',
    periodWrongKind: '该指标按{kind}填报：请按 {example} 的格式填写期间。',
    periodOutside: '该期间不在计划期限内（{start} 至 {deadline}）。',
    periodOverlap: '该期间与前面填写的 {other} 重叠。',
    periodTargetRange: '分期目标应介于基数（{baseline}）与目标值（{target}）之间。',
    periodTargetFalls: '累计目标不能下降：前一期间的目标为 {previous}。',
    periodNotBegun: '该期间尚未开始。',
    noIndicatorOfKind: '本计划没有按{kind}填报的指标。',
    periodConfirmed: '{period} 的报告已确认，不能再次填报。',
    periodPending: '{period} 的报告已提交，正在等待确认。',
    periodOverlapsReport: '该期间与 {period} 的报告重叠。',
    unknownIndicator: '本计划没有该指标。',
    valueWrongKind: '该指标按{kind}填报，不属于本期间的报告。',
    valueWhole: '人数和个数须为整数。',
    noValues: '请至少填写一项指标的数值。',
    notSubmitted: '只有已提交的报告才能确认。',
    alreadyConfirmed: '该报告已确认。',
  },
});

export const programmeLabels = defineMessages({
  en: {
    kind_funds_allocated: 'Assistance funds allocated',
    kind_projects: 'Assistance projects',
    kind_jobs: 'Jobs created',
    kind_people_trained: 'People trained',
    kind_officials_exchanged: 'Officials exchanged',
    kind_consumption_sales: 'Consumption-assistance sales',
    kind_other: 'Other',
    unit_yuan: 'yuan',
    unit_count: 'count',
    unit_persons: 'persons',
    periodKind_month: 'month',
    periodKind_quarter: 'quarter',
    status_not_started: 'Not started',
    status_on_track: 'On track',
    status_at_risk: 'At risk',
    status_behind: 'Behind',
    status_achieved: 'Achieved',
    report_draft: 'Draft',
    report_submitted: 'Submitted, awaiting confirmation',
    report_confirmed: 'Confirmed',
    month: '{year}-{month}',
    quarter: '{year} Q{quarter}',
    rule_before_start: 'The schedule has not started yet.',
    rule_target_reached: 'The confirmed values have reached the target.',
    rule_past_deadline: 'The deadline has passed and the target was not reached.',
    rule_nothing_due_yet: 'No reporting period has ended yet, so nothing is due.',
    rule_ratio_on_track: 'Progress is at least {onTrack}% of what the schedule expects.',
    rule_ratio_at_risk: 'Progress is between {atRisk}% and {onTrack}% of what the schedule expects.',
    rule_ratio_behind: 'Progress is below {atRisk}% of what the schedule expects.',
  },
  zh: {
    kind_funds_allocated: '拨付帮扶资金',
    kind_projects: '帮扶项目',
    kind_jobs: '带动就业',
    kind_people_trained: '培训人次',
    kind_officials_exchanged: '干部交流',
    kind_consumption_sales: '消费帮扶销售额',
    kind_other: '其他',
    unit_yuan: '元',
    unit_count: '个',
    unit_persons: '人',
    periodKind_month: '月',
    periodKind_quarter: '季度',
    status_not_started: '未开始',
    status_on_track: '进度正常',
    status_at_risk: '存在风险',
    status_behind: '进度滞后',
    status_achieved: '已完成',
    report_draft: '草稿',
    report_submitted: '已提交，待确认',
    report_confirmed: '已确认',
    month: '{year}年{month}月',
    quarter: '{year}年第{quarter}季度',
    rule_before_start: '计划尚未开始。',
    rule_target_reached: '已确认的数值已达到目标。',
    rule_past_deadline: '已过截止日期，目标未完成。',
    rule_nothing_due_yet: '尚无已结束的填报期间，暂无应完成量。',
    rule_ratio_on_track: '完成进度不低于计划应完成量的 {onTrack}%。',
    rule_ratio_at_risk: '完成进度介于计划应完成量的 {atRisk}% 与 {onTrack}% 之间。',
    rule_ratio_behind: '完成进度低于计划应完成量的 {atRisk}%。',
  },
});

type LabelKey = Parameters<ReturnType<typeof programmeLabels>>[0];

/** A standard kind's label (an "other" indicator's own name is shown instead, where there is one). */
export function kindLabel(kind: IndicatorKind, lang: Lang): string {
  return programmeLabels(lang)(`kind_${kind}`);
}

/** A unit's word; an "other" indicator's free unit as written. */
export function unitLabel(unit: string, lang: Lang): string {
  return unit === 'yuan' || unit === 'count' || unit === 'persons'
    ? programmeLabels(lang)(`unit_${unit}` as LabelKey)
    : unit;
}

export function periodKindLabel(kind: PeriodKind, lang: Lang): string {
  return programmeLabels(lang)(`periodKind_${kind}`);
}

export function statusLabel(status: Status, lang: Lang): string {
  return programmeLabels(lang)(`status_${status}`);
}

export function reportStatusLabel(status: ReportStatus, lang: Lang): string {
  return programmeLabels(lang)(`report_${status}`);
}

/** A period as people write it: "2018 Q1", "2018年第1季度"; "2018-03", "2018年3月". */
export function periodLabel(period: string, lang: Lang): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return programmeLabels(lang)('quarter', { year: q[1]!, quarter: q[2]! });
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return programmeLabels(lang)('month', { year: m[1]!, month: lang === 'zh' ? Number(m[2]) : m[2]! });
  return period;
}

/** Why an indicator has its status, in words (the thresholds as percentages). */
export function ruleText(
  rule: RuleCode,
  lang: Lang,
  thresholds: { onTrack: number; atRisk: number },
): string {
  return programmeLabels(lang)(`rule_${rule}`, {
    onTrack: Math.round(thresholds.onTrack * 100),
    atRisk: Math.round(thresholds.atRisk * 100),
  });
}

/** A label in both languages, for notification parameters. */
export function worded(label: (lang: Lang) => string): { en: string; zh: string } {
  return { en: label('en'), zh: label('zh') };
}
