import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { auditLog } from '../audit/schema.ts';
import { articleUrl, upsertImportedArticle, type ImportedArticleInput } from './news.service.ts';
import { articleRevisions, articles } from './schema.ts';
import { referenceInput } from './testing.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
});
afterAll(() => database.close());

function input(over: Partial<ImportedArticleInput> = {}): ImportedArticleInput {
  return referenceInput('legacy:ref', over);
}

describe('upsertImportedArticle', () => {
  it('inserts a published article with an English slug, a revision and an audit row', async () => {
    const a = await upsertImportedArticle(database.db, input(), SYSTEM);
    expect(a).toMatchObject({
      slug: 'jilin-delegation-made-an-investigation-trip-in-zhejiang',
      lang: 'en',
      title: 'Jilin Delegation Made an Investigation Trip in Zhejiang',
      created: true,
    });
    expect(a.publishedAt.toISOString()).toBe('2017-09-11T02:13:57.000Z');
    expect(articleUrl(a)).toBe('/en/news/jilin-delegation-made-an-investigation-trip-in-zhejiang');
    const [row] = await database.db.select().from(articles).where(eq(articles.id, a.id));
    expect(row).toMatchObject({
      status: 'published',
      importKey: 'legacy:ref',
      bodyFormat: 'markdown',
      lastEditedAt: null,
    });
    expect(
      await database.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, a.id)),
    ).toHaveLength(1);
    expect(
      (await database.db.select().from(auditLog).where(eq(auditLog.entityId, a.id))).map((r) => r.action),
    ).toEqual(['article.imported']);
    expect((await t.app.request(articleUrl(a))).status).toBe(200);
  });

  it('updates by import key instead of duplicating, and writes nothing when nothing changed', async () => {
    const again = await upsertImportedArticle(database.db, input(), SYSTEM);
    expect(again.created).toBe(false);
    const changed = await upsertImportedArticle(
      database.db,
      input({ paragraphs: ['Only one paragraph now.'], sectionKey: 'notices' }),
      SYSTEM,
    );
    expect(changed).toMatchObject({ id: again.id, slug: again.slug, created: false });
    const rows = await database.db.select().from(articles).where(eq(articles.importKey, 'legacy:ref'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.bodySource).toBe('Only one paragraph now\\.');
    expect(
      await database.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, again.id)),
    ).toHaveLength(2);
  });

  it('gives Chinese pages a date-based slug, and another page with the same English title its own slug', async () => {
    const zh = await upsertImportedArticle(
      database.db,
      input({
        importKey: 'legacy:zh',
        lang: 'zh',
        title: '吉林省代表团赴浙江考察',
        paragraphs: ['9月6日至7日。'],
      }),
      SYSTEM,
    );
    expect(zh.slug).toMatch(/^2017-09-11-[0-9a-f]{6}$/);
    const twin = await upsertImportedArticle(database.db, input({ importKey: 'legacy:twin' }), SYSTEM);
    expect(twin.slug).toBe('jilin-delegation-made-an-investigation-trip-in-zhejiang-2');
  });

  it('renders imported text literally: markup in a legacy page is never interpreted', async () => {
    const a = await upsertImportedArticle(
      database.db,
      input({
        importKey: 'legacy:hostile',
        title: 'Hostile page',
        paragraphs: ['<script>alert(1)</script> *not emphasis* [x](javascript:alert(1))'],
      }),
      SYSTEM,
    );
    const html = await (await t.app.request(articleUrl(a))).text();
    expect(html).toContain(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; *not emphasis* [x](javascript:alert(1))</p>',
    );
  });

  it('fails naming the field for an unknown section or an empty title, and stores nothing', async () => {
    const issues = (over: Partial<ImportedArticleInput>) =>
      upsertImportedArticle(
        database.db,
        input({ importKey: `legacy:bad:${Math.random()}`, ...over }),
        SYSTEM,
      ).then(
        () => [],
        (err: unknown) => (err instanceof AppError ? err.issues : []),
      );
    expect(await issues({ sectionKey: 'gossip' })).toEqual([
      { field: 'section', message: 'unknown section "gossip"' },
    ]);
    expect((await issues({ title: '  ' }))[0]?.field).toBe('title');
    expect((await issues({ paragraphs: [] }))[0]?.field).toBe('paragraphs');
    const bad = await database.db.select().from(articles);
    expect(bad.some((r) => r.importKey?.startsWith('legacy:bad'))).toBe(false);
  });
});
