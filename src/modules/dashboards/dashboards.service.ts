/**
 * The dashboards' use cases: a pairing's figures, the overall figures and the pairings' headline figures,
 * each read through the other modules' read functions and counted by the pure core.
 */
import { z } from 'zod';
import { invalid } from '../../lib/errors.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { organisationAreas } from '../accounts/organisations.service.ts';
import { agreementFacts, type AgreementFact as AgreementRecord } from '../agreements/agreements.read.ts';
import { interestFacts } from '../interests/interests.read.ts';
import { chinaDate } from '../matching/core/score.ts';
import {
  programmeIndicatorsForPairing,
  type PairingIndicator,
  type ProgrammeSummary,
} from '../programmes/programmes.read.ts';
import { projectFacts, type ProjectFact as ProjectRecord } from '../projects/projects.summaries.ts';
import {
  getPairing,
  listPairings,
  listRegions,
  type PairingView,
  type RegionRow,
} from '../regions/regions.service.ts';
import type { Places } from '../listings/views/parts.tsx';
import type { AreaStatus } from '../visits/core/area-status.ts';
import { agreedAreaStats } from '../visits/visits.read.ts';
import {
  figures,
  inScope,
  pairingWithin,
  select,
  type AgreementFact,
  type Facts,
  type Figures,
  type Party,
  type Period,
  type ProjectFact,
  type Scope,
  type Side,
} from './core/figures.ts';
import { dashMsg } from './messages.ts';
import { detailRegion, seesFullFigures } from './policy.ts';

type DashDeps = Pick<Deps, 'db' | 'now'>;

/** A project with what a coordinator's list shows. */
export type DetailProject = ProjectFact & Pick<ProjectRecord, 'id' | 'title' | 'language' | 'published'>;
/** An agreement with what a coordinator's list shows. */
export type DetailAgreement = AgreementFact & Pick<AgreementRecord, 'id' | 'title' | 'language'>;
type DashFacts = Facts<DetailProject, DetailAgreement>;

export interface Dashboard {
  /** Null for the overall dashboard. */
  pairing: PairingView | null;
  period: Period;
  /**
   * Whether the figures are whole (`seesFullFigures`); otherwise they count published projects only and
   * agreements' values are not shown.
   */
  full: boolean;
  /** Today's China date; indicators are measured as of the period's end when that is earlier. */
  today: string;
  asOf: string;
  figures: Figures;
  /** On the overall dashboard, each pairing's share of the period's records; empty on a pairing's. */
  pairings: PairingHeadline[];
  visits: number;
  areas: Record<AreaStatus, number> & { total: number };
  programmes: ProgrammeSummary[];
  indicators: PairingIndicator[];
  /** Coordinators' and admins' lists of their region's records in the figures; null for everyone else. */
  details: { region: string; projects: DetailProject[]; agreements: DetailAgreement[] } | null;
}

const PeriodQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/**
 * A period from `from`/`to` query values (inclusive China dates, either may be empty); a 400 naming the
 * field, explained in `lang`.
 */
export function parsePeriod(
  q: { from?: string | undefined; to?: string | undefined },
  lang: Lang = 'en',
): Period {
  const t = dashMsg(lang);
  const clean = { from: q.from?.trim() || undefined, to: q.to?.trim() || undefined };
  const parsed = PeriodQuery.safeParse(clean);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'from');
    throw invalid(field, t('badDate'));
  }
  const { from = null, to = null } = parsed.data;
  if (from && to && from > to) throw invalid('to', t('toBeforeFrom'));
  return { from, to };
}

/** A pairing's side as the core matches it: a province, or a prefecture inside its province. */
function sideOf(region: RegionRow): Side {
  return region.level === 'prefecture' && region.parentCode
    ? { region: region.parentCode, area: region.code }
    : { region: region.code, area: null };
}

/** The pairing's two sides, for the core and for other modules' `between` filters. */
export function scopeOf(pairing: PairingView): readonly [Side, Side] {
  return [sideOf(pairing.a), sideOf(pairing.b)];
}

/**
 * Every record with a party in each region of `between` (all when null), each party placed in its
 * organisation's city; interests only when asked for.
 */
async function loadFacts(
  deps: DashDeps,
  between: readonly [string, string] | null,
  withInterests = true,
): Promise<DashFacts> {
  const [interests, agreements, projects, areas] = await Promise.all([
    withInterests ? interestFacts(deps.db, between, deps.now()) : [],
    agreementFacts(deps.db, between),
    projectFacts(deps.db, between),
    organisationAreas(deps.db),
  ]);
  const placed = (parties: readonly { orgId: string; regionCode: string }[]): Party[] =>
    parties.map((p) => ({ ...p, areaCode: areas.get(p.orgId) ?? null }));
  return {
    interests: interests.map((i) => ({ ...i, parties: placed(i.parties) })),
    agreements: agreements.map((a) => ({ ...a, parties: placed(a.parties) })),
    projects: projects.map((p) => ({ ...p, parties: placed(p.parties) })),
  };
}

/** What the public may count: published projects only (agreement values are left out when shown). */
function publicOnly(facts: DashFacts): DashFacts {
  return { ...facts, projects: facts.projects.filter((p) => p.published) };
}

