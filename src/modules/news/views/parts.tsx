import { formatShanghai, HTML_LANG, isoShanghai, type Lang } from '../../../lib/i18n.ts';
import type { PairingView, RegionRow } from '../../regions/regions.service.ts';
import { newsMsg } from '../messages.ts';
import type { SectionRow } from '../sections.repo.ts';
import type { Segment } from '../search.ts';

/** A time as Chinese portals show it (Beijing time), machine-readable with its +08:00 offset. */
export function Time({ at }: { at: Date }) {
  return <time datetime={isoShanghai(at)}>{formatShanghai(at)}</time>;
}

/** Just the date part, for lists. */
export function DateOnly({ at }: { at: Date }) {
  return <time datetime={isoShanghai(at)}>{formatShanghai(at).slice(0, 10)}</time>;
}

export function sectionName(section: Pick<SectionRow, 'nameEn' | 'nameZh'>, lang: Lang): string {
  return lang === 'zh' ? section.nameZh : section.nameEn;
}

export function regionLabel(region: Pick<RegionRow, 'nameEn' | 'nameZh'>, lang: Lang): string {
  return lang === 'zh' ? region.nameZh : region.nameEn;
}

export function pairingLabel(p: PairingView, lang: Lang): string {
  const names = { a: regionLabel(p.a, lang), b: regionLabel(p.b, lang) };
  return newsMsg(lang)(p.kind === 'assistance' ? 'assistanceTitle' : 'pairingTitle', names);
}

/** `lang` for content in another language than the page's, so it is read (and hyphenated) correctly. */
export function langAttr(content: Lang, page: Lang): string | undefined {
  return content === page ? undefined : HTML_LANG[content];
}

/** Text with matched words marked; every part is escaped by JSX. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}</>;
}

/** A query string from the parameters that are set. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length > 0
    ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`
    : '';
}
