/** The forms on a project page: change the stage, add a milestone, mark one done, submit and review updates. */
import type { Lang } from '../../../lib/i18n.ts';
import {
  type FailedForm,
  failedIn,
  Field,
  FormError,
  SelectField,
  TextareaField,
} from '../../../web/forms.tsx';
import { CsrfField } from '../../../web/layout.tsx';
import { stageLabel } from '../messages.ts';
import type { Stage } from '../stages.ts';
import { projectsUi } from '../ui-messages.ts';
import { projectHref } from './parts.tsx';

interface FormProps {
  lang: Lang;
  csrf: string;
  projectId: string;
  failed?: FailedForm | undefined;
}

export function StageForm(props: FormProps & { stages: Stage[]; today: string }) {
  const { lang } = props;
  const t = projectsUi(lang);
  const { errors, values } = failedIn(props.failed, 'stage');
  return (
    <section aria-labelledby="stage-heading">
      <h2 id="stage-heading">{t('stageFormHeading')}</h2>
      <form method="post" action={projectHref(lang, props.projectId, '/stage')} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <FormError message={errors.form} />
        <SelectField
          name="stage"
          label={t('stageField')}
          value={values.stage}
          error={errors.stage}
          options={props.stages.map((s) => [s, stageLabel(s, lang)])}
          required
        />
        <Field
          name="on"
          type="date"
          label={t('onField')}
          hint={t('onHint')}
          value={values.on ?? props.today}
          error={errors.on}
          required
        />
        <TextareaField
          name="reason"
          label={t('reasonField')}
          hint={t('reasonHint')}
          value={values.reason}
          error={errors.reason}
          rows={3}
        />
        <button type="submit">{t('changeStage')}</button>
      </form>
    </section>
  );
}

/** Show the project on the public pages, or take it off them: one button that says which. */
export function PublishedForm(props: FormProps & { published: boolean }) {
  const { lang, published } = props;
  const t = projectsUi(lang);
  const { errors } = failedIn(props.failed, 'published');
  return (
    <section aria-labelledby="published-heading">
      <h2 id="published-heading">{t('publishedHeading')}</h2>
      <p>{t(published ? 'publishedNow' : 'unpublishedNow')}</p>
      <form method="post" action={projectHref(lang, props.projectId, '/published')} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <FormError message={errors.published ?? errors.form} />
        <input type="hidden" name="published" value={published ? 'no' : 'yes'} />
        <button type="submit" class={published ? 'secondary' : undefined}>
          {t(published ? 'unpublish' : 'publish')}
        </button>
      </form>
    </section>
  );
}

export function MilestoneForm(props: FormProps) {
  const { lang } = props;
  const t = projectsUi(lang);
  const { errors, values } = failedIn(props.failed, 'milestone');
  return (
    <section aria-labelledby="milestone-heading">
      <h2 id="milestone-heading">{t('milestoneFormHeading')}</h2>
      <form method="post" action={projectHref(lang, props.projectId, '/milestones')} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <FormError message={errors.form} />
        <Field name="title" label={t('milestoneTitle')} value={values.title} error={errors.title} required />
        <Field
          name="dueOn"
          type="date"
          label={t('dueOnField')}
          value={values.dueOn}
          error={errors.dueOn}
          required
        />
        <button type="submit">{t('addMilestone')}</button>
      </form>
    </section>
  );
}

/** Mark one milestone done: a date and a button, labelled with the milestone's title. */
export function DoneForm(props: FormProps & { milestoneId: string; title: string; today: string }) {
  const { lang, milestoneId } = props;
  const t = projectsUi(lang);
  const { errors, values } = failedIn(props.failed, `done-${milestoneId}`);
  const id = `f-doneOn-${milestoneId}`;
  const error = errors.doneOn ?? errors.form;
  return (
    <form
      method="post"
      action={projectHref(lang, props.projectId, `/milestones/${milestoneId}/done`)}
      class="inline-form"
      novalidate
    >
      <CsrfField token={props.csrf} />
      <label for={id}>{t('doneLabel')}</label>
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      <input
        id={id}
        name="doneOn"
        type="date"
        value={values.doneOn ?? props.today}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="submit" aria-label={t('markDoneOf', { title: props.title })}>
        {t('markDone')}
      </button>
    </form>
  );
}

export function UpdateForm(props: FormProps) {
  const { lang } = props;
  const t = projectsUi(lang);
  const { errors, values } = failedIn(props.failed, 'update');
  return (
    <section aria-labelledby="update-heading">
      <h2 id="update-heading">{t('updateFormHeading')}</h2>
      <p>{t('updateIntro')}</p>
      <form method="post" action={projectHref(lang, props.projectId, '/updates')} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <FormError message={errors.form} />
        <TextareaField name="body" label={t('bodyField')} value={values.body} error={errors.body} rows={5} />
        <Field
          name="actualInvestmentCny"
          label={t('actualField')}
          hint={t('figuresHint')}
          value={values.actualInvestmentCny}
          error={errors.actualInvestmentCny}
        />
        <Field
          name="jobsCreated"
          label={t('jobsField')}
          hint={t('figuresHint')}
          value={values.jobsCreated}
          error={errors.jobsCreated}
        />
        <TextareaField
          name="overrunNote"
          label={t('overrunField')}
          hint={t('overrunHint')}
          value={values.overrunNote}
          error={errors.overrunNote}
          rows={2}
        />
        <button type="submit">{t('submitUpdate')}</button>
      </form>
    </section>
  );
}

/** Approve or reject a pending update, with a note (required to reject). */
export function ReviewForm(props: FormProps & { updateId: string }) {
  const { lang, updateId } = props;
  const t = projectsUi(lang);
  const { errors, values } = failedIn(props.failed, `review-${updateId}`);
  const id = `f-note-${updateId}`;
  const error = errors.note ?? errors.form;
  return (
    <form
      method="post"
      action={projectHref(lang, props.projectId, `/updates/${updateId}/review`)}
      class="stack"
      novalidate
    >
      <CsrfField token={props.csrf} />
      <div class={error ? 'field has-error' : 'field'}>
        <label for={id}>{t('reviewNoteLabel')}</label>
        {error ? (
          <span class="field-error" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
        <textarea
          id={id}
          name="note"
          rows={2}
          maxlength={2000}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          {values.note ?? ''}
        </textarea>
      </div>
      <div class="actions">
        <button type="submit" name="decision" value="approve">
          {t('approve')}
        </button>{' '}
        <button type="submit" name="decision" value="reject" class="secondary">
          {t('reject')}
        </button>
      </div>
    </form>
  );
}

export type { FailedForm };
