import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { buildTestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { browseAudit } from '../audit/audit.service.ts';
import { storedFiles } from '../files/schema.ts';
import { JobRunner } from '../jobs/jobs.service.ts';
import { jobs } from '../jobs/schema.ts';
import { mailJobHandlers } from '../mail/mail.service.ts';
import type { Deps } from '../../web/env.ts';
import { interestsJobHandlers } from './interests.jobs.ts';
import * as svc from './interests.service.ts';
import { interests, messages } from './schema.ts';
import { interestInput, mailsTo, makeWorld, notificationsOf, type World } from './testing.ts';

// The interest and conversation use cases called directly, with a clock the tests move.

const DAY = 24 * 3600 * 1000;
const START = new Date('2025-03-03T09:00:00+08:00');
let clock = START;
let database: Database;
let deps: Deps;
let w: World;
const anonymous: UseCaseContext = { viewer: null, lang: 'en' };

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const pdf = (name = 'offer.pdf') => new File([PDF], name, { type: 'application/pdf' });

beforeAll(async () => {
  database = await openTestDatabase();
  const t = buildTestApp(database);
  deps = { ...t.deps, now: () => clock };
  w = await makeWorld(database, deps);
});
afterAll(async () => {
  await database.close();
});

/** The AppError a promise rejects with (fails the test if it resolves). */
async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}
const fields = (e: AppError) => e.issues.map((i) => i.field);

async function jobsOf(id: string) {
  const rows = await database.db.select().from(jobs);
  return rows
    .filter((j) => (j.payload as { id?: string }).id === id)
    .map((j) => ({ name: j.name, key: j.key, runAt: j.runAt.toISOString() }));
}

