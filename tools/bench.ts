// npm run bench -- [--node <target>] [--matrix] [--runs <n>] [--lambda-runs <n>] [--json]
//
// Measures, side by side in one run, as whole processes timed from outside (what a user waits
// for), with the environment the scenarios get (PATH, HOME, LANG: a caller's NODE_EXTRA_CA_CERTS
// alone doubles every node start-up) on both sides:
//  - the Node claims (`vitest run spec/node`) against the floor: the same scenarios run bare
//    (tools/bare-run.mjs: `node <flags> <scenario>`, no observer, no harness, no vitest) at the
//    same parallelism. Runs alternate suite, bare, suite, bare... and the ratio is the median of
//    the pairs' ratios, so a machine whose speed drifts does not bias it;
//  - vitest's fixed start-up (a run of a one-claim spec file) and the per-run overhead a release
//    costs the matrix or bisection;
//  - with --matrix, the full version matrix against every pinned version's scenarios bare;
//  - the slowest scenarios, each run alone, and why they are slow;
//  - the Lambda runtime's cold start and warm per-invocation overhead, against calling the same
//    handler in-process;
//  - peak memory (resident set size of the whole process tree, sampled).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
// The command starts bundled (tools/run.mjs); the two TypeScript modules it loads only once a run
// starts (the suite's configuration, the Lambda service) go through tsx's loader.
import { tsImport } from 'tsx/esm/api';
import { appliesTo } from '../harness/applicability.ts';
import { commandLine } from '../harness/command-line.ts';
import { cleanEnv } from '../harness/environment.ts';
import { resolveTarget, type Target } from '../harness/node-binaries.ts';
import { pins } from '../harness/pins.ts';
import { ROOT } from '../harness/project.ts';
import { runScenario } from '../harness/run.ts';
import type { Scenario } from '../harness/scenario.ts';
import { claimKey } from '../harness/records.ts';
import type { StdioKind } from '../harness/stdio.ts';
import { listScenarios } from '../harness/scenarios.ts';
import { printTarget, targetName } from '../harness/target.ts';
import { holdFolder, parseStat, runGroup, tree } from '../harness/procs.ts';
import { command, wholeNumber } from './command.ts';
import { pool } from './pool.ts';
import { VITEST } from './vitest-run.ts';
import { jsonObject } from './json.ts';

const USAGE = `usage: npm run bench -- [--node <target>] [--matrix] [--runs <n>] [--lambda-runs <n>] [--json]

  --node <target>     the Node the claims run under (default: this one)
  --matrix            also time the full matrix against every pinned version's scenarios bare
  --runs <n>          suite/bare pairs to take the median of (default 3)
  --lambda-runs <n>   warm Lambda invocations to measure (default 50)
  --json              print the figures as one JSON object (schema 1, tools/json.ts)`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

/**
 * A whole process, timed from outside: wall time, CPU time (user + system of the process and every
 * descendant it waited for, as the kernel accounts them: read from a `sh` that runs the command
 * and then reports its own children's times on fd 3), and the peak RSS of its process tree.
 */
async function timed(file: string, args: string[], env: Record<string, string>): Promise<{ ms: number; cpuMs: number; peak: number; code: number | null; tail: string }> {
  let peak = 0;
  let pid = 0;
  const sample = setInterval(() => pid && (peak = Math.max(peak, tree(pid).reduce((n, p) => n + p.rssBytes, 0))), 100);
  try {
    const wrapped = ['-c', '"$0" "$@"; s=$?; cat /proc/$$/stat >&3; exit $s', file, ...args];
    const r = await runGroup('/bin/sh', wrapped, { cwd: ROOT, env, onStart: (p) => (pid = p), maxBuffer: 64 * 1024, report: true });
    return { ms: r.durationMs, cpuMs: childCpuMs(r.report), peak, code: r.exitCode, tail: r.stderr.trim().split('\n').slice(-3).join(' | ') };
  } finally {
    clearInterval(sample);
  }
}

/** cutime + cstime of a /proc/<pid>/stat line, in ms (the kernel counts in clock ticks, 100 a second on Linux); NaN for no line. */
export function childCpuMs(stat: string): number {
  return parseStat(stat).childCpuTicks * 10;
}

/** How many scenario processes the suite lets run at once: the run-ahead pool's width for the Node claims alone (harness/sequencer.ts). */
async function suiteParallelism(): Promise<number> {
  const cfg = (await tsImport(pathToFileURL(join(ROOT, 'vitest.config.ts')).href, import.meta.url)).default as { test?: { maxConcurrency?: number } };
  return availableParallelism() * (cfg.test?.maxConcurrency ?? 5);
}

