/** The list of programmes with each one's status today, and a link to create one for those who may. */
import type { Lang } from '../../../lib/i18n.ts';
import { Breadcrumb, href } from '../../../web/layout.tsx';
import type { ProgrammeItem } from '../programmes.read.ts';
import { programmesUi } from '../ui-messages.ts';
import { placeName, programmeHref, programmeTitle, StatusTag, type Places } from './parts.tsx';

export function ListPage(props: { lang: Lang; rows: ProgrammeItem[]; places: Places; canCreate: boolean }) {
  const { lang, rows, places } = props;
  const t = programmesUi(lang);
  return (
    <>
      <Breadcrumb lang={lang} items={[{ label: t('listTitle') }]} />
      <h1>{t('listTitle')}</h1>
      <p>{t('listIntro')}</p>
      {props.canCreate ? (
        <p>
          <a class="button" href={href(lang, '/programmes/new')}>
            {t('newProgramme')}
          </a>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('listEmpty')}</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colProgramme')}</th>
                <th scope="col">{t('colSides')}</th>
                <th scope="col">{t('colDates')}</th>
                <th scope="col">{t('colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ programme: p, status }) => (
                <tr>
                  <th scope="row">
                    <a href={programmeHref(lang, p.id)}>{programmeTitle(p, lang)}</a>
                  </th>
                  <td>
                    {t('sides', {
                      giving: placeName(places, p.givingRegion, lang),
                      receiving: placeName(places, p.receivingRegion, lang),
                    })}
                  </td>
                  <td>{t('dates', { start: p.startOn, deadline: p.deadline })}</td>
                  <td>
                    <StatusTag lang={lang} status={status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
