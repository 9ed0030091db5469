/**
 * Tests only: agreements inserted straight into the agreements module's tables (production code reads them
 * through `agreementSummary` only), project inputs, and use-case contexts.
 */
import type { Database } from '../../db/client.ts';
import { makeOrganisation } from '../../test/factories.ts';
import { agreementConfirmations, agreementParties, agreements } from '../agreements/schema.ts';
import type { ProjectInput } from './fields.ts';

export { actingAs, contextFor } from '../listings/testing.ts';

/**
 * Inserts a signed agreement between organisations (their regions as given) and returns its id; with
 * `confirmed`, every party region has confirmed it (as a project needs), else none has.
 */
export async function makeAgreement(
  database: Database,
  opts: {
    parties: { orgId: string; regionCode: string }[];
    signedOn?: string;
    valueCny?: number | null;
    title?: string;
    type?: (typeof agreements.$inferInsert)['type'];
    confirmed?: boolean;
  },
): Promise<string> {
  const now = new Date();
  const [row] = await database.db
    .insert(agreements)
    .values({
      type: opts.type ?? 'investment',
      title: opts.title ?? 'Changbai mineral water bottling plant',
      language: 'en',
      valueCny: opts.valueCny === undefined ? 50_000_000 : opts.valueCny,
      signedOn: opts.signedOn ?? '2018-01-15',
      signedPlace: 'Hangzhou',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: agreements.id });
  await database.db
    .insert(agreementParties)
    .values(opts.parties.map((p) => ({ agreementId: row!.id, ...p })));
  if (opts.confirmed) {
    const regions = [...new Set(opts.parties.map((p) => p.regionCode))];
    await database.db
      .insert(agreementConfirmations)
      .values(regions.map((regionCode) => ({ agreementId: row!.id, regionCode, confirmedAt: now })));
  }
  return row!.id;
}

/** A Jilin and a Zhejiang organisation with an agreement between them. */
export async function makePair(
  database: Database,
  opts: { signedOn?: string; valueCny?: number | null; confirmed?: boolean } = {},
) {
  const jlOrg = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: 'Antu Springs' });
  const zjOrg = await makeOrganisation(database, { regionCode: 'CN-ZJ', nameEn: 'Hangzhou Grocers' });
  const agreementId = await makeAgreement(database, {
    parties: [
      { orgId: jlOrg, regionCode: 'CN-JL' },
      { orgId: zjOrg, regionCode: 'CN-ZJ' },
    ],
    ...opts,
  });
  return { jlOrg, zjOrg, agreementId };
}

/** What a party types into the project form, with defaults for what a test does not care about. */
export function projectInput(over: Partial<ProjectInput> = {}): ProjectInput {
  return {
    title: 'Mineral water bottling line in Antu',
    summary: 'A bottling line for Changbai mineral water, sold through Hangzhou supermarkets.',
    language: 'en',
    category: 'capital',
    sector: 'C15',
    regionCode: 'CN-JL',
    areaCode: '222400',
    contractedInvestmentCny: 50_000_000,
    ...over,
  };
}
