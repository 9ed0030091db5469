import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { Deps } from '../../web/env.ts';
import { buildTestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeOrganisation } from '../../test/factories.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { confirmAgreement } from '../agreements/agreements.service.ts';
import { auditLog } from '../audit/schema.ts';
import { createProgramme } from '../programmes/programmes.service.ts';
import { programmeInput, zjToYanbian } from '../programmes/testing.ts';
import { createListing } from '../listings/listings.service.ts';
import { input as listingInput } from '../listings/testing.ts';
import { changeStage, createProject } from '../projects/projects.service.ts';
import { makeAgreement, makePair, projectInput } from '../projects/testing.ts';
import { agreedAreaLinks, agreedAreas, visitParticipants, visits } from './schema.ts';
import { actingAs, areaInput, participant, publishedArticle, visitInput } from './testing.ts';
import * as svc from './visits.service.ts';

// The visit use cases called directly: who may record what, bad input refused naming the field with
// nothing written, links to what delivers an agreed area, and each area's status.

let database: Database;
const NOW = new Date('2018-06-30T12:00:00+08:00');
let deps: Deps;
const anonymous: UseCaseContext = { viewer: null, lang: 'en' };
type Ctx = Awaited<ReturnType<typeof actingAs>>;
let zjCoord: Ctx;
let jlCoord: Ctx;
let gdCoord: Ctx;
let admin: Ctx;
let member: Ctx;
let pair: Awaited<ReturnType<typeof makePair>>;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = { ...buildTestApp(database).deps, now: () => NOW };
  pair = await makePair(database);
  zjCoord = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
  jlCoord = await actingAs(database, 'coordinator', { regionCode: 'CN-JL', lang: 'zh' });
  gdCoord = await actingAs(database, 'coordinator', { regionCode: 'CN-GD' });
  admin = await actingAs(database, 'admin');
  member = await actingAs(database, 'member', { orgId: pair.jlOrg });
});
afterAll(() => database.close());

const rejects = (p: Promise<unknown>, code: string, field?: string) =>
  expect(p).rejects.toMatchObject({
    code,
    ...(field ? { issues: expect.arrayContaining([expect.objectContaining({ field })]) as unknown } : {}),
  });
const countOf = async (table: typeof visits | typeof visitParticipants | typeof agreedAreas) =>
  (await database.db.select().from(table)).length;

describe('createVisit', () => {
  it('records a visit with participants and meetings, and an audit entry', async () => {
    const v = await svc.createVisit(deps, zjCoord, {
      ...visitInput(),
      participants: [
        participant(),
        participant({ name: '刘国中', nameEn: 'Liu Guozhong', side: 'visiting' }),
      ],
      meetings: [{ title: 'Talks', on: '2017-09-06', place: 'Hangzhou' }],
    });
    expect(v).toMatchObject({ hostRegionCode: 'CN-ZJ', visitingRegionCode: 'CN-JL', published: true });
    const view = await svc.getVisit(deps, anonymous, v.id);
    expect(view.participants.map((p) => [p.name, p.side, p.position])).toEqual([
      ['车俊', 'host', 1],
      ['刘国中', 'visiting', 2],
    ]);
    expect(view.meetings).toMatchObject([{ title: 'Talks', on: '2017-09-06' }]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, v.id));
    expect(audit.map((a) => a.action)).toEqual(['visit.created']);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = [await countOf(visits), await countOf(visitParticipants)];
    await rejects(
      svc.createVisit(deps, zjCoord, visitInput({ startsOn: '2017-09-07', endsOn: '2017-09-06' })),
      'validation',
      'endsOn',
    );
    await rejects(
      svc.createVisit(deps, zjCoord, {
        ...visitInput(),
        participants: [participant(), { ...participant(), name: '  ' }],
      }),
      'validation',
      'participants.1.name',
    );
    await rejects(svc.createVisit(deps, zjCoord, visitInput({ titleEn: '' })), 'validation', 'titleEn');
    await rejects(
      svc.createVisit(deps, zjCoord, visitInput({ visitingRegionCode: 'CN-ZJ' })),
      'validation',
      'visitingRegionCode',
    );
    await rejects(
      svc.createVisit(deps, zjCoord, visitInput({ hostAreaCode: '220100' })),
      'validation',
      'hostAreaCode',
    );
    await rejects(
      svc.createVisit(deps, zjCoord, visitInput({ hostRegionCode: 'CN-XX', visitingRegionCode: 'CN-ZJ' })),
      'validation',
      'hostRegionCode',
    );
    await rejects(
      svc.createVisit(deps, zjCoord, { ...visitInput(), meetings: [{ title: 'Later', on: '2017-09-09' }] }),
      'validation',
      'meetings.0.on',
    );
    await rejects(
      svc.createVisit(deps, zjCoord, visitInput({ startsOn: '2017-02-30' })),
      'validation',
      'startsOn',
    );
    expect([await countOf(visits), await countOf(visitParticipants)]).toEqual(before);
  });

  it('lets only the two regions’ coordinators and admins record it', async () => {
    await rejects(svc.createVisit(deps, gdCoord, visitInput()), 'forbidden');
    await rejects(svc.createVisit(deps, member, visitInput()), 'forbidden');
    await rejects(svc.createVisit(deps, anonymous, visitInput()), 'unauthenticated');
    await expect(svc.createVisit(deps, jlCoord, visitInput())).resolves.toBeDefined();
    await expect(
      svc.createVisit(deps, admin, visitInput({ hostRegionCode: 'CN-GD', hostAreaCode: undefined })),
    ).resolves.toBeDefined();
  });
});

