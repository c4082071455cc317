// Choosing and fetching the binary a scenario runs under: Node, or a runtime that promises Node
// compatibility (Bun, Deno).
//
// A target is given as a path to a node, bun or deno binary, an exact Node version ("18.20.8",
// "v18.20.8"), a Node major ("22", pinned in node-versions.json), or a runtime: "bun", "deno"
// (pinned in runtime-versions.json), "bun@1.4.5", "deno@2.9.6". Versions are installed from the
// npm registry, where every Node release is published as `node-<platform>-<arch>` (`bin/node`
// inside), every Bun release as `@oven/bun-<platform>-<arch>` (`bin/bun`) and every Deno release
// as `@deno/<platform>-<arch>` (`deno`), and cached outside the repository (see cacheDir()). Every
// binary is verified with `--version` before use.
import { accessSync, constants, existsSync, readdirSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRunning, runGroup } from './procs.ts';

/** An error meant for a person: one line, no stack trace needed. */
export class SpecError extends Error {
  override name = 'SpecError';
}

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The runtimes a scenario can run under. */
export const RUNTIMES = ['node', 'bun', 'deno'] as const;
export type Runtime = (typeof RUNTIMES)[number];

/** A verified binary to run scenarios under. */
export interface Target {
  runtime: Runtime;
  /** Absolute path of the binary. */
  path: string;
  /** Its version string: `process.version` for Node ("v22.23.3"), "bun 1.4.5", "deno 2.9.6". */
  version: string;
}
export type NodeTarget = Target;

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

