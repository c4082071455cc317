// Where a scenario's behaviour changes, release by release: the algorithm of `npm run bisect`,
// with the running left to the caller (an `observe(version)` function), so that it can be tested
// on made-up histories.
//
// Per major line (its releases on the registry that the scenario applies to, oldest first):
//   - the first and the last release are observed; where they differ, the line is bisected:
//     a stretch whose two ends behave differently is halved until the ends are adjacent releases.
//     A middle release that behaves like neither end (a third behaviour) splits the stretch in two,
//     each bisected: every change visible from the releases looked at is found, none guessed.
//   - where they agree, the middle release is looked at too (a change and its revert inside one
//     line); if it differs, both halves are bisected.
//   - between lines: the last release of the previous line and the first of this one. A line's
//     first release that behaves like an *earlier* release of the previous line is marked: the
//     previous line got the change later (a backport), not this line's x.0.0.
// A behaviour seen again after a different one in between (a revert) is flagged non-monotonic.
import semver from 'semver';
import { relation } from '../harness/changes.ts';
import type { VersionChange } from '../harness/scenario.ts';
import type { StdioKind } from '../harness/stdio.ts';
import { behaviourDiff, behaviourKey, type FieldDiff, type StoredObservation } from '../harness/observation.ts';
import { majorOf, missingBetween, type LineReport } from '../harness/releases.ts';
import { byMajor } from '../harness/target.ts';

export interface Boundary {
  scenario: string;
  /** The stdout kind it was bisected on, for a scenario that states kinds (each kind is bisected on its own). */
  stdio?: StdioKind;
  /** The major line of `first`. */
  line: string;
  /** The last release observed to behave the old way (in the previous line for a line start). */
  before: string;
  /** The first release observed to behave the new way. */
  first: string;
  kind: 'within line' | 'line start';
  /** The fields that differ between `before` and `first`. */
  fields: string[];
  diff: FieldDiff[];
  /** Releases Node published between `before` and `first` that the registry lacks: the change may have come in one of them. */
  missing: string[];
  /** The same, from gaps in numbering only (no Node changelog at hand). */
  possiblyMissing: string[];
  /** `first` behaves like a release seen earlier in the same history with something else between: a revert. */
  nonMonotonic?: boolean;
  /** A re-run of `before` or `first` behaved otherwise than the first run: not to be trusted. */
  unsteady?: boolean;
  /** For a line start: the release of the previous line that `first` behaves like, if not its last. */
  behavesLike?: string;
  notes: string[];
}

export interface LineEnds {
  major: string;
  first: string;
  last: string;
  /** Releases looked at in this line. */
  observed: string[];
}

export interface BisectResult {
  scenario: string;
  lines: LineEnds[];
  boundaries: Boundary[];
}

export type Observe = (version: string, fresh?: boolean) => Promise<StoredObservation>;

export interface BisectOptions {
  /** Look at the middle release of a line whose ends agree (default true). */
  probe?: boolean;
  /** Re-run both sides of every boundary found, to mark unsteady ones (default true). */
  confirm?: boolean;
  /** Whether the scenario applies to a release (its header's range): releases it does not apply to are not named as missing. */
  applies?: (version: string) => boolean;
  progress?: (line: string) => void;
}

/**
 * Every boundary in a scenario's behaviour across `lines` (major -> its releases the scenario
 * applies to, oldest first). `reports` gives what the registry lacks per line.
 */
