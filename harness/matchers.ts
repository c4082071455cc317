// Matchers that make a spec read like the claim it checks. Loaded by vitest.config.ts.
import { expect } from 'vitest';
import { stderrHighlights, type Observation } from './harness.ts';

function show(r: Observation): string {
  const q = (s: string) => (s ? s.replace(/\n$/, '').split('\n').map((l) => '    | ' + l).join('\n') : '    (nothing)');
  return [
    `  target ${r.node}: exit code ${r.exitCode}, signal ${r.signal}${r.timedOut ? ' (timed out)' : ''}`,
    `  exit event: ${r.exitEvent.fired ? `fired with ${r.exitEvent.code}` : 'did not fire'}; exit handlers printed ${JSON.stringify(r.exitHandler)}`,
    `  stdout:\n${q(r.stdout)}`,
    `  stderr:\n${q(r.stderr)}`,
  ].join('\n');
}

function result(pass: boolean, what: string, r: Observation, isNot: boolean) {
  return { pass, message: () => `expected ${r.id} ${isNot ? 'not ' : ''}${what}\n${show(r)}` };
}

expect.extend({
  /** The process ended by itself with this exit code (no signal, no time-out). */
  toExitWith(r: Observation, code: number) {
    return result(r.exitCode === code && r.signal === null && !r.timedOut, `to exit with code ${code}`, r, this.isNot);
  },
  /** The process was killed by this signal. */
  toBeKilledBy(r: Observation, signal: string) {
    return result(r.signal === signal && !r.timedOut, `to be killed by ${signal}`, r, this.isNot);
  },
  /** stdout, normalised, is exactly this (a list is joined as lines, each ending in a newline). */
  toPrint(r: Observation, out: string | string[]) {
    const want = Array.isArray(out) ? out.map((l) => l + '\n').join('') : out;
    return result(r.stdout === want, `to print exactly ${JSON.stringify(want)}`, r, this.isNot);
  },
  /** The `exit` event fired, its listeners received `code`, and (if given) they printed these lines. */
  toHaveExitEvent(r: Observation, code: number, lines?: string[]) {
    const pass = r.exitEvent.fired && r.exitEvent.code === code && (lines === undefined || JSON.stringify(r.exitHandler) === JSON.stringify(lines));
    return result(pass, `to fire the exit event with code ${code}${lines ? ` and print ${JSON.stringify(lines)} in it` : ''}`, r, this.isNot);
  },
  /** The `exit` event never fired (killed by a signal, or a fatal error that skips it). */
  toSkipExitEvent(r: Observation) {
    return result(!r.exitEvent.fired, 'to end without firing the exit event', r, this.isNot);
  },
  /** Some line of stderr (not a stack frame) matches. */
  toPrintError(r: Observation, pattern: string | RegExp) {
    const lines = stderrHighlights(r.stderr);
    const pass = lines.some((l) => (typeof pattern === 'string' ? l.includes(pattern) : pattern.test(l)));
    return result(pass, `to print an error line matching ${String(pattern)}`, r, this.isNot);
  },
  /** Nothing at all on stderr. */
  toHaveQuietStderr(r: Observation) {
    return result(r.stderr === '', 'to print nothing on stderr', r, this.isNot);
  },
});

interface ClaimMatchers<R = unknown> {
  toExitWith(code: number): R;
  toBeKilledBy(signal: string): R;
  toPrint(out: string | string[]): R;
  toHaveExitEvent(code: number, lines?: string[]): R;
  toSkipExitEvent(): R;
  toPrintError(pattern: string | RegExp): R;
  toHaveQuietStderr(): R;
}

declare module 'vitest' {
  interface Matchers<T = any> extends ClaimMatchers<T> {}
}
