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
import { LISTING_CATEGORY_CODES } from '../../taxonomy/categories.data.ts';
import { divisionsOfSection, INDUSTRY_SECTIONS } from '../../taxonomy/industries.data.ts';
import type { ListingRow } from '../listings.service.ts';
import { listingsUi } from '../ui-messages.ts';
import { listingPath } from './listing-item.tsx';
import { categoryName, nameLangAttr } from './parts.tsx';

/** The form's fields as the browser sends them (all strings). */
export type ListingFormValues = Partial<
  Record<
    | 'orgId'
    | 'direction'
    | 'category'
    | 'sector'
    | 'title'
    | 'description'
    | 'language'
    | 'tags'
    | 'amountCny'
    | 'validUntil'
    | 'areaCode',
    string
  >
>;

/** The form's values for an existing listing. */
export function formValuesOf(l: ListingRow): ListingFormValues {
  return {
    direction: l.direction,
    category: l.category,
    sector: l.sector ?? '',
    title: l.title,
    description: l.description,
    language: l.language,
    tags: l.tags.join(', '),
    amountCny: l.amountCny === null ? '' : String(l.amountCny),
    validUntil: l.validUntil ?? '',
    areaCode: l.areaCode ?? '',
  };
}

/** An organisation a coordinator or admin may post for. */
export interface OrgChoice {
  id: string;
  name: string;
}

/** The field labels, also used to name fields in the error summary. */
function labels(lang: Lang): Record<keyof ListingFormValues, string> {
  const t = listingsUi(lang);
  return {
    orgId: t('fieldOrg'),
    direction: t('fieldDirection'),
    category: t('fieldCategory'),
    sector: t('fieldSector'),
    title: t('fieldTitle'),
    description: t('fieldDescription'),
    language: t('fieldLanguage'),
    tags: t('fieldTags'),
    amountCny: t('fieldAmount'),
    validUntil: t('fieldValidUntil'),
    areaCode: t('fieldArea'),
  };
}

/** The sector select: no sector, then each section's divisions in an option group. */
function SectorSelect(props: {
  lang: Lang;
  value?: string | undefined;
  error?: string | undefined;
  label: string;
}) {
  const { lang } = props;
  const t = listingsUi(lang);
  const field = { name: 'sector', label: props.label, hint: t('sectorHint'), error: props.error };
  return (
    <Field {...field}>
      <select {...controlAttrs(field)}>
        <option value="">{t('noSector')}</option>
        {INDUSTRY_SECTIONS.map((s) => (
          <optgroup label={`${s.letter} ${lang === 'zh' ? s.nameZh : s.nameEn}`}>
            {divisionsOfSection(s.letter).map((d) => (
              <option value={d.code} selected={d.code === props.value}>
                {`${d.code} ${lang === 'zh' ? d.nameZh : d.nameEn}`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Field>
  );
}

/**
 * Post or edit a listing. `orgs` is the choice of organisation for coordinators and admins posting a new
 * listing; members always post for their own, and an existing listing keeps its organisation.
 */
export function ListingForm(props: {
  lang: Lang;
  csrf: string;
  values: ListingFormValues;
  errors: FormErrors;
  orgs: OrgChoice[] | null;
  /** Whether what is saved is published at once (coordinators, admins). */
  direct: boolean;
  listing?: { ref: string; title: string; orgName: string } | undefined;
}) {
  const { lang, values, errors, listing } = props;
  const t = listingsUi(lang);
  const label = labels(lang);
  const title = listing ? t('editTitle', { title: listing.title }) : t('newTitle');
  const action = href(lang, listing ? listingPath(listing.ref, '/edit') : '/listings/new');
  const choose: [string, string] = ['', t('chooseOption')];
  return (
    <>
      <Breadcrumb
        lang={lang}
        items={[
          { label: t('browseTitle'), path: '/listings' },
          ...(listing ? [{ label: listing.title, path: listingPath(listing.ref) }] : []),
          { label: listing ? t('edit') : t('newTitle') },
        ]}
      />
      <h1>{title}</h1>
      <p>{props.direct ? t('formIntroDirect') : t('formIntro')}</p>
      <ErrorSummary title={t('errorSummary')} errors={summaryOf(errors, label, lang)} />
      <form method="post" action={action} class="stack listing-form" novalidate>
        <CsrfField token={props.csrf} />
        {listing ? (
          <p>
            {label.orgId}
            {lang === 'zh' ? '：' : ': '}
            <span lang={nameLangAttr(listing.orgName, lang)}>{listing.orgName}</span>
          </p>
        ) : props.orgs ? (
          <SelectField
            name="orgId"
            label={label.orgId}
            value={values.orgId}
            error={errors.orgId}
            required
            options={[['', t('chooseOrg')], ...props.orgs.map((o): [string, string] => [o.id, o.name])]}
          />
        ) : null}
        <SelectField
          name="direction"
          label={label.direction}
          value={values.direction}
          error={errors.direction}
          required
          options={[choose, ['offer', t('directionOfferLong')], ['seek', t('directionSeekLong')]]}
        />
        <SelectField
          name="category"
          label={label.category}
          value={values.category}
          error={errors.category}
          required
          options={[
            choose,
            ...LISTING_CATEGORY_CODES.map((c): [string, string] => [c, categoryName(c, lang)]),
          ]}
        />
        <SectorSelect lang={lang} value={values.sector} error={errors.sector} label={label.sector} />
        <SelectField
          name="language"
          label={label.language}
          hint={t('languageHint')}
          value={values.language ?? lang}
          error={errors.language}
          options={[
            ['zh', t('lang_zh')],
            ['en', t('lang_en')],
          ]}
        />
        <Field
          name="title"
          label={label.title}
          hint={t('titleHint')}
          value={values.title}
          error={errors.title}
          required
        />
        <TextareaField
          name="description"
          label={label.description}
          value={values.description}
          error={errors.description}
          rows={10}
        />
        <Field name="tags" label={label.tags} hint={t('tagsHint')} value={values.tags} error={errors.tags} />
        <Field
          name="amountCny"
          label={label.amountCny}
          hint={t('amountHint')}
          value={values.amountCny}
          error={errors.amountCny}
        />
        <Field
          name="validUntil"
          type="date"
          label={label.validUntil}
          hint={t('validUntilHint')}
          value={values.validUntil}
          error={errors.validUntil}
        />
        <Field
          name="areaCode"
          label={label.areaCode}
          hint={t('areaHint')}
          value={values.areaCode}
          error={errors.areaCode}
        />
        <div class="actions">
          <button type="submit">{t('save')}</button>
        </div>
      </form>
    </>
  );
}
