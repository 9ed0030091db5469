import { DomHandler, DomUtils, Parser, type parseDocument } from 'htmlparser2';
import { splitBreadcrumb } from './breadcrumb.ts';
import { cleanLine, isButtonsLine, isDecorationOnly, type Located } from './lines.ts';
import type { RawPage } from './raw-page.ts';
import { findTimestamp } from './timestamp.ts';

// A page saved from a portal: the same parts as the text layout inside markup. Markup varies from portal to
// portal, so each part is looked for in the likeliest places first and the page's text lines last.

type Doc = ReturnType<typeof parseDocument>;
type Node = Doc['children'][number];
type Element = Extract<Node, { name: string; attribs: Record<string, string> }>;

/** Never text of the page. */
const IGNORED = new Set([
  ...['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas'],
  ...['iframe', 'object', 'embed', 'video', 'audio', 'map', 'select', 'textarea', 'button', 'input'],
]);
/** Site navigation and furniture: may hold the breadcrumb, never the body. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);
const BLOCK = new Set([
  ...[
    'address',
    'article',
    'aside',
    'blockquote',
    'center',
    'dd',
    'div',
    'dl',
    'dt',
    'fieldset',
    'figcaption',
  ],
  ...['figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav'],
  ...['ol', 'p', 'pre', 'section', 'table', 'caption', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul'],
  'title',
]);
const BREADCRUMB_NAME = /breadcrumb|crumb|position|location|weizhi|dqwz|curpos/i;
const CONTENT_NAME =
  /^(?:content|contents|article|article[-_]?(?:content|body|text)|news[-_]?(?:content|text|body)|post[-_]?(?:content|body)|entry[-_]?content|main[-_]?content|text|zoom|detail|details|con|art[-_]?con|trs_editor|pages?[-_]content|body[-_]?text)$/i;
const TITLE_NAME = /^(?:title|bt|tit|article[-_]?title|news[-_]?title|art[-_]?title|detail[-_]?title)$/i;
const PUBLISHED_META = new Set([
  'article:published_time',
  'og:published_time',
  'pubdate',
  'publishdate',
  'datepublished',
  'dc.date',
]);

/** Deeper markup is broken or hostile: the parser's cost grows with depth, so such pages are refused. */
export const MAX_HTML_DEPTH = 2000;

class TooDeep extends Error {}

class BoundedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.tagStack.length > MAX_HTML_DEPTH) throw new TooDeep();
    super.onopentag(name, attribs);
  }
}

/** htmlparser2's DOM with start and end offsets; null when the markup nests too deeply. */
function parse(html: string): { doc: Doc } | { tooDeepAt: number } {
  const handler = new BoundedHandler(undefined, { withStartIndices: true, withEndIndices: true });
  const parser = new Parser(handler);
  try {
    parser.end(html);
  } catch (err) {
    if (err instanceof TooDeep) return { tooDeepAt: parser.startIndex };
    throw err;
  }
  return { doc: handler.root };
}

interface Piece extends Located {
  offset: number;
}

/** Elements in document order, without descending into those `stopAt` accepts (which are still yielded). */
function* elementsOf(
  root: readonly Node[],
  stopAt: (el: Element) => boolean = () => false,
): Generator<Element> {
  const stack = [...root].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!DomUtils.isTag(node)) continue;
    yield node;
    if (stopAt(node)) continue;
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
  }
}