export async function bisect(scenario: string, lines: Map<string, string[]>, observe: Observe, reports: Map<string, LineReport>, o: BisectOptions = {}): Promise<BisectResult> {
  const say = o.progress ?? (() => {});
  const majors = [...lines.keys()].filter((m) => lines.get(m)!.length).sort(byMajor);
  const key = new Map<string, string>();
  const obs = new Map<string, StoredObservation>();
  const look = async (v: string) => {
    if (!obs.has(v)) {
      const r = await observe(v);
      obs.set(v, r);
      key.set(v, behaviourKey(r));
    }
    return key.get(v)!;
  };
  const raw: { before: string; first: string; kind: Boundary['kind'] }[] = [];

  // Both ends of every line first (all at once: the observer bounds the parallelism).
  await Promise.all(majors.flatMap((m) => {
    const rs = lines.get(m)!;
    return [look(rs[0]!), look(rs[rs.length - 1]!)];
  }));

  const split = async (rs: string[], lo: number, hi: number): Promise<void> => {
    const [a, b] = await Promise.all([look(rs[lo]!), look(rs[hi]!)]);
    if (a === b) return;
    if (hi - lo === 1) {
      raw.push({ before: rs[lo]!, first: rs[hi]!, kind: 'within line' });
      return;
    }
    const mid = (lo + hi) >> 1;
    const m = await look(rs[mid]!);
    say(`${scenario}: ${rs[mid]} behaves like ${m === a ? rs[lo] : m === b ? rs[hi] : `neither ${rs[lo]} nor ${rs[hi]}`}`);
    if (m === a) return split(rs, mid, hi);
    if (m === b) return split(rs, lo, mid);
    await split(rs, lo, mid);
    await split(rs, mid, hi);
  };

  await Promise.all(majors.map(async (m) => {
    const rs = lines.get(m)!;
    const n = rs.length;
    const [a, b] = [await look(rs[0]!), await look(rs[n - 1]!)];
    if (a !== b) {
      say(`${scenario}: line ${m}: ${rs[0]} and ${rs[n - 1]} differ: bisecting ${n} releases`);
      await split(rs, 0, n - 1);
    } else if (o.probe !== false && n >= 3) {
      const mid = (n - 1) >> 1;
      if ((await look(rs[mid]!)) !== a) {
        say(`${scenario}: line ${m}: ${rs[0]} and ${rs[n - 1]} agree but ${rs[mid]} differs: bisecting both halves`);
        await split(rs, 0, mid);
        await split(rs, mid, n - 1);
      }
    }
  }));

  for (let i = 1; i < majors.length; i++) {
    const prev = lines.get(majors[i - 1]!)!;
    const cur = lines.get(majors[i]!)!;
    if ((await look(prev[prev.length - 1]!)) !== (await look(cur[0]!))) raw.push({ before: prev[prev.length - 1]!, first: cur[0]!, kind: 'line start' });
  }

  raw.sort((x, y) => semver.compare(x.first, y.first) || semver.compare(x.before, y.before));
  const boundaries: Boundary[] = [];
  for (const r of raw) {
    const line = majorOf(r.first);
    const diff = behaviourDiff(obs.get(r.before)!, obs.get(r.first)!);
    const found = reports.get(line) ? missingBetween(reports.get(line)!, r.before, r.first) : { missing: [], possiblyMissing: [] };
    const applies = o.applies ?? (() => true);
    const gap = { missing: found.missing.filter(applies), possiblyMissing: found.possiblyMissing.filter(applies) };
    const b: Boundary = { scenario, line, before: r.before, first: r.first, kind: r.kind, fields: diff.map((d) => d.field), diff, ...gap, notes: [] };
    const history = (lines.get(line) ?? []).filter((v) => obs.has(v) && semver.lt(v, r.before) && majorOf(v) === majorOf(r.before));
    const fk = key.get(r.first)!;
    if (r.kind === 'within line' && history.some((v) => key.get(v) === fk)) {
      const like = history.find((v) => key.get(v) === fk)!;
      b.nonMonotonic = true;
      b.notes.push(`non-monotonic: ${r.first} behaves again like ${like}, with ${r.before} in between behaving otherwise (a change and its revert): releases not looked at may hide more`);
    }
    if (r.kind === 'line start') {
      const prevLine = majorOf(r.before);
      const earlier = (lines.get(prevLine) ?? []).filter((v) => obs.has(v) && semver.lt(v, r.before) && key.get(v) === fk);
      if (earlier.length) {
        b.behavesLike = earlier[earlier.length - 1]!;
        b.notes.push(`${r.first} behaves like ${b.behavesLike}: the ${prevLine}.x line changed after it (a change that line ${line} did not have at ${r.first})`);
      }
    }
    if (b.missing.length) b.notes.push(`the registry lacks ${b.missing.join(', ')}: the change came in ${[...b.missing, b.first].join(' or ')}`);
    else if (b.possiblyMissing.length) b.notes.push(`possibly missing on the registry (gaps in numbering): ${b.possiblyMissing.join(', ')}`);
    boundaries.push(b);
  }

  if (o.confirm !== false && boundaries.length) {
    const again = [...new Set(boundaries.flatMap((b) => [b.before, b.first]))];
    const rerun = new Map(await Promise.all(again.map(async (v) => [v, behaviourKey(await observe(v, true))] as const)));
    for (const b of boundaries) {
      const moved = [b.before, b.first].filter((v) => rerun.get(v) !== key.get(v));
      if (moved.length) {
        b.unsteady = true;
        b.notes.push(`unsteady: a second run on ${moved.join(' and ')} behaved otherwise than the first`);
      }
    }
  }

  const ends: LineEnds[] = majors.map((m) => {
    const rs = lines.get(m)!;
    return { major: m, first: rs[0]!, last: rs[rs.length - 1]!, observed: rs.filter((v) => obs.has(v)) };
  });
  return { scenario, lines: ends, boundaries };
}

