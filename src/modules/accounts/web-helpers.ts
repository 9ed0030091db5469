/**
 * A `next` or `back` target that stays on this site: an absolute path, not `//host` or `/\host` (which
 * browsers treat as another site), without control characters. Anything else is dropped.
 */
export function localPath(value: string | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}

/** Appends query parameters to a local path that may already have some. */
export function withQuery(path: string, params: Record<string, string>): string {
  return `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams(params).toString()}`;
}
