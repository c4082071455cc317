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
// initialises the function again inside its own invoke phase (`suppressedInit`), as on Lambda,
// before its START: the init's lines, and its INIT_REPORT if it fails, are in the head of the log.
// A runtime whose client is not installed or not built here is skipped visibly, with the reason.
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { skipped } from '../../harness/claims.ts';
import { runningWith, until } from '../../harness/procs.ts';
import { prepareRuntime } from '../../lambda/service.ts';
import { specRuntimes } from '../../lambda/runtimes.ts';
import { functions, gone, lambdaClaim, ric, SPEC_RUNTIMES } from '../support/lambda-claims.ts';
import { etc, has, like, not, number, partial } from '../support/lambda-matchers.ts';
import { expectInvocation, expectInvocations, frame, initStart, reportOf } from '../support/lambda-outcome.ts';

const fns = functions();
afterAll(() => fns.closeAll());

/**
 * Lambda's lines around invocation n of a 128 MB function: START, END and REPORT with its request
 * id, and Init Duration in REPORT exactly when the init ran in the init phase of a cold start (an
 * init inside the invocation is part of Duration); so the outcome states coldStart and suppressedInit.
 */
const framed = (n: number, { coldStart, suppressedInit }: { coldStart: boolean; suppressedInit: boolean }, report = {}) => ({
  ...frame(n, { memorySize: 128, init: coldStart && !suppressedInit ? expect.any(Number) : undefined, ...report }),
  coldStart,
  suppressedInit,
});
const COLD = { coldStart: true, suppressedInit: false };
const WARM = { coldStart: false, suppressedInit: false };
const REINIT = { coldStart: true, suppressedInit: true };

