/** What other modules may know of expressions of interest (an agreement's sources). */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
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
