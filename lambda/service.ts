// Plays the AWS Lambda service for one function: the Runtime API the runtime client talks to
// (on 127.0.0.1 only), the environment variables it expects, request ids and deadlines, the
// freeze between invocations, function time-outs, and the logs as Lambda shows them.
//
// One LambdaEnvironment is one function. It starts an execution environment (a runtime process:
// the real aws-lambda-ric under the runtime's Node binary) on the first invocation (a cold start),
// keeps it between invocations, frozen, and discards it when the function times out or the
// runtime process ends (then the next invocation starts cold again), as Lambda does.
//
// The freeze: lambda/runtime/freeze-hook.cjs is preloaded into the runtime process. At the moment
// the client asks for its next event, the process's main thread writes a marker to stdout and to
// stderr and blocks in a synchronous read of its control channel (fd 3). When the service has read
// both markers (so every line printed before them is accounted to the invocation that just
// ended), it SIGSTOPs the process group. An invocation SIGCONTs the group and writes one byte on
// the control channel; only then does the client's request for the next event reach the Runtime
// API, which answers it with the event. So no code of the function runs from the ask to the next
// invocation, whatever the load on the machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, SpecError } from '../harness/node-binaries.ts';
import { holdGroup, killGroup, releaseGroup } from '../harness/procs.ts';
import { prepareRuntime, runtimeInfo, type RuntimeInfo } from './runtimes.ts';

export { runtimeAvailability, prepareRuntime, RUNTIMES, DEFAULT_RUNTIME } from './runtimes.ts';

export interface EnvironmentOptions {
  /** 'nodejs20.x' | 'nodejs22.x' | 'nodejs24.x' */
  runtime: string;
  /** The function's file; its directory is the task root (LAMBDA_TASK_ROOT, the cwd). */
  handlerFile: string;
  /** Name of the exported handler (default 'handler'): _HANDLER is `<file name>.<handler>`. */
  handler?: string;
  /** Function timeout in seconds (default 3, Lambda's default). */
  timeoutSec?: number;
  /** Extra environment variables of the function. */
  env?: Record<string, string>;
  /** AWS_LAMBDA_FUNCTION_MEMORY_SIZE (default 128); only reported, not enforced. */
  memoryMb?: number;
  /** Function name (default: the handler file's name). */
  functionName?: string;
  /** Init phase limit in seconds (default 10, as Lambda's). */
  initTimeoutSec?: number;
}

export interface LambdaError {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

export interface Invocation {
  /** 1-based number of this invocation in its LambdaEnvironment. */
  n: number;
  requestId: string;
  /** The answer the runtime posted (parsed JSON), if it posted one. */
  response?: unknown;
  /** The error the caller gets: posted by the runtime, or the service's own (time-out, exit). */
  error?: LambdaError;
  /**
   * What Lambda's log stream shows for this invocation, normalised: a cold start's init lines
   * first, then START / the lines printed during the invocation / END / REPORT. Timestamps are
   * `<time>`, request ids `<req:N>` (N = the invocation that id belongs to), numbers in REPORT `<n>`.
   */
  logs: string[];
  /** The same, not normalised (what the command prints). */
  rawLogs: string[];
  /** Just the lines printed during the invocation; for the client's console format, the message. */
  lines: string[];
  /** Lines printed during the init phase (cold starts only). */
  initLines: string[];
  /** From the event's delivery to the runtime asking for the next one (or the end). */
  durationMs: number;
  timedOut: boolean;
  coldStart: boolean;
  /** The error the runtime posted to /runtime/init/error, when init failed. */
  initError?: LambdaError;
  /** How the runtime process ended during this invocation, if it did (then it was discarded). */
  exit?: { code: number | null; signal: string | null };
  /** Process id of the runtime process that served it (gone once the environment was discarded). */
  pid: number;
}

export interface LambdaEnvironment {
  runtime: string;
  /** process.version of the runtime's Node. */
  node: string;
  /** http://127.0.0.1:<port>: the Runtime API. */
  runtimeApi: string;
  invoke(event: unknown): Promise<Invocation>;
  close(): Promise<void>;
}

const API = '/2018-06-01/runtime';
const CONSOLE_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\t([^\t]*)\t([A-Z]+)\t([\s\S]*)$/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res(Buffer.concat(chunks).toString('utf8')));
    req.on('error', rej);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function asLambdaError(v: unknown, fallbackType: string): LambdaError {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  const e: LambdaError = {
    errorType: typeof o.errorType === 'string' ? o.errorType : fallbackType,
    errorMessage: typeof o.errorMessage === 'string' ? o.errorMessage : typeof v === 'string' ? v : JSON.stringify(v),
  };
  if (Array.isArray(o.trace)) e.trace = o.trace.map(String);
  return e;
}

