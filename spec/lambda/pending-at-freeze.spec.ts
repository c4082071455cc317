// What a freeze left pending: the local service's own report (lambda/freeze-report.ts), not a
// claim about Lambda. With `reportPending` (npm run lambda turns it on), each invocation that ends
// with its environment frozen lists the work its code started during the invocation and had not
// finished (timers, sockets, requests, unsettled promises), each with the line of the handler's
// code that created it; the command prints it as a `---` line of its own after the log, and in
// --json as pendingAtFreeze. Off, nothing of it runs and the function sees nothing of it.
// Run for every runtime available here (skipped visibly, with the reason, for the others).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { skipped } from '../../harness/claims.ts';
import { ROOT } from '../../harness/harness.ts';
import { holdGroup, killGroup, releaseGroup, until } from '../../harness/procs.ts';
import type { PendingItem } from '../../harness/explain.ts';
import { PENDING_VARIABLE, pendingLine } from '../../lambda/freeze-report.ts';
import { runtimeAvailability, startFunction, type Invocation, type LambdaFunction } from '../../lambda/service.ts';
import { tempFolder } from '../support/temp.ts';
import { functions, ric, SPEC_RUNTIMES, type RuntimeName } from '../support/lambda-claims.ts';
import { startSentryEndpoint, type SentryEndpoint } from '../support/sentry-endpoint.ts';

const fns = functions();
const dir = tempFolder('lambda-pending-');
const endpoints = new Set<SentryEndpoint>();
const others = new Set<LambdaFunction>();
afterAll(async () => {
  await fns.closeAll();
  await Promise.allSettled([...others].map((f) => f.close()));
  await Promise.allSettled([...endpoints].map((e) => e.close()));
});

// A warm invocation can take seconds on a loaded machine: the function timeout is not what these
// tests are about (a time-out resets the environment: nothing is frozen, nothing reported).
const TEST_MS = 180_000;

/** A test on `runtime`, skipped with the reason where it cannot run here (or where `not` says why the case does not apply). */
function onRuntime(title: string, runtime: RuntimeName, body: () => Promise<void>, not?: string) {
  const a = runtimeAvailability(runtime);
  if (!a.ok) return skipped(`${title} [${runtime}]`, a.reason);
  if (not) return skipped(`${title} [${runtime}]`, not);
  it(`${title} [${runtime}]`, body, TEST_MS);
}

const CALLBACKS_REMOVED = 'aws-lambda-ric 4 rejects a callback handler at init (Runtime.CallbackHandlerDeprecated): no invocation is frozen';

async function twice(name: string, runtime: RuntimeName, events: unknown[], opts: { reportPending?: boolean; env?: Record<string, string>; memoryMb?: number } = {}): Promise<Invocation[]> {
  return fns.with(name, { runtime, reportPending: opts.reportPending ?? true, env: opts.env, memoryMb: opts.memoryMb, initTimeoutSec: 60, gapMs: 100 }, async (fn) => {
    const out: Invocation[] = [];
    for (const e of events) out.push(await fn.invoke(e));
    return out;
  });
}

// article-callback.js: the article's handler; its `finally` awaits delay(1) after callback() has answered.
const ARTICLE_PENDING: PendingItem[] = [
  { kind: 'Timeout', created: 'article-callback.js:10', what: 'a timer (setTimeout)' },
  { kind: 'promise', created: 'article-callback.js:10', in: 'delay', awaited: 'article-callback.js:22' },
  { kind: 'async function', created: 'article-callback.js:12', in: 'exports.handler', what: 'suspended at its await at article-callback.js:22' },
];

