import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { testDeps } from '../../test/deps.ts';
import { makeOrganisation, makeUser } from '../../test/factories.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import type { SessionUser } from '../accounts/sessions.ts';
import { interests } from '../interests/schema.ts';
import { createListing } from '../listings/listings.service.ts';

// Tests only: organisations and people of Jilin, Zhejiang and Shanghai, listings and interests between
// them, and small real documents.

/** A small but real PDF (the checks read the first bytes, never the name). */
export const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
/** A Windows executable's first bytes, as a file renamed to .pdf would carry them. */
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

export function pdfFile(name = 'contract.pdf'): File {
  return new File([PDF], name, { type: 'application/pdf' });
}

export interface Cast {
  orgs: { jl: string; zj: string; sh: string; pending: string };
  jlMember: SessionUser;
  zjMember: SessionUser;
  shMember: SessionUser;
  jlCoord: SessionUser;
  zjCoord: SessionUser;
  shCoord: SessionUser;
  admin: SessionUser;
}

async function person(
  database: Database,
  opts: {
    role: SessionUser['role'];
    regionCode?: string;
    orgId?: string;
    orgStatus?: SessionUser['orgStatus'];
  },
  lang: 'en' | 'zh' = 'en',
): Promise<SessionUser> {
  const u = await makeUser(database, { ...opts, lang });
  return {
    id: u.id,
    email: u.email,
    name: `Test ${opts.role}`,
    role: opts.role,
    regionCode: opts.regionCode ?? null,
    orgId: opts.orgId ?? null,
    orgStatus: opts.orgId ? (opts.orgStatus ?? 'approved') : null,
    preferredLang: lang,
  };
}

/** Three approved organisations (Jilin, Zhejiang, Shanghai), a pending one, their members and coordinators. */
export async function makeCast(database: Database): Promise<Cast> {
  const jl = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: 'Changbai Spring Water' });
  const zj = await makeOrganisation(database, { regionCode: 'CN-ZJ', nameEn: 'Hangzhou Fresh Mart' });
  const sh = await makeOrganisation(database, { regionCode: 'CN-SH', nameEn: 'Pudong Logistics' });
  const pending = await makeOrganisation(database, { regionCode: 'CN-ZJ', status: 'pending' });
  return {
    orgs: { jl, zj, sh, pending },
    jlMember: await person(database, { role: 'member', orgId: jl }),
    zjMember: await person(database, { role: 'member', orgId: zj }, 'zh'),
    shMember: await person(database, { role: 'member', orgId: sh }),
    jlCoord: await person(database, { role: 'coordinator', regionCode: 'CN-JL' }, 'zh'),
    zjCoord: await person(database, { role: 'coordinator', regionCode: 'CN-ZJ' }),
    shCoord: await person(database, { role: 'coordinator', regionCode: 'CN-SH' }),
    admin: await person(database, { role: 'admin' }),
  };
}

export function ctxOf(viewer: SessionUser | null, lang: 'en' | 'zh' = 'en'): UseCaseContext {
  return { viewer, lang };
}

/** Deps over the test database with files under a fresh temporary folder. */
export function agreementTestDeps(database: Database) {
  const filesDir = mkdtempSync(join(tmpdir(), 'cp-agreements-'));
  return testDeps(database, loadConfig({ LOG_LEVEL: 'silent', FILES_DIR: filesDir }));
}

/** A published listing of an organisation, posted by an admin; its ref and id. */
export async function makeListing(
  deps: Parameters<typeof createListing>[0],
  admin: SessionUser,
  orgId: string,
  title = 'Natural mineral water wanted',
): Promise<{ id: string; ref: string }> {
  const row = await createListing(deps, ctxOf(admin), {
    orgId,
    direction: 'seek',
    category: 'product',
    title,
    description: 'We distribute bottled mineral water to supermarkets and want new sources.',
    language: 'en',
  });
  return { id: row.id, ref: row.ref };
}

/** An accepted expression of interest from one organisation in another's listing (a fixture row). */
export async function makeInterest(
  database: Database,
  o: { listingId: string; fromOrgId: string; toOrgId: string; fromRegion: string; toRegion: string },
): Promise<string> {
  const now = new Date();
  const [row] = await database.db
    .insert(interests)
    .values({
      listingId: o.listingId,
      fromOrgId: o.fromOrgId,
      toOrgId: o.toOrgId,
      fromRegionCode: o.fromRegion,
      toRegionCode: o.toRegion,
      message: 'We would like to supply you.',
      bring: 'Spring water',
      form: 'trade',
      timeline: 'within_3_months',
      status: 'accepted',
      sentAt: now,
      expiresAt: new Date(now.getTime() + 14 * 86400_000),
      answeredAt: now,
    })
    .returning({ id: interests.id });
  return row!.id;
}
