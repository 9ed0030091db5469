import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

export type BodyFormat = 'markdown' | 'html';

/** Longest body source accepted, in characters. */
export const MAX_BODY_CHARS = 200_000;

/** The only images a body may show: files this site stored under /uploads by content hash. */
export const UPLOAD_SRC = /^\/uploads\/[a-f0-9]{64}\.(?:png|jpg|webp|gif)$/;

const LINK_SCHEMES = ['http', 'https', 'mailto'];

/** Control characters never belong in text; removing them also keeps search highlighting's markers unique. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

const marked = new Marked({ gfm: true, async: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'blockquote',
    'strong',
    'em',
    'b',
    'i',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'caption',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'code',
    'pre',
    'hr',
    'sub',
    'sup',
    'del',
    'ins',
    'span',
    'abbr',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'hreflang', 'lang'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    abbr: ['title'],
    '*': ['lang'],
  },
  allowedSchemes: LINK_SCHEMES,
  // Images may only have relative URLs, and the filter below keeps only those under /uploads/.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: 'discard',
  // The page's title is its one h1; headings in a body start at h2.
  transformTags: { h1: 'h2' },
  exclusiveFilter: (frame) => frame.tag === 'img' && !UPLOAD_SRC.test(frame.attribs.src ?? ''),
};

function toHtml(source: string, format: BodyFormat): string {
  return format === 'markdown' ? marked.parse(source, { async: false }) : source;
}

/** A body as HTML that is safe to insert in a page: only the allow-list survives. */
export function renderBody(source: string, format: BodyFormat, opts: { absoluteBase?: string } = {}): string {
  const html = sanitizeHtml(toHtml(source, format), ALLOWED).trim();
  // Feeds are read elsewhere: their images need absolute addresses.
  return opts.absoluteBase ? html.replace(/ src="\/uploads\//g, ` src="${opts.absoluteBase}/uploads/`) : html;
}

/** The body's text without markup, for search, snippets and descriptions. */
export function plainText(source: string, format: BodyFormat): string {
  const blocks = toHtml(source, format).replace(
    /<\/(p|h\d|li|blockquote|pre|tr|figcaption)>|<br\s*\/?>/gi,
    '$&\n',
  );
  const text = sanitizeHtml(blocks, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return text
    .replace(CONTROL_CHARS, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export type BodyProblem = 'script' | 'handler' | 'scheme' | 'image' | 'style' | 'embed';

const SCRIPTY_TAGS = new Set(['script', 'noscript', 'template']);
const EMBED_TAGS = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'base',
  'meta',
  'link',
]);

/** The scheme of a URL as a browser would read it (control characters and whitespace ignored), or null. */
function schemeOf(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  const squashed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  if (squashed.startsWith('//')) return '//';
  const match = /^([a-z][a-z0-9+.-]*):/.exec(squashed);
  return match ? match[1]! : null;
}

/**
 * What the sanitiser would have to remove from a body, so an author is told instead of silently losing it.
 * The page never depends on this: rendering always sanitises.
 */
export function bodyProblems(source: string, format: BodyFormat): BodyProblem[] {
  const found = new Set<BodyProblem>();
  sanitizeHtml(toHtml(source, format), {
    ...ALLOWED,
    onOpenTag: (name, attribs) => {
      const tag = name.toLowerCase();
      if (SCRIPTY_TAGS.has(tag)) found.add('script');
      if (EMBED_TAGS.has(tag)) found.add('embed');
      if (tag === 'style') found.add('style');
      for (const [attr, value] of Object.entries(attribs)) {
        const key = attr.toLowerCase();
        if (key.startsWith('on')) found.add('handler');
        if (key === 'style') found.add('style');
        if (
          ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'background'].includes(
            key,
          )
        ) {
          const scheme = schemeOf(value);
          if (tag === 'img' && key === 'src') {
            if (!UPLOAD_SRC.test(value.trim()))
              found.add(
                scheme && scheme !== 'http' && scheme !== 'https' && scheme !== '//' ? 'scheme' : 'image',
              );
          } else if (scheme && scheme !== '//' && !LINK_SCHEMES.includes(scheme)) {
            found.add('scheme');
          }
        }
      }
    },
  });
  return [...found];
}

/**
 * Paragraphs of imported text as Markdown that renders exactly that text: every ASCII punctuation mark is
 * escaped (CommonMark allows a backslash before any), so nothing in it becomes markup, a link or HTML.
 */
export function paragraphsToMarkdown(paragraphs: string[]): string {
  return paragraphs
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .map((p) => p.replace(/[!-/:-@[-`{-~]/g, '\\$&'))
    .join('\n\n');
}
