// Vitest's own file order (longest and failed files first, from its cache), plus two things done
// in its place because it is the first moment the whole run is known, before any worker starts:
//  - the Node binaries the run's Lambda specs need are fetched here, once, each fetch saying what
//    it fetches (not by several workers at once, in the middle of their output);
//  - the Node claims' scenarios are started ahead, in one pool (harness/run-ahead.ts). The pool's
//    address reaches the claims through `inject('runAhead')`; it is closed in the global teardown.
// This file is bundled into the config at every start: it imports nothing of the project's, and
// loads what it needs through vitest's module runner only when the run needs it.
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import type { RunAhead } from './run-ahead.ts';
import type { Target } from './node-binaries.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const KEY = Symbol.for('node-async-spec.run-ahead');
type Holder = { [KEY]?: RunAhead };

/** Closes the run's pool, if one was started (called by harness/global-setup.ts at teardown). */
export async function closeRunAhead(): Promise<void> {
  const g = globalThis as Holder;
  const r = g[KEY];
  delete g[KEY];
  await r?.close();
}

const isIn = (folder: string) => (f: TestSpecification) => new RegExp(`[\\\\/]spec[\\\\/]${folder}[\\\\/]`).test(f.moduleId);

export default class RunAheadSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const lambda = files.filter(isIn('lambda'));
    if (lambda.length) await this.lambdaBinaries(lambda.map((f) => f.project.config.env?.SPEC_LAMBDA_RUNTIMES as string | undefined));
    const cfg = this.ctx.config;
    // Worth it only when the workers would otherwise take the Node claims' files one after
    // another: with no more such files than workers, each file gets a worker from the start. A
    // run narrowed by test name claims some scenarios only: each claim runs its own.
    const nodeFiles = files.filter(isIn('node')).length;
    if (nodeFiles <= (cfg.maxWorkers ?? 1) || cfg.testNamePattern || process.env.SPEC_RUN_AHEAD === '0') return sorted;
    // `vitest list` only collects (vitest sorts its files all the same, and says no more to a
    // sequencer): nothing is claimed, so nothing is started.
    if (process.argv[2] === 'list') return sorted;
    const projects = [...new Set(files.map((f) => f.project))];
    const target = projects[0]?.getProvidedContext().target as Target | undefined;
    if (!target) return sorted;
    const { planned, startRunAhead } = await this.ctx.import<typeof import('./run-ahead.ts')>(join(HERE, 'run-ahead.ts'));
    const scenarios = planned(files.map((f) => f.moduleId), target);
    if (!scenarios.length) return sorted;
    await closeRunAhead();
    // By the cores, not the workers (two more than the cores, vitest.config.ts): when the run is the Node
    // claims alone, as many at once as one worker per core would run (the claims per file times
    // the cores). With other files in the run (npm test), the pool shares the cores with their
    // workers and with vitest's own process, which transforms every worker's modules and runs this
    // pool: 4 per core. Measured on 2 cores (npm test, paired runs): 32 at once 86.6-89.4 s, 8 at
    // once 77.6-85.2 s; vitest's transform and setup times summed over the files went from 19 s and
    // 18 s to 8 s and 0.5 s.
    const cores = availableParallelism();
    const width = Math.max(1, nodeFiles < files.length ? 4 * cores : cores * (cfg.maxConcurrency ?? 5));
    const pool = await startRunAhead(scenarios, target, width);
    (globalThis as Holder)[KEY] = pool;
    for (const p of projects) p.provide('runAhead', pool.url);
    // The Node claims' files last: their scenarios run ahead, so by the time a worker takes such a
    // file its observations are ready. Vitest's own order puts them last once it has timed them
    // (they take milliseconds); without its cache (a fresh clone) it orders by size, and workers
    // sat waiting on the pool with the largest Node files first: npm test took 84 s instead of 75.
    return [...sorted.filter((f) => !isIn('node')(f)), ...sorted.filter(isIn('node'))];
  }

  /**
   * The pinned Node of each Lambda runtime the run's projects state claims on (their
   * SPEC_LAMBDA_RUNTIMES) that this machine can run (a failure is left to the specs, which say why).
   */
  private async lambdaBinaries(stages: (string | undefined)[]): Promise<void> {
    const { RUNTIMES, runtimeAvailability, specRuntimes } = await this.ctx.import<typeof import('../lambda/runtimes.ts')>(join(HERE, '..', 'lambda', 'runtimes.ts'));
    const { resolveTarget } = await this.ctx.import<typeof import('./node-binaries.ts')>(join(HERE, 'node-binaries.ts'));
    const names = new Set(stages.flatMap((s) => specRuntimes(s)));
    const majors = [...new Set([...names].filter((r) => runtimeAvailability(r).ok).map((r) => RUNTIMES[r].node))];
    await Promise.all(majors.map((m) => resolveTarget(m).catch(() => undefined)));
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The address of the run-ahead pool (harness/run-ahead.ts); '' when there is none. */
    runAhead: string;
  }
}
