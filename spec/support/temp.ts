// A temporary folder for one spec file: made when its tests start (beforeAll), removed when they
// end (afterAll). Made when the file is imported instead, it is left behind by `vitest list`, which
// imports every spec file to collect its tests but runs no hooks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** Registers the folder's hooks; the function returned gives its path once the tests have started. */
export function tempFolder(prefix: string): () => string {
  let path: string | undefined;
  beforeAll(() => {
    path = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (path) rmSync(path, { recursive: true, force: true });
  });
  return () => {
    if (!path) throw new Error(`tempFolder('${prefix}'): asked for before the spec's tests started`);
    return path;
  };
}
