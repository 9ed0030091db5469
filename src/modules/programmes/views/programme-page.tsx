/**
 * One programme: its status and the rule behind it, each indicator against its target (status in words,
 * expected against actual, a table per period with the confirmed running total), the reports the viewer
 * may see, and the forms the viewer may use.
 */
import { formatShanghai, HTML_LANG, otherLang, type Lang } from '../../../lib/i18n.ts';
import { Breadcrumb } from '../../../web/layout.tsx';
import { Notice } from '../../accounts/views/parts.tsx';
import { THRESHOLDS } from '../core/status.ts';
import { periodKindLabel, periodLabel, reportStatusLabel, ruleText, unitLabel } from '../messages.ts';
import type { IndicatorView, ProgrammeView, ReportView } from '../programmes.read.ts';
import { programmesUi } from '../ui-messages.ts';
import { ConfirmForm, IndicatorForm, ReportForm, type FailedForm } from './forms.tsx';
import {
  formatNumber,
  formatValue,
  indicatorName,
  placeName,
  programmeHref,
  programmeTitle,
  StatusTag,
  type Done,
  type Places,
} from './parts.tsx';

const pct = (x: number) => Math.round(x * 100);

function Rule({ lang }: { lang: Lang }) {
  const t = programmesUi(lang);
  const th = { onTrack: pct(THRESHOLDS.onTrack), atRisk: pct(THRESHOLDS.atRisk) };
  return (
    <section aria-labelledby="rule-heading">
      <h2 id="rule-heading">{t('ruleHeading')}</h2>
      <ul>
        <li>{t('rule1')}</li>
        <li>{t('rule2')}</li>
        <li>{t('rule3', th)}</li>
        <li>{t('rule4')}</li>
        <li>{t('rule5')}</li>
      </ul>
    </section>
  );
}

