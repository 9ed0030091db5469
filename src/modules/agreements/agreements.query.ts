/**
 * Agreement use cases that read: one agreement with its parties, confirmations, documents and sources;
 * a document's bytes; the viewer's list; a pipeline's rows; what waits for a coordinator's confirmation.
 */
import { AppError } from '../../lib/errors.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { organisationsByIds } from '../accounts/organisations.service.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { filesByIds, readStoredFile, type StoredFile } from '../files/files.service.ts';
import { interestSummaries } from '../interests/interests.read.ts';
import { listingSummaries, type ListingSummary } from '../listings/listings.service.ts';
import type { PipelineFilters, PipelineScope } from '../pipeline/scope.ts';
import type { AgreementDeps } from './agreements.service.ts';
import * as repo from './agreements.repo.ts';
import type { AgreementRow } from './agreements.repo.ts';
import {
  canAddAgreementDocuments,
  canRecordAgreement,
  canViewAgreement,
  regionsToConfirm,
} from './policy.ts';

export interface PartyItem {
  orgId: string;
  nameZh: string;
  nameEn: string;
  regionCode: string;
}

/** An agreement as lists and pipelines show it. */
export interface AgreementItem {
  id: string;
  type: AgreementRow['type'];
  title: string;
  language: 'zh' | 'en';
  valueCny: number | null;
  signedOn: string;
  parties: PartyItem[];
  confirmed: boolean;
  /** The party regions that have not confirmed it yet, sorted. */
  awaitingRegions: string[];
}

/** Items for some agreement rows, in the rows' order. */
async function itemsOf(db: AgreementDeps['db'], rows: readonly AgreementRow[]): Promise<AgreementItem[]> {
  const ids = rows.map((r) => r.id);
  const [parties, confirmations] = await Promise.all([
    repo.partiesOf(db, ids),
    repo.confirmationsOf(db, ids),
  ]);
  const orgs = new Map(
    (
      await organisationsByIds(
        db,
        parties.map((p) => p.orgId),
      )
    ).map((o) => [o.id, o]),
  );
  return rows.map((r) => {
    const own = parties
      .filter((p) => p.agreementId === r.id)
      .map((p) => {
        const o = orgs.get(p.orgId);
        return { orgId: p.orgId, nameZh: o?.nameZh ?? '', nameEn: o?.nameEn ?? '', regionCode: p.regionCode };
      })
      .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.nameEn.localeCompare(b.nameEn));
    const done = new Set(confirmations.filter((c) => c.agreementId === r.id).map((c) => c.regionCode));
    const awaitingRegions = [...new Set(own.map((p) => p.regionCode))].filter((x) => !done.has(x)).sort();
    return {
      id: r.id,
      type: r.type,
      title: r.title,
      language: r.language,
      valueCny: r.valueCny,
      signedOn: r.signedOn,
      parties: own,
      confirmed: awaitingRegions.length === 0,
      awaitingRegions,
    };
  });
}

export interface AgreementView {
  agreement: AgreementRow;
  parties: PartyItem[];
  confirmations: {
    regionCode: string;
    confirmedBy: string | null;
    confirmerName: string;
    confirmedAt: Date;
  }[];
  awaitingRegions: string[];
  status: 'awaiting_confirmation' | 'confirmed';
  documents: {
    fileId: string;
    name: string;
    bytes: number;
    mediaType: string;
    confidential: boolean;
    uploadedAt: Date;
  }[];
  sources: {
    interests: {
      id: string;
      status: string;
      fromOrgId: string;
      toOrgId: string;
      listing: Pick<ListingSummary, 'ref' | 'title' | 'language'> | null;
    }[];
    listings: Pick<ListingSummary, 'ref' | 'title' | 'language'>[];
  };
  /**
   * What the viewer may do with it: the regions they may confirm, add documents, start a project (once
   * every party region has confirmed it; `startProjectOnceConfirmed` when only that is missing).
   */
  can: {
    confirmRegions: string[];
    addDocuments: boolean;
    startProject: boolean;
    startProjectOnceConfirmed: boolean;
  };
}

/** The agreement the viewer may see, or 404. */
async function visibleAgreement(deps: AgreementDeps, ctx: UseCaseContext, id: string) {
  const a = await repo.findAgreement(deps.db, id);
  if (!a) throw new AppError('not_found');
  const [item] = await itemsOf(deps.db, [a]);
  if (!item || !canViewAgreement(ctx.viewer, item)) throw new AppError('not_found');
  return { a, item };
}

