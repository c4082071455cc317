// npm run upgrade -- <from> <to> [--json] [--md] [--bisect] [--jobs N]
//
// What changes for a program moved from one Node release to another: every scenario is run
// alone on both (a bounded number at a time), and every claim whose behaviour differs
// (harness/observation.ts behaviourDiff) is listed with both sides, the most consequential
// first (a hang, then the exit code, then output lost), with the release each change came in:
// from the scenario's `changes:` header and from bisection (`npm run bisect`, or --bisect).
import semver from 'semver';
import { changeLabel, confirms, lineOf, spans } from '../harness/changes.ts';
import { appliesTo } from '../harness/applicability.ts';
import type { Scenario } from '../harness/scenario.ts';
import { listScenarios } from '../harness/scenarios.ts';
import { ensureVersions } from '../harness/node-binaries.ts';
import { pinFor, pinnedMajors } from '../harness/pins.ts';
import { SpecError } from '../harness/project.ts';
import { parseTyped } from '../harness/target.ts';
import { behaviour, behaviourDiff, behaviourKey, severity, SEVERITY_WORDS, type Behaviour, type FieldDiff, type StoredObservation } from '../harness/observation.ts';
import type { Boundary } from './bisect-core.ts';
import { bisectScenarios, loadSaved, stdioKinds } from './bisect-run.ts';
import { claimKey } from '../harness/records.ts';
import type { StdioKind } from '../harness/stdio.ts';
import { command, wholeNumber } from './command.ts';
import { sideBySide } from './markdown.ts';
import { Observer } from './observe.ts';
import { pad, wrap } from './text-width.ts';

const USAGE = `usage: npm run upgrade -- <from> <to> [options]

Runs every scenario alone on both Node releases and lists each claim whose behaviour differs,
both sides shown, the most consequential first (a hang, then the exit code, then output lost),
with the release each change came in: from the scenario's \`changes:\` header ("declared") and,
where the scenario has been bisected (npm run bisect, or --bisect), observed ("bisected").
A claim that behaves the same on both is not listed.

<from> <to>      majors (18: the release pinned in node-versions.json) or exact releases (18.20.8)
--json           print { from, to, differ: [...], unsteady: [...], notCompared: [...] }
--md             print Markdown (for an issue or a pull request)
--bisect         bisect each claim that differs, over the lines from <from> to <to>, first
--jobs <n>       scenario runs at a time (default: cores, at most 4)
-h, --help       this text`;

/** A first release for one change: from the header, from bisection, or both. */
export interface ChangeNote {
  first: string;
  /** For a bisected change: the last release before it. */
  before?: string;
  /** Releases the registry lacks between before and first (the change may be in one of them). */
  missing?: string[];
  what?: string;
  link?: string;
  /**
   * declared only: the header says so, its line was not bisected; not found by bisection: the
   * header says so but bisecting its line found no boundary there; bisected: observed, and the
   * header agrees; bisected only: observed, no header entry.
   */
  status: 'declared only' | 'not found by bisection' | 'bisected' | 'bisected only';
}

export interface UpgradeItem {
  scenario: string;
  /** The stdout kind, for a scenario that states kinds: each kind is compared on its own. */
  stdio?: StdioKind;
  claim: string;
  severity: number;
  level: string;
  fields: string[];
  diff: FieldDiff[];
  before: Behaviour;
  after: Behaviour;
  changes: ChangeNote[];
}

export interface UpgradeReport {
  from: string;
  to: string;
  differ: UpgradeItem[];
  /** Differed once, but a second run on one side behaved otherwise: not listed as a change. */
  unsteady: { scenario: string; stdio?: StdioKind; on: string[] }[];
  /** Not run on both: outside the scenario's Node range on one side. */
  notCompared: { scenario: string; node: string }[];
  /** Claims compared and found the same. */
  same: number;
}

/** The exact Node release a typed version names (a pinned major or x.y.z; harness/target.ts parseTyped), checked before anything is fetched. */
export function exactRelease(spec: string): string {
  const t = parseTyped(spec);
  if (t.kind === 'major') return pinFor(spec, t.major);
  if (t.kind === 'release' && t.release.runtime === 'node') return t.release.version;
  throw new SpecError(`unknown Node version ${JSON.stringify(spec)}: give a major (22) or an exact release (22.15.0)`);
}

