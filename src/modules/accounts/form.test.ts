import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import { formErrorsOf, parseForm } from '../../web/form-parse.ts';
import { checkRepeat } from './form.ts';
import { RegistrationSchema } from './schemas.ts';

describe('parseForm', () => {
  it('treats blank optional fields as absent and says plainly when a required one is missing', () => {
    const result = parseForm(
      RegistrationSchema,
      { nameZh: '甲', nameEn: ' ', website: '', areaCode: '' },
      'en',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.nameEn).toBe('This field is required.');
    expect(result.errors.website).toBeUndefined();
    expect(result.errors.areaCode).toBeUndefined();
    expect(result.errors.email).toBe('This field is required.');
  });

  it('words other problems in the page language', () => {
    const result = parseForm(RegistrationSchema, { website: 'ftp://x.cn' }, 'zh');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.website).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('formErrorsOf', () => {
  it('puts a use case error without issues on the fallback field, in the page language', () => {
    expect(formErrorsOf(new AppError('throttled'), 'zh', 'email')).toEqual({
      errors: { email: '尝试次数过多，请稍后再试。' },
      status: 429,
    });
  });

  it('rethrows errors that belong on an error page', () => {
    expect(() => formErrorsOf(new AppError('forbidden'), 'en', 'email')).toThrow(AppError);
    expect(() => formErrorsOf(new Error('boom'), 'en', 'email')).toThrow('boom');
  });
});

describe('checkRepeat', () => {
  it('flags a confirmation that differs', () => {
    const errors = {};
    checkRepeat({ password: 'a', passwordConfirm: 'b' }, 'password', 'passwordConfirm', errors, 'en');
    expect(errors).toEqual({ passwordConfirm: 'The two passwords do not match.' });
  });
});
