// Facts every module may need and none owns: where the repository is, the error meant for a
// person, and the longest delay a Node timer takes. Kept apart so that reading a scenario or
// printing a message does not load the module that fetches binaries (harness/node-binaries.ts
// re-exports ROOT and SpecError for older imports).
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** An error meant for a person: one line, no stack trace needed. */
export class SpecError extends Error {
  override name = 'SpecError';
}

/** The repository's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The folder of an installed package the code finds by path: `node_modules/<name>` in the nearest
 * of ROOT and the folders above it that has it, as Node resolves a package from ROOT (a clone:
 * ROOT's own; the installed package, whose ROOT is its dist/: the project's, next to it), else
 * ROOT's own (where it would be).
 */
export function installedPackage(name: string, from: string = ROOT): string {
  for (let d = from; ; d = dirname(d)) {
    const p = join(d, 'node_modules', name);
    if (pathKind(p) === 'directory') return p;
    if (dirname(d) === d) return join(from, 'node_modules', name);
  }
}

/** The longest delay a Node timer takes (2^31 - 1 ms, about 24.8 days); beyond, it fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** What is at a path: a regular file, a directory, something else (a device such as /dev/null, a FIFO, a socket), or nothing (also: unreachable). */
export function pathKind(p: string): 'file' | 'directory' | 'other' | 'missing' {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 'missing';
  }
  return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
}

/** How a message says that a path that is there is not the file wanted: "is a directory, not <what>", or for /dev/null "is a special file (...), not <what>". */
export const notAFile = (kind: 'directory' | 'other', what: string): string => `${kind === 'directory' ? 'is a directory' : 'is a special file (a device, FIFO or socket)'}, not ${what}`;

/**
 * Makes a folder and its missing parents, one mkdir each from the nearest folder that exists, and
 * throws the first mkdir's own error. Node's `mkdirSync(p, { recursive: true })` is not used for
 * that: under /proc (where mkdir answers ENOENT) it loops for ever, blocking signals too.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let p = resolve(dir); pathKind(p) !== 'directory'; p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing) {
    try {
      mkdirSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && pathKind(p) === 'directory') continue; // made meanwhile
      throw e;
    }
  }
}

/** Writes a file whole or not at all: a temporary file in the same folder, then a rename (a reader meanwhile sees the old file or the new one). */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  makeFolders(dirname(file));
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}
