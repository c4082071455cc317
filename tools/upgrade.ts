// npm run upgrade -- <from> <to> [--only <prefix>] [--fail-on <severities>] [--json] [--md] [--bisect] [--jobs N] [--scenarios <dir>]
//
// What changes for a program moved from one target to another (two Node releases, or Node and
// Bun or Deno, or any binary): every scenario is run alone on both (a bounded number at a time),
// and every claim whose behaviour differs (harness/observation.ts behaviourDiff) is listed with
// both sides, the most consequential first (a hang, then the exit code, then output lost), with
// the release each change came in (between two Node releases): from the scenario's `changes:`
// header and from bisection (`npm run bisect`, or --bisect). With --fail-on it exits 1 when a
// difference in scope is at one of the severities named, so that it can gate a CI job.
import semver from 'semver';
import { changeLabel, confirms, lineOf, spans } from '../harness/changes.ts';
import { whyNotApplicable } from '../harness/applicability.ts';
import type { Scenario } from '../harness/scenario.ts';
import { listScenarios } from '../harness/scenarios.ts';
import { ensureVersions, resolveRelease, type ResolvedRelease } from '../harness/node-binaries.ts';
import { pinnedMajors } from '../harness/pins.ts';
import { SpecError } from '../harness/project.ts';
import { targetName, type Release } from '../harness/target.ts';
import { behaviour, behaviourDiff, behaviourKey, severity, SEVERITY_WORDS, type Behaviour, type FieldDiff, type StoredObservation } from '../harness/observation.ts';
import type { Boundary } from './bisect-core.ts';
import { bisectScenarios, loadSaved, stdioKinds } from './bisect-run.ts';
import { command, failOnLevels, failOnNames, failOnOption, inScope, onlyOption, SCENARIOS_USAGE, scenariosOption, wholeNumber } from './command.ts';
import { jsonObject } from './json.ts';
import { claimKey } from '../harness/records.ts';
import type { StdioKind } from '../harness/stdio.ts';
import { sideBySide } from './markdown.ts';
import { Observer } from './observe.ts';
import { Progress } from './progress.ts';
import { pad, wrap } from './text-width.ts';

const USAGE = `usage: npm run upgrade -- <from> <to> [options]

Runs every scenario alone on both targets and lists each claim whose behaviour differs, both
sides shown, the most consequential first (a hang, then the exit code, then output lost), with
the release each change came in (between two Node releases): from the scenario's \`changes:\`
header ("declared") and, where the scenario has been bisected (npm run bisect, or --bisect),
observed ("bisected"). A claim that behaves the same on both is not listed.

<from> <to>      two targets: a Node major (18: the release pinned in node-versions.json), an
                 exact release (18.20.8), lts (the newest release of the newest LTS line: the
                 newest even major the registry already lists a later major for), latest (the
                 newest release on the registry), .nvmrc or a path to one (the release it names:
                 22, 22.1, 22.1.0, lts/*, lts/<name>, node), engines or a path to a package.json
                 (its engines.node range: the newest pinned release in it, else the newest
                 release on the registry in it), bun, deno, bun@<version>, deno@<version>, or a
                 path to a node, bun or deno binary
--only <prefix>  compare only the scenarios whose id starts with <prefix> (repeatable, or
                 comma-separated)
--fail-on <severities>
                 exit 1 when a claim in scope differs at one of these severities (comma-
                 separated: ${failOnNames().join(', ')}; exit-code is exit); each
                 includes the more consequential ones (--fail-on output also fails on exit and
                 hang). Without it the exit code is 0 whatever differs
--json           print one object (schema 1, tools/json.ts): { schema, from, to, only, failOn,
                 failing, differ: [...], unsteady: [...], notCompared: [...], same }
--md             print Markdown (for an issue or a pull request)
--bisect         bisect each claim that differs, over the lines from <from> to <to>, first
                 (two Node targets only)
--jobs <n>       scenario runs at a time (default: cores, at most 4)
${SCENARIOS_USAGE}
-h, --help       this text

Exit code: 0 ran, nothing at the --fail-on severities; 1 differences at them; 2 bad input.
Progress (runs done/total, elapsed, an estimate of the time left) goes to stderr.`;

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

/** One side of an upgrade, as the report names it: a release, and its binary when it was given by its path. */
export type Side = Release & { binary?: string };

