/** What the visit pages share: addresses, dates, names in the page's language, and status tags. */
import type { Lang } from '../../../lib/i18n.ts';
import { nameLangAttr } from '../../listings/views/parts.tsx';
import type { AreaStatus } from '../core/area-status.ts';
import { statusLabel } from '../messages.ts';
import { visitsUi } from '../ui-messages.ts';
import type { VisitRow } from '../visits.repo.ts';

export { areaName, nameLangAttr, placeName, type Places } from '../../listings/views/parts.tsx';

export const DONE = [
  'created',
  'updated',
  'participant',
  'area',
  'linked',
  'unlinked',
  'article',
  'articleRemoved',
] as const;
export type Done = (typeof DONE)[number];

/** A visit's page (or one of its forms) under the language prefix. */
export function visitHref(lang: Lang, id: string, rest = ''): string {
  return `/${lang}/visits/${id}${rest}`;
}

export const visitTitle = (v: Pick<VisitRow, 'titleZh' | 'titleEn'>, lang: Lang) =>
  lang === 'zh' ? v.titleZh : v.titleEn;

/** "2017-09-06 to 2017-09-07", or one day. */
export function dateRange(v: Pick<VisitRow, 'startsOn' | 'endsOn'>, lang: Lang): string {
  const t = visitsUi(lang);
  return v.startsOn === v.endsOn
    ? t('oneDay', { from: v.startsOn })
    : t('dates', { from: v.startsOn, to: v.endsOn });
}

/**
 * A name recorded in the official form with an optional English one: the English on English pages when
 * there is one, else the recorded form, marked with its language.
 */
export function Named({ value, en, lang }: { value: string; en?: string | undefined; lang: Lang }) {
  const shown = lang === 'en' && en ? en : value;
  return <span lang={nameLangAttr(shown, lang)}>{shown}</span>;
}

/** An area's status as a tag: the word is always there, colour only helps. */
export function StatusTag({ lang, status }: { lang: Lang; status: AreaStatus }) {
  return <span class={`tag area-${status}`}>{statusLabel(status, lang)}</span>;
}
