/** `counterpart export projects`: every project (an operator's tool), to a file or standard output. */
import { writeFile } from 'node:fs/promises';
import type { Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { SYSTEM_CONTEXT } from '../accounts/context.ts';
import { exportFormatOf, type Io } from '../listings/listings.cli.ts';
import { exportProjects, projectsForExport } from './export.ts';

/**
 * Runs `export projects`: all projects, published or not, labelled in `lang`. The format defaults to the
 * extension of `--out`, else jsonl; XLSX is not written to a terminal.
 */
export async function runExportProjects(
  deps: Pick<Deps, 'db' | 'now' | 'config'>,
  opts: { format?: string | undefined; out?: string | undefined; lang: Lang },
  io: Io,
): Promise<void> {
  const format = exportFormatOf(opts.format, opts.out);
  if (format === 'xlsx' && !opts.out && io.stdout.isTTY) {
    throw new Error('XLSX is a binary file: name one with --out FILE');
  }
  const rows = await projectsForExport(deps, SYSTEM_CONTEXT, { everything: true });
  const bytes = await exportProjects(deps, rows, format, opts.lang, deps.config.publicUrl);
  if (opts.out) await writeFile(opts.out, bytes);
  else io.stdout.write(bytes);
  const n = rows.length;
  io.stderr.write(
    `Exported ${n} ${n === 1 ? 'project' : 'projects'} as ${format}${opts.out ? ` to ${opts.out}` : ''}.\n`,
  );
}
