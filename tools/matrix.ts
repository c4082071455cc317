// npm run matrix -- [targets...] [--latest] [--only <prefix>] [--out <dir>] [--jobs <n>]
//
// Runs `vitest run spec/node` once per target Node version (SPEC_NODE=<verified binary>,
// SPEC_RECORD=<dir> so every claim leaves its Observation), several versions at a time, and
// writes <out>/node-<version>.json, <out>/matrix.json and <out>/report.md. The logic that turns
// runs into tables and the "what changed" list lives in tools/matrix-core.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { appliesTo, listScenarios, ROOT, SpecError, type Scenario } from '../harness/harness.ts';
import { ensureVersion, latestOfMajor, pins, resolveNode, type NodeTarget } from '../harness/node-binaries.ts';
import { isRunning, tree } from '../harness/procs.ts';
import {
  describeChangeShort, findChanges, idFromTitle, markdownReport, onlyPattern, parseArgs, problems, scenarioMeta, sortVersions,
  stableJson, stripObservation, terminalTable, USAGE, versionResult, type MatrixData, type RecordedObservation, type VersionResult,
} from './matrix-core.ts';
import { pool } from './pool.ts';

const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const REPORTER = join(ROOT, 'tools', 'matrix-reporter.ts');

function die(msg: string, code = 2): never {
  process.stderr.write(`matrix: ${msg.split('\n')[0]}\n`);
  process.exit(code);
}

async function resolveTargets(list: string[], latest: boolean): Promise<NodeTarget[]> {
  return pool(list, 4, async (t) => {
    if (latest && /^v?\d+$/.test(t.trim())) return ensureVersion(await latestOfMajor(t.trim().replace(/^v/, '')));
    return resolveNode(t);
  });
}

// ---------------------------------------------------------------------------------------------
// Process trees: vitest runs in its own process group; the scenarios it starts run in groups of
// their own (harness/harness.ts). To stop a run we signal vitest's group, then kill whatever is
// left of every process that descended from it, and their groups.

function descendants(root: number, seen: { pids: Set<number>; groups: Set<number> }) {
  for (const p of tree(root).slice(1)) {
    seen.pids.add(p.pid);
    if (p.pgid > 1) seen.groups.add(p.pgid);
  }
}

const alive = isRunning;

function signal(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Stops a vitest run and everything it started. Resolves when they are gone. */
async function killTree(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (!pid) return;
  const seen = { pids: new Set<number>(), groups: new Set<number>([pid]) };
  descendants(pid, seen);
  // SIGTERM first: the harness in each vitest worker then kills its scenarios' groups itself.
  signal(-pid, 'SIGTERM');
  for (let i = 0; i < 30 && (alive(pid) || [...seen.pids].some(alive)); i++) {
    descendants(pid, seen);
    await new Promise((r) => setTimeout(r, 100));
  }
  descendants(pid, seen);
  for (const g of seen.groups) signal(-g, 'SIGKILL');
  for (const p of [pid, ...seen.pids]) signal(p, 'SIGKILL');
}

// ---------------------------------------------------------------------------------------------
// Progress

interface Progress { state: 'queued' | 'running' | 'done'; done: number; total: number; expected: number; summary?: string }

class ProgressView {
  private readonly tty = Boolean(process.stderr.isTTY);
  private lastLine = '';
  private lastPrint = 0;
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly rows: Map<string, Progress>) {}

  start() {
    this.timer = setInterval(() => this.tick(), this.tty ? 500 : 15_000);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.clear();
  }

  private line(): string {
    const running = [...this.rows].filter(([, p]) => p.state === 'running').map(([v, p]) => `${v} ${p.done}/${Math.max(p.total, p.expected)}`);
    const done = [...this.rows.values()].filter((p) => p.state === 'done').length;
    return `matrix: ${done}/${this.rows.size} versions done${running.length ? ` · running ${running.join(' · ')}` : ''}`;
  }

  private clear() {
    if (this.tty && this.lastLine) process.stderr.write('\r\x1b[K');
    this.lastLine = '';
  }

  tick() {
    const l = this.line();
    if (this.tty) {
      process.stderr.write('\r\x1b[K' + l.slice(0, (process.stderr.columns || 120) - 1));
      this.lastLine = l;
    } else if (l !== this.lastLine || Date.now() - this.lastPrint > 60_000) {
      process.stderr.write(l + '\n');
      this.lastLine = l;
      this.lastPrint = Date.now();
    }
  }

  /** A line that stays (a version started or finished). */
  say(text: string) {
    this.clear();
    process.stderr.write(text + '\n');
    if (this.tty) this.tick();
  }
}

