// How this project's commands run vitest for its results: as a child process (node vitest.mjs,
// no shell, no npx) in a group of its own, with harness/results-reporter.ts writing its records to
// a temporary file that is read as the run goes (for progress) and at its end. One command starts
// vitest otherwise: tools/bench.ts times a bare `vitest run` as a whole process (through sh, to
// read its CPU time), where the records and their reading would be part of what it measures.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SpecError } from '../harness/project.ts';
import { inheritedEnv } from '../harness/environment.ts';
import { holdFolder, isRunning, runGroup, stopTree, type GroupRun } from '../harness/procs.ts';
import { readRecords, type RunRecord, type TestRecord } from '../harness/records.ts';
import type { CollectedClaim } from './vitest-collect.ts';

export const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const REPORTER = join(ROOT, 'harness', 'results-reporter.ts');

export interface VitestOptions {
  /** Spec files or folders. */
  paths: string[];
  /** SPEC_NODE for the run (a verified binary's path), if not this machine's Node. */
  target?: string;
  /** Extra environment: added to this process's own unless `cleanEnv` is given. */
  env?: Record<string, string>;
  /** Replace the inherited environment with exactly this (plus the project's variables). */
  cleanEnv?: Record<string, string>;
  maxWorkers?: number;
  /** Working directory (default: the repository; vitest is given --root either way). */
  cwd?: string;
  /** Whole-run time limit in ms. */
  timeout?: number;
  /** Called with every record as soon as it is written (polled every half second). */
  onRecord?: (r: RunRecord) => void;
}

export interface VitestResult {
  records: RunRecord[];
  tests: TestRecord[];
  run: GroupRun;
  ms: number;
  /** The last lines vitest printed on stderr (for a run that wrote no records). */
  tail: string;
}

const running = new Set<number>();
const workDirs = new Set<string>();

/** Stops every vitest run in progress, with everything each started, and removes their records (a signal handler exits right after). */
export async function stopVitest(): Promise<void> {
  await Promise.all([...running].map((pid) => stopTree(pid)));
  for (const d of workDirs) rmSync(d, { recursive: true, force: true });
  workDirs.clear();
}

export async function runVitest(o: VitestOptions): Promise<VitestResult> {
  const dir = mkdtempSync(join(tmpdir(), 'nas-vitest-'));
  workDirs.add(dir);
  const release = holdFolder(dir); // removed by this process's guard if it is killed (SIGKILL)
  const file = join(dir, 'records.ndjson');
  const base = o.cleanEnv ?? inheritedEnv();
  // No colours in vitest's own output unless the caller asks for them (o.env wins: a test of a
  // hostile environment sets FORCE_COLOR itself); where the records go is the project's alone.
  const env: Record<string, string> = { ...base, NO_COLOR: '1', FORCE_COLOR: '0', ...(o.env ?? {}), SPEC_RESULTS: file, SPEC_RESULTS_QUIET: '1' };
  if (o.target) env.SPEC_NODE = o.target;
  // Through the environment: vitest's --maxWorkers does not reach the config's projects (vitest.config.ts).
  if (o.maxWorkers) env.VITEST_MAX_WORKERS = String(o.maxWorkers);
  const args = [VITEST, 'run', '--root', ROOT, ...o.paths, `--reporter=${REPORTER}`];
  let seen = 0;
  let offset = 0;
  const poll = () => {
    if (!o.onRecord) return;
    try {
      if (statSync(file).size === offset) return;
    } catch {
      return;
    }
    const all = readRecords(file);
    for (const r of all.slice(seen)) o.onRecord(r);
    seen = all.length;
    offset = statSync(file).size;
  };
  const timer = setInterval(poll, 500);
  const started = Date.now();
  try {
    const p = runGroup(process.execPath, args, { cwd: o.cwd ?? ROOT, env, timeout: o.timeout, maxBuffer: 1024 * 1024, onStart: (pid) => running.add(pid) });
    const run = await p;
    poll();
    const records = readRecords(file);
    if (run.startError) throw new SpecError(`could not start vitest: ${run.startError}`);
    const tail = run.stderr.trim().split('\n').filter((l) => l.trim()).slice(-3).join(' | ');
    return { records, tests: records.filter((r): r is TestRecord => r.t === 'test'), run, ms: Date.now() - started, tail };
  } finally {
    for (const pid of running) if (!isRunning(pid)) running.delete(pid);
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
    workDirs.delete(dir);
    release();
  }
}

/**
 * The claims of these spec files as vitest collects them (tools/vitest-collect.ts, in a child
 * process of its own): each claim's test with the data claim() puts in its meta. Runs no test
 * and no scenario; the spec files are evaluated for this machine's Node (or `target`).
 */
export async function collectVitest(paths: string[], o: { target?: string; timeout?: number; config?: string } = {}): Promise<CollectedClaim[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nas-collect-'));
  workDirs.add(dir);
  const release = holdFolder(dir);
  try {
    const file = join(dir, 'claims.json');
    const env = inheritedEnv({}, ['SPEC_RESULTS', 'SPEC_ONLY', 'SPEC_IDS']);
    if (o.target) env.SPEC_NODE = o.target;
    const run = await runGroup(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'vitest-collect.ts'), file, ...(o.config ? ['--config', o.config] : []), ...paths], { cwd: ROOT, env, timeout: o.timeout ?? 120_000, maxBuffer: 1024 * 1024, onStart: (pid) => running.add(pid) });
    if (run.startError) throw new SpecError(`could not start vitest: ${run.startError}`);
    if (run.exitCode !== 0) {
      const tail = run.stderr.trim().split('\n').filter((l) => l.trim()).slice(-3).join(' | ');
      throw new SpecError(`collecting ${paths.join(' ')} failed (${run.timedOut ? 'time limit' : run.signal ?? `exit code ${run.exitCode}`}): ${tail}`);
    }
    return JSON.parse(readFileSync(file, 'utf8')) as CollectedClaim[];
  } finally {
    for (const pid of running) if (!isRunning(pid)) running.delete(pid);
    rmSync(dir, { recursive: true, force: true });
    workDirs.delete(dir);
    release();
  }
}
