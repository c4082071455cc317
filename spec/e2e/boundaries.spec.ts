// `npm run matrix -- --boundaries` for real (npm run test:e2e): the releases on either side of a
// boundary the spec states are fetched from the registry and the claim judged on both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { heldTemp } from '../support/temp.ts';
import { execa } from 'execa';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { resolveTarget, ROOT } from '../../harness/harness.ts';
import { collectVitest } from '../../tools/vitest-run.ts';
import type { CollectedClaim } from '../../tools/vitest-collect.ts';
import type { BoundaryVerdict, ListedBoundary } from '../../tools/boundaries.ts';

const MATRIX = join(ROOT, 'tools', 'matrix.ts');
// Each run gets a time limit under its test's own, so a test that times out never leaves it running.
const matrix = (args: string[], timeout = 880_000) => execa(process.execPath, ['--import', 'tsx', MATRIX, ...args], { cwd: ROOT, reject: false, stdin: 'ignore', env: { NO_COLOR: '1' }, timeout });

describe('npm run matrix -- --boundaries --list: the boundaries it would check, from the ranges the claims publish, nothing run', () => {
  it('includes the \'<16.4\' edge of the --abort-on-uncaught-exception claims and the \'<17.0.0\' edge of the crash-trailer claims', async () => {
    const r = await matrix(['--boundaries', '--list', '--json'], 120_000);
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { schema: number; boundaries: ListedBoundary[]; releases: string[] };
    expect(out.schema).toBe(1);
    const at = (range: string) => out.boundaries.filter((b) => b.from.some((f) => f.startsWith(`byNode '${range}' `))).map((b) => [b.scenario, b.line, b.before, b.after]);
    expect(at('<16.4')).toEqual([['diagnostics/abort-on-uncaught', '16', '16.3.0', '16.4.0'], ['diagnostics/abort-on-uncaught-listener', '16', '16.3.0', '16.4.0']]);
    // The 10 crash-trailer claims in errors/ and the 4 network ones whose crash report states it (network/*-no-listener, *-refused-*).
    expect(at('<17.0.0')).toHaveLength(14);
    expect(new Set(at('<17.0.0').map(([, line, before, after]) => `${line} ${before} ${after}`))).toEqual(new Set(['17 16.20.2 17.0.0']));
    expect(out.releases).toEqual(expect.arrayContaining(['16.3.0', '16.4.0', '16.20.2', '17.0.0']));
    // The text form: one line per boundary, and nothing was run.
    const text = await matrix(['--boundaries', '--list', '--only', 'diagnostics/abort-on-uncaught', '--major', '16'], 120_000);
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^diagnostics\/abort-on-uncaught +16\.x +16\.3\.0 +16\.4\.0 +at 16\.4\.0: changes: 16\.4\.0; byNode '<16\.4' in spec\/node\/diagnostics\.spec\.ts/m);
    expect(text.stdout).toMatch(/\(nothing was run\)\.$/); // execa strips the last newline
  }, 300_000);
});

describe('npm run matrix -- --boundaries (real runs)', () => {
  it('rejections/unhandled-default in 15.x: its claim holds on 14.21.3 and on 15.0.0, which behave differently', async () => {
    const held = heldTemp('nas-bounds-out-');
    const out = held.path;
    try {
      const r = await matrix(['--boundaries', '--only', 'rejections/unhandled-default', '--major', '15', '--out', out, '--jobs', '2']);
      const judged = JSON.parse(readFileSync(join(out, 'boundaries.json'), 'utf8')) as BoundaryVerdict[];
      expect(judged.map((b) => [b.scenario, b.at, b.before, b.after])).toEqual([['rejections/unhandled-default', '15.0.0', '14.21.3', '15.0.0']]);
      expect(judged[0]!.from).toContain('changes: 15.0.0');
      // From the ranges the claim published (collected), not from the spec file's text.
      expect(judged[0]!.from).toContain("byNode '<15' in spec/node/rejections.spec.ts");
      expect(judged[0]!.differs).toContain('exit code');
      expect(judged[0]).toMatchObject({ beforeVerdict: 'pass', afterVerdict: 'pass' });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(readFileSync(join(out, 'boundaries.md'), 'utf8')).toMatch(/Every boundary holds/);
    } finally {
      held.remove();
    }
  }, 900_000);
});

// The byNode ranges the claims publish (spec/tooling/boundaries-stated.spec.ts checks them against
// the changes: headers) are the same whichever Node the spec files are collected for.
describe('the boundaries of spec/node, collected for two Nodes', () => {
  it('the ranges do not depend on the Node the spec files are collected for (this machine\'s, and a Lambda pin of another major)', async () => {
    // A pin other than this machine's major (Node 22, the default Lambda runtime's, where it is
    // not); --boundaries collects on this machine's Node.
    const other = ['22', '20', '24'].find((m) => m !== String(semver.major(process.version)))!;
    const [claims, again] = await Promise.all([collectVitest(['spec/node']), collectVitest(['spec/node'], { target: (await resolveTarget(other)).path })]);
    // Per spec file and scenario, its claims' ranges in order (a title differs where a claim is n.a. on one of the two).
    const byClaim = (cs: CollectedClaim[]) => {
      const out: Record<string, string[][]> = {};
      for (const c of cs) (out[`${c.file} > ${c.scenario}`] ??= []).push(c.ranges);
      return out;
    };
    expect(byClaim(again)).toEqual(byClaim(claims));
  }, 180_000);
});
