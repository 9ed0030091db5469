/** `counterpart export visits|agreed-areas`: every visit (an operator's tool), to a file or standard output. */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { SYSTEM_CONTEXT } from '../accounts/context.ts';
import type { Io } from '../listings/listings.cli.ts';
import {
  AREA_COLUMNS,
  EXPORT_FORMATS,
  exportAreas,
  exportVisits,
  parseColumns,
  VISIT_COLUMNS,
  type ExportFormat,
} from './export.ts';
import { visitsForExport } from './visits.service.ts';

/** `--format`, else the extension of `--out`, else CSV (the dashboards' export uses it too). */
export function formatOf(format: string | undefined, out: string | undefined): ExportFormat {
  const f = format ?? (out ? extname(out).slice(1).toLowerCase() : 'csv');
  if (!(EXPORT_FORMATS as readonly string[]).includes(f)) {
    throw new Error(`unknown format ${f}: use ${EXPORT_FORMATS.join(' or ')}`);
  }
  return f as ExportFormat;
}

/**
 * Runs `export visits` or `export agreed-areas`: all visits, published or not, labelled in `lang`, with
 * the columns asked for. XLSX is not written to a terminal.
 */
export async function runExportVisits(
  deps: Pick<Deps, 'db' | 'now' | 'config'>,
  what: 'visits' | 'agreed-areas',
  opts: { format?: string | undefined; out?: string | undefined; lang: Lang; columns?: string | undefined },
  io: Io,
): Promise<void> {
  const format = formatOf(opts.format, opts.out);
  if (format === 'xlsx' && !opts.out && io.stdout.isTTY) {
    throw new Error('XLSX is a binary file: name one with --out FILE');
  }
  const base = { format, lang: opts.lang, publicUrl: deps.config.publicUrl };
  // Columns are checked before anything is read or written.
  const visitColumns = what === 'visits' ? parseColumns(opts.columns, VISIT_COLUMNS, 'en') : [];
  const areaColumns = what === 'agreed-areas' ? parseColumns(opts.columns, AREA_COLUMNS, 'en') : [];
  const data = await visitsForExport(deps, SYSTEM_CONTEXT, { everything: true, lang: opts.lang });
  const bytes =
    what === 'visits'
      ? await exportVisits(deps, data, { ...base, columns: visitColumns })
      : await exportAreas(deps, data, { ...base, columns: areaColumns });
  if (opts.out) await writeFile(opts.out, bytes);
  else io.stdout.write(bytes);
  const n = what === 'visits' ? data.visits.length : data.areas.length;
  const noun = what === 'visits' ? (n === 1 ? 'visit' : 'visits') : n === 1 ? 'agreed area' : 'agreed areas';
  io.stderr.write(`Exported ${n} ${noun} as ${format}${opts.out ? ` to ${opts.out}` : ''}.\n`);
}
