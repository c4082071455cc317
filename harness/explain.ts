// `npm run explain`'s facts: running the user's own program under a target with the explain
// observer preloaded (harness/explain-observer.cjs, whose records this module alone reads), and
// turning what it reported into an Explanation: how the program ended, what was pending or kept
// it alive, where the callback that crashed was scheduled, what output was lost, and which claims
// of the catalogue explain it (harness/explain-claims.ts). tools/explain.ts renders it.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Target } from './node-binaries.ts';
import { inheritedEnv } from './environment.ts';
import { startArgs } from './command-line.ts';
import { holdCleanup, runGroup } from './procs.ts';
import { MAX_TIMER_MS, ROOT, SpecError } from './project.ts';
import { OBSERVER_VARIABLE, reportChannel } from './protocol.ts';
import { printTarget } from './target.ts';
import { matchClaims, type ClaimText } from './explain-claims.ts';

/** The observer `npm run explain` preloads (and nothing else does). */
export const EXPLAIN_OBSERVER = join(ROOT, 'harness', 'explain-observer.cjs');
export const EXPLAIN_VARIABLE = 'NODE_ASYNC_SPEC_EXPLAIN';
/** The version of the JSON shape (`schema`): raised when a field changes meaning or goes. */
export const EXPLAIN_SCHEMA = 1;
export const ENDINGS = ['natural', 'exit', 'crash', 'signal', 'timeout'] as const;
export type Ending = (typeof ENDINGS)[number];

/** A frame of the user's code as the observer reports it (file relative to the script's folder). */
export interface Frame { file: string; line: number; col: number; fn: string; /** The package the user's code called into here (its frames collapsed). */ lib?: string }

/** A pending item's kind for a stream waited on for 'end' (created: where its 'end' listener was added) that was ended and never read. */
export const UNREAD_STREAM = 'unread stream';

/** Something pending: an unsettled promise, a live handle, or a stream ended and never read (UNREAD_STREAM). */
export interface PendingItem {
  /** "promise", "async function", or the async resource's type for a handle ("Timeout", "TCPSERVERWRAP"...). */
  kind: string;
  /** Where the user's code created it: "app.js:7". */
  created: string;
  /** The function it was created in, when named. */
  in?: string;
  /** Created inside this package, called from `created`. */
  library?: string;
  /** Where it is awaited (or chained with .then): "app.js:7". */
  awaited?: string;
  /** For a handle: what it is in words, and how to release it. */
  what?: string;
  release?: string;
  /** How many alike (same kind, same line). */
  count?: number;
  /** Awaited through a combinator: "Promise.all". */
  via?: string;
  /** A handle still open at a natural end that did not keep the loop alive (unref'd). */
  unref?: boolean;
}

export interface Explanation {
  schema: number;
  target: string;
  script: string;
  ended: Ending;
  exitCode: number | null;
  signal: string | null;
  /** ended "exit": where process.exit() was called. */
  exit?: { code: string | null; at?: string; in?: string };
  /** ended "crash" (or a crash that an uncaughtException listener handled: `handled`). */
  crash?: {
    origin: string;
    error: string;
    at?: string;
    handled: boolean;
    /** Thrown by an `exit` listener. */
    duringExit?: boolean;
    /** Thrown inside a `.then(...)` (or .catch, .finally) callback: where that call is. */
    inThen?: string;
    /** Where the callback that threw was scheduled: the async resource's kind, the chain of user frames, the `try` it sat in. */
    scheduled?: { kind: string; what: string; at: string; in?: string; library?: string; calledFrom: string[]; insideTry?: string };
  };
  /** Unhandled rejections that only warned (Node before 15, or --unhandled-rejections=warn): their messages. */
  rejections?: string[];
  /** At a natural end: the unsettled promises; at the time limit: the handles keeping it alive. */
  pending: PendingItem[];
  /** Bytes written (through process.stdout/stderr.write, in `writes` calls) against bytes that reached the reader. */
  lostOutput: { stdout: { written: number; received: number; writes?: number }; stderr: { written: number; received: number; writes?: number }; lost: boolean };
  /** Scenario ids whose claims explain what was seen, best match first. */
  claims: string[];
  /** The claims' text, in the same order. */
  explanations: ClaimText[];
  /** What this target cannot observe. */
  unavailable: string[];
  stdout: string;
  stderr: string;
  durationMs: number;
}

