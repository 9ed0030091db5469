import type { Lang } from '../../../lib/i18n.ts';
import { Field, SelectField, TextareaField, type FormErrors } from '../../../web/forms.tsx';
import { CsrfField, href } from '../../../web/layout.tsx';
import type { PairingView, RegionRow } from '../../regions/regions.service.ts';
import { manageMsg, newsMsg } from '../messages.ts';
import type { ArticleRow } from '../news.repo.ts';
import type { SectionRow } from '../sections.repo.ts';
import { pairingLabel, regionLabel, sectionName } from './parts.tsx';

export type ArticleFormValues = Partial<
  Record<
    | 'lang'
    | 'title'
    | 'summary'
    | 'bodySource'
    | 'bodyFormat'
    | 'section'
    | 'regionCode'
    | 'pairingId'
    | 'translationOf'
    | 'minorChange',
    string
  >
>;

export interface ArticleFormOptions {
  sections: SectionRow[];
  /** Null for coordinators, who always write for their own region. */
  regions: RegionRow[] | null;
  pairings: PairingView[];
  /** Articles in the other language that this one may be linked to. */
  translations: ArticleRow[];
}

/** The values of the form for an existing article. */
export function formValues(
  a: ArticleRow,
  sections: SectionRow[],
  translation: ArticleRow | undefined,
): ArticleFormValues {
  return {
    lang: a.lang,
    title: a.title,
    summary: a.summary,
    bodySource: a.bodySource,
    bodyFormat: a.bodyFormat,
    section: sections.find((s) => s.id === a.sectionId)?.key ?? '',
    regionCode: a.regionCode ?? '',
    pairingId: a.pairingId === null ? '' : String(a.pairingId),
    translationOf: translation?.id ?? '',
  };
}

/** Create or edit an article; Preview renders the unsaved content in a new window. */
export function ArticleForm(props: {
  lang: Lang;
  csrf: string;
  values: ArticleFormValues;
  errors: FormErrors;
  options: ArticleFormOptions;
  article?: ArticleRow | undefined;
}) {
  const { lang, values, errors, options, article } = props;
  const t = manageMsg(lang);
  const action = href(lang, article ? `/news/manage/${article.id}` : '/news/manage');
  return (
    <>
      <form method="post" action={action} class="stack news-form" enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrf} />
        {article ? (
          <>
            <input type="hidden" name="lang" value={article.lang} />
            <input type="hidden" name="id" value={article.id} />
          </>
        ) : (
          <SelectField
            name="lang"
            label={t('fieldLang')}
            value={values.lang}
            error={errors.lang}
            options={[
              ['en', newsMsg(lang)('lang_en')],
              ['zh', newsMsg(lang)('lang_zh')],
            ]}
          />
        )}
        <Field name="title" label={t('fieldTitle')} value={values.title} error={errors.title} required />
        <TextareaField
          name="summary"
          label={t('fieldSummary')}
          hint={t('summaryHint')}
          value={values.summary}
          error={errors.summary}
          rows={2}
        />
        <TextareaField
          name="bodySource"
          label={t('fieldBody')}
          hint={t('bodyHint')}
          value={values.bodySource}
          error={errors.bodySource}
          rows={18}
        />
        <SelectField
          name="bodyFormat"
          label={t('fieldFormat')}
          value={values.bodyFormat}
          error={errors.bodyFormat}
          options={[
            ['markdown', t('format_markdown')],
            ['html', t('format_html')],
          ]}
        />
        <SelectField
          name="section"
          label={t('fieldSection')}
          value={values.section}
          error={errors.section}
          options={[
            ['', t('noSection')],
            ...options.sections.map((s): [string, string] => [s.key, sectionName(s, lang)]),
          ]}
        />
        {options.regions ? (
          <SelectField
            name="regionCode"
            label={t('fieldRegion')}
            value={values.regionCode}
            error={errors.regionCode}
            options={[
              ['', t('noRegion')],
              ...options.regions.map((r): [string, string] => [
                r.code,
                `${regionLabel(r, lang)} (${r.code})`,
              ]),
            ]}
          />
        ) : null}
        <SelectField
          name="pairingId"
          label={t('fieldPairing')}
          value={values.pairingId}
          error={errors.pairingId}
          options={[
            ['', t('noPairing')],
            ...options.pairings.map((p): [string, string] => [String(p.id), pairingLabel(p, lang)]),
          ]}
        />
        <SelectField
          name="translationOf"
          label={t('fieldTranslation')}
          hint={t('translationHint')}
          value={values.translationOf}
          error={errors.translationOf}
          options={[
            ['', t('noTranslation')],
            ...options.translations.map((a): [string, string] => [a.id, a.title]),
          ]}
        />
        {article?.publishedAt ? (
          <div class="field checkbox">
            <input
              id="f-minorChange"
              type="checkbox"
              name="minorChange"
              value="on"
              checked={values.minorChange === 'on'}
            />
            <label for="f-minorChange">{t('minorChange')}</label>
          </div>
        ) : null}
        <div class="actions">
          <button type="submit">{t('save')}</button>
          <button
            type="submit"
            class="secondary"
            formaction={href(lang, '/news/manage/preview')}
            formtarget="_blank"
          >
            {t('preview')}
          </button>
        </div>
      </form>
    </>
  );
}
