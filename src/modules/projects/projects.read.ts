/**
 * Reading projects: one as the viewer may see it, the public list of published ones, a pipeline's
 * projects, and the updates waiting for a coordinator's approval.
 */
import { z } from 'zod';
import { AppError, invalid } from '../../lib/errors.ts';
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { organisationsByIds } from '../accounts/organisations.service.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { publicDocument, publicDocumentsOf, type PublicDocument } from '../agreements/agreements.public.ts';
import { agreementSummary, type AgreementSummary } from '../agreements/agreements.read.ts';
import type { StoredFile } from '../files/files.service.ts';
import { chinaDate } from '../matching/core/score.ts';
import type { PipelineFilters, PipelineScope } from '../pipeline/scope.ts';
import { isListingCategory, type ListingCategory } from '../taxonomy/categories.data.ts';
import { isDivisionCode, sectionOf } from '../taxonomy/industries.data.ts';
import {
  canCreateProject,
  canManageProject,
  canReviewUpdate,
  canSeeUnapprovedUpdates,
  canSubmitUpdate,
  canViewPipeline,
  canViewProject,
  reviewsUpdates,
  type Party,
} from './policy.ts';
import * as repo from './projects.repo.ts';
import type { MilestoneRow, ProjectRow, StageChangeRow } from './projects.repo.ts';
import { PROJECT_STAGES } from './schema.ts';
import { nextStages, type Stage } from './stages.ts';

type ReadDeps = Pick<Deps, 'db' | 'now'>;

export interface NamedParty extends Party {
  nameEn: string;
  nameZh: string;
}

export interface MilestoneView extends MilestoneRow {
  /** Past due (before today, China date) and not done. */
  overdue: boolean;
}

/** An update as the viewer may see it: names and review notes for insiders only (null for the public). */
export interface UpdateView {
  id: string;
  orgId: string;
  status: 'pending' | 'approved' | 'rejected';
  body: string;
  actualInvestmentCny: number | null;
  jobsCreated: number | null;
  overrunNote: string | null;
  submittedAt: Date;
  reviewedAt: Date | null;
  submittedByName: string | null;
  reviewedByName: string | null;
  reviewNote: string | null;
  /** The viewer may approve or reject it. */
  canReview: boolean;
}

export interface StageChangeView extends Omit<StageChangeRow, 'changedBy' | 'changedByName'> {
  /** Who changed it, for insiders; null for the public. */
  changedByName: string | null;
}

export interface ProjectView {
  project: ProjectRow;
  agreement: Pick<AgreementSummary, 'id' | 'type' | 'signedOn' | 'confirmed'> & {
    /** Title and value for those who may see the agreement itself (insiders); null for the public. */
    details: Pick<AgreementSummary, 'title' | 'language' | 'valueCny'> | null;
  };
  /** The agreement's non-confidential documents (confidential ones are never listed with a project). */
  documents: PublicDocument[];
  parties: NamedParty[];
  history: StageChangeView[];
  milestones: MilestoneView[];
  updates: UpdateView[];
  /** Today's China date, against which milestones are overdue. */
  today: string;
  can: {
    /** Change the stage, add milestones, mark them done. */
    manage: boolean;
    submitUpdate: boolean;
    /** See pending and rejected updates, who submitted and reviewed them. */
    seeUnapproved: boolean;
    /** The stages the project may move to. */
    stages: Stage[];
  };
}

/** Each party with its organisation's names. */
export async function namedParties(deps: ReadDeps, parties: readonly Party[]): Promise<NamedParty[]> {
  const orgs = new Map(
    (
      await organisationsByIds(
        deps.db,
        parties.map((p) => p.orgId),
      )
    ).map((o) => [o.id, o]),
  );
  return parties.map((p) => ({
    ...p,
    nameEn: orgs.get(p.orgId)?.nameEn ?? '',
    nameZh: orgs.get(p.orgId)?.nameZh ?? '',
  }));
}