const seconds = (s: number) => s.toFixed(2);
const ms = (x: number) => x.toFixed(2);

type Outcome = { kind: 'ready' } | { kind: 'exit'; code: number | null; signal: string | null } | { kind: 'timeout' };

/** What one invocation (or an init phase) collects while it runs. */
interface Sink {
  lines: string[];
}

/** One execution environment: a runtime process and its pipes. */
class Sandbox {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly nonce = randomBytes(12).toString('hex');
  sink: Sink;
  alive = true;
  frozen = false;
  exit?: { code: number | null; signal: string | null };
  private partial: Record<'out' | 'err', string> = { out: '', err: '' };
  private marked: Record<'out' | 'err', boolean> = { out: false, err: false };
  private waiters: ((o: Outcome) => void)[] = [];
  private closed: Promise<void>;

  constructor(info: RuntimeInfo, nodePath: string, cwd: string, env: Record<string, string>, sink: Sink) {
    this.sink = sink;
    const hook = join(ROOT, 'lambda', 'runtime', 'freeze-hook.cjs');
    this.child = spawn(nodePath, ['--require', hook, info.entry], {
      cwd,
      env: { ...env, LAMBDA_LOCAL_FREEZE_NONCE: this.nonce },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    if (!this.child.pid) throw new SpecError(`could not start ${nodePath} for the ${info.name} runtime`);
    this.pid = this.child.pid;
    holdGroup(this.pid);
    this.child.stdout!.setEncoding('utf8').on('data', (t: string) => this.onText('out', t));
    this.child.stderr!.setEncoding('utf8').on('data', (t: string) => this.onText('err', t));
    const control = this.child.stdio[3] as Socket;
    control.on('error', () => {});
    this.closed = new Promise((res) => {
      this.child.on('close', (code, signal) => {
        this.exit ??= { code, signal };
        this.finish();
        res();
      });
    });
    this.child.on('exit', (code, signal) => {
      this.exit = { code, signal };
      // Whatever the runtime left in its group goes with it; then the pipes close.
      killGroup(this.pid, 'SIGKILL');
      // A grandchild outside the group could hold the pipes open: do not wait for it forever.
      setTimeout(() => this.finish(), 2000).unref();
    });
    this.child.on('error', () => this.finish());
  }

  private finish() {
    if (!this.alive) return;
    this.alive = false;
    releaseGroup(this.pid);
    for (const s of ['out', 'err'] as const) {
      if (this.partial[s]) this.sink.lines.push(this.partial[s]);
      this.partial[s] = '';
    }
    this.settle({ kind: 'exit', code: this.exit?.code ?? null, signal: this.exit?.signal ?? null });
  }

  private onText(stream: 'out' | 'err', text: string) {
    let t = this.partial[stream] + text;
    const marker = '\u001e' + this.nonce + '\u001e\n';
    for (;;) {
      const at = t.indexOf(marker);
      if (at < 0) break;
      this.take(t.slice(0, at), true);
      t = t.slice(at + marker.length);
      this.marked[stream] = true;
      if (this.marked.out && this.marked.err) {
        this.marked = { out: false, err: false };
        this.settle({ kind: 'ready' });
      }
    }
    const nl = t.lastIndexOf('\n');
    if (nl >= 0) {
      this.take(t.slice(0, nl + 1), false);
      t = t.slice(nl + 1);
    }
    this.partial[stream] = t;
  }

  private take(text: string, flushPartial: boolean) {
    const parts = text.split('\n');
    const last = parts.pop()!;
    for (const p of parts) this.sink.lines.push(p);
    if (flushPartial && last) this.sink.lines.push(last);
  }

  private settle(o: Outcome) {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f(o);
  }

  /** Resolves when the runtime asks for its next event (ready) or its process ends. */
  next(): Promise<Outcome> {
    if (!this.alive) return Promise.resolve({ kind: 'exit', code: this.exit?.code ?? null, signal: this.exit?.signal ?? null });
    return new Promise((res) => this.waiters.push(res));
  }

  freeze() {
    if (this.alive && killGroup(this.pid, 'SIGSTOP')) this.frozen = true;
  }

  /** Thaws the group and lets the main thread go on to ask for the event. */
  release(sink: Sink) {
    this.sink = sink;
    if (this.frozen) killGroup(this.pid, 'SIGCONT');
    this.frozen = false;
    (this.child.stdio[3] as Socket).write('g');
  }

  maxMemoryMb(): number | undefined {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return m ? Math.round(Number(m[1]) / 1024) : undefined;
    } catch {
      return undefined;
    }
  }

  async kill(): Promise<void> {
    if (this.alive) {
      killGroup(this.pid, 'SIGKILL');
      killGroup(this.pid, 'SIGCONT');
    }
    await Promise.race([this.closed, new Promise((r) => setTimeout(r, 3000).unref())]);
    this.finish();
  }
}

/** The invocation the Runtime API is serving right now. */
interface Current {
  id: string;
  event: string;
  deadline: number;
  functionArn: string;
  traceId: string;
  /** Set when the runtime took the event. */
  deliveredAt?: number;
  onDelivered?: () => void;
  response?: { body: string };
  error?: { body: string; type?: string };
}

class Environment implements LambdaEnvironment {
  readonly runtime: string;
  readonly node: string;
  runtimeApi = '';
  private server: Server;
  private sandbox?: Sandbox;
  private count = 0;
  private ids = new Map<string, number>();
  private current?: Current;
  private pendingNext?: ServerResponse;
  private initError?: { body: string; type?: string };
  private queue: Promise<unknown> = Promise.resolve();
  private closing = false;
  private readonly timeoutMs: number;
  private readonly initTimeoutMs: number;
  private readonly functionName: string;
  private readonly memoryMb: number;
  private readonly taskRoot: string;
  private readonly handlerString: string;