/** The newest pinned Node release ("v26.10.0"): what other runtimes are compared with. */
export function referenceNode(): string {
  const p = pins();
  const newest = Object.keys(p).map(Number).sort((a, b) => b - a)[0];
  return 'v' + p[String(newest)]!;
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
export async function run(file: string, args: string[], opts: { cwd?: string; timeout?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries({ ...process.env, npm_config_yes: 'true' }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const r = await runGroup(file, args, { cwd: opts.cwd, env, timeout: opts.timeout ?? 120_000, maxBuffer: 16 * 1024 * 1024, ownGroup: false });
  const code = r.startError ? 127 : r.exitCode ?? 1;
  return { code, stdout: r.stdout, stderr: r.stderr + (r.startError ? r.startError : r.timedOut ? `timed out after ${opts.timeout ?? 120_000} ms` : '') };
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
 * What `<binary> --version` answers, as a target's version string: "v22.1.0" (node), "bun 1.4.5"
 * (bun prints "1.4.5"), "deno 2.9.6" (deno prints "deno 2.9.6 (stable, ...)" and more lines).
 */
export function parseVersionAnswer(answer: string): { runtime: Runtime; version: string } | undefined {
  const first = answer.trim().split('\n')[0]!.trim();
  if (/^v\d+\.\d+\.\d+\S*$/.test(first)) return { runtime: 'node', version: first };
  if (/^\d+\.\d+\.\d+\S*$/.test(first)) return { runtime: 'bun', version: `bun ${first}` };
  const deno = /^deno (\d+\.\d+\.\d+\S*)/.exec(first);
  if (deno) return { runtime: 'deno', version: `deno ${deno[1]}` };
  return undefined;
}

/** Runs `<binary> --version` and tells which runtime it is; throws a SpecError if it is none of them. */
export async function identify(path: string, what = 'Node'): Promise<{ runtime: Runtime; version: string }> {
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
  const v = r.stdout.trim();
  if (r.code !== 0 || !/^v\d+\.\d+\.\d+/.test(v)) throw new SpecError(`target Node ${path} did not answer --version with a Node version (got ${JSON.stringify((v || r.stderr).slice(0, 80))})`);
  return v;
}

/** Path of a cached binary for an exact version (whether or not it is there yet). */
export function cachedBinary(version: string): string {
  const v = version.replace(/^v/, '');
  return join(cacheDir(), 'node', `${v}-${process.platform}-${process.arch}`, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
}

/** Removes unpacking folders left by a process that was killed mid-download (its pid is in the name). */
function sweepAbandoned(dir: string) {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const m = /^\.tmp-.+-(\d+)-\w+$/.exec(name);
    if (m && !isRunning(Number(m[1]))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Unpacks `<pkg>@<version>` from the npm registry into `finalDir` (once; a temporary folder renamed
 * into place, so a half-written install is never seen), unless `bin` is there already. `label`
 * names the release in errors ("Node 22.1.0", "bun 1.4.5").
 */
async function installFromRegistry(pkg: string, version: string, finalDir: string, bin: string, label: string): Promise<void> {
  if (existsSync(bin)) return;
  mkdirSync(dirname(finalDir), { recursive: true });
  sweepAbandoned(dirname(finalDir));
  const tmp = mkdtempSync(join(dirname(finalDir), `.tmp-${version}-${process.pid}-`));
  try {
    const packed = await run('npm', ['pack', `${pkg}@${version}`, '--loglevel=error', '--pack-destination', tmp], { cwd: tmp, timeout: 300_000 });
    const tgz = packed.stdout.trim().split('\n').pop() ?? '';
    if (packed.code !== 0 || !tgz) {
      const why = /E404|No match found|notarget/i.test(packed.stderr) ? `the npm registry has no ${pkg}@${version} (no such release for this platform)`
        : /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(packed.stderr) ? `the npm registry cannot be reached to fetch ${pkg}@${version}`
        : `npm pack ${pkg}@${version} failed: ${packed.stderr.trim().split('\n').filter(Boolean).pop() ?? 'unknown error'}`;
      throw new SpecError(`${label}: ${why}`);
    }
    const tar = await run('tar', ['xzf', join(tmp, tgz), '-C', tmp]);
    if (tar.code !== 0) throw new SpecError(`${label}: could not unpack ${tgz}: ${tar.stderr.trim()}`);
    try {
      renameSync(join(tmp, 'package'), finalDir);
    } catch (e) {
      if (!existsSync(bin)) throw e; // another process won the race: fine
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Installs an exact Node version from the npm registry into the cache (once) and verifies it. */
export async function ensureVersion(version: string): Promise<NodeTarget> {
  const v = version.replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(v)) throw new SpecError(`not a Node version: ${JSON.stringify(version)}`);
  const bin = cachedBinary(v);
  await installFromRegistry(npmPackageName(), v, dirname(dirname(bin)), bin, `Node ${v}`);
  const got = await versionOf(bin);
  if (got !== `v${v}`) throw new SpecError(`cached Node ${bin} reports ${got}, expected v${v}; delete ${dirname(dirname(bin))} and retry`);
  return { runtime: 'node', path: bin, version: got };
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
  const finalDir = join(cacheDir(), runtime, `${version}-${process.platform}-${process.arch}`);
  const bin = join(finalDir, where.bin);
  await installFromRegistry(where.pkg, version, finalDir, bin, `${runtime} ${version}`);
  const got = await identify(bin, runtime);
  const want = `${runtime} ${version}`;
  if (got.version !== want) throw new SpecError(`cached ${runtime} ${bin} reports ${got.version}, expected ${want}; delete ${finalDir} and retry`);
  return { runtime, path: bin, version: want };
}

/**
 * Resolves what a person typed (SPEC_NODE, --node, a matrix column) to a verified binary.
 * Empty: the Node running this process.
 */
export async function resolveNode(spec: string | undefined): Promise<NodeTarget> {
  const s = (spec ?? '').trim();
  if (!s) return { runtime: 'node', path: process.execPath, version: process.version };
  const rt = /^(bun|deno)(?:@(.*))?$/i.exec(s);
  if (rt) {
    const runtime = rt[1]!.toLowerCase() as Exclude<Runtime, 'node'>;
    return ensureRuntime(runtime, rt[2] === undefined ? runtimePins()[runtime] : rt[2].trim().replace(/^v/, ''));
  }
  if (/^v?\d+$/.test(s)) {
    const major = s.replace(/^v/, '');
    const pin = pins()[major];
    if (!pin) throw new SpecError(`Node ${s}: no pinned release for major ${major} in node-versions.json (pinned: ${Object.keys(pins()).join(', ')})`);
    return ensureVersion(pin);
  }
  if (/^v?\d+\.\d+\.\d+$/.test(s)) return ensureVersion(s);
  if (s.includes('/') || s.includes('\\') || existsSync(s)) {
    const path = resolve(s);
    return { path, ...(await identify(path)) };
  }
  throw new SpecError(`unknown Node target ${JSON.stringify(s)}: give a major (22), an exact version (18.20.8), bun, deno, bun@<version>, deno@<version> or a path to a node, bun or deno binary`);
}

