import { defineConfig } from 'vitest/config';

// Three suites: pure unit tests, database/API tests (PGlite by default, PostgreSQL when DATABASE_URL is
// set) and browser tests in Debian's Chromium. `npm test` runs all three; a suite that cannot run here
// says why, and fails instead when REQUIRE_PG / REQUIRE_BROWSER is set (as CI does).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.db.test.{ts,tsx}', 'src/**/*.browser.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.{ts,tsx}'],
          globalSetup: ['src/test/db-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.{ts,tsx}'],
          globalSetup: ['src/test/db-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
