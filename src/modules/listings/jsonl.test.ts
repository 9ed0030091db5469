import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, readJsonLines, type JsonLine } from './jsonl.ts';
import { removeJsonlFiles, writeJsonl } from './testing.ts';

afterAll(removeJsonlFiles);

/** expect.stringMatching, typed for object literals. */
const matching = (re: RegExp) => expect.stringMatching(re) as string;

async function readAll(path: string): Promise<JsonLine[]> {
  const out: JsonLine[] = [];
  for await (const l of readJsonLines(path)) out.push(l);
  return out;
}

/** Line numbers with their value, or their error. */
async function summary(path: string): Promise<[number, unknown][]> {
  return (await readAll(path)).map((l) => [l.line, 'error' in l ? `error: ${l.error}` : l.value]);
}

describe('readJsonLines', () => {
  it('reads one value a line, numbered from 1', async () => {
    const path = writeJsonl([{ a: 1 }, { b: '二' }, [3]]);
    expect(await summary(path)).toEqual([
      [1, { a: 1 }],
      [2, { b: '二' }],
      [3, [3]],
    ]);
  });

  it('skips blank and whitespace-only lines but keeps the numbering', async () => {
    const path = writeJsonl(['', '{"a":1}', '', '   ', '\t', '{"a":2}', '']);
    expect(await summary(path)).toEqual([
      [2, { a: 1 }],
      [6, { a: 2 }],
    ]);
  });

  it('reads CRLF line endings (and blank CRLF lines) the same way', async () => {
    const path = writeJsonl(['{"a":"x"}', '', '{"a":"y"}'], { eol: '\r\n' });
    expect(await summary(path)).toEqual([
      [1, { a: 'x' }],
      [3, { a: 'y' }],
    ]);
  });

  it('reads a last line without a newline', async () => {
    const path = writeJsonl(['{"a":1}', '{"a":2}'], { finalNewline: false });
    expect(await summary(path)).toEqual([
      [1, { a: 1 }],
      [2, { a: 2 }],
    ]);
    expect(await summary(writeJsonl(['{"only":true}'], { finalNewline: false }))).toEqual([
      [1, { only: true }],
    ]);
  });

  it('reads nothing from an empty file or a file of blank lines', async () => {
    expect(await readAll(writeJsonl([]))).toEqual([]);
    expect(await readAll(writeJsonl(['', '  ', ''], { eol: '\r\n' }))).toEqual([]);
  });

  it('reports invalid JSON with its line and goes on', async () => {
    const lines = await readAll(writeJsonl(['{"a":1}', '{"a":', 'not json', '{"a":2}']));
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4]);
    expect(lines[1]).toMatchObject({ line: 2, error: matching(/not valid JSON/) });
    expect(lines[2]).toMatchObject({ line: 3, error: matching(/not valid JSON/) });
    expect(lines[3]).toMatchObject({ line: 4, value: { a: 2 } });
  });

  it('reports bytes that are not UTF-8 instead of replacing them', async () => {
    const bad = Buffer.concat([
      Buffer.from('{"title":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}'),
    ]);
    // Latin-1 encoded "é", as a file saved in the wrong encoding has it.
    const latin1 = Buffer.from('{"title":"café"}', 'latin1');
    const lines = await readAll(writeJsonl(['{"a":1}', bad, latin1, '{"a":2}']));
    expect(lines.map((l) => [l.line, 'error' in l ? l.error : 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'the line is not valid UTF-8'],
      [3, 'the line is not valid UTF-8'],
      [4, 'ok'],
    ]);
  });

  it('joins multi-byte characters split across read chunks', async () => {
    // Far longer than one 64 KiB read, so chunk boundaries fall inside three-byte characters.
    const text = '长白山天然矿泉水'.repeat(20_000);
    const lines = await readAll(writeJsonl([{ t: text }, { t: '尾' }]));
    expect(lines.map((l) => l.line)).toEqual([1, 2]);
    expect('value' in lines[0]! && (lines[0].value as { t: string }).t).toBe(text);
    expect(lines[1]).toMatchObject({ value: { t: '尾' } });
  });

  it('accepts a line of exactly the limit and reports one byte more, keeping the numbering', async () => {
    const fill = (n: number) => `{"t":"${'x'.repeat(n - 8)}"}`;
    expect(Buffer.byteLength(fill(MAX_LINE_BYTES))).toBe(MAX_LINE_BYTES);
    const lines = await readAll(writeJsonl([fill(MAX_LINE_BYTES), fill(MAX_LINE_BYTES + 1), '{"a":3}']));
    expect(lines.map((l) => [l.line, 'error' in l ? l.error : 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'the line is longer than 1 MB'],
      [3, 'ok'],
    ]);
    expect(lines[1]?.bytes).toBe(MAX_LINE_BYTES + 1);
  });

  it('reports an over-long last line without a newline', async () => {
    const lines = await readAll(
      writeJsonl(['{"a":1}', `{"t":"${'y'.repeat(3 * MAX_LINE_BYTES)}"}`], { finalNewline: false }),
    );
    expect(lines.map((l) => [l.line, 'error' in l ? l.error : 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'the line is longer than 1 MB'],
    ]);
  });

  it('does not hold an over-long line in memory while reading it', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (opts?: { type: 'minor' | 'major' }) => void;
    const size = 64 * 1024 * 1024;
    const path = writeJsonl([`{"t":"${'z'.repeat(size)}"}`, '{"a":1}']);
    gc();
    const base = process.memoryUsage().arrayBuffers;
    let peak = 0;
    // Sampled between reads (each read is an I/O callback) after a young-generation collection, which frees
    // read chunks already let go but keeps chunks still held (a reader that buffers the line reaches ~64 MB).
    const timer = setInterval(() => {
      gc({ type: 'minor' });
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
    }, 5);
    try {
      const lines = await readAll(path);
      expect(lines.map((l) => [l.line, 'error' in l])).toEqual([
        [1, true],
        [2, false],
      ]);
    } finally {
      clearInterval(timer);
    }
    expect(peak).toBeLessThan(16 * 1024 * 1024);
  }, 30_000);
});
