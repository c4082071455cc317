// `npm run lambda`: the command people use to watch a handler in a local Lambda environment.
// These are tests of the command (its output, exit status, bad input), run for every runtime the
// behaviour applies to; the claims themselves are checked through the service in the other specs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolder } from '../support/temp.ts';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { skipped } from '../../harness/claims.ts';
import { ROOT } from '../../harness/harness.ts';
import { spec as lambdaCommand } from '../../lambda/cli.ts';
import { normaliseLogs } from '../../lambda/logs.ts';
import { checkEnv, runtimeAvailability, type Invocation } from '../../lambda/service.ts';
import { runCommand } from '../../tools/command.ts';
import { ric, SPEC_RUNTIMES, type RuntimeName } from '../support/lambda-claims.ts';
import { partial } from '../support/lambda-matchers.ts';
import { expectInvocations } from '../support/lambda-outcome.ts';

// As package.json's script runs it: one process (tools/run.mjs: the command's cached bundle), no
// tsx CLI in between, which relays signals to its child and SIGKILLs it when it does not answer
// within 30 ms (on a loaded machine that would skip our clean-up).
const RUN = join(ROOT, 'tools', 'run.mjs');
// The "--" is package.json's, as `npm run lambda` passes it: without it Node 20 would take --env-file for itself.
const lambda = (args: string[]) => execa(process.execPath, [RUN, join(ROOT, 'lambda', 'cli.ts'), '--', ...args], { cwd: ROOT, reject: false, timeout: 180_000 });
const dir = tempFolder('lambda-cli-');
// Checked in, and named relative to the repository (the command's working directory), so that the
// test's title is the same in every run (npm run stress compares runs by title).
const badEnvFile = 'spec/lambda/fixtures/bad.env';

/**
 * The command's --json records, read as invocations for expectInvocations: a record's `logs` are
 * the raw lines, normalised here as the service does. A record has no process id, exit, init lines
 * or streamed flag: an outcome that states one of those fails, saying so.
 */
function records(stdout: string): Invocation[] {
  const out = JSON.parse(stdout) as (Invocation & { logs: string[] })[];
  const label = (id: string) => `<req:${out.find((r) => r.requestId === id)?.n ?? '?'}>`;
  return out.map((r) => {
    const inv = { ...r, rawLogs: r.logs, logs: normaliseLogs(r.logs, label) };
    for (const missing of ['pid', 'exit', 'initLines', 'streamed']) {
      Object.defineProperty(inv, missing, { get: () => { throw new Error(`a --json record has no ${missing}`); } });
    }
    return inv;
  });
}

/** A test of the command on `runtime`, skipped with the reason where the runtime cannot run. */
function test(runtime: RuntimeName, title: string, fn: () => Promise<void>) {
  const a = runtimeAvailability(runtime);
  if (!a.ok) return skipped(`${title} [${runtime}]`, a.reason);
  it(title, fn, 200_000);
}

