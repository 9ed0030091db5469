/**
 * Reads a JSON Lines file as raw bytes, one line at a time, so that non-UTF-8 bytes and over-long lines are
 * reported with their line number instead of being silently replaced or buffered whole.
 */
import { createReadStream } from 'node:fs';

export const MAX_LINE_BYTES = 1024 * 1024;

export type JsonLine =
  { line: number; bytes: number; value: unknown } | { line: number; bytes: number; error: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseLine(line: number, buf: Buffer): JsonLine {
  let text: string;
  try {
    text = decoder.decode(buf);
  } catch {
    return { line, bytes: buf.length, error: 'the line is not valid UTF-8' };
  }
  try {
    return { line, bytes: buf.length, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { line, bytes: buf.length, error: `not valid JSON (${(err as Error).message})` };
  }
}

/** Every non-blank line of the file, parsed; blank lines are skipped but keep the numbering. */
export async function* readJsonLines(path: string): AsyncGenerator<JsonLine> {
  let line = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  const finish = (): JsonLine | undefined => {
    line++;
    const buf = Buffer.concat(parts);
    const bytes = size;
    parts = [];
    size = 0;
    if (tooLong) {
      tooLong = false;
      return { line, bytes, error: `the line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB` };
    }
    const end = buf.length > 0 && buf[buf.length - 1] === 0x0d ? buf.length - 1 : buf.length;
    const body = buf.subarray(0, end);
    if (body.toString('latin1').trim().length === 0) return undefined;
    return parseLine(line, body);
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, nl);
      size += piece.length;
      if (size > MAX_LINE_BYTES) tooLong = true;
      else parts.push(piece);
      const out = finish();
      if (out) yield out;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    size += rest.length;
    if (size > MAX_LINE_BYTES) {
      tooLong = true;
      parts = [];
    } else if (rest.length > 0) parts.push(Buffer.from(rest));
  }
  if (size > 0 || tooLong) {
    const out = finish();
    if (out) yield out;
  }
}
