// The pure half of `npm run matrix`: reading vitest's JSON report into per-version results,
// finding where a claim's observed behaviour changes between versions, checking each change
// against the scenario's `changes:` header, and rendering the terminal table and the Markdown
// report. No processes, no clock: the same inputs give the same bytes.
import semver from 'semver';
import { edges, explanation, spans } from '../harness/changes.ts';
import type { Scenario, VersionChange } from '../harness/scenario.ts';
import { behaviourDiff, severity, type FieldDiff, type StoredObservation } from '../harness/observation.ts';
import { claimRecord, type ClaimRecord, type TestRecord, type Verdict } from '../harness/records.ts';
import { bareVersion, isNode, targetLabel } from '../harness/target.ts';

export { sortVersions, stableJson } from '../harness/observation.ts';

/** What a scenario did, minus what varies between runs. */
export type RecordedObservation = StoredObservation;

export interface VersionResult {
  /** process.version of the binary, e.g. "v22.23.3". */
  node: string;
  platform: string;
  arch: string;
  /** Each claim's record as its test wrote it (harness/records.ts), by scenario id. */
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
  claim: string;
  /** The fields that differ: `before` is the reference Node's, `after` the runtime's. */
  diff: FieldDiff[];
  /** harness/observation.ts severity(): higher is more consequential (a hang, an exit code, lost output...). */
  severity: number;
}

export interface Compatibility {
  runtime: string;
  reference: string;
  /** Claims observed on both that behave the same. */
  same: string[];
  /** Claims observed on both that do not, most consequential first. */
  differs: CompatDiff[];
  /** Claims that do not apply to the runtime (header `not-on`, `runtimes`, or flags it does not take). */
  notApplicable: string[];
  /** Claims observed on one side only (n.a. on the reference, or no observation: a run error). */
  unmatched: string[];
}

/** How a runtime's observations compare with the reference Node's, claim by claim. */
export function compatibility(reference: VersionResult, rt: VersionResult, meta: Record<string, ScenarioMeta>): Compatibility {
  const out: Compatibility = { runtime: rt.node, reference: reference.node, same: [], differs: [], notApplicable: [], unmatched: [] };
  for (const id of Object.keys(meta).sort()) {
    const a = reference.scenarios[id], b = rt.scenarios[id];
    if (!a && !b) continue;
    if (b?.verdict === 'n.a.') out.notApplicable.push(id);
    else if (!a?.observation || !b?.observation) out.unmatched.push(id);
    else {
      const diff = behaviourDiff(a.observation, b.observation);
      if (!diff.length) out.same.push(id);
      else out.differs.push({ scenario: id, claim: meta[id]!.claim, diff, severity: severity(diff) });
    }
  }
  out.differs.sort((x, y) => y.severity - x.severity || (x.scenario < y.scenario ? -1 : x.scenario > y.scenario ? 1 : 0));
  return out;
}

/** How severity() ranks a difference, in a word. */
export const SEVERITY_WORDS: Record<number, string> = { 5: 'hang', 4: 'exit', 3: 'output', 2: 'exit event', 1: 'stderr' };

export { targetLabel } from '../harness/target.ts';

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
    const prev = scenarios[rec.scenario];
    if (!prev || rank[rec.verdict] > rank[prev.verdict]) scenarios[rec.scenario] = rec;
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
  const claimed = new Set(runs.flatMap((r) => Object.keys(r.scenarios)));
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

/** Every change in observed behaviour between adjacent versions where a claim was observed. */
export function findChanges(versions: string[], results: Record<string, VersionResult>, meta: Record<string, ScenarioMeta>): ObservedChange[] {
  const out: ObservedChange[] = [];
  for (const id of Object.keys(meta).sort()) {
    let prev: { v: string; o: StoredObservation } | null = null;
    for (const v of versions) {
      const o = results[v]?.scenarios[id]?.observation;
      if (!o) continue;
      if (prev) {
        const diff = behaviourDiff(prev.o, o);
        if (diff.length) out.push({ scenario: id, claim: meta[id]!.claim, from: prev.v, to: v, diff, explainedBy: explanation(meta[id]!.changes, prev.v, v) });
      }
      prev = { v, o };
    }
  }
  return out;
}

