/**
 * Visit use cases that change things: record and edit a visit, add participants and agreed areas, link an
 * area to what delivers it, link news articles. Each checks who may act first, validates everything before
 * writing, and writes in one transaction with an audit entry (nothing is half-stored).
 */
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { messageIn, type Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { actorOf, type UseCaseContext } from '../accounts/context.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { areaProblem } from '../listings/fields.ts';
import { articleSummaries, articleSummaryBySlug } from '../news/news.summaries.ts';
import { findRegion } from '../regions/regions.service.ts';
import type { MeetingInput } from './fields.ts';
import {
  AreaInput,
  ArticleLinkInput,
  LinkInput,
  parseInput,
  ParticipantsInput,
  VisitInput,
  VisitUpdate,
  type ParticipantInput,
} from './fields.ts';
import { resolveTarget } from './links.ts';
import { visitsErr } from './messages.ts';
import { canManageVisit, canRecordVisits, canViewVisit } from './policy.ts';
import * as repo from './visits.repo.ts';
import type { AreaRow, LinkRow, ParticipantRow, VisitRow } from './visits.repo.ts';

export * from './visits.read.ts';
export type { AreaRow, LinkRow, ParticipantRow, VisitRow };

/** What the visit use cases need: the database and the clock. */
export type VisitDeps = Pick<Deps, 'db' | 'now'>;
type Tx = Parameters<Parameters<Deps['db']['transaction']>[0]>[0];

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** The visit locked for a change; 404 when it does not exist or the viewer may not see it. */
async function lockVisible(tx: Tx, ctx: UseCaseContext, id: string): Promise<VisitRow> {
  const visit = isUuid(id) ? await repo.findVisit(tx, id, { lock: true }) : undefined;
  if (!visit || !canViewVisit(ctx.viewer, visit)) throw new AppError('not_found');
  return visit;
}

/** 400 naming `field` unless the region exists. */
async function checkRegion(db: DbOrTx, field: string, code: string, lang: Lang): Promise<void> {
  if (!(await findRegion(db, code))) throw invalid(field, visitsErr(lang)('unknownRegion'));
}

function checkArea(field: string, region: string, area: string | undefined, lang: Lang): string | null {
  if (!area) return null;
  const problem = areaProblem(region, area);
  if (problem) throw invalid(field, messageIn(problem, lang));
  return area;
}

type VisitData = z.output<typeof VisitUpdate>;

/** The cross-field rules of a visit: regions that exist and differ, areas inside them, dates in order. */
async function checkVisit(db: DbOrTx, data: VisitData, lang: Lang) {
  const t = visitsErr(lang);
  await checkRegion(db, 'hostRegionCode', data.hostRegionCode, lang);
  await checkRegion(db, 'visitingRegionCode', data.visitingRegionCode, lang);
  if (data.hostRegionCode === data.visitingRegionCode) throw invalid('visitingRegionCode', t('sameRegions'));
  const hostAreaCode = checkArea('hostAreaCode', data.hostRegionCode, data.hostAreaCode, lang);
  const visitingAreaCode = checkArea(
    'visitingAreaCode',
    data.visitingRegionCode,
    data.visitingAreaCode,
    lang,
  );
  if (data.endsOn < data.startsOn)
    throw invalid('endsOn', t('endsBeforeStarts', { startsOn: data.startsOn }));
  (data.meetings ?? []).forEach((m, i) => {
    if (m.on && (m.on < data.startsOn || m.on > data.endsOn)) {
      throw invalid(
        `meetings.${i}.on`,
        t('meetingOutside', { startsOn: data.startsOn, endsOn: data.endsOn }),
      );
    }
  });
  return {
    kind: data.kind,
    titleZh: data.titleZh,
    titleEn: data.titleEn,
    startsOn: data.startsOn,
    endsOn: data.endsOn,
    hostRegionCode: data.hostRegionCode,
    hostAreaCode,
    visitingRegionCode: data.visitingRegionCode,
    visitingAreaCode,
    places: data.places ?? '',
    summaryZh: data.summaryZh ?? '',
    summaryEn: data.summaryEn ?? '',
  };
}

const meetingRow = (m: z.output<typeof MeetingInput>) => ({
  title: m.title,
  on: m.on ?? null,
  place: m.place ?? '',
  notes: m.notes ?? '',
});

const participantRow = (p: z.output<typeof ParticipantsInput>['participants'][number]) => ({
  name: p.name,
  nameEn: p.nameEn ?? '',
  title: p.title ?? '',
  titleEn: p.titleEn ?? '',
  organisation: p.organisation ?? '',
  organisationEn: p.organisationEn ?? '',
  side: p.side,
});

/**
 * Records a visit (with its first participants and meetings) for a coordinator of the host or visiting
 * region, or an admin. Both titles are required: visits are official records.
 */
export async function createVisit(
  deps: VisitDeps,
  ctx: UseCaseContext,
  input: VisitInput,
): Promise<VisitRow> {
  const viewer = requireViewer(ctx.viewer);
  authorize(viewer, canRecordVisits(viewer));
  const data = parseInput(VisitInput, input, ctx.lang);
  const fields = await checkVisit(deps.db, data, ctx.lang);
  authorize(viewer, canManageVisit(viewer, fields));
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertVisit(tx, {
      ...fields,
      published: data.published ?? true,
      createdBy: viewer.id,
      createdAt: now,
      updatedAt: now,
    });
    const participants = await repo.appendParticipants(
      tx,
      row.id,
      (data.participants ?? []).map(participantRow),
    );
    const meetings = await repo.replaceMeetings(tx, row.id, (data.meetings ?? []).map(meetingRow));
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'visit.created',
      entity: 'visit',
      entityId: row.id,
      after: { ...row, participants, meetings },
      requestId: ctx.requestId,
    });
    return row;
  });
}

