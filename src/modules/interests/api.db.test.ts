import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createSession } from '../accounts/sessions.ts';
import { interestInput, makeWorld, type Ctx, type World } from './testing.ts';

// The interests and conversations API through the real app: JSON and multipart, problem+json naming fields.

let database: Database;
let t: TestApp;
let w: World;
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  w = await makeWorld(database, t.deps);
});
afterAll(async () => {
  await database.close();
});

async function as(ctx: Ctx): Promise<TestClient> {
  const client = new TestClient(t.app);
  client.setCookie(
    'cp_session',
    await createSession(database.db, ctx.viewer.id, new Date(), { ip: null, userAgent: null }),
  );
  return client;
}

interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}
async function problem(res: Response): Promise<Problem & { status: number }> {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return { status: res.status, ...((await res.json()) as Problem) };
}

describe('interests API', () => {
  let id: string;
  let conv: string;

  it('sends an interest (201) with allow-listed fields and China times', async () => {
    const res = await (
      await as(w.memberJ)
    ).sendJson('POST', '/api/v1/interests', interestInput(w.lz, { viaListingRef: w.lj }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    id = body.id as string;
    expect(Object.keys(body).sort()).toEqual(
      [
        'id',
        'status',
        'listing',
        'from',
        'to',
        'message',
        'bring',
        'form',
        'timeline',
        'sentAt',
        'expiresAt',
        'answeredAt',
        'declineReason',
        'declineNote',
        'conversationId',
        'url',
      ].sort(),
    );
    expect(body).toMatchObject({ status: 'open', form: 'trade', listing: { ref: w.lz }, to: { id: w.orgZ } });
    expect(body.sentAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });

  it('answers problems naming the field: a second open interest, bad enums, unknown keys, no session', async () => {
    const z = await as(w.memberZ);
    expect(await problem(await z.sendJson('POST', '/api/v1/interests', interestInput(w.lj)))).toMatchObject({
      status: 409,
      code: 'conflict',
      errors: [{ field: 'listingRef' }],
    });
    const j2 = await as(w.memberJ2);
    const bad = await problem(
      await j2.sendJson('POST', '/api/v1/interests', interestInput(w.ly, { form: 'gift' as never })),
    );
    expect(bad).toMatchObject({ status: 400, code: 'validation', errors: [{ field: 'form' }] });
    const extra = await problem(
      await j2.sendJson('POST', '/api/v1/interests', { ...interestInput(w.ly), price: 3 }),
    );
    expect(extra.errors?.map((e) => e.field)).toEqual(['price']);
    const anon = new TestClient(t.app);
    expect(
      (await problem(await anon.sendJson('POST', '/api/v1/interests', interestInput(w.ly)))).status,
    ).toBe(401);
    const list = await problem(await j2.get('/api/v1/interests?box=everything'));
    expect(list.errors?.map((e) => e.field)).toEqual(['box']);
  });

  it('lists and reads interests for those who may see them; 404 for others', async () => {
    const z = await as(w.memberZ);
    const res = await z.get('/api/v1/interests?box=received');
    const data = (await res.json()) as { items: { id: string }[]; total: number };
    expect([res.status, data.items.map((i) => i.id), data.total]).toEqual([200, [id], 1]);
    expect((await (await as(w.coordJL)).get(`/api/v1/interests/${id}`)).status).toBe(200);
    expect((await problem(await (await as(w.memberY)).get(`/api/v1/interests/${id}`))).status).toBe(404);
  });

  it('lets only the receiving organisation answer; accepting opens a conversation', async () => {
    const j = await as(w.memberJ);
    expect(
      (await problem(await j.sendJson('POST', `/api/v1/interests/${id}/answer`, { accept: true }))).code,
    ).toBe('forbidden');
    const z = await as(w.memberZ);
    const noNote = await problem(
      await z.sendJson('POST', `/api/v1/interests/${id}/answer`, { accept: false, reason: 'other' }),
    );
    expect(noNote).toMatchObject({ status: 400, errors: [{ field: 'note' }] });
    const res = await z.sendJson('POST', `/api/v1/interests/${id}/answer`, { accept: true });
    const body = (await res.json()) as { status: string; conversationId: string };
    expect([res.status, body.status]).toEqual([200, 'accepted']);
    conv = body.conversationId;
  });

  it('carries messages as JSON and as multipart with attachments, downloadable by those who see them', async () => {
    const j = await as(w.memberJ);
    const res = await j.sendJson('POST', `/api/v1/conversations/${conv}/messages`, {
      body: 'Hello from Antu.',
    });
    expect(res.status).toBe(201);
    const form = new FormData();
    form.set('body', 'Our certificate.');
    form.append('files', new File([PDF], 'certificate.pdf', { type: 'application/pdf' }));
    const multi = await j.request(`/api/v1/conversations/${conv}/messages`, {
      method: 'POST',
      body: form,
      headers: { 'x-csrf-token': await j.csrf() },
    });
    const m = (await multi.json()) as { attachments: { url: string; name: string }[] };
    expect([multi.status, m.attachments.map((a) => a.name)]).toEqual([201, ['certificate.pdf']]);
    const url = m.attachments[0]!.url;
    const dl = await (await as(w.coordZJ)).get(url);
    expect([dl.status, dl.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(PDF);
    expect((await (await as(w.memberY)).get(url)).status).toBe(404);

    const wrong = new FormData();
    wrong.set('body', 'A program');
    wrong.append('files', new File(['#!/bin/sh\necho hi\n'], 'run.pdf', { type: 'application/pdf' }));
    const bad = await j.request(`/api/v1/conversations/${conv}/messages`, {
      method: 'POST',
      body: wrong,
      headers: { 'x-csrf-token': await j.csrf() },
    });
    expect(await problem(bad)).toMatchObject({ status: 400, errors: [{ field: 'files' }] });

    const read = await (await as(w.coordJL)).get(`/api/v1/conversations/${conv}`);
    const c = (await read.json()) as { canPost: boolean; messages: { body: string }[] };
    expect([read.status, c.canPost, c.messages.map((x) => x.body)]).toEqual([
      200,
      false,
      ['Hello from Antu.', 'Our certificate.'],
    ]);
    const coord = await as(w.coordJL);
    expect(
      (await coord.sendJson('POST', `/api/v1/conversations/${conv}/messages`, { body: 'hi' })).status,
    ).toBe(403);
    expect((await (await as(w.memberY)).get(`/api/v1/conversations/${conv}`)).status).toBe(404);
    const list = (await (await (await as(w.memberZ)).get('/api/v1/conversations')).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((x) => x.id)).toEqual([conv]);
  });

  it('withdraws an open interest (sender only)', async () => {
    const y = await as(w.memberY);
    const sent = (await (await y.sendJson('POST', '/api/v1/interests', interestInput(w.lj))).json()) as {
      id: string;
    };
    expect(
      (await (await as(w.memberJ)).sendJson('POST', `/api/v1/interests/${sent.id}/withdraw`, {})).status,
    ).toBe(403);
    const res = await y.sendJson('POST', `/api/v1/interests/${sent.id}/withdraw`, {});
    expect([res.status, ((await res.json()) as { status: string }).status]).toEqual([200, 'withdrawn']);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await (await new TestClient(t.app).get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.some((tag) => tag === 'Interests' || tag === 'Conversations'))
        .map(([m]) => `${m.toUpperCase()} ${p}`),
    );
    expect(routes.sort()).toEqual(
      [
        'POST /interests',
        'GET /interests',
        'GET /interests/{id}',
        'POST /interests/{id}/answer',
        'POST /interests/{id}/withdraw',
        'GET /conversations',
        'GET /conversations/{id}',
        'POST /conversations/{id}/messages',
        'GET /conversations/{id}/files/{fileId}',
      ].sort(),
    );
  });
});