describe('updateVisit and participants', () => {
  it('edits the fields and replaces meetings; a coordinator cannot move it out of their region', async () => {
    const v = await svc.createVisit(deps, zjCoord, { ...visitInput(), meetings: [{ title: 'A' }] });
    const edited = await svc.updateVisit(deps, jlCoord, v.id, {
      ...visitInput({ places: 'Hangzhou, Ningbo' }),
      meetings: [{ title: 'B' }, { title: 'C' }],
    });
    expect(edited.places).toBe('Hangzhou, Ningbo');
    expect((await svc.getVisit(deps, anonymous, v.id)).meetings.map((m) => m.title)).toEqual(['B', 'C']);
    await rejects(
      svc.updateVisit(deps, jlCoord, v.id, visitInput({ visitingRegionCode: 'CN-SC' })),
      'forbidden',
    );
    await rejects(svc.updateVisit(deps, gdCoord, v.id, visitInput()), 'forbidden');
    await rejects(svc.updateVisit(deps, zjCoord, 'nope', visitInput()), 'not_found');
  });

  it('adds participants in order; one without a name refuses them all', async () => {
    const v = await svc.createVisit(deps, zjCoord, { ...visitInput(), participants: [participant()] });
    await rejects(
      svc.addParticipants(deps, zjCoord, v.id, {
        participants: [participant({ name: '袁家军' }), { side: 'host' } as never],
      }),
      'validation',
      'participants.1.name',
    );
    expect((await svc.getVisit(deps, anonymous, v.id)).participants).toHaveLength(1);
    await svc.addParticipant(deps, zjCoord, v.id, participant({ name: '袁家军', nameEn: 'Yuan Jiajun' }));
    const names = (await svc.getVisit(deps, anonymous, v.id)).participants.map((p) => p.name);
    expect(names).toEqual(['车俊', '袁家军']);
  });
});

