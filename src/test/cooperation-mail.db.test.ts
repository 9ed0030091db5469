import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { confirmAgreement, recordAgreement } from '../modules/agreements/agreements.service.ts';
import { JobRunner } from '../modules/jobs/jobs.service.ts';
import { postMessage } from '../modules/interests/conversations.service.ts';
import { answerInterest, sendInterest } from '../modules/interests/interests.service.ts';
import { createListing } from '../modules/listings/listings.service.ts';
import { actingAs, input } from '../modules/listings/testing.ts';
import { createMailer, mailJobHandlers } from '../modules/mail/mail.service.ts';
import { createProject, submitUpdate } from '../modules/projects/projects.service.ts';
import { buildTestApp } from './app.ts';
import { openTestDatabase } from './db.ts';
import { makeOrganisation } from './factories.ts';

// Every event of the cooperation flow that asks someone to act reaches them by mail over SMTP: a real SMTP
// server in this process receives what the job runner delivers from the outbox.

interface Received {
  to: string[];
  subject: string;
}

let database: Database;
let smtp: SMTPServer;
let port = 0;
const received: Received[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: decodeHeader(subject) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await database?.close();
});

/** A header's text: folded lines joined, RFC 2047 encoded words (B or Q) decoded as UTF-8 bytes. */
function decodeHeader(raw: string): string {
  const parts = raw.replace(/\r?\n[ \t]/g, ' ').split(/(=\?[^?]+\?[bqBQ]\?[^?]*\?=)/);
  const bytes: Buffer[] = [];
  parts.forEach((part, i) => {
    const word = /^=\?[^?]+\?([bqBQ])\?([^?]*)\?=$/.exec(part);
    if (word) {
      const [, enc = '', text = ''] = word;
      if (enc.toLowerCase() === 'b') bytes.push(Buffer.from(text, 'base64'));
      else {
        const q = text.replace(/_/g, ' ');
        const out: number[] = [];
        for (let j = 0; j < q.length; j++) {
          if (q[j] === '=' && /^[0-9a-f]{2}$/i.test(q.slice(j + 1, j + 3))) {
            out.push(parseInt(q.slice(j + 1, j + 3), 16));
            j += 2;
          } else out.push(q.charCodeAt(j));
        }
        bytes.push(Buffer.from(out));
      }
    } else if (!(/^\s*$/.test(part) && i > 0 && i < parts.length - 1)) {
      // Whitespace between two encoded words is not part of the text.
      bytes.push(Buffer.from(part, 'utf8'));
    }
  });
  return Buffer.concat(bytes).toString('utf8');
}

describe('cooperation mail over SMTP', () => {
  it('tells whoever must act: interest, answer, message, agreement to confirm, update to approve', async () => {
    const { deps } = buildTestApp(database);
    const orgA = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: 'Antu Springs' });
    const orgB = await makeOrganisation(database, { regionCode: 'CN-ZJ', nameEn: 'Hangzhou Grocers' });
    const memberA = await actingAs(database, 'member', { orgId: orgA });
    const memberB = await actingAs(database, 'member', { orgId: orgB });
    const coordJL = await actingAs(database, 'coordinator', { regionCode: 'CN-JL' });
    const coordZJ = await actingAs(database, 'coordinator', { regionCode: 'CN-ZJ' });
    const listing = await createListing(
      deps,
      coordZJ,
      input({ orgId: orgB, direction: 'seek', validUntil: '2099-12-31' }),
    );

    const sent = await sendInterest(deps, memberA, {
      listingRef: listing.ref,
      message: 'We bottle spring water.',
      bring: 'Water',
      form: 'trade',
      timeline: 'within_3_months',
    });
    const answered = await answerInterest(deps, memberB, sent.interest.id, { accept: true });
    await postMessage(deps, memberB, answered.conversationId ?? '', { body: 'Welcome' }, []);
    const agreement = await recordAgreement(deps, memberA, {
      type: 'trade',
      title: 'Water supply',
      language: 'en',
      signedOn: '2018-03-01',
      partyOrgIds: [orgA, orgB],
    });
    await confirmAgreement(deps, coordJL, agreement.id);
    await confirmAgreement(deps, coordZJ, agreement.id);
    const project = await createProject(deps, memberA, agreement.id, {
      title: 'Water warehouse',
      language: 'en',
      category: 'product',
      regionCode: 'CN-ZJ',
    });
    await submitUpdate(deps, memberA, project.id, { body: 'Opened', jobsCreated: 5 });

    const mailer = createMailer(
      { smtpUrl: `smtp://127.0.0.1:${port}`, smtpFrom: 'cp@test.example' },
      pino({ level: 'silent' }),
    );
    const runner = new JobRunner({
      db: database.db,
      log: pino({ level: 'silent' }),
      handlers: mailJobHandlers(mailer),
      pollMs: 10,
    });
    await runner.runDue();

    const to = (who: { viewer: { email: string } }) =>
      received.filter((m) => m.to.includes(who.viewer.email)).map((m) => m.subject);
    expect(to(memberB)).toEqual(
      expect.arrayContaining([expect.stringContaining('Antu Springs is interested in your listing')]),
    );
    expect(to(memberA)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('accepted your interest'),
        expect.stringContaining('New message from'),
        expect.stringContaining('is confirmed by every region'),
      ]),
    );
    expect(to(coordZJ)).toEqual(
      expect.arrayContaining([expect.stringContaining('An agreement waits for your confirmation')]),
    );
    // The update is Antu Springs' (Jilin): Jilin's coordinator is asked to approve it, Zhejiang's is not.
    expect(to(coordJL)).toEqual(
      expect.arrayContaining([expect.stringContaining('submitted a progress update on “Water warehouse”')]),
    );
    expect(to(coordZJ).some((s) => s.includes('progress update'))).toBe(false);
  });
});
