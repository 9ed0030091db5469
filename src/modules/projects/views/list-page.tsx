/** The public list of published projects, with filters by stage, province and category. */
import type { Lang } from '../../../lib/i18n.ts';
import { Breadcrumb } from '../../../web/layout.tsx';
import { Pagination } from '../../../web/pagination.tsx';
import type { RegionRow } from '../../regions/regions.service.ts';
import { LISTING_CATEGORY_CODES } from '../../taxonomy/categories.data.ts';
import { stageLabel } from '../messages.ts';
import type { ProjectListItem } from '../projects.read.ts';
import { PROJECT_STAGES } from '../schema.ts';
import { projectsUi } from '../ui-messages.ts';
import {
  categoryName,
  langAttr,
  placeName,
  projectHref,
  StageTag,
  yuanOrNone,
  type Places,
} from './parts.tsx';

export const LIST_PAGE_SIZE = 20;

export interface ListFilter {
  stage?: string | undefined;
  region?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
  page: number;
}

function Select(props: {
  name: string;
  label: string;
  value?: string | undefined;
  options: [string, string][];
  any: string;
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map(([v, l]) => (
          <option value={v} selected={v === props.value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ListPage(props: {
  lang: Lang;
  filter: ListFilter;
  rows: ProjectListItem[];
  total: number;
  provinces: RegionRow[];
  places: Places;
}) {
  const { lang, filter } = props;
  const t = projectsUi(lang);
  const query = (page: number) => {
    const q = new URLSearchParams();
    for (const k of ['stage', 'region', 'category', 'q'] as const) if (filter[k]) q.set(k, filter[k]);
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return `/${lang}/projects${s ? `?${s}` : ''}`;
  };
  return (
    <>
      <Breadcrumb lang={lang} items={[{ label: t('listTitle') }]} />
      <h1>{t('listTitle')}</h1>
      <p>{t('listIntro')}</p>
      <form
        method="get"
        action={`/${lang}/projects`}
        class="filters"
        role="search"
        aria-label={t('filterHeading')}
      >
        <div class="field">
          <label for="f-q">{t('filterQ')}</label>
          <input id="f-q" name="q" type="search" value={filter.q ?? ''} maxlength={200} />
        </div>
        <Select
          name="stage"
          label={t('filterStage')}
          any={t('any')}
          value={filter.stage}
          options={PROJECT_STAGES.map((s) => [s, stageLabel(s, lang)])}
        />
        <Select
          name="region"
          label={t('filterRegion')}
          any={t('any')}
          value={filter.region}
          options={props.provinces.map((p) => [p.code, lang === 'zh' ? p.nameZh : p.nameEn])}
        />
        <Select
          name="category"
          label={t('filterCategory')}
          any={t('any')}
          value={filter.category}
          options={LISTING_CATEGORY_CODES.map((c) => [c, categoryName(c, lang)])}
        />
        <button type="submit">{t('filter')}</button>
      </form>
      <p role="status">{props.total === 1 ? t('resultsOne') : t('results', { count: props.total })}</p>
      {props.rows.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul class="project-list">
          {props.rows.map(({ project: p, parties }) => (
            <li>
              <h2>
                <a href={projectHref(lang, p.id)} lang={langAttr(p.language, lang)}>
                  {p.title}
                </a>
              </h2>
              <p>
                <StageTag lang={lang} stage={p.stage} /> · {placeName(props.places, p.regionCode, lang)} ·{' '}
                {categoryName(p.category, lang)}
              </p>
              <p class="muted">{parties.map((o) => (lang === 'zh' ? o.nameZh : o.nameEn)).join(' · ')}</p>
              <dl class="figures">
                <dt>{t('contracted')}</dt>
                <dd>{yuanOrNone(p.contractedInvestmentCny, lang)}</dd>
                <dt>{t('actual')}</dt>
                <dd>{yuanOrNone(p.actualInvestmentCny, lang)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination lang={lang} page={filter.page} total={props.total} pageSize={LIST_PAGE_SIZE} link={query} />
    </>
  );
}
