import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HTML_LANG, LANGS, type Lang } from '../../lib/i18n.ts';
import {
  axeViolations,
  describeBrowser,
  formatAxeViolations,
  formatHtmlResults,
  launchBrowser,
  validateHtml,
  type HtmlDoc,
  type LaunchedBrowser,
} from '../../test/browser.ts';
import { makeOrganisation, makeUser } from '../../test/factories.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { createSession } from '../accounts/sessions.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { importListings } from './import.ts';

// The listing pages in real Chromium against the real server: browse with facets, a listing with its matches
// and their reasons, the form (empty and with errors), my listings and the review queue, in both languages;
// each passes axe, and every page collected is valid HTML (one vnu run). With scripts off, facets and the
// form still work.

const SHOTS = join(process.cwd(), '.tmp', 'screenshots');

const SEED = [
  {
    id: 'jl-water',
    region: 'CN-JL',
    area_code: '222400',
    organization: { name: '安图长白山泉源饮品有限公司', type: 'enterprise' },
    direction: 'offer',
    category: 'product',
    sector: 'C15',
    title: '长白山天然矿泉水 寻浙江代理商',
    description: '水源地在长白山脚下，天然矿泉水年产十万吨。\n寻找浙江超市、便利店渠道和代理商。',
    language: 'zh',
    tags: ['矿泉水', '瓶装水'],
    amount_cny: 5000000,
    valid_until: '2099-12-31',
    created_at: '2025-03-01T09:00:00+08:00',
  },
  {
    id: 'zj-water',
    region: 'CN-ZJ',
    organization: { name: 'Hangzhou Fresh Mart Supermarkets', type: 'enterprise' },
    direction: 'seek',
    category: 'product',
    sector: 'C15',
    title: 'Supermarket chain seeks a supplier of bottled mineral water',
    description: 'Our 120 stores in Hangzhou want natural mineral water from the Changbai Mountains.',
    language: 'en',
    tags: ['bottled water'],
    amount_cny: 3000000,
    created_at: '2025-03-05T09:00:00+08:00',
  },
  {
    id: 'zj-old-fund',
    region: 'CN-ZJ',
    organization: { name: 'Ningbo Harbour Capital', type: 'institute' },
    direction: 'offer',
    category: 'capital',
    title: 'Fund for food processing projects in the Northeast',
    description: 'Equity investment for food processing plants in Jilin.',
    language: 'en',
    valid_until: '2019-01-01',
    created_at: '2018-06-01T10:00:00+08:00',
  },
];

/** Waiting for review: the coordinator's queue and its page carry the review form. */
const PENDING = {
  id: 'jl-pending-rail',
  region: 'CN-JL',
  organization: { name: 'Changchun Rail Logistics', type: 'enterprise' },
  direction: 'offer',
  category: 'logistics',
  sector: 'G53',
  title: 'Weekly container trains from Changchun to Ningbo-Zhoushan port',
  description: 'Sea-rail intermodal service, 100 TEU a week, cold-chain wagons available.',
  language: 'en',
  created_at: '2025-04-01T09:00:00+08:00',
};

/** What the listing page's matches say, per language: the counterpart reason for Jilin ↔ Zhejiang. */
const COUNTERPART: Record<Lang, string> = {
  en: "Zhejiang is Jilin's counterpart",
  zh: '浙江省是吉林省的对口合作省份',
};
const WHY: Record<Lang, string> = { en: 'Why it matches', zh: '匹配理由' };
const SAVE: Record<Lang, string> = { en: 'Save', zh: '保存' };

