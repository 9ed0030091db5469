import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  axeViolations,
  describeBrowser,
  expectNoAxeViolations,
  launchBrowser,
  validateHtml,
  type LaunchedBrowser,
} from './browser.ts';

// The page and flow suites trust these checkers to say "no": prove they do on known-bad input, and stay
// quiet on known-good input.

const GOOD = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Good</title></head>
<body><main><h1>Good</h1><p>Fine.</p></main></body></html>`;
const BAD = `<!DOCTYPE html><html><head><title>Bad</title></head>
<body><p><div>block in p</div></p><img src="x.png"><input type="text"></body></html>`;

describeBrowser('test harness', () => {
  let b: LaunchedBrowser;
  beforeAll(async () => {
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('axe reports violations on a bad page and none on a good one', async () => {
    const page = await b.context.newPage();
    await page.setContent(BAD);
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'label']));
    await expect(expectNoAxeViolations(page, 'bad page')).rejects.toThrow(/image-alt \(critical\)/);
    await page.setContent(GOOD);
    await expectNoAxeViolations(page, 'good page');
    await page.close();
  });

  it('vnu checks many documents in one run and attributes errors to each', async () => {
    const results = await validateHtml([
      { name: 'good', html: GOOD },
      { name: 'bad', html: BAD },
      { name: 'good again', html: GOOD },
    ]);
    if (!results) return; // Java missing: vnuAvailable() printed why (or threw under REQUIRE_BROWSER=1).
    expect(results.map((r) => r.name)).toEqual(['good', 'bad', 'good again']);
    expect(results[0]!.messages).toEqual([]);
    expect(results[2]!.messages).toEqual([]);
    const bad = results[1]!.messages.map((m) => m.message).join('\n');
    expect(bad).toMatch(/No “p” element in scope/);
    expect(bad).toMatch(/“img” element must have an “alt” attribute/);
  }, 60_000);
});
