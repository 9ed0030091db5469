import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLegacyError, parseLegacyText, type LegacyArticle, type LegacyError } from './parse.ts';

/** expect.stringMatching, typed for object literals. */
const matching = (re: RegExp) => expect.stringMatching(re) as string;

const reference = readFileSync(
  new URL('../../demo/content/2017-09-11-jilin-delegation-in-zhejiang.txt', import.meta.url),
  'utf8',
);

function article(html: string): LegacyArticle {
  const r = parseLegacyText(html, { path: 'page.html' });
  if (!r.ok) throw new Error(`expected an article, got ${formatLegacyError(r.error)}`);
  expect(r.article.format).toBe('html');
  return r.article;
}

function error(html: string): LegacyError {
  const r = parseLegacyText(html, { path: 'page.html' });
  if (r.ok) throw new Error(`expected an error, got "${r.article.title}"`);
  return r.error;
}

/** A Chinese portal page as browsers save it: tables of links, scripts, a position bar, an info line. */
const PORTAL_ZH = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>吉林省代表团赴浙江考察_浙江省人民政府门户网站</title>
<script>var _hmt = _hmt || []; document.write("<p>统计</p>");</script>
<style>.zoom p { text-indent: 2em }</style>
</head>
<body>
<div class="header"><ul class="menu"><li><a href="/">首页</a></li><li><a href="/xw">新闻</a></li></ul></div>
<div class="position">您的位置：<a href="/">首页</a> &gt; <a href="/xw">新闻</a> &gt; <a href="/tzgg">通知公告</a></div>
<div class="main">
  <h1>吉林省代表团赴浙江考察</h1>
  <div class="info">来源：浙江日报&nbsp;&nbsp;发布时间：2017-09-11 10:13:57&nbsp;&nbsp;浏览次数：<span id="hits">128</span></div>
  <div class="zoom TRS_Editor">
    <p>&#12288;&#12288;9月6日至7日，吉林省党政代表团赴浙江考察。</p>
    <p>\u3000\u3000车俊、袁家军会见了刘国中一行，<br>双方就深化对口合作进行了座谈。</p>
    <p>&nbsp;</p>
  </div>
  <div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
  <div class="related"><p>相关新闻：浙江省与吉林省签署合作协议</p></div>
