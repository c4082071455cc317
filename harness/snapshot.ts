// What a claim says a process printed, written as the text itself: an exact line of stderr, or a
// whole stdout or stderr as a literal snapshot, in the spirit of Node core's test/message/*.out
// files. The observation is already normalised (harness/observation.ts: paths read <dir>,
// <scenarios>, <root>, <node>; pids <pid>; versions Node.js <version>), so a snapshot states those
// placeholders literally; it adds two of its own for what moves between releases:
//   *          inside a line: any characters on that line (none included)
//   <frames>   a line of its own: any number of stack-frame lines (`    at ...`), none included
import { isFrame } from './observation.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A stderr line that is exactly `text`: no more, no less. */
export class ExactLine extends RegExp {
  constructor(readonly text: string) {
    super(`^${escape(text)}$`);
  }
  override toString() {
    return `the exact line ${JSON.stringify(this.text)}`;
  }
}

/** A line that is exactly `text`: `stderr: [line('Error: boom'), not(line('Warning: ...'))]`. */
export const line = (text: string) => new ExactLine(text);

const FRAMES = '<frames>';
const lineMatcher = (l: string) => new RegExp(`^${l.split('*').map(escape).join('.*')}$`);

/** A whole output, line by line, with `*` and `<frames>` placeholders (see the top of this file). */
export class Snapshot {
  private readonly matchers: (RegExp | typeof FRAMES)[];
  constructor(readonly lines: string[]) {
    this.matchers = lines.map((l) => (l === FRAMES ? FRAMES : lineMatcher(l)));
  }

  /** The snapshot as text: its lines, each ending in a newline. */
  get text(): string {
    return this.lines.map((l) => l + '\n').join('');
  }

  toString() {
    return this.text;
  }

  /** Null when `actual` is what the snapshot says; else where it first differs. */
  mismatch(actual: string): string | null {
    const got = actual.split('\n');
    // The snapshot's text ends in a newline, so its last "line" is the empty rest after it.
    const want = [...this.matchers, /^$/];
    const memo = new Map<number, boolean>();
    let far = { at: -1, want: -1 };
    const from = (i: number, j: number): boolean => {
      const key = i * (got.length + 1) + j;
      if (memo.has(key)) return memo.get(key)!;
      let ok: boolean;
      if (i === want.length) ok = j === got.length;
      else if (want[i] === FRAMES) ok = from(i + 1, j) || (j < got.length && isFrame(got[j]!) && from(i, j + 1));
      else ok = j < got.length && (want[i] as RegExp).test(got[j]!) && from(i + 1, j + 1);
      if (!ok && j > far.at) far = { at: j, want: i };
      memo.set(key, ok);
      return ok;
    };
    if (from(0, 0)) return null;
    const shown = `\n  snapshot:\n${this.lines.map((l) => '    | ' + l).join('\n')}`;
    if (!actual.endsWith('\n') && this.mismatch(actual + '\n') === null) return `differs from the snapshot: no newline after its last line${shown}`;
    const end = 'the end of the output';
    const wanted = far.want < this.lines.length ? JSON.stringify(this.lines[far.want]) : end;
    const gotLine = far.at >= got.length || (far.at === got.length - 1 && got[far.at] === '') ? end : JSON.stringify(got[far.at]);
    return `differs from the snapshot at line ${far.at + 1}: expected ${wanted}, got ${gotLine}${shown}`;
  }
}

/**
 * A literal snapshot, written as a template literal whose text starts on the line after the
 * opening backtick; the closing backtick's indentation is the margin every line is written at:
 *
 *   stderr: snapshot`
 *     <dir>/timer-throw.js:12
 *         throw new Error('boom');
 *         ^
 *
 *     Error: boom
 *         at Timeout._onTimeout (<dir>/timer-throw.js:12:11)
 *     <frames>
 *     ${byNode({ '<17.0.0': [], '>=17.0.0': ['', 'Node.js <version>'] })}
 *     `
 *
 * A `${...}` inside a line inserts its text, read like the rest (a `*` in it is a wildcard too).
 * A `${...}` alone on its line may be a list of lines, which stand in its place (an empty list: no
 * line at all): how a part that differs between releases is stated with byNode.
 */
export function snapshot(strings: TemplateStringsArray, ...values: (string | string[])[]): Snapshot {
  const mark = (i: number) => `\u0000${i}\u0000`;
  const raw = strings.reduce((text, s, i) => text + s + (i < values.length ? mark(i) : ''), '');
  const rows = raw.split('\n');
  const last = rows[rows.length - 1]!;
  if (rows.length < 2 || rows[0]!.trim() !== '' || !/^ *$/.test(last)) {
    throw new Error('a snapshot starts on the line after its opening backtick, and its closing backtick stands alone on the last line, at the margin');
  }
  const out: string[] = [];
  for (const row of rows.slice(1, -1)) {
    if (row.trim() === '') {
      out.push('');
      continue;
    }
    if (!row.startsWith(last)) throw new Error(`snapshot line ${JSON.stringify(row)} starts left of the margin (the closing backtick's indentation)`);
    const l = row.slice(last.length);
    const whole = /^\u0000(\d+)\u0000$/.exec(l);
    const value = whole ? values[Number(whole[1])]! : undefined;
    if (Array.isArray(value)) {
      out.push(...value);
      continue;
    }
    const filled = l.replace(/\u0000(\d+)\u0000/g, (_, i: string) => {
      const v = values[Number(i)]!;
      if (Array.isArray(v)) throw new Error('a list of lines in a snapshot stands alone on its line');
      return v;
    });
    out.push(...filled.split('\n'));
  }
  return new Snapshot(out);
}
