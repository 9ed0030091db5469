import { describe, expect, it } from 'vitest';
import { changesOf } from './format.ts';

describe('changesOf', () => {
  it('lists only the fields an update changed', () => {
    expect(changesOf({ status: 'pending', name: 'A' }, { status: 'approved', name: 'A' })).toEqual([
      { field: 'status', before: 'pending', after: 'approved' },
    ]);
  });

  it('lists every field of a created record, with nothing before', () => {
    expect(changesOf(null, { name: 'A', n: 2, tags: ['x'] })).toEqual([
      { field: 'name', before: null, after: 'A' },
      { field: 'n', before: null, after: '2' },
      { field: 'tags', before: null, after: '["x"]' },
    ]);
  });

  it('lists every field of a deleted record, with nothing after', () => {
    expect(changesOf({ a: true }, null)).toEqual([{ field: 'a', before: 'true', after: null }]);
  });

  it('treats plain values as one unnamed field, and equal ones as no change', () => {
    expect(changesOf('x', 'y')).toEqual([{ field: '', before: 'x', after: 'y' }]);
    expect(changesOf(null, null)).toEqual([]);
    expect(changesOf({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([]);
  });
});
