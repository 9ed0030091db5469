/** The form that turns a signed agreement into a project. */
import type { Lang } from '../../../lib/i18n.ts';
import type { FormValues } from '../../../web/form-parse.ts';
import {
  ErrorSummary,
  Field,
  SelectField,
  summaryOf,
  TextareaField,
  type FormErrors,
} from '../../../web/forms.tsx';
import { Breadcrumb, CsrfField } from '../../../web/layout.tsx';
import { LISTING_CATEGORY_CODES } from '../../taxonomy/categories.data.ts';
import type { AgreementForProject } from '../projects.read.ts';
import { projectsUi } from '../ui-messages.ts';
import { categoryName, langAttr, placeName, type Places } from './parts.tsx';

export function NewProjectPage(props: {
  lang: Lang;
  csrf: string;
  draft: AgreementForProject;
  places: Places;
  values: FormValues;
  errors: FormErrors;
}) {
  const { lang, draft, values, errors } = props;
  const t = projectsUi(lang);
  const a = draft.agreement;
  const regions = [...new Set(draft.parties.map((p) => p.regionCode))];
  const labels: Record<string, string> = {
    agreementId: t('agreement'),
    title: t('titleField'),
    summary: t('summaryField'),
    language: t('languageField'),
    category: t('categoryField'),
    sector: t('sectorField'),
    regionCode: t('regionField'),
    areaCode: t('areaField'),
    contractedInvestmentCny: t('contractedField'),
  };
  const parties = draft.parties
    .map((p) => (lang === 'zh' ? p.nameZh : p.nameEn))
    .join(lang === 'zh' ? '、' : ', ');
  return (
    <>
      <Breadcrumb
        lang={lang}
        items={[{ label: t('listTitle'), path: '/projects' }, { label: t('newTitle') }]}
      />
      <h1>{t('newTitle')}</h1>
      <p>
        {t('agreement')}: <span lang={langAttr(a.language, lang)}>{a.title}</span>.{' '}
        {t('newIntro', { date: a.signedOn, parties })}
      </p>
      <ErrorSummary title={t('errorSummary')} errors={summaryOf(errors, labels, lang)} />
      <form method="post" action={`/${lang}/projects/new?agreement=${a.id}`} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="agreementId" value={a.id} />
        <Field
          name="title"
          label={t('titleField')}
          value={values.title ?? a.title}
          error={errors.title}
          required
        />
        <TextareaField
          name="summary"
          label={t('summaryField')}
          value={values.summary}
          error={errors.summary}
          rows={4}
        />
        <SelectField
          name="language"
          label={t('languageField')}
          value={values.language ?? a.language}
          error={errors.language}
          options={[
            ['zh', t('lang_zh')],
            ['en', t('lang_en')],
          ]}
          required
        />
        <SelectField
          name="category"
          label={t('categoryField')}
          value={values.category}
          error={errors.category}
          options={LISTING_CATEGORY_CODES.map((c) => [c, categoryName(c, lang)])}
          required
        />
        <Field name="sector" label={t('sectorField')} value={values.sector} error={errors.sector} />
        <SelectField
          name="regionCode"
          label={t('regionField')}
          value={values.regionCode}
          error={errors.regionCode}
          options={regions.map((r) => [r, placeName(props.places, r, lang)])}
          required
        />
        <Field name="areaCode" label={t('areaField')} value={values.areaCode} error={errors.areaCode} />
        <Field
          name="contractedInvestmentCny"
          label={t('contractedField')}
          hint={t('contractedHint')}
          value={values.contractedInvestmentCny}
          error={errors.contractedInvestmentCny}
        />
        <SelectField
          name="published"
          label={t('publishedField')}
          value={values.published ?? 'yes'}
          options={[
            ['yes', t('yes')],
            ['no', t('no')],
          ]}
        />
        <button type="submit">{t('createProject')}</button>
      </form>
    </>
  );
}
