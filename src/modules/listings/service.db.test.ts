import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeOrganisation } from '../../test/factories.ts';
import { SYSTEM_CONTEXT, type UseCaseContext } from '../accounts/context.ts';
import { browseAudit } from '../audit/audit.service.ts';
import { DOCS_KEY } from './analysis.ts';
import * as svc from './listings.service.ts';
import {
  actingAs,
  importRecords,
  input,
  listingDeps,
  record,
  recomputedStats,
  removeJsonlFiles,
  storedStats,
} from './testing.ts';

// Use cases called directly (HTTP is covered by api.db.test.ts and web.db.test.ts).

let database: Database;
const NOW = new Date('2018-03-01T12:00:00+08:00');
const anonymous: UseCaseContext = { viewer: null, lang: 'en' };
let deps: ReturnType<typeof listingDeps>;

let orgA: string;
let orgB: string;
let orgZ: string;
let memberA: Awaited<ReturnType<typeof actingAs>>;
let memberB: Awaited<ReturnType<typeof actingAs>>;
let memberOfPendingOrg: Awaited<ReturnType<typeof actingAs>>;
let coordJL: Awaited<ReturnType<typeof actingAs>>;
let coordZJ: Awaited<ReturnType<typeof actingAs>>;
let admin: Awaited<ReturnType<typeof actingAs>>;

/** A published need in Zhejiang that Jilin's water offers answer: its matches show what is matchable. */
const QUERY = 'svc-query-water';

beforeAll(async () => {
  database = await openTestDatabase();
  deps = listingDeps(database, NOW);
  orgA = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: 'Antu Springs' });
  orgB = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: 'Tonghua Wines' });
  orgZ = await makeOrganisation(database, { regionCode: 'CN-ZJ', nameEn: 'Hangzhou Grocers' });
  const orgP = await makeOrganisation(database, { regionCode: 'CN-JL', status: 'pending' });
  memberA = await actingAs(database, 'member', { regionCode: 'CN-JL', orgId: orgA });
  memberB = await actingAs(database, 'member', { regionCode: 'CN-JL', orgId: orgB });
  memberOfPendingOrg = await actingAs(database, 'member', { orgId: orgP, orgStatus: 'pending' });
  coordJL = await actingAs(database, 'coordinator', { regionCode: 'CN-JL' });
  coordZJ = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
  admin = await actingAs(database, 'admin');
  await importRecords(database, [
    record({
      id: QUERY,
      region: 'CN-ZJ',
      area_code: '330100',
      organization: { name: 'Hangzhou Supermarkets', type: 'enterprise' },
      direction: 'seek',
      title: 'Bottled mineral water wanted for our supermarkets',
      description: 'We buy natural mineral water in 500 ml bottles.',
      valid_until: '2018-12-31',
    }),
  ]);
});
afterAll(async () => {
  removeJsonlFiles();
  await database.close();
});

async function matchRefs(asOf = NOW): Promise<string[]> {
  return (await svc.listingMatches(deps, SYSTEM_CONTEXT, QUERY, { limit: 100, asOf })).map((m) => m.ref);
}

async function docs(): Promise<number> {
  return (await storedStats(database.db)).get(DOCS_KEY) ?? 0;
}

async function expectStatsInStep() {
  expect(Object.fromEntries(await storedStats(database.db))).toEqual(
    Object.fromEntries(await recomputedStats(database.db)),
  );
}

const rejectsWith = (p: Promise<unknown>, code: string, status: number) =>
  expect(p).rejects.toMatchObject({ code, status });

