// What the run says when SPEC_NODE names a target that cannot be used: one line,
// `SPEC_NODE=<value>: <SpecError message>`, before any spec runs, and exit code 2
// (harness/global-setup.ts). Here so that a test can check the line without a whole vitest run.
import { SpecError } from './project.ts';

/** The line for an error resolving SPEC_NODE=`value`; undefined when it is not a SpecError (a bug, to be thrown). */
export function specNodeError(value: string | undefined, e: unknown): string | undefined {
  return e instanceof SpecError ? `SPEC_NODE=${value}: ${e.message}` : undefined;
}
