/**
 * Expression-of-interest use cases: send, answer (accepting opens a conversation), withdraw, read and list.
 * Each authorises first and writes in one transaction with an audit entry and its notifications.
 */
import { AppError, invalid } from '../../lib/errors.ts';
import { dateShanghai } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { actorOf, type UseCaseContext } from '../accounts/context.ts';
import { peopleOf } from '../accounts/people.service.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { enqueueJob } from '../jobs/jobs.service.ts';
import { getListing, visibleListingByRef } from '../listings/listings.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { AnswerInput, checked, InterestInput, type AnswerInput as Answer } from './fields.ts';
import * as repo from './interests.repo.ts';
import type { InterestRow, InterestStatus } from './interests.repo.ts';
import {
  DAY_MS,
  expireInterest,
  isId,
  isPastExpiry,
  listingsById,
  orgBriefs,
  orgParam,
  partiesOf,
  shownStatus,
  type InterestDeps,
  type OrgBrief,
} from './lifecycle.ts';
import { bothLangs, interestsErr, REASON_LABELS } from './messages.ts';
import { canAnswerInterest, canExpressInterest, canViewInterest, canWithdrawInterest } from './policy.ts';

export type { InterestDeps, InterestRow, InterestStatus, OrgBrief };
export { isId };
export type { AnswerInput, DeclineReason, InterestInput, MessageInput, Timeline } from './fields.ts';
export const REMINDER_DAYS = [3, 10] as const;

/** An interest as its viewers see it: the listing, both organisations, its conversation and what they may do. */
export interface InterestView {
  interest: InterestRow;
  /** `expired` for an open interest past its expiry, even before the sweep marks it. */
  status: InterestStatus;
  listing: { ref: string; title: string; language: 'zh' | 'en' };
  fromOrg: OrgBrief;
  toOrg: OrgBrief;
  conversationId: string | null;
  canAnswer: boolean;
  canWithdraw: boolean;
}

function pairConflict(ctx: UseCaseContext): AppError {
  const message = interestsErr(ctx.lang)('pairOpen');
  return new AppError('conflict', message, [{ field: 'listingRef', message }]);
}

/**
 * A member sends an expression of interest in another organisation's published, unexpired listing, with
 * reminders (day 3 and 10) and the expiry queued. A second open interest between the same two
 * organisations is a 409 naming `listingRef`.
 */
export async function sendInterest(
  deps: InterestDeps,
  ctx: UseCaseContext,
  input: InterestInput,
): Promise<InterestView> {
  authorize(ctx.viewer, canExpressInterest(ctx.viewer));
  const viewer = requireViewer(ctx.viewer);
  const data = checked(InterestInput, input, ctx.lang);
  const t = interestsErr(ctx.lang);
  const view = await getListing(deps, ctx, data.listingRef).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') throw invalid('listingRef', t('unknownListing'));
    throw err;
  });
  const listing = view.listing;
  if (listing.status !== 'published' || view.expired) throw invalid('listingRef', t('listingNotOpen'));
  if (listing.orgId === viewer.orgId) throw invalid('listingRef', t('ownListing'));
  let viaListingId: string | null = null;
  if (data.viaListingRef) {
    const via = await visibleListingByRef(deps, ctx, data.viaListingRef);
    if (!via || via.orgId !== viewer.orgId) throw invalid('viaListingRef', t('viaNotYours'));
    viaListingId = via.id;
  }
  const fromOrgId = viewer.orgId!;
  const orgs = await orgBriefs(deps.db, [fromOrgId]);
  const from = orgs.get(fromOrgId);
  if (!from) throw new AppError('forbidden');
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.config.interestExpiryDays * DAY_MS);
  const id = await deps.db
    .transaction(async (tx) => {
      const open = await repo.openInterestBetween(tx, fromOrgId, listing.orgId);
      if (open && !isPastExpiry(open, now)) throw pairConflict(ctx);
      if (open) await expireInterest(tx, deps.config.publicUrl, open, actorOf(ctx), ctx.requestId);
      const row = await repo.insertInterest(tx, {
        listingId: listing.id,
        viaListingId,
        fromOrgId,
        toOrgId: listing.orgId,
        fromRegionCode: from.regionCode,
        toRegionCode: view.org.regionCode,
        message: data.message,
        bring: data.bring,
        form: data.form,
        timeline: data.timeline,
        sentBy: viewer.id,
        sentAt: now,
        expiresAt,
      });
      for (const day of REMINDER_DAYS) {
        const runAt = new Date(now.getTime() + day * DAY_MS);
        if (runAt >= expiresAt) continue;
        await enqueueJob(tx, {
          name: 'interests.remind',
          payload: { id: row.id, day },
          runAt,
          key: `interests.remind:${row.id}:${day}`,
        });
      }
      await enqueueJob(tx, {
        name: 'interests.expire',
        payload: { id: row.id },
        runAt: expiresAt,
        key: `interests.expire:${row.id}`,
      });
      await recordAudit(tx, {
        actor: actorOf(ctx),
        action: 'interest.sent',
        entity: 'interest',
        entityId: row.id,
        after: row,
        requestId: ctx.requestId,
      });
      await notify(
        tx,
        deps.config.publicUrl,
        await peopleOf(tx, { orgIds: [listing.orgId], except: viewer.id }),
        {
          kind: 'interest_received',
          params: { org: orgParam(from), listing: listing.title },
          path: `/interests/${row.id}`,
        },
      );
      return row.id;
    })
    .catch((err: unknown) => {
      // Two senders at once: the database's partial unique index decides, and the loser hears why.
      if (isUniqueViolation(err)) throw pairConflict(ctx);
      throw err;
    });
  return getInterest(deps, ctx, id);
}

