// Plays the AWS Lambda service for one function: its pool of execution environments, the idle
// time between invocations, concurrency and throttling, idle shutdown, and the payload limits of
// an invocation. The parts, each a module of its own:
//   lambda/runtime-api.ts  the Runtime API of one environment (HTTP on 127.0.0.1)
//   lambda/environment.ts  one execution environment: the state machine of init, invoke, reset
//   lambda/sandbox.ts      its runtime process and the freeze protocol, memory
//   lambda/logs.ts         START / END / REPORT / INIT_REPORT lines
//   lambda/aws.ts          the figures and texts AWS documents, with their sources
//   lambda/runtimes.ts     the runtimes (aws-lambda-ric under each Node) and whether they run here
//
// Time between invocations. Between two invocations of an environment, it is frozen (no code of
// the function runs) while the wall clock moves on: a timer that came due meanwhile fires when
// the environment is thawed, at the start of the next invocation (LIFECYCLE: "Background
// processes or callbacks that were initiated by your Lambda function and did not complete when
// the function ended resume if Lambda reuses the execution environment."). `invoke()` sends
// events one after the other, `gapMs` apart (idle time from one's end to the next one's start);
// `send()` sends at once, for concurrent invocations.
//
// Concurrency. An event goes to a free (frozen) environment if there is one, the one used last;
// otherwise a new environment starts (a cold start), up to the function's concurrency; beyond it
// the invocation is throttled (aws.ts THROTTLED), as a synchronous invocation is on Lambda once
// the function's reserved concurrency is in use.
//
// Shutdown. LIFECYCLE: the Shutdown phase "is triggered if the Lambda function does not receive
// any invocations for a period of time"; Lambda does not say how long. With `idleReapMs`, an
// environment left frozen that long is shut down: its runtime process is killed while frozen, so
// work it left pending never runs, and the next invocation starts a new environment.
import { randomUUID } from 'node:crypto';
import { basename, dirname, extname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_TIMER_MS, notAFile, pathKind, SpecError } from '../harness/project.ts';
import { printTarget } from '../harness/target.ts';
import {
  DEFAULT_CONCURRENCY, DEFAULT_MEMORY_MB, DEFAULT_REGION, REGION, DEFAULT_TIMEOUT_SEC, ENV_KEY, INIT_PHASE_LIMIT_SEC, LOG_FORMATS, LOG_LEVELS, MAX_MEMORY_MB, MAX_REQUEST_BYTES, MAX_TIMEOUT_SEC,
  MAX_ENV_BYTES, MAX_RESPONSE_BYTES, MAX_STREAMED_RESPONSE_BYTES, MIN_MEMORY_MB, REQUEST_TOO_LARGE, RESERVED_ENV, THROTTLED, type LogFormat,
} from './aws.ts';
import { ExecutionEnvironment, type FunctionConfig, type Invocation } from './environment.ts';
import { isolationSupport, type IsolationSupport } from './isolation.ts';
import { prepareRuntime, runtimeInfo, runtimeVersion } from './runtimes.ts';
import type { StreamListener } from './streaming.ts';

export { runtimeAvailability, prepareRuntime, RUNTIMES, RUNTIME_NAMES, DEFAULT_RUNTIME } from './runtimes.ts';
export type { Invocation, LambdaError } from './environment.ts';
export type { StreamedResponse, StreamListener, HttpPrelude } from './streaming.ts';

