// The local Lambda service's front door: Lambda's Invoke API over HTTP on 127.0.0.1, for one
// function (lambda/service.ts), as `npm run lambda -- serve <handler-file>` runs it. Every fact
// about the API is in aws.ts, with its source; this module routes and maps.
//
//   POST /2015-03-31/functions/<any name>/invocations   Invoke (any function name: it is the one function)
//   POST /2021-11-15/functions/<any name>/response-streaming-invocations
//                                                        InvokeWithResponseStream: the answer as an event
//                                                        stream, a streamed one chunk by chunk as it arrives
//     X-Amz-Invocation-Type  RequestResponse (default): the invocation's answer, 200
//                            Event: 202 at once; the invocation runs afterwards, retried as Lambda
//                              retries asynchronous invocations (aws.ts ASYNC_RETRY_DELAYS_MS,
//                              ASYNC_THROTTLE_RETRY)
//                            DryRun: 204, nothing runs
//     X-Amz-Log-Type         Tail: X-Amz-Log-Result, the last 4 KB of the invocation's log, base64
//     X-Amz-Client-Context   base64 JSON, handed to the function (synchronous invocations only)
//   <method> /url/<path>?<query>                          a function URL: the request becomes a
//                                                        payload-format-2.0 event, the answer an HTTP response;
//                                                        a streamed answer is sent on as it arrives
//                                                        (chunked), its prelude as the status and headers
//   anything else: 404 ResourceNotFoundException
//
// A function error is an answer, not a refusal: 200 with X-Amz-Function-Error and the error as the
// payload. A streamed answer (awslambda.streamifyResponse) comes back through Invoke buffered, as
// on Lambda (aws.ts "response streaming": Invoke is the buffered API, with its 6 MB limit): whole,
// as the runtime sent it, once it has ended; an error in its trailers is a function error. A request the API refuses gets Lambda's error shape (aws.ts INVOKE_ERRORS). A request
// that comes in while an invocation runs goes to another environment (a cold start), as on Lambda;
// between requests each environment is frozen (lambda/sandbox.ts).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { MAX_TIMER_MS, SpecError } from '../harness/project.ts';
import {
  ASYNC_RETRY_DELAYS_MS, ASYNC_THROTTLE_RETRY, EVENT_STREAM_CONTENT_TYPE, INVOKE_STREAM_PATH, STREAM_INVOCATION_TYPES, FUNCTION_ERROR_HEADER_VALUE, FUNCTION_URL_PAYLOAD_VERSION, FUNCTION_URL_PLACEHOLDER, functionUrlTime, INVOCATION_TYPES, INVOKE_ERRORS, INVOKE_PATH, INVOKE_STATUS, LATEST, LOG_TAIL_BYTES, LOG_TYPES,
  MAX_ASYNC_REQUEST_BYTES, MAX_CLIENT_CONTEXT_BYTES, MAX_REQUEST_BYTES, REQUEST_TOO_LARGE, THROTTLED, type InvokeErrorType,
} from './aws.ts';
import { eventMessage } from './event-stream.ts';
import { startFunction, type FunctionOptions, type HttpPrelude, type Invocation, type LambdaFunction, type StreamListener } from './service.ts';

/** The port `serve` listens on when none is given: the one AWS's emulator's README uses (RIE README: `localhost:9000/2015-03-31/functions/function/invocations`). */
export const DEFAULT_PORT = 9000;

export type InvocationType = (typeof INVOCATION_TYPES)[number];

export interface ServeOptions {
  /** The port on 127.0.0.1 (0: one the system picks). */
  port: number;
  /**
   * The waits before the retries of an asynchronous invocation whose function failed, in ms
   * (default: Lambda's, aws.ts ASYNC_RETRY_DELAYS_MS, one and two minutes). Shorter ones are the
   * caller's statement that it does not want to wait that long; the number of retries is Lambda's.
   */
  asyncRetryDelaysMs?: readonly number[];
  /** Told of every invocation that ran (or was throttled), with how it was invoked. */
  onInvocation?: (inv: Invocation, how: InvocationNote) => void;
}

export interface InvocationNote {
  type: Exclude<InvocationType, 'DryRun'> | 'FunctionUrl';
  /** 0 for the first attempt of an asynchronous invocation, then 1, 2 for its retries. */
  attempt: number;
  /** An asynchronous invocation that failed: when it is tried again (ms), or undefined: never (the event is dropped). */
  retryInMs?: number;
}

export interface InvokeServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  fn: LambdaFunction;
  /** Stops listening, drops the asynchronous invocations not yet run, and closes the function: no runtime process is left. */
  close(): Promise<void>;
}

