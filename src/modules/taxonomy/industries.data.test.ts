import { describe, expect, it } from 'vitest';

import {
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  divisionOf,
  divisionsOfSection,
  isDivisionCode,
  sectionOf,
  sectionOfDivision,
} from './industries.data.ts';

const HAN = /\p{Script=Han}/u;

/** The section ranges of GB/T 4754-2017, written out independently of the data. */
const EXPECTED_RANGES: Record<string, [number, number]> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

function expectCleanName(name: string): void {
  expect(name.length).toBeGreaterThan(0);
  expect(name).toBe(name.trim());
  expect(name).not.toMatch(/\s{2,}/);
}

describe('INDUSTRY_SECTIONS', () => {
  it('lists the 20 sections A–T in order', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.letter).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
  });

  it('gives each section the division range of the standard', () => {
    for (const s of INDUSTRY_SECTIONS) {
      expect([Number(s.divisions[0]), Number(s.divisions[1])], s.letter).toEqual(EXPECTED_RANGES[s.letter]);
    }
  });

  it('has clean Chinese and English names', () => {
    for (const s of INDUSTRY_SECTIONS) {
      expectCleanName(s.nameZh);
      expectCleanName(s.nameEn);
      expect(s.nameZh).toMatch(HAN);
      expect(s.nameEn).not.toMatch(HAN);
    }
  });
});

describe('INDUSTRY_DIVISIONS', () => {
  it('lists the 97 divisions 01–97, each once, in order', () => {
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    expect(INDUSTRY_DIVISIONS.map((d) => Number(d.number))).toEqual(
      Array.from({ length: 97 }, (_, i) => i + 1),
    );
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.code)).size).toBe(97);
  });

  it('writes codes as section letter plus two digits', () => {
    for (const d of INDUSTRY_DIVISIONS) {
      expect(d.number).toMatch(/^\d{2}$/);
      expect(d.code).toBe(`${d.section}${d.number}`);
    }
  });

  it('puts every division inside its section range', () => {
    for (const d of INDUSTRY_DIVISIONS) {
      const range = EXPECTED_RANGES[d.section];
      expect(range, d.code).toBeDefined();
      const n = Number(d.number);
      expect(n >= range![0] && n <= range![1], d.code).toBe(true);
    }
  });

  it('has clean names, Chinese with Han characters and English without', () => {
    for (const d of INDUSTRY_DIVISIONS) {
      for (const name of [d.nameZh, d.nameEn, d.shortZh, d.shortEn]) expectCleanName(name);
      expect(d.nameZh).toMatch(HAN);
      expect(d.shortZh).toMatch(HAN);
      expect(d.nameEn).not.toMatch(HAN);
      expect(d.shortEn).not.toMatch(HAN);
    }
  });

  it('uses unique Chinese names within divisions', () => {
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.nameZh)).size).toBe(97);
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.nameEn)).size).toBe(97);
  });

  it('has the names of well-known divisions', () => {
    expect(divisionOf('C15')).toMatchObject({
      nameZh: '酒、饮料和精制茶制造业',
      nameEn: 'Manufacture of Liquor, Beverages and Refined Tea',
    });
    expect(divisionOf('C36')).toMatchObject({ nameZh: '汽车制造业', nameEn: 'Manufacture of Automobiles' });
    expect(divisionOf('C27')).toMatchObject({ nameZh: '医药制造业', nameEn: 'Manufacture of Medicines' });
    expect(divisionOf('G55')).toMatchObject({ nameZh: '水上运输业', nameEn: 'Water Transport' });
    expect(divisionOf('A01')?.nameZh).toBe('农业');
    expect(divisionOf('R87')?.nameZh).toBe('广播、电视、电影和录音制作业');
    expect(divisionOf('T97')?.nameZh).toBe('国际组织');
  });
});

describe('helpers', () => {
  it('divisionOf accepts the full and the bare form', () => {
    expect(divisionOf('C15')?.code).toBe('C15');
    expect(divisionOf('15')?.code).toBe('C15');
    expect(divisionOf('01')?.code).toBe('A01');
    expect(divisionOf('c15')?.code).toBe('C15');
    expect(divisionOf(' G55 ')?.code).toBe('G55');
  });

  it('divisionOf rejects unknown codes and wrong letters', () => {
    for (const bad of ['', 'C', '00', '98', 'C98', 'A15', 'C1', 'C150', '1', 'CC15', 'U97', '1 5']) {
      expect(divisionOf(bad), bad).toBeUndefined();
    }
  });

  it('isDivisionCode accepts only the canonical listing form', () => {
    expect(isDivisionCode('C15')).toBe(true);
    expect(isDivisionCode('K70')).toBe(true);
    expect(isDivisionCode('15')).toBe(false);
    expect(isDivisionCode('c15')).toBe(false);
    expect(isDivisionCode('A15')).toBe(false);
    expect(isDivisionCode('C98')).toBe(false);
    expect(isDivisionCode('C')).toBe(false);
  });

  it('sectionOfDivision finds the section', () => {
    expect(sectionOfDivision('G55')?.letter).toBe('G');
    expect(sectionOfDivision('36')?.letter).toBe('C');
    expect(sectionOfDivision('X99')).toBeUndefined();
  });

  it('sectionOf and divisionsOfSection agree with the ranges', () => {
    expect(sectionOf('c')?.nameZh).toBe('制造业');
    expect(sectionOf('Z')).toBeUndefined();
    expect(divisionsOfSection('C')).toHaveLength(31);
    expect(divisionsOfSection('K').map((d) => d.code)).toEqual(['K70']);
    const total = INDUSTRY_SECTIONS.reduce((n, s) => n + divisionsOfSection(s.letter).length, 0);
    expect(total).toBe(97);
  });
});
