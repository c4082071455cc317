// `npm run bisect` on the real registry (npm run test:e2e): bisections whose answers are documented
// facts (unhandled rejections became fatal in 15.0.0, nodejs/node#33021; process.getBuiltinModule
// came in 22.3.0), and the registry's list of 15.x against Node's own changelog. Each test fetches
// what it needs itself: none depends on what the machine has cached.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { heldTemp } from '../support/temp.ts';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import { ensureVersion } from '../../harness/node-binaries.ts';
import { pins } from '../../harness/pins.ts';
import { lineReport, registryReleases } from '../../harness/releases.ts';
import { resultFile } from '../../tools/bisect-run.ts';

const BISECT = join(ROOT, 'tools', 'bisect.ts');
// Each CLI run gets a time limit under its test's own, so a test that times out never leaves it running.
const cli = (args: string[], env: Record<string, string> = {}, timeout = 880_000) =>
  execa(process.execPath, ['--import', 'tsx', BISECT, ...args], { cwd: ROOT, reject: false, stdin: 'ignore', env: { NO_COLOR: '1', ...env }, timeout });

describe('the registry list and what it lacks', () => {
  it('on the real registry: 15.x lacks 15.5.0, 15.5.1, 15.6.0, 15.9.0, 15.11.0 and 15.13.0 (Node\'s changelog in the pinned 15.x names them)', async () => {
    // Node's own list comes from a cached 15.x binary's CHANGELOG.md: fetch the pinned one first.
    await ensureVersion(pins()['15']!);
    const list = await registryReleases();
    const r = lineReport(list, 15);
    expect(r.source).toMatch(/^Node's changelog in 15\.\d+\.\d+/);
    expect(r.missing).toEqual(['15.5.0', '15.5.1', '15.6.0', '15.9.0', '15.11.0', '15.13.0']);
    expect(r.registry).toContain('15.0.0');
    expect(r.registry).not.toContain('15.9.0');
  }, 180_000);
});

describe('npm run bisect', () => {
  it('rejections/unhandled-default --json: unhandled rejections became fatal in 15.0.0, right after the last 14.x', async () => {
    const r = await cli(['rejections/unhandled-default', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { scenario: string; line: string; before: string; first: string; fields: string[]; declared: { in?: string } | null }[];
    const to15 = rows.filter((x) => x.line === '15');
    expect(to15).toHaveLength(1);
    expect(to15[0]).toMatchObject({ scenario: 'rejections/unhandled-default', line: '15', before: '14.21.3', first: '15.0.0', declared: { in: '15.0.0' } });
    expect(to15[0]!.fields).toContain('exit code');
    // Nothing about the exit code changes anywhere else.
    expect(rows.filter((x) => x.fields.includes('exit code'))).toHaveLength(1);
    for (const x of rows) expect(Object.keys(x)).toEqual(expect.arrayContaining(['schema', 'scenario', 'line', 'before', 'first']));
    for (const x of rows as unknown as { schema: number }[]) expect(x.schema).toBe(1);
    // Progress on stderr, results on stdout only.
    expect(r.stderr).toMatch(/^bisect: /m);
  }, 900_000);

  it('a scenario outside the repository, by path, on one line: process.getBuiltinModule came in 22.3.0 (nodejs.org/api/process.html)', async () => {
    const held = heldTemp('nas-bisect-');
    const dir = held.path;
    try {
      const file = join(dir, 'get-builtin-module.js');
      writeFileSync(file, `/*---
claim: process.getBuiltinModule is a function (made up for spec/tooling/bisect.spec.ts)
source: https://nodejs.org/api/process.html#processgetbuiltinmoduleid
tags: [modules]
---*/
console.log(typeof process.getBuiltinModule);
`);
      const r = await cli([file, '--json', '--major', '22']);
      // Its header declares no change: the one found is an expectation that fails (exit 1), named on stderr.
      expect(r.exitCode, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^bisect: expectation failed: .*get-builtin-module\.js: 22\.2\.0 -> 22\.3\.0 \(.+\) has no `changes:` entry$/m);
      const rows = JSON.parse(r.stdout) as { scenario: string; line: string; before: string; first: string; declared: unknown }[];
      expect(rows).toMatchObject([{ scenario: file, line: '22', before: '22.2.0', first: '22.3.0', declared: null }]);
      // A file outside the repository feeds no page and no upgrade row: nothing is saved for it in the cache.
      expect(existsSync(resultFile(file))).toBe(false);
    } finally {
      held.remove();
    }
  }, 900_000);

});
