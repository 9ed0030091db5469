import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { SYSTEM_CONTEXT } from '../accounts/context.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { auditLog } from '../audit/schema.ts';
import { pairings } from '../regions/schema.ts';
import * as news from './news.service.ts';
import { articles } from './schema.ts';
import { actingAs } from './testing.ts';

// relateArticles: site set-up links an article's languages and relates them to a region and a pairing.

let database: Database;
let t: TestApp;
let pairingId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  const [pairing] = await database.db
    .select()
    .from(pairings)
    .where(and(eq(pairings.aCode, 'CN-JL'), eq(pairings.bCode, 'CN-ZJ')));
  pairingId = pairing!.id;
});
afterAll(() => database.close());

let seq = 0;
/** A published imported article, as the importer leaves it: no translation, region or pairing. */
async function imported(lang: 'en' | 'zh', title: string) {
  const a = await news.upsertImportedArticle(
    database.db,
    {
      importKey: `relate-test:${++seq}`,
      lang,
      title,
      paragraphs: [lang === 'en' ? 'The two provinces met.' : '两省举行座谈。'],
      sectionKey: null,
      publishedAt: new Date('2017-09-11T10:13:57+08:00'),
    },
    SYSTEM,
  );
  return a.id;
}

async function row(id: string) {
  const [r] = await database.db.select().from(articles).where(eq(articles.id, id));
  return r!;
}

async function relatedAudit(id: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'article.related')));
}

describe('relateArticles', () => {
  it('links the languages and relates both, audited; running it again writes nothing', async () => {
    const en = await imported('en', 'Jilin delegation visits Zhejiang');
    const zh = await imported('zh', '吉林代表团来浙考察');
    const relation = { regionCode: 'CN-ZJ', pairingId };
    const out = await news.relateArticles(t.deps, SYSTEM_CONTEXT, [en, zh], relation);
    expect(out.map((a) => a.id)).toEqual([en, zh]);
    const [a, b] = [await row(en), await row(zh)];
    expect(b.translationGroup).toBe(a.translationGroup);
    for (const r of [a, b]) {
      expect([r.regionCode, r.pairingId, r.lastEditedAt]).toEqual(['CN-ZJ', pairingId, null]);
      const audit = await relatedAudit(r.id);
      expect(audit.map((e) => e.actorLabel)).toEqual(['system']);
    }

    await news.relateArticles(t.deps, SYSTEM_CONTEXT, [en, zh], relation);
    expect([await row(en), await row(zh)]).toEqual([a, b]);
    expect((await relatedAudit(en)).length + (await relatedAudit(zh)).length).toBe(2);
  });

  it('lets administrators do it, and nobody else', async () => {
    const en = await imported('en', 'Liaoning and Jiangsu sign an agreement');
    const zh = await imported('zh', '辽宁与江苏签署协议');
    const relation = { regionCode: 'CN-ZJ', pairingId: null };
    const coordinator = await actingAs(database, 'coordinator', 'CN-ZJ');
    await expect(news.relateArticles(t.deps, coordinator, [en, zh], relation)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const anonymousWeb = { viewer: null, lang: 'en' as const, ip: '203.0.113.9', requestId: 'r1' };
    await expect(news.relateArticles(t.deps, anonymousWeb, [en, zh], relation)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect((await row(zh)).translationGroup).not.toBe((await row(en)).translationGroup);

    const admin = await actingAs(database, 'admin');
    await news.relateArticles(t.deps, admin, [en, zh], relation);
    expect((await row(zh)).translationGroup).toBe((await row(en)).translationGroup);
    expect((await relatedAudit(zh))[0]?.actorLabel).toBe(admin.viewer.email);
  });

  it('refuses two articles in one language, an unknown region or pairing, and unknown articles', async () => {
    const en = await imported('en', 'Harbin and Shenzhen cooperate');
    const en2 = await imported('en', 'Harbin and Shenzhen cooperate again');
    const zh = await imported('zh', '哈尔滨与深圳合作');
    const ok = { regionCode: null, pairingId: null };
    await expect(news.relateArticles(t.deps, SYSTEM_CONTEXT, [en, en2], ok)).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'translationOf' }],
    });
    await expect(
      news.relateArticles(t.deps, SYSTEM_CONTEXT, [en, zh], { regionCode: 'CN-XX', pairingId: null }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'regionCode' }] });
    await expect(
      news.relateArticles(t.deps, SYSTEM_CONTEXT, [en, zh], { regionCode: null, pairingId: 999_999 }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'pairingId' }] });
    await expect(
      news.relateArticles(t.deps, SYSTEM_CONTEXT, [en, '00000000-0000-4000-8000-000000000000'], ok),
    ).rejects.toMatchObject({ code: 'not_found' });
    // A third language version cannot join a group that already has that language.
    await news.relateArticles(t.deps, SYSTEM_CONTEXT, [en, zh], ok);
    const zh2 = await imported('zh', '哈尔滨与深圳再次合作');
    await expect(news.relateArticles(t.deps, SYSTEM_CONTEXT, [en, zh2], ok)).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'translationOf' }],
    });
    // Nothing was written by the refusals.
    expect((await row(en2)).translationGroup).not.toBe((await row(en)).translationGroup);
    expect((await row(zh2)).translationGroup).not.toBe((await row(en)).translationGroup);
  });
});
