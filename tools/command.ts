// The scaffold every command uses: its arguments parsed by node:util's parseArgs, `--help`
// printing its usage, and every error a person can fix (bad input, an unknown scenario or version,
// an unreachable registry) printed as one line, `<name>: <message>`, with exit code 2.
// Unexpected errors print one line too, and their stack with --debug.
//
// A command's file ends with `export const spec = command({...}, import.meta.url)`: the command
// runs when its file is the process's entry point, and a test can run the same argument handling
// in its own process with runCommand(spec, argv), which captures the exit code and the output and
// refuses anything beyond checking input (a process started, a fetch, a signal listener left
// behind, process.exit or process.exitCode).
import { AsyncLocalStorage } from 'node:async_hooks';
import { realpathSync, statSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatWithOptions, parseArgs, type ParseArgsConfig } from 'node:util';
import { makeFolders as makeFolderPath, MAX_TIMER_MS, SpecError } from '../harness/project.ts';
import { pinnedMajors } from '../harness/pins.ts';
import { SEVERITY_WORDS } from '../harness/observation.ts';
import type { Scenario } from '../harness/scenario.ts';
import { addScenarioFolder } from '../harness/scenarios.ts';

export { SpecError };

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec<O extends Options> {
  /** As typed after `npm run`: "matrix". */
  name: string;
  usage: string;
  options: O;
  /** Whether positional arguments are taken. */
  positionals?: boolean;
  /** Returns the exit code (default 0). */
  run(values: ParsedValues<O>, positionals: string[]): Promise<number | void> | number | void;
}

type ValueOf<T> = T extends { type: 'boolean'; multiple: true } ? boolean[]
  : T extends { type: 'boolean' } ? boolean
  : T extends { type: 'string'; multiple: true } ? string[]
  : T extends { type: 'string' } ? string
  : never;
export type ParsedValues<O extends Options> = { [K in keyof O]: ValueOf<O[K]> | undefined };

/** Parses argv like the command would; throws a SpecError naming what is wrong. */
export function parse<O extends Options>(argv: string[], options: O, positionals = false): { values: ParsedValues<O>; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } }, allowPositionals: positionals, strict: true });
    return { values: r.values as unknown as ParsedValues<O>, positionals: r.positionals };
  } catch (e) {
    const raw = (e as Error).message;
    // "--gap -1": parseArgs reads a value starting with "-" as ambiguous; say what is wrong with it.
    const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(raw);
    if (ambiguous) throw new SpecError(`${ambiguous[1]} takes a value that does not start with "-" (no negative numbers) (see --help)`);
    const msg = raw.replace(/\. To specify a positional argument.*$/s, '').replace(/ *\n.*$/s, '');
    throw new SpecError(`${msg} (see --help)`);
  }
}

/**
 * Reads a whole number option: undefined stays undefined; anything else below `min` or above `max`
 * is an error. Every option is bounded: a duration by MAX_TIMER_MS, a count by what it counts.
 */
export function wholeNumber(name: string, v: string | undefined, min = 0, max = MAX_TIMER_MS): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new SpecError(`--${name} needs a whole number from ${min} to ${max}, got ${JSON.stringify(v)}`);
  return Number(v);
}

/**
 * Reads an option naming a folder to write into (`--out`): the folders of the path that are not
 * there yet, checked before anything is made. Each folder the path names and that exists must be a
 * folder; `mustExist`: the path itself must be there (a folder to read results from). Nothing is
 * created here: makeFolders() does that when the writing starts.
 */
export function folderOption(name: string, typed: string, mustExist = false): { path: string; missing: string[] } {
  const path = resolve(typed);
  const missing: string[] = [];
  for (let p = path; ; p = dirname(p)) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // ENOTDIR: a file stands where a folder of the path should be; found further up.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new SpecError(`--${name} ${typed}: cannot use ${p} (${code})`);
    }
    if (st) {
      if (!st.isDirectory()) throw new SpecError(`--${name} ${typed}: ${p === path ? 'it' : p} is not a directory`);
      break;
    }
    if (mustExist) throw new SpecError(`--${name} ${typed}: no such directory`);
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  return { path, missing };
}

