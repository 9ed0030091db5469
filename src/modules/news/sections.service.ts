import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { actorOf, type UseCaseContext } from '../accounts/context.ts';
import { authorize } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { newsErr } from './messages.ts';
import { canManageSections } from './policy.ts';
import * as repo from './sections.repo.ts';
import type { SectionRow } from './sections.repo.ts';

export type { SectionRow };

/** Called by every migration run (see src/db/migrate.ts): News, Notices and Policies exist everywhere. */
export async function seedNewsSections(db: DbOrTx): Promise<void> {
  await repo.insertDefaultSections(db);
}

export function listSections(db: DbOrTx): Promise<SectionRow[]> {
  return repo.listSections(db);
}

export function findSectionByKey(db: DbOrTx, key: string): Promise<SectionRow | undefined> {
  return repo.findSectionByKey(db, key);
}

export const SectionNames = z.object({
  nameEn: z.string().trim().min(1).max(80),
  nameZh: z.string().trim().min(1).max(80),
});
export const SectionInput = SectionNames.extend({
  key: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9-]{1,39}$/,
      'Use 2–40 lower-case letters, digits or hyphens, starting with a letter',
    ),
});
export type SectionInput = z.infer<typeof SectionInput>;

/** Admins add a section at the end of the list. */
export async function createSection(db: Db, ctx: UseCaseContext, input: SectionInput): Promise<SectionRow> {
  authorize(ctx.viewer, canManageSections(ctx.viewer));
  return db.transaction(async (tx) => {
    if (await repo.findSectionByKey(tx, input.key))
      throw invalid('key', newsErr(ctx.lang)('sectionKeyTaken', { key: input.key }));
    const row = await repo.insertSection(tx, input);
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'news_section.created',
      entity: 'news_section',
      entityId: String(row.id),
      after: row,
      requestId: ctx.requestId,
    });
    return row;
  });
}

/** Admins rename a section; its key (used in links) stays. */
export async function renameSection(
  db: Db,
  ctx: UseCaseContext,
  id: number,
  input: z.infer<typeof SectionNames>,
): Promise<SectionRow> {
  authorize(ctx.viewer, canManageSections(ctx.viewer));
  return db.transaction(async (tx) => {
    const before = await repo.findSection(tx, id);
    if (!before) throw new AppError('not_found');
    const row = await repo.updateSection(tx, id, input);
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'news_section.renamed',
      entity: 'news_section',
      entityId: String(id),
      before,
      after: row,
      requestId: ctx.requestId,
    });
    return row;
  });
}

/** Admins move a section one place up or down; positions are renumbered 1…n. */
export async function moveSection(
  db: Db,
  ctx: UseCaseContext,
  id: number,
  direction: 'up' | 'down',
): Promise<void> {
  authorize(ctx.viewer, canManageSections(ctx.viewer));
  await db.transaction(async (tx) => {
    const all = await repo.listSections(tx);
    const from = all.findIndex((s) => s.id === id);
    if (from < 0) throw new AppError('not_found');
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= all.length) return;
    const [moved] = all.splice(from, 1);
    all.splice(to, 0, moved!);
    for (const [i, s] of all.entries())
      if (s.position !== i + 1) await repo.updateSection(tx, s.id, { position: i + 1 });
    await recordAudit(tx, {
      actor: actorOf(ctx),
      action: 'news_section.moved',
      entity: 'news_section',
      entityId: String(id),
      after: { order: all.map((s) => s.key) },
      requestId: ctx.requestId,
    });
  });
}
