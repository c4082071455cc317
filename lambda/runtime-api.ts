// The Runtime API of one execution environment: the HTTP interface its runtime client talks to
// (aws.ts DOCS.RUNTIME_API), served on 127.0.0.1 only, on a port the OS picks. It routes; what an
// event is, and what an answer means for the invocation, is the environment's business
// (lambda/environment.ts), through the RuntimeApiHandler it is given.
//
//   GET  /2018-06-01/runtime/invocation/next            the next event (held until there is one)
//   POST /2018-06-01/runtime/invocation/<id>/response   the answer: 202; over the payload limit, 413
//        (Lambda-Runtime-Function-Response-Mode: streaming: read chunk by chunk as it arrives, with
//        its trailers, and cut at the invocation's limit: aws.ts "response streaming")
//   POST /2018-06-01/runtime/invocation/<id>/error      the invocation's error: 202
//   POST /2018-06-01/runtime/init/error                 an init error: 202
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import {
  DEFAULT_STREAM_CONTENT_TYPE, FUNCTION_ERROR_BODY_TRAILER, FUNCTION_ERROR_TYPE_TRAILER, MAX_RESPONSE_BYTES, RUNTIME_RESPONSE_TOO_LARGE, STREAMING_RESPONSE_MODE,
} from './aws.ts';

const BASE = '/2018-06-01/runtime';
const POST_PATH = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/;

/** What the runtime is handed for one invocation. */
export interface EventDelivery {
  id: string;
  /** The event as JSON text. */
  body: string;
  /** Wall-clock ms (Lambda-Runtime-Deadline-Ms). */
  deadlineMs: number;
  functionArn: string;
  traceId: string;
  /** Lambda-Runtime-Client-Context: set only when the invocation carries one (JSON text). */
  clientContext?: string;
  /** Lambda-Runtime-Cognito-Identity: set only when the invocation carries one (JSON text). */
  cognitoIdentity?: string;
}

export interface Posted {
  body: Buffer;
  /** Lambda-Runtime-Function-Error-Type. */
  errorType?: string;
}

/** How a streamed response ended. */
export interface StreamEnd {
  /** The error trailers (a handler that failed mid-stream): the type, and the body decoded from base64. */
  error?: Posted;
  /** Cut at the invocation's limit: the limit (bytes). */
  overLimit?: number;
  /** The connection closed before the end (the runtime died or was stopped). */
  aborted?: boolean;
}

/** Where the chunks of a streamed response go, as they arrive. */
export interface StreamReceiver {
  /** The most bytes the invocation may stream (past it the stream is cut). */
  limit: number;
  /** A chunk, and when it arrived (monotonic ns). */
  chunk(data: Buffer, atNs: bigint): void;
  /** The end; the reply is what the runtime gets (when the connection is still there). */
  end(e: StreamEnd): PostReply;
}

/** The HTTP reply the runtime gets to a POST of its answer or error. */
export type PostReply = { status: number; body: unknown };

export interface RuntimeApiHandler {
  /** The runtime asks for its next event: deliver one with `api.deliver(res, ...)` now or later. */
  next(res: ServerResponse): void;
  /**
   * The answer (or error) for invocation `id`; the reply is what the runtime gets back.
   * 'too-large': an answer over the response payload limit (the runtime then gets a 413 unless
   * the reply refuses the POST for another reason).
   */
  posted(id: string, kind: 'response' | 'error' | 'too-large', p: Posted): PostReply;
  initError(p: Posted): void;
  /** A streamed answer for invocation `id` begins: where its chunks go, or the reply that refuses it. */
  streamOpened(id: string, contentType: string): StreamReceiver | PostReply;
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

export class RuntimeApi {
  private readonly server: Server;
  /** host:port, what AWS_LAMBDA_RUNTIME_API holds. */
  address = '';

