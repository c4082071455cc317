// What a target is: a runtime and one release of it, { runtime: 'node', version: '22.1.0' }, and
// the one way each is printed and read back. Printed, a target is what every result, record and
// report names it by: Node as `process.version` prints itself ("v22.1.0"), another runtime by name
// and version ("bun 1.4.5", "deno 2.9.6"). Inside, a version is bare ("22.1.0"): a leading `v` is
// added by printTarget() and dropped by bareVersion(), and nowhere else. What a person types to
// name a target (SPEC_NODE, --node, a matrix target, upgrade's releases) is read by parseTyped();
// harness/node-binaries.ts resolveTarget() turns it into a verified binary. No I/O here.

/** The runtimes a scenario can run under. */
export const RUNTIMES = ['node', 'bun', 'deno'] as const;
export type Runtime = (typeof RUNTIMES)[number];

/** A runtime and one release of it; `version` is bare ("22.1.0", "1.4.5"). */
export interface Release {
  runtime: Runtime;
  version: string;
}

const VERSION = /^\d+\.\d+\.\d+\S*$/;

/** Orders Node majors given as text by number ("9" before "12"): `majors.sort(byMajor)`. */
export const byMajor = (a: string, b: string): number => Number(a) - Number(b);

/** A Node version as typed or printed ("22.1.0", "v22.1.0", " v22 "), bare ("22.1.0", "22"): the one place a leading `v` is dropped. */
export function bareVersion(v: string): string {
  return v.trim().replace(/^v/, '');
}

/** A target as every result, record and report names it: "v22.1.0", "bun 1.4.5", "deno 2.9.6". */
export function printTarget(t: Release): string {
  return t.runtime === 'node' ? `v${t.version}` : `${t.runtime} ${t.version}`;
}

/** The printed Node release of a bare version: "22.1.0" -> "v22.1.0". */
export const printNode = (version: string): string => printTarget({ runtime: 'node', version: bareVersion(version) });

/**
 * A printed target read back: "v22.1.0" (or a bare "22.1.0": Node's), "bun 1.4.5", "deno 2.9.6";
 * undefined for anything else.
 */
export function parseTarget(printed: string): Release | undefined {
  const [name, version, ...rest] = printed.trim().split(' ');
  if (version === undefined) {
    const v = bareVersion(name!);
    return VERSION.test(v) ? { runtime: 'node', version: v } : undefined;
  }
  if (rest.length || (name !== 'bun' && name !== 'deno') || !VERSION.test(version)) return undefined;
  return { runtime: name, version };
}

/** Whether a printed target is a Node release (the matrix's columns; other runtimes are compared with one). */
export const isNode = (printed: string): boolean => parseTarget(printed)?.runtime === 'node';

/** "Node v26.10.0" for a Node release, the runtime's own name ("bun 1.4.5") otherwise. */
export const targetLabel = (printed: string): string => (isNode(printed) ? `Node ${printed}` : printed);

/** A target in a file name: "node-22.1.0", "bun-1.4.5", "deno-2.9.6". */
export const targetFileStem = (t: Release): string => `${t.runtime}-${t.version}`;

/** What a person typed to name a target, read (nothing resolved, nothing fetched). */
export type TypedTarget =
  /** Nothing: the Node running this process. */
  | { kind: 'this' }
  /** A Node major ("22", "v22"): its pinned release (node-versions.json), or the newest on the registry. */
  | { kind: 'major'; major: string }
  /** An exact release: "18.20.8", "v18.20.8", "bun@1.4.5", "deno@2.9.6". */
  | { kind: 'release'; release: Release }
  /** "bun", "deno": the pinned release (runtime-versions.json). */
  | { kind: 'pinned'; runtime: Exclude<Runtime, 'node'> }
  /** The path of a node, bun or deno binary. */
  | { kind: 'path'; path: string }
  | { kind: 'unknown'; typed: string };

/** Reads what was typed; `isPath` tells a path from anything else (a slash, or an existing file). */
export function parseTyped(typed: string | undefined, isPath: (s: string) => boolean = () => false): TypedTarget {
  const s = (typed ?? '').trim();
  if (!s) return { kind: 'this' };
  const rt = /^(bun|deno)(?:@(.*))?$/i.exec(s);
  if (rt) {
    const runtime = rt[1]!.toLowerCase() as Exclude<Runtime, 'node'>;
    return rt[2] === undefined ? { kind: 'pinned', runtime } : { kind: 'release', release: { runtime, version: bareVersion(rt[2]) } };
  }
  if (/^v?\d+$/.test(s)) return { kind: 'major', major: bareVersion(s) };
  if (/^v?\d+\.\d+\.\d+$/.test(s)) return { kind: 'release', release: { runtime: 'node', version: bareVersion(s) } };
  if (isPath(s)) return { kind: 'path', path: s };
  return { kind: 'unknown', typed: s };
}