/** The header's entries and the bisected boundaries that fall between two releases (what an entry means: harness/changes.ts). */
export function changeNotes(s: Scenario, lo: string, hi: string, bisected: { majors: string[]; boundaries: Boundary[] } | undefined): ChangeNote[] {
  const boundaries = bisected?.boundaries;
  const inSpan = (v: string) => semver.gt(v, lo) && semver.lte(v, hi);
  const declared = s.changes.filter((c) => spans(c, lo, hi));
  const out: ChangeNote[] = [];
  const used = new Set<number>();
  for (const b of (boundaries ?? []).filter((x) => inSpan(x.first))) {
    const i = declared.findIndex((c, k) => !used.has(k) && confirms(c, b));
    if (i >= 0) used.add(i);
    const c = i >= 0 ? declared[i] : undefined;
    out.push({ first: b.first, before: b.before, ...(b.missing.length ? { missing: b.missing } : {}), ...(c ? { what: c.what, link: c.link } : {}), status: c ? 'bisected' : 'bisected only' });
  }
  declared.forEach((c, k) => {
    if (!used.has(k)) out.push({ first: changeLabel(c), what: c.what, link: c.link, status: bisected?.majors.includes(lineOf(c)) ? 'not found by bisection' : 'declared only' });
  });
  return out.sort((a, b) => (semver.valid(a.first) && semver.valid(b.first) ? semver.compare(a.first, b.first) : a.first < b.first ? -1 : 1));
}


/**
 * What upgrade() runs, as parameters: the defaults fetch binaries and run every scenario alone on
 * both releases; tests give made-up histories instead (spec/tooling/upgrade.spec.ts).
 */
export interface UpgradeRunner {
  /** Makes both releases ready (the default fetches their binaries) before anything runs. */
  prepare(from: string, to: string): Promise<void>;
  /** What `s` does on `version` (with stdout of kind `stdio`, for a scenario that states several); `fresh`: run it again rather than reuse the first observation. */
  observe(s: Scenario, version: string, fresh: boolean, stdio?: StdioKind): Promise<StoredObservation>;
  /** Bisects the claims that differ over `majors`. */
  bisect(scenarios: Scenario[], majors: string[]): Promise<Map<string, Boundary[]>>;
  /** What an earlier `npm run bisect` saved for a scenario. */
  saved(s: Scenario): { majors: string[]; boundaries: Boundary[] } | undefined;
  /** The scenarios to compare. */
  scenarios(): Scenario[];
}

/** The runner of `npm run upgrade`: binaries from the registry, every scenario run alone. */
export function realRunner(o: { jobs?: number; progress?: (l: string) => void } = {}): UpgradeRunner {
  const say = o.progress ?? (() => {});
  const observer = new Observer({ jobs: o.jobs }); // each fetch announces itself (harness/npm-registry.ts)
  return {
    prepare: async (from, to) => {
      await ensureVersions([from, to]); // both looked up before either is fetched
      await Promise.all([observer.target(from), observer.target(to)]);
    },
    observe: (s, v, fresh, stdio) => observer.observe(s, v, fresh, stdio),
    bisect: async (scenarios, majors) => {
      const out = new Map<string, Boundary[]>();
      for (const r of await bisectScenarios(scenarios, { majors, jobs: o.jobs, progress: say, observer })) out.set(r.scenario.id, r.result.boundaries);
      return out;
    },
    saved: (s) => loadSaved(s.id, s.hash),
    scenarios: () => listScenarios(),
  };
}

