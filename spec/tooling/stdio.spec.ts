// What a scenario's stdout and stderr are (harness/stdio.ts): the child really gets a socket pair,
// a FIFO, a regular file or a pseudo-terminal, the observer's report arrives on fd 3 with each, the
// exit code and signal are the scenario's own, and nothing is left behind (temporary FIFOs and
// files, `script` and the terminal's processes), also when the run is killed at its time limit.
import { copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readScenario, runScenario, SpecError } from '../../harness/harness.ts';
import { isRunning, runningWith } from '../../harness/procs.ts';
import { skipped } from '../../harness/claims.ts';
import { STDIO_TEMP, whyNoStdio, type StdioKind } from '../../harness/stdio.ts';
import { tempFolder } from '../support/temp.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readScenario(join(fixtures, name));
const target = inject('target');
const dir = tempFolder('nas-stdio-spec-', { scenarios: true });
// A kind this machine cannot give (tty without util-linux's script) is a visible skip, with the reason.
const can = (kind: StdioKind) => !whyNoStdio(kind);
const itKind = (kind: StdioKind, title: string, fn: () => Promise<void>) => (can(kind) ? it(title, fn) : skipped(title, whyNoStdio(kind)!));
const leftovers = () => readdirSync(tmpdir()).filter((n) => n.startsWith(STDIO_TEMP));

// Sequential: the checks that nothing is left read this process's temporary folders and processes.
describe.sequential('stdout and stderr of each kind', () => {
  it('socket (the default): a socket pair, as child_process gives; the observation does not name it', async () => {
    const r = await runScenario(fixture('stdio-kind.js'), target);
    expect(r.stdout).toBe('stdout socket isTTY=false\nexit 3\n');
    expect(r.stderr).toBe('stderr socket isTTY=false\n');
    expect(r.exitCode).toBe(3);
    expect(r.exitEvent).toEqual({ fired: true, code: 3 });
    expect(r.exitHandler).toEqual(['exit 3']);
    expect('stdio' in r).toBe(false);
  });

  it.each([
    ['pipe', 'fifo'],
    ['file', 'file'],
  ] as const)('%s: fds 1 and 2 are a %s each, read apart; the report still comes on fd 3', async (kind, seen) => {
    const r = await runScenario(fixture('stdio-kind.js'), target, { stdio: kind });
    expect(r.stdout).toBe(`stdout ${seen} isTTY=false\nexit 3\n`);
    expect(r.stderr).toBe(`stderr ${seen} isTTY=false\n`);
    expect(r.exitCode).toBe(3);
    expect(r.exitEvent).toEqual({ fired: true, code: 3 });
    expect(r.exitHandler).toEqual(['exit 3']);
    expect(r.stdio).toBe(kind);
    expect(leftovers()).toEqual([]);
  });

  itKind('tty', 'tty: both are one pseudo-terminal (isTTY), printed in order into stdout; the report still comes on fd 3', async () => {
    const r = await runScenario(fixture('stdio-kind.js'), target, { stdio: 'tty' });
    expect(r.stdout).toBe('stdout chardev isTTY=true\nstderr chardev isTTY=true\nexit 3\n');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(3);
    expect(r.exitEvent).toEqual({ fired: true, code: 3 });
    expect(r.exitHandler).toEqual(['exit 3']);
    expect(r.stdio).toBe('tty');
    expect(leftovers()).toEqual([]);
  });

  for (const kind of ['socket', 'pipe', 'file', 'tty'] as const) itKind(kind, `${kind}: a scenario killed by a signal reads as that signal, not as an exit code`, async () => {
    const r = await runScenario(fixture('stdio-signal.js'), target, { stdio: kind });
    expect(r.signal).toBe('SIGTERM');
    expect(r.exitCode).toBe(null);
    expect(r.timedOut).toBe(false);
    expect(r.stdout).toBe('before the signal\n');
  });

  it('pipe, file and tty (where a terminal can be given, see above): at the time limit the whole tree goes, and nothing is left behind', async () => {
    // Each a copy under a name of its own: no process may be left whose command line names it (`script`, the terminal's wrapper, the scenario).
    const runs = (['pipe', 'file', 'tty'] as const).filter(can).map(async (kind) => {
      const file = join(dir(), `hangs-${kind}-${process.pid}.js`);
      copyFileSync(join(fixtures, 'hangs-with-children.js'), file);
      return { kind, file, r: await runScenario(readScenario(file), target, { stdio: kind, timeout: 4000 }) };
    });
    for (const { kind, file, r } of await Promise.all(runs)) {
      expect(r.timedOut, kind).toBe(true);
      expect(r.signal, kind).toBe('SIGKILL');
      expect(r.stdout, kind).toContain('partial output before the hang');
      const pids = [...r.stdout.matchAll(/^(?:child|grandchild) (\d+)$/gm)].map((m) => Number(m[1]));
      expect(pids, `${kind}: ${r.stdout}`).toHaveLength(2);
      for (const pid of pids) expect(isRunning(pid), `${kind}: pid ${pid} still alive`).toBe(false);
      expect(runningWith(file), kind).toEqual([]);
    }
    expect(leftovers()).toEqual([]);
  });

  it('a header asking for an unknown kind is rejected, naming the kinds', () => {
    expect(() => fixture('bad-stdio.js')).toThrow(SpecError);
    expect(() => fixture('bad-stdio.js')).toThrow(/bad-stdio\.js: header field "stdio" must be one of socket, pipe, file, tty/);
  });
});