/** Reads a port as typed: a whole number from 0 to 65535. */
export function checkPort(text: string, name = '--port'): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new SpecError(`${name} needs a whole number from 0 to 65535, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** Reads retry delays as typed: `<ms>,<ms>`, as many as Lambda makes retries, each a timer delay. */
export function checkRetryDelays(text: string, name = '--async-retry-delays'): number[] {
  const parts = text.split(',');
  const n = ASYNC_RETRY_DELAYS_MS.length;
  if (parts.length !== n || parts.some((p) => !/^\d+$/.test(p) || Number(p) > MAX_TIMER_MS)) {
    throw new SpecError(`${name} needs ${n} whole numbers of ms (0 to ${MAX_TIMER_MS}) separated by a comma, one per retry Lambda makes, got ${JSON.stringify(text)}`);
  }
  return parts.map(Number);
}

/** The last 4 KB of an invocation's log lines, as X-Amz-Log-Result carries them: base64. */
export function logTail(rawLogs: string[]): string {
  const all = Buffer.from(rawLogs.map((l) => l + '\n').join(''), 'utf8');
  return all.subarray(Math.max(0, all.length - LOG_TAIL_BYTES)).toString('base64');
}

function apiError(res: ServerResponse, type: InvokeErrorType, message: string, extra: Record<string, string> = {}) {
  const body = JSON.stringify({ Type: INVOKE_ERRORS[type] >= 500 ? 'Service' : 'User', message, ...extra });
  res.writeHead(INVOKE_ERRORS[type], {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Amzn-ErrorType': type,
    'X-Amzn-RequestId': randomUUID(),
  });
  res.end(body);
}

class Refusal extends Error {
  constructor(readonly type: InvokeErrorType, message: string, readonly extra: Record<string, string> = {}) {
    super(message);
  }
}

function oneOf<T extends string>(what: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Refusal('InvalidParameterValueException', `${what} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The client context as the function gets it: the header's base64 decoded, which must be a JSON object. */
function clientContextOf(req: IncomingMessage): string | undefined {
  const b64 = header(req, 'x-amz-client-context');
  if (b64 === undefined || b64 === '') return undefined;
  if (Buffer.byteLength(b64) > MAX_CLIENT_CONTEXT_BYTES) {
    throw new Refusal('InvalidParameterValueException', `X-Amz-Client-Context takes up to ${MAX_CLIENT_CONTEXT_BYTES} bytes of base64, got ${Buffer.byteLength(b64)}`);
  }
  const text = /^[A-Za-z0-9+/]*={0,2}$/.test(b64) && b64.length % 4 === 0 ? Buffer.from(b64, 'base64').toString('utf8') : undefined;
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Refusal('InvalidRequestContentException', 'X-Amz-Client-Context is not a base64-encoded JSON object');
  return text;
}

/**
 * The event: the body, which must be JSON. An empty body is `{}`: the pages quoted in aws.ts do
 * not say what Lambda hands the function then; this is the service's choice (the SDK sends no body
 * when Payload is not given).
 */
function eventOf(body: Buffer, limit: number): unknown {
  if (body.length > limit) throw new Refusal('RequestTooLargeException', REQUEST_TOO_LARGE.message(limit));
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Refusal('InvalidRequestContentException', `The request body could not be parsed as JSON: ${(e as Error).message}`);
  }
}

/** Where the function URL is served: `<base>/url/...` is the URL's `/...`. */
export const FUNCTION_URL_PREFIX = '/url';
/** The account the service's ARNs name (lambda/environment.ts), and the URL's id. */
const ACCOUNT_ID = '123456789012';
const URL_ID = 'local';

/**
 * Whether a request body is text, given as it is, or binary, given base64 (FUNCTION_URL in aws.ts:
 * "If the content type of the request is binary, the body is base64-encoded"). Which types count as
 * binary the page does not list: here text/*, JSON, XML, JavaScript and form data are text, and so
 * is a body without a content type that is valid UTF-8; anything else is binary.
 */
function isTextBody(contentType: string | undefined, body: Buffer): boolean {
  if (contentType === undefined) return Buffer.from(body.toString('utf8'), 'utf8').equals(body);
  return /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)\b)|\+(json|xml)\b/i.test(contentType.trim());
}

