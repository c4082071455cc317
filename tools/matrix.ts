// npm run matrix -- [targets...] [--latest] [--only <prefix>] [--out <dir>] [--jobs <n>] [--reuse] [--scenarios <dir>]
//                   [--all-releases [--major <n>]] [--boundaries [--major <n>] [--list [--json]]]
//
// Runs `vitest run spec/node` once per target (tools/vitest-run.ts), several versions at a time,
// reads each claim's record (scenario id, verdict, observation: harness/results-reporter.ts) and
// writes <out>/node-<version>.json, <out>/matrix.json and <out>/report.md. The logic that turns
// results into the "what changed" list lives in tools/matrix-data.ts, the tables and reports in
// tools/matrix-render.ts.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { changeLabel } from '../harness/changes.ts';
import { claimKey } from '../harness/records.ts';
import { appliesTo } from '../harness/applicability.ts';
import { ROOT, SpecError } from '../harness/project.ts';
import type { Scenario } from '../harness/scenario.ts';
import { listScenarios } from '../harness/scenarios.ts';
import { ensureVersion, resolveTarget, type Target } from '../harness/node-binaries.ts';
import { pinnedMajors, referenceNode } from '../harness/pins.ts';
import { parseTarget, printNode, printTarget, targetFileStem, targetLabel, targetName } from '../harness/target.ts';
import { sortVersions, stableJson } from '../harness/observation.ts';
import { signalExitCode } from '../harness/procs.ts';
import { registryReleases, releasesOf } from '../harness/releases.ts';
import { boundariesMarkdown, boundaryListText, boundaryPlan, claimRanges, judgeBoundaries, listed, specBoundaries } from './boundaries.ts';
import { command, folderOption, majorsOption, makeFolders, SCENARIOS_USAGE, scenariosOption, wholeNumber } from './command.ts';
import { ownRecords } from './matrix-own.ts';
import { matrixData, problems, skippedClaims, versionResult, type MatrixData, type VersionResult } from './matrix-data.ts';
import { describeChangeShort, markdownReport, terminalCompatibility, terminalTable } from './matrix-render.ts';
import { ProgressView, type Progress } from './matrix-progress.ts';
import { pool } from './pool.ts';
import { collectVitest, runVitest, stopVitest } from './vitest-run.ts';
import { jsonObject } from './json.ts';

const USAGE = `usage: npm run matrix -- [targets...] [options]

Runs spec/node under each target Node version and writes results/ (per-version JSON,
matrix.json, report.md). Exits non-zero if a pinned expectation fails or an observed
behaviour change is not explained by the scenario's \`changes:\` header.

targets          majors (22, pinned in node-versions.json), exact versions (18.20.8) or paths
                 to node binaries; default: every major pinned in node-versions.json. Also bun,
                 deno (runtime-versions.json), bun@<version>, deno@<version>: each gets a
                 compatibility section against the newest pinned Node (which then runs too)
--latest         resolve each major to its newest release on the npm registry instead of the pin
--only <prefix>  run only the scenarios whose id starts with <prefix> (repeatable)
--out <dir>      where to write the results (default: results)
--jobs <n>       versions run in parallel (default: the number of CPU cores)
--version-timeout <min>  give up on a version whose run takes longer (default: 30)
--reuse          run nothing: rebuild matrix.json and report.md from the node-*.json in --out
                 (e.g. after editing a scenario's \`changes:\` header, or to merge the node-*.json
                 of several runs into one report)
--all-releases   every release of every pinned major on the npm registry, not just the pins
--boundaries     only the releases on either side of every boundary the spec states (each
                 \`changes:\` entry, each byNode range a claim in spec/node evaluated), each with
                 only the claims whose boundary it is; fails if a claim fails there. Writes
                 <out>/boundaries.md and boundaries.json (default --out: results/boundaries)
--list           with --boundaries: print the boundaries it would check (claim, release line,
                 the release on each side) and run nothing
--json           with --list: print them as JSON ({ schema: 1, boundaries: [...], releases: [...] })
--major <n>      with --all-releases or --boundaries: only these major lines (repeatable)
${SCENARIOS_USAGE}; with
                 no claim in spec/node, each is run on each target after its spec and passes
                 once it ran (its changes between versions are checked like any other's)
-h, --help       this text`;

