import type { Lang } from '../../../lib/i18n.ts';
import {
  controlAttrs,
  ErrorSummary,
  Field,
  SelectField,
  summaryOf,
  TextareaField,
  type FormErrors,
} from '../../../web/forms.tsx';
import { Breadcrumb, CsrfField, href } from '../../../web/layout.tsx';
import { AGREEMENT_TYPES } from '../kinds.ts';
import { agreementsUi } from '../ui-messages.ts';
import { nameLangAttr, typeName } from './parts.tsx';

/** How many party selects the form offers: the first two and up to four more. */
export const PARTY_FIELDS = 6;

/** The form's fields as the browser sends them (all strings; parties as party0…party5). */
export type AgreementFormValues = Partial<Record<string, string>>;

/** An organisation to choose as a party. */
export interface OrgChoice {
  id: string;
  /** Name and region, in the page language. */
  label: string;
}

/** A source the form was opened from (an interest or a listing), carried in a hidden field. */
export interface SourceChoice {
  field: 'interestId' | 'listingRef';
  value: string;
  label: string;
  langAttr?: string | undefined;
}

function labels(lang: Lang): Record<string, string> {
  const t = agreementsUi(lang);
  return {
    type: t('fieldType'),
    title: t('fieldTitle'),
    summary: t('fieldSummary'),
    language: t('fieldLanguage'),
    valueCny: t('fieldValue'),
    signedOn: t('fieldSignedOn'),
    signedPlace: t('fieldPlace'),
    partyOrgIds: t('fieldPartyOrgIds'),
    documents: t('fieldDocuments'),
    interestIds: t('sourcesLabel'),
    listingRefs: t('sourcesLabel'),
  };
}

