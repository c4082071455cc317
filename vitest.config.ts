import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['spec/**/*.spec.ts'],
    globalSetup: ['harness/global-setup.ts'],
    // the usual report; then every skip with its reason, and (with SPEC_RESULTS) each test's record
    reporters: ['default', './harness/results-reporter.ts'],
    // Each scenario is a child process: the specs mostly wait on them, so files run in parallel
    // and the claims inside a file run concurrently too (npm run bench measures the effect).
    pool: 'forks',
    maxWorkers: availableParallelism(),
    maxConcurrency: 16,
    // The spec files share nothing but the harness: loading it once per worker, not once per
    // file, saves about a second and a half of the suite's wall time.
    isolate: false,
    sequence: { concurrent: true },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
