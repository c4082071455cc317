// One execution environment and the state machine of its invocations, as the lifecycle page
// describes them (aws.ts DOCS.LIFECYCLE):
//
//   fresh --init phase--> ready --invoke--> frozen --invoke--> frozen ...
//     |                                      |
//     | init fails or runs past its limit    | the function times out, its runtime exits, or
//     v                                      v it goes over its memory size
//   reset <------------------------------- reset: no runtime process
//     |
//     +--invoke: init again inside the invoke phase ("suppressed init"), counted against the
//       function timeout, then the invocation itself; a failure leaves the environment reset.
//
// The init phase: "The Init phase is limited to 10 seconds. If all three tasks do not complete
// within 10 seconds, Lambda retries the Init phase at the time of the first function invocation
// with the configured function timeout." The invoke phase: "The function's timeout setting
// limits the duration of the entire Invoke phase." A failure: "If the Lambda function crashes or
// times out during the Invoke phase, Lambda resets the execution environment. ... If another
// Invoke event results in this execution environment being reused, Lambda initializes the runtime
// and extensions as part of the next invocation." Lambda's own Runtime API implementation says the
// same of init failures (RIE, interop/sandbox_model.go: "even on failure, the next invoke is
// expected to work with a suppressed init - i.e. we init again as part of the invoke"). So a
// function whose init takes longer than its timeout never gets out once it has failed: every
// invocation spends its whole timeout initialising (the doom loop).
//
// The emulator always reuses a reset environment (the worst case, deterministic); Lambda may
// place the next invocation elsewhere.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, SpecError } from '../harness/project.ts';
import {
  CREDENTIAL_ENV, EXIT_ERROR_TYPE, MAX_STREAMED_RESPONSE_BYTES, OUT_OF_MEMORY_ERROR_TYPE, RESPONSE_TOO_LARGE, TIMEOUT_ERROR_TYPE, exitReason, platformErrorType, streamTooLarge, taskTimedOut, type LogFormat,
} from './aws.ts';
import { bootstrap } from './bootstrap.ts';
import { EnvironmentPids } from './cgroup.ts';
import { EnvironmentTmp, hostTmpPaths, isolatedLaunch, type IsolationSupport } from './isolation.ts';
import { billedMs, exitLines, messageOf, normaliseLogs, platformLines, printedBy, timeoutLine, type PlatformLines, type Status } from './logs.ts';
import { RuntimeApi, type EventDelivery, type Posted, type RuntimeApiHandler, type PostReply, type StreamEnd, type StreamReceiver } from './runtime-api.ts';
import type { RuntimeInfo } from './runtimes.ts';
import { Sandbox, type Outcome, type Sink } from './sandbox.ts';
import { StreamCollector, type StreamedResponse, type StreamListener } from './streaming.ts';
import { pendingAtFreeze, pendingEnv } from './freeze-report.ts';
import type { PendingItem } from '../harness/explain.ts';

