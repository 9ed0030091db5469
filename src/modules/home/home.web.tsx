import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { href, renderPage } from '../../web/layout.tsx';
import { latestNews } from '../news/news.read.ts';
import { LatestNews } from '../news/views/list-page.tsx';
import { listPairings } from '../regions/regions.service.ts';
import { pairingTitle } from '../regions/views/names.tsx';
import { homeMsg } from './messages.ts';

export const homeWeb = new Hono<AppEnv>();

homeWeb.get('/', async (c) => {
  const lang = c.var.lang;
  const t = homeMsg(lang);
  const [pairings, news] = await Promise.all([
    listPairings(c.var.deps.db),
    latestNews(c.var.deps.db, lang, 5),
  ]);
  return renderPage(c, {
    title: t('title'),
    children: (
      <>
        <h1>{t('title')}</h1>
        <p class="lead">{t('intro')}</p>
        <LatestNews lang={lang} rows={news} />
        <h2>{t('pairings')}</h2>
        <ul class="cards">
          {pairings.map((p) => (
            <li class="card">
              <h3>
                <a href={href(lang, `/pairings/${p.id}`)}>{pairingTitle(p, lang)}</a>
              </h3>
              <p class="muted">{p.kind === 'assistance' ? t('assistance') : t('cooperation')}</p>
            </li>
          ))}
        </ul>
        <p>
          <a href={href(lang, '/regions')}>{t('allRegions')}</a>
        </p>
        {c.var.user ? null : (
          <section>
            <h2>{t('joinTitle')}</h2>
            <p>{t('joinText')}</p>
            <p>
              <a class="button" href={href(lang, '/register')}>
                {t('joinAction')}
              </a>
            </p>
          </section>
        )}
      </>
    ),
  });
});