describe('agreed areas', () => {
  it('needs an owner, names `owner` when it is missing, and a due date after the visit started', async () => {
    const v = await svc.createVisit(deps, zjCoord, visitInput());
    const before = await countOf(agreedAreas);
    const { owner: _owner, ...noOwner } = areaInput();
    await rejects(svc.addAgreedArea(deps, zjCoord, v.id, noOwner as never), 'validation', 'owner');
    await rejects(
      svc.addAgreedArea(deps, zjCoord, v.id, areaInput({ owner: { regionCode: 'CN-ZJ', office: ' ' } })),
      'validation',
      'owner.office',
    );
    await rejects(
      svc.addAgreedArea(deps, zjCoord, v.id, areaInput({ owner: { regionCode: 'CN-XX', office: 'X' } })),
      'validation',
      'owner.regionCode',
    );
    await rejects(
      svc.addAgreedArea(deps, zjCoord, v.id, areaInput({ dueOn: '2017-01-01' })),
      'validation',
      'dueOn',
    );
    await rejects(svc.addAgreedArea(deps, gdCoord, v.id, areaInput()), 'forbidden');
    expect(await countOf(agreedAreas)).toBe(before);
  });

  it('links what delivers an area, and its status follows the links and the due date', async () => {
    const v = await svc.createVisit(deps, zjCoord, visitInput());
    const area = await svc.addAgreedArea(deps, zjCoord, v.id, areaInput({ dueOn: '2018-12-31' }));
    const statusOf = async (ctx: UseCaseContext = anonymous) =>
      (await svc.getVisit(deps, ctx, v.id)).areas[0]!;
    expect((await statusOf()).status.status).toBe('not_started');

    // A listing by its reference: in progress.
    const listing = await createListing(deps, jlCoord, {
      ...listingInput({ validUntil: '2018-12-31' }),
      orgId: pair.jlOrg,
    });
    await svc.linkAgreedArea(deps, zjCoord, v.id, area.id, { kind: 'listing', target: listing.ref });
    expect((await statusOf()).status.status).toBe('in_progress');

    // The agreement: the public sees that there is one and whether it is confirmed, not its title.
    const link = await svc.linkAgreedArea(deps, jlCoord, v.id, area.id, {
      kind: 'agreement',
      target: pair.agreementId,
    });
    const pub = (await statusOf()).links.find((l) => l.id === link.id)!;
    expect(pub).toMatchObject({ state: { kind: 'agreement', confirmed: false }, title: null, path: null });
    const insider = (await statusOf(jlCoord)).links.find((l) => l.id === link.id)!;
    expect(insider.title).toBe('Changbai mineral water bottling plant');
    await confirmAgreement(deps, jlCoord, pair.agreementId);
    await confirmAgreement(deps, zjCoord, pair.agreementId);
    expect((await statusOf()).links[1]!.state).toEqual({ kind: 'agreement', confirmed: true });

    // A project in production delivers it.
    const project = await createProject(deps, member, pair.agreementId, projectInput());
    await svc.linkAgreedArea(deps, zjCoord, v.id, area.id, { kind: 'project', target: project.id });
    expect((await statusOf()).status.status).toBe('in_progress');
    await changeStage(deps, member, project.id, { stage: 'in_production', on: '2018-06-01' });
    const delivered = await statusOf();
    expect(delivered.status).toMatchObject({ status: 'delivered', rule: 'delivered_by_link' });
    expect(delivered.links.map((l) => l.weight)).toEqual(['counts', 'counts', 'delivers']);

    // Linking the same record twice is a conflict; unlinking the project leaves it in progress.
    await rejects(
      svc.linkAgreedArea(deps, zjCoord, v.id, area.id, { kind: 'project', target: project.id }),
      'conflict',
    );
    const projectLink = delivered.links[2]!;
    await svc.unlinkAgreedArea(deps, zjCoord, v.id, area.id, projectLink.id);
    expect((await statusOf()).status.status).toBe('in_progress');
    await rejects(svc.unlinkAgreedArea(deps, zjCoord, v.id, area.id, projectLink.id), 'not_found');

    // A year later, not delivered: overdue.
    const later = { ...deps, now: () => new Date('2019-01-01T09:00:00+08:00') };
    expect((await svc.getVisit(later, anonymous, v.id)).areas[0]!.status.status).toBe('overdue');
  });

  it('refuses targets that do not exist or that the coordinator may not see, writing nothing', async () => {
    const v = await svc.createVisit(deps, zjCoord, visitInput());
    const area = await svc.addAgreedArea(deps, zjCoord, v.id, areaInput());
    const gdOrg = await makeOrganisation(database, { regionCode: 'CN-GD' });
    const jlOrg = await makeOrganisation(database, { regionCode: 'CN-JL' });
    const hidden = await makeAgreement(database, {
      parties: [
        { orgId: gdOrg, regionCode: 'CN-GD' },
        { orgId: jlOrg, regionCode: 'CN-JL' },
      ],
    });
    const before = (await database.db.select().from(agreedAreaLinks)).length;
    const link = (kind: 'listing' | 'agreement' | 'project' | 'programme', target: string) =>
      svc.linkAgreedArea(deps, zjCoord, v.id, area.id, { kind, target });
    await rejects(link('agreement', hidden), 'validation', 'target');
    await rejects(link('listing', 'no-such-ref'), 'validation', 'target');
    await rejects(link('project', '00000000-0000-4000-8000-000000000000'), 'validation', 'target');
    await rejects(link('programme', '00000000-0000-4000-8000-000000000000'), 'validation', 'target');
    await rejects(link('meeting' as never, 'x'), 'validation', 'kind');
    await rejects(
      svc.linkAgreedArea(deps, zjCoord, v.id, '00000000-0000-4000-8000-000000000000', {
        kind: 'agreement',
        target: pair.agreementId,
      }),
      'not_found',
    );
    expect((await database.db.select().from(agreedAreaLinks)).length).toBe(before);
  });
});

