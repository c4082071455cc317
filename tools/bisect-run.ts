// The running half of `npm run bisect` (tools/bisect.ts), shared with `npm run upgrade`: the
// scenarios bisected over the registry's releases (tools/bisect-core.ts has the algorithm),
// their boundaries saved in the cache for later commands, and the reports.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import semver from 'semver';
import { appliesTo } from '../harness/applicability.ts';
import { ROOT, SpecError, writeAtomic } from '../harness/project.ts';
import { statesKinds, type Scenario } from '../harness/scenario.ts';
import type { StdioKind } from '../harness/stdio.ts';
import { claimKey } from '../harness/records.ts';
import { cacheDir } from '../harness/node-binaries.ts';
import { pinnedMajors, pins } from '../harness/pins.ts';
import { byMajor, printNode } from '../harness/target.ts';
import { behaviourKey, stableJson } from '../harness/observation.ts';
import { lineReport, registryReleases, releasesOf, type LineReport, type RegistryList } from '../harness/releases.ts';
import { bisect, checkDeclared, type BisectResult, type Boundary, type DeclaredCheck } from './bisect-core.ts';
import { explanation, lineOf } from '../harness/changes.ts';
import type { ObservedChange } from './matrix-data.ts';
import { describeChangeShort } from './matrix-render.ts';
import { Observer } from './observe.ts';
import { duration } from './progress.ts';

export function resultFile(id: string): string {
  return join(cacheDir(), 'bisect', `${id.replace(/[^\w.-]+/g, '__')}.json`);
}

/** What bisect leaves for other commands (upgrade): a scenario's boundaries, for its text at the time. */
export interface SavedBisect { scenario: string; hash: string; at: string; registryFetchedAt: string; majors: string[]; boundaries: Boundary[] }

/**
 * What to save after bisecting `next.majors`: a bisection of fewer lines (`--major 22`, or upgrade's
 * span) replaces only its own lines of an earlier one for the same text, so it never forgets the rest.
 */
export function mergeSaved<S extends { hash: string; majors: string[]; boundaries: { line: string; before: string; first: string }[] }>(previous: S | undefined, next: S): S {
  if (!previous || previous.hash !== next.hash) return next;
  const kept = previous.boundaries.filter((b) => !next.majors.includes(b.line));
  if (!kept.length && next.majors.length >= previous.majors.length && previous.majors.every((m) => next.majors.includes(m))) return next;
  const majors = [...new Set([...previous.majors, ...next.majors])].sort(byMajor);
  const boundaries = [...kept, ...next.boundaries].sort((a, b) => semver.compare(a.first, b.first) || semver.compare(a.before, b.before));
  return { ...next, majors, boundaries };
}

/** What bisect saved for scenario `id` (for the text with `hash`, when given), if anything. */
export function loadSaved(id: string, hash?: string): SavedBisect | undefined {
  const file = resultFile(id);
  if (!existsSync(file)) return undefined;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedBisect;
    if (!Array.isArray(saved.boundaries) || (hash !== undefined && saved.hash !== hash)) return undefined;
    return { ...saved, majors: saved.majors ?? [] };
  } catch {
    return undefined;
  }
}

/** Only the repository's own scenarios are saved: a file named by its path elsewhere (often a temporary one) has no page or upgrade row to feed. */
function inRepository(s: Scenario): boolean {
  const r = relative(ROOT, s.file);
  return !r.startsWith('..') && !isAbsolute(r);
}

export interface BisectRun {
  scenario: Scenario;
  /** The stdout kind bisected, for a scenario that states kinds: one run per kind. */
  stdio?: StdioKind;
  result: BisectResult;
  declared: DeclaredCheck[];
}

export interface BisectRunOptions {
  majors?: string[];
  jobs?: number;
  quick?: boolean;
  refresh?: boolean;
  progress?: (line: string) => void;
  observer?: Observer;
}

/** The lines (major -> releases the scenario applies to) a scenario is bisected over. */
export function linesFor(s: Scenario, list: RegistryList, majors: string[]): Map<string, string[]> {
  return new Map(majors.map((m) => [m, releasesOf(list, m).filter((v) => appliesTo(s, v))]));
}