describe('sending an interest', () => {
  let id: string;

  it('goes to the listing’s organisation with reminders and expiry queued, audited and notified', async () => {
    const v = await svc.sendInterest(deps, w.memberJ, interestInput(w.lz, { viaListingRef: w.lj }));
    id = v.interest.id;
    expect(v.status).toBe('open');
    expect(v.fromOrg.id).toBe(w.orgJ);
    expect(v.toOrg.id).toBe(w.orgZ);
    expect(v.interest.fromRegionCode).toBe('CN-JL');
    expect(v.interest.toRegionCode).toBe('CN-ZJ');
    expect(v.interest.viaListingId).not.toBeNull();
    expect(v.interest.expiresAt.getTime() - START.getTime()).toBe(14 * DAY);
    expect(await jobsOf(id)).toEqual(
      expect.arrayContaining([
        {
          name: 'interests.remind',
          key: `interests.remind:${id}:3`,
          runAt: new Date(START.getTime() + 3 * DAY).toISOString(),
        },
        {
          name: 'interests.remind',
          key: `interests.remind:${id}:10`,
          runAt: new Date(START.getTime() + 10 * DAY).toISOString(),
        },
        {
          name: 'interests.expire',
          key: `interests.expire:${id}`,
          runAt: new Date(START.getTime() + 14 * DAY).toISOString(),
        },
      ]),
    );
    expect(await notificationsOf(database, w.memberZ.viewer.id)).toEqual([
      {
        kind: 'interest_received',
        path: `/interests/${id}`,
        params: {
          org: { en: 'Antu Springs', zh: '机构Antu Springs' },
          listing: 'Bottled mineral water wanted for our supermarkets',
        },
      },
    ]);
    // The sender's own organisation is not told of its own interest.
    expect(await notificationsOf(database, w.memberJ2.viewer.id)).toEqual([]);
    expect(await mailsTo(database, w.memberZ.viewer.email)).toEqual([
      'Antu Springs is interested in your listing “Bottled mineral water wanted for our supermarkets”',
    ]);
    const audit = await browseAudit(deps.db, w.admin.viewer, { entity: 'interest', page: 1, pageSize: 10 });
    expect(audit.rows.map((r) => [r.action, r.entityId])).toContainEqual(['interest.sent', id]);
  });

  it('refuses a second open interest between the same two organisations, either way round (409 naming listingRef)', async () => {
    for (const [ctx, ref] of [
      [w.memberJ2, w.lz],
      [w.memberZ, w.lj],
    ] as const) {
      const e = await failure(svc.sendInterest(deps, ctx, interestInput(ref)));
      expect(e.code).toBe('conflict');
      expect(fields(e)).toEqual(['listingRef']);
    }
    const [n] = await database.db.select({ n: count() }).from(interests).where(eq(interests.status, 'open'));
    expect(n?.n).toBe(1);
  });

  it('names the field for bad input: enums, lengths, listings that cannot take interest', async () => {
    const cases: [Partial<Parameters<typeof interestInput>[1]> & { listingRef?: string }, string][] = [
      [{ form: 'friendship' as never }, 'form'],
      [{ timeline: 'someday' as never }, 'timeline'],
      [{ message: 'x'.repeat(5001) }, 'message'],
      [{ bring: 'x'.repeat(2001) }, 'bring'],
      [{ message: '   ' }, 'message'],
      [{ listingRef: 'no-such-ref' }, 'listingRef'],
      [{ listingRef: w.closed }, 'listingRef'],
      [{ listingRef: w.lj }, 'listingRef'],
      [{ listingRef: w.ly, viaListingRef: w.lz }, 'viaListingRef'],
    ];
    for (const [over, field] of cases) {
      const e = await failure(
        svc.sendInterest(deps, w.memberJ2, interestInput(over.listingRef ?? w.ly, over)),
      );
      expect([e.code, fields(e)], JSON.stringify(over).slice(0, 60)).toEqual(['validation', [field]]);
    }
  });

  it('is for members of approved organisations only', async () => {
    expect((await failure(svc.sendInterest(deps, anonymous, interestInput(w.ly)))).code).toBe(
      'unauthenticated',
    );
    for (const ctx of [w.coordJL, w.admin, w.pendingMember]) {
      expect((await failure(svc.sendInterest(deps, ctx, interestInput(w.ly)))).code).toBe('forbidden');
    }
  });

  it('lists in the sender’s sent box and the receiver’s received box; coordinators see their region’s', async () => {
    const q = { page: 1, pageSize: 20 } as const;
    const ids = async (ctx: UseCaseContext, box: 'sent' | 'received') =>
      (await svc.listInterests(deps, ctx, { ...q, box })).rows.map((r) => r.interest.id);
    expect(await ids(w.memberJ2, 'sent')).toEqual([id]);
    expect(await ids(w.memberJ2, 'received')).toEqual([]);
    expect(await ids(w.memberZ, 'received')).toEqual([id]);
    expect(await ids(w.memberY, 'received')).toEqual([]);
    expect(await ids(w.coordZJ, 'received')).toEqual([id]);
    expect(await ids(w.coordJL, 'sent')).toEqual([id]);
    expect(await ids(w.coordGD, 'sent')).toEqual([]);
    const rows = (await svc.listInterests(deps, w.memberZ, { ...q, box: 'received', status: 'declined' }))
      .rows;
    expect(rows).toEqual([]);
  });

  it('is seen by both organisations, both regions’ coordinators and admins; others get 404', async () => {
    for (const ctx of [w.memberJ, w.memberZ, w.coordJL, w.coordZJ, w.admin]) {
      expect((await svc.getInterest(deps, ctx, id)).interest.id).toBe(id);
    }
    for (const ctx of [w.memberY, w.coordGD]) {
      expect((await failure(svc.getInterest(deps, ctx, id))).code).toBe('not_found');
    }
    expect((await failure(svc.getInterest(deps, w.memberZ, 'nonsense'))).code).toBe('not_found');
    expect((await svc.getInterest(deps, w.memberZ, id)).canAnswer).toBe(true);
    expect((await svc.getInterest(deps, w.memberJ, id)).canAnswer).toBe(false);
    expect((await svc.getInterest(deps, w.coordZJ, id)).canAnswer).toBe(false);
  });

  it('is answered only by members of the receiving organisation', async () => {
    const accept = { accept: true } as const;
    for (const ctx of [w.memberJ, w.coordZJ, w.coordJL, w.admin]) {
      expect((await failure(svc.answerInterest(deps, ctx, id, accept))).code).toBe('forbidden');
    }
    expect((await failure(svc.answerInterest(deps, w.memberY, id, accept))).code).toBe('not_found');
    expect((await failure(svc.answerInterest(deps, anonymous, id, accept))).code).toBe('unauthenticated');
    expect((await svc.getInterest(deps, w.memberZ, id)).status).toBe('open');
  });

  it('needs a listed reason to decline, and a note for `other`', async () => {
    const bad = [
      [{ accept: false, reason: 'other' }, 'note'],
      [{ accept: false, reason: 'boring' }, 'reason'],
      [{ accept: false }, 'reason'],
      [{ accept: false, reason: 'other', note: 'x'.repeat(1001) }, 'note'],
    ] as const;
    for (const [answer, field] of bad) {
      const e = await failure(svc.answerInterest(deps, w.memberZ, id, answer as never));
      expect([e.code, fields(e)]).toEqual(['validation', [field]]);
    }
  });

  it('accepting opens one conversation and tells the sender in their language', async () => {
    clock = new Date(START.getTime() + DAY);
    const v = await svc.answerInterest(deps, w.memberZ, id, { accept: true });
    expect(v.status).toBe('accepted');
    expect(v.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(v.interest.answeredBy).toBe(w.memberZ.viewer.id);
    const told = await notificationsOf(database, w.memberJ.viewer.id);
    expect(told).toEqual([
      expect.objectContaining({ kind: 'interest_accepted', path: `/conversations/${v.conversationId}` }),
    ]);
    // memberJ reads Chinese; memberJ2 English.
    expect(await mailsTo(database, w.memberJ.viewer.email)).toEqual([
      '机构Hangzhou Fresh Mart已接受您对“Bottled mineral water wanted for our supermarkets”的合作意向，双方洽谈已开启',
    ]);
    expect(await mailsTo(database, w.memberJ2.viewer.email)).toEqual([
      'Hangzhou Fresh Mart accepted your interest in “Bottled mineral water wanted for our supermarkets”: a conversation is open',
    ]);
    const again = await failure(svc.answerInterest(deps, w.memberZ, id, { accept: true }));
    expect(again.code).toBe('conflict');
  });
});

describe('a conversation', () => {
  let convId: string;
  beforeAll(async () => {
    const [row] = (await svc.listConversations(deps, w.memberJ)).filter((c) => c.toOrg.id === w.orgZ);
    convId = row!.id;
  });

  it('is seen by the parties, read-only by both regions’ coordinators and admins, and by nobody else', async () => {
    for (const ctx of [w.memberJ, w.memberZ]) {
      expect((await svc.getConversation(deps, ctx, convId)).canPost).toBe(true);
    }
    for (const ctx of [w.coordJL, w.coordZJ, w.admin]) {
      expect((await svc.getConversation(deps, ctx, convId)).canPost).toBe(false);
    }
    for (const ctx of [w.memberY, w.memberW, w.coordGD]) {
      expect((await failure(svc.getConversation(deps, ctx, convId))).code).toBe('not_found');
    }
    expect((await failure(svc.getConversation(deps, anonymous, convId))).code).toBe('unauthenticated');
    expect((await svc.listConversations(deps, w.memberY)).map((c) => c.id)).not.toContain(convId);
    expect((await svc.listConversations(deps, w.coordZJ)).map((c) => c.id)).toContain(convId);
    expect((await svc.listConversations(deps, w.coordGD)).map((c) => c.id)).toEqual([]);
  });

  it('takes messages with attachments from the parties; the other side is told', async () => {
    clock = new Date(START.getTime() + 2 * DAY);
    const m = await svc.postMessage(deps, w.memberJ, convId, { body: 'Our price list is attached.' }, [
      pdf(),
    ]);
    expect(m.body).toBe('Our price list is attached.');
    expect(m.org.id).toBe(w.orgJ);
    expect(m.attachments).toEqual([
      expect.objectContaining({ name: 'offer.pdf', mediaType: 'application/pdf', bytes: PDF.length }),
    ]);
    clock = new Date(clock.getTime() + 60_000);
    await svc.postMessage(deps, w.memberZ, convId, { body: 'Thank you, we will read it.' }, []);
    const v = await svc.getConversation(deps, w.coordZJ, convId);
    expect(v.messages.map((x) => x.body)).toEqual([
      'Our price list is attached.',
      'Thank you, we will read it.',
    ]);
    expect(v.lastMessageAt.getTime()).toBe(clock.getTime());
    expect((await notificationsOf(database, w.memberZ.viewer.id)).map((n) => n.kind)).toContain(
      'message_received',
    );
    const file = await svc.conversationFile(deps, w.coordJL, convId, m.attachments[0]!.id);
    expect(new TextDecoder().decode(file.bytes)).toBe(new TextDecoder().decode(PDF));
    expect((await failure(svc.conversationFile(deps, w.memberY, convId, m.attachments[0]!.id))).code).toBe(
      'not_found',
    );
  });

  it('refuses coordinators and admins writing (403) and strangers (404)', async () => {
    for (const ctx of [w.coordJL, w.coordZJ, w.admin]) {
      expect((await failure(svc.postMessage(deps, ctx, convId, { body: 'hello' }, []))).code).toBe(
        'forbidden',
      );
    }
    expect((await failure(svc.postMessage(deps, w.memberY, convId, { body: 'hello' }, []))).code).toBe(
      'not_found',
    );
  });

  it('refuses too long, empty, oversized or wrongly typed messages naming the field, storing nothing', async () => {
    const before = async () => [
      (await database.db.select({ n: count() }).from(messages))[0]?.n,
      (await database.db.select({ n: count() }).from(storedFiles))[0]?.n,
    ];
    const start = await before();
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'huge.pdf', { type: 'application/pdf' });
    const exe = new File([new TextEncoder().encode('MZ\x90\x00binary')], 'tool.pdf', {
      type: 'application/pdf',
    });
    const cases: [string, File[], string][] = [
      ['x'.repeat(10_001), [], 'body'],
      ['', [], 'body'],
      ['with a big file', [pdf(), big], 'files'],
      ['with a program', [exe], 'files'],
    ];
    for (const [body, files, field] of cases) {
      const e = await failure(svc.postMessage(deps, w.memberJ, convId, { body }, files));
      expect([e.code, fields(e)]).toEqual(['validation', [field]]);
    }
    expect(await before()).toEqual(start);
  });
});

