// `npm run explain`: the articles' programs and two forgotten handles, each explained with its
// cause, its line and the claim that states it; the JSON shape; one-line errors for bad input; and
// nothing left running after a hang. Each case runs the command as package.json does, on the
// Node running the tests, against the programs in spec/tooling/fixtures/explain/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { tempFolder } from '../support/temp.ts';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import { ENDINGS, enclosingThen, enclosingTry, UNREAD_STREAM, type Explanation } from '../../harness/explain.ts';
import { claimsFor, situations, SITUATIONS, type Seen } from '../../harness/explain-claims.ts';
import { findScenario } from '../../harness/scenarios.ts';
import { runningWith, until } from '../../harness/procs.ts';
import { runCommand } from '../../tools/command.ts';
import { BEST_MARK, CLAIMS_HEADING, renderOne, spec as explainCommand } from '../../tools/explain.ts';
import { explainSection } from '../../tools/catalog-explain.ts';
import { loadClaims } from '../../tools/catalog-model.ts';
import { SITUATION_WORDS } from '../../harness/situations.ts';

const RUN = join(ROOT, 'tools', 'run.mjs');
const CLI = join(ROOT, 'tools', 'explain.ts');
const FIXTURES = join(ROOT, 'spec', 'tooling', 'fixtures', 'explain');
const dir = tempFolder('explain-spec-', { scenarios: true });

/** An Explanation with nothing seen, for rendering. */
const fakeExplanation: Explanation = {
  schema: 1, target: 'v22.0.0', script: 'app.js', ended: 'natural', exitCode: 0, signal: null, pending: [],
  lostOutput: { stdout: { written: 0, received: 0 }, stderr: { written: 0, received: 0 }, lost: false },
  claims: [], explanations: [], unavailable: [], stdout: '', stderr: '', durationMs: 0,
};

// Each case starts the command and the program: seconds on an idle machine, far more on a loaded
// one (eight agents on two cores), hence the wide limit. The cases that run a program run one after
// another within each group, so as not to load the machine the other files' timings depend on;
// the two hangs run side by side (each mostly waits for its --timeout).
const LIMIT = 180_000;
// A hang is declared at --timeout: long enough that a loaded machine has started the program and
// run its first lines (a setInterval, a listen) well before it, short enough to keep the test quick.
const HANG_MS = '5000';

// On the Node running the tests, whatever SPEC_NODE names for the claims: explain's observations
// need async_hooks, which Bun and Deno do not feed (tools/explain.ts says so under them).
function cli(args: string[]) {
  return execa(process.execPath, [RUN, CLI, ...args], { cwd: ROOT, reject: false, env: { SPEC_NODE: process.execPath, NO_COLOR: '1' }, timeout: LIMIT - 10_000 });
}

