// How a target is started on a scenario: the binary, the observer preloaded, the header's flags
// and the file.
import { join } from 'node:path';
import { flagsNotTaken } from './applicability.ts';
import type { Target } from './node-binaries.ts';
import { ROOT, SpecError } from './project.ts';
import type { Scenario } from './scenario.ts';
import type { StdioKind } from './stdio.ts';

/** The observer every scenario is run with (harness/observer.cjs; its reports are read by harness/protocol.ts). */
export const OBSERVER = join(ROOT, 'harness', 'observer.cjs');

export interface RunOptions {
  /** Extra node flags after the header's. */
  flags?: string[];
  /** Extra environment variables after the header's. */
  env?: Record<string, string>;
  /** Overrides the header's time limit. */
  timeout?: number;
  /** What stdout and stderr are (harness/stdio.ts); overrides the header's `stdio` (default: a socket pair). */
  stdio?: StdioKind;
}

/**
 * How a target is started on a scenario: the binary and its arguments (without the observer when
 * `bare`). Node: `node --require <observer> <flags> <file>`; Bun: `bun --preload <observer> <flags>
 * <file>`; Deno: `deno run -A --preload <observer> <flags> <file>` (-A: a scenario may start
 * servers, read its environment and files, start processes, as under Node).
 */
export function commandLine(s: Scenario, target: Target, opts: RunOptions & { bare?: boolean } = {}): { file: string; args: string[] } {
  const flags = [...s.flags, ...(opts.flags ?? [])];
  const bad = flagsNotTaken(target.runtime, flags);
  if (bad.length) throw new SpecError(`${s.id}: ${target.runtime} does not take Node's ${bad.join(' ')} (the scenario is n.a. there)`);
  return { file: target.path, args: [...startArgs(target, opts.bare ? undefined : OBSERVER), ...flags, s.file] };
}

/**
 * What goes before a program's flags and file to start it on `target` with `preload` loaded first:
 * Node `--require <preload>`, Bun `--preload <preload>`, Deno `run -A --preload <preload>`.
 */
export function startArgs(target: Pick<Target, 'runtime'>, preload?: string): string[] {
  const runtime = target.runtime === 'deno' ? ['run', '-A'] : [];
  return [...runtime, ...(preload ? [target.runtime === 'node' ? '--require' : '--preload', preload] : [])];
}
