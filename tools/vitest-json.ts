// Runs vitest as a child process with its JSON reporter and returns each test's verdict.
// Used by the stress command and by the specs that compare whole runs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { ROOT, SpecError } from '../harness/harness.ts';

export type Verdicts = Record<string, string>;

export interface VitestRun {
  verdicts: Verdicts;
  /** The first lines of each failed test's message. */
  failures: Record<string, string>;
  exitCode: number | undefined;
  ms: number;
}

/** The running vitest, if any, so that a signal handler can stop its whole process group. */
export let running: ResultPromise | undefined;

export async function vitestVerdicts(paths: string[], opts: { env?: Record<string, string>; cwd?: string; extendEnv?: boolean } = {}): Promise<VitestRun> {
  const dir = mkdtempSync(join(tmpdir(), 'nas-vitest-'));
  const out = join(dir, 'report.json');
  const started = Date.now();
  try {
    running = execa(join(ROOT, 'node_modules', '.bin', 'vitest'), ['run', '--root', ROOT, ...paths, '--reporter=json', `--outputFile=${out}`], {
      cwd: opts.cwd ?? ROOT, env: opts.env ?? {}, extendEnv: opts.extendEnv ?? true, reject: false, detached: true, stdio: ['ignore', 'ignore', 'pipe'],
    });
    const r = await running;
    running = undefined;
    let report: { testResults?: { name: string; assertionResults: { fullName: string; status: string; failureMessages?: string[] }[] }[] };
    try {
      report = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      throw new SpecError(`vitest wrote no report (exit ${r.exitCode}): ${String(r.stderr).trim().split('\n').pop()}`);
    }
    const verdicts: Verdicts = {};
    const failures: Record<string, string> = {};
    for (const f of report.testResults ?? []) {
      for (const t of f.assertionResults) {
        const name = `${f.name.replace(ROOT + '/', '')} > ${t.fullName}`;
        verdicts[name] = t.status;
        if (t.status === 'failed') failures[name] = (t.failureMessages ?? []).join('\n').split('\n').slice(0, 12).join('\n');
      }
    }
    return { verdicts, failures, exitCode: r.exitCode, ms: Date.now() - started };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Stops the running vitest and everything under it. */
export function stopRunning() {
  if (running?.pid) {
    try {
      process.kill(-running.pid, 'SIGTERM');
    } catch {
      // gone
    }
  }
}
