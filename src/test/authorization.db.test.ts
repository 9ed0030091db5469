import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { AppError } from '../lib/errors.ts';
import type { UseCaseContext } from '../modules/accounts/context.ts';
import {
  addDocuments,
  confirmAgreement,
  getAgreement,
  recordAgreement,
} from '../modules/agreements/agreements.service.ts';
import { getConversation, postMessage } from '../modules/interests/conversations.service.ts';
import { answerInterest, getInterest, sendInterest } from '../modules/interests/interests.service.ts';
import { createListing } from '../modules/listings/listings.service.ts';
import { actingAs, input } from '../modules/listings/testing.ts';
import { pipelineOf } from '../modules/pipeline/pipeline.service.ts';
import { PDF } from '../modules/agreements/testing.ts';
import {
  changeStage,
  createProject,
  getProject,
  projectDocument,
  reviewUpdate,
  setProjectPublished,
  submitUpdate,
} from '../modules/projects/projects.service.ts';
import { buildTestApp } from './app.ts';
import { openTestDatabase } from './db.ts';
import { makeOrganisation } from './factories.ts';

// The authorisation matrix of the cooperation use cases: every role (signed out; members of the two
// parties, of a third organisation and of a pending one; the coordinators of both parties' regions and of
// a third region; an administrator) tries every action on records of the Jilin organisation A and the
// Zhejiang organisation B. The expected table is written out in full below, so changing any cell, by
// intent or by accident, fails this test and shows which.

type Outcome = 'ok' | 'unauthenticated' | 'forbidden' | 'not_found' | 'validation' | 'conflict';

const ROLES = [
  'anonymous',
  'memberA',
  'memberB',
  'memberC',
  'memberPending',
  'coordJL',
  'coordZJ',
  'coordLN',
  'admin',
] as const;
type Role = (typeof ROLES)[number];

// Anonymous callers are asked to sign in; signed-in people who may not see a record get not_found (it is
// not revealed); those who see it but may not act get forbidden. B may not express interest in its own
// listing (a validation error naming listingRef). Projects are public records: an unpublished one is
// simply not found for the public, as listings under review are. A project is created on an agreement both
// regions' coordinators have confirmed; through a project, anyone who sees it downloads the agreement's
// documents not marked confidential, and nobody a confidential one.
// Columns follow ROLES:   anon    mA      mB      mC      mPend   cJL     cZJ     cLN     admin
const U = 'unauthenticated';
const F = 'forbidden';
const N = 'not_found';
const EXPECTED: Record<string, Outcome[]> = {
  'interest.send (A→B)': [U, 'ok', 'validation', 'ok', F, F, F, F, F],
  'interest.view': [U, 'ok', 'ok', N, N, 'ok', 'ok', N, 'ok'],
  'interest.answer': [U, F, 'ok', N, N, F, F, N, F],
  'conversation.view': [U, 'ok', 'ok', N, N, 'ok', 'ok', N, 'ok'],
  'conversation.post': [U, 'ok', 'ok', N, N, F, F, N, F],
  'agreement.record (A+B)': [U, 'ok', 'ok', F, F, 'ok', 'ok', F, 'ok'],
  'agreement.view': [U, 'ok', 'ok', N, N, 'ok', 'ok', N, 'ok'],
  'agreement.confirm (own region)': [U, F, F, N, N, 'ok', 'ok', N, 'ok'],
  'agreement.confirm (for Zhejiang)': [U, F, F, N, N, F, 'ok', N, 'ok'],
  'project.create': [U, 'ok', 'ok', F, F, 'ok', 'ok', F, 'ok'],
  'project.view (published)': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'project.view (unpublished)': [N, 'ok', 'ok', N, N, 'ok', 'ok', N, 'ok'],
  'project.changeStage': [U, 'ok', 'ok', N, N, 'ok', 'ok', N, 'ok'],
  'project.setPublished (unpublished → published)': [U, 'ok', 'ok', N, N, 'ok', 'ok', N, 'ok'],
  'project.setPublished (published → unpublished)': [U, 'ok', 'ok', F, F, 'ok', 'ok', F, 'ok'],
  'project.document (public, non-confidential)': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'project.document (unpublished, non-confidential)': [N, 'ok', 'ok', N, N, 'ok', 'ok', N, 'ok'],
  'project.document (public, confidential)': [N, N, N, N, N, N, N, N, N],
  'project.submitUpdate': [U, 'ok', 'ok', N, N, F, F, N, F],
  "project.approveUpdate (A's)": [U, F, F, N, N, 'ok', F, N, 'ok'],
  'pipeline.view (own scope)': [U, 'ok', 'ok', 'ok', F, 'ok', 'ok', 'ok', 'ok'],
};

