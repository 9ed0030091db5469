import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { parseForm, readForm, tryUseCase, type FormValues } from '../../web/form-parse.ts';
import type { FormErrors } from '../../web/forms.tsx';
import { href, renderPage } from '../../web/layout.tsx';
import { setSessionCookie } from '../../web/middleware.ts';
import { findRegion } from '../regions/regions.service.ts';
import { changePassword, getAccount, updateProfile } from './accounts.service.ts';
import { contextOf } from './context.ts';
import { checkRepeat } from './form.ts';
import { accountsMsg } from './messages.ts';
import { PasswordChangeSchema, ProfileSchema } from './schemas.ts';
import { AccountPage } from './views/account.tsx';

/** The signed-in user's own page: profile, password, organisation status. */
export const accountWeb = new Hono<AppEnv>();

const NOTICES = ['profile', 'password', 'registered'] as const;

async function accountPage(
  c: Context<AppEnv>,
  form: { profile?: FormValues; errors?: FormErrors },
  status: 200 | 400 | 429 = 200,
) {
  const { user, organisation } = await getAccount(c.var.deps, contextOf(c));
  const region = user.regionCode ? await findRegion(c.var.deps.db, user.regionCode) : undefined;
  const done = c.req.query('done');
  const lang = c.var.lang;
  return renderPage(
    c,
    {
      title: accountsMsg(lang)('accountTitle'),
      children: (
        <AccountPage
          lang={lang}
          csrf={c.var.csrfToken}
          user={user}
          organisation={organisation}
          regionName={region ? (lang === 'zh' ? region.nameZh : region.nameEn) : undefined}
          profile={form.profile ?? { name: user.name, preferredLang: user.preferredLang }}
          errors={form.errors ?? {}}
          notice={status === 200 ? NOTICES.find((n) => n === done) : undefined}
        />
      ),
    },
    status,
  );
}

accountWeb.get('/account', (c) => accountPage(c, {}));

accountWeb.post('/account', async (c) => {
  const values = await readForm(c);
  const form = parseForm(ProfileSchema, values, c.var.lang);
  if (!form.ok) return accountPage(c, { profile: values, errors: form.errors }, 400);
  await updateProfile(c.var.deps, contextOf(c), form.data);
  return c.redirect(href(c.var.lang, '/account?done=profile'), 303);
});

accountWeb.post('/account/password', async (c) => {
  const lang = c.var.lang;
  const values = await readForm(c);
  const form = parseForm(PasswordChangeSchema, values, lang);
  const errors = form.ok ? {} : form.errors;
  checkRepeat(values, 'newPassword', 'newPasswordConfirm', errors, lang);
  if (!form.ok || Object.keys(errors).length > 0) return accountPage(c, { errors }, 400);
  const result = await tryUseCase(
    () => changePassword(c.var.deps, contextOf(c), form.data),
    lang,
    'currentPassword',
  );
  if (!result.ok) return accountPage(c, { errors: result.errors }, result.status === 429 ? 429 : 400);
  setSessionCookie(c, result.value.token);
  return c.redirect(href(lang, '/account?done=password'), 303);
});
