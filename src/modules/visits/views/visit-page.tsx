/**
 * One visit: when and where, who took part (with their side), meetings, the news about it, and each agreed
 * area with its owner, due date, status in words, what delivers it and how far each of those is, then the
 * rule the status follows. Coordinators who manage the visit also get its forms' links and unlink buttons.
 */
import { HTML_LANG, type Lang } from '../../../lib/i18n.ts';
import { Breadcrumb, CsrfField } from '../../../web/layout.tsx';
import { Notice } from '../../accounts/views/parts.tsx';
import { stageLabel } from '../../projects/messages.ts';
import { linkKindLabel, kindLabel, sideLabel } from '../messages.ts';
import type { ResolvedLink } from '../links.ts';
import { visitsUi } from '../ui-messages.ts';
import type { AreaView, VisitView } from '../visits.read.ts';
import {
  areaName,
  dateRange,
  Named,
  nameLangAttr,
  placeName,
  StatusTag,
  visitHref,
  visitTitle,
  type Done,
  type Places,
} from './parts.tsx';

/** How far a linked record is, in words. */
function progressOf(link: ResolvedLink, lang: Lang): string {
  const t = visitsUi(lang);
  const s = link.state;
  if (!s) return t('gone');
  switch (s.kind) {
    case 'listing':
      return t(`listing_${s.status}`);
    case 'agreement':
      return t(s.confirmed ? 'agreementConfirmed' : 'agreementUnconfirmed');
    case 'project':
      return t('projectStage', { stage: stageLabel(s.stage, lang) });
    case 'programme':
      return t(`programme_${s.status}`);
  }
}

function Place({
  code,
  area,
  places,
  lang,
}: {
  code: string;
  area: string | null;
  places: Places;
  lang: Lang;
}) {
  return (
    <>
      {placeName(places, code, lang)}
      {area ? ` · ${areaName(places, area, lang)}` : ''}
    </>
  );
}

/**
 * What a repeated button or link acts on, for screen readers only: the accessible name then starts with the
 * visible text (so speech commands naming it still work) and the title keeps its own language.
 */
function Target(props: { title: string; lang?: string | undefined }) {
  return (
    <span class="visually-hidden">
      {': '}
      <span lang={props.lang}>{props.title}</span>
    </span>
  );
}

