// `--scenarios <dir>`: a team's own folder of scenarios (same header format) joins scenario,
// upgrade, bisect and matrix (tools/command.ts scenariosOption, harness/scenarios.ts addScenarioFolder).
// Runs that start a scenario are real processes; bad folders are checked in this process. The
// matrix's run of them (a nested vitest run) is in spec/e2e/own-scenarios.spec.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { tempFolder } from '../support/temp.ts';
import { ROOT } from '../../harness/harness.ts';
import { OWN_FOLDERS } from '../../harness/scenario.ts';
import { listScenarios } from '../../harness/scenarios.ts';
import { runCommand, scenariosOption, type CommandSpec } from '../../tools/command.ts';
import { spec as scenarioCommand } from '../../tools/scenario.ts';
import { spec as upgradeCommand } from '../../tools/upgrade.ts';
import { spec as bisectCommand } from '../../tools/bisect.ts';
import { spec as matrixCommand } from '../../tools/matrix.ts';

const OWN = join(ROOT, 'spec', 'tooling', 'fixtures', 'own-scenarios');
const TAKEN = join(ROOT, 'spec', 'tooling', 'fixtures', 'own-taken');
const temp = tempFolder('own-scenarios-');
const run = (file: string, args: string[]) =>
  execa(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', file), ...args], { cwd: ROOT, reject: false, env: { SPEC_NODE: inject('target').path, NO_COLOR: '1' }, timeout: 150_000 });

// A folder added in this process stays added for the rest of the worker's files (isolate: false):
// every in-process case leaves the list as it found it, and the cases run one at a time.
afterEach(() => {
  OWN_FOLDERS.length = 0;
});

describe.sequential('--scenarios <dir>', () => {
  it('scenario runs a team scenario by its id under the folder', async () => {
    const r = await run('scenario.ts', ['team/exit-three', '--scenarios', OWN, '--json']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const [o] = JSON.parse(r.stdout) as { id: string; exitCode: number; stdout: string }[];
    expect(o).toMatchObject({ id: 'team/exit-three', exitCode: 3, stdout: 'a team scenario\n' });
  }, 180_000);

  it('without it, the id is unknown', async () => {
    const r = await runCommand(scenarioCommand, ['team/exit-three']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^scenario: no scenario "team\/exit-three"/);
  });

  it('upgrade compares the team scenarios too (--only team: they alone)', async () => {
    // Node 22, the pin the default Lambda runtime runs on (in the binary cache for this stage), and
    // the Node running the spec, by its path: nothing else fetched.
    const r = await run('upgrade.ts', ['22', inject('target').path, '--scenarios', OWN, '--only', 'team', '--json']);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as { only: string[]; differ: { scenario: string }[]; same: number; notCompared: unknown[] };
    expect(report.only).toEqual(['team']);
    // One scenario in scope, compared on both: listed as a difference or counted as the same.
    expect(report.same + report.differ.length).toBe(1);
    expect(report.differ.every((d) => d.scenario === 'team/exit-three')).toBe(true);
  }, 180_000);

  it('matrix: --scenarios with --boundaries is one line, exit 2', async () => {
    const r = await runCommand(matrixCommand, ['--boundaries', '--scenarios', OWN]);
    expect([r.code, r.stderr]).toEqual([2, 'matrix: --scenarios goes without --boundaries (its boundaries are the spec\'s claims)\n']);
  });

  it('upgrade --only team without it: no scenario id starts with "team"', async () => {
    const r = await runCommand(upgradeCommand, ['22', '24', '--only', 'team']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('upgrade: --only team: no scenario id starts with "team"\n');
  });

  it('bisect looks ids up in the folder (a typo is answered with the team id)', async () => {
    const r = await runCommand(bisectCommand, ['team/exit-thre', '--scenarios', OWN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bisect: no scenario "team/exit-thre" (did you mean team/exit-three?)\n');
  });

  it('adds the folder to the list every command reads, after what is checked without it', async () => {
    const before = listScenarios().map((s) => s.id);
    expect(before).not.toContain('team/exit-three');
    const r = await runCommand(scenarioCommand, ['team/exit-three', '--scenarios', OWN, '--stdio', 'banana']);
    expect(r.stderr).toMatch(/^scenario: --stdio: unknown kind "banana"/);
    expect(OWN_FOLDERS).toEqual([]);
    expect(scenariosOption([OWN]).map((s) => s.id)).toEqual(['team/exit-three']);
    expect(listScenarios().map((s) => s.id)).toEqual([...before, 'team/exit-three'].sort((a, b) => a.localeCompare(b)));
  });

  const bad: [string, () => string[], RegExp][] = [
    ['no such folder', () => ['--scenarios', join(temp(), 'nowhere')], /^--scenarios \S+nowhere: no such directory$/],
    ['a file', () => ['--scenarios', join(OWN, 'team', 'exit-three.js')], /^--scenarios \S+exit-three\.js: it is not a directory$/],
    ['a folder without scenarios', () => {
      const d = join(temp(), 'empty');
      mkdirSync(d, { recursive: true });
      return ['--scenarios', d];
    }, /^--scenarios \S+empty: no scenario file in it/],
    ['a bad header', () => {
      const d = join(temp(), 'bad');
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'x.js'), '/*---\nclaim: no source\ntags: [exit]\n---*/\n');
      return ['--scenarios', d];
    }, /x\.js: header field "source" is required$/],
    ['an id already taken', () => ['--scenarios', TAKEN], /^--scenarios \S+own-taken: \S+pending-await\.js has the id lifecycle\/pending-await, already scenarios\/lifecycle\/pending-await\.js's; rename one$/],
    ['the project\'s own scenarios', () => ['--scenarios', join(ROOT, 'scenarios', 'timers')], /^--scenarios \S+timers: it is inside this project's own scenarios\/, which run anyway$/],
  ];
  const commands: [string, CommandSpec<never>, string[]][] = [
    ['scenario', scenarioCommand as CommandSpec<never>, ['lifecycle/pending-await']],
    ['upgrade', upgradeCommand as CommandSpec<never>, ['22', '24']],
    ['bisect', bisectCommand as CommandSpec<never>, ['lifecycle/pending-await']],
    ['matrix', matrixCommand as CommandSpec<never>, ['22']],
  ];
  for (const [what, args, pattern] of bad) {
    it.each(commands)(`%s: ${what} is one line, exit 2, before anything runs`, async (name, spec, rest) => {
      const r = await runCommand(spec, [...rest, ...args()]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')).toHaveLength(2);
      expect(r.stderr.slice(`${name}: `.length).trimEnd()).toMatch(pattern);
      expect(r.stderr.startsWith(`${name}: `)).toBe(true);
      expect(OWN_FOLDERS).toEqual([]);
    });
  }
});
