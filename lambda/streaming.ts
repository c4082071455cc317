// A streamed response (awslambda.streamifyResponse) as Lambda receives it: the chunks the runtime
// client writes, each when it arrived; the HTTP prelude of awslambda.HttpResponseStream, parsed
// into status, headers and cookies; and how the stream ended (complete, with the error the
// trailers carry, cut at the size cap, or cut off). The facts, with their sources, are in aws.ts
// ("response streaming"); lambda/runtime-api.ts reads the POST, lambda/environment.ts makes the
// invocation's result, lambda/invoke-api.ts serves it.
import { HTTP_INTEGRATION_CONTENT_TYPE, PRELUDE_DELIMITER_BYTES } from './aws.ts';

/** One chunk as it reached the Runtime API. */
export interface StreamChunk {
  /** When it arrived, in ms from the start of the invoke phase. */
  atMs: number;
  bytes: number;
}

/** The HTTP prelude of awslambda.HttpResponseStream.from(stream, prelude). */
export interface HttpPrelude {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
}

export interface StreamedResponse {
  /** The Content-Type the runtime client sent (aws.ts DEFAULT_STREAM_CONTENT_TYPE when none). */
  contentType: string;
  /** The prelude, when the content type says there is one (aws.ts HTTP_INTEGRATION_CONTENT_TYPE) and it arrived whole. */
  http?: HttpPrelude;
  /** The body: what came after the prelude (all of it when there is none). */
  body: Buffer;
  /** Every byte received, prelude included. */
  raw: Buffer;
  /** Every chunk as it arrived, prelude included. */
  chunks: StreamChunk[];
  /** Bytes received, prelude included (at most the cap). */
  bytes: number;
}

/** How the caller hears of a stream while it runs. */
export interface StreamListener {
  /** The response's head: once the prelude is whole (at once when there is none; at the end if it never came whole). */
  head?(h: { contentType: string; http?: HttpPrelude }): void;
  /** Body bytes, as they arrive. */
  data?(chunk: Buffer): void;
  /** The stream is over: `failed` when it did not end as a complete success (the error is the invocation's). */
  end?(failed: boolean): void;
}

/** The prelude's JSON as Lambda reads it: a status (200 if none), headers as text, cookies as a list. */
export function parsePrelude(json: string): HttpPrelude | undefined {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const headers: Record<string, string> = {};
  if (o.headers && typeof o.headers === 'object') for (const [k, h] of Object.entries(o.headers as Record<string, unknown>)) headers[k.toLowerCase()] = String(h);
  const statusCode = o.statusCode === undefined ? 200 : Number(o.statusCode);
  return { statusCode: Number.isInteger(statusCode) ? statusCode : 200, headers, cookies: Array.isArray(o.cookies) ? o.cookies.map(String) : [] };
}

const DELIMITER = Buffer.alloc(PRELUDE_DELIMITER_BYTES);

/**
 * The bytes of a stream, copied as they arrive into blocks that double in size up to 64 MiB. The
 * chunks a socket delivers (64 KiB each) come from the C heap, which keeps the memory once they
 * are freed: holding a 200 MiB stream in them left this process 180 MB larger for good (266 MB
 * resident against 87 MB), and every process it started after that took four times as long to
 * start (41 ms against 10 ms: a fork copies the page tables of all of it). Blocks that large
 * are mapped on their own and given back whole.
 */
class Blocks {
  private readonly full: Buffer[] = [];
  private block: Buffer = Buffer.alloc(0);
  private used = 0;
  length = 0;

  push(data: Buffer) {
    let from = 0;
    while (from < data.length) {
      if (this.used === this.block.length) {
        if (this.used) this.full.push(this.block);
        this.block = Buffer.allocUnsafeSlow(Math.min(64 * 1024 * 1024, Math.max(64 * 1024, this.length)));
        this.used = 0;
      }
      const n = data.copy(this.block, this.used, from);
      this.used += n;
      from += n;
    }
    this.length += data.length;
  }

  /** All of it as one buffer, which the blocks become. */
  all(): Buffer {
    const parts = [...this.full, this.block.subarray(0, this.used)];
    const one = parts.length === 1 ? parts[0]! : Buffer.concat(parts, this.length);
    this.full.length = 0;
    this.block = one;
    this.used = one.length;
    return one;
  }
}

/** Collects one streamed response as it arrives, and tells a listener. */
export class StreamCollector {
  private readonly chunks: StreamChunk[] = [];
  private readonly parts = new Blocks();
  private bytes = 0;
  /** The prelude's bytes so far, while it is not whole (undefined: no prelude expected, or it is done). */
  private pending?: Buffer;
  private http?: HttpPrelude;
  private headSent = false;
  private bodyStart = 0;
  ended = false;
  readonly done: Promise<void>;
  private resolveDone!: () => void;

  constructor(readonly contentType: string, private readonly startNs: bigint, private readonly listener: StreamListener = {}) {
    if (contentType.split(';')[0]!.trim().toLowerCase() === HTTP_INTEGRATION_CONTENT_TYPE) this.pending = Buffer.alloc(0);
    else this.sendHead();
    this.done = new Promise((r) => (this.resolveDone = r));
  }

  private sendHead() {
    if (this.headSent) return;
    this.headSent = true;
    this.listener.head?.({ contentType: this.contentType, http: this.http });
  }

  /** A chunk that arrived at `atNs` (monotonic). */
  push(data: Buffer, atNs: bigint) {
    if (this.ended || data.length === 0) return;
    this.chunks.push({ atMs: Number(atNs - this.startNs) / 1e6, bytes: data.length });
    this.bytes += data.length;
    this.parts.push(data);
    if (this.pending === undefined) return this.listener.data?.(data);
    this.pending = Buffer.concat([this.pending, data]);
    const at = this.pending.indexOf(DELIMITER);
    if (at < 0) return;
    // JSON never holds a raw NUL byte, so the first run of 8 ends the prelude.
    this.http = parsePrelude(this.pending.subarray(0, at).toString('utf8'));
    this.bodyStart = this.bytes - this.pending.length + at + PRELUDE_DELIMITER_BYTES;
    const rest = this.pending.subarray(at + PRELUDE_DELIMITER_BYTES);
    this.pending = undefined;
    this.sendHead();
    if (rest.length) this.listener.data?.(rest);
  }

  /** The stream is over; `failed`: not a complete success. */
  finish(failed: boolean) {
    if (this.ended) return;
    this.ended = true;
    // A prelude that never came whole: no prelude; everything received is the body.
    if (this.pending !== undefined) {
      this.pending = undefined;
      this.sendHead();
      if (this.bytes) this.listener.data?.(this.parts.all());
    }
    this.listener.end?.(failed);
    this.resolveDone();
  }

  result(): StreamedResponse {
    // One buffer from here on (the parts of a 200 MiB stream are not kept twice).
    const all = this.parts.all();
    const r: StreamedResponse = { contentType: this.contentType, body: all.subarray(this.http ? this.bodyStart : 0), raw: all, chunks: [...this.chunks], bytes: this.bytes };
    if (this.http) r.http = this.http;
    return r;
  }
}
