/** The programme forms: a new programme, an indicator, a progress report, and confirming a report. */
import type { Lang } from '../../../lib/i18n.ts';
import type { FormValues } from '../../../web/form-parse.ts';
import {
  controlAttrs,
  ErrorSummary,
  type FailedForm,
  failedIn,
  Field,
  FormError,
  type FormErrors,
  SelectField,
  TextareaField,
} from '../../../web/forms.tsx';
import { CsrfField } from '../../../web/layout.tsx';
import { INDICATOR_KINDS, KIND_UNIT, PERIOD_KINDS } from '../kinds.ts';
import { kindLabel, periodKindLabel, periodLabel, unitLabel } from '../messages.ts';
import type { IndicatorRow } from '../programmes.repo.ts';
import { programmesUi } from '../ui-messages.ts';
import { indicatorName, programmeHref } from './parts.tsx';

interface FormProps {
  lang: Lang;
  csrf: string;
  programmeId: string;
  failed?: FailedForm | undefined;
}

export function NewProgrammeForm(props: {
  lang: Lang;
  csrf: string;
  pairings: [string, string][];
  values: FormValues;
  errors: FormErrors;
}) {
  const { lang, values, errors } = props;
  const t = programmesUi(lang);
  return (
    <form method="post" action={`/${lang}/programmes/new`} class="stack" novalidate>
      <CsrfField token={props.csrf} />
      <ErrorSummary title={t('errorSummary')} errors={errors} />
      <SelectField
        name="pairingId"
        label={t('pairingField')}
        value={values.pairingId}
        error={errors.pairingId}
        options={props.pairings}
        required
      />
      <Field
        name="titleEn"
        label={t('titleEnField')}
        value={values.titleEn}
        error={errors.titleEn}
        required
      />
      <Field
        name="titleZh"
        label={t('titleZhField')}
        value={values.titleZh}
        error={errors.titleZh}
        required
      />
      <TextareaField
        name="descriptionEn"
        label={t('descriptionEnField')}
        value={values.descriptionEn}
        error={errors.descriptionEn}
        rows={3}
      />
      <TextareaField
        name="descriptionZh"
        label={t('descriptionZhField')}
        value={values.descriptionZh}
        error={errors.descriptionZh}
        rows={3}
      />
      <Field
        name="startOn"
        type="date"
        label={t('startField')}
        hint={t('dateHint')}
        value={values.startOn}
        error={errors.startOn}
        required
      />
      <Field
        name="deadline"
        type="date"
        label={t('deadlineField')}
        hint={t('dateHint')}
        value={values.deadline}
        error={errors.deadline}
        required
      />
      <button type="submit">{t('create')}</button>
    </form>
  );
}

/** Errors on `periodTargets.N.*` shown on the one textarea, by line. */
function periodTargetsError(errors: FormErrors, lang: Lang): string | undefined {
  const t = programmesUi(lang);
  const lines = Object.entries(errors).flatMap(([field, message]) => {
    const m = /^periodTargets\.(\d+)\./.exec(field);
    return m ? [t('line', { n: Number(m[1]) + 1, message })] : [];
  });
  return lines.length > 0 ? lines.join(' ') : errors.periodTargets;
}

export function IndicatorForm(props: FormProps) {
  const { lang } = props;
  const t = programmesUi(lang);
  const { errors, values } = failedIn(props.failed, 'indicator');
  return (
    <section aria-labelledby="indicator-heading">
      <h2 id="indicator-heading">{t('indicatorHeading')}</h2>
      <form
        method="post"
        action={programmeHref(lang, props.programmeId, '/indicators')}
        class="stack"
        novalidate
      >
        <CsrfField token={props.csrf} />
        <FormError message={errors.form} />
        <SelectField
          name="kind"
          label={t('kindField')}
          value={values.kind}
          error={errors.kind}
          options={INDICATOR_KINDS.map((k) => [
            k,
            k === 'other' ? kindLabel(k, lang) : `${kindLabel(k, lang)} (${unitLabel(KIND_UNIT[k], lang)})`,
          ])}
          required
        />
        <Field name="nameEn" label={t('nameEnField')} value={values.nameEn} error={errors.nameEn} />
        <Field name="nameZh" label={t('nameZhField')} value={values.nameZh} error={errors.nameZh} />
        <Field
          name="unit"
          label={t('unitField')}
          hint={t('unitHint')}
          value={values.unit}
          error={errors.unit}
          required
        />
        <Field
          name="baseline"
          type="number"
          label={t('baselineField')}
          value={values.baseline ?? '0'}
          error={errors.baseline}
        />
        <Field
          name="target"
          type="number"
          label={t('targetField')}
          value={values.target}
          error={errors.target}
          required
        />
        <Field
          name="startOn"
          type="date"
          label={t('indicatorStartField')}
          value={values.startOn}
          error={errors.startOn}
        />
        <Field
          name="deadline"
          type="date"
          label={t('indicatorDeadlineField')}
          value={values.deadline}
          error={errors.deadline}
        />
        <SelectField
          name="periodKind"
          label={t('periodKindField')}
          value={values.periodKind ?? 'quarter'}
          error={errors.periodKind}
          options={PERIOD_KINDS.map((k) => [k, periodKindLabel(k, lang)])}
          required
        />
        <TextareaField
          name="periodTargets"
          label={t('periodTargetsField')}
          hint={t('periodTargetsHint')}
          value={values.periodTargets}
          error={periodTargetsError(errors, lang)}
          rows={4}
        />
        <button type="submit">{t('addIndicator')}</button>
      </form>
    </section>
  );
}

export function ReportForm(props: FormProps & { indicators: IndicatorRow[] }) {
  const { lang } = props;
  const t = programmesUi(lang);
  const { errors, values } = failedIn(props.failed, 'report');
  const checkbox = { name: 'draft', error: errors.draft };
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('reportHeading')}</h2>
      <p>{t('reportIntro')}</p>
      <form
        method="post"
        action={programmeHref(lang, props.programmeId, '/reports')}
        class="stack"
        novalidate
      >
        <CsrfField token={props.csrf} />
        <FormError message={errors.form ?? errors.values} />
        <Field
          name="period"
          label={t('periodField')}
          hint={t('periodHint')}
          value={values.period}
          error={errors.period}
          required
        />
        {props.indicators.map((i) => {
          const name = `values.${i.id}`;
          return (
            <Field
              name={name}
              type="number"
              label={t('valueField', {
                name: indicatorName(i, lang),
                unit: unitLabel(i.unit, lang),
                kind: periodKindLabel(i.periodKind, lang),
              })}
              hint={t('valueHint')}
              value={values[name]}
              error={errors[name]}
            />
          );
        })}
        <TextareaField name="note" label={t('noteField')} value={values.note} error={errors.note} rows={2} />
        <Field {...checkbox} label={t('draftField')}>
          <input {...controlAttrs(checkbox)} type="checkbox" value="yes" checked={values.draft === 'yes'} />
        </Field>
        <button type="submit">{t('submitReport')}</button>
      </form>
    </section>
  );
}

export function ConfirmForm(props: FormProps & { reportId: string; period: string }) {
  const { lang } = props;
  const t = programmesUi(lang);
  const { errors } = failedIn(props.failed, `confirm-${props.reportId}`);
  return (
    <form
      method="post"
      action={programmeHref(lang, props.programmeId, `/reports/${props.reportId}/confirm`)}
      class="inline"
    >
      <CsrfField token={props.csrf} />
      <FormError message={errors.form} />
      <button type="submit">{t('confirm', { period: periodLabel(props.period, lang) })}</button>
    </form>
  );
}

export type { FailedForm };
