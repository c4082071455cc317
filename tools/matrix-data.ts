// The data half of `npm run matrix`: reading each target's claim records into per-version results,
// finding where a claim's observed behaviour changes between versions, checking each change
// against the scenario's `changes:` header (harness/changes.ts), comparing other runtimes with
// the reference Node, and the problems that fail the matrix. Rendering is tools/matrix-render.ts.
// No processes, no clock: the same inputs give the same data.
import { edges, explanation, spans } from '../harness/changes.ts';
import type { Scenario, VersionChange } from '../harness/scenario.ts';
import { behaviourDiff, severity, type FieldDiff, type StoredObservation } from '../harness/observation.ts';
import { claimKey, claimRecord, type ClaimRecord, type TestRecord, type Verdict } from '../harness/records.ts';
import type { StdioKind } from '../harness/stdio.ts';
import { bareVersion, isNode, targetLabel } from '../harness/target.ts';

/** What a scenario did, minus what varies between runs. */
export type RecordedObservation = StoredObservation;

export interface VersionResult {
  /** process.version of the binary, e.g. "v22.23.3". */
  node: string;
  platform: string;
  arch: string;
  /** Each claim's record as its test wrote it (harness/records.ts), by its key (claimKey: the scenario id, with the stdout kind for a scenario that states kinds). */
  scenarios: Record<string, ClaimRecord>;
  /** Tests in spec/node that are not claims (no scenario id in the title), by title. */
  otherTests?: Record<string, { verdict: Verdict; failure?: string }>;
  /** Set when the run for this version did not complete (vitest crashed, time limit, ...). */
  error?: string;
}

export interface ScenarioMeta {
  claim: string;
  tags: string[];
  node: string;
  changes: VersionChange[];
  /** Hash of the scenario's text when the run started (each result carries the hash of the text it ran: ClaimRecord.hash). */
  hash: string;
}

/** One observed change in a claim's behaviour between two adjacent tested versions. */
export interface ObservedChange {
  scenario: string;
  /** The stdout kind, for a scenario that states kinds (each kind is a claim of its own). */
  stdio?: StdioKind;
  claim: string;
  /** Last version (before this one) where the claim was observed. */
  from: string;
  /** First version where the new behaviour was observed. */
  to: string;
  /** The fields that differ, with their values before and after. */
  diff: FieldDiff[];
  /** The scenario's `changes:` entry that explains it (its `in` lies in (from, to]), or null. */
  explainedBy: VersionChange | null;
}

export interface MatrixData {
  platform: string;
  arch: string;
  /** Tested versions, oldest first. */
  versions: string[];
  /** Id prefixes the run was limited to (--only), if any. */
  only?: string[];
  scenarios: Record<string, ScenarioMeta>;
  results: Record<string, VersionResult>;
  changes: ObservedChange[];
  /** Scenarios under scenarios/ that no spec in spec/node claims (e.g. Lambda scenarios). */
  unclaimed: string[];
  /**
   * Runtimes other than Node (Bun, Deno), by version string ("bun 1.4.5"): kept apart from
   * `versions` and `results`, which are Node's alone; each is compared with `reference`.
   */
  runtimes?: Record<string, VersionResult>;
  /** The Node release the runtimes are compared with (the newest pinned major). */
  reference?: string;
  compatibility?: Compatibility[];
}

// ---------------------------------------------------------------------------------------------
// Runtimes that promise Node compatibility, against the reference Node

/** A claim a runtime does not behave on as the reference Node does. */
export interface CompatDiff {
  scenario: string;
  stdio?: StdioKind;
  claim: string;
  /** The fields that differ: `before` is the reference Node's, `after` the runtime's. */
  diff: FieldDiff[];
  /** harness/observation.ts severity(): higher is more consequential (a hang, an exit code, lost output...). */
  severity: number;
}

export interface Compatibility {
  runtime: string;
  reference: string;
  /** Claims observed on both that behave the same (by claim key). */
  same: string[];
  /** Claims observed on both that do not, most consequential first. */
  differs: CompatDiff[];
  /** Claims that do not apply to the runtime (header `not-on`, `runtimes`, or flags it does not take). */
  notApplicable: string[];
  /** Claims observed on one side only (n.a. on the reference, or no observation: a run error). */
  unmatched: string[];
}

/** A claim as the matrix files it: its key (harness/records.ts claimKey), its scenario and stdout kind. */
export interface ClaimId { key: string; scenario: string; stdio?: StdioKind }