  constructor(
    private readonly info: RuntimeInfo,
    private readonly nodePath: string,
    nodeVersion: string,
    private readonly opts: EnvironmentOptions,
  ) {
    this.runtime = info.name;
    this.node = nodeVersion;
    const file = resolve(opts.handlerFile);
    this.taskRoot = dirname(file);
    this.handlerString = `${basename(file, extname(file))}.${opts.handler ?? 'handler'}`;
    this.functionName = opts.functionName ?? basename(file, extname(file)).replace(/[^A-Za-z0-9_-]/g, '-');
    this.timeoutMs = Math.round((opts.timeoutSec ?? 3) * 1000);
    this.initTimeoutMs = Math.round((opts.initTimeoutSec ?? 10) * 1000);
    this.memoryMb = opts.memoryMb ?? 128;
    this.server = createServer((req, res) => {
      this.route(req, res).catch((e) => {
        if (!res.headersSent) send(res, 500, { errorType: 'ServiceError', errorMessage: String((e as Error).message) });
      });
    });
    this.server.keepAliveTimeout = 0;
  }

  async listen(): Promise<void> {
    await new Promise<void>((res, rej) => {
      this.server.once('error', rej);
      // The Runtime API is for the runtime on this machine only.
      this.server.listen(0, '127.0.0.1', () => res());
    });
    const a = this.server.address() as AddressInfo;
    this.runtimeApi = `127.0.0.1:${a.port}`;
  }

  private label(id: string): string {
    const n = this.ids.get(id);
    return n ? `<req:${n}>` : id;
  }

