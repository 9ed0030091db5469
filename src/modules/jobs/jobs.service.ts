import { randomUUID } from 'node:crypto';
import { and, asc, eq, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Logger } from '../../lib/log.ts';
import { jobs } from './schema.ts';

export type JobHandler = (
  payload: unknown,
  ctx: { db: Db; log: Logger; now: Date; jobId: number },
) => Promise<void>;

export interface NewJob {
  name: string;
  payload?: unknown;
  runAt?: Date;
  /** De-duplication key: while a job with this key exists, another is silently not added. */
  key?: string;
  maxAttempts?: number;
}

export interface JobRunnerOptions {
  db: Db;
  log: Logger;
  handlers: Record<string, JobHandler>;
  pollMs: number;
  workerId?: string;
  now?: () => Date;
  /** How long a claim lasts; after it a job is presumed orphaned (worker died) and is run again. */
  leaseMs?: number;
}

type JobRow = typeof jobs.$inferSelect;

const DEFAULT_LEASE_MS = 5 * 60_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;

/** Adds a job inside the caller's transaction, so it exists only if the caller's write commits. */
export async function enqueueJob(db: DbOrTx, job: NewJob): Promise<void> {
  await db
    .insert(jobs)
    .values({
      name: job.name,
      // jsonb is NOT NULL: an absent payload is stored as {}.
      payload: job.payload ?? {},
      // The app clock, not the database's now(): runners compare run_at with the app clock, and now() has
      // microseconds, so a job stamped by it could be up to 1 ms "in the future" for a runner polling at once.
      runAt: job.runAt ?? new Date(),
      key: job.key,
      maxAttempts: job.maxAttempts,
    })
    .onConflictDoNothing({ target: jobs.key });
}

/** Delay before the next attempt after `attempts` failures: 30 s, 1 min, 2 min, ... capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(attempts - 1, 0), BACKOFF_MAX_MS);
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Polls the jobs table and runs due jobs; several runners (in one or many processes) share the work. */
export class JobRunner {
  private readonly workerId: string;
  private readonly now: () => Date;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private stopping = false;

  constructor(private readonly opts: JobRunnerOptions) {
    this.workerId = opts.workerId ?? randomUUID();
    this.now = opts.now ?? (() => new Date());
    this.leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** Starts polling every `pollMs`; a poll begins only after the previous one ended. */
  start(): void {
    if (this.timer || this.current) return;
    this.stopping = false;
    this.schedule();
  }

  /** Stops polling; resolves once the job in progress (if any) has finished. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  /** Claims and runs due jobs one by one until none is left; returns how many ran. */
  async runDue(): Promise<number> {
    let ran = 0;
    while (!this.stopping) {
      const job = await this.claim(this.now());
      if (!job) break;
      await this.run(job);
      ran++;
    }
    return ran;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.current = this.runDue()
        .then(
          () => undefined,
          (err: unknown) => this.opts.log.error({ err }, 'job poll failed'),
        )
        .finally(() => {
          this.current = undefined;
          if (!this.stopping) this.schedule();
        });
    }, this.opts.pollMs);
    // Polling alone must not keep the process alive.
    this.timer.unref();
  }

  /** One statement: SKIP LOCKED lets concurrent runners each take a different row without waiting. */
  private async claim(now: Date): Promise<JobRow | undefined> {
    const { db } = this.opts;
    const next = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        or(
          and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)),
          and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)),
        ),
      )
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(1)
      .for('update', { skipLocked: true });
    const [job] = await db
      .update(jobs)
      .set({
        status: 'running',
        lockedBy: this.workerId,
        lockedUntil: new Date(now.getTime() + this.leaseMs),
        attempts: sql`${jobs.attempts} + 1`,
      })
      .where(eq(jobs.id, next))
      .returning();
    return job;
  }

  private async run(job: JobRow): Promise<void> {
    const log = this.opts.log.child({ jobId: job.id, job: job.name, attempt: job.attempts });
    const handler = this.opts.handlers[job.name];
    if (!handler) {
      log.error('no handler for job');
      await this.finish(job, { status: 'failed', lastError: `no handler registered for job "${job.name}"` });
      return;
    }
    const now = this.now();
    try {
      await handler(job.payload, { db: this.opts.db, log, now, jobId: job.id });
    } catch (err) {
      const lastError = errorMessage(err);
      if (job.attempts >= job.maxAttempts) {
        log.error({ err }, 'job failed for good');
        await this.finish(job, { status: 'failed', lastError });
      } else {
        const runAt = new Date(this.now().getTime() + backoffMs(job.attempts));
        log.warn({ err, retryAt: runAt }, 'job failed, will retry');
        await this.release(job, { status: 'pending', runAt, lastError });
      }
      return;
    }
    await this.finish(job, { status: 'done' });
  }

  private finish(job: JobRow, set: { status: 'done' | 'failed'; lastError?: string }): Promise<void> {
    return this.release(job, { ...set, finishedAt: this.now() });
  }

  /**
   * Ends this claim. Matching on locked_by and attempts means a runner whose lease expired (and whose
   * job was taken over) cannot overwrite the newer claim's outcome.
   */
  private async release(job: JobRow, set: Partial<typeof jobs.$inferInsert>): Promise<void> {
    const updated = await this.opts.db
      .update(jobs)
      .set({ ...set, lockedBy: null, lockedUntil: null })
      .where(
        and(
          eq(jobs.id, job.id),
          eq(jobs.status, 'running'),
          eq(jobs.lockedBy, this.workerId),
          eq(jobs.attempts, job.attempts),
        ),
      )
      .returning({ id: jobs.id });
    if (updated.length === 0) {
      this.opts.log.warn({ jobId: job.id }, 'job lease was lost before it finished; outcome not recorded');
    }
  }
}

/** Same as `new JobRunner(opts)`; call `start()` to poll and `stop()` on shutdown. */
export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  return new JobRunner(opts);
}
