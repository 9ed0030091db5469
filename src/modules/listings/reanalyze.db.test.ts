import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createLogger } from '../../lib/log.ts';
import { openTestDatabase, secondInstance } from '../../test/db.ts';
import { SYSTEM_CONTEXT } from '../accounts/context.ts';
import { createJobRunner } from '../jobs/jobs.service.ts';
import { jobs } from '../jobs/schema.ts';
import { createGlossaryEntry, currentGlossary, REANALYZE_JOB } from '../taxonomy/glossary.service.ts';
import { analyze, matchKeys } from './analysis.ts';
import { listingMatches } from './listings.service.ts';
import { reanalyzeJobHandlers, reanalyzeListings } from './reanalyze.ts';
import { listings } from './schema.ts';
import {
  actingAs,
  importRecords,
  listingDeps,
  recomputedStats,
  record,
  removeJsonlFiles,
  storedStats,
  without,
} from './testing.ts';

let database: Database;
const asOf = new Date('2018-03-05T00:00:00+08:00');

/** A Jilin grower offers hazelnuts in Chinese; a Zhejiang factory seeks them in English. */
const OFFER = record({
  id: 're-hazel-offer',
  organization: { name: '长白山林下产品合作社', type: 'other' },
  sector: 'A01',
  title: '供应长白山野生榛子',
  description: '合作社常年供应野生榛子，颗粒饱满，年产二百吨，欢迎食品企业采购。',
  language: 'zh',
  tags: [],
});
const SEEK = without(
  record({
    id: 're-hazel-seek',
    region: 'CN-ZJ',
    organization: { name: 'Hangzhou Crunchy Snacks Ltd', type: 'enterprise' },
    direction: 'seek',
    sector: 'C14',
    title: 'Roasting plant seeks hazelnuts',
    description: 'Our snack factory roasts hazelnuts and needs a steady supply, about 50 tonnes a year.',
    tags: [],
  }),
  'area_code',
);
/** Other listings, so the job works through several batches; one is pending (never in the statistics). */
const OTHERS = [
  record({ id: 're-water-1' }),
  record({ id: 're-water-2', title: 'Bottled mineral water for hotels', direction: 'seek' }),
  record({ id: 're-tea-1', title: '龙井茶叶批发', description: '西湖龙井，明前茶。', language: 'zh' }),
];
const PENDING = record({
  id: 're-hazel-pending',
  title: '榛子仁加工',
  description: '榛子仁深加工。',
  language: 'zh',
});
const REFS = ['re-hazel-offer', 're-hazel-seek', 're-water-1', 're-water-2', 're-tea-1', 're-hazel-pending'];

beforeAll(async () => {
  database = await openTestDatabase();
  const published = await importRecords(database, [OFFER, SEEK, ...OTHERS]);
  expect(published.invalid).toEqual([]);
  const pending = await importRecords(database, [PENDING], { status: 'pending' });
  expect(pending.invalid).toEqual([]);
});
afterAll(async () => {
  removeJsonlFiles();
  await database.close();
});

async function rows() {
  return database.db.select().from(listings).where(inArray(listings.ref, REFS)).orderBy(asc(listings.ref));
}

async function hazelMatch(lang: 'en' | 'zh') {
  const items = await listingMatches(
    listingDeps(database, asOf),
    { ...SYSTEM_CONTEXT, lang },
    're-hazel-offer',
    { limit: 10, asOf, scope: 'counterpart' },
  );
  return items.find((i) => i.ref === 're-hazel-seek');
}

/** Each listing's stored analysis is what the current glossary gives, and the statistics add up. */
async function expectConsistent(): Promise<void> {
  const glossary = await currentGlossary(database.db);
  const all = await database.db.select().from(listings);
  for (const row of all) {
    expect(row.analyzedWith, row.ref).toBe(glossary.version);
    const features = analyze(
      {
        title: row.title,
        description: row.description,
        language: row.language,
        tags: row.tags,
        sector: row.sector ?? undefined,
        amount_cny: row.amountCny ?? undefined,
      },
      glossary.entries,
    );
    expect(row.features, row.ref).toEqual(features);
    expect(row.matchKeys, row.ref).toEqual(matchKeys(row, features));
  }
  expect(await storedStats(database.db)).toEqual(await recomputedStats(database.db));
}

