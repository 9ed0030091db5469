/**
 * Agreement use cases that change things: record a signed agreement, confirm it for a region, add
 * documents. Each authorises on its first line, checks uploads before its one transaction, and writes
 * an audit entry and the notifications it causes in that transaction.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { localizeIssues, type Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { actorOf, type UseCaseContext } from '../accounts/context.ts';
import { organisationsByIds } from '../accounts/organisations.service.ts';
import { peopleOf } from '../accounts/people.service.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import type { SessionUser } from '../accounts/sessions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkUploads, storeFiles, type StoredFile } from '../files/files.service.ts';
import { interestSummaries } from '../interests/interests.read.ts';
import { visibleListingByRef } from '../listings/listings.service.ts';
import { chinaDate } from '../matching/core/score.ts';
import { notify } from '../notifications/notifications.service.ts';
import { agreementSummary, type AgreementSummary } from './agreements.read.ts';
import * as repo from './agreements.repo.ts';
import { AgreementInput, EARLIEST_SIGNED_ON } from './fields.ts';
import { agreementsErr } from './messages.ts';
import {
  canAddAgreementDocuments,
  canConfirmAgreement,
  canRecordAgreement,
  canRecordAgreements,
  canViewAgreement,
} from './policy.ts';
import {
  agreementConfirmations,
  agreementDocuments,
  agreementParties,
  agreements,
  agreementSources,
} from './schema.ts';

export type AgreementDeps = Pick<Deps, 'db' | 'now' | 'config'>;
type Party = { orgId: string; regionCode: string };

/** The page of an agreement, under the language prefix (notifications link here). */
export function agreementPath(id: string): string {
  return `/agreements/${id}`;
}

/** A real calendar date, not after today in China and not before 1990. */
function checkSignedOn(value: string, now: Date, lang: Lang): string {
  const t = agreementsErr(lang);
  if (!z.iso.date().safeParse(value).success) throw invalid('signedOn', t('signedOnInvalid'));
  if (value > chinaDate(now)) throw invalid('signedOn', t('signedOnFuture'));
  if (value < EARLIEST_SIGNED_ON) throw invalid('signedOn', t('signedOnEarly'));
  return value;
}

/** The parties: two or more distinct approved organisations, each with its region. */
async function partiesOf(deps: AgreementDeps, ids: readonly string[], lang: Lang): Promise<Party[]> {
  const t = agreementsErr(lang);
  const distinct = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (distinct.length < 2) throw invalid('partyOrgIds', t('twoParties'));
  if (!distinct.every(repo.isId)) throw invalid('partyOrgIds', t('unknownParty'));
  const orgs = await organisationsByIds(deps.db, distinct);
  if (orgs.length !== distinct.length || orgs.some((o) => o.status !== 'approved')) {
    throw invalid('partyOrgIds', t('unknownParty'));
  }
  return orgs.map((o) => ({ orgId: o.id, regionCode: o.regionCode }));
}

/** The interests named as sources: each between two of the parties, and the viewer's to name. */
async function sourceInterests(
  deps: AgreementDeps,
  viewer: SessionUser,
  ids: string[],
  parties: Party[],
  lang: Lang,
) {
  const t = agreementsErr(lang);
  if (!ids.every(repo.isId)) throw invalid('interestIds', t('unknownInterest'));
  const found = await interestSummaries(deps.db, ids);
  if (found.length !== new Set(ids).size) throw invalid('interestIds', t('unknownInterest'));
  const orgIds = new Set(parties.map((p) => p.orgId));
  const regionOf = new Map(parties.map((p) => [p.orgId, p.regionCode]));
  for (const i of found) {
    if (!orgIds.has(i.fromOrgId) || !orgIds.has(i.toOrgId))
      throw invalid('interestIds', t('interestNotParties'));
    const viewersToo =
      viewer.role === 'admin' ||
      (viewer.role === 'member' && (viewer.orgId === i.fromOrgId || viewer.orgId === i.toOrgId)) ||
      (viewer.role === 'coordinator' &&
        [regionOf.get(i.fromOrgId), regionOf.get(i.toOrgId)].includes(viewer.regionCode ?? ''));
    if (!viewersToo) throw invalid('interestIds', t('unknownInterest'));
  }
  return found.map((i) => i.id);
}

/** The listings named as sources: visible to the viewer and posted by one of the parties. */
async function sourceListings(deps: AgreementDeps, ctx: UseCaseContext, refs: string[], parties: Party[]) {
  const t = agreementsErr(ctx.lang);
  const ids: string[] = [];
  for (const ref of new Set(refs)) {
    const l = await visibleListingByRef(deps, ctx, ref);
    if (!l) throw invalid('listingRefs', t('unknownListing', { ref }));
    if (!parties.some((p) => p.orgId === l.orgId))
      throw invalid('listingRefs', t('listingNotParties', { ref }));
    ids.push(l.id);
  }
  return ids;
}