async function explainJson(file: string, ...args: string[]): Promise<Explanation> {
  const r = await cli([join(FIXTURES, file), '--json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  const all = JSON.parse(r.stdout) as Explanation[];
  expect(all).toHaveLength(1);
  return all[0]!;
}

describe.sequential('npm run explain: the articles\' programs', () => {
  it('the event-loop article\'s app.js: the never-settling promise, its line, and lifecycle/pending-await', async () => {
    const e = await explainJson('event-loop/app.js');
    expect(e.ended).toBe('natural');
    expect(e.exitCode).toBe(0);
    // The `new Promise` of line 8, awaited on the same line; then main()'s own promise (line 6, called at line 14).
    expect(e.pending[0]).toEqual({ kind: 'promise', created: 'app.js:8', in: 'main', awaited: 'app.js:8' });
    expect(e.pending[1]).toMatchObject({ kind: 'async function', created: 'app.js:6', in: 'main' });
    expect(e.pending).toHaveLength(2);
    expect(e.claims[0]).toBe('lifecycle/pending-await');
    const text = await cli([join(FIXTURES, 'event-loop/app.js')]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('a promise created at app.js:8 in main(), awaited at app.js:8, never settled');
    expect(text.stdout).toContain('★ lifecycle/pending-await: ');
    expect(text.stdout).toContain(`why: ${findScenario('lifecycle/pending-await').why!.slice(0, 40)}`);
  }, LIMIT);

  it('the error-handling article\'s say.js: the setTimeout in say.js, scheduled from inside the try in index.js', async () => {
    const e = await explainJson('error-handling/index.js');
    expect(e.ended).toBe('crash');
    expect(e.exitCode).toBe(1);
    expect(e.crash).toMatchObject({ origin: 'uncaughtException', error: 'Error: 오류 핸들링 테스트', at: 'say.js:4', handled: false });
    expect(e.crash!.scheduled).toEqual({ kind: 'Timeout', what: 'setTimeout', at: 'say.js:3', in: 'exports.hello', calledFrom: ['index.js:4'], insideTry: 'index.js:3' });
    expect(e.claims[0]).toBe('errors/module-timer-throw');
  }, LIMIT);
});

describe('npm run explain: another async callback', () => {
  it('a throw in an fs.readFile callback: scheduled by the fs call inside the try, the timer claims\' mechanism', async () => {
    const e = await explainJson('fs-callback/read.js');
    expect(e.ended).toBe('crash');
    expect(e.crash).toMatchObject({ origin: 'uncaughtException', at: 'read.js:5' });
    expect(e.crash!.scheduled).toEqual({ kind: 'FSREQCALLBACK', what: 'an fs call (its callback)', at: 'read.js:4', calledFrom: [], insideTry: 'read.js:3' });
    expect(e.claims[0]).toBe('errors/timer-throw');
  }, LIMIT);
});

describe('npm run explain: a hang names what keeps the event loop alive, and kills it', () => {
  it('a forgotten setInterval: its line, how to release it, lifecycle/interval-unref; nothing left running', async () => {
    const e = await explainJson('forgotten-interval/poll.js', '--timeout', HANG_MS);
    expect(e.ended).toBe('timeout');
    expect(e.pending).toEqual([{ kind: 'Interval', created: 'poll.js:4', in: 'startPolling', what: 'a timer (setInterval)', release: 'clearInterval() it, or call .unref() on it' }]);
    expect(e.claims[0]).toBe('lifecycle/interval-unref');
    expect(runningWith(join(FIXTURES, 'forgotten-interval/poll.js'))).toEqual([]);
  }, LIMIT);

  it('a forgotten server: the listen line and lifecycle/server-keeps-alive; nothing left running', async () => {
    const e = await explainJson('forgotten-server/server.js', '--timeout', HANG_MS);
    expect(e.ended).toBe('timeout');
    expect(e.pending.map((p) => [p.kind, p.created])).toEqual([['TCPSERVERWRAP', 'server.js:4']]);
    expect(e.claims[0]).toBe('lifecycle/server-keeps-alive');
    expect(runningWith(join(FIXTURES, 'forgotten-server/server.js'))).toEqual([]);
  }, LIMIT);
});

describe('npm run explain: interrupted', () => {
  it('Ctrl-C (SIGINT to the whole foreground group) leaves nothing of the program running', async () => {
    const program = join(FIXTURES, 'interrupted/forever.js');
    // A time limit far beyond the test's: only the interrupt can end it.
    const child = execa(process.execPath, [RUN, CLI, program, '--timeout', '600000'], { cwd: ROOT, reject: false, detached: true, env: { SPEC_NODE: process.execPath, NO_COLOR: '1' }, timeout: LIMIT - 10_000 });
    // Wait (bounded) until the program and its child run: besides the command, two processes name it.
    const others = () => runningWith(program).filter((pid) => pid !== child.pid);
    await until('the program and its child to start', () => others().length >= 2 || child.exitCode !== null, 90_000);
    expect(others().length, 'the program and its child never started').toBe(2);
    process.kill(-child.pid!, 'SIGINT');
    const r = await child;
    expect(r.exitCode === null ? r.signal : r.exitCode).not.toBe(0);
    await until('the program to be gone', () => runningWith(program).length === 0, 30_000).catch(() => {});
    expect(runningWith(program)).toEqual([]);
  }, LIMIT);
});

describe.sequential('npm run explain: process.exit, lost output, ESM', () => {
  it('process.exit() right after an 8 MiB write: where exit was called, bytes written against received, the output claim', async () => {
    const e = await explainJson('exit-lost/cli.js');
    expect(e.ended).toBe('exit');
    expect(e.exitCode).toBe(3);
    expect(e.exit).toEqual({ code: '3', at: 'cli.js:3', in: 'finish' });
    expect(e.lostOutput.stdout.written).toBe(8 * 1024 * 1024 + 1);
    expect(e.lostOutput.stdout.received).toBeLessThan(e.lostOutput.stdout.written);
    expect(e.lostOutput.lost).toBe(true);
    expect(e.claims[0]).toBe('output/exit-after-write-stdout');
  }, LIMIT);

  it('a library\'s frames collapsed: the promise a package in the program\'s own node_modules created, named by the user\'s call into it', async () => {
    // Written here: a committed fixture cannot hold a node_modules folder (.gitignore).
    const app = join(dir(), 'with-library');
    mkdirSync(join(app, 'node_modules', 'slow-lib'), { recursive: true });
    writeFileSync(join(app, 'node_modules', 'slow-lib', 'index.js'), 'exports.connect = function () {\n  return new Promise(function () {});\n};\n');
    writeFileSync(join(app, 'main.js'), "const lib = require('slow-lib');\nasync function main() {\n  await lib.connect();\n}\nmain();\n");
    const r = await cli([join(app, 'main.js'), '--json']);
    expect(r.exitCode).toBe(0);
    const e = (JSON.parse(r.stdout) as Explanation[])[0]!;
    expect(e.ended).toBe('natural');
    expect(e.pending[0]).toEqual({ kind: 'promise', created: 'main.js:3', in: 'main', library: 'slow-lib', awaited: 'main.js:3' });
    expect(e.claims[0]).toBe('lifecycle/pending-await');
  }, LIMIT);

  it('an ES module: the promise and the await, in the .mjs file', async () => {
    const e = await explainJson('esm-pending/main.mjs');
    expect(e.ended).toBe('natural');
    expect(e.pending[0]).toEqual({ kind: 'promise', created: 'main.mjs:5', in: 'ready', awaited: 'main.mjs:8' });
    expect(e.claims[0]).toBe('lifecycle/pending-await');
  }, LIMIT);
});

describe.sequential('npm run explain --json: the shape', () => {
  it('an array, one object per target, with the fields the issue names', async () => {
    const r = await cli([join(FIXTURES, 'event-loop/app.js'), '--json']);
    const all = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(all)).toBe(true);
    for (const o of all) {
      for (const k of ['schema', 'target', 'ended', 'pending', 'lostOutput', 'claims']) expect(o, k).toHaveProperty(k);
      expect(o.schema).toBe(1);
      expect(o.target).toBe(process.version);
      expect(ENDINGS).toContain(o.ended);
      for (const p of o.pending as Record<string, unknown>[]) {
        expect(typeof p.kind).toBe('string');
        expect(p.created).toMatch(/^[^:]+:\d+$/);
        if (p.awaited !== undefined) expect(p.awaited).toMatch(/^[^:]+:\d+$/);
      }
      expect(o.lostOutput).toMatchObject({ stdout: { written: expect.any(Number), received: expect.any(Number) }, stderr: { written: expect.any(Number), received: expect.any(Number) }, lost: expect.any(Boolean) });
      expect((o.claims as unknown[]).every((c) => typeof c === 'string')).toBe(true);
    }
  }, LIMIT);
});

describe('npm run explain: bad input is one line and exit code 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['no program', [], /^explain: which program\? give the path of its main file \(try --help\)$/],
    ['a missing file', ['no-such-file.js'], /^explain: no-such-file\.js: no such file$/],
    ['a directory', ['spec'], /^explain: spec is a directory, not a program's main file$/],
    ['a bad --timeout', [join(FIXTURES, 'event-loop/app.js'), '--timeout', '5'], /^explain: --timeout needs a whole number from 100 to \d+, got "5"$/],
    ['an unknown option', ['--nope'], /^explain: Unknown option '--nope' \(see --help\)$/],
    ['an unknown target', [join(FIXTURES, 'event-loop/app.js'), '--node', 'twelve'], /^explain: unknown Node target "twelve"/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const r = await runCommand(explainCommand, args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
    });
  }

  it('--help prints the usage', async () => {
    const r = await runCommand(explainCommand, ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run explain -- <script> \[args…\] \[--node <list>\] \[--timeout <ms>\] \[--json\]/);
  });
});

describe('explain\'s parts', () => {
  it('enclosingTry finds the try a call sits in, and none outside it, past strings and comments', () => {
    const src = ["var s = '{ try {';", '// try {', 'try {', '  a();', '  if (x) { b(); }', '} catch (e) {', '  c();', '}', 'd();'].join('\n');
    expect(enclosingTry(src, 4, 3)).toBe(3);
    expect(enclosingTry(src, 5, 13)).toBe(3);
    expect(enclosingTry(src, 7, 3)).toBeUndefined();
    expect(enclosingTry(src, 9, 1)).toBeUndefined();
  });

  it('enclosingThen finds the .then( call a throw sits in, and none outside it', () => {
    const src = ['p.then(function () {', '  throw e;', '});', 'q.map((x) => {', '  throw e;', '});', "p.catch((e) => { throw e; });"].join('\n');
    expect(enclosingThen(src, 2, 3)).toBe(1);
    expect(enclosingThen(src, 5, 3)).toBeUndefined();
    expect(enclosingThen(src, 7, 18)).toBe(7);
  });

  it('each claim\'s catalogue page says how explain names it: the situations of its header; none; or, for a Lambda handler, the freeze report', () => {
    const claims = loadClaims();
    const page = (id: string) => readFileSync(join(ROOT, 'docs', 'claims', `${id}.md`), 'utf8');
    const pending = claims.find((c) => c.id === 'lifecycle/pending-await')!;
    const section = explainSection(pending).join('\n');
    expect(section).toContain(`## Recognise it in your program`);
    expect(section).toContain(`Under "${CLAIMS_HEADING}" it lists \`lifecycle/pending-await\` when it sees:`);
    expect(section).toContain(`- ${SITUATION_WORDS['natural-end-pending-promise']}: among the best matches`);
    expect(section).toContain(`- ${SITUATION_WORDS['natural-end-promise-all']}: after the best matches`);
    expect(page('lifecycle/pending-await')).toContain(section);
    const unnamed = claims.find((c) => c.kind === 'scenario' && !Object.keys(c.s.explains).length)!;
    expect(explainSection(unnamed).join('\n')).toContain('`npm run explain -- path/to/app.js` does not name this claim');
    expect(page(unnamed.id)).toContain(explainSection(unnamed).join('\n'));
    const handler = claims.find((c) => c.id === 'lambda/handlers/article-callback')!;
    expect(explainSection(handler).join('\n')).toContain("a line of the service's own (`--- frozen with work ...`, not an AWS line)");
    // The words the page quotes are the report's: the heading explain prints, the mark of the best match.
    expect(renderOne({ ...fakeExplanation, explanations: [{ id: 'x/y', claim: 'c' }] }, 100)).toEqual(expect.arrayContaining([`${CLAIMS_HEADING}:`, `  ${BEST_MARK} x/y: c`]));
  });

  it('situations: lost output after several writes is the line after a big write; a stream ended and never read is told from one never ended', () => {
    const seen = (o: Partial<Seen>): Seen => ({ ended: 'natural', exitCode: 0, script: 'a.js', pending: [], lostOutput: { lost: false, stdout: { written: 0, received: 0 }, stderr: { written: 0, received: 0 } }, ...o });
    const lost = (writes: number) => seen({ ended: 'exit', exit: { code: '0' }, lostOutput: { lost: true, stdout: { written: 100, received: 10, writes }, stderr: { written: 0, received: 0, writes: 0 } } });
    expect(situations(lost(1))).toEqual(['exit-lost-stdout', 'lost-output']);
    expect(situations(lost(2))).toEqual(['exit-lost-stdout-after-write', 'exit-lost-stdout', 'lost-output']);
    const promise = { kind: 'promise', created: 'a.js:3', via: 'Promise.all' };
    expect(situations(seen({ pending: [promise] }))).toEqual(['natural-end-promise-all', 'natural-end-pending-promise']);
    expect(situations(seen({ pending: [promise, { kind: UNREAD_STREAM, created: 'a.js:4' }] }))).toEqual(['natural-end-stream-unread', 'natural-end-promise-all', 'natural-end-pending-promise']);
  });

  it('every situation explain tells apart is explained by some scenario\'s header (`explains`), best rank first', () => {
    const table = claimsFor();
    expect(Object.keys(table).sort()).toEqual([...SITUATIONS].sort());
    for (const x of SITUATIONS) {
      expect(table[x].length, x).toBeGreaterThan(0);
      const ranks = table[x].map((id) => findScenario(id).explains[x]!);
      expect(ranks, x).toEqual([...ranks].sort((a, b) => a - b));
    }
    // The headers, read: the event-loop article's claim first for a natural end with a promise pending.
    expect(table['natural-end-pending-promise'][0]).toBe('lifecycle/pending-await');
    expect(findScenario('lifecycle/pending-await').explains).toEqual({ 'natural-end-pending-promise': 1, 'natural-end-promise-all': 3 });
  });
});
