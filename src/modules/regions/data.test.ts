import { describe, it, expect } from 'vitest';

import { PAIRINGS, PREFECTURES, PROVINCES, type RegionSeed } from './data.ts';

const ALL: readonly RegionSeed[] = [...PROVINCES, ...PREFECTURES];
const byCode = new Map(ALL.map((r) => [r.code, r]));

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) dups.add(v);
    seen.add(v);
  }
  return [...dups];
}

describe('PROVINCES', () => {
  it('lists all 34 province-level divisions', () => {
    expect(PROVINCES).toHaveLength(34);
  });

  it('uses unique two-letter ISO 3166-2:CN codes', () => {
    for (const p of PROVINCES) expect(p.code).toMatch(/^CN-[A-Z]{2}$/);
    expect(duplicates(PROVINCES.map((p) => p.code))).toEqual([]);
  });

  it('uses unique six-digit GB/T 2260 codes ending in 0000', () => {
    for (const p of PROVINCES) expect(p.gbCode).toMatch(/^[1-8]\d0000$/);
    expect(duplicates(PROVINCES.map((p) => p.gbCode))).toEqual([]);
  });

  it('marks every entry as a top-level province', () => {
    for (const p of PROVINCES) {
      expect(p.level).toBe('province');
      expect(p.parentCode).toBeNull();
    }
  });

  it('includes Taiwan, Hong Kong and Macao with their GB/T 2260 codes', () => {
    expect(byCode.get('CN-TW')?.gbCode).toBe('710000');
    expect(byCode.get('CN-HK')?.gbCode).toBe('810000');
    expect(byCode.get('CN-MO')?.gbCode).toBe('820000');
  });

  it('pairs ISO and GB codes correctly for a sample', () => {
    expect(byCode.get('CN-JL')).toMatchObject({ gbCode: '220000', nameZh: '吉林省', nameEn: 'Jilin' });
    expect(byCode.get('CN-HA')).toMatchObject({ gbCode: '410000', nameEn: 'Henan' });
    expect(byCode.get('CN-HN')).toMatchObject({ gbCode: '430000', nameEn: 'Hunan' });
    expect(byCode.get('CN-SN')).toMatchObject({ gbCode: '610000', nameEn: 'Shaanxi' });
    expect(byCode.get('CN-GX')).toMatchObject({ gbCode: '450000', nameZh: '广西壮族自治区' });
  });
});

describe('PREFECTURES', () => {
  const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));

  it.each([
    ['CN-JL', 9],
    ['CN-ZJ', 11],
    ['CN-LN', 14],
    ['CN-JS', 13],
    ['CN-HL', 13],
    ['CN-GD', 21],
  ])('has every prefecture of %s (%i)', (parent, count) => {
    expect(PREFECTURES.filter((p) => p.parentCode === parent)).toHaveLength(count);
  });

  it('covers only the six seeded provinces', () => {
    expect(PREFECTURES).toHaveLength(9 + 11 + 14 + 13 + 13 + 21);
  });

  it('keys prefectures by their GB/T 2260 code', () => {
    for (const p of PREFECTURES) {
      expect(p.level).toBe('prefecture');
      expect(p.code).toBe(p.gbCode);
      expect(p.gbCode).toMatch(/^\d{4}00$/);
      expect(p.gbCode.endsWith('0000')).toBe(false);
    }
    expect(duplicates(PREFECTURES.map((p) => p.code))).toEqual([]);
  });

  it('nests each prefecture under an existing province with the same code prefix', () => {
    for (const p of PREFECTURES) {
      const parent = provinceByCode.get(p.parentCode ?? '');
      expect(parent, `${p.code} parent ${p.parentCode}`).toBeDefined();
      expect(p.gbCode.slice(0, 2), p.code).toBe(parent?.gbCode.slice(0, 2));
    }
  });

  it('uses the current codes for a sample of divisions', () => {
    expect(byCode.get('222400')).toMatchObject({
      parentCode: 'CN-JL',
      nameZh: '延边朝鲜族自治州',
      nameEn: 'Yanbian Korean Autonomous Prefecture',
    });
    expect(byCode.get('232700')).toMatchObject({
      parentCode: 'CN-HL',
      nameZh: '大兴安岭地区',
      nameEn: 'Da Hinggan Ling Prefecture',
    });
    expect(byCode.get('440300')?.nameZh).toBe('深圳市');
    expect(byCode.get('445300')?.nameZh).toBe('云浮市');
    expect(byCode.get('211400')?.nameZh).toBe('葫芦岛市');
    expect(byCode.get('321300')?.nameZh).toBe('宿迁市');
    expect(PREFECTURES.filter((p) => p.parentCode === 'CN-ZJ').map((p) => p.nameEn)).toEqual([
      'Hangzhou',
      'Ningbo',
      'Wenzhou',
      'Jiaxing',
      'Huzhou',
      'Shaoxing',
      'Jinhua',
      'Quzhou',
      'Zhoushan',
      'Taizhou',
      'Lishui',
    ]);
  });
});

describe('region names', () => {
  it('are non-empty and trimmed', () => {
    for (const r of ALL) {
      for (const name of [r.nameZh, r.nameEn]) {
        expect(name.length, r.code).toBeGreaterThan(0);
        expect(name, r.code).toBe(name.trim());
      }
    }
  });

  it('have no duplicate Chinese names', () => {
    expect(duplicates(ALL.map((r) => r.nameZh))).toEqual([]);
  });

  it('have no duplicate English names among provinces or within a province', () => {
    expect(duplicates(ALL.map((r) => `${r.level}/${r.parentCode ?? ''}/${r.nameEn}`))).toEqual([]);
  });

  it('share an English name across provinces only for 泰州/台州 (Taizhou)', () => {
    expect(duplicates(ALL.map((r) => r.nameEn))).toEqual(['Taizhou']);
  });
});

describe('PAIRINGS', () => {
  it('references only known regions', () => {
    for (const p of PAIRINGS) {
      expect(byCode.has(p.aCode), p.aCode).toBe(true);
      expect(byCode.has(p.bCode), p.bCode).toBe(true);
      expect(p.aCode).not.toBe(p.bCode);
    }
  });

  it('has no duplicate pairs', () => {
    expect(duplicates(PAIRINGS.map((p) => [p.aCode, p.bCode].sort().join('|')))).toEqual([]);
  });

  it('has valid ISO dates and non-empty trimmed notes', () => {
    for (const p of PAIRINGS) {
      expect(p.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${p.since}T00:00:00Z`).toISOString().slice(0, 10)).toBe(p.since);
      for (const note of [p.noteEn, p.noteZh]) {
        expect(note.length).toBeGreaterThan(0);
        expect(note).toBe(note.trim());
      }
    }
  });

  it('contains the 2017 Northeast–East cooperation pairs', () => {
    const coop = PAIRINGS.filter((p) => p.kind === 'cooperation');
    expect(coop.map((p) => `${p.aCode}|${p.bCode}`)).toEqual([
      'CN-JL|CN-ZJ',
      'CN-LN|CN-JS',
      'CN-HL|CN-GD',
      '210100|CN-BJ',
      '210200|CN-SH',
      '220100|CN-TJ',
      '230100|440300',
    ]);
    for (const p of coop) expect(p.since).toBe('2017-03-07');
  });

  it('records Zhejiang assisting Yanbian with Zhejiang as the giver', () => {
    expect(PAIRINGS.filter((p) => p.kind === 'assistance')).toEqual([
      expect.objectContaining({ aCode: 'CN-ZJ', bCode: '222400', since: '2016-12-01' }),
    ]);
  });
});
