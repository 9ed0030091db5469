import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeOrganisation } from '../../test/factories.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { publicDocument, publicDocumentsOf } from '../agreements/agreements.public.ts';
import {
  addDocuments,
  confirmAgreement,
  getAgreement,
  recordAgreement,
} from '../agreements/agreements.service.ts';
import { PDF } from '../agreements/testing.ts';
import { auditLog } from '../audit/schema.ts';
import * as svc from './projects.service.ts';
import { projects } from './schema.ts';
import { actingAs, makeAgreement, projectInput } from './testing.ts';

// What a project needs of its agreement (confirmed by every party region, one project unless a framework
// agreement), who takes a project on and off the public pages, and which of the agreement's documents a
// project shows: never a confidential one.

let database: Database;
const NOW = new Date('2018-06-30T12:00:00+08:00');
let deps: svc.ProjectDeps;
const anonymous: UseCaseContext = { viewer: null, lang: 'en' };
type Ctx = Awaited<ReturnType<typeof actingAs>>;
let jlOrg: string;
let zjOrg: string;
let jlMember: Ctx;
let zjMember: Ctx;
let outsider: Ctx;
let jlCoord: Ctx;
let zjCoord: Ctx;
let admin: Ctx;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = { ...buildTestApp(database).deps, now: () => NOW };
  jlOrg = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: 'Antu Springs' });
  zjOrg = await makeOrganisation(database, { regionCode: 'CN-ZJ', nameEn: 'Hangzhou Grocers' });
  const other = await makeOrganisation(database, { regionCode: 'CN-JL' });
  jlMember = await actingAs(database, 'member', { orgId: jlOrg });
  zjMember = await actingAs(database, 'member', { orgId: zjOrg, lang: 'zh' });
  outsider = await actingAs(database, 'member', { orgId: other });
  jlCoord = await actingAs(database, 'coordinator', { regionCode: 'CN-JL' });
  zjCoord = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
  admin = await actingAs(database, 'admin');
});
afterAll(() => database.close());

const PARTIES = () => [
  { orgId: jlOrg, regionCode: 'CN-JL' },
  { orgId: zjOrg, regionCode: 'CN-ZJ' },
];
const agreement = (opts: Partial<Parameters<typeof makeAgreement>[1]> = {}) =>
  makeAgreement(database, { parties: PARTIES(), ...opts });
const projectCount = async (agreementId: string) =>
  (await database.db.select().from(projects).where(eq(projects.agreementId, agreementId))).length;

/** The AppError a promise rejects with (the test fails when it resolves). */
async function failure(p: Promise<unknown>) {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (err: unknown) => err as { code: string; issues: { field: string; message: string }[] },
  );
}

describe('createProject and its agreement', () => {
  it('refuses an agreement not confirmed by every party region: 409 naming agreementId and who must confirm', async () => {
    const id = await agreement();
    const none = await failure(svc.createProject(deps, jlMember, id, projectInput()));
    expect(none.code).toBe('conflict');
    expect(none.issues).toEqual([
      {
        field: 'agreementId',
        message: expect.stringContaining('coordinators of Jilin and Zhejiang must confirm') as unknown,
      },
    ]);
    await confirmAgreement(deps, jlCoord, id);
    const half = await failure(svc.createProject(deps, zjMember, id, projectInput()));
    expect(half).toMatchObject({ code: 'conflict', issues: [{ field: 'agreementId' }] });
    expect(half.issues[0]?.message).toContain('须先由浙江省的协调员确认');
    expect(half.issues[0]?.message).not.toContain('吉林');
    // Who may not create at all is told so first.
    expect(await failure(svc.createProject(deps, outsider, id, projectInput()))).toMatchObject({
      code: 'forbidden',
    });
    expect(await projectCount(id)).toBe(0);
    await confirmAgreement(deps, zjCoord, id);
    await expect(svc.createProject(deps, zjMember, id, projectInput())).resolves.toMatchObject({
      stage: 'signed',
    });
  });

  it('carries one project per agreement, several on a framework agreement (409 naming agreementId)', async () => {
    const id = await agreement({ confirmed: true });
    await svc.createProject(deps, jlMember, id, projectInput());
    const second = await failure(svc.createProject(deps, admin, id, projectInput({ title: 'Another' })));
    expect(second).toMatchObject({
      code: 'conflict',
      issues: [{ field: 'agreementId', message: expect.stringContaining('framework') as unknown }],
    });
    expect(await projectCount(id)).toBe(1);
    const framework = await agreement({ confirmed: true, type: 'framework' });
    await svc.createProject(deps, jlMember, framework, projectInput());
    await svc.createProject(deps, zjCoord, framework, projectInput({ title: 'Hangzhou outlet' }));
    expect(await projectCount(framework)).toBe(2);
  });

  // PGlite runs one transaction at a time; under `npm run test:pg` the two run at once on PostgreSQL, where
  // without the advisory lock in createProject both would be created.
  it('a double submit creates one project: the second waits for the first and is refused', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await agreement({ confirmed: true });
      const results = await Promise.allSettled([
        svc.createProject(deps, jlMember, id, projectInput()),
        svc.createProject(deps, jlMember, id, projectInput()),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused?.reason).toMatchObject({ code: 'conflict', issues: [{ field: 'agreementId' }] });
      expect(await projectCount(id)).toBe(1);
    }
  });
});

