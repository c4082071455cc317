// The log lines Lambda itself writes around a function's own output, as the function's log stream
// (CloudWatch Logs) shows them (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html):
//   INIT_START Runtime Version: <version>\tRuntime Version ARN: <arn>   (a new environment's init phase: aws.ts initStartText)
//   INIT_REPORT Init Duration: <ms> ms\tPhase: init|invoke\tStatus: error|timeout[\tError Type: <type>]
//   START RequestId: <id> Version: $LATEST
//   ...the function's lines...
//   END RequestId: <id>
//   REPORT RequestId: <id>\tDuration: <ms> ms\tBilled Duration: <ms> ms\tMemory Size: <MB> MB\tMax Memory Used: <MB> MB[\tInit Duration: <ms> ms][\tStatus: ...]
// With the JSON log format, the same lines as JSON objects (aws.ts, "the log format"): platform.initStart,
// platform.initReport, platform.start and platform.report; no END.
// Their normal form for specs: timestamps `<time>`, request ids `<req:N>`, numbers in REPORT /
// INIT_REPORT (and a JSON record's metrics) `<n>`, this checkout `<root>`, the Node version
// `Node.js <version>`, and in INIT_START the build (`nodejs:22.<build>`) and the ARN's id (`runtime:<id>`).
import { ROOT } from '../harness/project.ts';
import { EXIT_ERROR_TYPE, JSON_INITIALIZATION_TYPE, initStartText, taskTimedOut, type LogFormat } from './aws.ts';

/** A line written by the runtime client's console: `<ISO time>\t<request id>\t<LEVEL>\t<message>`. */
const CONSOLE_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\t([^\t]*)\t([A-Z]+)\t([\s\S]*)$/;

/**
 * A console line of the JSON format: `{"timestamp", "level", "requestId", "message", ...}` (the
 * runtime client's LogPatch.js, with AWS_LAMBDA_LOG_FORMAT=JSON), as its time and message.
 */
function jsonConsoleLine(raw: string): { time: string; message: string } | undefined {
  if (!raw.startsWith('{"timestamp":')) return undefined;
  try {
    const o = JSON.parse(raw) as Record<string, unknown>;
    if (typeof o.timestamp !== 'string' || typeof o.level !== 'string') return undefined;
    return { time: o.timestamp, message: typeof o.message === 'string' ? o.message : JSON.stringify(o.message) };
  } catch {
    return undefined;
  }
}

/** What the function printed: the message of a console line (its \r are newlines), other lines as they are. */
export function messageOf(raw: string): string {
  const m = CONSOLE_LINE.exec(raw);
  if (m) return m[4]!.replace(/\r/g, '\n');
  return jsonConsoleLine(raw)?.message ?? raw;
}

/**
 * The lines printed by the deadline (wall-clock ms): a console line carries the time the runtime
 * client wrote it; one written after the deadline is dropped, as Lambda would have stopped the
 * process by then (a loaded machine may end it a little late here). Other lines are kept.
 */
export function printedBy(raw: string[], deadlineMs: number): string[] {
  return raw.filter((l) => {
    const time = CONSOLE_LINE.exec(l)?.[1] ?? jsonConsoleLine(l)?.time;
    return time === undefined || Date.parse(time) <= deadlineMs;
  });
}

const ms = (x: number) => x.toFixed(2);

export type Status = { kind: 'timeout' } | { kind: 'error'; errorType: string };

function statusFields(s: Status | undefined): string {
  if (!s) return '';
  return s.kind === 'timeout' ? '\tStatus: timeout' : `\tStatus: error\tError Type: ${s.errorType}`;
}

/** An init that did not succeed, in the init phase (a cold start) or inside an invocation ("suppressed init"). */
export function initReportLine(initMs: number, phase: 'init' | 'invoke', status: Status): string {
  return `INIT_REPORT Init Duration: ${ms(initMs)} ms\tPhase: ${phase}${statusFields(status)}`;
}

/** The first line of a new environment's init phase: the runtime version it runs. */
export const initStartLine = (v: { version: string; arn: string }) => initStartText(v.version, v.arn);

export const startLine = (id: string) => `START RequestId: ${id} Version: $LATEST`;
export const endLine = (id: string) => `END RequestId: ${id}`;

/** The line Lambda writes when the function runs past its timeout. */
export const timeoutLine = (id: string, timeoutSec: number) => `${new Date().toISOString()} ${id} ${taskTimedOut(timeoutSec)}`;

/** The lines Lambda writes when the runtime process ends without an answer. */
export const exitLines = (id: string, reason: string) => [`RequestId: ${id} Error: ${reason}`, EXIT_ERROR_TYPE];

export interface ReportFields {
  id: string;
  durationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** The init phase of a cold start (not a suppressed init: that is part of Duration). */
  initMs?: number;
  status?: Status;
}

/**
 * Billed Duration: the duration rounded up to the millisecond; on a cold start the init phase is
 * billed too. "Effective August 1, 2025, AWS will standardize billing for the initialization
 * (INIT) phase across all AWS Lambda function configurations. This change specifically affects
 * on-demand invocations of Lambda functions packaged as ZIP files that use managed runtimes, for
 * which the INIT phase duration was previously unbilled." (aws.ts DOCS.INIT_BILLING)
 */
