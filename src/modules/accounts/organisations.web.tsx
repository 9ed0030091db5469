import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../../web/env.ts';
import { parseForm, readForm, tryUseCase, type FormValues } from '../../web/form-parse.ts';
import type { FormErrors } from '../../web/forms.tsx';
import { href, renderPage } from '../../web/layout.tsx';
import { setSessionCookie } from '../../web/middleware.ts';
import { findRegion, regionTree } from '../regions/regions.service.ts';
import { contextOf } from './context.ts';
import { checkRepeat } from './form.ts';
import { orgsMsg } from './messages.ts';
import {
  approveOrganisation,
  getOrganisation,
  listOrganisations,
  registerOrganisation,
  suspendOrganisation,
} from './organisations.service.ts';
import { authorize, canReviewOrganisations } from './policy.ts';
import { orgName } from './presenters.ts';
import { RegistrationSchema } from './schemas.ts';
import { ORG_STATUSES } from './schema.ts';
import { OrganisationPage } from './views/organisation.tsx';
import { RegisterPage } from './views/register.tsx';
import { ReviewPage, type ReviewFilter } from './views/review.tsx';
import { localPath, withQuery } from './web-helpers.ts';

/** Registration, the organisation page, and the coordinators' review queue. */
export const organisationsWeb = new Hono<AppEnv>();

const PAGE_SIZE = 25;

async function registerPage(
  c: Context<AppEnv>,
  values: FormValues,
  errors: FormErrors,
  status: 200 | 400 | 409 = 200,
) {
  const tree = await regionTree(c.var.deps.db);
  return renderPage(
    c,
    {
      title: orgsMsg(c.var.lang)('registerTitle'),
      children: (
        <RegisterPage lang={c.var.lang} csrf={c.var.csrfToken} tree={tree} values={values} errors={errors} />
      ),
    },
    status,
  );
}

organisationsWeb.get('/register', (c) => registerPage(c, {}, {}));

organisationsWeb.post('/register', async (c) => {
  const lang = c.var.lang;
  const values = await readForm(c);
  const { password: _p, passwordConfirm: _c, ...shown } = values;
  const form = parseForm(RegistrationSchema, values, lang);
  const errors = form.ok ? {} : form.errors;
  checkRepeat(values, 'password', 'passwordConfirm', errors, lang);
  // Passwords are never sent back into the page.
  if (!form.ok || Object.keys(errors).length > 0) return registerPage(c, shown, errors, 400);
  const result = await tryUseCase(
    () => registerOrganisation(c.var.deps, contextOf(c), form.data, { signIn: true }),
    lang,
    'nameEn',
  );
  if (!result.ok) return registerPage(c, shown, result.errors, result.status === 409 ? 409 : 400);
  if (result.value.sessionToken) setSessionCookie(c, result.value.sessionToken);
  return c.redirect(href(lang, '/account?done=registered'), 303);
});

const Done = z.enum(['approved', 'suspended']).optional().catch(undefined);

organisationsWeb.get('/organisations/:id', async (c) => {
  const view = await getOrganisation(c.var.deps, contextOf(c), c.req.param('id'));
  const org = view.organisation;
  const [region, area] = await Promise.all([
    findRegion(c.var.deps.db, org.regionCode),
    org.areaCode ? findRegion(c.var.deps.db, org.areaCode) : undefined,
  ]);
  return renderPage(c, {
    title: orgName(org, c.var.lang),
    children: (
      <OrganisationPage
        lang={c.var.lang}
        csrf={c.var.csrfToken}
        view={view}
        region={region}
        area={area}
        done={view.canReview ? Done.parse(c.req.query('done')) : undefined}
      />
    ),
  });
});

const ReviewQuery = z.object({
  status: z.enum([...ORG_STATUSES, 'all']).catch('pending'),
  region: z.string().max(16).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

organisationsWeb.get('/coordinator/organisations', async (c) => {
  const ctx = contextOf(c);
  authorize(ctx.viewer, canReviewOrganisations(ctx.viewer));
  const q = ReviewQuery.parse(c.req.query());
  const filter: ReviewFilter = { status: q.status, region: q.region || undefined, page: q.page };
  const isCoordinator = ctx.viewer?.role === 'coordinator';
  const result = await listOrganisations(c.var.deps, ctx, {
    statuses: filter.status === 'all' ? [...ORG_STATUSES] : [filter.status],
    regionCode: isCoordinator ? undefined : filter.region,
    page: filter.page,
    pageSize: PAGE_SIZE,
  });
  const tree = await regionTree(c.var.deps.db);
  const provinces = tree.map((n) => n.province);
  const ownRegion = isCoordinator ? provinces.find((p) => p.code === ctx.viewer?.regionCode) : undefined;
  const doneOrg = c.req.query('org');
  const verb = Done.parse(c.req.query('done'));
  const done = verb && doneOrg ? await doneNotice(c, verb, doneOrg) : undefined;
  return renderPage(c, {
    title: orgsMsg(c.var.lang)('reviewTitle'),
    children: (
      <ReviewPage
        lang={c.var.lang}
        csrf={c.var.csrfToken}
        ownRegion={ownRegion}
        provinces={provinces}
        filter={filter}
        rows={result.rows}
        total={result.total}
        pageSize={PAGE_SIZE}
        done={done}
      />
    ),
  });
});

/** The confirmation after a review action names the organisation, read again rather than echoed from the URL. */
async function doneNotice(c: Context<AppEnv>, verb: 'approved' | 'suspended', id: string) {
  try {
    const { organisation } = await getOrganisation(c.var.deps, contextOf(c), id);
    return { verb, name: orgName(organisation, c.var.lang) };
  } catch (err) {
    if (err instanceof AppError) return undefined;
    throw err;
  }
}

for (const verb of ['approve', 'suspend'] as const) {
  organisationsWeb.post(`/coordinator/organisations/:id/${verb}`, async (c) => {
    const id = c.req.param('id');
    const run = verb === 'approve' ? approveOrganisation : suspendOrganisation;
    await run(c.var.deps, contextOf(c), id);
    const back = localPath((await readForm(c)).back) ?? '/coordinator/organisations';
    const done = verb === 'approve' ? 'approved' : 'suspended';
    return c.redirect(withQuery(href(c.var.lang, back), { done, org: id }), 303);
  });
}
