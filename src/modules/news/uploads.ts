import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { AppError, invalid } from '../../lib/errors.ts';
import type { AppEnv, Deps } from '../../web/env.ts';
import { actorOf, type UseCaseContext } from '../accounts/context.ts';
import { authorize } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { sniffImage, type ImageType } from '../files/sniff.ts';
import { newsErr } from './messages.ts';
import { canPublishNews } from './policy.ts';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Requests to the upload form may carry an image up to this size; larger ones get a field error. */
export const UPLOAD_REQUEST_LIMIT = 8 * 1024 * 1024;
/** The upload form's address: app.ts gives it UPLOAD_REQUEST_LIMIT instead of the usual body limit. */
export const UPLOAD_PATH = /^\/(?:en|zh)\/news\/manage\/uploads$/;

const CONTENT_TYPES: Record<ImageType, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

function uploadsDir(dataDir: string): string {
  return join(dataDir, 'uploads');
}

/**
 * Stores an image under DATA_DIR/uploads by the SHA-256 of its bytes (the same image twice is one file)
 * and returns its public address, `/uploads/<hash>.<ext>`.
 */
export async function storeImage(
  deps: Pick<Deps, 'db' | 'config'>,
  ctx: UseCaseContext,
  file: File | undefined,
): Promise<{ url: string; bytes: number; type: ImageType }> {
  authorize(ctx.viewer, canPublishNews(ctx.viewer));
  const t = newsErr(ctx.lang);
  if (!file || file.size === 0) throw invalid('image', t('imageRequired'));
  if (file.size > MAX_IMAGE_BYTES) {
    throw invalid(
      'image',
      t('imageTooLarge', { size: (file.size / 1024 / 1024).toFixed(1), max: MAX_IMAGE_BYTES / 1024 / 1024 }),
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffImage(bytes);
  if (!type) throw invalid('image', t('imageType'));
  const hash = createHash('sha256').update(bytes).digest('hex');
  const name = `${hash}.${type}`;
  const dir = uploadsDir(deps.config.dataDir);
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    // Written aside then renamed, so a reader never sees half a file.
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, path);
  }
  const url = `/uploads/${name}`;
  await recordAudit(deps.db, {
    actor: actorOf(ctx),
    action: 'upload.created',
    entity: 'upload',
    entityId: name,
    after: { url, bytes: bytes.length, type, originalName: file.name.slice(0, 200) },
    requestId: ctx.requestId,
  });
  return { url, bytes: bytes.length, type };
}

/** Serves stored images at /uploads/<hash>.<ext>; mounted at the root of the app. */
export const uploadsWeb = new Hono<AppEnv>();

uploadsWeb.get('/uploads/:name{[a-f0-9]{64}\\.(?:png|jpg|webp|gif)}', async (c) => {
  const name = c.req.param('name');
  const type = name.slice(name.lastIndexOf('.') + 1) as ImageType;
  const bytes = await readFile(join(uploadsDir(c.var.deps.config.dataDir), name)).catch(() => {
    throw new AppError('not_found');
  });
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': CONTENT_TYPES[type],
    // The name is the content's hash: it never changes.
    'Cache-Control': 'public, max-age=31536000, immutable',
  });
});