export interface UpgradeReport {
  from: Side;
  to: Side;
  /** The --only prefixes (empty: every scenario). */
  only: string[];
  /** The severities --fail-on fails on (names, most consequential first), or null without --fail-on. */
  failOn: string[] | null;
  /** The claims in `differ` at one of those severities (empty without --fail-on). */
  failing: string[];
  differ: UpgradeItem[];
  /** Differed once, but a second run on one side behaved otherwise: not listed as a change. */
  unsteady: { scenario: string; stdio?: StdioKind; on: ('from' | 'to')[] }[];
  /** Not run on both: outside the scenario's Node range, or not on the runtime, on one side. */
  notCompared: { scenario: string; node: string; why: string }[];
  /** Claims compared and found the same. */
  same: number;
}

const sideOf = (r: ResolvedRelease): Side => ({ runtime: r.runtime, version: r.version, ...(r.path ? { binary: r.path } : {}) });
const resolvedOf = (s: Side): ResolvedRelease => ({ runtime: s.runtime, version: s.version, ...(s.binary ? { path: s.binary } : {}) });
/** "node 22.1.0", "bun 1.4.5" (harness/target.ts targetName), and the binary's path when given by one. */
export const sideLabel = (s: Side): string => `${targetName(s)}${s.binary ? ` (${s.binary})` : ''}`;
/** The title of a report: "node 18.20.8 -> node 22.23.3", "node 22.23.3 -> bun 1.4.5". */
const title = (r: UpgradeReport, arrow: string): string => `${sideLabel(r.from)} ${arrow} ${sideLabel(r.to)}`;
/** A column head: "node 22.23.3", "bun 1.4.5". */
const head = (s: Side, _r: UpgradeReport): string => targetName(s);

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
  /** What a person typed, as a release (harness/node-binaries.ts resolveRelease: nothing fetched). */
  resolve(typed: string): Promise<ResolvedRelease>;
  /** Makes both targets ready (the default fetches their binaries) before anything runs. */
  prepare(from: ResolvedRelease, to: ResolvedRelease): Promise<void>;
  /** What `s` does on a target (with stdout of kind `stdio`, for a scenario that states several); `fresh`: run it again rather than reuse the first observation. */
  observe(s: Scenario, on: ResolvedRelease, fresh: boolean, stdio?: StdioKind): Promise<StoredObservation>;
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
    resolve: (typed) => resolveRelease(typed),
    prepare: async (from, to) => {
      // The Node releases of both looked up on the registry before either is fetched.
      const nodes = [from, to].filter((r) => r.runtime === 'node' && !r.path).map((r) => r.version);
      if (nodes.length) await ensureVersions(nodes);
      await Promise.all([observer.target(from), observer.target(to)]);
    },
    observe: (s, on, fresh, stdio) => observer.observe(s, on, fresh, stdio),
    bisect: async (scenarios, majors) => {
      const out = new Map<string, Boundary[]>();
      for (const r of await bisectScenarios(scenarios, { majors, jobs: o.jobs, progress: say, observer })) out.set(r.scenario.id, r.result.boundaries);
      return out;
    },
    saved: (s) => loadSaved(s.id, s.hash),
    scenarios: () => listScenarios(),
  };
}

export interface UpgradeOptions {
  jobs?: number;
  bisect?: boolean;
  /** Scenario id prefixes in scope (tools/command.ts onlyOption); empty or absent: every scenario. */
  only?: readonly string[];
  /** The --fail-on threshold (tools/command.ts failOnOption): the least consequential severity that fails. */
  failOn?: number;
  /** Lines that stay (what is about to happen). */
  progress?: (l: string) => void;
  /** Runs planned: once for the first run on both sides, again for the second run of each difference. */
  onPlanned?: (runs: number) => void;
  /** Each scenario run, as it ends. */
  onRun?: () => void;
  runner?: UpgradeRunner;
}

