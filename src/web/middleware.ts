import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { AppError } from '../lib/errors.ts';
import { type Lang } from '../lib/i18n.ts';
import { randomToken, safeEqual } from '../lib/tokens.ts';
import { resolveSession } from '../modules/accounts/sessions.ts';
import { unreadCount } from '../modules/notifications/notifications.service.ts';
import type { AppEnv } from './env.ts';

export const SESSION_COOKIE = 'cp_session';
export const CSRF_COOKIE = 'cp_csrf';
export const LANG_COOKIE = 'cp_lang';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Logs one line per request with its id, status and duration. */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const log = c.var.deps.log.child({ reqId: c.var.requestId });
    c.set('log', log);
    await next();
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}

/** Loads the signed-in user from the session cookie; an unknown or expired cookie is cleared. */
export function sessionLoader(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('user', null);
    c.set('unread', 0);
    if (token) {
      const user = await resolveSession(c.var.deps.db, token, c.var.deps.now());
      if (user) {
        c.set('user', user);
        // Only pages show the count in their navigation; API calls need not pay for it.
        if (c.req.method === 'GET' && !c.req.path.startsWith('/api/')) {
          c.set('unread', await unreadCount(c.var.deps.db, user.id));
        }
      } else deleteCookie(c, SESSION_COOKIE, { path: '/' });
    }
    await next();
  };
}

/** Sets the session cookie with the attributes the deployment needs. */
export function setSessionCookie(c: Parameters<MiddlewareHandler<AppEnv>>[0], token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.secureCookies,
  });
}

/**
 * Double-submit CSRF protection: every state-changing request must echo the `cp_csrf` cookie in the
 * `_csrf` form field or the `X-CSRF-Token` header. SameSite=Lax cookies already stop most cross-site posts;
 * the token also covers same-site attackers and older browsers.
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let token = getCookie(c, CSRF_COOKIE);
    if (!token || !/^[\w-]{43}$/.test(token)) {
      token = randomToken();
      setCookie(c, CSRF_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: c.var.deps.config.secureCookies,
      });
      if (UNSAFE.has(c.req.method)) throw new AppError('csrf');
    }
    c.set('csrfToken', token);
    if (UNSAFE.has(c.req.method)) {
      let sent = c.req.header('x-csrf-token');
      const type = c.req.header('content-type') ?? '';
      if (
        !sent &&
        (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))
      ) {
        const body = await c.req.parseBody();
        sent = typeof body['_csrf'] === 'string' ? body['_csrf'] : undefined;
      }
      if (!sent || !safeEqual(sent, token)) throw new AppError('csrf');
    }
    await next();
  };
}

/** Sets the page language from the `/en` or `/zh` prefix and remembers it for `/`. */
export function pageLang(lang: Lang): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('lang', lang);
    c.set('localPath', c.req.path.slice(3) || '/');
    if (getCookie(c, LANG_COOKIE) !== lang) {
      setCookie(c, LANG_COOKIE, lang, { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600 });
    }
    await next();
  };
}
