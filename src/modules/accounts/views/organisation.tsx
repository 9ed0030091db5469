import { dateShanghai, HTML_LANG, isoShanghai, type Lang } from '../../../lib/i18n.ts';
import { CsrfField, href } from '../../../web/layout.tsx';
import type { OrganisationView } from '../organisations.service.ts';
import { orgsMsg } from '../messages.ts';
import { Notice, StatusTag, typeLabel } from './parts.tsx';

export interface Place {
  nameZh: string;
  nameEn: string;
}

/** Approve and suspend buttons for one organisation; `back` is where to return afterwards. */
export function ReviewButtons(props: {
  lang: Lang;
  csrf: string;
  id: string;
  status: string;
  back: string;
  label: string;
}) {
  const t = orgsMsg(props.lang);
  const action = (verb: string) => href(props.lang, `/coordinator/organisations/${props.id}/${verb}`);
  return (
    <div class="actions">
      {props.status !== 'approved' ? (
        <form method="post" action={action('approve')} class="inline-form">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="back" value={props.back} />
          <button type="submit" aria-label={`${t('approve')}: ${props.label}`}>
            {t('approve')}
          </button>
        </form>
      ) : null}
      {props.status !== 'suspended' ? (
        <form method="post" action={action('suspend')} class="inline-form">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="back" value={props.back} />
          <button type="submit" class="danger" aria-label={`${t('suspend')}: ${props.label}`}>
            {t('suspend')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

export function OrganisationPage(props: {
  lang: Lang;
  csrf: string;
  view: OrganisationView;
  region: Place | undefined;
  area: Place | undefined;
  done?: 'approved' | 'suspended' | undefined;
}) {
  const { lang, view } = props;
  const org = view.organisation;
  const t = orgsMsg(lang);
  const other = lang === 'zh' ? 'en' : 'zh';
  const name = lang === 'zh' ? org.nameZh : org.nameEn;
  const place = (p: Place | undefined) => (p ? (lang === 'zh' ? p.nameZh : p.nameEn) : '');
  return (
    <>
      <h1>{name}</h1>
      <p class="lead" lang={HTML_LANG[other]}>
        {lang === 'zh' ? org.nameEn : org.nameZh}
      </p>
      {props.done ? <Notice success>{t(`done_${props.done}`, { name })}</Notice> : null}
      {org.status !== 'approved' ? <p class="notice">{t('hiddenNotice')}</p> : null}
      <dl class="facts">
        <dt>{t('type')}</dt>
        <dd>{typeLabel(lang, org.type)}</dd>
        <dt>{t('region')}</dt>
        <dd>
          <a href={href(lang, `/regions/${org.regionCode}`)}>{place(props.region) || org.regionCode}</a>
          {props.area ? ` · ${place(props.area)}` : null}
        </dd>
        {org.website ? (
          <>
            <dt>{t('website')}</dt>
            <dd>
              <a href={org.website} rel="nofollow noopener">
                {org.website}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('status')}</dt>
        <dd>
          <StatusTag lang={lang} status={org.status} />
        </dd>
        <dt>{t('registeredOn')}</dt>
        <dd>
          <time datetime={isoShanghai(org.createdAt)}>{dateShanghai(org.createdAt)}</time>
        </dd>
      </dl>
      {org.description ? (
        <>
          <h2>{t('about')}</h2>
          <p>{org.description}</p>
        </>
      ) : null}
      {view.canReview ? (
        <>
          <h2>{t('members')}</h2>
          <ul>
            {view.members.map((m) => (
              <li>
                {m.name} ({m.email})
              </li>
            ))}
          </ul>
          <ReviewButtons
            lang={lang}
            csrf={props.csrf}
            id={org.id}
            status={org.status}
            back={`/organisations/${org.id}`}
            label={name}
          />
        </>
      ) : null}
    </>
  );
}
