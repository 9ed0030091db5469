import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { createLogger } from '../../lib/log.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { auditLog } from '../audit/schema.ts';
import { createJobRunner } from '../jobs/jobs.service.ts';
import { jobs } from '../jobs/schema.ts';
import { newsJobHandlers } from './news.jobs.ts';
import * as news from './news.service.ts';
import { articleRevisions, articles } from './schema.ts';
import { actingAs, contextFor, fields } from './testing.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
});
afterAll(() => database.close());

async function article(id: string) {
  const [row] = await database.db.select().from(articles).where(eq(articles.id, id));
  return row!;
}

function runnerAt(now: Date) {
  return createJobRunner({
    db: database.db,
    log: createLogger('silent'),
    pollMs: 1000,
    handlers: newsJobHandlers(),
    now: () => now,
  });
}

/** The id in a redirect to /{lang}/news/manage/<id>. */
function idFrom(res: Response): string {
  const m = /\/news\/manage\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '');
  if (!m) throw new Error(`no article id in ${res.status} ${res.headers.get('location')}`);
  return m[1]!;
}

describe('draft → scheduled → published', () => {
  it('publishes at the scheduled time through the job runner; a reschedule leaves the old job doing nothing', async () => {
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'coordinator', regionCode: 'CN-JL' });
    const created = await client.postForm('/en/news/manage', {
      lang: 'en',
      title: 'Jilin tourism week',
      bodySource: 'Jilin holds a tourism week with Zhejiang.',
      bodyFormat: 'markdown',
      section: 'news',
    });
    expect(created.status).toBe(303);
    const id = idFrom(created);
    expect((await article(id)).status).toBe('draft');
    expect((await article(id)).regionCode).toBe('CN-JL');
    expect((await client.get('/en/news/jilin-tourism-week')).status).toBe(404);

    // Beijing 09:00 on 1 May 2031 is 01:00 UTC; then moved to 10:00.
    expect(
      (await client.postForm(`/en/news/manage/${id}/schedule`, { scheduledAt: '2031-05-01T09:00' })).status,
    ).toBe(303);
    expect(
      (await client.postForm(`/en/news/manage/${id}/schedule`, { scheduledAt: '2031-05-01T09:00' })).status,
    ).toBe(303);
    expect(
      (await client.postForm(`/en/news/manage/${id}/schedule`, { scheduledAt: '2031-05-01 10:00' })).status,
    ).toBe(303);
    const scheduled = await article(id);
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.scheduledAt?.toISOString()).toBe('2031-05-01T02:00:00.000Z');
    const queued = await database.db.select().from(jobs).where(eq(jobs.name, news.PUBLISH_JOB));
    expect(queued.map((j) => j.runAt.toISOString()).sort()).toEqual([
      '2031-05-01T01:00:00.000Z',
      '2031-05-01T02:00:00.000Z',
    ]);

    expect(await runnerAt(new Date('2031-05-01T00:59:59Z')).runDue()).toBe(0);
    expect(await runnerAt(new Date('2031-05-01T01:00:00Z')).runDue()).toBe(1);
    expect((await article(id)).status).toBe('scheduled');
    expect(await runnerAt(new Date('2031-05-01T02:00:01Z')).runDue()).toBe(1);
    const published = await article(id);
    expect(published.status).toBe('published');
    expect(published.publishedAt?.toISOString()).toBe('2031-05-01T02:00:00.000Z');
    expect(published.scheduledAt).toBeNull();

    const page = await client.get('/en/news/jilin-tourism-week');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      '<time datetime="2031-05-01T10:00:00+08:00">2031-05-01 10:00:00</time>',
    );
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['article.created', 'article.scheduled', 'article.published']),
    );
    expect(audit.find((a) => a.action === 'article.published')?.actorLabel).toMatch(/\(scheduled\)$/);
  });

  it('refuses a time in the past or one that does not exist, naming the field', async () => {
    const ctx = await actingAs(database, 'admin');
    const a = await news.createArticle(t.deps, ctx, 'en', fields({ title: 'Past schedule' }));
    await expect(news.scheduleArticle(t.deps, ctx, a.id, new Date(Date.now() - 1000))).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'scheduledAt' }],
    });
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'admin' });
    const res = await client.postForm(`/en/news/manage/${a.id}/schedule`, {
      scheduledAt: '2031-02-30T09:00',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Enter a date and time such as 2030-05-01 09:30');
  });

  it('publishes now, unpublishes (404) and republishes keeping the first publication time', async () => {
    const ctx = await actingAs(database, 'admin');
    const a = await news.createArticle(t.deps, ctx, 'en', fields({ title: 'Publish now test' }));
    const p = await news.publishArticle(t.deps, ctx, a.id);
    expect(p.status).toBe('published');
    await expect(news.publishArticle(t.deps, ctx, a.id)).rejects.toMatchObject({ code: 'conflict' });
    await news.unpublishArticle(t.deps, ctx, a.id);
    expect((await t.app.request(`/en/news/${a.slug}`)).status).toBe(404);
    const again = await news.publishArticle(t.deps, ctx, a.id);
    expect(again.publishedAt).toEqual(p.publishedAt);
    expect((await t.app.request(`/en/news/${a.slug}`)).status).toBe(200);
  });
});

