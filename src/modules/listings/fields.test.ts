import { describe, expect, it } from 'vitest';
import { localizeIssue } from '../../lib/i18n.ts';
import { areaProblem, ListingInput, ListingRecord, MAX_AMOUNT_CNY, MAX_DESCRIPTION_CHARS } from './fields.ts';
import { input, record, without } from './testing.ts';

/** The fields the schema names for a value (dotted paths; unknown keys as path + key), or [] when valid. */
function problems(schema: typeof ListingRecord | typeof ListingInput, value: unknown): string[] {
  const r = schema.safeParse(value);
  if (r.success) return [];
  return r.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => [...i.path.map(String), k].join('.'))
      : [localizeIssue(i, 'en').field],
  );
}

const fieldsOf = (over: Record<string, unknown>) => problems(ListingRecord, record(over));

describe('ListingRecord', () => {
  it('accepts the factory record, the spec example shapes and the optional fields left out', () => {
    expect(fieldsOf({})).toEqual([]);
    const minimal = without(record(), 'area_code', 'sector', 'tags', 'amount_cny', 'valid_until');
    expect(problems(ListingRecord, minimal)).toEqual([]);
    expect(fieldsOf({ created_at: '2018-03-01T02:00:00Z', valid_until: '2018-03-01' })).toEqual([]);
  });

  it.each(['id', 'region', 'organization', 'direction', 'category', 'title', 'description', 'language'])(
    'names a missing required field: %s',
    (field) => {
      expect(problems(ListingRecord, without(record(), field))).toEqual([field]);
    },
  );

  it('names missing created_at and a missing organisation name', () => {
    expect(problems(ListingRecord, without(record(), 'created_at'))).toEqual(['created_at']);
    expect(fieldsOf({ organization: { type: 'enterprise' } })).toEqual(['organization.name']);
  });

  it('names unknown fields, at the top and inside organization', () => {
    expect(fieldsOf({ colour: 'red' })).toEqual(['colour']);
    expect(fieldsOf({ organization: { name: 'A', type: 'enterprise', phone: '1' } })).toEqual([
      'organization.phone',
    ]);
    // The message a reader sees names the key too.
    const r = ListingRecord.safeParse(record({ colour: 'red' }));
    expect(r.success || localizeIssue(r.error.issues[0]!, 'en').message).toContain('colour');
  });

  it.each([
    ['direction', 'sell'],
    ['category', 'goods'],
    ['language', 'fr'],
    ['direction', 'Offer'],
  ])('names a wrong enum value: %s = %s', (field, value) => {
    expect(fieldsOf({ [field]: value })).toEqual([field]);
  });

  it('names a wrong organisation type', () => {
    expect(fieldsOf({ organization: { name: 'A', type: 'company' } })).toEqual(['organization.type']);
  });

  it.each(['CN-XX', 'JL', 'cn-jl', '220000', ''])('names an unknown region %j', (region) => {
    // area_code is left out so that only the region is at fault
    expect(problems(ListingRecord, without(record({ region }), 'area_code'))).toEqual(['region']);
  });

  it('names an area code outside the region, an unknown prefecture, a province code or a malformed code', () => {
    expect(fieldsOf({ area_code: '330100' })).toEqual(['area_code']); // Hangzhou is not in Jilin
    expect(fieldsOf({ area_code: '229900' })).toEqual(['area_code']); // no such prefecture in Jilin
    expect(fieldsOf({ area_code: '229901' })).toEqual(['area_code']); // county of a prefecture that is not
    expect(fieldsOf({ area_code: '220000' })).toEqual(['area_code']); // the province itself
    expect(fieldsOf({ area_code: '2224' })).toEqual(['area_code']);
    expect(fieldsOf({ area_code: 'abcdef' })).toEqual(['area_code']);
  });

  it('accepts prefectures and county codes of a known prefecture', () => {
    expect(fieldsOf({ area_code: '222400' })).toEqual([]); // Yanbian
    expect(fieldsOf({ area_code: '222426' })).toEqual([]); // Antu county, in Yanbian
    expect(fieldsOf({ region: 'CN-ZJ', area_code: '330782' })).toEqual([]); // Yiwu, in Jinhua
    // Provinces whose prefectures the platform does not list: the province's digits are enough.
    expect(fieldsOf({ region: 'CN-BJ', area_code: '110105' })).toEqual([]);
    expect(fieldsOf({ region: 'CN-BJ', area_code: '120105' })).toEqual(['area_code']);
  });

  it.each(['Z99', 'C99', 'C44', 'A15', '15', 'c15', 'C', 'C015', ''])(
    'names a sector that is not a GB/T 4754 division: %j',
    (sector) => {
      expect(fieldsOf({ sector })).toEqual(['sector']);
    },
  );

  it.each(['A01', 'C13', 'C15', 'C43', 'G55', 'T97'])('accepts the division %s', (sector) => {
    expect(fieldsOf({ sector })).toEqual([]);
  });

  it.each([-1, 0, -0.01, MAX_AMOUNT_CNY + 1, 2e13, 1e300])('names an implausible amount %d', (amount) => {
    expect(fieldsOf({ amount_cny: amount })).toEqual(['amount_cny']);
  });

  it('accepts amounts up to ten trillion yuan, refuses amounts written as strings', () => {
    expect(fieldsOf({ amount_cny: 0.5 })).toEqual([]);
    expect(fieldsOf({ amount_cny: MAX_AMOUNT_CNY })).toEqual([]);
    expect(fieldsOf({ amount_cny: '100' })).toEqual(['amount_cny']);
  });

  it('names a title with a line break (any kind), an empty title and an over-long description', () => {
    expect(fieldsOf({ title: 'Mineral water\nfor sale' })).toEqual(['title']);
    expect(fieldsOf({ title: 'Mineral water\r\nfor sale' })).toEqual(['title']);
    expect(fieldsOf({ title: 'Mineral water\rfor sale' })).toEqual(['title']);
    expect(fieldsOf({ title: '   ' })).toEqual(['title']);
    expect(fieldsOf({ description: 'x'.repeat(MAX_DESCRIPTION_CHARS + 1) })).toEqual(['description']);
    // Descriptions may have several lines.
    expect(fieldsOf({ description: 'one\ntwo' })).toEqual([]);
  });

  it('names bad tags by index', () => {
    expect(fieldsOf({ tags: ['water', 'bad\ntag'] })).toEqual(['tags.1']);
    expect(fieldsOf({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).toEqual(['tags']);
    expect(fieldsOf({ tags: 'water' })).toEqual(['tags']);
  });

  it('names valid_until before created_at (the same day is fine)', () => {
    expect(fieldsOf({ created_at: '2018-03-01T10:00:00+08:00', valid_until: '2018-02-28' })).toEqual([
      'valid_until',
    ]);
    expect(fieldsOf({ created_at: '2018-03-01T10:00:00+08:00', valid_until: '2018-03-01' })).toEqual([]);
  });

  it.each(['2018/12/31', '31-12-2018', '2018-13-01', '2019-02-29', '2018-12-31T00:00:00+08:00'])(
    'names a malformed valid_until %j',
    (validUntil) => {
      expect(fieldsOf({ valid_until: validUntil })).toContain('valid_until');
      expect(new Set(fieldsOf({ valid_until: validUntil }))).toEqual(new Set(['valid_until']));
    },
  );

  it.each(['2018-03-01T10:00:00', '2018-03-01', '2018-03-01 10:00:00+08:00', 'yesterday', '1519869600'])(
    'names a created_at without an offset or not a date-time: %j',
    (createdAt) => {
      expect(fieldsOf({ created_at: createdAt })).toContain('created_at');
    },
  );

  it('names a bad id', () => {
    expect(fieldsOf({ id: 'has space' })).toEqual(['id']);
    expect(fieldsOf({ id: '-leading' })).toEqual(['id']);
    expect(fieldsOf({ id: 'x'.repeat(101) })).toEqual(['id']);
    expect(fieldsOf({ id: 42 })).toEqual(['id']);
  });

  it('lists every bad field of one record', () => {
    expect(new Set(fieldsOf({ direction: 'sell', sector: 'Z99', amount_cny: -5 }))).toEqual(
      new Set(['direction', 'sector', 'amount_cny']),
    );
  });

  it('words hand-written messages in both languages', () => {
    const r = ListingRecord.safeParse(record({ sector: 'Z99' }));
    expect(r.success).toBe(false);
    if (r.success) return;
    const issue = r.error.issues[0]!;
    expect(localizeIssue(issue, 'en').message).toMatch(/GB\/T 4754/);
    expect(localizeIssue(issue, 'zh').message).toMatch(/行业大类/);
  });
});

describe('areaProblem', () => {
  it('is undefined for a fitting area and a reason otherwise', () => {
    expect(areaProblem('CN-JL', '222426')).toBeUndefined();
    expect(areaProblem('CN-JL', '330100')).toBeTruthy();
    expect(areaProblem('CN-JL', '22240')).toBeTruthy();
  });

  it('leaves an unknown region to the region check', () => {
    expect(areaProblem('CN-XX', '999999')).toBeUndefined();
  });
});

describe('ListingInput', () => {
  const inputFields = (over: Record<string, unknown>) => problems(ListingInput, { ...input(), ...over });

  it('accepts the form defaults and refuses the same bad values as the interchange format', () => {
    expect(inputFields({})).toEqual([]);
    expect(inputFields({ sector: 'Z99' })).toEqual(['sector']);
    expect(inputFields({ amountCny: -1 })).toEqual(['amountCny']);
    expect(inputFields({ amountCny: 2e13 })).toEqual(['amountCny']);
    expect(inputFields({ title: 'two\nlines' })).toEqual(['title']);
    expect(inputFields({ direction: 'sell' })).toEqual(['direction']);
    expect(inputFields({ validUntil: '2018-02-30' })).toEqual(['validUntil']);
    expect(inputFields({ orgId: 'not-a-uuid' })).toEqual(['orgId']);
  });

  it('refuses fields the form does not have, such as the status or the region', () => {
    expect(inputFields({ status: 'published' })).toEqual(['status']);
    expect(inputFields({ regionCode: 'CN-ZJ' })).toEqual(['regionCode']);
  });
});