function Indicator({ lang, v, index }: { lang: Lang; v: IndicatorView; index: number }) {
  const t = programmesUi(lang);
  const i = v.indicator;
  const s = v.status;
  const name = indicatorName(i, lang);
  const unit = unitLabel(i.unit, lang);
  const headingId = `indicator-${index}`;
  return (
    <section aria-labelledby={headingId} class="indicator">
      <h3 id={headingId}>{name}</h3>
      <dl class="facts">
        <dt>{t('status')}</dt>
        <dd>
          <StatusTag lang={lang} status={s.status} />
        </dd>
        <dt>{t('why')}</dt>
        <dd>{ruleText(s.rule, lang, THRESHOLDS)}</dd>
        <dt>{t('target')}</dt>
        <dd>{t('targetValue', { target: formatValue(i.target, i.unit, lang), deadline: i.deadline })}</dd>
        <dt>{t('baseline')}</dt>
        <dd>{formatValue(i.baseline, i.unit, lang)}</dd>
        <dt>{s.measuredAt ? t('expected', { date: s.measuredAt }) : t('expectedNothing')}</dt>
        <dd>{formatValue(s.expected, i.unit, lang)}</dd>
        <dt>{t('actual')}</dt>
        <dd>{formatValue(s.actual, i.unit, lang)}</dd>
        {s.expected > i.baseline ? (
          <>
            <dt>{t('progress')}</dt>
            <dd>{t('progressValue', { percent: pct(s.ratio) })}</dd>
          </>
        ) : null}
        <dt>{t('reportedBy')}</dt>
        <dd>{periodKindLabel(i.periodKind, lang)}</dd>
      </dl>
      <div class="table-scroll" tabindex={0}>
        <table>
          <caption>{t('periodTable', { name, kind: periodKindLabel(i.periodKind, lang) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colPeriod')}</th>
              <th scope="col">
                {t('colExpected')} ({unit})
              </th>
              <th scope="col">
                {t('colPeriodTarget')} ({unit})
              </th>
              <th scope="col">
                {t('colValue')} ({unit})
              </th>
              <th scope="col">
                {t('colCumulative')} ({unit})
              </th>
              <th scope="col">{t('colReport')}</th>
            </tr>
          </thead>
          <tbody>
            {v.periods.map((p) => (
              <tr>
                <th scope="row">{periodLabel(p.period, lang)}</th>
                <td>{formatNumber(p.expected, lang)}</td>
                <td>{p.periodTarget === null ? '' : formatNumber(p.periodTarget, lang)}</td>
                <td>{p.value === null ? '' : formatNumber(p.value, lang)}</td>
                <td>{p.cumulative === null ? t('notEnded') : formatNumber(p.cumulative, lang)}</td>
                <td>{p.reportStatus ? reportStatusLabel(p.reportStatus, lang) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Report(props: {
  lang: Lang;
  csrf: string;
  view: ProgrammeView;
  r: ReportView;
  failed?: FailedForm | undefined;
}) {
  const { lang, r, view } = props;
  const t = programmesUi(lang);
  const rep = r.report;
  return (
    <li class={`report status-${rep.status}`}>
      <p>
        <strong>{periodLabel(rep.period, lang)}</strong> —{' '}
        <span class="tag">{reportStatusLabel(rep.status, lang)}</span>
      </p>
      <ul>
        {view.indicators
          .filter((iv) => r.values.has(iv.indicator.id))
          .map((iv) => (
            <li>
              {indicatorName(iv.indicator, lang)}:{' '}
              {formatValue(r.values.get(iv.indicator.id)!, iv.indicator.unit, lang)}
            </li>
          ))}
      </ul>
      {rep.note ? <p>{t('note', { note: rep.note })}</p> : null}
      {rep.submittedAt ? (
        <p class="muted">
          {t('submittedBy', { name: rep.submittedByName, time: formatShanghai(rep.submittedAt) })}
        </p>
      ) : null}
      {rep.confirmedAt ? (
        <p class="muted">
          {t('confirmedBy', { name: rep.confirmedByName ?? '', time: formatShanghai(rep.confirmedAt) })}
        </p>
      ) : null}
      {r.canConfirm ? (
        <ConfirmForm
          lang={lang}
          csrf={props.csrf}
          programmeId={view.programme.id}
          reportId={rep.id}
          period={rep.period}
          failed={props.failed}
        />
      ) : null}
    </li>
  );
}

export function ProgrammePage(props: {
  lang: Lang;
  csrf: string;
  view: ProgrammeView;
  places: Places;
  done?: Done | undefined;
  failed?: FailedForm | undefined;
}) {
  const { lang, view, csrf, failed, places } = props;
  const t = programmesUi(lang);
  const p = view.programme;
  const description = lang === 'zh' ? p.descriptionZh : p.descriptionEn;
  const otherDescription = lang === 'zh' ? p.descriptionEn : p.descriptionZh;
  const exportHref = (format: string) => programmeHref(lang, p.id, `/reports/export?format=${format}`);
  return (
    <>
      <Breadcrumb
        lang={lang}
        items={[{ label: t('listTitle'), path: '/programmes' }, { label: programmeTitle(p, lang) }]}
      />
      {props.done ? <Notice success>{t(`done_${props.done}`)}</Notice> : null}
      <h1>{programmeTitle(p, lang)}</h1>
      <p>
        {t('sidesSentence', {
          giving: placeName(places, p.givingRegion, lang),
          receiving: placeName(places, p.receivingRegion, lang),
        })}{' '}
        {t('dates', { start: p.startOn, deadline: p.deadline })}
      </p>
      {description ? (
        <p>{description}</p>
      ) : otherDescription ? (
        <p lang={HTML_LANG[otherLang(lang)]}>{otherDescription}</p>
      ) : null}
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t('statusHeading', { date: view.asOf })}</h2>
        <p>
          {t('programmeStatus')} <StatusTag lang={lang} status={view.status} />
        </p>
        <form method="get" action={programmeHref(lang, p.id)} class="inline">
          <label for="f-asOf">{t('asOfField')}</label>{' '}
          <input id="f-asOf" name="asOf" type="date" value={view.asOf} />{' '}
          <button type="submit">{t('asOfSubmit')}</button>
          {view.asOf !== view.today ? (
            <>
              {' '}
              <a href={programmeHref(lang, p.id)}>{t('asOfToday')}</a>
            </>
          ) : null}
        </form>
      </section>
      <Rule lang={lang} />
      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('indicatorsHeading')}</h2>
        {view.indicators.length === 0 ? <p>{t('noIndicators')}</p> : null}
        {view.indicators.map((v, index) => (
          <Indicator lang={lang} v={v} index={index} />
        ))}
      </section>
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('reportsHeading')}</h2>
        {view.reports.length === 0 ? (
          <p>{t('noReports')}</p>
        ) : (
          <>
            <p>
              {t('exportReports')} <a href={exportHref('csv')}>CSV</a> · <a href={exportHref('xlsx')}>XLSX</a>
            </p>
            <ul class="reports">
              {view.reports.map((r) => (
                <Report lang={lang} csrf={csrf} view={view} r={r} failed={failed} />
              ))}
            </ul>
          </>
        )}
      </section>
      {view.can.submit ? (
        <ReportForm
          lang={lang}
          csrf={csrf}
          programmeId={p.id}
          indicators={view.indicators.map((v) => v.indicator)}
          failed={failed}
        />
      ) : null}
      {view.can.plan ? <IndicatorForm lang={lang} csrf={csrf} programmeId={p.id} failed={failed} /> : null}
    </>
  );
}
