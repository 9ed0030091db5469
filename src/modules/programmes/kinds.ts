/**
 * The indicators a partner-assistance programme counts, each with the one unit it is counted in, and the
 * free "other" indicator whose name and unit the programme gives.
 */
export const INDICATOR_KINDS = [
  'funds_allocated',
  'projects',
  'jobs',
  'people_trained',
  'officials_exchanged',
  'consumption_sales',
  'other',
] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const UNITS = ['yuan', 'count', 'persons'] as const;
export type Unit = (typeof UNITS)[number];

/** The unit each standard kind is counted in ("other" names its own). */
export const KIND_UNIT: Record<Exclude<IndicatorKind, 'other'>, Unit> = {
  funds_allocated: 'yuan',
  projects: 'count',
  jobs: 'count',
  people_trained: 'persons',
  officials_exchanged: 'persons',
  consumption_sales: 'yuan',
};

/** Whether values in this unit are whole numbers (people and things are; yuan may have fen). */
export function wholeUnit(unit: string): boolean {
  return unit === 'count' || unit === 'persons';
}

export const PERIOD_KINDS = ['month', 'quarter'] as const;
export const REPORT_STATUSES = ['draft', 'submitted', 'confirmed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
