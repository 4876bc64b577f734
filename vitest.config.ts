import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Simulated fleets bind loopback addresses and ports: each test file uses its own address block,
    // so files may run in parallel, but not more at once than the two cores can serve.
    maxWorkers: 2,
    pool: 'forks',
  },
});