export async function upgrade(fromTyped: string, toTyped: string, o: UpgradeOptions = {}): Promise<UpgradeReport> {
  const say = o.progress ?? (() => {});
  const runner = o.runner ?? realRunner(o);
  // Everything typed is checked before anything is fetched: a typo costs no download.
  const from = await runner.resolve(fromTyped), to = await runner.resolve(toTyped);
  // The same binary on both sides: every claim would "behave the same", a comparison of nothing.
  if (from.runtime === to.runtime && from.version === to.version && from.path === to.path) throw new SpecError(`nothing to compare: both sides are ${sideLabel(sideOf(from))}`);
  const only = o.only?.length ? onlyOption(o.only, runner.scenarios().map((s) => s.id)) : [];
  const nodes = from.runtime === 'node' && to.runtime === 'node';
  if (o.bisect && !nodes) throw new SpecError(`--bisect bisects Node releases: ${sideLabel(sideOf(from))} -> ${sideLabel(sideOf(to))} is not two of them`);
  await runner.prepare(from, to);
  const scenarios = runner.scenarios().filter((s) => inScope(s.id, only) && (s.runtimes.includes(from.runtime) || s.runtimes.includes(to.runtime)));
  const why = (s: Scenario) => whyNotApplicable(s, from) ?? whyNotApplicable(s, to);
  const both = scenarios.filter((s) => !why(s));
  const notCompared = scenarios.filter((s) => why(s)).map((s) => ({ scenario: s.id, node: s.node, why: why(s)! }));
  say(`running ${both.length} scenario(s) on ${sideLabel(sideOf(from))} and ${sideLabel(sideOf(to))}${only.length ? ` (only ${only.join(', ')})` : ''}${notCompared.length ? ` (${notCompared.length} not compared: n.a. on one side or both)` : ''}`);
  // A scenario that states several stdout kinds is compared on each, each a claim of its own.
  const subjects = both.flatMap((s) => stdioKinds(s).map((stdio) => ({ s, stdio })));
  o.onPlanned?.(subjects.length * 2);
  const observe = async (s: Scenario, on: ResolvedRelease, fresh: boolean, stdio: StdioKind | undefined) => {
    const r = await runner.observe(s, on, fresh, stdio);
    o.onRun?.();
    return r;
  };
  const obs = await Promise.all(subjects.map(({ s, stdio }) => Promise.all([observe(s, from, false, stdio), observe(s, to, false, stdio)])));
  const differing = subjects.map(({ s, stdio }, i) => ({ s, stdio, a: obs[i]![0], b: obs[i]![1] })).filter((x) => behaviourDiff(x.a, x.b).length);
  if (differing.length) {
    say(`${differing.length} differ; running each of them once more on both`);
    o.onPlanned?.(differing.length * 2);
  }
  const steady: typeof differing = [];
  const unsteady: UpgradeReport['unsteady'] = [];
  await Promise.all(differing.map(async (x) => {
    const [a2, b2] = await Promise.all([observe(x.s, from, true, x.stdio), observe(x.s, to, true, x.stdio)]);
    const moved = ([['from', x.a, a2], ['to', x.b, b2]] as const).filter(([, p, q]) => behaviourKey(p) !== behaviourKey(q)).map(([side]) => side);
    if (moved.length) unsteady.push({ scenario: x.s.id, ...(x.stdio ? { stdio: x.stdio } : {}), on: [...moved] });
    else steady.push(x);
  }));
  const bisected = new Map<string, { majors: string[]; boundaries: Boundary[] }>();
  const [lo, hi] = nodes ? (semver.lte(from.version, to.version) ? [from.version, to.version] : [to.version, from.version]) : ['', ''];
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
      before: behaviour(a), after: behaviour(b), changes: nodes ? changeNotes(s, lo, hi, mine) : [],
    };
  }).sort((x, y) => y.severity - x.severity || (claimKey(x) < claimKey(y) ? -1 : 1));
  unsteady.sort((x, y) => (claimKey(x) < claimKey(y) ? -1 : 1));
  const failOn = o.failOn === undefined ? null : failOnLevels(o.failOn);
  const failing = o.failOn === undefined ? [] : differ.filter((d) => d.severity >= o.failOn!).map((d) => claimKey(d));
  return { from: sideOf(from), to: sideOf(to), only, failOn, failing, differ, unsteady, notCompared, same: subjects.length - differing.length };
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

/** Where a report says which side was unsteady. */
const onText = (r: UpgradeReport, on: ('from' | 'to')[]) => on.map((x) => head(r[x], r)).join(' and ');