/** A function URL request as the event Lambda hands the function (aws.ts FUNCTION_URL: payload format 2.0). */
export function functionUrlEvent(req: IncomingMessage, url: URL, rawPath: string, body: Buffer, requestId: string, now = new Date()): Record<string, unknown> {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    const value = req.rawHeaders[i + 1]!;
    if (name === 'cookie') cookies.push(...value.split(';').map((c) => c.trim()).filter(Boolean));
    else headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const text = isTextBody(headers['content-type'], body);
  return {
    version: FUNCTION_URL_PAYLOAD_VERSION,
    routeKey: FUNCTION_URL_PLACEHOLDER,
    rawPath,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: URL_ID,
      authentication: null,
      authorizer: null, // the URL's auth type is NONE: nobody signs requests to a local service
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: URL_ID,
      http: { method: req.method ?? 'GET', path: rawPath, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '', userAgent: headers['user-agent'] ?? '' },
      requestId,
      routeKey: FUNCTION_URL_PLACEHOLDER,
      stage: FUNCTION_URL_PLACEHOLDER,
      time: functionUrlTime(now),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !text,
  };
}

/** The HTTP response of a function URL for the function's answer (aws.ts FUNCTION_URL). */
export function functionUrlResponse(answer: unknown): { status: number; headers: Record<string, string | string[]>; body: Buffer } {
  const a = answer as Record<string, unknown> | null;
  if (a && typeof a === 'object' && !Array.isArray(a) && a.statusCode !== undefined) {
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries((a.headers ?? {}) as Record<string, unknown>)) headers[k.toLowerCase()] = String(v);
    if (Array.isArray(a.cookies) && a.cookies.length) headers['set-cookie'] = a.cookies.map(String);
    const text = a.body === undefined || a.body === null ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
    return { status: Number(a.statusCode), headers, body: a.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8') };
  }
  return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(answer ?? null), 'utf8') };
}

class Front {
  private closed = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly delays: readonly number[];

  constructor(readonly fn: LambdaFunction, private readonly opts: ServeOptions) {
    this.delays = opts.asyncRetryDelaysMs ?? ASYNC_RETRY_DELAYS_MS;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.route(req, res);
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof Refusal) return apiError(res, e.type, e.message, e.extra);
      apiError(res, 'ServiceException', String((e as Error)?.message ?? e));
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const streaming = INVOKE_STREAM_PATH.exec(url.pathname);
    const m = INVOKE_PATH.exec(url.pathname) ?? streaming;
    const body = await buffer(req);
    if (url.pathname === FUNCTION_URL_PREFIX || url.pathname.startsWith(FUNCTION_URL_PREFIX + '/')) return this.functionUrl(req, res, url, body);
    if (!m || req.method !== 'POST') {
      throw new Refusal('ResourceNotFoundException', `Nothing here: ${req.method} ${url.pathname} (this service serves POST /2015-03-31/functions/<name>/invocations and /2021-11-15/functions/<name>/response-streaming-invocations)`);
    }
    const qualifier = url.searchParams.get('Qualifier');
    if (qualifier !== null && qualifier !== LATEST) {
      throw new Refusal('ResourceNotFoundException', `Function not found: ${decodeURIComponent(m[1]!)}:${qualifier} (this service runs ${LATEST} only)`);
    }
    const type = oneOf('X-Amz-Invocation-Type', header(req, 'x-amz-invocation-type'), streaming ? STREAM_INVOCATION_TYPES : INVOCATION_TYPES, 'RequestResponse');
    const logType = oneOf('X-Amz-Log-Type', header(req, 'x-amz-log-type'), LOG_TYPES, 'None');
    const clientContext = clientContextOf(req);
    if (streaming && type === 'RequestResponse') return this.invokeStreaming(res, eventOf(body, MAX_REQUEST_BYTES), clientContext, logType);
    const event = eventOf(body, type === 'Event' ? MAX_ASYNC_REQUEST_BYTES : MAX_REQUEST_BYTES);

    if (type === 'DryRun') {
      res.writeHead(INVOKE_STATUS.DryRun, { 'X-Amzn-RequestId': randomUUID() });
      res.end();
      return;
    }
    if (type === 'Event') {
      const id = randomUUID();
      res.writeHead(INVOKE_STATUS.Event, { 'X-Amzn-RequestId': id, 'Content-Length': '0' });
      res.end();
      void this.runAsync(event, id);
      return;
    }

