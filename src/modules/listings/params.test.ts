import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import type { MatchItem } from './listings.service.ts';
import {
  browseQueryOf,
  ListingFilters,
  MatchParams,
  parseAsOf,
  parseParams,
  presentMatches,
} from './params.ts';

describe('parseAsOf', () => {
  it('reads a date as the start of that day in China', () => {
    expect(parseAsOf('2018-03-01')?.toISOString()).toBe('2018-02-28T16:00:00.000Z');
  });

  it('reads a date-time with its offset, and a "+" that a query string turned into a space', () => {
    expect(parseAsOf('2018-03-01T00:00:00+08:00')?.toISOString()).toBe('2018-02-28T16:00:00.000Z');
    expect(parseAsOf('2018-03-01T00:00:00 08:00')?.toISOString()).toBe('2018-02-28T16:00:00.000Z');
    expect(parseAsOf('2018-03-01T09:30:00.250Z')?.toISOString()).toBe('2018-03-01T09:30:00.250Z');
  });

  it('refuses days that do not exist, date-times without an offset, and other text', () => {
    for (const bad of [
      '2018-02-30',
      '2018-13-01',
      '2018-02-29T10:00:00+08:00',
      '2018-03-01T00:00:00',
      '2018-03-01 00:00',
      'yesterday',
      '',
      '20180301',
      '2018-03-01T09:30Z',
    ]) {
      expect(parseAsOf(bad), bad).toBeUndefined();
    }
    expect(parseAsOf('2020-02-29')).toBeDefined();
  });
});

describe('MatchParams', () => {
  it('defaults limit and scope, and names each bad parameter', () => {
    expect(MatchParams.parse({})).toEqual({ limit: 10, scope: 'counterpart' });
    expect(MatchParams.parse({ limit: '3', scope: 'all', asOf: '2018-03-01' })).toEqual({
      limit: 3,
      scope: 'all',
      asOf: '2018-03-01',
    });
    try {
      parseParams(MatchParams, { limit: '0', asOf: 'soon', scope: 'world' }, 'zh');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      const issues = (err as AppError).issues;
      expect(issues.map((i) => i.field)).toEqual(['limit', 'asOf', 'scope']);
      expect(issues[1]?.message).toBe('请输入日期（2018-03-01）或 ISO 日期时间（2018-03-01T00:00:00+08:00）');
    }
  });
});

describe('ListingFilters', () => {
  it('takes multi-valued facets as a comma list or repeated, and maps them to the browse query', () => {
    const f = ListingFilters.parse({
      region: ['CN-JL,CN-ZJ', 'CN-GD'],
      category: 'product',
      orgType: 'university, institute',
      sector: 'C',
      q: '  矿泉水 ',
    });
    expect(browseQueryOf(f)).toEqual({
      q: '矿泉水',
      regions: ['CN-JL', 'CN-ZJ', 'CN-GD'],
      area: undefined,
      categories: ['product'],
      direction: undefined,
      sector: 'C',
      language: undefined,
      orgTypes: ['university', 'institute'],
      state: undefined,
    });
    expect(browseQueryOf(ListingFilters.parse({ region: '', q: '' }))).toMatchObject({
      q: undefined,
      regions: undefined,
    });
  });

  it('refuses unknown codes by field', () => {
    const r = ListingFilters.safeParse({
      region: 'CN-XX',
      sector: 'C99',
      area: '2224',
      state: 'draft',
      category: 'food',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual([
      'area',
      'category',
      'region',
      'sector',
      'state',
    ]);
  });
});

it('presentMatches keeps only the contract fields, in order', () => {
  const item: MatchItem = {
    ref: 'a',
    title: 'T',
    region: 'CN-ZJ',
    category: 'product',
    direction: 'seek',
    score: 1.5,
    reasons: [{ code: 'fresh', text: 'posted today' }],
    language: 'en',
    orgName: 'Org',
    validUntil: null,
  };
  expect(JSON.stringify(presentMatches([item]))).toBe(
    '{"items":[{"ref":"a","title":"T","region":"CN-ZJ","category":"product","direction":"seek","score":1.5,' +
      '"reasons":[{"code":"fresh","text":"posted today"}]}]}',
  );
});
