import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../../web/env.ts';
import { parseForm, readForm, tryUseCase } from '../../web/form-parse.ts';
import type { FormErrors } from '../../web/forms.tsx';
import { href, renderPage } from '../../web/layout.tsx';
import { SESSION_COOKIE, setSessionCookie } from '../../web/middleware.ts';
import { isResetTokenUsable, requestPasswordReset, resetPassword, signIn, signOut } from './auth.service.ts';
import { contextOf } from './context.ts';
import { checkRepeat } from './form.ts';
import { accountsMsg } from './messages.ts';
import { ForgotSchema, ResetSchema, SignInSchema } from './schemas.ts';
import { ForgotPage, ForgotSentPage, ResetInvalidPage, ResetPage } from './views/password.tsx';
import { SignInPage } from './views/sign-in.tsx';
import { localPath } from './web-helpers.ts';

/** Sign in and out, and the forgotten-password flow. */
export const authWeb = new Hono<AppEnv>();

type Status = 200 | 400 | 401 | 409 | 429;

function signInPage(
  c: Context<AppEnv>,
  props: { email?: string | undefined; errors?: FormErrors; notice?: 'reset' },
  status: Status = 200,
) {
  const next = localPath(c.req.query('next'));
  return renderPage(
    c,
    {
      title: accountsMsg(c.var.lang)('signInTitle'),
      children: (
        <SignInPage
          lang={c.var.lang}
          csrf={c.var.csrfToken}
          next={next}
          email={props.email}
          errors={props.errors ?? {}}
          notice={props.notice}
        />
      ),
    },
    status,
  );
}

authWeb.get('/sign-in', (c) => {
  if (c.var.user) return c.redirect(localPath(c.req.query('next')) ?? href(c.var.lang, '/account'), 303);
  return signInPage(c, c.req.query('reset') === '1' ? { notice: 'reset' } : {});
});

authWeb.post('/sign-in', async (c) => {
  const lang = c.var.lang;
  const values = await readForm(c);
  const form = parseForm(SignInSchema, values, lang);
  if (!form.ok) return signInPage(c, { email: values.email, errors: form.errors }, 400);
  const result = await tryUseCase(() => signIn(c.var.deps, contextOf(c), form.data), lang, 'email');
  if (!result.ok) return signInPage(c, { email: values.email, errors: result.errors }, result.status);
  setSessionCookie(c, result.value.token);
  return c.redirect(localPath(c.req.query('next')) ?? href(lang, '/'), 303);
});

authWeb.post('/sign-out', async (c) => {
  await signOut(c.var.deps, contextOf(c), getCookie(c, SESSION_COOKIE));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  return c.redirect(href(c.var.lang, '/'), 303);
});

function forgotPage(
  c: Context<AppEnv>,
  email: string | undefined,
  errors: FormErrors,
  status: 200 | 400 = 200,
) {
  const t = accountsMsg(c.var.lang);
  if (c.req.query('sent') === '1' && status === 200) {
    return renderPage(c, { title: t('forgotSentTitle'), children: <ForgotSentPage lang={c.var.lang} /> });
  }
  return renderPage(
    c,
    {
      title: t('forgotTitle'),
      children: <ForgotPage lang={c.var.lang} csrf={c.var.csrfToken} email={email} errors={errors} />,
    },
    status,
  );
}

authWeb.get('/password/forgot', (c) => forgotPage(c, undefined, {}));

authWeb.post('/password/forgot', async (c) => {
  const values = await readForm(c);
  const form = parseForm(ForgotSchema, values, c.var.lang);
  if (!form.ok) return forgotPage(c, values.email, form.errors, 400);
  await requestPasswordReset(c.var.deps, contextOf(c), form.data.email);
  // The same answer whether or not the address has an account.
  return c.redirect(href(c.var.lang, '/password/forgot?sent=1'), 303);
});

function resetPage(c: Context<AppEnv>, errors: FormErrors, status: 200 | 400 = 200) {
  return renderPage(
    c,
    {
      title: accountsMsg(c.var.lang)('resetTitle'),
      children: (
        <ResetPage
          lang={c.var.lang}
          csrf={c.var.csrfToken}
          token={c.req.param('token') ?? ''}
          errors={errors}
        />
      ),
    },
    status,
  );
}

function resetInvalid(c: Context<AppEnv>) {
  const title = accountsMsg(c.var.lang)('resetInvalidTitle');
  return renderPage(c, { title, children: <ResetInvalidPage lang={c.var.lang} /> }, 400);
}

authWeb.get('/password/reset/:token', async (c) => {
  if (!(await isResetTokenUsable(c.var.deps, c.req.param('token')))) return resetInvalid(c);
  return resetPage(c, {});
});

authWeb.post('/password/reset/:token', async (c) => {
  const values = await readForm(c);
  const form = parseForm(ResetSchema, values, c.var.lang);
  const errors = form.ok ? {} : form.errors;
  checkRepeat(values, 'password', 'passwordConfirm', errors, c.var.lang);
  if (!form.ok || Object.keys(errors).length > 0) return resetPage(c, errors, 400);
  try {
    await resetPassword(c.var.deps, contextOf(c), {
      token: c.req.param('token'),
      password: form.data.password,
    });
  } catch (err) {
    // Used up or expired between showing the form and posting it.
    if (err instanceof AppError && err.code === 'invalid_token') return resetInvalid(c);
    throw err;
  }
  return c.redirect(href(c.var.lang, '/sign-in?reset=1'), 303);
});
