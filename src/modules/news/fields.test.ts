import { describe, expect, it } from 'vitest';
import { parseBeijingLocal } from './fields.ts';

describe('parseBeijingLocal', () => {
  it('reads a datetime-local value as Beijing time', () => {
    expect(parseBeijingLocal('2030-05-01T09:30')?.toISOString()).toBe('2030-05-01T01:30:00.000Z');
    expect(parseBeijingLocal('2030-05-01 09:30:15')?.toISOString()).toBe('2030-05-01T01:30:15.000Z');
    expect(parseBeijingLocal('2030-05-01T03:00')?.toISOString()).toBe('2030-04-30T19:00:00.000Z');
  });

  it('refuses times that do not exist', () => {
    for (const bad of [
      '2030-02-30T09:00',
      '2030-13-01T09:00',
      '2030-05-01T24:00',
      '2030-05-01T09:60',
      'tomorrow',
      '',
    ]) {
      expect(parseBeijingLocal(bad), bad).toBeNull();
    }
  });
});
