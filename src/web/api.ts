import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../lib/errors.ts';
import { localizeIssues, negotiateLang } from '../lib/i18n.ts';
import type { AppEnv } from './env.ts';

/** A router for JSON routes: validation failures become one `validation` problem naming every field. */
export function newApi(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const lang = c.var.user?.preferredLang ?? negotiateLang(c.req.header('accept-language')) ?? 'en';
        const issues = localizeIssues(result.error.issues, lang);
        throw new AppError('validation', undefined, issues);
      }
    },
  });
}

/** The problem+json schema every error response shares, for the OpenAPI document. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    instance: z.string().optional(),
  })
  .openapi('Problem');

/** Standard error responses to spread into a route's `responses`. */
export function problemResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 429)[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: 'Error', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  ) as Record<
    number,
    { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }
  >;
}

/** The signed-in user or a 401 problem: the first line of an authenticated use case's route. */
export function requireUser(c: Context<AppEnv>) {
  const user = c.var.user;
  if (!user) throw new AppError('unauthenticated');
  return user;
}

/** A route's JSON response for the OpenAPI document: `responses: { 200: json(Schema, 'What it is') }`. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A route's required JSON request body for the OpenAPI document. */
export const body = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

/**
 * A file download's 200 response for the OpenAPI document: one binary body per media type (parameters such
 * as `; charset=utf-8` dropped), e.g. `fileResponse(['csv', 'xlsx'], EXPORT_MEDIA_TYPES)`.
 */
export function fileResponse<F extends string>(
  formats: readonly F[],
  mediaTypes: Record<F, string>,
  description = 'The export, as an attachment',
) {
  return {
    description,
    content: Object.fromEntries(
      formats.map((f) => [
        mediaTypes[f].split(';')[0]!,
        { schema: z.string().openapi({ format: 'binary' }) },
      ]),
    ),
  };
}
