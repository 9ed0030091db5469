import { and, desc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeUser, signInAs } from '../../test/factories.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { auditLog } from '../audit/schema.ts';
import { jobs } from '../jobs/schema.ts';
import { GLOSSARY } from './glossary.data.ts';
import {
  createGlossaryEntry,
  currentGlossary,
  deleteGlossaryEntry,
  getGlossaryEntry,
  glossaryVersion,
  REANALYZE_JOB,
  searchGlossary,
  seedGlossary,
  updateGlossaryEntry,
} from './glossary.service.ts';
import { glossaryEntries } from './schema.ts';

let database: Database;
let t: TestApp;
let admin: UseCaseContext;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  const user = await makeUser(database, { role: 'admin' });
  admin = {
    viewer: {
      id: user.id,
      email: user.email,
      name: 'Admin',
      role: 'admin',
      regionCode: null,
      orgId: null,
      orgStatus: null,
      preferredLang: 'en',
    },
    lang: 'en',
    requestId: 'glossary-test',
  };
});
afterAll(() => database.close());

/** Deps whose clock never moves: versions must change all the same. */
const frozen = () => ({ db: database.db, now: () => new Date('2018-03-01T00:00:00Z') });

async function reanalyzeJobs() {
  return database.db.select().from(jobs).where(eq(jobs.name, REANALYZE_JOB)).orderBy(jobs.id);
}

async function auditOf(id: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'glossary_entry'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id));
}

/** The validation issues a use case threw, by field. */
async function issuesOf(p: Promise<unknown>): Promise<Record<string, string>> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('validation');
  return Object.fromEntries((err as AppError).issues.map((i) => [i.field, i.message]));
}

describe('the seeded glossary', () => {
  it('holds every seed entry, and seeding again changes nothing', async () => {
    const before = await glossaryVersion(database.db);
    const { entries } = await currentGlossary(database.db);
    expect(entries.length).toBe(GLOSSARY.length);
    await seedGlossary(database.db);
    expect(await glossaryVersion(database.db)).toBe(before);
  });

  it('is searched by term in either language, by identifier and by sector, a page at a time', async () => {
    const water = await searchGlossary(database.db, { q: '矿泉水', page: 1, pageSize: 20 });
    expect(water.rows.map((r) => r.id)).toContain('mineral-water');
    const bottled = await searchGlossary(database.db, { q: 'BOTTLED water', page: 1, pageSize: 20 });
    expect(bottled.rows.map((r) => r.id)).toContain('mineral-water');
    const c15 = await searchGlossary(database.db, { q: 'c15', page: 1, pageSize: 500 });
    expect(c15.rows.length).toBeGreaterThan(0);
    expect(c15.rows.every((r) => r.sectors.includes('C15') || /c15/i.test(r.id))).toBe(true);
    // LIKE wildcards in a query are plain characters.
    expect((await searchGlossary(database.db, { q: '%', page: 1, pageSize: 5 })).total).toBe(0);

    const first = await searchGlossary(database.db, { page: 1, pageSize: 50 });
    const second = await searchGlossary(database.db, { page: 2, pageSize: 50 });
    expect(first.total).toBe(GLOSSARY.length);
    expect(first.rows).toHaveLength(50);
    expect(second.rows[0]!.id > first.rows.at(-1)!.id).toBe(true);
  });
});