function listingRef(l: ListingSummary | undefined) {
  return l ? { ref: l.ref, title: l.title, language: l.language } : null;
}

/** One agreement with everything its page shows; 404 for those who may not see it. */
export async function getAgreement(
  deps: AgreementDeps,
  ctx: UseCaseContext,
  id: string,
): Promise<AgreementView> {
  requireViewer(ctx.viewer);
  const { a, item } = await visibleAgreement(deps, ctx, id);
  const [confirmations, docs, sources] = await Promise.all([
    repo.confirmationsOf(deps.db, [a.id]),
    repo.documentsOf(deps.db, a.id),
    repo.sourcesOf(deps.db, [a.id]),
  ]);
  const files = new Map(
    (
      await filesByIds(
        deps.db,
        docs.map((d) => d.fileId),
      )
    ).map((f) => [f.id, f]),
  );
  const interests = await interestSummaries(
    deps.db,
    sources.flatMap((s) => (s.interestId ? [s.interestId] : [])),
  );
  const listingIds = [
    ...sources.flatMap((s) => (s.listingId ? [s.listingId] : [])),
    ...interests.map((i) => i.listingId),
  ];
  const listings = new Map((await listingSummaries(deps.db, listingIds)).map((l) => [l.id, l]));
  const confirmedRegions = confirmations.map((c) => c.regionCode);
  return {
    agreement: a,
    parties: item.parties,
    confirmations: confirmations.map((c) => ({
      regionCode: c.regionCode,
      confirmedBy: c.confirmedBy,
      confirmerName: c.confirmerName,
      confirmedAt: c.confirmedAt,
    })),
    awaitingRegions: item.awaitingRegions,
    status: item.confirmed ? 'confirmed' : 'awaiting_confirmation',
    documents: docs
      .flatMap((d) => {
        const f = files.get(d.fileId);
        return f
          ? [
              {
                fileId: f.id,
                name: f.name,
                bytes: f.bytes,
                mediaType: f.mediaType,
                confidential: d.confidential,
                uploadedAt: f.createdAt,
              },
            ]
          : [];
      })
      .sort((x, y) => x.uploadedAt.getTime() - y.uploadedAt.getTime() || x.name.localeCompare(y.name)),
    sources: {
      interests: interests.map((i) => ({
        id: i.id,
        status: i.status,
        fromOrgId: i.fromOrgId,
        toOrgId: i.toOrgId,
        listing: listingRef(listings.get(i.listingId)),
      })),
      listings: sources.flatMap((s) => {
        const l = s.listingId ? listingRef(listings.get(s.listingId)) : null;
        return l ? [l] : [];
      }),
    },
    can: {
      confirmRegions: regionsToConfirm(ctx.viewer, { parties: item.parties, confirmedRegions }),
      addDocuments: canAddAgreementDocuments(ctx.viewer, item),
      startProject: canRecordAgreement(ctx.viewer, item) && item.confirmed,
      startProjectOnceConfirmed: canRecordAgreement(ctx.viewer, item) && !item.confirmed,
    },
  };
}

/**
 * A document of an agreement for download, with its bytes: for everyone who sees the agreement,
 * confidential ones included (agreements are never public here). 404 for any other file.
 */
export async function agreementDocument(
  deps: AgreementDeps,
  ctx: UseCaseContext,
  id: string,
  fileId: string,
): Promise<{ file: StoredFile; bytes: Uint8Array }> {
  requireViewer(ctx.viewer);
  const { a } = await visibleAgreement(deps, ctx, id);
  const docs = await repo.documentsOf(deps.db, a.id);
  if (!docs.some((d) => d.fileId === fileId)) throw new AppError('not_found');
  const [file] = await filesByIds(deps.db, [fileId]);
  if (!file) throw new AppError('not_found');
  return { file, bytes: await readStoredFile(deps, file) };
}

