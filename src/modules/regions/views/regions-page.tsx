import type { Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { regionsMsg } from '../messages.ts';
import type { PairingView, RegionTree } from '../regions.service.ts';
import { pairingTitle, RegionLink } from './names.tsx';

export function PairingsTable({ lang, pairings }: { lang: Lang; pairings: PairingView[] }) {
  const t = regionsMsg(lang);
  return (
    <div class="table-scroll" tabindex={0}>
      <table>
        <caption>{t('pairingsHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colPairing')}</th>
            <th scope="col">{t('colKind')}</th>
            <th scope="col">{t('colSince')}</th>
          </tr>
        </thead>
        <tbody>
          {pairings.map((p) => (
            <tr>
              <td>
                <a href={href(lang, `/pairings/${p.id}`)}>{pairingTitle(p, lang)}</a>
              </td>
              <td>{t(`kind_${p.kind}`)}</td>
              <td>
                <time datetime={p.since}>{p.since}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RegionsPage({
  lang,
  tree,
  pairings,
}: {
  lang: Lang;
  tree: RegionTree[];
  pairings: PairingView[];
}) {
  const t = regionsMsg(lang);
  return (
    <>
      <h1>{t('regionsTitle')}</h1>
      <p class="lead">{t('regionsIntro')}</p>
      <h2>{t('pairingsHeading')}</h2>
      <PairingsTable lang={lang} pairings={pairings} />
      <h2>{t('provincesHeading')}</h2>
      <div class="table-scroll" tabindex={0}>
        <table>
          <caption>{t('provincesHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colRegion')}</th>
              <th scope="col">{t('colIsoCode')}</th>
              <th scope="col">{t('colGbCode')}</th>
              <th scope="col">{t('colPrefectures')}</th>
            </tr>
          </thead>
          <tbody>
            {tree.map(({ province, prefectures }) => (
              <tr>
                <th scope="row">
                  <RegionLink region={province} lang={lang} />
                </th>
                <td>{province.code}</td>
                <td>{province.gbCode}</td>
                <td>
                  {prefectures.length > 0 ? (
                    <details>
                      <summary>{t('showPrefectures', { count: prefectures.length })}</summary>
                      <ul>
                        {prefectures.map((p) => (
                          <li>
                            <RegionLink region={p} lang={lang} /> <span class="muted">{p.gbCode}</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