function lineLocator(source: string): (offset: number) => number {
  const starts = [0];
  for (const m of source.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function names(el: Element): string[] {
  return [el.attribs.id ?? '', ...(el.attribs.class ?? '').split(/\s+/)].filter(Boolean);
}

function within(el: Element, test: (ancestor: Element) => boolean, stop?: Element): boolean {
  for (
    let p: Element | null = el;
    p && p !== stop;
    p = p.parent && DomUtils.isTag(p.parent) ? p.parent : null
  ) {
    if (test(p)) return true;
  }
  return false;
}

/** The element's text when it is short (at most `max` characters), else null; cheap on big elements. */
function shortText(el: Element, max = 80): string | null {
  let text = '';
  let budget = 200;
  const stack: Node[] = [el];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (--budget < 0) return null;
    if (DomUtils.isText(node)) {
      text += node.data;
      if (text.length > max * 4 && cleanLine(text).length > max) return null;
    } else if (DomUtils.isTag(node) && !IGNORED.has(node.name)) {
      for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
    }
  }
  const clean = cleanLine(text);
  return clean.length > max ? null : clean;
}

const buttonsSeen = new WeakMap<Element, boolean>();

/** Print/Close links and the like, and anything made only of them. */
function isButtons(el: Element): boolean {
  let seen = buttonsSeen.get(el);
  if (seen === undefined) {
    const text = shortText(el);
    seen = text !== null && text !== '' && isButtonsLine(text);
    buttonsSeen.set(el, seen);
  }
  return seen;
}

const EMPTY: RawPage = {
  format: 'html',
  breadcrumb: null,
  title: null,
  titleLine: 1,
  time: null,
  timeLine: 1,
  paragraphs: [],
  bodyLine: 1,
  warnings: [],
  failure: null,
};

export function readHtmlPage(html: string): RawPage {
  const lineAt = lineLocator(html);
  const parsed = parse(html);
  if ('tooDeepAt' in parsed) {
    const failure = {
      text: `HTML nested too deeply: more than ${MAX_HTML_DEPTH} open elements`,
      line: lineAt(parsed.tooDeepAt),
    };
    return { ...EMPTY, failure };
  }
  const { doc } = parsed;
  const all = [...elementsOf(doc.children)];
  const visible = (el: Element) => !within(el, (a) => IGNORED.has(a.name));
  const posOf = (el: Element) => el.startIndex ?? 0;
  const at = (el: Element, text: string): Located => ({ text, line: lineAt(posOf(el)) });
  const contains = (outer: Element, inner: Element) =>
    posOf(outer) <= posOf(inner) && posOf(inner) <= (outer.endIndex ?? Infinity);

  /** The visible text of these nodes as lines: one per block element or `<br>`. */
  function lines(
    roots: readonly Node[],
    skip: (el: Element) => boolean = () => false,
    blocks = BLOCK,
  ): Piece[] {
    const out: Piece[] = [];
    let buffer = '';
    let start: { line: number; offset: number } | null = null;
    const flush = () => {
      const text = cleanLine(buffer);
      if (text && start) out.push({ text, ...start });
      buffer = '';
      start = null;
    };
    const FLUSH = Symbol('flush');
    const stack: (Node | typeof FLUSH)[] = [...roots].reverse();
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node === FLUSH) {
        flush();
      } else if (DomUtils.isText(node)) {
        if (start === null && node.data.trim() !== '') {
          const lead = /^\s*/.exec(node.data)?.[0] ?? '';
          const offset = node.startIndex ?? 0;
          start = { line: lineAt(offset) + (lead.match(/\r\n|\r|\n/g)?.length ?? 0), offset };
        }
        buffer += node.data;
      } else if (DomUtils.isTag(node) && !IGNORED.has(node.name) && !skip(node) && !isButtons(node)) {
        if (node.name === 'br') {
          flush();
          continue;
        }
        if (blocks.has(node.name)) {
          flush();
          stack.push(FLUSH);
        }
        for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
      }
    }
    flush();
    return out;
  }
  const textOf = (el: Element) => lines([el]).map((l) => l.text);

  function breadcrumbText(el: Element): string {
    const inline = textOf(el).join(' ');
    if (splitBreadcrumb(inline)) return inline;
    // Separators drawn by CSS or images: one part per list item or link.
    const parts = lines([el], undefined, new Set([...BLOCK, 'a', 'span'])).map((l) => l.text);
    const joined = parts.filter((p) => !isDecorationOnly(p)).join(' > ');
    return splitBreadcrumb(joined) ? joined : inline;
  }

  const body = all.find((el) => el.name === 'body');
  let allLines: Piece[] | undefined;
  /** Every visible line of the page, computed when a part is not where it is usually marked up. */
  const pageLines = () => (allLines ??= lines(body ? body.children : doc.children));

  // Breadcrumb: a element named like one, else the first line that reads like one, else the first line.
  const crumbCandidates = all.filter(
    (el) =>
      (names(el).some((n) => BREADCRUMB_NAME.test(n)) ||
        /breadcrumb|面包屑/i.test(el.attribs['aria-label'] ?? '')) &&
      visible(el),
  );
  const crumbEl = crumbCandidates.find((el) => splitBreadcrumb(breadcrumbText(el)));
  const firstCandidate = crumbCandidates.find((el) => textOf(el).length > 0);
  const breadcrumb: Located | null = crumbEl
    ? at(crumbEl, breadcrumbText(crumbEl))
    : (pageLines().find((l) => splitBreadcrumb(l.text)) ??
      (firstCandidate ? at(firstCandidate, breadcrumbText(firstCandidate)) : null) ??
      pageLines()[0] ??
      null);

  // Title: the first h1 after the breadcrumb, else an element named like a title, else the title metadata
  // (ArticleTitle on Chinese government CMSs, og:title), else <title> without the site's name.
  const afterCrumb = (el: Element) => !crumbEl || posOf(el) > posOf(crumbEl);
  const h1s = all.filter((el) => el.name === 'h1' && visible(el) && textOf(el).length > 0);
  const titled = all.filter(
    (el) => names(el).some((n) => TITLE_NAME.test(n)) && visible(el) && (shortText(el, 300) ?? '') !== '',
  );
  const titleEl = h1s.find(afterCrumb) ?? h1s[0] ?? titled.find(afterCrumb) ?? titled[0];
  const meta = (test: (key: string) => boolean) => {
    const el = all.find(
      (m) => m.name === 'meta' && test((m.attribs.property ?? m.attribs.name ?? '').toLowerCase()),
    );
    const content = cleanLine(el?.attribs.content ?? '');
    return el && content ? at(el, content) : null;
  };
  const titleTag = all.find((el) => el.name === 'title');
  const titleTagText = titleTag ? cleanLine(DomUtils.textContent(titleTag)) : '';
  const title: Located | null = titleEl
    ? at(titleEl, textOf(titleEl).join(' '))
    : (meta((k) => k === 'articletitle' || k === 'og:title') ??
      (titleTag && titleTagText
        ? at(titleTag, cleanLine(titleTagText.split(/\s+[-–—|]\s+|_|\s*｜\s*/u)[0] ?? titleTagText))
        : null));
  const titleLine = title?.line ?? (breadcrumb ? breadcrumb.line + 1 : 1);

  // Time: <time datetime>, else a date on one of the lines just after the title, else the page's metadata.
  let time: Located | null = null;
  let timeOffset = -1;
  const timeEl = all.find((el) => el.name === 'time' && visible(el));
  if (timeEl) {
    const values = [timeEl.attribs.datetime ?? '', textOf(timeEl).join(' ')].map(cleanLine).filter(Boolean);
    const value = values.find((v) => findTimestamp(v)?.ok) ?? values[0];
    if (value) {
      time = at(timeEl, value);
      timeOffset = posOf(timeEl);
    }
  }
  if (!time) {
    const from = titleEl ? pageLines().findIndex((l) => l.offset >= posOf(titleEl)) : 0;
    const near = pageLines().slice(Math.max(from, 0), Math.max(from, 0) + 8);
    const line = near.find((l) => findTimestamp(l.text) !== null && l.text !== title?.text);
    if (line) {
      time = { text: line.text, line: line.line };
      timeOffset = line.offset;
    }
  }
  time ??= meta((k) => PUBLISHED_META.has(k));
  const timeLine = time?.line ?? titleLine + 1;

  // Body: the <article>, else the element named like content holding the most paragraphs, else <main> or body.
  const contentCandidates = all.filter((el) => names(el).some((n) => CONTENT_NAME.test(n)) && visible(el));
  const countP = (el: Element) => [...elementsOf(el.children)].filter((d) => d.name === 'p').length;
  let best: Element | undefined;
  let bestCount = -1;
  for (const el of contentCandidates) {
    const n = countP(el);
    if (n >= bestCount) [best, bestCount] = [el, n];
  }
  const container =
    all.find((el) => el.name === 'article' && visible(el)) ??
    best ??
    all.find((el) => (el.name === 'main' || el.attribs.role === 'main') && visible(el)) ??
    body;
  const roots = container ? [container] : doc.children;
  const skipInBody = (el: Element) =>
    (el !== container && CHROME.has(el.name)) || el === crumbEl || el === titleEl || el === timeEl;
  const inside = [...elementsOf(roots)];
  const endMarker = inside.find((el) => posOf(el) > timeOffset && isButtons(el));
  const end = endMarker ? posOf(endMarker) : Infinity;

  const isBodyText = (l: Piece) =>
    !isDecorationOnly(l.text) &&
    ![title?.text, time?.text, breadcrumb?.text].includes(l.text) &&
    !isButtonsLine(l.text);
  // Paragraphs outside navigation and the other parts; a paragraph's own text includes any nested ones.
  const excluded = (el: Element) => el !== container && (skipInBody(el) || IGNORED.has(el.name));
  const ps = [...elementsOf(roots, (el) => el.name === 'p' || excluded(el))].filter(
    (el) => el.name === 'p' && !excluded(el) && posOf(el) < end && !(timeEl && contains(el, timeEl)),
  );
  let candidates: Piece[] = ps.flatMap((p) => lines([p], skipInBody));
  if (candidates.length === 0) candidates = lines(roots, skipInBody).filter((l) => l.offset < end);
  const afterTime = candidates.filter((l) => l.offset > timeOffset);
  const paragraphs = (afterTime.some(isBodyText) ? afterTime : candidates)
    .filter(isBodyText)
    .map(({ text, line }) => ({ text, line }));

  return {
    format: 'html',
    breadcrumb,
    title,
    titleLine,
    time,
    timeLine,
    paragraphs,
    bodyLine: time ? time.line + 1 : timeLine + 1,
    warnings: [],
    failure: null,
  };
}