/** The interest locked for a change by a viewer who may see it (else 404). */
async function lockVisible(tx: Parameters<typeof repo.findInterest>[0], ctx: UseCaseContext, id: string) {
  const row = isId(id) ? await repo.findInterest(tx, id, { lock: true }) : undefined;
  if (!row || !canViewInterest(ctx.viewer, row)) throw new AppError('not_found');
  return row;
}

/**
 * Checks that the interest is still open. One past its expiry is marked expired (committed, with the
 * sender told) and the caller gets a 409 saying so: an expired interest cannot be accepted.
 */
async function requireOpen<T>(
  deps: InterestDeps,
  ctx: UseCaseContext,
  id: string,
  authorizeOn: (row: InterestRow) => boolean,
  change: (tx: Parameters<Parameters<Deps['db']['transaction']>[0]>[0], row: InterestRow) => Promise<T>,
): Promise<T> {
  const t = interestsErr(ctx.lang);
  const outcome = await deps.db.transaction(async (tx) => {
    const row = await lockVisible(tx, ctx, id);
    authorize(ctx.viewer, authorizeOn(row));
    const now = deps.now();
    if (isPastExpiry(row, now)) {
      await expireInterest(tx, deps.config.publicUrl, row, actorOf(ctx), ctx.requestId);
      return { expiredAt: row.expiresAt, value: undefined };
    }
    if (row.status !== 'open') throw new AppError('conflict', t('notOpen'));
    return { expiredAt: null, value: await change(tx, row) };
  });
  if (outcome.expiredAt) {
    throw new AppError('conflict', t('expired', { date: dateShanghai(outcome.expiredAt) }));
  }
  return outcome.value;
}

/**
 * A member of the receiving organisation accepts (opening the conversation, in the same transaction) or
 * declines with a reason (`other` needs a note). The sender's members are told.
 */
export async function answerInterest(
  deps: InterestDeps,
  ctx: UseCaseContext,
  id: string,
  answer: Answer,
): Promise<InterestView> {
  const viewer = requireViewer(ctx.viewer);
  await requireOpen(
    deps,
    ctx,
    id,
    (row) => canAnswerInterest(viewer, row),
    async (tx, row) => {
      const a = checked(AnswerInput, answer, ctx.lang);
      const now = deps.now();
      const p = await partiesOf(tx, row);
      const after = await repo.updateInterest(tx, row.id, {
        status: a.accept ? 'accepted' : 'declined',
        declineReason: a.accept ? null : (a.reason ?? null),
        declineNote: a.accept ? null : a.note || null,
        answeredBy: viewer.id,
        answeredAt: now,
      });
      const conversation = a.accept
        ? await repo.insertConversation(tx, {
            interestId: row.id,
            fromOrgId: row.fromOrgId,
            toOrgId: row.toOrgId,
            fromRegionCode: row.fromRegionCode,
            toRegionCode: row.toRegionCode,
            createdAt: now,
            lastMessageAt: now,
          })
        : undefined;
      await recordAudit(tx, {
        actor: actorOf(ctx),
        action: a.accept ? 'interest.accepted' : 'interest.declined',
        entity: 'interest',
        entityId: row.id,
        before: { status: row.status },
        after: {
          status: after.status,
          declineReason: after.declineReason,
          declineNote: after.declineNote,
          conversationId: conversation?.id ?? null,
        },
        requestId: ctx.requestId,
      });
      const senders = await peopleOf(tx, { orgIds: [row.fromOrgId], except: viewer.id });
      await notify(
        tx,
        deps.config.publicUrl,
        senders,
        conversation
          ? {
              kind: 'interest_accepted',
              params: { org: orgParam(p.to), listing: p.listingTitle },
              path: `/conversations/${conversation.id}`,
            }
          : {
              kind: 'interest_declined',
              params: {
                org: orgParam(p.to),
                listing: p.listingTitle,
                reason: bothLangs(REASON_LABELS, after.declineReason ?? 'other'),
              },
              path: `/interests/${row.id}`,
            },
      );
    },
  );
  return getInterest(deps, ctx, id);
}

