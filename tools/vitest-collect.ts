// node tools/run.mjs tools/vitest-collect.ts <out.json> [--config <file>] <spec paths...>
//
// The child process of tools/vitest-run.ts collectVitest(): vitest collects the spec files (it
// evaluates them, so every claim() declares its test with its meta) and runs no test and no
// scenario. Writes each claim's test, with the data its meta carries, to <out.json>. Collection
// errors (a spec file that throws while it is evaluated) are printed, and the exit code is 1.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { createVitest } from 'vitest/node';
import { isEntryPoint } from './command.ts';
import { ROOT } from '../harness/project.ts';
import type { StdioKind } from '../harness/stdio.ts';

/** A claim's test as collected. */
export interface CollectedClaim {
  /** The spec file, relative to the repository. */
  file: string;
  name: string;
  scenario: string;
  /** The stdout kind, for a scenario that states kinds (harness/records.ts claimKey). */
  stdio?: StdioKind;
  /** The Node ranges its expectation's byNode tables state (meta key `ranges`: harness/claims.ts). */
  ranges: string[];
  /** Why it would be skipped on the collecting target (n.a.), if it would. */
  skip?: string;
}

async function main(out: string, args: string[]): Promise<number> {
  const config = args[0] === '--config' ? args[1] : undefined;
  const paths = config ? args.slice(2) : args;
  // The run-ahead pool (harness/sequencer.ts) starts scenarios: nothing is to run here. Nor does
  // anything wait: one worker per core, not the two extra of a run (vitest.config.ts).
  process.env.SPEC_RUN_AHEAD = '0';
  process.env.VITEST_MAX_WORKERS ??= String(availableParallelism());
  const vitest = await createVitest('test', { root: ROOT, project: ['spec'], watch: false, reporters: [], ...(config ? { config } : {}) });
  try {
    const { testModules, unhandledErrors } = await vitest.collect(paths);
    const problems = [
      ...unhandledErrors.map((e) => String((e as Error)?.message ?? e)),
      ...testModules.flatMap((m) => m.errors().map((e) => `${relative(ROOT, m.moduleId)}: ${e.message}`)),
    ];
    if (problems.length) {
      process.stderr.write(`collect: ${problems.join('\n')}\n`);
      return 1;
    }
    const claims: CollectedClaim[] = [];
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const meta = t.meta();
        if (!meta.claim) continue;
        claims.push({ file: relative(ROOT, m.moduleId), name: t.fullName, scenario: meta.claim.scenario, ...(meta.claim.stdio ? { stdio: meta.claim.stdio } : {}), ranges: meta.ranges ?? [], ...(meta.skip ? { skip: meta.skip } : {}) });
      }
    }
    writeFileSync(out, JSON.stringify(claims));
    return 0;
  } finally {
    await vitest.close();
  }
}

if (isEntryPoint(import.meta.url)) {
  const [out, ...args] = process.argv.slice(2);
  if (!out) {
    process.stderr.write('usage: node tools/run.mjs tools/vitest-collect.ts <out.json> [--config <file>] <spec paths...>\n');
    process.exitCode = 2;
  } else {
    process.exitCode = await main(out, args);
  }
}