describe('declining and withdrawing', () => {
  it('keeps the reason and note and tells the sender the reason in their language', async () => {
    const v = await svc.sendInterest(deps, w.memberW, interestInput(w.ly));
    const d = await svc.answerInterest(deps, w.memberY, v.interest.id, {
      accept: false,
      reason: 'other',
      note: 'We already have a partner.',
    });
    expect([d.status, d.interest.declineReason, d.interest.declineNote]).toEqual([
      'declined',
      'other',
      'We already have a partner.',
    ]);
    expect(d.conversationId).toBeNull();
    expect(await mailsTo(database, w.memberW.viewer.email, '谢绝')).toEqual([
      '机构Ningbo Harbour Foods谢绝了您对“Partner wanted for a rice processing plant”的合作意向（其他）',
    ]);
  });

  it('lets the sender withdraw an open interest, and nobody else', async () => {
    const v = await svc.sendInterest(deps, w.memberW, interestInput(w.lz));
    expect((await failure(svc.withdrawInterest(deps, w.memberZ, v.interest.id))).code).toBe('forbidden');
    expect((await failure(svc.withdrawInterest(deps, w.coordZJ, v.interest.id))).code).toBe('forbidden');
    expect((await svc.withdrawInterest(deps, w.memberW, v.interest.id)).status).toBe('withdrawn');
    expect((await failure(svc.answerInterest(deps, w.memberZ, v.interest.id, { accept: true }))).code).toBe(
      'conflict',
    );
  });
});

