import type { Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { blockDiff, hasChanges, inlineDiff, type DiffBlock, type DiffPart } from '../diff.ts';
import { newsMsg } from '../messages.ts';
import type { History } from '../news.read.ts';
import type { RevisionRow } from '../news.repo.ts';
import type { SectionRow } from '../sections.repo.ts';
import { articlePath } from './article-page.tsx';
import { HistoryBreadcrumb } from './history-page.tsx';
import { langAttr, sectionName, Time } from './parts.tsx';

/** Removed and added text, marked for sight (del/ins) and for screen readers (hidden words). */
function Parts({ lang, parts, content }: { lang: Lang; parts: DiffPart[]; content: Lang }) {
  const t = newsMsg(lang);
  const ui = langAttr(lang, content);
  return (
    <>
      {parts.map((p) =>
        p.kind === 'same' ? (
          p.text
        ) : p.kind === 'removed' ? (
          <del>
            <span class="news-sr-only" lang={ui}>
              [{t('removed')}]{' '}
            </span>
            {p.text}
          </del>
        ) : (
          <ins>
            <span class="news-sr-only" lang={ui}>
              [{t('added')}]{' '}
            </span>
            {p.text}
          </ins>
        ),
      )}
    </>
  );
}

function Blocks({ lang, blocks, content }: { lang: Lang; blocks: DiffBlock[]; content: Lang }) {
  return (
    <div class="news-diff" lang={langAttr(content, lang)}>
      {blocks.map((b) =>
        b.kind === 'skipped' ? (
          <p class="muted">…</p>
        ) : (
          <p class={b.kind === 'changed' ? 'diff-changed' : undefined}>
            <Parts lang={lang} parts={b.parts} content={content} />
          </p>
        ),
      )}
    </div>
  );
}

function Field({
  lang,
  label,
  children,
  changed,
}: {
  lang: Lang;
  label: string;
  changed: boolean;
  children: unknown;
}) {
  return (
    <section>
      <h2>{label}</h2>
      {changed ? children : <p class="muted">{newsMsg(lang)('unchanged')}</p>}
    </section>
  );
}

/** What changed in one revision, compared with an earlier one (or with nothing, for the first). */
export function DiffPage(props: {
  lang: Lang;
  history: History;
  newer: RevisionRow;
  older: RevisionRow | null;
  sections: SectionRow[];
}) {
  const { lang, history, newer, older } = props;
  const t = newsMsg(lang);
  const al = history.article.lang;
  const section = (id: number | null | undefined) => {
    const s = props.sections.find((x) => x.id === id);
    return s ? sectionName(s, lang) : t('noSection');
  };
  const title = inlineDiff(older?.title ?? '', newer.title, al);
  const summary = inlineDiff(older?.summary ?? '', newer.summary, al);
  const body = blockDiff(older?.bodySource ?? '', newer.bodySource, al);
  const sectionChanged = (older?.sectionId ?? null) !== newer.sectionId;
  return (
    <>
      <HistoryBreadcrumb lang={lang} history={history} />
      <h1>{t('changesTitle', { n: newer.number })}</h1>
      <p>
        <Time at={newer.createdAt} /> · {newer.actorLabel}
      </p>
      <p>{older ? t('comparedWith', { n: older.number }) : t('firstRevision')}</p>
      <div>
        <Field lang={lang} label={t('fieldTitle')} changed={hasChanges(title)}>
          <p lang={langAttr(al, lang)}>
            <Parts lang={lang} parts={title} content={al} />
          </p>
        </Field>
        <Field lang={lang} label={t('fieldSummary')} changed={hasChanges(summary)}>
          <p lang={langAttr(al, lang)}>
            <Parts lang={lang} parts={summary} content={al} />
          </p>
        </Field>
        <Field lang={lang} label={t('fieldSection')} changed={sectionChanged}>
          <p>
            <Parts
              lang={lang}
              content={lang}
              parts={[
                { kind: 'removed', text: section(older?.sectionId) },
                { kind: 'same', text: ' → ' },
                { kind: 'added', text: section(newer.sectionId) },
              ]}
            />
          </p>
        </Field>
        <Field lang={lang} label={t('fieldBody')} changed={hasChanges(body)}>
          <Blocks lang={lang} blocks={body} content={al} />
        </Field>
      </div>
      <p>
        <a href={href(lang, `${articlePath(history.article)}/history`)}>{t('backToHistory')}</a>
      </p>
    </>
  );
}
