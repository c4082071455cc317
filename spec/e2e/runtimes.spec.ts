// Bun and Deno for real (npm run test:e2e): installed from the npm registry at their pins, the Node
// flags passed to each are ones it takes, the observer works as a preload under each without
// changing what a scenario does, and what it cannot see is reported as unknown. What needs neither
// binary is in spec/tooling/runtimes.spec.ts.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, commandLine, findScenario, readScenario, ROOT, RUNTIME_FLAGS, runScenario, SCENARIOS, whyNotApplicable, type Scenario, type Target } from '../../harness/harness.ts';
import { resolveTarget, runtimePackage } from '../../harness/node-binaries.ts';
import { printTarget } from '../../harness/target.ts';
import { expectOneLineSpecError } from '../support/errors.ts';
import { normalise } from '../../harness/observation.ts';
import { outcomeProblems } from '../../harness/outcome.ts';
import { isRunning, runGroup } from '../../harness/procs.ts';

const fixture = (name: string) => readScenario(join(ROOT, 'spec', 'tooling', 'fixtures', name));
const pinned = JSON.parse(readFileSync(join(ROOT, 'runtime-versions.json'), 'utf8')) as { bun: string; deno: string };
const targets: Record<'bun' | 'deno', Target> = {} as never;

beforeAll(async () => {
  targets.bun = await resolveTarget('bun');
  targets.deno = await resolveTarget('deno');
}, 600_000);

const help = (file: string, args: string[]) =>
  new Promise<string>((res, rej) => execFile(file, args, { maxBuffer: 4 << 20 }, (e, out) => (e ? rej(e) : res(String(out)))));

describe('targets from runtime-versions.json', () => {
  it('bun and deno resolve to their pinned releases, cached and verified with --version', () => {
    expect(targets.bun).toMatchObject({ runtime: 'bun', version: pinned.bun });
    expect(targets.deno).toMatchObject({ runtime: 'deno', version: pinned.deno });
    expect(targets.bun.path).toContain(join('bun', `${pinned.bun}-${process.platform}-${process.arch}`));
  });

  it('an exact release and the path of a binary name the same target', async () => {
    expect(await resolveTarget(`deno@${pinned.deno}`)).toEqual(targets.deno);
    expect(await resolveTarget(targets.bun.path)).toEqual(targets.bun);
  });

  it.each([
    ['bun@0.0.1', `bun 0.0.1: the npm registry has no ${runtimePackage('bun')?.pkg}@0.0.1`],
  ])('%s: a SpecError of one line', async (spec, message) => {
    await expectOneLineSpecError(resolveTarget(spec), message);
  }, 150_000);

});

