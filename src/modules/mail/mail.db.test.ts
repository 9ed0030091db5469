import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { openTestDatabase } from '../../test/db.ts';
import { JobRunner } from '../jobs/jobs.service.ts';
import { jobs } from '../jobs/schema.ts';
import { createMailer, mailJobHandlers, queueMail, type Mailer } from './mail.service.ts';
import { outbox } from './schema.ts';

const silent = pino({ level: 'silent' });
const FROM = 'Counterpart <no-reply@counterpart.test>';
let database: Database;
let db: Db;

interface Received {
  from: string;
  to: string[];
  raw: string;
}
let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        received.push({
          from: mailFrom ? mailFrom.address : '',
          to: rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await database?.close();
});

beforeEach(async () => {
  received.length = 0;
  await db.delete(jobs);
  await db.delete(outbox);
});

function runner(mailer: Mailer): JobRunner {
  return new JobRunner({ db, log: silent, handlers: mailJobHandlers(mailer), pollMs: 10 });
}

const RESET = {
  to: 'ada@example.test',
  subject: 'Reset your password',
  text: 'Open this link to choose a new password:\nhttp://localhost:3000/reset/abc123\n',
};

describe('mail', () => {
  it('delivers a queued mail over SMTP through the job runner, once', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, smtpFrom: FROM }, silent);
    await db.transaction((tx) => queueMail(tx, RESET));
    expect(received).toEqual([]); // queued, not sent inline

    expect(await runner(mailer).runDue()).toBe(1);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.to).toEqual(['ada@example.test']);
    expect(mail?.from).toBe('no-reply@counterpart.test');
    expect(mail?.raw).toMatch(/^Subject: Reset your password\r$/m);
    expect(mail?.raw).toContain(
      'Open this link to choose a new password:\r\nhttp://localhost:3000/reset/abc123',
    );
    const [row] = await db.select().from(outbox);
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(row?.attempts).toBe(1);

    expect(await runner(mailer).runDue()).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('queues nothing when the caller rolls back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await queueMail(tx, RESET);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await db.select().from(outbox)).toEqual([]);
    expect(await db.select().from(jobs)).toEqual([]);
  });

  it('records a failed delivery and retries it', async () => {
    await queueMail(db, RESET);
    const failing: Mailer = { deliver: () => Promise.reject(new Error('550 mailbox unavailable')) };
    expect(await runner(failing).runDue()).toBe(1);
    const [row] = await db.select().from(outbox);
    expect(row).toMatchObject({ sentAt: null, attempts: 1, lastError: '550 mailbox unavailable' });
    const [job] = await db.select().from(jobs);
    expect(job).toMatchObject({ status: 'pending', lastError: '550 mailbox unavailable' });

    // Make the retry due now rather than after the backoff.
    await db.update(jobs).set({ runAt: new Date(Date.now() - 1000) });
    const sent: string[] = [];
    const working: Mailer = { deliver: (m) => Promise.resolve(void sent.push(m.to)) };
    expect(await runner(working).runDue()).toBe(1);
    expect(sent).toEqual(['ada@example.test']);
    expect((await db.select().from(outbox).where(eq(outbox.id, row!.id)))[0]?.attempts).toBe(2);
  });

  it('does not send again a row already marked sent', async () => {
    await queueMail(db, RESET);
    await db.update(outbox).set({ sentAt: new Date() });
    const sent: string[] = [];
    const mailer: Mailer = { deliver: (m) => Promise.resolve(void sent.push(m.to)) };
    expect(await runner(mailer).runDue()).toBe(1);
    expect(sent).toEqual([]);
  });

  it('without SMTP_URL writes the message to the log', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    await createMailer({ smtpUrl: undefined, smtpFrom: FROM }, log).deliver(RESET);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '{}') as { level: number; mail?: unknown };
    expect(entry.level).toBe(30);
    expect(entry.mail).toEqual(RESET);
  });
});
