// Running one scenario under a target and observing it: the process group, the observer's report,
// and what it printed, normalised (harness/observation.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { commandLine, type RunOptions } from './command-line.ts';
import { cleanEnv } from './environment.ts';
import type { Target } from './node-binaries.ts';
import { normalise, type Observation } from './observation.ts';
import { holdFolder, runGroup, type GroupRun } from './procs.ts';
import { ROOT, SpecError } from './project.ts';
import { parseReport, reportChannel } from './protocol.ts';
import { SCENARIOS, type Scenario } from './scenario.ts';
import { DEFAULT_STDIO, openStdio } from './stdio.ts';
import { printTarget } from './target.ts';

/** The most of each stream an observation keeps (runGroup's own cap for what it collects). */
const MAX_OUTPUT = 8 * 1024 * 1024;

/**
 * Runs one scenario under `target` and observes it. The scenario runs in its own process group,
 * which is killed when the scenario's main process ends (so no worker or server outlives it) or
 * when the time limit passes (then `timedOut` is true and the output is what it had printed).
 */
export async function runScenario(s: Scenario, target: Target, opts: RunOptions = {}): Promise<Observation> {
  const command = commandLine(s, target, opts);
  const kind = opts.stdio ?? s.stdio[0]!;
  if (!opts.stdio && s.stdio.length > 1) throw new SpecError(`${s.id} states several stdout kinds (${s.stdio.join(', ')}): say which one to run with (RunOptions.stdio)`);
  const io = openStdio(kind);
  const channel = reportChannel(target.runtime);
  // The scenario's own temporary folder (TMPDIR, which os.tmpdir() reads): whatever it makes there
  // goes when the run ends, also when the time limit killed it before its own clean-up could run.
  const temp = mkdtempSync(join(tmpdir(), 'nas-scenario-'));
  const removeTemp = () => rmSync(temp, { recursive: true, force: true });
  const release = holdFolder(temp);
  let r: GroupRun;
  try {
    const { file, args } = io.wrap(command.file, command.args, channel.onFd3);
    const running = runGroup(file, args, {
      cwd: dirname(s.file),
      env: cleanEnv({ TMPDIR: temp, ...s.env, ...(opts.env ?? {}), ...channel.env }),
      timeout: opts.timeout ?? s.timeout,
      report: channel.onFd3,
      stdio: io.fds,
      alsoKill: io.groups,
    });
    io.spawned();
    r = await running;
    const { lost, ...got } = await io.finish(MAX_OUTPUT, r.timedOut);
    if (lost && !r.startError) throw new SpecError(`${s.id} with stdio ${kind}: ${lost} (exit code ${r.exitCode}, signal ${r.signal}; stderr: ${JSON.stringify(r.stderr.trim().split('\n')[0] ?? '')})`);
    Object.assign(r, got);
    if (!channel.onFd3) r.report = channel.read() ?? r.report;
  } finally {
    channel.close();
    io.close();
    release();
    removeTemp();
  }
  if (r.startError) throw new SpecError(`could not start ${target.path} for ${s.id}: ${r.startError}`);
  const report = parseReport(r.report);
  // Under another runtime, an observer that never reported leaves the exit event unknown: say so rather than "not fired".
  if (!report.started && target.runtime !== 'node') {
    throw new SpecError(`${s.id} on ${printTarget(target)}: the observer did not run (${r.timedOut ? 'timed out' : `exit code ${r.exitCode}, signal ${r.signal}`}; stderr: ${JSON.stringify(r.stderr.trim().split('\n')[0] ?? '')})`);
  }
  const at = { dir: dirname(s.file), scenarios: SCENARIOS, root: ROOT, binary: target.path };
  let exitHandler: string[] | null = normalise(report.duringExit, at).split('\n');
  if (exitHandler[exitHandler.length - 1] === '') exitHandler.pop();
  if (report.unknown) exitHandler = null;
  return {
    id: s.id,
    node: target.runtime === 'node' && report.version ? report.version : printTarget(target),
    exitCode: r.exitCode,
    signal: r.timedOut ? 'SIGKILL' : r.signal,
    stdout: normalise(r.stdout, at),
    stderr: normalise(r.stderr, at),
    exitEvent: { fired: report.fired, code: report.fired ? report.exitCode : null },
    exitHandler,
    timedOut: r.timedOut,
    durationMs: r.durationMs,
    // Recorded only when not the default, so that every observation made with a socket pair reads as before.
    ...(kind !== DEFAULT_STDIO ? { stdio: kind } : {}),
  };
}
