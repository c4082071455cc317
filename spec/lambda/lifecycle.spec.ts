// Lambda as production behaves, beyond one warm environment (lambda/aws.ts has the sources):
// idle time between invocations and idle shutdown, payload limits, the memory limit, re-init
// inside an invocation after a reset (the doom loop), environment variables and the client
// context, concurrency and throttling. Each claim runs on every runtime it applies to; a runtime
// this machine cannot run is skipped visibly.
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect } from 'vitest';
import { body, functions, gone, head, lambdaClaim, report, reportNumbers, ric, RUNTIME_NAMES } from '../support/lambda-claims.ts';

const fns = functions();
afterAll(() => fns.closeAll());

const MiB = 1024 * 1024;

for (const runtime of RUNTIME_NAMES) {
  const gen = ric(runtime);
  describe(runtime, () => {
    // ---- idle time between invocations, and idle shutdown ---------------------------------------
    const timerExports = gen === 3 ? (['handler', 'asyncHandler'] as const) : (['asyncHandler'] as const);
    for (const exported of timerExports) {
      const form = exported === 'handler' ? 'callback, callbackWaitsForEmptyEventLoop = false' : 'async handler';
      lambdaClaim('timer-after-answer', runtime, async () => {
        await fns.with('timer-after-answer', { runtime, handler: exported, gapMs: 500 }, async (fn) => {
          const a = await fn.invoke({ n: 1 });
          const b = await fn.invoke({ n: 2 });
          expect(a.response).toBe('answer 1');
          expect(a.lines).toEqual(['handler 1']);
          expect(b.response).toBe('answer 2');
          expect(b.coldStart).toBe(false);
          // Due during the freeze, it runs as soon as the environment thaws, before the handler.
          expect(b.lines).toEqual(['timer from 1', 'handler 2']);
          expect(body(b)[0]).toBe('<time>\t<req:1>\tINFO\ttimer from 1');
        });
      }, { note: `${form}: a 500 ms gap, the timer fires at the start of invocation 2` });

      lambdaClaim('timer-after-answer', runtime, async () => {
        const shutdowns: number[] = [];
        await fns.with('timer-after-answer', { runtime, handler: exported, gapMs: 500, idleReapMs: 300, onShutdown: (e) => shutdowns.push(e.environment) }, async (fn) => {
          const a = await fn.invoke({ n: 1 });
          const b = await fn.invoke({ n: 2 });
          const c = await fn.invoke({ n: 3 });
          expect(shutdowns).toEqual([1, 2]);
          expect(gone(a.pid)).toBe(true);
          expect([a.environment, b.environment, c.environment]).toEqual([1, 2, 3]);
          for (const r of [a, b, c]) {
            expect(r.coldStart).toBe(true);
            expect(r.suppressedInit).toBe(false);
            // Each environment was shut down frozen, its timer still pending: no timer line, ever.
            expect(r.lines).toEqual([`handler ${r.n}`]);
          }
        });
      }, { note: `${form}: shut down after 300 ms frozen, the timer never fires` });
    }

    // ---- payload limits ---------------------------------------------------------------------------
    lambdaClaim('big-response', runtime, async () => {
      await fns.with('big-response', { runtime }, async (fn) => {
        const a = await fn.invoke({ bytes: 7 * MiB });
        const b = await fn.invoke({ bytes: 5 * MiB });
        expect(a.response).toBeUndefined();
        expect(a.error).toEqual({
          errorType: 'Function.ResponseSizeTooLarge',
          errorMessage: `Response payload size (${7 * MiB + 2} bytes) exceeded maximum allowed payload size (6291556 bytes).`,
        });
        // The runtime client was told so (HTTP 413) and says it in the log; the handler had run.
        expect(a.lines[0]).toBe(`answering ${7 * MiB} characters`);
        expect(a.lines.some((l) => /Failed to post handler success response\. Http response code: 413\./.test(l))).toBe(true);
        // The environment is not reset: the next invocation is warm and its answer goes through.
        expect(b.coldStart).toBe(false);
        expect(b.pid).toBe(a.pid);
        expect(b.error).toBeUndefined();
        expect(b.response).toBe('x'.repeat(5 * MiB));
      });
    }, { note: 'a 7 MiB answer fails, a 5 MiB one goes through' });

    lambdaClaim('big-response', runtime, async () => {
      await fns.with('big-response', { runtime, handler: 'streamed' }, async (fn) => {
        const a = await fn.invoke({ bytes: 7 * MiB });
        expect(a.error).toBeUndefined();
        expect(a.streamed).toBe(true);
        expect(a.response).toBe('x'.repeat(7 * MiB));
      });
    }, { note: 'a 7 MiB answer streamed with awslambda.streamifyResponse goes through' });

    lambdaClaim('big-response', runtime, async () => {
      await fns.with('big-response', { runtime, handler: 'eventSize' }, async (fn) => {
        const big = { pad: 'y'.repeat(7 * MiB) };
        const a = await fn.invoke(big);
        expect(a.refused).toBe('request-too-large');
        expect(a.error).toEqual({ errorType: 'RequestTooLargeException', errorMessage: 'Request must be smaller than 6291456 bytes for the InvokeFunction operation' });
        expect(a.logs).toEqual([]); // nothing in the function's log: it never ran
        expect(fn.environments()).toEqual([]); // no environment was even started
        const b = await fn.invoke({ pad: 'y'.repeat(5 * MiB) });
        expect(b.response).toBe(JSON.stringify({ pad: 'y'.repeat(5 * MiB) }).length);
        expect(b.coldStart).toBe(true);
      });
    }, { note: 'a 7 MiB event is refused before any environment' });

    // ---- the memory limit -------------------------------------------------------------------------
    lambdaClaim('memory-hog', runtime, async () => {
      await fns.with('memory-hog', { runtime, memoryMb: 128 }, async (fn) => {
        const a = await fn.invoke({ mb: 20 });
        const b = await fn.invoke({ mb: 300 });
        const c = await fn.invoke({});
        expect(a.response).toEqual({ invocations: 1, heldMb: 20 });
        expect(reportNumbers(a).maxMemoryUsed).toBeGreaterThanOrEqual(20);
        expect(reportNumbers(a).maxMemoryUsed).toBeLessThan(128);
        expect(b.response).toBeUndefined();
        expect(b.error).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${b.requestId} Error: Runtime exited with error: signal: killed` });
        expect(b.exit).toEqual({ code: null, signal: 'SIGKILL' });
        expect(body(b)).toEqual(['<time>\t<req:2>\tINFO\tinvocations in this environment: 2', 'RequestId: <req:2> Error: Runtime exited with error: signal: killed', 'Runtime.ExitError']);
        expect(report(b)).toMatch(/\tStatus: error\tError Type: Runtime\.ExitError$/);
        expect(reportNumbers(b).maxMemoryUsed).toBe(128);
        expect(gone(b.pid)).toBe(true);
        // Reset: the next invocation initialises the function again (module state is new).
        expect(c.suppressedInit).toBe(true);
        expect(c.response).toEqual({ invocations: 1, heldMb: 0 });
      });
    }, { note: '300 MB in 128 MB: killed' });

    // ---- re-init inside the invocation: the doom loop --------------------------------------------
    lambdaClaim('slow-init', runtime, async () => {
      // The init phase's own limit (10 s on Lambda) is 60 s here, so that a loaded machine cannot
      // push the 2 s init past it: the claim is that it is not the function timeout.
      await fns.with('slow-init', { runtime, timeoutSec: 1, initTimeoutSec: 60, env: { INIT_MS: '2000' } }, async (fn) => {
        const a = await fn.invoke({ hang: true });
        // The first init had the init phase's own limit: it finished, the handler ran and hung.
        expect(a.initLines).toEqual(['init done after 2000 ms']);
        expect(a.timedOut).toBe(true);
        expect(a.suppressedInit).toBe(false);
        // From now on every invocation spends its 1 s initialising, and times out in init.
        for (const r of [await fn.invoke({}), await fn.invoke({})]) {
          expect(r.coldStart).toBe(true);
          expect(r.suppressedInit).toBe(true);
          expect(r.timedOut).toBe(true);
          expect(r.response).toBeUndefined();
          expect(r.error).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${r.requestId} Error: Task timed out after 1.00 seconds` });
          expect(head(r)).toEqual([]);
          expect(body(r)).toEqual(['INIT_REPORT Init Duration: <n> ms\tPhase: invoke\tStatus: timeout', `<time> <req:${r.n}> Task timed out after 1.00 seconds`]);
          expect(reportNumbers(r).duration).toBe(1000);
          expect(report(r)).toMatch(/\tStatus: timeout$/);
          expect(r.lines).toEqual([]); // the init never got to its log line, the handler never ran
        }
      });
    }, { note: 'init 2 s, timeout 1 s: after one time-out, every invocation times out in init', timeout: 240_000 });

    lambdaClaim('slow-init', runtime, async () => {
      // The init phase's limit is 10 s on Lambda; here 1 s, so that an init of 4 s runs past it.
      await fns.with('slow-init', { runtime, timeoutSec: 60, initTimeoutSec: 1, env: { INIT_MS: '4000' } }, async (fn) => {
        const a = await fn.invoke({});
        expect(head(a)).toEqual(['INIT_REPORT Init Duration: <n> ms\tPhase: init\tStatus: timeout']);
        expect(a.suppressedInit).toBe(true);
        expect(a.timedOut).toBe(false);
        expect(a.response).toBe('handled');
        expect(a.lines).toEqual(['init done after 4000 ms']);
        // The retried init is part of the invocation: its Duration, no Init Duration of its own.
        expect(reportNumbers(a).duration).toBeGreaterThanOrEqual(4000);
        expect(reportNumbers(a).init).toBeUndefined();
        const b = await fn.invoke({});
        expect(b.coldStart).toBe(false);
        expect(b.response).toBe('handled');
      });
    }, { note: 'an init past the init phase limit is retried in the first invocation, under the function timeout', timeout: 240_000 });

    // ---- environment variables, client context, Cognito identity ----------------------------------
    lambdaClaim('context-probe', runtime, async () => {
      await fns.with('context-probe', { runtime, env: { FOO: 'bar' } }, async (fn) => {
        const a = await fn.invoke({}, {
          clientContext: { client: { app_title: 'spec' }, custom: { k: 'v' }, env: { platform: 'test' } },
          cognitoIdentity: { cognitoIdentityId: 'us-east-1:id-1', cognitoIdentityPoolId: 'us-east-1:pool-1' },
        });
        expect(a.initLines).toEqual(['FOO at init: bar']);
        expect(a.response).toEqual({
          FOO: 'bar',
          BAR: null,
          clientContext: { client: { app_title: 'spec' }, custom: { k: 'v' }, env: { platform: 'test' } },
          identity: { cognitoIdentityId: 'us-east-1:id-1', cognitoIdentityPoolId: 'us-east-1:pool-1' },
        });
        const b = await fn.invoke({});
        expect(b.response).toEqual({ FOO: 'bar', BAR: null, clientContext: null, identity: null });
      });
    });

    // ---- concurrency ------------------------------------------------------------------------------
    lambdaClaim('busy-pool', runtime, async () => {
      await fns.with('busy-pool', { runtime }, async (fn) => {
        const [a, b] = await Promise.all([fn.send({ ms: 300 }), fn.send({ ms: 300 })]);
        expect([a!.environment, b!.environment].sort()).toEqual([1, 2]);
        expect([a!.coldStart, b!.coldStart]).toEqual([true, true]);
        expect([a!.response, b!.response]).toEqual([{ invocationsHere: 1 }, { invocationsHere: 1 }]);
        const c = await fn.send({});
        expect(c.coldStart).toBe(false);
        expect([1, 2]).toContain(c.environment);
        expect(c.response).toEqual({ invocationsHere: 2 });
        expect(fn.environments().map((e) => e.id).sort()).toEqual([1, 2]);
      });
    }, { note: 'two at once: two cold environments; then one is reused' });

    lambdaClaim('busy-pool', runtime, async () => {
      await fns.with('busy-pool', { runtime, concurrency: 1 }, async (fn) => {
        const first = fn.send({ ms: 300 });
        const second = await fn.send({});
        expect(second.refused).toBe('throttled');
        expect(second.error).toEqual({ errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.' });
        expect(second.logs).toEqual([]);
        const a = await first;
        expect(a.response).toEqual({ invocationsHere: 1 });
        const c = await fn.send({});
        expect(c.environment).toBe(1);
        expect(c.response).toEqual({ invocationsHere: 2 });
      });
    }, { note: 'reserved concurrency 1: a second event at once is throttled' });
  });
}

// ---- what the gap costs ----------------------------------------------------------------------------
describe('the idle gap costs the gap, not more', () => {
  const runtime = RUNTIME_NAMES.find((r) => ric(r) === 3) ?? RUNTIME_NAMES[0];
  lambdaClaim('timer-after-answer', runtime, async () => {
    await fns.with('timer-after-answer', { runtime, handler: 'asyncHandler' }, async (fn) => {
      await fn.invoke({ n: 1 });
      const t0 = performance.now();
      const b = await fn.invoke({ n: 2 }, { gapMs: 1000 });
      const took = performance.now() - t0;
      expect(b.lines).toEqual(['timer from 1', 'handler 2']);
      // At least the gap; beyond it, only the invocation itself (a generous 500 ms for a loaded machine).
      expect(took).toBeGreaterThanOrEqual(1000);
      expect(took).toBeLessThan(1000 + b.durationMs + 500);
    });
  }, { note: 'a 1 s gap' });
});