/**
 * Makes the folders folderOption() found missing (harness/project.ts makeFolders: one mkdir at a
 * time, never Node's recursive mkdir, which loops for ever under /proc). A folder that cannot be
 * made is one line.
 */
export function makeFolders(name: string, typed: string, missing: readonly string[]): void {
  for (const p of missing) {
    try {
      makeFolderPath(p);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new SpecError(`--${name} ${typed}: cannot make the directory ${err.path ?? p} (${err.code})`);
    }
  }
}

/** The help text of `--scenarios`, the same in every command that takes it. */
export const SCENARIOS_USAGE = `--scenarios <dir>
                 add the scenarios in <dir> (repeatable): files with the same header as
                 scenarios/ (CONTRIBUTING.md), each with its path under <dir> as its id`;

/**
 * Reads `--scenarios <dir>` (repeatable): a team's own folders of scenarios, each added to every
 * list and look-up (harness/scenarios.ts addScenarioFolder, which reads every header now). A path
 * that is not a folder, a folder without a scenario, a bad header or a taken id is one line.
 */
export function scenariosOption(values: readonly string[] | undefined): Scenario[] {
  return (values ?? []).flatMap((typed) => addScenarioFolder(folderOption('scenarios', typed, true).path, typed));
}

/** Reads the `--major` option (bisect, matrix): each value a Node major pinned in node-versions.json. */
export function majorsOption(values: readonly string[] | undefined): string[] {
  const pinned = pinnedMajors();
  return (values ?? []).map((m) => {
    if (!/^\d+$/.test(m)) throw new SpecError(`--major needs a major version number, got ${JSON.stringify(m)}`);
    if (!pinned.includes(m)) throw new SpecError(`--major ${m}: not a major in node-versions.json (${pinned.join(', ')})`);
    return m;
  });
}

/**
 * Reads `--only <prefix>` (repeatable, and comma-separated): the scenario ids in scope. Each prefix
 * must start at least one of `ids`, so that a typo is an error rather than an empty, passing run.
 */
export function onlyOption(values: readonly string[] | undefined, ids: readonly string[]): string[] {
  const prefixes = (values ?? []).flatMap((v) => v.split(',')).map((p) => p.trim());
  for (const p of prefixes) {
    if (!p) throw new SpecError(`--only: empty entry in ${JSON.stringify((values ?? []).join(','))}`);
    if (!ids.some((id) => id.startsWith(p))) throw new SpecError(`--only ${p}: no scenario id starts with ${JSON.stringify(p)}`);
  }
  return prefixes;
}

/** Whether a scenario id is in the scope `--only` gave (every id when none was given). */
export const inScope = (id: string, only: readonly string[]): boolean => !only.length || only.some((p) => id.startsWith(p));

/**
 * The name a severity level (harness/observation.ts SEVERITY_WORDS) has on the command line: its
 * word with hyphens for spaces ("exit-event", "stderr-text"). `exit-code` is also taken for
 * `exit` (a different exit code or signal).
 */
export const severityName = (level: number): string => SEVERITY_WORDS[level]!.replace(/ /g, '-');
const SEVERITY_ALIASES: Record<string, number> = { 'exit-code': 4 };
/** The severity names --fail-on takes, most consequential first. */
export const failOnNames = (): string[] => Object.keys(SEVERITY_WORDS).map(Number).filter((l) => l > 0).sort((a, b) => b - a).map(severityName);

/**
 * Reads `--fail-on <severities>` (comma-separated, repeatable): the least consequential level
 * named. A level includes every more consequential one (`--fail-on output` fails on output, exit
 * and hang differences: a claim that now hangs has also changed its exit code, and `severity()`
 * ranks it as a hang), so a list means its least consequential word. Undefined when not given.
 */
export function failOnOption(values: readonly string[] | undefined): number | undefined {
  if (values === undefined) return undefined;
  const names = values.flatMap((v) => v.split(',')).map((w) => w.trim().toLowerCase().replace(/ +/g, '-'));
  const levels = names.map((n) => {
    if (!n) throw new SpecError(`--fail-on: empty entry in ${JSON.stringify(values.join(','))}`);
    const level = SEVERITY_ALIASES[n] ?? Object.keys(SEVERITY_WORDS).map(Number).find((l) => l > 0 && severityName(l) === n);
    if (level === undefined) throw new SpecError(`--fail-on: unknown severity ${JSON.stringify(n)} (known: ${failOnNames().join(', ')}; exit-code is exit)`);
    return level;
  });
  return Math.min(...levels);
}