describe('revisions', () => {
  it('keeps one per save, restores an old one as a new revision, and shows the change as a diff', async () => {
    const ctx = await actingAs(database, 'coordinator', 'CN-ZJ');
    const a = await news.createArticle(
      t.deps,
      ctx,
      'en',
      fields({ title: 'Zhejiang trade fair', bodySource: 'The fair opens in Hangzhou.' }),
    );
    await news.publishArticle(t.deps, ctx, a.id);
    await news.updateArticle(
      t.deps,
      ctx,
      a.id,
      fields({ title: 'Zhejiang trade fair', bodySource: 'The fair opens in Ningbo.' }),
    );
    await news.updateArticle(
      t.deps,
      ctx,
      a.id,
      fields({ title: 'Zhejiang trade fair', bodySource: 'The fair opens in Ningbo.' }),
    );
    const revisions = await database.db
      .select()
      .from(articleRevisions)
      .where(eq(articleRevisions.articleId, a.id));
    expect(revisions.map((r) => r.number).sort()).toEqual([1, 2]);

    const restored = await news.restoreRevision(t.deps, ctx, a.id, 1);
    expect(restored.bodySource).toBe('The fair opens in Hangzhou.');
    expect(restored.lastEditedAt).not.toBeNull();
    const after = await database.db
      .select()
      .from(articleRevisions)
      .where(eq(articleRevisions.articleId, a.id));
    expect(after.find((r) => r.number === 3)).toMatchObject({
      note: 'restored:1',
      bodySource: 'The fair opens in Hangzhou.',
    });

    const diff = await (await t.app.request(`/en/news/${a.slug}/history/2`)).text();
    expect(diff).toMatch(/<del><span class="news-sr-only">\[Removed:\] <\/span>Hangzhou<\/del>/);
    expect(diff).toMatch(/<ins><span class="news-sr-only">\[Added:\] <\/span>Ningbo<\/ins>/);
    const history = await (await t.app.request(`/en/news/${a.slug}/history`)).text();
    expect(history).toContain('Restored version 1');
    expect(history).not.toContain('Restore version'); // buttons are for managers only

    const page = await (await t.app.request(`/en/news/${a.slug}`)).text();
    expect(page).toContain('Last updated');
    expect(page).toContain(`href="/en/news/${a.slug}/history"`);
  });

  it('lets a manager restore from the history page', async () => {
    const client = new TestClient(t.app);
    const user = await signInAs(client, database, { role: 'coordinator', regionCode: 'CN-LN' });
    const ctx = contextFor(user, 'coordinator', 'CN-LN');
    const a = await news.createArticle(
      t.deps,
      ctx,
      'en',
      fields({ title: 'Liaoning note', bodySource: 'First.' }),
    );
    await news.updateArticle(t.deps, ctx, a.id, fields({ title: 'Liaoning note', bodySource: 'Second.' }));
    const history = await (await client.get(`/en/news/${a.slug}/history`)).text();
    expect(history).toContain('Restore version 1');
    const res = await client.postForm(`/en/news/manage/${a.id}/restore`, { number: '1' });
    expect(res.status).toBe(303);
    expect((await article(a.id)).bodySource).toBe('First.');
  });
});

describe('who may publish', () => {
  it('forbids a coordinator of another region, on pages, forms and the API', async () => {
    const owner = await actingAs(database, 'coordinator', 'CN-JL');
    const a = await news.createArticle(t.deps, owner, 'en', fields({ title: 'Jilin only' }));
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'coordinator', regionCode: 'CN-ZJ' });
    expect((await client.get(`/en/news/manage/${a.id}`)).status).toBe(403);
    expect((await client.postForm(`/en/news/manage/${a.id}/publish`, {})).status).toBe(403);
    expect(
      (await client.postForm(`/en/news/manage/${a.id}`, { lang: 'en', title: 'Taken over', bodySource: 'x' }))
        .status,
    ).toBe(403);
    expect((await client.sendJson('PUT', `/api/v1/news/${a.id}`, { title: 'Taken over' })).status).toBe(403);
    expect((await client.sendJson('POST', `/api/v1/news/${a.id}/publish`, {})).status).toBe(403);
    const manage = await (await client.get('/en/news/manage')).text();
    expect(manage).not.toContain('Jilin only');
    expect((await article(a.id)).title).toBe('Jilin only');
    expect((await article(a.id)).status).toBe('draft');

    const member = new TestClient(t.app);
    await signInAs(member, database, { role: 'member' });
    expect((await member.get('/en/news/manage')).status).toBe(403);
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get('/en/news/manage')).status).toBe(303);
  });

  it('keeps coordinators to their own region whatever they send', async () => {
    const ctx = await actingAs(database, 'coordinator', 'CN-JL');
    const a = await news.createArticle(
      t.deps,
      ctx,
      'en',
      fields({ title: 'Region forced', regionCode: 'CN-ZJ' }),
    );
    expect(a.regionCode).toBe('CN-JL');
  });
});

