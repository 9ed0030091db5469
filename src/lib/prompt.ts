import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Reads a secret: prompted without echo on a terminal, otherwise the first line of standard input. */
export async function readSecret(prompt: string): Promise<string> {
  if (process.stdin.isTTY) {
    let muted = false;
    const output = new Writable({
      write(chunk: Buffer, _enc, done) {
        if (!muted) process.stderr.write(chunk);
        done();
      },
    });
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    const answer = await new Promise<string>((resolve) => {
      rl.question(prompt, resolve);
      muted = true;
    });
    rl.close();
    process.stderr.write('\n');
    return answer;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}