describe('reminders and expiry', () => {
  const runner = () =>
    new JobRunner({
      db: database.db,
      log: deps.log,
      handlers: { ...mailJobHandlers(deps.mailer), ...interestsJobHandlers(deps) },
      pollMs: 1000,
      now: () => clock,
    });
  const kinds = async (userId: string, kind: string) =>
    (await notificationsOf(database, userId)).filter((n) => n.kind === kind);

  it('reminds the receiver on day 3 and day 10 and expires the interest on day 14, once each', async () => {
    const sent = new Date('2025-04-01T10:00:00+08:00');
    clock = sent;
    const v = await svc.sendInterest(deps, w.memberJ2, interestInput(w.lw));
    const at = (days: number) => new Date(sent.getTime() + days * DAY);
    clock = at(2.9);
    await runner().runDue();
    expect(await kinds(w.memberW.viewer.id, 'interest_reminder')).toEqual([]);
    clock = at(3);
    await runner().runDue();
    expect((await kinds(w.memberW.viewer.id, 'interest_reminder')).map((n) => n.params.days)).toEqual(['11']);
    // memberW reads Chinese.
    expect(await mailsTo(database, w.memberW.viewer.email, '等待您答复')).toEqual([
      '机构Antu Springs的合作意向（“Wholesale buyer of spring water”）等待您答复（还剩 11 天）',
    ]);
    clock = at(10);
    await runner().runDue();
    expect((await kinds(w.memberW.viewer.id, 'interest_reminder')).map((n) => n.params.days)).toEqual([
      '11',
      '4',
    ]);
    clock = at(13.99);
    await runner().runDue();
    expect((await svc.getInterest(deps, w.memberJ2, v.interest.id)).status).toBe('open');
    clock = at(14);
    await runner().runDue();
    const after = await svc.getInterest(deps, w.memberJ2, v.interest.id);
    expect([after.status, after.interest.status]).toEqual(['expired', 'expired']);
    expect(await kinds(w.memberJ2.viewer.id, 'interest_expired')).toHaveLength(1);
    expect(await kinds(w.memberJ.viewer.id, 'interest_expired')).toHaveLength(1);
    // Running the handlers again changes nothing.
    const handlers = interestsJobHandlers(deps);
    const jobCtx = { db: database.db, log: deps.log, now: at(20), jobId: 0 };
    await handlers['interests.expire']!({ id: v.interest.id }, jobCtx);
    await handlers['interests.remind']!({ id: v.interest.id, day: 10 }, jobCtx);
    expect(await kinds(w.memberJ2.viewer.id, 'interest_expired')).toHaveLength(1);
    expect(await kinds(w.memberW.viewer.id, 'interest_reminder')).toHaveLength(2);
  });

  it('refuses to accept an expired interest (409), marking it expired even before the sweep', async () => {
    const sent = new Date('2025-06-01T10:00:00+08:00');
    clock = sent;
    const v = await svc.sendInterest(deps, w.memberW, interestInput(w.lj));
    clock = new Date(sent.getTime() + 14 * DAY + 1000);
    expect((await svc.getInterest(deps, w.memberJ, v.interest.id)).status).toBe('expired');
    const e = await failure(svc.answerInterest(deps, w.memberJ, v.interest.id, { accept: true }));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('该合作意向已于 2025-06-15 过期，无法再答复');
    const after = await svc.getInterest(deps, w.memberW, v.interest.id);
    expect([after.interest.status, after.conversationId]).toEqual(['expired', null]);
    expect((await notificationsOf(database, w.memberW.viewer.id)).map((n) => n.kind)).toContain(
      'interest_expired',
    );
  });

  it('lets a new interest replace one that expired unanswered', async () => {
    const sent = new Date('2025-08-01T10:00:00+08:00');
    clock = sent;
    const old = await svc.sendInterest(deps, w.memberJ2, interestInput(w.ly));
    clock = new Date(sent.getTime() + 15 * DAY);
    const fresh = await svc.sendInterest(deps, w.memberJ2, interestInput(w.ly));
    expect(fresh.status).toBe('open');
    expect((await svc.getInterest(deps, w.memberJ2, old.interest.id)).interest.status).toBe('expired');
  });
});

