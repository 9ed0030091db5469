import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { organisations, users } from '../modules/accounts/schema.ts';
import { createSession } from '../modules/accounts/sessions.ts';
import type { TestClient } from './app.ts';

type Role = 'admin' | 'coordinator' | 'member';

/** Inserts a user (not able to sign in with a password) and returns its id. */
export async function makeUser(
  database: Database,
  opts: { role: Role; regionCode?: string; orgId?: string; email?: string; lang?: 'en' | 'zh' },
): Promise<{ id: string; email: string }> {
  const email = opts.email ?? `${opts.role}-${randomBytes(4).toString('hex')}@test.example`;
  const [row] = await database.db
    .insert(users)
    .values({
      email,
      name: `Test ${opts.role}`,
      role: opts.role,
      regionCode: opts.regionCode ?? null,
      orgId: opts.orgId ?? null,
      preferredLang: opts.lang ?? 'en',
      passwordHash: '!',
    })
    .returning({ id: users.id });
  return { id: row!.id, email };
}

/** Inserts an organisation in a region with the given status. */
export async function makeOrganisation(
  database: Database,
  opts: { regionCode: string; status?: 'pending' | 'approved' | 'suspended'; nameEn?: string },
): Promise<string> {
  const nameEn = opts.nameEn ?? `Org ${randomBytes(3).toString('hex')}`;
  const [row] = await database.db
    .insert(organisations)
    .values({
      nameEn,
      nameZh: `机构${nameEn}`,
      type: 'enterprise',
      regionCode: opts.regionCode,
      status: opts.status ?? 'approved',
    })
    .returning({ id: organisations.id });
  return row!.id;
}

/** Makes a user and signs the client in as them by giving it a real session cookie. */
export async function signInAs(
  client: TestClient,
  database: Database,
  opts: Parameters<typeof makeUser>[1],
): Promise<{ id: string; email: string }> {
  const user = await makeUser(database, opts);
  const token = await createSession(database.db, user.id, new Date(), { ip: null, userAgent: null });
  client.setCookie('cp_session', token);
  return user;
}
