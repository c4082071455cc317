// The scaffold every command uses: its arguments parsed by node:util's parseArgs, `--help`
// printing its usage, and every error a person can fix (bad input, an unknown scenario or version,
// an unreachable registry) printed as one line, `<name>: <message>`, with exit code 2.
// Unexpected errors print one line too, and their stack with --debug.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SpecError } from '../harness/node-binaries.ts';

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

/** The longest delay a Node timer takes (2^31 - 1 ms, about 24.8 days); beyond, it fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Reads a whole number option: undefined stays undefined; anything else below `min` or above `max`
 * is an error. Every option is bounded: a duration by MAX_TIMER_MS, a count by what it counts.
 */
export function wholeNumber(name: string, v: string | undefined, min = 0, max = MAX_TIMER_MS): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new SpecError(`--${name} needs a whole number from ${min} to ${max}, got ${JSON.stringify(v)}`);
  return Number(v);
}

export function fail(name: string, e: unknown, debug: boolean): number {
  if (debug) console.error(e);
  const msg = e instanceof SpecError ? e.message : `unexpected error: ${String((e as Error)?.message ?? e)} (run with --debug for details)`;
  process.stderr.write(`${name}: ${msg.split('\n')[0]}\n`);
  return 2;
}

/** Runs a command: call it at the bottom of the command's file. */
export function command<O extends Options>(spec: CommandSpec<O>): void {
  // A leading "--" is the npm script's own (package.json "lambda"): it keeps Node 20 from reading a
  // later --env-file as its own option (nodejs/node#54232), and is not the user's.
  const argv = process.argv.slice(2);
  if (argv[0] === '--') argv.shift();
  const debug = argv.includes('--debug');
  void (async () => {
    try {
      const { values, positionals } = parse(argv, spec.options, spec.positionals);
      if ((values as Record<string, unknown>).help) {
        process.stdout.write(spec.usage.replace(/\n*$/, '\n'));
        return;
      }
      const code = await spec.run(values, positionals);
      if (typeof code === 'number' && process.exitCode === undefined) process.exitCode = code;
    } catch (e) {
      process.exitCode = fail(spec.name, e, debug);
    }
  })();
}
