// `npm run bench:dashboard [-- --seed-only]`: the dashboards with 10,000 projects and 1,000 visits, beside the
// same pages on the demo content alone and a simple page.
//
// Boots a fresh PGlite database in a temporary folder (migrated, as the server does), loads the demo content,
// builds the app in this process and times pages through `app.request` (no sockets: the figures are the
// app's own time to answer, routing, reads, counting and rendering; unlike bench:pages there is no server
// process, because PGlite has one owner and the records are inserted between the two rounds through the
// same handle). Requests are sequential: a dashboard is one person's page, not a load test.
//
// First the small database: the Jilin–Zhejiang pairing's dashboard (en, zh, one year, as its Jilin
// coordinator), the overall dashboard, the pairing's XLSX export, the home page and /en/regions. Then it
// inserts synthetic records straight into the modules' tables (a fixture, not app code: agreements confirmed
// by both sides with their projects, interests on the demo listings, published visits with agreed areas, some
// linked to the projects and agreements) and times the same targets again. Prints per target the median and
// p95 over sequential requests, the response size and status, the ratio large/small and the ratio to
// /en/regions in the same database; the dashboard use case (dashboardOf) timed alone beside each page, to
// show how much of a page is reading and counting and how much rendering; the row counts, the seeding time
// and the peak RSS. Pages must answer 200: anything else ends the run with an error, so a broken route is
// never reported as fast. An export that answers 404 is reported and skipped.
//
// --seed-only: load and count the records, time nothing.
// Settings (environment): BENCH_PROJECTS (10000), BENCH_VISITS (1000) and BENCH_INTERESTS (3000), the totals
// once seeded (the demo's own records count towards them); BENCH_REQUESTS measured per target (20),
// BENCH_WARMUP requests (5), BENCH_BUDGET seconds per target (30: fewer measured requests when a page is
// slow, never fewer than 5); BENCH_SEED of the pseudo-random records (1).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import { createApp } from '../src/app.ts';
import { boot } from '../src/boot.ts';
import type { Db } from '../src/db/client.ts';
import { organisations, users } from '../src/modules/accounts/schema.ts';
import type { UseCaseContext } from '../src/modules/accounts/context.ts';
import { createSession, resolveSession, type SessionUser } from '../src/modules/accounts/sessions.ts';
import { AGREEMENT_TYPES } from '../src/modules/agreements/kinds.ts';
import { agreementConfirmations, agreementParties, agreements } from '../src/modules/agreements/schema.ts';
import { dashboardOf } from '../src/modules/dashboards/dashboards.service.ts';
import type { Period } from '../src/modules/dashboards/core/figures.ts';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { DECLINE_REASONS, interests, TIMELINES } from '../src/modules/interests/schema.ts';
import { seededRandom } from '../src/modules/listings/synthetic.ts';
import { listings } from '../src/modules/listings/schema.ts';
import { projectParties, projects } from '../src/modules/projects/schema.ts';
import { pairingsOf } from '../src/modules/regions/regions.service.ts';
import { LISTING_CATEGORY_CODES } from '../src/modules/taxonomy/categories.data.ts';
import { INDUSTRY_DIVISIONS } from '../src/modules/taxonomy/industries.data.ts';
import { agreedAreaLinks, agreedAreas, VISIT_KINDS, visits } from '../src/modules/visits/schema.ts';
import type { AppEnv } from '../src/web/env.ts';
import { SESSION_COOKIE } from '../src/web/middleware.ts';

const { values: args } = parseArgs({ options: { 'seed-only': { type: 'boolean', default: false } } });
const PROJECTS = whole('BENCH_PROJECTS', 10_000, 1, 1_000_000);
const VISITS = whole('BENCH_VISITS', 1_000, 0, 1_000_000);
const INTERESTS = whole('BENCH_INTERESTS', 3_000, 0, 1_000_000);
const REQUESTS = whole('BENCH_REQUESTS', 20, 1, 1000);
const WARMUP = whole('BENCH_WARMUP', 5, 0, 1000);
const BUDGET_S = whole('BENCH_BUDGET', 30, 1, 3600);
const SEED = process.env.BENCH_SEED || '1';
const MIN_REQUESTS = Math.min(5, REQUESTS);
const BATCH = 500;
/** Signing dates of the synthetic records: the reference visit's month up to the last full month. */
const FIRST_DAY = '2017-09-01';
const LAST_DAY = '2026-10-31';

