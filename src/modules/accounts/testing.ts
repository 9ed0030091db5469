import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { createLogger } from '../../lib/log.ts';
import type { TestApp } from '../../test/app.ts';
import { makeUser } from '../../test/factories.ts';
import { createJobRunner } from '../jobs/jobs.service.ts';
import { mailJobHandlers } from '../mail/mail.service.ts';
import { outbox } from '../mail/schema.ts';
import { hashPassword } from './passwords.ts';
import { users } from './schema.ts';

// Tests only: users who can sign in with a password, and the mail a test is waiting for.

export const TEST_PASSWORD = 'correct horse battery';

/** A user with a real argon2id hash of `password`, able to sign in through the forms and the API. */
export async function makeAccount(
  database: Database,
  opts: Parameters<typeof makeUser>[1] & { password?: string },
): Promise<{ id: string; email: string; password: string }> {
  const password = opts.password ?? TEST_PASSWORD;
  const email = opts.email ?? `${opts.role}-${randomBytes(4).toString('hex')}@test.example`;
  const user = await makeUser(database, { ...opts, email });
  await database.db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, user.id));
  return { ...user, password };
}

/** The messages queued for an address, oldest first. */
export async function mailTo(database: Database, to: string) {
  return database.db.select().from(outbox).where(eq(outbox.to, to)).orderBy(outbox.id);
}

/** A client IP no other test uses, so throttling counts stay apart. */
export function freshIp(): string {
  const b = randomBytes(2);
  return `198.51.${b[0]}.${b[1]}`;
}

/** Delivers the queued mail through the test app's recording mailer (`t.sent`), as the job runner would. */
export async function runMailJobs(t: TestApp): Promise<void> {
  const runner = createJobRunner({
    db: t.deps.db,
    log: createLogger('silent'),
    pollMs: 1000,
    handlers: mailJobHandlers(t.deps.mailer),
  });
  await runner.runDue();
}