/** Asks the coordinators of the regions still to confirm, or tells the parties it is confirmed. */
async function notifyProgress(
  deps: AgreementDeps,
  tx: Tx,
  a: { id: string; title: string },
  parties: Party[],
  confirmed: readonly string[],
  actorId: string,
) {
  const left = [...new Set(parties.map((p) => p.regionCode))].filter((r) => !confirmed.includes(r));
  const event = { params: { title: a.title }, path: agreementPath(a.id) };
  if (left.length > 0) {
    const people = await peopleOf(tx, { coordinatorsOf: left, except: actorId });
    await notify(tx, deps.config.publicUrl, people, { kind: 'agreement_to_confirm', ...event });
  } else {
    const people = await peopleOf(tx, { orgIds: parties.map((p) => p.orgId), except: actorId });
    await notify(tx, deps.config.publicUrl, people, { kind: 'agreement_confirmed', ...event });
  }
}

/**
 * Records a signed agreement between two or more approved organisations, with its documents and
 * sources. A coordinator who records it confirms it for their own region at once; the other party
 * regions' coordinators are asked to confirm. Bad input is a 400 naming the field; nothing is written.
 */
export async function recordAgreement(
  deps: AgreementDeps,
  ctx: UseCaseContext,
  input: AgreementInput,
  files: readonly File[] = [],
): Promise<AgreementSummary> {
  authorize(ctx.viewer, canRecordAgreements(ctx.viewer));
  const viewer = requireViewer(ctx.viewer);
  const t = agreementsErr(ctx.lang);
  const parsed = AgreementInput.safeParse(input);
  if (!parsed.success)
    throw new AppError('validation', undefined, localizeIssues(parsed.error.issues, ctx.lang));
  const data = parsed.data;
  const parties = await partiesOf(deps, data.partyOrgIds, ctx.lang);
  if (!canRecordAgreement(viewer, { parties })) {
    throw new AppError('forbidden', viewer.role === 'member' ? t('ownOrgParty') : t('regionParty'));
  }
  const now = deps.now();
  const signedOn = checkSignedOn(data.signedOn, now, ctx.lang);
  const interestIds = await sourceInterests(deps, viewer, data.interestIds ?? [], parties, ctx.lang);
  const listingIds = await sourceListings(deps, ctx, data.listingRefs ?? [], parties);
  const checked = await checkUploads(files, 'documents', ctx.lang);
  const confidential = data.confidential ?? true;

  const id = await deps.db.transaction(async (tx) => {
    const [a] = await tx
      .insert(agreements)
      .values({
        type: data.type,
        title: data.title,
        summary: data.summary ?? '',
        language: data.language,
        valueCny: data.valueCny ?? null,
        signedOn,
        signedPlace: data.signedPlace ?? '',
        recordedBy: viewer.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!a) throw new Error('agreement insert returned nothing');
    await tx.insert(agreementParties).values(parties.map((p) => ({ agreementId: a.id, ...p })));
    const confirmed: string[] = [];
    const own = viewer.role === 'coordinator' ? viewer.regionCode : null;
    if (own && parties.some((p) => p.regionCode === own)) {
      await tx.insert(agreementConfirmations).values({
        agreementId: a.id,
        regionCode: own,
        confirmedBy: viewer.id,
        confirmerName: viewer.name,
        confirmedAt: now,
      });
      confirmed.push(own);
    }
    const sources = [
      ...interestIds.map((interestId) => ({ agreementId: a.id, interestId })),
      ...listingIds.map((listingId) => ({ agreementId: a.id, listingId })),
    ];
    if (sources.length > 0) await tx.insert(agreementSources).values(sources);
    const stored = await storeFiles(deps, tx, checked, viewer.id);
    if (stored.length > 0) {
      await tx
        .insert(agreementDocuments)
        .values(stored.map((f) => ({ agreementId: a.id, fileId: f.id, confidential })));
    }
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'agreement.recorded',
      entity: 'agreement',
      entityId: a.id,
      after: {
        ...a,
        parties,
        confirmedRegions: confirmed,
        interestIds,
        listingIds,
        fileIds: stored.map((f) => f.id),
      },
      requestId: ctx.requestId,
    });
    await notifyProgress(deps, tx, a, parties, confirmed, viewer.id);
    return a.id;
  });
  const summary = await agreementSummary(deps.db, id);
  if (!summary) throw new Error(`agreement ${id} vanished after recording`);
  return summary;
}

/** The agreement and its parties, or 404 when it does not exist or the viewer may not see it. */
async function visible(db: AgreementDeps['db'] | Tx, ctx: UseCaseContext, id: string, lock = false) {
  const a = await repo.findAgreement(db, id, { lock });
  if (!a) throw new AppError('not_found');
  const parties = (await repo.partiesOf(db, [a.id])).map((p) => ({
    orgId: p.orgId,
    regionCode: p.regionCode,
  }));
  if (!canViewAgreement(ctx.viewer, { parties })) throw new AppError('not_found');
  return { a, parties };
}

