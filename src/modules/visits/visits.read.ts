/**
 * Reading visits: one as the viewer may see it (participants, meetings, articles, agreed areas with what
 * delivers them and each area's status), the list, the visits of a news article, and agreed-area counts
 * by status for dashboards.
 */
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import type { Viewer } from '../accounts/policy.ts';
import { chinaDate } from '../matching/core/score.ts';
import { articleSummaries, type ArticleSummary } from '../news/news.summaries.ts';
import { getPairing } from '../regions/regions.service.ts';
import { areaStatus, countByStatus, type AreaStatus, type AreaStatusResult } from './core/area-status.ts';
import { resolveLinks, type ResolvedLink } from './links.ts';
import { canManageVisit, canRecordVisits, canViewVisit } from './policy.ts';
import * as repo from './visits.repo.ts';
import type { AreaRow, MeetingRow, ParticipantRow, VisitFilter, VisitRow } from './visits.repo.ts';

type ReadDeps = Pick<Deps, 'db' | 'now'>;

export interface AreaView {
  area: AreaRow;
  links: ResolvedLink[];
  status: AreaStatusResult;
}

export interface VisitView {
  visit: VisitRow;
  participants: ParticipantRow[];
  meetings: MeetingRow[];
  /** Published articles about the visit. */
  articles: ArticleSummary[];
  areas: AreaView[];
  /** Today's China date, against which areas are overdue. */
  today: string;
  can: { manage: boolean };
}

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** The agreed areas of visits with their resolved links and status as of `today`. */
export async function areaViews(
  deps: ReadDeps,
  viewer: Viewer,
  areas: readonly AreaRow[],
  today: string,
  lang: Lang,
): Promise<AreaView[]> {
  const links = await resolveLinks(
    deps,
    viewer,
    await repo.linksOf(
      deps.db,
      areas.map((a) => a.id),
    ),
    lang,
  );
  // Grouped once: a dashboard resolves the areas of a thousand visits at a time.
  const byArea = new Map<string, ResolvedLink[]>();
  for (const l of links) {
    const list = byArea.get(l.areaId);
    if (list) list.push(l);
    else byArea.set(l.areaId, [l]);
  }
  return areas.map((area) => {
    const own = byArea.get(area.id) ?? [];
    const states = own.flatMap((l) => (l.state ? [l.state] : []));
    return { area, links: own, status: areaStatus({ dueOn: area.dueOn, links: states }, today) };
  });
}

/** One visit as the viewer may see it; 404 when it does not exist or is not theirs to see. */
export async function getVisit(deps: ReadDeps, ctx: UseCaseContext, id: string): Promise<VisitView> {
  const visit = isUuid(id) ? await repo.findVisit(deps.db, id) : undefined;
  if (!visit || !canViewVisit(ctx.viewer, visit)) throw new AppError('not_found');
  const today = chinaDate(deps.now());
  const [participants, meetings, links, areas] = await Promise.all([
    repo.participantsOf(deps.db, id),
    repo.meetingsOf(deps.db, id),
    repo.articlesOf(deps.db, [id]),
    repo.areasOf(deps.db, [id]),
  ]);
  const articles = await articleSummaries(
    deps.db,
    links.map((l) => l.articleId),
  );
  const order = new Map(links.map((l, i) => [l.articleId, i]));
  return {
    visit,
    participants,
    meetings,
    articles: articles
      .filter((a) => a.published)
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    areas: await areaViews(deps, ctx.viewer, areas, today, ctx.lang),
    today,
    can: { manage: canManageVisit(ctx.viewer, visit) },
  };
}

/** What the viewer may see beyond published visits: a coordinator their region's, admins all. */
function visibility(viewer: Viewer): VisitFilter['visibleTo'] {
  if (viewer?.role === 'admin') return 'all';
  if (viewer?.role === 'coordinator' && viewer.regionCode) return { regions: [viewer.regionCode] };
  return { publishedOnly: true };
}

