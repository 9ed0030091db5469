import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { OutgoingMail } from '../modules/mail/mail.service.ts';
import type { AppEnv, Deps } from '../web/env.ts';
import { testDeps } from './deps.ts';

export interface TestApp {
  app: Hono<AppEnv>;
  deps: Deps;
  /** Every mail the app delivered, in order. */
  sent: OutgoingMail[];
}

/** The real app over a test database, with a silent log and a mailer that records what it sends. */
export function buildTestApp(database: Database, overrides: Partial<Config> = {}): TestApp {
  // Uploaded files go to a folder of this test process, never the developer's ./data.
  const filesDir = join(tmpdir(), `counterpart-test-files-${process.pid}`);
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: '1', FILES_DIR: filesDir }),
    ...overrides,
  };
  const { deps, sent } = testDeps(database, config);
  return { app: createApp(deps), deps, sent };
}

/**
 * A browser-like client over `app.request`: keeps cookies, and sends the CSRF token on writes the way the
 * site's forms do, so tests exercise the real protections.
 */
export class TestClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly ip = '203.0.113.7',
  ) {}

  /** The current CSRF cookie value, fetching a page first when there is none yet. */
  async csrf(): Promise<string> {
    if (!this.cookies.has('cp_csrf')) await this.get('/en/');
    return this.cookies.get('cp_csrf') ?? '';
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', this.ip);
    const res = await this.app.request(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers });
  }

  /** Posts a form the way a browser does, with the CSRF field unless `_csrf` is given. */
  async postForm(path: string, fields: Record<string, string>): Promise<Response> {
    const body = new URLSearchParams({ _csrf: await this.csrf(), ...fields });
    return this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Sends JSON with the CSRF header, as the site's scripts and API clients with a session do. */
  async sendJson(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.request(path, {
      method,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-csrf-token': await this.csrf(), ...headers },
    });
  }
}
