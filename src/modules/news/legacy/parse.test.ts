import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  formatLegacyError,
  MAX_LEGACY_BYTES,
  parseLegacyBytes,
  parseLegacyText,
  type LegacyArticle,
  type LegacyError,
  type ParseOptions,
} from './parse.ts';

/** expect.stringMatching, typed for object literals. */
const matching = (re: RegExp) => expect.stringMatching(re) as string;

const REFERENCE_PATH = 'src/modules/demo/content/2017-09-11-jilin-delegation-in-zhejiang.txt';
const referenceBytes = readFileSync(
  new URL('../../demo/content/2017-09-11-jilin-delegation-in-zhejiang.txt', import.meta.url),
);
const reference = referenceBytes.toString('utf8');
const referenceLines = reference.split('\n');

function article(text: string, opts: Partial<ParseOptions> = {}): LegacyArticle {
  const r = parseLegacyText(text, { path: 'page.txt', ...opts });
  if (!r.ok) throw new Error(`expected an article, got ${formatLegacyError(r.error)}`);
  return r.article;
}

function error(text: string, opts: Partial<ParseOptions> = {}): LegacyError {
  const r = parseLegacyText(text, { path: 'page.txt', ...opts });
  if (r.ok) throw new Error(`expected an error, got "${r.article.title}"`);
  return r.error;
}

/** The reference page with its first line (the breadcrumb) replaced. */
function withBreadcrumb(line: string): string {
  return [line, ...referenceLines.slice(1)].join('\n');
}

const CHINESE = [
  '\uFEFF首页 > 新闻',
  '吉林省代表团赴浙江考察',
  '2017-09-11 10:13:57',
  '',
  '　　9月6日至7日，吉林省党政代表团赴浙江考察。',
  '　　车俊、袁家军会见了刘国中一行，双方就深化对口合作进行了座谈。',
  '',
  '【打印】【关闭】',
].join('\n');

describe('the reference page', () => {
  const r = parseLegacyBytes(referenceBytes, { path: REFERENCE_PATH });

  it('gives the title, the time in Beijing time, English, no section', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.title).toBe('Jilin Delegation Made an Investigation Trip in Zhejiang');
    expect(r.article.publishedAt.toISOString()).toBe('2017-09-11T02:13:57.000Z');
    expect(r.article.lang).toBe('en');
    expect(r.article.sectionKey).toBeNull();
    expect(r.article.format).toBe('text');
    expect(r.article.lines).toEqual({ breadcrumb: 1, title: 2, time: 3 });
    expect(r.warnings).toEqual([]);
  });

  it('gives one paragraph per body line (4 in the file), spaces collapsed, text otherwise as written', () => {
    if (!r.ok) throw new Error('no article');
    const { paragraphs } = r.article;
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toBe(
      'From September 6 to 7 Jilin delegation made an investigation trip in Zhejiang.',
    );
    expect(paragraphs[1]).toContain('Secretary of CPC Zhejiang Committee'); // "of\u00a0 CPC" in the file
    expect(paragraphs[1]).toContain('CPC Zhejiang Committee and Governor'); // "Zhejiang\u00a0 Committee"
    expect(paragraphs[2]).toContain('“revitalizing Northeast China and other old industrial base”');
    expect(paragraphs[3]).toContain('promoting Jilin’ s equipment to expand Zhejiang’ s market');
    expect(paragraphs.every((p) => !/\s\s|^\s|\s$|\u00a0/.test(p))).toBe(true);
    expect(paragraphs.join('\n')).not.toMatch(/Print|Close/);
  });

  it('has a stable import key: same page, same key; spacing and line ends do not matter', () => {
    if (!r.ok) throw new Error('no article');
    expect(r.article.importKey).toMatch(/^legacy:en:2017-09-11T02:13:57\.000Z:[0-9a-f]{64}$/);
    expect(article(reference.replace(/\n/g, '\r\n')).importKey).toBe(r.article.importKey);
    const respaced = reference.replace('Jilin Delegation Made', '  Jilin   Delegation  Made');
    expect(article(respaced).importKey).toBe(r.article.importKey);
    const otherTime = reference.replace('2017-09-11 10:13:57', '2017-09-12 10:13:57');
    expect(article(otherTime).importKey).not.toBe(r.article.importKey);
  });
});