/** Every claim the results hold for a scenario in `meta`, one per stdout kind for a scenario that states kinds, sorted by key. */
export function claimIds(results: VersionResult[], meta: Record<string, ScenarioMeta>): ClaimId[] {
  const out = new Map<string, ClaimId>();
  for (const r of results) {
    for (const [key, rec] of Object.entries(r.scenarios)) {
      if (meta[rec.scenario] && !out.has(key)) out.set(key, { key, scenario: rec.scenario, ...(rec.stdio ? { stdio: rec.stdio } : {}) });
    }
  }
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The claim part of an item: its scenario and, when it has one, its kind. */
const idOf = (c: ClaimId): { scenario: string; stdio?: StdioKind } => ({ scenario: c.scenario, ...(c.stdio ? { stdio: c.stdio } : {}) });

/** How a runtime's observations compare with the reference Node's, claim by claim (each stdout kind its own). */
export function compatibility(reference: VersionResult, rt: VersionResult, meta: Record<string, ScenarioMeta>): Compatibility {
  const out: Compatibility = { runtime: rt.node, reference: reference.node, same: [], differs: [], notApplicable: [], unmatched: [] };
  for (const c of claimIds([reference, rt], meta)) {
    const a = reference.scenarios[c.key], b = rt.scenarios[c.key];
    if (b?.verdict === 'n.a.') out.notApplicable.push(c.key);
    else if (!a?.observation || !b?.observation) out.unmatched.push(c.key);
    else {
      const diff = behaviourDiff(a.observation, b.observation);
      if (!diff.length) out.same.push(c.key);
      else out.differs.push({ ...idOf(c), claim: meta[c.scenario]!.claim, diff, severity: severity(diff) });
    }
  }
  out.differs.sort((x, y) => y.severity - x.severity || (claimKey(x) < claimKey(y) ? -1 : claimKey(x) > claimKey(y) ? 1 : 0));
  return out;
}


// ---------------------------------------------------------------------------------------------
// Reading a version's run

/**
 * One version's results from the records of its vitest run (harness/results-reporter.ts): a
 * claim's record names its scenario; any other test is kept by name.
 */
export function versionResult(node: string, tests: TestRecord[], platform: string = process.platform, arch: string = process.arch): VersionResult {
  const scenarios: Record<string, ClaimRecord> = {};
  const other: Record<string, { verdict: Verdict; failure?: string }> = {};
  // The same scenario claimed twice (e.g. with different flags): the worse verdict stands.
  const rank: Record<Verdict, number> = { fail: 3, skipped: 2, pass: 1, 'n.a.': 0 };
  for (const t of tests) {
    const rec = claimRecord(t);
    if (!rec) {
      if (t.verdict !== 'skipped') other[t.name] = t.failure ? { verdict: t.verdict, failure: t.failure } : { verdict: t.verdict }; // a skip with its reason: not a verdict
      continue;
    }
    const key = claimKey(rec);
    const prev = scenarios[key];
    if (!prev || rank[rec.verdict] > rank[prev.verdict]) scenarios[key] = rec;
  }
  const out: VersionResult = { node, platform, arch, scenarios };
  if (Object.keys(other).length) out.otherTests = other;
  return out;
}

/**
 * The matrix from each target's results (in the order given, Node's oldest first) and the
 * scenarios as read when the run started. Node versions make the matrix and its changes; other
 * runtimes are compared with the `reference` Node. Each result keeps the hash it was recorded
 * with: the text that ran, not the file's text by the time the run ends.
 */
export function matrixData(runs: VersionResult[], selected: Scenario[], o: { only?: string[]; reference: string }): MatrixData {
  const claimed = new Set(runs.flatMap((r) => Object.values(r.scenarios).map((x) => x.scenario)));
  const meta = Object.fromEntries(selected.filter((s) => claimed.has(s.id)).map((s) => [s.id, scenarioMeta(s)]));
  const node = runs.filter((r) => isNode(r.node));
  const versions = node.map((r) => r.node);
  const byV = Object.fromEntries(node.map((r) => [r.node, r]));
  const data: MatrixData = {
    platform: process.platform,
    arch: process.arch,
    versions,
    scenarios: meta,
    results: byV,
    changes: findChanges(versions, byV, meta),
    unclaimed: selected.filter((s) => !claimed.has(s.id)).map((s) => s.id),
  };
  if (o.only?.length) data.only = [...o.only].sort();
  const others = runs.filter((r) => !isNode(r.node));
  if (others.length) {
    data.runtimes = Object.fromEntries(others.map((r) => [r.node, r]));
    data.reference = o.reference;
    const ref = byV[o.reference];
    data.compatibility = ref ? others.map((r) => compatibility(ref, r, meta)) : [];
  }
  return data;
}

// ---------------------------------------------------------------------------------------------
// Behaviour and its changes

/** Every change in observed behaviour between adjacent versions where a claim was observed (each stdout kind of a scenario on its own). */
export function findChanges(versions: string[], results: Record<string, VersionResult>, meta: Record<string, ScenarioMeta>): ObservedChange[] {
  const out: ObservedChange[] = [];
  for (const c of claimIds(versions.map((v) => results[v]!).filter(Boolean), meta)) {
    const m = meta[c.scenario]!;
    let prev: { v: string; o: StoredObservation } | null = null;
    for (const v of versions) {
      const o = results[v]?.scenarios[c.key]?.observation;
      if (!o) continue;
      if (prev) {
        const diff = behaviourDiff(prev.o, o);
        if (diff.length) out.push({ ...idOf(c), claim: m.claim, from: prev.v, to: v, diff, explainedBy: explanation(m.changes, prev.v, v) });
      }
      prev = { v, o };
    }
  }
  return out;
}

/** `changes:` entries whose version lies inside the tested span but where nothing changed. */
export function unobservedDeclarations(data: MatrixData): { scenario: string; stdio?: StdioKind; change: VersionChange; between: [string, string] }[] {
  const out: { scenario: string; stdio?: StdioKind; change: VersionChange; between: [string, string] }[] = [];
  const ids = claimIds(data.versions.map((v) => data.results[v]!).filter(Boolean), data.scenarios);
  for (const [id, m] of Object.entries(data.scenarios)) {
    // Only a certain edge (an `in:` entry) must show: a `never:` line's edges only may (harness/changes.ts).
    // A scenario that states kinds: the change must show on one kind at least (a change may be one kind's alone).
    const mine = ids.filter((c) => c.scenario === id);
    for (const c of m.changes.filter((x) => edges(x).every((e) => e.certain))) {
      const quiet = mine.map((k) => {
        const observed = data.versions.filter((v) => data.results[v]?.scenarios[k.key]?.observation);
        const between: [string, string][] = [];
        for (let i = 1; i < observed.length; i++) {
          const from = observed[i - 1]!, to = observed[i]!;
          if (spans(c, from, to) && !data.changes.some((x) => claimKey(x) === k.key && x.from === from && x.to === to)) between.push([from, to]);
        }
        return { k, between };
      });
      if (quiet.every((q) => q.between.length)) for (const q of quiet) for (const b of q.between) out.push({ ...idOf(q.k), change: c, between: b });
    }
  }
  return out;
}

export interface Problem { kind: 'fail' | 'unexplained' | 'error' | 'skipped'; text: string }

/** Claims skipped on a target without being n.a. (never a failure: listed with the reason each states). */
export function skippedClaims(data: MatrixData): { scenario: string; target: string; reason?: string }[] {
  // `scenario` here is the claim's key (its kind named for a scenario that states kinds): a label, never parsed.
  const out: { scenario: string; target: string; reason?: string }[] = [];
  for (const r of [...data.versions.map((v) => data.results[v]!), ...Object.values(data.runtimes ?? {})]) {
    for (const [id, s] of Object.entries(r.scenarios)) if (s.verdict === 'skipped') out.push({ scenario: id, target: r.node, ...(s.skip ? { reason: s.skip } : {}) });
  }
  return out;
}

/** Everything that makes the matrix fail, one line each. */
export function problems(data: MatrixData): Problem[] {
  const out: Problem[] = [];
  for (const r of [...data.versions.map((v) => data.results[v]!), ...Object.values(data.runtimes ?? {})]) {
    const v = targetLabel(r.node);
    if (r.error) out.push({ kind: 'error', text: `${v}: ${r.error}` });
    for (const [id, s] of Object.entries(r.scenarios)) {
      if (s.verdict === 'fail') out.push({ kind: 'fail', text: `${id} fails on ${v}: ${firstLine(s.failure ?? 'failed')}` });
      // A skip states its reason (harness/claims.ts skipped()); one that does not is a skip nobody can judge.
      if (s.verdict === 'skipped' && !s.skip) out.push({ kind: 'skipped', text: `${id} was skipped on ${v} without a reason` });
    }
    for (const [title, s] of Object.entries(r.otherTests ?? {})) {
      if (s.verdict === 'fail') out.push({ kind: 'fail', text: `"${title}" fails on ${v}: ${firstLine(s.failure ?? 'failed')}` });
    }
  }
  for (const c of data.changes) {
    if (!c.explainedBy) out.push({ kind: 'unexplained', text: `${claimKey(c)} changes between ${targetLabel(c.from)} and ${targetLabel(c.to)} (${c.diff.map((d) => d.field).join(', ')}) but its header has no \`changes:\` entry with \`in\` in (${bareVersion(c.from)}, ${bareVersion(c.to)}]` });
  }
  return out;
}

function firstLine(s: string): string {
  const l = s.split('\n').find((x) => x.trim()) ?? s;
  return l.length > 200 ? l.slice(0, 197) + '...' : l;
}

export function scenarioMeta(s: Scenario): ScenarioMeta {
  return { claim: s.claim, tags: s.tags, node: s.node, changes: s.changes, hash: s.hash };
}
