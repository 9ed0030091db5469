import { formatShanghai, isoShanghai, type Lang } from '../../../lib/i18n.ts';
import { Breadcrumb, CsrfField, href } from '../../../web/layout.tsx';
import type { NotificationItem } from '../notifications.service.ts';
import { notificationUi } from '../messages.ts';

/** The signed-in user's notifications, newest first: unread ones marked, each linking to where to act. */
export function NotificationsPage(props: {
  lang: Lang;
  csrf: string;
  items: NotificationItem[];
  unread: number;
}) {
  const { lang } = props;
  const t = notificationUi(lang);
  const action = href(lang, '/notifications/read');
  return (
    <>
      <Breadcrumb lang={lang} items={[{ label: t('title') }]} />
      <h1>{t('title')}</h1>
      {props.items.length === 0 ? <p>{t('empty')}</p> : null}
      {props.unread > 0 ? (
        <form method="post" action={action}>
          <CsrfField token={props.csrf} />
          <button type="submit" class="secondary">
            {t('markAllRead')}
          </button>
        </form>
      ) : null}
      {props.items.length > 0 ? (
        <ul class="notification-list">
          {props.items.map((n) => (
            <li class={n.read ? 'notification' : 'notification unread'}>
              {n.read ? null : (
                <>
                  <span class="tag">{t('unread')}</span>{' '}
                </>
              )}
              <a href={href(lang, n.path)}>{n.text}</a>{' '}
              <time class="muted" datetime={isoShanghai(n.createdAt)}>
                {formatShanghai(n.createdAt).slice(0, 16)}
              </time>
              {n.read ? null : (
                <form method="post" action={action} class="inline-form">
                  <CsrfField token={props.csrf} />
                  <input type="hidden" name="id" value={String(n.id)} />
                  <button type="submit" class="link-button" aria-label={`${t('markRead')}: ${n.text}`}>
                    {t('markRead')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
