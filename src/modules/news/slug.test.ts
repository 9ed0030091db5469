import { describe, expect, it } from 'vitest';
import { dateSlug, MAX_SLUG_LENGTH, titleSlug, uniqueSlug } from './slug.ts';

describe('titleSlug', () => {
  it('makes lower-case ASCII words joined by hyphens', () => {
    expect(titleSlug('Jilin Delegation Made an Investigation Trip in Zhejiang')).toBe(
      'jilin-delegation-made-an-investigation-trip-in-zhejiang',
    );
    expect(titleSlug('  Jilin’s “One Belt and One Road” — 2017!  ')).toBe(
      'jilins-one-belt-and-one-road-2017',
    );
    expect(titleSlug('Café Ürümqi')).toBe('cafe-urumqi');
    expect(titleSlug('吉林省代表团')).toBe('');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = titleSlug('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^word(-word)+$/);
  });
});

describe('uniqueSlug', () => {
  const date = new Date('2017-09-11T02:13:57Z');

  it('numbers English slugs that are taken, and never takes a reserved one', async () => {
    const taken = new Set(['jilin-news', 'jilin-news-2']);
    expect(
      await uniqueSlug({ lang: 'en', title: 'Jilin news', date, seed: 'a' }, (s) =>
        Promise.resolve(taken.has(s)),
      ),
    ).toBe('jilin-news-3');
    expect(
      await uniqueSlug({ lang: 'en', title: 'Search', date, seed: 'a' }, () => Promise.resolve(false)),
    ).toBe('search-2');
  });

  it('dates Chinese slugs in Beijing time with a short hash, lengthened when taken', async () => {
    const first = dateSlug(date, 'key');
    expect(first).toMatch(/^2017-09-11-[0-9a-f]{6}$/);
    expect(dateSlug(new Date('2017-09-10T17:00:00Z'), 'key')).toMatch(/^2017-09-11-/);
    expect(
      await uniqueSlug({ lang: 'zh', title: '吉林', date, seed: 'key' }, () => Promise.resolve(false)),
    ).toBe(first);
    const second = await uniqueSlug({ lang: 'zh', title: '吉林', date, seed: 'key' }, (s) =>
      Promise.resolve(s === first),
    );
    expect(second).toMatch(/^2017-09-11-[0-9a-f]{8}$/);
    expect(second.startsWith(first)).toBe(true);
  });

  it('falls back to a date slug for an English title without ASCII words', async () => {
    expect(
      await uniqueSlug({ lang: 'en', title: '合作', date, seed: 'x' }, () => Promise.resolve(false)),
    ).toMatch(/^2017-09-11-/);
  });
});