describe('createListing', () => {
  it('a member posts for their organisation: pending, visible to them and reviewers, not matchable', async () => {
    const before = await docs();
    const row = await svc.createListing(deps, memberA, input({ orgId: orgB }));
    expect(row).toMatchObject({
      status: 'pending',
      orgId: orgA, // a member always posts for their own organisation
      regionCode: 'CN-JL',
      createdBy: memberA.viewer.id,
      reviewedBy: null,
      title: input().title,
    });
    expect(row.ref).toMatch(/^cp-2018-[0-9a-f]{10}$/);
    expect(row.createdAt.getTime()).toBe(NOW.getTime());
    expect(await matchRefs()).not.toContain(row.ref);
    expect(await docs()).toBe(before);

    const own = await svc.getListing(deps, memberA, row.ref);
    expect(own).toMatchObject({ canManage: true, canReview: false, expired: false });
    expect(own.org.id).toBe(orgA);
    expect(await svc.getListing(deps, coordJL, row.ref)).toMatchObject({ canReview: true, canManage: true });
    expect(await svc.getListing(deps, admin, row.ref)).toMatchObject({ canReview: true });
    await rejectsWith(svc.getListing(deps, anonymous, row.ref), 'not_found', 404);
    await rejectsWith(svc.getListing(deps, memberB, row.ref), 'not_found', 404);
    await rejectsWith(svc.getListing(deps, coordZJ, row.ref), 'not_found', 404);
    // Nor can it be reached through its matches.
    await rejectsWith(svc.listingMatches(deps, anonymous, row.ref, { limit: 5 }), 'not_found', 404);
  });

  it('lists pending listings only for their organisation and their region', async () => {
    const row = await svc.createListing(deps, memberA, input({ title: 'Pending birch sap drink' }));
    const page = (ctx: UseCaseContext) =>
      svc.browseListings(deps, ctx, { state: 'pending', page: 1, pageSize: 100 });
    expect((await page(memberA)).rows.map((r) => r.ref)).toContain(row.ref);
    expect((await page(coordJL)).rows.map((r) => r.ref)).toContain(row.ref);
    expect((await page(memberB)).rows.map((r) => r.ref)).not.toContain(row.ref);
    expect((await page(coordZJ)).rows.map((r) => r.ref)).not.toContain(row.ref);
    await rejectsWith(page(anonymous), 'unauthenticated', 401);
    const active = await svc.browseListings(deps, anonymous, { page: 1, pageSize: 100 });
    expect(active.rows.map((r) => r.ref)).not.toContain(row.ref);
  });

  it('a coordinator publishes at once, for an organisation of their region only', async () => {
    const before = await docs();
    const row = await svc.createListing(deps, coordJL, input({ orgId: orgA, areaCode: '222426' }));
    expect(row).toMatchObject({
      status: 'published',
      orgId: orgA,
      areaCode: '222426',
      reviewedBy: coordJL.viewer.id,
    });
    expect(row.reviewedAt?.getTime()).toBe(NOW.getTime());
    expect(await matchRefs()).toContain(row.ref);
    expect(await docs()).toBe(before + 1);
    await expectStatsInStep();
    expect((await svc.getListing(deps, anonymous, row.ref)).canManage).toBe(false);

    await expect(svc.createListing(deps, coordJL, input())).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'orgId' }],
    });
    await expect(svc.createListing(deps, coordJL, input({ orgId: orgZ }))).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'orgId' }],
    });
    expect((await svc.createListing(deps, admin, input({ orgId: orgZ }))).status).toBe('published');
  });

  it('refuses anonymous callers, members of unapproved organisations, areas outside the region and past dates', async () => {
    await rejectsWith(svc.createListing(deps, anonymous, input()), 'unauthenticated', 401);
    await rejectsWith(svc.createListing(deps, memberOfPendingOrg, input()), 'forbidden', 403);
    await expect(svc.createListing(deps, memberA, input({ areaCode: '330100' }))).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'areaCode' }],
    });
    await expect(svc.createListing(deps, memberA, input({ validUntil: '2018-02-28' }))).rejects.toMatchObject(
      {
        code: 'validation',
        issues: [{ field: 'validUntil' }],
      },
    );
  });
});

