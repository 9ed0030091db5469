import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { auditEntities, listAuditEntries, type AuditRow } from './audit.repo.ts';
import { auditLog } from './schema.ts';

export type { AuditRow };

/** Who did something: a signed-in user, or the system (CLI, jobs, first start). */
export type Actor = { id: string; label: string } | { id: null; label: string };

export const SYSTEM: Actor = { id: null, label: 'system' };

export interface AuditEntry {
  actor: Actor;
  /** Verb in the past tense, e.g. `organisation.approved`, `user.created`. */
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | undefined;
}

/** Sensitive fields never reach the audit log. */
const REDACT = new Set(['passwordHash', 'password', 'tokenHash', 'idHash']);

function redact(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value ?? null;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, REDACT.has(k) ? '[redacted]' : v]),
  );
}

/** Records one write; call it inside the same transaction as the write so both happen or neither does. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: entry.requestId ?? null,
  });
}

/** Administrators only: `unauthenticated` for anonymous visitors, `forbidden` for everyone else. */
export function requireAdmin(viewer: { role: string } | null): void {
  if (!viewer) throw new AppError('unauthenticated');
  if (viewer.role !== 'admin') throw new AppError('forbidden');
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  page: number;
  pageSize: number;
}

/** Administrators browse the log, newest first, filtered by entity, action or actor. */
export async function browseAudit(
  db: DbOrTx,
  viewer: { role: string } | null,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; total: number; entities: string[] }> {
  requireAdmin(viewer);
  const [page, entities] = await Promise.all([
    listAuditEntries(db, { ...filter, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize }),
    auditEntities(db),
  ]);
  return { ...page, entities };
}
