import { dateShanghai, HTML_LANG, isoShanghai, type Lang } from '../../../lib/i18n.ts';
import { typeLabel } from '../../accounts/views/parts.tsx';
import { categoryInfo } from '../../taxonomy/categories.data.ts';
import { divisionOf, sectionOf } from '../../taxonomy/industries.data.ts';
import type { ListingRow } from '../listings.service.ts';
import { listingsUi } from '../ui-messages.ts';

export { typeLabel };

/** Region and area names by code (provinces by ISO code, prefectures by GB/T 2260 code). */
export type Places = ReadonlyMap<string, { nameZh: string; nameEn: string }>;

/** A region's or area's name in the page language; the code itself when it is not known. */
export function placeName(places: Places, code: string, lang: Lang): string {
  const p = places.get(code);
  return p ? (lang === 'zh' ? p.nameZh : p.nameEn) : code;
}

/**
 * An area code as people know it: a prefecture by name, a county as its prefecture's name with its own
 * code (the platform knows prefectures, not counties).
 */
export function areaName(places: Places, code: string, lang: Lang): string {
  if (places.has(code)) return placeName(places, code, lang);
  const prefecture = `${code.slice(0, 4)}00`;
  return places.has(prefecture) ? `${placeName(places, prefecture, lang)} (${code})` : code;
}

export function categoryName(code: string, lang: Lang): string {
  const c = categoryInfo(code);
  return c ? (lang === 'zh' ? c.nameZh : c.nameEn) : code;
}

/** What a listing of this category and direction is: "A producer selling goods". */
export function directionMeaning(category: string, direction: 'offer' | 'seek', lang: Lang): string {
  const c = categoryInfo(category);
  if (!c) return '';
  if (direction === 'offer') return lang === 'zh' ? c.offerZh : c.offerEn;
  return lang === 'zh' ? c.seekZh : c.seekEn;
}

/** A division as "C15 Beverages" (short) or with its official name; a section letter as "C Manufacturing". */
export function sectorName(code: string, lang: Lang, form: 'short' | 'full' = 'short'): string {
  const d = divisionOf(code);
  if (d) {
    const name =
      form === 'short' ? (lang === 'zh' ? d.shortZh : d.shortEn) : lang === 'zh' ? d.nameZh : d.nameEn;
    return `${d.code} ${name}`;
  }
  const s = code.length === 1 ? sectionOf(code) : undefined;
  return s ? `${s.letter} ${lang === 'zh' ? s.nameZh : s.nameEn}` : code;
}

const GROUPED: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 2 }),
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }),
};

/** An amount in yuan as each language writes it: "5,000,000 yuan"; "500万元", "1.2亿元". */
export function formatYuan(amount: number, lang: Lang): string {
  if (lang === 'zh') {
    if (amount >= 1e8) return `${GROUPED.zh.format(amount / 1e8)}亿元`;
    if (amount >= 1e4) return `${GROUPED.zh.format(amount / 1e4)}万元`;
    return `${GROUPED.zh.format(amount)}元`;
  }
  return listingsUi(lang)('amountYuan', { amount: GROUPED.en.format(amount) });
}

/** `lang` for content in another language than the page's, so it is read (and hyphenated) correctly. */
export function langAttr(content: Lang, page: Lang): string | undefined {
  return content === page ? undefined : HTML_LANG[content];
}

/**
 * The `lang` of a name whose language is not recorded (imported organisations have one name for both
 * languages): Chinese when it has Han characters.
 */
export function nameLangAttr(name: string, page: Lang): string | undefined {
  return langAttr(/\p{Script=Han}/u.test(name) ? 'zh' : 'en', page);
}

/** The date part of a moment in Beijing time, machine-readable. */
export function DateOnly({ at }: { at: Date }) {
  return <time datetime={isoShanghai(at)}>{dateShanghai(at)}</time>;
}

/** A status word as a tag (published listings carry none); colour is never the only signal. */
export function StatusBadge({ lang, status }: { lang: Lang; status: ListingRow['status'] }) {
  if (status === 'published') return null;
  return <span class={`tag listing-status-${status}`}>{listingsUi(lang)(`status_${status}`)}</span>;
}

export function ExpiredBadge({ lang }: { lang: Lang }) {
  return <span class="tag listing-expired">{listingsUi(lang)('expired')}</span>;
}

/** "Offer" or "Seek" as a tag, then what that means in the category: "Products: A producer selling goods". */
export function Kind({
  lang,
  category,
  direction,
}: {
  lang: Lang;
  category: string;
  direction: 'offer' | 'seek';
}) {
  return (
    <>
      <span class={`tag listing-${direction}`}>{listingsUi(lang)(`direction_${direction}`)}</span>{' '}
      {categoryName(category, lang)}
      {lang === 'zh' ? '：' : ': '}
      {directionMeaning(category, direction, lang)}
    </>
  );
}

/** A query string from the parameters that are set. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length > 0
    ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`
    : '';
}