/** `changes:` entries whose version lies inside the tested span but where nothing changed. */
export function unobservedDeclarations(data: MatrixData): { scenario: string; change: VersionChange; between: [string, string] }[] {
  const out: { scenario: string; change: VersionChange; between: [string, string] }[] = [];
  for (const [id, m] of Object.entries(data.scenarios)) {
    const observed = data.versions.filter((v) => data.results[v]?.scenarios[id]?.observation);
    // Only a certain edge (an `in:` entry) must show: a `never:` line's edges only may (harness/changes.ts).
    for (const c of m.changes.filter((x) => edges(x).every((e) => e.certain))) {
      for (let i = 1; i < observed.length; i++) {
        const from = observed[i - 1]!, to = observed[i]!;
        if (spans(c, from, to)) {
          if (!data.changes.some((x) => x.scenario === id && x.from === from && x.to === to)) out.push({ scenario: id, change: c, between: [from, to] });
        }
      }
    }
  }
  return out;
}

export interface Problem { kind: 'fail' | 'unexplained' | 'error' | 'skipped'; text: string }

/** Claims skipped on a target without being n.a. (never a failure: listed with the reason each states). */
export function skippedClaims(data: MatrixData): { scenario: string; target: string; reason?: string }[] {
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
    if (!c.explainedBy) out.push({ kind: 'unexplained', text: `${c.scenario} changes between Node ${c.from} and ${c.to} (${c.diff.map((d) => d.field).join(', ')}) but its header has no \`changes:\` entry with \`in\` in (${bareVersion(c.from)}, ${bareVersion(c.to)}]` });
  }
  return out;
}

function firstLine(s: string): string {
  const l = s.split('\n').find((x) => x.trim()) ?? s;
  return l.length > 200 ? l.slice(0, 197) + '...' : l;
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface Column { versions: string[]; label: string }
type Cell = { text: string; changed: boolean };

function cellFor(data: MatrixData, id: string, v: string, changed: Set<string>): Cell {
  const s = data.results[v]?.scenarios[id];
  const text = !s ? '—' : s.verdict === 'pass' ? 'pass' : s.verdict === 'fail' ? 'FAIL' : s.verdict === 'skipped' ? 'skip' : 'n.a.';
  return { text, changed: changed.has(`${id}@${v}`) };
}

/** Rows: claimed scenario ids. Columns: runs of adjacent versions where no row differs. */
export function table(data: MatrixData): { rows: string[]; columns: Column[]; cells: Cell[][] } {
  const rows = Object.keys(data.scenarios).filter((id) => data.versions.some((v) => data.results[v]?.scenarios[id])).sort();
  const changed = new Set(data.changes.map((c) => `${c.scenario}@${c.to}`));
  const groups: string[][] = [];
  for (const v of data.versions) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    const sameAsPrev = prev !== undefined && !data.results[v]?.error && !data.results[prev]?.error && rows.every((id) => {
      const a = cellFor(data, id, prev, changed), b = cellFor(data, id, v, changed);
      return a.text === b.text && !b.changed;
    });
    if (sameAsPrev) last!.push(v);
    else groups.push([v]);
  }
  const majors = data.versions.map((v) => semver.major(v));
  const byMajor = new Set(majors).size === majors.length;
  const name = (v: string) => (byMajor ? String(semver.major(v)) : bareVersion(v));
  const columns = groups.map((g) => ({ versions: g, label: g.length === 1 ? name(g[0]!) : `${name(g[0]!)}–${name(g[g.length - 1]!)}` }));
  const cells = rows.map((id) => columns.map((c) => cellFor(data, id, c.versions[0]!, changed)));
  return { rows, columns, cells };
}

const MARK = 'Δ';

export function terminalTable(data: MatrixData): string {
  const t = table(data);
  const head = ['claim', ...t.columns.map((c) => c.label)];
  const body = t.rows.map((id, i) => [id, ...t.cells[i]!.map((c) => c.text + (c.changed ? ` ${MARK}` : ''))]);
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((r) => r[j]!.length)));
  const line = (r: string[]) => r.map((x, j) => x.padEnd(widths[j]!)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n') + '\n';
}

