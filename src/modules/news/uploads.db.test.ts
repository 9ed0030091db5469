import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { MAX_IMAGE_BYTES } from './uploads.ts';

let database: Database;
let t: TestApp;
let dataDir: string;

beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'cp-uploads-'));
  t = buildTestApp(database, { dataDir });
});
afterAll(async () => {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6,
  0, 0, 0,
]);

async function upload(
  client: TestClient,
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
  type: string,
  lang = 'en',
) {
  const form = new FormData();
  form.set('_csrf', await client.csrf());
  form.set('alt', 'A hall');
  form.set('image', new File([bytes], name, { type }));
  return client.request(`/${lang}/news/manage/uploads`, { method: 'POST', body: form });
}

describe('image uploads', () => {
  it('stores an image by content hash and serves it from /uploads with its type', async () => {
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'coordinator', regionCode: 'CN-JL' });
    const res = await upload(client, PNG, 'photo.jpg', 'image/jpeg');
    expect(res.status).toBe(200);
    const html = await res.text();
    const url = /(\/uploads\/[0-9a-f]{64}\.png)/.exec(html)?.[1];
    expect(url).toBeDefined();
    expect(html).toContain(`![A hall](${url})`);
    const again = await upload(client, PNG, 'other-name.png', 'image/png');
    expect(await again.text()).toContain(url);
    expect(readdirSync(join(dataDir, 'uploads'))).toHaveLength(1);

    const served = await t.app.request(url!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    expect((await t.app.request(`/uploads/${'0'.repeat(64)}.png`)).status).toBe(404);
    expect((await t.app.request('/uploads/../../etc/passwd')).status).toBe(404);

    // A body may show it; an image from anywhere else is refused with a field error.
    const ok = await client.sendJson('POST', '/api/v1/news', {
      lang: 'en',
      title: 'With image',
      bodySource: `![A hall](${url})`,
    });
    expect(ok.status).toBe(201);
    const bad = await client.sendJson('POST', '/api/v1/news', {
      lang: 'en',
      title: 'Hotlink',
      bodySource: '![x](https://evil.example/x.png)',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('bodySource');
  });

  it('refuses files that are not images whatever their name, and images over the limit, naming the field', async () => {
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'admin' });
    const fake = await upload(
      client,
      new TextEncoder().encode('<svg onload="alert(1)"/>'),
      'cute.png',
      'image/png',
    );
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain('The file is not a PNG, JPEG, WebP or GIF image');
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(PNG);
    const tooBig = await upload(client, big, 'big.png', 'image/png', 'zh');
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toContain('图片大小为 5.0 MB，上限为 5 MB');
    const missing = await upload(client, new Uint8Array(), 'empty.png', 'image/png');
    expect(missing.status).toBe(400);
    // Far over the limit, the request is refused before it is read.
    expect((await upload(client, new Uint8Array(9 * 1024 * 1024), 'huge.png', 'image/png')).status).toBe(413);
  });

  it('refuses uploads from people who do not publish', async () => {
    const member = new TestClient(t.app);
    await signInAs(member, database, { role: 'member' });
    expect((await upload(member, PNG, 'a.png', 'image/png')).status).toBe(403);
    expect((await upload(new TestClient(t.app), PNG, 'a.png', 'image/png')).status).toBe(401);
  });
});

describe('news sections', () => {
  it('are seeded, and admins add, rename and reorder them', async () => {
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'admin' });
    const page = await (await client.get('/en/news/manage/sections')).text();
    expect(page.indexOf('>news<')).toBeLessThan(page.indexOf('>notices<'));
    expect(page.indexOf('>notices<')).toBeLessThan(page.indexOf('>policies<'));

    expect(
      (
        await client.postForm('/en/news/manage/sections', {
          key: 'projects',
          nameEn: 'Projects',
          nameZh: '项目动态',
        })
      ).status,
    ).toBe(303);
    const dup = await client.postForm('/en/news/manage/sections', {
      key: 'projects',
      nameEn: 'Again',
      nameZh: '再次',
    });
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain('A section with the key &quot;projects&quot; already exists');
    const badKey = await client.postForm('/en/news/manage/sections', {
      key: 'Bad Key',
      nameEn: 'x',
      nameZh: 'x',
    });
    expect(badKey.status).toBe(400);

    const list = await (await client.get('/en/news')).text();
    expect(list).toContain('<a href="/en/news?section=projects">Projects</a>');
    const rows = (await (await client.get('/en/news/manage/sections')).text()).split('<li>');
    const id = /action="\/en\/news\/manage\/sections\/(\d+)"/.exec(
      rows.find((r) => r.includes('<code>projects</code>')) ?? '',
    )?.[1];
    expect(id).toBeDefined();
    expect(
      (
        await client.postForm(`/en/news/manage/sections/${id}`, {
          nameEn: 'Project news',
          nameZh: '项目新闻',
        })
      ).status,
    ).toBe(303);
    expect((await client.postForm(`/en/news/manage/sections/${id}/move`, { direction: 'up' })).status).toBe(
      303,
    );
    const after = await (await client.get('/en/news')).text();
    expect(after.indexOf('Project news')).toBeLessThan(after.indexOf('>Policies<'));
    expect(after.indexOf('>Notices<')).toBeLessThan(after.indexOf('Project news'));
  });

  it('are for admins only', async () => {
    const client = new TestClient(t.app);
    await signInAs(client, database, { role: 'coordinator', regionCode: 'CN-JL' });
    expect((await client.get('/en/news/manage/sections')).status).toBe(403);
    expect(
      (await client.postForm('/en/news/manage/sections', { key: 'mine', nameEn: 'Mine', nameZh: '我的' }))
        .status,
    ).toBe(403);
  });
});