describe('variants of the text layout', () => {
  it('reads a Chinese page: 首页 > 新闻, 【打印】【关闭】 dropped, BOM and ideographic indents trimmed', () => {
    const a = article(CHINESE);
    expect(a.lang).toBe('zh');
    expect(a.title).toBe('吉林省代表团赴浙江考察');
    expect(a.sectionKey).toBeNull();
    expect(a.paragraphs).toEqual([
      '9月6日至7日，吉林省党政代表团赴浙江考察。',
      '车俊、袁家军会见了刘国中一行，双方就深化对口合作进行了座谈。',
    ]);
    expect(a.importKey).toMatch(/^legacy:zh:/);
    expect(article(CHINESE.replace('【打印】【关闭】', '[打印] [关闭]')).paragraphs).toHaveLength(2);
  });

  it('accepts other separators, any case, stray spaces and a location prefix in the breadcrumb', () => {
    for (const line of [
      'Home > News',
      '  HOME›NEWS  ',
      'home ＞ news',
      'Home » News',
      'home >> NEWS',
      '您的位置：首页 > 新闻',
      'You are here: Home > News',
      '首页 > 新闻 > 正文',
    ]) {
      expect(article(withBreadcrumb(line)).sectionKey, line).toBeNull();
    }
  });

  it('maps a section in the breadcrumb to its key', () => {
    expect(article(withBreadcrumb('home > NEWS > Notices')).sectionKey).toBe('notices');
    expect(article(withBreadcrumb('home > NEWS > News')).sectionKey).toBe('news');
    expect(article(withBreadcrumb('Home › News › Policies')).sectionKey).toBe('policies');
    expect(article(withBreadcrumb('首页 > 新闻 > 通知公告')).sectionKey).toBe('notices');
    expect(article(withBreadcrumb('首页 > 新闻 > 公告')).sectionKey).toBe('notices');
    expect(article(withBreadcrumb('首页 > 政策文件')).sectionKey).toBe('policies');
  });

  it('rejects an unknown section naming the line, unless a section is chosen', () => {
    expect(error(withBreadcrumb('home > NEWS > Sports'))).toEqual({
      path: 'page.txt',
      line: 1,
      reason:
        'unknown section "Sports" in the breadcrumb (known: News, Notices/通知/公告, Policies/政策); choose one with --section',
    });
    expect(article(withBreadcrumb('home > NEWS > Sports'), { section: 'news' }).sectionKey).toBe('news');
    expect(article(reference, { section: 'policies' }).sectionKey).toBe('policies');
  });

  it('trims and collapses extra spaces, tabs and no-break spaces everywhere', () => {
    const spaced = [
      '   home  >   NEWS   ',
      '\tJilin   Delegation Made an Investigation Trip in Zhejiang  ',
      '  2017-09-11   10:13:57 ',
      '   ',
      '  First  paragraph\u00a0\u00a0here. ',
      '\u3000\u3000Second\tparagraph.',
      '  [Print]   [Close]  ',
    ].join('\n');
    const a = article(spaced);
    expect(a.title).toBe('Jilin Delegation Made an Investigation Trip in Zhejiang');
    expect(a.publishedAt.toISOString()).toBe('2017-09-11T02:13:57.000Z');
    expect(a.paragraphs).toEqual(['First paragraph here.', 'Second paragraph.']);
  });

  it('needs no trailing buttons, and reads CRLF, CR and a trailing newline alike', () => {
    const expected = article(reference).paragraphs;
    expect(article(reference.replace('[Print] [Close]', '')).paragraphs).toEqual(expected);
    expect(article(referenceLines.slice(0, 8).join('\n')).paragraphs).toEqual(expected);
    expect(article(reference.replace(/\n/g, '\r\n')).paragraphs).toEqual(expected);
    expect(article(reference.replace(/\n/g, '\r')).paragraphs).toEqual(expected);
    expect(article(`${reference}\r\n\r\n`).paragraphs).toEqual(expected);
  });

  it('reads HH:MM and YYYY/MM/DD times and a labelled time line', () => {
    const at = (line: string) =>
      article(reference.replace('2017-09-11 10:13:57', line)).publishedAt.toISOString();
    expect(at('2017-09-11 10:13')).toBe('2017-09-11T02:13:00.000Z');
    expect(at('2017/09/11')).toBe('2017-09-10T16:00:00.000Z');
    expect(at('发布时间：2017-09-11 10:13:57')).toBe('2017-09-11T02:13:57.000Z');
  });

  it('ends the body at the buttons line and warns about what followed it', () => {
    const r = parseLegacyText(`${reference}\nCopyright © Zhejiang Provincial Government`, {
      path: 'page.txt',
    });
    if (!r.ok) throw new Error(formatLegacyError(r.error));
    expect(r.article.paragraphs).toHaveLength(4);
    expect(r.warnings).toEqual([
      { path: 'page.txt', line: 10, message: '1 line(s) after "[Print] [Close]" were left out' },
    ]);
  });
});

