/**
 * What the `counterpart` commands for listings do: `import listings`, `matches` and `export listings`.
 * `src/cli.ts` declares the options; these run them and word the output (renderers are pure).
 */
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../lib/errors.ts';
import { defineMessages, formatShanghai, type Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { PROVINCES } from '../regions/data.ts';
import { categoryInfo } from '../taxonomy/categories.data.ts';
import {
  EXPORT_FORMATS,
  exportStream,
  listingsForExport,
  type ExportFormat,
  type ExportRow,
} from './export.ts';
import { importListings, listingsProgress, type ImportListingsReport } from './import.ts';
import { getListing, listingMatches, type ListingView, type MatchItem } from './listings.service.ts';
import {
  browseQueryOf,
  ListingFilters,
  MatchParams,
  parseAsOf,
  parseParams,
  presentMatches,
} from './params.ts';

/** Files at least this large show progress on stderr (smaller ones finish before it would help). */
const PROGRESS_MIN_BYTES = 1024 * 1024;

export interface Io {
  stdout: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> & NodeJS.WritableStream;
  stderr: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Output and exit code of `import listings`: 0 only when every line of the file was imported. */
export function renderListingsImport(
  file: string,
  report: ImportListingsReport,
  opts: { json: boolean; skipInvalid: boolean; status: string },
): { stdout: string; stderr: string; exitCode: 0 | 1 } {
  const err = report.invalid.map((b) => `${file}:${b.line}: ${b.field ? `${b.field}: ` : ''}${b.reason}`);
  const badLines = new Set(report.invalid.map((b) => b.line)).size;
  const imported = report.created + report.updated;
  const good = report.lines - badLines;
  if (badLines > 0 && imported === 0) {
    err.push(
      `error: nothing was imported: ${count(badLines, 'line is', 'lines are')} bad` +
        (!opts.skipInvalid && good > 0
          ? ` (fix ${badLines === 1 ? 'it' : 'them'}, or use --skip-invalid to import the ${count(good, 'good line', 'good lines')})`
          : ''),
    );
  } else if (badLines > 0) {
    err.push(`warning: skipped ${count(badLines, 'bad line', 'bad lines')}`);
  } else if (report.lines === 0) {
    err.push(`warning: ${file} has no listings`);
  }
  const summary = {
    file,
    lines: report.lines,
    created: report.created,
    updated: report.updated,
    skipped: imported > 0 ? badLines : report.lines,
    status: opts.status,
    invalid: report.invalid,
  };
  const stdout = opts.json
    ? `${JSON.stringify(summary, null, 2)}\n`
    : imported > 0
      ? `Imported ${count(imported, 'listing', 'listings')} from ${file} as ${opts.status}: ` +
        `${report.created} new, ${report.updated} updated.\n`
      : '';
  return { stdout, stderr: err.map((l) => `${l}\n`).join(''), exitCode: badLines === 0 ? 0 : 1 };
}

/** Runs `import listings FILE`; returns the exit code. */
export async function runImportListings(
  deps: Pick<Deps, 'db' | 'now'>,
  file: string,
  opts: { json: boolean; skipInvalid: boolean; status: 'published' | 'pending' },
  io: Io,
): Promise<0 | 1> {
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0) throw new Error(`cannot read ${file}: not a file`);
  const report = await importListings(deps.db, file, {
    skipInvalid: opts.skipInvalid,
    status: opts.status,
    actor: { id: null, label: 'import listings (cli)' },
    now: deps.now(),
    onProgress: size >= PROGRESS_MIN_BYTES ? listingsProgress(io.stderr) : undefined,
  });
  const printed = renderListingsImport(file, report, opts);
  io.stdout.write(printed.stdout);
  io.stderr.write(printed.stderr);
  return printed.exitCode;
}

const cliMsg = defineMessages({
  en: {
    heading:
      'Matches for {ref} “{title}” ({region} · {direction} · {category}) as of {asOf} China time, {scope}:',
    scope_counterpart: 'from its counterpart regions',
    scope_all: 'from every region',
    none: 'No matches.',
    offer: 'offer',
    seek: 'seek',
  },
  zh: {
    heading: '{ref}“{title}”（{region} · {direction} · {category}）截至北京时间 {asOf} 的匹配（{scope}）：',
    scope_counterpart: '对口合作地区',
    scope_all: '所有地区',
    none: '没有匹配的信息。',
    offer: '供给',
    seek: '需求',
  },
});

function regionName(code: string, lang: Lang): string {
  const p = PROVINCES.find((r) => r.code === code);
  return p ? (lang === 'zh' ? p.nameZh : p.nameEn) : code;
}

function categoryName(code: string, lang: Lang): string {
  const c = categoryInfo(code);
  return c ? (lang === 'zh' ? c.nameZh : c.nameEn) : code;
}

/** A ranked list of matches with their reasons, for people reading a terminal. */
export function renderMatches(
  view: ListingView,
  items: readonly MatchItem[],
  opts: { lang: Lang; asOf: Date; scope: 'counterpart' | 'all' },
): string {
  const t = cliMsg(opts.lang);
  const l = view.listing;
  const lines = [
    t('heading', {
      ref: l.ref,
      title: l.title,
      region: regionName(l.regionCode, opts.lang),
      direction: t(l.direction),
      category: categoryName(l.category, opts.lang),
      asOf: formatShanghai(opts.asOf),
      scope: t(`scope_${opts.scope}`),
    }),
    '',
  ];
  if (items.length === 0) lines.push(t('none'));
  const width = String(items.length).length;
  items.forEach((m, i) => {
    lines.push(
      `${String(i + 1).padStart(width)}. ${m.score.toFixed(3)}  ${m.ref}  ` +
        `${regionName(m.region, opts.lang)} · ${t(m.direction)} · ${categoryName(m.category, opts.lang)}`,
      `${' '.repeat(width + 2)}${m.title}${m.orgName ? ` (${m.orgName})` : ''}`,
      ...m.reasons.map((r) => `${' '.repeat(width + 4)}- ${r.text}`),
    );
  });
  return `${lines.join('\n')}\n`;
}

/** CLI option names for the API parameters, so errors name what the user typed. */
const OPTION_NAMES: Record<string, string> = { asOf: '--as-of', orgType: '--org-type' };

function withOptionNames(err: unknown): unknown {
  if (!(err instanceof AppError) || err.code !== 'validation') return err;
  const issues = err.issues.map((i) => {
    const [head = '', ...rest] = i.field.split('.');
    return { ...i, field: [OPTION_NAMES[head] ?? `--${head}`, ...rest].join('.') };
  });
  return new AppError('validation', err.message, issues);
}

/** Runs `matches REF`; a listing that is not published answers "not found". */
export async function runMatches(
  deps: Pick<Deps, 'db' | 'now'>,
  ref: string,
  opts: { limit?: string; asOf?: string; scope?: string; json: boolean; lang: Lang },
  io: Io,
): Promise<void> {
  const ctx: UseCaseContext = { viewer: null, lang: opts.lang };
  let params: MatchParams;
  try {
    params = parseParams(MatchParams, { limit: opts.limit, asOf: opts.asOf, scope: opts.scope }, opts.lang);
  } catch (err) {
    throw withOptionNames(err);
  }
  const asOf = params.asOf === undefined ? deps.now() : parseAsOf(params.asOf)!;
  const view = await getListing(deps, ctx, ref).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'not_found'
      ? new Error(`there is no published listing with ref ${ref}`)
      : err;
  });
  const items = await listingMatches(deps, ctx, ref, { limit: params.limit, asOf, scope: params.scope });
  io.stdout.write(
    opts.json
      ? `${JSON.stringify(presentMatches(items))}\n`
      : renderMatches(view, items, { lang: opts.lang, asOf, scope: params.scope }),
  );
}

