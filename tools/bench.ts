// npm run bench -- [--node <target>] [--matrix] [--lambda-runs <n>] [--json]
//
// Measures, in one run:
//  - the wall time of the Node claims (vitest run spec/node) against the floor: the same scenario
//    processes run bare (`node <flags> <scenario>`, no harness, no observer, no vitest) with the
//    same parallelism, and the ratio of the two (target: within 1.25x);
//  - with --matrix, the same for the full version matrix (npm run matrix) against every pinned
//    version's scenarios run bare;
//  - scenarios per second, the ten slowest scenarios and why they are slow (the node start-up
//    cost, the scenario's own waiting, its child processes);
//  - the Lambda runtime's cold start and warm per-invocation overhead, against calling the same
//    handler in-process;
//  - peak memory (resident set size of the whole process tree, sampled).
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appliesTo, listScenarios, ROOT, SpecError, resolveNode, type NodeTarget, type Scenario } from '../harness/harness.ts';
import { pins } from '../harness/node-binaries.ts';
import { killGroup, tree } from '../harness/procs.ts';
import { pool } from './pool.ts';

interface Args { node?: string; matrix: boolean; lambdaRuns: number; json: boolean }

function parse(argv: string[]): Args {
  const a: Args = { matrix: false, lambdaRuns: 50, json: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--node') {
      a.node = argv[++i];
      if (!a.node) throw new SpecError('--node needs a value');
    } else if (x === '--matrix') a.matrix = true;
    else if (x === '--json') a.json = true;
    else if (x === '--lambda-runs') {
      a.lambdaRuns = Number(argv[++i]);
      if (!Number.isInteger(a.lambdaRuns) || a.lambdaRuns < 1) throw new SpecError('--lambda-runs takes a positive whole number');
    } else throw new SpecError(`unknown option ${x} (usage: npm run bench -- [--node target] [--matrix] [--lambda-runs n] [--json])`);
  }
  return a;
}

/** Sum of the resident set sizes (bytes) of a process and all its descendants. */
const treeRss = (root: number) => tree(root).reduce((sum, p) => sum + p.rssBytes, 0);

