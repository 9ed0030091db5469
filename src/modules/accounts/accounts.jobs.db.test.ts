import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createLogger } from '../../lib/log.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeUser } from '../../test/factories.ts';
import { createJobRunner } from '../jobs/jobs.service.ts';
import { jobs } from '../jobs/schema.ts';
import { accountJobHandlers, CLEANUP_JOB, scheduleAccountCleanup } from './accounts.jobs.ts';
import { passwordResets, sessions, signInAttempts } from './schema.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
});
afterAll(() => database.close());

const HOUR = 3600_000;

describe('accounts.cleanup', () => {
  it('deletes expired sessions, stale reset links and old attempts, keeps the rest, and schedules tomorrow', async () => {
    const now = new Date('2031-05-01T02:00:00Z');
    const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
    const user = await makeUser(database, { role: 'admin' });
    await database.db.insert(sessions).values([
      { idHash: 'expired', userId: user.id, expiresAt: at(-1) },
      { idHash: 'live', userId: user.id, expiresAt: at(1) },
    ]);
    await database.db.insert(passwordResets).values([
      { tokenHash: 'old-used', userId: user.id, expiresAt: at(-30), usedAt: at(-30) },
      { tokenHash: 'recent-used', userId: user.id, expiresAt: at(1), usedAt: at(-1) },
      { tokenHash: 'fresh', userId: user.id, expiresAt: at(1) },
    ]);
    await database.db.insert(signInAttempts).values([
      { email: 'a@test.example', ip: '1.1.1.1', success: false, at: at(-25) },
      { email: 'a@test.example', ip: '1.1.1.1', success: false, at: at(-2) },
    ]);
    await scheduleAccountCleanup(database.db, now);
    await scheduleAccountCleanup(database.db, now); // a second instance starting the same day adds nothing

    const runner = createJobRunner({
      db: database.db,
      log: createLogger('silent'),
      pollMs: 1000,
      handlers: accountJobHandlers(t.deps),
      now: () => now,
    });
    expect(await runner.runDue()).toBe(1);

    expect((await database.db.select().from(sessions)).map((s) => s.idHash)).toEqual(['live']);
    expect((await database.db.select().from(passwordResets)).map((r) => r.tokenHash).sort()).toEqual([
      'fresh',
      'recent-used',
    ]);
    expect(await database.db.select().from(signInAttempts)).toHaveLength(1);
    const scheduled = await database.db
      .select()
      .from(jobs)
      .where(like(jobs.key, `${CLEANUP_JOB}:%`))
      .orderBy(jobs.runAt);
    expect(scheduled.map((j) => [j.key, j.status])).toEqual([
      [`${CLEANUP_JOB}:2031-05-01`, 'done'],
      [`${CLEANUP_JOB}:2031-05-02`, 'pending'],
    ]);
    const [next] = await database.db
      .select()
      .from(jobs)
      .where(eq(jobs.key, `${CLEANUP_JOB}:2031-05-02`));
    expect(next?.runAt).toEqual(at(24));
  });
});
