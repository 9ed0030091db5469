import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Db } from '../../db/client.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { isoShanghai } from '../../lib/i18n.ts';
import type { Actor } from '../audit/audit.service.ts';
import {
  formatLegacyError,
  parseLegacyBytes,
  sizeError,
  type LegacyArticle,
  type LegacyError,
  type LegacyWarning,
} from './legacy/parse.ts';
import { articleUrl, upsertImportedArticle } from './news.service.ts';
import { listSections } from './sections.service.ts';

// `counterpart import news PATH…`: read every file, parse them all, then import the good ones in one
// transaction. By default one bad file means nothing is imported, so a folder goes in whole or not at all.

/** Files a folder contributes; a file named on the command line is read whatever its name. */
const PAGE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

export interface ImportNewsOptions {
  /** Import the good files even when some are bad (which are listed). */
  skipInvalid?: boolean | undefined;
  /** A section key for every article, instead of the one each breadcrumb names. */
  section?: string | undefined;
  actor: Actor;
  /** Called after each file is read and after each article is written. */
  onProgress?: ((p: { phase: 'read' | 'import'; done: number; total: number }) => void) | undefined;
}

/** One imported article as the CLI prints it (`--json`): the contract other tools rely on. */
export interface ImportedNews {
  id: string;
  /** The article's path on the site, `/en/news/…` or `/zh/news/…`. */
  url: string;
  title: string;
  language: 'en' | 'zh';
  /** ISO 8601 with the +08:00 offset. */
  publishedAt: string;
  /** The file it came from. */
  path: string;
  /** False when the article existed (a re-import) and was updated or left as it was. */
  created: boolean;
}

export interface ImportNewsReport {
  /** How many files were found under the paths. */
  files: number;
  /** How many of them could be imported (all of them are only when `invalid` is empty). */
  valid: number;
  /** Empty when any file is bad and `skipInvalid` is off. */
  imported: ImportedNews[];
  /** Every bad file (or path), in the order given. */
  invalid: LegacyError[];
  warnings: LegacyWarning[];
}

/** Files under the paths: folders searched recursively for .txt/.html/.htm, hidden entries skipped. */
async function collectFiles(paths: string[]): Promise<{ files: string[]; errors: LegacyError[] }> {
  const files: string[] = [];
  const errors: LegacyError[] = [];
  const seen = new Set<string>();
  const add = async (file: string) => {
    const real = await realpath(file);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(file);
  };
  const walk = async (dir: string): Promise<number> => {
    let found = 0;
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name, 'en', { numeric: true }),
    );
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      // Symbolic links to folders are not followed (no loops); links to files are read.
      const isFile =
        entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => null))?.isFile());
      if (entry.isDirectory()) found += await walk(full);
      else if (isFile && PAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        await add(full);
        found++;
      }
    }
    return found;
  };
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isFile()) await add(path);
      else if (info.isDirectory()) {
        if ((await walk(path)) === 0)
          errors.push({ path, line: null, reason: 'no .txt, .html or .htm files in this folder' });
      } else errors.push({ path, line: null, reason: 'not a file or a folder' });
    } catch (err) {
      errors.push({ path, line: null, reason: describeFsError(err) });
    }
  }
  return { files, errors };
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  return `cannot be read: ${err instanceof Error ? err.message : String(err)}`;
}

/** The file of a validation problem the news service found, at the line the field came from. */
function rejection(path: string, article: LegacyArticle, err: AppError): LegacyError {
  const issue = err.issues[0];
  const line =
    issue?.field === 'section'
      ? article.lines.breadcrumb
      : issue?.field === 'title'
        ? article.lines.title
        : issue?.field === 'publishedAt'
          ? article.lines.time
          : null;
  const reason = err.issues.map((i) => `${i.field}: ${i.message}`).join('; ') || err.message;
  return { path, line, reason };
}

/** Thrown inside the transaction to undo it when the service refused an article and nothing may be half-done. */
class RollBack extends Error {
  constructor(readonly refused: LegacyError[]) {
    super('import rolled back');
  }
}

/**
 * Reads and parses every file first; then, unless a file is bad (or `skipInvalid` is on), writes all the
 * articles in one transaction. A page imported again updates its article (same import key) instead of
 * adding one; a file the news service refuses counts as bad like one that does not parse.
 */
