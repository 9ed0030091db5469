import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { describe, it } from 'vitest';

// Browser tests run Debian's Chromium (Playwright cannot download its own builds here), axe-core injected into
// each page and the Nu HTML Checker (vnu.jar, Java). A missing tool skips what needs it with a printed reason,
// unless REQUIRE_BROWSER=1 (CI), where it fails instead.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const require = createRequire(import.meta.url);
const required = () => process.env.REQUIRE_BROWSER === '1';

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM);
}

let javaFound: boolean | undefined;
export function javaAvailable(): boolean {
  if (javaFound === undefined) {
    try {
      execFileSync('java', ['-version'], { stdio: 'ignore' });
      javaFound = true;
    } catch {
      javaFound = false;
    }
  }
  return javaFound;
}

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/**
 * A describe block that needs Chromium: skipped with a printed reason when it is missing, failed under
 * REQUIRE_BROWSER=1.
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (browserAvailable()) {
    describe(name, fn);
    return;
  }
  const reason = `${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk)`;
  if (required()) {
    describe(name, () => {
      it('has Chromium to run in', () => {
        throw new Error(`REQUIRE_BROWSER=1 but ${reason}`);
      });
    });
    return;
  }
  warnOnce(`Skipping browser suite "${name}": ${reason}. Set REQUIRE_BROWSER=1 to make this an error.`);
  describe.skip(name, fn);
}

export interface LaunchedBrowser {
  browser: Browser;
  /** A fresh context (no cookies), made at launch. */
  context: BrowserContext;
  /** Another fresh context: a second visitor, or one with JavaScript off. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CONTEXT_DEFAULTS: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** Headless Chromium with a throwaway profile. */
export async function launchBrowser(options: BrowserContextOptions = {}): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const newContext = (o: BrowserContextOptions = {}) =>
    browser.newContext({ ...CONTEXT_DEFAULTS, ...options, ...o });
  const context = await newContext();
  return { browser, context, newContext, close: () => browser.close() };
}

// ---------------------------------------------------------------------------------------------------- axe

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe in the page (WCAG 2.1 A/AA and best practice); returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated over the DevTools protocol rather than as a <script> tag: the site's CSP (script-src 'self')
    // rightly refuses inline scripts, and the pages are checked with it in force.
    await page.evaluate(AXE_SOURCE);
  }
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

export function formatAxeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes.map((n) => `    ${JSON.stringify(n.target)}`).join('\n');
      return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${targets}`;
    })
    .join('\n');
}

/** Fails listing each violation's id, impact, help and targets. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(
      `axe found ${violations.length} violation(s) on ${label}:\n${formatAxeViolations(violations)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------- vnu

const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar');

export interface HtmlDoc {
  /** A label for messages, e.g. the URL path; need not be unique. */
  name: string;
  html: string;
}

export interface VnuMessage {
  type: string;
  subType?: string;
  message: string;
  extract?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
}

export interface HtmlResult {
  name: string;
  messages: VnuMessage[];
}

/** Whether vnu can run here; prints why not once (or throws under REQUIRE_BROWSER=1). */
export function vnuAvailable(): boolean {
  if (javaAvailable()) return true;
  const reason =
    'java not found (apt-get install default-jre-headless): HTML validation with vnu.jar skipped';
  if (required()) throw new Error(`REQUIRE_BROWSER=1 but ${reason}`);
  warnOnce(reason);
  return false;
}

/**
 * Validates many documents in ONE vnu run (the JVM start costs ~2 s): errors only, per document, in the
 * order given. Returns undefined when Java is missing (see vnuAvailable).
 */
export async function validateHtml(docs: HtmlDoc[]): Promise<HtmlResult[] | undefined> {
  if (docs.length === 0) return [];
  if (!vnuAvailable()) return undefined;
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cp-vnu-')));
  try {
    const files = docs.map((doc, i) => {
      const file = join(dir, `${String(i).padStart(4, '0')}.html`);
      writeFileSync(file, doc.html);
      return file;
    });
    const stderr = await new Promise<string>((resolve, reject) => {
      execFile(
        'java',
        ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files],
        { maxBuffer: 64 * 1024 * 1024 },
        (err, _stdout, stderrText) => {
          // vnu exits 1 when it found errors; its report is on stderr either way.
          if (err && !stderrText.trim().startsWith('{'))
            reject(new Error(`vnu failed: ${err.message}\n${stderrText}`));
          else resolve(stderrText);
        },
      );
    });
    const report = JSON.parse(stderr) as { messages: (VnuMessage & { url?: string })[] };
    const byPath = new Map(files.map((f, i) => [f, i]));
    const results: HtmlResult[] = docs.map((d) => ({ name: d.name, messages: [] }));
    for (const m of report.messages) {
      // vnu names files `file:/tmp/…`.
      const i = m.url?.startsWith('file:') ? byPath.get(fileURLToPath(m.url)) : undefined;
      const { url: _url, ...message } = m;
      if (i === undefined) {
        // A message about no file (a vnu failure) must not get lost.
        throw new Error(`vnu: ${m.type}: ${m.message} (${m.url ?? 'no file'})`);
      }
      results[i]!.messages.push(message);
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatHtmlResults(results: HtmlResult[]): string {
  return results
    .filter((r) => r.messages.length > 0)
    .map((r) => {
      const lines = r.messages.map(
        (m) =>
          `    line ${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.type}: ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ''}`,
      );
      return `  ${r.name}\n${lines.join('\n')}`;
    })
    .join('\n');
}

/** Validates all documents in one run and fails listing every error per document. */
export async function expectValidHtml(docs: HtmlDoc[]): Promise<void> {
  const results = await validateHtml(docs);
  if (!results) return;
  const bad = results.filter((r) => r.messages.length > 0);
  if (bad.length > 0) {
    throw new Error(
      `vnu found errors in ${bad.length} of ${docs.length} document(s):\n${formatHtmlResults(bad)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------- pages

/**
 * Signs in through the sign-in form as a person would (works with JavaScript off too) and waits until the
 * browser has left the sign-in page; fails with the page's error text when it stays there.
 */
export async function signIn(
  page: Page,
  base: string,
  email: string,
  password: string,
  lang: 'en' | 'zh' = 'en',
): Promise<void> {
  await page.goto(`${base}/${lang}/sign-in`);
  const form = page.locator('form:has(input[name="password"])');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  // click() returns once the navigation it started has committed (after the POST's redirect).
  await form.locator('[type="submit"]').click();
  await page.waitForLoadState('load');
  if (new URL(page.url()).pathname.endsWith('/sign-in')) {
    const text = (await page.locator('main').textContent())?.replace(/\s+/g, ' ').trim();
    throw new Error(`signing in as ${email} failed; the page says: ${text}`);
  }
}
