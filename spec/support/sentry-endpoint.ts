// A local stand-in for Sentry's ingestion endpoint: an HTTP server on 127.0.0.1 that accepts the
// envelopes the real SDK POSTs to /api/<project>/envelope/ (gzip or plain), answers 200 as Sentry
// does, and records each envelope with the moment its body had fully arrived
// (performance.now(), the same clock as spec/support/timeline.ts), so a spec can say during
// which invocation an event arrived, or that it never did.
//
// Envelope format (https://develop.sentry.dev/sdk/data-model/envelopes/): a JSON header line,
// then for each item a JSON item header line and a payload (of `length` bytes when the header
// says so, otherwise up to the next newline).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buffer } from 'node:stream/consumers';
import { gunzipSync } from 'node:zlib';

export interface EnvelopeItem {
  type: string;
  header: Record<string, unknown>;
  /** The payload parsed as JSON where it is JSON, else the text. */
  payload: unknown;
}

export interface Envelope {
  /** Arrival order, from 1. */
  seq: number;
  /** performance.now() when the whole body had arrived. */
  at: number;
  project: string;
  header: Record<string, unknown>;
  items: EnvelopeItem[];
}

/** An error or message event as it arrived, with the text a spec can look for. */
export interface ArrivedEvent {
  envelope: Envelope;
  at: number;
  /** The event's message, or "<type>: <value>" of its first exception. */
  text: string;
  event: Record<string, unknown>;
}

export interface SentryEndpoint {
  port: number;
  /** DSN for the SDK: http://public@127.0.0.1:<port>/<project>. */
  dsn: string;
  envelopes: Envelope[];
  /** Requests that were not envelopes, or could not be parsed: each is a bug to look at. */
  rejected: string[];
  /** The `event` items received so far. */
  events(): ArrivedEvent[];
  /**
   * Resolves with the first event whose text is `text` once it has arrived, or with undefined
   * after `timeoutMs` (a bounded wait, for something that must already be on its way).
   */
  waitForEvent(text: string, timeoutMs?: number): Promise<ArrivedEvent | undefined>;
  close(): Promise<void>;
}

export function parseEnvelope(body: Buffer): { header: Record<string, unknown>; items: EnvelopeItem[] } {
  let pos = 0;
  const line = (): string | undefined => {
    if (pos >= body.length) return undefined;
    let end = body.indexOf(0x0a, pos);
    if (end < 0) end = body.length;
    const s = body.subarray(pos, end).toString('utf8');
    pos = end + 1;
    return s;
  };
  const header = JSON.parse(line() ?? '{}') as Record<string, unknown>;
  const items: EnvelopeItem[] = [];
  for (;;) {
    const h = line();
    if (h === undefined) break;
    if (!h.trim()) continue;
    const ih = JSON.parse(h) as Record<string, unknown>;
    let raw: string;
    if (typeof ih.length === 'number') {
      raw = body.subarray(pos, pos + ih.length).toString('utf8');
      pos += ih.length;
      if (body[pos] === 0x0a) pos++;
    } else {
      raw = line() ?? '';
    }
    let payload: unknown = raw;
    try {
      payload = JSON.parse(raw);
    } catch {
      // not JSON (attachments): keep the text
    }
    items.push({ type: String(ih.type), header: ih, payload });
  }
  return { header, items };
}

function eventText(ev: Record<string, unknown>): string {
  const msg = ev.message;
  if (typeof msg === 'string') return msg;
  if (msg && typeof msg === 'object' && typeof (msg as { formatted?: unknown }).formatted === 'string') return (msg as { formatted: string }).formatted;
  const ex = (ev.exception as { values?: { type?: string; value?: string }[] } | undefined)?.values?.[0];
  if (ex) return `${ex.type}: ${ex.value}`;
  return '';
}

export async function startSentryEndpoint(project = '1'): Promise<SentryEndpoint> {
  const envelopes: Envelope[] = [];
  const rejected: string[] = [];
  const arrivalListeners = new Set<() => void>();
  // Waits still open: close() settles them (with nothing), so no timer outlives the endpoint.
  const waiting = new Set<() => void>();
  let seq = 0;
  const server = createServer(async (req, res) => {
    try {
      const m = /^\/api\/([^/]+)\/envelope\/?(\?.*)?$/.exec(req.url ?? '');
      let body = await buffer(req);
      const at = performance.now();
      if (req.method !== 'POST' || !m) {
        rejected.push(`${req.method} ${req.url}`);
        res.writeHead(404).end();
        return;
      }
      if (/gzip/i.test(String(req.headers['content-encoding'] ?? ''))) body = gunzipSync(body);
      const { header, items } = parseEnvelope(body);
      envelopes.push({ seq: ++seq, at, project: m[1]!, header, items });
      for (const f of [...arrivalListeners]) f();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    } catch (e) {
      rejected.push(`${req.method} ${req.url}: ${(e as Error).message}`);
      if (!res.headersSent) res.writeHead(400).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closed = false;
  const events = (): ArrivedEvent[] => {
    const out: ArrivedEvent[] = [];
    for (const env of envelopes) {
      for (const it of env.items) {
        if (it.type === 'event' && it.payload && typeof it.payload === 'object') {
          const ev = it.payload as Record<string, unknown>;
          out.push({ envelope: env, at: env.at, text: eventText(ev), event: ev });
        }
      }
    }
    return out;
  };
  return {
    port,
    dsn: `http://public@127.0.0.1:${port}/${project}`,
    envelopes,
    rejected,
    events,
    waitForEvent(text: string, timeoutMs = 10_000) {
      const find = () => events().find((e) => e.text === text);
      const now = find();
      if (now) return Promise.resolve(now);
      return new Promise((resolve) => {
        const done = (v: ArrivedEvent | undefined) => {
          clearTimeout(timer);
          arrivalListeners.delete(check);
          waiting.delete(giveUp);
          resolve(v);
        };
        const check = () => {
          const e = find();
          if (e) done(e);
        };
        const giveUp = () => done(undefined);
        const timer = setTimeout(giveUp, timeoutMs);
        arrivalListeners.add(check);
        waiting.add(giveUp);
      });
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      for (const giveUp of [...waiting]) giveUp();
      // Keep-alive sockets of SDKs in frozen runtimes would otherwise hold close() open.
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