interface Rec {
  t: string;
  [k: string]: unknown;
}
/** A tracked resource (harness/explain-observer.cjs): `inherited` when no frame of the user's made it and `at` is its parent's. */
interface RawItem { id: number; kind: string; at: Frame[]; trigger: number; ref?: boolean; repeat?: boolean; inherited?: boolean }

export const at = (f: Frame | undefined): string | undefined => (f ? `${f.file}:${f.line}` : undefined);
const fnName = (f: Frame | undefined): string | undefined => {
  // Older V8 names a method by its receiver too ("Object.exports.hello"): the name as written.
  const n = f?.fn.replace(/^Object\.<anonymous>$/, '').replace(/^Module\._compile$/, '').replace(/^Object\.(?=.)/, '');
  return n ? n : undefined;
};

/** Handles in words: what the resource is and how to let go of it. */
const HANDLES: Record<string, [string, string]> = {
  Timeout: ['a timer (setTimeout)', 'clearTimeout() it, or call .unref() on it'],
  Interval: ['a timer (setInterval)', 'clearInterval() it, or call .unref() on it'],
  Immediate: ['setImmediate', 'clearImmediate() it (or stop rescheduling it)'],
  TCPSERVERWRAP: ['a listening server', 'server.close() (and end its open connections), or server.unref()'],
  PIPESERVERWRAP: ['a listening server (pipe)', 'server.close(), or server.unref()'],
  TCPWRAP: ['a TCP socket', 'socket.end() or socket.destroy(), or socket.unref()'],
  TLSWRAP: ['a TLS socket', 'socket.end() or socket.destroy()'],
  PIPEWRAP: ['a pipe (a socket, or a child process\'s stdio)', 'end or destroy the stream; for a child\'s stdio, let the child exit or destroy its streams'],
  PROCESSWRAP: ['a child process', 'wait for it to exit, child.kill() it, or child.unref() (with its stdio)'],
  FSEVENTWRAP: ['a file watcher (fs.watch)', 'watcher.close()'],
  STATWATCHER: ['a file watcher (fs.watchFile)', 'fs.unwatchFile(path)'],
  MESSAGEPORT: ['a MessagePort (or BroadcastChannel) with a listener', 'port.close(), or port.unref()'],
  WORKER: ['a worker thread', 'worker.terminate(), or worker.unref()'],
  UDPWRAP: ['a UDP socket', 'socket.close(), or socket.unref()'],
  TTYWRAP: ['a terminal stream (stdin)', 'process.stdin.pause() or .destroy()'],
  SIGNALWRAP: ['a signal listener', 'process.removeListener(signal, fn)'],
  GETADDRINFOREQWRAP: ['a DNS lookup in progress', 'it ends by itself; a hang here is the resolver\'s'],
};
/** Requests whose callback may throw: what scheduled it, in words. */
const CALLBACKS: Record<string, string> = {
  FSREQCALLBACK: 'an fs call (its callback)', FSREQPROMISE: 'an fs promise', GETADDRINFOREQWRAP: 'a DNS lookup (its callback)', WRITEWRAP: 'a stream write (its callback)',
  SHUTDOWNWRAP: 'a stream end (its callback)', TCPCONNECTWRAP: 'a connection attempt', ZLIB: 'a zlib operation', QUERYWRAP: 'a DNS query', HTTPCLIENTREQUEST: 'an HTTP request', HTTPINCOMINGMESSAGE: 'an HTTP request handler',
};
/** Async resources that never hold the event loop open by themselves. */
const NOT_HOLDING = new Set(['PROMISE', 'TickObject', 'Microtask', 'DNSCHANNEL', 'SIGNALWRAP', 'ELDHISTOGRAM', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST']);
const SCHEDULERS: Record<string, string> = {
  Timeout: 'setTimeout', Immediate: 'setImmediate', TickObject: 'process.nextTick', PROMISE: 'a promise reaction (.then/await)',
};

/**
 * The line of the innermost block opened by `open` ("{" or "(") right after text matching `before`
 * that contains (line, col) in `source`, if any. A small scanner: brackets counted outside strings,
 * template literals and comments; enough to tell whether a call sits inside a `try`, or a throw
 * inside a `.then(...)` callback, not a parser.
 */
function enclosing(source: string, line: number, col: number, open: '{' | '(', before: RegExp): number | undefined {
  const close = open === '{' ? '}' : ')';
  const lines = source.split('\n');
  let end = 0;
  for (let k = 0; k < line - 1 && k < lines.length; k++) end += lines[k]!.length + 1;
  end += col - 1;
  const lineAt = (i: number) => source.slice(0, i).split('\n').length;
  const stack: (number | undefined)[] = [];
  let i = 0;
  while (i < end && i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === '/' && next === '/') {
      const j = source.indexOf('\n', i);
      i = j < 0 ? source.length : j;
    } else if (ch === '/' && next === '*') {
      const j = source.indexOf('*/', i + 2);
      i = j < 0 ? source.length : j + 2;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== ch && !(ch !== '`' && source[j] === '\n')) j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
    } else {
      if (ch === open) stack.push(before.test(source.slice(Math.max(0, i - 20), i)) ? lineAt(i) : undefined);
      else if (ch === close) stack.pop();
      i++;
    }
  }
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k] !== undefined) return stack[k];
  return undefined;
}