export async function upgrade(fromSpec: string, toSpec: string, o: { jobs?: number; bisect?: boolean; progress?: (l: string) => void; runner?: UpgradeRunner } = {}): Promise<UpgradeReport> {
  const say = o.progress ?? (() => {});
  // Both versions are checked before either is fetched: a typo costs no download.
  const fv = exactRelease(fromSpec), tv = exactRelease(toSpec);
  const runner = o.runner ?? realRunner(o);
  await runner.prepare(fv, tv);
  const scenarios = runner.scenarios().filter((s) => s.runtimes.includes('node'));
  const both = scenarios.filter((s) => appliesTo(s, fv) && appliesTo(s, tv));
  const notCompared = scenarios.filter((s) => !both.includes(s)).map((s) => ({ scenario: s.id, node: s.node }));
  say(`running ${both.length} scenario(s) on ${fv} and ${tv}${notCompared.length ? ` (${notCompared.length} apply to only one of them)` : ''}`);
  let done = 0;
  // A scenario that states several stdout kinds is compared on each, each a claim of its own.
  const subjects = both.flatMap((s) => stdioKinds(s).map((stdio) => ({ s, stdio })));
  const obs = await Promise.all(subjects.map(async ({ s, stdio }) => {
    const r = await Promise.all([runner.observe(s, fv, false, stdio), runner.observe(s, tv, false, stdio)]);
    if (++done % 20 === 0) say(`${done}/${subjects.length} compared`);
    return r;
  }));
  const differing = subjects.map(({ s, stdio }, i) => ({ s, stdio, a: obs[i]![0], b: obs[i]![1] })).filter((x) => behaviourDiff(x.a, x.b).length);
  say(`${differing.length} differ; running each of them once more on both`);
  const steady: typeof differing = [];
  const unsteady: UpgradeReport['unsteady'] = [];
  await Promise.all(differing.map(async (x) => {
    const [a2, b2] = await Promise.all([runner.observe(x.s, fv, true, x.stdio), runner.observe(x.s, tv, true, x.stdio)]);
    const moved = [[fv, x.a, a2], [tv, x.b, b2]].filter(([, p, q]) => behaviourKey(p as StoredObservation) !== behaviourKey(q as StoredObservation)).map(([v]) => v as string);
    if (moved.length) unsteady.push({ scenario: x.s.id, ...(x.stdio ? { stdio: x.stdio } : {}), on: moved });
    else steady.push(x);
  }));
  const [lo, hi] = semver.lte(fv, tv) ? [fv, tv] : [tv, fv];
  const bisected = new Map<string, { majors: string[]; boundaries: Boundary[] }>();
  if (o.bisect && steady.length) {
    const majors = pinnedMajors().filter((m) => Number(m) >= semver.major(lo) && Number(m) <= semver.major(hi));
    say(`bisecting ${steady.length} claim(s) over the lines ${majors.join(', ')}`);
    for (const [id, boundaries] of await runner.bisect([...new Set(steady.map((x) => x.s))], majors)) bisected.set(id, { majors, boundaries });
  }
  const differ: UpgradeItem[] = steady.map(({ s, stdio, a, b }) => {
    const diff = behaviourDiff(a, b);
    const sev = severity(diff);
    // A kind's boundaries: those bisected on it (a scenario that states kinds is bisected per kind).
    const found = bisected.get(s.id) ?? runner.saved(s);
    const mine = found && stdio ? { ...found, boundaries: found.boundaries.filter((x) => x.stdio === stdio) } : found;
    return {
      scenario: s.id, ...(stdio ? { stdio } : {}), claim: s.claim, severity: sev, level: SEVERITY_WORDS[sev]!, fields: diff.map((d) => d.field), diff,
      before: behaviour(a), after: behaviour(b), changes: changeNotes(s, lo, hi, mine),
    };
  }).sort((x, y) => y.severity - x.severity || (claimKey(x) < claimKey(y) ? -1 : 1));
  unsteady.sort((x, y) => (claimKey(x) < claimKey(y) ? -1 : 1));
  return { from: fv, to: tv, differ, unsteady, notCompared, same: subjects.length - differing.length };
}

// ---- output ---------------------------------------------------------------------------------------

function lines(v: unknown): string[] {
  if (v === null) return ['(unknown)'];
  if (Array.isArray(v)) return v.length ? v.map(String) : ['(none)'];
  if (typeof v === 'string') return v === '' ? ['(nothing)'] : v.replace(/\n$/, '').split('\n');
  return [String(v)];
}

function noteText(c: ChangeNote): string {
  const where = c.status === 'declared only' ? `${c.first} (declared only: not bisected)`
    : c.status === 'not found by bisection' ? `${c.first} (declared, but bisecting its line found no change there)`
    : `${c.first} (${c.status}: ${c.before} -> ${c.first}${c.missing?.length ? `; the registry lacks ${c.missing.join(', ')}` : ''})`;
  return `${where}${c.what ? ` — ${c.what}` : ''}${c.link ? ` ${c.link}` : ''}`;
}

