import type { Lang } from '../../../lib/i18n.ts';
import type { FormValues } from '../../../web/form-parse.ts';
import { CsrfField, href } from '../../../web/layout.tsx';
import {
  ErrorSummary,
  Field,
  SelectField,
  TextareaField,
  controlAttrs,
  summaryOf,
  type FormErrors,
} from '../../../web/forms.tsx';
import type { RegionTree } from '../../regions/regions.service.ts';
import { accountsMsg, orgsMsg } from '../messages.ts';
import { ORG_TYPES } from '../schema.ts';
import { LANG_OPTIONS } from './account.tsx';
import { NewPasswordFields, typeLabel } from './parts.tsx';

const placeName = (r: { nameZh: string; nameEn: string }, lang: Lang) =>
  lang === 'zh' ? r.nameZh : r.nameEn;

export function RegisterPage(props: {
  lang: Lang;
  csrf: string;
  tree: RegionTree[];
  values: FormValues;
  errors: FormErrors;
}) {
  const { lang, values: v, errors } = props;
  const t = orgsMsg(lang);
  const a = accountsMsg(lang);
  const labels = {
    nameZh: t('nameZh'),
    nameEn: t('nameEn'),
    type: t('type'),
    regionCode: t('regionCode'),
    areaCode: t('areaCode'),
    website: t('website'),
    description: t('description'),
    memberName: t('memberName'),
    email: a('email'),
    password: a('password'),
    passwordConfirm: a('passwordConfirm'),
    preferredLang: a('preferredLang'),
  };
  const typeOptions: [string, string][] = [
    ['', t('chooseOne')],
    ...ORG_TYPES.map((k): [string, string] => [k, typeLabel(lang, k)]),
  ];
  const provinceOptions: [string, string][] = [
    ['', t('chooseOne')],
    ...props.tree.map(({ province: p }): [string, string] => [p.code, `${placeName(p, lang)} (${p.code})`]),
  ];
  const area = { name: 'areaCode', label: labels.areaCode, hint: t('areaHint'), error: errors.areaCode };
  return (
    <>
      <h1>{t('registerTitle')}</h1>
      <p>{t('registerIntro')}</p>
      <ErrorSummary title={a('errorSummary')} errors={summaryOf(errors, labels, lang)} />
      <form method="post" action={href(lang, '/register')} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <fieldset>
          <legend>{t('orgFieldset')}</legend>
          <Field name="nameZh" label={labels.nameZh} value={v.nameZh} error={errors.nameZh} required />
          <Field name="nameEn" label={labels.nameEn} value={v.nameEn} error={errors.nameEn} required />
          <SelectField
            name="type"
            label={t('type')}
            options={typeOptions}
            value={v.type}
            error={errors.type}
            required
          />
          <SelectField
            name="regionCode"
            label={labels.regionCode}
            hint={t('regionHint')}
            options={provinceOptions}
            value={v.regionCode}
            error={errors.regionCode}
            required
          />
          <Field {...area}>
            <select {...controlAttrs(area)}>
              <option value="">{t('areaNone')}</option>
              {props.tree
                .filter((node) => node.prefectures.length > 0)
                .map(({ province, prefectures }) => (
                  <optgroup label={placeName(province, lang)}>
                    {prefectures.map((p) => (
                      <option value={p.code} selected={p.code === v.areaCode}>
                        {placeName(p, lang)}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          </Field>
          <Field
            name="website"
            type="url"
            label={labels.website}
            hint={t('websiteHint')}
            value={v.website}
            error={errors.website}
          />
          <TextareaField
            name="description"
            label={labels.description}
            value={v.description}
            error={errors.description}
            rows={5}
          />
        </fieldset>
        <fieldset>
          <legend>{t('memberFieldset')}</legend>
          <Field
            name="memberName"
            label={labels.memberName}
            value={v.memberName}
            error={errors.memberName}
            autocomplete="name"
            required
          />
          <Field
            name="email"
            type="email"
            label={labels.email}
            value={v.email}
            error={errors.email}
            autocomplete="email"
            required
          />
          <NewPasswordFields
            lang={lang}
            names={['password', 'passwordConfirm']}
            labels={[labels.password, labels.passwordConfirm]}
            errors={errors}
          />
          <SelectField
            name="preferredLang"
            label={labels.preferredLang}
            options={LANG_OPTIONS}
            value={v.preferredLang ?? lang}
            error={errors.preferredLang}
          />
        </fieldset>
        <button type="submit">{t('registerButton')}</button>
      </form>
    </>
  );
}
