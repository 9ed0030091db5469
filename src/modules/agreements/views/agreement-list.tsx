import type { Lang } from '../../../lib/i18n.ts';
import { Breadcrumb, href } from '../../../web/layout.tsx';
import { Pagination } from '../../../web/pagination.tsx';
import type { AgreementItem } from '../agreements.service.ts';
import { agreementsUi } from '../ui-messages.ts';
import { formatYuan, langAttr, PartyName, StatusTag, typeName } from './parts.tsx';

export const LIST_PAGE_SIZE = 20;

/** The viewer's agreements, latest signed first, with a link to record one for those who may. */
export function AgreementList(props: {
  lang: Lang;
  rows: AgreementItem[];
  total: number;
  page: number;
  canRecord: boolean;
}) {
  const { lang, rows } = props;
  const t = agreementsUi(lang);
  return (
    <>
      <Breadcrumb lang={lang} items={[{ label: t('listTitle') }]} />
      <h1>{t('listTitle')}</h1>
      <p>{t('listIntro')}</p>
      {props.canRecord ? (
        <p>
          <a class="button" href={href(lang, '/agreements/new')}>
            {t('recordNew')}
          </a>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('listEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('colTitle')}</th>
              <th scope="col">{t('colParties')}</th>
              <th scope="col">{t('colSigned')}</th>
              <th scope="col">{t('colValue')}</th>
              <th scope="col">{t('colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr>
                <th scope="row">
                  <a href={href(lang, `/agreements/${a.id}`)} lang={langAttr(a.language, lang)}>
                    {a.title}
                  </a>
                  <br />
                  {typeName(a.type, lang)}
                </th>
                <td>
                  {a.parties.map((p, i) => (
                    <>
                      {i > 0 ? (lang === 'zh' ? '、' : ', ') : null}
                      <PartyName party={p} lang={lang} />
                    </>
                  ))}
                </td>
                <td>
                  <time datetime={a.signedOn}>{a.signedOn}</time>
                </td>
                <td>{a.valueCny === null ? '' : formatYuan(a.valueCny, lang)}</td>
                <td>
                  <StatusTag lang={lang} confirmed={a.confirmed} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        lang={lang}
        page={props.page}
        total={props.total}
        pageSize={LIST_PAGE_SIZE}
        link={(p) => href(lang, `/agreements?page=${p}`)}
      />
    </>
  );
}
