// The outcome of a sequence of Lambda invocations, stated as one object per invocation, as a Node
// claim states its process's outcome in one object (harness/outcome.ts):
//
//   expectInvocations([a, b], [
//     { response: 'answer 1', lines: ['handler 1'] },
//     { response: 'answer 2', coldStart: false, lines: ['timer from 1', 'handler 2'] },
//   ]);
//
// An expectation names the fields it states; those, and only those, are read from each
// invocation (see FIELDS) and compared with toEqual in one go, so a failure shows every
// invocation's stated fields side by side with what was observed. A value may be a matcher
// (spec/support/lambda-matchers.ts: has, like, inOrder, number, oneOf, partial; or vitest's
// expect.any, ...); a RegExp value means a string matching it.
//
// What the fields read, beyond the Invocation's own (lambda/environment.ts):
//   head, body   the log lines before START, and between START and END (normalised); with the JSON
//                log format, before platform.start and between it and platform.report (no END)
//   start, end   the START and END lines (platform.start; no END in JSON)
//   report       REPORT's fields (numbers from the raw line, or platform.report's record); only
//                the ones stated are compared
//   process      'first' for the first invocation listed, then 'same' or 'new': whether the
//                runtime process that served it is the one that served the previous one listed
//   gone         its runtime process has ended (read when checked; a zombie counts as ended)
//   stream       a streamed answer (lambda/streaming.ts) as {contentType, http, body (text), bytes};
//                undefined if the answer was not streamed (its chunks are read from r.stream)
// Request ids in error messages read `<req:N>`, as in the logs (N: the number `n` of the invocation
// listed with that id; an id of none listed is left as it is).
import { expect } from 'vitest';
import { isRunning } from '../../harness/procs.ts';
import type { Invocation } from '../../lambda/service.ts';
import { isMatcher, longText, patterns } from './lambda-matchers.ts';

/** The fields of a REPORT line. */
export interface Report {
  requestId: string;
  duration: number;
  billed: number;
  memorySize: number;
  maxMemoryUsed: number;
  /** Init Duration: only on a cold start whose init ran in the init phase. */
  init?: number;
  status?: 'timeout' | 'error';
  errorType?: string;
}

// Lambda writes Status: timeout alone, Status: error with an Error Type (lambda/logs.ts).
const REPORT = /^REPORT RequestId: (\S+)\tDuration: ([\d.]+) ms\tBilled Duration: (\d+) ms\tMemory Size: (\d+) MB\tMax Memory Used: (\d+) MB(?:\tInit Duration: ([\d.]+) ms)?(?:\tStatus: (timeout)|\tStatus: (error)\tError Type: (\S+))?$/;

/**
 * A JSON platform line (the JSON log format: lambda/logs.ts platformLines), parsed, raw or
 * normalised (a normalised figure `<n>` reads 0); undefined for any other line.
 */