export interface LambdaError {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

export interface Invocation {
  /** 1-based number of this invocation in its function. */
  n: number;
  requestId: string;
  /** 1-based number of the execution environment that served it (0: none did, it was refused). */
  environment: number;
  /** The answer the runtime posted (parsed JSON; a streamed answer's body as text), if it posted one and it was delivered. */
  response?: unknown;
  /** The answer was streamed (awslambda.streamifyResponse) and ended complete. */
  streamed?: boolean;
  /**
   * A streamed answer as it arrived, whether or not it ended well (a mid-stream error, a stream cut
   * at its limit): its chunks and their times, the prelude parsed, the body.
   */
  stream?: StreamedResponse;
  /** The error the caller gets: posted by the runtime, or Lambda's own (time-out, exit, limits). */
  error?: LambdaError;
  /**
   * What Lambda's log stream shows for this invocation, normalised: a cold start's init lines
   * first, then a suppressed init's lines (and its INIT_REPORT if it failed), then START / the lines
   * printed during the invocation / END / REPORT (with the JSON log format, JSON platform lines and no END). Timestamps are
   * `<time>`, request ids `<req:N>` (N = the invocation that id belongs to), numbers in REPORT `<n>`.
   * Empty when the invocation never reached the function (throttled, request too large).
   */
  logs: string[];
  /** The same, not normalised (what the command prints). */
  rawLogs: string[];
  /** The lines printed during the invoke phase (a suppressed init's first); for console lines, the message. */
  lines: string[];
  /** Lines printed during the init phase (cold starts only). */
  initLines: string[];
  /** From the start of the invoke phase to the runtime asking for its next event (or the end). */
  durationMs: number;
  billedMs: number;
  /** REPORT's Max Memory Used: the runtime process's peak, capped at the memory size. */
  maxMemoryUsedMb: number;
  timedOut: boolean;
  /** A new runtime process served it: the first invocation of an environment, or one after a reset. */
  coldStart: boolean;
  /** The runtime was initialised inside this invocation's invoke phase (after a reset or a failed init phase). */
  suppressedInit: boolean;
  /** The error the runtime posted to /runtime/init/error, when the invocation failed at init. */
  initError?: LambdaError;
  /** How the runtime process ended during this invocation, if it did (the environment was reset). */
  exit?: { code: number | null; signal: string | null };
  /** Process id of the runtime process that served it (0 if none). */
  pid: number;
  /** host:port of the Runtime API of its environment. */
  runtimeApi: string;
  /**
   * Set when the environment's /tmp held more than Lambda's default 512 MB after the invocation (MB
   * held): on Lambda a write past the size fails (ENOSPC); here it did not (lambda/isolation.ts).
   */
  tmpOverLimitMb?: number;
  /**
   * Where the environment's /tmp is on this machine: a folder of its own under the host's temporary
   * folder, removed when the environment shuts down. The runtime sees it as /tmp itself where the
   * service can give it a mount namespace (lambda/isolation.ts), else as TMPDIR.
   */
  tmpFolder?: string;
  /**
   * On the first invocation an environment serves: the parts of Lambda's isolation this machine did
   * not let the service apply to it, each with the reason (lambda/isolation.ts): its code directory
   * and layers stayed writable (`readOnlyCode`), it had no limit of 1,024 processes/threads (`processLimit`).
   */
  unenforced?: { readOnlyCode?: string; processLimit?: string };
  /** Refused before reaching any environment: throttled, or the request was over the payload limit. */
  refused?: 'throttled' | 'request-too-large';
  /**
   * With the report on (FunctionConfig reportPending), for an invocation that ended frozen: the
   * work its code created during the invocation that had not finished (lambda/freeze-report.ts).
   */
  pendingAtFreeze?: PendingItem[];
  /** With the report on, for an invocation that ended frozen: why what it left pending is not known, when it is not. */
  pendingUnknown?: string;
}

export interface FunctionConfig {
  info: RuntimeInfo;
  nodePath: string;
  taskRoot: string;
  handlerString: string;
  functionName: string;
  timeoutMs: number;
  initTimeoutMs: number;
  memoryMb: number;
  env: Record<string, string>;
  /** What the INIT_START line names (runtimes.ts runtimeVersion). */
  runtimeVersion: { version: string; arn: string };
  /** Layer folders (--layer), in order: what Lambda extracts into /opt (lambda/bootstrap.ts maps /opt/nodejs/... to them). */
  layers: string[];
  /** AWS_REGION / AWS_DEFAULT_REGION, and the region of the function's ARN. */
  region: string;
  /** The log format (aws.ts LogFormat): Lambda's own lines as text or as JSON. */
  logFormat: LogFormat;
  /** `<req:N>` for a request id of this function. */
  label(id: string): string;
  /** Report what each freeze leaves pending (lambda/freeze-report.ts): Invocation.pendingAtFreeze. */
  reportPending?: boolean;
  /** What this machine lets the service apply of Lambda's isolation (lambda/isolation.ts isolationSupport). */
  isolation: IsolationSupport;
}

export interface InvokeRequest {
  n: number;
  id: string;
  /** The event as JSON text. */
  event: string;
  clientContext?: string;
  cognitoIdentity?: string;
  /** The most bytes a streamed answer may have (default: aws.ts MAX_STREAMED_RESPONSE_BYTES, an InvokeWithResponseStream's). */
  streamLimit?: number;
  /** Told of a streamed answer as it arrives. */
  onStream?: StreamListener;
}

/** The invocation the Runtime API is serving right now. */
interface Current {
  delivery: EventDelivery;
  delivered: boolean;
  response?: Buffer;
  /** The start of the invoke phase (monotonic ns): a stream's chunk times count from it. */
  startNs: bigint;
  streamLimit?: number;
  onStream?: StreamListener;
  /** A streamed answer, and how it ended (once it has). */
  stream?: StreamCollector;
  streamEnd?: StreamEnd;
  error?: Posted;
  /** Size of an answer refused as too large. */
  tooLarge?: number;
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

const postedError = (p: Posted | undefined, fallback: string) => (p ? asLambdaError(parseJson(p.body.toString('utf8')), p.errorType ?? fallback) : undefined);

/** Now on the monotonic clock every process shares (CLOCK_MONOTONIC), in ns. */
const clock = () => process.hrtime.bigint();
const msBetween = (from: bigint, to: bigint) => Number(to - from) / 1e6;

/**
 * Three turns of this process's event loop. What the runtime wrote to its Runtime API connections
 * before it asked for its next event is in this process's socket buffers by the time the ask is
 * read (a write to a loopback socket is delivered at once, and the ask is written after it), but
 * the ask can be read first within one turn. The runtime client's fail path of a streamed answer
 * asks once its error trailers are written, not once the Runtime API has answered them
 * (aws-lambda-ric's tryCallFail: `req.end(callback)` with the next ask as the callback): read in
 * the wrong order, the invocation had neither its stream nor its error (seen with aws-lambda-ric 4,
 * 2 runs in 6 of spec/lambda/streaming.spec.ts).
 */
const ioTurns = () => new Promise<void>((r) => setImmediate(() => setImmediate(() => setImmediate(r))));

/**
 * The outcome of `p` if the runtime asked by `deadline` (monotonic ns), else a time-out. The
 * runtime's ask carries its own time (the freeze hook's marker), so a loaded machine that reads
 * the marker late cannot turn an ask in time into a time-out, nor a late ask into one in time.
 * When the timer fires, the time-out is declared only after one turn of I/O has been read: a
 * marker already in the pipe gets its chance first (Node runs due timers before it polls for I/O).
 */
function within(p: Promise<Outcome>, deadline: bigint): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome>((r) => (timer = setTimeout(() => setImmediate(() => r({ kind: 'timeout' })), Math.max(0, msBetween(clock(), deadline)))));
  const judged = p.then((o): Outcome => (o.kind === 'ready' && o.at > deadline ? { kind: 'timeout' } : o));
  return Promise.race([judged, late]).finally(() => clearTimeout(timer));
}

export class ExecutionEnvironment implements RuntimeApiHandler {
  private readonly api = new RuntimeApi(this);
  private sandbox?: Sandbox;
  /** Whether its init phase has happened (after that, a missing runtime means a reset). */
  private initialised = false;
  private current?: Current;
  private pendingNext?: ServerResponse;
  private initErrorPosted?: Posted;
  private readonly logStream: string;
  private readonly platform: PlatformLines;
  /** This environment's /tmp (TMPDIR), made at its first runtime process, removed at its shutdown. */
  private readonly tmp = new EnvironmentTmp();
  /** Its limit of processes and threads (a pids cgroup), made at its first runtime process, removed at its shutdown. */
  private readonly pids: EnvironmentPids;
  /** Whether its first invocation has said what of Lambda's isolation it lacks. */
  private toldUnenforced = false;
  busy = false;
  gone = false;
  /** performance.now() when its last invocation ended (0: never). */
  lastEndAt = 0;
  reapTimer?: NodeJS.Timeout;

