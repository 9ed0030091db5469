import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { openTestDatabase, secondInstance } from '../../test/db.ts';
import { enqueueJob, JobRunner, type JobHandler } from './jobs.service.ts';
import { jobs } from './schema.ts';

const log = pino({ level: 'silent' });
let database: Database;
let db: Db;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});

afterAll(async () => {
  await database?.close();
});

beforeEach(async () => {
  await db.delete(jobs);
});

function runner(handlers: Record<string, JobHandler>, now?: () => Date, target: Db = db): JobRunner {
  return new JobRunner({ db: target, log, handlers, pollMs: 10, ...(now ? { now } : {}) });
}

async function jobByName(name: string) {
  const [row] = await db.select().from(jobs).where(eq(jobs.name, name));
  if (!row) throw new Error(`no job ${name}`);
  return row;
}

describe('jobs', () => {
  it('runs a due job once, with its payload', async () => {
    const seen: unknown[] = [];
    await enqueueJob(db, { name: 'greet', payload: { who: 'ada' } });
    const r = runner({ greet: (payload) => Promise.resolve(void seen.push(payload)) });
    expect(await r.runDue()).toBe(1);
    expect(await r.runDue()).toBe(0);
    expect(seen).toEqual([{ who: 'ada' }]);
    const row = await jobByName('greet');
    expect(row).toMatchObject({ status: 'done', attempts: 1, lockedBy: null });
    expect(row.finishedAt).toBeInstanceOf(Date);
  });

  it('does not run a future job before its time', async () => {
    const t0 = new Date('2030-01-01T00:00:00Z');
    let clock = t0;
    let ran = 0;
    await enqueueJob(db, { name: 'later', runAt: new Date(t0.getTime() + 60_000) });
    const r = runner({ later: () => Promise.resolve(void ran++) }, () => clock);
    expect(await r.runDue()).toBe(0);
    clock = new Date(t0.getTime() + 59_999);
    expect(await r.runDue()).toBe(0);
    clock = new Date(t0.getTime() + 60_000);
    expect(await r.runDue()).toBe(1);
    expect(ran).toBe(1);
  });

  it('retries a failing job with backoff and fails it after maxAttempts', async () => {
    const t0 = new Date('2030-01-01T00:00:00Z');
    let clock = t0;
    let calls = 0;
    await enqueueJob(db, { name: 'flaky', runAt: t0, maxAttempts: 3 });
    const r = runner(
      {
        flaky: () => {
          calls++;
          return Promise.reject(new Error(`boom ${calls}`));
        },
      },
      () => clock,
    );
    expect(await r.runDue()).toBe(1);
    let row = await jobByName('flaky');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'boom 1', lockedBy: null });
    expect(row.runAt.getTime()).toBe(t0.getTime() + 30_000);
    expect(await r.runDue()).toBe(0); // not before the backoff

    clock = row.runAt;
    expect(await r.runDue()).toBe(1);
    row = await jobByName('flaky');
    expect(row).toMatchObject({ status: 'pending', attempts: 2, lastError: 'boom 2' });
    expect(row.runAt.getTime()).toBe(clock.getTime() + 60_000); // doubled

    clock = row.runAt;
    expect(await r.runDue()).toBe(1);
    row = await jobByName('flaky');
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'boom 3' });
    expect(row.finishedAt).toBeInstanceOf(Date);

    clock = new Date(t0.getTime() + 86_400_000);
    expect(await r.runDue()).toBe(0);
    expect(calls).toBe(3);
  });

  it('fails a job with no handler, saying so', async () => {
    await enqueueJob(db, { name: 'nobody.handles.this' });
    expect(await runner({}).runDue()).toBe(1);
    const row = await jobByName('nobody.handles.this');
    expect(row.status).toBe('failed');
    expect(row.lastError).toContain('no handler registered for job "nobody.handles.this"');
  });

  it('does not enqueue a duplicate key', async () => {
    await enqueueJob(db, { name: 'digest', key: 'digest:2030-01-01', payload: { n: 1 } });
    await enqueueJob(db, { name: 'digest', key: 'digest:2030-01-01', payload: { n: 2 } });
    await enqueueJob(db, { name: 'digest', key: 'digest:2030-01-02' });
    const rows = await db.select().from(jobs).orderBy(jobs.id);
    expect(rows.map((r) => [r.key, r.payload])).toEqual([
      ['digest:2030-01-01', { n: 1 }],
      ['digest:2030-01-02', {}],
    ]);
  });

  it('enqueues nothing when the transaction rolls back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueJob(tx, { name: 'ghost' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await db.select().from(jobs)).toEqual([]);
    expect(await runner({ ghost: () => Promise.resolve() }).runDue()).toBe(0);
  });

  it('runs again a job whose worker died once its lease expired, not before', async () => {
    const now = new Date();
    await enqueueJob(db, { name: 'orphan' });
    await enqueueJob(db, { name: 'busy' });
    const crashed = { status: 'running' as const, lockedBy: 'dead-worker', attempts: 1 };
    await db
      .update(jobs)
      .set({ ...crashed, lockedUntil: new Date(now.getTime() - 1000) })
      .where(eq(jobs.name, 'orphan'));
    await db
      .update(jobs)
      .set({ ...crashed, lockedUntil: new Date(now.getTime() + 60_000) })
      .where(eq(jobs.name, 'busy'));
    const record: JobHandler = () => Promise.resolve();
    expect(await runner({ orphan: record, busy: record }, () => now).runDue()).toBe(1);
    expect(await jobByName('orphan')).toMatchObject({ status: 'done', attempts: 2 });
    expect(await jobByName('busy')).toMatchObject({ status: 'running', lockedBy: 'dead-worker' });
  });

  it('start() polls in the background and stop() waits for the job in progress', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    let finished = false;
    await enqueueJob(db, { name: 'slow' });
    const r = runner({
      slow: async () => {
        started = true;
        await gate;
        finished = true;
      },
    });
    r.start();
    await expect.poll(() => started, { timeout: 5000 }).toBe(true);
    const stopped = r.stop();
    setTimeout(release, 50);
    await stopped;
    expect(finished).toBe(true);
    expect((await jobByName('slow')).status).toBe('done');
  });

  it('two runners (two pools on PostgreSQL) run each of many jobs exactly once', async () => {
    const n = 60;
    await db.insert(jobs).values(Array.from({ length: n }, (_, i) => ({ name: 'count', payload: { i } })));
    const counts = new Map<number, number>();
    const count: JobHandler = async (_payload, { jobId }) => {
      counts.set(jobId, (counts.get(jobId) ?? 0) + 1);
      // Yield so the two runners interleave rather than one draining the queue.
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    const a = runner({ count }, undefined, db);
    // On PostgreSQL a second pool, as a second app instance would have; PGlite has one connection anyway.
    const other = secondInstance(database);
    const b = runner({ count }, undefined, other?.db ?? db);
    const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]).finally(() => other?.close());
    expect(ranA + ranB).toBe(n);
    expect(counts.size).toBe(n);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    const [left] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(sql`${jobs.status} <> 'done'`);
    expect(left?.n).toBe(0);
  });
});