export function markdownTable(data: MatrixData): string {
  const t = table(data);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [`| claim | ${t.columns.map((c) => c.label).join(' | ')} |`, `|---|${t.columns.map(() => ':-:').join('|')}|`];
  t.rows.forEach((id, i) => {
    lines.push(`| \`${id}\` | ${t.cells[i]!.map((c) => esc(c.text === 'FAIL' ? '**FAIL**' : c.text) + (c.changed ? ` ${MARK}` : '')).join(' | ')} |`);
  });
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Describing a change

function show(v: unknown): string {
  if (v === null) return 'none';
  if (typeof v === 'string') return v === '' ? '(empty)' : v;
  if (Array.isArray(v)) return v.length ? v.join('\n') : '(none)';
  return String(v);
}

function inline(v: unknown): string {
  const s = show(v);
  return s.includes('\n') ? JSON.stringify(s) : s;
}

/** One line per differing field, for the terminal. */
export function describeChangeShort(c: ObservedChange): string[] {
  return c.diff.map((d) => {
    const b = inline(d.before), a = inline(d.after);
    const clip = (s: string) => (s.length > 70 ? s.slice(0, 67) + '...' : s);
    return `${d.field}: ${clip(b)} -> ${clip(a)}`;
  });
}

function mdInline(v: unknown): string | null {
  const s = show(v);
  if (s.includes('\n') || s.length > 80) return null;
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

function mdBlock(v: unknown): string[] {
  const s = show(v).replace(/\n$/, '');
  const fence = s.includes('```') ? '~~~~' : '```';
  return [`    ${fence}text`, ...s.split('\n').map((l) => '    ' + l), `    ${fence}`];
}

/** A field's before and after: on one line when both are short, else as two text blocks. */
function mdDiff(d: { field: string; before: unknown; after: unknown }): string[] {
  const b = mdInline(d.before), a = mdInline(d.after);
  if (b !== null && a !== null) return [`- ${d.field}: ${b} → ${a}`];
  return [`- ${d.field}:`, '  - before:', '', ...mdBlock(d.before), '', '  - after:', '', ...mdBlock(d.after), ''];
}

// ---------------------------------------------------------------------------------------------
// The Markdown report

export function markdownReport(data: MatrixData): string {
  const out: string[] = [];
  const probs = problems(data);
  out.push('# Node version matrix', '');
  out.push(`Platform: ${data.platform}-${data.arch}. Versions: ${data.versions.join(', ')}.` + (data.only?.length ? ` Limited to scenarios starting with ${data.only.map((o) => `\`${o}\``).join(', ')}.` : ''), '');
  out.push('Generated by `npm run matrix` from `spec/node`. Cells: pass, **FAIL**, n.a. (the scenario declares a Node range that excludes the version), skip (skipped for another reason, listed below), — (not run). ' +
    `${MARK} marks the first version where the claim's observed behaviour (exit code, signal, exit event, exit-handler output, stdout, stderr highlights; stack frames and excerpts of Node's own source left out) differs from the previous tested version. Adjacent versions with identical results share a column.`, '');
  const unexplained = data.changes.filter((c) => !c.explainedBy);
  if (probs.length) {
    out.push('## ⚠ Problems', '');
    out.push('The matrix fails: ' + [
      probs.some((p) => p.kind === 'fail') ? 'pinned expectations fail' : '',
      unexplained.length ? 'behaviour changes that no scenario header explains' : '',
      probs.some((p) => p.kind === 'error') ? 'runs that did not complete' : '',
      probs.some((p) => p.kind === 'skipped') ? 'claims skipped without a reason' : '',
    ].filter(Boolean).join('; ') + '.', '');
    for (const p of probs) out.push(`- ${p.kind === 'unexplained' ? '**UNEXPLAINED CHANGE**: ' : p.kind === 'error' ? '**RUN ERROR**: ' : p.kind === 'skipped' ? '**SKIPPED WITHOUT A REASON**: ' : '**FAIL**: '}${p.text.replace(/\n/g, ' ')}`);
    out.push('');
  }
  const skips = skippedClaims(data).filter((x) => x.reason);
  if (skips.length) {
    out.push('## Skipped', '', 'Claims not run on a version for a reason other than their Node range (not failures; not checked there either):', '');
    for (const x of skips) out.push(`- \`${x.scenario}\` on ${targetLabel(x.target)}: ${x.reason}`);
    out.push('');
  }
  out.push('## Results', '', markdownTable(data));
  out.push('## What changed between versions', '');
  if (!data.changes.length) out.push('No claim\'s observed behaviour differs between the tested versions.', '');
  for (const c of data.changes) {
    out.push(`### \`${c.scenario}\`: changes in ${c.to}`, '');
    out.push(`> ${c.claim}`, '');
    out.push(`- First observed in **${c.to}** (previous tested version: ${c.from}).`);
    if (c.explainedBy) out.push(`- Explained: ${c.explainedBy.in !== undefined ? `since ${c.explainedBy.in}` : `the ${c.explainedBy.never}.x line never got it`}, ${c.explainedBy.what} (${c.explainedBy.link})`);
    else out.push(`- **⚠ UNEXPLAINED: the data shows a change but \`scenarios/${c.scenario}\` has no \`changes:\` entry with a version in (${bareVersion(c.from)}, ${bareVersion(c.to)}]. Add one (first version and a link) or fix the scenario.**`);
    for (const d of c.diff) out.push(...mdDiff(d));
    out.push('');
  }
  const quiet = unobservedDeclarations(data);
  if (quiet.length) {
    out.push('## Declared changes not observed', '');
    out.push('These `changes:` entries fall between two tested versions, but the observed behaviour is identical on both sides (the change may concern something the scenario does not observe).', '');
    for (const q of quiet) out.push(`- \`${q.scenario}\`: ${q.change.in} — ${q.change.what} (${q.change.link}); same behaviour on ${q.between[0]} and ${q.between[1]}`);
    out.push('');
  }
  for (const c of data.compatibility ?? []) out.push(...markdownCompatibility(c));
  if (data.unclaimed.length) {
    out.push('## Scenarios not in the matrix', '');
    out.push('No spec under `spec/node` claims these scenarios (Lambda scenarios are checked by `spec/lambda`):', '');
    for (const id of data.unclaimed) out.push(`- \`${id}\``);
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

export function scenarioMeta(s: Scenario): ScenarioMeta {
  return { claim: s.claim, tags: s.tags, node: s.node, changes: s.changes, hash: s.hash };
}

// ---------------------------------------------------------------------------------------------
// The compatibility sections

const cellText = (v: unknown) => show(v).replace(/\n$/, '');

/** A runtime's compatibility for the terminal: the count, then each difference, most consequential first. */
export function terminalCompatibility(c: Compatibility): string {
  const observed = c.same.length + c.differs.length;
  const out = [`Compatibility: ${c.runtime} behaves as Node ${c.reference} in ${c.same.length} of ${observed} claims` +
    `${c.notApplicable.length ? ` (${c.notApplicable.length} n.a.)` : ''}${c.unmatched.length ? ` (${c.unmatched.length} observed on one side only: ${c.unmatched.join(', ')})` : ''}.`];
  for (const d of c.differs) {
    out.push(`  [${SEVERITY_WORDS[d.severity] ?? d.severity}] ${d.scenario}`);
    for (const f of d.diff) {
      const clip = (x: string) => (x.length > 60 ? x.slice(0, 57) + '...' : x);
      out.push(`      ${f.field}: Node ${clip(inline(f.before))}  |  ${c.runtime.split(' ')[0]} ${clip(inline(f.after))}`);
    }
  }
  return out.join('\n') + '\n';
}

/** A runtime's compatibility as a Markdown section: each difference as a table, the two outputs side by side. */
export function markdownCompatibility(c: Compatibility): string[] {
  const observed = c.same.length + c.differs.length;
  const cell = (v: unknown) => {
    const t = cellText(v);
    return t === '' ? '(empty)' : t.split('\n').map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '&#124;').replace(/`/g, '&#96;')).join('<br>');
  };
  const out = [`## Compatibility: ${c.runtime}`, ''];
  out.push(`${c.runtime} behaves as Node ${c.reference} (the newest pinned release) in **${c.same.length} of ${observed}** claims observed on both.` +
    (c.notApplicable.length ? ` ${c.notApplicable.length} do not apply to it: ${c.notApplicable.map((x) => `\`${x}\``).join(', ')}.` : '') +
    (c.unmatched.length ? ` Observed on one side only: ${c.unmatched.map((x) => `\`${x}\``).join(', ')}.` : ''), '');
  if (c.differs.length) out.push('Where it does not, most consequential first (a hang, then the exit code or signal, then output, then the exit event, then stderr text):', '');
  for (const d of c.differs) {
    out.push(`### \`${d.scenario}\` (${SEVERITY_WORDS[d.severity] ?? d.severity})`, '', `> ${d.claim}`, '');
    out.push(`| | Node ${c.reference} | ${c.runtime} |`, '|---|---|---|');
    for (const f of d.diff) out.push(`| ${f.field} | <code>${cell(f.before)}</code> | <code>${cell(f.after)}</code> |`);
    out.push('');
  }
  return out;
}