  constructor(readonly id: number, private readonly cfg: FunctionConfig) {
    const now = new Date();
    const day = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${String(now.getUTCDate()).padStart(2, '0')}`;
    this.logStream = `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
    this.platform = platformLines(cfg.logFormat, { functionName: cfg.functionName, functionArn: this.functionArn });
    this.pids = new EnvironmentPids(id);
  }

  private get functionArn(): string {
    return `arn:aws:lambda:${this.cfg.region}:123456789012:function:${this.cfg.functionName}`;
  }

  /**
   * INIT_REPORT's error type for an init that failed without timing out: the one the runtime
   * posted to /runtime/init/error, as Lambda keeps it (aws.ts platformErrorType); Runtime.ExitError
   * if it posted none (it exited); Runtime.OutOfMemory if it was killed over its memory size.
   */
  private initErrorType(sb: Sandbox): string {
    if (sb.overMemory) return OUT_OF_MEMORY_ERROR_TYPE;
    return this.initErrorPosted ? platformErrorType(this.initErrorPosted.errorType) : EXIT_ERROR_TYPE;
  }

  async start(): Promise<void> {
    await this.api.listen();
    // Shut down while the server was starting: it must not outlive the environment.
    if (this.gone) await this.api.close();
  }

  get runtimeApi(): string {
    return this.api.address;
  }

