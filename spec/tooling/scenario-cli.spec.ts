// `npm run scenario`: the JSON contract, scenarios outside the repository, several targets,
// suggestions for unknown ids, one-line errors for bad input, and nothing left running on Ctrl-C.
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { tempFolder } from '../support/temp.ts';
import { ROOT } from '../../harness/harness.ts';
import { printTarget } from '../../harness/target.ts';
import { isRunning, runningWith } from '../../harness/procs.ts';
import { runCommand } from '../../tools/command.ts';
import { skipped } from '../../harness/claims.ts';
import { whyNoStdio } from '../../harness/stdio.ts';
import { spec as scenarioCommand } from '../../tools/scenario.ts';

// As package.json's script runs it: one process (tools/run.mjs: the command's cached bundle), no
// tsx CLI in between, which relays signals to its child and SIGKILLs it when it does not answer
// within 30 ms (on a loaded machine that would skip our clean-up).
const RUN = [join(ROOT, 'tools', 'run.mjs')];
const CLI = join(ROOT, 'tools', 'scenario.ts');
const target = () => inject('target');
const dir = tempFolder('scenario-cli-', { scenarios: true });

function file(name: string, text: string): string {
  const p = join(dir(), name);
  writeFileSync(p, text);
  return p;
}

function cli(args: string[], env: Record<string, string> = {}) {
  return execa(process.execPath, [...RUN, CLI, ...args], { cwd: ROOT, reject: false, env: { SPEC_NODE: target().path, NO_COLOR: '1', ...env }, timeout: 150_000 });
}

/**
 * The command's argument handling in this process (tools/command.ts runCommand), for bad input:
 * the test fails if a case starts a process or fetches. Shaped like cli()'s result (execa strips
 * the final newline).
 */
async function inProcess(args: string[]) {
  const r = await runCommand(scenarioCommand, args);
  const strip = (t: string) => t.replace(/\n$/, '');
  return { exitCode: r.code, stdout: strip(r.stdout), stderr: strip(r.stderr) };
}

/** A test that needs a terminal for its scenario: a visible skip, with the reason, where none can be given (no util-linux `script`). */
const itWithTty = (title: string, fn: () => Promise<void>, timeout: number) => {
  const why = whyNoStdio('tty');
  if (why) skipped(title, why);
  else it(title, fn, timeout);
};

// Each case starts one or two processes: slow on a busy machine, so the limits are generous.
const LIMIT = 330_000;

const OUTSIDE_TEXT = `/*---
claim: A scenario outside the repository runs too.
source: spec/tooling/scenario-cli.spec.ts
tags: [exit]
---*/
process.on('exit', function (code) { console.log('bye ' + code); });
console.log('hello');
console.error('to stderr');
process.exitCode = 3;
`;
let OUTSIDE = '';
beforeAll(() => {
  OUTSIDE = file('outside.js', OUTSIDE_TEXT);
});

