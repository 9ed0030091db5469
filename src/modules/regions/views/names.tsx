import type { Lang } from '../../../lib/i18n.ts';
import { Breadcrumb, href } from '../../../web/layout.tsx';
import type { RegionRow } from '../regions.repo.ts';
import { regionsMsg } from '../messages.ts';
import type { PairingView } from '../regions.service.ts';

/** A region's name in the page language. */
export function regionName(region: Pick<RegionRow, 'nameEn' | 'nameZh'>, lang: Lang): string {
  return lang === 'zh' ? region.nameZh : region.nameEn;
}

/** A pairing's title: "A – B" for cooperation, "giver → receiver" for assistance. */
export function pairingTitle(p: PairingView, lang: Lang): string {
  const t = regionsMsg(lang);
  const names = { a: regionName(p.a, lang), b: regionName(p.b, lang) };
  return p.kind === 'assistance' ? t('assistanceTitle', names) : t('pairingTitle', names);
}

export function RegionLink({ region, lang }: { region: RegionRow; lang: Lang }) {
  return <a href={href(lang, `/regions/${region.code}`)}>{regionName(region, lang)}</a>;
}

/** The trail of a page under Regions and pairings: Home › Regions and pairings › `current`. */
export function RegionsBreadcrumb({ lang, current }: { lang: Lang; current: string }) {
  return (
    <Breadcrumb
      lang={lang}
      items={[{ label: regionsMsg(lang)('regionsTitle'), path: '/regions' }, { label: current }]}
    />
  );
}