  /** The runtime process, if there is one (frozen between invocations). */
  get pid(): number | undefined {
    return this.sandbox?.alive ? this.sandbox.pid : undefined;
  }

  // ---- the Runtime API's side ----------------------------------------------------------------

  next(res: ServerResponse): void {
    const cur = this.current;
    if (cur && !cur.delivered) return this.deliver(res, cur);
    // Nothing to hand out (the freeze hook holds the runtime until there is): hold the request.
    this.pendingNext = res;
  }

  private deliver(res: ServerResponse, cur: Current) {
    cur.delivered = true;
    this.api.deliver(res, cur.delivery);
  }

  /** Why the runtime may not answer invocation `id` now, if it may not. */
  private refusal(id: string): PostReply | undefined {
    const cur = this.current;
    if (!cur || cur.delivery.id !== id || !cur.delivered) return { status: 400, body: { errorMessage: `Invalid request ID: ${id}`, errorType: 'InvalidRequestID' } };
    if (cur.response || cur.error || cur.stream || cur.tooLarge !== undefined) {
      return { status: 400, body: { errorMessage: `Invalid state transition: ${id} already has a ${cur.error ? 'error' : 'response'}`, errorType: 'InvalidStateTransition' } };
    }
    return undefined;
  }

  posted(id: string, kind: 'response' | 'error' | 'too-large', p: Posted): PostReply {
    const refused = this.refusal(id);
    if (refused) return refused;
    const cur = this.current!;
    if (kind === 'too-large') cur.tooLarge = p.body.length;
    else if (kind === 'response') cur.response = p.body;
    else cur.error = p;
    return { status: 202, body: { status: 'OK' } };
  }

  streamOpened(id: string, contentType: string): StreamReceiver | PostReply {
    const refused = this.refusal(id);
    if (refused) return refused;
    const cur = this.current!;
    const stream = new StreamCollector(contentType, cur.startNs, cur.onStream);
    cur.stream = stream;
    return {
      limit: cur.streamLimit ?? MAX_STREAMED_RESPONSE_BYTES,
      chunk: (data, atNs) => stream.push(data, atNs),
      end: (e) => {
        cur.streamEnd = e;
        stream.finish(!!(e.error || e.overLimit !== undefined || e.aborted));
        return { status: 202, body: { status: 'OK' } };
      },
    };
  }

  initError(p: Posted): void {
    this.initErrorPosted = p;
  }

  // ---- the runtime process --------------------------------------------------------------------

