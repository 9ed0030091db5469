import type { Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { regionsMsg } from '../messages.ts';
import type { PairingView } from '../regions.service.ts';
import { pairingTitle, RegionLink, RegionsBreadcrumb } from './names.tsx';

export function PairingPage({
  lang,
  pairing,
  canEdit,
}: {
  lang: Lang;
  pairing: PairingView;
  canEdit: boolean;
}) {
  const t = regionsMsg(lang);
  const assistance = pairing.kind === 'assistance';
  const note = lang === 'zh' ? pairing.noteZh : pairing.noteEn;
  return (
    <>
      <RegionsBreadcrumb lang={lang} current={pairingTitle(pairing, lang)} />
      <h1>{pairingTitle(pairing, lang)}</h1>
      <dl class="facts" aria-label={t('pairingFacts')}>
        <dt>{t('colKind')}</dt>
        <dd>{t(`kind_${pairing.kind}`)}</dd>
        <dt>{assistance ? t('giver') : t('sideA')}</dt>
        <dd>
          <RegionLink region={pairing.a} lang={lang} />
        </dd>
        <dt>{assistance ? t('receiver') : t('sideB')}</dt>
        <dd>
          <RegionLink region={pairing.b} lang={lang} />
        </dd>
        <dt>{t('colSince')}</dt>
        <dd>
          <time datetime={pairing.since}>{pairing.since}</time>
        </dd>
        {note ? (
          <>
            <dt>{t('note')}</dt>
            <dd>{note}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('overviewHeading')}</h2>
      <p>{t('overviewText')}</p>
      <p>
        <a class="button" href={href(lang, `/pairings/${pairing.id}/dashboard`)}>
          {t('dashboardLink')}
        </a>{' '}
        <a href={href(lang, `/pairings/${pairing.id}/report`)}>{t('reportLink')}</a>
      </p>
      {canEdit ? (
        <p class="no-print">
          <a class="button secondary" href={href(lang, `/admin/pairings/${pairing.id}`)}>
            {t('editPairing')}
          </a>
        </p>
      ) : null}
    </>
  );
}