    const inv = await this.fn.send(event, { clientContext, responseMode: 'buffered' });
    this.opts.onInvocation?.(inv, { type: 'RequestResponse', attempt: 0 });
    if (inv.refused === 'throttled') throw new Refusal('TooManyRequestsException', THROTTLED.message, { Reason: THROTTLED.reason });
    if (inv.refused === 'request-too-large') throw new Refusal('RequestTooLargeException', REQUEST_TOO_LARGE.message());
    const payload = inv.error
      ? Buffer.from(JSON.stringify({ errorType: inv.error.errorType, errorMessage: inv.error.errorMessage, ...(inv.error.trace ? { trace: inv.error.trace } : {}) }))
      : inv.streamed && inv.stream ? inv.stream.raw : Buffer.from(JSON.stringify(inv.response ?? null));
    const headers: Record<string, string> = {
      'Content-Type': !inv.error && inv.streamed && inv.stream ? inv.stream.contentType : 'application/json',
      'Content-Length': String(payload.length),
      'X-Amzn-RequestId': inv.requestId,
      'X-Amz-Executed-Version': LATEST,
    };
    if (inv.error) headers['X-Amz-Function-Error'] = FUNCTION_ERROR_HEADER_VALUE;
    if (logType === 'Tail') headers['X-Amz-Log-Result'] = logTail(inv.rawLogs);
    res.writeHead(INVOKE_STATUS.RequestResponse, headers);
    res.end(payload);
  }

  /**
   * A function URL request: one synchronous invocation with the request as its event, and its
   * answer as the response. What Lambda answers when the function fails or is throttled the page
   * quoted does not say: here a function error is 502 and a throttle 429, each with a JSON
   * `{"Message": ...}`.
   */
  private async functionUrl(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
    const id = randomUUID();
    const event = functionUrlEvent(req, url, url.pathname.slice(FUNCTION_URL_PREFIX.length) || '/', body, id);
    // A streamed answer goes out as it arrives: the head with its first byte (or at its end), each
    // chunk as it comes. An error after the head is out can only cut the response short (the
    // connection is closed before the chunked body's end, so the client sees it incomplete): what
    // Lambda's function URLs do then the pages quoted do not say.
    let head: { contentType: string; http?: HttpPrelude } | undefined;
    let sent = false;
    const writeHead = () => {
      sent = true;
      const h = head!.http;
      const headers: Record<string, string | string[]> = h ? { ...h.headers } : { 'content-type': head!.contentType };
      if (h?.cookies.length) headers['set-cookie'] = h.cookies;
      res.writeHead(h?.statusCode ?? 200, { ...headers, 'x-amzn-requestid': id });
      res.flushHeaders();
    };
    const onStream: StreamListener = {
      head: (h) => (head = h),
      data: (chunk) => {
        if (!sent) writeHead();
        res.write(chunk);
      },
      end: (failed) => {
        if (!sent) return;
        if (failed) res.destroy();
        else res.end();
      },
    };
    const inv = await this.fn.send(event, { requestId: id, onStream });
    this.opts.onInvocation?.(inv, { type: 'FunctionUrl', attempt: 0 });
    if (sent) return;
    if (head && !inv.error) {
      writeHead();
      res.end();
      return;
    }
    const plain = (status: number, message: string) => {
      const text = JSON.stringify({ Message: message });
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), 'X-Amzn-RequestId': id });
      res.end(text);
    };
    if (inv.refused === 'throttled') return plain(429, THROTTLED.message);
    if (inv.refused === 'request-too-large') return plain(413, REQUEST_TOO_LARGE.message());
    if (inv.error) return plain(502, `The function failed: ${inv.error.errorType}: ${inv.error.errorMessage}`);
    const r = functionUrlResponse(inv.response);
    res.writeHead(r.status, { ...r.headers, 'content-length': String(r.body.length), 'x-amzn-requestid': id });
    res.end(r.body);
  }

  /**
   * InvokeWithResponseStream (aws.ts INVOKE_STREAM_PATH): 200 and an event stream (lambda/event-stream.ts),
   * each chunk of a streamed answer a PayloadChunk as it arrives, then InvokeComplete with the
   * error, if any, and the log tail if asked. An answer that was not streamed is one PayloadChunk
   * of its JSON (the service's choice: the page does not say). The head goes out with the first
   * chunk or at the end, so that a throttled invocation still gets its 429.
   */
  private async invokeStreaming(res: ServerResponse, event: unknown, clientContext: string | undefined, logType: (typeof LOG_TYPES)[number]): Promise<void> {
    const id = randomUUID();
    const open = () => {
      if (res.headersSent) return;
      res.writeHead(INVOKE_STATUS.RequestResponse, { 'Content-Type': EVENT_STREAM_CONTENT_TYPE, 'X-Amzn-RequestId': id, 'X-Amz-Executed-Version': LATEST });
      res.flushHeaders();
    };
    const chunk = (data: Buffer) => {
      open();
      // Messages of at most 1 MiB (an event stream message holds at most 16 MB).
      for (let at = 0; at < data.length; at += 1024 * 1024) res.write(eventMessage('PayloadChunk', 'application/octet-stream', data.subarray(at, at + 1024 * 1024)));
    };
    const inv = await this.fn.send(event, { clientContext, requestId: id, onStream: { data: chunk } });
    this.opts.onInvocation?.(inv, { type: 'RequestResponse', attempt: 0 });
    if (inv.refused === 'throttled') throw new Refusal('TooManyRequestsException', THROTTLED.message, { Reason: THROTTLED.reason });
    if (inv.refused === 'request-too-large') throw new Refusal('RequestTooLargeException', REQUEST_TOO_LARGE.message());
    if (!inv.stream && !inv.error) chunk(Buffer.from(JSON.stringify(inv.response ?? null)));
    open();
    const complete: Record<string, string> = {};
    if (inv.error) {
      complete.ErrorCode = inv.error.errorType;
      complete.ErrorDetails = JSON.stringify({ errorType: inv.error.errorType, errorMessage: inv.error.errorMessage, ...(inv.error.trace ? { trace: inv.error.trace } : {}) });
    }
    if (logType === 'Tail') complete.LogResult = logTail(inv.rawLogs);
    res.end(eventMessage('InvokeComplete', 'application/json', Buffer.from(JSON.stringify(complete))));
  }

  /** Resolves after `ms`, unless the front door closes first (then never: the work is dropped). */
  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  /**
   * An asynchronous invocation: tried now; after a function error tried again after each of the
   * retry delays; while throttled, tried again with Lambda's growing interval for up to its
   * period. The first attempt has the request id the caller was answered with; each retry is an
   * invocation of its own, with a new request id (the pages quoted in aws.ts do not say which
   * request id Lambda gives a retry).
   */
  private async runAsync(event: unknown, id: string): Promise<void> {
    const start = Date.now();
    let throttleWait: number = ASYNC_THROTTLE_RETRY.firstMs;
    let attempt = 0;
    let first = true;
    for (;;) {
      if (this.closed) return;
      let inv: Invocation;
      try {
        inv = await this.fn.send(event, first ? { requestId: id } : {});
      } catch {
        return; // the function was closed meanwhile
      }
      first = false;
      if (this.closed) return;
      if (inv.refused === 'throttled') {
        const retry = Date.now() - start + throttleWait <= ASYNC_THROTTLE_RETRY.forMs ? throttleWait : undefined;
        this.opts.onInvocation?.(inv, { type: 'Event', attempt, retryInMs: retry });
        if (retry === undefined) return;
        await this.wait(retry);
        throttleWait = Math.min(throttleWait * 2, ASYNC_THROTTLE_RETRY.maxMs);
        continue;
      }
      const retry = inv.error ? this.delays[attempt] : undefined;
      this.opts.onInvocation?.(inv, { type: 'Event', attempt, retryInMs: retry });
      if (retry === undefined) return;
      await this.wait(retry);
      attempt++;
    }
  }

  stop() {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/**
 * Starts the function (nothing runs until the first invocation) and its Invoke API on
 * 127.0.0.1:<port>. Throws a SpecError (one line) for a port in use or any option startFunction
 * refuses; then nothing is left running.
 */
export async function startServer(fnOpts: FunctionOptions, opts: ServeOptions): Promise<InvokeServer> {
  const delays = opts.asyncRetryDelaysMs;
  if (delays && (delays.length !== ASYNC_RETRY_DELAYS_MS.length || delays.some((d) => !Number.isInteger(d) || d < 0 || d > MAX_TIMER_MS))) {
    throw new SpecError(`asyncRetryDelaysMs needs ${ASYNC_RETRY_DELAYS_MS.length} whole numbers of ms, got ${JSON.stringify(delays)}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new SpecError(`port needs a whole number from 0 to 65535, got ${JSON.stringify(opts.port)}`);
  const fn = await startFunction(fnOpts);
  const front = new Front(fn, opts);
  const server: Server = createServer((req, res) => void front.handle(req, res));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await fn.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new SpecError(`port ${opts.port} on 127.0.0.1 is in use`);
    throw new SpecError(`cannot listen on 127.0.0.1:${opts.port} (${code ?? (e as Error).message})`);
  }
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    fn,
    close() {
      closing ??= (async () => {
        front.stop();
        const stopped = new Promise<void>((r) => server.close(() => r()));
        server.closeAllConnections();
        await Promise.all([stopped, fn.close()]);
      })();
      return closing;
    },
  };
}