/** The severity names a --fail-on threshold includes, most consequential first. */
export const failOnLevels = (threshold: number): string[] => failOnNames().filter((n) => Object.keys(SEVERITY_WORDS).map(Number).find((l) => severityName(l) === n)! >= threshold);

export function fail(name: string, e: unknown, debug: boolean): number {
  if (debug) console.error(e);
  const msg = e instanceof SpecError ? e.message : `unexpected error: ${String((e as Error)?.message ?? e)} (run with --debug for details)`;
  process.stderr.write(`${name}: ${msg.split('\n')[0]}\n`);
  return 2;
}

/**
 * Parses argv and runs the command, writing to process.stdout and process.stderr. `code`: what
 * run() returned (undefined: it returned nothing); `failed`: an error was printed (exit code 2).
 */
async function execute<O extends Options>(spec: CommandSpec<O>, args: string[]): Promise<{ code: number | undefined; failed: boolean }> {
  // A leading "--" is the npm script's own (package.json "lambda"): it keeps Node 20 from reading a
  // later --env-file as its own option (nodejs/node#54232), and is not the user's.
  const argv = args[0] === '--' ? args.slice(1) : args;
  const debug = argv.includes('--debug');
  try {
    const { values, positionals } = parse(argv, spec.options, spec.positionals);
    if ((values as Record<string, unknown>).help) {
      process.stdout.write(usageText(spec.name, spec.usage).replace(/\n*$/, '\n'));
      return { code: undefined, failed: false };
    }
    const code = await spec.run(values, positionals);
    return { code: typeof code === 'number' ? code : undefined, failed: false };
  } catch (e) {
    return { code: fail(spec.name, e, debug), failed: true };
  }
}

/** Set by the installed package's entry point (tools/cli.ts): the command runs as `node-async-spec <name>`. */
export const INSTALLED = Symbol.for('node-async-spec.installed');

/**
 * A command's usage as the user types it: `npm run <name> -- ...` in a clone, `node-async-spec
 * <name> ...` through the installed package's bin.
 */
export function usageText(name: string, usage: string, installed = (globalThis as { [INSTALLED]?: boolean })[INSTALLED] === true): string {
  if (!installed) return usage;
  return usage.replace(new RegExp(`npm run ${name} -- ?`, 'g'), `node-async-spec ${name} `).replace(/ +\n/g, '\n');
}

/** Whether the module at `moduleUrl` is the file this process was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  const file = fileURLToPath(moduleUrl);
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  // `node --import tsx/esm tools/matrix` names the file without its extension.
  return [entry, entry + file.slice(file.lastIndexOf('.'))].some((e) => real(e) === real(file));
}

/**
 * Runs a command: `export const spec = command({...}, import.meta.url)` at the bottom of the
 * command's file. With the module's URL, it runs only when that module is the process's entry
 * point (imported by a test, it does nothing); without, it always runs.
 */
export function command<O extends Options>(spec: CommandSpec<O>, moduleUrl?: string): CommandSpec<O> {
  if (moduleUrl !== undefined && !isEntryPoint(moduleUrl)) return spec;
  void execute(spec, process.argv.slice(2)).then(({ code, failed }) => {
    if (failed) process.exitCode = code;
    else if (code !== undefined && process.exitCode === undefined) process.exitCode = code;
  });
  return spec;
}

// ---------------------------------------------------------------------------------------------
// In-process runs, for tests

export interface CommandResult {
  /** The exit code the process would end with. */
  code: number;
  stdout: string;
  stderr: string;
}

interface Capture { stdout: string; stderr: string; refused: string[]; signals: [string, (...a: unknown[]) => void][]; done?: boolean }
const store = new AsyncLocalStorage<Capture>();
/** The run this code runs for: none once it has returned (a timer it left keeps its context). */
const current = () => {
  const c = store.getStore();
  return c && !c.done ? c : undefined;
};
let guarded = false;

