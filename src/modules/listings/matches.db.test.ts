import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { openTestDatabase, secondInstance } from '../../test/db.ts';
import { SYSTEM_CONTEXT, type UseCaseContext } from '../accounts/context.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { rankMatches } from '../matching/core/rank.ts';
import { conceptWeights, corpusStats, eligible } from '../matching/core/score.ts';
import type { Analyzed } from '../matching/core/types.ts';
import { counterpartAreas, type CounterpartArea } from '../regions/regions.service.ts';
import { importListings } from './import.ts';
import { closeListing, listingMatches, reviewListing, type MatchItem } from './listings.service.ts';
import { findMatches } from './matches.ts';
import { listings } from './schema.ts';
import { generateListings } from './synthetic.ts';
import { actingAs, importRecords, listingDeps, record, removeJsonlFiles, writeJsonl } from './testing.ts';

// The matcher through the listingMatches use case and findMatches: the spec's hard filters, reasons in both
// languages, agreement with the pure core's ranking, and agreement between two app instances (PostgreSQL).

let database: Database;
const AS_OF = new Date('2018-03-01T12:00:00+08:00');
const ZH: UseCaseContext = { viewer: null, lang: 'zh' };
let deps: ReturnType<typeof listingDeps>;

/** Jilin offers bottled water (in Chinese); Zhejiang needs it. Every other listing tests one filter. */
const query = record({
  id: 'q-water-zh',
  region: 'CN-JL',
  area_code: '222426',
  organization: { name: '安图泉源饮品有限公司', type: 'enterprise' },
  direction: 'offer',
  category: 'product',
  sector: 'C15',
  title: '安图矿泉水 寻浙江代理商',
  description: '水源地在安图县，500毫升瓶装，年产五万吨。',
  language: 'zh',
  tags: [],
  amount_cny: 3_000_000,
  valid_until: '2018-12-31',
  created_at: '2018-02-20T09:00:00+08:00',
});
const need = (id: string, over: Record<string, unknown> = {}) =>
  record({
    id,
    region: 'CN-ZJ',
    area_code: '330100',
    organization: { name: `Buyer ${id}`, type: 'enterprise' },
    direction: 'seek',
    category: 'product',
    sector: 'C15',
    title: 'Looking for bottled water suppliers',
    description: 'Our supermarkets in Hangzhou buy bottled water in 500 ml bottles.',
    language: 'en',
    tags: [],
    amount_cny: 2_000_000,
    valid_until: '2018-12-31',
    created_at: '2018-02-25T10:00:00+08:00',
    ...over,
  });
const FIXTURE = [
  query,
  need('n-division'),
  need('n-section', { sector: 'C14' }), // same text, same section (C), another division
  need('n-zh', {
    language: 'zh',
    title: '求购矿泉水',
    description: '杭州连锁超市长期采购瓶装矿泉水。',
  }),
  need('n-same-direction', { direction: 'offer' }),
  need('n-other-category', { category: 'capital', title: 'Investment sought for a bottled water plant' }),
  need('n-jiangsu', { region: 'CN-JS', area_code: '320100' }), // Jiangsu is Liaoning's counterpart, not Jilin's
  need('n-expired', { valid_until: '2018-02-28', created_at: '2018-02-01T10:00:00+08:00' }),
  need('n-closed'),
  // City pairing: Beijing is paired with Shenyang only, not with the rest of Liaoning.
  record({
    id: 'bj-need',
    region: 'CN-BJ',
    area_code: '110105',
    organization: { name: 'Beijing Rail Buyers', type: 'enterprise' },
    direction: 'seek',
    category: 'technology',
    sector: 'C37',
    title: 'Need rail signalling technology',
    description: 'Metro line operator seeks rail signalling systems.',
    language: 'en',
    tags: [],
  }),
  ...[
    ['ln-shenyang', '210100'],
    ['ln-shenyang-district', '210102'],
    ['ln-dalian', '210200'],
  ].map(([id, area]) =>
    record({
      id,
      region: 'CN-LN',
      area_code: area,
      organization: { name: `Signals ${id}`, type: 'enterprise' },
      direction: 'offer',
      category: 'technology',
      sector: 'C37',
      title: 'Rail signalling technology on offer',
      description: 'Railway signalling systems for metro lines.',
      language: 'en',
      tags: [],
    }),
  ),
];

