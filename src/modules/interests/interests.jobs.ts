/** Background work of the interests module: reminders to answer, and expiry of unanswered interests. */
import { z } from 'zod';
import type { Deps } from '../../web/env.ts';
import { peopleOf } from '../accounts/people.service.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import type { JobHandler } from '../jobs/jobs.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as repo from './interests.repo.ts';
import { DAY_MS, expireInterest, isId, isPastExpiry, orgParam, partiesOf } from './lifecycle.ts';

const RemindPayload = z.object({ id: z.string().refine(isId), day: z.number().int() });
const ExpirePayload = z.object({ id: z.string().refine(isId) });

/**
 * `interests.remind` {id, day}: tells the receiving organisation's members that an interest still waits
 * (only while it is open and unexpired). `interests.expire` {id}: marks an open interest past its expiry
 * as expired and tells the sender. Both do nothing when the interest has moved on, so re-runs are harmless.
 */
export function interestsJobHandlers(deps: Pick<Deps, 'config'>): Record<string, JobHandler> {
  return {
    'interests.remind': async (payload, { db, now }) => {
      const { id } = RemindPayload.parse(payload);
      await db.transaction(async (tx) => {
        const row = await repo.findInterest(tx, id, { lock: true });
        if (!row || row.status !== 'open' || isPastExpiry(row, now)) return;
        const days = Math.max(1, Math.ceil((row.expiresAt.getTime() - now.getTime()) / DAY_MS));
        const p = await partiesOf(tx, row);
        await notify(tx, deps.config.publicUrl, await peopleOf(tx, { orgIds: [row.toOrgId] }), {
          kind: 'interest_reminder',
          params: { org: orgParam(p.from), listing: p.listingTitle, days: String(days) },
          path: `/interests/${row.id}`,
        });
      });
    },
    'interests.expire': async (payload, { db, now }) => {
      const { id } = ExpirePayload.parse(payload);
      await db.transaction(async (tx) => {
        const row = await repo.findInterest(tx, id, { lock: true });
        if (!row || !isPastExpiry(row, now)) return;
        await expireInterest(tx, deps.config.publicUrl, row, SYSTEM);
      });
    },
  };
}
