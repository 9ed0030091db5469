import type { Child } from 'hono/jsx';
import type { Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import type { BrowseRow } from '../listings.service.ts';
import { listingsUi } from '../ui-messages.ts';
import {
  DateOnly,
  ExpiredBadge,
  Kind,
  langAttr,
  nameLangAttr,
  placeName,
  sectorName,
  StatusBadge,
  type Places,
} from './parts.tsx';

/** The page of a listing under the language prefix. */
export function listingPath(ref: string, suffix = ''): string {
  return `/listings/${encodeURIComponent(ref)}${suffix}`;
}

/**
 * One listing in a list: its title (marked with the listing's language), organisation, region, kind,
 * sector, posting date, and badges for a status other than published and for expiry.
 */
export function ListingItem(props: {
  lang: Lang;
  row: BrowseRow & { expired: boolean };
  places: Places;
  /** Shown under the listing (the review form in the queue). */
  children?: Child;
  /** The title's heading level: 2 in a page's list, 3 in a list under its own h2 (the home page). */
  level?: 2 | 3;
}) {
  const { lang, row } = props;
  const Heading = props.level === 3 ? 'h3' : 'h2';
  const t = listingsUi(lang);
  const org = lang === 'zh' ? row.orgNameZh : row.orgNameEn;
  return (
    <li class="listing-item">
      <Heading>
        <a href={href(lang, listingPath(row.ref))} lang={langAttr(row.language, lang)}>
          {row.title}
        </a>{' '}
        <StatusBadge lang={lang} status={row.status} />
        {row.expired ? (
          <>
            {' '}
            <ExpiredBadge lang={lang} />
          </>
        ) : null}
      </Heading>
      <p class="listing-kind">
        <Kind lang={lang} category={row.category} direction={row.direction} />
      </p>
      <p class="muted">
        <span lang={nameLangAttr(org, lang)}>{org}</span> · {placeName(props.places, row.regionCode, lang)}
        {row.sector ? <> · {sectorName(row.sector, lang)}</> : null} · {t('posted')}{' '}
        <DateOnly at={row.createdAt} />
      </p>
      {props.children}
    </li>
  );
}