beforeAll(async () => {
  database = await openTestDatabase();
  deps = listingDeps(database, AS_OF);
  expect(await importRecords(database, FIXTURE)).toMatchObject({ invalid: [] });
  expect(
    await importRecords(database, [need('n-pending'), need('n-to-reject')], { status: 'pending' }),
  ).toMatchObject({ created: 2, invalid: [] });
  const coordinator = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
  await closeListing(deps, coordinator, 'n-closed');
  await reviewListing(deps, coordinator, 'n-to-reject', 'reject', 'Not specific');
});
afterAll(async () => {
  removeJsonlFiles();
  await database.close();
});

const matches = (
  ref: string,
  opts: Partial<Parameters<typeof listingMatches>[3]> = {},
  ctx = SYSTEM_CONTEXT,
) => listingMatches(deps, ctx, ref, { limit: 50, asOf: AS_OF, ...opts });
const refs = (items: MatchItem[]) => items.map((m) => m.ref);

describe('hard filters', () => {
  it('returns published listings of the same category, the other direction, from counterpart regions', async () => {
    const got = refs(await matches(query.id as string));
    expect(got).toEqual(expect.arrayContaining(['n-division', 'n-section', 'n-zh']));
    for (const out of [
      'q-water-zh', // itself
      'n-same-direction',
      'n-other-category',
      'n-jiangsu',
      'n-expired',
      'n-closed',
      'n-pending',
      'n-to-reject', // rejected
    ]) {
      expect(got, out).not.toContain(out);
    }
  });

  it('widens to every region with scope=all, still never returning the listing itself', async () => {
    const all = refs(await matches(query.id as string, { scope: 'all' }));
    expect(all).toContain('n-jiangsu');
    expect(all).toEqual(expect.arrayContaining(['n-division', 'n-section', 'n-zh']));
    for (const out of [
      'q-water-zh',
      'n-same-direction',
      'n-other-category',
      'n-expired',
      'n-closed',
      'n-pending',
      'n-to-reject',
    ]) {
      expect(all, out).not.toContain(out);
    }
    const jiangsu = (await matches(query.id as string, { scope: 'all' })).find((m) => m.ref === 'n-jiangsu');
    expect(jiangsu?.reasons.map((r) => r.code)).not.toContain('counterpart_region');
  });

  it('never returns the listing itself, even when it would pass every other filter', async () => {
    const [row] = await database.db
      .select()
      .from(listings)
      .where(eq(listings.ref, query.id as string));
    const self = {
      ...row!.features,
      ref: row!.ref,
      region: row!.regionCode,
      category: row!.category,
      language: row!.language,
      createdAt: row!.createdAt.toISOString(),
      validUntil: row!.validUntil ?? undefined,
      areaCode: row!.areaCode,
    };
    const opts = { asOf: AS_OF, scope: 'all' as const, counterparts: [], limit: 50 };
    // Asked as a need, the stored offer is of the other direction, in scope and sharing everything.
    const asNeed = await findMatches(database.db, { ...opts, listing: { ...self, direction: 'seek' } });
    expect(asNeed.map((m) => m.ref)).not.toContain(query.id);
    // The same question under another ref finds it: only its being itself keeps it out.
    const twin = await findMatches(database.db, {
      ...opts,
      listing: { ...self, ref: 'twin', direction: 'seek' },
    });
    expect(twin.map((m) => m.ref)).toContain(query.id);
  });

  it('judges expiry by the date of asOf in China', async () => {
    // n-expired is valid until 28 February (China date).
    const lateOn28th = new Date('2018-02-28T15:59:00Z'); // 23:59 on 28 February in China
    const earlyOn1st = new Date('2018-02-28T16:01:00Z'); // 00:01 on 1 March in China
    expect(refs(await matches(query.id as string, { asOf: lateOn28th }))).toContain('n-expired');
    expect(refs(await matches(query.id as string, { asOf: earlyOn1st }))).not.toContain('n-expired');
  });

  it('narrows a city pairing to the paired city', async () => {
    const got = refs(await matches('bj-need'));
    expect(got).toEqual(expect.arrayContaining(['ln-shenyang', 'ln-shenyang-district']));
    expect(got).not.toContain('ln-dalian');
    expect(refs(await matches('bj-need', { scope: 'all' }))).toContain('ln-dalian');
  });

  it('returns nothing with limit 0 and at most `limit` matches', async () => {
    expect(await matches(query.id as string, { limit: 0 })).toEqual([]);
    expect(await matches(query.id as string, { limit: 2 })).toHaveLength(2);
  });
});

