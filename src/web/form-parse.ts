import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../lib/errors.ts';
import { localizeIssue } from '../lib/i18n.ts';
import type { AppEnv } from './env.ts';
import { errorsByField, formStrings, type FormErrors } from './forms.tsx';

export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FormErrors; values: Record<string, string> };

/** Parses a posted form with a schema; errors come back per field in the page's language. */
export async function parseForm<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<FormResult<z.infer<S>>> {
  const values = formStrings(await c.req.parseBody());
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return {
    ok: false,
    values,
    errors: errorsByField(parsed.error.issues.map((i) => localizeIssue(i, c.var.lang))),
  };
}

/** Runs a use case for a form; a validation error becomes field errors for the re-rendered form. */
export async function tryUseCase<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; errors: FormErrors }> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict')) {
      const errors = err.issues.length > 0 ? errorsByField(err.issues) : { form: err.message };
      return { ok: false, errors };
    }
    throw err;
  }
}
