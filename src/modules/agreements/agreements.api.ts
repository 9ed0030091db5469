/** `/api/v1/agreements…`: record, list, read, confirm, add documents to and download from agreements. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { invalid } from '../../lib/errors.ts';
import { isoShanghai, type Lang } from '../../lib/i18n.ts';
import { json, newApi, problemResponses, requireUser } from '../../web/api.ts';
import type { AppEnv } from '../../web/env.ts';
import { contextOf } from '../accounts/context.ts';
import { downloadHeaders } from '../files/files.service.ts';
import * as service from './agreements.service.ts';
import { AgreementInput } from './fields.ts';
import { AGREEMENT_TYPES } from './kinds.ts';

export const agreementsApi = newApi();

const Time = z.string().openapi({ format: 'date-time', example: '2018-05-21T09:30:00+08:00' });
const Day = z.string().openapi({ format: 'date', example: '2018-05-20' });
const Files = z
  .any()
  .optional()
  .openapi({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'PDF or images' });

const Party = z.object({
  orgId: z.uuid(),
  name: z.string().openapi({ description: "The name in the caller's language" }),
  nameZh: z.string(),
  nameEn: z.string(),
  region: z.string().openapi({ example: 'CN-JL' }),
});

const AgreementItem = z
  .object({
    id: z.uuid(),
    type: z.enum(AGREEMENT_TYPES),
    title: z.string(),
    language: z.enum(['zh', 'en']),
    valueCny: z.number().nullable(),
    signedOn: Day,
    parties: z.array(Party),
    confirmed: z.boolean().openapi({ description: "Every party's region has confirmed it" }),
    awaitingRegions: z.array(z.string()),
    url: z.string().openapi({ example: '/en/agreements/…' }),
  })
  .openapi('AgreementItem');

const Document = z
  .object({
    id: z.uuid(),
    name: z.string(),
    bytes: z.number().int(),
    mediaType: z.string(),
    confidential: z.boolean(),
    uploadedAt: Time,
    url: z.string().openapi({ description: 'Download (API path)' }),
  })
  .openapi('AgreementDocument');

const Agreement = z
  .object({
    id: z.uuid(),
    type: z.enum(AGREEMENT_TYPES),
    title: z.string(),
    summary: z.string(),
    language: z.enum(['zh', 'en']),
    valueCny: z.number().nullable(),
    signedOn: Day,
    signedPlace: z.string(),
    status: z.enum(['awaiting_confirmation', 'confirmed']),
    parties: z.array(Party),
    confirmations: z.array(
      z.object({
        region: z.string(),
        confirmedBy: z.object({ id: z.uuid().nullable(), name: z.string() }),
        confirmedAt: Time,
      }),
    ),
    awaitingRegions: z.array(z.string()),
    documents: z.array(Document),
    sources: z.object({
      interests: z.array(
        z.object({
          id: z.uuid(),
          status: z.string(),
          listing: z.object({ ref: z.string(), title: z.string() }).nullable(),
        }),
      ),
      listings: z.array(z.object({ ref: z.string(), title: z.string(), language: z.string() })),
    }),
    createdAt: Time,
    updatedAt: Time,
    url: z.string(),
  })
  .openapi('Agreement');

type Json<T extends z.ZodType> = z.infer<T>;

function presentParty(p: service.AgreementItem['parties'][number], lang: Lang): Json<typeof Party> {
  return {
    orgId: p.orgId,
    name: lang === 'zh' ? p.nameZh : p.nameEn,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    region: p.regionCode,
  };
}

function presentItem(i: service.AgreementItem, lang: Lang): Json<typeof AgreementItem> {
  return {
    id: i.id,
    type: i.type,
    title: i.title,
    language: i.language,
    valueCny: i.valueCny,
    signedOn: i.signedOn,
    parties: i.parties.map((p) => presentParty(p, lang)),
    confirmed: i.confirmed,
    awaitingRegions: i.awaitingRegions,
    url: `/${lang}/agreements/${i.id}`,
  };
}

function presentDocument(agreementId: string, d: service.AgreementView['documents'][number]) {
  return {
    id: d.fileId,
    name: d.name,
    bytes: d.bytes,
    mediaType: d.mediaType,
    confidential: d.confidential,
    uploadedAt: isoShanghai(d.uploadedAt),
    url: `/api/v1/agreements/${agreementId}/documents/${d.fileId}`,
  };
}

function presentAgreement(v: service.AgreementView, lang: Lang): Json<typeof Agreement> {
  const a = v.agreement;
  return {
    id: a.id,
    type: a.type,
    title: a.title,
    summary: a.summary,
    language: a.language,
    valueCny: a.valueCny,
    signedOn: a.signedOn,
    signedPlace: a.signedPlace,
    status: v.status,
    parties: v.parties.map((p) => presentParty(p, lang)),
    confirmations: v.confirmations.map((c) => ({
      region: c.regionCode,
      confirmedBy: { id: c.confirmedBy, name: c.confirmerName },
      confirmedAt: isoShanghai(c.confirmedAt),
    })),
    awaitingRegions: v.awaitingRegions,
    documents: v.documents.map((d) => presentDocument(a.id, d)),
    sources: {
      interests: v.sources.interests.map((i) => ({
        id: i.id,
        status: i.status,
        listing: i.listing ? { ref: i.listing.ref, title: i.listing.title } : null,
      })),
      listings: v.sources.listings.map((l) => ({ ref: l.ref, title: l.title, language: l.language })),
    },
    createdAt: isoShanghai(a.createdAt),
    updatedAt: isoShanghai(a.updatedAt),
    url: `/${lang}/agreements/${a.id}`,
  };
}

async function present(c: Context<AppEnv>, id: string) {
  const ctx = contextOf(c);
  return presentAgreement(await service.getAgreement(c.var.deps, ctx, id), ctx.lang);
}

const IdParam = z.object({ id: z.string().min(1).max(100) });

/** The files of a multipart request's `documents` field (one or several). */
async function filesOf(c: Context<AppEnv>): Promise<File[]> {
  const body = await c.req.parseBody({ all: true });
  return [body.documents ?? []].flat().filter((f): f is File => f instanceof File);
}