  private async route(req: IncomingMessage, res: ServerResponse) {
    const url = req.url ?? '';
    const method = req.method ?? 'GET';
    if (method === 'GET' && url === `${API}/invocation/next`) {
      const cur = this.current;
      if (cur && cur.deliveredAt === undefined) return this.deliver(res, cur);
      // Nothing to hand out (cannot happen while the freeze hook holds the runtime): hold it.
      this.pendingNext = res;
      return;
    }
    const body = await readBody(req);
    if (method === 'POST' && url === `${API}/init/error`) {
      this.initError = { body, type: req.headers['lambda-runtime-function-error-type'] as string | undefined };
      return send(res, 202, { status: 'OK' });
    }
    const m = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(url);
    if (method === 'POST' && m) {
      const id = decodeURIComponent(m[1]!);
      const cur = this.current;
      if (!cur || cur.id !== id || cur.deliveredAt === undefined) {
        return send(res, 400, { errorMessage: `Invalid request ID: ${id}`, errorType: 'InvalidRequestID' });
      }
      if (cur.response || cur.error) {
        return send(res, 400, { errorMessage: `Invalid state transition: ${id} already has a ${cur.response ? 'response' : 'error'}`, errorType: 'InvalidStateTransition' });
      }
      if (m[2] === 'response') cur.response = { body };
      else cur.error = { body, type: req.headers['lambda-runtime-function-error-type'] as string | undefined };
      return send(res, 202, { status: 'OK' });
    }
    send(res, 404, { errorMessage: `Unknown Runtime API path ${method} ${url}`, errorType: 'NotFound' });
  }