// ---------------------------------------------------------------------------------------------

function finish(versions: string[], results: VersionResult[], selected: Scenario[], args: ReturnType<typeof parseArgs>, out: string) {
  const claimed = new Set(results.flatMap((r) => Object.keys(r.scenarios)));
  const meta = Object.fromEntries(selected.filter((s) => claimed.has(s.id)).map((s) => [s.id, scenarioMeta(s)]));
  const byV = Object.fromEntries(versions.map((v, i) => [v, results[i]!]));
  const data: MatrixData = {
    platform: process.platform,
    arch: process.arch,
    versions,
    scenarios: meta,
    results: byV,
    changes: findChanges(versions, byV, meta),
    unclaimed: selected.filter((s) => !claimed.has(s.id)).map((s) => s.id),
  };
  if (args.only.length) data.only = [...args.only].sort();

  if (!args.reuse) for (const v of versions) writeFileSync(join(out, `node-${v.slice(1)}.json`), stableJson(byV[v]));
  writeFileSync(join(out, 'matrix.json'), stableJson(data));
  writeFileSync(join(out, 'report.md'), markdownReport(data));

  const w = (s: string) => process.stdout.write(s);
  w('\n' + terminalTable(data));
  w('\nΔ = observed behaviour differs from the previous version; adjacent identical versions share a column.\n');
  if (data.changes.length) {
    w('\nWhat changed between versions:\n');
    for (const c of data.changes) {
      w(`  ${c.scenario}: ${c.from} -> ${c.to}${c.explainedBy ? ` (${c.explainedBy.in}: ${c.explainedBy.what}; ${c.explainedBy.link})` : '  ** UNEXPLAINED: no changes: entry in the scenario header **'}\n`);
      for (const l of describeChangeShort(c)) w(`      ${l}\n`);
    }
  }
  if (data.unclaimed.length) w(`\nNot claimed by any spec in spec/node: ${data.unclaimed.join(', ')}\n`);
  const probs = problems(data);
  w(`\nWrote ${relative(process.cwd(), join(out, 'matrix.json'))}, ${relative(process.cwd(), join(out, 'report.md'))} and ${versions.length} node-<version>.json file(s).\n`);
  if (probs.length) {
    process.stderr.write(`\nmatrix: FAILED (${probs.length} problem(s)):\n${probs.map((p) => `  - ${p.text.split('\n')[0]}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    w(`matrix: all ${versions.length} version(s) pass or n.a.; every observed change is explained.\n`);
  }
}

/** --reuse: the node-*.json of an earlier run, read back. */
function reuse(args: ReturnType<typeof parseArgs>) {
  if (args.targets.length || args.latest) die('--reuse runs nothing: it takes no versions and no --latest');
  const out = resolve(args.out);
  const files = existsSync(out) ? readdirSync(out).filter((f) => /^node-.*\.json$/.test(f)) : [];
  if (!files.length) die(`--reuse: no node-<version>.json in ${relative(process.cwd(), out) || '.'}; run the matrix first`);
  let scenarios: Scenario[];
  try {
    scenarios = listScenarios();
  } catch (e) {
    die((e as Error).message);
  }
  const results = files.map((f) => JSON.parse(readFileSync(join(out, f), 'utf8')) as VersionResult);
  const versions = sortVersions(results.map((r) => r.node));
  const byNode = new Map(results.map((r) => [r.node, r]));
  const prev = existsSync(join(out, 'matrix.json')) ? (JSON.parse(readFileSync(join(out, 'matrix.json'), 'utf8')) as MatrixData) : undefined;
  const only = args.only.length ? args.only : (prev?.only ?? []);
  const selected = only.length ? scenarios.filter((s) => only.some((p) => s.id.startsWith(p))) : scenarios;
  finish(versions, versions.map((v) => byNode.get(v)!), selected, { ...args, only }, out);
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    die((e as Error).message);
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }

  if (args.reuse) return reuse(args);

  // Signals are handled from the start: while binaries are fetched, and while vitest runs.
  const running = new Set<ChildProcess>();
  let stopping: NodeJS.Signals | null = null;
  let work: string | undefined;
  let view: ProgressView | undefined;
  const onSignal = async (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = sig;
    view?.stop();
    process.stderr.write(`\nmatrix: ${sig}: stopping ${running.size} run(s)...\n`);
    await Promise.all([...running].map(killTree));
    if (work) rmSync(work, { recursive: true, force: true });
    process.exit(sig === 'SIGINT' ? 130 : sig === 'SIGHUP' ? 129 : 143);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void onSignal(sig));


  const list = args.targets.length ? args.targets : Object.keys(pins()).sort((a, b) => Number(a) - Number(b));
  let targets: NodeTarget[];
  try {
    targets = await resolveTargets(list, args.latest);
  } catch (e) {
    die(e instanceof Error ? e.message : String(e));
  }
  const byVersion = new Map<string, NodeTarget>();
  targets.forEach((t, i) => {
    const had = byVersion.get(t.version);
    if (had && had.path !== t.path) die(`Node ${t.version} given twice (${had.path} and ${t.path}; from ${JSON.stringify(list[i])})`);
    byVersion.set(t.version, t);
  });
  const versions = sortVersions([...byVersion.keys()]);

  let scenarios: Scenario[];
  try {
    scenarios = listScenarios();
  } catch (e) {
    die((e as Error).message);
  }
  const known = new Set(scenarios.map((s) => s.id));
  for (const p of args.only) if (!scenarios.some((s) => s.id.startsWith(p))) die(`--only ${p}: no scenario id starts with ${JSON.stringify(p)}`);
  const selected = args.only.length ? scenarios.filter((s) => args.only.some((p) => s.id.startsWith(p))) : scenarios;
  const selectedIds = new Set(selected.map((s) => s.id));
  /** Whether a test counts for progress: not n.a. ones, and with --only not those filtered out. */
  const inScope = (title: string) => {
    const hit = idFromTitle(title, known);
    if (hit?.na) return false; // skipped at once: not part of the work
    return !args.only.length || (hit !== null && selectedIds.has(hit.id));
  };

  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const jobs = Math.max(1, Math.min(args.jobs ?? cores, versions.length));
  const workers = Math.max(1, Math.floor(cores / jobs));
  const out = resolve(args.out);
  mkdirSync(join(out, 'logs'), { recursive: true });
  // Per-version files from an earlier run would be mistaken for this run's.
  for (const f of readdirSync(out)) if (/^node-.*\.json$/.test(f)) rmSync(join(out, f));
  for (const f of readdirSync(join(out, 'logs'))) if (/^node-.*\.log$/.test(f)) rmSync(join(out, 'logs', f));
  work = mkdtempSync(join(tmpdir(), 'node-async-spec-matrix-'));

  const progress = new Map<string, Progress>(versions.map((v) => [v, {
    state: 'queued', done: 0, total: 0, expected: selected.filter((s) => appliesTo(s, v)).length,
  }]));
  view = new ProgressView(progress);

  view.say(`matrix: ${versions.length} version(s) (${versions.join(', ')}), ${jobs} at a time, ${selected.length} scenario(s)${args.only.length ? ` matching ${args.only.join(', ')}` : ''}; results in ${relative(process.cwd(), out) || '.'}/`);
  view.start();

  const runVersion = (v: string): Promise<VersionResult> => new Promise((done) => {
    const t = byVersion.get(v)!;
    const p = progress.get(v)!;
    const name = v.slice(1);
    const record = join(work, name, 'record');
    const json = join(work, name, 'vitest.json');
    mkdirSync(record, { recursive: true });
    const logPath = join(out, 'logs', `node-${name}.log`);
    const log: string[] = [];
    const vitestArgs = [
      VITEST, 'run', 'spec/node', '--reporter=json', `--outputFile.json=${json}`, `--reporter=${REPORTER}`,
      `--maxWorkers=${workers}`, ...(args.only.length ? ['-t', onlyPattern(args.only)] : []),
    ];
    p.state = 'running';
    const started = Date.now();
    const child = spawn(process.execPath, vitestArgs, {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SPEC_NODE: t.path, SPEC_RECORD: record, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    running.add(child);
    let timedOut = false;
    const limit = setTimeout(() => {
      timedOut = true;
      void killTree(child);
    }, args.versionTimeoutMin * 60_000);
    let buf = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line.startsWith('@@matrix ')) {
          try {
            const ev = JSON.parse(line.slice(9)) as { collected?: string[]; done?: string };
            if (ev.collected) p.total += ev.collected.filter(inScope).length;
            if (ev.done !== undefined && inScope(ev.done)) p.done++;
          } catch {
            log.push(line);
          }
        } else log.push(line);
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => log.push(...d.replace(/\n$/, '').split('\n')));
    child.on('error', (e) => log.push(`could not start vitest: ${e.message}`));
    child.on('close', (code, sig) => {
      clearTimeout(limit);
      running.delete(child);
      if (buf) log.push(buf);
      writeFileSync(logPath, log.join('\n') + '\n');
      if (stopping) return; // the signal handler exits
      const records: Record<string, RecordedObservation> = {};
      for (const f of existsSync(record) ? readdirSync(record) : []) {
        try {
          const rec = JSON.parse(readFileSync(join(record, f), 'utf8')) as Record<string, unknown>;
          records[String(rec.scenario)] = stripObservation(rec);
        } catch {
          // a half-written record: the claim's verdict still comes from vitest
        }
      }
      let result: VersionResult;
      if (existsSync(json)) {
        result = versionResult(t.version, JSON.parse(readFileSync(json, 'utf8')), records, known, args.only.length ? selectedIds : undefined);
      } else {
        result = { node: t.version, platform: process.platform, arch: process.arch, scenarios: {} };
      }
      const logRel = relative(process.cwd(), logPath);
      if (timedOut) result.error = `the run did not finish within ${args.versionTimeoutMin} min and was stopped (log: ${logRel})`;
      else if (!existsSync(json)) {
        const last = log.map((l) => l.trim()).filter((l) => l && !/^npm warn/i.test(l)).pop() ?? `vitest ended with ${sig ?? `exit code ${code}`}`;
        result.error = `vitest produced no report: ${last} (log: ${logRel})`;
      } else if (code !== 0 && !Object.values(result.scenarios).some((s) => s.verdict === 'fail') && !Object.values(result.otherTests ?? {}).some((s) => s.verdict === 'fail') && !result.error) {
        result.error = `vitest ended with ${sig ?? `exit code ${code}`} although no test failed (log: ${logRel})`;
      }
      const counts = { pass: 0, fail: 0, 'n.a.': 0 };
      for (const s of Object.values(result.scenarios)) counts[s.verdict]++;
      p.state = 'done';
      view.say(`${result.error || counts.fail ? '✗' : '✓'} ${v}: ${counts.pass} pass, ${counts.fail} fail, ${counts['n.a.']} n.a. (${Math.round((Date.now() - started) / 1000)} s)${result.error ? ` — ${result.error}` : ''}`);
      done(result);
    });
  });

  const results = await pool(versions, jobs, runVersion);
  view.stop();
  rmSync(work, { recursive: true, force: true });

  finish(versions, results, selected, args, out);
}

main().catch((e) => die(e instanceof Error ? e.message : String(e)));
