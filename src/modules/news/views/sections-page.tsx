import type { Lang } from '../../../lib/i18n.ts';
import { controlAttrs, ErrorSummary, Field, type FormErrors } from '../../../web/forms.tsx';
import { CsrfField, href } from '../../../web/layout.tsx';
import { manageMsg } from '../messages.ts';
import type { SectionRow } from '../sections.repo.ts';
import { sectionName } from './parts.tsx';

/** Admins rename and reorder sections, and add new ones. */
export function SectionsPage(props: {
  lang: Lang;
  csrf: string;
  sections: SectionRow[];
  errors: FormErrors;
  values: Record<string, string>;
  saved: boolean;
}) {
  const { lang, sections, errors } = props;
  const t = manageMsg(lang);
  const base = href(lang, '/news/manage/sections');
  return (
    <>
      <h1>{t('sectionsTitle')}</h1>
      {props.saved ? (
        <p class="notice success" role="status">
          {t('sectionSaved')}
        </p>
      ) : null}
      <ErrorSummary title={t('errorSummary')} errors={errors} />
      <ol class="news-section-admin">
        {sections.map((s, i) => (
          <li>
            <form method="post" action={`${base}/${s.id}`} class="section-row">
              <CsrfField token={props.csrf} />
              <code>{s.key}</code>
              <label for={`en-${s.id}`}>{t('colNameEn')}</label>
              <input id={`en-${s.id}`} name="nameEn" value={s.nameEn} lang="en" />
              <label for={`zh-${s.id}`}>{t('colNameZh')}</label>
              <input id={`zh-${s.id}`} name="nameZh" value={s.nameZh} lang="zh-CN" />
              <button type="submit" class="secondary">
                {t('rename')}
              </button>
            </form>
            <form method="post" action={`${base}/${s.id}/move`} class="inline-form">
              <CsrfField token={props.csrf} />
              {i > 0 ? (
                <button type="submit" name="direction" value="up" class="secondary">
                  {t('moveUp', { name: sectionName(s, lang) })}
                </button>
              ) : null}{' '}
              {i < sections.length - 1 ? (
                <button type="submit" name="direction" value="down" class="secondary">
                  {t('moveDown', { name: sectionName(s, lang) })}
                </button>
              ) : null}
            </form>
          </li>
        ))}
      </ol>
      <h2>{t('addSection')}</h2>
      <form method="post" action={base} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <Field name="key" label={t('fieldKey')} value={props.values.key} error={errors.key} required />
        <Field
          name="nameEn"
          label={t('fieldNameEn')}
          value={props.values.nameEn}
          error={errors.nameEn}
          required
        />
        <Field
          name="nameZh"
          label={t('fieldNameZh')}
          value={props.values.nameZh}
          error={errors.nameZh}
          required
        />
        <button type="submit">{t('addSection')}</button>
      </form>
      <p>
        <a href={href(lang, '/news/manage')}>{t('backToManage')}</a>
      </p>
    </>
  );
}

/** The image upload form, and after an upload the Markdown line to paste into a body. */
export function UploadPage(props: {
  lang: Lang;
  csrf: string;
  errors: FormErrors;
  uploaded?: { url: string; alt: string } | undefined;
  maxMb: number;
}) {
  const { lang, errors } = props;
  const t = manageMsg(lang);
  const image = {
    name: 'image',
    label: t('fieldImage'),
    hint: t('uploadsIntro', { max: props.maxMb }),
    error: errors.image,
  };
  return (
    <>
      <h1>{t('uploadsTitle')}</h1>
      <ErrorSummary title={t('errorSummary')} errors={errors} />
      {props.uploaded ? (
        <div class="notice success" role="status">
          <p>{t('uploaded')}</p>
          <pre class="json">
            <code>{`![${props.uploaded.alt.replace(/[[\]\\]/g, '\\$&')}](${props.uploaded.url})`}</code>
          </pre>
          <img src={props.uploaded.url} alt={props.uploaded.alt} class="upload-preview" />
        </div>
      ) : null}
      <form
        method="post"
        action={href(lang, '/news/manage/uploads')}
        enctype="multipart/form-data"
        class="stack"
      >
        <CsrfField token={props.csrf} />
        <Field {...image}>
          <input {...controlAttrs(image)} type="file" accept="image/png,image/jpeg,image/webp,image/gif" />
        </Field>
        <Field name="alt" label={t('fieldAlt')} />
        <button type="submit">{t('upload')}</button>
      </form>
      <p>
        <a href={href(lang, '/news/manage')}>{t('backToManage')}</a>
      </p>
    </>
  );
}
