import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { openTestDatabase } from '../../test/db.ts';
import type { SessionUser } from '../accounts/sessions.ts';
import { storedFiles } from '../files/schema.ts';
import { outbox } from '../mail/schema.ts';
import { notifications } from '../notifications/schema.ts';
import type { AgreementInput } from './fields.ts';
import {
  addDocuments,
  agreementDocument,
  agreementsAwaitingConfirmation,
  agreementsForPipeline,
  confirmAgreement,
  getAgreement,
  listAgreements,
  recordAgreement,
  type AgreementDeps,
} from './agreements.service.ts';
import { agreements } from './schema.ts';
import {
  agreementTestDeps,
  ctxOf,
  EXE,
  makeCast,
  makeInterest,
  makeListing,
  pdfFile,
  type Cast,
} from './testing.ts';

// The agreement use cases on a real database: who records, sees, confirms and adds documents; bad input
// names its field and writes nothing; coordinators are asked to confirm and parties told when it is done.

let database: Database;
let deps: AgreementDeps;
let cast: Cast;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = agreementTestDeps(database).deps;
  cast = await makeCast(database);
});

afterAll(async () => {
  await database.close();
});

function input(over: Partial<AgreementInput> = {}): AgreementInput {
  return {
    type: 'trade',
    title: 'Supply of Changbai mineral water to Hangzhou stores',
    summary: 'Three years of supply, 550 ml and 5 l bottles.',
    language: 'en',
    valueCny: 12_000_000,
    signedOn: '2018-05-20',
    signedPlace: 'Hangzhou',
    partyOrgIds: [cast.orgs.jl, cast.orgs.zj],
    ...over,
  };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function rows(table: typeof agreements | typeof storedFiles): Promise<number> {
  const [r] = await database.db.select({ n: count() }).from(table);
  return r?.n ?? 0;
}

async function notified(user: SessionUser, kind: string): Promise<string[]> {
  const found = await database.db.select().from(notifications).where(eq(notifications.userId, user.id));
  return found.filter((n) => n.kind === kind).map((n) => n.path);
}

async function mailsTo(user: SessionUser): Promise<string[]> {
  return (await database.db.select().from(outbox).where(eq(outbox.to, user.email))).map((m) => m.subject);
}

describe('recording', () => {
  it('a member records an agreement; both regions’ coordinators are asked to confirm', async () => {
    const a = await recordAgreement(deps, ctxOf(cast.jlMember), input(), [pdfFile()]);
    expect(a.parties.map((p) => p.regionCode).sort()).toEqual(['CN-JL', 'CN-ZJ']);
    expect(a.confirmed).toBe(false);
    expect(a.valueCny).toBe(12_000_000);
    for (const coord of [cast.jlCoord, cast.zjCoord]) {
      expect(await notified(coord, 'agreement_to_confirm')).toContain(`/agreements/${a.id}`);
    }
    expect(await notified(cast.shCoord, 'agreement_to_confirm')).toEqual([]);
    // Mails go out in each person's language: the Jilin coordinator reads Chinese.
    expect(await mailsTo(cast.jlCoord)).toContain(
      '有一份协议等待您确认：“Supply of Changbai mineral water to Hangzhou stores”',
    );
    expect(await mailsTo(cast.zjCoord)).toContain(
      'An agreement waits for your confirmation: “Supply of Changbai mineral water to Hangzhou stores”',
    );
    const view = await getAgreement(deps, ctxOf(cast.zjMember), a.id);
    expect(view.documents).toMatchObject([
      { name: 'contract.pdf', mediaType: 'application/pdf', confidential: true },
    ]);
    expect(view.status).toBe('awaiting_confirmation');
  });

  it('a coordinator who records it confirms their own region at once; only the other is asked', async () => {
    const a = await recordAgreement(deps, ctxOf(cast.zjCoord), input({ title: 'Coordinator-recorded' }));
    expect(a.confirmedRegions).toEqual(['CN-ZJ']);
    const jl = await notified(cast.jlCoord, 'agreement_to_confirm');
    expect(jl).toContain(`/agreements/${a.id}`);
    expect(await notified(cast.zjCoord, 'agreement_to_confirm')).not.toContain(`/agreements/${a.id}`);
  });

  it('refuses members of other organisations and coordinators of other regions', async () => {
    expect((await failure(recordAgreement(deps, ctxOf(cast.shMember), input()))).code).toBe('forbidden');
    expect((await failure(recordAgreement(deps, ctxOf(cast.shCoord), input()))).code).toBe('forbidden');
    expect((await failure(recordAgreement(deps, ctxOf(null), input()))).code).toBe('unauthenticated');
    const pendingMember = { ...cast.jlMember, orgId: cast.orgs.pending, orgStatus: 'pending' as const };
    expect((await failure(recordAgreement(deps, ctxOf(pendingMember), input()))).code).toBe('forbidden');
    // Admins may record for any parties.
    await recordAgreement(deps, ctxOf(cast.admin), input({ title: 'By an admin' }));
  });

  const bad: [string, Partial<AgreementInput>, string][] = [
    ['one party', {}, 'partyOrgIds'],
    ['the same party twice', {}, 'partyOrgIds'],
    ['an unknown party', {}, 'partyOrgIds'],
    ['a party id of the wrong form', {}, 'partyOrgIds'],
    ['a pending party', {}, 'partyOrgIds'],
    ['a negative value', { valueCny: -1 }, 'valueCny'],
    ['an absurd value', { valueCny: 5e15 }, 'valueCny'],
    ['a future signing date', { signedOn: '2999-01-01' }, 'signedOn'],
    ['an impossible signing date', { signedOn: '2018-02-30' }, 'signedOn'],
    ['a signing date before 1990', { signedOn: '1989-12-31' }, 'signedOn'],
    ['a date in the wrong form', { signedOn: '20/05/2018' }, 'signedOn'],
    ['an empty title', { title: '  ' }, 'title'],
    ['an unknown type', { type: 'barter' as AgreementInput['type'] }, 'type'],
  ];
  it.each(bad)('refuses %s with a 400 naming the field and writes nothing', async (name, over, field) => {
    // Party ids exist only once the cast is made, so those cases are filled in here.
    const parties: Record<string, string[]> = {
      'one party': [cast.orgs.jl],
      'the same party twice': [cast.orgs.jl, cast.orgs.jl.toUpperCase()],
      'an unknown party': [cast.orgs.jl, '00000000-0000-4000-8000-000000000000'],
      'a party id of the wrong form': [cast.orgs.jl, 'acme'],
      'a pending party': [cast.orgs.jl, cast.orgs.pending],
    };
    const before = [await rows(agreements), await rows(storedFiles)];
    const err = await failure(
      recordAgreement(
        deps,
        ctxOf(cast.jlMember),
        input({ ...over, ...(parties[name] ? { partyOrgIds: parties[name] } : {}) }),
        [pdfFile()],
      ),
    );
    expect(err.code).toBe('validation');
    expect(err.issues.map((i) => i.field)).toContain(field);
    expect([await rows(agreements), await rows(storedFiles)]).toEqual(before);
  });

  it('refuses oversized and wrongly typed documents, naming documents, writing no agreement or file', async () => {
    const before = [await rows(agreements), await rows(storedFiles)];
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode('%PDF-1.4'));
    for (const file of [
      new File([big], 'huge.pdf', { type: 'application/pdf' }),
      new File([EXE], 'invoice.pdf', { type: 'application/pdf' }),
    ]) {
      const err = await failure(recordAgreement(deps, ctxOf(cast.jlMember), input(), [pdfFile(), file]));
      expect(err.code).toBe('validation');
      expect(err.issues[0]?.field).toBe('documents');
      expect(err.issues[0]?.message).toContain(file.name);
    }
    expect([await rows(agreements), await rows(storedFiles)]).toEqual(before);
  });

  it('records sources: interests between the parties and the parties’ listings', async () => {
    const listing = await makeListing(deps, cast.admin, cast.orgs.zj);
    const interest = await makeInterest(database, {
      listingId: listing.id,
      fromOrgId: cast.orgs.jl,
      toOrgId: cast.orgs.zj,
      fromRegion: 'CN-JL',
      toRegion: 'CN-ZJ',
    });
    const a = await recordAgreement(
      deps,
      ctxOf(cast.jlMember),
      input({ interestIds: [interest], listingRefs: [listing.ref] }),
    );
    const view = await getAgreement(deps, ctxOf(cast.jlCoord), a.id);
    expect(view.sources.interests).toMatchObject([
      { id: interest, listing: { ref: listing.ref, title: 'Natural mineral water wanted' } },
    ]);
    expect(view.sources.listings).toEqual([
      { ref: listing.ref, title: 'Natural mineral water wanted', language: 'en' },
    ]);

    // An interest not between the parties, an unknown one, a listing of no party: 400 naming the field.
    const shListing = await makeListing(deps, cast.admin, cast.orgs.sh);
    const other = await makeInterest(database, {
      listingId: shListing.id,
      fromOrgId: cast.orgs.jl,
      toOrgId: cast.orgs.sh,
      fromRegion: 'CN-JL',
      toRegion: 'CN-SH',
    });
    const cases: [Partial<AgreementInput>, string][] = [
      [{ interestIds: [other] }, 'interestIds'],
      [{ interestIds: ['00000000-0000-4000-8000-000000000001'] }, 'interestIds'],
      [{ interestIds: ['not-an-id'] }, 'interestIds'],
      [{ listingRefs: [shListing.ref] }, 'listingRefs'],
      [{ listingRefs: ['no-such-ref'] }, 'listingRefs'],
    ];
    for (const [over, field] of cases) {
      const err = await failure(recordAgreement(deps, ctxOf(cast.jlMember), input(over)));
      expect(err.issues.map((i) => i.field)).toEqual([field]);
    }
  });
});

