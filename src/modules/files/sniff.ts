/** What a file is, from its first bytes: names and declared types are never trusted. Pure. */

export type ImageType = 'png' | 'jpg' | 'webp' | 'gif';
export type DocumentType = 'pdf' | ImageType;

/** The image type from the file's first bytes; the name and the declared type are never trusted. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const at = (offset: number, sig: number[]) => sig.every((b, i) => bytes[offset + i] === b);
  const ascii = (offset: number, s: string) =>
    at(
      offset,
      [...s].map((c) => c.charCodeAt(0)),
    );
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (at(0, [0xff, 0xd8, 0xff])) return 'jpg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  return null;
}

/** A document's type from its first bytes: PDF or one of the image types; null for anything else. */
export function sniffDocument(bytes: Uint8Array): DocumentType | null {
  const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
  if (pdf.every((b, i) => bytes[i] === b)) return 'pdf';
  return sniffImage(bytes);
}
