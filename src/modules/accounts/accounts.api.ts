import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie } from 'hono/cookie';
import { body, json, newApi, problemResponses } from '../../web/api.ts';
import { SESSION_COOKIE, setSessionCookie } from '../../web/middleware.ts';
import { AuditListQuery, AuditPageSchema, presentAuditEntry } from '../audit/audit.presenter.ts';
import { browseAudit } from '../audit/audit.service.ts';
import { getAccount } from './accounts.service.ts';
import { signIn, signOut } from './auth.service.ts';
import { contextOf } from './context.ts';
import * as orgs from './organisations.service.ts';
import { presentOrganisation, presentUser } from './presenters.ts';
import {
  CsrfSchema,
  IdParam,
  OrganisationListQuery,
  OrganisationPageSchema,
  OrganisationSchema,
  RegistrationResultSchema,
  RegistrationSchema,
  SignInSchema,
  UserSchema,
} from './schemas.ts';

/** Sign-in, the current user, organisations and the audit log as JSON, under /api/v1. */
export const accountsApi = newApi();

const PAGE_SIZE = 20;

accountsApi.openapi(
  createRoute({
    method: 'get',
    path: '/csrf',
    tags: ['Auth'],
    summary: 'The CSRF token to send as X-CSRF-Token with every write (sets the matching cookie)',
    responses: { 200: json(CsrfSchema, 'Token') },
  }),
  (c) => c.json({ token: c.var.csrfToken }, 200),
);

accountsApi.openapi(
  createRoute({
    method: 'post',
    path: '/auth/sign-in',
    tags: ['Auth'],
    summary: 'Sign in; the session travels in an HttpOnly cookie',
    request: { body: body(SignInSchema) },
    responses: {
      200: json(z.object({ user: UserSchema }), 'Signed in'),
      ...problemResponses(400, 401, 403, 429),
    },
  }),
  async (c) => {
    const { token, user, orgStatus } = await signIn(c.var.deps, contextOf(c), c.req.valid('json'));
    setSessionCookie(c, token);
    return c.json({ user: presentUser(user, orgStatus) }, 200);
  },
);

accountsApi.openapi(
  createRoute({
    method: 'post',
    path: '/auth/sign-out',
    tags: ['Auth'],
    summary: 'End the current session',
    responses: { 204: { description: 'Signed out' }, ...problemResponses(403) },
  }),
  async (c) => {
    await signOut(c.var.deps, contextOf(c), getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  },
);

accountsApi.openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags: ['Auth'],
    summary: 'The signed-in user',
    responses: { 200: json(UserSchema, 'The user'), ...problemResponses(401) },
  }),
  async (c) => {
    const { user, organisation } = await getAccount(c.var.deps, contextOf(c));
    return c.json(presentUser(user, organisation?.status ?? null), 200);
  },
);

accountsApi.openapi(
  createRoute({
    method: 'post',
    path: '/organisations',
    tags: ['Organisations'],
    summary: 'Register an organisation with its first member; it stays pending until approved',
    request: { body: body(RegistrationSchema) },
    responses: { 201: json(RegistrationResultSchema, 'Registered'), ...problemResponses(400, 403, 409) },
  }),
  async (c) => {
    const { organisation, user } = await orgs.registerOrganisation(
      c.var.deps,
      contextOf(c),
      c.req.valid('json'),
    );
    return c.json(
      { organisation: presentOrganisation(organisation), user: presentUser(user, organisation.status) },
      201,
    );
  },
);

accountsApi.openapi(
  createRoute({
    method: 'get',
    path: '/organisations',
    tags: ['Organisations'],
    summary: 'Approved organisations; coordinators (own region) and admins may ask for other statuses',
    request: { query: OrganisationListQuery },
    responses: {
      200: json(OrganisationPageSchema, 'A page of organisations'),
      ...problemResponses(400, 401, 403),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const page = await orgs.listOrganisations(c.var.deps, contextOf(c), {
      statuses: q.status ? [q.status] : undefined,
      regionCode: q.region,
      page: q.page,
      pageSize: PAGE_SIZE,
    });
    return c.json(
      {
        items: page.rows.map(presentOrganisation),
        page: page.page,
        pageSize: page.pageSize,
        total: page.total,
      },
      200,
    );
  },
);

accountsApi.openapi(
  createRoute({
    method: 'get',
    path: '/organisations/{id}',
    tags: ['Organisations'],
    summary: 'One organisation (pending ones only for their members, their coordinators and admins)',
    request: { params: IdParam },
    responses: { 200: json(OrganisationSchema, 'The organisation'), ...problemResponses(404) },
  }),
  async (c) => {
    const view = await orgs.getOrganisation(c.var.deps, contextOf(c), c.req.valid('param').id);
    return c.json(presentOrganisation(view.organisation), 200);
  },
);

for (const verb of ['approve', 'suspend'] as const) {
  accountsApi.openapi(
    createRoute({
      method: 'post',
      path: `/organisations/{id}/${verb}`,
      tags: ['Organisations'],
      summary:
        verb === 'approve'
          ? 'Approve an organisation (admins, or the coordinator of its region)'
          : 'Suspend an organisation (admins, or the coordinator of its region)',
      request: { params: IdParam },
      responses: {
        200: json(OrganisationSchema, 'The organisation after the change'),
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const run = verb === 'approve' ? orgs.approveOrganisation : orgs.suspendOrganisation;
      const org = await run(c.var.deps, contextOf(c), c.req.valid('param').id);
      return c.json(presentOrganisation(org), 200);
    },
  );
}

accountsApi.openapi(
  createRoute({
    method: 'get',
    path: '/audit',
    tags: ['Audit'],
    summary: 'The audit log, newest first (administrators)',
    request: { query: AuditListQuery },
    responses: { 200: json(AuditPageSchema, 'A page of entries'), ...problemResponses(400, 401, 403) },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const result = await browseAudit(c.var.deps.db, c.var.user, { ...q, pageSize: 50 });
    return c.json(
      { items: result.rows.map(presentAuditEntry), page: q.page, pageSize: 50, total: result.total },
      200,
    );
  },
);