describe('listings.reanalyze', () => {
  it('after a glossary entry links a new Chinese term to English, matches the listings across languages', async () => {
    await expectConsistent();
    const before = await hazelMatch('en');
    expect(before?.reasons.map((r) => r.code) ?? []).not.toContain('shared_concept');
    const untouched = await rows();

    const admin = await actingAs(database, 'admin');
    await createGlossaryEntry({ db: database.db, now: () => new Date() }, admin, {
      id: 'hazelnut',
      zh: ['榛子', '榛子仁'],
      en: ['hazelnut', 'filbert'],
      sectors: ['A01', 'C13'],
    });
    const { version } = await currentGlossary(database.db);
    // Nothing is re-analysed until the job runs; then every listing is.
    expect((await rows()).every((r) => r.analyzedWith !== version)).toBe(true);
    const queued = await database.db.select().from(jobs).where(eq(jobs.name, REANALYZE_JOB));
    expect(queued.map((j) => j.status)).toEqual(['pending']);

    const runner = createJobRunner({
      db: database.db,
      log: createLogger('silent'),
      pollMs: 1000,
      handlers: reanalyzeJobHandlers(),
    });
    expect(await runner.runDue()).toBe(1);
    const [done] = await database.db.select().from(jobs).where(eq(jobs.name, REANALYZE_JOB));
    expect(done).toMatchObject({ status: 'done', lastError: null });
    await expectConsistent();

    // Only the analysis changed: the listings' own fields and times are as they were.
    const after = await rows();
    const fields = (r: (typeof after)[number]) => {
      const { features: _f, matchKeys: _k, analyzedWith: _a, search: _s, ...rest } = r;
      return rest;
    };
    expect(after.map(fields)).toEqual(untouched.map(fields));
    expect(after.find((r) => r.ref === 're-hazel-offer')?.features.concepts).toHaveProperty('hazelnut');
    expect(after.find((r) => r.ref === 're-hazel-seek')?.features.concepts).toHaveProperty('hazelnut');

    for (const lang of ['en', 'zh'] as const) {
      const match = await hazelMatch(lang);
      const shared = match?.reasons.find((r) => r.code === 'shared_concept');
      expect(shared, `${lang}: ${JSON.stringify(match)}`).toBeDefined();
      expect(shared!.text).toContain('榛子');
      expect(shared!.text.toLowerCase()).toContain('hazelnut');
    }
  });

  it('works in batches, each in its own transaction, and resumes where a run stopped', async () => {
    const admin = await actingAs(database, 'admin');
    await createGlossaryEntry({ db: database.db, now: () => new Date() }, admin, {
      id: 'roasting',
      zh: ['烘焙加工', '炒制'],
      en: ['roasting', 'roasted'],
    });
    const total = (await database.db.select({ id: listings.id }).from(listings)).length;
    // A budget of nothing stops after the first batch and says where to go on.
    const first = await reanalyzeListings(database.db, { batchSize: 2, budgetMs: 0 });
    expect(first).toEqual({ count: 2, continueAfter: expect.any(String) as string });
    const { version } = await currentGlossary(database.db);
    const stale = async () =>
      (await database.db.select().from(listings)).filter((r) => r.analyzedWith !== version).length;
    expect(await stale()).toBe(total - 2);
    // A pass that starts after a ref wraps round to the listings before it.
    const rest = await reanalyzeListings(database.db, { batchSize: 2, after: first.continueAfter });
    expect(rest.count).toBe(total - 2);
    expect(rest.continueAfter).toBeUndefined();
    expect(await stale()).toBe(0);
    await expectConsistent();
    // Nothing left: a further run finds nothing to do.
    expect(await reanalyzeListings(database.db)).toEqual({ count: 0 });
  });

  it('keeps the statistics right when two runs (two instances) work at once', async () => {
    const admin = await actingAs(database, 'admin');
    await createGlossaryEntry({ db: database.db, now: () => new Date() }, admin, {
      id: 'roasted-seeds',
      zh: ['炒货', '葵花籽'],
      en: ['roasted seeds', 'sunflower seeds'],
    });
    const other = secondInstance(database);
    try {
      const [a, b] = await Promise.all([
        reanalyzeListings(database.db, { batchSize: 2 }),
        reanalyzeListings(other?.db ?? database.db, { batchSize: 2 }),
      ]);
      const total = (await database.db.select({ id: listings.id }).from(listings)).length;
      // Rows are locked per batch: together they re-analyse each listing at least once.
      expect(a.count + b.count).toBeGreaterThanOrEqual(total);
      await expectConsistent();
    } finally {
      await other?.close();
    }
  });
});
