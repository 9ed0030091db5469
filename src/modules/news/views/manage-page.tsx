import type { Lang } from '../../../lib/i18n.ts';
import { Field, type FormErrors } from '../../../web/forms.tsx';
import { CsrfField, href } from '../../../web/layout.tsx';
import { Pagination } from '../../../web/pagination.tsx';
import { manageMsg, newsMsg } from '../messages.ts';
import type { ArticleWithSection } from '../news.read.ts';
import type { ArticleRow } from '../news.repo.ts';
import { articleUrl } from '../news.service.ts';
import { ARTICLE_STATUSES } from '../schema.ts';
import { langAttr, query, Time } from './parts.tsx';

export const MANAGE_PAGE_SIZE = 30;

export type Done = 'saved' | 'published' | 'scheduled' | 'unscheduled' | 'unpublished' | 'restored';

export function DoneNotice({ lang, done }: { lang: Lang; done: string | undefined }) {
  const known: Done[] = ['saved', 'published', 'scheduled', 'unscheduled', 'unpublished', 'restored'];
  const d = known.find((k) => k === done);
  return d ? (
    <p class="notice success" role="status">
      {manageMsg(lang)(`done_${d}`)}
    </p>
  ) : null;
}

/** The articles the viewer manages, filterable by status. */
export function ManageList(props: {
  lang: Lang;
  rows: ArticleWithSection[];
  total: number;
  page: number;
  status: ArticleRow['status'] | undefined;
  isAdmin: boolean;
}) {
  const { lang, rows } = props;
  const t = manageMsg(lang);
  return (
    <>
      <h1>{t('manageTitle')}</h1>
      <p>{t('manageIntro')}</p>
      <p class="actions">
        <a class="button" href={href(lang, '/news/manage/new')}>
          {t('newArticle')}
        </a>
        <a href={href(lang, '/news/manage/uploads')}>{t('uploadImage')}</a>
        {props.isAdmin ? <a href={href(lang, '/news/manage/sections')}>{t('manageSections')}</a> : null}
      </p>
      <form method="get" action={href(lang, '/news/manage')} class="inline-filter">
        <div class="field">
          <label for="f-status">{t('filterStatus')}</label>
          <select id="f-status" name="status">
            <option value="">{t('filterAll')}</option>
            {ARTICLE_STATUSES.map((s) => (
              <option value={s} selected={s === props.status}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t('filter')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t('noManaged')}</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table>
            <caption>{t('manageTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colTitle')}</th>
                <th scope="col">{t('colLang')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr>
                  <th scope="row" lang={langAttr(a.lang, lang)}>
                    <a href={href(lang, `/news/manage/${a.id}`)}>{a.title}</a>
                  </th>
                  <td>{newsMsg(lang)(`lang_${a.lang}`)}</td>
                  <td>{t(`status_${a.status}`)}</td>
                  <td>
                    <Time at={a.updatedAt} />
                  </td>
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
        pageSize={MANAGE_PAGE_SIZE}
        link={(page) =>
          href(lang, `/news/manage${query({ status: props.status, page: page > 1 ? page : undefined })}`)
        }
      />
    </>
  );
}

/** Status, the publication actions that apply to it, and links to preview and history. */
export function StatusPanel(props: {
  lang: Lang;
  csrf: string;
  article: ArticleRow;
  errors: FormErrors;
  scheduledAt?: string | undefined;
}) {
  const { lang, article: a, errors } = props;
  const t = manageMsg(lang);
  const base = href(lang, `/news/manage/${a.id}`);
  const post = (path: string, label: string, opts: { confirm?: string; secondary?: boolean } = {}) => (
    <form method="post" action={`${base}/${path}`} class="inline-form">
      <CsrfField token={props.csrf} />
      <button
        type="submit"
        class={opts.secondary ? 'secondary' : undefined}
        data-action={opts.confirm ? 'confirm' : undefined}
        data-confirm={opts.confirm}
      >
        {label}
      </button>
    </form>
  );
  return (
    <section class="news-status" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('statusHeading')}</h2>
      <p>
        <strong>{t('currentStatus', { status: t(`status_${a.status}`) })}</strong>
      </p>
      {a.status === 'scheduled' && a.scheduledAt ? (
        <p>
          {t('scheduledFor')} <Time at={a.scheduledAt} />
        </p>
      ) : null}
      {a.publishedAt ? (
        <p>
          {t('publishedOn')} <Time at={a.publishedAt} />
        </p>
      ) : null}
      <div class="actions">
        {a.status !== 'published' ? post('publish', t('publishNow')) : null}
        {a.status === 'scheduled' ? post('unschedule', t('unschedule'), { secondary: true }) : null}
        {a.status === 'published'
          ? post('unpublish', t('unpublish'), { confirm: t('unpublishConfirm'), secondary: true })
          : null}
        {a.status === 'published' ? <a href={articleUrl(a)}>{t('viewLive')}</a> : null}
        <a href={`${base}/preview`}>{t('preview')}</a>
        <a href={`${articleUrl(a)}/history`}>{t('history')}</a>
      </div>
      {a.status !== 'published' ? (
        <>
          <form method="post" action={`${base}/schedule`} class="stack">
            <CsrfField token={props.csrf} />
            <Field
              name="scheduledAt"
              type="datetime-local"
              label={t('fieldScheduledAt')}
              hint={t('scheduledAtHint')}
              value={props.scheduledAt}
              error={errors.scheduledAt}
            />
            <button type="submit" class="secondary">
              {t('schedule')}
            </button>
          </form>
        </>
      ) : null}
      <p>
        <a href={href(lang, '/news/manage')}>{t('backToManage')}</a>
      </p>
    </section>
  );
}
