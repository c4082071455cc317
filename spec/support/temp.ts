// Temporary folders for the specs, removed however the run ends: by the spec when it is done
// with one, and, if the run is stopped first (Ctrl-C, SIGTERM, a worker that lost its runner), by
// the worker as it goes, or (SIGKILL) by its guard: harness/procs.ts holdFolder(). Each is made in
// os.tmpdir(), the run's TMPDIR.
//
// tempFolder(): one for a whole spec file, made when its tests start (beforeAll), removed when
// they end (afterAll). Made when the file is imported instead, it is left behind by `vitest list`,
// which imports every spec file to collect its tests but runs no hooks.
// heldTemp(): one for a single test, removed by its remove() (in a `finally`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { holdFolder } from '../../harness/procs.ts';

export interface HeldTemp {
  path: string;
  /** Removes the folder and everything in it (and lets go of it). */
  remove(): void;
}

/** Makes a folder `<parent>/<prefix>XXXXXX` (parent: os.tmpdir()), removed if this process goes before remove(). */
export function heldTemp(prefix: string, parent = tmpdir()): HeldTemp {
  const path = mkdtempSync(join(parent, prefix));
  const rm = () => rmSync(path, { recursive: true, force: true });
  const release = holdFolder(path);
  return {
    path,
    remove() {
      try {
        rm();
      } finally {
        release();
      }
    },
  };
}

/**
 * Registers the folder's hooks; the function returned gives its path once the tests have started.
 * `scenarios`: the folder holds scenario files, CommonJS as the repository's are
 * (scenarios/package.json): it gets a package.json that says so, without which Deno reads a .js
 * file outside any package as an ES module (require is not defined).
 */
export function tempFolder(prefix: string, o: { scenarios?: boolean } = {}): () => string {
  let held: HeldTemp | undefined;
  beforeAll(() => {
    held = heldTemp(prefix);
    if (o.scenarios) writeFileSync(join(held.path, 'package.json'), '{ "type": "commonjs" }\n');
  });
  afterAll(() => {
    held?.remove();
  });
  return () => {
    if (!held) throw new Error(`tempFolder('${prefix}'): asked for before the spec's tests started`);
    return held.path;
  };
}
