import { z } from '@hono/zod-openapi';
import type { AuditRow } from './audit.repo.ts';

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

export const AuditPageSchema = z
  .object({
    items: z.array(AuditEntrySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .openapi('AuditPage');

export const AuditListQuery = z.object({
  entity: z.string().trim().max(200).optional(),
  entityId: z.string().trim().max(200).optional(),
  action: z.string().trim().max(200).optional(),
  actor: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/** One log entry for the API (secrets were already redacted when it was written). */
export function presentAuditEntry(row: AuditRow): z.infer<typeof AuditEntrySchema> {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  };
}
