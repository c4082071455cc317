// Two facts every module may need and none owns: where the repository is, and the error meant for a
// person. Kept apart so that reading a scenario or printing a message does not load the module
// that fetches binaries (harness/node-binaries.ts re-exports both for older imports).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** An error meant for a person: one line, no stack trace needed. */
export class SpecError extends Error {
  override name = 'SpecError';
}

/** The repository's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
