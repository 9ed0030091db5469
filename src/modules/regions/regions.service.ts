import { z } from '@hono/zod-openapi';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import type { SessionUser } from '../accounts/sessions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './regions.repo.ts';
import type { PairingRow, RegionRow } from './regions.repo.ts';
import { PREFECTURES } from './data.ts';

export type { PairingRow, RegionRow };

/** Called by every migration run: reference data exists in every database, whichever command made it. */
export async function seedReferenceData(db: DbOrTx): Promise<void> {
  await repo.insertReferenceData(db);
}

export interface RegionTree {
  province: RegionRow;
  prefectures: RegionRow[];
}

/** Provinces in GB/T 2260 order, each with its prefecture-level divisions (where loaded). */
export async function regionTree(db: DbOrTx): Promise<RegionTree[]> {
  const all = await repo.listRegions(db);
  return all
    .filter((r) => r.level === 'province')
    .map((province) => ({ province, prefectures: all.filter((r) => r.parentCode === province.code) }));
}

export function listRegions(db: DbOrTx): Promise<RegionRow[]> {
  return repo.listRegions(db);
}

/** The region, or undefined: for other modules that validate a region code themselves. */
export function findRegion(db: DbOrTx, code: string): Promise<RegionRow | undefined> {
  return repo.findRegion(db, code);
}

/** The region or a 404. */
export async function getRegion(db: DbOrTx, code: string): Promise<RegionRow> {
  const region = await repo.findRegion(db, code);
  if (!region) throw new AppError('not_found', `No region with code ${code}`);
  return region;
}

export interface PairingView extends PairingRow {
  a: RegionRow;
  b: RegionRow;
}

async function withRegions(db: DbOrTx, rows: PairingRow[]): Promise<PairingView[]> {
  const codes = [...new Set(rows.flatMap((p) => [p.aCode, p.bCode]))];
  const byCode = new Map((await repo.findRegions(db, codes)).map((r) => [r.code, r]));
  return rows.map((p) => ({ ...p, a: byCode.get(p.aCode)!, b: byCode.get(p.bCode)! }));
}

export async function listPairings(db: DbOrTx): Promise<PairingView[]> {
  return withRegions(db, await repo.listPairings(db));
}

/** Pairings in which a region takes part, on either side. */
export async function pairingsOf(db: DbOrTx, code: string): Promise<PairingView[]> {
  return withRegions(db, await repo.pairingsOf(db, code));
}

/** The codes of a region's counterparts: the other side of each of its pairings. */
export async function counterpartCodes(db: DbOrTx, code: string): Promise<string[]> {
  return (await repo.pairingsOf(db, code)).map((p) => (p.aCode === code ? p.bCode : p.aCode));
}

/** A region a listing is matched against; `area` narrows it to one prefecture (city pairings). */
export interface CounterpartArea {
  region: string;
  area: string | null;
}

const PREFECTURE_PROVINCE = new Map(PREFECTURES.map((p) => [p.code, p.parentCode ?? '']));

/**
 * Where the counterparts of a place are: the other side of every pairing of its province or of its
 * prefecture (`areaCode`, a prefecture or county code), each as a province and, for cities, the city.
 */
export async function counterpartAreas(
  db: DbOrTx,
  regionCode: string,
  areaCode: string | null,
): Promise<CounterpartArea[]> {
  const prefecture = areaCode && /^\d{6}$/.test(areaCode) ? `${areaCode.slice(0, 4)}00` : null;
  const own = prefecture ? [regionCode, prefecture] : [regionCode];
  const pairs = (await repo.pairingsOfAny(db, own)).flatMap((p) => [
    ...(own.includes(p.aCode) ? [p.bCode] : []),
    ...(own.includes(p.bCode) ? [p.aCode] : []),
  ]);
  const out = new Map<string, CounterpartArea>();
  for (const code of pairs) {
    const province = PREFECTURE_PROVINCE.get(code);
    const area = province === undefined ? { region: code, area: null } : { region: province, area: code };
    out.set(`${area.region}/${area.area ?? ''}`, area);
  }
  return [...out.values()];
}

