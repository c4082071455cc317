// `npm run matrix`: bad input is a one-line error, and the logic that finds and checks behaviour
// changes (tools/matrix-data.ts, tools/matrix-render.ts) flags what it should. Real runs over Node 14 and 22 (a small run's
// results, an interrupted run) are in spec/e2e/matrix.spec.ts (npm run test:e2e).
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import type { ClaimRecord } from '../../harness/records.ts';
import { stableJson } from '../../harness/observation.ts';
import { compatibility, findChanges, problems, versionResult, type MatrixData, type RecordedObservation, type ScenarioMeta, type VersionResult } from '../../tools/matrix-data.ts';
import { describeChangeShort, excerpt, markdownReport, table, terminalTable } from '../../tools/matrix-render.ts';
import type { ObservedChange } from '../../tools/matrix-data.ts';
import { spec as matrixCommand } from '../../tools/matrix.ts';
import { runCommand } from '../../tools/command.ts';

function oneLineError(r: { exitCode?: number; stderr: string; stdout: string }, pattern: RegExp) {
  expect(r.exitCode).not.toBe(0);
  const lines = r.stderr.split('\n').filter((l) => l.trim() && !/^npm warn/i.test(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^matrix: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

describe('npm run matrix: bad input is a one-line error and a non-zero exit', () => {
  // In this process (tools/command.ts runCommand): the same argument handling, and the test
  // fails if a case starts a process, fetches or leaves a signal listener behind.
  it.concurrent.each([
    [['99'], /99/],
    [['banana'], /banana/],
    [['/no/such/node'], /\/no\/such\/node does not exist/],
    [['--only', 'no-such-scenario-prefix', '22'], /no-such-scenario-prefix/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--jobs', 'zero'], /--jobs/],
  ] as const)('%j', async (args, pattern) => {
    const r = await runCommand(matrixCommand, [...args]);
    expect(r.code).toBe(2);
    oneLineError({ exitCode: r.code, stderr: r.stderr, stdout: r.stdout }, pattern);
  });

  // The wiring, in a real process: npm, package.json's script, tsx, the scaffold's exit code.
  it('through npm as well: `npm run matrix -- 99`', async () => {
    const r = await execa('npm', ['run', '-s', 'matrix', '--', '99'], { cwd: ROOT, reject: false, stdin: 'ignore' });
    oneLineError(r, /Node 99/);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// The logic, on made-up data

function obs(v: string, over: Partial<RecordedObservation> = {}): RecordedObservation {
  return { id: 'x/y', node: v, exitCode: 0, signal: null, stdout: 'ok\n', stderr: '', exitEvent: { fired: true, code: 0 }, exitHandler: [], timedOut: false, ...over };
}

function data(meta: ScenarioMeta, cells: Record<string, RecordedObservation | 'n.a.' | 'fail'>): MatrixData {
  const versions = Object.keys(cells);
  const results: Record<string, VersionResult> = {};
  for (const v of versions) {
    const c = cells[v]!;
    const rec = { scenario: 'x/y', target: v, hash: meta.hash };
    const s: ClaimRecord = c === 'n.a.' ? { ...rec, verdict: 'n.a.' } : c === 'fail' ? { ...rec, verdict: 'fail', failure: 'expected 1, got 0' } : { ...rec, verdict: 'pass', observation: c };
    results[v] = { node: v, platform: 'linux', arch: 'x64', scenarios: { 'x/y': s } };
  }
  const scenarios = { 'x/y': meta };
  return { platform: 'linux', arch: 'x64', versions, scenarios, results, changes: findChanges(versions, results, scenarios), unclaimed: [] };
}

const META: ScenarioMeta = { claim: 'A claim.', tags: ['exit'], node: '*', changes: [], hash: '0123456789abcdef' };

describe('matrix logic (tools/matrix-data.ts, tools/matrix-render.ts)', () => {
  it('finds the first version where behaviour changes and the `changes:` entry that explains it', () => {
    const meta = { ...META, changes: [{ in: '15.0.0', what: 'became fatal', link: 'https://github.com/nodejs/node/pull/33021' }] };
    const d = data(meta, { 'v12.22.12': obs('v12.22.12'), 'v14.21.3': obs('v14.21.3'), 'v15.14.0': obs('v15.14.0', { exitCode: 1 }), 'v16.20.2': obs('v16.20.2', { exitCode: 1 }) });
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ scenario: 'x/y', from: 'v14.21.3', to: 'v15.14.0', diff: [{ field: 'exit code', before: 0, after: 1 }], explainedBy: meta.changes[0] });
    expect(problems(d)).toEqual([]);
    const t = table(d);
    expect(t.columns.map((c) => c.label)).toEqual(['12–14', '15–16']);
    expect(terminalTable(d)).toMatch(/^x\/y\s+pass\s+pass Δ$/m);
    expect(markdownReport(d)).toContain('Explained: since 15.0.0, became fatal (https://github.com/nodejs/node/pull/33021)');
  });

  it('an observed change with no matching `changes:` entry is a problem, loudly reported', () => {
    const meta = { ...META, changes: [{ in: '17.0.0', what: 'something else', link: 'https://example.org' }] };
    const d = data(meta, { 'v14.21.3': obs('v14.21.3'), 'v15.14.0': obs('v15.14.0', { stdout: 'changed\n' }) });
    expect(d.changes[0]!.explainedBy).toBeNull();
    const p = problems(d);
    expect(p).toHaveLength(1);
    expect(p[0]!.kind).toBe('unexplained');
    expect(p[0]!.text).toContain('x/y changes between node 14.21.3 and node 15.14.0 (stdout)');
    expect(markdownReport(d)).toMatch(/UNEXPLAINED CHANGE/);
  });

  it('stack frames and n.a. versions are not behaviour changes; failures are problems naming claim and version', () => {
    const d = data(META, {
      'v12.22.12': obs('v12.22.12', { stdout: 'Error: x\n    at internal/timers.js:554:17\n' }),
      'v13.14.0': 'n.a.',
      'v14.21.3': obs('v14.21.3', { stdout: 'Error: x\n    at node:internal/timers:557:17\n' }),
      'v15.14.0': 'fail',
    });
    expect(d.changes).toEqual([]);
    expect(problems(d).map((p) => p.text)).toEqual(['x/y fails on node 15.14.0: expected 1, got 0']);
    expect(table(d).cells[0]!.map((c) => c.text)).toEqual(['pass', 'n.a.', 'pass', 'FAIL']);
  });

  it('JSON is written with sorted keys, so equal data gives equal bytes', () => {
    expect(stableJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined } })).toBe('{\n  "a": {\n    "d": [\n      3,\n      {\n        "e": 2,\n        "f": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });

  it('a release line that never got a change explains the change at its edges', () => {
    const meta = { ...META, changes: [{ in: '20.15.0', what: 'prints a stack', link: 'https://github.com/nodejs/node/pull/52108' }, { never: '21', what: 'never backported to 21.x', link: 'https://github.com/nodejs/node/pull/52108' }] };
    const d = data(meta, { 'v20.20.2': obs('v20.20.2', { stdout: 'new\n' }), 'v21.7.3': obs('v21.7.3'), 'v22.23.3': obs('v22.23.3', { stdout: 'new\n' }) });
    expect(d.changes.map((c) => [c.from, c.to, c.explainedBy?.never])).toEqual([['v20.20.2', 'v21.7.3', '21'], ['v21.7.3', 'v22.23.3', '21']]);
    expect(problems(d)).toEqual([]);
  });

  it('reads verdicts from test records by their scenario id, whatever the test is called', () => {
    const o = obs('v22.23.3');
    const rename = (name: string) => versionResult('v22.23.3', [
      { t: 'test', file: 'spec/node/x.spec.ts', name, verdict: 'pass', scenario: 'x/y', target: 'v22.23.3', hash: 'aaaa', observation: o, ranges: ['<15', '>=15'] },
      { t: 'test', file: 'spec/node/x.spec.ts', name: `${name} (n.a.)`, verdict: 'n.a.', scenario: 'x/z', target: 'v22.23.3', hash: 'bbbb', skip: 'n.a. on v22.23.3: applies to Node <15' },
      { t: 'test', file: 'spec/node/x.spec.ts', name: 'not a claim', verdict: 'fail', failure: 'boom' },
    ]);
    const a = rename('x/y: A claim.'), b = rename('something else entirely, with: colons — and dashes');
    expect(b.scenarios).toEqual(a.scenarios);
    // Each claim's record, unchanged: the one shape from the test to matrix.json.
    expect(a.scenarios).toEqual({
      'x/y': { scenario: 'x/y', target: 'v22.23.3', verdict: 'pass', hash: 'aaaa', observation: o, ranges: ['<15', '>=15'] },
      'x/z': { scenario: 'x/z', target: 'v22.23.3', verdict: 'n.a.', hash: 'bbbb', skip: 'n.a. on v22.23.3: applies to Node <15' },
    });
    expect(a.otherTests).toEqual({ 'not a claim': { verdict: 'fail', failure: 'boom' } });
  });

  it('a skipped claim stays skipped, with its reason: never a fail; only a skip without a reason is a problem', () => {
    const r = versionResult('v22.23.3', [
      { t: 'test', file: 'spec/node/x.spec.ts', name: 'a', verdict: 'skipped', scenario: 'x/y', target: 'v22.23.3', hash: 'aaaa', skip: 'needs a network' },
      { t: 'test', file: 'spec/node/x.spec.ts', name: 'b', verdict: 'skipped', scenario: 'x/z', target: 'v22.23.3', hash: 'bbbb' },
    ]);
    expect(r.scenarios).toEqual({ 'x/y': { scenario: 'x/y', target: 'v22.23.3', verdict: 'skipped', hash: 'aaaa', skip: 'needs a network' }, 'x/z': { scenario: 'x/z', target: 'v22.23.3', verdict: 'skipped', hash: 'bbbb' } });
    const d: MatrixData = { platform: 'linux', arch: 'x64', versions: ['v22.23.3'], scenarios: { 'x/y': META, 'x/z': META }, results: { 'v22.23.3': r }, changes: [], unclaimed: [] };
    expect(problems(d)).toEqual([{ kind: 'skipped', text: 'x/z was skipped on node 22.23.3 without a reason' }]);
    expect(table(d).cells.map((row) => row.map((c) => c.text))).toEqual([['skip'], ['skip']]);
    expect(markdownReport(d)).toContain('- `x/y` on node 22.23.3: needs a network');
  });
});

describe('what changed, as the terminal shows it (bisect and the matrix): from the first difference', () => {
  // 12.15.0 -> 12.16.0 (rejections/unhandled-default): the warning's second line gains a hint at
  // its end, 230 characters in. Clipped from the start, both sides read the same; here each starts
  // 12 characters before the first that differs.
  const shared = '(node:<pid>) UnhandledPromiseRejectionWarning: Unhandled promise rejection. This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch().';
  const first = '(node:<pid>) UnhandledPromiseRejectionWarning: Error: boom';
  const last = '(node:<pid>) [DEP0018] DeprecationWarning: Unhandled promise rejections are deprecated.';
  const before = [first, `${shared} (rejection id: 1)`, last];
  const after = [first, `${shared} To terminate the node process on unhandled promise rejection, use the CLI flag \`--unhandled-rejections=strict\`. (rejection id: 1)`, last];

  it('a change at the end of a long line shows that end, on both sides', () => {
    const e = excerpt(before, after);
    expect(e).toEqual({ line: 2, before: '…h .catch(). (rejection id: 1)', after: '…h .catch(). To terminate the node process on unhandled promise rejec…', more: 0 });
    expect(e.before).not.toBe(e.after);
    expect(describeChangeShort({ diff: [{ field: 'stderr', before, after }] } as unknown as ObservedChange)).toEqual([
      'stderr line 2: …h .catch(). (rejection id: 1) -> …h .catch(). To terminate the node process on unhandled promise rejec…',
    ]);
  });

  it('an added line is the line shown, the other side "(no line)"; more changed lines are counted', () => {
    expect(excerpt([first, last], [first, 'a hint', last])).toEqual({ line: 2, before: '(no line)', after: 'a hint', more: 0 });
    expect(excerpt('a\nb\nc\n', 'a\nB\nC\nd\n')).toEqual({ line: 2, before: 'b', after: 'B', more: 2 });
  });

  it('short single values stay whole', () => {
    expect(excerpt(0, 1)).toEqual({ before: '0', after: '1', more: 0 });
    expect(excerpt(null, ['x'])).toEqual({ before: 'none', after: 'x', more: 0 });
    expect(excerpt('fired with code 0', 'fired with code 13')).toEqual({ before: 'fired with code 0', after: 'fired with code 13', more: 0 });
  });
});

describe('a scenario that states stdout kinds, in the matrix', () => {
  const rec = (v: string, stdio: 'pipe' | 'file', o: RecordedObservation) => ({ t: 'test' as const, file: 'spec/node/x.spec.ts', name: `x/y [stdio ${stdio}]`, verdict: 'pass' as const, scenario: 'x/y', stdio, target: v, hash: 'aaaa', observation: o });
  const run = (v: string, pipe: RecordedObservation, file: RecordedObservation) => versionResult(v, [rec(v, 'pipe', pipe), rec(v, 'file', file)]);

  it('files each kind under its own key, finds a change on one kind only, and names the kind in every report', () => {
    const meta = { ...META, changes: [{ in: '16.7.0', what: 'pipes crash', link: 'https://example.org' }] };
    const a = run('v14.21.3', obs('v14.21.3', { stdio: 'pipe' }), obs('v14.21.3', { stdio: 'file' }));
    const b = run('v16.20.2', obs('v16.20.2', { stdio: 'pipe', exitCode: 1 }), obs('v16.20.2', { stdio: 'file' }));
    expect(Object.keys(a.scenarios).sort()).toEqual(['x/y [stdio file]', 'x/y [stdio pipe]']);
    const results = { 'v14.21.3': a, 'v16.20.2': b };
    const changes = findChanges(['v14.21.3', 'v16.20.2'], results, { 'x/y': meta });
    expect(changes.map((c) => [c.scenario, c.stdio, c.diff.map((x) => x.field), c.explainedBy?.in])).toEqual([['x/y', 'pipe', ['exit code'], '16.7.0']]);
    const d: MatrixData = { platform: 'linux', arch: 'x64', versions: ['v14.21.3', 'v16.20.2'], scenarios: { 'x/y': meta }, results, changes, unclaimed: [] };
    expect(table(d).rows).toEqual(['x/y [stdio file]', 'x/y [stdio pipe]']);
    expect(problems(d)).toEqual([]);
    expect(markdownReport(d)).toContain('### `x/y [stdio pipe]`: changes in node 16.20.2');
  });

  it('compares a runtime with Node kind by kind', () => {
    const node = run('v26.10.0', obs('v26.10.0', { stdio: 'pipe', stdout: '' }), obs('v26.10.0', { stdio: 'file' }));
    const bun = run('bun 1.4.5', obs('bun 1.4.5', { stdio: 'pipe' }), obs('bun 1.4.5', { stdio: 'file' }));
    const c = compatibility(node, bun, { 'x/y': META });
    expect(c.same).toEqual(['x/y [stdio file]']);
    expect(c.differs.map((x) => [x.scenario, x.stdio, x.diff.map((f) => f.field)])).toEqual([['x/y', 'pipe', ['stdout']]]);
  });
});
