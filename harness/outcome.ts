// A claim's expected outcome, stated as one object (as Node core's spawnSyncAndAssert takes
// { status, signal, stdout, stderr }), and the check of an observation against it.
import { stderrHighlights, type Observation } from './observation.ts';
import { Snapshot } from './snapshot.ts';

/** A pattern a stderr line must (or, wrapped in not(), must not) match: a string is a substring, line() a whole line. */
export type Pattern = string | RegExp;
export interface Not { not: Pattern }
/** A line of stderr that must not appear: `stderr: ['Error: boom', not('Warning')]`. */
export const not = (p: Pattern): Not => ({ not: p });

export interface Outcome {
  /** How the process ended: exactly one of these. */
  exit?: number;
  signal?: string;
  /** It never ends by itself: killed at the scenario's time limit. */
  timedOut?: true;
  /** stdout exactly: a list of lines (each ending in a newline), a whole text, a snapshot`...`, or a pattern for the whole text. */
  stdout: string[] | string | Snapshot | RegExp;
  /**
   * stderr: '' for nothing at all; a snapshot`...` of all of it; or patterns that some line of it
   * must match (error names and messages, warnings; stack frames are not lines here), and not(...)
   * lines that none may match.
   */
  stderr: '' | Snapshot | (Pattern | Not)[];
  /** The `exit` event: the code its listeners received and, if given, exactly the lines they printed; or 'not fired'. */
  exitEvent: { code: number | string; printed?: string[] } | 'not fired';
  /** Further checks that do not fit the fields above (an ordering, a count). */
  also?: (r: Observation) => void | Promise<void>;
}

const matches = (line: string, p: Pattern) => (typeof p === 'string' ? line.includes(p) : p.test(line));
const q = JSON.stringify;

/** What differs from the outcome (empty when it holds), and which parts the target could not show. */
export function outcomeProblems(r: Observation, o: Outcome): { problems: string[]; unknown: string[] } {
  const problems: string[] = [];
  const unknown: string[] = [];
  const ends = [o.exit !== undefined, o.signal !== undefined, o.timedOut === true].filter(Boolean).length;
  if (ends !== 1) throw new Error('an outcome states exactly one of exit, signal, timedOut');
  if (o.timedOut) {
    if (!r.timedOut) problems.push(`expected it to run until the time limit, but it ended by itself (${r.signal ?? `exit code ${r.exitCode}`})`);
  } else if (r.timedOut) {
    problems.push('it did not end by itself: killed at the time limit');
  } else if (o.signal !== undefined) {
    if (r.signal !== o.signal) problems.push(`expected it to be killed by ${o.signal}, got ${r.signal ?? `exit code ${r.exitCode}`}`);
  } else if (r.exitCode !== o.exit || r.signal !== null) {
    problems.push(`expected exit code ${o.exit}, got ${r.signal ? `signal ${r.signal}` : `exit code ${r.exitCode}`}`);
  }
  if (o.stdout instanceof Snapshot) {
    const m = o.stdout.mismatch(r.stdout);
    if (m) problems.push(`stdout ${m}`);
  } else if (Array.isArray(o.stdout)) {
    const want = o.stdout.map((l) => l + '\n').join('');
    if (r.stdout !== want) problems.push(`expected stdout ${q(want)}`);
  } else if (typeof o.stdout === 'string') {
    if (r.stdout !== o.stdout) problems.push(`expected stdout ${q(o.stdout)}`);
  } else if (!o.stdout.test(r.stdout)) problems.push(`expected stdout to match ${String(o.stdout)}`);
  if (o.stderr === '') {
    if (r.stderr !== '') problems.push('expected nothing on stderr');
  } else if (o.stderr instanceof Snapshot) {
    const m = o.stderr.mismatch(r.stderr);
    if (m) problems.push(`stderr ${m}`);
  } else {
    const lines = stderrHighlights(r.stderr);
    for (const p of o.stderr) {
      if (typeof p === 'object' && !(p instanceof RegExp)) {
        if (lines.some((l) => matches(l, p.not))) problems.push(`expected no stderr line matching ${String(p.not)}`);
      } else if (!lines.some((l) => matches(l, p))) problems.push(`expected a stderr line matching ${String(p)}`);
    }
  }
  if (o.exitEvent === 'not fired') {
    if (r.exitEvent.fired) problems.push(`expected the exit event not to fire, it fired with ${r.exitEvent.code}`);
  } else {
    if (!r.exitEvent.fired) problems.push(`expected the exit event with code ${o.exitEvent.code}, it did not fire`);
    else if (r.exitEvent.code !== o.exitEvent.code) problems.push(`expected the exit event with code ${o.exitEvent.code}, got ${r.exitEvent.code}`);
    if (o.exitEvent.printed) {
      if (r.exitHandler === null) unknown.push('printed during exit');
      else if (q(r.exitHandler) !== q(o.exitEvent.printed)) problems.push(`expected the exit listeners to print ${q(o.exitEvent.printed)}, got ${q(r.exitHandler)}`);
    }
  }
  return { problems, unknown };
}

/** An observation as a failure message shows it. */
export function showObservation(r: Observation): string {
  const block = (s: string) => (s ? s.replace(/\n$/, '').split('\n').map((l) => '    | ' + l).join('\n') : '    (nothing)');
  return [
    `  target ${r.node}: exit code ${r.exitCode}, signal ${r.signal}${r.timedOut ? ' (timed out)' : ''}`,
    `  exit event: ${r.exitEvent.fired ? `fired with ${r.exitEvent.code}` : 'did not fire'}; exit listeners printed ${r.exitHandler === null ? '(unknown)' : q(r.exitHandler)}`,
    `  stdout:\n${block(r.stdout)}`,
    `  stderr:\n${block(r.stderr)}`,
  ].join('\n');
}