export function textReport(r: UpgradeReport, width = Math.max(80, Math.min(process.stdout.columns || 120, 200))): string {
  const out: string[] = [`Node ${r.from} -> ${r.to}: ${r.differ.length} claim(s) behave differently, ${r.same} the same${r.unsteady.length ? `, ${r.unsteady.length} unsteady` : ''}${r.notCompared.length ? `, ${r.notCompared.length} not compared` : ''}.`];
  const col = Math.floor((width - 18) / 2);
  r.differ.forEach((d, i) => {
    out.push('', `${i + 1}. ${claimKey(d)}  [${d.level}]`, `   ${d.claim}`);
    out.push(`   ${''.padEnd(12)}  ${pad(r.from, col)}  ${r.to}`);
    for (const f of d.diff) {
      const a = lines(f.before).flatMap((l) => wrap(l, col)), b = lines(f.after).flatMap((l) => wrap(l, col));
      for (let k = 0; k < Math.max(a.length, b.length); k++) out.push(`   ${(k ? '' : f.field).padEnd(12)}  ${pad(a[k] ?? '', col)}  ${b[k] ?? ''}`.trimEnd());
    }
    if (d.changes.length) d.changes.forEach((c, k) => out.push(`   ${k ? '       ' : 'since: '}${noteText(c)}`));
    else out.push('   since: no `changes:` entry and no bisection (npm run bisect -- ' + d.scenario + ')');
  });
  if (r.unsteady.length) out.push('', 'Unsteady (a second run behaved otherwise; not listed as changes):', ...r.unsteady.map((u) => `  ${claimKey(u)} on ${u.on.join(' and ')}`));
  if (r.notCompared.length) out.push('', `Not compared (outside their Node range on one side): ${r.notCompared.map((n) => `${n.scenario} (${n.node})`).join(', ')}`);
  return out.join('\n') + '\n';
}

export function markdownReport(r: UpgradeReport): string {
  const out = [`# Node ${r.from} → ${r.to}`, '', `${r.differ.length} claim(s) behave differently, ${r.same} the same. Most consequential first (a hang, then the exit code, then output).`, ''];
  for (const d of r.differ) {
    out.push(`## \`${claimKey(d)}\` (${d.level})`, '', `> ${d.claim}`, '', ...sideBySide([r.from, r.to], d.diff.map((f) => ({ field: f.field, before: lines(f.before), after: lines(f.after) }))));
    out.push('');
    for (const c of d.changes) out.push(`- ${c.link ? noteText({ ...c, link: undefined }) + ` ([link](${c.link}))` : noteText(c)}`);
    if (!d.changes.length) out.push('- no `changes:` entry and not bisected');
    out.push('');
  }
  if (r.unsteady.length) out.push('## Unsteady', '', ...r.unsteady.map((u) => `- \`${claimKey(u)}\` on ${u.on.join(' and ')}`), '');
  if (r.notCompared.length) out.push('## Not compared', '', ...r.notCompared.map((n) => `- \`${n.scenario}\` (Node ${n.node})`), '');
  return out.join('\n');
}

export const spec = command({
  name: 'upgrade',
  usage: USAGE,
  positionals: true,
  options: { json: { type: 'boolean' }, md: { type: 'boolean' }, bisect: { type: 'boolean' }, jobs: { type: 'string' } },
  async run(v, args) {
    if (args.length !== 2) throw new SpecError(`give two Node versions, <from> <to> (got ${args.length}; see --help)`);
    if (v.json && v.md) throw new SpecError('--json and --md: choose one');
    const r = await upgrade(args[0]!, args[1]!, { jobs: wholeNumber('jobs', v.jobs, 1), bisect: v.bisect, progress: (l) => process.stderr.write(`upgrade: ${l}\n`) });
    process.stdout.write(v.json ? JSON.stringify(r, null, 2) + '\n' : v.md ? markdownReport(r) : textReport(r));
    return 0;
  },
}, import.meta.url);
