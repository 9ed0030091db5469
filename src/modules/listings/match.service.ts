/** The match use case: a listing's ranked matches with reasons worded for the viewer. */
import { AppError } from '../../lib/errors.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { organisationsByIds } from '../accounts/organisations.service.ts';
import { reasonText } from '../matching/core/reasons.ts';
import { counterpartAreas } from '../regions/regions.service.ts';
import * as repo from './listings.repo.ts';
import type { ListingDeps } from './listings.service.ts';
import { findMatches, type MatchScope } from './matches.ts';
import { canViewListing } from './policy.ts';

/** The contract shape of one match (GET /api/v1/listings/{ref}/matches): these fields and no others. */
export interface MatchJson {
  ref: string;
  title: string;
  region: string;
  category: string;
  direction: 'offer' | 'seek';
  score: number;
  reasons: { code: string; text: string }[];
}

export interface MatchItem extends MatchJson {
  /** For pages: the match's language, organisation and expiry. */
  language: 'zh' | 'en';
  /** The match's organisation (absent where a caller built the item itself). */
  orgId?: string | undefined;
  orgName: string;
  validUntil: string | null;
}

export interface MatchOptions {
  limit: number;
  asOf?: Date | undefined;
  scope?: MatchScope | undefined;
}

/**
 * The ranked matches of a listing the viewer may see, best first, with reasons worded in the viewer's
 * language: published listings of the same category, opposite direction, counterpart (or all) regions,
 * not expired as of `asOf` (default now).
 */
export async function listingMatches(
  deps: ListingDeps,
  ctx: UseCaseContext,
  ref: string,
  opts: MatchOptions,
): Promise<MatchItem[]> {
  const found = await repo.findByRef(deps.db, ref);
  if (!found || !canViewListing(ctx.viewer, found)) throw new AppError('not_found');
  const asOf = opts.asOf ?? deps.now();
  const ranked = await findMatches(deps.db, {
    listing: {
      ...found.features,
      ref: found.ref,
      region: found.regionCode,
      category: found.category,
      direction: found.direction,
      language: found.language,
      createdAt: found.createdAt.toISOString(),
      validUntil: found.validUntil ?? undefined,
      areaCode: found.areaCode,
    },
    asOf,
    scope: opts.scope ?? 'counterpart',
    counterparts: await counterpartAreas(deps.db, found.regionCode, found.areaCode),
    limit: opts.limit,
  });
  const orgs = new Map(
    (
      await organisationsByIds(
        deps.db,
        ranked.map((m) => m.orgId),
      )
    ).map((o) => [o.id, o]),
  );
  return ranked.map((m) => {
    const org = orgs.get(m.orgId);
    return {
      ref: m.ref,
      title: m.title,
      region: m.region,
      category: m.category,
      direction: m.direction,
      score: Math.round(m.score * 1000) / 1000,
      reasons: m.reasons.map((r) => ({ code: r.code, text: reasonText(r, ctx.lang) })),
      language: m.language,
      orgId: m.orgId,
      orgName: org ? (ctx.lang === 'zh' ? org.nameZh : org.nameEn) : '',
      validUntil: m.validUntil,
    };
  });
}
