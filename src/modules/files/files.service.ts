/**
 * Uploaded documents (PDF and images): checked by their first bytes, never by name or declared type,
 * and stored under the files folder by SHA-256. Modules that own a record decide who may read its files.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { sniffDocument, type DocumentType } from './sniff.ts';
import { filesErr } from './messages.ts';
import { storedFiles } from './schema.ts';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_UPLOAD = 5;
/** Forms that carry files may be this large in all; app.ts gives their routes this body limit. */
export const FILES_REQUEST_LIMIT = MAX_FILES_PER_UPLOAD * MAX_FILE_BYTES + 1024 * 1024;
/**
 * The routes whose requests may carry files (agreement documents, message attachments): pages under a
 * language prefix and the API. Every other route keeps the small default body limit.
 */
export const FILES_PATH =
  /^\/(?:en|zh|api\/v1)\/(?:agreements(?:\/new|\/[^/]+\/documents)?|conversations\/[^/]+(?:\/messages)?)$/;

const MEDIA_TYPES: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

export { sniffDocument };

export type StoredFile = typeof storedFiles.$inferSelect;

/** A file's name as it may be shown and sent back: no path, no control characters, at most 200 chars. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Control characters are exactly what must go (they would break the Content-Disposition header).
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean || 'file').slice(0, 200);
}

interface CheckedFile {
  bytes: Uint8Array;
  kind: DocumentType;
  name: string;
}

/**
 * Reads and checks uploads before anything is written: each must be non-empty, within the size limit and
 * a PDF or an image. Errors name `field` and the file. Call it before the transaction that records them.
 */
export async function checkUploads(
  files: readonly File[],
  field: string,
  lang: Lang,
): Promise<CheckedFile[]> {
  const t = filesErr(lang);
  const real = files.filter((f) => f.size > 0 || f.name !== '');
  if (real.length > MAX_FILES_PER_UPLOAD) throw invalid(field, t('tooMany', { max: MAX_FILES_PER_UPLOAD }));
  const checked: CheckedFile[] = [];
  for (const file of real) {
    const name = cleanFileName(file.name);
    if (file.size === 0) throw invalid(field, t('empty', { name }));
    if (file.size > MAX_FILE_BYTES) {
      const size = (file.size / 1024 / 1024).toFixed(1);
      throw invalid(field, t('tooLarge', { name, size, max: MAX_FILE_BYTES / 1024 / 1024 }));
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = sniffDocument(bytes);
    if (!kind) throw invalid(field, t('badType', { name }));
    checked.push({ bytes, kind, name });
  }
  return checked;
}

/**
 * Writes checked files to the files folder (each once by hash, written aside then renamed) and records
 * a row per upload in `db` (the caller's transaction). A rollback leaves at most an unreferenced file.
 */
export async function storeFiles(
  deps: Pick<Deps, 'config'>,
  db: DbOrTx,
  files: readonly CheckedFile[],
  uploadedBy: string | null,
): Promise<StoredFile[]> {
  if (files.length === 0) return [];
  const dir = deps.config.filesDir;
  await mkdir(dir, { recursive: true });
  const values = [];
  for (const f of files) {
    const sha256 = createHash('sha256').update(f.bytes).digest('hex');
    const path = join(dir, sha256);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, f.bytes);
      await rename(temp, path);
    }
    values.push({
      sha256,
      bytes: f.bytes.length,
      mediaType: MEDIA_TYPES[f.kind],
      name: f.name,
      uploadedBy,
    });
  }
  return db.insert(storedFiles).values(values).returning();
}

/** The rows of some stored files (for listing them on a record's page). */
export function filesByIds(db: DbOrTx, ids: readonly string[]): Promise<StoredFile[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(storedFiles)
    .where(inArray(storedFiles.id, [...ids]));
}

/**
 * A file's bytes for download, once the owning module has decided the reader may have it.
 * Serve with `downloadHeaders`. Missing bytes are a 404.
 */
export async function readStoredFile(deps: Pick<Deps, 'config'>, file: StoredFile): Promise<Uint8Array> {
  const bytes = await readFile(join(deps.config.filesDir, file.sha256)).catch(() => {
    throw new AppError('not_found');
  });
  return new Uint8Array(bytes);
}

/** Response headers for a download: the sniffed type, the name (RFC 6266), and no sniffing by the browser. */
export function downloadHeaders(file: StoredFile): Record<string, string> {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_');
  return {
    'Content-Type': file.mediaType,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  };
}
