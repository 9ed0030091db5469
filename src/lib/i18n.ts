import { z } from 'zod';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** The BCP 47 tag for `lang` attributes: Simplified Chinese as used on the mainland. */
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}

type Params = Record<string, string | number>;
export type Translator<K extends string> = (key: K, params?: Params) => string;

/**
 * Declares a module's UI strings. English is the source; the Chinese table must have exactly the same keys,
 * so a missing or stray translation fails the type check.
 */
export function defineMessages<const K extends string>(tables: {
  en: Record<K, string>;
  zh: Record<NoInfer<K>, string>;
}): (lang: Lang) => Translator<K> {
  return (lang) => (key, params) => interpolate(tables[lang][key], params);
}

function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Picks `one` or `other` by the language's plural rules (Chinese has only `other`). */
export function plural(lang: Lang, count: number, forms: { one: string; other: string }): string {
  const rule = new Intl.PluralRules(HTML_LANG[lang]).select(count);
  return interpolate(rule === 'one' ? forms.one : forms.other, { count });
}

/** Picks the best supported language from an Accept-Language header; undefined when none fits. */
export function negotiateLang(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'zh' || base === 'en') return base;
  }
  return undefined;
}

const zhLocale = z.locales.zhCN().localeError;
const enLocale = z.locales.en().localeError;
const BILINGUAL = '\u0000i18n:';

function localeText(map: typeof enLocale, issue: z.core.$ZodRawIssue): string {
  const out = map(issue);
  return (typeof out === 'string' ? out : out?.message) ?? 'Invalid input';
}

// Zod words its messages when an issue is made, with the input at hand. We word every generated message
// in both languages then (as a marked JSON pair) and pick the caller's language when presenting it;
// messages that schema authors wrote by hand are plain strings and are kept as written.
z.config({
  localeError: (issue) =>
    BILINGUAL + JSON.stringify({ en: localeText(enLocale, issue), zh: localeText(zhLocale, issue) }),
});

/** A hand-written zod message in both languages; `localizeIssue` shows the caller's half. */
export function bilingual(en: string, zh: string): string {
  return BILINGUAL + JSON.stringify({ en, zh });
}

/** A message that may be `bilingual`, in one language (plain messages come back as they are). */
export function messageIn(message: string, lang: Lang): string {
  if (!message.startsWith(BILINGUAL)) return message;
  return (JSON.parse(message.slice(BILINGUAL.length)) as Record<Lang, string>)[lang];
}

/**
 * Zod issues in the caller's language, one per field: an unknown-keys issue (which zod reports on the
 * parent object) becomes one issue naming each unknown field itself.
 */
export function localizeIssues(
  issues: readonly z.core.$ZodIssue[],
  lang: Lang,
): { field: string; message: string }[] {
  return issues.flatMap((issue) => {
    const { field, message } = localizeIssue(issue, lang);
    if (issue.code !== 'unrecognized_keys') return [{ field, message }];
    return issue.keys.map((k) => ({ field: [...issue.path.map(String), k].join('.'), message }));
  });
}

/** A zod issue's message in the caller's language, with the dotted path of the field it concerns. */
export function localizeIssue(issue: z.core.$ZodIssue, lang: Lang): { field: string; message: string } {
  const field = issue.path.map(String).join('.') || '(body)';
  return { field, message: messageIn(issue.message, lang) };
}

const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `YYYY-MM-DD HH:MM:SS` in Asia/Shanghai, as Chinese government portals show times. */
export function formatShanghai(date: Date): string {
  const parts = Object.fromEntries(SHANGHAI.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** ISO 8601 with the +08:00 offset, for `<time datetime>` and feeds. */
export function isoShanghai(date: Date): string {
  return `${formatShanghai(date).replace(' ', 'T')}+08:00`;
}

/** Just the date part in Asia/Shanghai. */
export function dateShanghai(date: Date): string {
  return formatShanghai(date).slice(0, 10);
}
