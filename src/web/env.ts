import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import type { Lang } from '../lib/i18n.ts';
import type { Logger } from '../lib/log.ts';
import type { SessionUser } from '../modules/accounts/sessions.ts';
import type { Mailer } from '../modules/mail/mail.service.ts';

/** What every request handler may use; built once per app instance. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  log: Logger;
  mailer: Mailer;
  /** The current time; tests pass a fixed clock. */
  now: () => Date;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    lang: Lang;
    requestId: string;
    log: Logger;
    user: SessionUser | null;
    /** Unread notifications of the signed-in user, counted for pages only (0 otherwise). */
    unread: number;
    csrfToken: string;
    /** The path under the language prefix, e.g. `/regions` for `/en/regions`; used by the language switch. */
    localPath: string;
  };
}
