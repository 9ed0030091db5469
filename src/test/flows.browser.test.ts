import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  expectNoAxeViolations,
  launchBrowser,
  signIn,
  type LaunchedBrowser,
} from './browser.ts';
import { demoAccount, startTestServer, type TestServer } from './server.ts';

// The organisation sign-up flow in real Chromium against the real server (demo content, job runner, mail):
// the administrator signs in with the printed password; a new organisation registers through the form and is
// pending; the coordinator of its province approves it; its member then sees it approved and is told by mail.

const SHOTS = join(process.cwd(), '.tmp', 'screenshots');
const ORG = {
  nameZh: '白山云杉生态科技有限公司',
  nameEn: 'Baishan Spruce Ecotech Co., Ltd.',
  type: 'enterprise',
  regionCode: 'CN-JL',
  description:
    '长白山林下经济与生态旅游。Forest-understorey products and eco-tourism in the Changbai Mountains.',
  memberName: '孙丽娟',
  email: 'sun.lijuan@baishan-ecotech.example',
  password: 'Spruce-and-pine-2024',
};

describeBrowser('organisation sign-up flow', () => {
  let server: TestServer;
  let b: LaunchedBrowser;
  let member: BrowserContext;
  let memberPage: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    b = await launchBrowser();
    member = b.context;
    memberPage = await member.newPage();
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('the administrator signs in with the password printed on first start', async () => {
    const context = await b.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    const res = await page.goto(`${server.url}/en/admin`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: join(SHOTS, 'admin-en.png'), fullPage: true });
    await context.close();
  });

  it('a new organisation registers through the form (in Chinese) and is pending', async () => {
    const page = memberPage;
    await page.goto(`${server.url}/zh/register`);
    await page.fill('input[name="nameZh"]', ORG.nameZh);
    await page.fill('input[name="nameEn"]', ORG.nameEn);
    await page.selectOption('select[name="type"]', ORG.type);
    await page.selectOption('select[name="regionCode"]', ORG.regionCode);
    await page.fill('textarea[name="description"]', ORG.description);
    await page.fill('input[name="memberName"]', ORG.memberName);
    await page.fill('input[name="email"]', ORG.email);
    await page.fill('input[name="password"]', ORG.password);
    await page.fill('input[name="passwordConfirm"]', ORG.password);
    await page.selectOption('select[name="preferredLang"]', 'zh');
    await page.screenshot({ path: join(SHOTS, 'register-zh.png'), fullPage: true });
    await page.locator('main form[action="/zh/register"] [type="submit"]').click();
    await page.waitForLoadState('load');

    const url = new URL(page.url());
    expect(url.pathname, (await page.locator('main').textContent()) ?? '').toBe('/zh/account');
    await expect.poll(() => page.locator('main .tag').getAttribute('class')).toContain('status-pending');
    expect(await page.locator('main').textContent()).toContain(ORG.nameZh);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: join(SHOTS, 'account-pending-zh.png'), fullPage: true });
    // The province's coordinator is told (by mail, through the job runner).
    await expect
      .poll(
        () =>
          server.sent.some(
            (m) => m.to === 'coordinator.jl@demo.counterpart.local' && m.subject.includes(ORG.nameZh),
          ),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
  });

  it('the coordinator of its province approves it on the review page', async () => {
    const { email, password } = demoAccount(server.demoAccounts, 'coordinator\\.jl');
    const context = await b.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, email, password, 'zh');
    const res = await page.goto(`${server.url}/zh/coordinator/organisations`);
    expect(res?.status()).toBe(200);
    const row = page.locator('main tr', { hasText: ORG.nameZh });
    expect(await row.count()).toBe(1);
    expect(await row.locator('.tag').getAttribute('class')).toContain('status-pending');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: join(SHOTS, 'review-zh.png'), fullPage: true });

    const approve = row.locator('form[action$="/approve"] [type="submit"]');
    // The button's accessible name says which organisation it approves.
    expect(await approve.getAttribute('aria-label')).toContain(ORG.nameZh);
    await approve.click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/zh/coordinator/organisations');
    expect(await page.locator('main [role="status"]').textContent()).toContain(ORG.nameZh);
    // Approved organisations leave the pending queue.
    expect(await page.locator('main tr', { hasText: ORG.nameZh }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'review-approved-zh.png'), fullPage: true });
    await context.close();
  });

  it('the member then sees the organisation approved, and is told by mail', async () => {
    const page = memberPage;
    await page.goto(`${server.url}/zh/account`);
    expect(await page.locator('main .tag').getAttribute('class')).toContain('status-approved');
    await page.goto(`${server.url}/en/account`);
    expect(await page.locator('main .tag').getAttribute('class')).toContain('status-approved');
    await page.screenshot({ path: join(SHOTS, 'account-approved-en.png'), fullPage: true });
    // Mail goes out through the job runner: wait for it rather than for a fixed time.
    await expect
      .poll(() => server.sent.filter((m) => m.to === ORG.email).length, { timeout: 10_000 })
      .toBe(1);
    const mail = server.sent.find((m) => m.to === ORG.email)!;
    expect(mail.subject).toContain(ORG.nameZh);
    // Its link leads to the organisation's page on this server.
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
    expect(link, mail.text).toMatch(new RegExp(`^${server.url}/zh/organisations/`));
    expect((await page.goto(link!))?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toContain(ORG.nameZh);
  });
});
