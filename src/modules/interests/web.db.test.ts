import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createSession } from '../accounts/sessions.ts';
import { makeWorld, type Ctx, type World } from './testing.ts';

// The interest and conversation pages through the real app, as a browser without scripts uses them.

let database: Database;
let t: TestApp;
let w: World;
let memberJ: TestClient;
let memberZ: TestClient;
let coordZJ: TestClient;
let memberY: TestClient;
let anon: TestClient;
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

async function as(ctx: Ctx): Promise<TestClient> {
  const client = new TestClient(t.app);
  client.setCookie(
    'cp_session',
    await createSession(database.db, ctx.viewer.id, new Date(), { ip: null, userAgent: null }),
  );
  return client;
}

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  w = await makeWorld(database, t.deps);
  memberJ = await as(w.memberJ);
  memberZ = await as(w.memberZ);
  coordZJ = await as(w.coordZJ);
  memberY = await as(w.memberY);
  anon = new TestClient(t.app);
});
afterAll(async () => {
  await database.close();
});

async function page(client: TestClient, path: string, status = 200): Promise<string> {
  const res = await client.get(path);
  const html = await res.text();
  expect(res.status, `${path}: ${html.slice(0, 300)}`).toBe(status);
  return html;
}

function location(res: Response): string {
  expect(res.status).toBe(303);
  return res.headers.get('location')!;
}

const FORM = {
  message: 'We bottle Changbai spring water and would like to supply your stores.',
  bring: 'Year-round supply in 500 ml bottles.',
  form: 'trade',
  timeline: 'months_3_6',
};

/** A multipart post the way a browser sends the conversation form. */
async function postMultipart(client: TestClient, path: string, body: string, files: File[]) {
  const form = new FormData();
  form.set('_csrf', await client.csrf());
  form.set('body', body);
  for (const f of files) form.append('files', f);
  return client.request(path, { method: 'POST', body: form });
}

