/**
 * A dashboard as labelled tables: what the page draws (a chart, then the table), what the exports write
 * and what the report prints, so the three always hold the same numbers.
 */
import type { Lang } from '../../lib/i18n.ts';
import type { ChartCell } from '../../web/charts.tsx';
import { agreementsUi } from '../agreements/ui-messages.ts';
import { REASON_LABELS, STATUS_LABELS } from '../interests/messages.ts';
import { areaName, categoryName, placeName, sectorName, type Places } from '../listings/views/parts.tsx';
import { statusLabel as programmeStatusLabel, unitLabel } from '../programmes/messages.ts';
import { indicatorName } from '../programmes/views/parts.tsx';
import { stageLabel } from '../projects/messages.ts';
import { pairingTitle } from '../regions/views/names.tsx';
import { statusLabel as areaStatusLabel } from '../visits/messages.ts';
import { AREA_STATUSES } from '../visits/core/area-status.ts';
import { DECLINE_REASONS, INTEREST_STATUSES } from '../interests/schema.ts';
import { PROJECT_STAGES } from '../projects/schema.ts';
import type { Dashboard } from './dashboards.service.ts';
import { dashMsg } from './messages.ts';

export const TABLE_KEYS = [
  'headline',
  'pairings',
  'interests',
  'decline-reasons',
  'agreement-types',
  'stages',
  'months',
  'categories',
  'sectors',
  'areas',
  'agreed-areas',
  'indicators',
  'region-projects',
  'region-agreements',
] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export interface DashColumn {
  /** Stable, for `columns=` in exports. */
  key: string;
  label: string;
  numeric: boolean;
}

/** How the page draws a table: which numeric columns become series; none for lists. */
export interface ChartSpec {
  kind: 'bar' | 'line' | 'pie';
  series: readonly string[];
}

export interface DashTable {
  key: TableKey;
  title: string;
  columns: DashColumn[];
  /** The first cell heads the row; numbers stay numbers (exports write them as numbers). */
  rows: ChartCell[][];
  chart: ChartSpec | null;
}

const pct = (value: number, target: number) => (target > 0 ? Math.round((value / target) * 1000) / 10 : 0);

/** Whose records the dashboard lists one by one, in words ('' when it lists none). */
export function detailRegionName(d: Dashboard, lang: Lang, places: Places): string {
  if (!d.details) return '';
  return d.details.region === 'all'
    ? dashMsg(lang)('everyRegion')
    : placeName(places, d.details.region, lang);
}