describe('the pipeline', () => {
  it('shows an organisation’s or a region’s interests to those who may see them, with filters', async () => {
    const all = await svc.interestsForPipeline(deps, w.memberJ, { kind: 'org', orgId: w.orgJ }, {});
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.every((r) => r.fromOrg.id === w.orgJ || r.toOrg.id === w.orgJ)).toBe(true);
    const toZ = all.find((r) => r.toOrg.id === w.orgZ)!;
    expect(toZ).toMatchObject({ status: 'accepted', listing: { ref: w.lz } });
    expect(toZ.conversationId).not.toBeNull();
    const sh = await svc.interestsForPipeline(
      deps,
      w.memberJ,
      { kind: 'org', orgId: w.orgJ },
      { counterpartRegion: 'CN-SH' },
    );
    expect(sh.map((r) => r.toOrg.regionCode === 'CN-SH' || r.fromOrg.regionCode === 'CN-SH')).not.toContain(
      false,
    );
    expect(sh.length).toBeGreaterThan(0);
    const capital = await svc.interestsForPipeline(
      deps,
      w.coordZJ,
      { kind: 'region', regionCode: 'CN-ZJ' },
      {
        category: 'capital',
      },
    );
    expect(capital.map((r) => r.listing.ref)).toEqual(expect.arrayContaining([w.ly]));
    expect(capital.every((r) => r.listing.ref === w.ly)).toBe(true);
    const declined = capital.find((r) => r.status === 'declined')!;
    expect(declined.declineReason).toBe('other');
    const a01 = await svc.interestsForPipeline(
      deps,
      w.admin,
      { kind: 'region', regionCode: 'CN-ZJ' },
      {
        sector: 'A',
      },
    );
    expect(a01.map((r) => r.listing.ref)).toEqual(capital.map((r) => r.listing.ref));
    expect(
      (await svc.interestsForPipeline(deps, w.coordJL, { kind: 'region', regionCode: 'CN-JL' }, {})).length,
    ).toBe(all.length);
  });

  it('refuses other organisations’ and other regions’ pipelines', async () => {
    const cases: [UseCaseContext, Parameters<typeof svc.interestsForPipeline>[2]][] = [
      [w.memberJ, { kind: 'org', orgId: w.orgZ }],
      [w.memberJ, { kind: 'region', regionCode: 'CN-JL' }],
      [w.coordJL, { kind: 'region', regionCode: 'CN-ZJ' }],
      [w.coordJL, { kind: 'org', orgId: w.orgJ }],
      [w.pendingMember, { kind: 'org', orgId: w.pendingMember.viewer.orgId! }],
    ];
    for (const [ctx, scope] of cases) {
      expect((await failure(svc.interestsForPipeline(deps, ctx, scope, {}))).code).toBe('forbidden');
    }
    expect(
      (await failure(svc.interestsForPipeline(deps, anonymous, { kind: 'org', orgId: w.orgJ }, {}))).code,
    ).toBe('unauthenticated');
  });
});