export interface FunctionOptions {
  /** 'nodejs20.x' | 'nodejs22.x' | 'nodejs24.x' */
  runtime: string;
  /** The function's file; its directory is the task root (LAMBDA_TASK_ROOT, the cwd). */
  handlerFile: string;
  /** Name of the exported handler (default 'handler'): _HANDLER is `<file name>.<handler>`. */
  handler?: string;
  /** Function timeout in seconds (default 3, Lambda's default; at most 900). */
  timeoutSec?: number;
  /** The function's environment variables (the ones Lambda reserves are refused). */
  env?: Record<string, string>;
  /** Memory size in MB (default 128, from 128 to 10240): AWS_LAMBDA_FUNCTION_MEMORY_SIZE, and a limit: over it the runtime is killed. */
  memoryMb?: number;
  /** Function name (default: the handler file's name). */
  functionName?: string;
  /**
   * The init phase's limit in seconds: 10 on Lambda, which is the default. A spec may make it
   * shorter to show what happens past it without waiting 10 s.
   */
  initTimeoutSec?: number;
  /** How many environments may serve at once (default 1000, an account's default quota); beyond, throttled. */
  concurrency?: number;
  /** Idle time between the invocations `invoke()` sends, in ms (default 0: back to back). */
  gapMs?: number;
  /** Shut an environment down once it has been frozen this long (ms); default: never. */
  idleReapMs?: number;
  /** Told when an environment is shut down for being idle (its runtime has just been sent SIGKILL). */
  onShutdown?: (e: { environment: number; idleMs: number }) => void;
  /**
   * The log format, 'Text' (the default) or 'JSON' (aws.ts LogFormat): the runtime gets it as
   * AWS_LAMBDA_LOG_FORMAT, and Lambda's own lines follow it. A function whose `env` sets
   * AWS_LAMBDA_LOG_FORMAT=JSON gets the JSON format too (the variable the runtime reads).
   */
  logFormat?: LogFormat;
  /** The application log level (TRACE ... FATAL; JSON format only, as on Lambda): the runtime gets it as AWS_LAMBDA_LOG_LEVEL. */
  logLevel?: string;
  /** Layer folders, in order, each laid out as a layer's .zip is (nodejs/node_modules, bin, ...): what Lambda extracts into /opt. */
  layers?: string[];
  /** The region (default us-east-1): AWS_REGION, AWS_DEFAULT_REGION and the function's ARN. */
  region?: string;
  /**
   * Report what each freeze leaves pending (Invocation.pendingAtFreeze; lambda/freeze-report.ts),
   * the service's own report: off by default, as it records every async resource the function
   * creates (npm run lambda turns it on).
   */
  reportPending?: boolean;
  /**
   * What of Lambda's isolation to apply (a read-only code directory, the process limit): by default
   * all that this machine allows (lambda/isolation.ts isolationSupport). A spec gives less, with a
   * reason, to show what the service does on a machine that allows less.
   */
  isolation?: IsolationSupport;
}

export interface InvokeOptions {
  /** For this invocation, the idle time since the previous one ended (overrides the function's gapMs). */
  gapMs?: number;
  /** ClientContext (for invocations from the AWS Mobile SDK): handed to the runtime as Lambda-Runtime-Client-Context. */
  clientContext?: unknown;
  /** The Amazon Cognito identity: handed to the runtime as Lambda-Runtime-Cognito-Identity. */
  cognitoIdentity?: { cognitoIdentityId: string; cognitoIdentityPoolId: string };
  /** The request id to give the invocation (default: a new one), e.g. the one an asynchronous invocation was answered with. */
  requestId?: string;
  /**
   * How the caller takes a streamed answer: 'streaming' (default), as InvokeWithResponseStream and a
   * RESPONSE_STREAM function URL do, up to 200 MB; 'buffered', as the Invoke API does, up to the
   * buffered limit (aws.ts MAX_RESPONSE_BYTES; MAX_STREAMED_RESPONSE_BYTES says why).
   */
  responseMode?: 'streaming' | 'buffered';
  /** Told of a streamed answer as it arrives (lambda/streaming.ts). */
  onStream?: StreamListener;
}