/** The dashboard's tables in the page's order; the region lists only when the dashboard has details. */
export function dashboardTables(d: Dashboard, lang: Lang, places: Places): DashTable[] {
  const t = dashMsg(lang);
  const f = d.figures;
  const col = (key: string, label: string, numeric = true): DashColumn => ({ key, label, numeric });
  const money = [
    col('projects', t('projectsTotal')),
    col('contracted', t('contractedInvestment')),
    col('actual', t('actualInvestment')),
    col('jobs', t('jobs')),
  ];
  const moneyRow = (b: (typeof f.byCategory)[number]) => [b.projects, b.contracted, b.actual, b.jobs];
  const titled = (title: string, language: Lang): ChartCell => ({ text: title, lang: language });
  const programmeNames = new Map(d.programmes.map((p) => [p.id, lang === 'zh' ? p.titleZh : p.titleEn]));
  // A value not recorded is an empty cell, not a 0 that would read as "recorded as nothing".
  const orBlank = (v: number | null): ChartCell => v ?? '';
  const tables: DashTable[] = [
    {
      key: 'headline',
      title: t('headline'),
      columns: [col('measure', t('measure'), false), col('value', t('value'))],
      rows: [
        [t('interestsSent'), f.interests.sent],
        [t('interestsAccepted'), f.interests.byStatus.accepted],
        [t('agreementsConfirmed'), f.agreements.confirmed],
        [t('agreementsAwaiting'), f.agreements.awaitingConfirmation],
        ...(d.full ? [[t('contractedValue'), f.agreements.value]] : []),
        [t('projectsTotal'), f.projects.total],
        [t('contractedInvestment'), f.projects.contracted],
        [t('actualInvestment'), f.projects.actual],
        [t('jobs'), f.projects.jobs],
        [t('visitsCount'), d.visits],
        [t('areasTotal'), d.areas.total],
        [t('areasDelivered'), d.areas.delivered],
      ],
      chart: null,
    },
    ...(d.pairing
      ? []
      : [
          {
            key: 'pairings' as const,
            title: t('pairingsTable'),
            columns: [
              col('pairing', t('pairing'), false),
              col('agreements', t('agreementsConfirmed')),
              ...(d.full ? [col('value', t('contractedValue'))] : []),
              ...money,
            ],
            rows: d.pairings.map((h) => [
              pairingTitle(h.pairing, lang),
              h.agreements,
              ...(h.value === null ? [] : [h.value]),
              h.projects,
              h.contracted,
              h.actual,
              h.jobs,
            ]),
            chart: { kind: 'bar' as const, series: ['projects'] },
          },
        ]),
    {
      key: 'interests',
      title: t('interestsTable'),
      columns: [col('status', t('status'), false), col('count', t('count'))],
      rows: INTEREST_STATUSES.map((s) => [STATUS_LABELS[lang][s], f.interests.byStatus[s]]),
      chart: { kind: 'bar', series: ['count'] },
    },
    {
      key: 'decline-reasons',
      title: t('declineTable'),
      columns: [col('reason', t('reason'), false), col('count', t('count'))],
      rows: DECLINE_REASONS.map((r) => [REASON_LABELS[lang][r], f.interests.declinedByReason[r]]),
      chart: { kind: 'bar', series: ['count'] },
    },
    {
      key: 'agreement-types',
      title: t('typesTable'),
      columns: [
        col('type', t('type'), false),
        col('count', t('count')),
        ...(d.full ? [col('value', t('contractedValue'))] : []),
      ],
      rows: f.agreements.byType.map((r) => [
        agreementsUi(lang)(`type_${r.type}`),
        r.count,
        ...(d.full ? [r.value] : []),
      ]),
      chart: { kind: 'bar', series: ['count'] },
    },
    {
      key: 'stages',
      title: t('stagesTable'),
      columns: [col('stage', t('stage'), false), col('count', t('count'))],
      rows: PROJECT_STAGES.map((s) => [stageLabel(s, lang), f.projects.byStage[s]]),
      chart: { kind: 'bar', series: ['count'] },
    },
    {
      key: 'months',
      title: t('monthsTable'),
      columns: [
        col('month', t('month'), false),
        col('interests', t('interests')),
        col('agreements', t('agreements')),
        col('projects', t('projects')),
        ...(d.full ? [col('value', t('contractedValue'))] : []),
      ],
      rows: f.byMonth.map((m) => [
        m.month,
        m.interests,
        m.agreements,
        m.projects,
        ...(d.full ? [m.value] : []),
      ]),
      chart: { kind: 'line', series: ['interests', 'agreements', 'projects'] },
    },
    {
      key: 'categories',
      title: t('categoriesTable'),
      columns: [col('category', t('category'), false), ...money],
      rows: f.byCategory.map((b) => [categoryName(b.key, lang), ...moneyRow(b)]),
      chart: { kind: 'bar', series: ['projects'] },
    },
    {
      key: 'sectors',
      title: t('sectorsTable'),
      columns: [col('sector', t('sector'), false), ...money],
      rows: f.bySector.map((b) => [b.key ? sectorName(b.key, lang) : t('noSector'), ...moneyRow(b)]),
      chart: { kind: 'bar', series: ['projects'] },
    },
    {
      key: 'areas',
      title: t('areasTable'),
      columns: [col('area', t('area'), false), ...money],
      rows: f.byArea.map((b) => [
        // A province's code holds the projects whose city was not given (not the province's total).
        /^\d{6}$/.test(b.key)
          ? areaName(places, b.key, lang)
          : t('cityNotGiven', { region: placeName(places, b.key, lang) }),
        ...moneyRow(b),
      ]),
      chart: { kind: 'bar', series: ['projects'] },
    },
    {
      key: 'agreed-areas',
      title: t('agreedAreasTable'),
      columns: [col('status', t('status'), false), col('count', t('count'))],
      rows: AREA_STATUSES.map((s) => [areaStatusLabel(s, lang), d.areas[s]]),
      chart: { kind: 'bar', series: ['count'] },
    },
    {
      key: 'indicators',
      title: t('indicatorsTable'),
      columns: [
        col('indicator', t('indicator'), false),
        col('programme', t('programme'), false),
        col('unit', t('unit'), false),
        col('baseline', t('baseline')),
        col('target', t('target')),
        col('deadline', t('deadline'), false),
        col('expected', t('expected')),
        col('actual', t('actual')),
        col('expectedPercent', t('expectedPercent')),
        col('percent', t('percentOfTarget')),
        col('status', t('status'), false),
      ],
      rows: d.indicators.map((i) => [
        indicatorName(i, lang),
        programmeNames.get(i.programmeId) ?? '',
        unitLabel(i.unit, lang),
        i.baseline,
        i.target,
        i.deadline,
        i.expected,
        i.actual,
        pct(i.expected, i.target),
        pct(i.actual, i.target),
        programmeStatusLabel(i.status, lang),
      ]),
      chart: { kind: 'bar', series: ['expectedPercent', 'percent'] },
    },
  ];
  if (d.details) {
    const region = detailRegionName(d, lang, places);
    tables.push(
      {
        key: 'region-projects',
        title: t('myProjects', { region }),
        columns: [
          col('title', t('title'), false),
          col('stage', t('stage'), false),
          col('signedOn', t('signedOn'), false),
          ...money.slice(1),
          col('published', t('published'), false),
        ],
        rows: d.details.projects.map((p) => [
          titled(p.title, p.language),
          stageLabel(p.stage, lang),
          p.signedOn,
          orBlank(p.contractedInvestmentCny),
          p.actualInvestmentCny,
          p.jobsCreated,
          p.published ? t('yes') : t('no'),
        ]),
        chart: null,
      },
      {
        key: 'region-agreements',
        title: t('myAgreements', { region }),
        columns: [
          col('title', t('title'), false),
          col('type', t('type'), false),
          col('signedOn', t('signedOn'), false),
          col('value', t('contractedValue')),
          col('confirmed', t('confirmed'), false),
        ],
        rows: d.details.agreements.map((a) => [
          titled(a.title, a.language),
          agreementsUi(lang)(`type_${a.type}`),
          a.signedOn,
          orBlank(a.valueCny),
          a.confirmed ? t('yes') : t('no'),
        ]),
        chart: null,
      },
    );
  }
  return tables;
}
