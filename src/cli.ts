import { Command, CommanderError, Option } from 'commander';
import { boot } from './boot.ts';
import { AppError } from './lib/errors.ts';
import { readSecret } from './lib/prompt.ts';
import { createUserFromCli } from './modules/accounts/accounts.service.ts';
import { loadDemo } from './modules/demo/demo.service.ts';
import { runExport, runImportListings, runMatches } from './modules/listings/listings.cli.ts';
import { BROWSE_STATES, MATCH_SCOPES } from './modules/listings/params.ts';
import { importNews, progressPrinter, renderImportReport } from './modules/news/news.import.ts';
import { ROLES } from './modules/accounts/schema.ts';
import { runExportDashboard, type DashboardExportOptions } from './modules/dashboards/dashboards.cli.ts';
import { TABLE_KEYS } from './modules/dashboards/tables.ts';
import { EXPORT_FORMATS } from './modules/listings/export.ts';
import { runExportProjects } from './modules/projects/projects.cli.ts';
import { runExportVisits } from './modules/visits/visits.cli.ts';
import { runExportProgrammeReports } from './modules/programmes/programmes.cli.ts';
import { startServer } from './server.ts';

const program = new Command();
program
  .name('counterpart')
  .description(
    'Counterpart: counterpart cooperation platform. Reads PORT, HOST, DATA_DIR, DATABASE_URL, … from the environment.',
  )
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description('run the web server (migrates first; creates the admin and demo content on an empty database)')
  .action(async () => {
    const { deps, database } = await boot();
    const running = await startServer(deps);
    process.stdout.write(`Counterpart is running at http://localhost:${running.port}/\n`);
    const stop = async () => {
      await running.close();
      await database.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  });

program
  .command('migrate')
  .description('apply database migrations and reference data, then exit')
  .action(async () => {
    const { database } = await boot();
    await database.close();
    process.stdout.write('Database is up to date.\n');
  });

const user = program.command('user').description('manage user accounts');
user
  .command('create')
  .description('create a user; the password is read from standard input, or prompted for on a terminal')
  .requiredOption('--email <email>', 'sign-in email address')
  .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
  .option('--region <code>', 'region a coordinator coordinates, e.g. CN-JL')
  .option('--org <id>', 'organisation a member belongs to (its id)')
  .option('--name <name>', 'display name (defaults to the part of the email before @)')
  .addOption(new Option('--lang <lang>', 'preferred language').choices(['en', 'zh']).default('en'))
  .action(
    async (opts: {
      email: string;
      role: (typeof ROLES)[number];
      region?: string;
      org?: string;
      name?: string;
      lang: 'en' | 'zh';
    }) => {
      const password = await readSecret('Password: ');
      const { deps, database } = await boot();
      try {
        const created = await createUserFromCli(deps, {
          email: opts.email,
          role: opts.role,
          regionCode: opts.region,
          orgId: opts.org,
          name: opts.name,
          preferredLang: opts.lang,
          password,
        });
        process.stdout.write(`Created ${created.role} ${created.email} (${created.id})\n`);
      } finally {
        await database.close();
      }
    },
  );

program
  .command('demo')
  .description('demo content')
  .command('load')
  .description('load the demo organisations, users and content (idempotent)')
  .action(async () => {
    const { deps, database } = await boot();
    try {
      const demo = await loadDemo(deps);
      process.stdout.write(`Demo content loaded: ${demo.summary}\n`);
      for (const line of demo.accounts) process.stdout.write(`  ${line}\n`);
    } finally {
      await database.close();
    }
  });

// `import` is a group: `import news` now, other kinds of legacy content later.
const importer = program.command('import').description('import content from files');
importer
  .command('news')
  .description(
    'import legacy news pages (the portal text layout, or saved HTML) from files or folders (.txt, .html, .htm). ' +
      'Every file is checked first; when any is bad nothing is imported and each is listed as path:line: reason. ' +
      'Exit code 0 when the articles were imported, 1 otherwise.',
  )
  .argument('<path...>', 'files or folders')
  .option('--json', 'print the imported articles as a JSON array (id, url, title, language, publishedAt)')
  .option(
    '--skip-invalid',
    'import the good files and list the bad ones (exit code 0 when at least one is imported)',
  )
  .option('--section <key>', 'put every article in this section instead of the one its breadcrumb names')
  .action(async (paths: string[], opts: { json?: boolean; skipInvalid?: boolean; section?: string }) => {
    const { deps, database } = await boot();
    try {
      const report = await importNews(deps.db, paths, {
        skipInvalid: opts.skipInvalid,
        section: opts.section,
        actor: { id: null, label: 'import news (cli)' },
        onProgress: progressPrinter(process.stderr),
      });
      const printed = renderImportReport(report, {
        json: opts.json ?? false,
        skipInvalid: opts.skipInvalid ?? false,
      });
      process.stdout.write(printed.stdout);
      process.stderr.write(printed.stderr);
      process.exitCode = printed.exitCode;
    } finally {
      await database.close();
    }
  });

importer
  .command('listings')
  .description(
    'import cooperation listings from a JSON Lines file (shared/spec/listings-format.md). Every line is ' +
      'checked first and each bad one is listed as FILE:LINE: field: reason; when any is bad nothing is ' +
      'imported. A listing whose id is already known is updated; organisations are reused by name and ' +
      'region, or created. Exit code 0 only when every line was imported, 1 otherwise (with --skip-invalid ' +
      'the good lines are imported, and the exit code is still 1 when some lines were bad).',
  )
  .argument('<file>', 'a .jsonl file')
  .option('--skip-invalid', 'import the good lines and list the bad ones (exit code 1 when there were any)')
  .addOption(
    new Option('--status <status>', 'status of the imported listings')
      .choices(['published', 'pending'])
      .default('published'),
  )
  .option('--json', 'print the report as JSON (file, lines, created, updated, skipped, status, invalid)')
  .action(
    async (
      file: string,
      opts: { skipInvalid?: boolean; status: 'published' | 'pending'; json?: boolean },
    ) => {
      const { deps, database } = await boot();
      try {
        process.exitCode = await runImportListings(
          deps,
          file,
          { json: opts.json ?? false, skipInvalid: opts.skipInvalid ?? false, status: opts.status },
          process,
        );
      } finally {
        await database.close();
      }
    },
  );

program
  .command('matches')
  .description(
    'rank the matches of a published listing, best first, with their reasons: listings of the same ' +
      'category and the opposite direction from its counterpart regions, not expired as of --as-of',
  )
  .argument('<ref>', "the listing's reference (its id in the imported file)")
  .option('--limit <n>', 'how many matches (1–100)', '10')
  .option(
    '--as-of <time>',
    'a date (2018-03-01: the start of that day, China time) or an ISO date-time with offset',
  )
  .addOption(new Option('--scope <scope>', 'where to look').choices(MATCH_SCOPES).default('counterpart'))
  .option('--json', 'print {"items":[…]} as the API answers GET /api/v1/listings/{ref}/matches')
  .addOption(new Option('--lang <lang>', 'language of the reasons').choices(['en', 'zh']).default('en'))
  .action(
    async (
      ref: string,
      opts: { limit: string; asOf?: string; scope: string; json?: boolean; lang: 'en' | 'zh' },
    ) => {
      const { deps, database } = await boot();
      try {
        await runMatches(deps, ref, { ...opts, json: opts.json ?? false }, process);
      } finally {
        await database.close();
      }
    },
  );

const collect = (value: string, previous: string[] = []) => [...previous, value];
const exporter = program.command('export').description('export content to files');
exporter
  .command('listings')
  .description(
    'export published listings, newest first: jsonl is the interchange format (it re-imports with ' +
      '`import listings`); csv and xlsx have headers and labels in --lang. Writes to standard output ' +
      'unless --out is given; the format defaults to the extension of --out, else jsonl.',
  )
  .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS))
  .addOption(
    new Option('--lang <lang>', 'language of headers and labels').choices(['en', 'zh']).default('en'),
  )
  .option('--out <file>', 'write to this file')
  .option('--q <text>', 'search text')
  .option('--region <codes>', 'province codes, e.g. CN-JL (comma-separated or repeated)', collect)
  .option('--area <code>', 'GB/T 2260 code of a prefecture or county')
  .option('--category <codes>', 'categories, e.g. product,capital (comma-separated or repeated)', collect)
  .addOption(new Option('--direction <direction>', 'offer or seek').choices(['offer', 'seek']))
  .option('--sector <code>', 'GB/T 4754 section (C) or division (C15)')
  .addOption(new Option('--language <lang>', 'language of the listings').choices(['en', 'zh']))
  .option('--org-type <types>', 'organisation types (comma-separated or repeated)', collect)
  .addOption(
    new Option('--state <state>', 'active (not expired today), expired, or all published')
      .choices(BROWSE_STATES.filter((s) => s === 'active' || s === 'expired' || s === 'all'))
      .default('active'),
  )
  .action(async (opts: Record<string, unknown> & { lang: 'en' | 'zh'; format?: string; out?: string }) => {
    const { deps, database } = await boot();
    try {
      await runExport(deps, opts, process);
    } finally {
      await database.close();
    }
  });