describe('confirming', () => {
  it('each region’s coordinator confirms for their own; the last one completes it and tells the parties', async () => {
    const a = await recordAgreement(deps, ctxOf(cast.jlMember), input({ title: 'To confirm' }));
    const path = `/agreements/${a.id}`;
    expect((await agreementsAwaitingConfirmation(deps, ctxOf(cast.zjCoord))).map((x) => x.id)).toContain(
      a.id,
    );

    // A coordinator of Jilin cannot confirm for Zhejiang's organisations.
    expect((await failure(confirmAgreement(deps, ctxOf(cast.jlCoord), a.id, 'CN-ZJ'))).code).toBe(
      'forbidden',
    );
    // Members never confirm; a coordinator of no party's region does not even see it.
    expect((await failure(confirmAgreement(deps, ctxOf(cast.jlMember), a.id))).code).toBe('forbidden');
    expect((await failure(confirmAgreement(deps, ctxOf(cast.shCoord), a.id))).code).toBe('not_found');

    const first = await confirmAgreement(deps, ctxOf(cast.jlCoord), a.id);
    expect(first.confirmedRegions).toEqual(['CN-JL']);
    expect(first.confirmed).toBe(false);
    expect(await notified(cast.zjMember, 'agreement_confirmed')).not.toContain(path);
    expect((await failure(confirmAgreement(deps, ctxOf(cast.jlCoord), a.id))).code).toBe('conflict');

    const done = await confirmAgreement(deps, ctxOf(cast.zjCoord), a.id);
    expect(done.confirmed).toBe(true);
    expect(await notified(cast.zjMember, 'agreement_confirmed')).toContain(path);
    expect(await notified(cast.jlMember, 'agreement_confirmed')).toContain(path);
    expect(await notified(cast.shMember, 'agreement_confirmed')).not.toContain(path);
    expect(await mailsTo(cast.zjMember)).toContain('协议“To confirm”已获各方地区确认');
    expect((await agreementsAwaitingConfirmation(deps, ctxOf(cast.zjCoord))).map((x) => x.id)).not.toContain(
      a.id,
    );

    const view = await getAgreement(deps, ctxOf(cast.jlMember), a.id);
    expect(view.status).toBe('confirmed');
    expect(view.confirmations.map((c) => [c.regionCode, c.confirmedBy])).toEqual([
      ['CN-JL', cast.jlCoord.id],
      ['CN-ZJ', cast.zjCoord.id],
    ]);
  });

  it('admins confirm for a named party region', async () => {
    const a = await recordAgreement(
      deps,
      ctxOf(cast.admin),
      input({ title: 'Three parties', partyOrgIds: [cast.orgs.jl, cast.orgs.zj, cast.orgs.sh] }),
    );
    const err = await failure(confirmAgreement(deps, ctxOf(cast.admin), a.id));
    expect(err.issues[0]?.field).toBe('regionCode');
    expect((await failure(confirmAgreement(deps, ctxOf(cast.admin), a.id, 'CN-BJ'))).issues[0]?.field).toBe(
      'regionCode',
    );
    expect((await confirmAgreement(deps, ctxOf(cast.admin), a.id, 'CN-SH')).confirmedRegions).toEqual([
      'CN-SH',
    ]);
    expect((await failure(confirmAgreement(deps, ctxOf(cast.admin), a.id, 'CN-SH'))).code).toBe('conflict');
  });
});

