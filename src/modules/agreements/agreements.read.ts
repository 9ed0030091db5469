/** What other modules may know of agreements: the one a project is built on, and dashboard counts. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agreementConfirmations, agreementParties, agreements } from './schema.ts';

export interface AgreementSummary {
  id: string;
  type: (typeof agreements.$inferSelect)['type'];
  title: string;
  language: 'zh' | 'en';
  valueCny: number | null;
  signedOn: string;
  parties: { orgId: string; regionCode: string }[];
  /** The parties' regions that have confirmed it. */
  confirmedRegions: string[];
  /** Every party's region has confirmed it. */
  confirmed: boolean;
}

/** An agreement's summary, without access checks (the caller checks the viewer's part in it). */
export async function agreementSummary(db: DbOrTx, id: string): Promise<AgreementSummary | undefined> {
  const [a] = await db.select().from(agreements).where(eq(agreements.id, id));
  if (!a) return undefined;
  const parties = await db
    .select({ orgId: agreementParties.orgId, regionCode: agreementParties.regionCode })
    .from(agreementParties)
    .where(eq(agreementParties.agreementId, id));
  const confirmedRegions = (
    await db
      .select({ regionCode: agreementConfirmations.regionCode })
      .from(agreementConfirmations)
      .where(eq(agreementConfirmations.agreementId, id))
  ).map((r) => r.regionCode);
  const regions = new Set(parties.map((p) => p.regionCode));
  return {
    id: a.id,
    type: a.type,
    title: a.title,
    language: a.language,
    valueCny: a.valueCny,
    signedOn: a.signedOn,
    parties,
    confirmedRegions,
    confirmed: [...regions].every((r) => confirmedRegions.includes(r)),
  };
}

/** Whether any agreement has been recorded (demo content is loaded only into a platform without any). */
export async function hasAnyAgreement(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: agreements.id }).from(agreements).limit(1);
  return rows.length > 0;
}

/** Summaries of the agreements with these ids (unknown ids left out), without access checks. */
export async function agreementSummaries(db: DbOrTx, ids: readonly string[]): Promise<AgreementSummary[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const [rows, parties, confirmations] = await Promise.all([
    db.select().from(agreements).where(inArray(agreements.id, unique)),
    db.select().from(agreementParties).where(inArray(agreementParties.agreementId, unique)),
    db.select().from(agreementConfirmations).where(inArray(agreementConfirmations.agreementId, unique)),
  ]);
  return rows.map((a) => {
    const own = parties
      .filter((p) => p.agreementId === a.id)
      .map((p) => ({ orgId: p.orgId, regionCode: p.regionCode }));
    const confirmedRegions = confirmations.filter((c) => c.agreementId === a.id).map((c) => c.regionCode);
    return {
      id: a.id,
      type: a.type,
      title: a.title,
      language: a.language,
      valueCny: a.valueCny,
      signedOn: a.signedOn,
      parties: own,
      confirmedRegions,
      confirmed: own.every((p) => confirmedRegions.includes(p.regionCode)),
    };
  });
}

/** An agreement as the dashboards count it. */
export interface AgreementFact {
  id: string;
  type: AgreementSummary['type'];
  title: string;
  language: 'zh' | 'en';
  valueCny: number | null;
  signedOn: string;
  parties: { orgId: string; regionCode: string }[];
  confirmed: boolean;
}

/**
 * Every agreement with a party in each region of `between` (every agreement when null), for statistics;
 * no access check, so callers show only aggregates or what the viewer may see. One row per agreement:
 * parties and confirmation are folded in by the database (thousands of rows cost more to carry than to count).
 */
export async function agreementFacts(
  db: DbOrTx,
  between: readonly [string, string] | null,
): Promise<AgreementFact[]> {
  const withParty = (region: string) =>
    db
      .select({ id: agreementParties.agreementId })
      .from(agreementParties)
      .where(eq(agreementParties.regionCode, region));
  return db
    .select({
      id: agreements.id,
      type: agreements.type,
      title: agreements.title,
      language: agreements.language,
      valueCny: agreements.valueCny,
      signedOn: agreements.signedOn,
      parties: sql<AgreementFact['parties']>`coalesce((
        select json_agg(json_build_object('orgId', p.org_id, 'regionCode', p.region_code)
                        order by p.region_code, p.org_id)
        from ${agreementParties} p where p.agreement_id = ${agreements.id}), '[]'::json)`,
      // Confirmed when it has parties and none of their regions lacks a confirmation.
      confirmed: sql<boolean>`(exists (select 1 from ${agreementParties} p where p.agreement_id = ${agreements.id})
        and not exists (
          select 1 from ${agreementParties} p
          where p.agreement_id = ${agreements.id}
            and not exists (select 1 from ${agreementConfirmations} c
                            where c.agreement_id = p.agreement_id and c.region_code = p.region_code)))`,
    })
    .from(agreements)
    .where(
      between === null
        ? undefined
        : and(inArray(agreements.id, withParty(between[0])), inArray(agreements.id, withParty(between[1]))),
    );
}