export function textReport(r: UpgradeReport, width = Math.max(80, Math.min(process.stdout.columns || 120, 200))): string {
  const scope = r.only.length ? ` (only ${r.only.join(', ')})` : '';
  const out: string[] = [`${title(r, '->')}${scope}: ${r.differ.length} claim(s) behave differently, ${r.same} the same${r.unsteady.length ? `, ${r.unsteady.length} unsteady` : ''}${r.notCompared.length ? `, ${r.notCompared.length} not compared` : ''}.`];
  const col = Math.floor((width - 18) / 2);
  r.differ.forEach((d, i) => {
    out.push('', `${i + 1}. ${claimKey(d)}  [${d.level}]`, `   ${d.claim}`);
    out.push(`   ${''.padEnd(12)}  ${pad(head(r.from, r), col)}  ${head(r.to, r)}`);
    for (const f of d.diff) {
      const a = lines(f.before).flatMap((l) => wrap(l, col)), b = lines(f.after).flatMap((l) => wrap(l, col));
      for (let k = 0; k < Math.max(a.length, b.length); k++) out.push(`   ${(k ? '' : f.field).padEnd(12)}  ${pad(a[k] ?? '', col)}  ${b[k] ?? ''}`.trimEnd());
    }
    if (d.changes.length) d.changes.forEach((c, k) => out.push(`   ${k ? '       ' : 'since: '}${noteText(c)}`));
    else if (r.from.runtime === 'node' && r.to.runtime === 'node') out.push('   since: no `changes:` entry and no bisection (npm run bisect -- ' + d.scenario + ')');
  });
  if (r.unsteady.length) out.push('', 'Unsteady (a second run behaved otherwise; not listed as changes):', ...r.unsteady.map((u) => `  ${claimKey(u)} on ${onText(r, u.on)}`));
  if (r.notCompared.length) out.push('', `Not compared (n.a. on one side or both): ${r.notCompared.map((n) => `${n.scenario} (${n.why})`).join(', ')}`);
  if (r.failOn) out.push('', r.failing.length ? `FAIL (--fail-on ${r.failOn.join(',')}): ${r.failing.length} claim(s) differ at those severities: ${r.failing.join(', ')}` : `ok (--fail-on ${r.failOn.join(',')}): no claim differs at those severities`);
  return out.join('\n') + '\n';
}

export function markdownReport(r: UpgradeReport): string {
  const out = [`# ${title(r, '→')}`, '', `${r.differ.length} claim(s) behave differently, ${r.same} the same${r.only.length ? ` (only ${r.only.map((p) => `\`${p}\``).join(', ')})` : ''}. Most consequential first (a hang, then the exit code, then output).`, ''];
  if (r.failOn) out.push(r.failing.length ? `**Fails** \`--fail-on ${r.failOn.join(',')}\`: ${r.failing.map((id) => `\`${id}\``).join(', ')}.` : `Passes \`--fail-on ${r.failOn.join(',')}\`.`, '');
  for (const d of r.differ) {
    out.push(`## \`${claimKey(d)}\` (${d.level})`, '', `> ${d.claim}`, '', ...sideBySide([head(r.from, r), head(r.to, r)], d.diff.map((f) => ({ field: f.field, before: lines(f.before), after: lines(f.after) }))));
    out.push('');
    for (const c of d.changes) out.push(`- ${c.link ? noteText({ ...c, link: undefined }) + ` ([link](${c.link}))` : noteText(c)}`);
    if (!d.changes.length && r.from.runtime === 'node' && r.to.runtime === 'node') out.push('- no `changes:` entry and not bisected');
    out.push('');
  }
  if (r.unsteady.length) out.push('## Unsteady', '', ...r.unsteady.map((u) => `- \`${claimKey(u)}\` on ${onText(r, u.on)}`), '');
  if (r.notCompared.length) out.push('## Not compared', '', ...r.notCompared.map((n) => `- \`${n.scenario}\` (${n.why})`), '');
  return out.join('\n');
}

export const spec = command({
  name: 'upgrade',
  usage: USAGE,
  positionals: true,
  options: { only: { type: 'string', multiple: true }, 'fail-on': { type: 'string', multiple: true }, json: { type: 'boolean' }, md: { type: 'boolean' }, bisect: { type: 'boolean' }, jobs: { type: 'string' }, scenarios: { type: 'string', multiple: true } },
  async run(v, args) {
    if (args.length !== 2) throw new SpecError(`give two targets, <from> <to> (got ${args.length}; see --help)`);
    if (v.json && v.md) throw new SpecError('--json and --md: choose one');
    const failOn = failOnOption(v['fail-on']);
    const jobs = wholeNumber('jobs', v.jobs, 1);
    scenariosOption(v.scenarios);
    const progress = new Progress('upgrade', 'runs', 0);
    const r = await upgrade(args[0]!, args[1]!, {
      jobs, bisect: v.bisect, only: v.only, failOn,
      progress: (l) => progress.say(l),
      onPlanned: (n) => progress.grow(n),
      onRun: () => progress.step(),
    }).finally(() => progress.clear());
    process.stdout.write(v.json ? jsonObject(r) : v.md ? markdownReport(r) : textReport(r));
    if (r.failOn) process.stderr.write(r.failing.length ? `upgrade: ${r.failing.length} claim(s) differ at ${r.failOn.join(', ')} (--fail-on): exit 1\n` : `upgrade: no claim differs at ${r.failOn.join(', ')} (--fail-on)\n`);
    return r.failing.length ? 1 : 0;
  },
}, import.meta.url);
