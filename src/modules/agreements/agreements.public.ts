/**
 * An agreement's documents as a public record built on it (a project) may show them: the non-confidential
 * ones only. These functions check no viewer. The caller must first have checked that the record showing
 * them is public, or that its viewer is one of those who see the agreement itself (the parties, their
 * regions' coordinators, admins).
 */
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Deps } from '../../web/env.ts';
import { filesByIds, readStoredFile, type StoredFile } from '../files/files.service.ts';
import { isId, publicDocumentRows } from './agreements.repo.ts';

export interface PublicDocument {
  id: string;
  name: string;
  bytes: number;
  mediaType: string;
}

/** The non-confidential documents of an agreement, oldest first (none for an unknown id). */
export async function publicDocumentsOf(db: DbOrTx, agreementId: string): Promise<PublicDocument[]> {
  if (!isId(agreementId)) return [];
  const docs = await publicDocumentRows(db, agreementId);
  const files = await filesByIds(
    db,
    docs.map((d) => d.fileId),
  );
  return files
    .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || x.name.localeCompare(y.name))
    .map((f) => ({ id: f.id, name: f.name, bytes: f.bytes, mediaType: f.mediaType }));
}

/**
 * A non-confidential document of the agreement with its bytes; 404 for a confidential one, one of another
 * agreement, or none at all (a confidential document is not revealed to exist).
 */
export async function publicDocument(
  deps: Pick<Deps, 'db' | 'config'>,
  agreementId: string,
  fileId: string,
): Promise<{ file: StoredFile; bytes: Uint8Array }> {
  if (!isId(agreementId) || !isId(fileId)) throw new AppError('not_found');
  const [doc] = await publicDocumentRows(deps.db, agreementId, fileId);
  if (!doc) throw new AppError('not_found');
  const [file] = await filesByIds(deps.db, [fileId]);
  if (!file) throw new AppError('not_found');
  return { file, bytes: await readStoredFile(deps, file) };
}