export function billedMs(durationMs: number, initMs?: number): number {
  // From the figures REPORT shows (hundredths of a ms), added as whole hundredths: the line adds up
  // (5.10 + 435.90 bills 441, not the 442 that the unrounded 5.104 + 435.897 would).
  const hundredths = (x: number) => Math.round(Number(ms(x)) * 100);
  const billed = Math.ceil((hundredths(durationMs) + hundredths(initMs ?? 0)) / 100);
  return durationMs + (initMs ?? 0) > 0 ? Math.max(1, billed) : billed; // rounded up: any time at all is 1 ms
}

export function reportLine(f: ReportFields): string {
  return (
    `REPORT RequestId: ${f.id}\tDuration: ${ms(f.durationMs)} ms\tBilled Duration: ${billedMs(f.durationMs, f.initMs)} ms\t` +
    `Memory Size: ${f.memorySizeMb} MB\tMax Memory Used: ${f.maxMemoryUsedMb} MB` +
    (f.initMs !== undefined ? `\tInit Duration: ${ms(f.initMs)} ms` : '') +
    statusFields(f.status)
  );
}

/** What a JSON platform line names its function by. */
export interface FunctionNames {
  functionName: string;
  functionArn: string;
}

const json = (type: string, record: Record<string, unknown>, at = new Date()) => JSON.stringify({ time: at.toISOString(), type, record });
/** A duration in a JSON record: ms to the microsecond, as Lambda's records give it (693.92, 463.512). */
const jsonMs = (x: number) => Math.round(x * 1000) / 1000;
const statusRecord = (s: Status | undefined) => (!s ? { status: 'success' } : s.kind === 'timeout' ? { status: 'timeout' } : { status: 'error', errorType: s.errorType });

/**
 * The lines Lambda writes itself, in the function's log format (aws.ts LogFormat): Text (INIT_START,
 * INIT_REPORT, START, END, REPORT) or JSON (platform.initStart, platform.initReport, platform.start,
 * platform.report; no END: `end` gives undefined). A JSON line's time is `at` (default: now):
 * START's is when the invocation started, INIT_START's when the init did.
 */
export function platformLines(format: LogFormat, fn: FunctionNames) {
  if (format === 'Text') {
    return {
      initStart: (v: { version: string; arn: string }, _at?: Date) => initStartLine(v),
      initReport: initReportLine,
      start: (id: string, _at?: Date) => startLine(id),
      end: (id: string): string | undefined => endLine(id),
      report: reportLine,
    };
  }
  return {
    initStart: (v: { version: string; arn: string }, at?: Date) =>
      json('platform.initStart', {
        initializationType: JSON_INITIALIZATION_TYPE, phase: 'init', runtimeVersion: v.version, runtimeVersionArn: v.arn,
        functionName: fn.functionName, functionVersion: '$LATEST',
      }, at),
    initReport: (initMs: number, phase: 'init' | 'invoke', status: Status) =>
      json('platform.initReport', { initializationType: JSON_INITIALIZATION_TYPE, phase, ...statusRecord(status), metrics: { durationMs: jsonMs(initMs) } }),
    start: (id: string, at?: Date) => json('platform.start', { requestId: id, functionArn: fn.functionArn, version: '$LATEST' }, at),
    end: (_id: string): string | undefined => undefined,
    report: (f: ReportFields) =>
      json('platform.report', {
        requestId: f.id,
        metrics: {
          durationMs: jsonMs(f.durationMs), billedDurationMs: billedMs(f.durationMs, f.initMs), memorySizeMB: f.memorySizeMb, maxMemoryUsedMB: f.maxMemoryUsedMb,
          ...(f.initMs !== undefined ? { initDurationMs: jsonMs(f.initMs) } : {}),
        },
        ...statusRecord(f.status),
      }),
  };
}
export type PlatformLines = ReturnType<typeof platformLines>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The normal form of log lines; `label` names a request id (`<req:N>`). */
export function normaliseLogs(raw: string[], label: (id: string) => string): string[] {
  return raw.map((l) => {
    let t = l.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>');
    t = t.replace(UUID, (id) => label(id));
    if (/^(REPORT|INIT_REPORT) /.test(t)) t = t.replace(/(Duration|Memory Used): [\d.]+/g, '$1: <n>');
    if (t.startsWith('INIT_START ')) t = t.replace(/(Runtime Version: [a-z]+:\d+)\.\S+/, '$1.<build>').replace(/::runtime:[0-9a-f]{64}/, '::runtime:<id>');
    if (/^\{"time":"<time>","type":"platform\./.test(t)) {
      t = t.replace(/("(?:durationMs|billedDurationMs|maxMemoryUsedMB|initDurationMs)"):[\d.]+/g, '$1:<n>');
      t = t.replace(/("runtimeVersion":"[a-z]+:\d+)\.[^"]+/, '$1.<build>').replace(/::runtime:[0-9a-f]{64}/, '::runtime:<id>');
    }
    t = t.split(ROOT).join('<root>');
    t = t.replace(/Node\.js v\d+\.\d+\.\d+/g, 'Node.js <version>');
    return t;
  });
}
