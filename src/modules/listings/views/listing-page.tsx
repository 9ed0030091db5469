import { dateShanghai, type Lang } from '../../../lib/i18n.ts';
import { ErrorSummary, type FormErrors } from '../../../web/forms.tsx';
import { Breadcrumb, CsrfField, href } from '../../../web/layout.tsx';
import type { Viewer } from '../../accounts/policy.ts';
import { Notice } from '../../accounts/views/parts.tsx';
import { canSendInterest } from '../../interests/policy.ts';
import type { ListingView, MatchItem } from '../listings.service.ts';
import type { MatchScope } from '../matches.ts';
import { listingsUi } from '../ui-messages.ts';
import { listingPath } from './listing-item.tsx';
import {
  areaName,
  DateOnly,
  ExpiredBadge,
  formatYuan,
  Kind,
  langAttr,
  nameLangAttr,
  placeName,
  sectorName,
  StatusBadge,
  typeLabel,
  type Places,
} from './parts.tsx';

export const DONE = ['created', 'saved', 'renewed', 'closed', 'approved', 'rejected'] as const;
export type Done = (typeof DONE)[number];

/** Where the manage and review forms post: `/listings/{ref}/{verb}`. */
function actionPath(lang: Lang, ref: string, verb: string): string {
  return href(lang, listingPath(ref, `/${verb}`));
}

/** Edit, Renew and Close for those who manage the listing. */
function ManageForms(props: {
  lang: Lang;
  csrf: string;
  view: ListingView;
  errors: FormErrors;
  renewValue?: string | undefined;
}) {
  const { lang, view, errors } = props;
  const t = listingsUi(lang);
  const ref = view.listing.ref;
  return (
    <section class="listing-manage" aria-labelledby="manage-heading">
      <h2 id="manage-heading">{t('manageHeading')}</h2>
      <p>
        <a class="button secondary" href={href(lang, listingPath(ref, '/edit'))}>
          {t('edit')}
        </a>
      </p>
      <form method="post" action={actionPath(lang, ref, 'renew')} class="listing-renew" novalidate>
        <CsrfField token={props.csrf} />
        <div class={errors.validUntil ? 'field has-error' : 'field'}>
          <label for="f-validUntil">{t('renewLabel')}</label>
          <span class="hint" id="f-validUntil-hint">
            {t('renewHint')}
          </span>
          {errors.validUntil ? (
            <span class="field-error" id="f-validUntil-error">
              {errors.validUntil}
            </span>
          ) : null}
          <input
            id="f-validUntil"
            name="validUntil"
            type="date"
            value={props.renewValue ?? view.listing.validUntil ?? ''}
            aria-describedby={
              errors.validUntil ? 'f-validUntil-hint f-validUntil-error' : 'f-validUntil-hint'
            }
            aria-invalid={errors.validUntil ? 'true' : undefined}
            required
          />
        </div>
        <button type="submit">{t('renew')}</button>
      </form>
      {view.listing.status === 'closed' ? null : (
        <form method="post" action={actionPath(lang, ref, 'close')} class="listing-close">
          <CsrfField token={props.csrf} />
          <p class="muted" id="close-hint">
            {t('closeHint')}
          </p>
          {errors.close ? (
            <p class="field-error" id="close-error">
              {errors.close}
            </p>
          ) : null}
          <button type="submit" id="f-close" class="danger" aria-describedby="close-hint">
            {t('close')}
          </button>
        </form>
      )}
    </section>
  );
}

/** Approve or reject a pending listing, with an optional note to its organisation. */
export function ReviewForm(props: {
  lang: Lang;
  csrf: string;
  listingRef: string;
  /** Distinguishes the forms when several are on one page. */
  idSuffix?: string;
  back?: 'queue';
  label?: string;
  errors?: FormErrors;
}) {
  const { lang } = props;
  const t = listingsUi(lang);
  const errors = props.errors ?? {};
  const id = `f-note${props.idSuffix ?? ''}`;
  const decisionError = errors.decision;
  return (
    <form method="post" action={actionPath(lang, props.listingRef, 'review')} class="listing-review">
      <CsrfField token={props.csrf} />
      {props.back ? <input type="hidden" name="back" value={props.back} /> : null}
      <div class={errors.note ? 'field has-error' : 'field'}>
        <label for={id}>{t('noteLabel')}</label>
        {errors.note ? (
          <span class="field-error" id={`${id}-error`}>
            {errors.note}
          </span>
        ) : null}
        <textarea
          id={id}
          name="note"
          rows={2}
          aria-describedby={errors.note ? `${id}-error` : undefined}
          maxlength={2000}
        ></textarea>
      </div>
      {decisionError ? <p class="field-error">{decisionError}</p> : null}
      <div class="actions">
        <button
          type="submit"
          name="decision"
          value="approve"
          id={`f-decision${props.idSuffix ?? ''}`}
          aria-label={props.label ? `${t('approve')}: ${props.label}` : undefined}
        >
          {t('approve')}
        </button>
        <button
          type="submit"
          name="decision"
          value="reject"
          class="danger"
          aria-label={props.label ? `${t('reject')}: ${props.label}` : undefined}
        >
          {t('reject')}
        </button>
      </div>
    </form>
  );
}

