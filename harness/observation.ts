// What an observation is, how it is normalised, and what "the same behaviour" means. Every
// module that stores, compares, groups or prints observations takes these definitions from here:
// the harness that makes them, the claims that check them, the matrix, the catalogue, the scenario
// command, bisection, the upgrade and compatibility reports, stress and bench.
import semver from 'semver';
import type { StdioKind } from './stdio.ts';

/** One run of one scenario under one target, as observed from outside. */
export interface Observation {
  /** Scenario id ("lifecycle/pending-await"), or the file's path for a scenario outside scenarios/. */
  id: string;
  /** The target, printed (harness/target.ts printTarget): process.version for Node ("v22.1.0"), "bun 1.4.5", "deno 2.9.6". The name `node` is kept: stored results and `--json` read it. */
  node: string;
  exitCode: number | null;
  signal: string | null;
  /** Normalised stdout and stderr (see normalise()). */
  stdout: string;
  stderr: string;
  /** The `exit` event as the scenario's own listeners saw it (before Node 20 a code set as a string arrives as one). */
  exitEvent: { fired: boolean; code: number | string | null };
  /**
   * Lines (stdout and stderr) printed while the `exit` event ran, normalised; null where the
   * target gives the observer no way to see them (reported as unknown, never guessed).
   */
  exitHandler: string[] | null;
  /** Killed at the time limit: the scenario did not end by itself. */
  timedOut: boolean;
  durationMs: number;
  /** What stdout and stderr were (harness/stdio.ts), when not the default socket pair; absent: a socket pair. */
  stdio?: StdioKind;
}

/** An observation as stored in results: without what varies from run to run (its duration). */
export type StoredObservation = Omit<Observation, 'durationMs'>;

export function stored(o: Observation | StoredObservation): StoredObservation {
  const { durationMs: _d, ...rest } = o as Observation;
  return rest;
}

// ---- normalising -------------------------------------------------------------------------------

export interface Places {
  /** Directory of the scenario file: <dir>. */
  dir?: string;
  /** The scenarios folder: <scenarios>. */
  scenarios: string;
  /** The repository: <root>. */
  root: string;
  /** The target binary: <node>. */
  binary?: string;
}