// The bench's floor (tools/bare-run.mjs) runs each scenario on the kind its header names, as the
// suite does, with no harness: each job here writes what its fds 1 and 2 are to a file of its own.
describe.sequential('tools/bare-run.mjs: each job on its kind', () => {
  const bareLeftovers = () => readdirSync(tmpdir()).filter((n) => n.startsWith('nas-bare-'));
  const kinds = (['socket', 'pipe', 'file', 'tty'] as const).filter(can);
  if (!can('tty')) skipped('tools/bare-run.mjs on a terminal', whyNoStdio('tty')!);
  it(`runs ${kinds.join(', ')} as fds 1 and 2 are in the suite, and leaves nothing behind`, async () => {
    const { execa } = await import('execa');
    const probe = "var fs=require('fs');function k(fd){var s=fs.fstatSync(fd);return s.isFIFO()?'fifo':s.isSocket()?'socket':s.isFile()?'file':s.isCharacterDevice()?'chardev':'other'}" +
      "fs.writeFileSync(process.argv[1], k(1)+' '+k(2)+' isTTY='+!!process.stdout.isTTY);process.stdout.write('x'.repeat(1<<20))";
    const out = (k: string) => join(dir(), `bare-${k}.txt`);
    // Run by this Node: what is under test is bare-run's wiring of fds 1 and 2, and the probe is
    // given with -e, which Deno does not take.
    const jobs = kinds.map((k) => ({ file: process.execPath, args: ['-e', probe, out(k)], cwd: dir(), env: { PATH: process.env.PATH ?? '' }, timeout: 20_000, stdio: k }));
    const file = join(dir(), 'bare-jobs.json');
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify({ width: 4, jobs }));
    // Other processes on this machine may hold folders of their own with the prefix: only new ones count.
    const before = new Set(bareLeftovers());
    const r = await execa(process.execPath, [join(import.meta.dirname, '..', '..', 'tools', 'bare-run.mjs'), file], { reject: false, timeout: 60_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    const want: Record<string, string> = { socket: 'socket socket isTTY=false', pipe: 'fifo fifo isTTY=false', file: 'file file isTTY=false', tty: 'chardev chardev isTTY=true' };
    for (const k of kinds) expect(readFileSync(out(k), 'utf8'), k).toBe(want[k]);
    expect(bareLeftovers().filter((n) => !before.has(n))).toEqual([]);
    // No process of a job is left (the terminal's included: its command line names the job's output file).
    expect(runningWith(join(dir(), 'bare-'))).toEqual([]);
  }, 90_000);
});
