/** `counterpart export dashboard`: a dashboard's tables (what the public sees) to a file or standard output. */
import { writeFile } from 'node:fs/promises';
import type { Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import { SYSTEM_CONTEXT } from '../accounts/context.ts';
import type { Io } from '../listings/listings.cli.ts';
import { formatOf } from '../visits/visits.cli.ts';
import { dashboardOf, parsePeriod } from './dashboards.service.ts';
import { chooseTables, writeTables } from './export.ts';
import { dashboardTables } from './tables.ts';

export interface DashboardExportOptions {
  pairing?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  table?: string | undefined;
  columns?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
  lang: Lang;
}

/**
 * Runs `export dashboard`: the pairing's dashboard (`--pairing ID`) or the overall one, for the period,
 * as XLSX (every table or `--table`) or CSV (`--table` required). Everything is checked before writing.
 */
export async function runExportDashboard(
  deps: Pick<Deps, 'db' | 'now'>,
  opts: DashboardExportOptions,
  io: Io,
): Promise<void> {
  const format = formatOf(opts.format, opts.out);
  if (format === 'xlsx' && !opts.out && io.stdout.isTTY) {
    throw new Error('XLSX is a binary file: name one with --out FILE');
  }
  const id = opts.pairing === undefined ? null : Number(opts.pairing);
  if (id !== null && !(Number.isSafeInteger(id) && id > 0)) {
    throw new Error(`--pairing must be a pairing id (a positive whole number), not ${opts.pairing}`);
  }
  const period = parsePeriod(opts);
  const { dashboard, places } = await dashboardOf(deps, SYSTEM_CONTEXT, id, period);
  const tables = chooseTables(dashboardTables(dashboard, opts.lang, places), { ...opts, format });
  const bytes = await writeTables(tables, format);
  if (opts.out) await writeFile(opts.out, bytes);
  else io.stdout.write(bytes);
  const n = tables.length;
  io.stderr.write(
    `Exported ${n} ${n === 1 ? 'table' : 'tables'} of the ${id === null ? 'overall' : `pairing ${id}`} ` +
      `dashboard as ${format}${opts.out ? ` to ${opts.out}` : ''}.\n`,
  );
}
