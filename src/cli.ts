import { Command, CommanderError, Option } from 'commander';
import { boot } from './boot.ts';
import { AppError } from './lib/errors.ts';
import { readSecret } from './lib/prompt.ts';
import { createUserFromCli } from './modules/accounts/accounts.service.ts';
import { loadDemo } from './modules/demo/demo.service.ts';
import { importNews, progressPrinter, renderImportReport } from './modules/news/news.import.ts';
import { ROLES } from './modules/accounts/schema.ts';
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
