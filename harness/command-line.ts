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
 * The Node options that make node run something other than the scenario file, or nothing at all,
 * with why (by name, as `node --help` lists them; underscores are dashes to Node). Each was tried
 * on Node 20 with a file after it, but --run (Node 22 on). Not here: `-i` (with a file, Node runs
 * the file and starts no REPL), V8's `-help` (prints, then runs the file), `--test` (runs the file
 * as a test file: node-test scenarios use it), `--require` and `--import` (they run before the
 * scenario, not instead). A scenario about one of them starts node itself (`spawn(process.execPath, [...])`).
 */
const REPLACING: Record<string, string> = {
  '-e': 'it runs the code given with it instead of the scenario file',
  '--eval': 'it runs the code given with it instead of the scenario file',
  '-p': 'it runs (and prints) the code given with it instead of the scenario file',
  '--print': 'it runs (and prints) the code given with it instead of the scenario file',
  '-pe': 'it runs (and prints) the code given with it instead of the scenario file',
  '-c': 'it only checks the file\'s syntax: nothing runs',
  '--check': 'it only checks the file\'s syntax: nothing runs',
  '-h': 'it prints Node\'s help and exits: nothing runs',
  '--help': 'it prints Node\'s help and exits: nothing runs',
  '-v': 'it prints the version and exits: nothing runs',
  '--version': 'it prints the version and exits: nothing runs',
  '--v8-options': 'it prints V8\'s options and exits: nothing runs',
  '--completion-bash': 'it prints a bash completion script and exits: nothing runs',
  '--run': 'it runs a package.json script instead of the scenario file',
  '--prof-process': 'it reads the scenario file as a V8 log instead of running it',
  '--experimental-sea-config': 'it builds a single-executable blob instead of running the scenario file',
  '--watch': 'it runs the file in a child process that it restarts on changes, and never ends by itself',
  '--watch-path': 'it runs the file in a child process that it restarts on changes, and never ends by itself',
  '-': 'it reads the program from stdin instead of the scenario file',
  '--': 'it ends Node\'s options: the next argument is the program',
};

/**
 * Why a flag (a header's `flags` entry, or one a run adds) would make node run something other
 * than the scenario file; undefined for a flag that leaves the scenario the program. A word
 * without a leading dash is a program file to node (the entry point), so a flag's value goes
 * after "=" (--require=./x.js), never as an entry of its own.
 */
export function flagReplacesScenario(flag: string): string | undefined {
  if (!flag.startsWith('-')) return 'node would run it as the program instead of the scenario file (a flag\'s value goes after "=": --require=./x.js)';
  const eq = flag.indexOf('=', 1);
  const name = eq < 0 ? flag : flag.slice(0, eq);
  const why = REPLACING[name.startsWith('--') ? name.replace(/_/g, '-') : name];
  return why && `${why} (a scenario about it starts node itself: spawn(process.execPath, [...]))`;
}

/**
 * How a target is started on a scenario: the binary and its arguments (without the observer when
 * `bare`). Node: `node --require <observer> <flags> <file>`; Bun: `bun --preload <observer> <flags>
 * <file>`; Deno: `deno run -A --preload <observer> <flags> <file>` (-A: a scenario may start
 * servers, read its environment and files, start processes, as under Node).
 */
export function commandLine(s: Scenario, target: Target, opts: RunOptions & { bare?: boolean } = {}): { file: string; args: string[] } {
  const flags = [...s.flags, ...(opts.flags ?? [])];
  for (const f of opts.flags ?? []) {
    const why = flagReplacesScenario(f);
    if (why) throw new SpecError(`${s.id}: the flag ${JSON.stringify(f)} is not taken: ${why}`);
  }
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
