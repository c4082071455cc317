// What a freeze left pending: the local service's own report, not something Lambda does or prints.
//
// When a function's environment is frozen (lambda/sandbox.ts: the runtime asked for its next
// event), the work its code started during the invocation and had not finished (a timer, a
// socket, an HTTP request, a promise nothing has settled) stays frozen with it: it runs when the
// environment is thawed for the next invocation, or never (aws.ts DOCS.LIFECYCLE: "Background
// processes or callbacks that were initiated by your Lambda function and did not complete when
// the function ended resume if Lambda reuses the execution environment."). The service can
// say which, with the line of the function's code that created each:
//   - lambda/runtime/freeze-hook.cjs loads lambda/runtime/pending-hook.cjs when the runtime's
//     environment names the task root in PENDING_VARIABLE (and only then: otherwise nothing of it
//     runs); pending-hook tracks what the function's files led to with the explain observer's
//     tracker (harness/explain-observer.cjs), and at each ask writes a record on stdout just
//     before the freeze marker;
//   - the sandbox hands that record to readPendingRecord() (it never reaches the function's log);
//   - this module turns it into PendingItems (harness/explain.ts pendingWork, explain's own
//     reading of the same records) and into the service's line, which starts with `---` as the
//     service's other own lines do and says it is not an AWS line.
// The cost: with the report on, every async resource the function creates during an invocation
// is recorded with its stack (async_hooks), which the invocation's Duration includes.
import { realpathSync } from 'node:fs';
import { pendingWork, type PendingItem, type TrackedItem } from '../harness/explain.ts';

/** The variable (in the runtime process's environment, removed by the hook) that asks for the report. */
export const PENDING_VARIABLE = 'LAMBDA_LOCAL_PENDING';

/**
 * The runtime's environment that asks for the report, for a function whose files are under
 * `taskRoot`, run by the runtime client in `runtimeDirs` (its work is not the function's). Real
 * paths: the stack frames the hook reads name modules by theirs.
 */
export function pendingEnv(taskRoot: string, runtimeDirs: string[]): Record<string, string> {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  return { [PENDING_VARIABLE]: JSON.stringify({ root: real(taskRoot), runtime: runtimeDirs.map(real) }) };
}

/** The record pending-hook.cjs writes at an ask: the tracker's records, or why there are none. */
export interface PendingRecord {
  promises?: TrackedItem[];
  handles?: TrackedItem[];
  unavailable?: string;
}

/**
 * The record in a line of the runtime's stdout (freeze-hook.cjs writes it), and what the function
 * printed before it on that line (its last write may not have ended with a newline), or undefined
 * if the line holds none.
 */
export function readPendingRecord(nonce: string, line: string): { before: string; record: PendingRecord } | undefined {
  const head = `\u001e${nonce}:pending `;
  const at = line.indexOf(head);
  if (at < 0 || !line.endsWith('\u001e')) return undefined;
  let record: PendingRecord;
  try {
    record = JSON.parse(line.slice(at + head.length, -1)) as PendingRecord;
  } catch {
    record = { unavailable: 'the report was cut short' };
  }
  return { before: line.slice(0, at), record };
}

/**
 * What a freeze left pending, read from the record (file:line relative to the task root), the
 * handles and requests first; or why that is not known (no record came, or the runtime could not
 * track its work): never an empty list for "not known".
 */
export function pendingAtFreeze(r: PendingRecord | undefined, taskRoot: string): { items: PendingItem[] } | { unavailable: string } {
  if (!r) return { unavailable: 'the runtime sent no report when it asked for its next event' };
  if (r.unavailable) return { unavailable: r.unavailable };
  const items = pendingWork(r.promises ?? [], r.handles ?? [], taskRoot);
  return { items: [...items.filter((p) => !PROMISE_KINDS.has(p.kind)), ...items.filter((p) => PROMISE_KINDS.has(p.kind))] };
}
const PROMISE_KINDS = new Set(['promise', 'async function']);

/** One pending thing in words. */
export function describePending(p: PendingItem): string {
  const where = `${p.library ? `by ${p.library}, called ` : ''}at ${p.created}${p.in ? ` in ${p.in}()` : ''}`;
  const times = p.count ? ` ×${p.count}` : '';
  if (p.kind === 'async function') return `${p.in ?? 'an async function'}() (its promise, created at ${p.created}) not finished${p.what ? `: ${p.what}` : ''}`;
  if (p.kind === 'promise') return `${p.count ? `${p.count} promises` : 'a promise'} created ${where}${p.awaited ? `, awaited${p.via ? ` through ${p.via}` : ''} at ${p.awaited}` : ''}, not settled`;
  return `${p.what ?? p.kind}${times} created ${where}${p.unref ? " (unref'd)" : ''}`;
}

/** The service's line for a freeze: what was pending, or that it is not known and why; undefined when nothing was pending. */
export function pendingLine(items: PendingItem[] | undefined, unknown?: string): string | undefined {
  if (unknown) return `--- frozen; what this invocation left pending is not known (the local service's report, not an AWS line): ${unknown}`;
  if (!items?.length) return undefined;
  return `--- frozen with work of this invocation not finished (the local service's report, not an AWS line; it runs when a next invocation thaws the environment, or never): ${items.map(describePending).join('; ')}`;
}