/** Bisects scenarios; the library entry point that bisect and upgrade share. */
export async function bisectScenarios(scenarios: Scenario[], o: BisectRunOptions = {}): Promise<BisectRun[]> {
  const say = o.progress ?? (() => {});
  const list = await registryReleases({ refresh: o.refresh, warn: (l) => say(l) });
  const majors = o.majors?.length ? o.majors : pinnedMajors();
  for (const m of majors) if (!releasesOf(list, m).length) throw new SpecError(`--major ${m}: the npm registry has no ${m}.x release`);
  const reports = new Map<string, LineReport>(majors.map((m) => [m, lineReport(list, m)]));
  const observer = o.observer ?? new Observer({ jobs: o.jobs });
  const out: BisectRun[] = [];
  const allStarted = Date.now();
  /** "(3/12 scenarios, 1 min 05 s elapsed, about 4 min left)": after each scenario. */
  const so = (done: number) => {
    const elapsed = Date.now() - allStarted;
    return `(${done}/${scenarios.length} scenario(s), ${duration(elapsed)} elapsed${done < scenarios.length ? `, about ${duration((elapsed / done) * (scenarios.length - done))} left` : ''})`;
  };
  // One scenario after another (its runs in parallel): the progress reads in order. A scenario
  // that states stdout kinds is bisected on each kind on its own, and saved once with all of them.
  for (const [i, s] of scenarios.entries()) {
    const kinds = stdioKinds(s);
    const all: Boundary[] = [];
    let saveable = true;
    for (const kind of kinds) {
      const label = claimKey({ scenario: s.id, ...(kind ? { stdio: kind } : {}) });
      const started = Date.now();
      const before = observer.count;
      const lines = linesFor(s, list, majors);
      if (![...lines.values()].some((l) => l.length)) {
        say(`${label}: applies to no release of the lines ${majors.join(', ')} (${s.node}) ${so(i + 1)}`);
        out.push({ scenario: s, ...(kind ? { stdio: kind } : {}), result: { scenario: s.id, lines: [], boundaries: [] }, declared: [] });
        saveable = false;
        continue;
      }
      const applies = (v: string) => appliesTo(s, v);
      const result = await bisect(label, lines, (v, fresh) => observer.observe(s, v, fresh, kind), reports, { probe: !o.quick, confirm: !o.quick, progress: say, applies });
      result.scenario = s.id;
      if (kind) for (const b of result.boundaries) Object.assign(b, { scenario: s.id, stdio: kind });
      const observable = (v: string) => {
        const below = list.versions.filter((x) => semver.lt(x, v));
        return below.length > 0 && applies(below[below.length - 1]!);
      };
      const declared = checkDeclared(s.changes.filter((c) => majors.includes(lineOf(c))), result.boundaries, observable);
      say(`${label}: ${result.boundaries.length} change(s), ${observer.count - before} run(s), ${duration(Date.now() - started)} ${so(i + 1)}`);
      all.push(...result.boundaries);
      out.push({ scenario: s, ...(kind ? { stdio: kind } : {}), result, declared });
    }
    if (inRepository(s) && saveable) {
      const saved: SavedBisect = { scenario: s.id, hash: s.hash, at: new Date().toISOString(), registryFetchedAt: list.fetchedAt, majors, boundaries: all.sort((a, b) => semver.compare(a.first, b.first) || semver.compare(a.before, b.before)) };
      writeAtomic(resultFile(s.id), stableJson(mergeSaved(loadSaved(s.id), saved)));
    }
  }
  return out;
}

/** The kinds a scenario is observed on, one at a time: `undefined` alone (its header's one kind) unless it states kinds. */
export function stdioKinds(s: Scenario): (StdioKind | undefined)[] {
  return statesKinds(s) && s.stdio.length > 1 ? s.stdio : [undefined];
}

/** The scenarios to bisect when none is named: those with `changes:` and those whose pinned releases differ. */
export async function selectDefault(all: Scenario[], observer: Observer, say: (l: string) => void): Promise<Scenario[]> {
  const p = pins();
  const withChanges = all.filter((s) => s.changes.length);
  const rest = all.filter((s) => !s.changes.length);
  say(`${withChanges.length} scenario(s) with \`changes:\`; running the other ${rest.length} on every pinned release to find those that differ`);
  const differ = await Promise.all(rest.map(async (s) => {
    const versions = Object.values(p).filter((v) => appliesTo(s, v));
    const keys = await Promise.all(versions.map(async (v) => (await Promise.all(stdioKinds(s).map(async (k) => behaviourKey(await observer.observe(s, v, false, k))))).join('\0')));
    return new Set(keys).size > 1;
  }));
  const picked = rest.filter((_, i) => differ[i]);
  if (picked.length) say(`differ between pinned releases without \`changes:\`: ${picked.map((s) => s.id).join(', ')}`);
  return [...withChanges, ...picked].sort((a, b) => a.id.localeCompare(b.id));
}

// ---- output ---------------------------------------------------------------------------------------

