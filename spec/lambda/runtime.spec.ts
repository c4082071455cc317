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
// A runtime whose client is not installed or not built here is skipped visibly, with the reason.
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/node-binaries.ts';
import { prepareRuntime, startEnvironment, type EnvironmentOptions, type Invocation, type LambdaEnvironment } from '../../lambda/service.ts';

const HANDLERS = join(ROOT, 'lambda', 'handlers');
const RUNTIMES = ['nodejs20.x', 'nodejs22.x', 'nodejs24.x'] as const;
type Runtime = (typeof RUNTIMES)[number];

/** The client generation each runtime uses: the expectations below are stated per generation. */
const RIC: Record<Runtime, 3 | 4> = { 'nodejs20.x': 3, 'nodejs22.x': 3, 'nodejs24.x': 4 };

const prepared = await Promise.all(RUNTIMES.map(async (r) => [r, await prepareRuntime(r)] as const));

const open = new Set<LambdaEnvironment>();
afterAll(async () => {
  await Promise.all([...open].map((e) => e.close()));
});

/** Runs `body` with a fresh environment of `runtime`, always closing it. */
async function withEnv<T>(runtime: Runtime, file: string, opts: Partial<EnvironmentOptions>, body: (env: LambdaEnvironment) => Promise<T>): Promise<T> {
  const env = await startEnvironment({ runtime, handlerFile: join(HANDLERS, file), timeoutSec: 10, ...opts });
  open.add(env);
  try {
    return await body(env);
  } finally {
    await env.close();
    open.delete(env);
  }
}

function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** The log lines between START and END, the way Lambda's log stream shows them. */
function body(r: Invocation): string[] {
  const start = r.logs.findIndex((l) => l.startsWith('START RequestId: '));
  const end = r.logs.findIndex((l) => l.startsWith('END RequestId: '));
  return r.logs.slice(start + 1, end);
}

function checkFrame(r: Invocation) {
  const tag = `<req:${r.n}>`;
  expect(r.logs).toContain(`START RequestId: ${tag} Version: $LATEST`);
  expect(r.logs).toContain(`END RequestId: ${tag}`);
  const report = r.logs[r.logs.length - 1]!;
  expect(report).toMatch(new RegExp(`^REPORT RequestId: <req:${r.n}>\\tDuration: <n> ms\\tBilled Duration: <n> ms\\tMemory Size: 128 MB\\tMax Memory Used: <n> MB`));
  expect(report.includes('Init Duration: <n> ms')).toBe(r.coldStart);
}

