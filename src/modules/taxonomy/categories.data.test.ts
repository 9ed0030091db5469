import { describe, expect, it } from 'vitest';

import {
  LISTING_CATEGORIES,
  LISTING_CATEGORY_CODES,
  LISTING_DIRECTIONS,
  LISTING_DIRECTION_INFO,
  categoryInfo,
  isListingCategory,
  isListingDirection,
  oppositeDirection,
} from './categories.data.ts';

const HAN = /\p{Script=Han}/u;
const SPEC_CATEGORIES = [
  'product',
  'capital',
  'technology',
  'logistics',
  'tourism',
  'culture',
  'talent',
  'service',
];

describe('listing categories', () => {
  it('are exactly the eight of the listings format', () => {
    expect([...LISTING_CATEGORY_CODES]).toEqual(SPEC_CATEGORIES);
    expect(LISTING_CATEGORIES.map((c) => c.code)).toEqual(SPEC_CATEGORIES);
  });

  it('have clean labels and offer/seek descriptions in both languages', () => {
    for (const c of LISTING_CATEGORIES) {
      for (const text of [c.nameZh, c.nameEn, c.offerZh, c.offerEn, c.seekZh, c.seekEn]) {
        expect(text.length, c.code).toBeGreaterThan(0);
        expect(text).toBe(text.trim());
      }
      for (const zh of [c.nameZh, c.offerZh, c.seekZh]) expect(zh).toMatch(HAN);
      for (const en of [c.nameEn, c.offerEn, c.seekEn]) expect(en).not.toMatch(HAN);
    }
    expect(new Set(LISTING_CATEGORIES.map((c) => c.nameZh)).size).toBe(8);
    expect(new Set(LISTING_CATEGORIES.map((c) => c.nameEn)).size).toBe(8);
  });

  it('are recognised by the guards', () => {
    for (const code of SPEC_CATEGORIES) {
      expect(isListingCategory(code)).toBe(true);
      expect(categoryInfo(code)?.code).toBe(code);
    }
    for (const bad of ['', 'Product', 'products', 'finance', 'other']) {
      expect(isListingCategory(bad)).toBe(false);
      expect(categoryInfo(bad)).toBeUndefined();
    }
  });
});

describe('listing directions', () => {
  it('are offer and seek, each the opposite of the other', () => {
    expect([...LISTING_DIRECTIONS]).toEqual(['offer', 'seek']);
    expect(LISTING_DIRECTION_INFO.map((d) => d.code)).toEqual(['offer', 'seek']);
    expect(oppositeDirection('offer')).toBe('seek');
    expect(oppositeDirection('seek')).toBe('offer');
    expect(isListingDirection('offer')).toBe(true);
    expect(isListingDirection('demand')).toBe(false);
  });
});
