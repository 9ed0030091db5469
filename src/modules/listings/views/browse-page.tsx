import { plural, type Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { Pagination } from '../../../web/pagination.tsx';
import { ORG_TYPES } from '../../accounts/schema.ts';
import type { RegionTree } from '../../regions/regions.service.ts';
import { LISTING_CATEGORY_CODES } from '../../taxonomy/categories.data.ts';
import { INDUSTRY_SECTIONS } from '../../taxonomy/industries.data.ts';
import type { BrowsePage as BrowseData, FacetName } from '../listings.service.ts';
import { listingsUi } from '../ui-messages.ts';
import { ListingItem } from './listing-item.tsx';
import { categoryName, placeName, query, sectorName, typeLabel, type Places } from './parts.tsx';

export const BROWSE_PAGE_SIZE = 20;

/** The filters of the browse page, as they appear in its query string. */
export interface BrowseFilter {
  q?: string | undefined;
  region?: string | undefined;
  area?: string | undefined;
  category?: string | undefined;
  direction?: string | undefined;
  sector?: string | undefined;
  language?: string | undefined;
  orgType?: string | undefined;
  state: 'active' | 'expired';
  page: number;
}

type FilterKey = Exclude<keyof BrowseFilter, 'page'>;

/** The browse page's address with some filters changed (and back to the first page). */
function browseLink(lang: Lang, f: BrowseFilter, change: Partial<Record<FilterKey, string | undefined>>) {
  const next = { ...f, ...change, page: undefined };
  return href(
    lang,
    `/listings${query({ ...next, state: next.state === 'active' ? undefined : next.state })}`,
  );
}

interface FacetValue {
  value: string;
  label: string;
  count?: number | undefined;
}

/** One facet: "All", then each value with its count; the chosen one is marked as current. */
function Facet(props: {
  lang: Lang;
  id: string;
  title: string;
  filter: BrowseFilter;
  name: FilterKey;
  values: FacetValue[];
  /** The value that means "no filter" (state has no "All"). */
  anyLabel?: string | null;
}) {
  const { lang, filter, name } = props;
  const chosen = filter[name];
  const t = listingsUi(lang);
  return (
    <section class="facet" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      <ul>
        {props.anyLabel === null ? null : (
          <li>
            <a
              href={browseLink(lang, filter, { [name]: undefined })}
              aria-current={chosen ? undefined : 'true'}
            >
              {props.anyLabel ?? t('anyValue')}
            </a>
          </li>
        )}
        {props.values.map((v) => (
          <li>
            <a
              href={browseLink(lang, filter, { [name]: v.value })}
              aria-current={chosen === v.value ? 'true' : undefined}
            >
              {v.label}
            </a>
            {v.count === undefined ? null : <span class="facet-count"> ({v.count})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Values with a count, in the given order, plus the chosen value even when nothing is counted for it. */
function counted(
  facets: BrowseData['facets'],
  facet: FacetName,
  order: readonly string[],
  chosen: string | undefined,
  label: (v: string) => string,
): FacetValue[] {
  const counts = facets[facet];
  return order
    .filter((v) => (counts.get(v) ?? 0) > 0 || v === chosen)
    .map((v) => ({ value: v, label: label(v), count: counts.get(v) ?? 0 }));
}

/** The area filter: a GET form (a select of prefectures) that keeps the other filters. */
function AreaFilter(props: { lang: Lang; filter: BrowseFilter; tree: RegionTree[]; places: Places }) {
  const { lang, filter } = props;
  const t = listingsUi(lang);
  const groups = props.tree.filter(
    (g) => g.prefectures.length > 0 && (!filter.region || g.province.code === filter.region),
  );
  if (groups.length === 0) return null;
  const keep = {
    ...filter,
    area: undefined,
    page: undefined,
    state: filter.state === 'active' ? undefined : filter.state,
  };
  return (
    <section class="facet" aria-labelledby="facet-area">
      <h3 id="facet-area">{t('facetArea')}</h3>
      <form method="get" action={href(lang, '/listings')} class="facet-form">
        {Object.entries(keep).map(([k, v]) =>
          v === undefined || v === '' ? null : <input type="hidden" name={k} value={String(v)} />,
        )}
        <label for="listing-area" class="listing-sr-only">
          {t('facetArea')}
        </label>
        <select id="listing-area" name="area">
          <option value="">{t('anyArea')}</option>
          {groups.map((g) => (
            <optgroup label={placeName(props.places, g.province.code, lang)}>
              {g.prefectures.map((p) => (
                <option value={p.code} selected={p.code === filter.area}>
                  {lang === 'zh' ? p.nameZh : p.nameEn}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button type="submit" class="secondary">
          {t('applyArea')}
        </button>
      </form>
    </section>
  );
}

/** Links to posting, one's own listings and the review queue, for those who may use them. */
export interface BrowseLinks {
  canPost: boolean;
  hasOrg: boolean;
  canReview: boolean;
}

export function BrowsePage(props: {
  lang: Lang;
  filter: BrowseFilter;
  data: BrowseData;
  places: Places;
  tree: RegionTree[];
  links: BrowseLinks;
}) {
  const { lang, filter, data, places } = props;
  const t = listingsUi(lang);
  const sectionChosen = filter.sector && filter.sector.length === 1 ? filter.sector : undefined;
  const sections = counted(
    data.facets,
    'section',
    INDUSTRY_SECTIONS.map((s) => s.letter),
    sectionChosen,
    (v) => sectorName(v, lang),
  );
  // A division chosen elsewhere (a listing's sector link) is shown as the current value of the facet.
  if (filter.sector && filter.sector.length > 1) {
    sections.unshift({ value: filter.sector, label: sectorName(filter.sector, lang) });
  }
  const regionOrder = [...data.facets.region.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
  if (filter.region && !regionOrder.includes(filter.region)) regionOrder.push(filter.region);
  const anyFilter = Object.entries(filter).some(
    ([k, v]) => k !== 'page' && v !== undefined && v !== '' && !(k === 'state' && v === 'active'),
  );
  return (
    <>
      <h1>{t('browseTitle')}</h1>
      <p class="lead">{t('browseIntro')}</p>
      {props.links.canPost || props.links.hasOrg || props.links.canReview ? (
        <ul class="listing-links actions" aria-label={t('listingActions')}>
          {props.links.canPost ? (
            <li>
              <a class="button" href={href(lang, '/listings/new')}>
                {t('postListing')}
              </a>
            </li>
          ) : null}
          {props.links.hasOrg ? (
            <li>
              <a href={href(lang, '/listings/mine')}>{t('myListings')}</a>
            </li>
          ) : null}
          {props.links.canReview ? (
            <li>
              <a href={href(lang, '/coordinator/listings')}>{t('reviewQueue')}</a>
            </li>
          ) : null}
        </ul>
      ) : null}
      <form method="get" action={href(lang, '/listings')} role="search" class="listing-search">
        {Object.entries({
          ...filter,
          q: undefined,
          page: undefined,
          state: filter.state === 'active' ? undefined : filter.state,
        }).map(([k, v]) =>
          v === undefined || v === '' ? null : <input type="hidden" name={k} value={String(v)} />,
        )}
        <div class="field">
          <label for="listing-q">{t('searchLabel')}</label>
          <input id="listing-q" name="q" type="search" value={filter.q} maxlength={200} />
        </div>
        <button type="submit">{t('searchButton')}</button>
      </form>
      <div class="listing-browse">
        <aside class="listing-facets" aria-labelledby="facets-heading">
          <h2 id="facets-heading">{t('filtersHeading')}</h2>
          {anyFilter ? (
            <p>
              <a href={href(lang, '/listings')}>{t('clearFilters')}</a>
            </p>
          ) : null}
          <Facet
            lang={lang}
            id="facet-state"
            title={t('facetState')}
            filter={filter}
            name="state"
            anyLabel={null}
            values={(['active', 'expired'] as const).map((s) => ({ value: s, label: t(`state_${s}`) }))}
          />
          <Facet
            lang={lang}
            id="facet-region"
            title={t('facetRegion')}
            filter={filter}
            name="region"
            values={regionOrder.map((code) => ({
              value: code,
              label: placeName(places, code, lang),
              count: data.facets.region.get(code) ?? 0,
            }))}
          />
          <AreaFilter lang={lang} filter={filter} tree={props.tree} places={places} />
          <Facet
            lang={lang}
            id="facet-category"
            title={t('facetCategory')}
            filter={filter}
            name="category"
            values={counted(data.facets, 'category', LISTING_CATEGORY_CODES, filter.category, (v) =>
              categoryName(v, lang),
            )}
          />
          <Facet
            lang={lang}
            id="facet-direction"
            title={t('facetDirection')}
            filter={filter}
            name="direction"
            values={counted(data.facets, 'direction', ['offer', 'seek'], filter.direction, (v) =>
              t(v === 'offer' ? 'direction_offer' : 'direction_seek'),
            )}
          />
          <Facet
            lang={lang}
            id="facet-sector"
            title={t('facetSector')}
            filter={filter}
            name="sector"
            values={sections}
          />
          <Facet
            lang={lang}
            id="facet-language"
            title={t('facetLanguage')}
            filter={filter}
            name="language"
            values={counted(data.facets, 'language', ['zh', 'en'], filter.language, (v) =>
              t(v === 'zh' ? 'lang_zh' : 'lang_en'),
            )}
          />
          <Facet
            lang={lang}
            id="facet-orgtype"
            title={t('facetOrgType')}
            filter={filter}
            name="orgType"
            values={counted(data.facets, 'orgType', ORG_TYPES, filter.orgType, (v) =>
              typeLabel(lang, v as (typeof ORG_TYPES)[number]),
            )}
          />
        </aside>
        <div class="listing-results">
          <p role="status">{plural(lang, data.total, { one: t('resultsOne'), other: t('resultsOther') })}</p>
          {data.rows.length === 0 ? (
            <p>{t('noResults')}</p>
          ) : (
            <ul class="listing-list">
              {data.rows.map((row) => (
                <ListingItem lang={lang} row={row} places={places} />
              ))}
            </ul>
          )}
          <Pagination
            lang={lang}
            page={data.page}
            total={data.total}
            pageSize={data.pageSize}
            link={(page) =>
              href(
                lang,
                `/listings${query({ ...filter, state: filter.state === 'active' ? undefined : filter.state, page: page > 1 ? page : undefined })}`,
              )
            }
          />
        </div>
      </div>
    </>
  );
}
