import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { json, newApi, problemResponses } from '../../web/api.ts';
import type { AppEnv } from '../../web/env.ts';
import type { RegionRow } from './regions.repo.ts';
import * as regions from './regions.service.ts';

export const regionsApi = newApi();

const Region = z
  .object({
    code: z.string().openapi({ example: 'CN-JL' }),
    gbCode: z.string().openapi({ example: '220000' }),
    level: z.enum(['province', 'prefecture']),
    parentCode: z.string().nullable(),
    nameZh: z.string(),
    nameEn: z.string(),
  })
  .openapi('Region');

const Pairing = z
  .object({
    id: z.number().int(),
    kind: z.enum(['cooperation', 'assistance']),
    since: z.string().openapi({ format: 'date' }),
    noteEn: z.string(),
    noteZh: z.string(),
    a: Region,
    b: Region,
  })
  .openapi('Pairing');

function presentRegion(r: RegionRow): z.infer<typeof Region> {
  return {
    code: r.code,
    gbCode: r.gbCode,
    level: r.level,
    parentCode: r.parentCode,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
  };
}

function presentPairing(p: regions.PairingView): z.infer<typeof Pairing> {
  return {
    id: p.id,
    kind: p.kind,
    since: p.since,
    noteEn: p.noteEn,
    noteZh: p.noteZh,
    a: presentRegion(p.a),
    b: presentRegion(p.b),
  };
}

function ctx(c: Context<AppEnv>) {
  return { db: c.var.deps.db, user: c.var.user, requestId: c.var.requestId };
}

regionsApi.openapi(
  createRoute({
    method: 'get',
    path: '/regions',
    tags: ['Regions'],
    summary: 'All regions: provinces (ISO 3166-2) and prefecture-level divisions (GB/T 2260)',
    request: {
      query: z.object({
        level: z.enum(['province', 'prefecture']).optional(),
        parent: z.string().optional().openapi({ description: 'ISO code of the province' }),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(Region) }), 'Regions'), ...problemResponses(400) },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const rows = (await regions.listRegions(c.var.deps.db)).filter(
      (r) => (!q.level || r.level === q.level) && (!q.parent || r.parentCode === q.parent),
    );
    return c.json({ items: rows.map(presentRegion) }, 200);
  },
);

regionsApi.openapi(
  createRoute({
    method: 'get',
    path: '/regions/{code}',
    tags: ['Regions'],
    request: { params: z.object({ code: z.string() }) },
    responses: { 200: json(Region, 'The region'), ...problemResponses(404) },
  }),
  async (c) => c.json(presentRegion(await regions.getRegion(c.var.deps.db, c.req.valid('param').code)), 200),
);

regionsApi.openapi(
  createRoute({
    method: 'get',
    path: '/pairings',
    tags: ['Pairings'],
    responses: { 200: json(z.object({ items: z.array(Pairing) }), 'Pairings') },
  }),
  async (c) => c.json({ items: (await regions.listPairings(c.var.deps.db)).map(presentPairing) }, 200),
);

const IdParam = z.object({ id: z.coerce.number().int().positive() });

regionsApi.openapi(
  createRoute({
    method: 'get',
    path: '/pairings/{id}',
    tags: ['Pairings'],
    request: { params: IdParam },
    responses: { 200: json(Pairing, 'The pairing'), ...problemResponses(400, 404) },
  }),
  async (c) => c.json(presentPairing(await regions.getPairing(c.var.deps.db, c.req.valid('param').id)), 200),
);

const PairingBody = regions.PairingInput.openapi('PairingInput');

regionsApi.openapi(
  createRoute({
    method: 'post',
    path: '/pairings',
    tags: ['Pairings'],
    summary: 'Add a pairing (admins)',
    request: { body: { content: { 'application/json': { schema: PairingBody } }, required: true } },
    responses: { 201: json(Pairing, 'Created'), ...problemResponses(400, 401, 403, 409) },
  }),
  async (c) => c.json(presentPairing(await regions.createPairing(ctx(c), c.req.valid('json'))), 201),
);

regionsApi.openapi(
  createRoute({
    method: 'put',
    path: '/pairings/{id}',
    tags: ['Pairings'],
    summary: 'Replace a pairing (admins)',
    request: {
      params: IdParam,
      body: { content: { 'application/json': { schema: PairingBody } }, required: true },
    },
    responses: { 200: json(Pairing, 'Updated'), ...problemResponses(400, 401, 403, 404) },
  }),
  async (c) =>
    c.json(
      presentPairing(await regions.updatePairing(ctx(c), c.req.valid('param').id, c.req.valid('json'))),
      200,
    ),
);

regionsApi.openapi(
  createRoute({
    method: 'delete',
    path: '/pairings/{id}',
    tags: ['Pairings'],
    summary: 'Delete a pairing (admins)',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) },
  }),
  async (c) => {
    await regions.deletePairing(ctx(c), c.req.valid('param').id);
    return c.body(null, 204);
  },
);