/**
 * Routes output written inside runCommand() to its capture, and refuses (throws, and records)
 * what an in-process run must not do. Outside runCommand() everything behaves as before.
 * Installed once per process, on first use.
 */
function guard() {
  const refuse = (what: string): never => {
    const c = current()!;
    c.refused.push(what);
    throw new Error(`in-process command run: ${what}`);
  };
  for (const [stream, key] of [[process.stdout, 'stdout'], [process.stderr, 'stderr']] as const) {
    const write = stream.write;
    stream.write = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
      const c = current();
      if (!c) return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
      c[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString();
      const done = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
      if (done) process.nextTick(done);
      return true;
    } as typeof stream.write;
  }
  const child = createRequire(import.meta.url)('node:child_process') as Record<string, (...a: unknown[]) => unknown>;
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    const original = child[name]!;
    child[name] = function (this: unknown, ...a: unknown[]) {
      if (current()) refuse(`started a process (${name} ${String(a[0])}${Array.isArray(a[1]) ? ' ' + a[1].join(' ') : ''})`);
      return original.apply(this, a);
    };
  }
  syncBuiltinESMExports();
  const fetch = globalThis.fetch;
  globalThis.fetch = function (this: unknown, ...a: Parameters<typeof fetch>) {
    if (current()) refuse(`fetched ${String(a[0])}`);
    return fetch.apply(this, a);
  } as typeof fetch;
  // Signal listeners added inside a run, to check that none is left behind.
  for (const name of ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'] as const) {
    const original = process[name] as (...a: unknown[]) => NodeJS.Process;
    process[name] = function (this: unknown, event: string | symbol, fn: (...a: unknown[]) => void) {
      const c = current();
      if (c && typeof event === 'string' && /^SIG[A-Z0-9]+$/.test(event)) c.signals.push([event, fn]);
      return original.call(this, event, fn);
    } as never;
  }
  const exit = process.exit;
  process.exit = function (this: unknown, ...a: unknown[]) {
    if (current()) refuse(`called process.exit(${a.join(', ')})`);
    return (exit as (...x: unknown[]) => never).apply(this, a);
  } as typeof process.exit;
}

/** The console methods of `con` write into the capture while inside runCommand(). */
const consoles = new WeakSet<Console>();
function guardConsole(con: Console) {
  if (consoles.has(con)) return;
  consoles.add(con);
  for (const [name, key] of [['log', 'stdout'], ['info', 'stdout'], ['debug', 'stdout'], ['error', 'stderr'], ['warn', 'stderr'], ['trace', 'stderr']] as const) {
    const original = con[name];
    con[name] = function (this: unknown, ...a: unknown[]) {
      const c = current();
      if (!c) return original.apply(this, a);
      c[key] += formatWithOptions({ colors: false }, ...a) + '\n';
    };
  }
}

/**
 * Runs a command's argument handling in this process, as `node <file> ...argv` would, and returns
 * its exit code and output. For bad-input tests: it rejects if the command started a process,
 * fetched, called process.exit, set process.exitCode or left a signal listener registered, since
 * a case that gets that far is real work and belongs in a real process.
 */
export async function runCommand<O extends Options>(spec: CommandSpec<O>, argv: string[]): Promise<CommandResult> {
  if (!guarded) {
    guarded = true;
    guard();
  }
  guardConsole(globalThis.console);
  const c: Capture = { stdout: '', stderr: '', refused: [], signals: [] };
  const exitCode = process.exitCode;
  const r = await store.run(c, () => execute(spec, [...argv]));
  c.done = true;
  for (const [sig, fn] of c.signals) {
    if (!process.listeners(sig as NodeJS.Signals).includes(fn)) continue;
    process.removeListener(sig, fn);
    c.refused.push(`left a ${sig} listener registered`);
  }
  if (process.exitCode !== exitCode) {
    c.refused.push(`set process.exitCode to ${process.exitCode}`);
    process.exitCode = exitCode;
  }
  if (c.refused.length) throw new Error(`${spec.name} ${JSON.stringify(argv)} is not an in-process case: it ${[...new Set(c.refused)].join(', ')}`);
  return { code: r.code ?? 0, stdout: c.stdout, stderr: c.stderr };
}