describe('admin use cases', () => {
  it('refuse anyone but an administrator', async () => {
    const input = { id: 'nobody-may', zh: ['无权'], en: ['no right'] };
    const anon = { viewer: null, lang: 'en' as const };
    await expect(createGlossaryEntry(frozen(), anon, input)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const member = { ...admin, viewer: { ...admin.viewer!, role: 'member' as const } };
    await expect(createGlossaryEntry(frozen(), member, input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteGlossaryEntry(frozen(), member, 'tea')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('add an entry: stored normalised, audited, version changed, re-analysis queued in the same write', async () => {
    const before = await glossaryVersion(database.db);
    const jobsBefore = (await reanalyzeJobs()).length;
    const row = await createGlossaryEntry(frozen(), admin, {
      id: 'hazelnut',
      zh: [' 榛子 ', '平榛'],
      en: ['hazelnut', 'filbert   nut'],
      sectors: ['a01', '13'],
      broader: '',
    });
    expect(row).toMatchObject({
      id: 'hazelnut',
      zh: ['榛子', '平榛'],
      en: ['hazelnut', 'filbert nut'],
      sectors: ['A01', 'C13'],
      broader: null,
    });
    const version = await glossaryVersion(database.db);
    expect(version).not.toBe(before);
    expect((await currentGlossary(database.db)).entries.map((e) => e.id)).toContain('hazelnut');

    const queued = await reanalyzeJobs();
    expect(queued).toHaveLength(jobsBefore + 1);
    expect(queued.at(-1)).toMatchObject({ status: 'pending', key: `${REANALYZE_JOB}:${version}` });

    const [audit] = await auditOf('hazelnut');
    expect(audit).toMatchObject({ action: 'glossary.created', actorId: admin.viewer!.id });
    expect(audit!.after).toMatchObject({ zh: ['榛子', '平榛'] });
  });

  it('name each field at fault and store nothing', async () => {
    const version = await glossaryVersion(database.db);
    const issues = await issuesOf(
      createGlossaryEntry(frozen(), admin, {
        id: 'Bad Id',
        zh: ['water'],
        en: ['矿泉水'],
        sectors: ['C99'],
        broader: 'no-such-entry',
      }),
    );
    expect(Object.keys(issues).sort()).toEqual(['broader', 'en', 'id', 'sectors', 'zh']);
    expect(issues.sectors).toContain('C99');
    expect(issues.broader).toContain('no-such-entry');

    // A term may belong to one entry only (plural and case folded); an identifier once.
    const taken = await issuesOf(
      createGlossaryEntry(frozen(), admin, { id: 'hazelnut', zh: ['冷链'], en: ['Hazelnuts'] }),
    );
    expect(taken.id).toContain('hazelnut');
    expect(taken.zh).toContain('cold-chain');
    expect(taken.en).toContain('hazelnut');
    // Broader than itself.
    const self = await issuesOf(
      updateGlossaryEntry(frozen(), admin, 'hazelnut', {
        zh: ['榛子'],
        en: ['hazelnut'],
        broader: 'hazelnut',
      }),
    );
    expect(Object.keys(self)).toEqual(['broader']);
    expect(await glossaryVersion(database.db)).toBe(version);
  });

  it('edit an entry: the version changes on every write even with a frozen clock', async () => {
    const v1 = await glossaryVersion(database.db);
    const jobsBefore = (await reanalyzeJobs()).length;
    await updateGlossaryEntry(frozen(), admin, 'hazelnut', {
      zh: ['榛子', '平榛', '榛仁'],
      en: ['hazelnut', 'filbert'],
      sectors: ['A01'],
      broader: null,
    });
    const v2 = await glossaryVersion(database.db);
    await updateGlossaryEntry(frozen(), admin, 'hazelnut', {
      zh: ['榛子'],
      en: ['hazelnut'],
      sectors: ['A01'],
    });
    const v3 = await glossaryVersion(database.db);
    expect(new Set([v1, v2, v3]).size).toBe(3);
    expect((await reanalyzeJobs()).map((j) => j.key).slice(jobsBefore)).toEqual([
      `${REANALYZE_JOB}:${v2}`,
      `${REANALYZE_JOB}:${v3}`,
    ]);
    const [last, previous] = await auditOf('hazelnut');
    expect(last).toMatchObject({ action: 'glossary.updated' });
    expect(last!.before).toMatchObject({ zh: ['榛子', '平榛', '榛仁'] });
    expect(last!.after).toMatchObject({ zh: ['榛子'], en: ['hazelnut'] });
    expect(previous).toMatchObject({ action: 'glossary.updated' });
    await expect(
      updateGlossaryEntry(frozen(), admin, 'no-such-entry', { zh: ['无'], en: ['none'] }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('give a term to one entry only, even when two administrators add it at the same moment', async () => {
    const deps = { db: database.db, now: () => new Date() };
    const results = await Promise.allSettled([
      createGlossaryEntry(deps, admin, { id: 'abalone-a', zh: ['鲍鱼'], en: ['abalone'] }),
      createGlossaryEntry(deps, admin, { id: 'abalone-b', zh: ['鲜鲍'], en: ['abalones'] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected');
    expect(failed?.reason).toMatchObject({ code: 'validation', issues: [{ field: 'en' }] });
  });

  it('delete an entry unless others name it as broader; seeding does not bring a deleted one back', async () => {
    const refused = await issuesOf(deleteGlossaryEntry(frozen(), admin, 'ginseng'));
    expect(refused.id).toContain('wild-ginseng');

    const before = await glossaryVersion(database.db);
    await deleteGlossaryEntry(frozen(), admin, 'red-ginseng');
    const after = await glossaryVersion(database.db);
    expect(after).not.toBe(before);
    expect((await reanalyzeJobs()).at(-1)?.key).toBe(`${REANALYZE_JOB}:${after}`);
    expect((await auditOf('red-ginseng'))[0]).toMatchObject({ action: 'glossary.deleted', after: null });
    await expect(getGlossaryEntry(database.db, 'red-ginseng')).rejects.toMatchObject({ code: 'not_found' });
    expect((await currentGlossary(database.db)).entries.map((e) => e.id)).not.toContain('red-ginseng');
    expect((await searchGlossary(database.db, { q: '红参', page: 1, pageSize: 10 })).total).toBe(0);

    // The next start seeds again: the deleted seed entry stays deleted, the version stays.
    await seedGlossary(database.db);
    expect(await glossaryVersion(database.db)).toBe(after);
    expect((await currentGlossary(database.db)).entries.map((e) => e.id)).not.toContain('red-ginseng');

    // Its terms and identifier are free again.
    await createGlossaryEntry(frozen(), admin, { id: 'red-ginseng', zh: ['红参'], en: ['red ginseng'] });
    expect((await getGlossaryEntry(database.db, 'red-ginseng')).zh).toEqual(['红参']);
    const rows = await database.db
      .select()
      .from(glossaryEntries)
      .where(like(glossaryEntries.id, 'red-ginseng'));
    expect(rows).toHaveLength(1);
  });
});

describe('pages', () => {
  it('show the industries and categories to everyone, in both languages', async () => {
    const en = await (await t.app.request('/en/taxonomy')).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Manufacture of Liquor, Beverages and Refined Tea');
    expect(en).toContain('<td lang="zh-CN">酒、饮料和精制茶制造业</td>');
    expect(en).toContain('A producer selling goods');
    expect(en).toContain('href="/en/taxonomy/glossary"');
    const zh = await (await t.app.request('/zh/taxonomy')).text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<td lang="en">Manufacture of Liquor, Beverages and Refined Tea</td>');
    expect(zh).toContain('采购商、零售商或渠道寻找货源');
    expect(zh.match(/<section aria-labelledby="section-/g)).toHaveLength(20);
    expect(zh.match(/<tr id="division-/g)).toHaveLength(97);
    expect(zh.match(/<tr id="category-/g)).toHaveLength(8);
  });

  it('show the glossary searchable and paged, without edit controls for visitors', async () => {
    const res = await t.app.request('/en/taxonomy/glossary?q=%E7%9F%BF%E6%B3%89%E6%B0%B4');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<tr id="entry-mineral-water">');
    expect(html).not.toContain('/taxonomy/glossary/new');
    expect(html).not.toContain('/edit"');
    const page2 = await (await t.app.request('/zh/taxonomy/glossary?page=2')).text();
    expect(page2).toContain('rel="prev"');
    expect(page2.match(/<tr id="entry-/g)).toHaveLength(50);
    // Form pages are for administrators: visitors are sent to sign in, members refused.
    const anon = await t.app.request('/en/taxonomy/glossary/new');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toContain('/en/sign-in');
    const member = new TestClient(t.app);
    await signInAs(member, database, { role: 'coordinator', regionCode: 'CN-JL' });
    expect((await member.get('/en/taxonomy/glossary/new')).status).toBe(403);
    const post = await member.postForm('/en/taxonomy/glossary', { id: 'x-y', zh: '某', en: 'some' });
    expect(post.status).toBe(403);
    expect(await getGlossaryEntry(database.db, 'x-y').catch(() => undefined)).toBeUndefined();
  });

  it('let an administrator add, edit and delete with forms, errors shown beside their fields', async () => {
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'admin' });
    const list = await (await client.get('/zh/taxonomy/glossary?q=%E8%8C%B6%E5%8F%B6')).text();
    expect(list).toContain('href="/zh/taxonomy/glossary/new"');
    expect(list).toContain('href="/zh/taxonomy/glossary/tea/edit"');

    // Without the CSRF token nothing is stored.
    const forged = await client.request('/en/taxonomy/glossary', {
      method: 'POST',
      body: new URLSearchParams({ id: 'pine-nut-oil', zh: '松子油', en: 'pine nut oil' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.status).toBe(403);

    const bad = await client.postForm('/zh/taxonomy/glossary', {
      id: 'pine-nut-oil',
      zh: 'pine nut oil',
      en: '松子油',
      sectors: 'C14 Z99',
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('class="error-summary"');
    expect(badHtml).toContain('id="f-zh-error"');
    expect(badHtml).toContain('id="f-en-error"');
    expect(badHtml).toContain('Z99 不是 GB/T 4754-2017 大类代码');
    // What was typed is shown again.
    expect(badHtml).toContain('C14 Z99');
    const missing = await client.postForm('/en/taxonomy/glossary', { id: 'pine-nut-oil', zh: '', en: '' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('id="f-en-error"');

    const created = await client.postForm('/en/taxonomy/glossary', {
      id: 'pine-nut-oil',
      zh: '松子油\n红松籽油',
      en: 'pine nut oil, pine seed oil',
      sectors: 'C13',
      broader: 'edible-oil',
    });
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe(
      '/en/taxonomy/glossary?q=pine-nut-oil&done=created#entry-pine-nut-oil',
    );
    const shown = await (await client.get('/en/taxonomy/glossary?q=pine-nut-oil&done=created')).text();
    expect(shown).toContain('role="status"');
    expect(shown).toContain('<tr id="entry-pine-nut-oil">');
    expect((await getGlossaryEntry(database.db, 'pine-nut-oil')).en).toEqual([
      'pine nut oil',
      'pine seed oil',
    ]);

    const form = await (await client.get('/en/taxonomy/glossary/pine-nut-oil/edit')).text();
    expect(form).toContain('readonly');
    expect(form).toContain('松子油\n红松籽油</textarea>');
    const edited = await client.postForm('/en/taxonomy/glossary/pine-nut-oil', {
      id: 'ignored-id',
      zh: '松子油',
      en: 'pine nut oil',
      sectors: '',
      broader: '',
    });
    expect(edited.status).toBe(303);
    expect(await getGlossaryEntry(database.db, 'pine-nut-oil')).toMatchObject({
      zh: ['松子油'],
      sectors: [],
      broader: null,
    });
    await expect(getGlossaryEntry(database.db, 'ignored-id')).rejects.toMatchObject({ code: 'not_found' });

    const refused = await client.postForm('/en/taxonomy/glossary/ginseng/delete', {});
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('wild-ginseng');
    const deleted = await client.postForm('/en/taxonomy/glossary/pine-nut-oil/delete', {});
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/en/taxonomy/glossary?done=deleted');
    expect((await client.get('/en/taxonomy/glossary/pine-nut-oil/edit')).status).toBe(404);
    expect((await auditOf('pine-nut-oil')).map((a) => a.action)).toEqual([
      'glossary.deleted',
      'glossary.updated',
      'glossary.created',
    ]);
  });

  it('link the taxonomy from the admin page', async () => {
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'admin' });
    expect(await (await client.get('/en/admin')).text()).toContain('href="/en/taxonomy"');
  });
});