describe('the freeze report: the article\'s handlers', () => {
  for (const runtime of SPEC_RUNTIMES) {
    onRuntime('article-callback.js: the timer of `await delay(1)` in `finally`, its promise and the handler suspended at that await, at each freeze', runtime, async () => {
      const [a, b] = await twice('article-callback', runtime, [{}, {}]);
      expect(a!.lines).toEqual(['finally 1']);
      expect(a!.pendingAtFreeze).toEqual(ARTICLE_PENDING);
      // The second invocation runs the first one's rest, then leaves its own the same way.
      expect(b!.lines).toEqual(['finally 2', 'finally 1']);
      expect(b!.pendingAtFreeze).toEqual(ARTICLE_PENDING);
    }, ric(runtime) === 4 ? CALLBACKS_REMOVED : undefined);

    onRuntime('article-async.js: returned from an async handler, `finally` completes before the answer: nothing pending', runtime, async () => {
      const [a] = await twice('article-async', runtime, [{}]);
      expect(a!.lines).toEqual(['finally 1', 'finally 2']);
      expect(a!.pendingAtFreeze).toEqual([]);
      expect(pendingLine(a!.pendingAtFreeze)).toBeUndefined();
    });

    onRuntime('unawaited-work.js: the async function called without await, suspended at its delay', runtime, async () => {
      const [a] = await twice('unawaited-work', runtime, [{ n: 1 }]);
      expect(a!.response).toBe('answer 1');
      expect(a!.pendingAtFreeze).toEqual([
        { kind: 'Timeout', created: 'unawaited-work.js:9', what: 'a timer (setTimeout)' },
        { kind: 'promise', created: 'unawaited-work.js:9', in: 'delay', awaited: 'unawaited-work.js:13' },
        { kind: 'async function', created: 'unawaited-work.js:11', in: 'work', what: 'suspended at its await at unawaited-work.js:13, called at unawaited-work.js:18' },
      ]);
    });
  }
});