describe('bad input', () => {
  it('names each bad field: empty title, unknown section, oversized body, script, handler, javascript: link', async () => {
    const ctx = await actingAs(database, 'admin');
    const attempt = (over: Parameters<typeof fields>[0]) =>
      news.createArticle(t.deps, ctx, 'en', fields(over)).then(
        () => [],
        (err: unknown) =>
          err instanceof AppError ? err.issues : [{ field: 'thrown', message: String(err) }],
      );
    expect(await attempt({ title: '   ' })).toEqual([{ field: 'title', message: 'Enter a title' }]);
    expect(await attempt({ section: 'gossip' })).toEqual([
      { field: 'section', message: 'There is no section "gossip"' },
    ]);
    const lines = async (over: Parameters<typeof fields>[0]) =>
      (await attempt(over)).map((i) => `${i.field}: ${i.message}`);
    expect(await lines({ bodySource: 'x'.repeat(200_001) })).toEqual([
      'bodySource: The body is 200001 characters long; the limit is 200000',
    ]);
    expect(await lines({ bodySource: 'Hi <script>alert(1)</script>' })).toEqual([
      'bodySource: The body contains a script; scripts are not allowed',
    ]);
    expect((await lines({ bodySource: '<img src=x onerror=alert(1)>' })).join('\n')).toContain(
      'bodySource: The body contains an event handler',
    );
    expect((await lines({ bodySource: '[x](javascript:alert(1))' })).join('\n')).toMatch(
      /^bodySource: .*javascript:/,
    );
    const both = await attempt({ title: '', section: 'gossip' });
    expect(both.map((i) => i.field).sort()).toEqual(['section', 'title']);
  });

  it('shows the errors on the form in the page language and stores nothing', async () => {
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'admin' });
    const before = (await database.db.select().from(articles)).length;
    const res = await client.postForm('/zh/news/manage', {
      lang: 'zh',
      title: '',
      bodySource: '<a href="#" onclick="alert(1)">点击</a>',
      section: 'nope',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('请输入标题');
    expect(html).toContain('栏目“nope”不存在');
    expect(html).toContain('事件处理属性');
    expect(html).toContain('href="#f-bodySource"');
    // The rejected body is shown back only as text in the textarea.
    expect(html).not.toContain('<a href="#" onclick');
    expect((await database.db.select().from(articles)).length).toBe(before);
  });

  it('answers the API with a problem naming the fields', async () => {
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'admin' });
    const res = await client.sendJson('POST', '/api/v1/news', {
      lang: 'en',
      title: '',
      bodySource: '<script>x</script>',
      section: 'gossip',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field).sort()).toEqual(['bodySource', 'section', 'title']);
  });
});

describe('translations', () => {
  it('link only articles in the other language that the author also manages', async () => {
    const jl = await actingAs(database, 'coordinator', 'CN-JL');
    const zj = await actingAs(database, 'coordinator', 'CN-ZJ');
    const theirs = await news.createArticle(t.deps, jl, 'en', fields({ title: 'Jilin original' }));
    const attempt = news.createArticle(
      t.deps,
      zj,
      'zh',
      fields({ title: '浙江文章', translationOf: theirs.id }),
    );
    await expect(attempt).rejects.toMatchObject({ issues: [{ field: 'translationOf' }] });
    const sameLang = news.createArticle(
      t.deps,
      jl,
      'en',
      fields({ title: 'Same language', translationOf: theirs.id }),
    );
    await expect(sameLang).rejects.toMatchObject({ issues: [{ field: 'translationOf' }] });
    const zh = await news.createArticle(
      t.deps,
      jl,
      'zh',
      fields({ title: '吉林原文', translationOf: theirs.id }),
    );
    expect(zh.translationGroup).toBe(theirs.translationGroup);
    const unlinked = await news.updateArticle(
      t.deps,
      jl,
      zh.id,
      fields({ title: '吉林原文', translationOf: null }),
    );
    expect(unlinked.translationGroup).not.toBe(theirs.translationGroup);
  });
});
