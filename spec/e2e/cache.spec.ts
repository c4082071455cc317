// Fetching real releases from the npm registry into an empty cache (slow: about 120 MB of
// downloads): each fetch prints one whole line naming the release, its package and its packed
// size, a release asked twice at once is fetched once, and each release keeps only what the
// commands use, checked against its pinned checksum; a release fetched through a fake registry is
// not reused once npm's registry is the real one again. The same without the real registry:
// spec/tooling/cache.spec.ts and spec/e2e/cache-integrity.spec.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp.ts';
import { treeBytes } from '../../harness/cache.ts';
import { inheritedEnv } from '../../harness/environment.ts';
import { npmPackageName, ROOT, runtimePackage } from '../../harness/node-binaries.ts';
import { pinnedIntegrity, runtimePins } from '../../harness/pins.ts';
import { recordFile, type ReleaseRecord } from '../../harness/release-cache.ts';
import { fakeRegistries, fakeTarball, markerOf } from '../support/fake-registry.ts';
import { runGroup } from '../../harness/procs.ts';

const cacheDir = tempFolder('nas-e2e-cache-');
const npmCacheDir = tempFolder('nas-e2e-npm-cache-');

const platform = `${process.platform}-${process.arch}`;
const pinned = runtimePins();
// This machine's environment (npm's and Node's TLS settings among it), with the empty cache and
// an empty cache of npm's own, to see what npm keeps.
const env = () => inheritedEnv({ NODE_ASYNC_SPEC_CACHE: cacheDir(), npm_config_cache: npmCacheDir() });
const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
const line = (label: string, pkg: string) => new RegExp(`^fetching ${label.replace(/\./g, '\\.')} from the npm registry \\(${pkg.replace(/[.@/]/g, '\\$&')}, \\d+\\.\\d MB packed\\)$`);

// In order: the second test reads what the first fetched.
describe.sequential('fetching into an empty cache', () => {
  it('one whole line per release fetched (a release asked twice at once is fetched once); each keeps only its binary, and Node its CHANGELOG.md', async () => {
    const script = `Promise.all([import('${join(ROOT, 'harness', 'node-binaries.ts')}'), import('${join(ROOT, 'harness', 'releases.ts')}')]).then(async ([m, r]) => {
      const got = await Promise.all([m.ensureVersion('12.22.12'), m.ensureVersion('v12.22.12'), m.ensureVersion('13.14.0'), m.resolveTarget('bun'), m.resolveTarget('deno')]);
      console.log(JSON.stringify({ versions: got.map((t) => t.version), own: r.ownList('12') }));
    })`;
    const r = await runGroup(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, env: env(), timeout: 560_000 });
    expect(r.exitCode).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    // Each line whole, each release once (the order is the downloads').
    for (const [label, pkg] of [['node 12.22.12', npmPackageName()], ['node 13.14.0', npmPackageName()], [`bun ${pinned.bun}`, runtimePackage('bun')!.pkg], [`deno ${pinned.deno}`, runtimePackage('deno')!.pkg]] as const) {
      expect(lines.filter((l) => line(label, pkg).test(l)), label).toHaveLength(1);
    }
    const out = JSON.parse(r.stdout) as { versions: string[]; own: { upTo: string; versions: string[] } };
    expect(out.versions).toEqual(['12.22.12', '12.22.12', '13.14.0', pinned.bun, pinned.deno]);
    // Node's own list of the 12.x releases, read from the CHANGELOG.md the cache kept.
    expect(out.own.upTo).toBe('12.22.12');
    expect(out.own.versions).toContain('12.0.0');
    expect(files(join(cacheDir(), 'node', `12.22.12-${platform}`))).toEqual(['CHANGELOG.md', 'bin/node']);
    expect(files(join(cacheDir(), 'node', `13.14.0-${platform}`))).toEqual(['CHANGELOG.md', 'bin/node']);
    expect(files(join(cacheDir(), 'bun', `${pinned.bun}-${platform}`))).toEqual([runtimePackage('bun')!.bin]);
    expect(files(join(cacheDir(), 'deno', `${pinned.deno}-${platform}`))).toEqual([runtimePackage('deno')!.bin]);
    // Each checked against the checksum pinned in the repository, and recorded with it.
    const recorded = (runtime: string, version: string) => (JSON.parse(readFileSync(recordFile(join(cacheDir(), runtime, `${version}-${platform}`)), 'utf8')) as ReleaseRecord).integrity;
    expect(recorded('node', '12.22.12')).toBe(pinnedIntegrity(npmPackageName(), '12.22.12'));
    expect(recorded('node', '13.14.0')).toBe(pinnedIntegrity(npmPackageName(), '13.14.0'));
    expect(recorded('bun', pinned.bun)).toBe(pinnedIntegrity(runtimePackage('bun')!.pkg, pinned.bun));
    expect(recorded('deno', pinned.deno)).toBe(pinnedIntegrity(runtimePackage('deno')!.pkg, pinned.deno));
    expect(recorded('deno', pinned.deno)).toMatch(/^sha512-/);
    expect(readdirSync(join(cacheDir(), 'node')).filter((d) => d.startsWith('.tmp-'))).toEqual([]);
    // npm's own cache holds the packages' metadata, not a second copy of the tarballs (17 MB and more each).
    expect(treeBytes(npmCacheDir())).toBeLessThan(5_000_000);
  }, 600_000);

  it('asked again, nothing is fetched and nothing printed; npm run cache lists the four releases', async () => {
    const again = await runGroup(process.execPath, ['--import', 'tsx', '-e', `import('${join(ROOT, 'harness', 'node-binaries.ts')}').then((m) => m.ensureVersion('13.14.0'))`], { cwd: ROOT, env: env(), timeout: 60_000 });
    expect(again.stderr).toBe('');
    expect(again.exitCode).toBe(0);
    const r = await runGroup(process.execPath, ['--import', 'tsx', join(ROOT, 'tools', 'cache.ts'), '--json'], { cwd: ROOT, env: env(), timeout: 60_000 });
    const o = JSON.parse(r.stdout) as { releases: { runtime: string; version: string; pinned: boolean }[] };
    expect(o.releases.map((x) => `${x.runtime} ${x.version}${x.pinned ? ' pinned' : ''}`)).toEqual(['node 12.22.12 pinned', 'node 13.14.0 pinned', `bun ${pinned.bun} pinned`, `deno ${pinned.deno} pinned`]);
  }, 120_000);
});

