/**
 * Project use cases that change things: create a project on an agreement, change its stage, add and
 * complete milestones, submit and review progress updates. Each checks who may act first, writes in one
 * transaction with an audit entry, and tells those who must act (notifications and queued mail).
 */
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { messageIn } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { actorOf, type UseCaseContext } from '../accounts/context.ts';
import { organisationsByIds } from '../accounts/organisations.service.ts';
import { peopleOf } from '../accounts/people.service.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { agreementSummary } from '../agreements/agreements.read.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { areaProblem } from '../listings/fields.ts';
import { findRegion } from '../regions/regions.service.ts';
import { chinaDate } from '../matching/core/score.ts';
import { notify } from '../notifications/notifications.service.ts';
import {
  DoneInput,
  MilestoneInput,
  parseInput,
  ProjectInput,
  ReviewInput,
  StageInput,
  UpdateInput,
} from './fields.ts';
import { projectsErr, REVIEW_OUTCOME } from './messages.ts';
import {
  canCreateProject,
  canManageProject,
  canReviewUpdate,
  canSubmitUpdate,
  canViewProject,
  type Party,
} from './policy.ts';
import * as repo from './projects.repo.ts';
import type { MilestoneRow, ProjectRow, UpdateRow } from './projects.repo.ts';
import { datesOf, planStageChange } from './stages.ts';

export * from './projects.read.ts';
export type { MilestoneRow, ProjectRow, UpdateRow };

/** What the project use cases need: the database, the clock, and the public address for mail links. */
export type ProjectDeps = Pick<Deps, 'db' | 'now' | 'config'>;
type Tx = Parameters<Parameters<Deps['db']['transaction']>[0]>[0];

/** Where a project's page is, under the language prefix (notification paths). */
export function projectPath(id: string): string {
  return `/projects/${id}`;
}

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** The project locked for a change with its parties; 404 when it does not exist or the viewer may not see it. */
async function lockVisible(tx: Tx, ctx: UseCaseContext, id: string) {
  const project = isUuid(id) ? await repo.findProject(tx, id, { lock: true }) : undefined;
  if (!project) throw new AppError('not_found');
  const parties = (await repo.partiesOf(tx, [id])).get(id) ?? [];
  if (!canViewProject(ctx.viewer, { parties, published: project.published })) throw new AppError('not_found');
  return { project, parties };
}

/** A name worded in both languages, for notification parameters. */
async function orgWorded(db: DbOrTx, orgId: string): Promise<{ en: string; zh: string }> {
  const [org] = await organisationsByIds(db, [orgId]);
  return { en: org?.nameEn ?? '', zh: org?.nameZh ?? '' };
}

/** A 409 naming `agreementId`, for an agreement that cannot carry this project (yet). */
function agreementConflict(message: string): AppError {
  return new AppError('conflict', message, [{ field: 'agreementId', message }]);
}

