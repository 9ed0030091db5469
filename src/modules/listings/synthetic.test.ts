import { describe, expect, it } from 'vitest';
import { PREFECTURES } from '../regions/data.ts';
import { LISTING_CATEGORY_CODES } from '../taxonomy/categories.data.ts';
import { GLOSSARY } from '../taxonomy/glossary.data.ts';
import { ListingRecord } from './fields.ts';
import { CATEGORY_DIVISIONS } from './synthetic.data.ts';
import { generateListings, orgPoolSize, seededRandom } from './synthetic.ts';

const END = new Date('2026-06-30T23:59:59+08:00');
const N = 3000;
const sample = [...generateListings(N, 7, { end: END })];
const PAIRED = ['CN-JL', 'CN-ZJ', 'CN-LN', 'CN-JS', 'CN-HL', 'CN-GD'];

const share = (pred: (r: ListingRecord) => boolean) => sample.filter(pred).length / sample.length;

describe('seededRandom', () => {
  it('repeats for a seed, differs between seeds, and stays in [0, 1)', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });
});

describe('generateListings', () => {
  it('gives exactly the same records for the same seed and end, other records for another seed', () => {
    expect([...generateListings(N, 7, { end: END })]).toEqual(sample);
    const other = [...generateListings(N, 8, { end: END })];
    expect(other.map((r) => r.title)).not.toEqual(sample.map((r) => r.title));
  });

  it('yields records the interchange format accepts, with unique ids', () => {
    for (const r of sample) expect(ListingRecord.parse(r)).toEqual(r);
    expect(new Set(sample.map((r) => r.id)).size).toBe(N);
  });

  it('is about 55% Chinese, and covers every category in both directions', () => {
    expect(share((r) => r.language === 'zh')).toBeGreaterThan(0.5);
    expect(share((r) => r.language === 'zh')).toBeLessThan(0.6);
    for (const category of LISTING_CATEGORY_CODES) {
      for (const direction of ['offer', 'seek']) {
        expect(sample.some((r) => r.category === category && r.direction === direction)).toBe(true);
      }
    }
  });

  it('keeps titles and descriptions within the lengths of real postings', () => {
    const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
    for (const r of sample) {
      const [title, body] =
        r.language === 'zh'
          ? [[...r.title].length, [...r.description].length]
          : [words(r.title), words(r.description)];
      expect(title, r.title).toBeGreaterThanOrEqual(r.language === 'zh' ? 10 : 5);
      expect(title, r.title).toBeLessThanOrEqual(r.language === 'zh' ? 40 : 12);
      expect(body).toBeGreaterThanOrEqual(60);
      expect(body).toBeLessThanOrEqual(400);
      if (r.language === 'en') expect(r.title + r.description).not.toMatch(/\p{Script=Han}/u);
    }
    const zhLengths = sample.filter((r) => r.language === 'zh').map((r) => [...r.description].length);
    expect(Math.max(...zhLengths) - Math.min(...zhLengths)).toBeGreaterThan(250);
  });

  it('files listings under divisions that fit their category', () => {
    const withSector = sample.filter((r) => r.sector !== undefined);
    expect(withSector.length / N).toBeGreaterThan(0.8);
    for (const r of withSector) expect(CATEGORY_DIVISIONS[r.category]).toContain(r.sector);
  });

  it('talks in glossary terms of the listing language', () => {
    const zhTerms = GLOSSARY.flatMap((e) => e.zh);
    const enTerms = GLOSSARY.flatMap((e) => e.en.map((t) => t.toLowerCase()));
    for (const r of sample.slice(0, 500)) {
      const text = `${r.title} ${r.description}`;
      const terms = r.language === 'zh' ? zhTerms : enTerms;
      const haystack = r.language === 'zh' ? text : text.toLowerCase();
      expect(
        terms.some((t) => haystack.includes(t)),
        text,
      ).toBe(true);
    }
  });

  it('posts mostly from the paired provinces, with areas inside the region', () => {
    expect(share((r) => PAIRED.includes(r.region))).toBeGreaterThan(0.75);
    expect(share((r) => !PAIRED.includes(r.region))).toBeGreaterThan(0.05);
    const prefectures = new Set(PREFECTURES.map((p) => p.code));
    const withArea = sample.filter((r) => r.area_code !== undefined);
    expect(withArea.length / N).toBeGreaterThan(0.5);
    for (const r of withArea) expect(prefectures.has(`${r.area_code!.slice(0, 4)}00`)).toBe(true);
  });

  it('reuses a pool of a few thousand organisations at most', () => {
    const orgs = new Set(sample.map((r) => `${r.region}|${r.organization.name}|${r.organization.type}`));
    expect(orgs.size).toBeLessThanOrEqual(orgPoolSize(N));
    expect(orgs.size).toBeGreaterThan(orgPoolSize(N) / 3);
    expect(orgPoolSize(1_000_000)).toBeLessThanOrEqual(5000);
    expect(orgPoolSize(1_000_000)).toBeGreaterThanOrEqual(1000);
  });

  it('spreads created_at over the two years before the end, in China time, with optional fields', () => {
    const times = sample.map((r) => Date.parse(r.created_at));
    expect(sample.every((r) => r.created_at.endsWith('+08:00'))).toBe(true);
    expect(Math.max(...times)).toBeLessThanOrEqual(END.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(END.getTime() - 731 * 86_400_000);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(700 * 86_400_000);
    for (const field of ['tags', 'amount_cny', 'valid_until', 'area_code'] as const) {
      const present = share((r) => r[field] !== undefined);
      expect(present, field).toBeGreaterThan(0.2);
      expect(present, field).toBeLessThan(0.95);
    }
  });
});
