import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

/**
 * An uploaded file: its bytes live under the files folder by SHA-256 (the same bytes are stored once);
 * each upload is a row of its own, with the name it was given. Who may read it is decided by the record
 * that refers to it (an agreement, a message), never by this table.
 */
export const storedFiles = pgTable('stored_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  sha256: text('sha256').notNull(),
  bytes: integer('bytes').notNull(),
  mediaType: text('media_type').notNull(),
  name: text('name').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
