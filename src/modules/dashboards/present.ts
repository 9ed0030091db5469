/** The dashboards' JSON: OpenAPI schemas and the allow-lists that fill them. */
import { z } from '@hono/zod-openapi';
import { LANGS } from '../../lib/i18n.ts';
import { AGREEMENT_TYPES } from '../agreements/kinds.ts';
import { STATUSES } from '../programmes/core/status.ts';
import { AREA_STATUSES } from '../visits/core/area-status.ts';
import { DECLINE_REASONS, INTEREST_STATUSES, PROJECT_STAGES } from './core/figures.ts';
import type { Dashboard, PairingHeadline } from './dashboards.service.ts';

const Day = z.string().openapi({ format: 'date', example: '2018-12-31' });
const counts = <T extends string>(keys: readonly [T, ...T[]]) => z.record(z.enum(keys), z.number().int());
const Breakdown = z.object({
  key: z.string(),
  projects: z.number().int(),
  contracted: z.number(),
  actual: z.number(),
  jobs: z.number().int(),
});

export const Headline = z
  .object({
    pairingId: z.number().int(),
    aCode: z.string(),
    bCode: z.string(),
    kind: z.enum(['cooperation', 'assistance']),
    agreements: z.number().int(),
    valueCny: z.number().nullable().openapi({ description: 'Null unless the figures are whole (`full`)' }),
    projects: z.number().int(),
    contractedInvestmentCny: z.number(),
    actualInvestmentCny: z.number(),
    jobsCreated: z.number().int(),
  })
  .openapi('PairingHeadline');

export function presentHeadline(h: PairingHeadline): z.infer<typeof Headline> {
  return {
    pairingId: h.pairing.id,
    aCode: h.pairing.aCode,
    bCode: h.pairing.bCode,
    kind: h.pairing.kind,
    agreements: h.agreements,
    valueCny: h.value,
    projects: h.projects,
    contractedInvestmentCny: h.contracted,
    actualInvestmentCny: h.actual,
    jobsCreated: h.jobs,
  };
}

export const DashboardJson = z
  .object({
    pairing: z
      .object({
        id: z.number().int(),
        aCode: z.string(),
        bCode: z.string(),
        kind: z.enum(['cooperation', 'assistance']),
      })
      .nullable(),
    period: z.object({ from: Day.nullable(), to: Day.nullable() }),
    today: Day,
    full: z.boolean().openapi({
      description:
        'Whole figures (admins; coordinators of a side): unpublished projects counted and agreement values given. ' +
        'Otherwise published projects only, and agreement values are null',
    }),
    asOf: Day.openapi({ description: 'The day programme indicators are measured at' }),
    interests: z.object({
      sent: z.number().int(),
      byStatus: counts(INTEREST_STATUSES),
      declinedByReason: counts(DECLINE_REASONS),
    }),
    agreements: z.object({
      confirmed: z.number().int(),
      awaitingConfirmation: z.number().int(),
      valueCny: z.number().nullable(),
      byType: z.array(
        z.object({ type: z.enum(AGREEMENT_TYPES), count: z.number().int(), valueCny: z.number().nullable() }),
      ),
    }),
    projects: z.object({
      total: z.number().int(),
      byStage: counts(PROJECT_STAGES),
      contractedInvestmentCny: z.number(),
      actualInvestmentCny: z.number(),
      jobsCreated: z.number().int(),
    }),
    byMonth: z.array(
      z.object({
        month: z.string().openapi({ example: '2018-06' }),
        interests: z.number().int(),
        agreements: z.number().int(),
        valueCny: z.number().nullable(),
        projects: z.number().int(),
      }),
    ),
    byCategory: z.array(Breakdown),
    bySector: z.array(Breakdown),
    byArea: z.array(Breakdown),
    pairings: z
      .array(Headline)
      .openapi({ description: "Overall only: each pairing's share of the period's records" }),
    visits: z.number().int(),
    agreedAreas: counts(AREA_STATUSES).and(z.object({ total: z.number().int() })),
    programmes: z.array(
      z.object({ id: z.uuid(), titleEn: z.string(), titleZh: z.string(), status: z.enum(STATUSES) }),
    ),
    indicators: z.array(
      z.object({
        programmeId: z.uuid(),
        indicatorId: z.uuid(),
        kind: z.string(),
        nameEn: z.string().nullable(),
        nameZh: z.string().nullable(),
        unit: z.string(),
        baseline: z.number(),
        target: z.number(),
        deadline: Day,
        expected: z.number(),
        actual: z.number(),
        status: z.enum(STATUSES),
      }),
    ),
    details: z
      .object({
        region: z.string().openapi({ description: "A region code, or 'all' for administrators" }),
        projects: z.array(
          z.object({
            id: z.uuid(),
            title: z.string(),
            language: z.enum(LANGS),
            stage: z.enum(PROJECT_STAGES),
            signedOn: Day,
            contractedInvestmentCny: z.number().nullable(),
            actualInvestmentCny: z.number(),
            jobsCreated: z.number().int(),
            published: z.boolean(),
          }),
        ),
        agreements: z.array(
          z.object({
            id: z.uuid(),
            title: z.string(),
            language: z.enum(LANGS),
            type: z.enum(AGREEMENT_TYPES),
            signedOn: Day,
            valueCny: z.number().nullable(),
            confirmed: z.boolean(),
          }),
        ),
      })
      .nullable()
      .openapi({ description: "The caller's region's records: coordinators and administrators only" }),
  })
  .openapi('Dashboard');

