import type { Deps } from '../../web/env.ts';
import { recordAudit, SYSTEM } from '../audit/audit.service.ts';
import * as repo from './accounts.repo.ts';
import type { NewOrganisation, OrganisationRow, UserRow } from './accounts.repo.ts';
import { insertSystemUser } from './accounts.service.ts';
import { hashPassword } from './passwords.ts';

// Idempotent creation for seeding (the demo loader): system actor, audited, never overwriting.

export type SeedOrganisation = Omit<NewOrganisation, 'id' | 'createdAt' | 'updatedAt'>;

/** The organisation with this English name, created from the spec when missing. */
export async function seedOrganisation(deps: Deps, spec: SeedOrganisation): Promise<OrganisationRow> {
  const existing = await repo.findOrganisationByNameEn(deps.db, spec.nameEn);
  if (existing) return existing;
  return deps.db.transaction(async (tx) => {
    const org = await repo.insertOrganisation(tx, spec);
    await recordAudit(tx, {
      actor: SYSTEM,
      action: 'organisation.registered',
      entity: 'organisation',
      entityId: org.id,
      after: org,
    });
    return org;
  });
}

export interface SeedUser {
  email: string;
  name: string;
  role: UserRow['role'];
  regionCode?: string;
  orgId?: string;
  preferredLang: UserRow['preferredLang'];
}

/** Creates the user with this password unless the email exists; an existing account is left untouched. */
export async function seedUser(deps: Deps, spec: SeedUser, password: string): Promise<{ created: boolean }> {
  if (await repo.findUserByEmail(deps.db, spec.email)) return { created: false };
  const passwordHash = await hashPassword(password);
  await deps.db.transaction((tx) => insertSystemUser(tx, { ...spec, passwordHash }));
  return { created: true };
}

/** Whether any account exists at all (an empty database gets the demo content on first start). */
export function hasAnyUser(deps: Pick<Deps, 'db'>): Promise<boolean> {
  return repo.hasUserWithRole(deps.db);
}