/** One project as the viewer may see it; 404 when it does not exist or is not theirs to see. */
export async function getProject(deps: ReadDeps, ctx: UseCaseContext, id: string): Promise<ProjectView> {
  const project = z.uuid().safeParse(id).success ? await repo.findProject(deps.db, id) : undefined;
  if (!project) throw new AppError('not_found');
  const parties = (await repo.partiesOf(deps.db, [id])).get(id) ?? [];
  if (!canViewProject(ctx.viewer, { parties, published: project.published })) throw new AppError('not_found');
  const insider = canSeeUnapprovedUpdates(ctx.viewer, { parties });
  const today = chinaDate(deps.now());
  const [agreement, documents, named, history, ms, updates] = await Promise.all([
    agreementSummary(deps.db, project.agreementId),
    publicDocumentsOf(deps.db, project.agreementId),
    namedParties(deps, parties),
    repo.stageHistory(deps.db, id),
    repo.milestonesOf(deps.db, id),
    repo.updatesOf(deps.db, id, { approvedOnly: !insider }),
  ]);
  if (!agreement) throw new Error(`project ${id} has no agreement`);
  const regionOf = new Map(parties.map((p) => [p.orgId, p.regionCode]));
  const manage = canManageProject(ctx.viewer, { parties });
  return {
    project,
    agreement: {
      id: agreement.id,
      type: agreement.type,
      signedOn: agreement.signedOn,
      confirmed: agreement.confirmed,
      details: insider
        ? { title: agreement.title, language: agreement.language, valueCny: agreement.valueCny }
        : null,
    },
    documents,
    parties: named,
    history: history.map(({ changedBy: _by, changedByName, ...h }) => ({
      ...h,
      changedByName: insider ? changedByName : null,
    })),
    milestones: ms.map((m) => ({ ...m, overdue: m.doneOn === null && m.dueOn < today })),
    updates: updates.map((u) => ({
      id: u.id,
      orgId: u.orgId,
      status: u.status,
      body: u.body,
      actualInvestmentCny: u.actualInvestmentCny,
      jobsCreated: u.jobsCreated,
      overrunNote: u.overrunNote,
      submittedAt: u.submittedAt,
      reviewedAt: u.reviewedAt,
      submittedByName: insider ? u.submittedByName : null,
      reviewedByName: insider ? u.reviewedByName : null,
      reviewNote: insider ? u.reviewNote : null,
      canReview:
        u.status === 'pending' && canReviewUpdate(ctx.viewer, { regionCode: regionOf.get(u.orgId) ?? '' }),
    })),
    today,
    can: {
      manage,
      submitUpdate: canSubmitUpdate(ctx.viewer, { parties }),
      seeUnapproved: insider,
      stages: manage ? nextStages(project.stage) : [],
    },
  };
}

/**
 * A non-confidential document of the project's agreement, for whoever may see the project (the public,
 * when it is published); 404 when the project is not theirs to see or the file is not such a document.
 */
export async function projectDocument(
  deps: Pick<Deps, 'db' | 'config'>,
  ctx: UseCaseContext,
  id: string,
  fileId: string,
): Promise<{ file: StoredFile; bytes: Uint8Array }> {
  const project = z.uuid().safeParse(id).success ? await repo.findProject(deps.db, id) : undefined;
  if (!project) throw new AppError('not_found');
  const parties = (await repo.partiesOf(deps.db, [id])).get(id) ?? [];
  if (!canViewProject(ctx.viewer, { parties, published: project.published })) throw new AppError('not_found');
  return publicDocument(deps, project.agreementId, fileId);
}

