import type { Lang } from '../../../lib/i18n.ts';
import type { FormValues } from '../../../web/form-parse.ts';
import { ErrorSummary, SelectField, summaryOf, TextareaField, type FormErrors } from '../../../web/forms.tsx';
import { Breadcrumb, CsrfField, href } from '../../../web/layout.tsx';
import { AGREEMENT_TYPES } from '../../agreements/kinds.ts';
import type { OrgBrief } from '../interests.service.ts';
import { MAX_BRING, MAX_MESSAGE } from '../fields.ts';
import { FORM_LABELS, TIMELINE_LABELS } from '../messages.ts';
import { TIMELINES } from '../schema.ts';
import { interestsUi } from '../ui-messages.ts';
import { ListingLink, OrgName } from './parts.tsx';

/** Errors about the listing itself (not a field of the form) are shown beside the listing. */
const LISTING_FIELDS = ['listingRef', 'viaListingRef'] as const;

/** The expression-of-interest form: message, what we bring, form of cooperation, timeline. */
export function InterestForm(props: {
  lang: Lang;
  csrf: string;
  listing: { ref: string; title: string; language: 'zh' | 'en' };
  org: OrgBrief;
  via: string | undefined;
  expiryDays: number;
  values: FormValues;
  errors: FormErrors;
}) {
  const { lang, values: v, errors } = props;
  const t = interestsUi(lang);
  const ref = props.listing.ref;
  const labels = {
    message: t('fieldMessage'),
    bring: t('fieldBring'),
    form: t('fieldForm'),
    timeline: t('fieldTimeline'),
    listingRef: t('fieldListing'),
    viaListingRef: t('fieldListing'),
  };
  const choose: [string, string] = ['', t('choose')];
  return (
    <>
      <Breadcrumb
        lang={lang}
        items={[
          { label: props.listing.title, path: `/listings/${encodeURIComponent(ref)}` },
          { label: t('newTitle') },
        ]}
      />
      <h1>{t('newTitle')}</h1>
      <ErrorSummary title={t('errorSummary')} errors={summaryOf(errors, labels, lang)} />
      <section aria-labelledby="listing-heading">
        <h2 id="listing-heading">{t('aboutListing')}</h2>
        <p>
          <ListingLink lang={lang} listing={props.listing} /> · <OrgName lang={lang} org={props.org} />
        </p>
        {props.via ? <p class="muted">{t('viaNote', { ref: props.via })}</p> : null}
        {LISTING_FIELDS.map((f) =>
          errors[f] ? (
            <p class="field-error" id={`f-${f}`}>
              {errors[f]}
            </p>
          ) : null,
        )}
      </section>
      <p>{t('newIntro', { days: props.expiryDays })}</p>
      <form
        method="post"
        action={href(lang, `/listings/${encodeURIComponent(ref)}/interest`)}
        class="stack"
        novalidate
      >
        <CsrfField token={props.csrf} />
        {props.via ? <input type="hidden" name="via" value={props.via} /> : null}
        <TextareaField
          name="message"
          label={labels.message}
          hint={t('hintMessage', { max: MAX_MESSAGE })}
          value={v.message}
          error={errors.message}
          rows={6}
        />
        <TextareaField
          name="bring"
          label={labels.bring}
          hint={t('hintBring', { max: MAX_BRING })}
          value={v.bring}
          error={errors.bring}
          rows={4}
        />
        <SelectField
          name="form"
          label={labels.form}
          value={v.form}
          error={errors.form}
          options={[choose, ...AGREEMENT_TYPES.map((k): [string, string] => [k, FORM_LABELS[lang][k]])]}
          required
        />
        <SelectField
          name="timeline"
          label={labels.timeline}
          value={v.timeline}
          error={errors.timeline}
          options={[choose, ...TIMELINES.map((k): [string, string] => [k, TIMELINE_LABELS[lang][k]])]}
          required
        />
        <div class="actions">
          <button type="submit">{t('send')}</button>
        </div>
      </form>
    </>
  );
}