describe('the pinned checksums', () => {
  it("are the registry's (npm run pin-integrity -- --check)", async () => {
    const r = await runGroup(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'pin-integrity.ts'), '--check'], { cwd: ROOT, env: env(), timeout: 300_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("every pinned checksum is the registry's\n");
    expect(r.exitCode).toBe(0);
  }, 300_000);
});

describe('a release fetched through a fake registry', () => {
  // An unpinned release: what the cache knows of it is what the registry it came through said.
  const V = '12.0.0';
  let fake: Buffer;
  const registry = fakeRegistries(() => {
    fake = fakeTarball(V, 'a fake registry');
    return { fake: { [V]: { tgz: fake } } };
  });
  const ensure = (env: Record<string, string>) =>
    runGroup(process.execPath, ['--import', 'tsx', '-e', `import('${join(ROOT, 'harness', 'node-binaries.ts')}').then((m) => m.ensureVersion('${V}')).then((t) => console.log(t.path))`], { cwd: ROOT, env: inheritedEnv({ NODE_ASYNC_SPEC_CACHE: cacheDir(), npm_config_cache: npmCacheDir(), ...env }), timeout: 300_000 });

  it('is used while that registry is npm\'s; in a later run without npm_config_registry, refused in one line and replaced by the real release', async () => {
    const viaFake = await ensure({ npm_config_registry: registry('fake') });
    expect(viaFake.exitCode, viaFake.stderr).toBe(0);
    const bin = viaFake.stdout.trim();
    expect(markerOf(bin)).toBe('a fake registry');
    const real = await ensure({});
    expect(real.exitCode, real.stderr).toBe(0);
    expect(real.stderr.trim().split('\n')).toEqual([
      `cached node ${V} came from ${registry('fake')}, and https://registry.npmjs.org/ gives ${npmPackageName()}@${V} another checksum: fetching it again`,
      expect.stringMatching(line(`node ${V}`, npmPackageName())),
    ]);
    expect(real.stdout.trim()).toBe(bin);
    expect(markerOf(bin)).toBeUndefined();
    const v = await runGroup(bin, ['--version'], { env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 });
    expect(v.stdout.trim()).toBe(`v${V}`);
    expect(readFileSync(bin).length).toBeGreaterThan(10_000_000); // a Node, not a script
  }, 600_000);
});
