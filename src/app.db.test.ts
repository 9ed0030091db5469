import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/client.ts';
import { buildTestApp, type TestApp } from './test/app.ts';
import { openTestDatabase } from './test/db.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
});
afterAll(() => database.close());

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await t.app.request('/healthz')).status).toBe(200);
    const ready = await t.app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: database.kind });
  });
});

describe('language', () => {
  it('serves the home page in both languages with the right lang attribute', async () => {
    const en = await t.app.request('/en/');
    expect(en.status).toBe(200);
    expect(await en.text()).toMatch(/^<!DOCTYPE html><html lang="en">/);
    const zh = await t.app.request('/zh/');
    expect(zh.status).toBe(200);
    expect(await zh.text()).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
  });

  it('sends / to the remembered choice, then Accept-Language, then English', async () => {
    const go = async (headers: Record<string, string>) =>
      (await t.app.request('/', { headers })).headers.get('location');
    expect(await go({})).toBe('/en/');
    expect(await go({ 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' })).toBe('/zh/');
    expect(await go({ 'accept-language': 'zh-CN', cookie: 'cp_lang=en' })).toBe('/en/');
    expect((await t.app.request('/zh')).headers.get('location')).toBe('/zh/');
  });

  it('remembers the language of the page last visited', async () => {
    const res = await t.app.request('/zh/regions');
    expect(res.headers.getSetCookie().join(';')).toContain('cp_lang=zh');
  });

  it('links the language switch to the same page in the other language', async () => {
    const html = await (await t.app.request('/en/regions/CN-ZJ')).text();
    expect(html).toContain('href="/zh/regions/CN-ZJ"');
  });
});

describe('errors', () => {
  it('shows a bilingual 404 page in the page language', async () => {
    const res = await t.app.request('/zh/no-such-page');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('找不到该页面。');
  });

  it('answers unknown API routes with problem+json in the caller’s language', async () => {
    const res = await t.app.request('/api/v1/nothing', { headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'not_found', title: '找不到该页面。', status: 404 });
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const res = await t.app.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.cn', password: 'x' }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'csrf' });
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy without unsafe-inline, and no-sniff and frame denial', async () => {
    const res = await t.app.request('/en/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('OpenAPI', () => {
  it('documents every JSON route', async () => {
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/regions', '/pairings/{id}', '/auth/sign-in', '/organisations', '/news']),
    );
  });
});
