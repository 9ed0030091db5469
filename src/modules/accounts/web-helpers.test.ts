import { describe, expect, it } from 'vitest';
import { localPath, withQuery } from './web-helpers.ts';

describe('localPath', () => {
  it('keeps paths on this site', () => {
    expect(localPath('/en/account')).toBe('/en/account');
    expect(localPath('/zh/organisations?status=pending')).toBe('/zh/organisations?status=pending');
  });

  it('drops anything that could lead elsewhere', () => {
    for (const bad of [
      undefined,
      '',
      'en/account',
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      '/a\nb',
      'javascript:x',
    ]) {
      expect(localPath(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('withQuery', () => {
  it('adds parameters with ? or &', () => {
    expect(withQuery('/en/x', { done: 'approved' })).toBe('/en/x?done=approved');
    expect(withQuery('/en/x?page=2', { done: 'a b' })).toBe('/en/x?page=2&done=a+b');
  });
});
