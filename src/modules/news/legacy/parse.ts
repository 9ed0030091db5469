import { createHash } from 'node:crypto';
import { sectionOf, splitBreadcrumb, type KnownSection } from './breadcrumb.ts';
import { readHtmlPage } from './html-format.ts';
import type { RawPage } from './raw-page.ts';
import { readTextPage } from './text-format.ts';
import { findTimestamp, leadingTimestamp } from './timestamp.ts';

// Legacy portal pages → articles to import. Pure: text or bytes in, an article or the first error out; the
// caller reads the files.

export const MAX_LEGACY_BYTES = 2 * 1024 * 1024;

export interface LegacyArticle {
  /** Same page → same key, so importing it again updates the article instead of adding another. */
  importKey: string;
  lang: 'en' | 'zh';
  title: string;
  paragraphs: string[];
  sectionKey: string | null;
  publishedAt: Date;
  format: 'text' | 'html';
  /** Where the parts were found, for messages about them later (e.g. a section the site does not have). */
  lines: { breadcrumb: number; title: number; time: number };
}

/** Why a file cannot be imported; `line` is null when the problem is the whole file (size, encoding). */
export interface LegacyError {
  path: string;
  line: number | null;
  reason: string;
}

export interface LegacyWarning {
  path: string;
  line: number;
  message: string;
}

export type ParseResult =
  { ok: true; article: LegacyArticle; warnings: LegacyWarning[] } | { ok: false; error: LegacyError };

export interface ParseOptions {
  /** Shown in errors. */
  path: string;
  /** A section key for every page, instead of the one the breadcrumb names (`--section`). */
  section?: string | undefined;
  /** The site's sections, so that a breadcrumb may name any of them (News, Notices and Policies always map). */
  sections?: KnownSection[] | undefined;
}

export type { KnownSection };

/** `path:line: reason`, or `path: reason` for whole-file problems, as compilers print them. */
export function formatLegacyError(e: LegacyError): string {
  return e.line === null ? `${e.path}: ${e.reason}` : `${e.path}:${e.line}: ${e.reason}`;
}

function quote(text: string, max = 60): string {
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}

/** Chinese when Chinese characters make up at least a third of the letters: one character is about a word. */
export function detectLanguage(text: string): 'en' | 'zh' {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return han > 0 && han * 2 >= latin ? 'zh' : 'en';
}

/** The title as a key: width, case, quote style and spacing (`Jilin’ s` / `Jilin's`) do not matter. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`]/gu, "'")
    .replace(/[“”„‟″]/gu, '"')
    .replace(/\s+/gu, '');
}

export function importKeyOf(lang: 'en' | 'zh', publishedAt: Date, title: string): string {
  const hash = createHash('sha256').update(normaliseTitle(title)).digest('hex');
  return `legacy:${lang}:${publishedAt.toISOString()}:${hash}`;
}

function assemble(raw: RawPage, opts: ParseOptions): ParseResult {
  const fail = (line: number | null, reason: string): ParseResult => ({
    ok: false,
    error: { path: opts.path, line, reason },
  });

  if (raw.failure) return fail(raw.failure.line, raw.failure.text);
  const { breadcrumb } = raw;
  if (!breadcrumb) return fail(1, 'missing breadcrumb: the file has no text');
  const parts = splitBreadcrumb(breadcrumb.text);
  if (!parts) {
    return fail(
      breadcrumb.line,
      `missing breadcrumb: expected a line like "home > NEWS" or "首页 > 新闻", found ${quote(breadcrumb.text)}`,
    );
  }
  let sectionKey: string | null;
  if (opts.section !== undefined) {
    sectionKey = opts.section;
  } else {
    const section = sectionOf(parts, opts.sections);
    if (!section.ok) {
      const known = opts.sections?.length
        ? opts.sections.map((s) => `${s.key} (${s.names.join('/')})`).join(', ')
        : 'News, Notices/通知/公告, Policies/政策';
      return fail(
        breadcrumb.line,
        `unknown section "${section.name}" in the breadcrumb (known: ${known}); choose one with --section`,
      );
    }
    sectionKey = section.sectionKey;
  }

  const { title } = raw;
  if (!title) return fail(raw.titleLine, 'empty title: expected the title after the breadcrumb');

  const { time } = raw;
  if (!time) {
    return fail(raw.timeLine, 'missing timestamp: expected a publication time like 2017-09-11 10:13:57');
  }
  const stamp = raw.format === 'text' ? leadingTimestamp(time.text) : findTimestamp(time.text);
  if (!stamp) {
    return fail(
      time.line,
      `missing timestamp: expected a publication time like 2017-09-11 10:13:57, found ${quote(time.text)}`,
    );
  }
  if (!stamp.ok) return fail(time.line, `bad timestamp: ${stamp.reason}`);

  if (raw.paragraphs.length === 0)
    return fail(raw.bodyLine, 'no body: no paragraphs after the publication time');

  const paragraphs = raw.paragraphs.map((p) => p.text);
  const lang = detectLanguage(`${title.text}\n${paragraphs.join('\n')}`);
  return {
    ok: true,
    article: {
      importKey: importKeyOf(lang, stamp.date, title.text),
      lang,
      title: title.text,
      paragraphs,
      sectionKey,
      publishedAt: stamp.date,
      format: raw.format,
      lines: { breadcrumb: breadcrumb.line, title: title.line, time: time.line },
    },
    warnings: raw.warnings.map((w) => ({ path: opts.path, line: w.line, message: w.text })),
  };
}

/** Parses a page's text: the portal's text layout, or HTML when it starts with markup. */
export function parseLegacyText(text: string, opts: ParseOptions): ParseResult {
  const source = text.replace(/^\uFEFF/, '');
  const raw = /^\s*</.test(source) ? readHtmlPage(source) : readTextPage(source);
  return assemble(raw, opts);
}

/** The error for a file above 2 MB, so a caller can refuse one without reading it; null when it fits. */
export function sizeError(path: string, size: number): LegacyError | null {
  if (size <= MAX_LEGACY_BYTES) return null;
  return { path, line: null, reason: `file too large: ${(size / 1024 / 1024).toFixed(1)} MB (at most 2 MB)` };
}

/** Parses a file's bytes: at most 2 MB of UTF-8 (a byte order mark is allowed). */
export function parseLegacyBytes(bytes: Uint8Array, opts: ParseOptions): ParseResult {
  const tooLarge = sizeError(opts.path, bytes.length);
  if (tooLarge) return { ok: false, error: tooLarge };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, error: { path: opts.path, ...decoded.error } };
  return parseLegacyText(decoded.text, opts);
}

type Decoded = { ok: true; text: string } | { ok: false; error: { line: number | null; reason: string } };

function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // fall through: say where and, when the page declares one, which encoding it is in
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, error: { line: null, reason: 'not UTF-8: the file is UTF-16; save it as UTF-8' } };
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const charset = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  const hint =
    charset && !/^utf-?8$/i.test(charset)
      ? ` (the page declares ${charset}; convert it first, e.g. iconv -f GB18030 -t UTF-8)`
      : ' (convert it first, e.g. iconv -f GB18030 -t UTF-8 for Chinese pages)';
  // A line feed byte never occurs inside a UTF-8 sequence, so lines can be checked one by one.
  const strict = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        strict.decode(bytes.subarray(start, i));
      } catch {
        return { ok: false, error: { line, reason: `not UTF-8: invalid bytes on this line${hint}` } };
      }
      line++;
      start = i + 1;
    }
  }
  return { ok: false, error: { line: null, reason: `not UTF-8${hint}` } };
}
