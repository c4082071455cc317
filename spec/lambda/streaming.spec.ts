// Response streaming (awslambda.streamifyResponse) as Lambda does it (lambda/streaming.ts; the
// sources in lambda/aws.ts, "response streaming"): chunks as they arrive, the HTTP prelude, a
// mid-stream error as an error, the 200 MB cap and the Invoke API's 6 MB; then the same through
// `serve`: the function URL sends a stream on as it arrives, the Invoke API buffers it. The
// handler is lambda/handlers/stream-response.js; every claim runs on each runtime this machine can
// run (the others are skipped with the reason).
import { request } from 'node:http';
import { join } from 'node:path';
import { execa } from 'execa';
import { ROOT } from '../../harness/harness.ts';
import { InvokeWithResponseStreamCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect } from 'vitest';
import { startServer } from '../../lambda/invoke-api.ts';
import type { Invocation } from '../../lambda/service.ts';
import { functions, handlerFile, lambdaClaim, SPEC_RUNTIMES } from '../support/lambda-claims.ts';
import { etc, like } from '../support/lambda-matchers.ts';
import { expectInvocation, expectInvocations } from '../support/lambda-outcome.ts';

const fns = functions();
afterAll(() => fns.closeAll());

const MiB = 1024 * 1024;
/** What `plain` writes: `mb` pieces of 1 MiB, piece i all the digit i % 10. */
const pieces = (mb: number) => Array.from({ length: mb }, (_, i) => String(i % 10).repeat(MiB)).join('');
/** Each piece's bytes, for the digits 0-9. */
const PIECE = Array.from({ length: 10 }, (_, d) => Buffer.alloc(MiB, String(d)));
/**
 * Whether `body` is what the handler wrote, up to its length: piece by piece, without building the
 * string of 200 MiB that comparing with pieces(200) would take (and leave this worker that much larger).
 */
function asWritten(body: Buffer): boolean {
  for (let off = 0; off < body.length; off += MiB) {
    const part = body.subarray(off, Math.min(off + MiB, body.length));
    if (!part.equals(PIECE[(off / MiB) % 10]!.subarray(0, part.length))) return false;
  }
  return true;
}

/**
 * The chunks of a stream arrived over time, not at once: more than one, and the last at least
 * `spreadMs` after the first. The handler waits 300 ms between pieces, so six waits put at least
 * 1800 ms between its first write and its last; `spreadMs` is kept far below that (a loaded machine
 * can only read late, which bunches chunks together, not spread them further apart than written).
 */
function arrivedOverTime(times: number[], spreadMs: number) {
  expect(times.length, 'chunks').toBeGreaterThan(1);
  expect(times.at(-1)! - times[0]!, 'ms from the first chunk to the last').toBeGreaterThanOrEqual(spreadMs);
}