/** The dashboard as JSON: an allow-list of its fields. */
export function present(d: Dashboard): z.infer<typeof DashboardJson> {
  const f = d.figures;
  const value = (v: number) => (d.full ? v : null);
  return {
    pairing: d.pairing && {
      id: d.pairing.id,
      aCode: d.pairing.aCode,
      bCode: d.pairing.bCode,
      kind: d.pairing.kind,
    },
    period: d.period,
    today: d.today,
    full: d.full,
    asOf: d.asOf,
    interests: f.interests,
    agreements: {
      confirmed: f.agreements.confirmed,
      awaitingConfirmation: f.agreements.awaitingConfirmation,
      valueCny: value(f.agreements.value),
      byType: f.agreements.byType.map((t) => ({ type: t.type, count: t.count, valueCny: value(t.value) })),
    },
    projects: {
      total: f.projects.total,
      byStage: f.projects.byStage,
      contractedInvestmentCny: f.projects.contracted,
      actualInvestmentCny: f.projects.actual,
      jobsCreated: f.projects.jobs,
    },
    byMonth: f.byMonth.map((m) => ({
      month: m.month,
      interests: m.interests,
      agreements: m.agreements,
      valueCny: value(m.value),
      projects: m.projects,
    })),
    byCategory: f.byCategory,
    bySector: f.bySector,
    byArea: f.byArea,
    pairings: d.pairings.map(presentHeadline),
    visits: d.visits,
    agreedAreas: d.areas,
    programmes: d.programmes.map((p) => ({
      id: p.id,
      titleEn: p.titleEn,
      titleZh: p.titleZh,
      status: p.status,
    })),
    indicators: d.indicators.map((i) => ({
      programmeId: i.programmeId,
      indicatorId: i.indicatorId,
      kind: i.kind,
      nameEn: i.nameEn,
      nameZh: i.nameZh,
      unit: i.unit,
      baseline: i.baseline,
      target: i.target,
      deadline: i.deadline,
      expected: i.expected,
      actual: i.actual,
      status: i.status,
    })),
    details: d.details && {
      region: d.details.region,
      projects: d.details.projects.map((p) => ({
        id: p.id,
        title: p.title,
        language: p.language,
        stage: p.stage,
        signedOn: p.signedOn,
        contractedInvestmentCny: p.contractedInvestmentCny,
        actualInvestmentCny: p.actualInvestmentCny,
        jobsCreated: p.jobsCreated,
        published: p.published,
      })),
      agreements: d.details.agreements.map((a) => ({
        id: a.id,
        title: a.title,
        language: a.language,
        type: a.type,
        signedOn: a.signedOn,
        valueCny: a.valueCny,
        confirmed: a.confirmed,
      })),
    },
  };
}
