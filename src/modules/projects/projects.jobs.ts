/** Background work of the projects module: the daily sweep for overdue milestones. */
import type { Db, DbOrTx } from '../../db/client.ts';
import { dateShanghai } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { peopleOf } from '../accounts/people.service.ts';
import { enqueueJob, type JobHandler } from '../jobs/jobs.service.ts';
import { chinaDate } from '../matching/core/score.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as repo from './projects.repo.ts';
import { projectPath } from './projects.service.ts';

export const OVERDUE_JOB = 'projects.overdue';
const DAY_MS = 24 * 3600_000;
/** Milestones announced per transaction, so one sweep never holds many locks at once. */
const BATCH = 100;

/** Enqueues the sweep due at `runAt`, at most once per (Beijing) day whatever the number of instances. */
export async function scheduleOverdueSweep(db: DbOrTx, runAt: Date): Promise<void> {
  await enqueueJob(db, { name: OVERDUE_JOB, runAt, key: `${OVERDUE_JOB}:${dateShanghai(runAt)}` });
}

/**
 * Tells the parties' members and their regions' coordinators once about each milestone past due (before
 * today, China date) and not done, then marks it announced. Projects cancelled are left alone. Returns how
 * many milestones were announced.
 */
export async function sweepOverdueMilestones(db: Db, publicUrl: string, now: Date): Promise<number> {
  const today = chinaDate(now);
  let announced = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await repo.unannouncedOverdue(tx, today, BATCH);
      const parties = await repo.partiesOf(tx, [...new Set(due.map((d) => d.projectId))]);
      for (const { milestone, projectTitle, projectId } of due) {
        const ps = parties.get(projectId) ?? [];
        const people = await peopleOf(tx, {
          orgIds: ps.map((p) => p.orgId),
          coordinatorsOf: ps.map((p) => p.regionCode),
        });
        await notify(tx, publicUrl, people, {
          kind: 'milestone_overdue',
          params: { milestone: milestone.title, project: projectTitle, due: milestone.dueOn },
          path: projectPath(projectId),
        });
        await repo.markOverdueNotified(tx, milestone.id, now);
      }
      return due.length;
    });
    announced += n;
    if (n < BATCH) return announced;
  }
}

/** `projects.overdue`: the daily sweep, which schedules the next day's first. */
export function projectsJobHandlers(deps: Deps): Record<string, JobHandler> {
  return {
    async [OVERDUE_JOB](_payload, { db, log, now }) {
      // Scheduled first, so that one failing run does not break the daily chain.
      await scheduleOverdueSweep(db, new Date(now.getTime() + DAY_MS));
      const n = await sweepOverdueMilestones(db, deps.config.publicUrl, now);
      log.info({ announced: n }, 'overdue milestones announced');
    },
  };
}
