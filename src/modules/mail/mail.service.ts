import { eq, sql } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import type { Config } from '../../config.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Logger } from '../../lib/log.ts';
import { enqueueJob, type JobHandler } from '../jobs/jobs.service.ts';
import { outbox } from './schema.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  deliver(mail: OutgoingMail): Promise<void>;
}

export const MAIL_SEND_JOB = 'mail.send';

/** SMTP when `smtpUrl` is set; otherwise logs each message at info so a developer can read it. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'smtpFrom'>, log: Logger): Mailer {
  const { smtpUrl, smtpFrom } = config;
  if (!smtpUrl) {
    return {
      deliver(mail) {
        log.info(
          { mail: { to: mail.to, subject: mail.subject, text: mail.text } },
          'mail (no SMTP_URL, not sent)',
        );
        return Promise.resolve();
      },
    };
  }
  // Short timeouts: a hung server must fail the attempt well within the job lease, or the job runs twice.
  const transport = createTransport(
    { url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 },
    { from: smtpFrom },
  );
  return {
    async deliver(mail) {
      await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/** Writes the message to the outbox and enqueues its delivery, atomically with the caller's transaction. */
export async function queueMail(db: DbOrTx, mail: OutgoingMail): Promise<void> {
  // A savepoint when db is already a transaction: either both rows exist or neither.
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(outbox)
      .values({ to: mail.to, subject: mail.subject, text: mail.text })
      .returning({ id: outbox.id });
    if (!row) throw new Error('mail_outbox insert returned no row');
    await enqueueJob(tx, { name: MAIL_SEND_JOB, payload: { id: row.id } });
  });
}

function outboxId(payload: unknown): number {
  const id = (payload as { id?: unknown } | null)?.id;
  if (typeof id !== 'number') {
    throw new Error(`mail.send payload has no numeric id: ${JSON.stringify(payload)}`);
  }
  return id;
}

/**
 * The `mail.send` job: delivers an outbox row unless already sent, then marks it sent; a failure is
 * recorded on the row and rethrown so the job retries.
 */
export function mailJobHandlers(mailer: Mailer): Record<string, JobHandler> {
  return {
    async [MAIL_SEND_JOB](payload, { db, log, now }) {
      const id = outboxId(payload);
      const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
      if (!row) {
        log.warn({ outboxId: id }, 'outbox row is gone; nothing to send');
        return;
      }
      if (row.sentAt) return;
      try {
        await mailer.deliver({ to: row.to, subject: row.subject, text: row.text });
      } catch (err) {
        const lastError = err instanceof Error ? err.message : String(err);
        await db
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1`, lastError })
          .where(eq(outbox.id, id));
        throw err;
      }
      await db
        .update(outbox)
        .set({ sentAt: now, attempts: sql`${outbox.attempts} + 1`, lastError: null })
        .where(eq(outbox.id, id));
    },
  };
}