/** The party selects: a member's own organisation is fixed; the others are chosen from the list. */
function Parties(props: {
  lang: Lang;
  values: AgreementFormValues;
  error?: string | undefined;
  own: { id: string; name: string } | null;
  orgs: OrgChoice[];
}) {
  const { lang, values, own } = props;
  const t = agreementsUi(lang);
  const first = own ? 1 : 0;
  const labelOf = (i: number) =>
    i === 0 ? t('partyFirst') : i === 1 ? t('partyCounterpart') : t('partyMore', { n: i - 1 });
  const choices = props.orgs.filter((o) => o.id !== own?.id);
  return (
    <fieldset
      id="f-partyOrgIds"
      class={props.error ? 'field has-error' : 'field'}
      aria-describedby={props.error ? 'f-partyOrgIds-hint f-partyOrgIds-error' : 'f-partyOrgIds-hint'}
    >
      <legend>{t('partiesLegend')}</legend>
      <span class="hint" id="f-partyOrgIds-hint">
        {t('partiesHint')}
      </span>
      {props.error ? (
        <span class="field-error" id="f-partyOrgIds-error">
          {props.error}
        </span>
      ) : null}
      {own ? (
        <p>
          {t('partyOwn')}
          {lang === 'zh' ? '：' : ': '}
          <span lang={nameLangAttr(own.name, lang)}>{own.name}</span>
          <input type="hidden" name="party0" value={own.id} />
        </p>
      ) : null}
      {Array.from({ length: PARTY_FIELDS - first }, (_, k) => k + first).map((i) => {
        const field = { name: `party${i}`, label: labelOf(i) };
        return (
          <Field {...field}>
            <select {...controlAttrs(field)} required={i <= 1}>
              <option value="">{i <= 1 ? t('chooseOption') : t('noParty')}</option>
              {choices.map((o) => (
                <option value={o.id} selected={o.id === values[`party${i}`]}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
        );
      })}
    </fieldset>
  );
}

/** The form that records a signed agreement (multipart: it carries the documents). */
export function AgreementForm(props: {
  lang: Lang;
  csrf: string;
  values: AgreementFormValues;
  errors: FormErrors;
  own: { id: string; name: string } | null;
  orgs: OrgChoice[];
  sources: SourceChoice[];
  coordinator: boolean;
}) {
  const { lang, values, errors } = props;
  const t = agreementsUi(lang);
  const label = labels(lang);
  const colon = lang === 'zh' ? '：' : ': ';
  return (
    <>
      <Breadcrumb
        lang={lang}
        items={[{ label: t('listTitle'), path: '/agreements' }, { label: t('newTitle') }]}
      />
      <h1>{t('newTitle')}</h1>
      <p>{t('newIntro')}</p>
      {props.coordinator ? <p class="notice">{t('coordinatorNote')}</p> : null}
      <ErrorSummary title={t('errorSummary')} errors={summaryOf(errors, label, lang)} />
      <form
        method="post"
        action={href(lang, '/agreements/new')}
        enctype="multipart/form-data"
        class="stack agreement-form"
        novalidate
      >
        <CsrfField token={props.csrf} />
        {props.sources.length > 0 ? (
          <div class="field" id={errors.interestIds ? 'f-interestIds' : 'f-listingRefs'}>
            <p>
              {t('sourcesLabel')}
              {colon}
              {props.sources.map((s, i) => (
                <>
                  {i > 0 ? (lang === 'zh' ? '；' : '; ') : null}
                  <span lang={s.langAttr}>{s.label}</span>
                  <input type="hidden" name={s.field} value={s.value} />
                </>
              ))}
            </p>
            {errors.interestIds || errors.listingRefs ? (
              <span class="field-error">{errors.interestIds ?? errors.listingRefs}</span>
            ) : null}
          </div>
        ) : null}
        <SelectField
          name="type"
          label={label.type!}
          value={values.type}
          error={errors.type}
          required
          options={[
            ['', t('chooseOption')],
            ...AGREEMENT_TYPES.map((k): [string, string] => [k, typeName(k, lang)]),
          ]}
        />
        <SelectField
          name="language"
          label={label.language!}
          value={values.language ?? lang}
          error={errors.language}
          options={[
            ['zh', t('lang_zh')],
            ['en', t('lang_en')],
          ]}
        />
        <Field name="title" label={label.title!} value={values.title} error={errors.title} required />
        <TextareaField
          name="summary"
          label={label.summary!}
          value={values.summary}
          error={errors.summary}
          rows={6}
        />
        <Parties lang={lang} values={values} error={errors.partyOrgIds} own={props.own} orgs={props.orgs} />
        <Field
          name="valueCny"
          label={label.valueCny!}
          hint={t('valueHint')}
          value={values.valueCny}
          error={errors.valueCny}
        />
        <Field
          name="signedOn"
          type="date"
          label={label.signedOn!}
          value={values.signedOn}
          error={errors.signedOn}
          required
        />
        <Field
          name="signedPlace"
          label={label.signedPlace!}
          value={values.signedPlace}
          error={errors.signedPlace}
        />
        <DocumentsField lang={lang} error={errors.documents} />
        <ConfidentialField lang={lang} checked={values.confidential === 'on'} />
        <div class="actions">
          <button type="submit">{t('save')}</button>
        </div>
      </form>
    </>
  );
}

/** The file input for documents (several at once; PDFs and images). */
export function DocumentsField({ lang, error }: { lang: Lang; error?: string | undefined }) {
  const t = agreementsUi(lang);
  const field = { name: 'documents', label: t('fieldDocuments'), hint: t('documentsHint'), error };
  return (
    <Field {...field}>
      <input
        {...controlAttrs(field)}
        type="file"
        multiple
        accept="application/pdf,.pdf,image/png,image/jpeg,image/webp,image/gif"
      />
    </Field>
  );
}

/** The checkbox that marks documents confidential (checked unless the sender unchecked it). */
export function ConfidentialField({ lang, checked }: { lang: Lang; checked: boolean }) {
  const t = agreementsUi(lang);
  return (
    <div class="field checkbox">
      <input
        type="checkbox"
        id="f-confidential"
        name="confidential"
        value="on"
        checked={checked}
        aria-describedby="f-confidential-hint"
      />
      <label for="f-confidential">{t('fieldConfidential')}</label>
      <span class="hint" id="f-confidential-hint">
        {t('confidentialHint')}
      </span>
    </div>
  );
}
