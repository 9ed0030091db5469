/**
 * The coordinators' forms: record or edit a visit (with a few meeting rows), add a participant, add an
 * agreed area, link what delivers an area, link a news article. Each is its own page; a failed post
 * re-renders it with an error summary at the top and each error beside its field.
 */
import type { Child } from 'hono/jsx';
import type { Lang } from '../../../lib/i18n.ts';
import type { FormValues } from '../../../web/form-parse.ts';
import { ErrorSummary, Field, SelectField, TextareaField, type FormErrors } from '../../../web/forms.tsx';
import { Breadcrumb, CsrfField } from '../../../web/layout.tsx';
import type { RegionRow } from '../../regions/regions.service.ts';
import { kindLabel, linkKindLabel, sideLabel } from '../messages.ts';
import { LINK_KINDS, VISIT_KINDS, VISIT_SIDES } from '../schema.ts';
import { visitsUi } from '../ui-messages.ts';
import type { VisitRow } from '../visits.repo.ts';
import { visitHref, visitTitle } from './parts.tsx';

/** Blank meeting rows offered below the recorded ones. */
export const SPARE_MEETINGS = 2;

interface Common {
  lang: Lang;
  csrf: string;
  values: FormValues;
  errors: FormErrors;
}

function Shell(props: {
  lang: Lang;
  visit?: VisitRow | undefined;
  title: string;
  errors: FormErrors;
  children: Child;
}) {
  const { lang, visit } = props;
  const t = visitsUi(lang);
  const crumbs = [
    { label: t('listTitle'), path: '/visits' },
    ...(visit ? [{ label: visitTitle(visit, lang), path: `/visits/${visit.id}` }] : []),
    { label: props.title },
  ];
  return (
    <>
      <Breadcrumb lang={lang} items={crumbs} />
      <h1>{props.title}</h1>
      <ErrorSummary title={t('errorsTitle')} errors={props.errors} />
      {props.children}
    </>
  );
}

const regionOptions = (regions: RegionRow[], lang: Lang): [string, string][] => [
  ['', '—'],
  ...regions.map((r): [string, string] => [r.code, lang === 'zh' ? r.nameZh : r.nameEn]),
];

/** Record a new visit (no `visit`) or edit one. */
export function VisitFormPage(
  props: Common & { visit?: VisitRow | undefined; provinces: RegionRow[]; meetingRows: number },
) {
  const { lang, values, errors } = props;
  const t = visitsUi(lang);
  const action = props.visit ? visitHref(lang, props.visit.id, '/edit') : `/${lang}/visits/new`;
  const f = (
    name: string,
    label: string,
    extra: { type?: string; hint?: string; required?: boolean } = {},
  ) => <Field name={name} label={label} value={values[name]} error={errors[name]} {...extra} />;
  return (
    <Shell lang={lang} visit={props.visit} title={t(props.visit ? 'editTitle' : 'newTitle')} errors={errors}>
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <SelectField
          name="kind"
          label={t('fieldKind')}
          value={values.kind}
          error={errors.kind}
          options={VISIT_KINDS.map((k) => [k, kindLabel(k, lang)])}
          required
        />
        {f('titleZh', t('fieldTitleZh'), { required: true })}
        {f('titleEn', t('fieldTitleEn'), { required: true })}
        {f('startsOn', t('fieldStartsOn'), { type: 'date', required: true })}
        {f('endsOn', t('fieldEndsOn'), { type: 'date', required: true })}
        <SelectField
          name="hostRegionCode"
          label={t('fieldHostRegion')}
          value={values.hostRegionCode}
          error={errors.hostRegionCode}
          options={regionOptions(props.provinces, lang)}
          required
        />
        {f('hostAreaCode', t('fieldHostArea'), { hint: t('areaHint') })}
        <SelectField
          name="visitingRegionCode"
          label={t('fieldVisitingRegion')}
          value={values.visitingRegionCode}
          error={errors.visitingRegionCode}
          options={regionOptions(props.provinces, lang)}
          required
        />
        {f('visitingAreaCode', t('fieldVisitingArea'), { hint: t('areaHint') })}
        {f('places', t('fieldPlaces'))}
        <TextareaField
          name="summaryZh"
          label={t('fieldSummaryZh')}
          value={values.summaryZh}
          error={errors.summaryZh}
        />
        <TextareaField
          name="summaryEn"
          label={t('fieldSummaryEn')}
          value={values.summaryEn}
          error={errors.summaryEn}
        />
        <SelectField
          name="published"
          label={t('fieldPublished')}
          value={values.published}
          error={errors.published}
          options={[
            ['yes', t('yes')],
            ['no', t('no')],
          ]}
        />
        <p class="hint">{t('meetingsHint')}</p>
        {Array.from({ length: props.meetingRows }, (_, i) => (
          <fieldset>
            <legend>{t('meetingLegend', { n: i + 1 })}</legend>
            {f(`meetings.${i}.title`, t('fieldMeetingTitle'))}
            {f(`meetings.${i}.on`, t('fieldMeetingOn'), { type: 'date' })}
            {f(`meetings.${i}.place`, t('fieldMeetingPlace'))}
          </fieldset>
        ))}
        <button type="submit">{t(props.visit ? 'save' : 'create')}</button>
      </form>
    </Shell>
  );
}

