import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeOrganisation } from '../../test/factories.ts';
import { organisations } from '../accounts/schema.ts';
import { auditLog } from '../audit/schema.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { DOCS_KEY, keyHash, keyPrefix, statFeatures } from './analysis.ts';
import { importListings } from './import.ts';
import { MAX_LINE_BYTES } from './jsonl.ts';
import { closeListing } from './listings.service.ts';
import { listings } from './schema.ts';
import {
  actingAs,
  countByStatus,
  importRecords,
  listingDeps,
  recomputedStats,
  record,
  removeJsonlFiles,
  storedStats,
  without,
  writeJsonl,
} from './testing.ts';

/** expect.stringMatching, typed for object literals. */
const matching = (re: RegExp) => expect.stringMatching(re) as string;

let database: Database;
const NOW = new Date('2018-03-01T12:00:00+08:00');

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  removeJsonlFiles();
  await database.close();
});

const run = (path: string, opts: Parameters<typeof importListings>[2] = { actor: SYSTEM, now: NOW }) =>
  importListings(database.db, path, opts);

async function rowsOf(refs: string[]) {
  return refs.length === 0
    ? []
    : database.db.select().from(listings).where(inArray(listings.ref, refs)).orderBy(listings.ref);
}

async function tableCounts() {
  const [l] = await database.db.select({ n: count() }).from(listings);
  const [o] = await database.db.select({ n: count() }).from(organisations);
  const [a] = await database.db.select({ n: count() }).from(auditLog);
  return { listings: l?.n, orgs: o?.n, audit: a?.n };
}

async function orgsNamed(name: string) {
  return database.db.select().from(organisations).where(eq(organisations.nameEn, name));
}

/** match_stats must equal the statistics recomputed from the published listings' stored features. */
async function expectStatsInStep() {
  const stored = await storedStats(database.db);
  const expected = await recomputedStats(database.db);
  expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(expected));
  return stored;
}