/** The region a confirmation is for: a coordinator's own (or the one named), an admin's named one. */
function confirmingRegion(
  viewer: SessionUser,
  parties: Party[],
  confirmed: string[],
  asked: string | undefined,
  lang: Lang,
) {
  const t = agreementsErr(lang);
  const regions = new Set(parties.map((p) => p.regionCode));
  if (viewer.role === 'coordinator') {
    const region = asked ?? viewer.regionCode ?? '';
    if (region !== viewer.regionCode) throw new AppError('forbidden', t('notYourRegion'));
    return region;
  }
  authorize(viewer, viewer.role === 'admin');
  const open = [...regions].filter((r) => !confirmed.includes(r));
  const region = asked ?? (open.length === 1 ? open[0] : undefined);
  if (!region) throw invalid('regionCode', t('regionRequired'));
  if (!regions.has(region)) throw invalid('regionCode', t('notPartyRegion'));
  return region;
}

/**
 * Confirms an agreement for one party region: a coordinator for their own region only (403 for any
 * other), an admin for the region named (or the only one left). 409 when that region has confirmed.
 * Once every party region has, the parties' members are told.
 */
export async function confirmAgreement(
  deps: AgreementDeps,
  ctx: UseCaseContext,
  id: string,
  regionCode?: string,
): Promise<AgreementSummary> {
  const viewer = requireViewer(ctx.viewer);
  const t = agreementsErr(ctx.lang);
  await deps.db.transaction(async (tx) => {
    const { a, parties } = await visible(tx, ctx, id, true);
    const confirmed = (await repo.confirmationsOf(tx, [a.id])).map((c) => c.regionCode);
    const region = confirmingRegion(viewer, parties, confirmed, regionCode, ctx.lang);
    if (!canConfirmAgreement(viewer, { parties }, region))
      throw new AppError('forbidden', t('notPartyRegion'));
    if (confirmed.includes(region)) throw new AppError('conflict', t('alreadyConfirmed'));
    const now = deps.now();
    const row = {
      agreementId: a.id,
      regionCode: region,
      confirmedBy: viewer.id,
      confirmerName: viewer.name,
      confirmedAt: now,
    };
    await tx.insert(agreementConfirmations).values(row);
    await tx.update(agreements).set({ updatedAt: now }).where(eq(agreements.id, a.id));
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'agreement.confirmed',
      entity: 'agreement',
      entityId: a.id,
      before: { confirmedRegions: confirmed },
      after: { confirmedRegions: [...confirmed, region] },
      requestId: ctx.requestId,
    });
    const all = [...confirmed, region];
    // Only the confirmation that completes it tells the parties; others have nothing new to ask.
    if (parties.every((p) => all.includes(p.regionCode))) {
      await notifyProgress(deps, tx, a, parties, all, viewer.id);
    }
  });
  const summary = await agreementSummary(deps.db, id);
  if (!summary) throw new AppError('not_found');
  return summary;
}

/**
 * Adds documents (PDF or images) to an agreement: the parties' members, their regions' coordinators
 * and admins. The files are checked before anything is written (400 naming `documents`).
 */
export async function addDocuments(
  deps: AgreementDeps,
  ctx: UseCaseContext,
  id: string,
  files: readonly File[],
  confidential: boolean,
): Promise<StoredFile[]> {
  const viewer = requireViewer(ctx.viewer);
  const { a, parties } = await visible(deps.db, ctx, id);
  authorize(viewer, canAddAgreementDocuments(viewer, { parties }));
  const checked = await checkUploads(files, 'documents', ctx.lang);
  if (checked.length === 0) throw invalid('documents', agreementsErr(ctx.lang)('noDocuments'));
  return deps.db.transaction(async (tx) => {
    const stored = await storeFiles(deps, tx, checked, viewer.id);
    await tx
      .insert(agreementDocuments)
      .values(stored.map((f) => ({ agreementId: a.id, fileId: f.id, confidential })));
    await tx.update(agreements).set({ updatedAt: deps.now() }).where(eq(agreements.id, a.id));
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'agreement.documents_added',
      entity: 'agreement',
      entityId: a.id,
      after: { fileIds: stored.map((f) => f.id), names: stored.map((f) => f.name), confidential },
      requestId: ctx.requestId,
    });
    return stored;
  });
}

export {
  agreementDocument,
  agreementsAwaitingConfirmation,
  agreementsForPipeline,
  getAgreement,
  listAgreements,
  type AgreementItem,
  type AgreementPage,
  type AgreementView,
} from './agreements.query.ts';
