/**
 * One project: its stage track and dates, investment and jobs, place, milestones, approved updates (and,
 * for insiders, pending and rejected ones), the agreement's documents not marked confidential, with the
 * forms the viewer may use. No private messages, no confidential documents, and the agreement's own title
 * and value only for insiders.
 */
import { formatShanghai, isoShanghai, type Lang } from '../../../lib/i18n.ts';
import { Breadcrumb } from '../../../web/layout.tsx';
import { Notice } from '../../accounts/views/parts.tsx';
import { stageLabel } from '../messages.ts';
import type { NamedParty, ProjectView, UpdateView } from '../projects.read.ts';
import { datesOf } from '../stages.ts';
import { projectsUi } from '../ui-messages.ts';
import {
  DoneForm,
  MilestoneForm,
  PublishedForm,
  ReviewForm,
  StageForm,
  UpdateForm,
  type FailedForm,
} from './project-forms.tsx';
import {
  areaName,
  categoryName,
  formatYuan,
  langAttr,
  placeName,
  projectHref,
  sectorName,
  StageTrack,
  yuanOrNone,
  type Done,
  type Places,
} from './parts.tsx';

const orgName = (p: NamedParty | undefined, lang: Lang) => (p ? (lang === 'zh' ? p.nameZh : p.nameEn) : '');

function Time({ at }: { at: Date }) {
  return <time datetime={isoShanghai(at)}>{formatShanghai(at)}</time>;
}

function Facts({ lang, view, places }: { lang: Lang; view: ProjectView; places: Places }) {
  const t = projectsUi(lang);
  const p = view.project;
  return (
    <dl class="facts">
      <dt>{t('parties')}</dt>
      <dd>
        <ul>
          {view.parties.map((o) => (
            <li>
              {orgName(o, lang)} ({placeName(places, o.regionCode, lang)})
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t('agreement')}</dt>
      <dd>
        <AgreementFact lang={lang} view={view} />
      </dd>
      <dt>{t('location')}</dt>
      <dd>
        {placeName(places, p.regionCode, lang)}
        {p.areaCode ? ` · ${areaName(places, p.areaCode, lang)}` : ''}
      </dd>
      <dt>{t('category')}</dt>
      <dd>
        {categoryName(p.category, lang)}
        {p.sector ? ` · ${sectorName(p.sector, lang)}` : ''}
      </dd>
      <dt>{t('contracted')}</dt>
      <dd>{yuanOrNone(p.contractedInvestmentCny, lang)}</dd>
      <dt>{t('actual')}</dt>
      <dd>{formatYuan(p.actualInvestmentCny, lang)}</dd>
      <dt>{t('jobs')}</dt>
      <dd>{p.jobsCreated}</dd>
    </dl>
  );
}

/** The agreement's title (linked) and value for insiders; for the public only when it was signed. */
function AgreementFact({ lang, view }: { lang: Lang; view: ProjectView }) {
  const t = projectsUi(lang);
  const a = view.agreement;
  const status = t(a.confirmed ? 'agreementConfirmed' : 'agreementUnconfirmed');
  if (!a.details) return <>{t('agreementSigned', { date: a.signedOn, status })}</>;
  return (
    <>
      <a href={`/${lang}/agreements/${a.id}`}>
        <span lang={langAttr(a.details.language, lang)}>{a.details.title}</span>
      </a>
      , {t('agreementSigned', { date: a.signedOn, status })}
      {a.details.valueCny === null ? '' : `, ${formatYuan(a.details.valueCny, lang)}`}
    </>
  );
}

/** The agreement's documents not marked confidential, for download through the project. */
function Documents({ lang, view }: { lang: Lang; view: ProjectView }) {
  const t = projectsUi(lang);
  if (view.documents.length === 0) return null;
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('documentsHeading')}</h2>
      <ul>
        {view.documents.map((d) => (
          <li>
            <a href={projectHref(lang, view.project.id, `/documents/${d.id}`)} download={d.name}>
              {d.name}
            </a>{' '}
            ({t('documentSize', { kb: Math.max(1, Math.round(d.bytes / 1024)), type: d.mediaType })})
          </li>
        ))}
      </ul>
    </section>
  );
}