let database: Database;
let deps: ReturnType<typeof buildTestApp>['deps'];
const ctx = {} as Record<Role, UseCaseContext>;
let orgA: string;
let orgB: string;
let listingB: string;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = buildTestApp(database).deps;
  orgA = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: 'Party A' });
  orgB = await makeOrganisation(database, { regionCode: 'CN-ZJ', nameEn: 'Party B' });
  const orgC = await makeOrganisation(database, { regionCode: 'CN-LN', nameEn: 'Third C' });
  const orgP = await makeOrganisation(database, { regionCode: 'CN-JL', status: 'pending' });
  ctx.anonymous = { viewer: null, lang: 'en' };
  ctx.memberA = await actingAs(database, 'member', { orgId: orgA });
  ctx.memberB = await actingAs(database, 'member', { orgId: orgB });
  ctx.memberC = await actingAs(database, 'member', { orgId: orgC });
  ctx.memberPending = await actingAs(database, 'member', { orgId: orgP, orgStatus: 'pending' });
  ctx.coordJL = await actingAs(database, 'coordinator', { regionCode: 'CN-JL' });
  ctx.coordZJ = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
  ctx.coordLN = await actingAs(database, 'coordinator', { regionCode: 'CN-LN' });
  ctx.admin = await actingAs(database, 'admin');
  const listing = await createListing(
    deps,
    ctx.coordZJ,
    input({ orgId: orgB, direction: 'seek', validUntil: '2099-12-31' }),
  );
  listingB = listing.ref;
});
afterAll(() => database?.close());

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err.code as Outcome;
    throw err;
  }
}

/** A fresh open interest from A in B's listing (any earlier open one between them withdrawn first). */
async function freshInterest(): Promise<string> {
  await database.db.execute(sql`update interests set status = 'withdrawn' where status = 'open'`);
  const sent = await sendInterest(deps, ctx.memberA, {
    listingRef: listingB,
    message: 'We would like to talk.',
    bring: 'Water',
    form: 'trade',
    timeline: 'within_3_months',
  });
  return sent.interest.id;
}

async function freshConversation(): Promise<string> {
  const answered = await answerInterest(deps, ctx.memberB, await freshInterest(), { accept: true });
  return answered.conversationId ?? '';
}

async function freshAgreement(by: UseCaseContext = ctx.memberA): Promise<string> {
  const a = await recordAgreement(deps, by, {
    type: 'trade',
    title: 'Supply agreement',
    language: 'en',
    valueCny: 1_000_000,
    signedOn: '2018-05-20',
    partyOrgIds: [orgA, orgB],
  });
  return a.id;
}

/** A PDF unlike any other (documents are stored by content hash). */
let pdfs = 0;
const pdf = (name: string) =>
  new File([PDF, new TextEncoder().encode(`% ${name} ${++pdfs}\n`)], name, { type: 'application/pdf' });

/** A fresh agreement between A and B that both regions' coordinators have confirmed (as a project needs). */
async function confirmedAgreement(): Promise<string> {
  const id = await freshAgreement();
  await confirmAgreement(deps, ctx.coordJL, id);
  await confirmAgreement(deps, ctx.coordZJ, id);
  return id;
}

/** A project on a fresh confirmed agreement with a public and a confidential document, and their ids. */
async function projectWithDocuments(published: boolean) {
  const agreementId = await freshAgreement();
  const [open] = await addDocuments(deps, ctx.memberA, agreementId, [pdf('brochure.pdf')], false);
  const [secret] = await addDocuments(deps, ctx.memberB, agreementId, [pdf('terms.pdf')], true);
  await confirmAgreement(deps, ctx.coordJL, agreementId);
  await confirmAgreement(deps, ctx.coordZJ, agreementId);
  const p = await createProject(deps, ctx.memberA, agreementId, projectFields(published));
  return { id: p.id, open: open!.id, secret: secret!.id };
}

