/**
 * The dashboards' arithmetic, pure: which records belong to a pairing, which fall in a period, and the
 * counts, sums, breakdowns and monthly trends of what is left. Dates are China dates (`YYYY-MM-DD`).
 */
import type { AgreementType } from '../../agreements/kinds.ts';
import { DECLINE_REASONS, INTEREST_STATUSES } from '../../interests/schema.ts';
import { PROJECT_STAGES } from '../../projects/schema.ts';

export { DECLINE_REASONS, INTEREST_STATUSES, PROJECT_STAGES };

export type InterestStatus = (typeof INTEREST_STATUSES)[number];
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export type Stage = (typeof PROJECT_STAGES)[number];

/** An organisation taking part, with where it is: its province and (when known) its city or county. */
export interface Party {
  orgId: string;
  regionCode: string;
  areaCode: string | null;
}

/** One side of a pairing: a province, or a prefecture (`area`) inside one. */
export interface Side {
  region: string;
  area: string | null;
}

/** The two sides of a pairing; null for the overall dashboard (every record counts). */
export type Scope = readonly [Side, Side] | null;

/** Inclusive China dates; null leaves that end open. */
export interface Period {
  from: string | null;
  to: string | null;
}

export interface InterestFact {
  sentOn: string;
  status: InterestStatus;
  declineReason: DeclineReason | null;
  parties: readonly Party[];
}

export interface AgreementFact {
  type: AgreementType;
  signedOn: string;
  valueCny: number | null;
  confirmed: boolean;
  parties: readonly Party[];
}

export interface ProjectFact {
  stage: Stage;
  category: string;
  sector: string | null;
  regionCode: string;
  areaCode: string | null;
  signedOn: string;
  contractedInvestmentCny: number | null;
  actualInvestmentCny: number;
  jobsCreated: number;
  parties: readonly Party[];
}

export interface Facts<P extends ProjectFact = ProjectFact, A extends AgreementFact = AgreementFact> {
  interests: readonly InterestFact[];
  agreements: readonly A[];
  projects: readonly P[];
}

/** Projects and their money and jobs, for one key of a breakdown. */
export interface Breakdown {
  key: string;
  projects: number;
  contracted: number;
  actual: number;
  jobs: number;
}

export interface MonthRow {
  /** `YYYY-MM` */
  month: string;
  interests: number;
  agreements: number;
  value: number;
  projects: number;
}

export interface Figures {
  interests: {
    sent: number;
    byStatus: Record<InterestStatus, number>;
    declinedByReason: Record<DeclineReason, number>;
  };
  agreements: {
    /** Confirmed by every party's region: the official count. */
    confirmed: number;
    awaitingConfirmation: number;
    /** Contracted value of the confirmed ones, in yuan (those without a value add nothing). */
    value: number;
    byType: { type: AgreementType; count: number; value: number }[];
  };
  projects: {
    total: number;
    byStage: Record<Stage, number>;
    contracted: number;
    actual: number;
    jobs: number;
  };
  byMonth: MonthRow[];
  byCategory: Breakdown[];
  bySector: Breakdown[];
  byArea: Breakdown[];
}

function onSide(p: Party, side: Side): boolean {
  if (p.regionCode !== side.region) return false;
  return side.area === null || (p.areaCode !== null && p.areaCode.slice(0, 4) === side.area.slice(0, 4));
}

/**
 * Whether a record's parties span the pairing: one party on each side (always, for the overall scope).
 * When one side holds the other (Jilin and its Yanbian), the party for the larger side must be outside
 * the smaller one, so a record between two Yanbian organisations is not a Jilin–Yanbian record.
 */
export function inScope(parties: readonly Party[], scope: Scope): boolean {
  if (scope === null) return true;
  const [a, b] = scope;
  const on = (p: Party, side: Side, other: Side) =>
    onSide(p, side) && !(sideWithin(other, side) && onSide(p, other));
  return parties.some((p, i) => on(p, a, b) && parties.some((q, j) => j !== i && on(q, b, a)));
}

function sideWithin(inner: Side, outer: Side): boolean {
  return inner.region === outer.region && (outer.area === null || inner.area === outer.area);
}

/**
 * Whether one pairing lies inside another, each side in a side (Zhejiang → Yanbian inside Jilin–Zhejiang):
 * the inner pairing's programmes count on the outer one's dashboard.
 */
export function pairingWithin(inner: readonly [Side, Side], outer: readonly [Side, Side]): boolean {
  const [a, b] = inner;
  const [x, y] = outer;
  return (sideWithin(a, x) && sideWithin(b, y)) || (sideWithin(a, y) && sideWithin(b, x));
}

/** Whether a China date lies in the period (both ends included). */
export function inPeriod(date: string, period: Period): boolean {
  return (period.from === null || date >= period.from) && (period.to === null || date <= period.to);
}

