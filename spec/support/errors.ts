// A person's error, as the commands and SPEC_NODE print it: a SpecError of one line.
import { expect } from 'vitest';
import { SpecError } from '../../harness/node-binaries.ts';

/** Awaits `p`, which must reject with a one-line SpecError containing `message`. */
export async function expectOneLineSpecError(p: Promise<unknown>, message: string): Promise<void> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(SpecError);
  expect((e as Error).message).toContain(message);
  expect((e as Error).message).not.toContain('\n');
}