agreementsApi.openapi(
  createRoute({
    method: 'post',
    path: '/agreements',
    tags: ['Agreements'],
    summary: 'Record a signed agreement between two or more organisations',
    description:
      'A member of a party, a coordinator of a party’s region (who thereby confirms for it) or an admin. ' +
      'Send JSON, or multipart/form-data with the JSON in `data` and the documents in `documents`.',
    request: {
      body: {
        content: {
          'application/json': { schema: AgreementInput },
          'multipart/form-data': {
            schema: z.object({
              data: z.string().openapi({ description: 'An AgreementInput as JSON' }),
              documents: Files,
            }),
          },
        },
        required: false,
      },
    },
    responses: { 201: json(Agreement, 'Recorded'), ...problemResponses(400, 401, 403) },
  }),
  async (c) => {
    requireUser(c);
    const ctx = contextOf(c);
    let input: unknown;
    let files: File[] = [];
    if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
      const { data } = c.req.valid('form') as { data: string };
      try {
        input = JSON.parse(data);
      } catch {
        throw invalid('data', ctx.lang === 'zh' ? '不是有效的 JSON' : 'Not valid JSON');
      }
      files = await filesOf(c);
    } else {
      input = c.req.valid('json');
    }
    const a = await service.recordAgreement(c.var.deps, ctx, input as AgreementInput, files);
    return c.json(await present(c, a.id), 201);
  },
);