</div>
<div class="footer"><p>版权所有：浙江省人民政府办公厅</p></div>
<script src="/stat.js"></script>
</body>
</html>`;

/** An English page with a list breadcrumb (separators drawn by CSS), <time datetime> and an <article>. */
const ARTICLE_EN = `<!doctype html><html lang="en"><head><title>Jilin Delegation | Portal</title></head><body>
<header><nav aria-label="Main"><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main>
<nav aria-label="Breadcrumb" class="crumbs"><ol><li><a href="/en/">Home</a></li><li><a href="/en/news">News</a></li><li><a href="/en/news?section=policies">Policies</a></li></ol></nav>
<article>
<h1>Jilin Delegation Made an Investigation Trip in Zhejiang</h1>
<p class="meta">Published <time datetime="2017-09-11T10:13:57+08:00">2017-09-11 10:13:57</time></p>
<p>From September 6 to 7 Jilin delegation made an investigation trip in Zhejiang.</p>
<p>Che Jun welcomed Jilin delegation to Zhejiang.</p>
<p><button type="button">Print</button> <a href="/en/news">Close</a></p>
</article>
</main>
<footer><p>Copyright</p></footer>
</body></html>`;

describe('HTML pages saved from portals', () => {
  it('reads a Chinese portal page: position bar, h1, info line, TRS body; scripts, menus, buttons, footer left out', () => {
    const a = article(PORTAL_ZH);
    expect(a.title).toBe('吉林省代表团赴浙江考察');
    expect(a.publishedAt.toISOString()).toBe('2017-09-11T02:13:57.000Z');
    expect(a.lang).toBe('zh');
    expect(a.sectionKey).toBe('notices');
    expect(a.paragraphs).toEqual([
      '9月6日至7日，吉林省党政代表团赴浙江考察。',
      '车俊、袁家军会见了刘国中一行，',
      '双方就深化对口合作进行了座谈。',
    ]);
    expect(a.lines).toEqual({ breadcrumb: 11, title: 13, time: 14 });
  });

  it('reads an English page: list breadcrumb, <time datetime>, <article> paragraphs, Print/Close controls dropped', () => {
    const a = article(ARTICLE_EN);
    expect(a.title).toBe('Jilin Delegation Made an Investigation Trip in Zhejiang');
    expect(a.publishedAt.toISOString()).toBe('2017-09-11T02:13:57.000Z');
    expect(a.lang).toBe('en');
    expect(a.sectionKey).toBe('policies');
    expect(a.paragraphs).toEqual([
      'From September 6 to 7 Jilin delegation made an investigation trip in Zhejiang.',
      'Che Jun welcomed Jilin delegation to Zhejiang.',
    ]);
  });

  it('gives the reference page the same import key as text or as HTML', () => {
    const lines = reference.split('\n');
    const html = [
      '<html><head><title>Jilin Delegation Made an Investigation Trip in Zhejiang - Zhejiang</title></head><body>',
      `<div>${lines[0]}</div>`,
      `<div class="title">${lines[1]}</div>`,
      `<div class="date">${lines[2]}</div>`,
      `<div class="content">${lines
        .slice(4, 8)
        .map((l) => `<p>${l}</p>`)
        .join('\n')}</div>`,
      '<div><a href="#" onclick="window.print()">[Print]</a> <a href="#" onclick="window.close()">[Close]</a></div>',
      '</body></html>',
    ].join('\n');
    const fromHtml = article(html);
    const fromText = parseLegacyText(reference, { path: 'page.txt' });
    if (!fromText.ok) throw new Error('reference did not parse');
    expect(fromHtml.title).toBe(fromText.article.title);
    expect(fromHtml.paragraphs).toEqual(fromText.article.paragraphs);
    expect(fromHtml.importKey).toBe(fromText.article.importKey);
  });

  it('reads a minified page on one line with the body in table cells and <br> line breaks', () => {
    const html =
      '<html><body><table><tr><td class="location">Home &gt; News</td></tr><tr><td><h1>Port cooperation</h1></td></tr>' +
      '<tr><td>Date: 2017/09/12</td></tr><tr><td class="text">First line.<br><br>Second&nbsp;&nbsp;line.</td></tr>' +
      '<tr><td>[Print] [Close]</td></tr></table></body></html>';
    const a = article(html);
    expect(a.title).toBe('Port cooperation');
    expect(a.publishedAt.toISOString()).toBe('2017-09-11T16:00:00.000Z');
    expect(a.paragraphs).toEqual(['First line.', 'Second line.']);
  });

  it('reads a government CMS page without h1: 当前位置 bar, title div, 发布日期 line, #zoom body', () => {
    const html = [
      '<html><head><meta name="ArticleTitle" content="吉林省代表团赴浙江考察"><meta name="PubDate" content="2017-09-11 10:13">',
      '<title>浙江省人民政府 吉林省代表团赴浙江考察</title></head><body>',
      '<div class="top"><div class="title">浙江省人民政府</div></div>',
      '<div class="dqwz">当前位置：<a href="/">首页</a>&gt;<a href="/xw/">新闻</a>&gt;<a href="/xw/sz/">省政府信息</a></div>',
      '<div class="title">吉林省代表团赴浙江考察</div>',
      '<div class="fbxx">发布日期：2017-09-11 10:13&nbsp;&nbsp;信息来源：浙江日报</div>',
      '<div id="zoom"><p>9月6日至7日，吉林省党政代表团赴浙江考察。</p></div>',
      '<div class="dyy"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>',
      '</body></html>',
    ].join('\n');
    // The portal's own column is not one of the site's sections: the line is named, and --section decides.
    expect(error(html)).toMatchObject({ line: 4, reason: matching(/^unknown section "省政府信息"/) });
    const r = parseLegacyText(html, { path: 'page.html', section: 'news' });
    if (!r.ok) throw new Error(formatLegacyError(r.error));
    expect(r.article).toMatchObject({
      title: '吉林省代表团赴浙江考察',
      lang: 'zh',
      sectionKey: 'news',
      paragraphs: ['9月6日至7日，吉林省党政代表团赴浙江考察。'],
      lines: { breadcrumb: 4, title: 5, time: 6 },
    });
    expect(r.article.publishedAt.toISOString()).toBe('2017-09-11T02:13:00.000Z');
  });

  it('falls back to <title> without the site name, and to the page metadata for the time', () => {
    const html =
      '<html><head><title>Port cooperation - Zhejiang Provincial Government</title>' +
      '<meta property="article:published_time" content="2017-09-12T09:00:00+08:00"></head>' +
      '<body><p>Home › News › Notices</p><div class="content"><p>Ningbo and Yingkou ports agreed to cooperate.</p></div></body></html>';
    expect(article(html)).toMatchObject({
      title: 'Port cooperation',
      sectionKey: 'notices',
      paragraphs: ['Ningbo and Yingkou ports agreed to cooperate.'],
    });
    expect(article(html).publishedAt.toISOString()).toBe('2017-09-12T01:00:00.000Z');
  });

  it('names the line of what is missing or wrong', () => {
    expect(error('<html><body>\n<h1>Title</h1>\n<p>2017-09-11</p>\n<p>Body.</p>\n</body></html>')).toEqual({
      path: 'page.html',
      line: 2,
      reason: 'missing breadcrumb: expected a line like "home > NEWS" or "首页 > 新闻", found "Title"',
    });
    expect(
      error(
        '<html><body>\n<div class="breadcrumb">Home &gt; News</div>\n<h1>Title</h1>\n<time datetime="2017-02-30">30 Feb</time>\n<p>Body.</p></body></html>',
      ),
    ).toEqual({
      path: 'page.html',
      line: 4,
      reason: 'bad timestamp: "2017-02-30" is not a date that exists',
    });
    expect(
      error(
        '<html><body><div class="breadcrumb">Home &gt; News</div>\n<h1>Title</h1>\n<p>Body.</p></body></html>',
      ),
    ).toMatchObject({
      line: 3,
      reason: matching(/^missing timestamp/),
    });
    expect(
      error(
        '<html><body><div class="breadcrumb">Home &gt; News</div>\n<h1>Title</h1>\n<p>2017-09-11</p>\n<p>[Print] [Close]</p></body></html>',
      ),
    ).toMatchObject({ line: 4, reason: matching(/^no body/) });
    expect(
      error('<html><body><div class="breadcrumb">Home &gt; News</div>\n<h1> </h1></body></html>'),
    ).toMatchObject({
      line: 2,
      reason: matching(/^empty title/),
    });
  });
});
