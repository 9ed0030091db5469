import type { Child } from 'hono/jsx';
import type { Lang } from '../../../lib/i18n.ts';
import { Field, type FormErrors } from '../../../web/forms.tsx';
import { href } from '../../../web/layout.tsx';
import type { OrganisationRow } from '../accounts.repo.ts';
import { accountsMsg, orgsMsg } from '../messages.ts';
import { PASSWORD_MIN } from '../passwords.ts';

type OrgType = OrganisationRow['type'];
type OrgStatus = OrganisationRow['status'];

/** The organisation type in the page language. */
export function typeLabel(lang: Lang, type: OrgType): string {
  return orgsMsg(lang)(`type_${type}`);
}

/** The review status in the page language. */
export function statusLabel(lang: Lang, status: OrgStatus): string {
  return orgsMsg(lang)(`status_${status}`);
}

/** A status shown as a tag; colour is never the only signal, the word is always there. */
export function StatusTag({ lang, status }: { lang: Lang; status: OrgStatus }) {
  return <span class={`tag status-${status}`}>{statusLabel(lang, status)}</span>;
}

/** A message after a redirect (POST-redirect-GET), announced to screen readers. */
export function Notice({ children, success }: { children: Child; success?: boolean }) {
  return (
    <p class={success ? 'notice success' : 'notice'} role="status">
      {children}
    </p>
  );
}

/** The name in the page language, with the other language's name beside it marked with its `lang`. */
export function OrgLink({
  lang,
  org,
}: {
  lang: Lang;
  org: Pick<OrganisationRow, 'id' | 'nameZh' | 'nameEn'>;
}) {
  return <a href={href(lang, `/organisations/${org.id}`)}>{lang === 'zh' ? org.nameZh : org.nameEn}</a>;
}

/** A new password with its length hint, and the repeat that must match it; `names` and `labels` in that order. */
export function NewPasswordFields(props: {
  lang: Lang;
  names: [string, string];
  labels: [string, string];
  errors: FormErrors;
}) {
  const [name, repeatName] = props.names;
  const [label, repeatLabel] = props.labels;
  return (
    <>
      <Field
        name={name}
        type="password"
        label={label}
        hint={accountsMsg(props.lang)('passwordHint', { min: PASSWORD_MIN })}
        error={props.errors[name]}
        autocomplete="new-password"
        required
      />
      <Field
        name={repeatName}
        type="password"
        label={repeatLabel}
        error={props.errors[repeatName]}
        autocomplete="new-password"
        required
      />
    </>
  );
}
