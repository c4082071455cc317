// Vitest's own file order (longest and failed files first, from its cache), plus one thing done
// in its place because it is the first moment the whole run is known: the Node claims' scenarios
// are started ahead, in one pool, before any worker starts (harness/run-ahead.ts). The pool's
// address reaches the claims through `inject('runAhead')`; it is closed in the global teardown.
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { planned, startRunAhead, type RunAhead } from './run-ahead.ts';
import type { Target } from './node-binaries.ts';

const KEY = Symbol.for('node-async-spec.run-ahead');
type Holder = { [KEY]?: RunAhead };

/** Closes the run's pool, if one was started (called by harness/global-setup.ts at teardown). */
export async function closeRunAhead(): Promise<void> {
  const g = globalThis as Holder;
  const r = g[KEY];
  delete g[KEY];
  await r?.close();
}

export default class RunAheadSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // A run narrowed by test name claims some scenarios only: let each claim run its own.
    if (this.ctx.config.testNamePattern || process.env.SPEC_RUN_AHEAD === '0') return sorted;
    const projects = [...new Set(files.map((f) => f.project))];
    const target = projects[0]?.getProvidedContext().target as Target | undefined;
    if (!target) return sorted;
    const scenarios = planned(files.map((f) => f.moduleId), target);
    if (!scenarios.length) return sorted;
    await closeRunAhead();
    const cfg = this.ctx.config;
    // As many at once as the workers' claims would run: workers times the claims per file.
    const width = Math.max(1, (cfg.maxWorkers ?? 1) * (cfg.maxConcurrency ?? 5));
    const pool = await startRunAhead(scenarios, target, width);
    (globalThis as Holder)[KEY] = pool;
    for (const p of projects) p.provide('runAhead', pool.url);
    return sorted;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The address of the run-ahead pool (harness/run-ahead.ts); '' when there is none. */
    runAhead: string;
  }
}
