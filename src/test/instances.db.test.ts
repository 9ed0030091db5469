import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { createLogger } from '../lib/log.ts';
import { ensureFirstAdmin } from '../modules/accounts/accounts.service.ts';
import { createJobRunner, enqueueJob, type JobHandler } from '../modules/jobs/jobs.service.ts';
import { jobs } from '../modules/jobs/schema.ts';
import { buildTestApp, TestClient, type TestApp } from './app.ts';
import { openTestDatabase, secondInstance } from './db.ts';

// Two app instances (two connection pools, as two processes would have) on one PostgreSQL database: what one
// writes, the other must honour. PGlite is one in-process connection, so this needs DATABASE_URL.

const url = process.env.DATABASE_URL;
const log = createLogger('silent');

if (!url) {
  if (process.env.REQUIRE_PG === '1') {
    describe('two instances on one PostgreSQL', () => {
      it('has PostgreSQL', () => {
        throw new Error('REQUIRE_PG=1 but DATABASE_URL is not set');
      });
    });
  } else {
    console.warn(
      'Skipping "two instances on one PostgreSQL": DATABASE_URL is not set (npm run test:pg sets it).',
    );
  }
}

describe.runIf(url)('two instances on one PostgreSQL', () => {
  let first: Database;
  let second: Database;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    first = await openTestDatabase();
    const other = secondInstance(first);
    if (!other) throw new Error(`expected PostgreSQL under DATABASE_URL, got ${first.kind}`);
    second = other;
    a = buildTestApp(first);
    b = buildTestApp(second);
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('a session made on one instance works on the other, and signing out on it ends it on both', async () => {
    const admin = await ensureFirstAdmin(a.deps);
    if (!admin) throw new Error('ensureFirstAdmin made no administrator on an empty database');

    const onA = new TestClient(a.app);
    const signIn = await onA.postForm('/en/sign-in', { email: admin.email, password: admin.password });
    expect(signIn.status, await signIn.text()).toBe(303);
    const token = onA.cookie('cp_session');
    expect(token).toBeTruthy();

    const onB = new TestClient(b.app);
    expect((await onB.get('/en/account')).status).not.toBe(200); // no cookie: not signed in
    onB.setCookie('cp_session', token!);
    onB.setCookie('cp_csrf', await onA.csrf());
    const account = await onB.get('/en/account');
    expect(account.status).toBe(200);
    expect(await account.text()).toContain(admin.email);

    const signOut = await onB.postForm('/en/sign-out', {});
    expect(signOut.status).toBe(303);
    const after = await onA.get('/en/account');
    expect(after.status).not.toBe(200);
  });

  it('a job scheduled once is run exactly once by two runners polling concurrently', async () => {
    const ran: string[] = [];
    const slow =
      (who: string): JobHandler =>
      async () => {
        ran.push(who);
        // Long enough that the other runner polls while this one holds the job.
        await new Promise((r) => setTimeout(r, 300));
      };
    await enqueueJob(first.db, { name: 'instances.once', payload: {} });
    const r1 = createJobRunner({ db: first.db, log, pollMs: 10, handlers: { 'instances.once': slow('a') } });
    const r2 = createJobRunner({ db: second.db, log, pollMs: 10, handlers: { 'instances.once': slow('b') } });
    const counts = await Promise.all([r1.runDue(), r2.runDue(), r1.runDue(), r2.runDue()]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    expect(ran).toHaveLength(1);
    const [row] = await second.db.select().from(jobs).where(eq(jobs.name, 'instances.once'));
    expect(row).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('many jobs are shared out between polling runners and each runs once', async () => {
    const ran = new Map<number, string[]>();
    const handler =
      (who: string): JobHandler =>
      async (_payload, { jobId }) => {
        ran.set(jobId, [...(ran.get(jobId) ?? []), who]);
        await new Promise((r) => setTimeout(r, 20));
      };
    for (let i = 0; i < 30; i++) await enqueueJob(first.db, { name: 'instances.many', payload: { i } });
    const runners = [
      createJobRunner({ db: first.db, log, pollMs: 5, handlers: { 'instances.many': handler('a') } }),
      createJobRunner({ db: second.db, log, pollMs: 5, handlers: { 'instances.many': handler('b') } }),
    ];
    for (const r of runners) r.start();
    const deadline = Date.now() + 20_000;
    try {
      for (;;) {
        const rows = await first.db
          .select({ status: jobs.status })
          .from(jobs)
          .where(eq(jobs.name, 'instances.many'));
        if (rows.every((r) => r.status === 'done')) break;
        if (Date.now() > deadline) throw new Error(`jobs not done in time: ${JSON.stringify(rows)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }
    expect(ran.size).toBe(30);
    for (const [id, who] of ran) expect(who, `job ${id}`).toHaveLength(1);
    const byWho = [...ran.values()].flat();
    // Both instances did some of the work (each poll takes one job and the other runner takes the next).
    expect(new Set(byWho)).toEqual(new Set(['a', 'b']));
  });
});