/** The bare floor for these scenarios as one whole process (tools/bare-run.mjs): one job per stdout kind the header names, each on that kind, as the suite runs them. */
function bareCommand(work: string, name: string, runs: { s: Scenario; t: Target }[], width: number): string[] {
  const jobs = runs.flatMap(({ s, t }) => s.stdio.map((stdio) => ({ ...commandLine(s, t, { bare: true }), cwd: dirname(s.file), env: cleanEnv(s.env), timeout: s.timeout, stdio })));
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify({ width, jobs }));
  return [join(ROOT, 'tools', 'bare-run.mjs'), file];
}

async function lambdaCosts(runs: number): Promise<Record<string, unknown>> {
  const svc = await tsImport(pathToFileURL(join(ROOT, 'lambda', 'service.ts')).href, import.meta.url);
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
  const m = median(warm);
  return { runtime, node: env.node, coldStartMs: Math.round(cold), warmInvokeMedianMs: +m.toFixed(2), inProcessCallMs: +inProcess.toFixed(4), warmOverheadMs: +(m - inProcess).toFixed(2) };
}

async function bench(o: { node?: string; matrix: boolean; runs: number; lambdaRuns: number; json: boolean }) {
  const target = await resolveTarget(o.node);
  const width = await suiteParallelism();
  const report: Record<string, unknown> = { node: printTarget(target), cores: availableParallelism(), parallelism: width };
  const log = (s: string) => !o.json && console.log(s);
  const env = cleanEnv(); // both sides: what the scenarios get, nothing of the caller's
  const suiteEnv = { ...env, SPEC_NODE: target.path, NO_COLOR: '1' };
  const work = mkdtempSync(join(tmpdir(), 'nas-bench-'));
  holdFolder(work);
  try {
    log(`bench: Node claims on ${targetName(target)}, ${availableParallelism()} cores, up to ${width} scenario processes at once; ${o.runs} suite/bare pairs, whole processes, clean environment`);
    const scenarios = listScenarios().filter((s) => appliesTo(s, target));
    const bare = bareCommand(work, 'suite', scenarios.map((s) => ({ s, t: target })), width);
    const pairs: { suite: number; bare: number; suiteCpu: number; bareCpu: number; peak: number }[] = [];
    for (let i = 0; i < o.runs; i++) {
      const su = await timed(process.execPath, [VITEST, 'run', 'spec/node', '--reporter=dot'], suiteEnv);
      if (su.code !== 0) throw new Error(`the suite failed (exit ${su.code}: ${su.tail}); fix it before measuring it`);
      const b = await timed(process.execPath, bare, env);
      pairs.push({ suite: su.ms, bare: b.ms, suiteCpu: su.cpuMs, bareCpu: b.cpuMs, peak: su.peak });
    }
    const ratio = median(pairs.map((p) => p.suite / p.bare));
    const cpuRatio = median(pairs.map((p) => p.suiteCpu / p.bareCpu));
    const suiteMs = median(pairs.map((p) => p.suite)), bareMs = median(pairs.map((p) => p.bare));
    // vitest's fixed cost: a run of the one-claim spec file against that claim run bare.
    const one = scenarios.find((s) => s.id === 'timers/immediate-vs-timeout');
    const fixed: number[] = [];
    if (one) {
      const oneBare = bareCommand(work, 'one', [{ s: one, t: target }], 1);
      for (let i = 0; i < o.runs; i++) {
        const su = await timed(process.execPath, [VITEST, 'run', 'spec/node/timers.spec.ts', '--reporter=dot'], suiteEnv);
        const b = await timed(process.execPath, oneBare, env);
        fixed.push(su.ms - b.ms);
      }
    }
    const fixedMs = fixed.length ? median(fixed) : 0;
    log(`  bare scenarios (tools/bare-run.mjs): ${fmt(bareMs)} for ${scenarios.length} scenarios (${(scenarios.length / (bareMs / 1000)).toFixed(1)} scenarios/s)`);
    log(`  suite (vitest run spec/node): ${fmt(suiteMs)} (${(scenarios.length / (suiteMs / 1000)).toFixed(1)} scenarios/s), peak memory ${mb(Math.max(...pairs.map((p) => p.peak)))}`);
    log(`  CPU (user + system, whole process trees): suite ${fmt(median(pairs.map((p) => p.suiteCpu)))}, bare ${fmt(median(pairs.map((p) => p.bareCpu)))}`);
    log(`  ratio suite / bare (median of the ${o.runs} pairs' ratios; the medians above come from different pairs): wall ${ratio.toFixed(2)}x (target <= 1.25x: ${ratio <= 1.25 ? 'met' : 'NOT met'}), CPU ${cpuRatio.toFixed(2)}x`);
    const withoutFixed = median(pairs.map((p) => (p.suite - fixedMs) / p.bare));
    log(`  per run, vitest's fixed start-up (a one-claim run less that claim bare): ${fmt(fixedMs)}; the suite without it: ${withoutFixed.toFixed(2)}x (median of the pairs)`);
    // Each scenario alone, one after another, observed by the harness: its own duration (a
    // scenario that states several stdout kinds, once per kind, as the suite runs it).
    const alone: { s: Scenario; stdio?: StdioKind; ms: number }[] = [];
    for (const s of scenarios) {
      for (const stdio of s.stdio) alone.push({ s, ...(s.stdio.length > 1 ? { stdio } : {}), ms: (await runScenario(s, target, { stdio })).durationMs });
    }
    const slow = alone.sort((x, y) => y.ms - x.ms).slice(0, 10).map(({ s, stdio, ms }) => ({
      id: claimKey({ scenario: s.id, stdio }), ms: Math.round(ms),
      why: `${/cluster|child_process|fork\(|spawn\(|new Worker/.test(s.body) ? 'starts other processes or threads; ' : ''}${/setTimeout\([^)]*, ?\d{3,}/.test(s.body) ? 'waits on a timer; ' : ''}${s.flags.length ? `flags ${s.flags.join(' ')}` : ''}`.replace(/; $/, '') || 'node start-up and its own work',
    }));
    log('  slowest ten scenarios (each run alone):');
    for (const x of slow) log(`    ${String(x.ms).padStart(6)} ms  ${x.id}  — ${x.why}`);
    Object.assign(report, {
      scenarios: scenarios.length, pairs, bareMs: Math.round(bareMs), suiteMs: Math.round(suiteMs), ratio: +ratio.toFixed(3), cpuRatio: +cpuRatio.toFixed(3), vitestFixedMs: Math.round(fixedMs),
      ratioWithoutFixed: +withoutFixed.toFixed(3), scenariosPerSecond: +(scenarios.length / (suiteMs / 1000)).toFixed(2),
      peakRssBytes: Math.max(...pairs.map((p) => p.peak)), slowest: slow,
    });

    if (o.matrix) {
      const targets = await pool(Object.values(pins()), 4, (v) => resolveTarget(v));
      log(`bench: full matrix, ${targets.length} versions`);
      const all = targets.flatMap((t) => listScenarios().filter((s) => appliesTo(s, t)).map((s) => ({ s, t })));
      // The matrix runs versions side by side, one vitest per core; the floor runs as many at once.
      const mb_ = await timed(process.execPath, bareCommand(work, 'matrix', all, width * availableParallelism()), env);
      const m = await timed(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'matrix.ts'), '--out', join(work, 'matrix')], env);
      const mRatio = m.ms / mb_.ms;
      log(`  bare: ${fmt(mb_.ms)}; npm run matrix: ${fmt(m.ms)} (exit ${m.code}), peak memory ${mb(m.peak)}`);
      log(`  ratio matrix / bare: ${mRatio.toFixed(2)}x (target <= 1.25x: ${mRatio <= 1.25 ? 'met' : 'NOT met'}); per version ${fmt((m.ms - mb_.ms) / targets.length)} over bare`);
      report.matrix = { versions: targets.length, bareMs: Math.round(mb_.ms), matrixMs: Math.round(m.ms), exit: m.code, ratio: +mRatio.toFixed(3), peakRssBytes: m.peak };
    }

    log('bench: Lambda runtime');
    const lambda = await lambdaCosts(o.lambdaRuns);
    report.lambda = lambda;
    if ('skipped' in lambda) log(`  skipped: ${lambda.skipped}`);
    else log(`  ${lambda.runtime} on ${lambda.node}: cold start ${lambda.coldStartMs} ms; warm invocation ${lambda.warmInvokeMedianMs} ms (median of ${o.lambdaRuns}) vs ${lambda.inProcessCallMs} ms calling the handler in-process: overhead ${lambda.warmOverheadMs} ms`);
    if (o.json) process.stdout.write(jsonObject(report));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const spec = command({
  name: 'bench',
  usage: USAGE,
  options: { node: { type: 'string' }, matrix: { type: 'boolean' }, runs: { type: 'string' }, 'lambda-runs': { type: 'string' }, json: { type: 'boolean' } },
  run: (v) => bench({ node: v.node, matrix: !!v.matrix, runs: wholeNumber('runs', v.runs, 1) ?? 3, lambdaRuns: wholeNumber('lambda-runs', v['lambda-runs'], 1) ?? 50, json: !!v.json }),
}, import.meta.url);
