// Bun and Deno as targets, without running them: bad names stop with one line, a registry without
// the package is one line naming it, each platform maps to the package its runtime publishes, the
// Node flags a runtime does not take make a scenario n.a. there, the not-on header, and the
// matrix's compatibility section. Bun and Deno themselves (fetched at their pins, observed) are in
// spec/e2e/runtimes.spec.ts (npm run test:e2e).
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { heldTemp } from '../support/temp.ts';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandLine, findScenario, readScenario, ROOT, whyNotApplicable, type Target } from '../../harness/harness.ts';
import { resolveTarget, runtimePackage, SpecError } from '../../harness/node-binaries.ts';
import { expectOneLineSpecError } from '../support/errors.ts';
import type { StoredObservation } from '../../harness/observation.ts';
import { compatibility, type VersionResult } from '../../tools/matrix-data.ts';
import { markdownCompatibility, terminalCompatibility } from '../../tools/matrix-render.ts';

const fixture = (name: string) => readScenario(join(import.meta.dirname, 'fixtures', name));
const pinned = JSON.parse(readFileSync(join(ROOT, 'runtime-versions.json'), 'utf8')) as { bun: string; deno: string };
// Targets as resolveTarget() gives them, at paths never run here: these tests only read them.
const targets: Record<'bun' | 'deno', Target> = {
  bun: { runtime: 'bun', path: '/nonexistent/bun', version: pinned.bun },
  deno: { runtime: 'deno', path: '/nonexistent/deno', version: pinned.deno },
};

describe('targets from runtime-versions.json', () => {
  it.each([
    ['deno@banana', 'not a deno version: "banana" (give an exact release, e.g. deno@'],
    ['bun@', 'not a bun version: ""'],
  ])('%s: a SpecError of one line', async (spec, message) => {
    await expectOneLineSpecError(resolveTarget(spec), message);
  }, 150_000);

  describe('a registry without the package', () => {
    let server: Server;
    let registry = '';
    beforeAll(async () => {
      server = createServer((_req, res) => {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":"Not found"}');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      registry = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
      return () => new Promise<void>((r) => server.close(() => r()));
    });

    it('npm run scenario --node deno: exit code 2, one line naming the package', async () => {
      const cache = heldTemp('nas-empty-cache-');
      const r = await execa(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'scenario.ts'), 'lifecycle/pending-await', '--node', 'deno'], {
        cwd: ROOT, reject: false, timeout: 150_000,
        env: { npm_config_registry: registry, NODE_ASYNC_SPEC_CACHE: cache.path, NO_COLOR: '1' },
      }).finally(() => cache.remove());
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([`scenario: deno ${pinned.deno}: the npm registry has no ${runtimePackage('deno')?.pkg}@${pinned.deno} (no such release for this platform)`]);
    }, 150_000);
  });

  it('each platform maps to the package its runtime publishes', () => {
    expect(runtimePackage('bun', 'linux', 'x64', false)).toEqual({ pkg: '@oven/bun-linux-x64', bin: 'bin/bun' });
    expect(runtimePackage('bun', 'linux', 'x64', true)?.pkg).toBe('@oven/bun-linux-x64-musl');
    expect(runtimePackage('bun', 'linux', 'arm64', false)?.pkg).toBe('@oven/bun-linux-aarch64');
    expect(runtimePackage('bun', 'darwin', 'arm64', false)?.pkg).toBe('@oven/bun-darwin-aarch64');
    expect(runtimePackage('bun', 'win32', 'x64', false)).toEqual({ pkg: '@oven/bun-windows-x64', bin: 'bin/bun.exe' });
    expect(runtimePackage('deno', 'linux', 'x64', false)).toEqual({ pkg: '@deno/linux-x64-glibc', bin: 'deno' });
    expect(runtimePackage('deno', 'linux', 'arm64', false)?.pkg).toBe('@deno/linux-arm64-glibc');
    expect(runtimePackage('deno', 'darwin', 'x64', false)?.pkg).toBe('@deno/darwin-x64');
    expect(runtimePackage('deno', 'win32', 'x64', false)).toEqual({ pkg: '@deno/win32-x64', bin: 'deno.exe' });
    expect(runtimePackage('deno', 'linux', 'x64', true)).toBeUndefined(); // no musl build of Deno
    expect(runtimePackage('deno', 'freebsd', 'x64', false)).toBeUndefined();
  });
});

describe('Node flags under each runtime', () => {
  it('a scenario whose flags a runtime does not take is n.a. there, naming the flag; the command line refuses it too', () => {
    const s = findScenario('rejections/mode-strict');
    expect(whyNotApplicable(s, targets.deno)).toBe("deno does not take Node's --unhandled-rejections=strict");
    expect(whyNotApplicable(s, targets.bun)).toBeUndefined();
    expect(whyNotApplicable(findScenario('lifecycle/pending-await'), targets.bun, ['--frozen-intrinsics'])).toBe("bun does not take Node's --frozen-intrinsics");
    expect(() => commandLine(s, targets.deno)).toThrow(SpecError);
    expect(commandLine(s, targets.bun).args).toEqual(['--preload', join(ROOT, 'harness', 'observer.cjs'), '--unhandled-rejections=strict', s.file]);
    expect(commandLine(s, targets.bun, { bare: true }).args).toEqual(['--unhandled-rejections=strict', s.file]);
  });
});