for (const runtime of SPEC_RUNTIMES) {
  const gen = ric(runtime);
  describe(`npm run lambda -- --runtime ${runtime}`, () => {
    if (gen === 3) {
      test(runtime, "the article's callback handler, two events: `finally 2` is in the second invocation's log, not the first", async () => {
        const r = await lambda(['lambda/handlers/article-callback.js', '--runtime', runtime, '--timeout', '60', '--event', '{}', '--event', '{}']);
        expect(r.stderr).toBe('');
        expect(r.exitCode).toBe(0);
        const [first, second] = r.stdout.split(/^Response:$/m).slice(1);
        expect(first).toMatch(/\tINFO\tfinally 1$/m);
        expect(first).not.toMatch(/finally 2/);
        expect(second).toMatch(/\tINFO\tfinally 2$/m);
        expect(second!.indexOf('finally 2')).toBeLessThan(second!.indexOf('finally 1'));
      });
    }

    test(runtime, '--gap 500: a 200 ms timer set after the answer prints its line in invocation 2', async () => {
      const handler = gen === 3 ? 'handler' : 'asyncHandler'; // aws-lambda-ric 4 has no callback handlers
      const r = await lambda(['lambda/handlers/timer-after-answer.js', '--runtime', runtime, '--handler', handler, '--timeout', '60', '--gap', '500', '--event', '{"n":1}', '--event', '{"n":2}']);
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
      const [, first, second] = r.stdout.split(/^=== invocation /m);
      expect(first).toMatch(/^1 \(environment 1, cold start\)/);
      expect(first).not.toMatch(/timer from 1/);
      expect(second).toMatch(/^2 \(environment 1\)/);
      expect(second).toMatch(/\tINFO\ttimer from 1\n.*\tINFO\thandler 2\n/);
    });

    test(runtime, 'a 7 MiB answer fails with Function.ResponseSizeTooLarge (exit 1)', async () => {
      const r = await lambda(['lambda/handlers/big-response.js', '--runtime', runtime, '--timeout', '60', '--event', JSON.stringify({ bytes: 7 * 1024 * 1024 }), '--json']);
      expect(r.exitCode).toBe(1);
      expectInvocations(records(r.stdout), [
        { error: { errorType: 'Function.ResponseSizeTooLarge', errorMessage: 'Response payload size (7340034 bytes) exceeded maximum allowed payload size (6291556 bytes).' } },
      ]);
    });

    test(runtime, '--memory 128 and a handler allocating 300 MB: killed, "Runtime exited with error: signal: killed", REPORT says Runtime.OutOfMemory (exit 1)', async () => {
      const r = await lambda(['lambda/handlers/memory-hog.js', '--runtime', runtime, '--timeout', '60', '--memory', '128', '--event', '{"mb":300}', '--json']);
      expect(r.exitCode).toBe(1);
      expectInvocations(records(r.stdout), [{
        error: partial({ errorType: 'Runtime.ExitError', errorMessage: / Error: Runtime exited with error: signal: killed$/ }),
        report: { memorySize: 128, maxMemoryUsed: 128, status: 'error', errorType: 'Runtime.OutOfMemory' },
      }]);
    });

    test(runtime, 'after a time-out, a function whose init (2 s) is longer than its timeout (1 s) times out again, in init', async () => {
      const r = await lambda(['lambda/handlers/slow-init.js', '--runtime', runtime, '--timeout', '1', '--env', 'INIT_MS=2000', '--gap', '0', '--event', '{"hang":true}', '--event', '{}', '--event', '{}', '--json']);
      expect(r.exitCode).toBe(1);
      const timedOutInInit = (n: number) => ({
        timedOut: true,
        suppressedInit: true,
        error: partial({ errorType: 'Sandbox.Timedout' }),
        // Lambda's order: the init's INIT_REPORT before START, the time-out after it.
        head: ['INIT_REPORT Init Duration: <n> ms\tPhase: invoke\tStatus: timeout'],
        body: [`<time> <req:${n}> Task timed out after 1.00 seconds`],
      });
      expectInvocations(records(r.stdout), [{ timedOut: true, suppressedInit: false }, timedOutInInit(2), timedOutInInit(3)]);
    });

    test(runtime, '--env FOO=bar and --env-file <file> reach the handler; --env wins', async () => {
      const f = join(dir(), `${runtime}.env`);
      writeFileSync(f, '# the function\'s settings\nBAR="from a file"\nFOO=overridden\n');
      const r = await lambda(['lambda/handlers/context-probe.js', '--runtime', runtime, '--timeout', '60', '--env-file', f, '--env', 'FOO=bar', '--json']);
      expect(r.exitCode, r.stderr).toBe(0);
      expectInvocations(records(r.stdout), [{ response: partial({ FOO: 'bar', BAR: 'from a file' }) }]);
    });
  });
}

