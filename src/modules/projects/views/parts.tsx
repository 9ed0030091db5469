/** What the project pages share: place names, amounts, and the stage track. */
import type { Lang } from '../../../lib/i18n.ts';
import { formatYuan } from '../../listings/views/parts.tsx';
import { stageLabel } from '../messages.ts';
import { DATE_FIELD, PROGRESS_STAGES, type Stage, type StageDates } from '../stages.ts';
import { projectsUi } from '../ui-messages.ts';

export {
  areaName,
  categoryName,
  formatYuan,
  langAttr,
  placeName,
  sectorName,
} from '../../listings/views/parts.tsx';
export type { Places } from '../../listings/views/parts.tsx';

export const DONE = [
  'created',
  'stage',
  'milestone',
  'done',
  'update',
  'approved',
  'rejected',
  'published',
  'unpublished',
] as const;
export type Done = (typeof DONE)[number];

/** Where a project's page is, under the language prefix. */
export function projectHref(lang: Lang, id: string, rest = ''): string {
  return `/${lang}/projects/${id}${rest}`;
}

/** An amount, or "Not recorded". */
export function yuanOrNone(amount: number | null, lang: Lang): string {
  return amount === null ? projectsUi(lang)('notRecorded') : formatYuan(amount, lang);
}

/** A stage as a tag: the word is always there, colour is only a help. */
export function StageTag({ lang, stage }: { lang: Lang; stage: Stage }) {
  return <span class={`tag stage-${stage}`}>{stageLabel(stage, lang)}</span>;
}

/**
 * The counted stages as an ordered list, the current one marked with aria-current; a stalled or cancelled
 * project is said so in words after the track.
 */
export function StageTrack(props: { lang: Lang; stage: Stage; dates: StageDates }) {
  const { lang, stage, dates } = props;
  const t = projectsUi(lang);
  const aside = stage === 'stalled' || stage === 'cancelled';
  return (
    <div class="stage-track">
      <ol aria-label={t('stageTrack')}>
        {PROGRESS_STAGES.map((s) => {
          const date = dates[DATE_FIELD[s]];
          return (
            <li class={date ? 'reached' : 'not-reached'} aria-current={s === stage ? 'step' : undefined}>
              <strong>{stageLabel(s, lang)}</strong>{' '}
              <span class="muted">{date ? t('reachedOn', { date }) : t('notReached')}</span>
            </li>
          );
        })}
      </ol>
      {aside ? (
        <p aria-current="step">
          <StageTag lang={lang} stage={stage} />{' '}
          {t('currentAside', { stage: stageLabel(stage, lang), date: dates[DATE_FIELD[stage]] ?? '' })}
        </p>
      ) : null}
    </div>
  );
}