/**
 * Replaces a visit's fields (and its meetings, when `meetings` is given). Whoever edits must manage the
 * visit both before and after: a coordinator cannot move a visit out of their own region.
 */
export async function updateVisit(
  deps: VisitDeps,
  ctx: UseCaseContext,
  id: string,
  input: VisitUpdate,
): Promise<VisitRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const before = await lockVisible(tx, ctx, id);
    authorize(viewer, canManageVisit(viewer, before));
    const data = parseInput(VisitUpdate, input, ctx.lang);
    const fields = await checkVisit(tx, data, ctx.lang);
    authorize(viewer, canManageVisit(viewer, fields));
    const areas = await repo.areasOf(tx, [id]);
    const early = areas.find((a) => a.dueOn < fields.startsOn);
    if (early) {
      throw invalid('startsOn', visitsErr(ctx.lang)('dueBeforeVisit', { startsOn: fields.startsOn }));
    }
    const now = deps.now();
    const row = await repo.updateVisit(tx, id, {
      ...fields,
      published: data.published ?? before.published,
      updatedAt: now,
    });
    const meetings = data.meetings
      ? await repo.replaceMeetings(tx, id, data.meetings.map(meetingRow))
      : undefined;
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'visit.updated',
      entity: 'visit',
      entityId: id,
      before,
      after: meetings ? { ...row, meetings } : row,
      requestId: ctx.requestId,
    });
    return row;
  });
}

/** Adds participants after the existing ones; each needs a name (a 400 names `participants.N.name`). */
export async function addParticipants(
  deps: VisitDeps,
  ctx: UseCaseContext,
  id: string,
  input: ParticipantsInput,
): Promise<ParticipantRow[]> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const visit = await lockVisible(tx, ctx, id);
    authorize(viewer, canManageVisit(viewer, visit));
    const data = parseInput(ParticipantsInput, input, ctx.lang);
    const rows = await repo.appendParticipants(tx, id, data.participants.map(participantRow));
    await repo.updateVisit(tx, id, { updatedAt: deps.now() });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'visit.participants_added',
      entity: 'visit',
      entityId: id,
      after: rows,
      requestId: ctx.requestId,
    });
    return rows;
  });
}

/** One participant: `addParticipants` with one. */
export async function addParticipant(
  deps: VisitDeps,
  ctx: UseCaseContext,
  id: string,
  input: ParticipantInput,
): Promise<ParticipantRow> {
  const [row] = await addParticipants(deps, ctx, id, { participants: [input] });
  return row!;
}

/**
 * Adds an agreed area: titles in both languages, an owner (a region and its office; a 400 names `owner`
 * when missing) and a due date no earlier than the visit's first day.
 */
export async function addAgreedArea(
  deps: VisitDeps,
  ctx: UseCaseContext,
  id: string,
  input: AreaInput,
): Promise<AreaRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const visit = await lockVisible(tx, ctx, id);
    authorize(viewer, canManageVisit(viewer, visit));
    const data = parseInput(AreaInput, input, ctx.lang);
    await checkRegion(tx, 'owner.regionCode', data.owner.regionCode, ctx.lang);
    if (data.dueOn < visit.startsOn) {
      throw invalid('dueOn', visitsErr(ctx.lang)('dueBeforeVisit', { startsOn: visit.startsOn }));
    }
    const now = deps.now();
    const row = await repo.insertArea(tx, {
      visitId: id,
      titleZh: data.titleZh,
      titleEn: data.titleEn,
      ownerRegionCode: data.owner.regionCode,
      ownerOffice: data.owner.office,
      ownerOfficeEn: data.owner.officeEn ?? '',
      dueOn: data.dueOn,
      description: data.description ?? '',
      createdAt: now,
      updatedAt: now,
    });
    await repo.updateVisit(tx, id, { updatedAt: now });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'visit.area_added',
      entity: 'visit',
      entityId: id,
      after: row,
      requestId: ctx.requestId,
    });
    return row;
  });
}

