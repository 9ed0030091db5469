import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeOrganisation, makeUser } from '../../test/factories.ts';
import { peopleOf } from '../accounts/people.service.ts';
import { outbox } from '../mail/schema.ts';
import { markNotificationsRead, myNotifications, notify, unreadCount } from './notifications.service.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import type { SessionUser } from '../accounts/sessions.ts';

let database: Database;
let orgJL: string;
let zhMember: { id: string; email: string };
let enMember: { id: string; email: string };
let coordJL: { id: string; email: string };
const URL = 'https://counterpart.example';

beforeAll(async () => {
  database = await openTestDatabase();
  orgJL = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: 'Antu Springs' });
  zhMember = await makeUser(database, { role: 'member', orgId: orgJL, lang: 'zh' });
  enMember = await makeUser(database, { role: 'member', orgId: orgJL, lang: 'en' });
  coordJL = await makeUser(database, { role: 'coordinator', regionCode: 'CN-JL', lang: 'en' });
  await makeUser(database, { role: 'coordinator', regionCode: 'CN-ZJ' });
});
afterAll(async () => database?.close());

function ctxOf(user: { id: string; email: string }, lang: 'en' | 'zh'): UseCaseContext {
  const viewer = { id: user.id, email: user.email, role: 'member', preferredLang: lang } as SessionUser;
  return { viewer, lang };
}

describe('people to notify', () => {
  it("finds an organisation's members and a region's coordinators once each, without the actor", async () => {
    const people = await peopleOf(database.db, {
      orgIds: [orgJL, orgJL],
      coordinatorsOf: ['CN-JL'],
      except: enMember.id,
    });
    expect(people.map((p) => p.id).sort()).toEqual([zhMember.id, coordJL.id].sort());
    expect(await peopleOf(database.db, {})).toEqual([]);
  });
});

describe('notify', () => {
  it('writes one notification and one mail per person, each in their own language', async () => {
    const people = await peopleOf(database.db, { orgIds: [orgJL] });
    await database.db.transaction((tx) =>
      notify(tx, URL, people, {
        kind: 'interest_declined',
        params: { org: 'Hangzhou Grocers', listing: '矿泉水', reason: { en: 'too early', zh: '时机未到' } },
        path: '/interests/abc',
      }),
    );
    const mails = await database.db.select().from(outbox);
    const zhMail = mails.find((m) => m.to === zhMember.email);
    const enMail = mails.find((m) => m.to === enMember.email);
    expect(zhMail?.subject).toBe('Hangzhou Grocers谢绝了您对“矿泉水”的合作意向（时机未到）');
    expect(zhMail?.text).toContain(`${URL}/zh/interests/abc`);
    expect(enMail?.subject).toBe('Hangzhou Grocers declined your interest in “矿泉水” (too early)');
    expect(enMail?.text).toContain(`${URL}/en/interests/abc`);

    // The same row reads in whichever language the reader uses now.
    const asZh = await myNotifications({ db: database.db }, ctxOf(enMember, 'zh'), { limit: 10 });
    expect(asZh.items[0]?.text).toContain('时机未到');
    expect(asZh.unread).toBe(1);
  });

  it('writes nothing when the transaction that caused it rolls back', async () => {
    const before = await unreadCount(database.db, zhMember.id);
    const people = await peopleOf(database.db, { orgIds: [orgJL] });
    await expect(
      database.db.transaction(async (tx) => {
        await notify(tx, URL, people, {
          kind: 'interest_received',
          params: { org: 'X', listing: 'Y' },
          path: '/interests/x',
        });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await unreadCount(database.db, zhMember.id)).toBe(before);
  });

  it("marks only the reader's own notifications read", async () => {
    const deps = { db: database.db, now: () => new Date() };
    const mine = await myNotifications(deps, ctxOf(zhMember, 'zh'), { limit: 10 });
    const theirs = await myNotifications(deps, ctxOf(enMember, 'en'), { limit: 10 });
    // Someone else's id marks nothing.
    expect(await markNotificationsRead(deps, ctxOf(zhMember, 'zh'), theirs.items[0]!.id)).toBe(0);
    expect(await markNotificationsRead(deps, ctxOf(zhMember, 'zh'), mine.items[0]!.id)).toBe(1);
    expect(await unreadCount(database.db, zhMember.id)).toBe(0);
    expect(await unreadCount(database.db, enMember.id)).toBe(theirs.unread);
    await expect(myNotifications(deps, { viewer: null, lang: 'en' }, { limit: 1 })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });
});
