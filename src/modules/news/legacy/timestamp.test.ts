import { describe, expect, it } from 'vitest';
import { findTimestamp, isTimestampOnly, leadingTimestamp } from './timestamp.ts';

function iso(text: string): string | undefined {
  const r = findTimestamp(text);
  return r?.ok ? r.date.toISOString() : undefined;
}

describe('findTimestamp', () => {
  it('reads the forms portals print, in Beijing time', () => {
    expect(iso('2017-09-11 10:13:57')).toBe('2017-09-11T02:13:57.000Z');
    expect(iso('2017-09-11 10:13')).toBe('2017-09-11T02:13:00.000Z');
    expect(iso('2017/09/11')).toBe('2017-09-10T16:00:00.000Z');
    expect(iso('2017/9/11 8:05')).toBe('2017-09-11T00:05:00.000Z');
    expect(iso('2017年9月11日 10:13')).toBe('2017-09-11T02:13:00.000Z');
    expect(iso('来源：浙江日报 发布时间：2017-09-11 10:13:57 浏览次数：12')).toBe('2017-09-11T02:13:57.000Z');
  });

  it('honours an explicit offset, as in <time datetime>', () => {
    expect(iso('2017-09-11T10:13:57+08:00')).toBe('2017-09-11T02:13:57.000Z');
    expect(iso('2017-09-11T02:13:57.000Z')).toBe('2017-09-11T02:13:57.000Z');
  });

  it('rejects dates and times that do not exist, and finds nothing in plain text', () => {
    expect(findTimestamp('2017-02-30 10:00:00')).toEqual({
      ok: false,
      reason: '"2017-02-30 10:00:00" is not a date that exists',
    });
    expect(findTimestamp('2016-02-29')?.ok).toBe(true);
    expect(findTimestamp('2017-02-29')?.ok).toBe(false);
    expect(findTimestamp('2017-13-01')?.ok).toBe(false);
    expect(findTimestamp('2017-09-11 25:00')).toEqual({
      ok: false,
      reason: '"2017-09-11 25:00" is not a valid time of day',
    });
    expect(findTimestamp('2017-09-11 10:60')?.ok).toBe(false);
    expect(findTimestamp('From September 6 to 7 Jilin delegation')).toBeNull();
    expect(findTimestamp('20170911')).toBeNull();
  });
});

describe('leadingTimestamp and isTimestampOnly', () => {
  it('wants the time at the start of the line, after an optional label', () => {
    expect(leadingTimestamp('发布时间：2017-09-11 10:13:57 来源：浙江日报')?.ok).toBe(true);
    expect(leadingTimestamp('Date: 2017-09-11')?.ok).toBe(true);
    expect(leadingTimestamp('On 2017-09-06 the delegation arrived.')).toBeNull();
    expect(isTimestampOnly('2017-09-11 10:13:57')).toBe(true);
    expect(isTimestampOnly('发布日期：2017-09-11')).toBe(true);
    expect(isTimestampOnly('2017-09-11 Jilin Delegation')).toBe(false);
  });
});
