import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { chinaDate } from '../matching/core/score.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { expectValidHtml } from '../../test/browser.ts';
import { addDocuments } from '../agreements/agreements.service.ts';
import { PDF } from '../agreements/testing.ts';
import { actingAs, makeAgreement, makePair } from './testing.ts';

// The project pages through the real app, with plain form posts (no scripts), in both languages.

let database: Database;
let t: TestApp;
let member: TestClient;
let zjMember: TestClient;
let jilin: TestClient;
let zhejiang: TestClient;
let anon: TestClient;
let pair: Awaited<ReturnType<typeof makePair>>;
let projectPath = '';
const today = chinaDate(new Date());

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  pair = await makePair(database, { signedOn: '2024-01-10', confirmed: true });
  member = new TestClient(t.app);
  zjMember = new TestClient(t.app);
  jilin = new TestClient(t.app);
  zhejiang = new TestClient(t.app);
  anon = new TestClient(t.app);
  await signInAs(member, database, { role: 'member', orgId: pair.jlOrg, lang: 'zh' });
  await signInAs(zjMember, database, { role: 'member', orgId: pair.zjOrg });
  await signInAs(jilin, database, { role: 'coordinator', regionCode: 'CN-JL' });
  await signInAs(zhejiang, database, { role: 'coordinator', regionCode: 'CN-ZJ' });
});
afterAll(() => database.close());

const h1s = (html: string) => html.match(/<h1[\s>]/g)?.length ?? 0;