const projectFields = (published: boolean) =>
  ({
    title: 'A warehouse',
    language: 'en',
    category: 'product',
    regionCode: 'CN-ZJ',
    contractedInvestmentCny: 1_000_000,
    published,
  }) as const;

async function freshProject(published = true): Promise<string> {
  const p = await createProject(deps, ctx.memberA, await confirmedAgreement(), projectFields(published));
  return p.id;
}

type Action = (as: UseCaseContext, role: Role) => Promise<unknown>;

const ACTIONS: Record<string, Action> = {
  'interest.send (A→B)': async (as) => {
    await database.db.execute(sql`update interests set status = 'withdrawn' where status = 'open'`);
    return sendInterest(deps, as, {
      listingRef: listingB,
      message: 'Hello',
      bring: 'Goods',
      form: 'trade',
      timeline: 'within_3_months',
    });
  },
  'interest.view': async (as) => getInterest(deps, as, await freshInterest()),
  'interest.answer': async (as) => answerInterest(deps, as, await freshInterest(), { accept: true }),
  'conversation.view': async (as) => getConversation(deps, as, await freshConversation()),
  'conversation.post': async (as) => postMessage(deps, as, await freshConversation(), { body: 'Hi' }, []),
  'agreement.record (A+B)': (as) => freshAgreement(as),
  'agreement.view': async (as) => getAgreement(deps, as, await freshAgreement()),
  'agreement.confirm (own region)': async (as, role) =>
    confirmAgreement(deps, as, await freshAgreement(), role === 'admin' ? 'CN-JL' : undefined),
  'agreement.confirm (for Zhejiang)': async (as) =>
    confirmAgreement(deps, as, await freshAgreement(), 'CN-ZJ'),
  'project.create': async (as) =>
    createProject(deps, as, await confirmedAgreement(), {
      title: 'A plant',
      language: 'en',
      category: 'product',
      regionCode: 'CN-JL',
    }),
  'project.view (published)': async (as) => getProject(deps, as, await freshProject(true)),
  'project.view (unpublished)': async (as) => getProject(deps, as, await freshProject(false)),
  'project.changeStage': async (as) =>
    changeStage(deps, as, await freshProject(false), { stage: 'landed', on: '2018-06-01' }),
  'project.setPublished (unpublished → published)': async (as) =>
    setProjectPublished(deps, as, await freshProject(false), true),
  'project.setPublished (published → unpublished)': async (as) =>
    setProjectPublished(deps, as, await freshProject(true), false),
  'project.document (public, non-confidential)': async (as) => {
    const p = await projectWithDocuments(true);
    return projectDocument(deps, as, p.id, p.open);
  },
  'project.document (unpublished, non-confidential)': async (as) => {
    const p = await projectWithDocuments(false);
    return projectDocument(deps, as, p.id, p.open);
  },
  'project.document (public, confidential)': async (as) => {
    const p = await projectWithDocuments(true);
    return projectDocument(deps, as, p.id, p.secret);
  },
  'project.submitUpdate': async (as) =>
    submitUpdate(deps, as, await freshProject(false), { body: 'Progress', jobsCreated: 3 }),
  "project.approveUpdate (A's)": async (as) => {
    const id = await freshProject(false);
    const update = await submitUpdate(deps, ctx.memberA, id, { body: 'Progress', jobsCreated: 3 });
    return reviewUpdate(deps, as, id, update.id, { approve: true });
  },
  'pipeline.view (own scope)': (as, role) =>
    pipelineOf(deps, as, role === 'admin' ? { region: 'CN-JL' } : {}),
};

describe('authorisation matrix (role × action × whose record)', () => {
  it('lists the same actions as the expected table', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const action of Object.keys(EXPECTED)) {
    it(action, async () => {
      const run = ACTIONS[action];
      if (!run) throw new Error(`no action ${action}`);
      const got: Outcome[] = [];
      for (const role of ROLES) got.push(await outcome(() => run(ctx[role], role)));
      // Compared as role → outcome pairs, so a failure names the cell that changed.
      expect(Object.fromEntries(ROLES.map((r, i) => [r, got[i]]))).toEqual(
        Object.fromEntries(ROLES.map((r, i) => [r, EXPECTED[action]?.[i]])),
      );
    });
  }
});
