/** Tests only: the seeded pairings' ids, and programme and indicator inputs with defaults. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { pairings } from '../regions/schema.ts';
import type { IndicatorInput, ProgrammeInput } from './fields.ts';

export { actingAs, contextFor } from '../listings/testing.ts';

/** The id of a seeded pairing (reference data: Zhejiang → Yanbian is the assistance one). */
export async function pairingId(
  database: Database,
  aCode: string,
  bCode: string,
  kind: 'cooperation' | 'assistance',
): Promise<number> {
  const [row] = await database.db
    .select({ id: pairings.id })
    .from(pairings)
    .where(and(eq(pairings.aCode, aCode), eq(pairings.bCode, bCode), eq(pairings.kind, kind)));
  if (!row) throw new Error(`no ${kind} pairing ${aCode}–${bCode}`);
  return row.id;
}

/** Zhejiang → Yanbian (222400, a prefecture of Jilin). */
export const zjToYanbian = (database: Database) => pairingId(database, 'CN-ZJ', '222400', 'assistance');

/** A three-year programme, 2018–2020, with defaults for what a test does not care about. */
export function programmeInput(pairing: number, over: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return {
    pairingId: pairing,
    titleEn: 'Zhejiang–Yanbian partner assistance 2018–2020',
    titleZh: '浙江—延边对口帮扶（2018—2020年）',
    descriptionEn: 'Funds, projects, jobs and training for Yanbian.',
    startOn: '2018-01-01',
    deadline: '2020-12-31',
    ...over,
  };
}

/** 300 million yuan of funds, reported quarterly, over the whole programme. */
export function fundsInput(over: Partial<IndicatorInput> = {}): IndicatorInput {
  return { kind: 'funds_allocated', unit: 'yuan', target: 300_000_000, periodKind: 'quarter', ...over };
}
