import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { ensureFirstAdmin } from './modules/accounts/accounts.service.ts';
import { hasAnyUser, loadDemo } from './modules/demo/demo.service.ts';
import { createJobRunner } from './modules/jobs/jobs.service.ts';
import { mailJobHandlers } from './modules/mail/mail.service.ts';
import { accountJobHandlers, scheduleAccountCleanup } from './modules/accounts/accounts.jobs.ts';
import { newsJobHandlers } from './modules/news/news.jobs.ts';
import { reanalyzeJobHandlers } from './modules/listings/reanalyze.ts';
import { interestsJobHandlers } from './modules/interests/interests.jobs.ts';
import { projectsJobHandlers, scheduleOverdueSweep } from './modules/projects/projects.jobs.ts';
import type { Deps } from './web/env.ts';

export interface RunningServer {
  server: ServerType;
  port: number;
  close(): Promise<void>;
}

/**
 * First-start work (admin account, demo content on an empty database), then the HTTP server and the
 * job runner. Resolves once the server listens.
 */
export async function startServer(
  deps: Deps,
  opts: { print?: (line: string) => void } = {},
): Promise<RunningServer> {
  const { config, log } = deps;
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const wasEmpty = !(await hasAnyUser(deps.db));
  const admin = await ensureFirstAdmin(deps);
  if (admin) {
    print('');
    print('  First start: an administrator account was created. This password is shown only once.');
    print(`    email:    ${admin.email}`);
    print(`    password: ${admin.password}`);
    print('');
  }
  if (wasEmpty && config.demo) {
    const demo = await loadDemo(deps);
    print(`  Demo content loaded: ${demo.summary}`);
    for (const line of demo.accounts) print(`    ${line}`);
  }

  // Daily housekeeping; the job re-schedules itself, this only starts the chain (at most once a day).
  await scheduleAccountCleanup(deps.db, deps.now());
  await scheduleOverdueSweep(deps.db, deps.now());
  const runner = createJobRunner({
    db: deps.db,
    log,
    pollMs: config.jobPollMs,
    handlers: {
      ...mailJobHandlers(deps.mailer),
      ...accountJobHandlers(deps),
      ...newsJobHandlers(),
      ...reanalyzeJobHandlers(),
      ...interestsJobHandlers(deps),
      ...projectsJobHandlers(deps),
    },
  });
  const app = createApp(deps);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  runner.start();
  log.info({ url: `http://${config.host}:${port}`, database: deps.database.kind }, 'listening');
  return {
    server,
    port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runner.stop();
    },
  };
}
