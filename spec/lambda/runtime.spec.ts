// The Lambda article's claims, and how Lambda ends invocations, run with the real runtime
// interface client (aws-lambda-ric) under each runtime generation's Node, frozen between
// invocations by the local Lambda service (lambda/service.ts).
//
// Per runtime generation (what differs is stated where it is asserted):
//   nodejs20.x, nodejs22.x: aws-lambda-ric 3.x. Callback handlers work. An uncaught exception or
//     unhandled rejection is posted by the client as the invocation's error (the error's own type,
//     or Runtime.UnhandledPromiseRejection) and the client exits with 129 / 128.
//   nodejs24.x: aws-lambda-ric 4.x. A handler declaring a third (callback) parameter is rejected
//     at init with Runtime.CallbackHandlerDeprecated. The client installs no uncaughtException /
//     unhandledRejection listener: Node's default ends the process with exit code 1 and the
//     service reports Runtime.ExitError. Init errors are posted, then the process exits with 1.
// After a crash, a time-out or a failed init the environment is reset: the next invocation
// initialises the function again inside its own invoke phase (`suppressedInit`), as on Lambda.
// A runtime whose client is not installed or not built here is skipped visibly, with the reason.
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { skipped } from '../../harness/claims.ts';
import { runningWith, until } from '../../harness/procs.ts';
import { prepareRuntime } from '../../lambda/service.ts';
import type { Invocation } from '../../lambda/service.ts';
import { body, functions, gone, head, lambdaClaim, report, reportNumbers, ric, RUNTIME_NAMES } from '../support/lambda-claims.ts';

const fns = functions();
afterAll(() => fns.closeAll());

function checkFrame(r: Invocation) {
  const tag = `<req:${r.n}>`;
  expect(r.logs).toContain(`START RequestId: ${tag} Version: $LATEST`);
  expect(r.logs).toContain(`END RequestId: ${tag}`);
  expect(report(r)).toMatch(new RegExp(`^REPORT RequestId: <req:${r.n}>\\tDuration: <n> ms\\tBilled Duration: <n> ms\\tMemory Size: 128 MB\\tMax Memory Used: <n> MB`));
  // Init Duration is the init phase of a cold start; an init inside the invocation is part of Duration.
  expect(report(r).includes('Init Duration: <n> ms')).toBe(r.coldStart && !r.suppressedInit);
}