exporter
  .command('projects')
  .description(
    'export every cooperation project (published or not; an operator tool): csv and xlsx have headers ' +
      'and labels (stages, categories, regions) in --lang, jsonl carries codes. Writes to standard output ' +
      'unless --out is given; the format defaults to the extension of --out, else jsonl.',
  )
  .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS))
  .addOption(
    new Option('--lang <lang>', 'language of headers and labels').choices(['en', 'zh']).default('en'),
  )
  .option('--out <file>', 'write to this file')
  .action(async (opts: { lang: 'en' | 'zh'; format?: string; out?: string }) => {
    const { deps, database } = await boot();
    try {
      await runExportProjects(deps, opts, process);
    } finally {
      await database.close();
    }
  });

exporter
  .command('programme-reports')
  .description(
    "export one partner-assistance programme's progress reports (every report, confirmed or not; an " +
      'operator tool): one row per report and indicator with the value, the confirmed cumulative value ' +
      'and what the schedule expected, headers and labels in --lang.',
  )
  .requiredOption('--programme <id>', 'the programme id')
  .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']).default('csv'))
  .addOption(
    new Option('--lang <lang>', 'language of headers and labels').choices(['en', 'zh']).default('en'),
  )
  .option('--columns <names>', 'comma-separated columns (default: all)')
  .option('--out <file>', 'write to this file')
  .action(
    async (opts: {
      programme: string;
      format: string;
      lang: 'en' | 'zh';
      columns?: string;
      out?: string;
    }) => {
      const { deps, database } = await boot();
      try {
        await runExportProgrammeReports(deps, opts, process);
      } finally {
        await database.close();
      }
    },
  );