describe('setProjectPublished', () => {
  it('lets those who manage the project take it off the public pages and back, with audit entries', async () => {
    const p = await svc.createProject(deps, jlMember, await agreement({ confirmed: true }), projectInput());
    const listed = async () =>
      (await svc.listProjects(deps, anonymous, { page: 1, pageSize: 100 })).rows.map((r) => r.project.id);
    expect(await listed()).toContain(p.id);
    expect(await failure(svc.setProjectPublished(deps, outsider, p.id, false))).toMatchObject({
      code: 'forbidden',
    });
    expect(await failure(svc.setProjectPublished(deps, anonymous, p.id, false))).toMatchObject({
      code: 'unauthenticated',
    });
    await expect(svc.setProjectPublished(deps, zjMember, p.id, false)).resolves.toMatchObject({
      published: false,
    });
    expect(await listed()).not.toContain(p.id);
    expect(await failure(svc.getProject(deps, anonymous, p.id))).toMatchObject({ code: 'not_found' });
    // Unpublished, it is not found for those outside it.
    expect(await failure(svc.setProjectPublished(deps, outsider, p.id, true))).toMatchObject({
      code: 'not_found',
    });
    // Setting what it already is records nothing.
    await svc.setProjectPublished(deps, jlCoord, p.id, false);
    await svc.setProjectPublished(deps, admin, p.id, true);
    expect(await listed()).toContain(p.id);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, p.id))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['project.created', null, expect.anything()],
      ['project.unpublished', { published: true }, { published: false }],
      ['project.published', { published: false }, { published: true }],
    ]);
    expect(
      await failure(svc.setProjectPublished(deps, admin, p.id, 'yes' as unknown as boolean)),
    ).toMatchObject({ code: 'validation', issues: [{ field: 'published' }] });
  });
});

/** A small real PDF that differs from the others by a comment (files are stored by content hash). */
const pdf = (name: string) =>
  new File([PDF, new TextEncoder().encode(`% ${name}\n`)], name, { type: 'application/pdf' });

describe('documents through a project', () => {
  it('shows and serves the agreement’s non-confidential documents only, to whoever sees the project', async () => {
    const recorded = await recordAgreement(
      deps,
      jlMember,
      {
        type: 'investment',
        title: 'Confidential bottling terms',
        language: 'en',
        valueCny: 88_000_000,
        signedOn: '2018-05-20',
        partyOrgIds: [jlOrg, zjOrg],
      },
      [pdf('contract.pdf')],
    );
    const [brochure] = await addDocuments(deps, zjMember, recorded.id, [pdf('brochure.pdf')], false);
    await confirmAgreement(deps, jlCoord, recorded.id);
    await confirmAgreement(deps, zjCoord, recorded.id);
    const p = await svc.createProject(deps, jlMember, recorded.id, projectInput());

    const publicView = await svc.getProject(deps, anonymous, p.id);
    expect(publicView.documents.map((d) => d.name)).toEqual(['brochure.pdf']);
    // The agreement's own title and value are the insiders'.
    expect(publicView.agreement).toMatchObject({ id: recorded.id, confirmed: true, details: null });
    expect(JSON.stringify(publicView)).not.toContain('Confidential bottling terms');
    expect((await svc.getProject(deps, zjMember, p.id)).agreement.details).toEqual({
      title: 'Confidential bottling terms',
      language: 'en',
      valueCny: 88_000_000,
    });

    const served = await svc.projectDocument(deps, anonymous, p.id, brochure!.id);
    expect(served.file.name).toBe('brochure.pdf');
    expect(new TextDecoder().decode(served.bytes)).toContain('% brochure.pdf');
    const contract = (await publicDocumentsOf(database.db, recorded.id)).find(
      (d) => d.name === 'contract.pdf',
    );
    expect(contract).toBeUndefined();
    const [contractRow] = (await recordedFiles(recorded.id)).filter((f) => f.name === 'contract.pdf');
    for (const viewer of [anonymous, jlMember]) {
      expect(await failure(svc.projectDocument(deps, viewer, p.id, contractRow!.id))).toMatchObject({
        code: 'not_found',
      });
    }
    expect(await failure(publicDocument(deps, recorded.id, contractRow!.id))).toMatchObject({
      code: 'not_found',
    });

    // A document of another agreement is not served through this project.
    const other = await recordAgreement(
      deps,
      zjMember,
      {
        type: 'trade',
        title: 'Other',
        language: 'en',
        signedOn: '2018-05-21',
        partyOrgIds: [jlOrg, zjOrg],
        confidential: false,
      },
      [pdf('other.pdf')],
    );
    const [otherDoc] = await publicDocumentsOf(database.db, other.id);
    expect(otherDoc?.name).toBe('other.pdf');
    expect(await failure(svc.projectDocument(deps, anonymous, p.id, otherDoc!.id))).toMatchObject({
      code: 'not_found',
    });

    // Unpublished: the public no longer gets it; insiders still do.
    await svc.setProjectPublished(deps, jlMember, p.id, false);
    expect(await failure(svc.projectDocument(deps, anonymous, p.id, brochure!.id))).toMatchObject({
      code: 'not_found',
    });
    expect(await failure(svc.projectDocument(deps, outsider, p.id, brochure!.id))).toMatchObject({
      code: 'not_found',
    });
    await expect(svc.projectDocument(deps, zjCoord, p.id, brochure!.id)).resolves.toBeTruthy();
  });
});

/** Every stored file of an agreement, confidential or not (the test reads the agreement as a party). */
async function recordedFiles(agreementId: string) {
  const view = await getAgreement(deps, jlMember, agreementId);
  return view.documents.map((d) => ({ id: d.fileId, name: d.name }));
}