  constructor(private readonly handler: RuntimeApiHandler) {
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
      this.server.listen(0, '127.0.0.1', () => res());
    });
    this.address = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async route(req: IncomingMessage, res: ServerResponse) {
    const url = req.url ?? '';
    const method = req.method ?? 'GET';
    if (method === 'GET' && url === `${BASE}/invocation/next`) return this.handler.next(res);
    const sm = POST_PATH.exec(url);
    if (method === 'POST' && sm?.[2] === 'response' && req.headers['lambda-runtime-function-response-mode'] === STREAMING_RESPONSE_MODE) {
      return this.stream(req, res, decodeURIComponent(sm[1]!));
    }
    const body = await buffer(req);
    const errorType = req.headers['lambda-runtime-function-error-type'] as string | undefined;
    if (method === 'POST' && url === `${BASE}/init/error`) {
      this.handler.initError({ body, errorType });
      return send(res, 202, { status: 'OK' });
    }
    const m = POST_PATH.exec(url);
    if (method === 'POST' && m) {
      const id = decodeURIComponent(m[1]!);
      if (m[2] === 'response' && body.length > MAX_RESPONSE_BYTES) {
        // The invocation still ends, with the caller's error; the runtime is told its POST was
        // too large and goes on to ask for the next event.
        const v = this.handler.posted(id, 'too-large', { body });
        if (v.status !== 202) return send(res, v.status, v.body);
        return send(res, RUNTIME_RESPONSE_TOO_LARGE.status, RUNTIME_RESPONSE_TOO_LARGE.body());
      }
      const v = this.handler.posted(id, m[2] as 'response' | 'error', { body, errorType });
      return send(res, v.status, v.body);
    }
    send(res, 404, { errorMessage: `Unknown Runtime API path ${method} ${url}`, errorType: 'NotFound' });
  }

  /**
   * A streamed answer: each chunk goes on as it arrives, with its time; at the end the trailers say
   * whether the handler failed mid-stream. Past the receiver's limit the rest is not read: the
   * runtime gets the 413 at once (aws.ts MAX_STREAMED_RESPONSE_BYTES).
   */
  private stream(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const contentType = (req.headers['content-type'] as string | undefined) || DEFAULT_STREAM_CONTENT_TYPE;
    const r = this.handler.streamOpened(id, contentType);
    if (!('chunk' in r)) {
      req.resume();
      send(res, r.status, r.body);
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      let bytes = 0;
      let over = false;
      let ended = false;
      req.on('data', (c: Buffer) => {
        if (over) return;
        const at = process.hrtime.bigint();
        const room = r.limit - bytes;
        bytes += c.length;
        if (c.length <= room) return r.chunk(c, at);
        if (room > 0) r.chunk(c.subarray(0, room), at);
        over = true;
        const v = r.end({ overLimit: r.limit });
        if (v.status === 202) send(res, RUNTIME_RESPONSE_TOO_LARGE.status, RUNTIME_RESPONSE_TOO_LARGE.body());
        else send(res, v.status, v.body);
        resolve();
      });
      req.on('end', () => {
        ended = true;
        if (over) return;
        const type = req.trailers[FUNCTION_ERROR_TYPE_TRAILER];
        const b64 = req.trailers[FUNCTION_ERROR_BODY_TRAILER];
        const error = type ? { errorType: type, body: Buffer.from(b64 ?? '', 'base64') } : undefined;
        const v = r.end({ error });
        send(res, v.status, v.body);
        resolve();
      });
      req.on('close', () => {
        if (!ended && !over) r.end({ aborted: true });
        resolve();
      });
    });
  }

  /** Hands the runtime its event (the answer to its GET .../next). */
  deliver(res: ServerResponse, ev: EventDelivery) {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Lambda-Runtime-Aws-Request-Id': ev.id,
      'Lambda-Runtime-Deadline-Ms': String(ev.deadlineMs),
      'Lambda-Runtime-Invoked-Function-Arn': ev.functionArn,
      'Lambda-Runtime-Trace-Id': ev.traceId,
      'Content-Length': String(Buffer.byteLength(ev.body)),
    };
    // RUNTIME_API: "Lambda-Runtime-Client-Context – For invocations from the AWS Mobile SDK, data
    // about the client application and device." / "Lambda-Runtime-Cognito-Identity – For
    // invocations from the AWS Mobile SDK, data about the Amazon Cognito identity provider."
    // Only set when the invocation has them (as Lambda's own implementation does, RIE
    // rapi/rendering/rendering.go, setHeaderIfNotEmpty).
    if (ev.clientContext) headers['Lambda-Runtime-Client-Context'] = ev.clientContext;
    if (ev.cognitoIdentity) headers['Lambda-Runtime-Cognito-Identity'] = ev.cognitoIdentity;
    res.writeHead(200, headers);
    res.end(ev.body);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
