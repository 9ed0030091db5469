/**
 * Conversation use cases: read one (messages oldest first), list the viewer's, post a message with
 * attachments, download an attachment. Parties' members write; both regions' coordinators and admins read.
 */
import { AppError, invalid } from '../../lib/errors.ts';
import { actorOf, type UseCaseContext } from '../accounts/context.ts';
import { peopleOf } from '../accounts/people.service.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  checkUploads,
  filesByIds,
  readStoredFile,
  storeFiles,
  type StoredFile,
} from '../files/files.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { shellMsg } from '../../web/messages.ts';
import { checked, MessageInput } from './fields.ts';
import * as repo from './interests.repo.ts';
import type { ConversationRow } from './interests.repo.ts';
import { isId, listingsById, orgBriefs, orgParam, type InterestDeps, type OrgBrief } from './lifecycle.ts';
import { canPostMessage, canViewConversation } from './policy.ts';

export interface MessageView {
  id: string;
  body: string;
  authorName: string;
  org: OrgBrief;
  createdAt: Date;
  attachments: { id: string; name: string; bytes: number; mediaType: string }[];
}

export interface ConversationSummary {
  id: string;
  interestId: string;
  listing: { ref: string; title: string; language: 'zh' | 'en' };
  fromOrg: OrgBrief;
  toOrg: OrgBrief;
  createdAt: Date;
  lastMessageAt: Date;
}

export interface ConversationView extends ConversationSummary {
  messages: MessageView[];
  /** False for coordinators and admins, who read but do not write. */
  canPost: boolean;
}

const missing = (id: string): OrgBrief => ({ id, nameZh: '', nameEn: '', regionCode: '' });

/** The conversation if the viewer may see it; 404 otherwise (its existence is not revealed). */
async function visibleConversation(deps: InterestDeps, ctx: UseCaseContext, id: string) {
  requireViewer(ctx.viewer);
  const row = isId(id) ? await repo.findConversation(deps.db, id) : undefined;
  if (!row || !canViewConversation(ctx.viewer, row)) throw new AppError('not_found');
  return row;
}

async function summariesOf(deps: InterestDeps, rows: ConversationRow[]): Promise<ConversationSummary[]> {
  const interests = await Promise.all(rows.map((r) => repo.findInterest(deps.db, r.interestId)));
  const [orgs, listings] = await Promise.all([
    orgBriefs(
      deps.db,
      rows.flatMap((r) => [r.fromOrgId, r.toOrgId]),
    ),
    listingsById(
      deps.db,
      interests.flatMap((i) => (i ? [i.listingId] : [])),
    ),
  ]);
  return rows.map((r, n) => {
    const l = listings.get(interests[n]?.listingId ?? '');
    return {
      id: r.id,
      interestId: r.interestId,
      listing: { ref: l?.ref ?? '', title: l?.title ?? '', language: l?.language ?? 'en' },
      fromOrg: orgs.get(r.fromOrgId) ?? missing(r.fromOrgId),
      toOrg: orgs.get(r.toOrgId) ?? missing(r.toOrgId),
      createdAt: r.createdAt,
      lastMessageAt: r.lastMessageAt,
    };
  });
}

/** One conversation with its messages (oldest first), for its parties' members and their coordinators. */
export async function getConversation(
  deps: InterestDeps,
  ctx: UseCaseContext,
  id: string,
): Promise<ConversationView> {
  const row = await visibleConversation(deps, ctx, id);
  const [[summary], msgs] = await Promise.all([summariesOf(deps, [row]), repo.messagesOf(deps.db, row.id)]);
  const files = new Map(
    (
      await filesByIds(
        deps.db,
        msgs.flatMap((m) => m.fileIds),
      )
    ).map((f) => [f.id, f]),
  );
  const orgs = new Map([summary!.fromOrg, summary!.toOrg].map((o) => [o.id, o]));
  return {
    ...summary!,
    messages: msgs.map((m) => ({
      id: m.id,
      body: m.body,
      authorName: m.authorName,
      org: orgs.get(m.orgId) ?? missing(m.orgId),
      createdAt: m.createdAt,
      attachments: m.fileIds.flatMap((fid) => {
        const f = files.get(fid);
        return f ? [{ id: f.id, name: f.name, bytes: f.bytes, mediaType: f.mediaType }] : [];
      }),
    })),
    canPost: canPostMessage(ctx.viewer, row),
  };
}

