// Resolves the target Node once, before any spec runs: SPEC_NODE may name a version that has to be
// fetched from the npm registry first. The specs read the result with inject('target').
import { tmpdir } from 'node:os';
import type { TestProject } from 'vitest/node';
import { resolveTarget, type Target } from './node-binaries.ts';
import { referenceNode } from './pins.ts';
import { specNodeError } from './spec-node.ts';
import { closeRunAhead } from './sequencer.ts';
import { followHolder } from './follow-holder.mjs';
import { guardFolder } from './procs.ts';

export default async function setup(project: TestProject) {
  // `npm test` runs vitest under `sh -c`: when npm is stopped (SIGTERM or SIGKILL), the shell may
  // stay but vitest must not run on alone. It follows its parent and the npm above the shell.
  followHolder();
  // Vitest's own temporary folders (its module cache, under TMPDIR: the project's and the run's),
  // which it removes when it closes: removed by the guard (harness/procs.ts) if vitest is killed
  // before it can. Read from fields vitest does not document: where they are not, nothing is held.
  const own = [(project as unknown as { tmpDir?: unknown }).tmpDir, (project.vitest as unknown as { _tmpDir?: unknown })._tmpDir];
  for (const d of new Set(own)) if (typeof d === 'string' && d.startsWith(tmpdir())) guardFolder(d);
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
