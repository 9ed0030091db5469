import { describe, expect, it } from 'vitest';
import {
  dateOfDay,
  dayNumber,
  isIsoDate,
  parsePeriod,
  period,
  periodContaining,
  periodInProgramme,
  periodProblems,
  periodsOverlap,
} from './periods.ts';

describe('parsePeriod', () => {
  it('reads months and quarters with their first and last days', () => {
    expect(parsePeriod('2018-03')).toEqual({
      id: '2018-03',
      kind: 'month',
      start: '2018-03-01',
      end: '2018-03-31',
    });
    expect(parsePeriod('2018-Q1')).toEqual({
      id: '2018-Q1',
      kind: 'quarter',
      start: '2018-01-01',
      end: '2018-03-31',
    });
    expect(parsePeriod('2019-Q4')?.end).toBe('2019-12-31');
    expect(parsePeriod('2018-Q3')).toMatchObject({ start: '2018-07-01', end: '2018-09-30' });
  });

  it('knows February in leap and common years', () => {
    expect(parsePeriod('2020-02')?.end).toBe('2020-02-29');
    expect(parsePeriod('2019-02')?.end).toBe('2019-02-28');
  });

  it('refuses anything else', () => {
    for (const bad of [
      '2018-13',
      '2018-00',
      '2018-Q5',
      '2018-Q0',
      '2018-3',
      '18-03',
      '2018Q1',
      '2018-q1',
      '',
      '2018-03-01',
    ]) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
    expect(() => period('2018-Q5')).toThrow(/2018-Q5/);
  });
});

describe('dates', () => {
  it('round-trips day numbers and refuses impossible days', () => {
    expect(dateOfDay(dayNumber('2020-02-29'))).toBe('2020-02-29');
    expect(dayNumber('2018-01-02') - dayNumber('2018-01-01')).toBe(1);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2018-1-1')).toBe(false);
    expect(() => dayNumber('2099-02-30')).toThrow(RangeError);
  });

  it('finds the period containing a day', () => {
    expect(periodContaining('2018-05-17', 'quarter').id).toBe('2018-Q2');
    expect(periodContaining('2018-05-17', 'month').id).toBe('2018-05');
    expect(periodContaining('2018-12-31', 'quarter').id).toBe('2018-Q4');
  });
});

describe('periodsOverlap', () => {
  it('sees months inside quarters, equal periods, and neighbours apart', () => {
    expect(periodsOverlap(period('2018-02'), period('2018-Q1'))).toBe(true);
    expect(periodsOverlap(period('2018-Q1'), period('2018-03'))).toBe(true);
    expect(periodsOverlap(period('2018-04'), period('2018-04'))).toBe(true);
    expect(periodsOverlap(period('2018-04'), period('2018-Q1'))).toBe(false);
    expect(periodsOverlap(period('2018-Q1'), period('2018-Q2'))).toBe(false);
    expect(periodsOverlap(period('2018-12'), period('2019-01'))).toBe(false);
  });
});

describe('periodInProgramme', () => {
  it('accepts a period sharing a day with the programme and refuses one wholly outside', () => {
    const p = (id: string) => periodInProgramme(period(id), '2018-02-15', '2020-12-31');
    expect(p('2018-Q1')).toBe(true); // starts mid-quarter: that quarter is still reported
    expect(p('2020-Q4')).toBe(true);
    expect(p('2018-01')).toBe(false);
    expect(p('2021-01')).toBe(false);
    expect(p('2017-Q4')).toBe(false);
  });
});

describe('periodProblems', () => {
  const programme = { start: '2018-01-01', deadline: '2020-12-31' };

  it('is empty for good, disjoint periods', () => {
    expect(periodProblems(['2018-Q1', '2018-Q2', '2020-Q4'], programme)).toEqual([]);
  });

  it('names each bad period by its index', () => {
    expect(
      periodProblems(['2018-Q1', 'spring', '2018-02', '2021-Q1', '2018-Q1', '2018-03'], {
        ...programme,
        kind: 'quarter',
      }),
    ).toEqual([
      { index: 1, code: 'invalid', value: 'spring' },
      { index: 2, code: 'wrong_kind', value: '2018-02', expected: 'quarter' },
      { index: 3, code: 'outside', value: '2021-Q1' },
      { index: 4, code: 'overlap', value: '2018-Q1', other: 0 },
      { index: 5, code: 'wrong_kind', value: '2018-03', expected: 'quarter' },
    ]);
  });

  it('catches a month overlapping a quarter when kinds may mix', () => {
    expect(periodProblems(['2018-Q1', '2018-03'], programme)).toEqual([
      { index: 1, code: 'overlap', value: '2018-03', other: 0 },
    ]);
  });
});