/** Where a viewer expresses interest in a listing; `via` names their own listing whose matches led there. */
function interestPath(lang: Lang, ref: string, via?: string): string {
  return href(lang, listingPath(ref, `/interest${via ? `?via=${encodeURIComponent(via)}` : ''}`));
}

/** One ranked match: its title (in its own language), organisation, region, score and reasons. */
function MatchEntry({
  lang,
  m,
  places,
  interestHref,
}: {
  lang: Lang;
  m: MatchItem;
  places: Places;
  /** The "Express interest" link, when the viewer may send one for this match. */
  interestHref?: string | undefined;
}) {
  const t = listingsUi(lang);
  return (
    <li class="listing-match">
      <h3>
        <a href={href(lang, listingPath(m.ref))} lang={langAttr(m.language, lang)}>
          {m.title}
        </a>
      </h3>
      <p class="muted">
        <span lang={nameLangAttr(m.orgName, lang)}>{m.orgName}</span> · {placeName(places, m.region, lang)} ·{' '}
        <span class="match-score">{t('score', { score: m.score.toFixed(2) })}</span>
      </p>
      <p class="match-reasons-label">{t('reasonsLabel')}</p>
      <ul class="match-reasons">
        {m.reasons.map((r) => (
          <li data-code={r.code}>{r.text}</li>
        ))}
      </ul>
      {interestHref ? (
        <p>
          <a href={interestHref}>
            {t('expressInterest')}
            <span class="listing-sr-only">
              {': '}
              <span lang={langAttr(m.language, lang)}>{m.title}</span>
            </span>
          </a>
        </p>
      ) : null}
    </li>
  );
}

