import { defineConfig } from 'vitest/config';

// Two suites: `unit` needs only the sources; `site` tests the built site in dist/ (browser tests
// and the page-weight budget), so `npm test` runs it after `npm run build`.
const SITE_TESTS = [
  'tests/browser/**/*.test.ts',
  'tests/budget/page-weight.test.ts',
  'tests/links/reachable-pages.test.ts',
  'tests/site/built-term-notes.test.ts',
  'tests/site/built-languages.test.ts',
  'tests/site/built-trends.test.ts',
  'tests/site/built-releases.test.ts',
  'tests/site/frozen-stable.test.ts',
  'tests/site/national-small.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 900_000,
    // DuckDB-WASM compiles a 34 MB module per worker; two workers match the two cores.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: SITE_TESTS } },
      { extends: true, test: { name: 'site', include: SITE_TESTS, globalSetup: ['tests/browser/global-setup.ts'] } },
    ],
  },
});