function Participants({ lang, view }: { lang: Lang; view: VisitView }) {
  const t = visitsUi(lang);
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('participantsHeading')}</h2>
      {view.participants.length === 0 ? (
        <p>{t('noParticipants')}</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colSide')}</th>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colRole')}</th>
                <th scope="col">{t('colOrganisation')}</th>
              </tr>
            </thead>
            <tbody>
              {view.participants.map((p) => (
                <tr>
                  <td>{sideLabel(p.side, lang)}</td>
                  <th scope="row">
                    <Named value={p.name} en={p.nameEn} lang={lang} />
                  </th>
                  <td>
                    {p.title || p.titleEn ? (
                      <Named value={p.title || p.titleEn} en={p.titleEn} lang={lang} />
                    ) : (
                      ''
                    )}
                  </td>
                  <td>
                    {p.organisation || p.organisationEn ? (
                      <Named value={p.organisation || p.organisationEn} en={p.organisationEn} lang={lang} />
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Meetings({ lang, view }: { lang: Lang; view: VisitView }) {
  const t = visitsUi(lang);
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('meetingsHeading')}</h2>
      {view.meetings.length === 0 ? <p>{t('noMeetings')}</p> : null}
      <ul>
        {view.meetings.map((m) => (
          <li>
            {m.on ? <>{m.on} · </> : null}
            <strong lang={nameLangAttr(m.title, lang)}>{m.title}</strong>
            {m.place ? <span lang={nameLangAttr(m.place, lang)}> · {m.place}</span> : null}
            {m.notes ? <p lang={nameLangAttr(m.notes, lang)}>{m.notes}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Articles(props: { lang: Lang; csrf: string; view: VisitView }) {
  const { lang, view } = props;
  const t = visitsUi(lang);
  return (
    <section aria-labelledby="articles-heading">
      <h2 id="articles-heading">{t('articlesHeading')}</h2>
      {view.articles.length === 0 ? <p>{t('noArticles')}</p> : null}
      <ul>
        {view.articles.map((a) => (
          <li>
            <a
              href={`/${a.lang}/news/${encodeURIComponent(a.slug)}`}
              hreflang={HTML_LANG[a.lang]}
              lang={a.lang === lang ? undefined : HTML_LANG[a.lang]}
            >
              {a.title}
            </a>
            {view.can.manage ? (
              <form
                method="post"
                action={visitHref(lang, view.visit.id, `/articles/${a.id}/delete`)}
                class="inline-form"
              >
                <CsrfField token={props.csrf} />
                <button type="submit" class="secondary">
                  {t('unlink')}
                  <Target title={a.title} lang={a.lang === lang ? undefined : HTML_LANG[a.lang]} />
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Area(props: { lang: Lang; csrf: string; view: VisitView; a: AreaView; places: Places }) {
  const { lang, view, a, places } = props;
  const t = visitsUi(lang);
  const area = a.area;
  const title = lang === 'zh' ? area.titleZh : area.titleEn;
  const headingId = `area-${area.id}`;
  return (
    <li class={`agreed-area area-${a.status.status}`}>
      <h3 id={headingId}>{title}</h3>
      <dl class="facts">
        <dt>{t('statusIs')}</dt>
        <dd>
          <StatusTag lang={lang} status={a.status.status} />
        </dd>
        <dt>{t('owner')}</dt>
        <dd>
          {placeName(places, area.ownerRegionCode, lang)} ·{' '}
          <Named value={area.ownerOffice} en={area.ownerOfficeEn} lang={lang} />
        </dd>
        <dt>{t('due')}</dt>
        <dd>{area.dueOn}</dd>
      </dl>
      {area.description ? <p lang={nameLangAttr(area.description, lang)}>{area.description}</p> : null}
      <h4>{t('deliversHeading')}</h4>
      {a.links.length === 0 ? <p>{t('noLinks')}</p> : null}
      <ul>
        {a.links.map((l) => (
          <li>
            {linkKindLabel(l.kind, lang)}:{' '}
            {l.title !== null && l.path ? (
              <a
                href={`/${lang}${l.path}`}
                lang={l.language && l.language !== lang ? HTML_LANG[l.language] : undefined}
              >
                {l.title}
              </a>
            ) : (
              <em>{t('notPublic')}</em>
            )}{' '}
            — {progressOf(l, lang)} — <strong>{t(`weight_${l.weight}`)}</strong>
            {view.can.manage ? (
              <form
                method="post"
                action={visitHref(lang, view.visit.id, `/areas/${area.id}/links/${l.id}/delete`)}
                class="inline-form"
              >
                <CsrfField token={props.csrf} />
                <button type="submit" class="secondary">
                  {t('unlink')}
                  <Target
                    title={l.title ?? linkKindLabel(l.kind, lang)}
                    lang={
                      l.title !== null && l.language && l.language !== lang
                        ? HTML_LANG[l.language]
                        : undefined
                    }
                  />
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {view.can.manage ? (
        <p>
          <a href={visitHref(lang, view.visit.id, `/areas/${area.id}/links/new`)}>
            {t('linkArea')}
            <Target title={title} />
          </a>
        </p>
      ) : null}
    </li>
  );
}

function Rule({ lang, today }: { lang: Lang; today: string }) {
  const t = visitsUi(lang);
  return (
    <section aria-labelledby="rule-heading">
      <h2 id="rule-heading">{t('ruleHeading')}</h2>
      <p>{t('ruleIntro', { today })}</p>
      <ol>
        <li>{t('rule1')}</li>
        <li>{t('rule2')}</li>
        <li>{t('rule3')}</li>
        <li>{t('rule4')}</li>
      </ol>
      <p>{t('ruleNote')}</p>
    </section>
  );
}

export function VisitPage(props: {
  lang: Lang;
  csrf: string;
  view: VisitView;
  places: Places;
  done?: Done | undefined;
}) {
  const { lang, view, places, csrf } = props;
  const t = visitsUi(lang);
  const v = view.visit;
  const summary = lang === 'zh' ? v.summaryZh : v.summaryEn;
  return (
    <>
      <Breadcrumb
        lang={lang}
        items={[{ label: t('listTitle'), path: '/visits' }, { label: visitTitle(v, lang) }]}
      />
      {props.done ? <Notice success>{t(`done_${props.done}`)}</Notice> : null}
      <h1>{visitTitle(v, lang)}</h1>
      {v.published ? null : <p class="notice">{t('unpublished')}</p>}
      <dl class="facts">
        <dt>{t('kind')}</dt>
        <dd>{kindLabel(v.kind, lang)}</dd>
        <dt>{t('when')}</dt>
        <dd>{dateRange(v, lang)}</dd>
        <dt>{t('host')}</dt>
        <dd>
          <Place code={v.hostRegionCode} area={v.hostAreaCode} places={places} lang={lang} />
        </dd>
        <dt>{t('visiting')}</dt>
        <dd>
          <Place code={v.visitingRegionCode} area={v.visitingAreaCode} places={places} lang={lang} />
        </dd>
        {v.places ? (
          <>
            <dt>{t('places')}</dt>
            <dd lang={nameLangAttr(v.places, lang)}>{v.places}</dd>
          </>
        ) : null}
      </dl>
      {summary ? <p>{summary}</p> : null}
      <Participants lang={lang} view={view} />
      <Meetings lang={lang} view={view} />
      <Articles lang={lang} csrf={csrf} view={view} />
      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading">{t('areasHeading')}</h2>
        {view.areas.length === 0 ? <p>{t('noAreas')}</p> : null}
        <ol class="agreed-areas">
          {view.areas.map((a) => (
            <Area lang={lang} csrf={csrf} view={view} a={a} places={places} />
          ))}
        </ol>
      </section>
      <Rule lang={lang} today={view.today} />
      {view.can.manage ? (
        <section aria-labelledby="manage-heading">
          <h2 id="manage-heading">{t('manageHeading')}</h2>
          <ul>
            <li>
              <a href={visitHref(lang, v.id, '/edit')}>{t('edit')}</a>
            </li>
            <li>
              <a href={visitHref(lang, v.id, '/participants/new')}>{t('addParticipant')}</a>
            </li>
            <li>
              <a href={visitHref(lang, v.id, '/areas/new')}>{t('addArea')}</a>
            </li>
            <li>
              <a href={visitHref(lang, v.id, '/articles/new')}>{t('linkArticle')}</a>
            </li>
          </ul>
        </section>
      ) : null}
    </>
  );
}