function platformEvent(line: string | undefined): { type: string; record: Record<string, unknown> } | undefined {
  if (!line?.startsWith('{"time":')) return undefined;
  try {
    const o = JSON.parse(line.replace(/":<n>/g, '":0')) as { type?: unknown; record?: unknown };
    return typeof o.type === 'string' && o.type.startsWith('platform.') && o.record && typeof o.record === 'object' ? { type: o.type, record: o.record as Record<string, unknown> } : undefined;
  } catch {
    return undefined;
  }
}

/** A platform.report record as REPORT's fields. */
function jsonReport(r: Invocation, rec: Record<string, unknown>): Report {
  const m = (rec.metrics ?? {}) as Record<string, number>;
  const rep: Report = {
    requestId: platformEvent(r.logs.at(-1))?.record.requestId as string,
    duration: m.durationMs!, billed: m.billedDurationMs!, memorySize: m.memorySizeMB!, maxMemoryUsed: m.maxMemoryUsedMB!,
  };
  if (m.initDurationMs !== undefined) rep.init = m.initDurationMs;
  if (rec.status === 'timeout') rep.status = 'timeout';
  if (rec.status === 'error') Object.assign(rep, { status: 'error', errorType: rec.errorType });
  return rep;
}

/**
 * The REPORT line of an invocation (its last line), field by field (numbers from the raw line), or
 * its platform.report with the JSON log format; throws if it is neither.
 */
export function reportOf(r: Invocation): Report {
  const json = platformEvent(r.rawLogs.at(-1));
  if (json?.type === 'platform.report') return jsonReport(r, json.record);
  const m = REPORT.exec(r.rawLogs.at(-1) ?? '');
  if (!m) throw new Error(`no REPORT line: the last line is ${JSON.stringify(r.logs.at(-1))}`);
  const rep: Report = {
    requestId: r.logs.at(-1)!.split('\t')[0]!.slice('REPORT RequestId: '.length),
    duration: Number(m[2]), billed: Number(m[3]), memorySize: Number(m[4]), maxMemoryUsed: Number(m[5]),
  };
  if (m[6] !== undefined) rep.init = Number(m[6]);
  if (m[7] !== undefined) rep.status = 'timeout';
  if (m[8] !== undefined) Object.assign(rep, { status: 'error', errorType: m[9] });
  return rep;
}

/** The frame Lambda writes around invocation n: START and END with its request id, and its REPORT with these fields. */
export function frame(n: number, report: { [K in keyof Report]?: unknown } = {}): InvocationOutcome {
  return { start: `START RequestId: <req:${n}> Version: $LATEST`, end: `END RequestId: <req:${n}>`, report: { requestId: `<req:${n}>`, ...report } };
}

/**
 * The INIT_START line that opens a new environment's init phase on `runtime`, normalised
 * (lambda/logs.ts: the build and the ARN's id are `<build>` and `<id>`).
 */
export const initStart = (runtime: string) =>
  `INIT_START Runtime Version: ${runtime.replace(/^nodejs(\d+)\.x$/, 'nodejs:$1')}.<build>\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:<id>`;

/**
 * Where START and END are in the log (-1: not there; an invocation refused before any environment
 * has no log); with the JSON log format, platform.start, and for the end of the body platform.report.
 */
const startIndex = (r: Invocation) => r.logs.findIndex((l) => l.startsWith('START RequestId: ') || platformEvent(l)?.type === 'platform.start');
const endLineIndex = (r: Invocation) => r.logs.findIndex((l) => l.startsWith('END RequestId: '));
const endIndex = (r: Invocation) => {
  const end = endLineIndex(r);
  return end >= 0 ? end : r.logs.findIndex((l) => platformEvent(l)?.type === 'platform.report');
};
/** The lines before START (all of them if there is none). */
const headOf = (r: Invocation) => (startIndex(r) < 0 ? r.logs : r.logs.slice(0, startIndex(r)));
/** The lines after START, up to END (to the last line if there is none; none without START). */
const bodyOf = (r: Invocation) => (startIndex(r) < 0 ? [] : r.logs.slice(startIndex(r) + 1, endIndex(r) < 0 ? undefined : endIndex(r)));

interface Context {
  previous?: Invocation;
  /** Request id -> `<req:N>`, for the invocations listed. */
  label: (text: string) => string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function labelled<T extends { errorMessage: string } | undefined>(e: T, ctx: Context): T {
  return e && { ...e, errorMessage: ctx.label(e.errorMessage) };
}

/** How each field of the outcome is read from an invocation. */
const FIELDS = {
  n: (r: Invocation) => r.n,
  environment: (r: Invocation) => r.environment,
  coldStart: (r: Invocation) => r.coldStart,
  suppressedInit: (r: Invocation) => r.suppressedInit,
  timedOut: (r: Invocation) => r.timedOut,
  refused: (r: Invocation) => r.refused,
  streamed: (r: Invocation) => r.streamed,
  stream: (r: Invocation) => r.stream && { contentType: r.stream.contentType, http: r.stream.http, body: r.stream.body.toString('utf8'), bytes: r.stream.bytes },
  response: (r: Invocation) => r.response,
  error: (r: Invocation, ctx: Context) => labelled(r.error, ctx),
  initError: (r: Invocation, ctx: Context) => labelled(r.initError, ctx),
  exit: (r: Invocation) => r.exit,
  unenforced: (r: Invocation) => r.unenforced,
  lines: (r: Invocation) => r.lines,
  initLines: (r: Invocation) => r.initLines,
  logs: (r: Invocation) => r.logs,
  head: headOf,
  body: bodyOf,
  start: (r: Invocation) => r.logs[startIndex(r)],
  end: (r: Invocation) => r.logs[endLineIndex(r)],
  report: (r: Invocation) => {
    try {
      return reportOf(r);
    } catch (e) {
      return (e as Error).message; // shown in the diff, against the fields stated
    }
  },
  process: (r: Invocation, ctx: Context) => (!ctx.previous ? 'first' : r.pid === ctx.previous.pid ? 'same' : 'new'),
  gone: (r: Invocation) => !isRunning(r.pid),
};

type Field = keyof typeof FIELDS;

/** What one invocation is expected to show: the fields stated, each a value or a matcher. */
export type InvocationOutcome = { [K in Exclude<Field, 'report'>]?: unknown } & { report?: { [K in keyof Report]?: unknown } };

/** The stated fields of `r`; of REPORT, the stated ones (unless `report` is itself a matcher). */
function view(r: Invocation, expected: InvocationOutcome, ctx: Context): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) {
    if (!(key in FIELDS)) throw new Error(`an invocation outcome has no field "${key}" (fields: ${Object.keys(FIELDS).join(', ')})`);
    const value = FIELDS[key as Field](r, ctx);
    const stated = expected.report;
    if (key === 'report' && typeof value === 'object' && typeof stated === 'object' && stated !== null && !('asymmetricMatch' in stated)) {
      out.report = Object.fromEntries(Object.keys(stated).map((k) => [k, (value as unknown as Record<string, unknown>)[k]]));
    } else out[key] = value;
  }
  return out;
}

/**
 * `v` with every long string as longText's summary, for a failure's diff: a streamed body of
 * megabytes compared whole makes vitest's diff unreadable ("no visual difference") and hides the
 * fields that did differ. Matchers stay as they are.
 */
function shortened(v: unknown): unknown {
  if (typeof v === 'string') return longText(v);
  if (Array.isArray(v)) return v.map(shortened);
  if (typeof v === 'object' && v !== null && !isMatcher(v) && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shortened(x)]));
  }
  return v;
}

