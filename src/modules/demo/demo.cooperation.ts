/**
 * Demo cooperation, told through the real use cases as the demo people would act: interests sent and
 * answered, a conversation, agreements recorded and confirmed, and projects at different stages with
 * milestones and progress updates. Loaded once, into a platform that has no agreement yet.
 */
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { actingUser, organisationIdNamed } from '../accounts/people.service.ts';
import { hasAnyAgreement } from '../agreements/agreements.read.ts';
import { confirmAgreement, recordAgreement } from '../agreements/agreements.service.ts';
import { postMessage } from '../interests/conversations.service.ts';
import { answerInterest, sendInterest } from '../interests/interests.service.ts';
import {
  addMilestone,
  changeStage,
  completeMilestone,
  createProject,
  reviewUpdate,
  submitUpdate,
} from '../projects/projects.service.ts';
import { DEMO_COOPERATION, type DemoStory } from './demo.cooperation.data.ts';

/** Acts as a demo account, in its own language. */
async function as(deps: Deps, email: string): Promise<UseCaseContext> {
  const viewer = await actingUser(deps.db, email);
  if (!viewer) throw new Error(`demo cooperation: no account ${email}`);
  return { viewer, lang: viewer.preferredLang };
}

async function orgId(deps: Deps, nameEn: string): Promise<string> {
  const id = await organisationIdNamed(deps.db, nameEn);
  if (!id) throw new Error(`demo cooperation: no organisation named ${nameEn}`);
  return id;
}

/** One story: the interest (if any), the agreement, its confirmations, then the project's life. */
async function tell(deps: Deps, story: DemoStory): Promise<void> {
  let interestIds: string[] | undefined;
  if (story.interest) {
    const i = story.interest;
    const sent = await sendInterest(deps, await as(deps, i.by), i.input);
    interestIds = [sent.interest.id];
    if (i.answer) {
      const answered = await answerInterest(
        deps,
        await as(deps, i.answer.by),
        sent.interest.id,
        i.answer.answer,
      );
      for (const m of i.answer.messages ?? []) {
        if (!answered.conversationId) break;
        await postMessage(deps, await as(deps, m.by), answered.conversationId, { body: m.body }, []);
      }
    }
  }
  const a = story.agreement;
  if (!a) return;
  const partyOrgIds = await Promise.all(a.parties.map((name) => orgId(deps, name)));
  const agreement = await recordAgreement(deps, await as(deps, a.by), {
    ...a.input,
    partyOrgIds,
    interestIds,
  });
  for (const coordinator of a.confirmedBy) {
    await confirmAgreement(deps, await as(deps, coordinator), agreement.id);
  }
  const p = story.project;
  if (!p) return;
  const project = await createProject(deps, await as(deps, p.by), agreement.id, p.input);
  for (const m of p.milestones ?? []) {
    const row = await addMilestone(deps, await as(deps, p.by), project.id, {
      title: m.title,
      dueOn: m.dueOn,
    });
    if (m.doneOn) {
      await completeMilestone(deps, await as(deps, p.by), project.id, row.id, { doneOn: m.doneOn });
    }
  }
  for (const s of p.stages ?? []) await changeStage(deps, await as(deps, p.by), project.id, s);
  for (const u of p.updates ?? []) {
    const update = await submitUpdate(deps, await as(deps, u.by), project.id, u.input);
    if (u.approvedBy) {
      await reviewUpdate(deps, await as(deps, u.approvedBy), project.id, update.id, { approve: true });
    }
  }
}

/**
 * Loads the demo cooperation once: nothing when an agreement already exists (a real platform, or the
 * demo loaded before). Returns how many stories were told.
 */
export async function loadDemoCooperation(deps: Deps): Promise<number> {
  if (await hasAnyAgreement(deps.db)) return 0;
  for (const story of DEMO_COOPERATION) await tell(deps, story);
  return DEMO_COOPERATION.length;
}