  private deliver(res: ServerResponse, cur: Current) {
    cur.deliveredAt = performance.now();
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Lambda-Runtime-Aws-Request-Id': cur.id,
      'Lambda-Runtime-Deadline-Ms': String(cur.deadline),
      'Lambda-Runtime-Invoked-Function-Arn': cur.functionArn,
      'Lambda-Runtime-Trace-Id': cur.traceId,
      'Content-Length': String(Buffer.byteLength(cur.event)),
    });
    res.end(cur.event);
    cur.onDelivered?.();
  }

  private functionEnv(): Record<string, string> {
    const now = new Date();
    const day = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${String(now.getUTCDate()).padStart(2, '0')}`;
    return {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      LANG: 'en_US.UTF-8',
      TZ: ':UTC',
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      HOME: process.env.HOME ?? '/tmp',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: `AWS_Lambda_${this.runtime}`,
      AWS_LAMBDA_FUNCTION_NAME: this.functionName,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(this.memoryMb),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${this.functionName}`,
      AWS_LAMBDA_LOG_STREAM_NAME: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_LAMBDA_RUNTIME_API: this.runtimeApi,
      LAMBDA_TASK_ROOT: this.taskRoot,
      LAMBDA_RUNTIME_DIR: dirname(this.info.entry),
      _HANDLER: this.handlerString,
      ...(this.opts.env ?? {}),
    };
  }

  invoke(event: unknown): Promise<Invocation> {
    // One at a time, like one Lambda execution environment.
    const run = this.queue.then(() => this.invokeNow(event));
    this.queue = run.catch(() => {});
    return run;
  }

  private async invokeNow(event: unknown): Promise<Invocation> {
    if (this.closing) throw new SpecError('this Lambda environment is closed');
    const n = ++this.count;
    const id = randomUUID();
    this.ids.set(id, n);
    const initSink: Sink = { lines: [] };
    const sink: Sink = { lines: [] };
    const coldStart = !this.sandbox;
    let initMs: number | undefined;
    let sb = this.sandbox;

    const eventJson = JSON.stringify(event === undefined ? null : event);
    const traceHex = randomBytes(12).toString('hex');
    const cur: Current = {
      id,
      event: eventJson,
      deadline: 0,
      functionArn: `arn:aws:lambda:us-east-1:123456789012:function:${this.functionName}`,
      traceId: `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${traceHex};Parent=${randomBytes(8).toString('hex')};Sampled=0`,
    };

    if (!sb) {
      // Cold start: the init phase runs until the runtime first asks for an event.
      this.initError = undefined;
      const t0 = performance.now();
      sb = new Sandbox(this.info, this.nodePath, this.taskRoot, this.functionEnv(), initSink);
      this.sandbox = sb;
      let timer: NodeJS.Timeout | undefined;
      const init = await Promise.race([
        sb.next(),
        new Promise<Outcome>((r) => (timer = setTimeout(() => r({ kind: 'timeout' }), this.initTimeoutMs))),
      ]);
      clearTimeout(timer);
      initMs = performance.now() - t0;
      if (init.kind !== 'ready') {
        if (init.kind === 'timeout') await sb.kill();
        this.sandbox = undefined;
        return this.initFailure(n, id, initSink, initMs, init, sb.pid);
      }
      sb.freeze();
    }

    // Invoke: thaw, let the runtime ask, hand it the event, wait for its next ask.
    this.current = cur;
    cur.deadline = Date.now() + this.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timeLimit = new Promise<Outcome>((r) => {
      const arm = () => (timer = setTimeout(() => r({ kind: 'timeout' }), this.timeoutMs));
      // The clock starts when the runtime takes the event; a runtime that never asks for it is
      // given the same time, from the release.
      timer = setTimeout(() => r({ kind: 'timeout' }), this.timeoutMs + this.initTimeoutMs);
      cur.onDelivered = () => {
        clearTimeout(timer);
        arm();
      };
    });
    const ended = sb.next();
    sb.release(sink);
    if (this.pendingNext) {
      const res = this.pendingNext;
      this.pendingNext = undefined;
      this.deliver(res, cur);
    }
    const outcome = await Promise.race([ended, timeLimit]);
    clearTimeout(timer);
    const endAt = performance.now();
    const durationMs = cur.deliveredAt === undefined ? 0 : endAt - cur.deliveredAt;
    const memory = sb.maxMemoryMb();
    if (outcome.kind === 'ready') sb.freeze();
    else {
      await sb.kill();
      this.sandbox = undefined;
    }
    this.current = undefined;
    return this.report({ n, id, cur, sink, initSink, coldStart, initMs, durationMs, memory, outcome, pid: sb.pid });
  }

  private initFailure(n: number, id: string, initSink: Sink, initMs: number, outcome: Outcome, pid: number): Invocation {
    const posted = this.initError ? asLambdaError(parseJson(this.initError.body), this.initError.type ?? 'Runtime.Unknown') : undefined;
    let error: LambdaError;
    const extra: string[] = [];
    if (outcome.kind === 'timeout') {
      error = { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${id} Error: Init phase timed out after ${seconds(this.initTimeoutMs / 1000)} seconds` };
    } else if (posted) {
      error = { errorType: posted.errorType, errorMessage: posted.errorMessage };
      extra.push(...this.exitLines(id, outcome));
    } else {
      error = this.exitError(id, outcome);
      extra.push(...this.exitLines(id, outcome));
    }
    const status = outcome.kind === 'timeout' ? 'timeout' : 'error';
    const init = this.formatLines(initSink.lines);
    const raw: string[] = [
      ...init.raw,
      `INIT_REPORT Init Duration: ${ms(initMs)} ms\tPhase: init\tStatus: ${status}${status === 'error' ? `\tError Type: ${error.errorType}` : ''}`,
      `START RequestId: ${id} Version: $LATEST`,
      ...extra,
      `END RequestId: ${id}`,
      `REPORT RequestId: ${id}\tDuration: ${ms(0)} ms\tBilled Duration: 0 ms\tMemory Size: ${this.memoryMb} MB\tMax Memory Used: 0 MB\tStatus: ${status}${status === 'error' ? `\tError Type: ${error.errorType}` : ''}`,
    ];
    return {
      n,
      requestId: id,
      error,
      logs: this.normaliseLogs(raw),
      rawLogs: raw,
      lines: [],
      initLines: init.lines,
      durationMs: 0,
      timedOut: outcome.kind === 'timeout',
      coldStart: true,
      initError: posted,
      exit: outcome.kind === 'exit' ? { code: outcome.code, signal: outcome.signal } : undefined,
      pid,
    };
  }

  private exitError(id: string, o: Outcome): LambdaError {
    return { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${id} Error: ${this.exitReason(o)}` };
  }

  private exitReason(o: Outcome): string {
    if (o.kind !== 'exit') return 'Runtime exited';
    if (o.signal) return `Runtime exited with error: signal: ${o.signal === 'SIGKILL' ? 'killed' : o.signal}`;
    if (o.code === 0) return 'Runtime exited without providing a reason';
    return `Runtime exited with error: exit status ${o.code}`;
  }

  private exitLines(id: string, o: Outcome): string[] {
    return [`RequestId: ${id} Error: ${this.exitReason(o)}`, 'Runtime.ExitError'];
  }

  /** Splits raw lines into what the log shows and what the function printed. */
  private formatLines(raw: string[]): { raw: string[]; lines: string[] } {
    const lines: string[] = [];
    for (const l of raw) {
      const m = CONSOLE_LINE.exec(l);
      lines.push(m ? m[4]!.replace(/\r/g, '\n') : l);
    }
    return { raw, lines };
  }

  private normaliseLogs(raw: string[]): string[] {
    return raw.map((l) => {
      let t = l.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>');
      t = t.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => this.label(id));
      if (/^(REPORT|INIT_REPORT) /.test(t)) t = t.replace(/(Duration|Memory Used): [\d.]+/g, '$1: <n>');
      t = t.split(ROOT).join('<root>');
      t = t.replace(/Node\.js v\d+\.\d+\.\d+/g, 'Node.js <version>');
      return t;
    });
  }

  private report(a: {
    n: number; id: string; cur: Current; sink: Sink; initSink: Sink; coldStart: boolean; initMs?: number;
    durationMs: number; memory?: number; outcome: Outcome; pid: number;
  }): Invocation {
    const { id, cur, outcome } = a;
    const fmt = this.formatLines(a.sink.lines);
    const init = this.formatLines(a.initSink.lines);
    let response: unknown;
    let error: LambdaError | undefined;
    if (cur.response) response = parseJson(cur.response.body);
    if (cur.error) error = asLambdaError(parseJson(cur.error.body), cur.error.type ?? 'Unknown');
    const tail: string[] = [];
    let status = '';
    if (outcome.kind === 'timeout') {
      const msg = `Task timed out after ${seconds(this.timeoutMs / 1000)} seconds`;
      tail.push(`${new Date().toISOString()} ${id} ${msg}`);
      if (!cur.response && !cur.error) error = { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${id} Error: ${msg}` };
      status = '\tStatus: timeout';
    } else if (outcome.kind === 'exit') {
      tail.push(...this.exitLines(id, outcome));
      if (!cur.response && !cur.error) error = this.exitError(id, outcome);
      status = `\tStatus: error\tError Type: Runtime.ExitError`;
    }
    const duration = a.outcome.kind === 'timeout' ? Math.max(a.durationMs, this.timeoutMs) : a.durationMs;
    const raw: string[] = [
      ...init.raw,
      `START RequestId: ${id} Version: $LATEST`,
      ...fmt.raw,
      ...tail,
      `END RequestId: ${id}`,
      `REPORT RequestId: ${id}\tDuration: ${ms(duration)} ms\tBilled Duration: ${Math.ceil(duration)} ms\tMemory Size: ${this.memoryMb} MB\tMax Memory Used: ${a.memory ?? 0} MB` +
        (a.coldStart && a.initMs !== undefined ? `\tInit Duration: ${ms(a.initMs)} ms` : '') + status,
    ];
    const inv: Invocation = {
      n: a.n,
      requestId: id,
      logs: this.normaliseLogs(raw),
      rawLogs: raw,
      lines: fmt.lines,
      initLines: init.lines,
      durationMs: duration,
      timedOut: outcome.kind === 'timeout',
      coldStart: a.coldStart,
      pid: a.pid,
    };
    if (cur.response) inv.response = response;
    if (error) inv.error = error;
    if (outcome.kind === 'exit') inv.exit = { code: outcome.code, signal: outcome.signal };
    return inv;
  }

  async close(): Promise<void> {
    this.closing = true;
    const sb = this.sandbox;
    this.sandbox = undefined;
    if (sb) await sb.kill();
    if (this.pendingNext) this.pendingNext.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/**
 * Starts the Lambda service for one function. Nothing runs until the first invoke (a cold start).
 * Throws a SpecError (one line) for an unknown runtime, a runtime whose client is not available
 * here, or a handler file that does not exist.
 */
export async function startEnvironment(opts: EnvironmentOptions): Promise<LambdaEnvironment> {
  const info = runtimeInfo(opts.runtime);
  const file = resolve(opts.handlerFile);
  if (!existsSync(file) || !statSync(file).isFile()) throw new SpecError(`handler file ${opts.handlerFile} does not exist`);
  if (opts.handler !== undefined && !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(opts.handler)) {
    throw new SpecError(`not a handler name: ${JSON.stringify(opts.handler)}`);
  }
  const t = opts.timeoutSec ?? 3;
  if (!(typeof t === 'number' && t > 0 && t <= 900)) throw new SpecError(`timeout must be between 0 and 900 seconds, got ${JSON.stringify(opts.timeoutSec)}`);
  const prepared = await prepareRuntime(info.name);
  if (!prepared.ok) throw new SpecError(prepared.reason);
  const env = new Environment(info, prepared.node.path, prepared.node.version, opts);
  await env.listen();
  return env;
}
