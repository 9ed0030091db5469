import type { Lang } from '../../../lib/i18n.ts';
import { formatYuan, langAttr, nameLangAttr } from '../../listings/views/parts.tsx';
import type { AgreementItem } from '../agreements.service.ts';
import type { AgreementType } from '../kinds.ts';
import { agreementsUi } from '../ui-messages.ts';

/** Region names by code. */
export type RegionNames = ReadonlyMap<string, { nameZh: string; nameEn: string }>;

export function regionName(regions: RegionNames, code: string, lang: Lang): string {
  const r = regions.get(code);
  return r ? (lang === 'zh' ? r.nameZh : r.nameEn) : code;
}

export function typeName(type: AgreementType, lang: Lang): string {
  return agreementsUi(lang)(`type_${type}`);
}

// Shared with the listing pages: how amounts and other-language text are written.
export { formatYuan, langAttr, nameLangAttr };

/** A party's name in the page language, marked when written in the other. */
export function PartyName({ party, lang }: { party: AgreementItem['parties'][number]; lang: Lang }) {
  const name = lang === 'zh' ? party.nameZh : party.nameEn;
  return <span lang={nameLangAttr(name, lang)}>{name}</span>;
}

/** The agreement's status as a tag, in words (colour is never the only signal). */
export function StatusTag({ lang, confirmed }: { lang: Lang; confirmed: boolean }) {
  const status = confirmed ? 'confirmed' : 'awaiting_confirmation';
  return <span class={`tag agreement-${status}`}>{agreementsUi(lang)(`status_${status}`)}</span>;
}
