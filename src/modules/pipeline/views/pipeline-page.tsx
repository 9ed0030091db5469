import { dateShanghai, type Lang } from '../../../lib/i18n.ts';
import { Breadcrumb, href } from '../../../web/layout.tsx';
import { FORM_LABELS, STATUS_LABELS } from '../../interests/messages.ts';
import { categoryName, formatYuan, langAttr, placeName, type Places } from '../../listings/views/parts.tsx';
import { stageLabel } from '../../projects/messages.ts';
import { PROJECT_STAGES } from '../../projects/schema.ts';
import { LISTING_CATEGORY_CODES } from '../../taxonomy/categories.data.ts';
import { pipelineUi } from '../messages.ts';
import type { Pipeline, PipelineQuery } from '../pipeline.service.ts';

interface Named {
  nameZh: string;
  nameEn: string;
}
const nameOf = (o: Named, lang: Lang) => (lang === 'zh' ? o.nameZh : o.nameEn) || o.nameEn || o.nameZh;

/** A title in its own language, marked when that is not the page's. */
function Title(props: { text: string; language: Lang; lang: Lang; path: string }) {
  return (
    <a href={href(props.lang, props.path)} lang={langAttr(props.language, props.lang)}>
      {props.text}
    </a>
  );
}

export interface PipelinePageProps {
  lang: Lang;
  data: Pipeline;
  query: PipelineQuery;
  /** Provinces for the filters, and names of regions and areas. */
  regions: { code: string; nameZh: string; nameEn: string }[];
  places: Places;
  /** Whose pipeline: the organisation's name, or null for a region. */
  orgName: string | null;
  isAdmin: boolean;
}

/** A member's or a coordinator's pipeline: figures, what waits for them, filters, and the three lists. */
export function PipelinePage(p: PipelinePageProps) {
  const { lang, data } = p;
  const t = pipelineUi(lang);
  const scope = data.scope;
  const intro = !scope
    ? t('introAdmin')
    : scope.kind === 'org'
      ? t('introOrg', { org: p.orgName ?? '' })
      : t('introRegion', { region: placeName(p.places, scope.regionCode, lang) });
  return (
    <>
      <Breadcrumb lang={lang} items={[{ label: t('title') }]} />
      <h1>{t('title')}</h1>
      <p>{intro}</p>
      {scope ? <Figures lang={lang} data={data} /> : null}
      <Waiting lang={lang} data={data} />
      <Filters {...p} />
      {scope ? (
        <>
          <Interests lang={lang} data={data} places={p.places} />
          <Agreements lang={lang} data={data} places={p.places} />
          <Projects lang={lang} data={data} places={p.places} />
        </>
      ) : null}
    </>
  );
}