export interface VisitQuery {
  region?: string | undefined;
  /** A pairing's id: visits between its two sides. */
  pairing?: number | undefined;
  year?: number | undefined;
  /** Upcoming (not yet ended) or past visits; both when absent. */
  when?: 'upcoming' | 'past' | undefined;
  page: number;
  pageSize: number;
}

export interface VisitPage {
  rows: VisitRow[];
  total: number;
  today: string;
  /** The viewer may record visits. */
  canRecord: boolean;
}

async function filterOf(deps: ReadDeps, viewer: Viewer, q: Omit<VisitQuery, 'page' | 'pageSize'>) {
  const today = chinaDate(deps.now());
  let between: [string, string] | undefined;
  if (q.pairing !== undefined) {
    const p = await getPairing(deps.db, q.pairing).catch(() => undefined);
    // An unknown pairing matches nothing, like any filter value that matches nothing.
    between = p ? [p.aCode, p.bCode] : ['-', '-'];
  }
  const filter: VisitFilter = {
    visibleTo: visibility(viewer),
    region: q.region,
    between,
    year: q.year,
    upcomingOn: q.when === 'upcoming' ? today : undefined,
    pastOn: q.when === 'past' ? today : undefined,
  };
  return { filter, today };
}

/** A page of the visits the viewer may see: upcoming ones soonest first, past ones latest first. */
export async function listVisits(deps: ReadDeps, ctx: UseCaseContext, q: VisitQuery): Promise<VisitPage> {
  const { filter, today } = await filterOf(deps, ctx.viewer, q);
  const { rows, total } = await repo.findVisits(deps.db, filter, {
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
  });
  return { rows, total, today, canRecord: canRecordVisits(ctx.viewer) };
}

/** Every visit the viewer may see with the filters, oldest first, with their areas (exports). */
export async function visitsForExport(
  deps: ReadDeps,
  ctx: UseCaseContext,
  q: Omit<VisitQuery, 'page' | 'pageSize'> & { everything?: boolean; lang: Lang },
): Promise<{ visits: VisitRow[]; areas: AreaView[]; participants: Map<string, number> }> {
  const { filter, today } = await filterOf(deps, ctx.viewer, q);
  const rows = await repo.allVisits(deps.db, q.everything ? { ...filter, visibleTo: 'all' } : filter);
  const ids = rows.map((v) => v.id);
  const areas = await areaViews(deps, ctx.viewer, await repo.areasOf(deps.db, ids), today, q.lang);
  return { visits: rows, areas, participants: await repo.participantCounts(deps.db, ids) };
}

/** The published visits an article is linked to, latest first (for the article page). */
export async function visitsOfArticle(db: DbOrTx, articleId: string): Promise<VisitRow[]> {
  if (!isUuid(articleId)) return [];
  const ids = (await repo.visitIdsOfArticle(db, articleId)).map((r) => r.visitId);
  return (await repo.visitsByIds(db, ids)).filter((v) => v.published);
}

/**
 * Published visits and their agreed areas by status as of today: visits between the two sides of
 * `between` (each a region or a prefecture code; any visit when not given) that, with `from`/`to`,
 * started within those days (inclusive).
 */
export async function agreedAreaStats(
  deps: ReadDeps,
  f: { between?: readonly [string, string]; from?: string; to?: string } = {},
): Promise<{ visits: number; areas: Record<AreaStatus, number> & { total: number } }> {
  const today = chinaDate(deps.now());
  const visits = await repo.allVisits(deps.db, {
    visibleTo: { publishedOnly: true },
    between: f.between,
    from: f.from,
    to: f.to,
  });
  const areas = await areaViews(
    deps,
    null,
    await repo.areasOf(
      deps.db,
      visits.map((v) => v.id),
    ),
    today,
    'en',
  );
  const counts = countByStatus(areas.map((a) => a.status.status));
  return { visits: visits.length, areas: { ...counts, total: areas.length } };
}

/** The id of the visit with this English title starting on this day, if any (the demo loads once). */
export async function visitIdTitled(
  db: DbOrTx,
  titleEn: string,
  startsOn: string,
): Promise<string | undefined> {
  return repo.visitIdTitled(db, titleEn, startsOn);
}