for (const [runtime, p] of prepared) {
  const ric = RIC[runtime];
  if (!p.ok) {
    describe(`${runtime}`, () => {
      it.skip(`SKIPPED: ${p.reason}`, () => {});
    });
    continue;
  }

  describe(`${runtime} (Node ${p.node.version}, aws-lambda-ric ${ric}.x)`, () => {
    it("article async handler: 'finally 1' and 'finally 2' are both logged in the invocation that returned", async () => {
      await withEnv(runtime, 'article-async.js', {}, async (env) => {
        expect(env.node).toBe(p.node.version);
        const a = await env.invoke({});
        const b = await env.invoke({});
        for (const r of [a, b]) {
          expect(r.response).toEqual({ statusCode: 200, body: 'a' });
          expect(r.error).toBeUndefined();
          expect(r.lines).toEqual(['finally 1', 'finally 2']);
          expect(body(r)).toEqual([`<time>\t<req:${r.n}>\tINFO\tfinally 1`, `<time>\t<req:${r.n}>\tINFO\tfinally 2`]);
          checkFrame(r);
        }
        expect([a.coldStart, b.coldStart]).toEqual([true, false]);
        expect(b.pid).toBe(a.pid);
      });
    });

    if (ric === 3) {
      it("article callback handler (callbackWaitsForEmptyEventLoop = false): 'finally 1' in the invocation, 'finally 2' at the start of the next", async () => {
        await withEnv(runtime, 'article-callback.js', {}, async (env) => {
          const a = await env.invoke({});
          const b = await env.invoke({});
          const c = await env.invoke({});
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
      });
    } else {
      it('article callback handler: rejected at init with Runtime.CallbackHandlerDeprecated (callback handlers removed in aws-lambda-ric 4)', async () => {
        await withEnv(runtime, 'article-callback.js', {}, async (env) => {
          const a = await env.invoke({});
          const b = await env.invoke({});
          for (const r of [a, b]) {
            expect(r.coldStart).toBe(true);
            expect(r.initError?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
            expect(r.error?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
            expect(r.error?.errorMessage).toMatch(/removed support for callback-based function handlers starting with Node\.js 24/);
            expect(r.response).toBeUndefined();
            expect(r.lines).toEqual([]); // the handler never ran
            expect(r.exit).toEqual({ code: 1, signal: null });
            expect(r.logs).toContain('INIT_REPORT Init Duration: <n> ms\tPhase: init\tStatus: error\tError Type: Runtime.CallbackHandlerDeprecated');
            expect(gone(r.pid)).toBe(true);
          }
          expect(b.pid).not.toBe(a.pid);
        });
      });
    }

    it('un-awaited work of an async handler resumes at the start of the next invocation', async () => {
      await withEnv(runtime, 'unawaited-work.js', {}, async (env) => {
        const a = await env.invoke({ n: 1 });
        const b = await env.invoke({ n: 2 });
        expect(a.response).toBe('answer 1');
        expect(a.lines).toEqual(['work 1 started']);
        expect(b.response).toBe('answer 2');
        expect(b.lines).toEqual(['work 1 resumed', 'work 2 started']);
        expect(body(b)[0]).toBe('<time>\t<req:1>\tINFO\twork 1 resumed');
        checkFrame(a);
        checkFrame(b);
      });
    });

    it('function timeout: "Task timed out after 3.00 seconds", the environment is discarded and the next invocation starts cold', async () => {
      await withEnv(runtime, 'slow.js', { timeoutSec: 3 }, async (env) => {
        const a = await env.invoke({});
        const b = await env.invoke({ slow: true });
        const c = await env.invoke({});
        expect(a.response).toEqual({ invocations: 1 });
        expect(a.timedOut).toBe(false);
        expect(b.timedOut).toBe(true);
        expect(b.response).toBeUndefined();
        expect(b.error).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${b.requestId} Error: Task timed out after 3.00 seconds` });
        expect(body(b)).toEqual(['<time>\t<req:2>\tINFO\tinvocations in this environment: 2', '<time> <req:2> Task timed out after 3.00 seconds']);
        expect(b.logs[b.logs.length - 1]).toMatch(/\tStatus: timeout$/);
        expect(b.durationMs).toBeGreaterThanOrEqual(3000);
        expect(gone(b.pid)).toBe(true);
        expect(b.coldStart).toBe(false);
        expect(c.coldStart).toBe(true);
        expect(c.pid).not.toBe(b.pid);
        expect(c.response).toEqual({ invocations: 1 }); // module state is new
        for (const r of [a, b, c]) checkFrame(r);
      });
    }, 30_000);

    it(`init error: a module that cannot load fails with Runtime.ImportModuleError (runtime exits ${ric === 3 ? 129 : 1}), every invocation cold`, async () => {
      await withEnv(runtime, 'init-import-error.js', {}, async (env) => {
        const a = await env.invoke({});
        const b = await env.invoke({});
        for (const r of [a, b]) {
          expect(r.coldStart).toBe(true);
          expect(r.initError?.errorType).toBe('Runtime.ImportModuleError');
          expect(r.error?.errorType).toBe('Runtime.ImportModuleError');
          expect(r.error?.errorMessage).toMatch(/^Error: Cannot find module '\.\/_no-such-module'/);
          expect(r.exit).toEqual({ code: ric === 3 ? 129 : 1, signal: null });
          expect(r.logs).toContain('INIT_REPORT Init Duration: <n> ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError');
          expect(gone(r.pid)).toBe(true);
        }
      });
    });

    it('init error: a handler name the module does not export fails with Runtime.HandlerNotFound', async () => {
      await withEnv(runtime, 'article-async.js', { handler: 'nope' }, async (env) => {
        const r = await env.invoke({});
        expect(r.initError).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'article-async.nope is undefined or not exported' });
        expect(r.error?.errorType).toBe('Runtime.HandlerNotFound');
        expect(r.exit).toEqual({ code: ric === 3 ? 129 : 1, signal: null });
      });
    });

    it(
      ric === 3
        ? 'uncaught exception during an invocation: the client posts the error (errorType "Error") and exits 129; the next invocation starts cold'
        : 'uncaught exception during an invocation: Node exits 1 (the 4.x client has no handler), reported as Runtime.ExitError; the next invocation starts cold',
      async () => {
        await withEnv(runtime, 'uncaught-exception.js', {}, async (env) => {
          const a = await env.invoke({});
          const b = await env.invoke({});
          for (const r of [a, b]) {
            expect(r.coldStart).toBe(true);
            expect(r.response).toBeUndefined();
            expect(gone(r.pid)).toBe(true);
            if (ric === 3) {
              expect(r.error).toMatchObject({ errorType: 'Error', errorMessage: 'thrown from a timer' });
              expect(r.exit).toEqual({ code: 129, signal: null });
              expect(body(r)[0]).toMatch(new RegExp(`^<time>\\t<req:${r.n}>\\tERROR\\tUncaught Exception \\t\\{"errorType":"Error","errorMessage":"thrown from a timer"`));
            } else {
              expect(r.error).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${r.requestId} Error: Runtime exited with error: exit status 1` });
              expect(r.exit).toEqual({ code: 1, signal: null });
              expect(r.lines).toContain('Error: thrown from a timer');
            }
            expect(body(r).slice(-2)).toEqual([`RequestId: <req:${r.n}> Error: Runtime exited with error: exit status ${ric === 3 ? 129 : 1}`, 'Runtime.ExitError']);
            checkFrame(r);
          }
        });
      },
    );

    it(
      ric === 3
        ? 'unhandled rejection during an invocation: Runtime.UnhandledPromiseRejection, the client exits 128; the next invocation starts cold'
        : 'unhandled rejection during an invocation: Node exits 1 (the 4.x client has no handler), reported as Runtime.ExitError; the next invocation starts cold',
      async () => {
        await withEnv(runtime, 'unhandled-rejection.js', {}, async (env) => {
          const a = await env.invoke({});
          const b = await env.invoke({});
          for (const r of [a, b]) {
            expect(r.coldStart).toBe(true);
            expect(r.response).toBeUndefined();
            expect(gone(r.pid)).toBe(true);
            if (ric === 3) {
              expect(r.error).toMatchObject({ errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: nobody handles this' });
              expect(r.exit).toEqual({ code: 128, signal: null });
            } else {
              expect(r.error).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${r.requestId} Error: Runtime exited with error: exit status 1` });
              expect(r.exit).toEqual({ code: 1, signal: null });
              expect(r.lines).toContain('Error: nobody handles this');
            }
            checkFrame(r);
          }
        });
      },
    );
  });
}

describe('the local Lambda service', () => {
  const usable = prepared.find(([, p]) => p.ok);
  if (!usable) {
    it.skip(`SKIPPED: no runtime available (${prepared.map(([r, p]) => (p.ok ? r : p.reason)).join('; ')})`, () => {});
    return;
  }
  const [runtime] = usable;
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal && i.family === 'IPv4')
    .map((i) => i!.address);

  it(`serves the Runtime API on 127.0.0.1 only${external.length ? ` (not on ${external[0]})` : ' (this machine has no other IPv4 address to try)'}`, async () => {
    await withEnv(runtime, 'article-async.js', {}, async (env) => {
      const [host, port] = env.runtimeApi.split(':');
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
      const r = await env.invoke({});
      expect(r.response).toEqual({ statusCode: 200, body: 'a' });
    });
  });

  it('close() ends the runtime process; nothing is left running', async () => {
    let pid = 0;
    await withEnv(runtime, 'unawaited-work.js', {}, async (env) => {
      const r = await env.invoke({ n: 1 });
      pid = r.pid;
      expect(gone(pid)).toBe(false); // frozen, but there
    });
    expect(gone(pid)).toBe(true);
  });
});