describe('npm run scenario with runtimes', () => {
  const cli = (args: string[]) => execa(process.execPath, ['--import', 'tsx', join(ROOT, 'tools', 'scenario.ts'), ...args], { cwd: ROOT, reject: false, timeout: 150_000, env: { NO_COLOR: '1' } });

  it('--json --node bun,deno: the usual objects, `node` holding the runtime\'s version string', async () => {
    const r = await cli(['lifecycle/pending-await', '--node', 'bun,deno', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const objs = JSON.parse(r.stdout) as { node: string; applies: boolean; exitCode: number; exitEvent: unknown; exitHandler: unknown }[];
    expect(objs.map((o) => [o.node, o.applies, o.exitCode])).toEqual([[`bun ${pinned.bun}`, true, 0], [`deno ${pinned.deno}`, true, 0]]);
    for (const o of objs) expect(o).toMatchObject({ exitEvent: { fired: true, code: 0 }, exitHandler: ['node exit with code 0'] });
  }, 150_000);

  it('a runtime where the scenario is n.a. is not run: the reason instead of an observation', async () => {
    const r = await cli(['rejections/mode-strict', '--node', 'deno', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ schema: 1, target: { runtime: 'deno', version: pinned.deno }, node: `deno ${pinned.deno}`, applies: false, notApplicable: "deno does not take Node's --unhandled-rejections=strict" }]);
    const text = await cli(['rejections/mode-strict', '--node', 'deno']);
    expect(text.stdout).toContain(`deno ${pinned.deno}: n.a.: deno does not take Node's --unhandled-rejections=strict`);
  }, 150_000);
});

describe('Node flags under each runtime', () => {
  it('bun lists every flag it is given under the same name in its --help', async () => {
    const text = await help(targets.bun.path, ['--help']);
    for (const f of RUNTIME_FLAGS.bun) expect(text, f).toMatch(new RegExp(`\\s${f}[=\\s]`));
  });

  it('deno run lists every flag it is given in its --help', async () => {
    const text = await help(targets.deno.path, ['run', '--help']);
    for (const f of RUNTIME_FLAGS.deno) expect(text, f).toMatch(new RegExp(`\\s${f}[=\\s]`));
  });

  it('deno run refuses a Node flag; bun runs on past one it does not know: so neither gets one it does not list', async () => {
    const s = findScenario('lifecycle/pending-await');
    const deno = await runGroup(targets.deno.path, ['run', '-A', '--unhandled-rejections=strict', s.file], { cwd: dirname(s.file), env: cleanEnv(), timeout: 30_000 });
    expect(deno.exitCode).not.toBe(0);
    expect(deno.stderr).toMatch(/unexpected argument '--unhandled-rejections=strict'/);
    const bun = await runGroup(targets.bun.path, ['--no-such-node-flag', s.file], { cwd: dirname(s.file), env: cleanEnv(), timeout: 30_000 });
    expect(bun.exitCode).toBe(0);
    expect(bun.stdout).toContain('end of code');
  });

});

describe('the observer under Bun and Deno', () => {
  it.each(['bun', 'deno'] as const)('%s: the exit event and what its listeners print through the console and process.stdout', async (rt) => {
    const r = await runScenario(fixture('runtime-exit-print.js'), targets[rt]);
    expect(r.node).toBe(printTarget(targets[rt]));
    expect(r.exitEvent).toEqual({ fired: true, code: 0 });
    expect(r.exitHandler).toEqual(['exit code 0', 'written directly', 'to stderr']);
    expect(r.stdout).toBe('main done\nexit code 0\nwritten directly\n');
  });

  it.each(['bun', 'deno'] as const)('%s: an object printed during exit is unknown (null), and a claim on it reports unknown, not a failure', async (rt) => {
    const r = await runScenario(fixture('runtime-exit-object.js'), targets[rt]);
    expect(r.exitEvent).toEqual({ fired: true, code: 0 });
    expect(r.exitHandler).toBeNull();
    expect(r.stdout).toMatch(/code: 0/);
    const checked = outcomeProblems(r, { exit: 0, stdout: /code/, stderr: '', exitEvent: { code: 0, printed: ['{ code: 0 }'] } });
    expect(checked).toEqual({ problems: [], unknown: ['printed during exit'] });
  });

  it.each(['bun', 'deno'] as const)('%s: a scenario that never ends is killed at its time limit with its whole process group', async (rt) => {
    const r = await runScenario(fixture('runtime-hang-child.js'), targets[rt]);
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    const child = Number(/^alive child (\d+)$/m.exec(r.stdout)?.[1]);
    expect(child).toBeGreaterThan(0);
    expect(isRunning(child)).toBe(false);
  });

  // The observer must not change what a scenario does: observed and bare runs print the same and
  // end the same way. (Every scenario was compared so while adding the runtimes; this is a sample
  // covering exit listeners, uncaught errors, rejections, a flag, domains, streams, servers and a hang.)
  const sample = [
    'lifecycle/pending-await', 'lifecycle/exit-handler-async', 'lifecycle/server-keeps-alive', 'lifecycle/tla-never-settles',
    'errors/throw-in-uncaught-handler', 'errors/timer-throw', 'rejections/unhandled-default', 'rejections/mode-strict',
    'domain/implicit-emitter', 'events/pipeline-error', 'async-context/propagation',
  ];
  const bareRun = async (s: Scenario, t: Target, timeout: number) => {
    const { file, args } = commandLine(s, t, { bare: true });
    const r = await runGroup(file, args, { cwd: dirname(s.file), env: cleanEnv(s.env), timeout });
    const at = { dir: dirname(s.file), scenarios: SCENARIOS, root: ROOT, binary: t.path };
    return { exitCode: r.exitCode, signal: r.timedOut ? 'SIGKILL' : r.signal, timedOut: r.timedOut, stdout: normalise(r.stdout, at), stderr: normalise(r.stderr, at) };
  };
  for (const rt of ['bun', 'deno'] as const) {
    for (const id of sample) {
      const s = findScenario(id);
      const why = whyNotApplicable(s, `${rt} ${pinned[rt]}`);
      if (why) {
        it.skip(`${rt}: ${id} — n.a.: ${why}`, { meta: { skip: why } }, () => {});
        continue;
      }
      it(`${rt}: ${id} observed ends and prints as it does bare`, async () => {
        const timeout = Math.min(s.timeout, 4000); // a hang shows within 4 s
        const [o, b] = await Promise.all([runScenario(s, targets[rt], { timeout }), bareRun(s, targets[rt], timeout)]);
        expect({ exitCode: o.exitCode, signal: o.signal, timedOut: o.timedOut, stdout: o.stdout, stderr: o.stderr }).toEqual(b);
      }, 60_000);
    }
  }
});

describe("Bun's crash trailer", () => {
  it('is normalised like Node\'s, so that two Bun releases do not differ by it, and is not a stderr line that matters', async () => {
    // Observed: a module that fails to parse prints the report, then "Bun v1.4.5 (Linux x64)".
    const r = await runScenario(findScenario('modules/import-syntax-error-static'), targets.bun);
    expect(r.stderr).toMatch(/^Bun <version> \(Linux x64[^)]*\)$/m);
    expect(r.stderr).not.toMatch(/Bun v\d/);
    const { stderrHighlights } = await import('../../harness/observation.ts');
    expect(stderrHighlights(r.stderr).filter((l) => l.startsWith('Bun'))).toEqual([]);
    expect(stderrHighlights(r.stderr)).toContain('error: Unexpected ;');
  });
});
