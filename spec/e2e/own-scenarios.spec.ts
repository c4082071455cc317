// `--scenarios <dir>` in the matrix: a team's own scenarios run on each target after its spec (a
// nested vitest run, hence this stage; the rest of the option is checked in
// spec/tooling/own-scenarios.spec.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, inject, it } from 'vitest';
import { tempFolder } from '../support/temp.ts';
import { ROOT } from '../../harness/harness.ts';

const OWN = join(ROOT, 'spec', 'tooling', 'fixtures', 'own-scenarios');
const temp = tempFolder('own-scenarios-');
const run = (file: string, args: string[]) =>
  execa(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', file), ...args], { cwd: ROOT, reject: false, env: { SPEC_NODE: inject('target').path, NO_COLOR: '1' }, timeout: 150_000 });

describe('--scenarios <dir> in the matrix', () => {
  it('the matrix runs them on each target after its spec, and records what they did', async () => {
    // One target, the Node running the spec (by its path: nothing fetched), and only the team's scenario in scope.
    const out = join(temp(), 'matrix');
    const r = await run('matrix.ts', [inject('target').path, '--only', 'team', '--scenarios', OWN, '--out', out]);
    expect(r.exitCode, r.stderr).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'matrix.json'), 'utf8')) as { versions: string[]; unclaimed: string[]; results: Record<string, { scenarios: Record<string, { verdict: string; observation?: { exitCode: number; stdout: string } }> }> };
    expect(m.versions).toHaveLength(1);
    const rec = m.results[m.versions[0]!]!.scenarios['team/exit-three'];
    expect(rec).toMatchObject({ verdict: 'pass', observation: { exitCode: 3, stdout: 'a team scenario\n' } });
    expect(m.unclaimed).toEqual([]);
    expect(r.stdout).toMatch(/^team\/exit-three +pass$/m);
  }, 300_000);

});