/** Removes what varies between machines and runs: paths, pids, colours, version numbers. */
export function normalise(text: string, at: Places): string {
  let t = text.replace(/\r\n/g, '\n').replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  if (at.binary) t = t.split(at.binary).join('<node>');
  const dirs: [string | undefined, string][] = [[at.dir, '<dir>'], [at.scenarios, '<scenarios>'], [at.root, '<root>']];
  for (const [d, name] of dirs) {
    if (d) t = t.split('file://' + d).join(name).split(d).join(name);
  }
  t = t.replace(/\(node:\d+\)/g, '(node:<pid>)');
  t = t.replace(/Node\.js v\d+\.\d+\.\d+/g, 'Node.js <version>');
  // A loopback port a scenario got from listen(0) differs at every run: in an address
  // ("127.0.0.1:41235", "[::1]:41235") and in an error's inspected fields ("port: 41235").
  t = t.replace(/(?<![\w.])(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}\b/g, '$1:<port>');
  t = t.replace(/\bport: \d{1,5}\b/g, 'port: <port>');
  // Bun's trailer under a crash report: "Bun v1.4.5 (Linux x64)" (or "... x64 baseline)").
  t = t.replace(/^Bun v\d+\.\d+\.\d+(?:[-+][\w.+-]+)? \(/gm, 'Bun <version> (');
  return t;
}

// ---- what matters in an output -------------------------------------------------------------------

const FRAME = /^\s+at \S/;
/** A stack-frame line (`    at ...`). */
export const isFrame = (l: string) => FRAME.test(l) || /^\s+at $/.test(l);

/** Text without stack-frame lines (`    at ...`): frames name Node's internal files, which move in every release. */
export function withoutFrames(text: string): string {
  return text.split('\n').filter((l) => !isFrame(l)).join('\n');
}

/** `events.js:291`, `node:events:491`, `internal/process/promises.js:213`: a place inside Node. */
const INTERNAL_PLACE = /^(?:node:[\w/.-]+|internal\/[\w/.-]+|[\w.-]+\.js):\d+$/;

/**
 * The lines of a stderr that matter: error names and messages, warnings. Not stack frames, not
 * carets, not the `Node.js <version>` (or `Bun <version> (...)`) trailer or the `--trace-warnings` hint, and not the excerpt
 * of Node's own source printed above a fatal error thrown inside Node (its file, line and code
 * move in every release). The target binary's path in a command-line error reads `<node>: `.
 */
export function stderrHighlights(stderr: string): string[] {
  const lines = stderr.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\s+\[\.\.\. lines matching original stack trace \.\.\.\]$/.test(l)) continue;
    if (INTERNAL_PLACE.test(l)) {
      i++; // and the excerpt of Node's source that follows it
      continue;
    }
    if (!l.trim() || isFrame(l) || /^\s*\^+\s*$/.test(l) || /^(?:Node\.js|Bun) </.test(l) || /^\(Use `node --trace/.test(l)) continue;
    kept.push(l.replace(/^\S*\/node(?:\.exe)?: /, '<node>: '));
  }
  return kept;
}

// ---- behaviour: what "the same" means ------------------------------------------------------------

/** The parts of an observation that make up a claim's behaviour, in a fixed order, each comparable as JSON. */
export interface Behaviour {
  'exit code': number | null;
  signal: string | null;
  'timed out': boolean;
  'exit event': string;
  'exit handler': string[] | null;
  stdout: string;
  stderr: string[];
}

export function behaviour(o: StoredObservation): Behaviour {
  return {
    'exit code': o.exitCode,
    signal: o.timedOut ? null : o.signal,
    'timed out': o.timedOut,
    'exit event': o.exitEvent.fired ? `fired with code ${o.exitEvent.code}` : 'not fired',
    'exit handler': o.exitHandler === null ? null : o.exitHandler.filter((l) => !isFrame(l)),
    // On a terminal both streams are the one terminal and everything arrives in stdout, a crash's
    // report too: there stdout is read as stderr is (no frames, no excerpt of Node's source, no trailer).
    stdout: o.stdio === 'tty' ? stderrHighlights(o.stdout).join('\n') : withoutFrames(o.stdout),
    stderr: stderrHighlights(o.stderr),
  };
}

/** One string per behaviour: two observations behave the same when their keys are equal. */
export function behaviourKey(o: StoredObservation): string {
  return JSON.stringify(Object.values(behaviour(o)));
}

export function sameBehaviour(a: StoredObservation, b: StoredObservation): boolean {
  return behaviourKey(a) === behaviourKey(b);
}

export interface FieldDiff { field: keyof Behaviour; before: unknown; after: unknown }

/** The fields whose behaviour differs, with their values before and after; empty when the same. */
export function behaviourDiff(before: StoredObservation, after: StoredObservation): FieldDiff[] {
  const a = behaviour(before), b = behaviour(after);
  return (Object.keys(a) as (keyof Behaviour)[])
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => ({ field: k, before: a[k], after: b[k] }));
}

/**
 * How consequential a difference in each field is (higher first): a hang, then a different exit
 * code or signal, then output lost or changed, then the exit event, then stderr text only. The
 * published results file carries this table (tools/catalog-results.ts), so its readers rank as here.
 */
export const FIELD_SEVERITY: Record<keyof Behaviour, number> = { 'timed out': 5, 'exit code': 4, signal: 4, stdout: 3, 'exit handler': 3, 'exit event': 2, stderr: 1 };

/** How consequential a difference is, for ordering reports: its most consequential field's FIELD_SEVERITY; 0 when none. */
export function severity(d: FieldDiff[]): number {
  return d.reduce((n, x) => Math.max(n, FIELD_SEVERITY[x.field]), 0);
}

/**
 * severity() in a word, for reports (the matrix's compatibility sections, upgrade's `level`): 4 is
 * "exit", since a different exit code and a different signal both rank there.
 */
export const SEVERITY_WORDS: Record<number, string> = { 5: 'hang', 4: 'exit', 3: 'output', 2: 'exit event', 1: 'stderr text', 0: 'none' };

/** How a process ended, in a few words. */
export function ending(o: Pick<StoredObservation, 'timedOut' | 'signal' | 'exitCode'>): string {
  if (o.timedOut) return 'did not end by itself: killed at the time limit';
  if (o.signal) return `killed by ${o.signal}`;
  return `exit code ${o.exitCode}`;
}

export function shortEnding(o: Pick<StoredObservation, 'timedOut' | 'signal' | 'exitCode'>): string {
  if (o.timedOut) return 'timeout';
  if (o.signal) return o.signal;
  return `exit ${o.exitCode}`;
}

// ---- versions and JSON -------------------------------------------------------------------------

/** Code-point order: the same everywhere, unlike localeCompare. */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Node versions ("v22.1.0") oldest first, then other runtimes ("bun 1.4.5") by name; no duplicates. */
export function sortVersions(vs: string[]): string[] {
  return [...new Set(vs)].sort((a, b) => {
    const va = semver.valid(a), vb = semver.valid(b);
    if (va && vb) return semver.compare(va, vb);
    if (va) return -1;
    if (vb) return 1;
    return byCodePoint(a, b);
  });
}

/** JSON with object keys in code-point order at every level (arrays keep their order), ending in a newline. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v as object).sort(byCodePoint)) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) o[k] = sort(x);
      }
      return o;
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 2) + '\n';
}
