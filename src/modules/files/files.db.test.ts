import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/db.ts';
import { checkUploads, readStoredFile, storeFiles } from './files.service.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('storing files', () => {
  it('stores the same bytes once by hash, one row per upload', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cp-files-'));
    const database = await openTestDatabase();
    try {
      const deps = { config: { filesDir: dir } } as Parameters<typeof storeFiles>[0];
      const checked = await checkUploads(
        [new File([PDF], 'a.pdf'), new File([PDF], 'b.pdf')],
        'documents',
        'en',
      );
      const rows = await storeFiles(deps, database.db, checked, null);
      expect(rows.map((r) => r.name)).toEqual(['a.pdf', 'b.pdf']);
      expect(rows[0]?.sha256).toBe(rows[1]?.sha256);
      expect(await readStoredFile(deps, rows[1]!)).toEqual(PDF);
      expect(await readFile(join(dir, rows[0]!.sha256))).toEqual(Buffer.from(PDF));
      await expect(readStoredFile(deps, { ...rows[0]!, sha256: 'missing' })).rejects.toMatchObject({
        code: 'not_found',
      });
    } finally {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
