// What a scenario's `changes:` entry means: the one reading of it that every tool uses (the
// matrix's "explained" and "declared, not observed", bisect's check of the header, upgrade's
// "since", the boundaries `--boundaries` checks, the catalogue's "how", and the check that the
// spec's byNode ranges and the header state the same boundaries).
//
// An entry has edges: releases where the behaviour may differ from the release before.
//   - `in: V`: one edge, at V, the first release that behaves the new way. It is certain: the
//     behaviour differs across it.
//   - `never: N` (line N never got a change its neighbours got): an edge at N.0.0 and one at
//     (N+1).0.0. Neither is certain: the line before may have got the change after N.0.0 was cut,
//     the line after may get it only later. What is certain is that nothing changes inside N.x
//     on account of it.
// A difference between two releases `from` < `to` is explained by an entry with an edge in
// (from, to], or by a backport: between two lines, `from` has a change its line got at or before
// `from` while `to`'s line gets it only after `to`.
import semver from 'semver';
import type { VersionChange } from './scenario.ts';

export interface Edge {
  /** The release ("16.4.0"). */
  at: string;
  /** Whether the behaviour certainly differs across it (an `in:` entry), or only may (`never:`). */
  certain: boolean;
}

const lineStart = (major: number) => `${major}.0.0`;

/** The entry's edges, oldest first. */
export function edges(c: VersionChange): Edge[] {
  if (c.in !== undefined) return [{ at: c.in, certain: true }];
  const n = Number(c.never);
  return [{ at: lineStart(n), certain: false }, { at: lineStart(n + 1), certain: false }];
}

/** The major line an entry is about: `in`'s, or the line that never got it ("21"). */
export const lineOf = (c: VersionChange) => (c.in !== undefined ? String(semver.major(c.in)) : c.never);

/** "16.4.0" or "never in 21.x": the entry in a few words. */
export const changeLabel = (c: VersionChange) => (c.in !== undefined ? c.in : `never in ${c.never}.x`);

/** Whether one of the entry's edges lies in (from, to]: the entry accounts for a difference between the two (leading `v` allowed). */
export function spans(c: VersionChange, from: string, to: string): boolean {
  return edges(c).some((e) => semver.gt(e.at, from) && semver.lte(e.at, to));
}

/**
 * The entry explaining a difference observed between two releases (adjacent as tested), or null:
 * one that spans (from, to] (the first such, in header order), else a backport: the latest entry
 * of `from`'s line at or before `from`, when `to`'s line has an entry after `to`.
 */
export function explanation(changes: VersionChange[], from: string, to: string): VersionChange | null {
  const direct = changes.find((c) => spans(c, from, to));
  if (direct) return direct;
  const [mf, mt] = [semver.major(from), semver.major(to)];
  if (mt === mf) return null;
  const ins = changes.filter((c): c is VersionChange & { in: string } => c.in !== undefined);
  const later = ins.some((c) => semver.major(c.in) === mt && semver.gt(c.in, to));
  const backport = ins.filter((c) => semver.major(c.in) === mf && semver.lte(c.in, from)).sort((a, b) => semver.rcompare(a.in, b.in))[0];
  return later && backport ? backport : null;
}

/**
 * Whether the header accounts for a boundary at `at` that another statement (a byNode range) puts
 * there: an entry has an edge at it, or `at` starts a line (N.0.0) that a backport explains (an
 * entry of line N-1, and one of line N after N.0.0).
 */
export function accountsFor(changes: VersionChange[], at: string): boolean {
  if (changes.some((c) => edges(c).some((e) => semver.eq(e.at, at)))) return true;
  const v = semver.parse(at)!;
  if (v.minor !== 0 || v.patch !== 0 || v.major === 0) return false;
  return explanation(changes.filter((c) => c.in !== undefined), `${v.major - 1}.999999.0`, at) !== null;
}

/** A behaviour change found by bisection (tools/bisect-core.ts Boundary), as far as an entry is judged by it. */
export interface Bisected {
  /** The last release observed to behave the old way. */
  before: string;
  /** The first release observed to behave the new way. */
  first: string;
  /** Releases between the two that the registry lacks (from Node's changelog, and from gaps in numbering). */
  missing: string[];
  possiblyMissing?: string[];
}

/**
 * How a bisected boundary stands to an entry:
 *   - 'at': it is the entry's edge (`first` is `in`; for `never: N`, a boundary between two lines
 *     with N.0.0 or (N+1).0.0 in (before, first]);
 *   - 'gap': `in` is a release the registry lacks between its two sides: consistent, not seen;
 *   - 'inside': for `never: N`, a change inside line N: the entry is wrong;
 *   - null: unrelated.
 */
export function relation(c: VersionChange, b: Bisected): 'at' | 'gap' | 'inside' | null {
  if (c.in !== undefined) {
    if (semver.eq(b.first, c.in)) return 'at';
    return b.missing.includes(c.in) || (b.possiblyMissing ?? []).includes(c.in) ? 'gap' : null;
  }
  const line = semver.major(b.first);
  if (semver.major(b.before) === line) return String(line) === c.never ? 'inside' : null;
  return edges(c).some((e) => semver.gt(e.at, b.before) && semver.lte(e.at, b.first)) ? 'at' : null;
}

/** Whether a bisected boundary confirms the entry ('at' or 'gap'). */
export const confirms = (c: VersionChange, b: Bisected) => {
  const r = relation(c, b);
  return r === 'at' || r === 'gap';
};