/** The indicators of the pairing's programmes and of those of pairings inside it; every one overall. */
async function programmesOf(deps: DashDeps, pairing: PairingView | null, asOf: string) {
  if (!pairing) return programmeIndicatorsForPairing(deps, null, asOf);
  const outer = scopeOf(pairing);
  const ids = (await listPairings(deps.db)).filter((p) => pairingWithin(scopeOf(p), outer)).map((p) => p.id);
  const parts = await Promise.all(ids.map((id) => programmeIndicatorsForPairing(deps, id, asOf)));
  return {
    programmes: parts.flatMap((p) => p.programmes),
    indicators: parts.flatMap((p) => p.indicators),
  };
}

async function build(
  deps: DashDeps,
  ctx: UseCaseContext,
  pairing: PairingView | null,
  period: Period,
): Promise<Dashboard> {
  const scope: Scope = pairing ? scopeOf(pairing) : null;
  const today = chinaDate(deps.now());
  const asOf = period.to && period.to < today ? period.to : today;
  const sides = pairing ? [pairing.aCode, pairing.bCode] : null;
  const full = seesFullFigures(ctx.viewer, scope);
  const [loaded, visits, programmes, pairings] = await Promise.all([
    loadFacts(deps, scope ? [scope[0].region, scope[1].region] : null),
    agreedAreaStats(deps, {
      ...(sides ? { between: [sides[0]!, sides[1]!] as const } : {}),
      ...(period.from ? { from: period.from } : {}),
      ...(period.to ? { to: period.to } : {}),
    }),
    programmesOf(deps, pairing, asOf),
    pairing ? [] : listPairings(deps.db),
  ]);
  const everything = select(loaded, scope, period);
  const chosen = full ? everything : select(publicOnly(loaded), scope, period);
  const region = detailRegion(ctx.viewer, scope);
  const mine = (r: { parties: readonly Party[] }) =>
    region === 'all' || r.parties.some((p) => p.regionCode === region);
  return {
    pairing,
    period,
    today,
    asOf,
    full,
    figures: figures(chosen, period, today),
    pairings: headlinesOf(pairings, chosen, today, full),
    visits: visits.visits,
    areas: visits.areas,
    programmes: programmes.programmes,
    indicators: programmes.indicators,
    details:
      region === null
        ? null
        : {
            region,
            // Their own region's records whole, unpublished ones too, even beside public aggregates.
            projects: everything.projects.filter(mine).sort((a, b) => b.signedOn.localeCompare(a.signedOn)),
            agreements: everything.agreements
              .filter(mine)
              .sort((a, b) => b.signedOn.localeCompare(a.signedOn)),
          },
  };
}

/** A pairing's dashboard for the period; 404 for an unknown pairing. Public; details per `detailRegion`. */
export async function pairingDashboard(
  deps: DashDeps,
  ctx: UseCaseContext,
  pairingId: number,
  period: Period,
): Promise<Dashboard> {
  return build(deps, ctx, await getPairing(deps.db, pairingId), period);
}

/** Every record on the platform, whichever regions it joins. Public; details per `detailRegion`. */
export async function overallDashboard(
  deps: DashDeps,
  ctx: UseCaseContext,
  period: Period,
): Promise<Dashboard> {
  return build(deps, ctx, null, period);
}

/**
 * The pairing's dashboard (`pairingId`) or the overall one (null), with the region names its tables
 * use. Public; details per `detailRegion`.
 */
export async function dashboardOf(
  deps: DashDeps,
  ctx: UseCaseContext,
  pairingId: number | null,
  period: Period,
): Promise<{ dashboard: Dashboard; places: Places }> {
  const [dashboard, regions] = await Promise.all([
    pairingId === null ? overallDashboard(deps, ctx, period) : pairingDashboard(deps, ctx, pairingId, period),
    listRegions(deps.db),
  ]);
  return { dashboard, places: new Map(regions.map((r) => [r.code, r])) };
}

export interface PairingHeadline {
  pairing: PairingView;
  agreements: number;
  /** Contracted value of the confirmed agreements; null when the figures are not whole. */
  value: number | null;
  projects: number;
  contracted: number;
  actual: number;
  jobs: number;
}

/** Each pairing's confirmed agreements (and, if `full`, their value), projects, investment and jobs. */
function headlinesOf(
  pairings: readonly PairingView[],
  facts: DashFacts,
  today: string,
  full: boolean,
): PairingHeadline[] {
  return pairings.map((pairing) => {
    const scope = scopeOf(pairing);
    const f = figures(
      {
        interests: [],
        agreements: facts.agreements.filter((a) => inScope(a.parties, scope)),
        projects: facts.projects.filter((p) => inScope(p.parties, scope)),
      },
      { from: null, to: null },
      today,
    );
    return {
      pairing,
      agreements: f.agreements.confirmed,
      value: full ? f.agreements.value : null,
      projects: f.projects.total,
      contracted: f.projects.contracted,
      actual: f.projects.actual,
      jobs: f.projects.jobs,
    };
  });
}

/**
 * Each pairing's all-time headline figures as the public sees them (the home page), from one read of
 * every agreement and project.
 */
export async function pairingHeadlines(deps: DashDeps): Promise<PairingHeadline[]> {
  const [pairings, facts] = await Promise.all([listPairings(deps.db), loadFacts(deps, null, false)]);
  return headlinesOf(pairings, publicOnly(facts), chinaDate(deps.now()), false);
}
