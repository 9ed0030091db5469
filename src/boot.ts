import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { createLogger, type Logger } from './lib/log.ts';
import { createMailer } from './modules/mail/mail.service.ts';
import type { Deps } from './web/env.ts';

/** Config, logger and a migrated database: what the server and every CLI subcommand start from. */
export async function boot(env: NodeJS.ProcessEnv = process.env): Promise<{
  config: Config;
  log: Logger;
  database: Database;
  deps: Deps;
}> {
  const config = loadConfig(env);
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config);
  await migrate(database);
  const deps: Deps = {
    config,
    database,
    db: database.db,
    log,
    mailer: createMailer(config, log),
    now: () => new Date(),
  };
  return { config, log, database, deps };
}
