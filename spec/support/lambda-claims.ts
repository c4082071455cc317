// The vocabulary of the Lambda specs: a Lambda claim is a claim like a Node one. Its handler
// (lambda/handlers/<name>.js) carries the scenario header, read and validated by harness's
// readScenario (one header contract for scenarios and handlers); its test carries
// `meta.claim = { scenario: 'lambda/handlers/<name>', target: '<runtime>' }` for the reporters;
// a runtime this machine cannot run is skipped visibly, with the reason (harness/claims.ts
// skipped()). What its invocations show is stated with spec/support/lambda-outcome.ts.
import { join } from 'node:path';
import { it } from 'vitest';
import { skipped } from '../../harness/claims.ts';
import { readScenario, ROOT, type Scenario } from '../../harness/harness.ts';
import { isRunning, procStat } from '../../harness/procs.ts';
import { RUNTIMES, runtimeAvailability, specRuntimes, type RuntimeName } from '../../lambda/runtimes.ts';
import { startFunction, type FunctionOptions, type LambdaFunction } from '../../lambda/service.ts';

export { type RuntimeName } from '../../lambda/runtimes.ts';

/**
 * The runtimes this stage states the Lambda claims on (SPEC_LAMBDA_RUNTIMES, lambda/runtimes.ts
 * specRuntimes), the default runtime first. Tests of the service itself, not of a handler, take the
 * first of these this machine can run.
 */
export const SPEC_RUNTIMES = specRuntimes(process.env.SPEC_LAMBDA_RUNTIMES);

export const HANDLERS = join(ROOT, 'lambda', 'handlers');
export const handlerFile = (name: string) => join(HANDLERS, `${name}.js`);

/** The client generation a runtime uses (aws-lambda-ric 3 or 4): expectations are stated per generation. */
export const ric = (runtime: RuntimeName) => RUNTIMES[runtime].ric;

/** A handler's header, validated; its id is `lambda/handlers/<name>` (as in the catalogue). */
export function handlerScenario(name: string): Scenario {
  const s = readScenario(handlerFile(name));
  if (!s.tags.includes('lambda')) throw new Error(`lambda/handlers/${name}.js: a Lambda handler's tags include "lambda"`);
  return { ...s, id: `lambda/handlers/${name}` };
}

export interface LambdaClaimOptions {
  /** Which variant of the claim this test checks (shown in the title). */
  note?: string;
  /** Test time limit in ms (default 180 s: the machine may be loaded). */
  timeout?: number;
  /** Why this machine cannot show the claim (the mechanism it needs is not allowed here): then it is skipped with that reason. */
  unsupported?: string;
}

/**
 * One claim of handler `name` on `runtime`: an `it` titled with the header's claim, carrying the
 * claim meta; skipped with the reason when this machine cannot run the runtime.
 */
export function lambdaClaim(name: string, runtime: RuntimeName, check: () => Promise<void>, opts: LambdaClaimOptions = {}) {
  const s = handlerScenario(name);
  const title = `${name}${opts.note ? ` (${opts.note})` : ''}: ${s.claim}`;
  const a = runtimeAvailability(runtime);
  if (!a.ok) return skipped(`${title} [${runtime}]`, a.reason);
  if (opts.unsupported) return skipped(`${title} [${runtime}]`, opts.unsupported);
  it(title, { meta: { claim: { scenario: s.id, target: runtime, hash: s.hash } }, timeout: opts.timeout ?? 180_000 }, check);
}

/**
 * Functions started by a spec file, all closed in its afterAll too (a test that fails or times
 * out may not reach its own finally).
 */
export function functions() {
  const open = new Set<LambdaFunction>();
  return {
    /**
     * Runs `body` with a new function of handler `name`, always closing it. The function timeout
     * is 60 s unless the claim is about time-outs (then it says so): on a loaded machine a warm
     * invocation can take seconds, and a time-out would reset the environment under the claim.
     */
    async with<T>(name: string, opts: Omit<FunctionOptions, 'handlerFile'>, body: (fn: LambdaFunction) => Promise<T>): Promise<T> {
      const fn = await startFunction({ handlerFile: handlerFile(name), timeoutSec: 60, ...opts });
      open.add(fn);
      try {
        return await body(fn);
      } finally {
        open.delete(fn);
        await fn.close();
      }
    },
    async closeAll() {
      await Promise.allSettled([...open].map((f) => f.close()));
      open.clear();
    },
  };
}

/** Whether a runtime process is gone (a zombie counts as gone). */
export const gone = (pid: number) => !isRunning(pid);

/** The state letter of a process (/proc/<pid>/stat): 'T' is stopped (a frozen environment); undefined: gone. */
export function procState(pid: number): string | undefined {
  return procStat(pid)?.state;
}