export interface LambdaFunction {
  runtime: string;
  /** process.version of the runtime's Node. */
  node: string;
  /** One invocation after the ones already sent with invoke() have ended, and the gap since. */
  invoke(event: unknown, opts?: InvokeOptions): Promise<Invocation>;
  /** One invocation now, whatever else is running (concurrent invocations). */
  send(event: unknown, opts?: InvokeOptions): Promise<Invocation>;
  /** The environments alive now, by number. */
  environments(): { id: number; busy: boolean; pid?: number }[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

class Fn implements LambdaFunction {
  readonly runtime: string;
  private pool: ExecutionEnvironment[] = [];
  private envCount = 0;
  private count = 0;
  private ids = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();
  /** performance.now() when the last invoke() ended (undefined: none yet). */
  private lastEnd?: number;
  private closing = false;
  private readonly cfg: FunctionConfig;

  constructor(
    cfg: Omit<FunctionConfig, 'label'>,
    readonly node: string,
    private readonly opts: Required<Pick<FunctionOptions, 'concurrency' | 'gapMs'>> & Pick<FunctionOptions, 'idleReapMs' | 'onShutdown'>,
  ) {
    this.runtime = cfg.info.name;
    this.cfg = { ...cfg, label: (id) => this.label(id) };
  }

  private label(id: string): string {
    const n = this.ids.get(id);
    return n ? `<req:${n}>` : id;
  }

  environments() {
    return this.pool.filter((e) => !e.gone).map((e) => ({ id: e.id, busy: e.busy, pid: e.pid }));
  }

  invoke(event: unknown, opts: InvokeOptions = {}): Promise<Invocation> {
    const run = this.queue.then(async () => {
      const gap = opts.gapMs ?? this.opts.gapMs;
      if (this.lastEnd !== undefined && gap > 0) {
        const wait = this.lastEnd + gap - performance.now();
        if (wait > 0) await sleep(wait);
      }
      try {
        return await this.send(event, opts);
      } finally {
        this.lastEnd = performance.now();
      }
    });
    this.queue = run.catch(() => {});
    return run;
  }

  async send(event: unknown, opts: InvokeOptions = {}): Promise<Invocation> {
    if (this.closing) throw new SpecError('this Lambda function is closed');
    const n = ++this.count;
    const id = opts.requestId ?? randomUUID();
    this.ids.set(id, n);
    const body = JSON.stringify(event === undefined ? null : event);
    const bytes = Buffer.byteLength(body);
    if (bytes > MAX_REQUEST_BYTES) {
      // Refused by the Invoke API: the event never reaches an environment.
      return refused(n, id, 'request-too-large', { errorType: REQUEST_TOO_LARGE.errorType, errorMessage: REQUEST_TOO_LARGE.message() });
    }
    const env = this.pick();
    if (!env) return refused(n, id, 'throttled', { errorType: THROTTLED.errorType, errorMessage: THROTTLED.message });
    env.busy = true;
    try {
      if (!env.runtimeApi) await env.start();
      return await env.invoke({
        n,
        id,
        event: body,
        clientContext: opts.clientContext === undefined ? undefined : typeof opts.clientContext === 'string' ? opts.clientContext : JSON.stringify(opts.clientContext),
        cognitoIdentity: opts.cognitoIdentity === undefined ? undefined : JSON.stringify(opts.cognitoIdentity),
        streamLimit: opts.responseMode === 'buffered' ? MAX_RESPONSE_BYTES : MAX_STREAMED_RESPONSE_BYTES,
        onStream: opts.onStream,
      });
    } finally {
      env.busy = false;
      this.afterInvocation(env);
    }
  }

  /** A free environment (the one used last), or a new one within the concurrency; undefined: throttled. */
  private pick(): ExecutionEnvironment | undefined {
    // An environment idle for the reap period is gone by now, whether or not its timer has fired
    // yet (a loaded machine runs timers late): decided by the clock, not by timer order.
    const idle = this.opts.idleReapMs;
    if (idle !== undefined) {
      const now = performance.now();
      for (const e of this.pool) if (!e.busy && !e.gone && e.lastEndAt && now - e.lastEndAt >= idle) this.reap(e, idle);
    }
    const free = this.pool.filter((e) => !e.busy && !e.gone).sort((a, b) => b.lastEndAt - a.lastEndAt);
    if (free[0]) return free[0];
    if (this.pool.filter((e) => !e.gone).length >= this.opts.concurrency) return undefined;
    const env = new ExecutionEnvironment(++this.envCount, this.cfg);
    this.pool.push(env);
    return env;
  }

  private afterInvocation(env: ExecutionEnvironment) {
    const idle = this.opts.idleReapMs;
    if (idle === undefined || env.gone || this.closing) return;
    clearTimeout(env.reapTimer);
    env.reapTimer = setTimeout(() => {
      if (!env.busy && !env.gone) this.reap(env, idle);
    }, idle);
  }

  private reap(env: ExecutionEnvironment, idle: number) {
    this.pool = this.pool.filter((e) => e !== env);
    void env.shutdown(); // its runtime process gets SIGKILL right away, while frozen
    this.opts.onShutdown?.({ environment: env.id, idleMs: idle });
  }

  async close(): Promise<void> {
    this.closing = true;
    const all = this.pool;
    this.pool = [];
    await Promise.all(all.map((e) => e.shutdown()));
  }
}

function refused(n: number, id: string, why: Invocation['refused'], error: Invocation['error']): Invocation {
  return {
    n, requestId: id, environment: 0, error, logs: [], rawLogs: [], lines: [], initLines: [], durationMs: 0, billedMs: 0, maxMemoryUsedMb: 0,
    timedOut: false, coldStart: false, suppressedInit: false, pid: 0, runtimeApi: '', refused: why,
  };
}

/** The most environments one function may have at once here (Lambda's account quota can be raised to tens of thousands). */
export const MAX_CONCURRENCY = 100_000;

/** The options checkFunction() checks by number, each with the name a message gives it unless the caller says otherwise. */
type Numeric = 'timeoutSec' | 'initTimeoutSec' | 'memoryMb' | 'concurrency' | 'gapMs' | 'idleReapMs';
/** The options checkFunction() checks by name. */
type Named = 'logFormat' | 'logLevel' | 'region';

/**
 * How a caller named and typed its options, for the messages: the command gives `--memory` and
 * the text typed ("banana" reaches checkFunction as NaN). By default a message names the field
 * (`memoryMb`) and shows its value.
 */
export type TypedAs = Partial<Record<Numeric | Named, { name: string; text: string }>>;

function refuse(field: Numeric | Named, v: unknown, as: TypedAs, needs: string): never {
  throw new SpecError(`${as[field]?.name ?? field} ${needs}, got ${JSON.stringify(as[field]?.text ?? v)}`);
}

function wholeIn(field: Numeric, v: unknown, min: number, max: number, as: TypedAs): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) refuse(field, v, as, `needs a whole number from ${min} to ${max}`);
  return v;
}

