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

// The "done when", in Chinese, in real Chromium against the real server with its demo content:
// Jilin's mineral-water company finds Zhejiang's trading company among its listing's matches, expresses
// interest; the trading company accepts and writes in the conversation; the water company records the
// signed agreement with its contract (a PDF); both provinces' coordinators confirm it; the water company
// starts a project, moves it to landed and then started, and reports progress; Jilin's coordinator
// approves the update; the public then sees the project started, with the approved figures.

const SHOTS = join(process.cwd(), '.tmp', 'screenshots');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describeBrowser('from a match to a started project, in Chinese', () => {
  let server: TestServer;
  let b: LaunchedBrowser;
  const pages: Record<string, Page> = {};
  const contexts: BrowserContext[] = [];
  let interestPath = '';
  let agreementPath = '';
  let projectPath = '';

  async function as(who: string): Promise<Page> {
    if (pages[who]) return pages[who];
    const { email, password } = demoAccount(server.demoAccounts, who.replace('.', '\\.'));
    const context = await b.newContext({ locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.url, email, password, 'zh');
    pages[who] = page;
    return page;
  }

  /** Submits the form that holds `button` and waits for the page it leads to. */
  async function submit(page: Page, button: string): Promise<void> {
    await page.locator(button).click();
    await page.waitForLoadState('load');
  }

  const mainText = async (page: Page) =>
    ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    b = await launchBrowser({ locale: 'zh-CN' });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await b?.close();
    await server?.close();
  });

  it('the water company expresses interest from one of its matches', async () => {
    const page = await as('member.water');
    await page.goto(`${server.url}/zh/listings/demo-jl-01`);
    const link = page.locator('main a[href="/zh/listings/demo-zj-01/interest?via=demo-jl-01"]');
    expect(await link.count(), await mainText(page)).toBe(1);
    await link.click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.fill('textarea[name="message"]', '我们希望向贵公司长期供应长白山天然矿泉水。');
    await page.fill('textarea[name="bring"]', '年产 20 万吨的水源地和自有灌装线，可贴牌生产。');
    await page.selectOption('select[name="form"]', 'trade');
    await page.selectOption('select[name="timeline"]', 'within_3_months');
    await submit(page, 'main form[action$="/interest"] [type="submit"]');
    interestPath = new URL(page.url()).pathname;
    expect(interestPath).toMatch(/^\/zh\/interests\/[0-9a-f-]{36}$/);
    expect(await mainText(page)).toContain('待答复');
    await page.screenshot({ path: join(SHOTS, 'interest-sent-zh.png'), fullPage: true });
  });

  it('the trading company accepts and writes in the conversation', async () => {
    const page = await as('member.trade');
    await page.goto(`${server.url}${interestPath}`);
    await expectNoAxeViolations(page);
    await submit(page, 'main form:has(input[name="decision"][value="accept"]) [type="submit"]');
    expect(await mainText(page)).toContain('已接受');
    await page.locator('main a[href^="/zh/conversations/"]').first().click();
    await page.waitForLoadState('load');
    await page.fill('textarea[name="body"]', '欢迎！请于三月底前送样品到萧山仓库。');
    await submit(page, 'main form[enctype="multipart/form-data"] [type="submit"]');
    expect(await mainText(page)).toContain('请于三月底前送样品到萧山仓库');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: join(SHOTS, 'conversation-zh.png'), fullPage: true });
  });

  it('the water company records the signed agreement with its contract', async () => {
    const page = await as('member.water');
    await page.goto(`${server.url}${interestPath}`);
    await page.locator('main a[href^="/zh/conversations/"]').first().click();
    await page.waitForLoadState('load');
    expect(await mainText(page)).toContain('请于三月底前送样品到萧山仓库');
    await page.locator('main a[href^="/zh/agreements/new?interest="]').click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.selectOption('select[name="type"]', 'trade');
    await page.selectOption('select[name="language"]', 'zh');
    await page.fill('input[name="title"]', '长白山矿泉水浙江供货协议');
    await page.fill('input[name="valueCny"]', '12000000');
    await page.fill('input[name="signedOn"]', '2018-03-01');
    await page.fill('input[name="signedPlace"]', '杭州');
    await page.setInputFiles('input[type="file"]', {
      name: '供货协议.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await submit(page, 'main form[action="/zh/agreements/new"] [type="submit"]');
    agreementPath = new URL(page.url()).pathname;
    expect(agreementPath, await mainText(page)).toMatch(/^\/zh\/agreements\/[0-9a-f-]{36}$/);
    const text = await mainText(page);
    expect(text).toContain('供货协议.pdf');
    await page.screenshot({ path: join(SHOTS, 'agreement-zh.png'), fullPage: true });
  });

  it("both provinces' coordinators confirm it", async () => {
    for (const who of ['coordinator.jl', 'coordinator.zj']) {
      const page = await as(who);
      await page.goto(`${server.url}${agreementPath}`);
      await expectNoAxeViolations(page);
      await submit(page, 'main form[action$="/confirm"] [type="submit"]');
    }
    const page = await as('member.water');
    await page.goto(`${server.url}${agreementPath}`);
    expect(await page.locator('main form[action$="/confirm"]').count()).toBe(0);
    expect(await mainText(page)).toContain('已确认');
  });

  it('the water company starts the project and moves it to landed, then started, and reports progress', async () => {
    const page = await as('member.water');
    await page.goto(`${server.url}${agreementPath}`);
    await page.locator('main a[href^="/zh/projects/new?agreement="]').click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.fill('input[name="title"]', '长白山矿泉水浙江仓储配送项目');
    await page.selectOption('select[name="language"]', 'zh');
    await page.selectOption('select[name="category"]', 'product');
    await page.fill('input[name="sector"]', 'C15');
    await page.selectOption('select[name="regionCode"]', 'CN-ZJ');
    await page.fill('input[name="contractedInvestmentCny"]', '12000000');
    await submit(page, 'main form[action^="/zh/projects/new"] [type="submit"]');
    projectPath = new URL(page.url()).pathname;
    expect(projectPath, await mainText(page)).toMatch(/^\/zh\/projects\/[0-9a-f-]{36}$/);

    for (const [stage, on] of [
      ['landed', '2018-04-02'],
      ['started', '2018-05-15'],
    ] as const) {
      await page.selectOption('main form[action$="/stage"] select[name="stage"]', stage);
      await page.fill('main form[action$="/stage"] input[name="on"]', on);
      await submit(page, 'main form[action$="/stage"] [type="submit"]');
    }
    expect(await page.locator('main [aria-current="step"]').textContent()).toContain('已开工');

    await page.fill(
      'main form[action$="/updates"] textarea[name="body"]',
      '仓库已投入使用，首批 40 万瓶入库。',
    );
    await page.fill('main form[action$="/updates"] input[name="actualInvestmentCny"]', '5000000');
    await page.fill('main form[action$="/updates"] input[name="jobsCreated"]', '18');
    await submit(page, 'main form[action$="/updates"] [type="submit"]');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: join(SHOTS, 'project-member-zh.png'), fullPage: true });
  });

  it("Jilin's coordinator approves the update, and the public sees the project started", async () => {
    const page = await as('coordinator.jl');
    await page.goto(`${server.url}${projectPath}`);
    await expectNoAxeViolations(page);
    await submit(page, 'main form[action*="/review"] button[value="approve"]');

    const visitor = await b.context.newPage();
    await visitor.goto(`${server.url}${projectPath}`);
    const text = await mainText(visitor);
    expect(await visitor.locator('main [aria-current="step"]').textContent()).toContain('已开工');
    expect(text).toContain('500万元');
    expect(text).toContain('仓库已投入使用');
    // No private messages or confidential documents on the public page.
    expect(text).not.toContain('萧山仓库');
    expect(text).not.toContain('供货协议.pdf');
    await expectNoAxeViolations(visitor);
    await visitor.screenshot({ path: join(SHOTS, 'project-public-zh.png'), fullPage: true });
  });
});
