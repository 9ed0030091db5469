// `npm run bench:pages`: the reference article under load, beside the same bytes served as a static file.
//
// Starts the real server (`counterpart serve`, demo content, a fresh PGlite data dir) in a child process on
// a free port of 127.0.0.1, then drives it with autocannon from this process: the article page, the news
// list, the Atom feed, and a copy of the article's HTML saved under the static folder for the run. Prints
// requests/s and p99 latency per target and the ratio to the static file. Stops by itself: each target runs
// for a fixed time and a watchdog ends the run when something hangs.
//
// Settings (environment): BENCH_DURATION seconds per target (10), BENCH_WARMUP seconds (2),
// BENCH_CONNECTIONS (10), BENCH_LOG_LEVEL of the server (warn; `info` logs every request).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STATIC_DIR = join(ROOT, 'src/web/static');
const REFERENCE_TITLE = 'Jilin Delegation Made an Investigation Trip in Zhejiang';

const DURATION = positive('BENCH_DURATION', 10);
const WARMUP = positive('BENCH_WARMUP', 2, true);
const CONNECTIONS = positive('BENCH_CONNECTIONS', 10);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
const START_TIMEOUT_MS = 180_000;

function positive(name: string, fallback: number, zeroOk = false): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1) || n > 600)
    throw new Error(`${name} must be a whole number of 1–600`);
  return n;
}

// Everything the run creates, undone once whatever happens.
const dataDir = mkdtempSync(join(tmpdir(), 'counterpart-bench-'));
const staticName = `bench-${process.pid}.html`;
const staticFile = join(STATIC_DIR, staticName);
let server: ChildProcess | undefined;
let cleaned = false;
function cleanUp(): void {
  if (cleaned) return;
  cleaned = true;
  rmSync(staticFile, { force: true });
  if (server && server.exitCode === null) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}
// Start-up, warm-ups, runs and a margin: past this the run is stuck.
const watchdog = setTimeout(
  () => {
    process.stderr.write('bench: took too long; stopping\n');
    cleanUp();
    process.exit(1);
  },
  START_TIMEOUT_MS + 4 * (DURATION + WARMUP + 15) * 1000,
);
watchdog.unref();

/** Starts `counterpart serve` on a free loopback port; resolves with its base URL once it listens. */
function startServer(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/counterpart.js', 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        HOST: '127.0.0.1',
        PORT: '0',
        DEMO: '1',
        LOG_LEVEL: LOG_LEVEL,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    let printed = '';
    let listening = false;
    let errors = '';
    const timer = setTimeout(
      () => reject(new Error(`the server did not start in ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    // The first start prints an administrator password: read it, never show it (and keep draining the pipe).
    child.stdout.on('data', (chunk: Buffer) => {
      if (listening) return;
      printed += chunk.toString();
      const port = /running at http:\/\/[^:/]+:(\d+)/.exec(printed)?.[1];
      if (port) {
        listening = true;
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-4000);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${signal ?? code}) before listening:\n${errors}`));
    });
  });
}

function run(url: string, duration: number): Promise<Result> {
  if (new URL(url).hostname !== '127.0.0.1')
    throw new Error(`refusing to load anything but 127.0.0.1: ${url}`);
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, timeout: 10 }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

async function get(url: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

/** The reference article's address, from the public API. */
async function articlePath(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/news?lang=en&pageSize=100`);
  const data = (await res.json()) as { items?: { url: string; title: string }[] };
  const found = data.items?.find((a) => a.title === REFERENCE_TITLE);
  if (!found)
    throw new Error(`the demo content has no article "${REFERENCE_TITLE}" (GET /api/v1/news: ${res.status})`);
  return found.url;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

async function main(): Promise<void> {
  process.stdout.write(`Starting the server (demo content, fresh PGlite in ${dataDir}) …\n`);
  const started = performance.now();
  const base = await startServer();
  process.stdout.write(`Listening at ${base} after ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const article = await articlePath(base);
  const page = await get(`${base}${article}`);
  if (page.status !== 200) throw new Error(`GET ${article} answered ${page.status}`);
  writeFileSync(staticFile, page.body);
  const copy = await get(`${base}/static/${staticName}`);
  if (copy.status !== 200 || !copy.body.equals(page.body)) {
    throw new Error(`GET /static/${staticName} did not return the article's bytes (${copy.status})`);
  }

  const targets = [
    { name: 'static copy', path: `/static/${staticName}` },
    { name: 'article', path: article },
    { name: 'news list', path: '/en/news' },
    { name: 'feed', path: '/en/news/feed.xml' },
  ];
  process.stdout.write(
    `${targets.length} targets × (${WARMUP} s warm-up + ${DURATION} s), ${CONNECTIONS} connections, ` +
      `server log level ${LOG_LEVEL}; the article page is ${page.body.length} bytes\n`,
  );
  const results: { name: string; path: string; r: Result; bytes: number }[] = [];
  for (const t of targets) {
    if (WARMUP > 0) await run(`${base}${t.path}`, WARMUP);
    const r = await run(`${base}${t.path}`, DURATION);
    const bytes = r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0;
    results.push({ ...t, r, bytes });
    process.stdout.write(`  ${t.name}: ${r.requests.average.toFixed(0)} requests/s\n`);
  }

  const baseline = results[0]!.r;
  const lines = [
    '',
    `${pad('target', 12)} ${pad('requests/s', 11, true)} ${pad('p50 ms', 7, true)} ${pad('p99 ms', 7, true)} ` +
      `${pad('bytes', 7, true)} ${pad('non-2xx', 8, true)} ${pad('errors', 7, true)} ${pad('× static', 9, true)}  path`,
    ...results.map(({ name, path, r, bytes }) =>
      [
        pad(name, 12),
        pad(r.requests.average.toFixed(0), 11, true),
        pad(String(r.latency.p50), 7, true),
        pad(String(r.latency.p99), 7, true),
        pad(String(bytes), 7, true),
        pad(String(r.non2xx), 8, true),
        pad(String(r.errors), 7, true),
        pad((r.requests.average / baseline.requests.average).toFixed(2), 9, true),
        ` ${path}`,
      ].join(' '),
    ),
    '',
    '× static: requests/s of the target divided by those of the same article bytes served from /static by the',
    'same server. bytes: per response, headers included. Client and server share this machine, so absolute',
    'figures are lower than on separate hosts.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const failed = results.filter(({ r }) => r.non2xx > 0 || r.errors > 0);
  if (failed.length > 0) {
    process.stdout.write(`\nSome responses failed: ${failed.map((f) => f.name).join(', ')}\n`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (err) {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  // Let the server shut down cleanly; force it after a few seconds.
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  cleanUp();
}
