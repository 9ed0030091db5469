import type { Server } from 'node:http';
import { loadConfig, type Config } from '../config.ts';
import type { OutgoingMail } from '../modules/mail/mail.service.ts';
import { startServer } from '../server.ts';
import type { Deps } from '../web/env.ts';
import { openTestDatabase } from './db.ts';
import { testDeps } from './deps.ts';

export interface TestServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  deps: Deps;
  /** The first administrator, as printed once on first start. */
  adminEmail: string;
  adminPassword: string;
  /** The demo account lines printed on first start (empty without demo content), trimmed. */
  demoAccounts: string[];
  /** Everything the server printed on start. */
  printed: string[];
  /** Every mail the server delivered (through its job runner), in order. */
  sent: OutgoingMail[];
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Load the demo content on first start (default true). */
  demo?: boolean;
  config?: Partial<Config>;
}

/**
 * The real server over HTTP on 127.0.0.1 and a free port, on a fresh test database (PGlite, or PostgreSQL
 * under DATABASE_URL): first-start work, demo content, job runner and all, exactly as `npm start` runs it.
 * Only inside vitest projects whose globalSetup is db-global-setup.ts.
 */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const database = await openTestDatabase();
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', JOB_POLL_MS: '50' }),
    demo: opts.demo ?? true,
    ...opts.config,
  };
  const { deps, sent } = testDeps(database, config);
  const printed: string[] = [];
  let running;
  try {
    running = await startServer(deps, { print: (line) => void printed.push(line) });
  } catch (err) {
    await database.close();
    throw err;
  }
  const url = `http://127.0.0.1:${running.port}`;
  // Links in mails and absolute URLs must point at this server; nothing has been requested yet.
  if (!opts.config?.publicUrl) config.publicUrl = url;

  const field = (name: string) =>
    printed.map((l) => new RegExp(`^\\s*${name}:\\s*(\\S+)`).exec(l)?.[1]).find(Boolean);
  const adminEmail = field('email');
  const adminPassword = field('password');
  if (!adminEmail || !adminPassword) {
    await running.close();
    await database.close();
    throw new Error(`the first start printed no administrator email and password:\n${printed.join('\n')}`);
  }
  const demoStart = printed.findIndex((l) => l.includes('Demo content loaded'));
  const demoAccounts =
    demoStart < 0
      ? []
      : printed
          .slice(demoStart + 1)
          .map((l) => l.trim())
          .filter(Boolean);
  if (config.demo && demoAccounts.length === 0) {
    await running.close();
    await database.close();
    throw new Error(`demo content was asked for but no demo accounts were printed:\n${printed.join('\n')}`);
  }

  return {
    url,
    deps,
    adminEmail,
    adminPassword,
    demoAccounts,
    printed,
    sent,
    async close() {
      // Browsers keep connections open; a plain close() would wait for them.
      (running.server as Server).closeAllConnections?.();
      await running.close();
      await database.close();
    },
  };
}

export interface DemoAccount {
  email: string;
  password: string;
  /** The whole printed line, e.g. to tell roles and regions apart. */
  line: string;
}

/** Parses the printed demo account lines (`email / password`); lines without a new password are left out. */
export function parseDemoAccounts(lines: string[]): DemoAccount[] {
  return lines.flatMap((line) => {
    const m = /^(\S+@\S+)\s+\/\s+(\S+)$/.exec(line.trim());
    return m ? [{ email: m[1]!, password: m[2]!, line }] : [];
  });
}

/** The first printed demo account whose line matches (e.g. 'coordinator'); throws listing them when none does. */
export function demoAccount(lines: string[], match: string | RegExp): DemoAccount {
  const re = typeof match === 'string' ? new RegExp(`\\b${match}\\b`, 'i') : match;
  const found = parseDemoAccounts(lines).find((a) => re.test(a.line));
  if (!found) throw new Error(`no demo account matches ${String(re)} among:\n${lines.join('\n')}`);
  return found;
}
