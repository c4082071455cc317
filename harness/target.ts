// What a target is: a runtime and one release of it, { runtime: 'node', version: '22.1.0' }, and
// the one way each is printed and read back. Printed, a target is what every result, record and
// record names it by: Node as `process.version` prints itself ("v22.1.0"), another runtime by name
// and version ("bun 1.4.5", "deno 2.9.6"). To a person, in every command's report, each runtime
// is named the same way: "node 22.1.0", "bun 1.4.5" (targetName). Inside, a version is bare
// ("22.1.0"): a leading `v` is added by printTarget() and dropped by bareVersion(), and nowhere
// else. What a person types to
// name a target (SPEC_NODE, --node, a matrix target, upgrade's releases) is read by parseTyped();
// harness/node-binaries.ts resolveTarget() turns it into a verified binary. The Node release that
// `lts`, `latest`, a `.nvmrc` or an `engines` range names is picked here too (pickNodeRelease), from
// a list of releases given to it. No I/O here.
import semver from 'semver';

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

/**
 * A target as every command's report names it to a person: the runtime, a space, the bare
 * version ("node 22.1.0", "bun 1.4.5", "deno 2.9.6"), the same for every runtime. Records, result
 * files and --json keep printTarget()'s "v22.1.0" and { runtime, version }: they are read back.
 */
export const targetName = (t: Release): string => `${t.runtime} ${t.version}`;

/** A printed target (printTarget, an observation's `node`) as targetName() names it: "v26.10.0" -> "node 26.10.0"; anything else as it is. */
export function targetLabel(printed: string): string {
  const t = parseTarget(printed);
  return t ? targetName(t) : printed;
}

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
  /** "lts", "latest": a Node release picked from the registry's list of releases (pickNodeRelease). */
  | { kind: 'alias'; alias: 'lts' | 'latest' }
  /** ".nvmrc" (the current directory's) or a path to a `.nvmrc` (or `.node-version`) file: the release it names (readNvmrc). */
  | { kind: 'nvmrc'; path: string }
  /** "engines" (package.json in the current directory) or a path to a package.json: its `engines.node` range (pickNodeRelease). */
  | { kind: 'engines'; path: string }
  | { kind: 'unknown'; typed: string };

/** The words typed targets may be, besides majors, releases and paths: for help texts and errors. */
export const TYPED_FORMS = 'a major (22), an exact version (18.20.8), lts, latest, .nvmrc (or a path to one), engines (package.json\'s engines.node, or a path to a package.json), bun, deno, bun@<version>, deno@<version> or a path to a node, bun or deno binary';

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
  if (/^(lts|latest)$/i.test(s)) return { kind: 'alias', alias: s.toLowerCase() as 'lts' | 'latest' };
  if (s === 'engines') return { kind: 'engines', path: 'package.json' };
  const base = s.split(/[\\/]/).pop()!;
  if (base === '.nvmrc' || base === '.node-version') return { kind: 'nvmrc', path: s };
  if (base === 'package.json') return { kind: 'engines', path: s };
  if (isPath(s)) return { kind: 'path', path: s };
  return { kind: 'unknown', typed: s };
}

// ---- a Node release picked from a list ------------------------------------------------------------

/** What a `.nvmrc`, `lts`, `latest` or an `engines` range asks for, before a release is picked. */
export type NodeWish =
  | { kind: 'latest' }
  /** The newest LTS line, or the line `major` (a `.nvmrc`'s `lts/<codename>`). */
  | { kind: 'lts'; major?: string }
  /** A pinned major, as typed. */
  | { kind: 'major'; major: string }
  | { kind: 'release'; version: string }
  /** A semver range: `engines.node`, or a `.nvmrc`'s partial version ("18.19"). `pinsFirst`: the newest pinned release in it wins over newer registry releases. */
  | { kind: 'range'; range: string; pinsFirst: boolean };

/** The LTS lines' codenames, as a `.nvmrc` names them (`lts/hydrogen`): Node's release schedule. */
export const LTS_CODENAMES: Record<string, string> = {
  argon: '4', boron: '6', carbon: '8', dubnium: '10', erbium: '12', fermium: '14', gallium: '16', hydrogen: '18', iron: '20', jod: '22', krypton: '24',
};

/**
 * What a `.nvmrc` (or `.node-version`) file's text names: its first line that is not a comment.
 * `node`, `latest`, `current`, `stable`: the newest release; `lts/*`: the newest LTS line;
 * `lts/<codename>`: that line's newest release; a major (`18`): its pinned release, as typed; a
 * partial version (`18.19`): the newest release of it; an exact one: itself. Throws a one-line
 * message for anything else.
 */
export function readNvmrc(text: string, file = '.nvmrc'): NodeWish {
  const line = text.split('\n').map((l) => l.replace(/#.*$/, '').trim()).find(Boolean);
  if (!line) throw new Error(`${file} names no version (it is empty)`);
  const s = line.toLowerCase();
  if (['node', 'latest', 'current', 'stable'].includes(s)) return { kind: 'latest' };
  if (s === 'lts/*') return { kind: 'lts' };
  const lts = /^lts\/(.+)$/.exec(s);
  if (lts) {
    const major = LTS_CODENAMES[lts[1]!];
    if (!major) throw new Error(`${file}: unknown LTS name ${JSON.stringify(lts[1])} (known: ${Object.keys(LTS_CODENAMES).join(', ')})`);
    return { kind: 'lts', major };
  }
  const v = bareVersion(s);
  if (/^\d+$/.test(v)) return { kind: 'major', major: v };
  if (/^\d+\.\d+$/.test(v)) return { kind: 'range', range: `${v}.x`, pinsFirst: false };
  if (/^\d+\.\d+\.\d+$/.test(v)) return { kind: 'release', version: v };
  throw new Error(`${file}: cannot read ${JSON.stringify(line)} as a Node version (give 22, 22.1, 22.1.0, lts/*, lts/<name> or node)`);
}

/**
 * The newest LTS line in a list of releases: the newest even major for which the list already has
 * a later major. An even line becomes LTS in October, when the next (odd) line comes out; until
 * then it is "Current", and the LTS line is the even one before it.
 */
export function ltsMajor(versions: readonly string[]): string | undefined {
  const majors = [...new Set(versions.map((v) => semver.major(v)))].sort((a, b) => a - b);
  const top = majors.at(-1);
  return top === undefined ? undefined : majors.filter((m) => m % 2 === 0 && m < top).map(String).at(-1);
}

/**
 * The exact Node release a wish names, from `versions` (every release on the registry, any order)
 * and `pinned` (node-versions.json: major -> release): undefined when none fits. An `engines`
 * range (pinsFirst) picks the newest pinned release that satisfies it, else the newest release on
 * the registry that does.
 */
export function pickNodeRelease(wish: NodeWish, versions: readonly string[], pinned: Record<string, string>): string | undefined {
  const newest = (vs: readonly string[]) => [...vs].sort(semver.rcompare)[0];
  switch (wish.kind) {
    case 'latest':
      return newest(versions);
    case 'lts': {
      const major = wish.major ?? ltsMajor(versions);
      return major === undefined ? undefined : newest(versions.filter((v) => String(semver.major(v)) === major));
    }
    case 'major':
      return pinned[wish.major];
    case 'release':
      return wish.version;
    case 'range': {
      const ok = (v: string) => semver.satisfies(v, wish.range);
      return (wish.pinsFirst ? newest(Object.values(pinned).filter(ok)) : undefined) ?? newest(versions.filter(ok));
    }
  }
}
