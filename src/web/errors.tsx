import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, ERROR_CODES, toProblem } from '../lib/errors.ts';
import { isLang, negotiateLang, type Lang } from '../lib/i18n.ts';
import type { AppEnv } from './env.ts';
import { href, renderPage } from './layout.tsx';
import { shellMsg } from './messages.ts';

/** Maps anything thrown to an AppError; unknown errors become `internal` and keep no message. */
export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('payload_too_large');
    if (err.status === 404) return new AppError('not_found');
    if (err.status === 400 && /json/i.test(err.message)) return new AppError('malformed_json');
    if (err.status === 400) return new AppError('validation', err.message || undefined);
    if (err.status === 401) return new AppError('unauthenticated');
    if (err.status === 403) return new AppError('forbidden');
    if (err.status === 415) return new AppError('unsupported_media_type');
  }
  return new AppError('internal');
}

/** The caller's language: the page prefix, else the signed-in user's choice, else Accept-Language. */
function callerLang(c: Context<AppEnv>): Lang {
  const fromPath = c.req.path.split('/')[1];
  if (isLang(fromPath)) return fromPath;
  return c.var.user?.preferredLang ?? negotiateLang(c.req.header('accept-language')) ?? 'en';
}

/** The one place errors become responses: problem+json under /api, a bilingual page elsewhere. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const appErr = asAppError(err);
  if (appErr.code === 'internal') {
    (c.var.log ?? c.var.deps.log).error({ err }, 'unhandled error');
  }
  return respondError(c, appErr);
};

export const notFound: NotFoundHandler<AppEnv> = (c) => respondError(c, new AppError('not_found'));

function respondError(c: Context<AppEnv>, err: AppError) {
  const lang = callerLang(c);
  if (c.req.path.startsWith('/api/')) {
    const problem = toProblem(err, lang, c.req.path);
    return c.body(JSON.stringify(problem), err.status as 400, {
      'Content-Type': 'application/problem+json; charset=utf-8',
    });
  }
  if (!c.var.lang) c.set('lang', lang);
  if (!c.var.localPath) c.set('localPath', '/');
  if (c.var.user === undefined) c.set('user', null);
  if (c.var.csrfToken === undefined) c.set('csrfToken', '');
  if (err.code === 'unauthenticated' && c.req.method === 'GET') {
    return c.redirect(href(lang, `/sign-in?next=${encodeURIComponent(c.req.path)}`), 303);
  }
  const t = shellMsg(lang);
  const def = ERROR_CODES[err.code];
  const problem = toProblem(err, lang);
  return renderPage(
    c,
    {
      title: t('errorTitle', { status: def.status }),
      children: (
        <section class="error-page">
          <h1>{problem.title}</h1>
          {problem.detail ? <p>{problem.detail}</p> : null}
          {problem.errors ? (
            <>
              <p>{t('errorFields')}</p>
              <ul class="error-list">
                {problem.errors.map((e) => (
                  <li>
                    <code>{e.field}</code>: {e.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <a href={href(lang, '/')}>{t('errorBackHome')}</a>
          </p>
          {err.code === 'internal' ? (
            <p class="muted">{t('errorRequestId', { id: c.var.requestId })}</p>
          ) : null}
        </section>
      ),
    },
    def.status as 400,
  );
}
