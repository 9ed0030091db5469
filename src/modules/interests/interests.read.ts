/** What other modules may know of expressions of interest: an agreement's sources, and dashboard counts. */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { chinaDate } from '../matching/core/score.ts';
import { shownStatus } from './lifecycle.ts';
import { interests } from './schema.ts';

export interface InterestSummary {
  id: string;
  listingId: string;
  fromOrgId: string;
  toOrgId: string;
  fromRegionCode: string;
  toRegionCode: string;
  status: (typeof interests.$inferSelect)['status'];
}

/** Summaries of interests by id, without access checks (the caller checks the viewer's part in them). */
export async function interestSummaries(db: DbOrTx, ids: readonly string[]): Promise<InterestSummary[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: interests.id,
      listingId: interests.listingId,
      fromOrgId: interests.fromOrgId,
      toOrgId: interests.toOrgId,
      fromRegionCode: interests.fromRegionCode,
      toRegionCode: interests.toRegionCode,
      status: interests.status,
    })
    .from(interests)
    .where(inArray(interests.id, [...new Set(ids)]));
}

/** An interest as the dashboards count it. */
export interface InterestFact {
  /** The China date it was sent. */
  sentOn: string;
  /** As people see it: an open interest past its expiry counts as expired. */
  status: InterestSummary['status'];
  declineReason: (typeof interests.$inferSelect)['declineReason'];
  parties: { orgId: string; regionCode: string }[];
}

/**
 * Every interest between an organisation of one region of `between` and one of the other (every interest
 * when null), for statistics; no access check, so callers show only aggregates or what the viewer may see.
 */
export async function interestFacts(
  db: DbOrTx,
  between: readonly [string, string] | null,
  now: Date,
): Promise<InterestFact[]> {
  const rows = await db
    .select({
      sentAt: interests.sentAt,
      status: interests.status,
      expiresAt: interests.expiresAt,
      declineReason: interests.declineReason,
      fromOrgId: interests.fromOrgId,
      toOrgId: interests.toOrgId,
      fromRegionCode: interests.fromRegionCode,
      toRegionCode: interests.toRegionCode,
    })
    .from(interests)
    .where(
      between === null
        ? undefined
        : or(
            and(eq(interests.fromRegionCode, between[0]), eq(interests.toRegionCode, between[1])),
            and(eq(interests.fromRegionCode, between[1]), eq(interests.toRegionCode, between[0])),
          ),
    );
  return rows.map((r) => ({
    sentOn: chinaDate(r.sentAt),
    status: shownStatus(r, now),
    declineReason: r.declineReason,
    parties: [
      { orgId: r.fromOrgId, regionCode: r.fromRegionCode },
      { orgId: r.toOrgId, regionCode: r.toRegionCode },
    ],
  }));
}