/** The export format: `--format`, else the extension of `--out`, else JSON Lines. */
export function exportFormatOf(format: string | undefined, out: string | undefined): ExportFormat {
  const chosen = format ?? (out ? extname(out).slice(1).toLowerCase() : 'jsonl');
  const known = EXPORT_FORMATS.find((f) => f === chosen);
  if (known) return known;
  throw new AppError('validation', undefined, [
    { field: '--format', message: `choose one of ${EXPORT_FORMATS.join(', ')}` },
  ]);
}

/** Runs `export listings`: published listings with the filters, to `--out` or standard output. */
export async function runExport(
  deps: Pick<Deps, 'db' | 'now' | 'config'>,
  opts: Record<string, unknown> & { format?: string; out?: string; lang: Lang },
  io: Io,
): Promise<void> {
  const { format: f, out, lang, ...filters } = opts;
  const format = exportFormatOf(f, out);
  if (format === 'xlsx' && !out && io.stdout.isTTY) {
    throw new Error('XLSX is a binary file: name one with --out FILE');
  }
  let parsed: ListingFilters;
  try {
    parsed = parseParams(ListingFilters, filters, lang);
  } catch (err) {
    throw withOptionNames(err);
  }
  const ctx: UseCaseContext = { viewer: null, lang };
  const rows = await listingsForExport(deps, ctx, browseQueryOf(parsed));
  let written = 0;
  const counted = (async function* (): AsyncGenerator<ExportRow> {
    for await (const r of rows) {
      written++;
      yield r;
    }
  })();
  const stream = exportStream(counted, format, lang, deps.config.publicUrl);
  if (out) await pipeline(stream, createWriteStream(out));
  else await pipeline(stream, io.stdout, { end: false });
  io.stderr.write(
    `Exported ${count(written, 'listing', 'listings')} as ${format}${out ? ` to ${out}` : ''}.\n`,
  );
}
