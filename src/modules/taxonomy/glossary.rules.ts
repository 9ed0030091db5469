/**
 * The rules a glossary entry keeps (those in glossary.data.ts's header, enforced on the seed by its tests):
 * pure checks of one entry against all the others, each problem naming its field in the caller's language.
 */
import type { FieldIssue } from '../../lib/errors.ts';
import type { Lang } from '../../lib/i18n.ts';
import { glossaryKey, type GlossaryEntry } from './glossary.data.ts';
import { divisionOf, isDivisionCode } from './industries.data.ts';
import { taxonomyErr } from './messages.ts';

export const MAX_ID_CHARS = 60;
export const MAX_TERMS = 30;
export const MAX_TERM_CHARS = 80;
export const MAX_SECTORS = 12;

const HAN = /\p{Script=Han}/u;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** An entry as an admin submits it, normalised by `normaliseDraft`. */
export interface EntryDraft {
  id: string;
  zh: string[];
  en: string[];
  sectors: string[];
  broader: string | null;
}

/**
 * A term's identity across entries: `glossaryKey` with English plural endings folded, so 'soybeans'
 * clashes with 'soybean' (the same folding the seed's tests use).
 */
export function termIdentity(term: string): string {
  return glossaryKey(term)
    .split(' ')
    .map((w) => {
      if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
      if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
      return w;
    })
    .join(' ');
}

/** Terms from a textarea: one per line, or separated by commas, 、 or semicolons; blanks dropped. */
export function splitTerms(text: string): string[] {
  return text
    .split(/[\r\n,;，、；]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Codes from a one-line field: separated by spaces, commas or semicolons. */
export function splitCodes(text: string): string[] {
  return text.split(/[\s,;，、；]+/).filter((t) => t !== '');
}

/** The draft as it is stored: terms trimmed and single-spaced, sector codes canonical ('15' → 'C15'). */
export function normaliseDraft(d: EntryDraft): EntryDraft {
  const sectors = d.sectors.map((s) => divisionOf(s)?.code ?? s.trim().toUpperCase());
  const broader = d.broader?.trim() ?? '';
  return {
    id: d.id.trim(),
    zh: d.zh.map((t) => t.trim()).filter((t) => t !== ''),
    en: d.en.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== ''),
    sectors: [...new Set(sectors)],
    broader: broader === '' ? null : broader,
  };
}

function termProblem(
  field: 'zh' | 'en',
  terms: string[],
  owners: ReadonlyMap<string, string>,
  lang: Lang,
): string | undefined {
  const t = taxonomyErr(lang);
  if (terms.length === 0) return t(field === 'zh' ? 'zhRequired' : 'enRequired');
  if (terms.length > MAX_TERMS) return t('tooManyTerms', { max: MAX_TERMS });
  const seen = new Set<string>();
  for (const term of terms) {
    if (field === 'zh' && (!HAN.test(term) || /\s/.test(term))) return t('zhNotChinese', { term });
    if (field === 'en' && (HAN.test(term) || !/^[\x20-\x7e]+$/.test(term)))
      return t('enNotEnglish', { term });
    if (term.length > MAX_TERM_CHARS) return t('termTooLong', { term, max: MAX_TERM_CHARS });
    const key = termIdentity(term);
    if (seen.has(key)) return t('duplicateTerm', { term });
    seen.add(key);
    const owner = owners.get(key);
    if (owner !== undefined) return t('termTaken', { term, id: owner });
  }
  return undefined;
}

function broaderProblem(d: EntryDraft, others: ReadonlyMap<string, GlossaryEntry>, lang: Lang) {
  const t = taxonomyErr(lang);
  if (d.broader === null) return undefined;
  if (d.broader === d.id) return t('broaderSelf');
  if (!others.has(d.broader)) return t('broaderUnknown', { id: d.broader });
  // Walking up from the new broader entry must never come back to this one.
  const seen = new Set<string>();
  for (let at = others.get(d.broader); at?.broader !== undefined; at = others.get(at.broader)) {
    if (at.broader === d.id) return t('broaderCycle', { id: d.broader });
    if (seen.has(at.id)) break;
    seen.add(at.id);
  }
  return undefined;
}

/**
 * Problems with storing `draft` next to `others` (every entry but the one being edited); empty when it may
 * be stored. `isNew` checks the identifier, which is fixed once an entry exists.
 */
export function entryIssues(
  draft: EntryDraft,
  others: readonly GlossaryEntry[],
  lang: Lang,
  isNew: boolean,
): FieldIssue[] {
  const t = taxonomyErr(lang);
  const byId = new Map(others.map((e) => [e.id, e]));
  const owners = new Map(others.flatMap((e) => [...e.zh, ...e.en].map((x) => [termIdentity(x), e.id])));
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string | undefined) => {
    if (message !== undefined) issues.push({ field, message });
  };
  if (isNew) {
    if (!ID.test(draft.id) || draft.id.length > MAX_ID_CHARS) add('id', t('idFormat', { max: MAX_ID_CHARS }));
    else if (byId.has(draft.id)) add('id', t('idTaken', { id: draft.id }));
  }
  add('zh', termProblem('zh', draft.zh, owners, lang));
  add('en', termProblem('en', draft.en, owners, lang));
  const badSector = draft.sectors.find((s) => !isDivisionCode(s));
  if (badSector !== undefined) add('sectors', t('unknownSector', { code: badSector }));
  else if (draft.sectors.length > MAX_SECTORS) add('sectors', t('tooManySectors', { max: MAX_SECTORS }));
  add('broader', broaderProblem(draft, byId, lang));
  return issues;
}

/** Why the entry `id` may not be deleted (other entries name it as broader), or undefined. */
export function deleteProblem(id: string, others: readonly GlossaryEntry[], lang: Lang): string | undefined {
  const narrower = others.filter((e) => e.broader === id).map((e) => e.id);
  return narrower.length === 0
    ? undefined
    : taxonomyErr(lang)('inUseAsBroader', { ids: narrower.join(', ') });
}
