/** What the use cases and the jobs share: who the parties are, how they are named, and expiring an interest. */
import type { DbOrTx } from '../../db/client.ts';
import type { Deps } from '../../web/env.ts';
import { organisationsByIds } from '../accounts/organisations.service.ts';
import { peopleOf } from '../accounts/people.service.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { listingSummaries, type ListingSummary } from '../listings/listings.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as repo from './interests.repo.ts';
import type { InterestRow } from './interests.repo.ts';

export const DAY_MS = 24 * 3600 * 1000;

/** What the interests use cases need of the app. */
export type InterestDeps = Pick<Deps, 'db' | 'now' | 'config'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from URLs: one that is not a UUID names nothing (and would make PostgreSQL throw). */
export function isId(value: string): boolean {
  return UUID.test(value);
}

/** An organisation as interests show it. */
export interface OrgBrief {
  id: string;
  nameZh: string;
  nameEn: string;
  regionCode: string;
}

/** Organisations by id, as briefs. */
export async function orgBriefs(db: DbOrTx, ids: readonly string[]): Promise<Map<string, OrgBrief>> {
  const rows = await organisationsByIds(db, [...new Set(ids)]);
  return new Map(
    rows.map((o) => [o.id, { id: o.id, nameZh: o.nameZh, nameEn: o.nameEn, regionCode: o.regionCode }]),
  );
}

/** Listing summaries by id. */
export async function listingsById(db: DbOrTx, ids: readonly string[]): Promise<Map<string, ListingSummary>> {
  return new Map((await listingSummaries(db, ids)).map((l) => [l.id, l]));
}

/** An organisation's name in both languages, as a notification parameter. */
export function orgParam(o: OrgBrief | undefined): { en: string; zh: string } {
  return { en: o?.nameEn ?? '', zh: o?.nameZh ?? '' };
}

/** The interest's listing title and both organisations, for notifications. */
export async function partiesOf(db: DbOrTx, i: InterestRow) {
  const [orgs, listings] = await Promise.all([
    orgBriefs(db, [i.fromOrgId, i.toOrgId]),
    listingsById(db, [i.listingId]),
  ]);
  return {
    from: orgs.get(i.fromOrgId),
    to: orgs.get(i.toOrgId),
    listingTitle: listings.get(i.listingId)?.title ?? '',
  };
}

/** Whether an open interest is past its expiry (marked or not). */
export function isPastExpiry(i: Pick<InterestRow, 'status' | 'expiresAt'>, now: Date): boolean {
  return i.status === 'open' && i.expiresAt.getTime() <= now.getTime();
}

/** The status as people see it: an open interest past its expiry is expired. */
export function shownStatus(i: Pick<InterestRow, 'status' | 'expiresAt'>, now: Date): InterestRow['status'] {
  return isPastExpiry(i, now) ? 'expired' : i.status;
}

/**
 * Marks an open interest past its expiry as expired and tells the sender's members, in `tx`. Whoever
 * finds it first (the sweep job, an answer, a new interest for the pair) does it; the others see it done.
 */
export async function expireInterest(
  tx: DbOrTx,
  publicUrl: string,
  i: InterestRow,
  actor: Actor,
  requestId?: string,
): Promise<InterestRow> {
  const row = await repo.updateInterest(tx, i.id, { status: 'expired' });
  await recordAudit(tx, {
    actor,
    action: 'interest.expired',
    entity: 'interest',
    entityId: i.id,
    before: { status: i.status },
    after: { status: 'expired', expiresAt: i.expiresAt },
    requestId,
  });
  const p = await partiesOf(tx, i);
  await notify(tx, publicUrl, await peopleOf(tx, { orgIds: [i.fromOrgId] }), {
    kind: 'interest_expired',
    params: { listing: p.listingTitle, org: orgParam(p.to) },
    path: `/interests/${i.id}`,
  });
  return row;
}