/** An HTTP response read chunk by chunk, each with the time it arrived; `error` if it broke off before its end. */
function fetchChunks(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; chunks: { at: number; data: Buffer }[]; error?: string }>((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: { at: number; data: Buffer }[] = [];
      const done = (error?: string) => resolve({ status: res.statusCode!, headers: res.headers, chunks, ...(error ? { error } : {}) });
      res.on('data', (data: Buffer) => chunks.push({ at: performance.now(), data }));
      res.on('end', () => done());
      res.on('error', (e) => done(e.message));
      res.on('aborted', () => done('aborted'));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
const text = (chunks: { data: Buffer }[]) => Buffer.concat(chunks.map((c) => c.data)).toString('utf8');

/** InvokeWithResponseStream through the real SDK: the PayloadChunks (each with the time it arrived) and InvokeComplete. */
async function invokeStreaming(url: string, payload: unknown, logType?: 'Tail') {
  const client = new LambdaClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
  try {
    const out = await client.send(new InvokeWithResponseStreamCommand({ FunctionName: 'any-name', Payload: new TextEncoder().encode(JSON.stringify(payload)), LogType: logType }));
    const chunks: { at: number; data: Buffer }[] = [];
    let complete: Record<string, unknown> | undefined;
    for await (const ev of out.EventStream!) {
      if (ev.PayloadChunk?.Payload) chunks.push({ at: performance.now(), data: Buffer.from(ev.PayloadChunk.Payload) });
      if (ev.InvokeComplete) complete = { ...ev.InvokeComplete };
    }
    return { status: out.StatusCode, version: out.ExecutedVersion, chunks, complete };
  } finally {
    client.destroy();
  }
}

for (const runtime of SPEC_RUNTIMES) {
  describe(runtime, () => {
    lambdaClaim('stream-response', runtime, async () => {
      await fns.with('stream-response', { runtime, handler: 'plain' }, async (fn) => {
        const r = await fn.invoke({ mb: 7 });
        expectInvocation(r, { error: undefined, streamed: true, response: pieces(7), stream: { contentType: 'text/plain', http: undefined, body: pieces(7), bytes: 7 * MiB } });
        arrivedOverTime(r.stream!.chunks.map((c) => c.atMs), 1000);
        expect(r.stream!.chunks.reduce((n, c) => n + c.bytes, 0)).toBe(7 * MiB);
      });
    }, { note: '7 MiB in 1 MiB pieces 300 ms apart: over 6 MB, in chunks over time' });

    lambdaClaim('stream-response', runtime, async () => {
      await fns.with('stream-response', { runtime, handler: 'http' }, async (fn) => {
        const body = 'id,name\n1,one\n2,two\n';
        expectInvocation(await fn.invoke({}), {
          error: undefined,
          streamed: true,
          response: body,
          stream: {
            contentType: 'application/vnd.awslambda.http-integration-response',
            http: { statusCode: 201, headers: { 'content-type': 'text/csv', 'x-piece-count': '3' }, cookies: ['a=1; Path=/', 'b=2'] },
            body,
            bytes: expect.any(Number),
          },
        });
      });
    }, { note: 'HttpResponseStream.from: the prelude is the status, headers and cookies; the body follows it' });

    lambdaClaim('stream-response', runtime, async () => {
      await fns.with('stream-response', { runtime, handler: 'failing' }, async (fn) => {
        const a = await fn.invoke({});
        const b = await fn.invoke({});
        const failed = (n: number) => ({
          response: undefined,
          streamed: undefined,
          error: { errorType: 'TypeError', errorMessage: 'gave up mid-stream', trace: like(/^TypeError: gave up mid-stream$/, etc) },
          // What the caller had before the error.
          stream: { contentType: 'text/plain', http: undefined, body: 'partial answer\n', bytes: 15 },
          // The runtime client logs the error itself; Lambda's REPORT is that of a function error.
          body: [expect.stringMatching(new RegExp(`^<time>\\t<req:${n}>\\tERROR\\tInvoke Error \\t\\{"errorType":"TypeError","errorMessage":"gave up mid-stream"`))],
          report: { status: undefined, errorType: undefined },
        });
        // The environment is not reset by a function error: the second invocation is warm.
        expectInvocations([a, b], [failed(1), { ...failed(2), coldStart: false, process: 'same' }]);
      });
    }, { note: 'an error thrown mid-stream is the invocation\'s error, the environment stays warm' });

    lambdaClaim('stream-response', runtime, async () => {
      // 7 pieces 1 s apart need 6 s; the function has 4 s. The first piece goes out at once, so the
      // caller has part of the stream and never all 7 (wide margins either side: under `npm run
      // stress`, with a 2 s timeout, only 957070 bytes of the first 1 MiB piece had arrived).
      await fns.with('stream-response', { runtime, handler: 'plain', timeoutSec: 4 }, async (fn) => {
        const a = await fn.invoke({ mb: 7, gapMs: 1000 });
        expectInvocation(a, {
          timedOut: true, response: undefined, streamed: undefined,
          error: { errorType: 'Sandbox.Timedout', errorMessage: 'RequestId: <req:1> Error: Task timed out after 4.00 seconds' },
          stream: { contentType: 'text/plain', http: undefined, body: expect.any(String), bytes: expect.any(Number) },
        });
        expect(a.stream!.bytes).toBeGreaterThan(0);
        expect(a.stream!.bytes).toBeLessThan(7 * MiB);
      });
    }, { note: 'a stream cut by the function timeout: Sandbox.Timedout, the caller had the part written' });

    lambdaClaim('stream-response', runtime, async () => {
      await fns.with('stream-response', { runtime, handler: 'plain' }, async (fn) => {
        const a = await fn.invoke({ mb: 7, gapMs: 0 }, { responseMode: 'buffered' });
        const b = await fn.invoke({ mb: 7, gapMs: 0 });
        expectInvocations([a, b], [
          {
            // The runtime goes on: it is told its POST was too large and asks for its next event.
            exit: undefined,
            response: undefined,
            error: { errorType: 'Function.ResponseSizeTooLarge', errorMessage: 'Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).' },
            stream: { contentType: 'text/plain', http: undefined, body: pieces(7).slice(0, 6291556), bytes: 6291556 },
          },
          { exit: undefined, coldStart: false, process: 'same', error: undefined, streamed: true, stream: expect.objectContaining({ bytes: 7 * MiB }) },
        ]);
      });
    }, { note: 'through the buffered Invoke API the same stream is cut at 6 MiB + 100 bytes' });

    lambdaClaim('stream-response', runtime, async () => {
      // 201 MiB through the Runtime API: about 0.5-2 s alone and a few hundred MB in this process.
      // The cap is the claim, not the time: under `npm run stress` (two busy loops, the other
      // streaming claims at once, on both runtimes) it once ran past a 60 s function timeout, so
      // the function has 200 s.
      await fns.with('stream-response', { runtime, handler: 'plain', timeoutSec: 200 }, async (fn) => {
        const a = await fn.invoke({ mb: 201, gapMs: 0 });
        const b = await fn.invoke({ mb: 1, gapMs: 0 });
        const cap = 200 * MiB;
        const { stream, ...rest } = a;
        expectInvocations([{ ...rest } as Invocation, b], [
          { response: undefined, streamed: undefined, error: { errorType: 'Function.ResponseSizeTooLarge', errorMessage: `Response payload size (${cap + 1} bytes) exceeded maximum allowed payload size (${cap} bytes).` } },
          { coldStart: false, process: 'same', error: undefined, response: pieces(1) },
        ]);
        // The caller had the first 200 MiB, exactly, as written.
        expect({ bytes: stream?.bytes, length: stream?.body.length, asWritten: !!stream && asWritten(stream.body) }).toEqual({ bytes: cap, length: cap, asWritten: true });
      });
    }, { note: 'a stream past 200 MiB is cut there and fails', timeout: 450_000 });

    lambdaClaim('stream-response', runtime, async () => {
      const r = await execa(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'lambda', 'cli.ts'), '--', 'lambda/handlers/stream-response.js', '--handler', 'http', '--runtime', runtime, '--timeout', '60'], { cwd: ROOT, reject: false, timeout: 180_000 });
      expect({ exit: r.exitCode, stderr: r.stderr }).toEqual({ exit: 0, stderr: '' });
      const printed = r.stdout.split('\n');
      const at = printed.indexOf('Streamed:');
      expect(printed.slice(at + 1, at + 2)).toEqual([expect.stringMatching(/^136 bytes of application\/vnd\.awslambda\.http-integration-response in \d+ chunks over \d+ ms$/)]);
      expect(JSON.parse(printed.slice(at + 2, printed.indexOf('', at + 2)).join('\n'))).toEqual({ statusCode: 201, headers: { 'content-type': 'text/csv', 'x-piece-count': '3' }, cookies: ['a=1; Path=/', 'b=2'] });
    }, { note: 'npm run lambda prints a streamed answer\'s size, chunks and prelude' });

    // ---- through `serve` ------------------------------------------------------------------------
    lambdaClaim('stream-response', runtime, async () => {
      const server = await startServer({ runtime, handlerFile: handlerFile('stream-response'), handler: 'http', timeoutSec: 60 }, { port: 0 });
      try {
        const r = await fetchChunks(`${server.url}/url/report.csv`);
        expect({ status: r.status, type: r.headers['content-type'], count: r.headers['x-piece-count'], cookies: r.headers['set-cookie'], chunked: r.headers['transfer-encoding'], body: text(r.chunks), error: r.error }).toEqual({
          status: 201, type: 'text/csv', count: '3', cookies: ['a=1; Path=/', 'b=2'], chunked: 'chunked', body: 'id,name\n1,one\n2,two\n', error: undefined,
        });
      } finally {
        await server.close();
      }
    }, { note: 'serve, function URL: the prelude is the response\'s status, headers and cookies' });

    lambdaClaim('stream-response', runtime, async () => {
      const server = await startServer({ runtime, handlerFile: handlerFile('stream-response'), handler: 'plain', timeoutSec: 60 }, { port: 0 });
      try {
        const r = await fetchChunks(`${server.url}/url/`);
        expect({ status: r.status, type: r.headers['content-type'], length: text(r.chunks).length, error: r.error }).toEqual({ status: 200, type: 'text/plain', length: 7 * MiB, error: undefined });
        arrivedOverTime(r.chunks.map((c) => c.at), 1000);
      } finally {
        await server.close();
      }
    }, { note: 'serve, function URL: 7 MiB in pieces reach the HTTP client as they are written' });

    lambdaClaim('stream-response', runtime, async () => {
      const server = await startServer({ runtime, handlerFile: handlerFile('stream-response'), handler: 'failing', timeoutSec: 60 }, { port: 0 });
      try {
        const url = await fetchChunks(`${server.url}/url/`);
        // The head went out with the first bytes; the error can only cut the response short.
        expect({ status: url.status, body: text(url.chunks), broken: url.error !== undefined }).toEqual({ status: 200, body: 'partial answer\n', broken: true });
        const api = await fetchChunks(`${server.url}/2015-03-31/functions/any/invocations`, { method: 'POST', body: '{}' });
        expect({ status: api.status, functionError: api.headers['x-amz-function-error'], payload: JSON.parse(text(api.chunks)) }).toEqual({
          status: 200, functionError: 'Unhandled', payload: { errorType: 'TypeError', errorMessage: 'gave up mid-stream', trace: expect.any(Array) },
        });
      } finally {
        await server.close();
      }
    }, { note: 'serve: a mid-stream error breaks the function URL\'s response off; on the Invoke API it is X-Amz-Function-Error' });

    lambdaClaim('stream-response', runtime, async () => {
      const server = await startServer({ runtime, handlerFile: handlerFile('stream-response'), handler: 'plain', timeoutSec: 60 }, { port: 0 });
      try {
        const r = await invokeStreaming(server.url, { mb: 7 });
        expect({ status: r.status, version: r.version, length: text(r.chunks).length, same: text(r.chunks) === pieces(7), complete: r.complete }).toEqual({ status: 200, version: '$LATEST', length: 7 * MiB, same: true, complete: {} });
        arrivedOverTime(r.chunks.map((c) => c.at), 1000);
      } finally {
        await server.close();
      }
    }, { note: 'serve, InvokeWithResponseStream (the real SDK): PayloadChunks as they are written, then InvokeComplete' });

    lambdaClaim('stream-response', runtime, async () => {
      const server = await startServer({ runtime, handlerFile: handlerFile('stream-response'), handler: 'failing', timeoutSec: 60 }, { port: 0 });
      try {
        const r = await invokeStreaming(server.url, {}, 'Tail');
        const { LogResult, ...complete } = r.complete ?? {};
        expect({ body: text(r.chunks), complete, details: JSON.parse(String(complete.ErrorDetails)) }).toEqual({
          body: 'partial answer\n',
          complete: { ErrorCode: 'TypeError', ErrorDetails: expect.any(String) },
          details: { errorType: 'TypeError', errorMessage: 'gave up mid-stream', trace: expect.any(Array) },
        });
        expect(Buffer.from(String(LogResult), 'base64').toString('utf8')).toMatch(/Invoke Error[\s\S]*\nREPORT RequestId: /);
      } finally {
        await server.close();
      }
    }, { note: 'serve, InvokeWithResponseStream: a mid-stream error is InvokeComplete\'s ErrorCode and ErrorDetails' });
  });
}