/**
 * Checks invocations (in the order they are listed) against one expected outcome each, all in one
 * toEqual: the failure diff shows every stated field of every invocation.
 */
export function expectInvocations(invocations: Invocation[], expected: InvocationOutcome[]): void {
  expect(invocations.length, 'as many expected outcomes as invocations').toBe(expected.length);
  const ids = new Map(invocations.map((r) => [r.requestId, `<req:${r.n}>`]));
  const label = (text: string) => text.replace(UUID, (id) => ids.get(id) ?? id);
  const observed: Record<string, unknown> = {};
  const stated: Record<string, unknown> = {};
  invocations.forEach((r, i) => {
    const key = `#${String(i + 1).padStart(String(invocations.length).length, '0')}`; // in order in the diff, which sorts keys
    observed[key] = view(r, expected[i]!, { previous: invocations[i - 1], label });
    stated[key] = patterns(expected[i]);
  });
  const what = 'each invocation listed (#1, #2, ...): the fields its outcome states';
  // On a failure, what Lambda's log stream showed for each (its last lines): how an invocation
  // that ended otherwise than stated got there (a timeout, a reset), which its fields do not say.
  const logged = () => invocations.map((r, i) => `#${i + 1}: ${r.logs.slice(-12).map((l) => label(l).slice(0, 300)).join('\n    ')}`).join('\n');
  try {
    expect(observed, what).toEqual(stated);
  } catch (e) {
    // The same comparison with long strings summarised, for a diff that shows every field that
    // differs; should that one pass (a pattern that a summary happens to meet), the first failure.
    expect(shortened(observed), `${what}\nlogs:\n${logged()}`).toEqual(shortened(stated));
    if (e instanceof Error) e.message += `\nlogs:\n${logged()}`;
    throw e;
  }
}

/** One invocation against its expected outcome. */
export const expectInvocation = (r: Invocation, expected: InvocationOutcome) => expectInvocations([r], [expected]);
