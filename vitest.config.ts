import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import RunAheadSequencer from './harness/sequencer.ts';

export default defineConfig({
  test: {
    globalSetup: ['harness/global-setup.ts'],
    // each worker follows vitest's main process, and leaves when it is gone (harness/worker-setup.ts)
    setupFiles: ['harness/worker-setup.ts'],
    // the usual report; then every skip with its reason, and (with SPEC_RESULTS) each test's record;
    // on GitHub Actions also its annotations (a failure marked on its line), which naming reporters turns off
    reporters: ['default', './harness/results-reporter.ts', ...(process.env.GITHUB_ACTIONS ? ['github-actions'] : [])],
    // Each scenario is a child process: the specs mostly wait on them, so files run in parallel
    // and the claims inside a file run concurrently too (npm run bench measures the effect).
    // A file per core and two more: many files wait on purpose for seconds (a time limit, a
    // registry that never answers, a Lambda freeze), and with a file per core two such files at
    // once left the cores idle. On 2 cores (npm test, 2026-12-05): 2 workers 65.5 s, the cores
    // 165 % busy on average and under 150 % for 16 s of the run; 3 workers 59.8-61.3 s; 4 workers
    // 56.6-61.7 s, 196 % busy, so the run is bound by CPU alone. (Not twice the cores: each worker
    // holds 200-450 MB.) vitest's --maxWorkers does not reach the projects below (vitest 4 takes a
    // project's own value first, and each inherits this one): VITEST_MAX_WORKERS, which vitest
    // reads too, does (tools/vitest-run.ts sets it).
    pool: 'forks',
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || availableParallelism() + 2,
    maxConcurrency: 16,
    // The spec files share nothing but the harness: loading it once per worker, not once per
    // file, saves about a second and a half of the suite's wall time.
    isolate: false,
    // The transformed TypeScript is kept on disk between runs (node_modules/.experimental-vitest-cache,
    // keyed by each file's content; gone with node_modules), so a run does not transform the harness
    // again: results never come from it, only the compiled modules.
    experimental: { fsModuleCache: true },
    // The Node claims' scenarios start ahead, longest first, in one pool (harness/run-ahead.ts).
    sequence: { concurrent: true, sequencer: RunAheadSequencer },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two stages. `npm test` (project spec): the Node claims on the target, the Lambda claims on the
    // default runtime, and every tooling test that needs no registry and no release but the pinned
    // binary that runtime runs on. `npm run test:e2e` (project e2e): what needs the registry or
    // many releases (real bisections, upgrade's oracle, Bun and Deno, downloads), and the Lambda
    // claims on every runtime. `vitest run` alone runs both.
    projects: [
      {
        extends: true,
        test: {
          name: 'spec',
          include: ['spec/{node,lambda,tooling}/**/*.spec.ts'],
          // The freeze's determinism under two busy loops (300 invocations, both cores kept busy for
          // seconds) is checked in the e2e stage, which takes spec/lambda too.
          // So is Lambda's process limit, whose claim starts a thousand processes for seconds.
          exclude: ['spec/lambda/freeze.spec.ts', 'spec/lambda/process-limit.spec.ts'],
          // Nothing in this stage reaches the network from a child process, and a caller's extra CA
          // file makes every node start several times slower (here 0.22 s against 0.03 s wall): the
          // processes the tests start go without it (an empty value is no file). Scenarios never
          // had it (harness/environment.ts cleanEnv); the e2e stage keeps it for its downloads.
          // The Lambda claims on the default runtime only (spec/support/lambda-claims.ts SPEC_RUNTIMES).
          env: { NODE_EXTRA_CA_CERTS: '', SPEC_LAMBDA_RUNTIMES: 'default' },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['spec/e2e/**/*.spec.ts', 'spec/lambda/**/*.spec.ts'],
          // One file per core here: this stage's files keep the cores busy themselves (a browser,
          // a thousand processes, downloads, busy loops), and with two files more the machine was so
          // loaded that a local HTTP answer took over 2 s (the Sentry claim's flush(2000) gave up).
          // Its own group, after the spec project's, since vitest runs projects of one group with one
          // worker count.
          maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || availableParallelism(),
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