async function areaOf(tx: Tx, visitId: string, areaId: string): Promise<AreaRow> {
  const area = isUuid(areaId) ? await repo.findArea(tx, visitId, areaId) : undefined;
  if (!area) throw new AppError('not_found');
  return area;
}

/**
 * Links an agreed area to a listing (by id or reference), an agreement, a project or a programme that
 * delivers it. The target must exist and be visible to whoever links it (a 400 names `target`); linking twice is a 409.
 */
export async function linkAgreedArea(
  deps: VisitDeps,
  ctx: UseCaseContext,
  visitId: string,
  areaId: string,
  input: LinkInput,
): Promise<LinkRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const visit = await lockVisible(tx, ctx, visitId);
    authorize(viewer, canManageVisit(viewer, visit));
    const area = await areaOf(tx, visitId, areaId);
    const data = parseInput(LinkInput, input, ctx.lang);
    const targetId = await resolveTarget({ db: tx, now: deps.now }, ctx, data.kind, data.target);
    const now = deps.now();
    const row = await repo.insertLink(tx, {
      areaId: area.id,
      kind: data.kind,
      targetId,
      createdBy: viewer.id,
      createdAt: now,
    });
    if (!row) throw new AppError('conflict', visitsErr(ctx.lang)('alreadyLinked'));
    await repo.touchArea(tx, area.id, now);
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'visit.area_linked',
      entity: 'visit',
      entityId: visitId,
      after: row,
      requestId: ctx.requestId,
    });
    return row;
  });
}

/** Removes one link from an agreed area (404 when the area has no such link). */
export async function unlinkAgreedArea(
  deps: VisitDeps,
  ctx: UseCaseContext,
  visitId: string,
  areaId: string,
  linkId: string,
): Promise<void> {
  const viewer = requireViewer(ctx.viewer);
  await deps.db.transaction(async (tx) => {
    const visit = await lockVisible(tx, ctx, visitId);
    authorize(viewer, canManageVisit(viewer, visit));
    const area = await areaOf(tx, visitId, areaId);
    const row = isUuid(linkId) ? await repo.deleteLink(tx, area.id, linkId) : undefined;
    if (!row) throw new AppError('not_found');
    await repo.touchArea(tx, area.id, deps.now());
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'visit.area_unlinked',
      entity: 'visit',
      entityId: visitId,
      before: row,
      requestId: ctx.requestId,
    });
  });
}

/** The id of the published article named by its id or address (`/en/news/slug`, or a full URL). */
async function publishedArticleId(db: DbOrTx, given: string, lang: Lang): Promise<string> {
  const address = /\/(en|zh)\/news\/([a-z0-9][a-z0-9-]{0,99})(?:[/?#]|$)/.exec(given);
  const found = isUuid(given)
    ? (await articleSummaries(db, [given]))[0]
    : address
      ? await articleSummaryBySlug(db, address[1] as Lang, address[2]!)
      : undefined;
  if (!found?.published) throw invalid('article', visitsErr(lang)('unknownArticle'));
  return found.id;
}

/** Links a published news article to the visit (both ways: the article page then shows its visit). */
export async function linkArticle(
  deps: VisitDeps,
  ctx: UseCaseContext,
  visitId: string,
  input: ArticleLinkInput,
): Promise<{ articleId: string }> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const visit = await lockVisible(tx, ctx, visitId);
    authorize(viewer, canManageVisit(viewer, visit));
    const data = parseInput(ArticleLinkInput, input, ctx.lang);
    const articleId = await publishedArticleId(tx, data.article, ctx.lang);
    const now = deps.now();
    if (!(await repo.insertArticleLink(tx, { visitId, articleId, linkedAt: now }))) {
      throw new AppError('conflict', visitsErr(ctx.lang)('articleAlreadyLinked'));
    }
    await repo.updateVisit(tx, visitId, { updatedAt: now });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'visit.article_linked',
      entity: 'visit',
      entityId: visitId,
      after: { articleId },
      requestId: ctx.requestId,
    });
    return { articleId };
  });
}

/** Unlinks an article from the visit (404 when it is not linked). */
export async function unlinkArticle(
  deps: VisitDeps,
  ctx: UseCaseContext,
  visitId: string,
  articleId: string,
): Promise<void> {
  const viewer = requireViewer(ctx.viewer);
  await deps.db.transaction(async (tx) => {
    const visit = await lockVisible(tx, ctx, visitId);
    authorize(viewer, canManageVisit(viewer, visit));
    if (!isUuid(articleId) || !(await repo.deleteArticleLink(tx, visitId, articleId))) {
      throw new AppError('not_found', visitsErr(ctx.lang)('notLinked'));
    }
    await repo.updateVisit(tx, visitId, { updatedAt: deps.now() });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'visit.article_unlinked',
      entity: 'visit',
      entityId: visitId,
      before: { articleId },
      requestId: ctx.requestId,
    });
  });
}