for (const runtime of RUNTIME_NAMES) {
  const gen = ric(runtime);
  describe(`${runtime} (aws-lambda-ric ${gen}.x)`, () => {
    lambdaClaim('article-async', runtime, async () => {
      await fns.with('article-async', { runtime }, async (fn) => {
        const a = await fn.invoke({});
        const b = await fn.invoke({});
        for (const r of [a, b]) {
          // The answer is the value of the `try` block's return (not the catch's body 'b')...
          expect(r.response).toEqual({ statusCode: 200, body: 'a' });
          expect(r.error).toBeUndefined();
          // ...sent once the whole `finally` has run: both lines are in this invocation.
          expect(r.lines).toEqual(['finally 1', 'finally 2']);
          expect(body(r)).toEqual([`<time>\t<req:${r.n}>\tINFO\tfinally 1`, `<time>\t<req:${r.n}>\tINFO\tfinally 2`]);
          checkFrame(r);
        }
        expect([a.coldStart, b.coldStart]).toEqual([true, false]);
        expect(b.pid).toBe(a.pid);
      });
    });

    if (gen === 3) {
      lambdaClaim('article-callback', runtime, async () => {
        await fns.with('article-callback', { runtime }, async (fn) => {
          const a = await fn.invoke({});
          const b = await fn.invoke({});
          const c = await fn.invoke({});
          expect(a.response).toEqual({ statusCode: 200, body: 'a' });
          expect(a.lines).toEqual(['finally 1']);
          // The rest of invocation 1's finally runs when the environment is thawed for invocation 2,
          // before its handler: the client still labels it with invocation 1's request id.
          expect(b.lines).toEqual(['finally 2', 'finally 1']);
          expect(body(b)).toEqual(['<time>\t<req:1>\tINFO\tfinally 2', '<time>\t<req:2>\tINFO\tfinally 1']);
          expect(c.lines).toEqual(['finally 2', 'finally 1']);
          expect(body(c)).toEqual(['<time>\t<req:2>\tINFO\tfinally 2', '<time>\t<req:3>\tINFO\tfinally 1']);
          for (const r of [a, b, c]) checkFrame(r);
          expect([a.coldStart, b.coldStart, c.coldStart]).toEqual([true, false, false]);
        });
      }, { note: "'finally 2' at the start of the next invocation" });
    } else {
      lambdaClaim('article-callback', runtime, async () => {
        await fns.with('article-callback', { runtime }, async (fn) => {
          const a = await fn.invoke({});
          const b = await fn.invoke({});
          for (const r of [a, b]) {
            expect(r.coldStart).toBe(true);
            expect(r.suppressedInit).toBe(true);
            expect(r.initError?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
            expect(r.error?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
            expect(r.error?.errorMessage).toMatch(/removed support for callback-based function handlers starting with Node\.js 24/);
            expect(r.response).toBeUndefined();
            expect(r.lines.some((l) => l.includes('finally'))).toBe(false); // the handler never ran
            expect(r.exit).toEqual({ code: 1, signal: null });
            expect(r.logs).toContain('INIT_REPORT Init Duration: <n> ms\tPhase: invoke\tStatus: error\tError Type: Runtime.CallbackHandlerDeprecated');
            expect(gone(r.pid)).toBe(true);
          }
          // The first invocation: the init phase failed, then the init was tried again inside it.
          expect(head(a)).toContain('INIT_REPORT Init Duration: <n> ms\tPhase: init\tStatus: error\tError Type: Runtime.CallbackHandlerDeprecated');
          expect(head(b)).toEqual([]);
          expect(b.pid).not.toBe(a.pid);
        });
      }, { note: 'nodejs24.x: rejected at init (callback handlers removed in aws-lambda-ric 4)' });
    }

    lambdaClaim('unawaited-work', runtime, async () => {
      await fns.with('unawaited-work', { runtime }, async (fn) => {
        const a = await fn.invoke({ n: 1 });
        const b = await fn.invoke({ n: 2 });
        expect(a.response).toBe('answer 1');
        expect(a.lines).toEqual(['work 1 started']);
        expect(b.response).toBe('answer 2');
        expect(b.lines).toEqual(['work 1 resumed', 'work 2 started']);
        expect(body(b)[0]).toBe('<time>\t<req:1>\tINFO\twork 1 resumed');
        checkFrame(a);
        checkFrame(b);
      });
    });

    lambdaClaim('slow', runtime, async () => {
      await fns.with('slow', { runtime, timeoutSec: 3 }, async (fn) => {
        const a = await fn.invoke({});
        const b = await fn.invoke({ slow: true });
        const c = await fn.invoke({});
        expect(a.response).toEqual({ invocations: 1 });
        expect(a.timedOut).toBe(false);
        expect(b.timedOut).toBe(true);
        expect(b.response).toBeUndefined();
        expect(b.error).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${b.requestId} Error: Task timed out after 3.00 seconds` });
        expect(body(b)).toEqual(['<time>\t<req:2>\tINFO\tinvocations in this environment: 2', '<time> <req:2> Task timed out after 3.00 seconds']);
        expect(report(b)).toMatch(/\tStatus: timeout$/);
        expect(reportNumbers(b).duration).toBe(3000);
        expect(gone(b.pid)).toBe(true);
        expect(b.coldStart).toBe(false);
        // Reset: the next invocation initialises the function again, inside its invoke phase.
        expect(c.coldStart).toBe(true);
        expect(c.suppressedInit).toBe(true);
        expect(c.environment).toBe(b.environment);
        expect(c.pid).not.toBe(b.pid);
        expect(c.response).toEqual({ invocations: 1 }); // module state is new
        for (const r of [a, b, c]) checkFrame(r);
      });
    }, { note: 'a time-out resets the environment' });

    lambdaClaim('init-import-error', runtime, async () => {
      await fns.with('init-import-error', { runtime }, async (fn) => {
        const a = await fn.invoke({});
        const b = await fn.invoke({});
        for (const r of [a, b]) {
          expect(r.coldStart).toBe(true);
          expect(r.suppressedInit).toBe(true);
          expect(r.initError?.errorType).toBe('Runtime.ImportModuleError');
          expect(r.error?.errorType).toBe('Runtime.ImportModuleError');
          expect(r.error?.errorMessage).toMatch(/^Error: Cannot find module '\.\/_no-such-module'/);
          expect(r.exit).toEqual({ code: gen === 3 ? 129 : 1, signal: null });
          expect(body(r)).toContain('INIT_REPORT Init Duration: <n> ms\tPhase: invoke\tStatus: error\tError Type: Runtime.ImportModuleError');
          expect(gone(r.pid)).toBe(true);
        }
        // Twice in the first invocation (the init phase, then inside the invocation), once after.
        expect(head(a)).toContain('INIT_REPORT Init Duration: <n> ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError');
        expect(head(b)).toEqual([]);
        expect(a.environment).toBe(b.environment);
      });
    }, { note: `the runtime exits ${gen === 3 ? 129 : 1}` });

    lambdaClaim('uncaught-exception', runtime, async () => {
      await fns.with('uncaught-exception', { runtime }, async (fn) => {
        const a = await fn.invoke({});
        const b = await fn.invoke({});
        for (const r of [a, b]) {
          expect(r.coldStart).toBe(true);
          expect(r.response).toBeUndefined();
          expect(gone(r.pid)).toBe(true);
          if (gen === 3) {
            expect(r.error).toMatchObject({ errorType: 'Error', errorMessage: 'thrown from a timer' });
            expect(r.exit).toEqual({ code: 129, signal: null });
            expect(body(r)[0]).toMatch(new RegExp(`^<time>\\t<req:${r.n}>\\tERROR\\tUncaught Exception \\t\\{"errorType":"Error","errorMessage":"thrown from a timer"`));
          } else {
            expect(r.error).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${r.requestId} Error: Runtime exited with error: exit status 1` });
            expect(r.exit).toEqual({ code: 1, signal: null });
            expect(r.lines).toContain('Error: thrown from a timer');
          }
          expect(body(r).slice(-2)).toEqual([`RequestId: <req:${r.n}> Error: Runtime exited with error: exit status ${gen === 3 ? 129 : 1}`, 'Runtime.ExitError']);
          // The memory the process used is reported although it is gone.
          expect(reportNumbers(r).maxMemoryUsed).toBeGreaterThan(0);
          checkFrame(r);
        }
        expect([a.suppressedInit, b.suppressedInit]).toEqual([false, true]);
      });
    }, { note: gen === 3 ? 'the client posts the error and exits 129' : 'Node exits 1, Runtime.ExitError' });

    lambdaClaim('unhandled-rejection', runtime, async () => {
      await fns.with('unhandled-rejection', { runtime }, async (fn) => {
        const a = await fn.invoke({});
        const b = await fn.invoke({});
        for (const r of [a, b]) {
          expect(r.coldStart).toBe(true);
          expect(r.response).toBeUndefined();
          expect(gone(r.pid)).toBe(true);
          if (gen === 3) {
            expect(r.error).toMatchObject({ errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: nobody handles this' });
            expect(r.exit).toEqual({ code: 128, signal: null });
          } else {
            expect(r.error).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${r.requestId} Error: Runtime exited with error: exit status 1` });
            expect(r.exit).toEqual({ code: 1, signal: null });
            expect(r.lines).toContain('Error: nobody handles this');
          }
          expect(reportNumbers(r).maxMemoryUsed).toBeGreaterThan(0);
          checkFrame(r);
        }
        expect([a.suppressedInit, b.suppressedInit]).toEqual([false, true]);
      });
    }, { note: gen === 3 ? 'Runtime.UnhandledPromiseRejection, exit 128' : 'Node exits 1, Runtime.ExitError' });
  });
}

// ---- the service itself (not claims of a handler) ----------------------------------------------

const prepared = await Promise.all(RUNTIME_NAMES.map(async (r) => [r, await prepareRuntime(r)] as const));
const usable = prepared.find(([, p]) => p.ok);

describe('the local Lambda service', () => {
  if (!usable) {
    const reason = `no runtime available (${prepared.map(([r, p]) => (p.ok ? r : p.reason)).join('; ')})`;
    for (const t of ['serves the Runtime API on 127.0.0.1 only', 'close() ends the runtime process', 'close() during a cold start', 'a handler name the module does not export: Runtime.HandlerNotFound', 'REPORT bills the init phase of a cold start']) skipped(t, reason);
    return;
  }
  const [runtime] = usable;
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal && i.family === 'IPv4')
    .map((i) => i!.address);

  it(`serves the Runtime API on 127.0.0.1 only${external.length ? ` (not on ${external[0]})` : ' (this machine has no other IPv4 address to try)'}`, async () => {
    await fns.with('unawaited-work', { runtime }, async (fn) => {
      const r = await fn.invoke({ n: 1 });
      expect(r.response).toBe('answer 1');
      const [host, port] = r.runtimeApi.split(':');
      expect(host).toBe('127.0.0.1');
      const tryConnect = (h: string) =>
        new Promise<string>((res) => {
          const s = connect({ host: h, port: Number(port) });
          s.once('connect', () => {
            s.destroy();
            res('connected');
          });
          s.once('error', (e: NodeJS.ErrnoException) => res(e.code ?? 'error'));
        });
      expect(await tryConnect('127.0.0.1')).toBe('connected');
      if (external.length) expect(await tryConnect(external[0]!)).toBe('ECONNREFUSED');
    });
  });

  it('close() ends the runtime process; nothing is left running', async () => {
    let pid = 0;
    await fns.with('unawaited-work', { runtime }, async (fn) => {
      const r = await fn.invoke({ n: 1 });
      pid = r.pid;
      expect(gone(pid)).toBe(false); // frozen, but there
    });
    expect(gone(pid)).toBe(true);
  });

  it('close() during a cold start: the invocation fails as closed, and no runtime process starts after it', async () => {
    // The runtime's init takes 3 s; close() lands in the middle of it. Killing the init's runtime
    // must not count as a failed init that starts a fresh runtime inside the invocation.
    const name = `closing-${process.pid}-${Date.now()}`;
    const ours = () => runningWith(`AWS_LAMBDA_FUNCTION_NAME=${name}\0`, 'environ');
    await fns.with('slow-init', { runtime, functionName: name, env: { INIT_MS: '3000' } }, async (fn) => {
      const invocation = fn.invoke({});
      invocation.catch(() => {}); // awaited below
      await until('the runtime is initialising', () => ours().length > 0, 20_000);
      await fn.close();
      await expect(invocation).rejects.toThrow('this Lambda function is closed');
      expect(ours()).toEqual([]);
    });
  }, 60_000);

  it('a handler name the module does not export: Runtime.HandlerNotFound', async () => {
    await fns.with('article-async', { runtime, handler: 'nope' }, async (fn) => {
      const r = await fn.invoke({});
      expect(r.initError).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'article-async.nope is undefined or not exported' });
      expect(r.error?.errorType).toBe('Runtime.HandlerNotFound');
      expect(r.exit).toEqual({ code: ric(runtime) === 3 ? 129 : 1, signal: null });
    });
  });

  it('REPORT bills the init phase of a cold start (Billed Duration = Duration + Init Duration, rounded up), not of a warm invocation', async () => {
    await fns.with('article-async', { runtime }, async (fn) => {
      const a = reportNumbers(await fn.invoke({}));
      const b = reportNumbers(await fn.invoke({}));
      expect(a.init).toBeGreaterThan(0);
      // The line adds up: the figures shown (hundredths of a ms) summed, rounded up.
      const upFromHundredths = (x: number) => Math.ceil(Math.round(x * 100) / 100);
      expect(a.billed).toBe(upFromHundredths(a.duration + a.init!));
      expect(b.init).toBeUndefined();
      expect(b.billed).toBe(upFromHundredths(b.duration));
    });
  });
});

describe('REPORT figures', () => {
  it('Billed Duration adds up from the figures shown: Duration 5.10 + Init 435.90 bills 441 ms (the unrounded 5.104 + 435.897 would be 442)', async () => {
    const { billedMs, reportLine } = await import('../../lambda/logs.ts');
    expect(billedMs(5.104, 435.897)).toBe(441);
    expect(billedMs(0.001)).toBe(1); // shown as 0.00: at least 1 ms is billed
    expect(billedMs(2.011)).toBe(3);
    const line = reportLine({ id: 'x', durationMs: 5.104, initMs: 435.897, memorySizeMb: 128, maxMemoryUsedMb: 60 });
    expect(line).toMatch(/Duration: 5\.10 ms\tBilled Duration: 441 ms\t.*Init Duration: 435\.90 ms/);
  });
});