for (const runtime of SPEC_RUNTIMES) {
  const gen = ric(runtime);
  describe(`${runtime} (aws-lambda-ric ${gen}.x)`, () => {
    lambdaClaim('article-async', runtime, async () => {
      await fns.with('article-async', { runtime }, async (fn) => {
        const a = await fn.invoke({});
        const b = await fn.invoke({});
        // The answer is the value of the `try` block's return (not the catch's body 'b'), sent once
        // the whole `finally` has run: both lines are in the same invocation.
        const answered = (n: number) => ({
          response: { statusCode: 200, body: 'a' },
          error: undefined,
          lines: ['finally 1', 'finally 2'],
          body: [`<time>\t<req:${n}>\tINFO\tfinally 1`, `<time>\t<req:${n}>\tINFO\tfinally 2`],
        });
        // A new environment's init phase starts with INIT_START; a warm invocation has no init phase.
        expectInvocations([a, b], [
          { ...answered(1), ...framed(1, COLD), head: [initStart(runtime)] },
          { ...answered(2), ...framed(2, WARM), process: 'same', head: [] },
        ]);
        // Before normalisation: the runtime version names this runtime's Node and client releases,
        // and the ARN ends with a 64-hex-digit id (lambda/runtimes.ts runtimeVersion).
        const major = runtime.replace(/^nodejs(\d+)\.x$/, '$1');
        expect(a.rawLogs[0]).toMatch(new RegExp(`^INIT_START Runtime Version: nodejs:${major}\\.local-node${major}\\.\\d+\\.\\d+-ric${gen}\\.\\d+\\.\\d+\\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$`));
      });
    });

    if (gen === 3) {
      lambdaClaim('article-callback', runtime, async () => {
        await fns.with('article-callback', { runtime }, async (fn) => {
          const a = await fn.invoke({});
          const b = await fn.invoke({});
          const c = await fn.invoke({});
          // The rest of invocation 1's finally runs when the environment is thawed for invocation 2,
          // before its handler: the client still labels it with invocation 1's request id.
          expectInvocations([a, b, c], [
            { ...framed(1, COLD), response: { statusCode: 200, body: 'a' }, lines: ['finally 1'] },
            { ...framed(2, WARM), lines: ['finally 2', 'finally 1'], body: ['<time>\t<req:1>\tINFO\tfinally 2', '<time>\t<req:2>\tINFO\tfinally 1'] },
            { ...framed(3, WARM), lines: ['finally 2', 'finally 1'], body: ['<time>\t<req:2>\tINFO\tfinally 2', '<time>\t<req:3>\tINFO\tfinally 1'] },
          ]);
        });
      }, { note: "'finally 2' at the start of the next invocation" });
    } else {
      lambdaClaim('article-callback', runtime, async () => {
        await fns.with('article-callback', { runtime }, async (fn) => {
          const a = await fn.invoke({});
          const b = await fn.invoke({});
          const report = (phase: string) => `INIT_REPORT Init Duration: <n> ms\tPhase: ${phase}\tStatus: error\tError Type: Runtime.CallbackHandlerDeprecated`;
          const rejected = {
            ...REINIT,
            initError: partial({ errorType: 'Runtime.CallbackHandlerDeprecated' }),
            error: partial({ errorType: 'Runtime.CallbackHandlerDeprecated', errorMessage: /removed support for callback-based function handlers starting with Node\.js 24/ }),
            response: undefined,
            lines: has(not(/finally/)), // the handler never ran
            exit: { code: 1, signal: null },
            body: [], // the failed init is reported before START
            gone: true,
          };
          expectInvocations([a, b], [
            // The first invocation: the init phase failed, then the init was tried again inside it, before START.
            { ...rejected, head: like(initStart(runtime), etc, report('init'), etc, report('invoke')) },
            { ...rejected, head: like(etc, report('invoke')), logs: has(not(/^INIT_START /)), process: 'new' },
          ]);
        });
      }, { note: 'nodejs24.x: rejected at init (callback handlers removed in aws-lambda-ric 4)' });
    }

    lambdaClaim('unawaited-work', runtime, async () => {
      await fns.with('unawaited-work', { runtime }, async (fn) => {
        const a = await fn.invoke({ n: 1 });
        const b = await fn.invoke({ n: 2 });
        expectInvocations([a, b], [
          { ...framed(1, COLD), response: 'answer 1', lines: ['work 1 started'] },
          { ...framed(2, WARM), response: 'answer 2', lines: ['work 1 resumed', 'work 2 started'], body: like('<time>\t<req:1>\tINFO\twork 1 resumed', etc) },
        ]);
      });
    });

    lambdaClaim('slow', runtime, async () => {
      await fns.with('slow', { runtime, timeoutSec: 3 }, async (fn) => {
        const a = await fn.invoke({});
        const b = await fn.invoke({ slow: true });
        const c = await fn.invoke({});
        expectInvocations([a, b, c], [
          { ...framed(1, COLD), response: { invocations: 1 }, timedOut: false },
          {
            ...framed(2, WARM, { status: 'timeout', duration: 3000 }),
            timedOut: true,
            response: undefined,
            error: { errorType: 'Sandbox.Timedout', errorMessage: 'RequestId: <req:2> Error: Task timed out after 3.00 seconds' },
            body: ['<time>\t<req:2>\tINFO\tinvocations in this environment: 2', '<time> <req:2> Task timed out after 3.00 seconds'],
            gone: true,
            environment: 1,
          },
          // Reset: the next invocation initialises the function again, inside its invoke phase, in
          // the same environment with a new runtime process; module state is new.
          { ...framed(3, REINIT), environment: 1, process: 'new', response: { invocations: 1 } },
        ]);
      });
    }, { note: 'a time-out resets the environment' });

    lambdaClaim('init-import-error', runtime, async () => {
      await fns.with('init-import-error', { runtime }, async (fn) => {
        const a = await fn.invoke({});
        const b = await fn.invoke({});
        const report = (phase: string) => `INIT_REPORT Init Duration: <n> ms\tPhase: ${phase}\tStatus: error\tError Type: Runtime.ImportModuleError`;
        const failed = {
          ...REINIT,
          initError: partial({ errorType: 'Runtime.ImportModuleError' }),
          // The caller gets the error the runtime posted, its trace included.
          error: partial({ errorType: 'Runtime.ImportModuleError', errorMessage: /^Error: Cannot find module '\.\/_no-such-module'/, trace: has(/_no-such-module/) }),
          exit: { code: gen === 3 ? 129 : 1, signal: null },
          // The retried init and its INIT_REPORT come before START; between START and END, nothing
          // (no "Runtime exited" lines), and REPORT has the init's error type.
          body: [],
          report: { status: 'error', errorType: 'Runtime.ImportModuleError' },
          gone: true,
          environment: 1,
        };
        expectInvocations([a, b], [
          // Twice in the first invocation (the init phase, then inside the invocation), once after.
          { ...failed, head: like(initStart(runtime), etc, report('init'), etc, report('invoke')) },
          { ...failed, head: like(etc, report('invoke')), logs: has(not(/^INIT_START /), not(report('init'))) },
        ]);
      });
    }, { note: `the runtime exits ${gen === 3 ? 129 : 1}` });

    lambdaClaim('init-throws', runtime, async () => {
      await fns.with('init-throws', { runtime }, async (fn) => {
        const a = await fn.invoke({});
        const b = await fn.invoke({});
        const report = (phase: string) => `INIT_REPORT Init Duration: <n> ms\tPhase: ${phase}\tStatus: error\tError Type: Runtime.Unknown`;
        const failed = {
          ...REINIT,
          // As posted: the error's own type, message and trace.
          initError: partial({ errorType: 'Error', errorMessage: 'configuration missing at load' }),
          error: { errorType: 'Error', errorMessage: 'configuration missing at load', trace: like('Error: configuration missing at load', etc) },
          lines: has(/"errorType":"Error","errorMessage":"configuration missing at load"/),
          body: [],
          // Lambda's own lines: Runtime.Unknown.
          report: { status: 'error', errorType: 'Runtime.Unknown' },
          gone: true,
        };
        expectInvocations([a, b], [
          { ...failed, head: like(initStart(runtime), etc, report('init'), etc, report('invoke')) },
          { ...failed, head: like(etc, report('invoke')), logs: has(not(/^INIT_START /), not(/Error Type: Error/)) },
        ]);
      });
    });

    // The memory the process used is reported although it is gone.
    const crashReport = { maxMemoryUsed: number({ above: 0 }) };

    lambdaClaim('uncaught-exception', runtime, async () => {
      await fns.with('uncaught-exception', { runtime }, async (fn) => {
        const a = await fn.invoke({});
        const b = await fn.invoke({});
        const exitLines = (n: number) => [`RequestId: <req:${n}> Error: Runtime exited with error: exit status ${gen === 3 ? 129 : 1}`, 'Runtime.ExitError'];
        const crashed = (n: number) =>
          gen === 3
            ? {
                error: partial({ errorType: 'Error', errorMessage: 'thrown from a timer' }),
                exit: { code: 129, signal: null },
                body: like(new RegExp(`^<time>\\t<req:${n}>\\tERROR\\tUncaught Exception \\t\\{"errorType":"Error","errorMessage":"thrown from a timer"`), etc, ...exitLines(n)),
              }
            : {
                error: { errorType: 'Runtime.ExitError', errorMessage: `RequestId: <req:${n}> Error: Runtime exited with error: exit status 1` },
                exit: { code: 1, signal: null },
                lines: has('Error: thrown from a timer'),
                body: like(etc, ...exitLines(n)),
              };
        expectInvocations([a, b], [
          { ...framed(1, COLD, crashReport), ...crashed(1), response: undefined, gone: true },
          { ...framed(2, REINIT, crashReport), ...crashed(2), response: undefined, gone: true },
        ]);
      });
    }, { note: gen === 3 ? 'the client posts the error and exits 129' : 'Node exits 1, Runtime.ExitError' });

    lambdaClaim('unhandled-rejection', runtime, async () => {
      await fns.with('unhandled-rejection', { runtime }, async (fn) => {
        const a = await fn.invoke({});
        const b = await fn.invoke({});
        const crashed = (n: number) =>
          gen === 3
            ? { error: partial({ errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: nobody handles this' }), exit: { code: 128, signal: null } }
            : {
                error: { errorType: 'Runtime.ExitError', errorMessage: `RequestId: <req:${n}> Error: Runtime exited with error: exit status 1` },
                exit: { code: 1, signal: null },
                lines: has('Error: nobody handles this'),
              };
        expectInvocations([a, b], [
          { ...framed(1, COLD, crashReport), ...crashed(1), response: undefined, gone: true },
          { ...framed(2, REINIT, crashReport), ...crashed(2), response: undefined, gone: true },
        ]);
      });
    }, { note: gen === 3 ? 'Runtime.UnhandledPromiseRejection, exit 128' : 'Node exits 1, Runtime.ExitError' });
  });
}

// ---- the service itself (not claims of a handler) ----------------------------------------------

const prepared = await Promise.all(SPEC_RUNTIMES.map(async (r) => [r, await prepareRuntime(r)] as const));
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
      await until('the runtime is initialising', () => ours().length > 0, 60_000);
      await fn.close();
      await expect(invocation).rejects.toThrow('this Lambda function is closed');
      expect(ours()).toEqual([]);
    });
  }, 60_000);

  it('a handler name the module does not export: Runtime.HandlerNotFound', async () => {
    await fns.with('article-async', { runtime, handler: 'nope' }, async (fn) => {
      expectInvocation(await fn.invoke({}), {
        initError: partial({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'article-async.nope is undefined or not exported' }),
        error: partial({ errorType: 'Runtime.HandlerNotFound' }),
        exit: { code: ric(runtime) === 3 ? 129 : 1, signal: null },
      });
    });
  });

  it('REPORT bills the init phase of a cold start (Billed Duration = Duration + Init Duration, rounded up), not of a warm invocation', async () => {
    await fns.with('article-async', { runtime }, async (fn) => {
      const a = reportOf(await fn.invoke({}));
      const b = reportOf(await fn.invoke({}));
      expect(a.init).toBeGreaterThan(0);
      // The line adds up: the figures shown (hundredths of a ms) summed, rounded up.
      const upFromHundredths = (x: number) => Math.ceil(Math.round(x * 100) / 100);
      expect(a.billed).toBe(upFromHundredths(a.duration + a.init!));
      expect(b.init).toBeUndefined();
      expect(b.billed).toBe(upFromHundredths(b.duration));
    });
  });
});

