import { createHash } from 'node:crypto';
import { dateShanghai } from '../../lib/i18n.ts';

export const MAX_SLUG_LENGTH = 80;

/** Paths under /news that are pages, not articles: a slug may never take one of them. */
export const RESERVED_SLUGS = new Set([
  'feed',
  'search',
  'manage',
  'uploads',
  'sections',
  'new',
  'print',
  'history',
]);

/** ASCII words of an English title, lower-cased and joined by hyphens; empty when nothing is left. */
export function titleSlug(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/** `2017-09-11-3f9a1c`: the Beijing date and a short hash of something stable about the article. */
export function dateSlug(date: Date, seed: string, hashLength = 6): string {
  const hash = createHash('sha256').update(seed).digest('hex').slice(0, hashLength);
  return `${dateShanghai(date)}-${hash}`;
}

/**
 * The first free slug for an article: English from its title (with -2, -3… when taken), Chinese (or an
 * English title with no ASCII words) from the date and a hash, lengthened when taken.
 */
export async function uniqueSlug(
  opts: { lang: 'en' | 'zh'; title: string; date: Date; seed: string },
  isTaken: (slug: string) => Promise<boolean>,
): Promise<string> {
  const taken = async (slug: string) => RESERVED_SLUGS.has(slug) || (await isTaken(slug));
  const base = opts.lang === 'en' ? titleSlug(opts.title) : '';
  if (base) {
    if (!(await taken(base))) return base;
    for (let n = 2; ; n++) {
      const candidate = `${base}-${n}`;
      if (!(await taken(candidate))) return candidate;
    }
  }
  for (let length = 6; length <= 64; length += 2) {
    const candidate = dateSlug(opts.date, opts.seed, length);
    if (!(await taken(candidate))) return candidate;
  }
  throw new Error(`no free slug for ${opts.seed}`);
}