for (const what of ['visits', 'agreed-areas'] as const) {
  exporter
    .command(what)
    .description(
      `export every ${what === 'visits' ? 'visit' : 'agreed area (with its status today)'} (published or ` +
        'not; an operator tool) as csv or xlsx with headers and labels in --lang; --columns picks and orders ' +
        'columns. Writes to standard output unless --out is given; the format defaults to the extension of ' +
        '--out, else csv.',
    )
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']))
    .addOption(
      new Option('--lang <lang>', 'language of headers and labels').choices(['en', 'zh']).default('en'),
    )
    .option('--columns <list>', 'comma-separated column keys, in order (default: all)')
    .option('--out <file>', 'write to this file')
    .action(async (opts: { lang: 'en' | 'zh'; format?: string; out?: string; columns?: string }) => {
      const { deps, database } = await boot();
      try {
        await runExportVisits(deps, what, opts, process);
      } finally {
        await database.close();
      }
    });
}

exporter
  .command('dashboard')
  .description(
    "export a dashboard's tables with the figures the public sees: a pairing's (--pairing ID) or the " +
      'overall one, for a period (--from/--to, China dates, inclusive). xlsx holds every table (or --table); ' +
      'csv holds one (--table required; --columns picks and orders its columns). Labels in --lang. Writes to ' +
      'standard output unless --out is given; the format defaults to the extension of --out, else csv.',
  )
  .option('--pairing <id>', 'the pairing id (default: every record, the overall dashboard)')
  .option('--from <date>', 'first day, YYYY-MM-DD')
  .option('--to <date>', 'last day, YYYY-MM-DD')
  .addOption(new Option('--table <key>', 'one table').choices(TABLE_KEYS))
  .option('--columns <list>', 'comma-separated column keys of --table, in order (default: all)')
  .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']))
  .addOption(
    new Option('--lang <lang>', 'language of headers and labels').choices(['en', 'zh']).default('en'),
  )
  .option('--out <file>', 'write to this file')
  .action(async (opts: DashboardExportOptions) => {
    const { deps, database } = await boot();
    try {
      await runExportDashboard(deps, opts, process);
    } finally {
      await database.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  process.exitCode = 1;
  if (err instanceof AppError) {
    process.stderr.write(`error: ${err.message}\n`);
    for (const issue of err.issues) process.stderr.write(`  ${issue.field}: ${issue.message}\n`);
  } else {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  }
}