  private functionEnv(started: Record<string, string>, privateTmp: boolean): Record<string, string> {
    const c = this.cfg;
    const credentials: Record<string, string> = {};
    for (const k of CREDENTIAL_ENV) if (process.env[k]) credentials[k] = process.env[k]!;
    return {
      LANG: 'en_US.UTF-8',
      TZ: ':UTC',
      HOME: process.env.HOME ?? '/tmp',
      // PATH and NODE_PATH as the bootstrap sets them (lambda/bootstrap.ts), and this environment's own /tmp.
      ...started,
      ...(privateTmp ? {} : { TMPDIR: this.tmp.dir() }),
      // The function's own variables; the ones Lambda defines below cannot be overridden
      // (aws.ts RESERVED_ENV: startFunction refuses them).
      ...c.env,
      // The caller's credentials, as AWS's emulator passes its own (aws.ts CREDENTIAL_ENV).
      ...credentials,
      AWS_REGION: c.region,
      AWS_DEFAULT_REGION: c.region,
      AWS_EXECUTION_ENV: `AWS_Lambda_${c.info.name}`,
      AWS_LAMBDA_FUNCTION_NAME: c.functionName,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(c.memoryMb),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${c.functionName}`,
      AWS_LAMBDA_LOG_STREAM_NAME: this.logStream,
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_LAMBDA_RUNTIME_API: this.api.address,
      LAMBDA_TASK_ROOT: c.taskRoot,
      LAMBDA_RUNTIME_DIR: dirname(c.info.entry),
      _HANDLER: c.handlerString,
      ...(c.reportPending ? pendingEnv(c.taskRoot, [c.info.pkg, dirname(c.info.entry)]) : {}),
    };
  }

  private spawn(sink: Sink): Sandbox {
    // Shut down meanwhile (close() during a cold start, or the environment reaped): no new runtime
    // process may start after shutdown() has killed the last one.
    if (this.gone) throw new SpecError('this Lambda function is closed');
    this.initErrorPosted = undefined;
    const c = this.cfg;
    const { launch, env } = bootstrap(c.info, c.nodePath, c.memoryMb, c.env, c.layers, c.taskRoot);
    // In front of the bootstrap: the environment's process limit and its read-only code, where this machine allows them.
    // With a mount namespace, the environment's folder is /tmp itself (and TMPDIR is not set, as
    // on Lambda); without one, it is TMPDIR.
    const ro = c.isolation.readOnlyCode;
    const fnEnv = this.functionEnv(env, ro.ok);
    const isolated = isolatedLaunch(launch, {
      unshare: ro.ok ? ro.unshare : undefined,
      readOnly: [c.taskRoot, ...c.layers],
      cgroup: c.isolation.processLimit.ok ? this.pids.dir() : undefined,
      tmp: ro.ok ? { dir: this.tmp.dir(), keep: hostTmpPaths(launch, [env.PATH ?? '', env.NODE_PATH ?? ''], [ROOT, c.taskRoot, ...c.layers, c.info.pkg, dirname(c.info.entry)], this.tmp.dir()) } : undefined,
    });
    const sb = new Sandbox(c.info, isolated, c.taskRoot, fnEnv, sink, c.memoryMb);
    this.sandbox = sb;
    return sb;
  }

  /** Ends a runtime process that did not get ready (or went over its memory), and forgets it. */
  private async discard(sb: Sandbox): Promise<void> {
    await sb.kill();
    if (this.sandbox === sb) this.sandbox = undefined;
  }

  // ---- one invocation -------------------------------------------------------------------------

  async invoke(req: InvokeRequest): Promise<Invocation> {
    this.busy = true;
    clearTimeout(this.reapTimer);
    try {
      return await this.run(req);
    } finally {
      this.busy = false;
      this.lastEndAt = performance.now();
    }
  }

  private async run(req: InvokeRequest): Promise<Invocation> {
    const c = this.cfg;
    const initSink: Sink = { lines: [] };
    const sink: Sink = { lines: [] };
    const head: string[] = []; // before START: the init phase
    const tail: string[] = []; // Lambda's own lines after the function's, before END
    let coldStart = false;
    let suppressedInit = false;
    let initMs: number | undefined;

    // The init phase of a fresh environment, limited on its own (10 s on Lambda).
    if (!this.initialised) {
      this.initialised = true;
      coldStart = true;
      const t0 = clock();
      const initStartedAt = new Date();
      const initDeadlineMs = Date.now() + c.initTimeoutMs;
      const sb = this.spawn(initSink);
      const o = await within(sb.next(), t0 + BigInt(c.initTimeoutMs) * 1_000_000n);
      const took = o.kind === 'ready' ? msBetween(t0, o.at) : o.kind === 'timeout' ? c.initTimeoutMs : msBetween(t0, clock());
      // The init phase of a new environment starts with INIT_START (aws.ts initStartText), whatever its outcome.
      head.push(this.platform.initStart(c.runtimeVersion, initStartedAt));
      if (o.kind === 'ready' && !sb.checkMemory()) {
        initMs = took; // the runtime now waits in the freeze hook for the event
        head.push(...initSink.lines);
      } else {
        await this.discard(sb);
        if (o.kind === 'timeout') initSink.lines = printedBy(initSink.lines, initDeadlineMs);
        const status: Status = o.kind === 'timeout' ? { kind: 'timeout' } : { kind: 'error', errorType: this.initErrorType(sb) };
        head.push(...initSink.lines, this.platform.initReport(took, 'init', status));
      }
    }

    // The invoke phase: its clock starts now and covers a suppressed init too.
    const invokeStart = clock();
    const deadline = invokeStart + BigInt(c.timeoutMs) * 1_000_000n;
    const cur: Current = {
      startNs: invokeStart,
      streamLimit: req.streamLimit,
      onStream: req.onStream,
      delivered: false,
      delivery: {
        id: req.id,
        body: req.event,
        deadlineMs: Date.now() + c.timeoutMs,
        functionArn: this.functionArn,
        traceId: `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`,
        clientContext: req.clientContext,
        cognitoIdentity: req.cognitoIdentity,
      },
    };
    const reinitSink: Sink = { lines: [] };
    const base = { req, head, initSink, reinitSink, sink, tail, coldStart, initMs, invokeStart };

    let sb = this.sandbox;
    if (!sb?.alive) {
      // Reset (or the init phase failed): init again, inside the invoke phase. As on Lambda, this
      // init comes before START: its lines, and its INIT_REPORT if it fails (RIE,
      // internal/lambda/rapid/handlers.go, doInvoke: the init "inline" first, then
      // sendInvokeStartLogEvent, also when the init failed).
      coldStart = suppressedInit = true;
      const t0 = clock();
      sb = this.spawn(reinitSink);
      const o = await within(sb.next(), deadline);
      if (!(o.kind === 'ready' && !sb.checkMemory())) {
        const final = o.kind === 'timeout' ? o : await sb.next();
        const took = final.kind === 'timeout' ? msBetween(t0, deadline) : msBetween(t0, clock());
        await this.discard(sb);
        if (final.kind === 'timeout') reinitSink.lines = printedBy(reinitSink.lines, cur.delivery.deadlineMs);
        const posted = postedError(this.initErrorPosted, 'Runtime.Unknown');
        let error: LambdaError;
        let status: Status;
        if (final.kind === 'timeout') {
          status = { kind: 'timeout' };
          tail.push(timeoutLine(req.id, c.timeoutMs / 1000));
          error = { errorType: TIMEOUT_ERROR_TYPE, errorMessage: `RequestId: ${req.id} Error: ${taskTimedOut(c.timeoutMs / 1000)}` };
        } else {
          // The caller gets the error the runtime posted, whole (its trace too); Lambda writes no
          // "Runtime exited" lines for it between START and END.
          const reason = exitReason(final.kind === 'exit' ? final.code : null, final.kind === 'exit' ? final.signal : null);
          error = posted ?? { errorType: EXIT_ERROR_TYPE, errorMessage: `RequestId: ${req.id} Error: ${reason}` };
          status = { kind: 'error', errorType: this.initErrorType(sb) };
        }
        head.push(...reinitSink.lines, this.platform.initReport(took, 'invoke', status));
        return this.result({
          ...base, coldStart, suppressedInit, error, status, sb, initError: posted, startedAt: new Date(),
          durationMs: final.kind === 'timeout' ? c.timeoutMs : msBetween(invokeStart, clock()),
          timedOut: final.kind === 'timeout', exit: final.kind === 'exit' ? { code: final.code, signal: final.signal } : undefined,
        });
      }
    }

    head.push(...reinitSink.lines);

    // Thaw, let the runtime ask, hand it the event, wait for its next ask.
    const startedAt = new Date();
    this.current = cur;
    const ended = sb.next();
    sb.release(sink);
    if (this.pendingNext) {
      const res = this.pendingNext;
      this.pendingNext = undefined;
      this.deliver(res, cur);
    }
    let outcome = await within(ended, deadline);
    if (outcome.kind === 'ready') await ioTurns();
    const endAt = outcome.kind === 'ready' ? outcome.at : clock();
    // Over its memory size at any moment (seen now at the latest): killed, whatever it answered.
    if (outcome.kind === 'ready' && sb.checkMemory()) outcome = await sb.next();
    if (outcome.kind === 'exit' && sb.overMemory) outcome = { kind: 'exit', code: null, signal: 'SIGKILL' };
    this.current = undefined;
    if (outcome.kind === 'ready') sb.freeze();
    else await this.discard(sb);
    // A streamed answer is whole once its POST has been read to the end (the runtime client asks
    // for its next event once its last bytes are sent; a runtime that was ended has closed it). A
    // stream still open at the deadline is taken as cut off there.
    if (cur.stream && !cur.stream.ended) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((r) => (timer = setTimeout(r, Math.max(0, msBetween(clock(), deadline)))));
      await Promise.race([cur.stream.done, late]).finally(() => clearTimeout(timer));
      if (!cur.stream.ended) {
        cur.streamEnd = { aborted: true };
        cur.stream.finish(true);
      }
    }
    const pending = outcome.kind === 'ready' && c.reportPending ? pendingAtFreeze(sb.pendingAtAsk, c.taskRoot) : undefined;
    sb.pendingAtAsk = undefined;
    if (outcome.kind === 'timeout') sink.lines = printedBy(sink.lines, cur.delivery.deadlineMs);

    let error: LambdaError | undefined;
    let status: Status | undefined;
    let response: unknown;
    const stream = cur.stream?.result();
    // A stream that ended complete is the answer (its body); one whose trailers carry an error is
    // that error, as one posted to /error; one cut at its limit, Function.ResponseSizeTooLarge.
    const streamedWell = !!cur.streamEnd && !cur.streamEnd.error && !cur.streamEnd.aborted && cur.streamEnd.overLimit === undefined;
    const answered = !!cur.response || streamedWell;
    const answeredError = !!cur.error || !!cur.streamEnd?.error;
    if (cur.response && !sb.overMemory) response = parseJson(cur.response.toString('utf8'));
    if (streamedWell && !sb.overMemory) response = stream!.body.toString('utf8');
    if (cur.error) error = postedError(cur.error, 'Unknown');
    if (cur.streamEnd?.error) error = postedError(cur.streamEnd.error, 'Unknown');
    if (cur.streamEnd?.overLimit !== undefined) error = streamTooLarge(cur.streamEnd.overLimit);
    if (cur.tooLarge !== undefined) error = { errorType: RESPONSE_TOO_LARGE.errorType, errorMessage: RESPONSE_TOO_LARGE.message(cur.tooLarge) };
    if (outcome.kind === 'timeout') {
      tail.push(timeoutLine(req.id, c.timeoutMs / 1000));
      if (!answered && !answeredError) error = { errorType: TIMEOUT_ERROR_TYPE, errorMessage: `RequestId: ${req.id} Error: ${taskTimedOut(c.timeoutMs / 1000)}` };
      status = { kind: 'timeout' };
    } else if (outcome.kind === 'exit') {
      const reason = exitReason(outcome.code, outcome.signal);
      tail.push(...exitLines(req.id, reason));
      if ((!answered && !answeredError) || sb.overMemory) error = { errorType: EXIT_ERROR_TYPE, errorMessage: `RequestId: ${req.id} Error: ${reason}` };
      status = { kind: 'error', errorType: sb.overMemory ? OUT_OF_MEMORY_ERROR_TYPE : EXIT_ERROR_TYPE };
    }
    return this.result({
      ...base, coldStart, suppressedInit, error, status, sb, startedAt, response, hasResponse: answered && !error, stream, pending,
      durationMs: outcome.kind === 'timeout' ? c.timeoutMs : msBetween(invokeStart, endAt),
      timedOut: outcome.kind === 'timeout', exit: outcome.kind === 'exit' ? { code: outcome.code, signal: outcome.signal } : undefined,
    });
  }

  private result(a: {
    req: InvokeRequest; head: string[]; initSink: Sink; reinitSink: Sink; sink: Sink; tail: string[]; coldStart: boolean; suppressedInit: boolean;
    initMs?: number; invokeStart: bigint; startedAt: Date; durationMs: number; error?: LambdaError; status?: Status; sb: Sandbox;
    response?: unknown; hasResponse?: boolean; stream?: StreamedResponse; initError?: LambdaError; timedOut: boolean; exit?: { code: number | null; signal: string | null };
    pending?: { items: PendingItem[] } | { unavailable: string };
  }): Invocation {
    const c = this.cfg;
    const id = a.req.id;
    const maxMemoryUsedMb = Math.min(a.sb.peakMb(), c.memoryMb);
    const p = this.platform;
    const end = p.end(id);
    const raw = [
      ...a.head,
      p.start(id, a.startedAt),
      ...a.sink.lines,
      ...a.tail,
      ...(end === undefined ? [] : [end]),
      p.report({ id, durationMs: a.durationMs, memorySizeMb: c.memoryMb, maxMemoryUsedMb, initMs: a.initMs, status: a.status }),
    ];
    const inv: Invocation = {
      n: a.req.n,
      requestId: id,
      environment: this.id,
      logs: normaliseLogs(raw, c.label),
      rawLogs: raw,
      lines: [...a.reinitSink.lines, ...a.sink.lines].map(messageOf),
      initLines: a.initSink.lines.map(messageOf),
      durationMs: a.durationMs,
      billedMs: billedMs(a.durationMs, a.initMs),
      maxMemoryUsedMb,
      timedOut: a.timedOut,
      coldStart: a.coldStart,
      suppressedInit: a.suppressedInit,
      pid: a.sb.pid,
      runtimeApi: this.api.address,
    };
    if (a.hasResponse) inv.response = a.response;
    if (a.hasResponse && a.stream) inv.streamed = true;
    if (a.stream) inv.stream = a.stream;
    if (a.error) inv.error = a.error;
    if (a.initError) inv.initError = a.initError;
    if (a.exit) inv.exit = a.exit;
    if (this.tmp.made) inv.tmpFolder = this.tmp.made;
    const tmpOver = this.tmp.overLimitMb();
    if (tmpOver !== undefined) inv.tmpOverLimitMb = tmpOver;
    if (!this.toldUnenforced) {
      this.toldUnenforced = true;
      const iso = c.isolation;
      const unenforced = {
        ...(!iso.readOnlyCode.ok ? { readOnlyCode: iso.readOnlyCode.reason } : {}),
        ...(!iso.processLimit.ok ? { processLimit: iso.processLimit.reason } : this.pids.reason ? { processLimit: this.pids.reason } : {}),
      };
      if (Object.keys(unenforced).length) inv.unenforced = unenforced;
    }
    if (a.pending && 'items' in a.pending) inv.pendingAtFreeze = a.pending.items;
    if (a.pending && 'unavailable' in a.pending) inv.pendingUnknown = a.pending.unavailable;
    return inv;
  }

  /** Shuts the environment down: its runtime process (frozen or not) is killed, its pending work never runs. */
  async shutdown(): Promise<void> {
    this.gone = true;
    clearTimeout(this.reapTimer);
    const sb = this.sandbox;
    this.sandbox = undefined;
    if (sb) await sb.kill();
    if (this.pendingNext) this.pendingNext.destroy();
    await this.api.close();
    // The cgroup first: it ends what is still in it (a child that left the runtime's group), which
    // could otherwise still be writing in the folder as it is removed.
    await this.pids.remove();
    this.tmp.remove();
  }
}