/** A listing's page: details, organisation, its ranked matches with reasons, and the forms for its managers and reviewers. */
export function ListingPage(props: {
  lang: Lang;
  csrf: string;
  view: ListingView;
  /** Who is looking: members of other organisations get "Express interest" links. */
  viewer?: Viewer | undefined;
  matches: MatchItem[];
  scope: MatchScope;
  places: Places;
  done?: Done | undefined;
  errors: FormErrors;
  renewValue?: string | undefined;
}) {
  const { lang, view, places } = props;
  const l = view.listing;
  const t = listingsUi(lang);
  const contentLang = langAttr(l.language, lang);
  const orgName = lang === 'zh' ? view.org.nameZh : view.org.nameEn;
  const viewer = props.viewer ?? null;
  const open = l.status === 'published' && !view.expired;
  // Interest sent from the matches of one's own listing remembers where it came from.
  const via = viewer?.orgId === l.orgId ? l.ref : undefined;
  const scopeLink = (scope: MatchScope) =>
    href(lang, listingPath(l.ref, scope === 'all' ? '?scope=all' : '')) + '#matches-heading';
  return (
    <>
      <Breadcrumb lang={lang} items={[{ label: t('browseTitle'), path: '/listings' }, { label: l.title }]} />
      <h1>
        <span lang={contentLang}>{l.title}</span> <StatusBadge lang={lang} status={l.status} />
        {view.expired ? (
          <>
            {' '}
            <ExpiredBadge lang={lang} />
          </>
        ) : null}
      </h1>
      {props.done ? <Notice success>{t(`done_${props.done}`)}</Notice> : null}
      <ErrorSummary title={t('errorSummary')} errors={props.errors} />
      {l.status === 'pending' ? <p class="notice">{t('pendingNotice')}</p> : null}
      {l.status === 'rejected' ? <p class="notice">{t('rejectedNotice')}</p> : null}
      {l.status === 'closed' ? <p class="notice">{t('closedNotice')}</p> : null}
      {view.expired && l.validUntil ? (
        <p class="notice">{t('expiredNotice', { date: l.validUntil })}</p>
      ) : null}
      {l.reviewNote && view.canManage ? (
        <p class="notice">
          {t('reviewNote')}
          {lang === 'zh' ? '：' : ': '}
          {l.reviewNote}
        </p>
      ) : null}
      <p class="listing-kind">
        <Kind lang={lang} category={l.category} direction={l.direction} />
      </p>
      <div class="listing-description" lang={contentLang}>
        {l.description
          .split(/\n\s*\n|\r?\n/)
          .filter((p) => p.trim() !== '')
          .map((p) => (
            <p>{p}</p>
          ))}
      </div>
      <h2>{t('detailsHeading')}</h2>
      <dl class="facts">
        <dt>{t('fieldOrg')}</dt>
        <dd>
          <a href={href(lang, `/organisations/${view.org.id}`)} lang={nameLangAttr(orgName, lang)}>
            {orgName}
          </a>
        </dd>
        <dt>{t('fieldOrgType')}</dt>
        <dd>{typeLabel(lang, view.org.type as Parameters<typeof typeLabel>[1])}</dd>
        <dt>{t('fieldRegion')}</dt>
        <dd>
          <a href={href(lang, `/regions/${l.regionCode}`)}>{placeName(places, l.regionCode, lang)}</a>
        </dd>
        {l.areaCode ? (
          <>
            <dt>{t('fieldArea')}</dt>
            <dd>{areaName(places, l.areaCode, lang)}</dd>
          </>
        ) : null}
        <dt>{t('fieldSector')}</dt>
        <dd>
          {l.sector ? (
            <a href={href(lang, `/listings?sector=${l.sector}`)}>{sectorName(l.sector, lang, 'full')}</a>
          ) : (
            t('notGiven')
          )}
        </dd>
        <dt>{t('fieldLanguage')}</dt>
        <dd>{t(l.language === 'zh' ? 'lang_zh' : 'lang_en')}</dd>
        {l.tags.length > 0 ? (
          <>
            <dt>{t('fieldTags')}</dt>
            <dd>
              <ul class="listing-tags" lang={contentLang}>
                {l.tags.map((tag) => (
                  <li class="tag">{tag}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t('fieldAmount')}</dt>
        <dd>
          {l.amountCny === null ? (
            t('notGiven')
          ) : (
            <data value={String(l.amountCny)}>{formatYuan(l.amountCny, lang)}</data>
          )}
        </dd>
        <dt>{t('fieldValidUntil')}</dt>
        <dd>{l.validUntil ? <time datetime={l.validUntil}>{l.validUntil}</time> : t('noEndDate')}</dd>
        <dt>{t('fieldCreated')}</dt>
        <dd>
          <DateOnly at={l.createdAt} />
        </dd>
        {dateShanghai(l.updatedAt) !== dateShanghai(l.createdAt) ? (
          <>
            <dt>{t('fieldUpdated')}</dt>
            <dd>
              <DateOnly at={l.updatedAt} />
            </dd>
          </>
        ) : null}
        <dt>{t('fieldRef')}</dt>
        <dd>
          <code>{l.ref}</code>
        </dd>
      </dl>
      {open && canSendInterest(viewer, l) ? (
        <p class="listing-interest">
          <a class="button" href={interestPath(lang, l.ref)} aria-describedby="interest-hint">
            {t('expressInterest')}
          </a>{' '}
          <span class="muted" id="interest-hint">
            {t('expressInterestHint')}
          </span>
        </p>
      ) : null}
      {view.canManage ? (
        <ManageForms
          lang={lang}
          csrf={props.csrf}
          view={view}
          errors={props.errors}
          renewValue={props.renewValue}
        />
      ) : null}
      {view.canReview ? (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t('reviewHeading')}</h2>
          <ReviewForm lang={lang} csrf={props.csrf} listingRef={l.ref} errors={props.errors} />
        </section>
      ) : null}
      <section class="listing-matches" aria-labelledby="matches-heading">
        <h2 id="matches-heading">{t('matchesHeading')}</h2>
        <p>{t(props.scope === 'all' ? 'matchesAll' : 'matchesCounterpart')}</p>
        <p>
          <a href={scopeLink(props.scope === 'all' ? 'counterpart' : 'all')}>
            {t(props.scope === 'all' ? 'narrowScope' : 'widenScope')}
          </a>
        </p>
        {props.matches.length === 0 ? (
          <p>{t('noMatches')}</p>
        ) : (
          <ol class="listing-match-list">
            {props.matches.map((m) => (
              <MatchEntry
                lang={lang}
                m={m}
                places={places}
                interestHref={
                  m.orgId && canSendInterest(viewer, { orgId: m.orgId })
                    ? interestPath(lang, m.ref, via)
                    : undefined
                }
              />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
