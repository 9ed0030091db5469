import { HTML_LANG, type Lang } from '../../../lib/i18n.ts';

/** `lang` for text in the other language than the page's, so it is read and hyphenated correctly. */
export function langOf(content: Lang, page: Lang): string | undefined {
  return content === page ? undefined : HTML_LANG[content];
}

/** A name in both languages: the page's first, the other after it, marked with its language. */
export function BothNames({ zh, en, lang }: { zh: string; en: string; lang: Lang }) {
  const [first, second, secondLang]: [string, string, Lang] = lang === 'zh' ? [zh, en, 'en'] : [en, zh, 'zh'];
  return (
    <>
      {first}{' '}
      <span class="muted" lang={HTML_LANG[secondLang]}>
        {second}
      </span>
    </>
  );
}