describe('bad files: the line and the reason', () => {
  it('missing breadcrumb', () => {
    expect(error(referenceLines.slice(1).join('\n'))).toEqual({
      path: 'page.txt',
      line: 1,
      reason:
        'missing breadcrumb: expected a line like "home > NEWS" or "首页 > 新闻", found "Jilin Delegation Made an Investigation Trip in Zhejiang"',
    });
    expect(error('')).toMatchObject({ line: 1, reason: 'missing breadcrumb: the file has no text' });
    expect(error(withBreadcrumb('News > Home'))).toMatchObject({ line: 1 });
  });

  it('empty title', () => {
    const noTitle = [referenceLines[0], '', ...referenceLines.slice(2)].join('\n');
    expect(error(noTitle)).toEqual({
      path: 'page.txt',
      line: 2,
      reason: 'empty title: expected the title after the breadcrumb',
    });
    expect(error('home > NEWS\n   \n')).toMatchObject({
      line: 2,
      reason: matching(/^empty title/),
    });
  });

  it('missing or bad timestamp', () => {
    const noTime = [...referenceLines.slice(0, 2), ...referenceLines.slice(3)].join('\n');
    expect(error(noTime)).toEqual({
      path: 'page.txt',
      line: 4,
      reason:
        'missing timestamp: expected a publication time like 2017-09-11 10:13:57, found "From September 6 to 7 Jilin delegation made an investigatio…"',
    });
    expect(error(reference.replace('2017-09-11 10:13:57', '2017-02-30 10:13:57'))).toEqual({
      path: 'page.txt',
      line: 3,
      reason: 'bad timestamp: "2017-02-30 10:13:57" is not a date that exists',
    });
    expect(error(reference.replace('2017-09-11 10:13:57', '2017-09-11 25:00'))).toMatchObject({
      line: 3,
      reason: 'bad timestamp: "2017-09-11 25:00" is not a valid time of day',
    });
    expect(error('home > NEWS\nA title\n')).toMatchObject({
      line: 3,
      reason: matching(/^missing timestamp/),
    });
  });

  it('no body', () => {
    expect(error(referenceLines.slice(0, 3).join('\n'))).toMatchObject({
      line: 3,
      reason: matching(/^no body/),
    });
    expect(error([...referenceLines.slice(0, 4), '[Print] [Close]'].join('\n'))).toEqual({
      path: 'page.txt',
      line: 4,
      reason: 'no body: no paragraphs after the publication time',
    });
  });

  it('file too large and not UTF-8, with the line of the first bad byte', () => {
    const big = Buffer.alloc(MAX_LEGACY_BYTES + 1, 0x61);
    expect(parseLegacyBytes(big, { path: 'big.txt' })).toEqual({
      ok: false,
      error: { path: 'big.txt', line: null, reason: 'file too large: 2.0 MB (at most 2 MB)' },
    });
    const gbk = Buffer.concat([
      Buffer.from('home > NEWS\nTitle\n'),
      Buffer.from([0xd0, 0xc2, 0xce, 0xc5]),
      Buffer.from('\n'),
    ]);
    const r = parseLegacyBytes(gbk, { path: 'gbk.txt' });
    expect(r).toMatchObject({ ok: false, error: { path: 'gbk.txt', line: 3 } });
    expect(!r.ok && r.error.reason).toMatch(/^not UTF-8: invalid bytes on this line/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(reference, 'utf16le')]);
    expect(parseLegacyBytes(utf16, { path: 'u16.txt' })).toMatchObject({
      ok: false,
      error: { line: null, reason: 'not UTF-8: the file is UTF-16; save it as UTF-8' },
    });
  });

  it('formats errors as path:line: reason', () => {
    expect(formatLegacyError({ path: 'a.txt', line: 3, reason: 'no body' })).toBe('a.txt:3: no body');
    expect(formatLegacyError({ path: 'a.txt', line: null, reason: 'file too large' })).toBe(
      'a.txt: file too large',
    );
  });
});

describe('detectLanguage', () => {
  it('is Chinese when Chinese characters dominate, English otherwise', () => {
    expect(detectLanguage('吉林省代表团赴浙江考察 APEC')).toBe('zh');
    expect(detectLanguage('Che Jun (车俊) met the Jilin delegation in Hangzhou.')).toBe('en');
    expect(detectLanguage('2017')).toBe('en');
  });
});

describe('sections the site has', () => {
  it('maps a breadcrumb naming one of them by key, English or Chinese name', () => {
    const sections = [
      { key: 'news', names: ['News', '新闻'] },
      { key: 'cooperation', names: ['Cooperation', '合作交流'] },
    ];
    expect(article(withBreadcrumb('首页 > 新闻 > 合作交流'), { sections }).sectionKey).toBe('cooperation');
    expect(article(withBreadcrumb('home > NEWS > Notices'), { sections }).sectionKey).toBe('notices');
    expect(error(withBreadcrumb('home > NEWS > Sports'), { sections }).reason).toBe(
      'unknown section "Sports" in the breadcrumb (known: news (News/新闻), cooperation (Cooperation/合作交流)); choose one with --section',
    );
  });
});