describe('seeing and documents', () => {
  it('the parties, their coordinators and admins see it; others get 404', async () => {
    const a = await recordAgreement(deps, ctxOf(cast.jlMember), input({ title: 'Seen' }), [
      pdfFile('signed.pdf'),
    ]);
    for (const v of [cast.jlMember, cast.zjMember, cast.jlCoord, cast.zjCoord, cast.admin]) {
      expect((await getAgreement(deps, ctxOf(v), a.id)).agreement.title).toBe('Seen');
    }
    for (const v of [cast.shMember, cast.shCoord]) {
      expect((await failure(getAgreement(deps, ctxOf(v), a.id))).code).toBe('not_found');
    }
    expect((await failure(getAgreement(deps, ctxOf(null), a.id))).code).toBe('unauthenticated');
    expect((await failure(getAgreement(deps, ctxOf(cast.admin), 'nope'))).code).toBe('not_found');

    const [doc] = (await getAgreement(deps, ctxOf(cast.zjCoord), a.id)).documents;
    const got = await agreementDocument(deps, ctxOf(cast.zjMember), a.id, doc!.fileId);
    expect(new TextDecoder().decode(got.bytes.slice(0, 8))).toBe('%PDF-1.4');
    expect((await failure(agreementDocument(deps, ctxOf(cast.shMember), a.id, doc!.fileId))).code).toBe(
      'not_found',
    );
    // A file of another agreement is not this one's.
    const other = await recordAgreement(deps, ctxOf(cast.jlMember), input(), [pdfFile('other.pdf')]);
    const [otherDoc] = (await getAgreement(deps, ctxOf(cast.jlMember), other.id)).documents;
    expect((await failure(agreementDocument(deps, ctxOf(cast.jlMember), a.id, otherDoc!.fileId))).code).toBe(
      'not_found',
    );
  });

  it('parties and their coordinators add documents; bad files write nothing', async () => {
    const a = await recordAgreement(deps, ctxOf(cast.zjMember), input({ title: 'Docs' }));
    await addDocuments(deps, ctxOf(cast.zjMember), a.id, [pdfFile('annex.pdf')], false);
    await addDocuments(deps, ctxOf(cast.jlCoord), a.id, [pdfFile('minutes.pdf')], true);
    const view = await getAgreement(deps, ctxOf(cast.jlMember), a.id);
    expect(view.documents.map((d) => [d.name, d.confidential]).sort()).toEqual([
      ['annex.pdf', false],
      ['minutes.pdf', true],
    ]);
    expect((await failure(addDocuments(deps, ctxOf(cast.shMember), a.id, [pdfFile()], true))).code).toBe(
      'not_found',
    );
    const before = await rows(storedFiles);
    const bad = await failure(
      addDocuments(deps, ctxOf(cast.jlMember), a.id, [new File([EXE], 'x.pdf')], true),
    );
    expect(bad.issues[0]?.field).toBe('documents');
    expect((await failure(addDocuments(deps, ctxOf(cast.jlMember), a.id, [], true))).issues[0]?.field).toBe(
      'documents',
    );
    expect(await rows(storedFiles)).toBe(before);
  });
});

