import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';

let database: Database;
let t: TestApp;
let client: TestClient;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  client = new TestClient(t.app);
  await signInAs(client, database, { role: 'coordinator', regionCode: 'CN-JL' });
});
afterAll(() => database.close());

/** Posts the article form the way the browser does: multipart, so long Chinese bodies stay small. */
async function postMultipart(path: string, fields: Record<string, string>) {
  const form = new FormData();
  form.set('_csrf', await client.csrf());
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return client.request(path, { method: 'POST', body: form });
}

describe('publishing pages', () => {
  it('offer a labelled form; a multipart post with a long Chinese body makes a draft', async () => {
    const page = await (await client.get('/zh/news/manage/new')).text();
    expect(page).toContain('enctype="multipart/form-data"');
    for (const field of [
      'lang',
      'title',
      'summary',
      'bodySource',
      'bodyFormat',
      'section',
      'pairingId',
      'translationOf',
    ]) {
      expect(page, field).toContain(`<label for="f-${field}">`);
    }
    expect(page).not.toContain('f-regionCode'); // coordinators write for their own region
    const body = '吉林与浙江深化对口合作。'.repeat(12_000); // 144,000 characters, ~430 kB as UTF-8
    const res = await postMultipart('/zh/news/manage', {
      lang: 'zh',
      title: '长篇报道',
      bodySource: body,
      bodyFormat: 'markdown',
      section: '',
    });
    expect(res.status).toBe(303);
    const edit = await (await client.get(res.headers.get('location')!)).text();
    expect(edit).toContain('已保存。');
    expect(edit).toContain('状态：草稿');
    expect(edit).toContain('立即发布');
  });

  it('preview a saved draft, and unsaved content with its problems listed and nothing unsafe rendered', async () => {
    const created = await postMultipart('/en/news/manage', {
      lang: 'en',
      title: 'Preview me',
      bodySource: 'Draft text.',
      section: 'news',
    });
    const id = /manage\/([0-9a-f-]{36})/.exec(created.headers.get('location')!)![1]!;
    const saved = await (await client.get(`/en/news/manage/${id}/preview`)).text();
    expect(saved).toContain('Preview: this is how the article will look');
    expect(saved).toContain('<meta name="robots" content="noindex"/>');
    expect(saved).toContain('<h1>Preview me</h1>');

    const unsaved = await postMultipart('/en/news/manage/preview', {
      id,
      lang: 'en',
      title: 'Changed title',
      bodySource: 'Hello <script>alert(1)</script> <img src=x onerror=alert(1)>',
    });
    expect(unsaved.status).toBe(200);
    const html = await unsaved.text();
    expect(html).toContain('<h1>Changed title</h1>');
    expect(html).toContain('The body contains a script; scripts are not allowed');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('onerror');
  });

  it('show a draft’s history to its managers only, the first version as all added', async () => {
    const created = await postMultipart('/en/news/manage', {
      lang: 'en',
      title: 'Private history',
      bodySource: 'One.',
    });
    expect(created.status).toBe(303);
    const history = await client.get('/en/news/private-history/history');
    expect(history.status).toBe(200);
    const first = await (await client.get('/en/news/private-history/history/1')).text();
    expect(first).toContain('This is the first version: everything was added.');
    expect(first).toContain('<ins><span class="news-sr-only">[Added:] </span>One.</ins>');
    expect((await t.app.request('/en/news/private-history/history')).status).toBe(404);
  });

  it('list only the coordinator’s region, filterable by status', async () => {
    const all = await (await client.get('/en/news/manage')).text();
    expect(all).toContain('Preview me');
    expect(all).toContain('lang="zh-CN"'); // the Chinese title in the English list
    const published = await (await client.get('/en/news/manage?status=published')).text();
    expect(published).not.toContain('Preview me');
    const other = new TestClient(t.app);
    await signInAs(other, database, { role: 'coordinator', regionCode: 'CN-GD' });
    expect(await (await other.get('/en/news/manage')).text()).toContain('No articles yet.');
  });
});
