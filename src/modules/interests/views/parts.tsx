/** What the interests pages share: organisation names, status tags, times and the listing link. */
import { formatShanghai, isoShanghai, type Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { langAttr, nameLangAttr } from '../../listings/views/parts.tsx';
import type { InterestStatus, OrgBrief } from '../interests.service.ts';
import { STATUS_LABELS } from '../messages.ts';

/** An organisation's name in the page language (marked when it is written in the other one). */
export function OrgName({ lang, org }: { lang: Lang; org: OrgBrief }) {
  const name = (lang === 'zh' ? org.nameZh : org.nameEn) || org.nameZh || org.nameEn;
  return <span lang={nameLangAttr(name, lang)}>{name}</span>;
}

/** The status as a word in a tag (colour is never the only signal). */
export function StatusTag({ lang, status }: { lang: Lang; status: InterestStatus }) {
  return <span class={`tag interest-status-${status}`}>{STATUS_LABELS[lang][status]}</span>;
}

/** A moment in Beijing time, machine-readable. */
export function Time({ at }: { at: Date }) {
  return <time datetime={isoShanghai(at)}>{formatShanghai(at).slice(0, 16)}</time>;
}

/** A link to a listing, its title marked with the listing's language. */
export function ListingLink({
  lang,
  listing,
}: {
  lang: Lang;
  listing: { ref: string; title: string; language: 'zh' | 'en' };
}) {
  return (
    <a
      href={href(lang, `/listings/${encodeURIComponent(listing.ref)}`)}
      lang={langAttr(listing.language, lang)}
    >
      {listing.title}
    </a>
  );
}
