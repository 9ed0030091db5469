import { formatShanghai, isoShanghai, type Lang } from '../../../lib/i18n.ts';
import type { FormErrors } from '../../../web/forms.tsx';
import { Breadcrumb, CsrfField, href } from '../../../web/layout.tsx';
import type { AgreementView } from '../agreements.service.ts';
import { agreementsUi } from '../ui-messages.ts';
import { ConfidentialField, DocumentsField } from './agreement-form.tsx';
import {
  formatYuan,
  langAttr,
  PartyName,
  regionName,
  StatusTag,
  typeName,
  type RegionNames,
} from './parts.tsx';

/** The notices the page shows after an action (`?done=`). */
export const DONE = ['recorded', 'recordedConfirmed', 'confirmedNotice', 'documentsAdded'] as const;
export type Done = (typeof DONE)[number];

function When({ at }: { at: Date }) {
  return <time datetime={isoShanghai(at)}>{formatShanghai(at)}</time>;
}

/** Who signed and where each party's region stands, with the confirm buttons the viewer may press. */
function PartiesTable(props: { lang: Lang; csrf: string; view: AgreementView; regions: RegionNames }) {
  const { lang, view, regions } = props;
  const t = agreementsUi(lang);
  const confirmation = new Map(view.confirmations.map((c) => [c.regionCode, c]));
  return (
    <table aria-labelledby="parties-h">
      <thead>
        <tr>
          <th scope="col">{t('organisation')}</th>
          <th scope="col">{t('region')}</th>
          <th scope="col">{t('confirmation')}</th>
        </tr>
      </thead>
      <tbody>
        {view.parties.map((p) => {
          const c = confirmation.get(p.regionCode);
          return (
            <tr>
              <th scope="row">
                <PartyName party={p} lang={lang} />
              </th>
              <td>{regionName(regions, p.regionCode, lang)}</td>
              <td>
                {c ? (
                  <>
                    {t('confirmedBy', { name: c.confirmerName })} <When at={c.confirmedAt} />
                  </>
                ) : (
                  t('awaiting')
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ConfirmButtons(props: {
  lang: Lang;
  csrf: string;
  view: AgreementView;
  regions: RegionNames;
  error?: string | undefined;
}) {
  const { lang, view } = props;
  const t = agreementsUi(lang);
  if (view.can.confirmRegions.length === 0 && !props.error) return null;
  return (
    <div id="f-confirm" class={props.error ? 'field has-error' : undefined}>
      {props.error ? <p class="field-error">{props.error}</p> : null}
      {view.can.confirmRegions.map((r) => (
        <form
          method="post"
          action={href(lang, `/agreements/${view.agreement.id}/confirm`)}
          class="inline-form"
        >
          <CsrfField token={props.csrf} />
          <input type="hidden" name="regionCode" value={r} />
          <button type="submit">{t('confirmFor', { region: regionName(props.regions, r, lang) })}</button>
        </form>
      ))}
    </div>
  );
}

function Documents(props: { lang: Lang; csrf: string; view: AgreementView; error?: string | undefined }) {
  const { lang, view } = props;
  const t = agreementsUi(lang);
  const id = view.agreement.id;
  return (
    <section aria-labelledby="documents-h">
      <h2 id="documents-h">{t('documents')}</h2>
      {view.documents.length === 0 ? (
        <p>{t('noDocuments')}</p>
      ) : (
        <ul>
          {view.documents.map((d) => (
            <li>
              <a href={href(lang, `/agreements/${id}/documents/${d.fileId}`)} download={d.name}>
                {d.name}
              </a>{' '}
              ({t('size', { kb: Math.max(1, Math.round(d.bytes / 1024)) })}, {d.mediaType},{' '}
              {d.confidential ? t('confidential') : t('notConfidential')})
            </li>
          ))}
        </ul>
      )}
      {view.can.addDocuments ? (
        <form
          method="post"
          action={href(lang, `/agreements/${id}/documents`)}
          enctype="multipart/form-data"
          class="stack"
          novalidate
        >
          <CsrfField token={props.csrf} />
          <h3>{t('addDocuments')}</h3>
          <DocumentsField lang={lang} error={props.error} />
          <ConfidentialField lang={lang} checked />
          <div class="actions">
            <button type="submit">{t('upload')}</button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Sources({ lang, view }: { lang: Lang; view: AgreementView }) {
  const t = agreementsUi(lang);
  const { interests, listings } = view.sources;
  return (
    <section aria-labelledby="sources-h">
      <h2 id="sources-h">{t('sources')}</h2>
      {interests.length + listings.length === 0 ? (
        <p>{t('noSources')}</p>
      ) : (
        <ul>
          {interests.map((i) => (
            <li>
              <a href={href(lang, `/interests/${i.id}`)}>
                {i.listing ? (
                  <span lang={langAttr(i.listing.language, lang)}>
                    {t('sourceInterest', { title: i.listing.title })}
                  </span>
                ) : (
                  t('sourceInterestNoListing')
                )}
              </a>
            </li>
          ))}
          {listings.map((l) => (
            <li>
              <a href={href(lang, `/listings/${encodeURIComponent(l.ref)}`)}>
                <span lang={langAttr(l.language, lang)}>{t('sourceListing', { title: l.title })}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One agreement: details, parties and their regions' confirmations, documents, sources. */
export function AgreementPage(props: {
  lang: Lang;
  csrf: string;
  view: AgreementView;
  regions: RegionNames;
  done?: Done | undefined;
  errors: FormErrors;
}) {
  const { lang, view, regions } = props;
  const t = agreementsUi(lang);
  const a = view.agreement;
  const titleLang = langAttr(a.language, lang);
  return (
    <>
      <Breadcrumb lang={lang} items={[{ label: t('listTitle'), path: '/agreements' }, { label: a.title }]} />
      <h1 lang={titleLang}>{a.title}</h1>
      {props.done ? (
        <p class="notice" role="status">
          {t(props.done)}
        </p>
      ) : null}
      <p>
        <StatusTag lang={lang} confirmed={view.status === 'confirmed'} />
      </p>
      <ConfirmButtons
        lang={lang}
        csrf={props.csrf}
        view={view}
        regions={regions}
        error={props.errors.confirm}
      />
      <h2>{t('details')}</h2>
      <dl>
        <dt>{t('type')}</dt>
        <dd>{typeName(a.type, lang)}</dd>
        <dt>{t('value')}</dt>
        <dd>{a.valueCny === null ? t('notStated') : formatYuan(a.valueCny, lang)}</dd>
        <dt>{t('signedOn')}</dt>
        <dd>
          <time datetime={a.signedOn}>{a.signedOn}</time>
        </dd>
        <dt>{t('signedPlace')}</dt>
        <dd lang={a.signedPlace ? titleLang : undefined}>{a.signedPlace || t('notStated')}</dd>
        <dt>{t('summary')}</dt>
        <dd lang={a.summary ? titleLang : undefined}>{a.summary || t('notStated')}</dd>
      </dl>
      <h2 id="parties-h">{t('parties')}</h2>
      <PartiesTable lang={lang} csrf={props.csrf} view={view} regions={regions} />
      <Documents lang={lang} csrf={props.csrf} view={view} error={props.errors.documents} />
      <Sources lang={lang} view={view} />
      {view.can.startProject ? (
        <p>
          <a class="button" href={href(lang, `/projects/new?agreement=${a.id}`)}>
            {t('startProject')}
          </a>
        </p>
      ) : null}
      {view.can.startProjectOnceConfirmed ? (
        <p class="muted">
          {t('startProjectAfterConfirmation', {
            regions: view.awaitingRegions
              .map((r) => regionName(regions, r, lang))
              .join(lang === 'zh' ? '、' : ', '),
          })}
        </p>
      ) : null}
    </>
  );
}
