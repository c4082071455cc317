// npm run cache -- [--prune [--keep-pins]] [--json]
//
// Shows what the binary cache holds (harness/cache.ts): where it is, each cached release with its
// size and whether it is pinned, the registry's lists, and the total; --prune removes releases.
// It reads folders only: it never runs a binary and never asks the registry.
import { cachedLists, cachedReleases, prune, treeBytes, type CachedList, type CachedRelease } from '../harness/cache.ts';
import { cacheDir } from '../harness/node-binaries.ts';
import { formatBytes } from '../harness/npm-registry.ts';
import { command, SpecError } from './command.ts';
import { SCHEMA } from './json.ts';

const USAGE = `usage: npm run cache -- [--prune [--keep-pins]] [--json]

The cache of Node, Bun and Deno binaries fetched from the npm registry (~/.cache/node-async-spec;
NODE_ASYNC_SPEC_CACHE moves it): its location, each release (runtime, version, size, whether it
is pinned in node-versions.json or runtime-versions.json), the registry's cached lists of
releases, and the total. Sizes are the bytes of the files, in decimal units (1 MB = 10^6 bytes).

--prune          remove every cached release (and unpacking folders left by killed processes);
                 the registry's lists stay (small, refreshed after 12 hours by themselves)
--keep-pins      with --prune: keep the pinned releases
--json           print one object: { schema: 1, cache, releases: [{ runtime, version, platform,
                 path, bytes, pinned }], registryLists: [{ package, path, bytes, fetchedAt }],
                 totalBytes, removed: [releases, as in releases] } (after --prune: what is left,
                 and what it removed)
-h, --help       this text`;

/** What --json prints; `schema` changes when a field changes meaning or goes. */
export interface CacheReport {
  /** tools/json.ts SCHEMA. */
  schema: typeof SCHEMA;
  cache: string;
  releases: CachedRelease[];
  registryLists: CachedList[];
  /** Every byte under the cache folder: releases, lists, and anything else there. */
  totalBytes: number;
  /** The releases --prune removed ([] without --prune). */
  removed: CachedRelease[];
}

export function cacheReport(dir: string, removed: CachedRelease[] = []): CacheReport {
  return { schema: SCHEMA, cache: dir, releases: cachedReleases(dir), registryLists: cachedLists(dir), totalBytes: treeBytes(dir), removed };
}

/** The report as a table for a person. */
export function cacheText(r: CacheReport): string {
  const out = [`cache: ${r.cache} (NODE_ASYNC_SPEC_CACHE moves it)`];
  for (const x of r.removed) out.push(`removed ${x.runtime} ${x.version} (${x.platform}, ${formatBytes(x.bytes)})`);
  if (r.releases.length) {
    const rows = [['runtime', 'version', 'platform', 'size', 'pinned'], ...r.releases.map((x) => [x.runtime, x.version, x.platform, formatBytes(x.bytes), x.pinned ? 'pinned' : ''])];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    for (const row of rows) out.push(row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
  } else out.push('no release cached');
  for (const l of r.registryLists) out.push(`registry list: ${l.package} (fetched ${l.fetchedAt ?? 'at an unknown time'}, ${formatBytes(l.bytes)})`);
  const sum = (xs: { bytes: number }[]) => xs.reduce((n, x) => n + x.bytes, 0);
  const other = r.totalBytes - sum(r.releases) - sum(r.registryLists);
  out.push(`total: ${formatBytes(r.totalBytes)}: ${r.releases.length} release(s) ${formatBytes(sum(r.releases))}, ${r.registryLists.length} registry list(s) ${formatBytes(sum(r.registryLists))}${other > 0 ? `, other files ${formatBytes(other)}` : ''}`);
  if (r.removed.length) out.push(`freed: ${formatBytes(sum(r.removed))}`);
  return out.join('\n') + '\n';
}

export const spec = command({
  name: 'cache',
  usage: USAGE,
  options: { prune: { type: 'boolean' }, 'keep-pins': { type: 'boolean' }, json: { type: 'boolean' } },
  run(v) {
    if (v['keep-pins'] && !v.prune) throw new SpecError('--keep-pins goes with --prune (it keeps the pinned releases from being removed)');
    const dir = cacheDir();
    const removed = v.prune ? prune({ dir, keepPins: v['keep-pins'] }) : [];
    const report = cacheReport(dir, removed);
    process.stdout.write(v.json ? JSON.stringify(report, null, 2) + '\n' : cacheText(report));
    return 0;
  },
}, import.meta.url);