describe('interest pages', () => {
  let interestPath: string;
  let conversationPath: string;

  it('offers "Express interest" only to members of other organisations, with `via` from their own listing', async () => {
    const link = `/en/listings/${w.lz}/interest`;
    expect(await page(memberJ, `/en/listings/${w.lz}`)).toContain(`href="${link}"`);
    expect(await page(memberZ, `/en/listings/${w.lz}`)).not.toContain(link);
    expect(await page(coordZJ, `/en/listings/${w.lz}`)).not.toContain(link);
    expect(await page(anon, `/en/listings/${w.lz}`)).not.toContain(link);
    // On its own listing, Jilin's member sees its matches, Zhejiang's need among them.
    const own = await page(memberJ, `/en/listings/${w.lj}`);
    expect(own).toContain(`href="/en/listings/${w.lz}/interest?via=${w.lj}"`);
  });

  it('shows the form in both languages; signed-out visitors go to sign in; owners are refused', async () => {
    const en = await page(memberJ, `/en/listings/${w.lz}/interest?via=${w.lj}`);
    for (const f of ['message', 'bring', 'form', 'timeline']) expect(en).toContain(`<label for="f-${f}">`);
    expect(en).toContain('<option value="joint_venture">Joint venture</option>');
    expect(en).toContain(`name="via" value="${w.lj}"`);
    const zh = await page(memberJ, `/zh/listings/${w.lz}/interest`);
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<option value="joint_venture">合资合作</option>');
    expect(zh).toContain('<h1>表达合作意向</h1>');
    const res = await anon.get(`/en/listings/${w.lz}/interest`);
    expect(location(res)).toContain('/en/sign-in');
    await page(memberZ, `/en/listings/${w.lz}/interest`, 403);
  });

  it('re-renders with field errors, then sends and shows the interest', async () => {
    const empty = await memberJ.postForm(`/en/listings/${w.lz}/interest`, { message: '', form: 'gift' });
    const html = await empty.text();
    expect(empty.status).toBe(400);
    expect(html).toContain('id="f-message-error"');
    expect(html).toContain('id="f-bring-error"');
    expect(html).toContain('id="f-form-error"');
    const res = await memberJ.postForm(`/en/listings/${w.lz}/interest`, { ...FORM, via: w.lj });
    const loc = location(res);
    expect(loc).toMatch(/^\/en\/interests\/[0-9a-f-]{36}\?done=sent$/);
    interestPath = loc.split('?')[0]!;
    const shown = await page(memberJ, loc);
    expect(shown).toContain('Your expression of interest was sent.');
    expect(shown).toContain('Withdraw this expression of interest');
    const again = await memberJ.postForm(`/en/listings/${w.lz}/interest`, FORM);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('id="f-listingRef"');
  });

  it('lists sent and received interests in both languages', async () => {
    expect(await page(memberJ, '/en/interests?box=sent')).toContain(
      'Bottled mineral water wanted for our supermarkets',
    );
    expect(await page(memberJ, '/en/interests?box=received')).toContain(
      'No organisation has expressed interest',
    );
    const zh = await page(memberZ, '/zh/interests');
    expect(zh).toContain('<h1>合作意向</h1>');
    expect(zh).toContain(interestPath.replace('/en/', '/zh/'));
  });

  it('gives the receiver the answer forms; declining needs a reason (and a note for other)', async () => {
    const zh = await page(memberZ, interestPath.replace('/en/', '/zh/'));
    expect(zh).toContain('<legend>谢绝原因</legend>');
    expect(zh).toContain('接受并开启洽谈');
    expect(await page(memberJ, interestPath)).not.toContain('name="decision"');
    expect(await page(coordZJ, interestPath)).toContain('only the receiving organisation answers');
    await page(memberY, interestPath, 404);
    const noReason = await memberZ.postForm(`${interestPath}/answer`, { decision: 'decline' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('id="f-reason-error"');
    const noNote = await memberZ.postForm(`${interestPath}/answer`, { decision: 'decline', reason: 'other' });
    expect(noNote.status).toBe(400);
    const html = await noNote.text();
    expect(html).toContain('id="f-note-error"');
    expect(html).toMatch(/id="f-reason-other" value="other" checked/);
    // The sender cannot answer its own interest.
    expect((await memberJ.postForm(`${interestPath}/answer`, { decision: 'accept' })).status).toBe(403);
  });

  it('accepting opens the conversation', async () => {
    const loc = location(await memberZ.postForm(`${interestPath}/answer`, { decision: 'accept' }));
    const html = await page(memberZ, loc);
    expect(html).toContain('Accepted: the conversation is open.');
    const m = /href="(\/en\/conversations\/[0-9a-f-]{36})"/.exec(html);
    conversationPath = m![1]!;
  });

  it('carries messages with attachments; coordinators read without a form; strangers get 404', async () => {
    const form = await page(memberJ, conversationPath);
    expect(form).toContain('enctype="multipart/form-data"');
    expect(form).toContain('<label for="f-files">');
    const res = await postMultipart(memberJ, conversationPath, 'Our price list is attached.', [
      new File([PDF], 'prices.pdf', { type: 'application/pdf' }),
    ]);
    expect(location(res)).toBe(`${conversationPath}?done=posted#messages`);
    const zh = await page(coordZJ, conversationPath.replace('/en/', '/zh/'));
    expect(zh).toContain('Our price list is attached.');
    expect(zh).toContain('您以协调员身份阅读此洽谈');
    expect(zh).not.toContain('name="body"');
    const file = /href="(\/zh\/conversations\/[^"]+\/files\/[0-9a-f-]{36})"/.exec(zh)![1]!;
    const dl = await coordZJ.get(file);
    expect([dl.status, dl.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect((await memberY.get(file)).status).toBe(404);
    await page(memberY, conversationPath, 404);

    const bad = await postMultipart(memberZ, conversationPath, 'A program', [
      new File(['MZ\x90binary'], 'setup.pdf', { type: 'application/pdf' }),
    ]);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="f-files-error"');
    expect(html).toContain('setup.pdf');
    expect(html).toContain('A program'); // what was typed is kept
    const coordPost = await postMultipart(coordZJ, conversationPath, 'hello', []);
    expect(coordPost.status).toBe(403);
  });
});

describe('notifications pages', () => {
  it('lists notifications with unread ones marked, and marks them read', async () => {
    const html = await page(memberZ, '/en/notifications');
    expect(html).toContain('Antu Springs is interested in your listing');
    expect(html).toContain('Mark all as read');
    expect(html).toMatch(/<span class="tag">unread<\/span>/);
    const zh = await page(memberZ, '/zh/notifications');
    expect(zh).toContain('机构Antu Springs对您发布的');
    const id = /name="id" value="(\d+)"/.exec(html)![1]!;
    expect(location(await memberZ.postForm('/en/notifications/read', { id }))).toBe('/en/notifications');
    const unreadBefore = (html.match(/class="tag">unread</g) ?? []).length;
    const after = await page(memberZ, '/en/notifications');
    expect((after.match(/class="tag">unread</g) ?? []).length).toBe(unreadBefore - 1);
    await memberZ.postForm('/en/notifications/read', {});
    expect(await page(memberZ, '/en/notifications')).not.toContain('class="tag">unread<');
    expect(location(await anon.get('/en/notifications'))).toContain('/en/sign-in');
  });

  it('serves notifications over the API', async () => {
    const res = await memberJ.get('/api/v1/notifications?unread=1');
    const data = (await res.json()) as {
      items: { kind: string; url: string; read: boolean }[];
      unread: number;
    };
    expect(res.status).toBe(200);
    expect(data.items.map((n) => n.kind)).toEqual(expect.arrayContaining(['interest_accepted']));
    expect(data.unread).toBe(data.items.length);
    const marked = await memberJ.sendJson('POST', '/api/v1/notifications/read', {});
    expect(((await marked.json()) as { marked: number }).marked).toBe(data.unread);
    const bad = await memberJ.sendJson('POST', '/api/v1/notifications/read', { id: 'x' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('id');
    expect((await anon.get('/api/v1/notifications')).status).toBe(401);
  });
});