/** The records of the scope that fall in the period: interests by sending, the rest by signing. */
export function select<F extends Facts>(facts: F, scope: Scope, period: Period): F {
  const keep = (r: { parties: readonly Party[] }, date: string) =>
    inPeriod(date, period) && inScope(r.parties, scope);
  return {
    ...facts,
    interests: facts.interests.filter((i) => keep(i, i.sentOn)),
    agreements: facts.agreements.filter((a) => keep(a, a.signedOn)),
    projects: facts.projects.filter((p) => keep(p, p.signedOn)),
  };
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Every month from the one of `from` to the one of `to`, as `YYYY-MM`; empty when `from`'s month is later. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = to.slice(0, 7);
  for (let key = from.slice(0, 7); key <= end; key = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(key);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

function breakdown<P extends ProjectFact>(projects: readonly P[], keyOf: (p: P) => string): Breakdown[] {
  const rows = new Map<string, Breakdown>();
  for (const p of projects) {
    const key = keyOf(p);
    const row = rows.get(key) ?? { key, projects: 0, contracted: 0, actual: 0, jobs: 0 };
    row.projects += 1;
    row.contracted += p.contractedInvestmentCny ?? 0;
    row.actual += p.actualInvestmentCny;
    row.jobs += p.jobsCreated;
    rows.set(key, row);
  }
  // Largest first; ties in key order, so the same data always give the same table.
  return [...rows.values()].sort((a, b) => b.projects - a.projects || a.key.localeCompare(b.key));
}

/** A prefecture's code for a county's, so projects group by city; a province's code stays. */
function cityOf(p: ProjectFact): string {
  return p.areaCode && /^\d{6}$/.test(p.areaCode) ? `${p.areaCode.slice(0, 4)}00` : p.regionCode;
}

/**
 * The figures of records already selected (`select`). Months run over the period, open ends closed by
 * the first record and by `today`; no records and no period give no months.
 */
export function figures(facts: Facts, period: Period, today: string): Figures {
  const { interests, agreements, projects } = facts;
  const byStatus = zeros(INTEREST_STATUSES);
  const declinedByReason = zeros(DECLINE_REASONS);
  for (const i of interests) {
    byStatus[i.status] += 1;
    if (i.status === 'declined') declinedByReason[i.declineReason ?? 'other'] += 1;
  }
  const confirmed = agreements.filter((a) => a.confirmed);
  const types = new Map<AgreementType, { type: AgreementType; count: number; value: number }>();
  for (const a of confirmed) {
    const row = types.get(a.type) ?? { type: a.type, count: 0, value: 0 };
    row.count += 1;
    row.value += a.valueCny ?? 0;
    types.set(a.type, row);
  }
  const byStage = zeros(PROJECT_STAGES);
  for (const p of projects) byStage[p.stage] += 1;

  const dates = [
    ...interests.map((i) => i.sentOn),
    ...confirmed.map((a) => a.signedOn),
    ...projects.map((p) => p.signedOn),
  ].sort();
  const first = period.from ?? dates[0];
  const last = period.to && period.to < today ? period.to : today;
  const byMonth: MonthRow[] = (first ? monthsBetween(first, last) : []).map((month) => ({
    month,
    interests: 0,
    agreements: 0,
    value: 0,
    projects: 0,
  }));
  const month = new Map(byMonth.map((r) => [r.month, r]));
  for (const i of interests) {
    const row = month.get(i.sentOn.slice(0, 7));
    if (row) row.interests += 1;
  }
  for (const a of confirmed) {
    const row = month.get(a.signedOn.slice(0, 7));
    if (row) {
      row.agreements += 1;
      row.value += a.valueCny ?? 0;
    }
  }
  for (const p of projects) {
    const row = month.get(p.signedOn.slice(0, 7));
    if (row) row.projects += 1;
  }

  const sum = (f: (p: ProjectFact) => number) => projects.reduce((s, p) => s + f(p), 0);
  return {
    interests: { sent: interests.length, byStatus, declinedByReason },
    agreements: {
      confirmed: confirmed.length,
      awaitingConfirmation: agreements.length - confirmed.length,
      value: confirmed.reduce((s, a) => s + (a.valueCny ?? 0), 0),
      byType: [...types.values()].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    },
    projects: {
      total: projects.length,
      byStage,
      contracted: sum((p) => p.contractedInvestmentCny ?? 0),
      actual: sum((p) => p.actualInvestmentCny),
      jobs: sum((p) => p.jobsCreated),
    },
    byMonth,
    byCategory: breakdown(projects, (p) => p.category),
    bySector: breakdown(projects, (p) => p.sector ?? ''),
    byArea: breakdown(projects, cityOf),
  };
}
