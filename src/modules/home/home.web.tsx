import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { renderPage } from '../../web/layout.tsx';
import { pairingHeadlines } from '../dashboards/dashboards.service.ts';
import { newestListings } from '../listings/listings.read.ts';
import { latestNews } from '../news/news.read.ts';
import { listRegions } from '../regions/regions.service.ts';
import { listVisits } from '../visits/visits.read.ts';
import { homeMsg } from './messages.ts';
import { HomePage } from './views/home-page.tsx';

export const homeWeb = new Hono<AppEnv>();

const SHOWN = 5;

homeWeb.get('/', async (c) => {
  const { lang, deps } = c.var;
  // The page is the same for everyone: published records only, whoever is signed in.
  const anonymous = { viewer: null, lang };
  const [news, headlines, listings, visits, regions] = await Promise.all([
    latestNews(deps.db, lang, SHOWN),
    pairingHeadlines(deps),
    newestListings(deps, SHOWN),
    listVisits(deps, anonymous, { when: 'upcoming', page: 1, pageSize: SHOWN }),
    listRegions(deps.db),
  ]);
  const places = new Map(regions.map((r) => [r.code, r]));
  return renderPage(c, {
    title: homeMsg(lang)('title'),
    children: (
      <HomePage
        lang={lang}
        signedIn={Boolean(c.var.user)}
        data={{ news, headlines, listings, visits: visits.rows, places }}
      />
    ),
  });
});
