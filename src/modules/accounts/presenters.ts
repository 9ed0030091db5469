import type { z } from '@hono/zod-openapi';
import type { OrganisationRow, UserRow } from './accounts.repo.ts';
import type { OrganisationSchema, UserSchema } from './schemas.ts';
import type { SessionUser } from './sessions.ts';

/** The public shape of a user: no password hash, no flags. */
export function presentUser(
  user: Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'regionCode' | 'orgId' | 'preferredLang'>,
  orgStatus: SessionUser['orgStatus'],
): z.infer<typeof UserSchema> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    regionCode: user.regionCode,
    orgId: user.orgId,
    orgStatus,
    preferredLang: user.preferredLang,
  };
}

/** The public shape of an organisation. */
export function presentOrganisation(org: OrganisationRow): z.infer<typeof OrganisationSchema> {
  return {
    id: org.id,
    nameZh: org.nameZh,
    nameEn: org.nameEn,
    type: org.type,
    regionCode: org.regionCode,
    areaCode: org.areaCode,
    website: org.website,
    description: org.description,
    status: org.status,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}

/** An organisation's name in the given language. */
export function orgName(org: Pick<OrganisationRow, 'nameZh' | 'nameEn'>, lang: 'en' | 'zh'): string {
  return lang === 'zh' ? org.nameZh : org.nameEn;
}

/** What the audit log keeps of a user: who they are, never their credentials. */
export function auditUser(user: UserRow) {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    regionCode: user.regionCode,
    orgId: user.orgId,
    preferredLang: user.preferredLang,
  };
}