function History({ lang, view }: { lang: Lang; view: ProjectView }) {
  const t = projectsUi(lang);
  const insider = view.can.seeUnapproved;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('colOn')}</th>
            <th scope="col">{t('colFrom')}</th>
            <th scope="col">{t('colTo')}</th>
            <th scope="col">{t('colReason')}</th>
            {insider ? <th scope="col">{t('colBy')}</th> : null}
            <th scope="col">{t('colAt')}</th>
          </tr>
        </thead>
        <tbody>
          {view.history.map((h) => (
            <tr>
              <td>{h.on}</td>
              <td>{h.fromStage ? stageLabel(h.fromStage, lang) : t('created')}</td>
              <td>{stageLabel(h.toStage, lang)}</td>
              <td>{h.reason ?? ''}</td>
              {insider ? <td>{h.changedByName ?? ''}</td> : null}
              <td>
                <Time at={h.changedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Milestones(props: { lang: Lang; csrf: string; view: ProjectView; failed?: FailedForm | undefined }) {
  const { lang, view } = props;
  const t = projectsUi(lang);
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t('milestonesHeading')}</h2>
      {view.milestones.length === 0 ? <p>{t('noMilestones')}</p> : null}
      <ul class="milestones">
        {view.milestones.map((m) => (
          <li class={m.overdue ? 'overdue' : undefined}>
            <strong>{m.title}</strong> — {t('dueOn', { date: m.dueOn })} —{' '}
            {m.doneOn ? (
              t('doneOnText', { date: m.doneOn })
            ) : m.overdue ? (
              <strong class="tag overdue">{t('overdue')}</strong>
            ) : (
              t('open')
            )}
            {!m.doneOn && view.can.manage ? (
              <DoneForm
                lang={lang}
                csrf={props.csrf}
                projectId={view.project.id}
                milestoneId={m.id}
                title={m.title}
                today={view.today}
                failed={props.failed}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Update(props: {
  lang: Lang;
  csrf: string;
  view: ProjectView;
  u: UpdateView;
  failed?: FailedForm | undefined;
}) {
  const { lang, u, view } = props;
  const t = projectsUi(lang);
  const org = orgName(
    view.parties.find((p) => p.orgId === u.orgId),
    lang,
  );
  const time = formatShanghai(u.submittedAt);
  return (
    <li class={`update status-${u.status}`}>
      <p>
        <span class={`tag status-${u.status}`}>{t(`status_${u.status}`)}</span>{' '}
        {u.submittedByName
          ? t('submittedBy', { name: u.submittedByName, org, time })
          : t('submittedFor', { org, time })}
      </p>
      <p class="update-body">{u.body}</p>
      <ul>
        {u.actualInvestmentCny !== null ? (
          <li>{t('figureInvestment', { amount: formatYuan(u.actualInvestmentCny, lang) })}</li>
        ) : null}
        {u.jobsCreated !== null ? <li>{t('figureJobs', { jobs: u.jobsCreated })}</li> : null}
        {u.overrunNote ? <li>{t('figureNote', { note: u.overrunNote })}</li> : null}
      </ul>
      {u.reviewedAt ? (
        <p class="muted">
          {u.reviewedByName
            ? t('reviewedBy', { name: u.reviewedByName, time: formatShanghai(u.reviewedAt) })
            : t('approvedAt', { time: formatShanghai(u.reviewedAt) })}
        </p>
      ) : null}
      {u.reviewNote ? <p>{t('reviewNote', { note: u.reviewNote })}</p> : null}
      {u.canReview ? (
        <ReviewForm
          lang={lang}
          csrf={props.csrf}
          projectId={view.project.id}
          updateId={u.id}
          failed={props.failed}
        />
      ) : null}
    </li>
  );
}

export function ProjectPage(props: {
  lang: Lang;
  csrf: string;
  view: ProjectView;
  places: Places;
  done?: Done | undefined;
  failed?: FailedForm | undefined;
}) {
  const { lang, view, csrf, failed } = props;
  const t = projectsUi(lang);
  const p = view.project;
  return (
    <>
      <Breadcrumb lang={lang} items={[{ label: t('listTitle'), path: '/projects' }, { label: p.title }]} />
      {props.done ? <Notice success>{t(`done_${props.done}`)}</Notice> : null}
      <h1 lang={langAttr(p.language, lang)}>{p.title}</h1>
      {p.published ? null : <p class="notice">{t('unpublished')}</p>}
      {p.summary ? <p lang={langAttr(p.language, lang)}>{p.summary}</p> : null}
      <h2>{t('stage')}</h2>
      <StageTrack lang={lang} stage={p.stage} dates={datesOf(p)} />
      <Facts lang={lang} view={view} places={props.places} />
      <Milestones lang={lang} csrf={csrf} view={view} failed={failed} />
      <section aria-labelledby="updates-heading">
        <h2 id="updates-heading">{t('updatesHeading')}</h2>
        {view.updates.length === 0 ? <p>{t('noUpdates')}</p> : null}
        <ul class="updates">
          {view.updates.map((u) => (
            <Update lang={lang} csrf={csrf} view={view} u={u} failed={failed} />
          ))}
        </ul>
      </section>
      <Documents lang={lang} view={view} />
      <History lang={lang} view={view} />
      {view.can.manage && view.can.stages.length > 0 ? (
        <StageForm
          lang={lang}
          csrf={csrf}
          projectId={p.id}
          stages={view.can.stages}
          today={view.today}
          failed={failed}
        />
      ) : null}
      {view.can.manage ? (
        <PublishedForm lang={lang} csrf={csrf} projectId={p.id} published={p.published} failed={failed} />
      ) : null}
      {view.can.manage ? <MilestoneForm lang={lang} csrf={csrf} projectId={p.id} failed={failed} /> : null}
      {view.can.submitUpdate ? <UpdateForm lang={lang} csrf={csrf} projectId={p.id} failed={failed} /> : null}
    </>
  );
}
