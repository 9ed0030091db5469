import { plural, type Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { Pagination } from '../../../web/pagination.tsx';
import { Notice } from '../../accounts/views/parts.tsx';
import type { BrowseRow } from '../listings.service.ts';
import { listingsUi } from '../ui-messages.ts';
import { ListingItem } from './listing-item.tsx';
import { ReviewForm } from './listing-page.tsx';
import { placeName, query, type Places } from './parts.tsx';

export const WORK_PAGE_SIZE = 20;

type Row = BrowseRow & { expired: boolean };

/** A member's listings of their organisation, every status. */
export function MinePage(props: {
  lang: Lang;
  hasOrg: boolean;
  canPost: boolean;
  rows: Row[];
  total: number;
  page: number;
  places: Places;
}) {
  const { lang } = props;
  const t = listingsUi(lang);
  return (
    <>
      <h1>{t('mineTitle')}</h1>
      {props.hasOrg ? <p>{t('mineIntro')}</p> : <p>{t('noOrg')}</p>}
      {props.canPost ? (
        <p>
          <a class="button" href={href(lang, '/listings/new')}>
            {t('postListing')}
          </a>
        </p>
      ) : null}
      {props.hasOrg ? (
        <>
          <p>{plural(lang, props.total, { one: t('resultsOne'), other: t('resultsOther') })}</p>
          {props.rows.length === 0 ? (
            <p>{t('noneYet')}</p>
          ) : (
            <ul class="listing-list">
              {props.rows.map((row) => (
                <ListingItem lang={lang} row={row} places={props.places} />
              ))}
            </ul>
          )}
          <Pagination
            lang={lang}
            page={props.page}
            total={props.total}
            pageSize={WORK_PAGE_SIZE}
            link={(page) => href(lang, `/listings/mine${query({ page: page > 1 ? page : undefined })}`)}
          />
        </>
      ) : null}
    </>
  );
}

/** The review queue: pending listings of the coordinator's region (an admin's: any region, or the one chosen). */
export function QueuePage(props: {
  lang: Lang;
  csrf: string;
  /** The coordinator's region; undefined for admins, who may choose one. */
  ownRegion: string | undefined;
  region: string | undefined;
  provinces: string[];
  rows: Row[];
  total: number;
  page: number;
  places: Places;
  done?: 'approved' | 'rejected' | undefined;
}) {
  const { lang, places } = props;
  const t = listingsUi(lang);
  return (
    <>
      <h1>{t('queueTitle')}</h1>
      <p>
        {props.ownRegion
          ? t('queueIntroCoordinator', { region: placeName(places, props.ownRegion, lang) })
          : t('queueIntroAdmin')}
      </p>
      {props.done ? <Notice success>{t(`done_${props.done}`)}</Notice> : null}
      {props.ownRegion ? null : (
        <form
          method="get"
          action={href(lang, '/coordinator/listings')}
          class="actions"
          aria-label={t('filtersHeading')}
        >
          <div class="field">
            <label for="queue-region">{t('fieldRegion')}</label>
            <select id="queue-region" name="region">
              <option value="">{t('allRegions')}</option>
              {props.provinces.map((code) => (
                <option value={code} selected={code === props.region}>
                  {placeName(places, code, lang)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="secondary">
            {t('show')}
          </button>
        </form>
      )}
      <p>{plural(lang, props.total, { one: t('resultsOne'), other: t('resultsOther') })}</p>
      {props.rows.length === 0 ? (
        <p>{t('queueEmpty')}</p>
      ) : (
        <ul class="listing-list">
          {props.rows.map((row, i) => (
            <ListingItem lang={lang} row={row} places={places}>
              <ReviewForm
                lang={lang}
                csrf={props.csrf}
                listingRef={row.ref}
                idSuffix={`-${i}`}
                back="queue"
                label={row.title}
              />
            </ListingItem>
          ))}
        </ul>
      )}
      <Pagination
        lang={lang}
        page={props.page}
        total={props.total}
        pageSize={WORK_PAGE_SIZE}
        link={(page) =>
          href(
            lang,
            `/coordinator/listings${query({ region: props.region, page: page > 1 ? page : undefined })}`,
          )
        }
      />
    </>
  );
}
