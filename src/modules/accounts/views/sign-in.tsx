import type { Lang } from '../../../lib/i18n.ts';
import { CsrfField, href } from '../../../web/layout.tsx';
import { ErrorSummary, Field, summaryOf, type FormErrors } from '../../../web/forms.tsx';
import { accountsMsg } from '../messages.ts';
import { Notice } from './parts.tsx';

export function SignInPage(props: {
  lang: Lang;
  csrf: string;
  next: string | undefined;
  email?: string | undefined;
  errors: FormErrors;
  notice?: 'reset' | undefined;
}) {
  const { lang, errors } = props;
  const t = accountsMsg(lang);
  const action = href(lang, props.next ? `/sign-in?next=${encodeURIComponent(props.next)}` : '/sign-in');
  return (
    <>
      <h1>{t('signInTitle')}</h1>
      {props.notice === 'reset' ? <Notice success>{t('resetDone')}</Notice> : null}
      <ErrorSummary
        title={t('errorSummary')}
        errors={summaryOf(errors, { email: t('email'), password: t('password') }, lang)}
      />
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <Field
          name="email"
          type="email"
          label={t('email')}
          value={props.email}
          error={errors.email}
          autocomplete="username"
          required
        />
        <Field
          name="password"
          type="password"
          label={t('password')}
          error={errors.password}
          autocomplete="current-password"
          required
        />
        <div class="actions">
          <button type="submit">{t('signInButton')}</button>
          <a href={href(lang, '/password/forgot')}>{t('forgotLink')}</a>
        </div>
      </form>
      <p>
        {t('noAccount')} <a href={href(lang, '/register')}>{t('registerLink')}</a>
      </p>
    </>
  );
}
