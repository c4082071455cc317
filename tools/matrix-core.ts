// The pure half of `npm run matrix`: reading vitest's JSON report into per-version results,
// finding where a claim's observed behaviour changes between versions, checking each change
// against the scenario's `changes:` header, and rendering the terminal table and the Markdown
// report. No processes, no clock: the same inputs give the same bytes.
import { relative } from 'node:path';
import semver from 'semver';
import { ROOT, SpecError, stderrHighlights, type Observation, type Scenario, type VersionChange } from '../harness/harness.ts';

export type Verdict = 'pass' | 'fail' | 'n.a.';

/** What a scenario did, as recorded by harness/claims.ts, minus what varies between runs. */
export type RecordedObservation = Omit<Observation, 'durationMs'>;

export interface ScenarioResult {
  verdict: Verdict;
  observation?: RecordedObservation;
  failure?: string;
}

export interface VersionResult {
  /** process.version of the binary, e.g. "v22.23.3". */
  node: string;
  platform: string;
  arch: string;
  scenarios: Record<string, ScenarioResult>;
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
  diff: { field: string; before: unknown; after: unknown }[];
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
}

// ---------------------------------------------------------------------------------------------
// Command line

export interface MatrixArgs {
  targets: string[];
  latest: boolean;
  only: string[];
  out: string;
  jobs: number | undefined;
  /** Per-version time limit for the whole vitest run, in minutes. */
  versionTimeoutMin: number;
  /** Do not run: rebuild matrix.json and report.md from the node-*.json already in --out. */
  reuse: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run matrix -- [targets...] [options]

Runs spec/node under each target Node version and writes results/ (per-version JSON,
matrix.json, report.md). Exits non-zero if a pinned expectation fails or an observed
behaviour change is not explained by the scenario's \`changes:\` header.

targets          majors (22, pinned in node-versions.json), exact versions (18.20.8) or paths
                 to node binaries; default: every major pinned in node-versions.json
--latest         resolve each major to its newest release on the npm registry instead of the pin
--only <prefix>  run only the scenarios whose id starts with <prefix> (repeatable)
--out <dir>      where to write the results (default: results)
--jobs <n>       versions run in parallel (default: the number of CPU cores)
--version-timeout <min>  give up on a version whose run takes longer (default: 30)
--reuse          run nothing: rebuild matrix.json and report.md from the node-*.json in --out
                 (e.g. after editing a scenario's \`changes:\` header)
-h, --help       this text`;

export function parseArgs(argv: string[]): MatrixArgs {
  const a: MatrixArgs = { targets: [], latest: false, only: [], out: 'results', jobs: undefined, versionTimeoutMin: 30, reuse: false, help: false };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new SpecError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    let inline: string | undefined;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = (name: string): string => {
      if (inline !== undefined) {
        if (!inline) throw new SpecError(`${name} needs a value`);
        return inline;
      }
      const v = value(i, name);
      i++;
      return v;
    };
    switch (arg) {
      case '-h':
      case '--help':
        a.help = true;
        break;
      case '--latest':
        a.latest = true;
        break;
      case '--reuse':
        a.reuse = true;
        break;
      case '--only':
        a.only.push(take('--only'));
        break;
      case '--out':
        a.out = take('--out');
        break;
      case '--jobs': {
        const v = take('--jobs');
        if (!/^\d+$/.test(v) || Number(v) < 1) throw new SpecError(`--jobs needs a whole number >= 1, got ${JSON.stringify(v)}`);
        a.jobs = Number(v);
        break;
      }
      case '--version-timeout': {
        const v = take('--version-timeout');
        if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) throw new SpecError(`--version-timeout needs a number of minutes, got ${JSON.stringify(v)}`);
        a.versionTimeoutMin = Number(v);
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new SpecError(`unknown option ${arg} (see --help)`);
        a.targets.push(arg);
    }
  }
  return a;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A vitest -t pattern selecting the claims on scenarios whose id starts with one of `prefixes`.
 * Claim titles are `<id>: <claim>` or `<id> — n.a. on Node vX: applies to <range>`; the full name
 * vitest matches against has the describe titles in front, separated by spaces.
 */
export function onlyPattern(prefixes: string[]): string {
  return `(?:^|\\s)(?:${prefixes.map(escapeRe).join('|')})\\S*(?:: | — n\\.a\\. on Node )`;
}

// ---------------------------------------------------------------------------------------------
// Reading a version's run

interface JsonAssertion { title: string; fullName: string; status: string; failureMessages?: string[] }
interface JsonReport { testResults?: { name: string; status: string; message?: string; assertionResults?: JsonAssertion[] }[] }

const NA = / — n\.a\. on Node v\S+: applies to /;

/** The scenario id a claim's test title names, or null for a test that is not a claim. */
export function idFromTitle(title: string, known: Set<string>): { id: string; na: boolean } | null {
  const na = NA.exec(title);
  if (na && known.has(title.slice(0, na.index))) return { id: title.slice(0, na.index), na: true };
  const colon = title.indexOf(': ');
  if (colon > 0 && known.has(title.slice(0, colon))) return { id: title.slice(0, colon), na: false };
  return null;
}

/** A failure message fit for a report: no colours, no stack frames, no machine paths. */
export function cleanFailure(msg: string): string {
  const noColour = msg.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const lines = noColour.split('\n');
  const stack = lines.findIndex((l) => /^\s+at /.test(l));
  const kept = (stack >= 0 ? lines.slice(0, stack) : lines).join('\n').trimEnd();
  return kept.split(ROOT).join('<root>');
}

export function stripObservation(rec: Record<string, unknown>): RecordedObservation {
  const { durationMs: _d, scenario: _s, claim: _c, ...rest } = rec;
  return rest as unknown as RecordedObservation;
}

/**
 * Builds one version's results from vitest's JSON report and the observations the claims
 * recorded (by scenario id).
 */
export function versionResult(
  node: string,
  report: JsonReport,
  records: Record<string, RecordedObservation>,
  known: Set<string>,
  /** With --only: the selected scenario ids; tests on other scenarios (filtered out by -t) are left out. */
  selected?: Set<string>,
  platform: string = process.platform,
  arch: string = process.arch,
): VersionResult {
  const scenarios: Record<string, ScenarioResult> = {};
  const other: Record<string, { verdict: Verdict; failure?: string }> = {};
  const fileErrors: string[] = [];
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed') && file.message) {
      fileErrors.push(`${relative(ROOT, file.name)}: ${cleanFailure(file.message).split('\n')[0]}`);
    }
    for (const a of file.assertionResults ?? []) {
      const hit = idFromTitle(a.title, known);
      if (selected && (hit ? !selected.has(hit.id) : a.status === 'skipped' || a.status === 'pending')) continue;
      const failure = a.failureMessages?.length ? cleanFailure(a.failureMessages.join('\n')) : undefined;
      let verdict: Verdict;
      let why: string | undefined;
      if (a.status === 'passed') verdict = 'pass';
      else if (a.status === 'failed') verdict = 'fail', why = failure ?? 'failed';
      else if (hit?.na) verdict = 'n.a.';
      else verdict = 'fail', why = `test did not run (${a.status}) and is not marked n.a.: ${a.title}`;
      if (!hit) {
        other[a.title] = why ? { verdict, failure: why } : { verdict };
        continue;
      }
      const res: ScenarioResult = { verdict };
      if (why) res.failure = why;
      if (verdict !== 'n.a.' && records[hit.id]) res.observation = records[hit.id];
      const prev = scenarios[hit.id];
      // The same scenario claimed twice (e.g. with different flags): the worse verdict stands.
      const rank = { fail: 2, pass: 1, 'n.a.': 0 } as const;
      if (!prev || rank[res.verdict] > rank[prev.verdict]) scenarios[hit.id] = res;
    }
  }
  const out: VersionResult = { node, platform, arch, scenarios };
  if (Object.keys(other).length) out.otherTests = other;
  if (fileErrors.length) out.error = fileErrors.join('; ');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Behaviour and its changes

const FRAME = /^\s+at \S/;

/** Text without stack-frame lines: frames name Node's internal files and lines, which move in every release. */
export function withoutFrames(text: string): string {
  return text.split('\n').filter((l) => !FRAME.test(l)).join('\n');
}

/** `events.js:291`, `node:events:491`, `internal/process/promises.js:213`: a place inside Node. */
const INTERNAL_PLACE = /^(?:node:[\w/.-]+|internal\/[\w/.-]+|[\w.-]+\.js):\d+$/;

/**
 * stderr as compared between versions: stderrHighlights(), without the source excerpt Node prints
 * above a fatal error when the throw happened inside Node itself (its file, line and code move
 * in every release), and with the target binary's own path (in its command-line errors) as <node>.
 */
export function comparableStderr(stderr: string): string[] {
  const lines = stderr.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^\s+\[\.\.\. lines matching original stack trace \.\.\.\]$/.test(lines[i]!)) continue; // a stack-frame placeholder
    if (INTERNAL_PLACE.test(lines[i]!)) {
      i++; // and the excerpt of Node's source that follows it
      continue;
    }
    kept.push(lines[i]!.replace(/^\S*\/node(?:\.exe)?: /, '<node>: '));
  }
  return stderrHighlights(kept.join('\n'));
}

/**
 * The parts of an observation that make up a claim's behaviour, in a fixed order. Stack frames
 * (`    at ...` lines) are left out everywhere, as stderrHighlights() does for stderr: what a
 * scenario prints is behaviour, where Node's internals sit in a stack is not.
 */
export function behaviour(o: RecordedObservation): Record<string, unknown> {
  return {
    'exit code': o.exitCode,
    signal: o.signal,
    'timed out': o.timedOut,
    'exit event': o.exitEvent.fired ? `fired with code ${o.exitEvent.code}` : 'not fired',
    'exit handler': o.exitHandler.filter((l) => !FRAME.test(l)),
    stdout: withoutFrames(o.stdout),
    stderr: comparableStderr(o.stderr),
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function sortVersions(vs: string[]): string[] {
  return [...vs].sort((a, b) => semver.compare(a, b));
}

/** Every change in observed behaviour between adjacent versions where a claim was observed. */
export function findChanges(versions: string[], results: Record<string, VersionResult>, meta: Record<string, ScenarioMeta>): ObservedChange[] {
  const out: ObservedChange[] = [];
  for (const id of Object.keys(meta).sort()) {
    let prev: { v: string; b: Record<string, unknown> } | null = null;
    for (const v of versions) {
      const o = results[v]?.scenarios[id]?.observation;
      if (!o) continue;
      const b = behaviour(o);
      if (prev) {
        const diff = Object.keys(b).filter((k) => !same(b[k], prev!.b[k])).map((k) => ({ field: k, before: prev!.b[k], after: b[k] }));
        if (diff.length) {
          const from = prev.v;
          const explainedBy = meta[id]!.changes.find((c) => semver.gt(c.in, from) && semver.lte(c.in, v)) ?? null;
          out.push({ scenario: id, claim: meta[id]!.claim, from, to: v, diff, explainedBy });
        }
      }
      prev = { v, b };
    }
  }
  return out;
}

/** `changes:` entries whose version lies inside the tested span but where nothing changed. */
export function unobservedDeclarations(data: MatrixData): { scenario: string; change: VersionChange; between: [string, string] }[] {
  const out: { scenario: string; change: VersionChange; between: [string, string] }[] = [];
  for (const [id, m] of Object.entries(data.scenarios)) {
    const observed = data.versions.filter((v) => data.results[v]?.scenarios[id]?.observation);
    for (const c of m.changes) {
      for (let i = 1; i < observed.length; i++) {
        const from = observed[i - 1]!, to = observed[i]!;
        if (semver.gt(c.in, from) && semver.lte(c.in, to)) {
          if (!data.changes.some((x) => x.scenario === id && x.from === from && x.to === to)) out.push({ scenario: id, change: c, between: [from, to] });
        }
      }
    }
  }
  return out;
}

export interface Problem { kind: 'fail' | 'unexplained' | 'error'; text: string }

/** Everything that makes the matrix fail, one line each. */
export function problems(data: MatrixData): Problem[] {
  const out: Problem[] = [];
  for (const v of data.versions) {
    const r = data.results[v]!;
    if (r.error) out.push({ kind: 'error', text: `Node ${v}: ${r.error}` });
    for (const [id, s] of Object.entries(r.scenarios)) {
      if (s.verdict === 'fail') out.push({ kind: 'fail', text: `${id} fails on Node ${v}: ${firstLine(s.failure ?? 'failed')}` });
    }
    for (const [title, s] of Object.entries(r.otherTests ?? {})) {
      if (s.verdict === 'fail') out.push({ kind: 'fail', text: `"${title}" fails on Node ${v}: ${firstLine(s.failure ?? 'failed')}` });
    }
  }
  for (const c of data.changes) {
    if (!c.explainedBy) out.push({ kind: 'unexplained', text: `${c.scenario} changes between Node ${c.from} and ${c.to} (${c.diff.map((d) => d.field).join(', ')}) but its header has no \`changes:\` entry with \`in\` in (${c.from.slice(1)}, ${c.to.slice(1)}]` });
  }
  return out;
}

