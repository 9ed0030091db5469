import type { DbOrTx } from '../../db/client.ts';
import { dateShanghai } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { enqueueJob, type JobHandler } from '../jobs/jobs.service.ts';
import * as repo from './accounts.repo.ts';
import { deleteExpiredSessions } from './sessions.ts';

export const CLEANUP_JOB = 'accounts.cleanup';
const DAY_MS = 24 * 3600_000;

/** Enqueues the cleanup due at `runAt`, at most once per (Beijing) day whatever the number of instances. */
export async function scheduleAccountCleanup(db: DbOrTx, runAt: Date): Promise<void> {
  await enqueueJob(db, { name: CLEANUP_JOB, runAt, key: `${CLEANUP_JOB}:${dateShanghai(runAt)}` });
}

/**
 * The accounts module's jobs. `accounts.cleanup` deletes expired sessions, and reset links and sign-in
 * attempts older than a day, then schedules itself for the next day.
 */
export function accountJobHandlers(_deps: Deps): Record<string, JobHandler> {
  return {
    async [CLEANUP_JOB](_payload, { db, log, now }) {
      // Scheduled first, so that one failing run does not break the daily chain.
      await scheduleAccountCleanup(db, new Date(now.getTime() + DAY_MS));
      const dayAgo = new Date(now.getTime() - DAY_MS);
      await deleteExpiredSessions(db, now);
      await repo.deleteStaleResets(db, dayAgo);
      await repo.deleteAttemptsBefore(db, dayAgo);
      log.info('accounts cleanup done');
    },
  };
}
