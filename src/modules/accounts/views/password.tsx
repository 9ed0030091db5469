import type { Lang } from '../../../lib/i18n.ts';
import { CsrfField, href } from '../../../web/layout.tsx';
import { ErrorSummary, Field, summaryOf, type FormErrors } from '../../../web/forms.tsx';
import { accountsMsg } from '../messages.ts';
import { NewPasswordFields } from './parts.tsx';

export function ForgotPage(props: {
  lang: Lang;
  csrf: string;
  email?: string | undefined;
  errors: FormErrors;
}) {
  const { lang, errors } = props;
  const t = accountsMsg(lang);
  return (
    <>
      <h1>{t('forgotTitle')}</h1>
      <p>{t('forgotIntro')}</p>
      <ErrorSummary title={t('errorSummary')} errors={summaryOf(errors, { email: t('email') }, lang)} />
      <form method="post" action={href(lang, '/password/forgot')} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <Field
          name="email"
          type="email"
          label={t('email')}
          value={props.email}
          error={errors.email}
          autocomplete="email"
          required
        />
        <button type="submit">{t('forgotButton')}</button>
      </form>
    </>
  );
}

/** The same page whether or not the address has an account. */
export function ForgotSentPage({ lang }: { lang: Lang }) {
  const t = accountsMsg(lang);
  return (
    <>
      <h1>{t('forgotSentTitle')}</h1>
      <p>{t('forgotSent')}</p>
      <p>
        <a href={href(lang, '/sign-in')}>{t('backToSignIn')}</a>
      </p>
    </>
  );
}

export function ResetPage(props: { lang: Lang; csrf: string; token: string; errors: FormErrors }) {
  const { lang, errors } = props;
  const t = accountsMsg(lang);
  const labels = { password: t('newPassword'), passwordConfirm: t('newPasswordConfirm') };
  return (
    <>
      <h1>{t('resetTitle')}</h1>
      <p>{t('resetIntro')}</p>
      <ErrorSummary title={t('errorSummary')} errors={summaryOf(errors, labels, lang)} />
      <form method="post" action={href(lang, `/password/reset/${props.token}`)} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <NewPasswordFields
          lang={lang}
          names={['password', 'passwordConfirm']}
          labels={[labels.password, labels.passwordConfirm]}
          errors={errors}
        />
        <button type="submit">{t('resetButton')}</button>
      </form>
    </>
  );
}

export function ResetInvalidPage({ lang }: { lang: Lang }) {
  const t = accountsMsg(lang);
  return (
    <>
      <h1>{t('resetInvalidTitle')}</h1>
      <p>{t('resetInvalid')}</p>
      <p>
        <a href={href(lang, '/password/forgot')}>{t('resetAgain')}</a>
      </p>
    </>
  );
}