/** The regions still to confirm, by name in the caller's language ("Jilin and Zhejiang", "吉林省、浙江省"). */
async function regionNames(db: DbOrTx, codes: readonly string[], lang: UseCaseContext['lang']) {
  const names = await Promise.all(
    codes.map(async (code) => {
      const r = await findRegion(db, code);
      return r ? (lang === 'zh' ? r.nameZh : r.nameEn) : code;
    }),
  );
  if (lang === 'zh') return names.join('、');
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Turns a signed agreement into a project at stage `signed` (dated the agreement's signing), built in one
 * of the parties' regions, with its first stage history row and any first milestones. The agreement must
 * be confirmed by every party's region, and carry no project yet unless it is a framework agreement
 * (409 naming `agreementId`): an agreement anyone may record does not put a project on the public pages.
 */
export async function createProject(
  deps: ProjectDeps,
  ctx: UseCaseContext,
  agreementId: string,
  input: ProjectInput,
): Promise<ProjectRow> {
  const viewer = requireViewer(ctx.viewer);
  const t = projectsErr(ctx.lang);
  const agreement = isUuid(agreementId) ? await agreementSummary(deps.db, agreementId) : undefined;
  if (!agreement) throw invalid('agreementId', t('unknownAgreement'));
  authorize(viewer, canCreateProject(viewer, agreement));
  if (!agreement.confirmed) {
    const waiting = [...new Set(agreement.parties.map((p) => p.regionCode))]
      .filter((r) => !agreement.confirmedRegions.includes(r))
      .sort();
    throw agreementConflict(
      t('agreementUnconfirmed', { regions: await regionNames(deps.db, waiting, ctx.lang) }),
    );
  }
  const data = parseInput(ProjectInput, input, ctx.lang);
  if (!agreement.parties.some((p) => p.regionCode === data.regionCode)) {
    throw invalid('regionCode', t('regionNotParty'));
  }
  const area = data.areaCode || null;
  if (area) {
    const problem = areaProblem(data.regionCode, area);
    if (problem) throw invalid('areaCode', messageIn(problem, ctx.lang));
  }
  const firstMilestones = data.milestones ?? [];
  firstMilestones.forEach((m, i) => {
    if (m.dueOn < agreement.signedOn) {
      throw invalid(`milestones.${i}.dueOn`, t('dueBeforeSigned', { signed: agreement.signedOn }));
    }
  });
  const parties = [...new Map(agreement.parties.map((p) => [p.orgId, p])).values()];
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    // Two submits of one form would both see no project yet without this lock; the second waits here.
    await repo.lockAgreementForProjects(tx, agreement.id);
    if (agreement.type !== 'framework' && (await repo.projectsOnAgreement(tx, agreement.id)) > 0) {
      throw agreementConflict(t('projectExists'));
    }
    const row = await repo.insertProject(
      tx,
      {
        agreementId: agreement.id,
        title: data.title,
        summary: data.summary ?? '',
        language: data.language,
        category: data.category,
        sector: data.sector ?? null,
        regionCode: data.regionCode,
        areaCode: area,
        stage: 'signed',
        signedOn: agreement.signedOn,
        contractedInvestmentCny: data.contractedInvestmentCny ?? agreement.valueCny,
        published: data.published ?? true,
        createdBy: viewer.id,
        createdAt: now,
        updatedAt: now,
      },
      parties,
    );
    await repo.insertStageChange(tx, {
      projectId: row.id,
      fromStage: null,
      toStage: 'signed',
      on: agreement.signedOn,
      changedBy: viewer.id,
      changedByName: viewer.name,
      changedAt: now,
    });
    const ms = await repo.insertMilestones(
      tx,
      firstMilestones.map((m) => ({ projectId: row.id, title: m.title, dueOn: m.dueOn, createdAt: now })),
    );
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'project.created',
      entity: 'project',
      entityId: row.id,
      after: { ...row, parties, milestones: ms },
      requestId: ctx.requestId,
    });
    return row;
  });
}

/**
 * Moves a project to another stage on a date, recording the change (from, to, date, reason, who, when).
 * Steps back, stalls and cancellations need a reason; the date may not precede the last stage date.
 */
export async function changeStage(
  deps: ProjectDeps,
  ctx: UseCaseContext,
  id: string,
  input: StageInput,
): Promise<ProjectRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const { project, parties } = await lockVisible(tx, ctx, id);
    authorize(viewer, canManageProject(viewer, { parties }));
    const data = parseInput(StageInput, input, ctx.lang);
    const t = projectsErr(ctx.lang);
    const now = deps.now();
    const plan = planStageChange(
      project.stage,
      datesOf(project),
      data.stage,
      data.on,
      data.reason,
      chinaDate(now),
      (await repo.latestStageOn(tx, id)) ?? project.signedOn,
    );
    if (!plan.ok) {
      const p = plan.problem;
      if (p.field === 'stage') throw invalid('stage', t(p.code === 'final' ? 'stageFinal' : 'stageSame'));
      if (p.field === 'reason') throw invalid('reason', t('reasonRequired'));
      throw invalid(
        'on',
        p.code === 'inFuture' ? t('onInFuture') : t('onBeforePrevious', { previous: p.previous ?? '' }),
      );
    }
    const c = plan.change;
    const row = await repo.updateProject(tx, id, { stage: c.to, ...c.dates, updatedAt: now });
    await repo.insertStageChange(tx, {
      projectId: id,
      fromStage: c.from,
      toStage: c.to,
      on: c.on,
      reason: c.reason,
      changedBy: viewer.id,
      changedByName: viewer.name,
      changedAt: now,
    });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'project.stage_changed',
      entity: 'project',
      entityId: id,
      before: { stage: project.stage },
      after: { stage: c.to, on: c.on, reason: c.reason, skipped: c.skipped },
      requestId: ctx.requestId,
    });
    return row;
  });
}