interface Args { targets: string[]; latest: boolean; only: string[]; own: Scenario[]; out: string; outMissing: string[]; jobs?: number; versionTimeoutMin: number; reuse: boolean; allReleases: boolean; boundaries: boolean; majors: string[]; list?: 'text' | 'json' }

async function resolveTargets(list: string[], latest: boolean): Promise<Target[]> {
  // --latest: a major is the newest release in the registry's list (harness/releases.ts), asked afresh.
  const releases = latest ? await registryReleases({ refresh: true }) : undefined;
  const newest = releases && ((major: string) => {
    const v = releasesOf(releases, major).at(-1);
    if (!v) throw new SpecError(`Node ${major}: the npm registry has no release for major ${major}`);
    return v;
  });
  return pool(list, 4, (t) => resolveTarget(t, newest ? { major: newest } : {}));
}

// ---------------------------------------------------------------------------------------------

/** Per-version results file of a printed target: node-22.1.0.json, bun-1.4.5.json, deno-2.9.6.json. */
const resultFile = (v: string) => `${targetFileStem(parseTarget(v)!)}.json`;
const RESULT_FILE = /^(node|bun|deno)-.*\.json$/;

function finish(all: string[], allResults: VersionResult[], selected: Scenario[], args: { only: string[]; reuse: boolean }, out: string) {
  const data = matrixData(allResults, selected, { only: args.only, reference: referenceNode() });

  if (!args.reuse) for (const v of all) writeFileSync(join(out, resultFile(v)), stableJson(allResults[all.indexOf(v)]));
  writeFileSync(join(out, 'matrix.json'), stableJson(data));
  writeFileSync(join(out, 'report.md'), markdownReport(data));

  const w = (s: string) => process.stdout.write(s);
  w('\n' + terminalTable(data));
  w('\nΔ = observed behaviour differs from the previous version; adjacent identical versions share a column.\n');
  if (data.changes.length) {
    w('\nWhat changed between versions:\n');
    for (const c of data.changes) {
      w(`  ${claimKey(c)}: ${targetLabel(c.from)} -> ${targetLabel(c.to)}${c.explainedBy ? ` (${changeLabel(c.explainedBy)}: ${c.explainedBy.what}; ${c.explainedBy.link})` : '  ** UNEXPLAINED: no changes: entry in the scenario header **'}\n`);
      for (const l of describeChangeShort(c)) w(`      ${l}\n`);
    }
  }
  for (const c of data.compatibility ?? []) w('\n' + terminalCompatibility(c));
  if (data.runtimes && !data.compatibility?.length) w(`\nNo compatibility section: ${targetLabel(data.reference ?? '')} was not run.\n`);
  if (data.unclaimed.length) w(`\nNot claimed by any spec in spec/node: ${data.unclaimed.join(', ')}\n`);
  for (const x of skippedClaims(data)) w(`\nSkipped (not a failure, not checked): ${x.scenario} on ${x.target}: ${x.reason ?? 'no reason given'}`);
  const probs = problems(data);
  w(`\nWrote ${relative(process.cwd(), join(out, 'matrix.json'))}, ${relative(process.cwd(), join(out, 'report.md'))} and ${all.length} <runtime>-<version>.json file(s).\n`);
  if (probs.length) {
    process.stderr.write(`\nmatrix: FAILED (${probs.length} problem(s)):\n${probs.map((p) => `  - ${p.text.split('\n')[0]}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    w(`matrix: all ${all.length} version(s) pass or n.a.; every observed change is explained.\n`);
  }
}

/** --reuse: the node-*.json of an earlier run, read back. */
function reuse(args: Args) {
  if (args.targets.length || args.latest) throw new SpecError('--reuse runs nothing: it takes no versions and no --latest');
  const out = resolve(args.out);
  const files = existsSync(out) ? readdirSync(out).filter((f) => RESULT_FILE.test(f)) : [];
  if (!files.length) throw new SpecError(`--reuse: no node-<version>.json in ${relative(process.cwd(), out) || '.'}; run the matrix first`);
  const scenarios = hasSpec() ? listScenarios() : args.own;
  const results = files.map((f) => JSON.parse(readFileSync(join(out, f), 'utf8')) as VersionResult);
  const versions = sortVersions(results.map((r) => r.node));
  const byNode = new Map(results.map((r) => [r.node, r]));
  const prev = existsSync(join(out, 'matrix.json')) ? (JSON.parse(readFileSync(join(out, 'matrix.json'), 'utf8')) as MatrixData) : undefined;
  const only = args.only.length ? args.only : (prev?.only ?? []);
  const selected = only.length ? scenarios.filter((s) => only.some((p) => s.id.startsWith(p))) : scenarios;
  finish(versions, versions.map((v) => byNode.get(v)!), selected, { ...args, only }, out);
}

/**
 * Whether the spec's claims are here to run (a clone). The installed package (packages/cli) has
 * the scenarios but not spec/node nor vitest: there the matrix runs a team's own scenarios alone.
 */
const hasSpec = () => existsSync(join(ROOT, 'spec', 'node'));

async function run(args: Args): Promise<number> {
  if (!hasSpec()) {
    if (!args.own.length) throw new SpecError('this installed package runs the matrix on your own scenarios only (--scenarios <dir>): the project\'s claims (spec/node) run in a clone, npm run matrix');
    if (args.boundaries) throw new SpecError('--boundaries reads the claims of spec/node, which this installed package leaves out: run it in a clone');
  }
  if (args.reuse) {
    reuse(args);
    return Number(process.exitCode ?? 0);
  }
  // What can be checked without the registry or a binary is checked first.
  // Installed: the team's scenarios alone (the project's are claimed by spec/node, not here).
  const scenarios = hasSpec() ? listScenarios() : args.own;
  for (const p of args.only) if (!scenarios.some((s) => s.id.startsWith(p))) throw new SpecError(`--only ${p}: no scenario id starts with ${JSON.stringify(p)}`);
  const selected = args.only.length ? scenarios.filter((s) => args.only.some((p) => s.id.startsWith(p))) : scenarios;

  // Signals are handled from here on: while binaries are fetched, and while vitest runs.
  let stopping = false;
  let view: ProgressView | undefined;
  const onSignal = async (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    view?.stop();
    process.stderr.write(`\nmatrix: ${sig}: stopping the runs...\n`);
    await stopAll();
    process.exit(signalExitCode(sig));
  };
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((sig) => [sig, () => void onSignal(sig)] as const);
  for (const [sig, h] of handlers) process.on(sig, h);

  // Which releases run, and (for --boundaries) which claims on each.
  let list = args.targets.length ? args.targets : pinnedMajors();
  let onlyFor: Map<string, string[]> | undefined;
  let plan: ReturnType<typeof specBoundaries> | undefined;
  const byVersion = new Map<string, Target>();
  try {
    if (args.allReleases || args.boundaries) {
      const registry = await registryReleases({ warn: (l) => process.stderr.write(`matrix: ${l}\n`) });
      const majors = args.majors.length ? args.majors : pinnedMajors();
      if (args.allReleases) list = majors.flatMap((m) => releasesOf(registry, m));
      else {
        // The ranges each claim's expectation evaluated, as claim() publishes them: the spec files collected, nothing run.
        const ranges = claimRanges(await collectVitest(['spec/node']));
        plan = specBoundaries(selected, registry, ranges).filter((b) => majors.includes(String(Number(b.at.split('.')[0]))));
        onlyFor = new Map([...boundaryPlan(plan)].map(([v, ids]) => [printNode(v), ids]));
        list = [...boundaryPlan(plan).keys()];
        if (!list.length) throw new SpecError('--boundaries: the spec states no boundary' + (args.only.length ? ` for ${args.only.join(', ')}` : '') + (args.majors.length ? ` in ${args.majors.join(', ')}` : ''));
        if (args.list) {
          for (const [sig, h] of handlers) process.off(sig, h);
          process.stdout.write(args.list === 'json' ? jsonObject({ boundaries: listed(plan), releases: [...boundaryPlan(plan).keys()] }) : boundaryListText(plan));
          return 0;
        }
      }
    }
    const targets = await resolveTargets(list, args.latest);
    // Bun and Deno are compared with the reference Node (the newest pin): it runs too.
    const ref = referenceNode();
    if (targets.some((t) => t.runtime !== 'node') && !targets.some((t) => printTarget(t) === ref)) targets.push(await ensureVersion(ref));
    targets.forEach((t, i) => {
      const had = byVersion.get(printTarget(t));
      if (had && had.path !== t.path) throw new SpecError(`${targetName(t)} given twice (${had.path} and ${t.path}; from ${JSON.stringify(list[i])})`);
      byVersion.set(printTarget(t), t);
    });
  } catch (e) {
    // Nothing has started: the handlers go with the error (the process ends anyway; a test that
    // runs the command in its own process keeps no listener of it).
    for (const [sig, h] of handlers) process.off(sig, h);
    throw e;
  }
  const versions = sortVersions([...byVersion.keys()]);

  const cores = availableParallelism();
  const jobs = Math.max(1, Math.min(args.jobs ?? cores, versions.length));
  const workers = Math.max(1, Math.floor(cores / jobs));
  const out = resolve(args.out);
  makeFolders('out', args.out, [...args.outMissing, join(out, 'logs')]);
  // Per-version files from an earlier run would be mistaken for this run's.
  for (const f of readdirSync(out)) if (RESULT_FILE.test(f)) rmSync(join(out, f));
  for (const f of readdirSync(join(out, 'logs'))) if (/^(node|bun|deno)-.*\.log$/.test(f)) rmSync(join(out, 'logs', f));

  const progress = new Map<string, Progress>(versions.map((v) => [v, {
    state: 'queued', done: 0, total: 0, expected: onlyFor ? (onlyFor.get(v) ?? []).length : selected.filter((s) => appliesTo(s, byVersion.get(v)!)).length,
  }]));
  view = new ProgressView(progress);
  view.say(`matrix: ${versions.length} version(s) (${versions.map(targetLabel).join(', ')}), ${jobs} at a time, ${selected.length} scenario(s)${args.only.length ? ` matching ${args.only.join(', ')}` : ''}; results in ${relative(process.cwd(), out) || '.'}/`);
  view.start();

  const runVersion = async (v: string): Promise<VersionResult> => {
    const t = byVersion.get(v)!;
    const p = progress.get(v)!;
    p.state = 'running';
    const started = Date.now();
    if (!hasSpec()) {
      // No spec to run here: the team's scenarios alone, each recorded as it ran.
      const result = versionResult(v, []);
      const own = args.own.filter((s) => !args.only.length || args.only.some((x) => s.id.startsWith(x)));
      p.total = own.length;
      Object.assign(result.scenarios, await ownRecords(own, t, workers, () => p.done++));
      p.state = 'done';
      view!.say(`✓ ${targetLabel(v)}: ${Object.keys(result.scenarios).length} scenario(s) run (${Math.round((Date.now() - started) / 1000)} s)`);
      return result;
    }
    const r = await runVitest({
      paths: ['spec/node'],
      target: t.path,
      maxWorkers: workers,
      env: onlyFor ? { SPEC_IDS: (onlyFor.get(v) ?? []).join(',') } : args.only.length ? { SPEC_ONLY: args.only.join(',') } : {},
      timeout: args.versionTimeoutMin * 60_000,
      onRecord: (rec) => {
        // Progress counts the claims that run: not the n.a. ones, which are skipped at once.
        if (rec.t === 'collected') p.total += rec.tests.filter((x) => x.scenario && !x.skip).length;
        else if (rec.scenario && rec.verdict !== 'n.a.') p.done++;
      },
    });
    if (stopping) await new Promise(() => {}); // the signal handler ends the process; write nothing
    const logPath = join(out, 'logs', resultFile(v).replace(/\.json$/, '.log'));
    writeFileSync(logPath, r.run.stdout + r.run.stderr);
    const result = versionResult(v, r.tests);
    // The team's own scenarios (--scenarios), in scope: run here, recorded as claims.
    const own = args.own.filter((s) => !args.only.length || args.only.some((p) => s.id.startsWith(p)));
    if (own.length && !r.run.timedOut) {
      p.total += own.length;
      Object.assign(result.scenarios, await ownRecords(own, t, workers, () => p.done++));
    }
    const logRel = relative(process.cwd(), logPath);
    if (r.run.timedOut) result.error = `the run did not finish within ${args.versionTimeoutMin} min and was stopped (log: ${logRel})`;
    else if (!r.tests.length) result.error = `vitest ran no test: ${r.tail || `exit ${r.run.exitCode ?? r.run.signal}`} (log: ${logRel})`;
    else if (r.run.exitCode !== 0 && !Object.values(result.scenarios).some((s) => s.verdict === 'fail') && !Object.values(result.otherTests ?? {}).some((s) => s.verdict === 'fail')) {
      result.error = `vitest ended with ${r.run.signal ?? `exit code ${r.run.exitCode}`} although no test failed: ${r.tail} (log: ${logRel})`;
    }
    const counts = { pass: 0, fail: 0, 'n.a.': 0, skipped: 0 };
    for (const s of Object.values(result.scenarios)) counts[s.verdict]++;
    p.state = 'done';
    view!.say(`${result.error || counts.fail ? '✗' : '✓'} ${targetLabel(v)}: ${counts.pass} pass, ${counts.fail} fail, ${counts['n.a.']} n.a.${counts.skipped ? `, ${counts.skipped} skipped` : ''} (${Math.round((Date.now() - started) / 1000)} s)${result.error ? ` — ${result.error}` : ''}`);
    return result;
  };

  const results = await pool(versions, jobs, runVersion);
  if (stopping) await new Promise(() => {});
  view.stop();
  if (plan) return finishBoundaries(plan, versions, results, out);
  finish(versions, results, selected, args, out);
  return Number(process.exitCode ?? 0);
}

/** --boundaries: each boundary judged from the runs of its two sides; exit 1 if one is not where the spec says. */
function finishBoundaries(plan: ReturnType<typeof specBoundaries>, versions: string[], results: VersionResult[], out: string): number {
  const byV = new Map(versions.map((v, i) => [parseTarget(v)!.version, results[i]!]));
  for (const r of byV.values()) writeFileSync(join(out, resultFile(r.node)), stableJson(r));
  // Every claim of the scenario on that release: one per stdout kind for a scenario that states kinds.
  const judged = judgeBoundaries(plan, (v, id) => Object.values(byV.get(v)?.scenarios ?? {}).filter((r) => r.scenario === id));
  writeFileSync(join(out, 'boundaries.json'), stableJson(judged));
  writeFileSync(join(out, 'boundaries.md'), boundariesMarkdown(judged));
  const w = (x: string) => process.stdout.write(x);
  for (const b of judged) {
    const side = (r?: string, verdict?: string) => (r ? `${r} ${verdict}` : '-');
    w(`${b.problem ? '✗' : '✓'} ${b.scenario} at ${b.at}: ${side(b.before, b.beforeVerdict)} | ${side(b.after, b.afterVerdict)}${b.differs ? ` (${b.differs.length ? `differs: ${b.differs.join(', ')}` : 'same behaviour'})` : ''}\n`);
  }
  const errors = results.filter((r) => r.error).map((r) => `${targetLabel(r.node)}: ${r.error}`);
  const bad = judged.filter((b) => b.problem);
  w(`\nWrote ${relative(process.cwd(), join(out, 'boundaries.md'))} and boundaries.json: ${judged.length} boundary(ies) on ${versions.length} release(s).\n`);
  if (bad.length || errors.length) {
    process.stderr.write(`\nmatrix: FAILED: ${bad.length} boundary(ies) not where the spec says${errors.length ? `, ${errors.length} run(s) did not complete` : ''}:\n${[...errors, ...bad.map((b) => b.problem!)].map((p) => `  - ${p.split('\n')[0]}`).join('\n')}\n`);
    return 1;
  }
  w('matrix: every boundary is where the spec says: the claims pass on both sides.\n');
  return 0;
}

/** Every vitest run in progress, stopped with what it started. */
function stopAll(): Promise<void> {
  return stopVitest();
}

export const spec = command({
  name: 'matrix',
  usage: USAGE,
  positionals: true,
  options: {
    latest: { type: 'boolean' },
    only: { type: 'string', multiple: true },
    out: { type: 'string' },
    jobs: { type: 'string' },
    'version-timeout': { type: 'string' },
    reuse: { type: 'boolean' },
    'all-releases': { type: 'boolean' },
    boundaries: { type: 'boolean' },
    major: { type: 'string', multiple: true },
    list: { type: 'boolean' },
    json: { type: 'boolean' },
    scenarios: { type: 'string', multiple: true },
  },
  run(v, positionals) {
    const minutes = v['version-timeout'];
    if (minutes !== undefined && (!/^\d+(\.\d+)?$/.test(minutes) || Number(minutes) <= 0)) throw new SpecError(`--version-timeout needs a number of minutes, got ${JSON.stringify(minutes)}`);
    const majors = majorsOption(v.major);
    if (v['all-releases'] && v.boundaries) throw new SpecError('--all-releases and --boundaries: choose one');
    if ((v['all-releases'] || v.boundaries) && (positionals.length || v.latest || v.reuse)) throw new SpecError(`--${v.boundaries ? 'boundaries' : 'all-releases'} chooses the releases itself: give no versions, --latest or --reuse with it`);
    if (majors.length && !v['all-releases'] && !v.boundaries) throw new SpecError('--major goes with --all-releases or --boundaries (give majors as targets otherwise)');
    if (v.list && !v.boundaries) throw new SpecError('--list goes with --boundaries');
    if (v.json && !v.list) throw new SpecError('--json goes with --boundaries --list');
    if (v.scenarios && v.boundaries) throw new SpecError('--scenarios goes without --boundaries (its boundaries are the spec\'s claims)');
    if (v.list && (v.out !== undefined || v.jobs !== undefined || minutes !== undefined)) throw new SpecError('--list runs nothing: it takes no --out, --jobs or --version-timeout');
    const out = v.out ?? (v.boundaries ? join('results', 'boundaries') : 'results');
    // Checked now, made when the runs start (a bad target leaves no folder behind).
    const { missing: outMissing } = v.list ? { missing: [] } : folderOption('out', out, !!v.reuse);
    return run({
      targets: positionals, latest: !!v.latest, only: v.only ?? [], own: scenariosOption(v.scenarios), out, outMissing, jobs: wholeNumber('jobs', v.jobs, 1),
      versionTimeoutMin: minutes ? Number(minutes) : 30, reuse: !!v.reuse, allReleases: !!v['all-releases'], boundaries: !!v.boundaries, majors,
      ...(v.list ? { list: v.json ? 'json' as const : 'text' as const } : {}),
    });
  },
}, import.meta.url);