/** The viewer's organisation's conversations (a coordinator: their region's; an admin: all), latest first. */
export async function listConversations(
  deps: InterestDeps,
  ctx: UseCaseContext,
): Promise<ConversationSummary[]> {
  const viewer = requireViewer(ctx.viewer);
  const filter =
    viewer.role === 'member'
      ? { orgId: viewer.orgId ?? '00000000-0000-0000-0000-000000000000' }
      : viewer.role === 'coordinator'
        ? { regionCode: viewer.regionCode ?? '-' }
        : {};
  return summariesOf(deps, await repo.listConversations(deps.db, filter));
}

/**
 * A party's member writes a message with up to five attachments (PDF or images). Files are checked before
 * anything is written; the other party's members are told.
 */
export async function postMessage(
  deps: InterestDeps,
  ctx: UseCaseContext,
  conversationId: string,
  input: MessageInput,
  files: readonly File[],
): Promise<MessageView> {
  const row = await visibleConversation(deps, ctx, conversationId);
  authorize(ctx.viewer, canPostMessage(ctx.viewer, row));
  const viewer = requireViewer(ctx.viewer);
  const { body } = checked(MessageInput, input, ctx.lang);
  const uploads = await checkUploads(files, 'files', ctx.lang);
  if (body === '' && uploads.length === 0) throw invalid('body', shellMsg(ctx.lang)('required'));
  const orgId = viewer.orgId!;
  const otherOrg = orgId === row.fromOrgId ? row.toOrgId : row.fromOrgId;
  const id = await deps.db.transaction(async (tx) => {
    const now = deps.now();
    const stored = await storeFiles(deps, tx, uploads, viewer.id);
    const msg = await repo.insertMessage(
      tx,
      { conversationId: row.id, authorId: viewer.id, authorName: viewer.name, orgId, body, createdAt: now },
      stored.map((f) => f.id),
    );
    await repo.touchConversation(tx, row.id, now);
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'conversation.message_posted',
      entity: 'conversation',
      entityId: row.id,
      after: { messageId: msg.id, chars: body.length, files: stored.map((f) => f.id) },
      requestId: ctx.requestId,
    });
    const [summary] = await summariesOf({ ...deps, db: tx }, [row]);
    const sender = orgId === row.fromOrgId ? summary!.fromOrg : summary!.toOrg;
    await notify(tx, deps.config.publicUrl, await peopleOf(tx, { orgIds: [otherOrg] }), {
      kind: 'message_received',
      params: { org: orgParam(sender), listing: summary!.listing.title },
      path: `/conversations/${row.id}`,
    });
    return msg.id;
  });
  const view = await getConversation(deps, ctx, row.id);
  return view.messages.find((m) => m.id === id)!;
}

/** An attachment of the conversation, for those who see it; anything else is a 404. */
export async function conversationFile(
  deps: InterestDeps,
  ctx: UseCaseContext,
  conversationId: string,
  fileId: string,
): Promise<{ file: StoredFile; bytes: Uint8Array }> {
  const row = await visibleConversation(deps, ctx, conversationId);
  if (!isId(fileId) || !(await repo.isConversationFile(deps.db, row.id, fileId))) {
    throw new AppError('not_found');
  }
  const [file] = await filesByIds(deps.db, [fileId]);
  if (!file) throw new AppError('not_found');
  return { file, bytes: await readStoredFile(deps, file) };
}