/**
 * Shows the project on the public pages or takes it off them; those who manage the project decide.
 * Setting what it already is changes nothing and records nothing.
 */
export async function setProjectPublished(
  deps: ProjectDeps,
  ctx: UseCaseContext,
  id: string,
  published: boolean,
): Promise<ProjectRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const { project, parties } = await lockVisible(tx, ctx, id);
    authorize(viewer, canManageProject(viewer, { parties }));
    if (typeof published !== 'boolean') {
      throw invalid('published', projectsErr(ctx.lang)('publishedInvalid'));
    }
    if (project.published === published) return project;
    const row = await repo.updateProject(tx, id, { published, updatedAt: deps.now() });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: published ? 'project.published' : 'project.unpublished',
      entity: 'project',
      entityId: id,
      before: { published: project.published },
      after: { published },
      requestId: ctx.requestId,
    });
    return row;
  });
}

/** Adds a milestone due on a date no earlier than the signing. */
export async function addMilestone(
  deps: ProjectDeps,
  ctx: UseCaseContext,
  id: string,
  input: MilestoneInput,
): Promise<MilestoneRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const { project, parties } = await lockVisible(tx, ctx, id);
    authorize(viewer, canManageProject(viewer, { parties }));
    const data = parseInput(MilestoneInput, input, ctx.lang);
    if (data.dueOn < project.signedOn) {
      throw invalid('dueOn', projectsErr(ctx.lang)('dueBeforeSigned', { signed: project.signedOn }));
    }
    const now = deps.now();
    const [m] = await repo.insertMilestones(tx, [{ projectId: id, ...data, createdAt: now }]);
    await repo.updateProject(tx, id, { updatedAt: now });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'project.milestone_added',
      entity: 'project',
      entityId: id,
      after: m,
      requestId: ctx.requestId,
    });
    return m!;
  });
}

/** Marks a milestone done on a date between the signing and today. */
export async function completeMilestone(
  deps: ProjectDeps,
  ctx: UseCaseContext,
  id: string,
  milestoneId: string,
  input: DoneInput,
): Promise<MilestoneRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const { project, parties } = await lockVisible(tx, ctx, id);
    authorize(viewer, canManageProject(viewer, { parties }));
    const milestone = isUuid(milestoneId) ? await repo.findMilestone(tx, id, milestoneId) : undefined;
    if (!milestone) throw new AppError('not_found');
    const t = projectsErr(ctx.lang);
    if (milestone.doneOn !== null) throw new AppError('conflict', t('alreadyDone'));
    const { doneOn } = parseInput(DoneInput, input, ctx.lang);
    const now = deps.now();
    if (doneOn > chinaDate(now)) throw invalid('doneOn', t('doneInFuture'));
    if (doneOn < project.signedOn)
      throw invalid('doneOn', t('doneBeforeSigned', { signed: project.signedOn }));
    const row = await repo.setMilestoneDone(tx, milestone.id, doneOn);
    await repo.updateProject(tx, id, { updatedAt: now });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'project.milestone_done',
      entity: 'project',
      entityId: id,
      before: { milestoneId, doneOn: null },
      after: { milestoneId, doneOn },
      requestId: ctx.requestId,
    });
    return row;
  });
}

/**
 * A party's member reports progress for their organisation. The figures count only once a coordinator
 * approves them; figures above the contracted investment, or below the approved ones (a correction), must
 * say why in `overrunNote`. The coordinators of the organisation's region are asked to approve it.
 */
export async function submitUpdate(
  deps: ProjectDeps,
  ctx: UseCaseContext,
  id: string,
  input: UpdateInput,
): Promise<UpdateRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const { project, parties } = await lockVisible(tx, ctx, id);
    authorize(viewer, canSubmitUpdate(viewer, { parties }));
    const party = parties.find((p) => p.orgId === viewer.orgId)!;
    const data = parseInput(UpdateInput, input, ctx.lang);
    checkFigures(project, data, ctx.lang);
    const now = deps.now();
    const row = await repo.insertUpdate(tx, {
      projectId: id,
      orgId: party.orgId,
      body: data.body,
      actualInvestmentCny: data.actualInvestmentCny ?? null,
      jobsCreated: data.jobsCreated ?? null,
      overrunNote: data.overrunNote || null,
      status: 'pending',
      submittedBy: viewer.id,
      submittedByName: viewer.name,
      submittedAt: now,
    });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'project.update_submitted',
      entity: 'project',
      entityId: id,
      after: row,
      requestId: ctx.requestId,
    });
    await notify(tx, deps.config.publicUrl, await peopleOf(tx, { coordinatorsOf: [party.regionCode] }), {
      kind: 'update_to_approve',
      params: { org: await orgWorded(tx, party.orgId), project: project.title },
      path: projectPath(id),
    });
    return row;
  });
}

