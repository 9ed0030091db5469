/** What the programme pages share: names, numbers in their units, and statuses in words. */
import type { Lang } from '../../../lib/i18n.ts';
import { formatYuan } from '../../listings/views/parts.tsx';
import type { Status } from '../core/status.ts';
import { kindLabel, statusLabel, unitLabel } from '../messages.ts';
import type { IndicatorRow, ProgrammeRow } from '../programmes.repo.ts';

export { placeName, type Places } from '../../listings/views/parts.tsx';

export const DONE = ['created', 'indicator', 'report', 'draft', 'confirmed'] as const;
export type Done = (typeof DONE)[number];

/** Where a programme's page is, under the language prefix. */
export function programmeHref(lang: Lang, id: string, rest = ''): string {
  return `/${lang}/programmes/${id}${rest}`;
}

export function programmeTitle(p: Pick<ProgrammeRow, 'titleEn' | 'titleZh'>, lang: Lang): string {
  return lang === 'zh' ? p.titleZh : p.titleEn;
}

/** An "other" indicator's own name, else its kind's label. */
export function indicatorName(i: Pick<IndicatorRow, 'kind' | 'nameEn' | 'nameZh'>, lang: Lang): string {
  return (lang === 'zh' ? i.nameZh : i.nameEn) ?? kindLabel(i.kind, lang);
}

const NUMBER = {
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 2 }),
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }),
};

/** A plain number with grouping, as tables show it (the unit is in the column or row heading). */
export function formatNumber(value: number, lang: Lang): string {
  return NUMBER[lang].format(value);
}

/** A value in its unit, for sentences: "300,000,000 yuan", "3亿元", "5,000 persons". */
export function formatValue(value: number, unit: string, lang: Lang): string {
  if (unit === 'yuan') return formatYuan(value, lang);
  // "40 count" is no English: things counted are written as a bare number.
  if (unit === 'count' && lang === 'en') return formatNumber(value, lang);
  const u = unitLabel(unit, lang);
  return lang === 'zh' ? `${formatNumber(value, lang)}${u}` : `${formatNumber(value, lang)} ${u}`;
}

/** A status as a tag: the word is always there, colour is only a help. */
export function StatusTag({ lang, status }: { lang: Lang; status: Status }) {
  return <strong class={`tag status-${status}`}>{statusLabel(status, lang)}</strong>;
}
