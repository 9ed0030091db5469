/** The home page: latest news, the pairings with their headline figures, the newest listings, upcoming visits. */
import type { Lang } from '../../../lib/i18n.ts';
import { formatNumber } from '../../../web/charts.tsx';
import { href } from '../../../web/layout.tsx';
import type { PairingHeadline } from '../../dashboards/dashboards.service.ts';
import type { BrowseRow } from '../../listings/listings.service.ts';
import { ListingItem } from '../../listings/views/listing-item.tsx';
import { formatYuan, type Places } from '../../listings/views/parts.tsx';
import type { ArticleWithSection } from '../../news/news.read.ts';
import { LatestNews } from '../../news/views/list-page.tsx';
import { pairingTitle } from '../../regions/views/names.tsx';
import { dateRange, nameLangAttr, placeName, visitHref, visitTitle } from '../../visits/views/parts.tsx';
import type { VisitRow } from '../../visits/visits.repo.ts';
import { homeMsg } from '../messages.ts';

export interface HomeData {
  news: ArticleWithSection[];
  headlines: PairingHeadline[];
  listings: (BrowseRow & { expired: boolean })[];
  visits: VisitRow[];
  places: Places;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Pairings({ lang, headlines }: { lang: Lang; headlines: PairingHeadline[] }) {
  const t = homeMsg(lang);
  const n = (v: number) => formatNumber(v, lang);
  return (
    <section aria-labelledby="home-pairings">
      <h2 id="home-pairings">{t('pairings')}</h2>
      <p>{t('pairingsIntro')}</p>
      <ul class="cards">
        {headlines.map(({ pairing: p, ...f }) => (
          <li class="card">
            <h3>
              <a href={href(lang, `/pairings/${p.id}`)}>{pairingTitle(p, lang)}</a>
            </h3>
            <p class="muted">{p.kind === 'assistance' ? t('assistance') : t('cooperation')}</p>
            <dl class="figures">
              <Figure label={t('figAgreements')} value={n(f.agreements)} />
              <Figure label={t('figContracted')} value={formatYuan(f.contracted, lang)} />
              <Figure label={t('figProjects')} value={n(f.projects)} />
              <Figure label={t('figActual')} value={formatYuan(f.actual, lang)} />
              <Figure label={t('figJobs')} value={n(f.jobs)} />
            </dl>
            <p>
              <a href={href(lang, `/pairings/${p.id}/dashboard`)}>
                {t('pairingDashboard')}
                <span class="visually-hidden">
                  {t('pairingDashboardOf', { pairing: pairingTitle(p, lang) })}
                </span>
              </a>
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a href={href(lang, '/dashboard')}>{t('overallDashboard')}</a> ·{' '}
        <a href={href(lang, '/regions')}>{t('allRegions')}</a>
      </p>
    </section>
  );
}

function Listings({ lang, rows, places }: { lang: Lang; rows: HomeData['listings']; places: Places }) {
  const t = homeMsg(lang);
  return (
    <section aria-labelledby="home-listings">
      <h2 id="home-listings">{t('listings')}</h2>
      {rows.length === 0 ? (
        <p>{t('noListings')}</p>
      ) : (
        <ul class="listing-list">
          {rows.map((row) => (
            <ListingItem lang={lang} row={row} places={places} level={3} />
          ))}
        </ul>
      )}
      <p>
        <a href={href(lang, '/listings')}>{t('allListings')}</a>
      </p>
    </section>
  );
}

function Visits({ lang, rows, places }: { lang: Lang; rows: VisitRow[]; places: Places }) {
  const t = homeMsg(lang);
  return (
    <section aria-labelledby="home-visits">
      <h2 id="home-visits">{t('visits')}</h2>
      {rows.length === 0 ? (
        <p>{t('noVisits')}</p>
      ) : (
        <ul class="home-visits">
          {rows.map((v) => (
            <li>
              <a href={visitHref(lang, v.id)}>{visitTitle(v, lang)}</a>{' '}
              <span class="muted">
                {dateRange(v, lang)} · {placeName(places, v.hostRegionCode, lang)}
                {v.places ? (
                  <>
                    {' · '}
                    <span lang={nameLangAttr(v.places, lang)}>{v.places}</span>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={href(lang, '/visits')}>{t('allVisits')}</a>
      </p>
    </section>
  );
}

export function HomePage(props: { lang: Lang; signedIn: boolean; data: HomeData }) {
  const { lang, data } = props;
  const t = homeMsg(lang);
  return (
    <>
      <h1>{t('title')}</h1>
      <p class="lead">{t('intro')}</p>
      <LatestNews lang={lang} rows={data.news} />
      <Pairings lang={lang} headlines={data.headlines} />
      <Listings lang={lang} rows={data.listings} places={data.places} />
      <Visits lang={lang} rows={data.visits} places={data.places} />
      {props.signedIn ? null : (
        <section aria-labelledby="home-join">
          <h2 id="home-join">{t('joinTitle')}</h2>
          <p>{t('joinText')}</p>
          <p>
            <a class="button" href={href(lang, '/register')}>
              {t('joinAction')}
            </a>
          </p>
        </section>
      )}
    </>
  );
}