/**
 * "Actual investment never silently exceeds what was recorded": above the contracted amount, or below
 * the approved figures (investment or jobs), an update must carry a note saying why.
 */
function checkFigures(project: ProjectRow, data: UpdateInput, lang: UseCaseContext['lang']): void {
  if (data.overrunNote) return;
  const t = projectsErr(lang);
  const actual = data.actualInvestmentCny;
  const contracted = project.contractedInvestmentCny;
  if (actual !== undefined && contracted !== null && actual > contracted) {
    throw invalid('overrunNote', t('overrunNoteRequired', { contracted: String(contracted) }));
  }
  if (actual !== undefined && actual < project.actualInvestmentCny) {
    throw invalid(
      'overrunNote',
      t('decreaseNoteRequired', { approved: String(project.actualInvestmentCny) }),
    );
  }
  if (data.jobsCreated !== undefined && data.jobsCreated < project.jobsCreated) {
    throw invalid('overrunNote', t('decreaseNoteRequired', { approved: String(project.jobsCreated) }));
  }
}

/**
 * A coordinator of the region of the organisation the update was submitted for (or an admin) approves it,
 * which applies its figures to the project, or rejects it with a note. The reviewer and time are kept;
 * the organisation's members are told.
 */
export async function reviewUpdate(
  deps: ProjectDeps,
  ctx: UseCaseContext,
  id: string,
  updateId: string,
  input: ReviewInput,
): Promise<UpdateRow> {
  const viewer = requireViewer(ctx.viewer);
  return deps.db.transaction(async (tx) => {
    const { project, parties } = await lockVisible(tx, ctx, id);
    const update = isUuid(updateId) ? await repo.findUpdate(tx, id, updateId) : undefined;
    if (!update) throw new AppError('not_found');
    const party: Party | undefined = parties.find((p) => p.orgId === update.orgId);
    authorize(viewer, party !== undefined && canReviewUpdate(viewer, party));
    const t = projectsErr(ctx.lang);
    if (update.status !== 'pending') throw new AppError('conflict', t('nothingReported'));
    const data = parseInput(ReviewInput, input, ctx.lang);
    const note = data.note || null;
    if (!data.approve && note === null) throw invalid('note', t('rejectNoteRequired'));
    const now = deps.now();
    if (data.approve) {
      const actual = update.actualInvestmentCny;
      const jobs = update.jobsCreated;
      const decreases =
        (actual !== null && actual < project.actualInvestmentCny) ||
        (jobs !== null && jobs < project.jobsCreated);
      // Another update approved since this one was sent may have raised the figures.
      if (decreases && !update.overrunNote) throw new AppError('conflict', t('supersededUpdate'));
      await repo.updateProject(tx, id, {
        ...(actual !== null ? { actualInvestmentCny: actual } : {}),
        ...(jobs !== null ? { jobsCreated: jobs } : {}),
        updatedAt: now,
      });
    }
    const row = await repo.setUpdateReview(tx, update.id, {
      status: data.approve ? 'approved' : 'rejected',
      reviewedBy: viewer.id,
      reviewedByName: viewer.name,
      reviewedAt: now,
      reviewNote: note,
    });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: data.approve ? 'project.update_approved' : 'project.update_rejected',
      entity: 'project',
      entityId: id,
      before: {
        updateId,
        status: 'pending',
        actualInvestmentCny: project.actualInvestmentCny,
        jobsCreated: project.jobsCreated,
      },
      after: {
        updateId,
        status: row.status,
        actualInvestmentCny: row.actualInvestmentCny,
        jobsCreated: row.jobsCreated,
        note,
      },
      requestId: ctx.requestId,
    });
    await notify(
      tx,
      deps.config.publicUrl,
      await peopleOf(tx, { orgIds: [update.orgId], except: viewer.id }),
      {
        kind: 'update_reviewed',
        params: { project: project.title, outcome: REVIEW_OUTCOME[data.approve ? 'approved' : 'rejected'] },
        path: projectPath(id),
      },
    );
    return row;
  });
}
