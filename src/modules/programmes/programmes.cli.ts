/** `counterpart export programme-reports`: one programme's progress reports (an operator's tool), to a file or standard output. */
import { writeFile } from 'node:fs/promises';
import { AppError } from '../../lib/errors.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { SYSTEM_CONTEXT } from '../accounts/context.ts';
import type { Io } from '../listings/listings.cli.ts';
import { exportReports, parseColumns, REPORT_EXPORT_FORMATS, reportRows } from './export.ts';
import { getProgramme } from './programmes.read.ts';

/**
 * Runs `export programme-reports`: every report of the programme (drafts and unconfirmed ones too),
 * labelled in `lang`, statuses as of today. XLSX is not written to a terminal.
 */
export async function runExportProgrammeReports(
  deps: Pick<Deps, 'db' | 'now'>,
  opts: {
    programme: string;
    format: string;
    lang: Lang;
    out?: string | undefined;
    columns?: string | undefined;
  },
  io: Io,
): Promise<void> {
  const format = REPORT_EXPORT_FORMATS.find((f) => f === opts.format);
  if (!format) {
    throw new AppError('validation', undefined, [
      { field: '--format', message: `choose one of ${REPORT_EXPORT_FORMATS.join(', ')}` },
    ]);
  }
  if (format === 'xlsx' && !opts.out && io.stdout.isTTY) {
    throw new Error('XLSX is a binary file: name one with --out FILE');
  }
  const columns = parseColumns(opts.columns, opts.lang);
  const view = await getProgramme(deps, SYSTEM_CONTEXT, opts.programme, { everything: true }).catch(
    (err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') {
        throw new AppError('validation', undefined, [
          { field: '--programme', message: `no programme with id ${opts.programme}` },
        ]);
      }
      throw err;
    },
  );
  const bytes = await exportReports(view, format, opts.lang, columns);
  if (opts.out) await writeFile(opts.out, bytes);
  else io.stdout.write(bytes);
  const n = reportRows(view, opts.lang).length;
  io.stderr.write(
    `Exported ${n} ${n === 1 ? 'row' : 'rows'} as ${format}${opts.out ? ` to ${opts.out}` : ''}.\n`,
  );
}
