// The claim vocabulary for printed text (harness/snapshot.ts): line() is one exact line, snapshot`...`
// a whole output with `*` and <frames> placeholders; outcomeProblems (harness/outcome.ts) checks both.
import { describe, expect, it } from 'vitest';
import { line, snapshot } from '../../harness/snapshot.ts';
import { not, outcomeProblems, type Outcome } from '../../harness/outcome.ts';
import type { Observation } from '../../harness/observation.ts';

describe('line()', () => {
  it('matches a line that is exactly its text, special characters included, and nothing longer or shorter', () => {
    const l = line("  code: 'ERR_X' [a.b] (1+1)*2 $x");
    expect(l.test("  code: 'ERR_X' [a.b] (1+1)*2 $x")).toBe(true);
    expect(l.test("  code: 'ERR_X' [a.b] (1+1)*2 $x.")).toBe(false);
    expect(l.test(" code: 'ERR_X' [a.b] (1+1)*2 $x")).toBe(false);
    expect(l.test("  code: 'ERR_X' [aXb] (1+1)*2 $x")).toBe(false);
    expect(line('a*b').test('aXXb')).toBe(false);
  });
  it('reads as its text in a failure message', () => {
    expect(String(line('Error: boom'))).toBe('the exact line "Error: boom"');
  });
});

describe('snapshot`...`', () => {
  it('is the text between the lines of its backticks, less the margin of the closing one', () => {
    const s = snapshot`
      Error: boom
          at first

      last
      `;
    expect(s.lines).toEqual(['Error: boom', '    at first', '', 'last']);
    expect(s.text).toBe('Error: boom\n    at first\n\nlast\n');
  });

  it('refuses a line left of the margin, text on the opening line, and a closing backtick after text', () => {
    expect(() => snapshot`
      in
    out
      `).toThrow(/left of the margin/);
    expect(() => snapshot`text
      `).toThrow(/starts on the line after/);
    expect(() => snapshot`
      text`).toThrow(/closing backtick/);
  });

  it('inserts a value inside a line as text, and a list of lines alone on its line as those lines', () => {
    const v = 'boom';
    const lines = (xs: string[]) => snapshot`
      Error: ${v}
      ${xs}
      end
      `.lines;
    expect(lines(['', 'Node.js <version>'])).toEqual(['Error: boom', '', 'Node.js <version>', 'end']);
    expect(lines([])).toEqual(['Error: boom', 'end']);
    expect(() => snapshot`
      a ${['x']}
      `).toThrow(/alone on its line/);
  });

  it('matches the whole text exactly, final newline included', () => {
    const s = snapshot`
      one
      two
      `;
    expect(s.mismatch('one\ntwo\n')).toBeNull();
    expect(s.mismatch('one\ntwo')).toMatch(/^differs from the snapshot: no newline after its last line/);
    expect(s.mismatch('one\ntwo\nthree\n')).toMatch(/^differs from the snapshot at line 3: expected the end of the output, got "three"/);
    expect(s.mismatch('one\n')).toMatch(/^differs from the snapshot at line 2: expected "two", got the end of the output/);
    expect(s.mismatch('')).toMatch(/^differs from the snapshot at line 1: expected "one", got the end of the output/);
    expect(s.mismatch('zero\none\ntwo\n')).toMatch(/^differs from the snapshot at line 1: expected "one", got "zero"/);
  });

  it('reads * as any characters within one line, never across lines', () => {
    const s = snapshot`
      <dir>/a.js:*
      x*y
      `;
    expect(s.mismatch('<dir>/a.js:12\nxy\n')).toBeNull();
    expect(s.mismatch('<dir>/a.js:\nx 1 2 y\n')).toBeNull();
    expect(s.mismatch('<dir>/b.js:12\nxy\n')).not.toBeNull();
    expect(s.mismatch('<dir>/a.js:12\nx\ny\n')).not.toBeNull();
    // The rest of the line is literal: regular-expression characters mean themselves.
    expect(snapshot`
      (a+b).c
      `.mismatch('aab.c\n')).not.toBeNull();
  });

  it('reads <frames> as any number of stack-frame lines, none included, and nothing else', () => {
    const s = snapshot`
      Error: boom
          at first (<dir>/a.js:1:1)
      <frames>
      after
      `;
    expect(s.mismatch('Error: boom\n    at first (<dir>/a.js:1:1)\nafter\n')).toBeNull();
    expect(s.mismatch('Error: boom\n    at first (<dir>/a.js:1:1)\n    at x (node:internal/timers:1:2)\n    at y (node:internal/timers:3:4)\nafter\n')).toBeNull();
    expect(s.mismatch('Error: boom\n    at first (<dir>/a.js:1:1)\n    not a frame\nafter\n')).toMatch(/at line 3: expected "after", got "    not a frame"/);
    // A frame stated after <frames> still has to be there.
    const last = snapshot`
      <frames>
          at last
      `;
    expect(last.mismatch('    at a\n    at last\n')).toBeNull();
    expect(last.mismatch('    at a\n    at b\n')).not.toBeNull();
  });
});

describe('an outcome with line() and snapshots', () => {
  const observation = (stdout: string, stderr: string): Observation => ({
    id: 'x/y', node: 'v22.1.0', exitCode: 1, signal: null, stdout, stderr,
    exitEvent: { fired: true, code: 1 }, exitHandler: [], timedOut: false, durationMs: 1,
  });
  const report = '<dir>/y.js:3\n  throw e;\n  ^\n\nError: boom\n    at <dir>/y.js:3:3\n    at node:internal/x:1:1\n';
  const outcome = (o: Partial<Outcome>): Outcome => ({ exit: 1, stdout: '', stderr: '', exitEvent: { code: 1, printed: [] }, ...o });

  it('holds when stderr is the snapshot, and names the first differing line when it is not', () => {
    const stderr = snapshot`
      <dir>/y.js:3
        throw e;
        ^

      Error: boom
          at <dir>/y.js:3:3
      <frames>
      `;
    expect(outcomeProblems(observation('', report), outcome({ stderr })).problems).toEqual([]);
    const [p, ...rest] = outcomeProblems(observation('', report.replace('Error: boom', 'Error: bang')), outcome({ stderr })).problems;
    expect(rest).toEqual([]);
    expect(p).toMatch(/^stderr differs from the snapshot at line 5: expected "Error: boom", got "Error: bang"/);
  });

  it('checks stdout against a snapshot the same way', () => {
    const stdout = snapshot`
      exit *
      `;
    expect(outcomeProblems(observation('exit 1\n', ''), outcome({ stdout })).problems).toEqual([]);
    expect(outcomeProblems(observation('exit 1\nmore\n', ''), outcome({ stdout })).problems).toHaveLength(1);
  });

  it('takes line() and not(line()) as stderr patterns', () => {
    const o = outcome({ stderr: [line('Error: boom'), not(line('Warning'))] });
    expect(outcomeProblems(observation('', 'Error: boom\nWarning: x\n'), o).problems).toEqual([]);
    expect(outcomeProblems(observation('', 'Error: boom!\n'), o).problems).toEqual(['expected a stderr line matching the exact line "Error: boom"']);
    expect(outcomeProblems(observation('', 'Error: boom\nWarning\n'), o).problems).toEqual(['expected no stderr line matching the exact line "Warning"']);
  });
});