agreementsApi.openapi(
  createRoute({
    method: 'get',
    path: '/agreements',
    tags: ['Agreements'],
    summary: "The agreements of the caller's organisation (members) or region (coordinators); admins all",
    request: {
      query: z.object({
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
    },
    responses: {
      200: json(
        z.object({
          items: z.array(AgreementItem),
          total: z.number().int(),
          page: z.number().int(),
          pageSize: z.number().int(),
        }),
        'Agreements, latest signed first',
      ),
      ...problemResponses(400, 401),
    },
  }),
  async (c) => {
    requireUser(c);
    const ctx = contextOf(c);
    const q = c.req.valid('query');
    const data = await service.listAgreements(c.var.deps, ctx, q);
    return c.json({ ...q, items: data.rows.map((r) => presentItem(r, ctx.lang)), total: data.total }, 200);
  },
);

agreementsApi.openapi(
  createRoute({
    method: 'get',
    path: '/agreements/{id}',
    tags: ['Agreements'],
    summary: 'An agreement: parties, confirmations, documents and sources (parties and their coordinators)',
    request: { params: IdParam },
    responses: { 200: json(Agreement, 'The agreement'), ...problemResponses(401, 404) },
  }),
  async (c) => {
    requireUser(c);
    return c.json(await present(c, c.req.valid('param').id), 200);
  },
);

agreementsApi.openapi(
  createRoute({
    method: 'post',
    path: '/agreements/{id}/confirm',
    tags: ['Agreements'],
    summary: "Confirm an agreement for a party's region (its coordinators; admins name the region)",
    request: {
      params: IdParam,
      body: {
        content: {
          'application/json': {
            schema: z.strictObject({
              regionCode: z
                .string()
                .regex(/^CN-[A-Z]{2}$/)
                .optional(),
            }),
          },
        },
        required: false,
      },
    },
    responses: { 200: json(Agreement, 'Confirmed'), ...problemResponses(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json') as { regionCode?: string } | undefined;
    await service.confirmAgreement(c.var.deps, contextOf(c), id, body?.regionCode);
    return c.json(await present(c, id), 200);
  },
);

agreementsApi.openapi(
  createRoute({
    method: 'post',
    path: '/agreements/{id}/documents',
    tags: ['Agreements'],
    summary: 'Add documents (PDF or images, 10 MB each, 5 at a time) to an agreement',
    request: {
      params: IdParam,
      body: {
        content: {
          'multipart/form-data': {
            schema: z.object({
              documents: Files,
              confidential: z.enum(['true', 'false']).optional().openapi({ description: 'Default true' }),
            }),
          },
        },
        required: true,
      },
    },
    responses: {
      201: json(z.object({ documents: z.array(Document) }), 'Added'),
      ...problemResponses(400, 401, 403, 404),
    },
  }),
  async (c) => {
    requireUser(c);
    const { id } = c.req.valid('param');
    const confidential = c.req.valid('form').confidential !== 'false';
    const stored = await service.addDocuments(c.var.deps, contextOf(c), id, await filesOf(c), confidential);
    const documents = stored.map((f) =>
      presentDocument(id, {
        fileId: f.id,
        name: f.name,
        bytes: f.bytes,
        mediaType: f.mediaType,
        confidential,
        uploadedAt: f.createdAt,
      }),
    );
    return c.json({ documents }, 201);
  },
);

agreementsApi.openapi(
  createRoute({
    method: 'get',
    path: '/agreements/{id}/documents/{fileId}',
    tags: ['Agreements'],
    summary: 'Download a document of an agreement (for those who see the agreement)',
    request: { params: IdParam.extend({ fileId: z.string().min(1).max(100) }) },
    responses: {
      200: {
        description: 'The document, as an attachment',
        content: {
          'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
          'image/*': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
      ...problemResponses(401, 404),
    },
  }),
  async (c) => {
    requireUser(c);
    const { id, fileId } = c.req.valid('param');
    const { file, bytes } = await service.agreementDocument(c.var.deps, contextOf(c), id, fileId);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, downloadHeaders(file));
  },
);