export interface ProjectQuery {
  stage?: Stage | undefined;
  region?: string | undefined;
  category?: ListingCategory | undefined;
  sector?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export interface ProjectListItem {
  project: ProjectRow;
  parties: NamedParty[];
}

/** The public list: published projects only (whoever asks), most recently changed first. */
export async function listProjects(
  deps: ReadDeps,
  _ctx: UseCaseContext,
  query: ProjectQuery,
): Promise<{ rows: ProjectListItem[]; total: number }> {
  const { rows, total } = await repo.findProjects(
    deps.db,
    { ...query, q: query.q?.trim() || undefined, publishedOnly: true },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { rows: await withParties(deps, rows), total };
}

async function withParties(deps: ReadDeps, rows: ProjectRow[]): Promise<ProjectListItem[]> {
  const byProject = await repo.partiesOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const named = await namedParties(deps, [...byProject.values()].flat());
  const names = new Map(named.map((p) => [p.orgId, p]));
  return rows.map((project) => ({
    project,
    parties: (byProject.get(project.id) ?? []).map(
      (p) => names.get(p.orgId) ?? { ...p, nameEn: '', nameZh: '' },
    ),
  }));
}

export interface PipelineProjectRow {
  id: string;
  title: string;
  language: 'zh' | 'en';
  stage: Stage;
  category: ListingCategory;
  sector: string | null;
  regionCode: string;
  contractedInvestmentCny: number | null;
  actualInvestmentCny: number;
  jobsCreated: number;
  overdueMilestones: number;
  pendingUpdates: number;
  parties: NamedParty[];
}

/** At most this many projects in one pipeline view. */
export const PIPELINE_LIMIT = 500;

/**
 * The projects in a pipeline: of agreements the organisation is a party to, or with a party of the region
 * (published or not). Members open their own organisation's, coordinators their own region's, admins any.
 */
export async function projectsForPipeline(
  deps: ReadDeps,
  ctx: UseCaseContext,
  scope: PipelineScope,
  filters: PipelineFilters,
): Promise<PipelineProjectRow[]> {
  const viewer = requireViewer(ctx.viewer);
  authorize(viewer, canViewPipeline(viewer, scope));
  if (filters.stage && !(PROJECT_STAGES as readonly string[]).includes(filters.stage)) {
    throw invalid('stage', `Unknown stage ${filters.stage}`);
  }
  if (filters.category && !isListingCategory(filters.category)) {
    throw invalid('category', `Unknown category ${filters.category}`);
  }
  if (filters.sector && !isDivisionCode(filters.sector) && !sectionOf(filters.sector)) {
    throw invalid('sector', `Unknown sector ${filters.sector}`);
  }
  const today = chinaDate(deps.now());
  const { rows } = await repo.findProjects(
    deps.db,
    {
      partyOrg: scope.kind === 'org' ? scope.orgId : undefined,
      partyRegion: scope.kind === 'region' ? scope.regionCode : undefined,
      counterpartRegion: filters.counterpartRegion || undefined,
      stage: (filters.stage || undefined) as Stage | undefined,
      category: (filters.category || undefined) as ListingCategory | undefined,
      sector: filters.sector ? filters.sector.toUpperCase() : undefined,
      overdueOn: filters.overdue ? today : undefined,
    },
    { offset: 0, limit: PIPELINE_LIMIT },
  );
  const ids = rows.map((r) => r.id);
  const [items, overdue, pending] = await Promise.all([
    withParties(deps, rows),
    repo.overdueCounts(deps.db, ids, today),
    repo.pendingCounts(deps.db, ids),
  ]);
  return items.map(({ project: p, parties }) => ({
    id: p.id,
    title: p.title,
    language: p.language,
    stage: p.stage,
    category: p.category,
    sector: p.sector,
    regionCode: p.regionCode,
    contractedInvestmentCny: p.contractedInvestmentCny,
    actualInvestmentCny: p.actualInvestmentCny,
    jobsCreated: p.jobsCreated,
    overdueMilestones: overdue.get(p.id) ?? 0,
    pendingUpdates: pending.get(p.id) ?? 0,
    parties,
  }));
}

export interface AwaitingUpdate {
  id: string;
  projectId: string;
  projectTitle: string;
  projectLanguage: 'zh' | 'en';
  orgId: string;
  orgNameEn: string;
  orgNameZh: string;
  regionCode: string;
  body: string;
  actualInvestmentCny: number | null;
  jobsCreated: number | null;
  overrunNote: string | null;
  submittedByName: string;
  submittedAt: Date;
}

/** Updates waiting for the viewer's approval: a coordinator's region's organisations, or every one for admins. */
export async function updatesAwaitingApproval(
  deps: ReadDeps,
  ctx: UseCaseContext,
): Promise<AwaitingUpdate[]> {
  const viewer = requireViewer(ctx.viewer);
  authorize(viewer, reviewsUpdates(viewer));
  const rows = await repo.pendingUpdates(
    deps.db,
    viewer.role === 'admin' ? null : (viewer.regionCode ?? '-'),
  );
  const orgs = new Map(
    (
      await organisationsByIds(
        deps.db,
        rows.map((r) => r.update.orgId),
      )
    ).map((o) => [o.id, o]),
  );
  return rows
    .filter((r) => canReviewUpdate(viewer, r))
    .map(({ update: u, projectTitle, projectLanguage, regionCode }) => ({
      id: u.id,
      projectId: u.projectId,
      projectTitle,
      projectLanguage,
      orgId: u.orgId,
      orgNameEn: orgs.get(u.orgId)?.nameEn ?? '',
      orgNameZh: orgs.get(u.orgId)?.nameZh ?? '',
      regionCode,
      body: u.body,
      actualInvestmentCny: u.actualInvestmentCny,
      jobsCreated: u.jobsCreated,
      overrunNote: u.overrunNote,
      submittedByName: u.submittedByName,
      submittedAt: u.submittedAt,
    }));
}

export interface AgreementForProject {
  agreement: AgreementSummary;
  parties: NamedParty[];
}

/** The agreement a new project would be built on, for the form; 404 when unknown, 403 when not the viewer's. */
export async function agreementForProject(
  deps: ReadDeps,
  ctx: UseCaseContext,
  agreementId: string,
): Promise<AgreementForProject> {
  const viewer = requireViewer(ctx.viewer);
  const agreement = z.uuid().safeParse(agreementId).success
    ? await agreementSummary(deps.db, agreementId)
    : undefined;
  if (!agreement) throw new AppError('not_found');
  authorize(viewer, canCreateProject(viewer, agreement));
  return { agreement, parties: await namedParties(deps, agreement.parties) };
}