describe("Lambda's error types in INIT_REPORT and REPORT", () => {
  it('keeps a Runtime.* or Function.* type, makes another Function. one Function.Unknown and anything else Runtime.Unknown (RIE fatalerror.go)', async () => {
    const { platformErrorType } = await import('../../lambda/aws.ts');
    const cases: [string | undefined, string][] = [
      ['Runtime.ImportModuleError', 'Runtime.ImportModuleError'], ['Function.ResponseSizeTooLarge', 'Function.ResponseSizeTooLarge'],
      ['Error', 'Runtime.Unknown'], ['TypeError', 'Runtime.Unknown'], ['', 'Runtime.Unknown'], [undefined, 'Runtime.Unknown'],
      ['Function.', 'Function.Unknown'], ['Function.x', 'Function.Unknown'], ['Runtime.', 'Runtime.Unknown'],
      // RIE's pattern is not anchored: a type that contains one is kept whole.
      ['My.Runtime.Failure', 'My.Runtime.Failure'],
    ];
    expect(cases.map(([t]) => platformErrorType(t))).toEqual(cases.map(([, want]) => want));
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

describe('which runtimes a test stage states the claims on (SPEC_LAMBDA_RUNTIMES)', () => {
  it('npm test (default): the default runtime; test:e2e and a plain vitest run (unset, all): every runtime, the default first; anything else is refused', () => {
    expect(specRuntimes('default')).toEqual(['nodejs22.x']);
    expect(specRuntimes(undefined)).toEqual(['nodejs22.x', 'nodejs20.x', 'nodejs24.x']);
    expect(specRuntimes('all')).toEqual(specRuntimes(undefined));
    expect(() => specRuntimes('nodejs20.x')).toThrow('SPEC_LAMBDA_RUNTIMES: "nodejs20.x" is not one of default, all');
  });
});
