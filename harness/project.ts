// Facts every module may need and none owns: where the repository is, the error meant for a
// person, and the longest delay a Node timer takes. Kept apart so that reading a scenario or
// printing a message does not load the module that fetches binaries (harness/node-binaries.ts
// re-exports ROOT and SpecError for older imports).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** An error meant for a person: one line, no stack trace needed. */
export class SpecError extends Error {
  override name = 'SpecError';
}

/** The repository's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The longest delay a Node timer takes (2^31 - 1 ms, about 24.8 days); beyond, it fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
