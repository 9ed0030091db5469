import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { hashToken } from '../../lib/tokens.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { auditLog } from '../audit/schema.ts';
import { passwordResets, sessions } from './schema.ts';
import { freshIp, mailTo, makeAccount, runMailJobs } from './testing.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
});
afterAll(() => database.close());

const client = () => new TestClient(t.app, freshIp());

async function signedIn(account: { email: string; password: string }) {
  const c = client();
  const res = await c.postForm('/en/sign-in', { email: account.email, password: account.password });
  expect(res.status, await res.text()).toBe(303);
  return c;
}

async function sessionRow(token: string | undefined) {
  const [row] = await database.db
    .select()
    .from(sessions)
    .where(eq(sessions.idHash, hashToken(token ?? '')));
  return row;
}

describe('sign in and out (pages)', () => {
  it('signs in with a session cookie that is HttpOnly and SameSite=Lax, and redirects to a local next', async () => {
    const account = await makeAccount(database, { role: 'admin' });
    const c = client();
    await c.csrf();
    const res = await c.request('/en/sign-in?next=%2Fen%2Faccount', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: await c.csrf(),
        email: account.email.toUpperCase(),
        password: account.password,
      }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/account');
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('cp_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(await sessionRow(c.cookie('cp_session'))).toBeDefined();
    expect((await c.get('/en/account')).status).toBe(200);
  });

  it('ignores a next that leaves the site', async () => {
    const account = await makeAccount(database, { role: 'admin' });
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const c = client();
      const res = await c.request(`/en/sign-in?next=${encodeURIComponent(next)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _csrf: await c.csrf(),
          email: account.email,
          password: account.password,
        }),
      });
      expect(res.headers.get('location')).toBe('/en/');
    }
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const secure = buildTestApp(database, { publicUrl: 'https://counterpart.example', secureCookies: true });
    const account = await makeAccount(database, { role: 'admin' });
    const c = new TestClient(secure.app, freshIp());
    const res = await c.postForm('/en/sign-in', { email: account.email, password: account.password });
    expect(res.headers.getSetCookie().find((l) => l.startsWith('cp_session='))).toMatch(/Secure/);
  });

  it('re-renders the form with the email, 401 and an error tied to the field on a wrong password', async () => {
    const account = await makeAccount(database, { role: 'member' });
    const res = await client().postForm('/zh/sign-in', { email: account.email, password: 'wrong password!' });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('电子邮箱或密码不正确');
    expect(html).toContain(`value="${account.email}"`);
    expect(html).toMatch(/aria-describedby="f-email-error"/);
    expect(html).toContain('class="error-summary"');
    expect(html).not.toContain('wrong password!');
  });

  it('signs out: the session row is gone and the old cookie no longer works', async () => {
    const account = await makeAccount(database, { role: 'member' });
    const c = await signedIn(account);
    const token = c.cookie('cp_session');
    const res = await c.postForm('/en/sign-out', {});
    expect(res.status).toBe(303);
    expect(c.cookie('cp_session')).toBeUndefined();
    expect(await sessionRow(token)).toBeUndefined();

    const replay = client();
    replay.setCookie('cp_session', token ?? '');
    expect((await replay.get('/api/v1/me')).status).toBe(401);
    const page = await replay.get('/en/account');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/en/sign-in?next=%2Fen%2Faccount');
  });

  it('treats an expired session as signed out', async () => {
    const account = await makeAccount(database, { role: 'member' });
    const c = await signedIn(account);
    await database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.idHash, hashToken(c.cookie('cp_session') ?? '')));
    const res = await c.get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('unauthenticated');
    expect(c.cookie('cp_session')).toBeUndefined();
  });
});

describe('sign in and out (API)', () => {
  it('gets a CSRF token, signs in, reads /me and signs out', async () => {
    const account = await makeAccount(database, { role: 'coordinator', regionCode: 'CN-JL' });
    const c = client();
    const { token } = (await (await c.get('/api/v1/csrf')).json()) as { token: string };
    expect(token).toBe(c.cookie('cp_csrf'));
    const res = await c.sendJson('POST', '/api/v1/auth/sign-in', {
      email: account.email,
      password: account.password,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: Record<string, unknown> };
    expect(body.user).toEqual({
      id: account.id,
      email: account.email,
      name: 'Test coordinator',
      role: 'coordinator',
      regionCode: 'CN-JL',
      orgId: null,
      orgStatus: null,
      preferredLang: 'en',
    });
    expect(((await (await c.get('/api/v1/me')).json()) as { id: string }).id).toBe(account.id);
    expect((await c.sendJson('POST', '/api/v1/auth/sign-out', {})).status).toBe(204);
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });

  it('answers 401 invalid_credentials for an unknown email, and records the sign-in in the audit log', async () => {
    const res = await client().sendJson('POST', '/api/v1/auth/sign-in', {
      email: 'nobody@test.example',
      password: 'x',
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('invalid_credentials');

    const account = await makeAccount(database, { role: 'admin' });
    await signedIn(account);
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.entityId, account.id));
    expect(rows.map((r) => r.action)).toContain('user.signed_in');
  });
});

describe('throttling', () => {
  it('refuses an account after 5 failures in 15 minutes, even with the right password, without checking it', async () => {
    const account = await makeAccount(database, { role: 'member' });
    for (let i = 0; i < 5; i++) {
      const res = await client().sendJson('POST', '/api/v1/auth/sign-in', {
        email: account.email,
        password: `wrong-${i}`,
      });
      expect(res.status).toBe(401);
    }
    const res = await client().sendJson('POST', '/api/v1/auth/sign-in', {
      email: account.email,
      password: account.password,
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('throttled');
    const page = await client().postForm('/en/sign-in', { email: account.email, password: account.password });
    expect(page.status).toBe(429);
    expect(await page.text()).toContain('Too many attempts');
  });

  it('refuses an address after 20 failures, whatever the email; a success elsewhere does not reset it', async () => {
    const ip = freshIp();
    const c = new TestClient(t.app, ip);
    const good = await makeAccount(database, { role: 'member' });
    for (let i = 0; i < 19; i++) {
      await c.sendJson('POST', '/api/v1/auth/sign-in', {
        email: `guess-${i}@test.example`,
        password: 'nope',
      });
    }
    // One success from this address: the address count is not cleared by it.
    expect(
      (await c.sendJson('POST', '/api/v1/auth/sign-in', { email: good.email, password: good.password }))
        .status,
    ).toBe(200);
    await c.sendJson('POST', '/api/v1/auth/sign-in', { email: 'guess-last@test.example', password: 'nope' });
    const res = await c.sendJson('POST', '/api/v1/auth/sign-in', {
      email: good.email,
      password: good.password,
    });
    expect(res.status).toBe(429);
    expect(((await res.json()) as { code: string }).code).toBe('throttled');
    // Another address still gets in.
    expect(
      (
        await client().sendJson('POST', '/api/v1/auth/sign-in', {
          email: good.email,
          password: good.password,
        })
      ).status,
    ).toBe(200);
  });
});

describe('password change', () => {
  it('ends every other session, keeps this browser signed in, and the new password works', async () => {
    const account = await makeAccount(database, { role: 'member' });
    const here = await signedIn(account);
    const elsewhere = await signedIn(account);
    const res = await here.postForm('/en/account/password', {
      currentPassword: account.password,
      newPassword: 'a brand new password',
      newPasswordConfirm: 'a brand new password',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/account?done=password');
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    expect((await here.get('/api/v1/me')).status).toBe(200);
    const rows = await database.db.select().from(sessions).where(eq(sessions.userId, account.id));
    expect(rows).toHaveLength(1);
    await signedIn({ email: account.email, password: 'a brand new password' });
  });

  it('refuses a wrong current password or a mismatched repeat with 400, changing nothing', async () => {
    const account = await makeAccount(database, { role: 'member' });
    const c = await signedIn(account);
    const wrong = await c.postForm('/en/account/password', {
      currentPassword: 'not my password',
      newPassword: 'a brand new password',
      newPasswordConfirm: 'a brand new password',
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('The current password is not correct.');
    const mismatch = await c.postForm('/en/account/password', {
      currentPassword: account.password,
      newPassword: 'a brand new password',
      newPasswordConfirm: 'another new password',
    });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('The two passwords do not match.');
    await signedIn(account);
  });
});

describe('password reset', () => {
  it('mails a one-time link that sets a new password, ends sessions and cannot be used twice', async () => {
    const account = await makeAccount(database, { role: 'member', lang: 'zh' });
    const old = await signedIn(account);
    const c = client();
    const res = await c.postForm('/en/password/forgot', { email: account.email });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/password/forgot?sent=1');

    await runMailJobs(t);
    const mail = t.sent.find((m) => m.to === account.email);
    expect(mail?.subject).toBe('重置您的对口合作平台密码');
    const link = /http:\/\/\S+\/zh\/password\/reset\/([\w-]+)/.exec(mail?.text ?? '');
    expect(link).not.toBeNull();
    const path = `/zh/password/reset/${link?.[1]}`;

    expect((await c.get(path)).status).toBe(200);
    const mismatch = await c.postForm(path, { password: 'my new password 1', passwordConfirm: 'different' });
    expect(mismatch.status).toBe(400);
    const done = await c.postForm(path, {
      password: 'my new password 1',
      passwordConfirm: 'my new password 1',
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/zh/sign-in?reset=1');
    expect((await old.get('/api/v1/me')).status).toBe(401);
    await signedIn({ email: account.email, password: 'my new password 1' });

    const again = await c.postForm(path, {
      password: 'yet another pass',
      passwordConfirm: 'yet another pass',
    });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('该链接无法使用');
    expect((await c.get(path)).status).toBe(400);
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const before = t.sent.length;
    const res = await client().postForm('/en/password/forgot', { email: 'ghost@test.example' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/password/forgot?sent=1');
    expect(await mailTo(database, 'ghost@test.example')).toEqual([]);
    expect(t.sent.length).toBe(before);
  });

  it('refuses an expired link', async () => {
    const account = await makeAccount(database, { role: 'member' });
    const c = client();
    await c.postForm('/en/password/forgot', { email: account.email });
    const [mail] = await mailTo(database, account.email);
    const token = /reset\/([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    await database.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.tokenHash, hashToken(token)));
    const res = await c.postForm(`/en/password/reset/${token}`, {
      password: 'my new password 1',
      passwordConfirm: 'my new password 1',
    });
    expect(res.status).toBe(400);
    await signedIn(account);
  });
});
