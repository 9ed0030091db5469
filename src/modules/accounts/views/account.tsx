import type { Lang } from '../../../lib/i18n.ts';
import { CsrfField, href } from '../../../web/layout.tsx';
import { ErrorSummary, Field, SelectField, summaryOf, type FormErrors } from '../../../web/forms.tsx';
import type { OrganisationRow, UserRow } from '../accounts.repo.ts';
import { accountsMsg, orgsMsg } from '../messages.ts';
import { NewPasswordFields, Notice, OrgLink, StatusTag } from './parts.tsx';

export const LANG_OPTIONS: [string, string][] = [
  ['en', 'English'],
  ['zh', '中文'],
];

export interface AccountPageProps {
  lang: Lang;
  csrf: string;
  user: Pick<UserRow, 'email' | 'name' | 'role' | 'preferredLang'>;
  organisation: OrganisationRow | undefined;
  /** The coordinated region's name, for coordinators. */
  regionName: string | undefined;
  profile: { name?: string | undefined; preferredLang?: string | undefined };
  /** Errors of whichever form was posted. */
  errors: FormErrors;
  notice?: 'profile' | 'password' | 'registered' | undefined;
}

export function AccountPage(props: AccountPageProps) {
  const { lang, user, organisation, errors } = props;
  const t = accountsMsg(lang);
  const labels = {
    name: t('name'),
    preferredLang: t('preferredLang'),
    currentPassword: t('currentPassword'),
    newPassword: t('newPassword'),
    newPasswordConfirm: t('newPasswordConfirm'),
  };
  const orgName = organisation ? (lang === 'zh' ? organisation.nameZh : organisation.nameEn) : '';
  const role =
    user.role === 'admin'
      ? t('role_admin')
      : user.role === 'coordinator'
        ? t('role_coordinator', { region: props.regionName ?? '' })
        : t('role_member', { org: orgName });
  return (
    <>
      <h1>{t('accountTitle')}</h1>
      {props.notice === 'profile' ? <Notice success>{t('profileSaved')}</Notice> : null}
      {props.notice === 'password' ? <Notice success>{t('passwordChanged')}</Notice> : null}
      {props.notice === 'registered' ? <Notice success>{orgsMsg(lang)('registered')}</Notice> : null}
      <ErrorSummary title={t('errorSummary')} errors={summaryOf(errors, labels, lang)} />
      <dl class="facts">
        <dt>{t('email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('yourRole')}</dt>
        <dd>{role}</dd>
        {organisation ? (
          <>
            <dt>{t('organisation')}</dt>
            <dd>
              <OrgLink lang={lang} org={organisation} />
            </dd>
            <dt>{t('orgStatus')}</dt>
            <dd>
              <StatusTag lang={lang} status={organisation.status} />
            </dd>
          </>
        ) : null}
      </dl>
      {organisation?.status === 'pending' ? <p class="notice">{t('pendingNotice')}</p> : null}
      {organisation?.status === 'suspended' ? <p class="notice">{t('suspendedNotice')}</p> : null}
      {user.role !== 'member' ? (
        <p class="actions">
          <a href={href(lang, '/coordinator/organisations')}>{t('reviewLink')}</a>
          {user.role === 'admin' ? <a href={href(lang, '/admin')}>{t('adminLink')}</a> : null}
        </p>
      ) : null}

      <h2>{t('profileHeading')}</h2>
      <form method="post" action={href(lang, '/account')} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <Field
          name="name"
          label={labels.name}
          value={props.profile.name}
          error={errors.name}
          autocomplete="name"
          required
        />
        <SelectField
          name="preferredLang"
          label={labels.preferredLang}
          options={LANG_OPTIONS}
          value={props.profile.preferredLang}
          error={errors.preferredLang}
        />
        <button type="submit">{t('save')}</button>
      </form>

      <h2>{t('passwordHeading')}</h2>
      <p>{t('passwordChangeHint')}</p>
      <form method="post" action={href(lang, '/account/password')} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <Field
          name="currentPassword"
          type="password"
          label={labels.currentPassword}
          error={errors.currentPassword}
          autocomplete="current-password"
          required
        />
        <NewPasswordFields
          lang={lang}
          names={['newPassword', 'newPasswordConfirm']}
          labels={[labels.newPassword, labels.newPasswordConfirm]}
          errors={errors}
        />
        <button type="submit">{t('passwordButton')}</button>
      </form>
    </>
  );
}
