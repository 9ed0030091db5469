import { dateShanghai, isoShanghai, plural, type Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { Pagination } from '../../../web/pagination.tsx';
import type { OrganisationRow } from '../accounts.repo.ts';
import { orgsMsg } from '../messages.ts';
import { ORG_STATUSES } from '../schema.ts';
import { ReviewButtons, type Place } from './organisation.tsx';
import { Notice, OrgLink, StatusTag, typeLabel } from './parts.tsx';

export interface ReviewFilter {
  status: OrganisationRow['status'] | 'all';
  region: string | undefined;
  page: number;
}

export function ReviewPage(props: {
  lang: Lang;
  csrf: string;
  /** The coordinator's own region; undefined for administrators, who may pick any. */
  ownRegion: Place | undefined;
  provinces: (Place & { code: string })[];
  filter: ReviewFilter;
  rows: OrganisationRow[];
  total: number;
  pageSize: number;
  done?: { verb: 'approved' | 'suspended'; name: string } | undefined;
}) {
  const { lang, filter } = props;
  const t = orgsMsg(lang);
  const place = (p: Place) => (lang === 'zh' ? p.nameZh : p.nameEn);
  const regionOf = new Map(props.provinces.map((p) => [p.code, place(p)]));
  const query = (page: number) => {
    const q = new URLSearchParams({ status: filter.status, page: String(page) });
    if (filter.region) q.set('region', filter.region);
    return href(lang, `/coordinator/organisations?${q.toString()}`);
  };
  const back = query(filter.page).slice(3);
  return (
    <>
      <h1>{t('reviewTitle')}</h1>
      <p>
        {props.ownRegion
          ? t('reviewIntroCoordinator', { region: place(props.ownRegion) })
          : t('reviewIntroAdmin')}
      </p>
      {props.done ? <Notice success>{t(`done_${props.done.verb}`, { name: props.done.name })}</Notice> : null}
      <form
        method="get"
        action={href(lang, '/coordinator/organisations')}
        class="actions"
        aria-label={t('filter')}
      >
        <div class="field">
          <label for="f-status">{t('status')}</label>
          <select id="f-status" name="status">
            {[...ORG_STATUSES, 'all' as const].map((s) => (
              <option value={s} selected={s === filter.status}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        </div>
        {props.ownRegion ? null : (
          <div class="field">
            <label for="f-region">{t('region')}</label>
            <select id="f-region" name="region">
              <option value="">{t('allRegions')}</option>
              {props.provinces.map((p) => (
                <option value={p.code} selected={p.code === filter.region}>
                  {place(p)}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" class="secondary">
          {t('show')}
        </button>
      </form>
      <p>{plural(lang, props.total, { one: t('countOne'), other: t('countOther') })}</p>
      {props.rows.length === 0 ? (
        <p>{t('noneFound')}</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('type')}</th>
                <th scope="col">{t('region')}</th>
                <th scope="col">{t('registeredOn')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((org) => (
                <tr>
                  <td>
                    <OrgLink lang={lang} org={org} />
                  </td>
                  <td>{typeLabel(lang, org.type)}</td>
                  <td>{regionOf.get(org.regionCode) ?? org.regionCode}</td>
                  <td>
                    <time datetime={isoShanghai(org.createdAt)}>{dateShanghai(org.createdAt)}</time>
                  </td>
                  <td>
                    <StatusTag lang={lang} status={org.status} />
                  </td>
                  <td>
                    <ReviewButtons
                      lang={lang}
                      csrf={props.csrf}
                      id={org.id}
                      status={org.status}
                      back={back}
                      label={lang === 'zh' ? org.nameZh : org.nameEn}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination lang={lang} page={filter.page} total={props.total} pageSize={props.pageSize} link={query} />
    </>
  );
}
