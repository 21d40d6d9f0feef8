import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@sidbox/source'] },
  ssr: { resolve: { conditions: ['@sidbox/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    globalSetup: ['scripts/test-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