describe('review', () => {
  it('a coordinator of another region cannot review; a pending listing stays hidden from them', async () => {
    const pending = await svc.createListing(deps, memberA, input());
    const published = await svc.createListing(deps, coordJL, input({ orgId: orgA }));
    await rejectsWith(svc.reviewListing(deps, coordZJ, published.ref, 'reject', null), 'forbidden', 403);
    await rejectsWith(svc.reviewListing(deps, coordZJ, pending.ref, 'approve', null), 'not_found', 404);
    await rejectsWith(svc.reviewListing(deps, memberA, pending.ref, 'approve', null), 'forbidden', 403);
    await rejectsWith(
      svc.reviewListing(deps, anonymous, pending.ref, 'approve', null),
      'unauthenticated',
      401,
    );
    expect((await svc.getListing(deps, memberA, pending.ref)).listing.status).toBe('pending');
  });

  it('rejects with a note; a member edit sends it back for review; approval makes it matchable', async () => {
    const row = await svc.createListing(deps, memberA, input({ title: 'Mineral water, rejected first' }));
    const later = new Date(NOW.getTime() + 3600_000);
    const rejected = await svc.reviewListing(
      listingDeps(database, later),
      coordJL,
      row.ref,
      'reject',
      'Please give the bottle sizes',
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      reviewNote: 'Please give the bottle sizes',
      reviewedBy: coordJL.viewer.id,
    });
    expect(rejected.reviewedAt?.getTime()).toBe(later.getTime());
    expect(await matchRefs()).not.toContain(row.ref);
    await rejectsWith(svc.getListing(deps, anonymous, row.ref), 'not_found', 404);
    await rejectsWith(svc.reviewListing(deps, coordJL, row.ref, 'approve', null), 'conflict', 409);

    const edited = await svc.updateListing(deps, memberA, row.ref, input({ title: 'Mineral water, 500 ml' }));
    expect(edited).toMatchObject({ status: 'pending', title: 'Mineral water, 500 ml' });

    const approved = await svc.reviewListing(deps, admin, row.ref, 'approve', null);
    expect(approved).toMatchObject({ status: 'published', reviewedBy: admin.viewer.id, reviewNote: null });
    expect(await matchRefs()).toContain(row.ref);
    await expectStatsInStep();
  });
});

describe('updateListing', () => {
  it('a member edit of a published listing goes back to pending and leaves matching', async () => {
    const row = await svc.createListing(deps, coordJL, input({ orgId: orgA }));
    expect(await matchRefs()).toContain(row.ref);
    const before = await docs();
    const edited = await svc.updateListing(
      deps,
      memberA,
      row.ref,
      input({ title: 'Natural mineral water, now in glass bottles' }),
    );
    expect(edited).toMatchObject({ status: 'pending', title: 'Natural mineral water, now in glass bottles' });
    expect(edited.createdAt.getTime()).toBe(row.createdAt.getTime());
    expect(await matchRefs()).not.toContain(row.ref);
    expect(await docs()).toBe(before - 1);
    await expectStatsInStep();
  });

  it("a coordinator's edit keeps the listing published and its new text is what is matched", async () => {
    const row = await svc.createListing(deps, coordJL, input({ orgId: orgA, title: 'Birch sap drink' }));
    const edited = await svc.updateListing(
      deps,
      coordJL,
      row.ref,
      input({ title: 'Spring mineral water', description: 'Bottled at source.' }),
    );
    expect(edited.status).toBe('published');
    const m = (await svc.listingMatches(deps, SYSTEM_CONTEXT, QUERY, { limit: 100, asOf: NOW })).find(
      (x) => x.ref === row.ref,
    );
    expect(m?.title).toBe('Spring mineral water');
    await expectStatsInStep();
  });

  it('members of another organisation cannot edit (403); a pending listing is hidden from them (404)', async () => {
    const published = await svc.createListing(deps, coordJL, input({ orgId: orgA }));
    const pending = await svc.createListing(deps, memberA, input());
    await rejectsWith(svc.updateListing(deps, memberB, published.ref, input()), 'forbidden', 403);
    await rejectsWith(svc.updateListing(deps, coordZJ, published.ref, input()), 'forbidden', 403);
    await rejectsWith(svc.updateListing(deps, memberB, pending.ref, input()), 'not_found', 404);
    await rejectsWith(svc.updateListing(deps, anonymous, published.ref, input()), 'unauthenticated', 401);
    await rejectsWith(svc.updateListing(deps, memberA, 'no-such-ref', input()), 'not_found', 404);
    expect((await svc.getListing(deps, anonymous, published.ref)).listing.title).toBe(input().title);
  });
});

