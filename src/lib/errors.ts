import type { Lang } from './i18n.ts';

/** Stable error codes: clients and tests depend on these strings, never on messages. */
export const ERROR_CODES = {
  validation: { status: 400, en: 'Some of what was sent is not valid.', zh: '提交的内容有误。' },
  malformed_json: { status: 400, en: 'The request body is not valid JSON.', zh: '请求体不是有效的 JSON。' },
  csrf: {
    status: 403,
    en: 'The form has expired or did not come from this site. Reload the page and try again.',
    zh: '表单已过期或并非来自本站。请刷新页面后重试。',
  },
  unauthenticated: { status: 401, en: 'Please sign in first.', zh: '请先登录。' },
  forbidden: { status: 403, en: 'You do not have permission to do this.', zh: '您没有执行此操作的权限。' },
  not_found: { status: 404, en: 'We could not find that page.', zh: '找不到该页面。' },
  conflict: { status: 409, en: 'This conflicts with an existing record.', zh: '与已有记录冲突。' },
  payload_too_large: { status: 413, en: 'The request is too large.', zh: '请求内容过大。' },
  unsupported_media_type: {
    status: 415,
    en: 'This content type is not accepted.',
    zh: '不接受此内容类型。',
  },
  throttled: {
    status: 429,
    en: 'Too many attempts. Please wait a while and try again.',
    zh: '尝试次数过多，请稍后再试。',
  },
  invalid_credentials: { status: 401, en: 'Email or password is incorrect.', zh: '电子邮箱或密码不正确。' },
  invalid_token: {
    status: 400,
    en: 'This link is invalid or has expired.',
    zh: '该链接无效或已过期。',
  },
  internal: {
    status: 500,
    en: 'Something went wrong on our side. Please try again later.',
    zh: '服务器出现问题，请稍后再试。',
  },
  unavailable: { status: 503, en: 'The service is not ready.', zh: '服务尚未就绪。' },
} as const satisfies Record<string, { status: number; en: string; zh: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with one field (or query parameter, or line): the path names it, the message says why. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** The only error type use cases throw on purpose; everything else becomes a 500 with no details shown. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message?: string, issues: FieldIssue[] = []) {
    super(message ?? ERROR_CODES[code].en);
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.issues = issues;
  }
}

/** Shorthand for a 400 naming one field. */
export function invalid(field: string, message: string): AppError {
  return new AppError('validation', undefined, [{ field, message }]);
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  errors?: FieldIssue[];
  instance?: string;
}

/** RFC 9457 body for an error in the caller's language; internals of a 500 are never included. */
export function toProblem(err: AppError, lang: Lang, instance?: string): Problem {
  const def = ERROR_CODES[err.code];
  const title = def[lang];
  const problem: Problem = {
    type: `urn:counterpart:error:${err.code}`,
    title,
    status: def.status,
    code: err.code,
  };
  // A custom message is only shown when the thrower wrote it for the user (never for 500s).
  if (err.code !== 'internal' && err.message !== def.en) problem.detail = err.message;
  if (err.issues.length > 0) problem.errors = err.issues;
  if (instance) problem.instance = instance;
  return problem;
}