function Figures({ lang, data }: { lang: Lang; data: Pipeline }) {
  const t = pipelineUi(lang);
  const value = data.agreements.reduce((s, a) => s + (a.valueCny ?? 0), 0);
  const actual = data.projects.reduce((s, x) => s + x.actualInvestmentCny, 0);
  const figures: [string, string][] = [
    [t('sumInterests'), String(data.interests.length)],
    [t('sumAccepted'), String(data.interests.filter((i) => i.status === 'accepted').length)],
    [t('sumAgreements'), String(data.agreements.length)],
    [t('sumValue'), formatYuan(value, lang)],
    [t('sumProjects'), String(data.projects.length)],
    [t('sumActual'), formatYuan(actual, lang)],
  ];
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('summary')}</h2>
      <dl class="figures">
        {figures.map(([label, v]) => (
          <div>
            <dt>{label}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Waiting({ lang, data }: { lang: Lang; data: Pipeline }) {
  const t = pipelineUi(lang);
  const { toAnswer, toConfirm, toApprove } = data.waiting;
  const empty = toAnswer.length + toConfirm.length + toApprove.length === 0;
  return (
    <section aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">{t('waiting')}</h2>
      {empty ? <p>{t('nothingWaiting')}</p> : null}
      {toAnswer.length > 0 ? (
        <>
          <h3>{t('toAnswer')}</h3>
          <ul>
            {toAnswer.map((i) => (
              <li>
                <Title
                  lang={lang}
                  text={i.listing.title}
                  language={i.listing.language}
                  path={`/interests/${i.id}`}
                />{' '}
                ({nameOf(i.fromOrg, lang)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {toConfirm.length > 0 ? (
        <>
          <h3>{t('toConfirm')}</h3>
          <ul>
            {toConfirm.map((a) => (
              <li>
                <Title lang={lang} text={a.title} language={a.language} path={`/agreements/${a.id}`} /> (
                {a.parties.map((x) => nameOf(x, lang)).join(' · ')})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {toApprove.length > 0 ? (
        <>
          <h3>{t('toApprove')}</h3>
          <ul>
            {toApprove.map((u) => (
              <li>
                <Title
                  lang={lang}
                  text={u.projectTitle}
                  language={u.projectLanguage}
                  path={`/projects/${u.projectId}#update-${u.id}`}
                />{' '}
                (
                {t('submittedBy', {
                  org: nameOf({ nameZh: u.orgNameZh, nameEn: u.orgNameEn }, lang),
                  date: dateShanghai(u.submittedAt),
                })}
                )
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  anyLabel: string;
}) {
  return (
    <p>
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </p>
  );
}

function Filters(p: PipelinePageProps) {
  const { lang, query: q } = p;
  const t = pipelineUi(lang);
  const regions = p.regions.map((r) => ({ value: r.code, label: lang === 'zh' ? r.nameZh : r.nameEn }));
  return (
    <section aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t('filters')}</h2>
      <form method="get" action={href(lang, '/pipeline')} class="facet-form pipeline-filters">
        {p.isAdmin ? (
          <Select name="region" label={t('region')} value={q.region} options={regions} anyLabel={t('any')} />
        ) : null}
        <Select
          name="counterpartRegion"
          label={t('counterpartRegion')}
          value={q.counterpartRegion}
          options={regions}
          anyLabel={t('any')}
        />
        <Select
          name="category"
          label={t('category')}
          value={q.category}
          options={LISTING_CATEGORY_CODES.map((c) => ({ value: c, label: categoryName(c, lang) }))}
          anyLabel={t('any')}
        />
        <p>
          <label for="f-sector">{t('sector')}</label>
          <input id="f-sector" name="sector" value={q.sector ?? ''} size={4} maxlength={3} />
        </p>
        <Select
          name="stage"
          label={t('stage')}
          value={q.stage}
          options={PROJECT_STAGES.map((s) => ({ value: s, label: stageLabel(s, lang) }))}
          anyLabel={t('any')}
        />
        <p>
          <input id="f-overdue" type="checkbox" name="overdue" value="1" checked={q.overdue === true} />{' '}
          <label for="f-overdue">{t('overdue')}</label>
        </p>
        <p>
          <button type="submit">{t('apply')}</button>{' '}
          <a href={href(lang, p.isAdmin && q.region ? `/pipeline?region=${q.region}` : '/pipeline')}>
            {t('clear')}
          </a>
        </p>
      </form>
    </section>
  );
}

function Interests({ lang, data }: { lang: Lang; data: Pipeline; places: Places }) {
  const t = pipelineUi(lang);
  return (
    <section aria-labelledby="interests-heading">
      <h2 id="interests-heading">{t('interests')}</h2>
      {data.interests.length === 0 ? (
        <p>{t('noInterests')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('listing')}</th>
              <th scope="col">{t('from')}</th>
              <th scope="col">{t('to')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('sent')}</th>
              <th scope="col">{t('conversation')}</th>
            </tr>
          </thead>
          <tbody>
            {data.interests.map((i) => (
              <tr>
                <th scope="row">
                  <Title
                    lang={lang}
                    text={i.listing.title}
                    language={i.listing.language}
                    path={`/interests/${i.id}`}
                  />
                </th>
                <td>{nameOf(i.fromOrg, lang)}</td>
                <td>{nameOf(i.toOrg, lang)}</td>
                <td>{STATUS_LABELS[lang][i.status]}</td>
                <td>
                  <time datetime={i.sentAt.toISOString()}>{dateShanghai(i.sentAt)}</time>
                </td>
                <td>
                  {i.conversationId ? (
                    <a href={href(lang, `/conversations/${i.conversationId}`)}>{t('openConversation')}</a>
                  ) : (
                    t('none')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Agreements({ lang, data, places }: { lang: Lang; data: Pipeline; places: Places }) {
  const t = pipelineUi(lang);
  return (
    <section aria-labelledby="agreements-heading">
      <h2 id="agreements-heading">{t('agreements')}</h2>
      {data.agreements.length === 0 ? (
        <p>{t('noAgreements')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('agreement')}</th>
              <th scope="col">{t('type')}</th>
              <th scope="col">{t('parties')}</th>
              <th scope="col">{t('value')}</th>
              <th scope="col">{t('signedOn')}</th>
              <th scope="col">{t('confirmation')}</th>
            </tr>
          </thead>
          <tbody>
            {data.agreements.map((a) => (
              <tr>
                <th scope="row">
                  <Title lang={lang} text={a.title} language={a.language} path={`/agreements/${a.id}`} />
                </th>
                <td>{FORM_LABELS[lang][a.type]}</td>
                <td>{a.parties.map((x) => nameOf(x, lang)).join(' · ')}</td>
                <td>{a.valueCny === null ? t('none') : formatYuan(a.valueCny, lang)}</td>
                <td>{a.signedOn}</td>
                <td>
                  {a.confirmed
                    ? t('confirmed')
                    : t('awaiting', {
                        regions: a.awaitingRegions
                          .map((r) => placeName(places, r, lang))
                          .join(lang === 'zh' ? '、' : ', '),
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Projects({ lang, data, places }: { lang: Lang; data: Pipeline; places: Places }) {
  const t = pipelineUi(lang);
  return (
    <section aria-labelledby="projects-heading">
      <h2 id="projects-heading">{t('projects')}</h2>
      {data.projects.length === 0 ? (
        <p>{t('noProjects')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('project')}</th>
              <th scope="col">{t('stage')}</th>
              <th scope="col">{t('location')}</th>
              <th scope="col">{t('contracted')}</th>
              <th scope="col">{t('actual')}</th>
              <th scope="col">{t('jobs')}</th>
              <th scope="col">{t('overdueCount')}</th>
              <th scope="col">{t('pendingCount')}</th>
            </tr>
          </thead>
          <tbody>
            {data.projects.map((x) => (
              <tr>
                <th scope="row">
                  <Title lang={lang} text={x.title} language={x.language} path={`/projects/${x.id}`} />
                </th>
                <td>{stageLabel(x.stage, lang)}</td>
                <td>{placeName(places, x.regionCode, lang)}</td>
                <td>
                  {x.contractedInvestmentCny === null
                    ? t('none')
                    : formatYuan(x.contractedInvestmentCny, lang)}
                </td>
                <td>{formatYuan(x.actualInvestmentCny, lang)}</td>
                <td>{x.jobsCreated}</td>
                <td>{x.overdueMilestones}</td>
                <td>{x.pendingUpdates}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
