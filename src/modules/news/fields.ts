import type { DbOrTx } from '../../db/client.ts';
import { AppError, type FieldIssue } from '../../lib/errors.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { Viewer } from '../accounts/policy.ts';
import { findRegion, getPairing } from '../regions/regions.service.ts';
import { bodyProblems, MAX_BODY_CHARS, type BodyFormat } from './body.ts';
import { newsErr } from './messages.ts';
import { canManageArticle } from './policy.ts';
import * as repo from './news.repo.ts';
import type { ArticleRow } from './news.repo.ts';
import { findSectionByKey } from './sections.repo.ts';

export const MAX_TITLE_CHARS = 300;
export const MAX_SUMMARY_CHARS = 1000;

/** What an author writes; the same for the web form, the API and (partly) the importer. */
export interface ArticleFields {
  title: string;
  summary: string;
  bodySource: string;
  bodyFormat: BodyFormat;
  /** A section key, or null for none. */
  section: string | null;
  regionCode: string | null;
  pairingId: number | null;
  /** Id of the article (in the other language) this one translates; null unlinks, undefined keeps. */
  translationOf?: string | null | undefined;
}

/** Fields as checkFields returns them: besides `translation`, exactly the article columns a save writes. */
export interface CheckedFields {
  title: string;
  summary: string;
  bodySource: string;
  bodyFormat: BodyFormat;
  sectionId: number | null;
  regionCode: string | null;
  pairingId: number | null;
  translation: ArticleRow | null;
}

/** Title and body rules shared by every way an article is written (forms, API, import). */
export function contentIssues(
  lang: Lang,
  f: { title: string; summary?: string; bodySource: string; bodyFormat: BodyFormat },
): FieldIssue[] {
  const t = newsErr(lang);
  const issues: FieldIssue[] = [];
  const title = f.title.trim();
  if (!title) issues.push({ field: 'title', message: t('titleRequired') });
  else if (title.length > MAX_TITLE_CHARS)
    issues.push({ field: 'title', message: t('titleTooLong', { max: MAX_TITLE_CHARS }) });
  if ((f.summary ?? '').trim().length > MAX_SUMMARY_CHARS) {
    issues.push({ field: 'summary', message: t('summaryTooLong', { max: MAX_SUMMARY_CHARS }) });
  }
  if (f.bodySource.length > MAX_BODY_CHARS) {
    issues.push({
      field: 'bodySource',
      message: t('bodyTooLong', { length: f.bodySource.length, max: MAX_BODY_CHARS }),
    });
  } else {
    for (const problem of bodyProblems(f.bodySource, f.bodyFormat)) {
      issues.push({ field: 'bodySource', message: t(`body_${problem}`) });
    }
  }
  return issues;
}

/**
 * Checks everything an author sent, collecting every problem (each naming its field) before failing.
 * Coordinators always write for their own region.
 */
export async function checkFields(
  db: DbOrTx,
  viewer: Viewer,
  lang: Lang,
  articleLang: 'en' | 'zh',
  f: ArticleFields,
  self?: ArticleRow,
): Promise<CheckedFields> {
  const t = newsErr(lang);
  const issues = contentIssues(lang, f);
  const regionCode =
    viewer?.role === 'admin' ? f.regionCode : (self?.regionCode ?? viewer?.regionCode ?? null);
  let sectionId: number | null = null;
  if (f.section) {
    const section = await findSectionByKey(db, f.section);
    if (section) sectionId = section.id;
    else issues.push({ field: 'section', message: t('unknownSection', { key: f.section }) });
  }
  if (regionCode && !(await findRegion(db, regionCode))) {
    issues.push({ field: 'regionCode', message: t('unknownRegion', { code: regionCode }) });
  }
  if (f.pairingId !== null) {
    const pairing = await getPairing(db, f.pairingId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') return undefined;
      throw err;
    });
    if (!pairing) issues.push({ field: 'pairingId', message: t('unknownPairing', { id: f.pairingId }) });
    else if (viewer?.role !== 'admin' && ![pairing.aCode, pairing.bCode].includes(regionCode ?? '')) {
      issues.push({ field: 'pairingId', message: t('pairingNotYours') });
    }
  }
  let translation: ArticleRow | null = null;
  if (f.translationOf) {
    const other = /^[0-9a-f-]{36}$/i.test(f.translationOf)
      ? await repo.findArticle(db, f.translationOf)
      : undefined;
    // Linking shows each article on the other's page: both must be the author's to link.
    if (!other || other.lang === articleLang || other.id === self?.id || !canManageArticle(viewer, other)) {
      issues.push({ field: 'translationOf', message: t('badTranslation') });
    } else {
      const siblings = await repo.translationsOf(db, other);
      if (siblings.some((s) => s.lang === articleLang && s.id !== self?.id)) {
        issues.push({ field: 'translationOf', message: t('translationTaken') });
      } else translation = other;
    }
  }
  if (issues.length > 0) throw new AppError('validation', undefined, issues);
  return {
    title: f.title.trim(),
    summary: f.summary.trim(),
    bodySource: f.bodySource,
    bodyFormat: f.bodyFormat,
    sectionId,
    regionCode,
    pairingId: f.pairingId,
    translation,
  };
}

/**
 * A date and time typed in Beijing time (`2030-05-01T09:30` from a datetime-local field, or with a space
 * and seconds), as an instant; null when it is not a real time.
 */
export function parseBeijingLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(y, mo - 1, d, h - 8, mi, s);
  const check = new Date(utc + 8 * 3600_000);
  const real =
    check.getUTCFullYear() === y &&
    check.getUTCMonth() === mo - 1 &&
    check.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60;
  return real ? new Date(utc) : null;
}
