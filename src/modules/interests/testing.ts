import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { makeOrganisation, makeUser } from '../../test/factories.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import type { SessionUser } from '../accounts/sessions.ts';
import { createListing, closeListing, type ListingDeps } from '../listings/listings.service.ts';
import { contextFor, input } from '../listings/testing.ts';
import { outbox } from '../mail/schema.ts';
import { notifications } from '../notifications/schema.ts';
import type { InterestInput } from './fields.ts';

// Tests only: two organisations of Jilin and Zhejiang with listings, a third party, and people of each role.

export type Ctx = UseCaseContext & { viewer: SessionUser };

/** A user in the database (with their language) and a context acting as them. */
export async function person(
  database: Database,
  role: SessionUser['role'],
  opts: {
    orgId?: string;
    regionCode?: string;
    lang?: 'en' | 'zh';
    orgStatus?: SessionUser['orgStatus'];
  } = {},
): Promise<Ctx> {
  const user = await makeUser(database, {
    role,
    orgId: opts.orgId,
    regionCode: opts.regionCode,
    lang: opts.lang,
  });
  return contextFor(user, role, {
    orgId: opts.orgId ?? null,
    regionCode: opts.regionCode ?? null,
    lang: opts.lang ?? 'en',
    orgStatus: opts.orgStatus,
  });
}

export interface World {
  orgJ: string;
  orgZ: string;
  orgY: string;
  orgW: string;
  /** Jilin member (reads Chinese), a second Jilin member (English). */
  memberJ: Ctx;
  memberJ2: Ctx;
  memberZ: Ctx;
  memberY: Ctx;
  memberW: Ctx;
  pendingMember: Ctx;
  coordJL: Ctx;
  coordZJ: Ctx;
  coordGD: Ctx;
  admin: Ctx;
  /** Jilin's water offer, Zhejiang's water need, a second Zhejiang listing, a Shanghai and a closed one. */
  lj: string;
  lz: string;
  ly: string;
  lw: string;
  closed: string;
}

/** Builds the world: organisations, people and published listings (valid until 2099). */
export async function makeWorld(database: Database, deps: ListingDeps): Promise<World> {
  const orgJ = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: 'Antu Springs' });
  const orgZ = await makeOrganisation(database, { regionCode: 'CN-ZJ', nameEn: 'Hangzhou Fresh Mart' });
  const orgY = await makeOrganisation(database, { regionCode: 'CN-ZJ', nameEn: 'Ningbo Harbour Foods' });
  const orgW = await makeOrganisation(database, { regionCode: 'CN-SH', nameEn: 'Shanghai Wholesale' });
  const orgP = await makeOrganisation(database, { regionCode: 'CN-JL', status: 'pending' });
  const coordJL = await person(database, 'coordinator', { regionCode: 'CN-JL' });
  const coordSH = await person(database, 'coordinator', { regionCode: 'CN-SH' });
  const coordZJ = await person(database, 'coordinator', { regionCode: 'CN-ZJ', lang: 'zh' });
  const post = async (ctx: Ctx, orgId: string, over: Parameters<typeof input>[0]) =>
    (await createListing(deps, ctx, input({ orgId, validUntil: '2099-12-31', ...over }))).ref;
  const lj = await post(coordJL, orgJ, { title: 'Natural mineral water from Changbai Mountain' });
  const lz = await post(coordZJ, orgZ, {
    direction: 'seek',
    title: 'Bottled mineral water wanted for our supermarkets',
    description: 'We buy natural mineral water in 500 ml bottles for 120 stores.',
  });
  const ly = await post(coordZJ, orgY, {
    direction: 'seek',
    category: 'capital',
    sector: 'A01',
    title: 'Partner wanted for a rice processing plant',
  });
  const lw = await post(coordSH, orgW, { direction: 'seek', title: 'Wholesale buyer of spring water' });
  const closed = await post(coordZJ, orgZ, { direction: 'seek', title: 'Old need for bottled tea' });
  await closeListing(deps, coordZJ, closed);
  return {
    orgJ,
    orgZ,
    orgY,
    orgW,
    memberJ: await person(database, 'member', { orgId: orgJ, lang: 'zh' }),
    memberJ2: await person(database, 'member', { orgId: orgJ }),
    memberZ: await person(database, 'member', { orgId: orgZ }),
    memberY: await person(database, 'member', { orgId: orgY }),
    memberW: await person(database, 'member', { orgId: orgW, lang: 'zh' }),
    pendingMember: await person(database, 'member', { orgId: orgP, orgStatus: 'pending' }),
    coordJL,
    coordZJ,
    coordGD: await person(database, 'coordinator', { regionCode: 'CN-GD' }),
    admin: await person(database, 'admin'),
    lj,
    lz,
    ly,
    lw,
    closed,
  };
}

/** A complete interest form for a listing. */
export function interestInput(listingRef: string, over: Partial<InterestInput> = {}): InterestInput {
  return {
    listingRef,
    message: 'We bottle Changbai spring water and would like to supply your stores.',
    bring: 'Year-round supply, 500 ml and 5 l bottles, cold-chain delivery.',
    form: 'trade',
    timeline: 'within_3_months',
    ...over,
  };
}

/** A user's notifications, oldest first: kind, path and params. */
export async function notificationsOf(database: Database, userId: string) {
  const rows = await database.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(notifications.id);
  return rows.map((r) => ({ kind: r.kind, path: r.path, params: r.params }));
}

/** The subjects of mails queued to an address whose subject contains `text`. */
export async function mailsTo(database: Database, email: string, text = ''): Promise<string[]> {
  const rows = await database.db
    .select({ subject: outbox.subject })
    .from(outbox)
    .where(and(eq(outbox.to, email)))
    .orderBy(outbox.id);
  return rows.map((r) => r.subject).filter((s) => s.includes(text));
}
