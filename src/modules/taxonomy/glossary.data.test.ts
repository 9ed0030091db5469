import { describe, expect, it } from 'vitest';

import { GLOSSARY, glossaryEntry, glossaryEntryForTerm, glossaryKey } from './glossary.data.ts';
import { isDivisionCode } from './industries.data.ts';

const HAN = /\p{Script=Han}/u;

/**
 * A rough plural folding (not a stemmer) applied word by word on top of `glossaryKey`, so that
 * 'soybean' and 'soybeans' count as the same term.
 */
function foldedKey(term: string): string {
  return glossaryKey(term)
    .split(' ')
    .map((w) => {
      if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
      if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
      return w;
    })
    .join(' ');
}

describe('GLOSSARY', () => {
  it('has between 300 and 500 entries', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(300);
    expect(GLOSSARY.length).toBeLessThanOrEqual(500);
  });

  it('uses unique kebab-case ids', () => {
    for (const e of GLOSSARY) expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const ids = GLOSSARY.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('gives every entry at least one Chinese and one English term', () => {
    for (const e of GLOSSARY) {
      expect(e.zh.length, e.id).toBeGreaterThan(0);
      expect(e.en.length, e.id).toBeGreaterThan(0);
    }
  });

  it('writes Chinese terms with Han characters and no spaces', () => {
    const bad = GLOSSARY.flatMap((e) =>
      e.zh.filter((t) => !HAN.test(t) || /\s/.test(t)).map((t) => `${e.id}: ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('writes English terms in printable ASCII without Han characters, trimmed and single-spaced', () => {
    const bad = GLOSSARY.flatMap((e) =>
      e.en
        .filter((t) => HAN.test(t) || !/^[\x20-\x7e]+$/.test(t) || t !== t.trim() || /\s{2,}/.test(t))
        .map((t) => `${e.id}: ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('writes English terms in lowercase except for acronyms and known proper nouns', () => {
    // A word with one capital letter must be a proper noun from this list; words with two or more
    // capitals are acronyms ('R&D', 'IoT', 'TikTok'). A new proper noun is added here deliberately.
    const PROPER_NOUNS = new Set(
      `Academy Asia Auto Beijing Belt Board Changbai Changbaishan Changchun Changjitu Changmanou Chaoxianzu
      China Chinese Corporation Dendrobium Douyin Dragon Economic Europe Exchange Expo Express Festival Film
      Food Fuxing Geely Green Group Hangzhou Heaven Hengdian Holding Hongqi Hunchun Initiative Innovation
      Internet Jiefang Jilin Korean Lake Longjia Longjing Longquan Madrid Manzhouli Maritime Market Mount
      Mountain New Ningbo Northeast Panax Port Railway River Road Schisandra Sci Sciences Shaoxing Silk
      Stock Studio Studios Tech Things Third Tumen University Vehicles Well West World Xiaoshan Xinjiang
      Yanbian Yiwu Yixinou Zhebeimu Zhejiang Zhoushan`.split(/\s+/),
    );
    const bad = GLOSSARY.flatMap((e) =>
      e.en
        .filter((t) =>
          t
            .split(/[\s-]+/)
            .some(
              (w) => (w.match(/[A-Z]/g) ?? []).length === 1 && !/^\d+[A-Z]$/.test(w) && !PROPER_NOUNS.has(w),
            ),
        )
        .map((t) => `${e.id}: ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('never lists the same term twice in an entry, nor a plural next to its singular', () => {
    const bad: string[] = [];
    for (const e of GLOSSARY) {
      for (const terms of [e.zh, e.en]) {
        const keys = terms.map(foldedKey);
        keys.forEach((k, i) => {
          if (keys.indexOf(k) !== i) bad.push(`${e.id}: ${terms[i]}`);
        });
      }
    }
    expect(bad).toEqual([]);
  });

  it('never puts one term in two entries', () => {
    const owner = new Map<string, string>();
    const collisions: string[] = [];
    for (const e of GLOSSARY) {
      for (const t of [...e.zh, ...e.en]) {
        const k = foldedKey(t);
        const first = owner.get(k);
        if (first !== undefined && first !== e.id) collisions.push(`'${t}' in ${first} and ${e.id}`);
        else owner.set(k, e.id);
      }
    }
    expect(collisions).toEqual([]);
  });

  it('refers only to valid GB/T 4754 division codes', () => {
    const bad = GLOSSARY.flatMap((e) =>
      (e.sectors ?? []).filter((s) => !isDivisionCode(s)).map((s) => `${e.id}: ${s}`),
    );
    expect(bad).toEqual([]);
    for (const e of GLOSSARY) {
      if (e.sectors) {
        expect(e.sectors.length, e.id).toBeGreaterThan(0);
        expect(new Set(e.sectors).size, e.id).toBe(e.sectors.length);
      }
    }
  });

  it('points broader links at existing entries, without cycles', () => {
    for (const e of GLOSSARY) {
      if (e.broader === undefined) continue;
      expect(e.broader, e.id).not.toBe(e.id);
      expect(glossaryEntry(e.broader), `${e.id} → ${e.broader}`).toBeDefined();
      const seen = new Set([e.id]);
      let next = glossaryEntry(e.broader);
      while (next) {
        expect(seen.has(next.id), `cycle through ${e.id}`).toBe(false);
        seen.add(next.id);
        next = next.broader === undefined ? undefined : glossaryEntry(next.broader);
      }
    }
  });

  it('covers the fields the programme names', () => {
    for (const id of [
      'ginseng',
      'black-fungus',
      'rice',
      'corn',
      'soybean',
      'beef-cattle',
      'blueberry',
      'mineral-water',
      'edible-mushrooms',
      'seafood',
      'tea',
      'organic',
      'green-food',
      'equipment-manufacturing',
      'auto-parts',
      'rolling-stock',
      'pharmaceuticals',
      'tcm',
      'cold-chain',
      'port',
      'container',
      'china-europe-railway-express',
      'air-cargo',
      'bonded-warehouse',
      'cross-border-e-commerce',
      'ski-resort',
      'ice-snow-tourism',
      'scenic-spot',
      'homestay',
      'travel-agency',
      'filming-location',
      'post-production',
      'co-production',
      'venture-capital',
      'equity-investment',
      'industrial-fund',
      'm-and-a',
      'financing-lease',
      'technology-transfer',
      'joint-laboratory',
      'patent-licensing',
      'incubator',
      'talent',
      'training',
    ]) {
      expect(glossaryEntry(id), id).toBeDefined();
    }
  });
});

describe('glossary lookups', () => {
  it('find entries by any of their terms, case- and hyphen-insensitively', () => {
    expect(glossaryEntryForTerm('矿泉水')?.id).toBe('mineral-water');
    expect(glossaryEntryForTerm('Bottled Water')?.id).toBe('mineral-water');
    expect(glossaryEntryForTerm('cold chain logistics')?.id).toBe('cold-chain');
    expect(glossaryEntryForTerm('冷藏运输')?.id).toBe('cold-chain');
    expect(glossaryEntryForTerm('中欧班列')?.id).toBe('china-europe-railway-express');
    expect(glossaryEntryForTerm('长满欧')?.broader).toBe('china-europe-railway-express');
    expect(glossaryEntryForTerm('跨境电商')?.id).toBe('cross-border-e-commerce');
    expect(glossaryEntryForTerm('wood ear')?.id).toBe('black-fungus');
    expect(glossaryEntryForTerm('nothing like this')).toBeUndefined();
  });

  it('glossaryKey normalises case, hyphens and spaces', () => {
    expect(glossaryKey('  Cold-Chain   Logistics ')).toBe('cold chain logistics');
    expect(glossaryKey('ＣＲＯ')).toBe('cro');
  });
});
