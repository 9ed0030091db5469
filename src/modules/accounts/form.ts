import type { Lang } from '../../lib/i18n.ts';
import type { FormValues } from '../../web/form-parse.ts';
import type { FormErrors } from '../../web/forms.tsx';
import { accountsErr } from './errors.ts';

/** Adds an error on `repeat` when it differs from `field` (password confirmation). */
export function checkRepeat(
  values: FormValues,
  field: string,
  repeat: string,
  errors: FormErrors,
  lang: Lang,
): void {
  if ((values[field] ?? '') !== (values[repeat] ?? '') && !errors[repeat]) {
    errors[repeat] = accountsErr(lang)('passwordsDiffer');
  }
}
