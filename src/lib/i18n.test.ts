import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineMessages, formatShanghai, isoShanghai, localizeIssue, negotiateLang, plural } from './i18n.ts';

describe('negotiateLang', () => {
  it('takes the highest-ranked supported language', () => {
    expect(negotiateLang('fr-FR,zh-CN;q=0.8,en;q=0.5')).toBe('zh');
    expect(negotiateLang('en-GB,en;q=0.9,zh;q=0.8')).toBe('en');
    expect(negotiateLang('zh-TW;q=0.2, en;q=0.3')).toBe('en');
  });
  it('returns undefined when nothing fits', () => {
    expect(negotiateLang('fr, de;q=0.5')).toBeUndefined();
    expect(negotiateLang(undefined)).toBeUndefined();
    expect(negotiateLang('zh;q=0')).toBeUndefined();
  });
});

describe('defineMessages', () => {
  it('interpolates named parameters and leaves unknown ones visible', () => {
    const msg = defineMessages({ en: { hi: 'Hello {name}, {n}' }, zh: { hi: '你好{name}，{n}' } });
    expect(msg('en')('hi', { name: 'Li' })).toBe('Hello Li, {n}');
    expect(msg('zh')('hi', { name: '李', n: 3 })).toBe('你好李，3');
  });
});

describe('plural', () => {
  it('uses one/other in English and only other in Chinese', () => {
    const forms = { one: '{count} region', other: '{count} regions' };
    expect(plural('en', 1, forms)).toBe('1 region');
    expect(plural('en', 2, forms)).toBe('2 regions');
    expect(plural('zh', 1, forms)).toBe('1 regions');
  });
});

describe('Asia/Shanghai times', () => {
  it('formats the reference article time whatever the machine zone', () => {
    const d = new Date('2017-09-11T02:13:57Z');
    expect(formatShanghai(d)).toBe('2017-09-11 10:13:57');
    expect(isoShanghai(d)).toBe('2017-09-11T10:13:57+08:00');
    expect(formatShanghai(new Date('2017-09-10T16:00:00Z'))).toBe('2017-09-11 00:00:00');
  });
});

describe('localizeIssue', () => {
  it('re-words generated messages in Chinese and keeps the field path', () => {
    const r = z.object({ org: z.object({ size: z.number() }) }).safeParse({ org: { size: 'x' } });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    const zh = localizeIssue(issue, 'zh');
    expect(zh.field).toBe('org.size');
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
    expect(localizeIssue(issue, 'en').message).toMatch(/expected number/i);
  });
  it('keeps a message the schema author wrote', () => {
    const r = z.string().regex(/^CN-/, 'must be an ISO code').safeParse('x');
    expect(localizeIssue(r.error!.issues[0]!, 'zh').message).toBe('must be an ISO code');
  });
});
