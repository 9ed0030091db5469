import type { Lang } from '../../../lib/i18n.ts';
import {
  controlAttrs,
  ErrorSummary,
  Field,
  summaryOf,
  TextareaField,
  type FormErrors,
} from '../../../web/forms.tsx';
import { Breadcrumb, CsrfField, href } from '../../../web/layout.tsx';
import type { GlossaryRow } from '../glossary.service.ts';
import { taxonomyMsg } from '../messages.ts';

export type GlossaryFormValues = Partial<Record<'id' | 'zh' | 'en' | 'sectors' | 'broader', string>>;

/** The form's values for a stored entry: one term per line, sector codes separated by spaces. */
export function formValuesOf(row: GlossaryRow): GlossaryFormValues {
  return {
    id: row.id,
    zh: row.zh.join('\n'),
    en: row.en.join('\n'),
    sectors: row.sectors.join(' '),
    broader: row.broader ?? '',
  };
}

/**
 * Add (`id` undefined) or edit a glossary entry; errors are shown beside their fields and summarised at
 * the top. Editing also offers Delete.
 */
export function GlossaryForm(props: {
  lang: Lang;
  csrf: string;
  values: GlossaryFormValues;
  errors: FormErrors;
  /** The identifier of the entry being edited; undefined for a new one. */
  id?: string | undefined;
  /** Every identifier, offered as suggestions for the broader entry. */
  ids: string[];
}) {
  const { lang, values, errors, id } = props;
  const t = taxonomyMsg(lang);
  const title = id === undefined ? t('newEntryTitle') : t('editEntryTitle', { id });
  const labels = {
    id: t('fieldId'),
    zh: t('fieldZh'),
    en: t('fieldEn'),
    sectors: t('fieldSectors'),
    broader: t('fieldBroader'),
  };
  const idHint = id === undefined ? t('hintId') : t('hintIdFixed');
  return (
    <>
      <Breadcrumb
        lang={lang}
        items={[
          { label: t('taxonomyTitle'), path: '/taxonomy' },
          { label: t('glossaryTitle'), path: '/taxonomy/glossary' },
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      <ErrorSummary title={t('errorSummary')} errors={summaryOf(errors, labels, lang)} />
      <form
        method="post"
        action={href(lang, id === undefined ? '/taxonomy/glossary' : `/taxonomy/glossary/${id}`)}
        class="stack"
        novalidate
      >
        <CsrfField token={props.csrf} />
        <Field name="id" label={labels.id} hint={idHint} error={errors.id}>
          <input
            {...controlAttrs({ name: 'id', hint: idHint, error: errors.id })}
            type="text"
            value={id ?? values.id}
            readonly={id !== undefined}
            required={id === undefined}
            autocomplete="off"
            spellcheck={false}
          />
        </Field>
        <TextareaField
          name="zh"
          label={labels.zh}
          hint={t('hintZh')}
          value={values.zh}
          error={errors.zh}
          rows={5}
        />
        <TextareaField
          name="en"
          label={labels.en}
          hint={t('hintEn')}
          value={values.en}
          error={errors.en}
          rows={5}
        />
        <Field
          name="sectors"
          label={labels.sectors}
          hint={t('hintSectors')}
          value={values.sectors}
          error={errors.sectors}
        />
        <Field name="broader" label={labels.broader} hint={t('hintBroader')} error={errors.broader}>
          <input
            {...controlAttrs({ name: 'broader', hint: t('hintBroader'), error: errors.broader })}
            type="text"
            value={values.broader}
            list="glossary-ids"
            autocomplete="off"
            spellcheck={false}
          />
          <datalist id="glossary-ids">
            {props.ids.map((x) => (
              <option value={x}></option>
            ))}
          </datalist>
        </Field>
        <div class="actions">
          <button type="submit">{t('save')}</button>
          <a href={href(lang, '/taxonomy/glossary')}>{t('backToGlossary')}</a>
        </div>
      </form>
      {id !== undefined ? (
        <form method="post" action={href(lang, `/taxonomy/glossary/${id}/delete`)} class="stack">
          <CsrfField token={props.csrf} />
          <button type="submit" class="danger" data-action="confirm" data-confirm={t('deleteConfirm')}>
            {t('deleteEntry')}
          </button>
        </form>
      ) : null}
    </>
  );
}