describe('npm run scenario', () => {
  it('--json prints an array of one, in the documented shape (schema 1), for a scenario outside the repository', async () => {
    const r = await cli([OUTSIDE, '--json']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const arr = JSON.parse(r.stdout);
    expect(Array.isArray(arr)).toBe(true);
    expect(arr).toHaveLength(1);
    const o = arr[0];
    expect(Object.keys(o)[0]).toBe('schema');
    expect(Number.isInteger(o.durationMs)).toBe(true);
    expect(o).toMatchObject({
      schema: 1,
      target: { runtime: target().runtime, version: target().version },
      node: printTarget(target()),
      exitCode: 3,
      signal: null,
      stdout: 'hello\nbye 3\n',
      stderr: 'to stderr\n',
      exitEvent: { fired: true, code: 3 },
      exitHandler: ['bye 3'],
    });
  }, LIMIT);

  it('--node takes a path and reports that binary\'s process.version', async () => {
    const r = await cli([OUTSIDE, '--json', '--node', process.execPath], { SPEC_NODE: '' });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)[0].node).toBe(process.version);
  }, LIMIT);

  it('--json with a --node list prints an array, one object per target in order', async () => {
    const r = await cli([OUTSIDE, '--json', '--node', `${target().path},${process.execPath}`]);
    expect(r.exitCode).toBe(0);
    const arr = JSON.parse(r.stdout);
    expect(Array.isArray(arr)).toBe(true);
    expect(arr.map((o: { node: string }) => o.node)).toEqual([printTarget(target()), process.version]);
    for (const o of arr) expect(o).toMatchObject({ schema: 1, exitCode: 3, exitEvent: { fired: true, code: 3 }, exitHandler: ['bye 3'] });
  }, LIMIT);

  it('--fail-on: exit 1 when a run differs from the first at one of the severities, 0 when none does', async () => {
    // Two runs of one target: stdout differs (a random number), the exit code does not.
    const random = file('random-fail-on.js', `/*---
claim: Each run prints a different number.
source: spec/tooling/scenario-cli.spec.ts
tags: [exit]
---*/
console.log('n=' + Math.random());
`);
    const nodes = `${target().path},${target().path}`;
    const output = await cli([random, '--node', nodes, '--fail-on', 'output', '--width', '160']);
    expect(output.exitCode, output.stderr).toBe(1);
    expect(output.stderr).toMatch(/^scenario: .+ \(output\) differs from .+ at hang, exit, output \(--fail-on\): exit 1$/);
    const exit = await cli([random, '--node', nodes, '--fail-on', 'exit-code', '--json']);
    expect(exit.exitCode, exit.stderr).toBe(0);
    expect(exit.stderr).toMatch(/^scenario: no run differs from .+ at hang, exit \(--fail-on\)$/);
    expect(JSON.parse(exit.stdout)).toHaveLength(2);
  }, LIMIT);

  it('shows several targets side by side when wide, one after another when narrow, and marks what differs', async () => {
    const random = file('random.js', `/*---
claim: Each run prints a different number, then the same line.
source: spec/tooling/scenario-cli.spec.ts
tags: [exit]
---*/
console.log('n=' + Math.random());
console.log('same every time');
`);
    const nodes = `${target().path},${target().path}`;
    const wide = await cli([random, '--node', nodes, '--width', '160']);
    expect(wide.exitCode).toBe(0);
    expect(wide.stdout).toContain('claim: Each run prints a different number, then the same line.');
    // A column's heading names the target as every report does: "node 22.1.0", "bun 1.4.5".
    const heading = `${target().runtime} ${target().version}`;
    const headRow = wide.stdout.split('\n').find((l) => l.includes(heading))!;
    expect(headRow.split(heading).length - 1).toBe(2); // two columns on one row
    expect(wide.stdout).toMatch(/^! n=0\.\d+ +! n=0\.\d+$/m); // the differing line is marked in both columns
    expect(wide.stdout).toMatch(/^ {2}same every time +same every time$/m); // the shared one is not
    const narrow = await cli([random, '--node', nodes, '--width', '50']);
    expect(narrow.exitCode).toBe(0);
    expect(narrow.stdout.split('\n').filter((l) => l.includes(heading))).toHaveLength(2); // one heading each
    expect(narrow.stdout.match(/^! n=0\.\d+$/gm)).toHaveLength(2);
    expect(narrow.stdout.match(/^ {2}same every time$/gm)).toHaveLength(2);
  }, LIMIT);

  itWithTty('--stdio runs each kind of stdout, --json naming each; side by side in text', async () => {
    const probe = file('stdio-probe.js', readFileSync(join(ROOT, 'spec/tooling/fixtures/stdio-kind.js'), 'utf8'));
    const r = await cli([probe, '--json', '--stdio', 'pipe,socket', '--stdio', 'file,tty']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const arr = JSON.parse(r.stdout) as { stdio: string; stdout: string; stderr: string; exitCode: number }[];
    expect(arr.map((o) => [o.stdio, o.stdout, o.stderr, o.exitCode])).toEqual([
      ['pipe', 'stdout fifo isTTY=false\nexit 3\n', 'stderr fifo isTTY=false\n', 3],
      ['socket', 'stdout socket isTTY=false\nexit 3\n', 'stderr socket isTTY=false\n', 3],
      ['file', 'stdout file isTTY=false\nexit 3\n', 'stderr file isTTY=false\n', 3],
      ['tty', 'stdout chardev isTTY=true\nstderr chardev isTTY=true\nexit 3\n', '', 3],
    ]);
    const text = await cli([probe, '--stdio', 'file,tty', '--width', '160']);
    expect(text.exitCode).toBe(0);
    const head = text.stdout.split('\n').find((l) => l.includes('stdout file'))!;
    expect(head).toContain('stdout tty'); // two columns on one row
    expect(text.stdout).toContain('the stdout kinds behave differently');
    expect(text.stdout).toContain('! stdout chardev isTTY=true');
  }, LIMIT);

  it('suggests the closest ids for an unknown one', async () => {
    const r = await inProcess(['lifecycle/pending-awai']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^scenario: no scenario "lifecycle\/pending-awai" \(did you mean (.+, )?lifecycle\/pending-await(, .+)?\?\)$/);
  });

  // Bad input below runs in this process (inProcess) unless it says otherwise.
  const oneLine = (stderr: string) => {
    expect(stderr).not.toContain('\n'); // exactly one line (execa strips the final newline)
    expect(stderr).toMatch(/^scenario: \S/);
    expect(stderr).not.toMatch(/^\s+at /m);
  };

  it('a malformed header is one line naming the file, exit 2', async () => {
    const bad = file('malformed.js', '/*---\nclaim: [never closed\nsource: x\n---*/\nconsole.log(1);\n');
    const r = await inProcess([bad]);
    expect(r.exitCode).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('malformed.js');
    expect(r.stderr).toContain('malformed header');
  });

  it('an unknown header field is one line, exit 2', async () => {
    const bad = file('unknown-field.js', '/*---\nclaim: c\nsource: s\ntags: [exit]\ncolour: red\n---*/\n');
    const r = await inProcess([bad]);
    expect(r.exitCode).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('unknown header field "colour"');
  });

  for (const [what, value, message] of [
    ['a word', 'banana', 'unknown Node target "banana"'],
    ['an unpinned major', '99', 'no pinned release for major 99'],
    ['a missing path', '/nonexistent/bin/node', 'does not exist'],
    ['an empty entry', '20,,22', 'empty entry'],
  ] as const) {
    it(`--node with ${what} is one line, exit 2`, async () => {
      const r = await inProcess(['lifecycle/pending-await', '--node', value]);
      expect(r.exitCode).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toContain(message);
    });
  }

  it('--fail-on with one run, or an unknown severity, is one line, exit 2', async () => {
    for (const [args, message] of [
      [['--fail-on', 'exit'], '--fail-on compares runs: give several targets (--node) or stdout kinds (--stdio)'],
      [['--node', '20,22', '--fail-on', 'exits'], '--fail-on: unknown severity "exits"'],
    ] as const) {
      const r = await inProcess(['lifecycle/pending-await', ...args]);
      expect(r.exitCode).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toContain(message);
    }
  });

  for (const [what, value, message] of [
    ['an unknown kind', 'fifo', '--stdio: unknown kind "fifo" (known: socket, pipe, file, tty)'],
    ['an empty entry', 'pipe,,tty', '--stdio: empty entry in "pipe,,tty"'],
  ] as const) {
    it(`--stdio with ${what} is one line, exit 2`, async () => {
      const r = await inProcess(['lifecycle/pending-await', '--stdio', value]);
      expect(r.exitCode).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toContain(message);
    });
  }

  it('--node with a file that is not executable is one line, exit 2', async () => {
    const p = file('not-node', 'just text\n');
    chmodSync(p, 0o644);
    const r = await inProcess(['lifecycle/pending-await', '--node', p]);
    expect(r.exitCode).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('is not executable');
  });

  // A real process: telling that an executable is not node means running it, and this case keeps
  // the wiring tested (argv to one line on stderr and exit 2).
  it('an executable that is not node is one line, exit 2', async () => {
    const p = file('fake-node', '#!/bin/sh\necho hello\n');
    chmodSync(p, 0o755);
    const r = await cli(['lifecycle/pending-await', '--node', p]);
    expect(r.exitCode).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('did not answer --version');
  }, LIMIT);

  it('unknown options and a missing id are one line, exit 2', async () => {
    for (const args of [['lifecycle/pending-await', '--frobnicate'], []]) {
      const r = await inProcess(args);
      expect(r.exitCode).toBe(2);
      oneLine(r.stderr);
    }
  });

  it.each([
    ['Ctrl-C (SIGINT to the whole foreground group)', 'SIGINT', true],
    ['SIGTERM to the command alone (a supervisor stopping it)', 'SIGTERM', false],
    ...(whyNoStdio('tty') ? [] : [['SIGTERM to the command alone, the scenario on a terminal (--stdio tty: `script` and its session)', 'SIGTERM', false, ['--stdio', 'tty']] as const]),
  ] as const)('%s leaves nothing running', async (_label, signal, wholeGroup, extra: readonly string[] = []) => {
    const name = `forever-${signal}${extra.length ? '-tty' : ''}`;
    const pidFile = join(dir(), `${name}.pid`);
    const forever = file(`${name}.js`, `/*---
claim: Runs until killed.
source: spec/tooling/scenario-cli.spec.ts
tags: [handles]
timeout: 120000
---*/
require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
setInterval(function () {}, 1000);
`);
    const child = execa(process.execPath, [...RUN, CLI, forever, ...extra], { cwd: ROOT, reject: false, detached: true, env: { SPEC_NODE: target().path, NO_COLOR: '1' }, timeout: 150_000 });
    // Wait (bounded) for the scenario to be running: it writes its pid once started.
    const deadline = Date.now() + 90_000;
    while (!existsSync(pidFile) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    if (!existsSync(pidFile)) {
      // Say why: the command ended first (its output), or the scenario was still starting.
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      const r = await child;
      expect.fail(`the scenario never started: ${r.exitCode === null ? 'still starting after 90 s' : `the command ended first, exit ${r.exitCode}`}\n${r.stdout}\n${r.stderr}`);
    }
    const pid = Number(readFileSync(pidFile, 'utf8'));
    process.kill(wholeGroup ? -child.pid! : child.pid!, signal);
    const r = await child;
    expect(r.exitCode === null ? r.signal : r.exitCode).not.toBe(0);
    const gone = Date.now() + 30_000;
    while (isRunning(pid) && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
    expect(isRunning(pid), `scenario process ${pid} still running after ${signal}`).toBe(false);
    // Nor anything else whose command line names it (under tty: `script` and the terminal's wrapper).
    while (runningWith(forever).length && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
    expect(runningWith(forever)).toEqual([]);
    // Nor a temporary folder of the command's runs (harness/stdio.ts STDIO_TEMP, named by its pid).
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`nas-stdio-${child.pid}-`))).toEqual([]);
  }, LIMIT);
});

describe('columns on a terminal (tools/text-width.ts, used by scenario and upgrade)', () => {
  it('counts a wide (Korean) character as two columns, so a padded column ends at the same place', async () => {
    const { cols, pad, wrap } = await import('../../tools/text-width.ts');
    const message = "Error: 오류 핸들링 테스트";
    expect(cols(message)).toBe(7 + 2 * 8 + 2);
    const rows = [pad(message, 30) + '|', pad('Error: boom', 30) + '|'];
    expect(rows.map((r) => cols(r.slice(0, r.indexOf('|'))))).toEqual([30, 30]);
    // Wrapped to 10 columns, no piece is wider than 10, and nothing is lost.
    const pieces = wrap(message, 10);
    expect(pieces.every((p) => cols(p) <= 10)).toBe(true);
    expect(pieces.join('')).toBe(message);
  });
});
