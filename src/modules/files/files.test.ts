import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import {
  checkUploads,
  cleanFileName,
  downloadHeaders,
  MAX_FILE_BYTES,
  sniffDocument,
} from './files.service.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

async function fieldError(p: Promise<unknown>): Promise<{ field: string; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const issue = (err as AppError).issues[0];
  if (!issue) throw new Error('no field issue');
  return issue;
}

describe('uploaded documents', () => {
  it('knows PDF and images by their first bytes, whatever the name says', () => {
    expect(sniffDocument(PDF)).toBe('pdf');
    expect(sniffDocument(PNG)).toBe('png');
    expect(sniffDocument(EXE)).toBeNull();
  });

  it('accepts a PDF and an image and names the file and field of a bad one', async () => {
    const ok = await checkUploads(
      [new File([PDF], 'contract.pdf'), new File([PNG], 'photo.png')],
      'documents',
      'en',
    );
    expect(ok.map((f) => f.kind)).toEqual(['pdf', 'png']);

    const renamed = await fieldError(checkUploads([new File([EXE], 'contract.pdf')], 'documents', 'zh'));
    expect(renamed).toEqual({
      field: 'documents',
      message: expect.stringContaining('contract.pdf') as string,
    });
    expect(renamed.message).toContain('不是 PDF 或图片');

    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(PDF);
    const tooLarge = await fieldError(checkUploads([new File([big], 'big.pdf')], 'documents', 'en'));
    expect(tooLarge.message).toBe('The file “big.pdf” is 10.0 MB; the limit is 10 MB');

    const empty = await fieldError(checkUploads([new File([], 'empty.pdf')], 'files', 'en'));
    expect(empty).toEqual({ field: 'files', message: 'The file “empty.pdf” is empty' });

    const six = Array.from({ length: 6 }, (_, i) => new File([PDF], `${i}.pdf`));
    expect((await fieldError(checkUploads(six, 'documents', 'en'))).message).toBe('Attach at most 5 files');
  });

  it('ignores the empty part a form sends when no file was chosen', async () => {
    expect(await checkUploads([new File([], '')], 'documents', 'en')).toEqual([]);
  });

  it('keeps a safe name for the download header, in both ASCII and UTF-8 forms', () => {
    expect(cleanFileName('C:\\fakepath\\合作协议"v2".pdf')).toBe('合作协议v2.pdf');
    const headers = downloadHeaders({
      id: 'x',
      sha256: 'x',
      bytes: 1,
      mediaType: 'application/pdf',
      name: '合作协议.pdf',
      uploadedBy: null,
      createdAt: new Date(),
    });
    expect(headers['Content-Disposition']).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('合作协议.pdf')}`,
    );
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