export function ParticipantPage(props: Common & { visit: VisitRow }) {
  const { lang, values, errors } = props;
  const t = visitsUi(lang);
  const f = (name: string, label: string, required = false) => (
    <Field name={name} label={label} value={values[name]} error={errors[name]} required={required} />
  );
  return (
    <Shell lang={lang} visit={props.visit} title={t('participantTitle')} errors={errors}>
      <form
        method="post"
        action={visitHref(lang, props.visit.id, '/participants/new')}
        class="stack"
        novalidate
      >
        <CsrfField token={props.csrf} />
        {f('name', t('fieldName'), true)}
        {f('nameEn', t('fieldNameEn'))}
        {f('title', t('fieldRole'))}
        {f('titleEn', t('fieldRoleEn'))}
        {f('organisation', t('fieldOrganisation'))}
        {f('organisationEn', t('fieldOrganisationEn'))}
        <SelectField
          name="side"
          label={t('fieldSide')}
          value={values.side}
          error={errors.side}
          options={VISIT_SIDES.map((s) => [s, sideLabel(s, lang)])}
          required
        />
        <button type="submit">{t('addParticipant')}</button>
      </form>
    </Shell>
  );
}

export function AreaPage(props: Common & { visit: VisitRow; provinces: RegionRow[] }) {
  const { lang, values, errors } = props;
  const t = visitsUi(lang);
  const f = (name: string, label: string, extra: { type?: string; required?: boolean } = {}) => (
    <Field name={name} label={label} value={values[name]} error={errors[name]} {...extra} />
  );
  return (
    <Shell lang={lang} visit={props.visit} title={t('areaTitle')} errors={errors}>
      <form method="post" action={visitHref(lang, props.visit.id, '/areas/new')} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        {f('titleZh', t('fieldTitleZh'), { required: true })}
        {f('titleEn', t('fieldTitleEn'), { required: true })}
        <SelectField
          name="owner.regionCode"
          label={t('fieldOwnerRegion')}
          value={values['owner.regionCode']}
          error={errors['owner.regionCode'] ?? errors.owner}
          options={regionOptions(props.provinces, lang)}
          required
        />
        {f('owner.office', t('fieldOwnerOffice'), { required: true })}
        {f('owner.officeEn', t('fieldOwnerOfficeEn'))}
        {f('dueOn', t('fieldDueOn'), { type: 'date', required: true })}
        <TextareaField
          name="description"
          label={t('fieldDescription')}
          value={values.description}
          error={errors.description}
        />
        <button type="submit">{t('addArea')}</button>
      </form>
    </Shell>
  );
}

export function LinkPage(props: Common & { visit: VisitRow; areaId: string; areaTitle: string }) {
  const { lang, values, errors } = props;
  const t = visitsUi(lang);
  return (
    <Shell lang={lang} visit={props.visit} title={t('linkTitle')} errors={errors}>
      <p>{t('linkIntro', { title: props.areaTitle })}</p>
      <form
        method="post"
        action={visitHref(lang, props.visit.id, `/areas/${props.areaId}/links/new`)}
        class="stack"
        novalidate
      >
        <CsrfField token={props.csrf} />
        <SelectField
          name="kind"
          label={t('fieldLinkKind')}
          value={values.kind}
          error={errors.kind}
          options={LINK_KINDS.map((k) => [k, linkKindLabel(k, lang)])}
          required
        />
        <Field
          name="target"
          label={t('fieldTarget')}
          hint={t('targetHint')}
          value={values.target}
          error={errors.target ?? errors.form}
          required
        />
        <button type="submit">{t('link')}</button>
      </form>
    </Shell>
  );
}

export function ArticleLinkPage(props: Common & { visit: VisitRow }) {
  const { lang, values, errors } = props;
  const t = visitsUi(lang);
  return (
    <Shell lang={lang} visit={props.visit} title={t('articleTitle')} errors={errors}>
      <form method="post" action={visitHref(lang, props.visit.id, '/articles/new')} class="stack" novalidate>
        <CsrfField token={props.csrf} />
        <Field
          name="article"
          label={t('fieldArticle')}
          hint={t('articleHint')}
          value={values.article}
          error={errors.article ?? errors.form}
          required
        />
        <button type="submit">{t('linkArticle')}</button>
      </form>
    </Shell>
  );
}
