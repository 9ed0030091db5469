import type { Lang } from '../../../lib/i18n.ts';
import { Breadcrumb, CsrfField, href } from '../../../web/layout.tsx';
import { newsMsg } from '../messages.ts';
import type { History } from '../news.read.ts';
import type { RevisionRow } from '../news.repo.ts';
import { articlePath } from './article-page.tsx';
import { Time } from './parts.tsx';

function noteText(lang: Lang, note: string | null): string {
  const t = newsMsg(lang);
  if (note === 'imported') return t('noteImported');
  const restored = /^restored:(\d+)$/.exec(note ?? '');
  return restored ? t('noteRestored', { n: restored[1]! }) : '';
}

export function HistoryBreadcrumb({ lang, history }: { lang: Lang; history: History }) {
  const t = newsMsg(lang);
  return (
    <Breadcrumb
      lang={lang}
      items={[
        { label: t('newsTitle'), path: '/news' },
        { label: history.article.title, path: articlePath(history.article) },
        { label: t('historyTitle') },
      ]}
    />
  );
}

/** Every visible revision with who and when, a link to its changes and, for managers, a restore button. */
export function HistoryPage({ lang, history, csrf }: { lang: Lang; history: History; csrf: string }) {
  const t = newsMsg(lang);
  const a = history.article;
  const path = articlePath(a);
  return (
    <>
      <HistoryBreadcrumb lang={lang} history={history} />
      <h1>{t('historyHeading', { title: a.title })}</h1>
      <p>{t('historyIntro', { title: a.title })}</p>
      <div class="table-scroll" tabindex={0}>
        <table>
          <caption>{t('historyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colRevision')}</th>
              <th scope="col">{t('colWhen')}</th>
              <th scope="col">{t('colWho')}</th>
              <th scope="col">{t('colNote')}</th>
            </tr>
          </thead>
          <tbody>
            {history.revisions.map((r: RevisionRow) => (
              <tr>
                <th scope="row">
                  <a href={href(lang, `${path}/history/${r.number}`)}>{t('viewChanges', { n: r.number })}</a>
                </th>
                <td>
                  <Time at={r.createdAt} />
                </td>
                <td>{r.actorLabel}</td>
                <td>
                  {noteText(lang, r.note)}
                  {history.canManage && r !== history.revisions[0] ? (
                    <form
                      method="post"
                      action={href(lang, `/news/manage/${a.id}/restore`)}
                      class="inline-form no-print"
                    >
                      <CsrfField token={csrf} />
                      <input type="hidden" name="number" value={String(r.number)} />
                      <button
                        type="submit"
                        class="secondary"
                        data-action="confirm"
                        data-confirm={t('restoreConfirm')}
                      >
                        {t('restore', { n: r.number })}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={href(lang, a.status === 'published' ? path : `/news/manage/${a.id}`)}>
          {t('backToArticle')}
        </a>
      </p>
    </>
  );
}
