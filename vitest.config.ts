import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['spec/**/*.spec.ts'],
    globalSetup: ['harness/global-setup.ts'],
    setupFiles: ['harness/matchers.ts'],
    // Each scenario is a child process: the specs mostly wait on them, so files run in parallel
    // and the claims inside a file run concurrently too.
    pool: 'forks',
    maxWorkers: availableParallelism(),
    maxConcurrency: 8,
    sequence: { concurrent: true },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