/** The line of the innermost `try { ... }` that contains (line, col) in `source`, if any. */
export const enclosingTry = (source: string, line: number, col: number): number | undefined => enclosing(source, line, col, '{', /\btry\s*$/);

/** The line of the innermost `.then(...)` or `.catch(...)` call whose arguments contain (line, col), if any. */
export const enclosingThen = (source: string, line: number, col: number): number | undefined => enclosing(source, line, col, '(', /\.(?:then|catch|finally)\s*$/);

function readSource(dir: string, file: string): string | undefined {
  try {
    return readFileSync(resolve(dir, file), 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether the source line at `f` starts an async function (the promise an async function returns is created there). */
function startsAsyncFunction(dir: string, f: Frame | undefined): boolean {
  if (!f) return false;
  const text = readSource(dir, f.file)?.split('\n')[f.line - 1] ?? '';
  return /\basync\b/.test(text) && !/new Promise\b/.test(text);
}

/** The unsettled promises at a natural end, each the cause (never settled) or an async function waiting on one. */
function pendingPromises(raw: RawItem[], dir: string): PendingItem[] {
  const ids = new Set(raw.map((r) => r.id));
  const derived = raw.filter((r) => ids.has(r.trigger));
  const roots = raw.filter((r) => !ids.has(r.trigger));
  const items = roots.map((r): PendingItem & { order: number } => {
    const top = r.at[0];
    const awaitedBy = derived.filter((d) => d.trigger === r.id)[0];
    // An async function's own promise: created where the function starts, or (older V8 places it
    // elsewhere) awaited by no one while the function is suspended at an await of its own.
    const name0 = fnName(top);
    const asyncFn = startsAsyncFunction(dir, top) || (!awaitedBy && !!name0 && derived.some((d) => fnName(d.at[0]) === name0 && d.at[0]?.file === top?.file));
    const item: PendingItem & { order: number } = { kind: asyncFn ? 'async function' : 'promise', created: at(top)!, order: asyncFn ? 1 : 0 };
    const name = fnName(top);
    if (name) item.in = name;
    if (top?.lib) item.library = top.lib;
    if (awaitedBy) item.awaited = at(awaitedBy.at[0]);
    if (asyncFn) {
      // Where its own await sits: a derived promise created in the same function.
      // Made by its own code (not named after a parent), the latest first (an await reached before it has settled); on another line than the function's start first: a promise made there is the caller's (its .then).
      const mine = derived.filter((d) => d.at[0] && !d.inherited && fnName(d.at[0]) === name && d.at[0].file === top!.file).reverse();
      const own = mine.find((d) => d.at[0]!.line !== top!.line) ?? mine[0];
      if (own) item.what = `suspended at its await at ${at(own.at[0])}`;
      const caller = at(r.at[1]);
      if (caller) item.what = `${item.what ? item.what + ', ' : ''}called at ${caller}`;
    }
    return item;
  });
  items.sort((a, b) => a.order - b.order);
  // Alike ones (the promises of one .map(), say) counted once; awaited through a combinator: named.
  const grouped = new Map<string, PendingItem>();
  for (const { order: _, ...x } of items) {
    const key = JSON.stringify([x.kind, x.created, x.in, x.awaited]);
    const seen = grouped.get(key);
    if (seen) {
      seen.count = (seen.count ?? 1) + 1;
      continue;
    }
    const line = x.awaited && sourceLine(dir, x.awaited);
    const via = line && /\bPromise\.(all|allSettled|race|any)\b/.exec(line);
    if (via) x.via = `Promise.${via[1]}`;
    grouped.set(key, x);
  }
  return [...grouped.values()];
}

/** The handles still open at a natural end that did not hold the loop (unref'd): a timer that would have settled a promise, say. */
function unrefHandles(raw: RawItem[]): PendingItem[] {
  return liveHandles(raw.filter((r) => r.ref === false).map((r) => ({ ...r, ref: undefined })), undefined).map((h) => ({ ...h, unref: true, release: undefined }));
}

/** A raw record of the observers' tracker (harness/explain-observer.cjs): its kind, the user frames that created it. */
export type TrackedItem = RawItem;

/**
 * What was pending at a moment the program went on living (a Lambda freeze: lambda/freeze-report.ts):
 * the unsettled promises as at a natural end, then every live handle and request, ref'd or not (a
 * frozen process runs none of them). `dir`: the folder the frames are relative to.
 */
export function pendingWork(promises: TrackedItem[], handles: TrackedItem[], dir: string): PendingItem[] {
  return [...pendingPromises(promises, dir), ...liveHandles(handles, undefined, true).map(({ release: _, ...h }) => h)];
}

interface UnreadRec { kind: string; at: Frame[]; buffered: number }
/** The streams the program waited on for 'end' (where it listened) that were ended by their writer and never read, alike ones counted once. */
function unreadStreams(raw: UnreadRec[] | undefined): PendingItem[] {
  const out = new Map<string, PendingItem>();
  for (const r of raw ?? []) {
    const created = at(r.at[0]);
    if (!created) continue;
    const seen = out.get(created);
    if (seen) {
      seen.count = (seen.count ?? 1) + 1;
      continue;
    }
    const item: PendingItem = { kind: UNREAD_STREAM, created, what: "a stream its writer ended that was never read: it emits 'end' only once its data has been read" };
    const name = fnName(r.at[0]);
    if (name) item.in = name;
    out.set(created, item);
  }
  return [...out.values()];
}

/** The text of the line "file:line" names, in the script's folder. */
function sourceLine(dir: string, fileLine: string): string | undefined {
  const m = /^(.*):(\d+)$/.exec(fileLine);
  return m ? readSource(dir, m[1]!)?.split('\n')[Number(m[2]) - 1] : undefined;
}

/**
 * The handles keeping the loop alive at the time limit (ref'd ones; unknown ref counts as ref'd),
 * alike ones counted once. `all`: every live handle and request instead, an unref'd one marked so.
 */
function liveHandles(raw: RawItem[], resources: string[] | undefined, all = false): PendingItem[] {
  const out = new Map<string, PendingItem>();
  // process.getActiveResourcesInfo() (Node 17+) names what keeps the loop alive ("TCPServerWrap", "Timeout"): a resource of a kind it does not list is not holding it.
  const squash = (k: string) => k.toLowerCase().replace(/wrap$/, '');
  const active = resources && new Set(resources.map(squash));
  for (const r of raw) {
    if (!all && (r.ref === false || NOT_HOLDING.has(r.kind))) continue;
    if (r.kind === 'Microtask' || r.kind === 'TickObject') continue;
    if (active && !active.has(squash(r.kind))) continue;
    const kind = r.kind === 'Timeout' && r.repeat ? 'Interval' : r.kind;
    const created = at(r.at[0])!;
    const key = `${kind} ${created}`;
    const seen = out.get(key);
    if (seen) {
      seen.count = (seen.count ?? 1) + 1;
      continue;
    }
    const [what, release] = HANDLES[kind] ?? [CALLBACKS[kind] ?? `a ${kind} handle`, 'close it, or unref() it'];
    const item: PendingItem = { kind, created, what, release };
    if (all && r.ref === false) item.unref = true;
    const name = fnName(r.at[0]);
    if (name) item.in = name;
    if (r.at[0]?.lib) item.library = r.at[0].lib;
    out.set(key, item);
  }
  return [...out.values()];
}

function readRecords(text: string): Rec[] {
  const out: Rec[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as Rec);
    } catch {
      // cut short by a kill
    }
  }
  return out;
}

/**
 * Reads the observer's records and the run's outcome into an Explanation (claims included).
 * `dir` is the script's folder (frames are relative to it).
 */
export function interpret(records: Rec[], run: { exitCode: number | null; signal: string | null; timedOut: boolean; stdout: string; stderr: string; durationMs: number }, o: { target: string; script: string; dir: string; runtime: string }): Explanation {
  const find = (t: string) => records.find((r) => r.t === t);
  const start = find('start');
  const exitRec = find('exit');
  const limitRec = find('limit');
  const exitCall = find('exitCall');
  const crashRec = find('crash');
  const unavailable: string[] = [];
  if (!start) unavailable.push('the observer did not run: nothing beyond the exit code and signal is known');
  else {
    if (!start.hooks) unavailable.push(`async_hooks.createHook reports no resources under ${o.runtime}: unsettled promises, live handles and where a failing callback was scheduled are unknown`);
    if (!start.monitor && o.runtime === 'node') unavailable.push(`no uncaughtExceptionMonitor event under Node ${String(start.version)} (it came in 12.17 and 13.7): a crash is known from its exit code and stderr only`);
    if (o.runtime !== 'node') unavailable.push(`${o.runtime}'s console writes to fds 1 and 2 directly: bytes written are counted for process.stdout.write and process.stderr.write only`);
    if (!start.activeHandles && o.runtime === 'node') unavailable.push('no process._getActiveHandles()');
  }
  // Which came last decides: a crash that an uncaughtException listener answered with
  // process.exit(1) ended by exit; process.exit() that threw (a bad code) ended by a crash; a
  // throw in an `exit` listener turns a natural end into a crash.
  const index = (r: Rec | undefined) => (r ? records.indexOf(r) : -1);
  const crashEnded = !!crashRec && run.exitCode !== 0 && index(exitCall) < index(crashRec);
  let ended: Ending;
  if (limitRec || run.timedOut) ended = 'timeout';
  else if (crashEnded) ended = 'crash';
  else if (exitCall && exitRec) ended = 'exit';
  else if (exitRec) ended = 'natural';
  else if (run.signal) ended = 'signal';
  else ended = 'natural';

  const e: Explanation = {
    schema: EXPLAIN_SCHEMA, target: o.target, script: o.script, ended,
    exitCode: run.timedOut || limitRec ? null : run.exitCode, signal: run.timedOut || limitRec ? null : run.signal,
    pending: [], lostOutput: { stdout: { written: 0, received: 0 }, stderr: { written: 0, received: 0 }, lost: false },
    claims: [], explanations: [], unavailable, stdout: run.stdout, stderr: run.stderr, durationMs: Math.round(run.durationMs),
  };
  if (exitCall) {
    const frames = exitCall.at as Frame[];
    e.exit = { code: (exitCall.code as string | null) ?? null };
    if (frames[0]) {
      e.exit.at = at(frames[0]);
      const n = fnName(frames[0]);
      if (n) e.exit.in = n;
    }
  }
  if (crashRec) {
    const frames = crashRec.at as Frame[];
    const error = String(crashRec.error);
    const first = /^\s*at /m.exec(error);
    e.crash = { origin: String(crashRec.origin), error: (first ? error.slice(0, first.index) : error).trim(), handled: ended !== 'crash', ...(crashRec.duringExit ? { duringExit: true } : {}) };
    if (frames[0]) {
      e.crash.at = at(frames[0]);
      const src = readSource(o.dir, frames[0].file);
      const thenLine = src === undefined ? undefined : enclosingThen(src, frames[0].line, frames[0].col);
      if (thenLine !== undefined) e.crash.inThen = `${frames[0].file}:${thenLine}`;
    }
    const s = crashRec.scheduled as { kind: string; at: Frame[] } | undefined;
    if (s && s.at[0]) {
      const chain = s.at;
      const scheduled: NonNullable<Explanation['crash']>['scheduled'] = { kind: s.kind, what: SCHEDULERS[s.kind] ?? HANDLES[s.kind]?.[0] ?? CALLBACKS[s.kind] ?? s.kind, at: at(chain[0])!, calledFrom: chain.slice(1).map((f) => at(f)!) };
      const n = fnName(chain[0]);
      if (n) scheduled.in = n;
      if (chain[0]!.lib) scheduled.library = chain[0]!.lib;
      // The innermost `try` around any call on the way to the scheduling.
      for (const f of chain) {
        const src = readSource(o.dir, f.file);
        const tryLine = src === undefined ? undefined : enclosingTry(src, f.line, f.col);
        if (tryLine !== undefined) {
          scheduled.insideTry = `${f.file}:${tryLine}`;
          break;
        }
      }
      e.crash.scheduled = scheduled;
    }
  } else if (ended === 'crash') {
    e.crash = { origin: 'unknown', error: run.stderr.trim().split('\n').find((l) => /Error|error/.test(l)) ?? '', handled: false };
  }
  // Node before 15 warns twice for one rejection: the error, then what to do about it.
  const warned = records.filter((r) => r.t === 'rejection').map((r) => String(r.error).split('\n')[0]!).filter((m) => !/^Unhandled promise rejection\. This error originated/.test(m));
  if (warned.length) e.rejections = warned;
  if (ended === 'natural' && exitRec) e.pending = [...pendingPromises(exitRec.pending as RawItem[], o.dir), ...unrefHandles(exitRec.live as RawItem[]), ...unreadStreams(exitRec.unread as UnreadRec[] | undefined)];
  if (ended === 'timeout' && limitRec) e.pending = liveHandles(limitRec.live as RawItem[], limitRec.resources as string[] | undefined);
  if (ended === 'crash' && !crashRec && start && o.runtime !== 'node') unavailable.push(`no uncaughtExceptionMonitor event came under ${o.runtime}: the crash is known from its exit code and stderr only`);
  if (ended === 'timeout' && limitRec && !start?.hooks) unavailable.push('what kept the event loop alive is unknown here (no async_hooks resources)');
  if (ended === 'timeout' && !limitRec) unavailable.push('the program did not answer at the time limit (its event loop was blocked, or the observer could not run): what kept it alive is unknown');
  const written = (fd: number) => records.filter((r) => r.t === 'w' && r.fd === fd).reduce((s, r) => s + Number(r.n), 0);
  const writes = (fd: number) => records.filter((r) => r.t === 'w' && r.fd === fd).length;
  e.lostOutput.stdout = { written: written(1), received: Buffer.byteLength(run.stdout), writes: writes(1) };
  e.lostOutput.stderr = { written: written(2), received: Buffer.byteLength(run.stderr), writes: writes(2) };
  e.lostOutput.lost = ended !== 'timeout' && (e.lostOutput.stdout.written > e.lostOutput.stdout.received || e.lostOutput.stderr.written > e.lostOutput.stderr.received);
  const matched = matchClaims(e);
  e.claims = matched.map((c) => c.id);
  e.explanations = matched;
  return e;
}

/** The most of each stream kept; past it, received bytes are not compared. */
const MAX_OUTPUT = 64 * 1024 * 1024;
/** How long after the time limit the program's report may take before the whole group is killed anyway (a blocked event loop never reports). */
const GRACE_MS = 5_000;
/** The longest time limit explainRun takes: with the grace, still a delay a Node timer keeps (MAX_TIMER_MS; longer fires after 1 ms). */
export const MAX_EXPLAIN_LIMIT_MS = MAX_TIMER_MS - GRACE_MS;

/** Runs `script` (with `args`) under `target` with the explain observer, in the script's folder, and explains how it ended. */
export async function explainRun(script: string, args: string[], target: Target, timeoutMs: number): Promise<Explanation> {
  const file = resolve(script);
  const dir = dirname(file);
  const channel = reportChannel(target.runtime, EXPLAIN_VARIABLE);
  // Interrupted (Ctrl-C), this process goes before `finally` runs: the report's folder (Deno's) goes with it.
  const release = holdCleanup(() => channel.close());
  try {
    const env = inheritedEnv({ ...channel.env, NODE_ASYNC_SPEC_EXPLAIN_ROOT: dir, NODE_ASYNC_SPEC_EXPLAIN_LIMIT: String(timeoutMs) }, [OBSERVER_VARIABLE, 'NODE_OPTIONS']);
    const r = await runGroup(target.path, [...startArgs(target, EXPLAIN_OBSERVER), file, ...args], { cwd: dir, env, timeout: timeoutMs + GRACE_MS, report: channel.onFd3, maxBuffer: MAX_OUTPUT });
    if (r.startError) throw new SpecError(`could not start ${target.path}: ${r.startError}`);
    const text = channel.onFd3 ? r.report : channel.read() ?? '';
    return interpret(readRecords(text), r, { target: printTarget(target), script: basename(file), dir, runtime: target.runtime });
  } finally {
    release();
    channel.close();
  }
}