function firstLine(s: string): string {
  const l = s.split('\n').find((x) => x.trim()) ?? s;
  return l.length > 200 ? l.slice(0, 197) + '...' : l;
}

// ---------------------------------------------------------------------------------------------
// Deterministic JSON

/** JSON with object keys sorted at every level (arrays keep their order), ending in a newline. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v as object).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) o[k] = sort(x);
      }
      return o;
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface Column { versions: string[]; label: string }
type Cell = { text: string; changed: boolean };

function cellFor(data: MatrixData, id: string, v: string, changed: Set<string>): Cell {
  const s = data.results[v]?.scenarios[id];
  const text = !s ? '—' : s.verdict === 'pass' ? 'pass' : s.verdict === 'fail' ? 'FAIL' : 'n.a.';
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
  const name = (v: string) => (byMajor ? String(semver.major(v)) : v.slice(1));
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
  out.push('Generated by `npm run matrix` from `spec/node`. Cells: pass, **FAIL**, n.a. (the scenario declares a Node range that excludes the version), — (not run). ' +
    `${MARK} marks the first version where the claim's observed behaviour (exit code, signal, exit event, exit-handler output, stdout, stderr highlights; stack frames and excerpts of Node's own source left out) differs from the previous tested version. Adjacent versions with identical results share a column.`, '');
  const unexplained = data.changes.filter((c) => !c.explainedBy);
  if (probs.length) {
    out.push('## ⚠ Problems', '');
    out.push('The matrix fails: ' + [
      probs.some((p) => p.kind === 'fail') ? 'pinned expectations fail' : '',
      unexplained.length ? 'behaviour changes that no scenario header explains' : '',
      probs.some((p) => p.kind === 'error') ? 'runs that did not complete' : '',
    ].filter(Boolean).join('; ') + '.', '');
    for (const p of probs) out.push(`- ${p.kind === 'unexplained' ? '**UNEXPLAINED CHANGE**: ' : p.kind === 'error' ? '**RUN ERROR**: ' : '**FAIL**: '}${p.text.replace(/\n/g, ' ')}`);
    out.push('');
  }
  out.push('## Results', '', markdownTable(data));
  out.push('## What changed between versions', '');
  if (!data.changes.length) out.push('No claim\'s observed behaviour differs between the tested versions.', '');
  for (const c of data.changes) {
    out.push(`### \`${c.scenario}\`: changes in ${c.to}`, '');
    out.push(`> ${c.claim}`, '');
    out.push(`- First observed in **${c.to}** (previous tested version: ${c.from}).`);
    if (c.explainedBy) out.push(`- Explained: since ${c.explainedBy.in}, ${c.explainedBy.what} (${c.explainedBy.link})`);
    else out.push(`- **⚠ UNEXPLAINED: the data shows a change but \`scenarios/${c.scenario}\` has no \`changes:\` entry with a version in (${c.from.slice(1)}, ${c.to.slice(1)}]. Add one (first version and a link) or fix the scenario.**`);
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
  if (data.unclaimed.length) {
    out.push('## Scenarios not in the matrix', '');
    out.push('No spec under `spec/node` claims these scenarios (Lambda scenarios are checked by `spec/lambda`):', '');
    for (const id of data.unclaimed) out.push(`- \`${id}\``);
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

export function scenarioMeta(s: Scenario): ScenarioMeta {
  return { claim: s.claim, tags: s.tags, node: s.node, changes: s.changes };
}
