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
import { Notice } from '../../accounts/views/parts.tsx';
import { MAX_BODY } from '../fields.ts';
import type { ConversationView } from '../interests.service.ts';
import { interestsUi } from '../ui-messages.ts';
import { ListingLink, OrgName, Time } from './parts.tsx';

/** A file size as people read it. */
function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A conversation: its messages oldest first, then the form to write (parties) or a read-only notice. */
export function ConversationPage(props: {
  lang: Lang;
  csrf: string;
  view: ConversationView;
  posted?: boolean;
  body?: string;
  errors?: FormErrors;
}) {
  const { lang, view } = props;
  const t = interestsUi(lang);
  const errors = props.errors ?? {};
  const labels = { body: t('bodyLabel'), files: t('filesLabel') };
  const files = { name: 'files', label: t('filesLabel'), hint: t('filesHint'), error: errors.files };
  return (
    <>
      <Breadcrumb
        lang={lang}
        items={[{ label: t('listTitle'), path: '/interests' }, { label: t('conversationTitle') }]}
      />
      <h1>{t('conversationTitle')}</h1>
      {props.posted ? <Notice success>{t('done_posted')}</Notice> : null}
      <ErrorSummary title={t('errorSummary')} errors={summaryOf(errors, labels, lang)} />
      <dl class="facts">
        <dt>{t('conversationAbout')}</dt>
        <dd>
          <ListingLink lang={lang} listing={view.listing} />
        </dd>
        <dt>{t('between')}</dt>
        <dd>
          <OrgName lang={lang} org={view.fromOrg} /> · <OrgName lang={lang} org={view.toOrg} />
        </dd>
      </dl>
      <p>
        <a href={href(lang, `/interests/${view.interestId}`)}>{t('interestTitle')}</a>
      </p>
      {view.canPost ? (
        <p>
          <span class="muted" id="record-hint">
            {t('recordAgreementHint')}
          </span>{' '}
          <a
            class="button"
            href={href(lang, `/agreements/new?interest=${view.interestId}`)}
            aria-describedby="record-hint"
          >
            {t('recordAgreement')}
          </a>
        </p>
      ) : null}
      <h2 id="messages">{t('messagesHeading')}</h2>
      {view.messages.length === 0 ? (
        <p>{t('noMessages')}</p>
      ) : (
        <ol class="conversation-messages">
          {view.messages.map((m) => (
            <li class="card">
              <p class="muted">
                {m.authorName}, <OrgName lang={lang} org={m.org} /> · <Time at={m.createdAt} />
              </p>
              {m.body
                .split(/\r?\n/)
                .filter((p) => p.trim() !== '')
                .map((p) => (
                  <p>{p}</p>
                ))}
              {m.attachments.length > 0 ? (
                <>
                  <p class="match-reasons-label">{t('attachments')}</p>
                  <ul>
                    {m.attachments.map((a) => (
                      <li>
                        <a href={href(lang, `/conversations/${view.id}/files/${a.id}`)}>{a.name}</a> (
                        {size(a.bytes)})
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {view.canPost ? (
        <section aria-labelledby="post-heading">
          <h2 id="post-heading">{t('postHeading')}</h2>
          <form
            method="post"
            action={href(lang, `/conversations/${view.id}`)}
            enctype="multipart/form-data"
            class="stack"
            novalidate
          >
            <CsrfField token={props.csrf} />
            <TextareaField
              name="body"
              label={labels.body}
              hint={t('bodyHint', { max: MAX_BODY })}
              value={props.body}
              error={errors.body}
              rows={5}
            />
            <Field {...files}>
              <input
                {...controlAttrs(files)}
                type="file"
                multiple
                accept="application/pdf,image/png,image/jpeg,image/webp,image/gif"
              />
            </Field>
            <div class="actions">
              <button type="submit">{t('post')}</button>
            </div>
          </form>
        </section>
      ) : (
        <p class="notice">{t('readOnlyConversation')}</p>
      )}
    </>
  );
}
