import type { Lang } from '../../../lib/i18n.ts';
import { CsrfField, href } from '../../../web/layout.tsx';
import { ErrorSummary, Field, SelectField, TextareaField, type FormErrors } from '../../../web/forms.tsx';
import { regionsMsg } from '../messages.ts';
import type { RegionRow } from '../regions.repo.ts';
import { regionName } from './names.tsx';

export type PairingFormValues = Partial<
  Record<'aCode' | 'bCode' | 'kind' | 'since' | 'noteEn' | 'noteZh', string>
>;

export function PairingForm(props: {
  lang: Lang;
  csrf: string;
  regions: RegionRow[];
  values: PairingFormValues;
  errors: FormErrors;
  /** Undefined for a new pairing. */
  id?: number | undefined;
}) {
  const { lang, values, errors } = props;
  const t = regionsMsg(lang);
  const options: [string, string][] = props.regions.map((r) => [
    r.code,
    `${regionName(r, lang)} (${r.code})`,
  ]);
  const action = href(lang, props.id === undefined ? '/admin/pairings' : `/admin/pairings/${props.id}`);
  return (
    <>
      <h1>{props.id === undefined ? t('newPairing') : t('editPairing')}</h1>
      <ErrorSummary title={t('errorSummary')} errors={errors} />
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <SelectField
          name="aCode"
          label={t('fieldA')}
          options={options}
          value={values.aCode}
          error={errors.aCode}
        />
        <SelectField
          name="bCode"
          label={t('fieldB')}
          options={options}
          value={values.bCode}
          error={errors.bCode}
        />
        <SelectField
          name="kind"
          label={t('fieldKind')}
          options={[
            ['cooperation', t('kind_cooperation')],
            ['assistance', t('kind_assistance')],
          ]}
          value={values.kind}
          error={errors.kind}
        />
        <Field
          name="since"
          type="date"
          label={t('fieldSince')}
          value={values.since}
          error={errors.since}
          required
        />
        <TextareaField name="noteEn" label={t('fieldNoteEn')} value={values.noteEn} error={errors.noteEn} />
        <TextareaField name="noteZh" label={t('fieldNoteZh')} value={values.noteZh} error={errors.noteZh} />
        <div class="actions">
          <button type="submit">{t('save')}</button>
        </div>
      </form>
      {props.id !== undefined ? (
        <form method="post" action={href(lang, `/admin/pairings/${props.id}/delete`)} class="stack">
          <CsrfField token={props.csrf} />
          <button type="submit" class="danger" data-action="confirm" data-confirm={t('deleteConfirm')}>
            {t('deletePairing')}
          </button>
        </form>
      ) : null}
    </>
  );
}
