// What scenario headers were read as, kept on disk between processes: every command and every
// test worker reads all the scenarios' headers (YAML, validation, hash), about half a second of
// CPU for each process, and `npm test` starts tens of them. An entry is found by the scenario's
// path and whole text, in a file stamped with the text of the code that reads headers (the modules
// harness/scenario.ts depends on) and the versions of the yaml and semver packages: an edit to a
// scenario or to that code reads the headers anew; what the cache gives is what reading gives.
// Only headers that read well are kept (an error is found again every time). The file lives in
// node_modules/.cache, so it goes with node_modules; where there is none (the packaged command),
// nothing is kept. A file that cannot be read, parsed or written is as no file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { ROOT, writeAtomic } from './project.ts';

/** The modules whose code decides what a header reads as (harness/scenario.ts and its imports from here). */
const READER = ['scenario.ts', 'command-line.ts', 'applicability.ts', 'project.ts', 'stdio.ts', 'target.ts', 'situations.ts'];
export const HEADER_CACHE_FILE = join(ROOT, 'node_modules', '.cache', 'node-async-spec-headers', 'headers.bin');
/** Past this many entries, a save keeps only those this process used (old texts fall away). */
const MAX_ENTRIES = 4000;

type Entries = Map<string, unknown>;

/** The stamp of the reading code, or undefined where its files are not there (a build without them). */
export function readerStamp(): string | undefined {
  try {
    const h = createHash('sha256');
    for (const f of READER) h.update(f).update('\0').update(readFileSync(fileURLToPath(new URL(`./${f}`, import.meta.url))));
    const req = createRequire(import.meta.url);
    for (const p of ['yaml', 'semver']) h.update((req(`${p}/package.json`) as { version: string }).version).update('\0');
    return h.digest('hex');
  } catch {
    return undefined;
  }
}

const keyOf = (abs: string, text: string) => createHash('sha256').update(abs).update('\0').update(text).digest('hex');

export interface HeaderCache {
  /** What the header of `abs` with this text read as before, or what `read()` makes of it now (then kept). */
  get<T>(abs: string, text: string, read: () => T): T;
  /** Writes what was added since the file was read (nothing if nothing was). */
  save(): void;
}

/** The cache in `file`, for the reading code stamped `code`: entries saved under another stamp are not used. */
export function openHeaderCache(file: string, code: string): HeaderCache {
  let entries: Entries = new Map();
  try {
    const saved = deserialize(readFileSync(file)) as { code?: unknown; entries?: unknown };
    if (saved.code === code && saved.entries instanceof Map) entries = saved.entries as Entries;
  } catch {
    // none yet, or unreadable: start empty
  }
  const used = new Set<string>();
  let added = false;
  return {
    get<T>(abs: string, text: string, read: () => T): T {
      const key = keyOf(abs, text);
      used.add(key);
      if (entries.has(key)) return entries.get(key) as T;
      const v = read();
      entries.set(key, v);
      added = true;
      return v;
    },
    save() {
      if (!added) return;
      const keep = entries.size > MAX_ENTRIES ? new Map([...entries].filter(([k]) => used.has(k))) : entries;
      try {
        writeAtomic(file, serialize({ code, entries: keep }));
        added = false;
      } catch {
        // not kept this time
      }
    },
  };
}

let shared: HeaderCache | null | undefined;

/** This process's cache (opened at first use, saved when the process exits), or null where none is kept. */
function sharedCache(): HeaderCache | null {
  if (shared !== undefined) return shared;
  const code = readerStamp();
  shared = code ? openHeaderCache(HEADER_CACHE_FILE, code) : null;
  if (shared) process.once('exit', () => shared?.save());
  return shared;
}

/** What the header of `abs` with this text read as in this or an earlier process, or what `read()` makes of it now. */
export function cachedHeader<T>(abs: string, text: string, read: () => T): T {
  const c = sharedCache();
  return c ? c.get(abs, text, read) : read();
}