describe('programme links', () => {
  it('links a programme by id; public, it counts towards the area with its status', async () => {
    const programme = await createProgramme(deps, zjCoord, programmeInput(await zjToYanbian(database)));
    const v = await svc.createVisit(deps, zjCoord, visitInput());
    const area = await svc.addAgreedArea(deps, zjCoord, v.id, areaInput({ dueOn: '2020-12-31' }));
    await svc.linkAgreedArea(deps, zjCoord, v.id, area.id, { kind: 'programme', target: programme.id });
    const [a] = (await svc.getVisit(deps, anonymous, v.id)).areas;
    expect(a!.status.status).toBe('in_progress');
    expect(a!.links[0]).toMatchObject({
      kind: 'programme',
      title: 'Zhejiang–Yanbian partner assistance 2018–2020',
      path: `/programmes/${programme.id}`,
      weight: 'counts',
    });
    expect(a!.links[0]!.state).toMatchObject({ kind: 'programme' });
  });
});

describe('articles', () => {
  it('links a published article by id or address, both ways, once', async () => {
    const v = await svc.createVisit(deps, zjCoord, visitInput());
    const en = await publishedArticle(database, 'en');
    const zh = await publishedArticle(database, 'zh');
    await svc.linkArticle(deps, zjCoord, v.id, { article: en.id });
    await svc.linkArticle(deps, zjCoord, v.id, { article: `https://example.org/zh/news/${zh.slug}` });
    expect((await svc.getVisit(deps, anonymous, v.id)).articles.map((a) => a.id)).toEqual([en.id, zh.id]);
    expect((await svc.visitsOfArticle(database.db, en.id)).map((x) => x.id)).toEqual([v.id]);
    await rejects(svc.linkArticle(deps, zjCoord, v.id, { article: en.id }), 'conflict');
    await rejects(
      svc.linkArticle(deps, zjCoord, v.id, { article: '/en/news/nope' }),
      'validation',
      'article',
    );
    await rejects(svc.linkArticle(deps, gdCoord, v.id, { article: en.id }), 'forbidden');
    await svc.unlinkArticle(deps, zjCoord, v.id, en.id);
    expect(await svc.visitsOfArticle(database.db, en.id)).toEqual([]);
    await rejects(svc.unlinkArticle(deps, zjCoord, v.id, en.id), 'not_found');
  });

  it('does not show an unpublished visit on its articles’ pages, nor to the public', async () => {
    const v = await svc.createVisit(deps, zjCoord, visitInput({ published: false }));
    const a = await publishedArticle(database, 'en');
    await svc.linkArticle(deps, zjCoord, v.id, { article: a.id });
    expect(await svc.visitsOfArticle(database.db, a.id)).toEqual([]);
    await rejects(svc.getVisit(deps, anonymous, v.id), 'not_found');
    await rejects(svc.getVisit(deps, gdCoord, v.id), 'not_found');
    await expect(svc.getVisit(deps, jlCoord, v.id)).resolves.toBeDefined();
  });
});