const runtime = SPEC_RUNTIMES.find((r) => runtimeAvailability(r).ok);
describe("a function's environment variables", () => {
  it('may take 4 KB together, counted as the JSON object the API receives: 4096 bytes pass, 4097 do not', () => {
    expect(() => checkEnv({ BIG: 'x'.repeat(4086) })).not.toThrow();
    expect(() => checkEnv({ BIG: 'x'.repeat(4087) })).toThrow(/^environment variables take 4097 bytes/);
    // Counted in bytes, not characters: 2 bytes per "é".
    expect(() => checkEnv({ BIG: 'é'.repeat(2044) })).toThrow(/take 4098 bytes/);
  });
});

describe('npm run lambda: the command', () => {
  if (!runtime) {
    skipped('the command', `no runtime available here (${SPEC_RUNTIMES.map((r) => runtimeAvailability(r)).map((a) => (a.ok ? '' : a.reason)).join('; ')})`);
    return;
  }
  // A 60 s function timeout: these tests are not about time-outs, and the machine may be loaded.
  const rt = ['--runtime', runtime, '--timeout', '60'];

  it('--json gives one record per event', async () => {
    const r = await lambda(['lambda/handlers/article-async.js', ...rt, '--event', '{"a":1}', '--event', '{}', '--json', '--gap', '0']);
    expect(r.exitCode).toBe(0);
    expectInvocations(records(r.stdout), [
      { n: 1, coldStart: true, response: partial({ statusCode: 200, body: 'a' }) },
      { n: 2, coldStart: false, response: partial({ statusCode: 200, body: 'a' }) },
    ]);
  }, 200_000);

  it('--parallel: two events at once, two environments; --concurrency 1 throttles the second', async () => {
    const two = await lambda(['lambda/handlers/busy-pool.js', ...rt, '--parallel', '--event', '{"ms":300}', '--event', '{"ms":300}', '--json']);
    expect(two.exitCode).toBe(0);
    expectInvocations(records(two.stdout), [{ environment: 1, coldStart: true }, { environment: 2, coldStart: true }]);
    const one = await lambda(['lambda/handlers/busy-pool.js', ...rt, '--parallel', '--concurrency', '1', '--event', '{"ms":300}', '--event', '{}']);
    expect(one.exitCode).toBe(1);
    expect(one.stdout).toMatch(/^=== invocation 2 \(throttled\)$/m);
    expect(one.stdout).toMatch(/"errorType": "TooManyRequestsException"/);
  }, 200_000);

  it('--idle-reap: an environment frozen longer is shut down, the next invocation starts a new one', async () => {
    const r = await lambda(['lambda/handlers/timer-after-answer.js', ...rt, '--handler', 'asyncHandler', '--gap', '500', '--idle-reap', '200', '--event', '{"n":1}', '--event', '{"n":2}']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^--- environment 1 shut down after 200 ms frozen \(what it left pending never runs\)$/m);
    expect(r.stdout).toMatch(/^=== invocation 2 \(environment 2, cold start\)$/m);
    expect(r.stdout).not.toMatch(/timer from/);
  }, 200_000);

  it('--log-format JSON --log-level WARN: the function\'s lines and Lambda\'s own are JSON, below WARN nothing prints', async () => {
    const r = await lambda(['lambda/handlers/log-format-json.js', ...rt, '--log-format', 'JSON', '--log-level', 'WARN', '--event', '{"n":1}']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const log = r.stdout.slice(r.stdout.indexOf('Function logs:\n') + 'Function logs:\n'.length).trim().split('\n');
    expect(log.map((l) => (JSON.parse(l) as { type?: string; level?: string }).type ?? (JSON.parse(l) as { level: string }).level)).toEqual([
      'platform.initStart', 'platform.start', 'WARN', 'ERROR', 'platform.report',
    ]);
  }, 200_000);

  it('a handler that throws at import: one line naming the error, exit 1', async () => {
    const f = join(dir(), 'throws.js');
    writeFileSync(f, "throw new Error('boom at import');\n");
    const r = await lambda([f, ...rt]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`lambda: ${f} failed at init on ${runtime}: Error: boom at import`]);
  }, 200_000);

  // Bad input, run in this process (tools/command.ts runCommand: the same argument handling,
  // and it fails the test if a case starts a process, fetches or leaves a signal listener).
  it.each([
    [['no/such/handler.js'], /^lambda: .*no\/such\/handler\.js/],
    [['lambda/handlers/article-async.js', '--runtime', 'nodejs99.x'], /^lambda: .*nodejs99\.x/],
    [['lambda/handlers/article-async.js', '--event', '{not json'], /^lambda: .*--event/],
    [['lambda/handlers/article-async.js', '--env', 'FOO'], /^lambda: --env needs KEY=VALUE/],
    [['lambda/handlers/article-async.js', '--env', '1FOO=x'], /^lambda: environment variable name "1FOO" is not allowed/],
    [['lambda/handlers/article-async.js', '--env', 'AWS_REGION=eu-west-1'], /^lambda: environment variable AWS_REGION is reserved/],
    // {"BIG":"x...x"}: 10 bytes around 4087 is 4097, one over; 4086 fits.
    [['lambda/handlers/article-async.js', '--env', `BIG=${'x'.repeat(4087)}`], /^lambda: environment variables take 4097 bytes; Lambda allows 4 KB \(4096 bytes\)/],
    [['lambda/handlers/article-async.js', '--env-file', '/no/such/file'], /^lambda: --env-file: cannot read \/no\/such\/file/],
    [['lambda/handlers/article-async.js', '--env-vars', '/no/such/file'], /^lambda: --env-vars: cannot read \/no\/such\/file/],
    [['lambda/handlers/article-async.js', '--env-vars', badEnvFile], /^lambda: --env-vars \S+bad\.env line 2 needs KEY=VALUE, got "not a pair"$/],
    [['lambda/handlers/article-async.js', '--gap', '-1'], /^lambda: --gap takes a value that does not start with "-"/],
    [['lambda/handlers/article-async.js', '--gap=-1'], /^lambda: --gap needs a whole number from 0 to 2147483647, got "-1"/],
    [['lambda/handlers/article-async.js', '--memory', '0'], /^lambda: --memory needs a whole number from 128 to 10240, got "0"/],
    [['lambda/handlers/article-async.js', '--memory', '20000'], /^lambda: --memory needs a whole number from 128 to 10240/],
    [['lambda/handlers/article-async.js', '--concurrency', 'banana'], /^lambda: --concurrency needs a whole number from 1 to 100000, got "banana"/],
    // A timer longer than 2^31 - 1 ms fires after 1 ms: refused, not silently shortened.
    [['lambda/handlers/article-async.js', '--gap', '2147483648'], /^lambda: --gap needs a whole number from 0 to 2147483647, got "2147483648"$/],
    [['lambda/handlers/article-async.js', '--idle-reap', '99999999999999999999'], /^lambda: --idle-reap needs a whole number from 1 to 2147483647/],
    [['lambda/handlers/article-async.js', '--memory', '20000'], /^lambda: --memory needs a whole number from 128 to 10240, got "20000"$/],
    [['lambda/handlers/article-async.js', '--idle-reap', '0'], /^lambda: --idle-reap needs a whole number from 1 to 2147483647/],
    [['lambda/handlers/article-async.js', '--timeout', '901'], /^lambda: --timeout must be/],
    [['lambda/handlers/article-async.js', '--cognito-identity', '{}'], /^lambda: --cognito-identity needs/],
    [['lambda/handlers/article-async.js', '--frobnicate'], /^lambda: Unknown option '--frobnicate'/],
    [['lambda/handlers/article-async.js', '--log-format', 'xml'], /^lambda: --log-format must be Text or JSON, got "xml"$/],
    [['lambda/handlers/article-async.js', '--log-format', 'JSON', '--log-level', 'LOUD'], /^lambda: --log-level must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, got "LOUD"$/],
    [['lambda/handlers/article-async.js', '--log-level', 'WARN'], /^lambda: --log-level needs the JSON log format/],
    [['lambda/handlers/article-async.js', '--log-format', 'Text', '--env', 'AWS_LAMBDA_LOG_FORMAT=JSON'], /^lambda: --log-format must agree with AWS_LAMBDA_LOG_FORMAT=JSON/],
    [['lambda/handlers/article-async.js', '--layer', '/no/such/layer'], /^lambda: layer folder \/no\/such\/layer does not exist$/],
    [['lambda/handlers/article-async.js', '--layer', 'lambda/handlers/article-async.js'], /^lambda: layer \S+article-async\.js is a file, not a folder/],
    [['lambda/handlers/article-async.js', '--region', 'Mars'], /^lambda: --region must be a region name such as us-east-1, got "Mars"$/],
    [['lambda/handlers/article-async.js', '--env', 'AWS_ACCESS_KEY_ID=x'], /^lambda: environment variable AWS_ACCESS_KEY_ID is reserved/],
  ])('bad input %j: one line, exit 2', async (args, message) => {
    // The handler path is the repository's, whatever this process's working directory.
    const argv = args.map((a) => (a.startsWith('lambda/handlers/') ? join(ROOT, a) : a));
    const r = await runCommand(lambdaCommand, [...argv, ...(args.includes('--runtime') ? [] : ['--runtime', runtime!])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  // Only a runtime can tell that a handler is not exported: the real command, through its own
  // process (the wiring: one line on stderr, exit 2).
  it.each([
    [['lambda/handlers/article-async.js', '--handler', 'nope'], /^lambda: Runtime\.HandlerNotFound/],
  ])('bad input %j: one line, exit 2', async (args, message) => {
    const r = await lambda([...args, '--runtime', runtime!]);
    expect(r.exitCode).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  }, 200_000);
});

describe('npm run lambda: a handler path or an event that is not what it should be', () => {
  if (!runtime) {
    skipped('npm run lambda: bad handler paths and events', `no runtime available here (${SPEC_RUNTIMES.map((r) => runtimeAvailability(r)).map((a) => (a.ok ? '' : a.reason)).join('; ')})`);
    return;
  }
  const handler = join(ROOT, 'lambda', 'handlers', 'article-async.js');
  const bad = async (args: string[]) => {
    const r = await runCommand(lambdaCommand, [...args, '--runtime', runtime]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.replace(/\n$/, '').split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    // Nothing a terminal would act on: no escape, bell or other control character.
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    return lines[0]!;
  };

  it.each([
    ['a folder', join(ROOT, 'lambda', 'handlers'), `lambda: ${join(ROOT, 'lambda', 'handlers')} is a directory, not a handler file`],
    ['/dev/null', '/dev/null', 'lambda: /dev/null is a special file (a device, FIFO or socket), not a handler file'],
    ['a missing file', '/no/such/handler.js', 'lambda: handler file /no/such/handler.js does not exist'],
  ])('a handler path that is %s: one line, exit 2', async (_what, path, message) => {
    expect(await bad([path])).toBe(message);
  });

  it('--event file://<a file that is not JSON>: one line naming the file, without its content', async () => {
    const f = join(dir(), 'not-an-event.txt');
    writeFileSync(f, 'API_KEY=hunter2\u001b[2J\u0007\nsecond line\n');
    expect(await bad([handler, '--event', `file://${f}`])).toBe(`lambda: --event #1: ${f} is not valid JSON (Unexpected token)`);
  });

  it('--event with control characters typed: shown escaped, on one line', async () => {
    expect(await bad([handler, '--event', '\u001b[2J{\nx'])).toBe('lambda: --event #1 is not valid JSON (Unexpected token \'\\u001b\'): \\u001b[2J{\\u000ax');
  });
});