/** Checks a function's environment variables as Lambda does; throws a SpecError naming the first bad one. */
export function checkEnv(env: Record<string, string>): void {
  for (const [k, v] of Object.entries(env)) {
    if (!ENV_KEY.test(k)) throw new SpecError(`environment variable name ${JSON.stringify(k)} is not allowed (letters, digits and _, starting with a letter, at least 2 characters)`);
    if (RESERVED_ENV.includes(k)) throw new SpecError(`environment variable ${k} is reserved by Lambda and cannot be set`);
    if (typeof v !== 'string') throw new SpecError(`environment variable ${k} must be a string`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(env));
  if (bytes > MAX_ENV_BYTES) throw new SpecError(`environment variables take ${bytes} bytes; Lambda allows 4 KB (${MAX_ENV_BYTES} bytes) for all of a function's variables together`);
}

/**
 * Checks a function's options as startFunction() does, before anything starts: throws a SpecError
 * (one line) for an unknown runtime, a handler file that does not exist, a malformed handler name,
 * bad environment variables, or an option out of Lambda's range. Returns them as startFunction()
 * uses them. The one check of each option: the command (lambda/cli.ts) only turns text into numbers.
 */
export function checkFunction(opts: FunctionOptions, as: TypedAs = {}) {
  const info = runtimeInfo(opts.runtime);
  const file = resolve(opts.handlerFile);
  const kind = pathKind(file);
  if (kind === 'missing') throw new SpecError(`handler file ${opts.handlerFile} does not exist`);
  if (kind !== 'file') throw new SpecError(`${opts.handlerFile} ${notAFile(kind, 'a handler file')}`);
  if (opts.handler !== undefined && !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(opts.handler)) {
    throw new SpecError(`not a handler name: ${JSON.stringify(opts.handler)}`);
  }
  const t = opts.timeoutSec ?? DEFAULT_TIMEOUT_SEC;
  if (!(typeof t === 'number' && t > 0 && t <= MAX_TIMEOUT_SEC)) refuse('timeoutSec', t, as, `must be a number of seconds more than 0 and at most ${MAX_TIMEOUT_SEC}`);
  const initT = opts.initTimeoutSec ?? INIT_PHASE_LIMIT_SEC;
  if (!(typeof initT === 'number' && initT > 0)) refuse('initTimeoutSec', initT, as, 'must be a number of seconds more than 0');
  const memoryMb = wholeIn('memoryMb', opts.memoryMb ?? DEFAULT_MEMORY_MB, MIN_MEMORY_MB, MAX_MEMORY_MB, as);
  const concurrency = wholeIn('concurrency', opts.concurrency ?? DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY, as);
  // Both are timer delays: a longer one would fire after 1 ms.
  const gapMs = wholeIn('gapMs', opts.gapMs ?? 0, 0, MAX_TIMER_MS, as);
  if (opts.idleReapMs !== undefined) wholeIn('idleReapMs', opts.idleReapMs, 1, MAX_TIMER_MS, as);
  checkEnv(opts.env ?? {});
  const { logFormat, env } = logConfig(opts, as);
  const layers = (opts.layers ?? []).map((l) => {
    const dir = resolve(l);
    const k = pathKind(dir);
    if (k === 'missing') throw new SpecError(`layer folder ${l} does not exist`);
    if (k !== 'directory') throw new SpecError(`layer ${l} is a ${k === 'file' ? 'file' : 'special file'}, not a folder (a layer is given as the folder its .zip extracts to)`);
    return dir;
  });
  const region = opts.region ?? DEFAULT_REGION;
  if (typeof region !== 'string' || !REGION.test(region)) refuse('region', region, as, 'must be a region name such as us-east-1');
  return { info, file, timeoutSec: t, initTimeoutSec: initT, memoryMb, concurrency, gapMs, logFormat, env, layers, region };
}

/**
 * The log format and level (aws.ts LOG_FORMATS, LOG_LEVELS), and the function's environment with
 * the variables the runtime client reads them from: AWS_LAMBDA_LOG_FORMAT (set with the JSON
 * format) and AWS_LAMBDA_LOG_LEVEL. A level needs the JSON format, as on Lambda.
 */
function logConfig(opts: FunctionOptions, as: TypedAs): { logFormat: LogFormat; env: Record<string, string> } {
  const env = { ...(opts.env ?? {}) };
  const fromEnv = env.AWS_LAMBDA_LOG_FORMAT?.toUpperCase() === 'JSON' ? 'JSON' : undefined;
  let logFormat: LogFormat = fromEnv ?? 'Text';
  if (opts.logFormat !== undefined) {
    const f = LOG_FORMATS.find((x) => x.toLowerCase() === String(opts.logFormat).toLowerCase());
    if (!f) refuse('logFormat', opts.logFormat, as, `must be ${LOG_FORMATS.join(' or ')}`);
    if (fromEnv && f !== fromEnv) refuse('logFormat', opts.logFormat, as, 'must agree with AWS_LAMBDA_LOG_FORMAT=JSON in the environment');
    logFormat = f;
  }
  if (logFormat === 'JSON') env.AWS_LAMBDA_LOG_FORMAT = 'JSON';
  if (opts.logLevel !== undefined) {
    const l = LOG_LEVELS.find((x) => x === String(opts.logLevel).toUpperCase());
    if (!l) refuse('logLevel', opts.logLevel, as, `must be one of ${LOG_LEVELS.join(', ')}`);
    if (logFormat !== 'JSON') refuse('logLevel', opts.logLevel, as, 'needs the JSON log format (Lambda applies a log level to JSON logs only)');
    env.AWS_LAMBDA_LOG_LEVEL = l;
  }
  return { logFormat, env };
}

/**
 * Starts the Lambda service for one function. Nothing runs until the first invocation (a cold
 * start). Throws a SpecError (one line) for an unknown runtime, a runtime whose client is not
 * available here, a handler file that does not exist, or an option out of Lambda's range.
 */
export async function startFunction(opts: FunctionOptions): Promise<LambdaFunction> {
  const { info, file, timeoutSec: t, initTimeoutSec: initT, memoryMb, concurrency, gapMs, logFormat, env, layers, region } = checkFunction(opts);
  const prepared = await prepareRuntime(info.name);
  if (!prepared.ok) throw new SpecError(prepared.reason);
  const isolation = opts.isolation ?? await isolationSupport();
  const name = basename(file, extname(file));
  return new Fn(
    {
      info,
      nodePath: prepared.node.path,
      taskRoot: dirname(file),
      handlerString: `${name}.${opts.handler ?? 'handler'}`,
      functionName: opts.functionName ?? name.replace(/[^A-Za-z0-9_-]/g, '-'),
      timeoutMs: Math.round(t * 1000),
      initTimeoutMs: Math.round(initT * 1000),
      memoryMb,
      env,
      runtimeVersion: runtimeVersion(info, prepared.node.version, region),
      logFormat,
      layers,
      region,
      reportPending: !!opts.reportPending,
      isolation,
    },
    printTarget(prepared.node),
    { concurrency, gapMs, idleReapMs: opts.idleReapMs, onShutdown: opts.onShutdown },
  );
}

/** The old name of startFunction (tools/bench.ts and older specs): `{ invoke(event), close(), node }`. */
export const startEnvironment = startFunction;