describeBrowser('listings pages', () => {
  let server: TestServer;
  let b: LaunchedBrowser;
  let dir: string;
  let visitor: Page;
  let member: BrowserContext;
  let coordinator: BrowserContext;
  const html: HtmlDoc[] = [];
  const problems: string[] = [];

  /** A browser context signed in as a new user (a real session cookie). */
  async function signedIn(opts: Parameters<typeof makeUser>[1], javaScriptEnabled = true) {
    const user = await makeUser(server.deps.database, opts);
    const token = await createSession(server.deps.db, user.id, new Date(), { ip: null, userAgent: null });
    const context = await b.newContext({ javaScriptEnabled });
    await context.addCookies([{ name: 'cp_session', value: token, url: server.url }]);
    return context;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer({ demo: false });
    dir = mkdtempSync(join(tmpdir(), 'cp-listings-browser-'));
    const file = join(dir, 'seed.jsonl');
    writeFileSync(file, SEED.map((l) => JSON.stringify(l)).join('\n'));
    const report = await importListings(server.deps.db, file, { actor: SYSTEM, now: new Date() });
    expect(report.invalid).toEqual([]);
    const pendingFile = join(dir, 'pending.jsonl');
    writeFileSync(pendingFile, JSON.stringify(PENDING));
    const pending = await importListings(server.deps.db, pendingFile, {
      actor: SYSTEM,
      now: new Date(),
      status: 'pending',
    });
    expect(pending.created).toBe(1);
    b = await launchBrowser();
    visitor = await b.context.newPage();
    const orgId = await makeOrganisation(server.deps.database, {
      regionCode: 'CN-JL',
      nameEn: 'Changbai Spring Water Co.',
    });
    member = await signedIn({ role: 'member', orgId });
    coordinator = await signedIn({ role: 'coordinator', regionCode: 'CN-JL' });
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The raw page for vnu, then the page in the browser, checked with axe (violations collected). */
  async function check(p: Page, path: string, label: string): Promise<void> {
    const res = await p.context().request.get(`${server.url}${path}`, { maxRedirects: 0 });
    expect(res.status(), label).toBe(200);
    html.push({ name: label, html: await res.text() });
    const shown = await p.goto(`${server.url}${path}`);
    expect(shown?.status(), label).toBe(200);
    await axeIn(p, label);
  }

  async function axeIn(p: Page, label: string): Promise<void> {
    const violations = await axeViolations(p);
    if (violations.length > 0) problems.push(`${label}: ${formatAxeViolations(violations)}`);
  }

  for (const lang of LANGS) {
    it(`${lang}: browse, with facets and search`, async () => {
      await check(visitor, `/${lang}/listings`, `browse ${lang}`);
      expect(await visitor.locator('main a[href$="/listings/jl-water"]').count()).toBe(1);
      expect(await visitor.locator('main a[href$="/listings/zj-old-fund"]').count()).toBe(0);
      // The Chinese listing's title is marked as Chinese on the English page, and the reverse.
      const other = lang === 'en' ? 'jl-water' : 'zj-water';
      expect(await visitor.locator(`main a[href$="/listings/${other}"]`).getAttribute('lang')).toBe(
        HTML_LANG[lang === 'en' ? 'zh' : 'en'],
      );
      await visitor.screenshot({ path: join(SHOTS, `listings-browse-${lang}.png`), fullPage: true });

      await check(visitor, `/${lang}/listings?direction=seek&category=product`, `browse filtered ${lang}`);
      expect(await visitor.locator('main a[href$="/listings/zj-water"]').count()).toBe(1);
      expect(await visitor.locator('main a[href$="/listings/jl-water"]').count()).toBe(0);
      await check(visitor, `/${lang}/listings?state=expired`, `browse expired ${lang}`);
      expect(await visitor.locator('main .listing-expired').count()).toBe(1);
    });

    it(`${lang}: a listing page shows its details and its matches with reasons`, async () => {
      await check(visitor, `/${lang}/listings/jl-water`, `listing ${lang}`);
      expect(await visitor.locator('h1').textContent()).toContain('长白山天然矿泉水');
      const match = visitor.locator('.listing-match').filter({
        has: visitor.locator('a[href$="/listings/zj-water"]'),
      });
      expect(await match.count()).toBe(1);
      expect(await match.locator('.match-reasons-label').textContent()).toBe(WHY[lang]);
      const reasons = await match.locator('.match-reasons li').allTextContents();
      expect(reasons.length).toBeGreaterThan(1);
      expect(reasons).toContain(COUNTERPART[lang]);
      await visitor.screenshot({ path: join(SHOTS, `listings-page-${lang}.png`), fullPage: true });
      await check(visitor, `/${lang}/listings/jl-water?scope=all`, `listing all regions ${lang}`);
    });

    it(`${lang}: the form, empty and with errors; my listings; the review queue`, async () => {
      const page = await member.newPage();
      await check(page, `/${lang}/listings/new`, `form ${lang}`);
      await page.selectOption('select[name="direction"]', 'offer');
      await page.fill('input[name="amountCny"]', 'a lot');
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('button', { name: SAVE[lang] }).click(),
      ]);
      expect(await page.locator('.error-summary a[href="#f-title"]').count()).toBe(1);
      expect(await page.locator('#f-amountCny').getAttribute('aria-invalid')).toBe('true');
      html.push({ name: `form with errors ${lang}`, html: await page.content() });
      await axeIn(page, `form with errors ${lang}`);
      await page.screenshot({ path: join(SHOTS, `listings-form-errors-${lang}.png`), fullPage: true });
      await check(page, `/${lang}/listings/mine`, `mine ${lang}`);
      await page.close();

      const review = await coordinator.newPage();
      await check(review, `/${lang}/listings/jl-water`, `listing as manager ${lang}`);
      expect(await review.locator('form[action$="/listings/jl-water/renew"]').count()).toBe(1);
      await check(review, `/${lang}/coordinator/listings`, `review queue ${lang}`);
      expect(await review.locator('form[action$="/listings/jl-pending-rail/review"]').count()).toBe(1);
      await check(review, `/${lang}/listings/jl-pending-rail`, `pending listing as reviewer ${lang}`);
      expect(await review.locator('button[name="decision"]').count()).toBe(2);
      await review.close();
    });
  }

  it('with scripts off, a facet link filters and the form posts a pending listing', async () => {
    const context = await b.newContext({ javaScriptEnabled: false });
    try {
      const p = await context.newPage();
      await p.goto(`${server.url}/en/listings`);
      await Promise.all([
        p.waitForURL(/[?&]language=en\b/),
        p.locator('#facet-language ~ ul a[href*="language=en"]').click(),
      ]);
      expect(await p.locator('main a[href$="/listings/zj-water"]').count()).toBe(1);
      expect(await p.locator('main a[href$="/listings/jl-water"]').count()).toBe(0);
    } finally {
      await context.close();
    }

    const orgId = await makeOrganisation(server.deps.database, { regionCode: 'CN-JL' });
    const noScript = await signedIn({ role: 'member', orgId }, false);
    try {
      const p = await noScript.newPage();
      await p.goto(`${server.url}/zh/listings/new`);
      await p.selectOption('select[name="direction"]', 'seek');
      await p.selectOption('select[name="category"]', 'logistics');
      await p.selectOption('select[name="sector"]', 'G55');
      await p.fill('input[name="title"]', '寻找吉林至宁波舟山港的海铁联运线路');
      await p.fill('textarea[name="description"]', '每月约两百个集装箱的粮食需运往宁波舟山港。');
      await p.fill('input[name="tags"]', '海铁联运，集装箱');
      await Promise.all([
        p.waitForURL(/\/zh\/listings\/cp-/),
        p.getByRole('button', { name: '保存' }).click(),
      ]);
      expect(await p.locator('h1').textContent()).toContain('海铁联运');
      expect(await p.locator('h1 .listing-status-pending').textContent()).toBe('待审核');
      expect(await p.locator('main [role="status"]').textContent()).toBe('信息已保存。');
    } finally {
      await noScript.close();
    }
  });

  it('every listing page checked passes axe, and all are valid HTML (one vnu run)', async () => {
    expect(problems).toEqual([]);
    expect(html.length).toBeGreaterThanOrEqual(LANGS.length * 11);
    const results = await validateHtml(html);
    if (!results) return; // Java missing: printed why (fails under REQUIRE_BROWSER=1).
    const bad = results.filter((r) => r.messages.length > 0);
    expect(bad.length, `vnu errors:\n${formatHtmlResults(bad)}`).toBe(0);
  }, 120_000);
});