/** Runs a command to completion, measuring wall time and the peak RSS of its process tree. */
function timed(file: string, args: string[], env: Record<string, string> = {}): Promise<{ ms: number; peak: number; code: number | null; stderr: string }> {
  return new Promise((res) => {
    const started = performance.now();
    const child = spawn(file, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    child.on('close', (code) => {
      clearInterval(sample);
      res({ ms: performance.now() - started, peak, code, stderr });
    });
  });
}

interface Bare { id: string; ms: number }

/** One scenario, bare: no observer, no harness; the same flags, env, cwd and time limit. */
function runBare(s: Scenario, node: string): Promise<Bare> {
  return new Promise((res) => {
    const started = performance.now();
    const child = spawn(node, [...s.flags, s.file], {
      cwd: dirname(s.file),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', ...s.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout.resume();
    child.stderr.resume();
    const kill = () => killGroup(child.pid);
    const timer = setTimeout(kill, s.timeout);
    child.on('exit', kill);
    child.on('close', () => {
      clearTimeout(timer);
      res({ id: s.id, ms: performance.now() - started });
    });
  });
}

/** How many scenario processes the suite lets run at once (see vitest.config.ts). */
async function suiteParallelism(): Promise<number> {
  const cfg = (await import(pathToFileURL(join(ROOT, 'vitest.config.ts')).href)).default as { test?: { maxWorkers?: number; maxConcurrency?: number } };
  const workers = cfg.test?.maxWorkers ?? availableParallelism();
  return workers * (cfg.test?.maxConcurrency ?? 5);
}

function nodeStartup(node: string): Promise<number> {
  return new Promise((res) => {
    const started = performance.now();
    execFile(node, ['-e', '0'], () => res(performance.now() - started));
  });
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

async function lambdaCosts(runs: number): Promise<Record<string, unknown>> {
  const servicePath = join(ROOT, 'lambda', 'service.ts');
  if (!existsSync(servicePath)) return { skipped: 'lambda/service.ts is missing' };
  const svc = await import(pathToFileURL(servicePath).href);
  const runtime = 'nodejs22.x';
  const avail = svc.runtimeAvailability?.(runtime);
  if (avail && !avail.ok) return { skipped: `${runtime}: ${avail.reason}` };
  const handlerFile = join(ROOT, 'tools', 'fixtures', 'bench-echo.cjs');
  const t0 = performance.now();
  const env = await svc.startEnvironment({ runtime, handlerFile, handler: 'handler', timeoutSec: 10 });
  let cold: number;
  const warm: number[] = [];
  try {
    await env.invoke({ n: 0 });
    cold = performance.now() - t0;
    for (let i = 1; i <= runs; i++) {
      const s = performance.now();
      await env.invoke({ n: i });
      warm.push(performance.now() - s);
    }
  } finally {
    await env.close();
  }
  // The same handler called in-process, in this Node, the same number of times.
  const mod = await import(pathToFileURL(handlerFile).href);
  const handler = (mod.default?.handler ?? mod.handler) as (e: unknown, c: unknown) => Promise<unknown>;
  const s = performance.now();
  for (let i = 1; i <= runs; i++) await handler({ n: i }, {});
  const inProcess = (performance.now() - s) / runs;
  const median = [...warm].sort((x, y) => x - y)[Math.floor(warm.length / 2)]!;
  return { runtime, node: env.node, coldStartMs: Math.round(cold), warmInvokeMedianMs: +median.toFixed(2), inProcessCallMs: +inProcess.toFixed(4), warmOverheadMs: +(median - inProcess).toFixed(2) };
}

async function main() {
  const a = parse(process.argv.slice(2));
  const target: NodeTarget = await resolveNode(a.node);
  const width = await suiteParallelism();
  const report: Record<string, unknown> = { node: target.version, cores: availableParallelism(), parallelism: width };
  const log = (s: string) => !a.json && console.log(s);

  log(`bench: Node claims on ${target.version}, ${availableParallelism()} cores, up to ${width} scenario processes at once`);
  const scenarios = listScenarios().filter((s) => appliesTo(s, target.version));
  // warm the file cache and the binary once, so neither side pays for it
  await nodeStartup(target.path);
  let startup = Infinity;
  for (let i = 0; i < 5; i++) startup = Math.min(startup, await nodeStartup(target.path));

  const bareStart = performance.now();
  const bare = await pool(scenarios, width, (s) => runBare(s, target.path));
  const bareMs = performance.now() - bareStart;

  const suite = await timed(join(ROOT, 'node_modules', '.bin', 'vitest'), ['run', 'spec/node', '--reporter=dot'], { SPEC_NODE: target.path });
  if (suite.code !== 0) throw new SpecError(`the suite failed (exit ${suite.code}); fix it before measuring it`);
  const ratio = suite.ms / bareMs;
  // vitest's fixed cost: a run of the one-claim spec file, less that claim's bare time.
  const one = listScenarios().find((s) => s.id === 'timers/immediate-vs-timeout');
  const oneSuite = await timed(join(ROOT, 'node_modules', '.bin', 'vitest'), ['run', 'spec/node/timers.spec.ts', '--reporter=dot'], { SPEC_NODE: target.path });
  const fixedMs = Math.max(0, oneSuite.ms - (one ? (await runBare(one, target.path)).ms : 0));
  const marginal = (suite.ms - fixedMs) / bareMs;
  log(`  bare scenarios: ${fmt(bareMs)} for ${scenarios.length} scenarios (${(scenarios.length / (bareMs / 1000)).toFixed(1)} scenarios/s)`);
  log(`  suite (vitest run spec/node): ${fmt(suite.ms)} (${(scenarios.length / (suite.ms / 1000)).toFixed(1)} scenarios/s), peak memory ${mb(suite.peak)}`);
  log(`  ratio suite / bare: ${ratio.toFixed(2)}x (target <= 1.25x: ${ratio <= 1.25 ? 'met' : 'NOT met'})`);
  log(`  of which vitest's fixed start-up (a one-claim run): ${fmt(fixedMs)}; without it: ${marginal.toFixed(2)}x`);
  // Each scenario alone, one after another: its own duration, not its share of a crowded machine.
  const alone: Bare[] = [];
  for (const s of scenarios) alone.push(await runBare(s, target.path));
  const slow = [...alone].sort((x, y) => y.ms - x.ms).slice(0, 10).map((b) => {
    const s = scenarios.find((x) => x.id === b.id)!;
    const children = /cluster|child_process|fork\(|spawn\(/.test(s.body);
    const waits = Math.max(0, b.ms - startup * (children ? 2 : 1));
    const why = `node start-up ${startup.toFixed(0)} ms${children ? ' (x2+: starts child processes)' : ''}, own time ~${waits.toFixed(0)} ms${s.flags.length ? `, flags ${s.flags.join(' ')}` : ''}`;
    return { id: b.id, ms: Math.round(b.ms), why };
  });
  log('  slowest ten scenarios (each run alone, bare):');
  for (const x of slow) log(`    ${String(x.ms).padStart(6)} ms  ${x.id}  — ${x.why}`);
  Object.assign(report, {
    scenarios: scenarios.length, bareMs: Math.round(bareMs), suiteMs: Math.round(suite.ms), ratio: +ratio.toFixed(3), vitestFixedMs: Math.round(fixedMs), ratioWithoutFixed: +marginal.toFixed(3),
    scenariosPerSecond: +(scenarios.length / (suite.ms / 1000)).toFixed(2), peakRssBytes: suite.peak, nodeStartupMs: Math.round(startup), slowest: slow,
  });

  if (a.matrix) {
    const versions = Object.values(pins());
    log(`bench: full matrix, ${versions.length} versions`);
    const targets = await Promise.all(versions.map((v) => resolveNode(v)));
    const mBareStart = performance.now();
    // the matrix runs versions side by side, up to the cores; the floor does the same
    await pool(targets, availableParallelism(), (t) => pool(listScenarios().filter((s) => appliesTo(s, t.version)), width, (s) => runBare(s, t.path)));
    const mBare = performance.now() - mBareStart;
    const m = await timed(process.execPath, ['--import', 'tsx', join(ROOT, 'tools', 'matrix.ts')]);
    const mRatio = m.ms / mBare;
    log(`  bare: ${fmt(mBare)}; npm run matrix: ${fmt(m.ms)} (exit ${m.code}), peak memory ${mb(m.peak)}`);
    log(`  ratio matrix / bare: ${mRatio.toFixed(2)}x (target <= 1.25x: ${mRatio <= 1.25 ? 'met' : 'NOT met'})`);
    Object.assign(report, { matrix: { versions: versions.length, bareMs: Math.round(mBare), matrixMs: Math.round(m.ms), exit: m.code, ratio: +mRatio.toFixed(3), peakRssBytes: m.peak } });
  }

  log('bench: Lambda runtime');
  const lambda = await lambdaCosts(a.lambdaRuns);
  report.lambda = lambda;
  if ('skipped' in lambda) log(`  skipped: ${lambda.skipped}`);
  else log(`  ${lambda.runtime} on ${lambda.node}: cold start ${lambda.coldStartMs} ms; warm invocation ${lambda.warmInvokeMedianMs} ms (median of ${a.lambdaRuns}) vs ${lambda.inProcessCallMs} ms calling the handler in-process: overhead ${lambda.warmOverheadMs} ms`);
  if (a.json) console.log(JSON.stringify(report, null, 2));
}

main().catch((e) => {
  if (e instanceof SpecError) {
    console.error(`bench: ${e.message}`);
    process.exit(2);
  }
  throw e;
});