describe('renewListing', () => {
  it('needs a date after today (China time) and revives an expired listing', async () => {
    // Posted on 10 February, valid until the 20th: expired by 1 March.
    const posted = listingDeps(database, new Date('2018-02-10T12:00:00+08:00'));
    const row = await svc.createListing(posted, coordJL, input({ orgId: orgA, validUntil: '2018-02-20' }));
    expect((await svc.getListing(posted, anonymous, row.ref)).expired).toBe(false);
    expect((await svc.getListing(deps, anonymous, row.ref)).expired).toBe(true);
    expect(await matchRefs()).not.toContain(row.ref);

    for (const day of ['2018-03-01', '2018-02-28', '2018-3-9', 'soon', '2099-02-30']) {
      await expect(svc.renewListing(deps, memberA, row.ref, day)).rejects.toMatchObject({
        code: 'validation',
        issues: [{ field: 'validUntil' }],
      });
    }
    await rejectsWith(svc.renewListing(deps, memberB, row.ref, '2018-06-30'), 'forbidden', 403);
    // Permission comes before the date: an outsider learns nothing from a bad date either.
    await rejectsWith(svc.renewListing(deps, memberB, row.ref, 'soon'), 'forbidden', 403);

    const renewed = await svc.renewListing(deps, memberA, row.ref, '2018-06-30');
    expect(renewed).toMatchObject({ validUntil: '2018-06-30', status: 'published' });
    expect((await svc.getListing(deps, anonymous, row.ref)).expired).toBe(false);
    expect(await matchRefs()).toContain(row.ref);
  });

  it("judges 'today' and expiry by the date in China", async () => {
    // 17:00 UTC on 1 March is 01:00 on 2 March in China.
    const lateUtc = new Date('2018-03-01T17:00:00Z');
    const d = listingDeps(database, lateUtc);
    const row = await svc.createListing(deps, coordJL, input({ orgId: orgA, validUntil: '2018-03-01' }));
    expect((await svc.getListing(d, anonymous, row.ref)).expired).toBe(true);
    expect((await svc.getListing(deps, anonymous, row.ref)).expired).toBe(false);
    await expect(svc.renewListing(d, coordJL, row.ref, '2018-03-02')).rejects.toMatchObject({
      code: 'validation',
    });
    expect((await svc.renewListing(d, coordJL, row.ref, '2018-03-03')).validUntil).toBe('2018-03-03');
  });
});

describe('closeListing', () => {
  it('makes a listing unmatchable but still readable, once', async () => {
    const row = await svc.createListing(deps, coordJL, input({ orgId: orgA }));
    expect(await matchRefs()).toContain(row.ref);
    await rejectsWith(svc.closeListing(deps, memberB, row.ref), 'forbidden', 403);
    await rejectsWith(svc.closeListing(deps, anonymous, row.ref), 'unauthenticated', 401);
    const before = await docs();
    const closed = await svc.closeListing(deps, memberA, row.ref);
    expect(closed.status).toBe('closed');
    expect(await matchRefs()).not.toContain(row.ref);
    expect(await docs()).toBe(before - 1);
    await expectStatsInStep();
    const view = await svc.getListing(deps, anonymous, row.ref);
    expect(view.listing.status).toBe('closed');
    expect(view.canManage).toBe(false);
    await rejectsWith(svc.closeListing(deps, memberA, row.ref), 'conflict', 409);
    const mine = await svc.browseListings(deps, memberA, { state: 'closed', page: 1, pageSize: 100 });
    expect(mine.rows.map((r) => r.ref)).toContain(row.ref);
    const publicActive = await svc.browseListings(deps, anonymous, { page: 1, pageSize: 100 });
    expect(publicActive.rows.map((r) => r.ref)).not.toContain(row.ref);
  });
});