describe('all or nothing', () => {
  it('imports nothing when one line is bad, and lists every bad line with its number and field', async () => {
    const before = await tableCounts();
    const good = [record(), record(), record()];
    const path = writeJsonl([
      good[0]!,
      record({ sector: 'Z99' }),
      good[1]!,
      '',
      '{"id": "broken",',
      record({ direction: 'sell', amount_cny: -3 }),
      Buffer.from([0x7b, 0xff, 0x7d]),
      without(record(), 'title'),
      record({ region: 'CN-JL', area_code: '330100' }),
      record({ colour: 'red' }),
      good[2]!,
    ]);
    const report = await run(path);
    expect(report.created).toBe(0);
    expect(report.updated).toBe(0);
    expect(report.lines).toBe(10); // the blank line is not counted but keeps the numbering
    expect(report.invalid.map((b) => [b.line, b.field])).toEqual([
      [2, 'sector'],
      [5, undefined],
      [6, 'direction'],
      [6, 'amount_cny'],
      [7, undefined],
      [8, 'title'],
      [9, 'area_code'],
      [10, 'colour'],
    ]);
    expect(report.invalid.find((b) => b.line === 5)?.reason).toMatch(/JSON/);
    expect(report.invalid.find((b) => b.line === 7)?.reason).toMatch(/UTF-8/);
    for (const b of report.invalid) expect(b.reason.length).toBeGreaterThan(0);
    expect(await tableCounts()).toEqual(before);
    expect(await rowsOf(good.map((g) => g.id as string))).toEqual([]);
  });

  it('names unknown fields themselves, nested ones by their path', async () => {
    const report = await run(
      writeJsonl([
        record({ colour: 'red', size: 'L' }),
        record({ organization: { name: 'A', type: 'enterprise', phone: '0431-1234567' } }),
      ]),
    );
    expect(report.invalid.map((b) => [b.line, b.field])).toEqual([
      [1, 'colour'],
      [1, 'size'],
      [2, 'organization.phone'],
    ]);
    expect(report.invalid[2]?.reason).toContain('phone');
  });

  it('names a duplicate id with the line it first appeared on, and imports nothing', async () => {
    const a = record();
    const b = record();
    const before = await tableCounts();
    const report = await run(
      writeJsonl([a, b, { ...record(), id: a.id }, record(), { ...record(), id: a.id }]),
    );
    expect(report.invalid).toEqual([
      { line: 3, field: 'id', reason: matching(/first on line 1\b/) },
      { line: 5, field: 'id', reason: matching(/first on line 1\b/) },
    ]);
    expect(report.invalid[0]?.reason).toContain(a.id as string);
    expect(report.created).toBe(0);
    expect(await tableCounts()).toEqual(before);
  });

  it('reports a line over 1 MB by its number without importing anything', async () => {
    const huge = record({ description: 'x'.repeat(MAX_LINE_BYTES) });
    const path = writeJsonl([record(), huge, record()], { eol: '\r\n' });
    const before = await tableCounts();
    const report = await run(path);
    expect(report.invalid).toEqual([{ line: 2, reason: matching(/longer than 1 MB/) }]);
    expect(await tableCounts()).toEqual(before);
  });

  it('imports the good lines with skipInvalid and reports the rest', async () => {
    const good = [record(), record({ language: 'zh', title: '长白山矿泉水', description: '天然矿泉水' })];
    const dup = { ...record(), id: good[0]!.id, title: 'Second copy' };
    const report = await run(writeJsonl([good[0]!, record({ category: 'goods' }), good[1]!, dup]), {
      actor: SYSTEM,
      now: NOW,
      skipInvalid: true,
    });
    expect(report).toMatchObject({ lines: 4, created: 2, updated: 0 });
    expect(report.invalid.map((b) => [b.line, b.field])).toEqual([
      [2, 'category'],
      [4, 'id'],
    ]);
    const rows = await rowsOf(good.map((g) => g.id as string));
    expect(rows.map((r) => [r.ref, r.status])).toEqual(
      good.map((g) => [g.id, 'published']).sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    // The first of the duplicated lines is the one imported.
    expect(rows.find((r) => r.ref === good[0]!.id)?.title).toBe(good[0]!.title);
  });

  it('imports nothing with skipInvalid when every line is bad', async () => {
    const before = await tableCounts();
    const report = await run(writeJsonl([record({ sector: 'C99' }), 'nope']), {
      actor: SYSTEM,
      now: NOW,
      skipInvalid: true,
    });
    expect(report).toMatchObject({ lines: 2, created: 0, updated: 0 });
    expect(report.invalid).toHaveLength(2);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('what is stored', () => {
  it('keeps every field of the format, with created_at as the listing time', async () => {
    const r = record({
      id: 'field-check-1',
      region: 'CN-ZJ',
      area_code: '330782',
      organization: { name: '义乌小商品城经营户协会', type: 'association' },
      direction: 'seek',
      category: 'logistics',
      sector: 'G54',
      title: '寻求冷链运输合作',
      description: '每周两车冷链货物由义乌发往长春。',
      language: 'zh',
      tags: ['冷链', '公路运输'],
      amount_cny: 350000.5,
      valid_until: '2018-09-30',
      created_at: '2018-02-27T08:30:00+08:00',
    });
    expect(await importRecords(database, [r])).toMatchObject({ created: 1, invalid: [] });
    const [row] = await rowsOf(['field-check-1']);
    expect(row).toMatchObject({
      ref: 'field-check-1',
      regionCode: 'CN-ZJ',
      areaCode: '330782',
      direction: 'seek',
      category: 'logistics',
      sector: 'G54',
      title: '寻求冷链运输合作',
      description: '每周两车冷链货物由义乌发往长春。',
      language: 'zh',
      tags: ['冷链', '公路运输'],
      amountCny: 350000.5,
      validUntil: '2018-09-30',
      status: 'published',
    });
    expect(row?.createdAt.toISOString()).toBe('2018-02-27T00:30:00.000Z');
    expect(row?.features.concepts).toHaveProperty('cold-chain');
    expect(row?.matchKeys.length).toBeGreaterThan(0);
    // Retrieval keys are hashes of category:direction:region:feature.
    expect(row?.matchKeys).toContain(keyHash(`${keyPrefix('logistics', 'seek', 'CN-ZJ')}c:cold-chain`));
    expect(row?.matchKeys).not.toContain(keyHash(`${keyPrefix('logistics', 'offer', 'CN-ZJ')}c:cold-chain`));
    const [org] = await database.db.select().from(organisations).where(eq(organisations.id, row!.orgId));
    expect(org).toMatchObject({
      nameZh: '义乌小商品城经营户协会',
      nameEn: '义乌小商品城经营户协会',
      type: 'association',
      regionCode: 'CN-ZJ',
      status: 'approved',
    });
  });

  it('records one audit entry per import and reports progress through both phases', async () => {
    const phases: string[] = [];
    const before = await tableCounts();
    const report = await run(writeJsonl([record(), record()]), {
      actor: { id: null, label: 'cli-test' },
      now: NOW,
      onProgress: (p) => {
        expect(p.done).toBeLessThanOrEqual(p.total);
        phases.push(`${p.phase}:${p.done === p.total ? 'done' : 'part'}`);
      },
    });
    expect(report.created).toBe(2);
    expect(phases).toContain('check:done');
    expect(phases.at(-1)).toBe('import:done');
    const after = await tableCounts();
    expect(after.audit).toBe((before.audit ?? 0) + 1);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.actorLabel, 'cli-test'));
    expect(entry).toMatchObject({ action: 'listings.imported', entity: 'listing' });
    expect(entry?.after).toMatchObject({ created: 2, updated: 0, status: 'published' });
  });
});

describe('re-import and organisations', () => {
  it('updates a listing imported again with the same id, reusing its organisation', async () => {
    const org = { name: 'Yanbian Cattle Cooperative', type: 'enterprise' };
    const first = record({ id: 'reimport-1', organization: org, title: 'Yanbian beef cattle' });
    const other = record({ id: 'reimport-2', organization: org, title: 'Yanbian beef, frozen cuts' });
    expect(await importRecords(database, [first, other])).toMatchObject({ created: 2, updated: 0 });
    expect(await orgsNamed(org.name)).toHaveLength(1);

    const changed = { ...first, title: 'Yanbian yellow cattle, live', amount_cny: 9_000_000 };
    const third = record({ id: 'reimport-3', organization: org });
    expect(await importRecords(database, [changed, third])).toMatchObject({
      lines: 2,
      created: 1,
      updated: 1,
      invalid: [],
    });
    const rows = await rowsOf(['reimport-1', 'reimport-2', 'reimport-3']);
    expect(rows.map((r) => r.ref)).toEqual(['reimport-1', 'reimport-2', 'reimport-3']);
    expect(rows[0]).toMatchObject({ title: 'Yanbian yellow cattle, live', amountCny: 9_000_000 });
    const orgs = await orgsNamed(org.name);
    expect(orgs).toHaveLength(1);
    expect(new Set(rows.map((r) => r.orgId))).toEqual(new Set([orgs[0]!.id]));
  });

  it('keys organisations by name and region: the same name elsewhere is another organisation', async () => {
    const name = 'Northeast Seed Co.';
    await importRecords(database, [
      record({ organization: { name, type: 'enterprise' }, region: 'CN-JL', area_code: '220100' }),
      record({ organization: { name, type: 'enterprise' }, region: 'CN-ZJ', area_code: '330100' }),
      record({ organization: { name, type: 'enterprise' }, region: 'CN-ZJ', area_code: '330200' }),
    ]);
    const orgs = await orgsNamed(name);
    expect(orgs.map((o) => o.regionCode).sort()).toEqual(['CN-JL', 'CN-ZJ']);
    for (const o of orgs) expect(o.status).toBe('approved');
  });

  it('reuses an organisation registered on the site by its English or its Chinese name', async () => {
    const id = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: 'Jilin Ginseng Institute' });
    const [made] = await database.db.select().from(organisations).where(eq(organisations.id, id));
    const before = await tableCounts();
    await importRecords(database, [
      record({ id: 'reuse-en', organization: { name: 'Jilin Ginseng Institute', type: 'institute' } }),
      record({ id: 'reuse-zh', organization: { name: made!.nameZh, type: 'institute' } }),
    ]);
    expect((await tableCounts()).orgs).toBe(before.orgs);
    const rows = await rowsOf(['reuse-en', 'reuse-zh']);
    expect(rows.map((r) => r.orgId)).toEqual([id, id]);
  });

  it('imports as pending when asked: nothing enters matching or the statistics', async () => {
    const statsBefore = await storedStats(database.db);
    const report = await importRecords(database, [record({ id: 'pending-1' }), record({ id: 'pending-2' })], {
      status: 'pending',
    });
    expect(report).toMatchObject({ created: 2, invalid: [] });
    const rows = await rowsOf(['pending-1', 'pending-2']);
    expect(rows.map((r) => [r.status, r.matchKeys])).toEqual([
      ['pending', []],
      ['pending', []],
    ]);
    expect(await storedStats(database.db)).toEqual(statsBefore);
  });
});

describe('corpus statistics', () => {
  it('stay in step with the published listings through imports, updates, re-imports as pending and closes', async () => {
    const water = (over: Record<string, unknown>) =>
      record({
        title: 'Bottled mineral water wanted',
        direction: 'seek',
        region: 'CN-ZJ',
        area_code: '330100',
        ...over,
      });
    const set = [
      water({ id: 'stats-1' }),
      water({ id: 'stats-2', title: '求购长白山矿泉水', description: '矿泉水，瓶装', language: 'zh' }),
      water({
        id: 'stats-3',
        title: 'Cold chain trucks',
        description: 'Refrigerated transport',
        category: 'logistics',
      }),
    ];
    await importRecords(database, set);
    let stats = await expectStatsInStep();
    expect(stats.get(DOCS_KEY)).toBe((await countByStatus(database.db)).published);

    // A key counted by hand: the published listings whose stored features have the concept.
    const published = await database.db
      .select({ ref: listings.ref, features: listings.features })
      .from(listings)
      .where(eq(listings.status, 'published'));
    const having = (key: string) => published.filter((p) => statFeatures(p.features).includes(key)).length;
    expect(having('c:mineral-water')).toBeGreaterThanOrEqual(2);
    expect(stats.get('c:mineral-water')).toBe(having('c:mineral-water'));
    expect(stats.get('c:cold-chain')).toBe(having('c:cold-chain'));

    // An update that drops the water concept from one listing.
    const mw = stats.get('c:mineral-water')!;
    await importRecords(database, [
      water({ id: 'stats-1', title: 'Frozen dumplings wanted', description: 'Pork and cabbage dumplings' }),
    ]);
    stats = await expectStatsInStep();
    expect(stats.get('c:mineral-water')).toBe(mw - 1);

    // Re-imported as pending: leaves the corpus.
    const docs = stats.get(DOCS_KEY)!;
    await importRecords(database, [set[1]!], { status: 'pending' });
    stats = await expectStatsInStep();
    expect(stats.get(DOCS_KEY)).toBe(docs - 1);
    expect(stats.get('c:mineral-water') ?? 0).toBe(mw - 2);

    // Closed by a coordinator of its region: leaves the corpus too; closing keeps the row.
    const coordinator = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
    await closeListing(listingDeps(database, NOW), coordinator, 'stats-3');
    stats = await expectStatsInStep();
    expect(stats.get(DOCS_KEY)).toBe(docs - 2);
    expect(stats.get(DOCS_KEY)).toBe((await countByStatus(database.db)).published);
    expect((await rowsOf(['stats-3']))[0]).toMatchObject({ status: 'closed', matchKeys: [] });

    // And published again by a re-import.
    await importRecords(database, [set[1]!]);
    stats = await expectStatsInStep();
    expect(stats.get(DOCS_KEY)).toBe(docs - 1);
  });
});