function whole(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be a whole number of ${min}–${max}`);
  return n;
}

const log = (text: string) => process.stdout.write(`${text}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// Peak RSS: sampled on a timer and after every request (a page renders synchronously, so the timer alone
// could miss it; the memory it used is still resident just after).
let peakRss = process.memoryUsage().rss;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
setInterval(sampleRss, 100).unref();

// Everything the run creates, undone once whatever happens.
const dataDir = mkdtempSync(join(tmpdir(), 'counterpart-bench-dashboard-'));
let closeDatabase: (() => Promise<void>) | undefined;
let cleaned = false;
function cleanUp(): void {
  if (cleaned) return;
  cleaned = true;
  rmSync(dataDir, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Synthetic records

/** A deterministic pseudo-random source with the helpers the fixture needs. */
function randomSource(seed: string) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    /** An item chosen by weight: `[[item, weight], …]`. */
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        if ((r -= w) < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    /** A version-4 UUID from this source, so that ids (and links between records) repeat from run to run. */
    uuid: (): string => {
      const hex = Array.from({ length: 32 }, () => int(16).toString(16));
      hex[12] = '4';
      hex[16] = (8 + int(4)).toString(16);
      const s = hex.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}
type Random = ReturnType<typeof randomSource>;

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayString = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const addDays = (day: string, days: number) => dayString(dayNumber(day) + days);
const minDay = (a: string, b: string) => (a < b ? a : b);
/** A moment of that China date (noon, +08:00). */
const at = (day: string) => new Date(`${day}T12:00:00+08:00`);

interface Org {
  id: string;
  regionCode: string;
  areaCode: string | null;
}

/** One side of a synthetic pairing: its organisations and the cities its projects are built in. */
interface Side {
  region: string;
  orgs: Org[];
  areas: readonly string[];
}

/** Inserts rows in batches; returns how many. */
async function insertAll<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
  return rows.length;
}

async function approvedOrgs(db: Db, regionCode: string): Promise<Org[]> {
  return db
    .select({ id: organisations.id, regionCode: organisations.regionCode, areaCode: organisations.areaCode })
    .from(organisations)
    .where(and(eq(organisations.regionCode, regionCode), eq(organisations.status, 'approved')))
    .orderBy(organisations.nameEn);
}

/**
 * The demo has no organisation in Jiangsu: two invented ones there, so that Liaoning–Jiangsu records
 * exist beside Jilin–Zhejiang (the pairing's dashboard must leave them out).
 */
async function benchOrgs(db: Db, regionCode: string, areaCodes: readonly string[]): Promise<Org[]> {
  const existing = await approvedOrgs(db, regionCode);
  if (existing.length > 0) return existing;
  return db
    .insert(organisations)
    .values(
      areaCodes.map((areaCode, i) => ({
        nameEn: `Bench ${regionCode} Enterprise ${i + 1}`,
        nameZh: `基准测试企业${i + 1}`,
        type: 'enterprise' as const,
        regionCode,
        areaCode,
        status: 'approved' as const,
      })),
    )
    .returning({
      id: organisations.id,
      regionCode: organisations.regionCode,
      areaCode: organisations.areaCode,
    });
}

type Stage = (typeof projects.$inferSelect)['stage'];

const STAGE_WEIGHTS = [
  ['signed', 30],
  ['landed', 20],
  ['started', 20],
  ['in_production', 18],
  ['stalled', 7],
  ['cancelled', 5],
] as const satisfies readonly (readonly [Stage, number])[];

/** The stage dates a project at `stage` has, each after the one before. */
function stageDates(r: Random, stage: Stage, signedOn: string) {
  const step = (from: string) => minDay(addDays(from, 20 + r.int(200)), LAST_DAY);
  const dates: Partial<
    Record<'landedOn' | 'startedOn' | 'inProductionOn' | 'stalledOn' | 'cancelledOn', string>
  > = {};
  const reached = {
    signed: 0,
    landed: 1,
    started: 2,
    in_production: 3,
    stalled: 1 + r.int(2),
    cancelled: r.int(3),
  }[stage];
  let last = signedOn;
  if (reached >= 1) last = dates.landedOn = step(last);
  if (reached >= 2) last = dates.startedOn = step(last);
  if (reached >= 3) last = dates.inProductionOn = step(last);
  if (stage === 'stalled') dates.stalledOn = step(last);
  if (stage === 'cancelled') dates.cancelledOn = step(last);
  return dates;
}

async function seed(db: Db): Promise<void> {
  const r = randomSource(`${SEED}:dashboard`);
  // Up to the totals asked for: the demo's records count.
  const have = await countRows(db);
  const newProjects = Math.max(0, PROJECTS - have.projects);
  const newVisits = Math.max(0, VISITS - have.visits);
  const newInterests = Math.max(0, INTERESTS - have.interests);
  const span = dayNumber(LAST_DAY) - dayNumber(FIRST_DAY);
  const someDay = () => dayString(dayNumber(FIRST_DAY) + r.int(span + 1));
  const jl: Side = {
    region: 'CN-JL',
    orgs: await approvedOrgs(db, 'CN-JL'),
    areas: ['220100', '220200', '222400', '220300'],
  };
  const zj: Side = {
    region: 'CN-ZJ',
    orgs: await approvedOrgs(db, 'CN-ZJ'),
    areas: ['330100', '330200', '330300'],
  };
  const ln: Side = { region: 'CN-LN', orgs: await approvedOrgs(db, 'CN-LN'), areas: ['210100', '210200'] };
  const js: Side = {
    region: 'CN-JS',
    orgs: await benchOrgs(db, 'CN-JS', ['320100', '320500']),
    areas: ['320100', '320500'],
  };
  for (const side of [jl, zj, ln, js]) {
    if (side.orgs.length === 0)
      throw new Error(`the demo content has no approved organisation in ${side.region}`);
  }
  const pairs: [readonly [Side, Side], number][] = [
    [[jl, zj], 85],
    [[ln, js], 15],
  ];
  const now = new Date();
  const sectors = INDUSTRY_DIVISIONS.map((d) => d.code);
  // Most projects in a few sectors, as in the real programme; the rest spread over all divisions.
  const commonSectors = ['C15', 'C36', 'C27', 'C13', 'I65', 'M73', 'N77', 'L72', 'A01', 'G59'];

  // Agreements (confirmed by both sides) and their projects: each agreement has one project or more.
  const agreementCount = Math.max(1, Math.round(newProjects * 0.6));
  const agreementRows: (typeof agreements.$inferInsert)[] = [];
  const partyRows: (typeof agreementParties.$inferInsert)[] = [];
  const confirmationRows: (typeof agreementConfirmations.$inferInsert)[] = [];
  const agreementSides: { id: string; signedOn: string; parties: [Org, Org] }[] = [];
  for (let i = 0; i < agreementCount; i++) {
    const [a, b] = r.weighted(pairs);
    const parties: [Org, Org] = [r.pick(a.orgs), r.pick(b.orgs)];
    const id = r.uuid();
    const signedOn = someDay();
    const language = r.next() < 0.7 ? 'zh' : 'en';
    agreementRows.push({
      id,
      type: r.pick(AGREEMENT_TYPES),
      title: language === 'zh' ? `合作协议 ${i + 1}` : `Cooperation agreement ${i + 1}`,
      language,
      valueCny: r.next() < 0.1 ? null : Math.round(10 ** (6 + r.next() * 3.5)),
      signedOn,
      signedPlace: r.pick(['长春', '杭州', '延吉', '宁波', 'Shenyang', 'Nanjing']),
      createdAt: at(signedOn),
      updatedAt: at(signedOn),
    });
    for (const p of parties) {
      partyRows.push({ agreementId: id, orgId: p.id, regionCode: p.regionCode });
      confirmationRows.push({
        agreementId: id,
        regionCode: p.regionCode,
        confirmerName: 'Bench coordinator',
        confirmedAt: at(minDay(addDays(signedOn, 1 + r.int(20)), LAST_DAY)),
      });
    }
    agreementSides.push({ id, signedOn, parties });
  }

  const projectRows: (typeof projects.$inferInsert)[] = [];
  const projectPartyRows: (typeof projectParties.$inferInsert)[] = [];
  for (let i = 0; i < newProjects; i++) {
    const agreement = i < agreementCount ? agreementSides[i]! : r.pick(agreementSides);
    const builder = r.pick(agreement.parties);
    const side = [jl, zj, ln, js].find((s) => s.region === builder.regionCode)!;
    const signedOn = minDay(addDays(agreement.signedOn, r.int(90)), LAST_DAY);
    const stage = r.weighted(STAGE_WEIGHTS);
    const contracted = r.next() < 0.05 ? null : Math.round(10 ** (6 + r.next() * 3.3));
    const progress = {
      signed: 0,
      landed: 0.1,
      started: 0.4,
      in_production: 0.9,
      stalled: 0.3,
      cancelled: 0.05,
    }[stage];
    const language = r.next() < 0.7 ? 'zh' : 'en';
    const id = r.uuid();
    projectRows.push({
      id,
      agreementId: agreement.id,
      title: language === 'zh' ? `合作项目 ${i + 1}` : `Cooperation project ${i + 1}`,
      language,
      category: r.pick(LISTING_CATEGORY_CODES),
      sector: r.next() < 0.08 ? null : r.next() < 0.6 ? r.pick(commonSectors) : r.pick(sectors),
      regionCode: builder.regionCode,
      areaCode: r.next() < 0.1 ? null : r.pick(side.areas),
      stage,
      signedOn,
      ...stageDates(r, stage, signedOn),
      contractedInvestmentCny: contracted,
      actualInvestmentCny: Math.round((contracted ?? 5e7) * progress * (0.5 + r.next())),
      jobsCreated: stage === 'signed' ? 0 : r.int(stage === 'in_production' ? 800 : 120),
      published: r.next() < 0.9,
      createdAt: at(signedOn),
      updatedAt: at(signedOn),
    });
    for (const p of agreement.parties)
      projectPartyRows.push({ projectId: id, orgId: p.id, regionCode: p.regionCode });
  }

  // Interests on the demo's published listings, from organisations of the listing's counterpart province.
  const demoListings = await db
    .select({ id: listings.id, orgId: listings.orgId, regionCode: listings.regionCode })
    .from(listings)
    .where(eq(listings.status, 'published'));
  const openPairs = new Set(
    (
      await db
        .select({ a: interests.fromOrgId, b: interests.toOrgId })
        .from(interests)
        .where(eq(interests.status, 'open'))
    ).map(({ a, b }) => [a, b].sort().join(' ')),
  );
  const counterpartOf: Record<string, Side | undefined> = {
    'CN-JL': zj,
    'CN-ZJ': jl,
    'CN-LN': js,
    'CN-JS': ln,
  };
  const interestRows: (typeof interests.$inferInsert)[] = [];
  const candidates = demoListings.filter((l) => counterpartOf[l.regionCode]);
  for (let i = 0; i < newInterests && candidates.length > 0; i++) {
    const listing = r.pick(candidates);
    const from = r.pick(counterpartOf[listing.regionCode]!.orgs);
    const sentOn = someDay();
    let status = r.weighted([
      ['accepted', 25],
      ['declined', 25],
      ['expired', 30],
      ['withdrawn', 10],
      ['open', 10],
    ] as const);
    // One open interest per pair of organisations (the database's rule); the rest have been answered.
    const pair = [from.id, listing.orgId].sort().join(' ');
    if (status === 'open' && openPairs.has(pair)) status = 'declined';
    if (status === 'open') openPairs.add(pair);
    const sentAt = status === 'open' ? new Date(now.getTime() - r.int(10) * DAY_MS) : at(sentOn);
    const answered = status === 'accepted' || status === 'declined';
    interestRows.push({
      listingId: listing.id,
      fromOrgId: from.id,
      toOrgId: listing.orgId,
      fromRegionCode: from.regionCode,
      toRegionCode: listing.regionCode,
      message: 'We would like to talk about this.',
      bring: 'Experience and a market in our province.',
      form: r.pick(AGREEMENT_TYPES),
      timeline: r.pick(TIMELINES),
      status,
      declineReason: status === 'declined' ? r.pick(DECLINE_REASONS) : null,
      sentAt,
      expiresAt: new Date(sentAt.getTime() + 14 * DAY_MS),
      answeredAt: answered ? new Date(sentAt.getTime() + r.int(13 * DAY_MS)) : null,
    });
  }

  // Published Jilin–Zhejiang visits, each with 0–3 agreed areas; some areas linked to projects or agreements.
  const visitRows: (typeof visits.$inferInsert)[] = [];
  const areaRows: (typeof agreedAreas.$inferInsert)[] = [];
  const linkRows: (typeof agreedAreaLinks.$inferInsert)[] = [];
  const jlzjProjects = projectRows.filter((p) => p.regionCode === 'CN-JL' || p.regionCode === 'CN-ZJ');
  const jlzjAgreements = agreementSides.filter((a) => a.parties.every((p) => p.regionCode !== 'CN-LN'));
  for (let i = 0; i < newVisits; i++) {
    const [host, visiting] = r.next() < 0.5 ? [jl, zj] : [zj, jl];
    const id = r.uuid();
    const startsOn = someDay();
    visitRows.push({
      id,
      kind: r.weighted(VISIT_KINDS.map((k, n) => [k, n === 0 ? 6 : 1] as const)),
      titleZh: `${visiting === jl ? '吉林' : '浙江'}代表团考察 ${i + 1}`,
      titleEn: `${visiting === jl ? 'Jilin' : 'Zhejiang'} delegation visit ${i + 1}`,
      startsOn,
      endsOn: addDays(startsOn, r.int(5)),
      hostRegionCode: host.region,
      hostAreaCode: r.pick(host.areas),
      visitingRegionCode: visiting.region,
      visitingAreaCode: r.next() < 0.5 ? null : r.pick(visiting.areas),
      places: '',
      published: true,
      createdAt: at(startsOn),
      updatedAt: at(startsOn),
    });
    const areaCount = r.int(4);
    for (let position = 0; position < areaCount; position++) {
      const areaId = r.uuid();
      const owner = r.next() < 0.5 ? host : visiting;
      areaRows.push({
        id: areaId,
        visitId: id,
        titleZh: `合作领域 ${position + 1}`,
        titleEn: `Cooperation area ${position + 1}`,
        ownerRegionCode: owner.region,
        ownerOffice: owner === jl ? '吉林省合作交流办' : '浙江省发展改革委',
        ownerOfficeEn:
          owner === jl ? 'Jilin Cooperation Office' : 'Zhejiang Development and Reform Commission',
        dueOn: addDays(startsOn, 90 + r.int(630)),
        position,
        createdAt: at(startsOn),
        updatedAt: at(startsOn),
      });
      const roll = r.next();
      const targets: ['project' | 'agreement', string][] = [];
      if (roll < 0.3 && jlzjProjects.length > 0) targets.push(['project', r.pick(jlzjProjects).id!]);
      if (roll < 0.05 && jlzjProjects.length > 0) targets.push(['project', r.pick(jlzjProjects).id!]);
      if (roll >= 0.3 && roll < 0.45) targets.push(['agreement', r.pick(jlzjAgreements).id]);
      for (const [kind, targetId] of new Map(
        targets.map(([k, t]) => [`${k}:${t}`, [k, t] as const]),
      ).values()) {
        linkRows.push({ areaId, kind, targetId, createdAt: at(startsOn) });
      }
    }
  }

  // Parents first: the foreign keys are checked row by row.
  const inserted = {
    agreements: await insertAll(agreementRows, (b) => db.insert(agreements).values(b)),
    agreementParties: await insertAll(partyRows, (b) => db.insert(agreementParties).values(b)),
    agreementConfirmations: await insertAll(confirmationRows, (b) =>
      db.insert(agreementConfirmations).values(b),
    ),
    projects: await insertAll(projectRows, (b) => db.insert(projects).values(b)),
    projectParties: await insertAll(projectPartyRows, (b) => db.insert(projectParties).values(b)),
    interests: await insertAll(interestRows, (b) => db.insert(interests).values(b)),
    visits: await insertAll(visitRows, (b) => db.insert(visits).values(b)),
    agreedAreas: await insertAll(areaRows, (b) => db.insert(agreedAreas).values(b)),
    agreedAreaLinks: await insertAll(linkRows, (b) => db.insert(agreedAreaLinks).values(b)),
  };
  log(
    `  inserted ${Object.entries(inserted)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}`,
  );
}

const COUNTED = [
  'projects',
  'project_parties',
  'agreements',
  'agreement_confirmations',
  'interests',
  'visits',
  'agreed_areas',
  'agreed_area_links',
] as const;

async function countRows(db: Db): Promise<Record<(typeof COUNTED)[number], number>> {
  const selects = COUNTED.map((t) => `(select count(*) from ${t})::int as ${t}`).join(', ');
  const result: unknown = await db.execute(sql.raw(`select ${selects}`));
  return (result as { rows: Record<(typeof COUNTED)[number], number>[] }).rows[0]!;
}

// ---------------------------------------------------------------------------------------------------------
// Timing

interface Target {
  name: string;
  path: string;
  cookie?: string;
  /** Pages must answer 200; an optional target that answers 404 is reported and skipped. */
  optional?: boolean;
  /** The use case the page calls, timed alone right after each request (so both see the same load). */
  useCase?: () => Promise<unknown>;
}

interface Timed {
  status: number;
  bytes: number;
  sorted: number[];
  /** The use case alone, when the target names one. */
  useCase?: number[];
  skipped?: string;
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

async function once(app: Hono<AppEnv>, t: Target): Promise<{ ms: number; status: number; bytes: number }> {
  const headers: Record<string, string> = {};
  if (t.cookie) headers.cookie = t.cookie;
  const started = performance.now();
  const res = await app.request(t.path, { headers });
  const body = await res.arrayBuffer();
  const ms = performance.now() - started;
  sampleRss();
  return { ms, status: res.status, bytes: body.byteLength };
}

/** Warm-up requests, then sequential measured ones: as many as asked, fewer when they would pass the budget. */
async function time(app: Hono<AppEnv>, t: Target): Promise<Timed> {
  const first = await once(app, t);
  if (first.status !== 200) {
    if (t.optional && first.status === 404)
      return { status: 404, bytes: first.bytes, sorted: [], skipped: 'not found' };
    throw new Error(`GET ${t.path} (${t.name}) answered ${first.status}, not 200: nothing to time`);
  }
  let slowest = first.ms;
  // The budget covers the use case's own timing too.
  for (let i = 1; i < WARMUP; i++) {
    const page = (await once(app, t)).ms;
    const started = performance.now();
    await t.useCase?.();
    slowest = Math.max(slowest, page + (t.useCase ? performance.now() - started : 0));
  }
  const count = Math.max(
    MIN_REQUESTS,
    Math.min(REQUESTS, Math.floor((BUDGET_S * 1000) / Math.max(slowest, 1))),
  );
  const ms: number[] = [];
  const useCase: number[] = [];
  let bytes = first.bytes;
  for (let i = 0; i < count; i++) {
    const res = await once(app, t);
    if (res.status !== 200)
      throw new Error(`GET ${t.path} (${t.name}) answered ${res.status} on request ${i + 1}`);
    bytes = res.bytes;
    ms.push(res.ms);
    if (t.useCase) {
      const started = performance.now();
      await t.useCase();
      useCase.push(performance.now() - started);
      sampleRss();
    }
  }
  const sorted = ms.sort((a, b) => a - b);
  return t.useCase
    ? { status: 200, bytes, sorted, useCase: useCase.sort((a, b) => a - b) }
    : { status: 200, bytes, sorted };
}

async function timeAll(
  app: Hono<AppEnv>,
  targets: readonly Target[],
  label: string,
): Promise<Map<string, Timed>> {
  const results = new Map<string, Timed>();
  for (const t of targets) {
    const r = await time(app, t);
    results.set(t.name, r);
    log(
      r.skipped
        ? `  ${label} ${t.name}: ${r.status}, skipped`
        : `  ${label} ${t.name}: median ${percentile(r.sorted, 0.5).toFixed(1)} ms over ${r.sorted.length}`,
    );
  }
  return results;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  log(`Fresh PGlite in ${dataDir}; loading the demo content …`);
  let started = performance.now();
  const { deps, database } = await boot({
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'silent',
    DEMO: '0',
    FILES_DIR: join(dataDir, 'files'),
  });
  closeDatabase = () => database.close();
  const db = deps.db;
  await loadDemo(deps);
  log(`Migrated and loaded the demo in ${seconds(performance.now() - started)}`);
  const pairing = (await pairingsOf(db, 'CN-JL')).find(
    (p) => p.kind === 'cooperation' && [p.aCode, p.bCode].includes('CN-ZJ'),
  );
  if (!pairing) throw new Error('the Jilin–Zhejiang pairing is missing');
  const small = await countRows(db);

  if (args['seed-only']) {
    started = performance.now();
    await seed(db);
    const seedMs = performance.now() - started;
    const large = await countRows(db);
    log(`Seeded in ${seconds(seedMs)}; rows (demo → after seeding):`);
    for (const k of COUNTED) log(`  ${pad(k, 24)} ${pad(String(small[k]), 6, true)} → ${large[k]}`);
    log(`peak RSS ${mb(peakRss)}`);
    return;
  }

  const app = createApp(deps);
  const coordinator = await signIn(db, 'coordinator.jl@demo.counterpart.local');
  const dash = `/pairings/${pairing.id}/dashboard`;
  const anonymous: UseCaseContext = { viewer: null, lang: 'en' };
  const all = { from: null, to: null };
  const dashboard = (ctx: UseCaseContext, id: number | null, period: Period) => () =>
    dashboardOf(deps, ctx, id, period);
  const targets: Target[] = [
    { name: 'regions (baseline)', path: '/en/regions' },
    // The home page counts every pairing's headline figures on each view.
    { name: 'home en', path: '/en/' },
    { name: 'pairing en', path: `/en${dash}`, useCase: dashboard(anonymous, pairing.id, all) },
    {
      name: 'pairing zh',
      path: `/zh${dash}`,
      useCase: dashboard({ viewer: null, lang: 'zh' }, pairing.id, all),
    },
    {
      name: 'pairing 2018',
      path: `/en${dash}?from=2018-01-01&to=2018-12-31`,
      useCase: dashboard(anonymous, pairing.id, { from: '2018-01-01', to: '2018-12-31' }),
    },
    {
      name: 'pairing en, JL coord.',
      path: `/en${dash}`,
      cookie: coordinator.cookie,
      useCase: dashboard({ viewer: coordinator.viewer, lang: 'en' }, pairing.id, all),
    },
    { name: 'overall en', path: '/en/dashboard', useCase: dashboard(anonymous, null, all) },
    {
      name: 'export xlsx',
      path: `/api/v1/dashboards/pairings/${pairing.id}/export?format=xlsx&lang=en`,
      optional: true,
    },
  ];
  log(
    `${targets.length} targets × (${WARMUP} warm-up + up to ${REQUESTS} sequential requests, ${BUDGET_S} s budget), ` +
      `in-process app.request; Jilin–Zhejiang is pairing ${pairing.id}; rss ${mb(process.memoryUsage().rss)}`,
  );

  const before = await timeAll(app, targets, 'demo only:');

  log('Inserting the synthetic records …');
  started = performance.now();
  await seed(db);
  const seedMs = performance.now() - started;
  const large = await countRows(db);
  log(`Seeded in ${seconds(seedMs)}; rss ${mb(process.memoryUsage().rss)}`);

  const after = await timeAll(app, targets, 'seeded:');

  const header =
    `${pad('target', 22)} ${pad('db', 6)} ${pad('median', 8, true)} ${pad('p95', 8, true)} ${pad('n', 3, true)} ` +
    `${pad('bytes', 9, true)} ${pad('status', 6, true)} ${pad('× small', 8, true)} ${pad('× regions', 9, true)}  path`;
  const lines = ['', header];
  for (const t of targets) {
    for (const [db, results, other] of [
      ['demo', before, undefined],
      ['seeded', after, before],
    ] as const) {
      const r = results.get(t.name)!;
      if (r.skipped) {
        lines.push(
          `${pad(t.name, 22)} ${pad(db, 6)} ${pad(`${r.status}: ${r.skipped}`, 46, true)}  ${t.path}`,
        );
        continue;
      }
      const median = percentile(r.sorted, 0.5);
      const o = other?.get(t.name);
      const base = results.get('regions (baseline)')!;
      lines.push(
        [
          pad(t.name, 22),
          pad(db, 6),
          pad(median.toFixed(1), 8, true),
          pad(percentile(r.sorted, 0.95).toFixed(1), 8, true),
          pad(String(r.sorted.length), 3, true),
          pad(String(r.bytes), 9, true),
          pad(String(r.status), 6, true),
          pad(o && !o.skipped ? (median / percentile(o.sorted, 0.5)).toFixed(2) : '', 8, true),
          pad((median / percentile(base.sorted, 0.5)).toFixed(1), 9, true),
          ` ${t.path}${t.cookie ? ' (signed in)' : ''}`,
        ].join(' '),
      );
    }
  }
  lines.push(
    '',
    `${pad('dashboardOf() alone', 29)} ${pad('median', 8, true)} ${pad('p95', 8, true)} ${pad('× small', 8, true)} ` +
      `${pad('of the page', 11, true)}`,
  );
  for (const t of targets.filter((x) => x.useCase)) {
    for (const [db, results, other] of [
      ['demo', before, undefined],
      ['seeded', after, before],
    ] as const) {
      const u = results.get(t.name)!.useCase!;
      const page = results.get(t.name)!.sorted;
      const o = other?.get(t.name)?.useCase;
      lines.push(
        [
          pad(`${t.name}, ${db}`, 29),
          pad(percentile(u, 0.5).toFixed(1), 8, true),
          pad(percentile(u, 0.95).toFixed(1), 8, true),
          pad(o ? (percentile(u, 0.5) / percentile(o, 0.5)).toFixed(2) : '', 8, true),
          pad(`${((100 * percentile(u, 0.5)) / percentile(page, 0.5)).toFixed(0)} %`, 11, true),
        ].join(' '),
      );
    }
  }
  lines.push(
    '',
    `rows          ${COUNTED.map((k) => pad(k, Math.max(k.length, 6), true)).join(' ')}`,
    `demo only     ${COUNTED.map((k) => pad(String(small[k]), Math.max(k.length, 6), true)).join(' ')}`,
    `seeded        ${COUNTED.map((k) => pad(String(large[k]), Math.max(k.length, 6), true)).join(' ')}`,
    '',
    `seeding: ${seconds(seedMs)} (seed ${SEED}); peak RSS ${mb(peakRss)}; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
    '',
    'Times in ms, per request, through app.request in this process (no network); sequential, after warm-ups.',
    '× small: median on the seeded database divided by the same target on the demo content alone.',
    '× regions: median divided by that of /en/regions on the same database. bytes: the body.',
    'dashboardOf() alone: the use case the page calls (reads and counting), without HTTP, tables or rendering,',
    'timed right after each request; "of the page": its median over the page\'s median.',
  );
  log(lines.join('\n'));
}

/** A session of a demo account: the cookie for pages and the viewer for the use case, as the app resolves it. */
async function signIn(db: Db, email: string): Promise<{ cookie: string; viewer: SessionUser }> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`the demo has no account ${email}`);
  const token = await createSession(db, user.id, new Date(), { ip: null, userAgent: null });
  const viewer = await resolveSession(db, token, new Date());
  if (!viewer) throw new Error(`could not sign in as ${email}`);
  return { cookie: `${SESSION_COOKIE}=${token}`, viewer };
}

// Whatever happens, the run ends: loading, seeding and 2 × 8 targets within their budgets, with a margin.
const watchdog = setTimeout(
  () => {
    process.stderr.write('bench: took too long; stopping\n');
    cleanUp();
    process.exit(1);
  },
  (600 + 16 * (BUDGET_S + 60)) * 1000,
);
watchdog.unref();

try {
  await main();
} catch (err) {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await closeDatabase?.().catch(() => undefined);
  cleanUp();
}