describe('audit', () => {
  it('records every change of a listing with who made it, and nothing for refused attempts', async () => {
    const row = await svc.createListing(deps, memberA, input({ title: 'Audited mineral water' }));
    await svc.reviewListing(deps, coordJL, row.ref, 'reject', 'Add a price');
    await svc.updateListing(
      deps,
      memberA,
      row.ref,
      input({ title: 'Audited mineral water, CNY 2 a bottle' }),
    );
    await svc.reviewListing(deps, coordJL, row.ref, 'approve', null);
    await svc.renewListing(deps, memberA, row.ref, '2019-03-01');
    await svc.updateListing(deps, memberB, row.ref, input()).catch(() => undefined);
    await svc.closeListing(deps, coordJL, row.ref);

    const { rows } = await browseAudit(database.db, admin.viewer, {
      entity: 'listing',
      entityId: row.ref,
      page: 1,
      pageSize: 50,
    });
    expect(rows.reverse().map((r) => [r.action, r.actorId])).toEqual([
      ['listing.created', memberA.viewer.id],
      ['listing.rejected', coordJL.viewer.id],
      ['listing.updated', memberA.viewer.id],
      ['listing.approved', coordJL.viewer.id],
      ['listing.renewed', memberA.viewer.id],
      ['listing.closed', coordJL.viewer.id],
    ]);
    expect(rows[1]?.after).toMatchObject({ status: 'rejected', note: 'Add a price' });
    expect(rows[2]?.before).toMatchObject({ title: 'Audited mineral water', status: 'rejected' });
    expect(rows[2]?.after).toMatchObject({
      title: 'Audited mineral water, CNY 2 a bottle',
      status: 'pending',
    });
    expect(rows[4]?.after).toMatchObject({ validUntil: '2019-03-01' });
    expect(rows.every((r) => r.requestId === 'test')).toBe(true);
    await rejectsWith(
      browseAudit(database.db, coordJL.viewer, { entity: 'listing', page: 1, pageSize: 5 }),
      'forbidden',
      403,
    );
  });
});

describe('scanListings', () => {
  it('reads every listing a browse finds, newest first, in keyset batches without repeats', async () => {
    const day = (n: number) => `2018-02-${String(n).padStart(2, '0')}T09:00:00+08:00`;
    // Two share a created_at, so the id breaks the tie between batches.
    const report = await importRecords(
      database,
      [1, 2, 3, 3, 5].map((d, i) =>
        record({
          id: `scan-${i}`,
          region: 'CN-HL',
          area_code: '230100',
          category: 'talent',
          created_at: day(d),
        }),
      ),
    );
    expect(report.invalid).toEqual([]);
    const browsed = await svc.browseListings(deps, anonymous, {
      regions: ['CN-HL'],
      categories: ['talent'],
      page: 1,
      pageSize: 100,
    });
    const scanned: string[] = [];
    for await (const r of svc.scanListings(
      deps,
      anonymous,
      { regions: ['CN-HL'], categories: ['talent'] },
      2,
    )) {
      scanned.push(r.ref);
    }
    expect(scanned.length).toBe(browsed.total);
    expect(new Set(scanned).size).toBe(scanned.length);
    expect(scanned).toEqual(browsed.rows.map((r) => r.ref));
    expect(scanned.filter((r) => r.startsWith('scan-'))).toHaveLength(5);
  });
});