// ---- checking a scenario's `changes:` header against boundaries -------------------------------------

export interface DeclaredCheck {
  change: VersionChange;
  /** confirmed: a boundary's first release is `in`; possible: `in` is one the registry lacks between a boundary's sides; moved: a boundary explains it but at another release; unobserved: no boundary in its range. */
  verdict: 'confirmed' | 'possible' | 'moved' | 'unobserved' | 'outside range' | 'never-confirmed' | 'never-unobserved';
  boundary?: Boundary;
  text: string;
}

/** Whether a boundary's range (before, first] holds `v`. */
const holds = (b: Boundary, v: string) => semver.gt(v, b.before) && semver.lte(v, b.first);

/**
 * Each `changes:` entry against the boundaries found (what confirms an entry: harness/changes.ts
 * relation()). `observable(v)`: whether a release just before `v` was in reach (the scenario
 * applies to it); if not, an entry without a boundary is outside the scenario's range rather than
 * unobserved.
 */
export function checkDeclared(changes: VersionChange[], boundaries: Boundary[], observable: (v: string) => boolean = () => true): DeclaredCheck[] {
  return changes.map((c): DeclaredCheck => {
    if (c.never !== undefined) {
      const start = boundaries.find((b) => relation(c, b) === 'at');
      const inside = boundaries.filter((b) => relation(c, b) === 'inside');
      if (!inside.length) return { change: c, verdict: 'never-confirmed', ...(start ? { boundary: start } : {}), text: `never in ${c.never}.x: consistent (no change inside ${c.never}.x${start ? `; ${start.before} -> ${start.first} differ` : ''})` };
      return { change: c, verdict: 'never-unobserved', text: `never in ${c.never}.x: WRONG: ${c.never}.x changes inside (${inside.map((b) => `${b.before} -> ${b.first}`).join(', ')})` };
    }
    const v = c.in!;
    const exact = boundaries.find((b) => relation(c, b) === 'at');
    if (exact) return { change: c, verdict: 'confirmed', boundary: exact, text: `${v}: confirmed (${exact.before} -> ${exact.first})` };
    const gap = boundaries.find((b) => relation(c, b) === 'gap');
    if (gap) return { change: c, verdict: 'possible', boundary: gap, text: `${v}: consistent (the registry lacks ${v}; observed ${gap.before} -> ${gap.first})` };
    const inRange = boundaries.find((b) => holds(b, v));
    const sameLine = boundaries.filter((b) => b.line === majorOf(v));
    const other = inRange ?? sameLine.find((b) => b.kind === 'within line') ?? sameLine[0];
    if (other) return { change: c, verdict: 'moved', boundary: other, text: `${v}: WRONG: the ${other.line}.x boundary is ${other.before} -> ${other.first}` };
    if (!observable(v)) return { change: c, verdict: 'outside range', text: `${v}: outside the scenario's range (it does not apply to the release before ${v}): not observable here` };
    return { change: c, verdict: 'unobserved', text: `${v}: no boundary observed there` };
  });
}