function declaredFor(run: BisectRun, b: Boundary): DeclaredCheck | undefined {
  return run.declared.find((d) => d.boundary === b);
}

/** For a boundary no entry names: the entry the matrix would explain it with (a backport seen from the next line), if any. */
function explainedBy(run: BisectRun, b: Boundary): { in?: string; never?: string; link: string } | undefined {
  if (declaredFor(run, b)) return undefined;
  const c = explanation(run.scenario.changes, printNode(b.before), printNode(b.first));
  return c ? { ...(c.in !== undefined ? { in: c.in } : { never: c.never }), link: c.link } : undefined;
}

export function jsonRows(runs: BisectRun[]) {
  return runs.flatMap((r) => r.result.boundaries.map((b) => {
    const d = declaredFor(r, b);
    return {
      scenario: b.scenario, ...(b.stdio ? { stdio: b.stdio } : {}), line: b.line, before: b.before, first: b.first,
      kind: b.kind, fields: b.fields, missing: b.missing, possiblyMissing: b.possiblyMissing,
      ...(b.behavesLike ? { behavesLike: b.behavesLike } : {}),
      ...(b.nonMonotonic ? { nonMonotonic: true } : {}),
      ...(b.unsteady ? { unsteady: true } : {}),
      declared: d ? { ...(d.change.in !== undefined ? { in: d.change.in } : { never: d.change.never }), link: d.change.link, verdict: d.verdict } : null,
      ...(explainedBy(r, b) ? { explainedBy: explainedBy(r, b) } : {}),
      notes: b.notes,
    };
  }));
}

/**
 * Where what was found disagrees with the scenarios' `changes:` headers, one line each: a change
 * no entry names (nor explains as a backport, nor marks as behaving like an earlier release), and
 * an entry that is WRONG (its boundary is elsewhere, or a `never` line changes inside) or whose
 * change was not observed at all. What bisect exits 1 for; empty: the headers hold.
 */
export function disagreements(runs: BisectRun[]): string[] {
  const out: string[] = [];
  for (const r of runs) {
    for (const b of r.result.boundaries) {
      if (!declaredFor(r, b) && !explainedBy(r, b) && !b.behavesLike) out.push(`${r.scenario.id}: ${b.before} -> ${b.first} (${b.fields.join(', ')}) has no \`changes:\` entry`);
    }
    for (const d of r.declared) if (d.verdict === 'moved' || d.verdict === 'unobserved' || d.verdict === 'never-unobserved') out.push(`${r.scenario.id}: changes: ${d.text}`);
  }
  return out;
}

function table(rows: string[][]): string[] {
  const w = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  return rows.map((r) => r.map((x, j) => x.padEnd(w[j]!)).join('  ').trimEnd());
}

export function textReport(runs: BisectRun[]): string {
  const out: string[] = [];
  for (const r of runs) {
    const s = r.scenario;
    out.push('', `${claimKey({ scenario: s.id, ...(r.stdio ? { stdio: r.stdio } : {}) })}${s.changes.length ? '' : '  (no `changes:` in its header)'}`);
    if (!r.result.boundaries.length) out.push('  the same on every release looked at' + (r.result.lines.length ? ` (${r.result.lines.map((l) => l.major).join(', ')})` : ''));
    else {
      const rows = [['line', 'before', 'first', 'missing on the registry', 'what differs', 'changes: entry']];
      for (const b of r.result.boundaries) {
        const d = declaredFor(r, b);
        rows.push([b.line, b.before, b.first, b.missing.join(' ') || (b.possiblyMissing.length ? `possibly ${b.possiblyMissing.join(' ')}` : '-'), b.fields.join(', '),
          d ? `${d.change.in ?? `never ${d.change.never}`} (${d.verdict})` : explainedBy(r, b) ? `${explainedBy(r, b)!.in ?? explainedBy(r, b)!.never} (backport)${b.behavesLike ? ` like ${b.behavesLike}` : ''}` : b.behavesLike ? `(like ${b.behavesLike})` : 'NONE']);
      }
      out.push(...table(rows).map((l) => '  ' + l));
      for (const b of r.result.boundaries) {
        out.push(`  ${b.before} -> ${b.first}:`);
        for (const l of describeChangeShort({ diff: b.diff } as ObservedChange)) out.push(`      ${l}`);
        for (const n of b.notes) out.push(`      ${n}`);
      }
    }
    for (const d of r.declared) if (d.verdict !== 'confirmed' && d.verdict !== 'never-confirmed') out.push(`  changes: ${d.text}`);
  }
  return out.join('\n') + '\n';
}

