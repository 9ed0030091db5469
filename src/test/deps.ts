import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { createLogger } from '../lib/log.ts';
import type { OutgoingMail } from '../modules/mail/mail.service.ts';
import type { Deps } from '../web/env.ts';

/** Deps over a test database: a silent log (unless TEST_LOG_LEVEL) and a mailer that records what it sends. */
export function testDeps(database: Database, config: Config): { deps: Deps; sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  const deps: Deps = {
    config,
    database,
    db: database.db,
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    mailer: {
      deliver: (mail) => {
        sent.push(mail);
        return Promise.resolve();
      },
    },
    now: () => new Date(),
  };
  return { deps, sent };
}