describe('listVisits and agreedAreaStats', () => {
  it('filters by region, pairing and year, upcoming or past, and hides unpublished ones', async () => {
    const fresh = await openTestDatabase();
    const d = { ...buildTestApp(fresh).deps, now: () => NOW };
    const zj = await actingAs(fresh, 'coordinator', { regionCode: 'CN-ZJ' });
    const a = await svc.createVisit(d, zj, visitInput());
    const b = await svc.createVisit(
      d,
      zj,
      visitInput({
        startsOn: '2018-09-01',
        endsOn: '2018-09-03',
        visitingRegionCode: 'CN-JL',
        visitingAreaCode: '222400',
      }),
    );
    const c = await svc.createVisit(
      d,
      zj,
      visitInput({
        visitingRegionCode: 'CN-SC',
        startsOn: '2018-03-01',
        endsOn: '2018-03-02',
        published: false,
      }),
    );
    const ids = async (ctx: UseCaseContext, q: Partial<svc.VisitQuery> = {}) =>
      (await svc.listVisits(d, ctx, { page: 1, pageSize: 50, ...q })).rows.map((r) => r.id);
    expect(await ids(anonymous)).toEqual([b.id, a.id]);
    expect(await ids(zj)).toEqual([b.id, c.id, a.id]);
    expect(await ids(anonymous, { when: 'upcoming' })).toEqual([b.id]);
    expect(await ids(anonymous, { when: 'past' })).toEqual([a.id]);
    expect(await ids(anonymous, { year: 2017 })).toEqual([a.id]);
    expect(await ids(zj, { region: 'CN-SC' })).toEqual([c.id]);
    const { listPairings } = await import('../regions/regions.service.ts');
    const pairings = await listPairings(fresh.db);
    const yanbian = pairings.find((p) => p.aCode === 'CN-ZJ' && p.bCode === '222400');
    const jlzj = pairings.find(
      (p) =>
        p.kind === 'cooperation' &&
        [p.aCode, p.bCode].includes('CN-ZJ') &&
        [p.aCode, p.bCode].includes('CN-JL'),
    );
    expect(await ids(anonymous, { pairing: yanbian!.id })).toEqual([b.id]);
    expect(await ids(anonymous, { pairing: jlzj!.id })).toEqual([b.id, a.id]);

    await svc.addAgreedArea(d, zj, a.id, areaInput({ dueOn: '2018-01-01' }));
    await svc.addAgreedArea(d, zj, a.id, areaInput({ dueOn: '2019-01-01' }));
    await svc.addAgreedArea(d, zj, c.id, areaInput({ dueOn: '2019-01-01' }));
    await svc.addAgreedArea(d, zj, b.id, areaInput({ dueOn: '2019-01-01' }));
    expect(await svc.agreedAreaStats(d)).toEqual({
      visits: 2,
      areas: { not_started: 2, in_progress: 0, delivered: 0, overdue: 1, total: 3 },
    });
    expect(await svc.agreedAreaStats(d, { between: ['CN-ZJ', '222400'] })).toEqual({
      visits: 1,
      areas: { not_started: 1, in_progress: 0, delivered: 0, overdue: 0, total: 1 },
    });
    expect((await svc.agreedAreaStats(d, { between: ['CN-JL', 'CN-ZJ'] })).areas.total).toBe(3);
    expect((await svc.agreedAreaStats(d, { between: ['CN-GD', 'CN-ZJ'] })).visits).toBe(0);
    expect((await svc.agreedAreaStats(d, { from: '2018-01-01' })).areas.total).toBe(1);
    await fresh.close();
  });
});
