import type { Lang } from '../../../lib/i18n.ts';
import { Breadcrumb, href } from '../../../web/layout.tsx';
import { Pagination } from '../../../web/pagination.tsx';
import type { ConversationSummary, InterestView } from '../interests.service.ts';
import { interestsUi } from '../ui-messages.ts';
import { langAttr } from '../../listings/views/parts.tsx';
import { OrgName, StatusTag, Time } from './parts.tsx';

export const INTERESTS_PAGE_SIZE = 20;

/** Received and sent interests (one box at a time, as tabs that are plain links) and the conversations. */
export function InterestsPage(props: {
  lang: Lang;
  box: 'sent' | 'received';
  rows: InterestView[];
  total: number;
  page: number;
  conversations: ConversationSummary[];
}) {
  const { lang, box } = props;
  const t = interestsUi(lang);
  const tab = (b: 'sent' | 'received', label: string) => (
    <li>
      <a href={href(lang, `/interests?box=${b}`)} aria-current={b === box ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <>
      <Breadcrumb lang={lang} items={[{ label: t('listTitle') }]} />
      <h1>{t('listTitle')}</h1>
      <nav aria-label={t('boxesLabel')}>
        <ul class="listing-links">
          {tab('received', t('tabReceived'))}
          {tab('sent', t('tabSent'))}
        </ul>
      </nav>
      <h2>{box === 'sent' ? t('tabSent') : t('tabReceived')}</h2>
      {props.rows.length === 0 ? (
        <p>{box === 'sent' ? t('emptySent') : t('emptyReceived')}</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colListing')}</th>
                <th scope="col">{box === 'sent' ? t('colTo') : t('colFrom')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colSent')}</th>
                <th scope="col">{t('colExpires')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr>
                  <td>
                    <a href={href(lang, `/interests/${r.interest.id}`)}>
                      <span lang={langAttr(r.listing.language, lang)}>{r.listing.title}</span>
                    </a>
                  </td>
                  <td>
                    <OrgName lang={lang} org={box === 'sent' ? r.toOrg : r.fromOrg} />
                  </td>
                  <td>
                    <StatusTag lang={lang} status={r.status} />
                  </td>
                  <td>
                    <Time at={r.interest.sentAt} />
                  </td>
                  <td>{r.status === 'open' ? <Time at={r.interest.expiresAt} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        lang={lang}
        page={props.page}
        total={props.total}
        pageSize={INTERESTS_PAGE_SIZE}
        link={(p) => href(lang, `/interests?box=${box}&page=${p}`)}
      />
      <h2>{t('conversationsHeading')}</h2>
      {props.conversations.length === 0 ? (
        <p>{t('noConversations')}</p>
      ) : (
        <ul>
          {props.conversations.map((c) => (
            <li>
              <a href={href(lang, `/conversations/${c.id}`)}>
                <span lang={langAttr(c.listing.language, lang)}>{c.listing.title}</span>
              </a>{' '}
              · <OrgName lang={lang} org={c.fromOrg} /> / <OrgName lang={lang} org={c.toOrg} /> ·{' '}
              <span class="muted">
                {t('lastMessage')}: <Time at={c.lastMessageAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