/** The pairing's row or a 404. */
async function pairingRow(db: DbOrTx, id: number): Promise<PairingRow> {
  const row = await repo.findPairing(db, id);
  if (!row) throw new AppError('not_found', `No pairing with id ${id}`);
  return row;
}

export async function getPairing(db: DbOrTx, id: number): Promise<PairingView> {
  const [view] = await withRegions(db, [await pairingRow(db, id)]);
  return view!;
}

export const PairingInput = z.object({
  aCode: z.string().trim().min(1),
  bCode: z.string().trim().min(1),
  kind: z.enum(['cooperation', 'assistance']),
  since: z.iso.date(),
  noteEn: z.string().trim().max(2000).default(''),
  noteZh: z.string().trim().max(2000).default(''),
});
export type PairingInput = z.infer<typeof PairingInput>;

/** The signed-in administrator; anyone else is refused (401 or 403). */
export function requireAdmin(user: SessionUser | null): SessionUser {
  if (!user) throw new AppError('unauthenticated');
  if (user.role !== 'admin') throw new AppError('forbidden');
  return user;
}

async function checkPairing(db: DbOrTx, input: PairingInput): Promise<void> {
  if (!(await repo.findRegion(db, input.aCode))) throw invalid('aCode', `unknown region code ${input.aCode}`);
  if (!(await repo.findRegion(db, input.bCode))) throw invalid('bCode', `unknown region code ${input.bCode}`);
  if (input.aCode === input.bCode) throw invalid('bCode', 'a region cannot be paired with itself');
}

interface Ctx {
  db: Db;
  user: SessionUser | null;
  requestId?: string;
}

/** Admins add a pairing; the same two regions may not be paired twice in the same kind. */
export async function createPairing(ctx: Ctx, input: PairingInput): Promise<PairingView> {
  const user = requireAdmin(ctx.user);
  const id = await ctx.db.transaction(async (tx) => {
    await checkPairing(tx, input);
    const clash = (await repo.pairingsOf(tx, input.aCode)).find(
      (p) => p.kind === input.kind && [p.aCode, p.bCode].includes(input.bCode),
    );
    if (clash) throw new AppError('conflict', `These regions are already paired (pairing ${clash.id})`);
    const row = await repo.insertPairing(tx, input);
    await recordAudit(tx, {
      actor: { id: user.id, label: user.email },
      action: 'pairing.created',
      entity: 'pairing',
      entityId: String(row.id),
      after: row,
      requestId: ctx.requestId,
    });
    return row.id;
  });
  return getPairing(ctx.db, id);
}

/** Admins edit a pairing; the audit log keeps the before and after. */
export async function updatePairing(ctx: Ctx, id: number, input: PairingInput): Promise<PairingView> {
  const user = requireAdmin(ctx.user);
  await ctx.db.transaction(async (tx) => {
    const before = await pairingRow(tx, id);
    await checkPairing(tx, input);
    const after = await repo.updatePairing(tx, id, input);
    await recordAudit(tx, {
      actor: { id: user.id, label: user.email },
      action: 'pairing.updated',
      entity: 'pairing',
      entityId: String(id),
      before,
      after,
      requestId: ctx.requestId,
    });
  });
  return getPairing(ctx.db, id);
}

/** Admins remove a pairing that was entered by mistake. */
export async function deletePairing(ctx: Ctx, id: number): Promise<void> {
  const user = requireAdmin(ctx.user);
  await ctx.db.transaction(async (tx) => {
    const before = await pairingRow(tx, id);
    await repo.deletePairing(tx, id);
    await recordAudit(tx, {
      actor: { id: user.id, label: user.email },
      action: 'pairing.deleted',
      entity: 'pairing',
      entityId: String(id),
      before,
      requestId: ctx.requestId,
    });
  });
}