export async function importNews(
  db: Db,
  paths: string[],
  opts: ImportNewsOptions,
): Promise<ImportNewsReport> {
  const sections = (await listSections(db)).map((s) => ({ key: s.key, names: [s.nameEn, s.nameZh] }));
  if (opts.section !== undefined && !sections.some((s) => s.key === opts.section)) {
    const known = sections.map((s) => s.key).join(', ');
    throw invalid('section', `unknown section "${opts.section}" (the site has: ${known})`);
  }
  const { files, errors } = await collectFiles(paths);

  const good: { path: string; article: LegacyArticle }[] = [];
  const bad: LegacyError[] = [...errors];
  const warnings: LegacyWarning[] = [];
  for (const [i, path] of files.entries()) {
    try {
      // A huge file is refused before it is read.
      const tooLarge = sizeError(path, (await stat(path)).size);
      const parsed = tooLarge
        ? { ok: false as const, error: tooLarge }
        : parseLegacyBytes(await readFile(path), { path, section: opts.section, sections });
      if (parsed.ok) {
        good.push({ path, article: parsed.article });
        warnings.push(...parsed.warnings);
      } else {
        bad.push(parsed.error);
      }
    } catch (err) {
      bad.push({ path, line: null, reason: describeFsError(err) });
    }
    opts.onProgress?.({ phase: 'read', done: i + 1, total: files.length });
  }

  const report = (imported: ImportedNews[], refused: LegacyError[] = []): ImportNewsReport => ({
    files: files.length,
    valid: good.length - refused.length,
    imported,
    invalid: inFileOrder([...bad, ...refused], files),
    warnings,
  });
  if ((bad.length > 0 && !opts.skipInvalid) || good.length === 0) return report([]);

  try {
    return await db.transaction(async (tx) => {
      const imported: ImportedNews[] = [];
      const refused: LegacyError[] = [];
      for (const [i, { path, article }] of good.entries()) {
        try {
          // A savepoint each: a refused article leaves the transaction usable for the others.
          const a = await tx.transaction((sp) =>
            upsertImportedArticle(
              sp,
              {
                importKey: article.importKey,
                lang: article.lang,
                title: article.title,
                paragraphs: article.paragraphs,
                sectionKey: article.sectionKey,
                publishedAt: article.publishedAt,
              },
              opts.actor,
            ),
          );
          imported.push({
            id: a.id,
            url: articleUrl(a),
            title: a.title,
            language: a.lang,
            publishedAt: isoShanghai(a.publishedAt),
            path,
            created: a.created,
          });
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'validation') throw err;
          refused.push(rejection(path, article, err));
        }
        opts.onProgress?.({ phase: 'import', done: i + 1, total: good.length });
      }
      if (refused.length > 0 && !opts.skipInvalid) throw new RollBack(refused);
      return report(imported, refused);
    });
  } catch (err) {
    if (err instanceof RollBack) return report([], err.refused);
    throw err;
  }
}

/** Paths that could not be read first, then the files' errors in the order the files were read. */
function inFileOrder(errors: LegacyError[], files: string[]): LegacyError[] {
  const order = new Map(files.map((f, i) => [f, i]));
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (order.get(a.e.path) ?? -1) - (order.get(b.e.path) ?? -1) || a.i - b.i)
    .map(({ e }) => e);
}

/**
 * What `counterpart import news` prints. `--json`: the JSON array of imported articles on stdout, always
 * (`[]` when nothing was imported). Bad files go to stderr as `path:line: reason`. Exit code 0 when every
 * file was imported, or with `--skip-invalid` when at least one was; 1 otherwise.
 */
export function renderImportReport(
  report: ImportNewsReport,
  opts: { json: boolean; skipInvalid: boolean },
): { stdout: string; stderr: string; exitCode: 0 | 1 } {
  const out: string[] = [];
  const err: string[] = [];
  for (const w of report.warnings) err.push(`warning: ${w.path}:${w.line}: ${w.message}`);
  const bad = report.invalid.length;
  if (bad > 0) {
    err.push(
      report.imported.length > 0
        ? `warning: ${plural(bad, 'file was', 'files were')} skipped:`
        : opts.skipInvalid
          ? `error: nothing was imported; ${plural(bad, 'bad file', 'bad files')}:`
          : `error: nothing was imported because of ${plural(bad, 'bad file', 'bad files')}` +
            (report.valid > 0
              ? ` (use --skip-invalid to import the ${plural(report.valid, 'good file', 'good files')}):`
              : ':'),
    );
    for (const e of report.invalid) err.push(`  ${formatLegacyError(e)}`);
  } else if (report.files === 0) {
    err.push('error: no files to import');
  }
  if (opts.json) {
    out.push(JSON.stringify(report.imported, null, 2));
  } else if (report.imported.length > 0) {
    const created = report.imported.filter((a) => a.created).length;
    out.push(
      `Imported ${plural(report.imported.length, 'article', 'articles')} ` +
        `(${created} new, ${report.imported.length - created} updated or unchanged):`,
    );
    for (const a of report.imported)
      out.push(`  ${a.url}  ${a.title} (${a.publishedAt.slice(0, 10)})  from ${a.path}`);
  }
  const ok = report.imported.length > 0 && (bad === 0 || opts.skipInvalid);
  return {
    stdout: out.length > 0 ? `${out.join('\n')}\n` : '',
    stderr: err.length > 0 ? `${err.join('\n')}\n` : '',
    exitCode: ok ? 0 : 1,
  };
}

function plural(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}

/**
 * Progress on stderr once there are many files: a line rewritten in place on a terminal, else about ten
 * lines per phase (logs stay short).
 */
export function progressPrinter(
  stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>,
  minFiles = 20,
): NonNullable<ImportNewsOptions['onProgress']> {
  const verb = { read: 'Read', import: 'Imported' } as const;
  return ({ phase, done, total }) => {
    if (total < minFiles) return;
    const text = `${verb[phase]} ${done}/${total} ${phase === 'read' ? 'files' : 'articles'}`;
    if (stream.isTTY) stream.write(`\r${text}${done === total ? '\n' : ''}`);
    else if (done === total || done % Math.ceil(total / 10) === 0) stream.write(`${text}\n`);
  };
}
