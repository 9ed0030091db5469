// Runs a command (the `db` test suite) that must run against PostgreSQL: refuses clearly when DATABASE_URL is
// unset instead of falling back to PGlite, and sets REQUIRE_PG=1 so that no test skips itself for want of it.
//   DATABASE_URL=postgresql://… tsx scripts/with-pg.ts vitest run --project db
import { spawnSync } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: tsx scripts/with-pg.ts COMMAND [ARGS…]');
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error(
    [
      'test:pg runs the database suite against PostgreSQL, but DATABASE_URL is not set.',
      'Start a throwaway cluster and point DATABASE_URL at it, e.g.:',
      '  export DATABASE_URL=$(scripts/pg-cluster.sh start /tmp/counterpart-pg 55432)',
      '  npm run test:pg',
      '  scripts/pg-cluster.sh stop /tmp/counterpart-pg',
      '(`npm test` runs the same suite on the embedded PGlite.)',
    ].join('\n'),
  );
  process.exit(2);
}
const result = spawnSync(command, args, {
  stdio: 'inherit',
  env: { ...process.env, REQUIRE_PG: '1' },
  shell: false,
});
if (result.error) {
  console.error(`with-pg: could not run ${command}: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
