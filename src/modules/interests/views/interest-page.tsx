import type { Lang } from '../../../lib/i18n.ts';
import { ErrorSummary, summaryOf, TextareaField, type FormErrors } from '../../../web/forms.tsx';
import { Breadcrumb, CsrfField, href } from '../../../web/layout.tsx';
import { Notice } from '../../accounts/views/parts.tsx';
import { MAX_NOTE } from '../fields.ts';
import type { InterestView } from '../interests.service.ts';
import { FORM_LABELS, REASON_LABELS, TIMELINE_LABELS } from '../messages.ts';
import { DECLINE_REASONS } from '../schema.ts';
import { interestsUi } from '../ui-messages.ts';
import { ListingLink, OrgName, StatusTag, Time } from './parts.tsx';

export const INTEREST_DONE = ['sent', 'accepted', 'declined', 'withdrawn'] as const;
export type InterestDone = (typeof INTEREST_DONE)[number];

/** Accept (one button), or decline with a reason (radio group) and a note. */
function AnswerForms(props: {
  lang: Lang;
  csrf: string;
  id: string;
  values: Record<string, string>;
  errors: FormErrors;
}) {
  const { lang, errors } = props;
  const t = interestsUi(lang);
  const action = href(lang, `/interests/${props.id}/answer`);
  return (
    <section aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t('answerHeading')}</h2>
      {errors.answer ? (
        <p class="field-error" id="f-answer">
          {errors.answer}
        </p>
      ) : null}
      <form method="post" action={action}>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="decision" value="accept" />
        <p class="muted" id="accept-hint">
          {t('acceptHint')}
        </p>
        <button type="submit" aria-describedby="accept-hint">
          {t('accept')}
        </button>
      </form>
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="decision" value="decline" />
        <fieldset
          id="f-reason"
          class={errors.reason ? 'field has-error' : 'field'}
          aria-describedby={errors.reason ? 'f-reason-error' : undefined}
        >
          <legend>{t('declineLegend')}</legend>
          {errors.reason ? (
            <span class="field-error" id="f-reason-error">
              {errors.reason}
            </span>
          ) : null}
          {DECLINE_REASONS.map((r) => (
            <div>
              <input
                type="radio"
                name="reason"
                id={`f-reason-${r}`}
                value={r}
                checked={props.values.reason === r}
              />{' '}
              <label for={`f-reason-${r}`}>{REASON_LABELS[lang][r]}</label>
            </div>
          ))}
        </fieldset>
        <TextareaField
          name="note"
          label={t('noteLabel')}
          hint={t('noteHint', { max: MAX_NOTE })}
          value={props.values.note}
          error={errors.note}
          rows={3}
        />
        <div class="actions">
          <button type="submit" class="danger">
            {t('decline')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** One interest: who, what, its status and answer; the answer forms for the receiver, withdraw for the sender. */
export function InterestPage(props: {
  lang: Lang;
  csrf: string;
  view: InterestView;
  done?: InterestDone | undefined;
  /** Coordinators and admins read; only the receiving organisation answers. */
  readOnly?: boolean;
  values?: Record<string, string>;
  errors?: FormErrors;
}) {
  const { lang, view } = props;
  const i = view.interest;
  const t = interestsUi(lang);
  const errors = props.errors ?? {};
  const labels = { reason: t('fieldReason'), note: t('noteLabel'), answer: t('answerHeading') };
  const colon = lang === 'zh' ? '：' : ': ';
  return (
    <>
      <Breadcrumb
        lang={lang}
        items={[{ label: t('listTitle'), path: '/interests' }, { label: t('interestTitle') }]}
      />
      <h1>
        {t('interestTitle')} <StatusTag lang={lang} status={view.status} />
      </h1>
      {props.done ? <Notice success>{t(`done_${props.done}`)}</Notice> : null}
      <ErrorSummary title={t('errorSummary')} errors={summaryOf(errors, labels, lang)} />
      {props.readOnly && view.status === 'open' ? <p class="notice">{t('readOnlyInterest')}</p> : null}
      <dl class="facts">
        <dt>{t('fieldListing')}</dt>
        <dd>
          <ListingLink lang={lang} listing={view.listing} />
        </dd>
        <dt>{t('fieldFrom')}</dt>
        <dd>
          <OrgName lang={lang} org={view.fromOrg} />
        </dd>
        <dt>{t('fieldTo')}</dt>
        <dd>
          <OrgName lang={lang} org={view.toOrg} />
        </dd>
        <dt>{t('fieldStatus')}</dt>
        <dd>
          <StatusTag lang={lang} status={view.status} />
        </dd>
        <dt>{t('fieldSentAt')}</dt>
        <dd>
          <Time at={i.sentAt} />
        </dd>
        {view.status === 'open' ? (
          <>
            <dt>{t('fieldExpiresAt')}</dt>
            <dd>
              <Time at={i.expiresAt} />
            </dd>
          </>
        ) : null}
        {i.answeredAt ? (
          <>
            <dt>{t('fieldAnsweredAt')}</dt>
            <dd>
              <Time at={i.answeredAt} />
            </dd>
          </>
        ) : null}
        <dt>{t('fieldForm')}</dt>
        <dd>{FORM_LABELS[lang][i.form]}</dd>
        <dt>{t('fieldTimeline')}</dt>
        <dd>{TIMELINE_LABELS[lang][i.timeline]}</dd>
        {i.declineReason ? (
          <>
            <dt>{t('fieldReason')}</dt>
            <dd>
              {REASON_LABELS[lang][i.declineReason]}
              {i.declineNote ? (
                <>
                  {colon}
                  {i.declineNote}
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('fieldMessage')}</h2>
      <div class="listing-description">
        {i.message
          .split(/\r?\n/)
          .filter((p) => p.trim() !== '')
          .map((p) => (
            <p>{p}</p>
          ))}
      </div>
      <h2>{t('fieldBring')}</h2>
      <div class="listing-description">
        {i.bring
          .split(/\r?\n/)
          .filter((p) => p.trim() !== '')
          .map((p) => (
            <p>{p}</p>
          ))}
      </div>
      {view.conversationId ? (
        <p>
          <a class="button" href={href(lang, `/conversations/${view.conversationId}`)}>
            {t('openConversation')}
          </a>
        </p>
      ) : null}
      {view.canAnswer ? (
        <AnswerForms lang={lang} csrf={props.csrf} id={i.id} values={props.values ?? {}} errors={errors} />
      ) : null}
      {view.canWithdraw ? (
        <form method="post" action={href(lang, `/interests/${i.id}/withdraw`)}>
          <CsrfField token={props.csrf} />
          <p class="muted" id="withdraw-hint">
            {t('withdrawHint')}
          </p>
          <button type="submit" class="danger" aria-describedby="withdraw-hint">
            {t('withdraw')}
          </button>
        </form>
      ) : null}
    </>
  );
}
