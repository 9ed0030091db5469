import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../web/env.ts';
import {
  hasAnyUser as anyUser,
  seedOrganisation,
  seedUser,
  type SeedOrganisation,
  type SeedUser,
} from '../accounts/accounts.seed.ts';
import { SYSTEM_CONTEXT } from '../accounts/context.ts';
import { generatePassword } from '../accounts/passwords.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { importListings, type ImportListingsReport } from '../listings/import.ts';
import { formatLegacyError } from '../news/legacy/parse.ts';
import { importNews, type ImportedNews } from '../news/news.import.ts';
import { relateArticles } from '../news/news.service.ts';
import { pairingsOf } from '../regions/regions.service.ts';
import { DEMO_COORDINATORS, DEMO_ORGANISATIONS } from './demo.data.ts';
import { DEMO_LISTING_ORGANISATIONS } from './demo.listing-orgs.ts';
import { loadDemoCooperation } from './demo.cooperation.ts';
import { loadDemoVisit } from './demo.visits.ts';
import { loadDemoProgrammes } from './demo.programmes.ts';

/** Legacy portal pages, imported the way `counterpart import news` does (the reference article among them). */
const DEMO_NEWS = fileURLToPath(new URL('./content', import.meta.url));

/** The reference article's English page and its Chinese version: translations of each other. */
const REFERENCE_PAGES = [
  '2017-09-11-jilin-delegation-in-zhejiang.txt',
  '2017-09-11-jilin-delegation-in-zhejiang.zh.txt',
];

/**
 * The reference story's cooperation areas as listings in the interchange format: published ones, and a
 * couple that wait for a coordinator's review. (The news importer reads only .txt/.html, not these.)
 */
export const DEMO_LISTINGS = join(DEMO_NEWS, 'listings.jsonl');
export const DEMO_PENDING_LISTINGS = join(DEMO_NEWS, 'listings-pending.jsonl');

/** Whether the database holds any user yet. */
export function hasAnyUser(db: Db): Promise<boolean> {
  return anyUser({ db });
}

/**
 * Loads the demo organisations, accounts, news and listings; idempotent. New accounts share one generated
 * password, returned once in `accounts`; accounts that already exist keep theirs, and the lines say so.
 */
export async function loadDemo(deps: Deps): Promise<{ summary: string; accounts: string[] }> {
  const password = generatePassword();
  const users: SeedUser[] = [...DEMO_COORDINATORS];
  let orgCount = 0;
  for (const { member, ...spec } of DEMO_ORGANISATIONS) {
    const org = await seedOrganisation(deps, spec satisfies SeedOrganisation);
    orgCount++;
    users.push({ ...member, role: 'member', orgId: org.id });
  }
  for (const spec of DEMO_LISTING_ORGANISATIONS) await seedOrganisation(deps, spec);
  orgCount += DEMO_LISTING_ORGANISATIONS.length;
  const accounts: string[] = [];
  let created = 0;
  for (const user of users) {
    const result = await seedUser(deps, user, password);
    if (result.created) created++;
    accounts.push(
      result.created ? `${user.email} / ${password}` : `${user.email} (already existed; password unchanged)`,
    );
  }
  const news = await importNews(deps.db, [DEMO_NEWS], { actor: SYSTEM });
  if (news.invalid.length > 0)
    throw new Error(`demo news: ${news.invalid.map(formatLegacyError).join('; ')}`);
  await relateReferenceArticles(deps, news.imported);
  const articles = `${news.imported.length} news article${news.imported.length === 1 ? '' : 's'}`;
  const listings = await loadDemoListings(deps);
  const stories = await loadDemoCooperation(deps);
  // The programme first: the visit's Yanbian area links to it.
  await loadDemoProgrammes(deps);
  await loadDemoVisit(deps, news.imported);
  const cooperation = stories > 0 ? `, ${stories} cooperation stories` : '';
  const summary =
    `${orgCount} organisations, ${articles}, ${listings} listings${cooperation}, ` +
    `${users.length} accounts (${created} new)` +
    (created === users.length ? '' : '; existing accounts kept their passwords');
  return { summary, accounts };
}

/**
 * Imports the demo listings through the real importer (published, then the pending few); their owners
 * are the demo organisations, found by name and region. Loading again updates them by id: each returns
 * to its content and status in the files. Returns how many listings the files hold.
 */
async function loadDemoListings(deps: Deps): Promise<number> {
  let total = 0;
  for (const [path, status] of [
    [DEMO_LISTINGS, 'published'],
    [DEMO_PENDING_LISTINGS, 'pending'],
  ] as const) {
    const report = await importListings(deps.db, path, { status, actor: SYSTEM, now: deps.now() });
    if (report.invalid.length > 0) throw new Error(`demo listings ${path}: ${describeBadLines(report)}`);
    total += report.created + report.updated;
  }
  return total;
}

function describeBadLines(report: ImportListingsReport): string {
  return report.invalid.map((b) => `line ${b.line}${b.field ? ` ${b.field}` : ''}: ${b.reason}`).join('; ');
}

/**
 * Links the reference article's two languages and relates them to Zhejiang and the Jilin–Zhejiang pairing
 * (when an administrator has not removed it). Running it again changes nothing.
 */
async function relateReferenceArticles(deps: Deps, imported: ImportedNews[]): Promise<void> {
  const ids = REFERENCE_PAGES.map(
    (file) => imported.find((a) => a.path === join(DEMO_NEWS, file))?.id,
  ).filter((id) => id !== undefined);
  if (ids.length !== REFERENCE_PAGES.length) throw new Error('demo news: the reference article is missing');
  const pairing = (await pairingsOf(deps.db, 'CN-JL')).find(
    (p) => p.kind === 'cooperation' && [p.aCode, p.bCode].includes('CN-ZJ'),
  );
  await relateArticles(deps, SYSTEM_CONTEXT, ids, { regionCode: 'CN-ZJ', pairingId: pairing?.id ?? null });
}
