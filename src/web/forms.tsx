import type { Child } from 'hono/jsx';
import type { FieldIssue } from '../lib/errors.ts';
import type { Lang } from '../lib/i18n.ts';
import type { FormValues } from './form-parse.ts';

/** Errors keyed by field name, as a form re-rendered after a failed post shows them. */
export type FormErrors = Record<string, string>;

export function errorsByField(issues: FieldIssue[]): FormErrors {
  const out: FormErrors = {};
  for (const issue of issues) out[issue.field] ??= issue.message;
  return out;
}

/** Labels the messages for the summary at the top, which is read apart from the fields. */
export function summaryOf(errors: FormErrors, labels: Record<string, string>, lang: Lang): FormErrors {
  const colon = lang === 'zh' ? '：' : ': ';
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      field,
      labels[field] ? `${labels[field]}${colon}${message}` : message,
    ]),
  );
}

/** The summary at the top of a form that failed: each error links to its field. */
export function ErrorSummary({ title, errors }: { title: string; errors: FormErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{title}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#f-${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children?: Child;
}

/**
 * The attributes of a Field's control: its id (which the label points to), name, and aria-describedby and
 * aria-invalid tying it to the field's hint and error. For controls written out as a Field's children.
 */
export function controlAttrs(props: Pick<FieldProps, 'name' | 'hint' | 'error'>) {
  const id = `f-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return {
    id,
    name: props.name,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': props.error ? ('true' as const) : undefined,
  };
}

/** A labelled field whose hint and error are tied to the control with aria-describedby. */
export function Field(
  props: FieldProps & {
    type?: string;
    value?: string | undefined;
    required?: boolean;
    autocomplete?: string;
  },
) {
  const id = `f-${props.name}`;
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      ) : null}
      {props.children ?? (
        <input
          {...controlAttrs(props)}
          type={props.type ?? 'text'}
          value={props.value}
          required={props.required}
          autocomplete={props.autocomplete}
        />
      )}
    </div>
  );
}

/** A select inside a Field; options are [value, label] pairs. */
export function SelectField(
  props: FieldProps & { value?: string | undefined; options: [string, string][]; required?: boolean },
) {
  return (
    <Field {...props}>
      {/* A select whose first option has a value always has one: `required` would add nothing, and HTML
          allows it only with an empty placeholder first. The field still shows it is required. */}
      <select {...controlAttrs(props)} required={props.required && props.options[0]?.[0] === ''}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A textarea inside a Field. */
export function TextareaField(props: FieldProps & { value?: string | undefined; rows?: number }) {
  return (
    <Field {...props}>
      <textarea {...controlAttrs(props)} rows={props.rows ?? 4}>
        {props.value ?? ''}
      </textarea>
    </Field>
  );
}

/** Reads a url-encoded or multipart form into plain strings (files are ignored here). */
export function formStrings(body: Record<string, string | File | (string | File)[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** Which of a page's several forms failed, with its errors and what was typed, so only that form shows them. */
export interface FailedForm {
  form: string;
  errors: FormErrors;
  values: FormValues;
}

/** The errors and values for the form named `form`: the failed one's, or empty for every other form. */
export function failedIn(
  failed: FailedForm | undefined,
  form: string,
): { errors: FormErrors; values: FormValues } {
  return failed?.form === form ? failed : { errors: {}, values: {} };
}

/** A message for a whole form (an error that names no field). */
export function FormError({ message }: { message: string | undefined }) {
  return message ? (
    <p class="field-error" role="alert">
      {message}
    </p>
  ) : null;
}
