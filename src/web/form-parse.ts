import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, ERROR_CODES, type ErrorCode } from '../lib/errors.ts';
import { localizeIssue, type Lang } from '../lib/i18n.ts';
import type { AppEnv } from './env.ts';
import { errorsByField, formStrings, type FailedForm, type FormErrors } from './forms.tsx';
import { shellMsg } from './messages.ts';

/** A posted form's fields as strings, as they are shown again when the form is re-rendered. */
export type FormValues = Record<string, string>;

/** The posted form as strings (the CSRF field dropped). */
export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  const { _csrf: _ignored, ...values } = formStrings(await c.req.parseBody());
  return values;
}

/**
 * Parses form values with a schema. Empty fields count as absent (so optional ones may stay blank);
 * a missing required field says so plainly rather than in zod's type vocabulary.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  values: FormValues,
  lang: Lang,
): { ok: true; data: z.output<S> } | { ok: false; errors: FormErrors } {
  const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
  const result = schema.safeParse(present);
  if (result.success) return { ok: true, data: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    errors[field] ??= present[field] === undefined ? shellMsg(lang)('required') : fieldMessage(issue, lang);
  }
  return { ok: false, errors };
}

/** Length limits in words people use; everything else as zod words it, in the page's language. */
function fieldMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  const t = shellMsg(lang);
  if (issue.code === 'too_small' && issue.origin === 'string')
    return t('minChars', { min: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'string')
    return t('maxChars', { max: Number(issue.maximum) });
  return localizeIssue(issue, lang).message;
}

/** Errors a form shows beside its fields; others (403, 404, …) go to the error page. */
const FORM_CODES = new Set<ErrorCode>([
  'validation',
  'conflict',
  'invalid_credentials',
  'throttled',
  'invalid_token',
]);

export type FormFailureStatus = 400 | 401 | 409 | 429;

/**
 * Turns a use case's AppError into field errors for re-rendering the form: its issues, or its message on
 * `fallbackField`. Rethrows anything else.
 */
export function formErrorsOf(
  err: unknown,
  lang: Lang,
  fallbackField: string,
): { errors: FormErrors; status: FormFailureStatus } {
  if (!(err instanceof AppError) || !FORM_CODES.has(err.code)) throw err;
  const errors = errorsByField(err.issues);
  if (err.issues.length === 0) {
    const def = ERROR_CODES[err.code];
    // A custom message was written by the use case in the caller's language; else the code's own title.
    errors[fallbackField] = err.message !== def.en ? err.message : def[lang];
  }
  return { errors, status: err.status as FormFailureStatus };
}

/**
 * Runs a use case for a form: its value, or (through formErrorsOf) the field errors and status to
 * re-render the form with. An error without issues goes on `fallbackField`.
 */
export async function tryUseCase<T>(
  fn: () => Promise<T>,
  lang: Lang,
  fallbackField = 'form',
): Promise<{ ok: true; value: T } | { ok: false; errors: FormErrors; status: FormFailureStatus }> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    return { ok: false, ...formErrorsOf(err, lang, fallbackField) };
  }
}

/**
 * Posts one of a record page's forms to its use case: on success a 303 to `next(values)` (the page with its
 * notice), else the page again through `again`, with the errors shown on `form` (409 for a conflict, else
 * 400; 403 and 404 go to the error page).
 */
export async function submitPageForm(
  c: Context<AppEnv>,
  form: string,
  run: (values: FormValues) => Promise<unknown>,
  next: (values: FormValues) => string,
  again: (failed: FailedForm, status: 400 | 409) => Promise<Response>,
): Promise<Response> {
  const values = await readForm(c);
  const result = await tryUseCase(() => run(values), c.var.lang);
  if (!result.ok) return again({ form, errors: result.errors, values }, result.status === 409 ? 409 : 400);
  return c.redirect(next(values), 303);
}
