import { configDefaults, defineConfig } from 'vitest/config';

// Two projects, by file name: `*.real.test.ts` starts a real component (AusweisApp, Chromium,
// cupsd, pcscd, SANE, PostgreSQL, a built CLI or daemon process); every other `*.test.ts` is
// fast and runs alone in under a minute (`npm run test:fast`). `npm test` runs both, fast first.
const tests = 'packages/*/test/**/*.test.ts';
const realTests = 'packages/*/test/**/*.real.test.ts';

export default defineConfig({
  resolve: { conditions: ['@sidbox/source'] },
  ssr: { resolve: { conditions: ['@sidbox/source'] } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          // One module graph for all fast files: forking a process per file cost more than the tests.
          isolate: false,
          maxWorkers: 2,
          include: [tests],
          exclude: [...configDefaults.exclude, realTests],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'real',
          include: [realTests],
          isolate: false,
          maxWorkers: 2,
          // Only real suites start AusweisApp; its teardown fails the run when one survives.
          globalSetup: ['scripts/test-global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
