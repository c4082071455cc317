// Choosing and fetching the Node binary a scenario runs under.
//
// A target is given as a path to a node binary, an exact version ("18.20.8", "v18.20.8"), or a
// major ("22", pinned in node-versions.json). Versions are installed from the npm registry, where
// every release is published as `node-<platform>-<arch>` with `bin/node` inside, and cached
// outside the repository (see cacheDir()). Every binary is verified with `--version` before use.
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

/** Runs a helper program (npm, tar, a binary's --version) in a group of its own (harness/procs.ts), so that an interrupted command leaves none of them behind. */
export async function run(file: string, args: string[], opts: { cwd?: string; timeout?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries({ ...process.env, npm_config_yes: 'true' }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const r = await runGroup(file, args, { cwd: opts.cwd, env, timeout: opts.timeout ?? 120_000, maxBuffer: 16 * 1024 * 1024 });
  const code = r.startError ? 127 : r.exitCode ?? 1;
  return { code, stdout: r.stdout, stderr: r.stderr + (r.startError ? r.startError : r.timedOut ? `timed out after ${opts.timeout ?? 120_000} ms` : '') };
}

/** Runs `<binary> --version`; throws a SpecError if it is not a working node. */
export async function versionOf(path: string): Promise<string> {
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new SpecError(`target Node ${path} is not a file`);
    accessSync(path, constants.X_OK);
  } catch (e) {
    if (e instanceof SpecError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new SpecError(code === 'ENOENT' ? `target Node ${path} does not exist` : `target Node ${path} is not executable (${code})`);
  }
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

/** Installs an exact Node version from the npm registry into the cache (once) and verifies it. */
export async function ensureVersion(version: string): Promise<NodeTarget> {
  const v = version.replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(v)) throw new SpecError(`not a Node version: ${JSON.stringify(version)}`);
  const bin = cachedBinary(v);
  if (!existsSync(bin)) {
    const pkg = npmPackageName();
    const finalDir = dirname(dirname(bin));
    mkdirSync(dirname(finalDir), { recursive: true });
    sweepAbandoned(dirname(finalDir));
    const tmp = mkdtempSync(join(dirname(finalDir), `.tmp-${v}-${process.pid}-`));
    try {
      const packed = await run('npm', ['pack', `${pkg}@${v}`, '--loglevel=error', '--pack-destination', tmp], { cwd: tmp, timeout: 300_000 });
      const tgz = packed.stdout.trim().split('\n').pop() ?? '';
      if (packed.code !== 0 || !tgz) {
        const why = /E404|No match found|notarget/i.test(packed.stderr) ? `the npm registry has no ${pkg}@${v} (no such Node release for this platform)`
          : /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(packed.stderr) ? `the npm registry cannot be reached to fetch ${pkg}@${v}`
          : `npm pack ${pkg}@${v} failed: ${packed.stderr.trim().split('\n').filter(Boolean).pop() ?? 'unknown error'}`;
        throw new SpecError(`Node ${v}: ${why}`);
      }
      const tar = await run('tar', ['xzf', join(tmp, tgz), '-C', tmp]);
      if (tar.code !== 0) throw new SpecError(`Node ${v}: could not unpack ${tgz}: ${tar.stderr.trim()}`);
      try {
        renameSync(join(tmp, 'package'), finalDir);
      } catch (e) {
        if (!existsSync(bin)) throw e; // another process won the race: fine
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const got = await versionOf(bin);
  if (got !== `v${v}`) throw new SpecError(`cached Node ${bin} reports ${got}, expected v${v}; delete ${dirname(dirname(bin))} and retry`);
  return { runtime: 'node', path: bin, version: got };
}

/**
 * Resolves what a person typed (SPEC_NODE, --node, a matrix column) to a verified binary.
 * Empty: the Node running this process.
 */
export async function resolveNode(spec: string | undefined): Promise<NodeTarget> {
  const s = (spec ?? '').trim();
  if (!s) return { runtime: 'node', path: process.execPath, version: process.version };
  if (/^v?\d+$/.test(s)) {
    const major = s.replace(/^v/, '');
    const pin = pins()[major];
    if (!pin) throw new SpecError(`Node ${s}: no pinned release for major ${major} in node-versions.json (pinned: ${Object.keys(pins()).join(', ')})`);
    return ensureVersion(pin);
  }
  if (/^v?\d+\.\d+\.\d+$/.test(s)) return ensureVersion(s);
  if (s.includes('/') || s.includes('\\') || existsSync(s)) {
    const path = resolve(s);
    return { runtime: 'node', path, version: await versionOf(path) };
  }
  throw new SpecError(`unknown Node target ${JSON.stringify(s)}: give a major (22), an exact version (18.20.8) or a path to a node binary`);
}

/** Newest published release of a major, asked of the npm registry. */
export async function latestOfMajor(major: string): Promise<string> {
  const pkg = npmPackageName();
  const r = await run('npm', ['view', `${pkg}@${major}`, 'version', '--json'], { timeout: 120_000 });
  if (r.code !== 0) {
    if (/E404|No match/i.test(r.stderr)) throw new SpecError(`Node ${major}: the npm registry has no ${pkg} release for major ${major}`);
    throw new SpecError(`Node ${major}: could not ask the npm registry for the newest ${pkg}@${major} (${r.stderr.trim().split('\n').pop()})`);
  }
  const parsed = JSON.parse(r.stdout || '[]') as string | string[];
  const list = (Array.isArray(parsed) ? parsed : [parsed]).filter((x) => /^\d+\.\d+\.\d+$/.test(x));
  if (!list.length) throw new SpecError(`Node ${major}: the npm registry has no ${pkg} release for major ${major}`);
  return list[list.length - 1]!;
}
