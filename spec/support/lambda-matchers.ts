// The few partial expectations a Lambda outcome (spec/support/lambda-outcome.ts) needs where a
// field is not stated whole: some lines of a log among others, an order, a bound on a number.
// Each is an asymmetric matcher, so vitest's toEqual uses it in place and its failure diff shows
// it by name (`has("finish A", not("cached A"))`) next to what was observed.
//
// A line is a string (the whole line, exactly) or a RegExp (a line it matches). Elsewhere in an
// outcome, a RegExp value means a string matching it (lambda-outcome.ts).
import { createHash } from 'node:crypto';
import { expect } from 'vitest';

export type Line = string | RegExp;
export interface NotLine { not: Line }

const lineMatches = (line: unknown, p: Line) => typeof line === 'string' && (typeof p === 'string' ? line === p : p.test(line));
const show = (p: Line) => (typeof p === 'string' ? JSON.stringify(p) : String(p));

/** An asymmetric matcher named `name`, as vitest's equality and diff expect one. */
function matcher(name: string, test: (actual: unknown) => boolean) {
  return {
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    asymmetricMatch: test,
    toString: () => name,
    toAsymmetricMatcher: () => name,
  };
}

/** Inside has(): no line matches `p`. */
export const not = (p: Line): NotLine => ({ not: p });

/** Lines among which each `Line` has a match, and no `not(...)` does: `has('finish A', not('cached A'))`. */
export function has(...items: (Line | NotLine)[]) {
  const name = `has(${items.map((i) => (typeof i === 'object' && !(i instanceof RegExp) ? `not(${show(i.not)})` : show(i))).join(', ')})`;
  return matcher(name, (a) =>
    Array.isArray(a) &&
    items.every((i) => (typeof i === 'object' && !(i instanceof RegExp) ? !a.some((l) => lineMatches(l, i.not)) : a.some((l) => lineMatches(l, i)))),
  );
}

/** In like(): any run of lines, possibly none. */
export const etc = Symbol('etc');

/**
 * Lines in this shape, `etc` standing for any run of lines: `like(/^first/, etc)` starts so,
 * `like(etc, 'a', 'b')` ends with those two, `like('a', etc, 'b')` both.
 */
export function like(...shape: (Line | typeof etc)[]) {
  const name = `like(${shape.map((s) => (s === etc ? 'etc' : show(s))).join(', ')})`;
  const from = (a: unknown[], i: number, s: number): boolean => {
    if (s === shape.length) return i === a.length;
    const p = shape[s]!;
    if (p === etc) {
      for (let j = i; j <= a.length; j++) if (from(a, j, s + 1)) return true;
      return false;
    }
    return i < a.length && lineMatches(a[i], p) && from(a, i + 1, s + 1);
  };
  return matcher(name, (a) => Array.isArray(a) && from(a, 0, 0));
}

/** Lines where `first` is there, and its first occurrence comes before the first occurrence of `then`. */
export function inOrder(first: string, then: string) {
  return matcher(`inOrder(${show(first)}, ${show(then)})`, (a) => {
    if (!Array.isArray(a)) return false;
    const i = a.indexOf(first);
    return i >= 0 && i < a.indexOf(then);
  });
}

/** A number within bounds: `number({ atLeast: 20, below: 128 })`, `number({ above: 0 })`. */
export function number(b: { atLeast?: number; above?: number; below?: number }) {
  const parts = [b.atLeast !== undefined && `>= ${b.atLeast}`, b.above !== undefined && `> ${b.above}`, b.below !== undefined && `< ${b.below}`].filter(Boolean);
  return matcher(`number(${parts.join(', ')})`, (a) =>
    typeof a === 'number' && (b.atLeast === undefined || a >= b.atLeast) && (b.above === undefined || a > b.above) && (b.below === undefined || a < b.below),
  );
}

/** One of these values (compared with ===). */
export function oneOf(...values: unknown[]) {
  return matcher(`oneOf(${values.map((v) => JSON.stringify(v)).join(', ')})`, (a) => values.includes(a));
}

/** An object with at least these fields, as stated (toMatchObject's check, in place); a RegExp value is a string matching it. */
export const partial = (fields: Record<string, unknown>) => expect.objectContaining(patterns(fields));

export const isMatcher = (v: unknown) => typeof v === 'object' && v !== null && 'asymmetricMatch' in v;

/** `expected` with every RegExp value (in plain objects and arrays) made a string matching it. */
export function patterns<T>(expected: T): T {
  if (expected instanceof RegExp) return expect.stringMatching(expected) as T;
  if (Array.isArray(expected)) return expected.map(patterns) as T;
  if (typeof expected === 'object' && expected !== null && !isMatcher(expected)) {
    return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, patterns(v)])) as T;
  }
  return expected;
}

/** Strings longer than this are shown in a failure's diff as longText's summary. */
export const LONG_TEXT = 4096;

/**
 * A long string as a short one that still tells two of them apart: its length, a digest, and its
 * first and last 24 characters. A streamed body of megabytes compared whole makes vitest's diff
 * unreadable (or "no visual difference"), and hides the fields that did differ.
 */
export function longText(text: string): string {
  if (text.length <= LONG_TEXT) return text;
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
  return `<${text.length} chars, sha256 ${digest}: ${JSON.stringify(text.slice(0, 24))} … ${JSON.stringify(text.slice(-24))}>`;
}
