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
const dir = tempFolder('nas-stdio-spec-');
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
