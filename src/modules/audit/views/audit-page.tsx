import { formatShanghai, isoShanghai, plural, type Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { Pagination } from '../../../web/pagination.tsx';
import type { AuditRow } from '../audit.repo.ts';
import { changesOf } from '../format.ts';
import { auditMsg } from '../messages.ts';

export interface AuditPageFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  page: number;
}

/** Pages where an entity's record can be opened from the log. */
const RECORD_PAGES: Record<string, (id: string) => string> = {
  organisation: (id) => `/organisations/${id}`,
  pairing: (id) => `/pairings/${id}`,
  region: (id) => `/regions/${id}`,
};

function Changes({ lang, row }: { lang: Lang; row: AuditRow }) {
  const t = auditMsg(lang);
  const changes = changesOf(row.before, row.after);
  if (changes.length === 0) return <span class="muted">{t('noChange')}</span>;
  return (
    <ul>
      {changes.map((c) => (
        <li>
          <code>{c.field || t('value')}</code>: {c.before === null ? null : <del>{c.before}</del>}
          {c.before !== null && c.after !== null ? ' → ' : null}
          {c.after === null ? null : <ins>{c.after}</ins>}
        </li>
      ))}
    </ul>
  );
}

export function AuditPage(props: {
  lang: Lang;
  filter: AuditPageFilter;
  entities: string[];
  rows: AuditRow[];
  total: number;
  pageSize: number;
}) {
  const { lang, filter } = props;
  const t = auditMsg(lang);
  const link = (page: number) => {
    const q = new URLSearchParams();
    for (const key of ['entity', 'entityId', 'action', 'actor'] as const) {
      const value = filter[key];
      if (value) q.set(key, value);
    }
    q.set('page', String(page));
    return href(lang, `/admin/audit?${q.toString()}`);
  };
  return (
    <>
      <h1>{t('auditTitle')}</h1>
      <p>{t('auditIntro')}</p>
      <form method="get" action={href(lang, '/admin/audit')} class="actions" aria-label={t('filter')}>
        <div class="field">
          <label for="f-entity">{t('entity')}</label>
          <select id="f-entity" name="entity">
            <option value="">{t('anyEntity')}</option>
            {props.entities.map((e) => (
              <option value={e} selected={e === filter.entity}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-action">{t('action')}</label>
          <input id="f-action" name="action" value={filter.action} aria-describedby="f-action-hint" />
          <span class="hint" id="f-action-hint">
            {t('actionHint')}
          </span>
        </div>
        <div class="field">
          <label for="f-actor">{t('actor')}</label>
          <input id="f-actor" name="actor" value={filter.actor} aria-describedby="f-actor-hint" />
          <span class="hint" id="f-actor-hint">
            {t('actorHint')}
          </span>
        </div>
        {filter.entityId ? <input type="hidden" name="entityId" value={filter.entityId} /> : null}
        <button type="submit" class="secondary">
          {t('show')}
        </button>
        <a href={href(lang, '/admin/audit')}>{t('clear')}</a>
      </form>
      <p>{plural(lang, props.total, { one: t('countOne'), other: t('countOther') })}</p>
      {props.rows.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colWhen')}</th>
                <th scope="col">{t('colWho')}</th>
                <th scope="col">{t('colWhat')}</th>
                <th scope="col">{t('colRecord')}</th>
                <th scope="col">{t('colChanges')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => {
                const page = RECORD_PAGES[row.entity];
                return (
                  <tr>
                    <td>
                      <time datetime={isoShanghai(row.at)}>{formatShanghai(row.at)}</time>
                    </td>
                    <td>{row.actorLabel}</td>
                    <td>
                      <code>{row.action}</code>
                    </td>
                    <td>
                      {row.entity}{' '}
                      {page ? (
                        <a href={href(lang, page(row.entityId))}>{row.entityId}</a>
                      ) : (
                        <code>{row.entityId}</code>
                      )}
                    </td>
                    <td>
                      <Changes lang={lang} row={row} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        lang={lang}
        page={filter.page}
        total={props.total}
        pageSize={props.pageSize}
        link={link}
        previous={t('newerEntries')}
        next={t('olderEntries')}
      />
    </>
  );
}
