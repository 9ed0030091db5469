import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeOrganisation } from '../../test/factories.ts';
import { auditLog } from '../audit/schema.ts';
import { createUserFromCli, ensureFirstAdmin, FIRST_ADMIN_EMAIL } from './accounts.service.ts';
import { users } from './schema.ts';
import { freshIp, makeAccount } from './testing.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
});
afterAll(() => database.close());

async function cliError(input: Partial<Parameters<typeof createUserFromCli>[1]>) {
  const full = {
    email: 'x@test.example',
    role: 'admin' as const,
    preferredLang: 'en' as const,
    password: 'long enough pw',
    ...input,
  };
  const err = await createUserFromCli(t.deps, full).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).issues;
}

describe('ensureFirstAdmin', () => {
  it('creates the administrator once, with a generated strong password that works', async () => {
    const first = await ensureFirstAdmin(t.deps);
    expect(first?.email).toBe(FIRST_ADMIN_EMAIL);
    expect(first?.password).toMatch(/^[\w]{5}(-[\w]{5}){3}$/);
    expect(await ensureFirstAdmin(t.deps)).toBeNull();
    const admins = await database.db.select().from(users).where(eq(users.role, 'admin'));
    expect(admins).toHaveLength(1);
    expect(admins[0]?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(admins[0]?.passwordHash).not.toContain(first?.password ?? '');
    const c = new TestClient(t.app, freshIp());
    const res = await c.postForm('/en/sign-in', {
      email: FIRST_ADMIN_EMAIL,
      password: first?.password ?? '',
    });
    expect(res.status).toBe(303);
    expect((await c.get('/en/admin')).status).toBe(200);
  });
});

describe('createUserFromCli', () => {
  it('creates a coordinator, a member and an admin, audited with no password in the log', async () => {
    const orgId = await makeOrganisation(database, { regionCode: 'CN-JL' });
    const coord = await createUserFromCli(t.deps, {
      email: ' Coord@Test.Example ',
      role: 'coordinator',
      regionCode: 'CN-JL',
      preferredLang: 'zh',
      password: 'long enough pw',
    });
    expect(coord).toMatchObject({ email: 'coord@test.example', role: 'coordinator' });
    const member = await createUserFromCli(t.deps, {
      email: 'member@test.example',
      role: 'member',
      orgId,
      name: 'Li Lei',
      preferredLang: 'en',
      password: 'long enough pw',
    });
    const [row] = await database.db.select().from(users).where(eq(users.id, member.id));
    expect(row).toMatchObject({ name: 'Li Lei', orgId, regionCode: null });
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, coord.id));
    expect(entry).toMatchObject({ action: 'user.created', actorLabel: 'system' });
    expect(JSON.stringify(entry?.after)).not.toMatch(/argon2|long enough/);
  });

  it('names the option that is wrong', async () => {
    const taken = await makeAccount(database, { role: 'admin' });
    expect(await cliError({ email: 'not-an-email' })).toEqual([
      { field: 'email', message: 'Enter a valid email address.' },
    ]);
    expect((await cliError({ email: taken.email.toUpperCase() }))[0]?.field).toBe('email');
    expect(await cliError({ password: 'short' })).toEqual([
      { field: 'password', message: 'The password must have at least 10 characters.' },
    ]);
    expect(await cliError({ role: 'coordinator' })).toEqual([
      { field: 'region', message: 'A coordinator needs --region (a province code such as CN-JL).' },
    ]);
    expect(await cliError({ role: 'coordinator', regionCode: 'CN-XX' })).toEqual([
      { field: 'region', message: 'Unknown region code CN-XX.' },
    ]);
    expect((await cliError({ role: 'coordinator', regionCode: '222400' }))[0]?.message).toBe(
      '222400 is not a province-level region.',
    );
    expect((await cliError({ role: 'member' }))[0]?.field).toBe('org');
    expect(
      (await cliError({ role: 'member', orgId: '00000000-0000-4000-8000-000000000000' }))[0]?.field,
    ).toBe('org');
    expect((await cliError({ role: 'admin', regionCode: 'CN-JL' }))[0]?.field).toBe('region');
    expect((await cliError({ role: 'admin', orgId: 'x' }))[0]?.field).toBe('org');
  });
});

describe('account page', () => {
  it('updates name and preferred language, audited with before and after', async () => {
    const account = await makeAccount(database, {
      role: 'member',
      orgId: await makeOrganisation(database, { regionCode: 'CN-ZJ' }),
    });
    const c = new TestClient(t.app, freshIp());
    await c.postForm('/en/sign-in', { email: account.email, password: account.password });
    const page = await c.get('/en/account');
    const html = await page.text();
    expect(html).toContain('Approved');
    expect(html).toMatch(/<label for="f-name">Name<\/label>/);

    const bad = await c.postForm('/en/account', { name: '', preferredLang: 'fr' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#f-name"');
    expect(badHtml).toContain('href="#f-preferredLang"');

    const res = await c.postForm('/en/account', { name: '  Zhang San ', preferredLang: 'zh' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/account?done=profile');
    const me = (await (await c.get('/api/v1/me')).json()) as { name: string; preferredLang: string };
    expect(me).toMatchObject({ name: 'Zhang San', preferredLang: 'zh' });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.profile_updated'));
    expect(entry).toMatchObject({
      entityId: account.id,
      before: { name: 'Test member', preferredLang: 'en' },
      after: { name: 'Zhang San', preferredLang: 'zh' },
    });
  });
});