describe('the not-on header', () => {
  it('leaves a runtime out with its reason; the others still apply', () => {
    const s = fixture('runtime-not-on.js');
    expect(s.runtimes).toEqual(['node', 'bun']);
    expect(whyNotApplicable(s, targets.deno)).toBe('not on deno: no such module there: https://docs.deno.com/api/node/');
    expect(whyNotApplicable(s, targets.bun)).toBeUndefined();
    expect(whyNotApplicable(s, 'deno 2.9.6')).toBe('not on deno: no such module there: https://docs.deno.com/api/node/');
  });

  it.each([
    ['bad-not-on-node.js', /"not-on" names "node": only bun, deno/],
    ['bad-not-on-and-runtimes.js', /give "not-on" .* or "runtimes", not both/],
  ])('%s is rejected', (name, message) => {
    expect(() => fixture(name)).toThrow(message);
  });
});

describe("the matrix's compatibility section", () => {
  const obs = (o: Partial<StoredObservation>): StoredObservation => ({
    id: 'x', node: 'v26.10.0', exitCode: 0, signal: null, stdout: 'a\n', stderr: '', exitEvent: { fired: true, code: 0 }, exitHandler: [], timedOut: false, ...o,
  });
  const meta = Object.fromEntries(['a/same', 'a/exit', 'a/hang', 'a/stderr', 'a/na'].map((id) => [id, { claim: `claim ${id}`, tags: ['exit'], node: '*', changes: [], hash: '0' }]));
  const node: VersionResult = { node: 'v26.10.0', platform: 'linux', arch: 'x64', scenarios: {
    'a/same': { scenario: 'a/same', target: 'v26.10.0', hash: '0', verdict: 'pass', observation: obs({}) },
    'a/exit': { scenario: 'a/exit', target: 'v26.10.0', hash: '0', verdict: 'pass', observation: obs({ exitCode: 13, exitEvent: { fired: true, code: 13 } }) },
    'a/hang': { scenario: 'a/hang', target: 'v26.10.0', hash: '0', verdict: 'pass', observation: obs({ exitCode: 13 }) },
    'a/stderr': { scenario: 'a/stderr', target: 'v26.10.0', hash: '0', verdict: 'pass', observation: obs({ stderr: 'Error: boom\n' }) },
    'a/na': { scenario: 'a/na', target: 'v26.10.0', hash: '0', verdict: 'pass', observation: obs({}) },
  } };
  const deno: VersionResult = { node: 'deno 2.9.6', platform: 'linux', arch: 'x64', scenarios: {
    'a/same': { scenario: 'a/same', target: 'deno 2.9.6', hash: '0', verdict: 'pass', observation: obs({ node: 'deno 2.9.6' }) },
    'a/exit': { scenario: 'a/exit', target: 'deno 2.9.6', hash: '0', verdict: 'pass', observation: obs({ node: 'deno 2.9.6', exitCode: 1, exitEvent: { fired: false, code: null } }) },
    'a/hang': { scenario: 'a/hang', target: 'deno 2.9.6', hash: '0', verdict: 'pass', observation: obs({ node: 'deno 2.9.6', exitCode: null, signal: 'SIGKILL', timedOut: true }) },
    'a/stderr': { scenario: 'a/stderr', target: 'deno 2.9.6', hash: '0', verdict: 'pass', observation: obs({ node: 'deno 2.9.6', stderr: 'error: Uncaught Error: boom\n' }) },
    'a/na': { scenario: 'a/na', target: 'deno 2.9.6', hash: '0', verdict: 'n.a.' },
  } };

  it('counts the claims that behave as the reference Node does and lists the others, most consequential first', () => {
    const c = compatibility(node, deno, meta);
    expect(c.same).toEqual(['a/same']);
    expect(c.notApplicable).toEqual(['a/na']);
    expect(c.differs.map((d) => [d.scenario, d.severity])).toEqual([['a/hang', 5], ['a/exit', 4], ['a/stderr', 1]]);
    expect(c.differs[1]!.diff.map((d) => [d.field, d.before, d.after])).toEqual([['exit code', 13, 1], ['exit event', 'fired with code 13', 'not fired']]);
    const md = markdownCompatibility(c).join('\n');
    expect(md).toContain('deno 2.9.6 behaves as node 26.10.0 (the newest pinned release) in **1 of 4** claims observed on both. 1 do not apply to it: `a/na`.');
    expect(md).toContain('| exit code | <code>13</code> | <code>1</code> |');
    expect(md.indexOf('`a/hang`')).toBeLessThan(md.indexOf('`a/exit`'));
    expect(terminalCompatibility(c)).toMatch(/^Compatibility: deno 2\.9\.6 behaves as node 26\.10\.0 in 1 of 4 claims \(1 n\.a\.\)\.\n {2}\[hang\] a\/hang\n/);
  });
});