describe('ranking and reasons', () => {
  it('ranks the same division above the same section, with the matching reason', async () => {
    const got = await matches(query.id as string);
    const div = got.findIndex((m) => m.ref === 'n-division');
    const sec = got.findIndex((m) => m.ref === 'n-section');
    expect(div).toBeGreaterThanOrEqual(0);
    expect(sec).toBeGreaterThan(div);
    expect(got[div]!.score).toBeGreaterThan(got[sec]!.score);
    expect(got[div]!.reasons.map((r) => r.code)).toContain('sector_division');
    expect(got[sec]!.reasons.map((r) => r.code)).toContain('sector_section');
    expect(got[sec]!.reasons.map((r) => r.code)).not.toContain('sector_division');
    for (let i = 1; i < got.length; i++) expect(got[i - 1]!.score).toBeGreaterThanOrEqual(got[i]!.score);
  });

  it('finds a cross-language pair through the glossary and says why, in English and in Chinese', async () => {
    const en = (await matches(query.id as string)).find((m) => m.ref === 'n-division');
    const zh = (await matches(query.id as string, {}, ZH)).find((m) => m.ref === 'n-division');
    expect(en?.language).toBe('en');
    const texts = (m: MatchItem | undefined, code: string) =>
      (m?.reasons ?? []).filter((r) => r.code === code).map((r) => r.text);
    expect(texts(en, 'shared_concept')).toContain("their 'bottled water' answers your '矿泉水'");
    expect(texts(zh, 'shared_concept')).toContain('对方的「bottled water」对应您的「矿泉水」');
    expect(texts(en, 'sector_division')).toEqual(['same sector C15 Beverages']);
    expect(texts(zh, 'sector_division')).toEqual(['同属行业 C15 酒、饮料和茶']);
    expect(texts(en, 'counterpart_region')).toEqual(["Zhejiang is Jilin's counterpart"]);
    expect(texts(zh, 'counterpart_region')).toEqual(['浙江省是吉林省的对口合作省份']);
    expect(texts(en, 'amount_fits')[0]).toMatch(/^amounts fit \(theirs CNY 2 m, yours CNY 3 m\)$/);
    expect(texts(zh, 'amount_fits')[0]).toBe('金额相当（对方 200万元，您 300万元）');
    // The same matches in the same order, whatever the viewer's language.
    expect(refs(await matches(query.id as string, {}, ZH))).toEqual(refs(await matches(query.id as string)));
  });

  it('words the section reason in both languages too, and every reason has text', async () => {
    const en = (await matches(query.id as string)).find((m) => m.ref === 'n-section');
    const zh = (await matches(query.id as string, {}, ZH)).find((m) => m.ref === 'n-section');
    expect(en?.reasons.find((r) => r.code === 'sector_section')?.text).toBe(
      'same industry section C Manufacturing',
    );
    expect(zh?.reasons.find((r) => r.code === 'sector_section')?.text).toBe('同属门类 C 制造业');
    for (const m of [
      ...(await matches(query.id as string)),
      ...(await matches(query.id as string, {}, ZH)),
    ]) {
      expect(m.reasons.length).toBeGreaterThan(0);
      for (const r of m.reasons) expect(r.text.trim().length).toBeGreaterThan(0);
    }
    const zhTexts = (await matches(query.id as string, {}, ZH)).flatMap((m) => m.reasons.map((r) => r.text));
    expect(zhTexts.every((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
  });

  it('finds the same-language pair too, and the pair works from the other side', async () => {
    const zhNeed = (await matches(query.id as string)).find((m) => m.ref === 'n-zh');
    expect(zhNeed?.reasons.find((r) => r.code === 'shared_concept')?.text).toBe("you both mention '矿泉水'");
    const back = await matches('n-division');
    expect(refs(back)).toContain('q-water-zh');
    expect(back.find((m) => m.ref === 'q-water-zh')?.reasons.map((r) => r.text)).toContain(
      "their '矿泉水' answers your 'bottled water'",
    );
  });
});

/** Whether a candidate is in one of the counterpart areas (a province, or a paired city inside it). */
function inAreas(c: { region: string; areaCode: string | null }, areas: readonly CounterpartArea[]): boolean {
  return areas.some(
    (a) =>
      a.region === c.region && (a.area === null || (c.areaCode ?? '').slice(0, 4) === a.area.slice(0, 4)),
  );
}

describe('the database ranking against the pure core', () => {
  type Stored = Analyzed & { areaCode: string | null; status: string };
  let stored: Stored[];

  beforeAll(async () => {
    const end = AS_OF;
    const records = [...generateListings(800, 'matches-db-test', { end })];
    expect(await importRecords(database, records)).toMatchObject({ created: 800, invalid: [] });
    const rows = await database.db.select().from(listings);
    stored = rows.map((r) => ({
      ...r.features,
      ref: r.ref,
      region: r.regionCode,
      category: r.category,
      direction: r.direction,
      language: r.language,
      createdAt: r.createdAt.toISOString(),
      validUntil: r.validUntil ?? undefined,
      areaCode: r.areaCode,
      status: r.status,
    }));
  }, 120_000);

  it('equals rankMatches over every eligible published listing, with statistics of the published corpus', async () => {
    const published = stored.filter((s) => s.status === 'published');
    const stats = corpusStats(published);
    const weights = conceptWeights(published);
    const queries = published.filter((p) => p.ref.startsWith('syn-') || p.ref === query.id);
    const mismatches: { query: string; got: string[]; expected: string[]; missing: string[] }[] = [];
    let withMatches = 0;
    for (const q of queries) {
      const areas = await counterpartAreas(database.db, q.region, q.areaCode);
      const regions = [...new Set(areas.map((a) => a.region))];
      const pool = published.filter((c) => eligible(q, c, AS_OF, regions) && inAreas(c, areas));
      const ctx = { asOf: AS_OF, counterpart: true, conceptWeights: weights, stats };
      const expected = rankMatches(q, pool, ctx, 10);
      const got = await findMatches(database.db, {
        listing: q,
        asOf: AS_OF,
        scope: 'counterpart',
        counterparts: areas,
        limit: 10,
      });
      if (expected.length > 0) withMatches++;
      const same =
        got.length === expected.length &&
        got.every(
          (m, i) =>
            m.ref === expected[i]!.ref &&
            Math.abs(m.score - expected[i]!.score) < 1e-9 &&
            JSON.stringify(m.reasons) === JSON.stringify(expected[i]!.reasons),
        );
      if (!same) {
        const found = new Set(got.map((m) => m.ref));
        mismatches.push({
          query: q.ref,
          got: got.map((m) => `${m.ref} ${m.score.toFixed(3)}`),
          expected: expected.map((m) => `${m.ref} ${m.score.toFixed(3)}`),
          missing: expected
            .filter((m) => !found.has(m.ref))
            .map(
              (m) =>
                `${m.ref}: ${m.reasons.map((r) => `${r.code}${'concept' in r.params ? `(${r.params.concept})` : ''}`).join(' ')}`,
            ),
        });
      }
    }
    const losing = mismatches.filter((m) => m.missing.length > 0).length;
    expect(
      mismatches.slice(0, 5),
      `${mismatches.length} of ${queries.length} queries differ (${losing} of them lose candidates)`,
    ).toEqual([]);
    // The comparison means something only if many queries have matches.
    expect(queries.length).toBeGreaterThan(600);
    expect(withMatches).toBeGreaterThan(queries.length / 2);
  }, 120_000);
});

const url = process.env.DATABASE_URL;
describe.runIf(url)('two app instances on one PostgreSQL', () => {
  let other: Database;
  let depsB: ReturnType<typeof listingDeps>;
  beforeAll(() => {
    const second = secondInstance(database);
    if (!second) throw new Error('expected PostgreSQL under DATABASE_URL');
    other = second;
    depsB = listingDeps(other, AS_OF);
  });
  afterAll(() => other?.close());

  it('give identical rankings', async () => {
    const sample = (
      await database.db.select({ ref: listings.ref }).from(listings).where(eq(listings.status, 'published'))
    )
      .map((r) => r.ref)
      .sort()
      .slice(0, 40);
    for (const ref of sample) {
      for (const scope of ['counterpart', 'all'] as const) {
        const a = await listingMatches(deps, SYSTEM_CONTEXT, ref, { limit: 10, asOf: AS_OF, scope });
        const b = await listingMatches(depsB, SYSTEM_CONTEXT, ref, { limit: 10, asOf: AS_OF, scope });
        expect(b, `${ref} ${scope}`).toEqual(a);
      }
    }
  }, 60_000);

  it('see at once what the other wrote', async () => {
    const q = query.id as string;
    await importListings(other.db, writeJsonl([need('n-from-b')]), { actor: SYSTEM, now: AS_OF });
    expect(refs(await matches(q))).toContain('n-from-b');
    const coordinator = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
    await closeListing(deps, coordinator, 'n-from-b');
    const onB = await listingMatches(depsB, SYSTEM_CONTEXT, q, { limit: 50, asOf: AS_OF });
    expect(refs(onB)).not.toContain('n-from-b');
    expect(onB).toEqual(await matches(q));
  });
});

if (!url) {
  console.warn(
    'Skipping "two app instances on one PostgreSQL": DATABASE_URL is not set (npm run test:pg sets it).',
  );
}
