// Resolves the target Node once, before any spec runs: SPEC_NODE may name a version that has to be
// fetched from the npm registry first. The specs read the result with inject('target').
import type { TestProject } from 'vitest/node';
import { resolveTarget, type Target } from './node-binaries.ts';
import { referenceNode } from './pins.ts';
import { specNodeError } from './spec-node.ts';
import { closeRunAhead } from './sequencer.ts';

export default async function setup(project: TestProject) {
  // `npm test` runs vitest under `sh -c`: when npm is stopped with SIGTERM, the shell goes but
  // vitest would be left running as an orphan. Follow the parent instead.
  const parent = process.ppid;
  const watchdog = setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
  }, 500);
  watchdog.unref();
  try {
    const target = await resolveTarget(process.env.SPEC_NODE);
    project.provide('target', target);
    project.provide('referenceNode', referenceNode());
    project.provide('runAhead', ''); // the sequencer gives the pool's address once the run's files are known
  } catch (e) {
    const line = specNodeError(process.env.SPEC_NODE, e);
    if (line) {
      process.stderr.write(`${line}\n`);
      process.exit(2);
    }
    throw e;
  }
  return closeRunAhead;
}

declare module 'vitest' {
  export interface ProvidedContext {
    target: Target;
    referenceNode: string;
  }
}
