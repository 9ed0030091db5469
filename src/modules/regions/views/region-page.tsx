import type { Lang } from '../../../lib/i18n.ts';
import { regionsMsg } from '../messages.ts';
import type { RegionRow } from '../regions.repo.ts';
import type { PairingView } from '../regions.service.ts';
import { regionName, RegionLink, RegionsBreadcrumb } from './names.tsx';
import { PairingsTable } from './regions-page.tsx';

export function RegionPage(props: {
  lang: Lang;
  region: RegionRow;
  parent: RegionRow | undefined;
  children: RegionRow[];
  pairings: PairingView[];
}) {
  const { lang, region } = props;
  const t = regionsMsg(lang);
  const other = lang === 'zh' ? region.nameEn : region.nameZh;
  return (
    <>
      <RegionsBreadcrumb lang={lang} current={regionName(region, lang)} />
      <h1>
        {regionName(region, lang)}{' '}
        <span lang={lang === 'zh' ? 'en' : 'zh-CN'} class="muted">
          {other}
        </span>
      </h1>
      <dl class="facts" aria-label={t('regionFacts')}>
        <dt>{t('level')}</dt>
        <dd>{t(`level_${region.level}`)}</dd>
        {region.level === 'province' ? (
          <>
            <dt>{t('colIsoCode')}</dt>
            <dd>{region.code}</dd>
          </>
        ) : null}
        <dt>{t('colGbCode')}</dt>
        <dd>{region.gbCode}</dd>
        {props.parent ? (
          <>
            <dt>{t('parent')}</dt>
            <dd>
              <RegionLink region={props.parent} lang={lang} />
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('counterparts')}</h2>
      {props.pairings.length > 0 ? (
        <PairingsTable lang={lang} pairings={props.pairings} />
      ) : (
        <p>{t('noPairings')}</p>
      )}
      {props.children.length > 0 ? (
        <>
          <h2>{t('colPrefectures')}</h2>
          <ul class="cards">
            {props.children.map((c) => (
              <li class="card">
                <RegionLink region={c} lang={lang} /> <span class="muted">{c.gbCode}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