describe('project pages', () => {
  it('creates a project from an agreement with the form (zh)', async () => {
    const form = await member.get(`/zh/projects/new?agreement=${pair.agreementId}`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('新建合作项目');
    expect(h1s(html)).toBe(1);

    const bad = await member.postForm(`/zh/projects/new?agreement=${pair.agreementId}`, {
      title: '人参加工厂',
      language: 'zh',
      category: 'capital',
      regionCode: 'CN-JL',
      contractedInvestmentCny: '-5',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('金额不能为负数');

    const res = await member.postForm(`/zh/projects/new?agreement=${pair.agreementId}`, {
      title: '人参加工厂',
      summary: '在通化建设人参深加工生产线。',
      language: 'zh',
      category: 'capital',
      sector: 'C27',
      regionCode: 'CN-JL',
      areaCode: '220500',
      contractedInvestmentCny: '20,000,000',
      published: 'yes',
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/zh\/projects\/[0-9a-f-]{36}\?done=created$/);
    projectPath = location.slice(3).split('?')[0]!;
    const page = await (await member.get(location)).text();
    expect(page).toContain('项目已创建。');
    expect(page).toMatch(/<li class="reached" aria-current="step"><strong>已签约<\/strong>/);
    expect(page).toContain('2,000万元');
  });

  it('changes the stage with the form; a step back without a reason is refused beside the field', async () => {
    const landed = await member.postForm(`/zh${projectPath}/stage`, { stage: 'landed', on: '2024-02-01' });
    expect(landed.status).toBe(303);
    const back = await member.postForm(`/zh${projectPath}/stage`, { stage: 'signed', on: today });
    expect(back.status).toBe(400);
    const html = await back.text();
    expect(html).toMatch(/id="f-reason-error"[^>]*>请说明原因/);
    const outsider = new TestClient(t.app);
    await signInAs(outsider, database, { role: 'coordinator', regionCode: 'CN-GD' });
    expect((await outsider.postForm(`/en${projectPath}/stage`, { stage: 'started', on: today })).status).toBe(
      403,
    );
  });

  it('adds a milestone and marks it done', async () => {
    const early = await member.postForm(`/zh${projectPath}/milestones`, {
      title: '厂房封顶',
      dueOn: '2023-12-01',
    });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain('计划完成日期不能早于协议签署日期');
    expect(
      (await member.postForm(`/zh${projectPath}/milestones`, { title: '厂房封顶', dueOn: '2024-03-01' }))
        .status,
    ).toBe(303);
    const page = await (await anon.get(`/en${projectPath}`)).text();
    expect(page).toContain('<strong class="tag overdue">Overdue</strong>');
    const id = /milestones\/([0-9a-f-]{36})\/done/.exec(
      await (await member.get(`/zh${projectPath}`)).text(),
    )?.[1];
    expect(id).toBeTruthy();
    const future = await member.postForm(`/zh${projectPath}/milestones/${id}/done`, { doneOn: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain(`id="f-doneOn-${id}-error"`);
    expect(
      (await member.postForm(`/zh${projectPath}/milestones/${id}/done`, { doneOn: '2024-02-25' })).status,
    ).toBe(303);
    expect(await (await anon.get(`/en${projectPath}`)).text()).toContain('done 2024-02-25');
  });

  it('submits an update, which only the Zhejiang coordinator may approve, and then counts', async () => {
    const over = await zjMember.postForm(`/en${projectPath}/updates`, {
      body: 'Big spend',
      actualInvestmentCny: '30000000',
    });
    expect(over.status).toBe(400);
    expect(await over.text()).toMatch(/id="f-overrunNote-error"/);
    const sent = await zjMember.postForm(`/en${projectPath}/updates`, {
      body: 'Hangzhou stores listed the products.',
      actualInvestmentCny: '3000000',
      jobsCreated: '8',
    });
    expect(sent.status).toBe(303);
    expect(await (await anon.get(`/en${projectPath}`)).text()).not.toContain('Hangzhou stores listed');

    const coordPage = await (await zhejiang.get(`/zh${projectPath}`)).text();
    expect(coordPage).toContain('待审核');
    const updateId = /updates\/([0-9a-f-]{36})\/review/.exec(coordPage)?.[1];
    expect(updateId).toBeTruthy();
    expect(await (await jilin.get(`/en${projectPath}`)).text()).not.toContain(`updates/${updateId}/review`);
    expect(
      (await jilin.postForm(`/en${projectPath}/updates/${updateId}/review`, { decision: 'approve' })).status,
    ).toBe(403);
    const noNote = await zhejiang.postForm(`/zh${projectPath}/updates/${updateId}/review`, {
      decision: 'reject',
    });
    expect(noNote.status).toBe(400);
    expect(await noNote.text()).toContain('请说明退回的原因');
    const ok = await zhejiang.postForm(`/zh${projectPath}/updates/${updateId}/review`, {
      decision: 'approve',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toContain('done=approved');

    const en = await (await anon.get(`/en${projectPath}`)).text();
    expect(en).toContain('Hangzhou stores listed the products.');
    expect(en).toContain('3,000,000 yuan');
    expect(en).toContain('lang="zh-CN">人参加工厂</h1>');
    expect(en).not.toContain('Test member'); // no names for the public
    expect(h1s(en)).toBe(1);
  });

  it('refuses an agreement awaiting confirmation or already carrying a project, on the form (409)', async () => {
    const unconfirmed = await makeAgreement(database, {
      parties: [
        { orgId: pair.jlOrg, regionCode: 'CN-JL' },
        { orgId: pair.zjOrg, regionCode: 'CN-ZJ' },
      ],
      signedOn: '2024-01-10',
    });
    const form = { title: '人参加工厂', language: 'zh', category: 'capital', regionCode: 'CN-JL' };
    const early = await member.postForm(`/zh/projects/new?agreement=${unconfirmed}`, form);
    expect(early.status).toBe(409);
    const html = await early.text();
    expect(html).toContain('须先由吉林省、浙江省的协调员确认该协议');
    expect(html).toContain('href="#f-agreementId"');
    const again = await zjMember.postForm(`/en/projects/new?agreement=${pair.agreementId}`, form);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('A project has already been started on this agreement');
  });

  it('takes the project off the public pages and back with its form, in both languages', async () => {
    const zh = await (await member.get(`/zh${projectPath}`)).text();
    expect(zh).toContain('该项目已在公开的项目页面上展示。');
    expect(zh).toContain(`action="/zh${projectPath}/published"`);
    expect(await (await anon.get(`/en${projectPath}`)).text()).not.toContain('/published"');
    const off = await zhejiang.postForm(`/en${projectPath}/published`, { published: 'no' });
    expect(off.status).toBe(303);
    expect(off.headers.get('location')).toContain('done=unpublished');
    expect((await anon.get(`/en${projectPath}`)).status).toBe(404);
    const en = await (await zhejiang.get(`/en${projectPath}?done=unpublished`)).text();
    expect(en).toContain('The project was taken off the public pages.');
    expect(en).toContain('Show on the public pages');
    const outsider = new TestClient(t.app);
    await signInAs(outsider, database, { role: 'coordinator', regionCode: 'CN-GD' });
    expect((await outsider.postForm(`/en${projectPath}/published`, { published: 'yes' })).status).toBe(404);
    expect((await member.postForm(`/zh${projectPath}/published`, { published: 'yes' })).status).toBe(303);
    const back = await (await anon.get(`/en${projectPath}`)).text();
    // The public sees the agreement's date and status, not its title.
    expect(back).toContain('signed on 2024-01-10 (confirmed by every region)');
    expect(back).not.toContain('Changbai mineral water bottling plant');
    expect(await (await member.get(`/en${projectPath}`)).text()).toContain(
      'Changbai mineral water bottling plant',
    );
  });

  it('lists the agreement’s non-confidential documents for download; confidential ones never appear', async () => {
    const party = await actingAs(database, 'member', { orgId: pair.jlOrg });
    const pdf = (name: string) =>
      new File([PDF, new TextEncoder().encode(`% ${name}\n`)], name, { type: 'application/pdf' });
    await addDocuments(t.deps, party, pair.agreementId, [pdf('site-plan.pdf')], false);
    await addDocuments(t.deps, party, pair.agreementId, [pdf('price-annex.pdf')], true);
    const html = await (await anon.get(`/en${projectPath}`)).text();
    expect(html).toContain('site-plan.pdf');
    expect(html).not.toContain('price-annex.pdf');
    const link = new RegExp(`href="(/en${projectPath}/documents/[0-9a-f-]{36})"`).exec(html)?.[1];
    expect(link).toBeDefined();
    const res = await anon.get(link!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('filename="site-plan.pdf"');
    const insider = await (await member.get(`/zh${projectPath}`)).text();
    expect(insider).not.toContain('price-annex.pdf');
    expect(insider).toContain('<h2 id="documents-heading">文件</h2>');
    await expectValidHtml([
      { name: 'public project page', html },
      { name: 'insider project page (zh)', html: insider },
    ]);
  });

  it('lists published projects with filters, in both languages', async () => {
    const zh = await (await anon.get('/zh/projects?stage=landed&region=CN-JL')).text();
    expect(zh).toContain('人参加工厂');
    expect(zh).toContain('合作项目');
    const en = await (await anon.get('/en/projects?stage=cancelled&category=nonsense')).text();
    expect(en).not.toContain('人参加工厂');
    expect(en).toContain('No published project matches these filters.');
    expect((await anon.get('/en/projects/not-a-project')).status).toBe(404);
    // Signed-out visitors are sent to sign in.
    expect((await anon.get(`/en/projects/new?agreement=${pair.agreementId}`)).status).toBe(303);
  });
});