describe('the freeze report: Sentry\'s flush in `finally` (the real @sentry/node SDK, a local endpoint)', () => {
  // As in libraries.spec.ts: the SDK's init needs seconds and more than 128 MB here.
  const sentry = async () => {
    const e = await startSentryEndpoint();
    endpoints.add(e);
    return { SENTRY_DSN: e.dsn };
  };
  for (const runtime of SPEC_RUNTIMES) {
    onRuntime('lib-sentry-finally-callback.js: the flush awaited in `finally` (line 30) is pending at the freeze, and the handler suspended at it', runtime, async () => {
      const [a] = await twice('lib-sentry-finally-callback', runtime, [{ marker: 'A' }], { env: await sentry(), memoryMb: 512 });
      expect(a!.lines[0]).toBe('captured A');
      const pending = a!.pendingAtFreeze!;
      expect(pending).toContainEqual({ kind: 'async function', created: 'lib-sentry-finally-callback.js:21', in: 'exports.handler', what: 'suspended at its await at lib-sentry-finally-callback.js:30' });
      // The flush's own work, named by the line that called into the SDK.
      expect(pending).toContainEqual(expect.objectContaining({ kind: 'Timeout', created: 'lib-sentry-finally-callback.js:30', library: expect.stringMatching(/^@sentry\//) }));
      expect(pending).toContainEqual(expect.objectContaining({ kind: 'promise', created: 'lib-sentry-finally-callback.js:30', library: '@sentry/core' }));
      expect(pendingLine(pending)).toMatch(/^--- frozen with work .*not an AWS line.*a timer \(setTimeout\)(?: ×\d+)? created by @sentry\/\w+, called at lib-sentry-finally-callback\.js:30 in exports\.handler\(\)/);
    }, ric(runtime) === 4 ? CALLBACKS_REMOVED : undefined);

    onRuntime('lib-sentry-finally-async.js: the flush completed before the answer; what is left is the SDK\'s own (its unref\'d time-out timer; on nodejs24.x also its socket and pipes), the handler is not pending', runtime, async () => {
      const [a] = await twice('lib-sentry-finally-async', runtime, [{ marker: 'A' }], { env: await sentry(), memoryMb: 512 });
      expect(a!.lines[0]).toBe('flushed A: true');
      const flushTimer = { kind: 'Timeout', created: 'lib-sentry-finally-async.js:24', in: 'exports.handler', library: '@sentry/core', what: 'a timer (setTimeout)', unref: true };
      const flushPromise = { kind: 'promise', created: 'lib-sentry-finally-async.js:24', in: 'exports.handler', library: '@sentry/core', awaited: 'lib-sentry-finally-async.js:24' };
      // Under aws-lambda-ric 4 (nodejs24.x) the SDK also holds an unref'd TCP socket, two pipes and
      // a second unref'd timer, named by the captureException line (observed in 3 runs of 3).
      const at21 = (kind: string, what: string, extra: Record<string, unknown>) => ({ kind, created: 'lib-sentry-finally-async.js:21', in: 'exports.handler', library: '@sentry/core', what, ...extra });
      expect(a!.pendingAtFreeze).toEqual(ric(runtime) === 4
        ? [
          at21('TCPWRAP', 'a TCP socket', { unref: true }),
          at21('PIPEWRAP', "a pipe (a socket, or a child process's stdio)", { count: 2 }),
          flushTimer,
          at21('Timeout', 'a timer (setTimeout)', { unref: true }),
          flushPromise,
        ]
        : [flushTimer, flushPromise]);
    });
  }
});

describe('the freeze report off (the service\'s default)', () => {
  for (const runtime of SPEC_RUNTIMES) {
    onRuntime('nothing reported, the function sees no variable of it, and it prints the same', runtime, async () => {
      const off = await twice('article-callback', runtime, [{}, {}], { reportPending: false });
      const on = await twice('article-callback', runtime, [{}, {}]);
      expect(off.map((r) => r.pendingAtFreeze)).toEqual([undefined, undefined]);
      expect(off.map((r) => [r.lines, r.response])).toEqual(on.map((r) => [r.lines, r.response]));
      // With the report on, the handler sees the same variables as without (the hook removes its own).
      const probe = join(dir(), 'env-probe.js');
      writeFileSync(probe, 'exports.handler = async () => Object.keys(process.env).sort();\n');
      const seen: unknown[] = [];
      for (const reportPending of [false, true]) {
        const fn = await startFunction({ runtime, handlerFile: probe, reportPending, timeoutSec: 60 });
        others.add(fn);
        seen.push((await fn.invoke({})).response);
        await fn.close();
        others.delete(fn);
      }
      expect(seen[0]).toContain('AWS_LAMBDA_RUNTIME_API');
      expect(seen[1]).toEqual(seen[0]);
      expect(seen[1]).not.toContain(PENDING_VARIABLE);
    }, ric(runtime) === 4 ? CALLBACKS_REMOVED : undefined);
  }
});

describe('the report and the function\'s own output', () => {
  for (const runtime of SPEC_RUNTIMES) {
    onRuntime('a last write without a newline stays in the log, and the report is still read', runtime, async () => {
      const probe = join(dir(), 'no-newline.js');
      writeFileSync(probe, "exports.handler = async () => { setTimeout(() => {}, 60000); process.stdout.write('no newline'); return 'ok'; };\n");
      const fn = await startFunction({ runtime, handlerFile: probe, reportPending: true, timeoutSec: 60 });
      others.add(fn);
      try {
        const a = await fn.invoke({});
        expect(a.response).toBe('ok');
        expect(a.lines).toEqual(['no newline']);
        expect(a.logs.join('\n')).not.toContain('\u001e');
        expect(a.pendingUnknown).toBeUndefined();
        // The timer; stdout's own pipe, opened by the handler's first write, is reported too.
        expect(a.pendingAtFreeze).toContainEqual({ kind: 'Timeout', created: 'no-newline.js:1', in: 'exports.handler', what: 'a timer (setTimeout)' });
      } finally {
        await fn.close();
        others.delete(fn);
      }
    });
  }
});

describe('npm run lambda: the report as a line of its own after the log, and in --json', () => {
  const RUN = join(ROOT, 'tools', 'run.mjs');
  const lambda = (args: string[]) => execa(process.execPath, [RUN, join(ROOT, 'lambda', 'cli.ts'), '--', ...args], { cwd: ROOT, reject: false, timeout: TEST_MS - 10_000 });
  const runtime: RuntimeName = 'nodejs22.x';
  onRuntime('article-callback.js --event \'{}\' --event \'{}\': the pending timer at the first freeze', runtime, async () => {
    const text = await lambda(['lambda/handlers/article-callback.js', '--runtime', runtime, '--event', '{}', '--event', '{}']);
    expect(text.exitCode).toBe(0);
    const first = text.stdout.slice(0, text.stdout.indexOf('=== invocation 2'));
    const lines = first.split('\n');
    const at = lines.findIndex((l) => l.startsWith('--- frozen with work'));
    expect(lines[at - 1]).toMatch(/^REPORT RequestId: /);
    expect(lines[at]).toBe(pendingLine(ARTICLE_PENDING));
    expect(lines[at]).toContain("(the local service's report, not an AWS line");
    expect(lines[at]).toContain('a timer (setTimeout) created at article-callback.js:10');
    const json = await lambda(['lambda/handlers/article-callback.js', '--runtime', runtime, '--event', '{}', '--json']);
    expect(json.exitCode).toBe(0);
    const [rec] = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(rec!.pendingAtFreeze).toEqual(ARTICLE_PENDING);
    for (const k of ['n', 'requestId', 'runtime', 'node', 'environment', 'coldStart', 'response', 'logs', 'lines']) expect(rec, k).toHaveProperty(k);
    expect((rec!.logs as string[]).some((l) => l.startsWith('---'))).toBe(false);
    // Turned off: no line and no field; the finally still runs at the next invocation.
    const off = await lambda(['lambda/handlers/article-callback.js', '--runtime', runtime, '--event', '{}', '--event', '{}', '--no-freeze-report']);
    expect({ exit: off.exitCode, reported: off.stdout.includes('--- frozen with work'), finallyRan: off.stdout.includes('finally 2') }).toEqual({ exit: 0, reported: false, finallyRan: true });
    const offJson = await lambda(['lambda/handlers/article-callback.js', '--runtime', runtime, '--event', '{}', '--json', '--no-freeze-report']);
    expect(Object.keys((JSON.parse(offJson.stdout) as Record<string, unknown>[])[0]!)).not.toContain('pendingAtFreeze');
  });

  onRuntime('serve: the line after the invocation\'s log', runtime, async () => {
    // A group of its own, held (killed by the guard if this run is killed first); serve's own guard
    // ends its frozen runtime when serve goes.
    const child = execa(process.execPath, [RUN, join(ROOT, 'lambda', 'cli.ts'), '--', 'serve', 'lambda/handlers/article-callback.js', '--runtime', runtime, '--port', '0'], { cwd: ROOT, reject: false, detached: true, timeout: TEST_MS - 10_000 });
    holdGroup(child.pid);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      // Bounded waits: the server and the runtime start in seconds, far more on a loaded machine.
      await until('the base URL', () => out.includes('\n') || child.exitCode !== null, 120_000);
      expect(child.exitCode, out).toBeNull();
      const url = out.split('\n')[0]!;
      const res = await fetch(`${url}/2015-03-31/functions/f/invocations`, { method: 'POST', body: '{}' });
      expect(await res.json()).toEqual({ statusCode: 200, body: 'a' });
      await until('the invocation\'s log', () => /^REPORT /m.test(out), 60_000);
      const lines = out.split('\n');
      const at = lines.findIndex((l) => l.startsWith('REPORT '));
      expect(lines[at + 1]).toBe(pendingLine(ARTICLE_PENDING));
    } finally {
      child.kill('SIGINT');
      await until('serve to stop on SIGINT', () => child.exitCode !== null, 30_000).catch(() => {});
      killGroup(child.pid, 'SIGKILL');
      releaseGroup(child.pid);
      await child;
    }
  });
});