/** The sender's members withdraw their organisation's open interest. */
export async function withdrawInterest(
  deps: InterestDeps,
  ctx: UseCaseContext,
  id: string,
): Promise<InterestView> {
  const viewer = requireViewer(ctx.viewer);
  await requireOpen(
    deps,
    ctx,
    id,
    (row) => canWithdrawInterest(viewer, row),
    async (tx, row) => {
      await repo.updateInterest(tx, row.id, { status: 'withdrawn', answeredAt: deps.now() });
      await recordAudit(tx, {
        actor: actorOf(ctx),
        action: 'interest.withdrawn',
        entity: 'interest',
        entityId: row.id,
        before: { status: row.status },
        after: { status: 'withdrawn' },
        requestId: ctx.requestId,
      });
    },
  );
  return getInterest(deps, ctx, id);
}

/** Views of interest rows: their listings, organisations and conversations, read in three queries. */
async function viewsOf(
  deps: InterestDeps,
  ctx: UseCaseContext,
  rows: InterestRow[],
): Promise<InterestView[]> {
  const [orgs, listings, convs] = await Promise.all([
    orgBriefs(
      deps.db,
      rows.flatMap((r) => [r.fromOrgId, r.toOrgId]),
    ),
    listingsById(
      deps.db,
      rows.map((r) => r.listingId),
    ),
    repo.conversationsOfInterests(
      deps.db,
      rows.map((r) => r.id),
    ),
  ]);
  const now = deps.now();
  const missing = (id: string): OrgBrief => ({ id, nameZh: '', nameEn: '', regionCode: '' });
  return rows.map((r) => {
    const l = listings.get(r.listingId);
    const status = shownStatus(r, now);
    return {
      interest: r,
      status,
      listing: { ref: l?.ref ?? '', title: l?.title ?? '', language: l?.language ?? 'en' },
      fromOrg: orgs.get(r.fromOrgId) ?? missing(r.fromOrgId),
      toOrg: orgs.get(r.toOrgId) ?? missing(r.toOrgId),
      conversationId: convs.find((c) => c.interestId === r.id)?.id ?? null,
      canAnswer: status === 'open' && canAnswerInterest(ctx.viewer, r),
      canWithdraw: status === 'open' && canWithdrawInterest(ctx.viewer, r),
    };
  });
}

/** One interest as the viewer may see it: both organisations' members, their coordinators, admins (else 404). */
export async function getInterest(
  deps: InterestDeps,
  ctx: UseCaseContext,
  id: string,
): Promise<InterestView> {
  requireViewer(ctx.viewer);
  const row = isId(id) ? await repo.findInterest(deps.db, id) : undefined;
  if (!row || !canViewInterest(ctx.viewer, row)) throw new AppError('not_found');
  const [view] = await viewsOf(deps, ctx, [row]);
  return view!;
}

export interface InterestQuery {
  box: 'sent' | 'received';
  status?: InterestStatus | undefined;
  page: number;
  pageSize: number;
}

/**
 * The interests the viewer's organisation sent or received (a coordinator: those of their region's
 * organisations; an admin: all), newest first.
 */
export async function listInterests(
  deps: InterestDeps,
  ctx: UseCaseContext,
  q: InterestQuery,
): Promise<{ rows: InterestView[]; total: number; page: number; pageSize: number }> {
  const viewer = requireViewer(ctx.viewer);
  const scope =
    viewer.role === 'member'
      ? { orgId: viewer.orgId ?? '00000000-0000-0000-0000-000000000000' }
      : viewer.role === 'coordinator'
        ? { regionCode: viewer.regionCode ?? '-' }
        : {};
  const { rows, total } = await repo.listInterests(
    deps.db,
    { ...scope, box: q.box, status: q.status, now: deps.now() },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return { rows: await viewsOf(deps, ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

export { interestsForPipeline, type PipelineInterest } from './interests.pipeline.ts';
export {
  conversationFile,
  getConversation,
  listConversations,
  postMessage,
  type ConversationSummary,
  type ConversationView,
  type MessageView,
} from './conversations.service.ts';