describe('lists and pipelines', () => {
  it('lists the viewer’s organisation’s or region’s agreements; admins all', async () => {
    const a = await recordAgreement(
      deps,
      ctxOf(cast.shMember),
      input({ title: 'SH-ZJ', partyOrgIds: [cast.orgs.sh, cast.orgs.zj] }),
    );
    const list = async (v: SessionUser) =>
      (await listAgreements(deps, ctxOf(v), { page: 1, pageSize: 100 })).rows;
    const ids = async (v: SessionUser) => (await list(v)).map((r) => r.id);
    const sh = await list(cast.shMember);
    expect(sh.map((r) => r.id)).toContain(a.id);
    expect(sh.every((r) => r.parties.some((p) => p.orgId === cast.orgs.sh))).toBe(true);
    expect(await ids(cast.zjMember)).toContain(a.id);
    expect(await ids(cast.jlMember)).not.toContain(a.id);
    const shRegion = await list(cast.shCoord);
    expect(shRegion.map((r) => r.id)).toContain(a.id);
    expect(shRegion.every((r) => r.parties.some((p) => p.regionCode === 'CN-SH'))).toBe(true);
    expect(await ids(cast.jlCoord)).not.toContain(a.id);
    expect(await ids(cast.admin)).toContain(a.id);
  });

  it('answers pipelines within the viewer’s scope, filtered by counterpart region and source category', async () => {
    const listing = await makeListing(deps, cast.admin, cast.orgs.zj, 'Tea wanted');
    const a = await recordAgreement(
      deps,
      ctxOf(cast.zjMember),
      input({ title: 'Piped', listingRefs: [listing.ref] }),
    );
    const zjScope = { kind: 'region', regionCode: 'CN-ZJ' } as const;
    const all = await agreementsForPipeline(deps, ctxOf(cast.zjCoord), zjScope, {});
    expect(all.find((x) => x.id === a.id)).toMatchObject({
      awaitingRegions: ['CN-JL', 'CN-ZJ'],
      confirmed: false,
    });
    const fromJl = await agreementsForPipeline(deps, ctxOf(cast.zjCoord), zjScope, {
      counterpartRegion: 'CN-JL',
    });
    expect(fromJl.map((x) => x.id)).toContain(a.id);
    expect(fromJl.every((x) => x.parties.some((p) => p.regionCode === 'CN-JL'))).toBe(true);
    const fromSh = await agreementsForPipeline(deps, ctxOf(cast.zjCoord), zjScope, {
      counterpartRegion: 'CN-SH',
    });
    expect(fromSh.map((x) => x.id)).not.toContain(a.id);
    expect(fromSh.length).toBeGreaterThan(0);
    const products = await agreementsForPipeline(deps, ctxOf(cast.zjCoord), zjScope, { category: 'product' });
    expect(products.map((x) => x.id)).toContain(a.id);
    expect(
      (await agreementsForPipeline(deps, ctxOf(cast.zjCoord), zjScope, { category: 'capital' })).length,
    ).toBe(0);

    const own = await agreementsForPipeline(
      deps,
      ctxOf(cast.jlMember),
      { kind: 'org', orgId: cast.orgs.jl },
      {},
    );
    expect(own.map((x) => x.id)).toContain(a.id);
    const scopes: [SessionUser, Parameters<typeof agreementsForPipeline>[2]][] = [
      [cast.jlMember, { kind: 'org', orgId: cast.orgs.zj }],
      [cast.jlMember, { kind: 'region', regionCode: 'CN-JL' }],
      [cast.jlCoord, zjScope],
    ];
    for (const [v, scope] of scopes) {
      expect((await failure(agreementsForPipeline(deps, ctxOf(v), scope, {}))).code).toBe('forbidden');
    }
    expect((await agreementsForPipeline(deps, ctxOf(cast.admin), zjScope, {})).map((x) => x.id)).toContain(
      a.id,
    );
  });

  it('nothing waits for members', async () => {
    expect(await agreementsAwaitingConfirmation(deps, ctxOf(cast.jlMember))).toEqual([]);
    const ids = (await database.db.select({ id: agreements.id }).from(agreements)).map((r) => r.id);
    const adminWaits = await agreementsAwaitingConfirmation(deps, ctxOf(cast.admin));
    expect(adminWaits.every((x) => ids.includes(x.id) && x.awaitingRegions.length > 0)).toBe(true);
  });
});