export interface AgreementPage {
  rows: AgreementItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** The viewer's scope: a member's organisation, a coordinator's region, everything for admins. */
function ownScope(ctx: UseCaseContext): repo.AgreementScope | null {
  const viewer = requireViewer(ctx.viewer);
  if (viewer.role === 'admin') return 'all';
  if (viewer.role === 'coordinator') return viewer.regionCode ? { regionCode: viewer.regionCode } : null;
  return viewer.orgId ? { orgId: viewer.orgId } : null;
}

/** A page of the agreements of the viewer's organisation or region (admins: all), latest signed first. */
export async function listAgreements(
  deps: AgreementDeps,
  ctx: UseCaseContext,
  q: { page: number; pageSize: number },
): Promise<AgreementPage> {
  const scope = ownScope(ctx);
  if (!scope) return { rows: [], total: 0, page: q.page, pageSize: q.pageSize };
  const { rows, total } = await repo.agreementsIn(deps.db, scope, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { rows: await itemsOf(deps.db, rows), total, page: q.page, pageSize: q.pageSize };
}

/** At most this many agreements in one pipeline (latest signed first). */
export const PIPELINE_LIMIT = 500;

/** The listings each agreement came from: named ones and those of its interests. */
async function sourceListingsOf(deps: AgreementDeps, ids: string[]): Promise<Map<string, ListingSummary[]>> {
  const sources = await repo.sourcesOf(deps.db, ids);
  const interests = new Map(
    (
      await interestSummaries(
        deps.db,
        sources.flatMap((s) => (s.interestId ? [s.interestId] : [])),
      )
    ).map((i) => [i.id, i.listingId]),
  );
  const listingOf = (s: repo.SourceRow) => s.listingId ?? interests.get(s.interestId ?? '') ?? null;
  const listings = new Map(
    (
      await listingSummaries(
        deps.db,
        sources.flatMap((s) => listingOf(s) ?? []),
      )
    ).map((l) => [l.id, l]),
  );
  const out = new Map<string, ListingSummary[]>();
  for (const s of sources) {
    const l = listings.get(listingOf(s) ?? '');
    if (l) out.set(s.agreementId, [...(out.get(s.agreementId) ?? []), l]);
  }
  return out;
}

/**
 * The agreements of a pipeline: a member's own organisation, a coordinator's own region (admins any
 * scope). `counterpartRegion` keeps those with another party of that region; `category` and `sector`
 * those that came from a listing of that category or sector (division or section letter). Stage and
 * overdue filters concern projects and are ignored here.
 */
export async function agreementsForPipeline(
  deps: AgreementDeps,
  ctx: UseCaseContext,
  scope: PipelineScope,
  filters: PipelineFilters,
): Promise<AgreementItem[]> {
  const viewer = requireViewer(ctx.viewer);
  authorize(
    viewer,
    viewer.role === 'admin' ||
      (viewer.role === 'member' && scope.kind === 'org' && scope.orgId === viewer.orgId) ||
      (viewer.role === 'coordinator' && scope.kind === 'region' && scope.regionCode === viewer.regionCode),
  );
  const { rows } = await repo.agreementsIn(
    deps.db,
    scope.kind === 'org' ? { orgId: scope.orgId } : { regionCode: scope.regionCode },
    { limit: PIPELINE_LIMIT, offset: 0 },
  );
  let items = await itemsOf(deps.db, rows);
  const { counterpartRegion: other, category, sector } = filters;
  if (other) {
    items = items.filter((i) => {
      const mine = i.parties.filter((p) =>
        scope.kind === 'org' ? p.orgId === scope.orgId : p.regionCode === scope.regionCode,
      );
      return i.parties.some((p) => p.regionCode === other && !mine.includes(p));
    });
  }
  if (category || sector) {
    const listings = await sourceListingsOf(
      deps,
      items.map((i) => i.id),
    );
    items = items.filter((i) =>
      (listings.get(i.id) ?? []).some(
        (l) =>
          (!category || l.category === category) &&
          (!sector ||
            (l.sector !== null &&
              (l.sector === sector || (sector.length === 1 && l.sector.startsWith(sector))))),
      ),
    );
  }
  return items;
}

/**
 * What waits for the viewer's confirmation: for a coordinator, the agreements their region has still to
 * confirm; for an admin, every agreement some region has still to confirm; nothing for members.
 */
export async function agreementsAwaitingConfirmation(
  deps: AgreementDeps,
  ctx: UseCaseContext,
): Promise<AgreementItem[]> {
  const viewer = requireViewer(ctx.viewer);
  if (viewer.role === 'member') return [];
  if (viewer.role === 'coordinator' && !viewer.regionCode) return [];
  const rows = await repo.awaitingIn(deps.db, viewer.role === 'admin' ? 'all' : [viewer.regionCode ?? '']);
  return itemsOf(deps.db, rows);
}
