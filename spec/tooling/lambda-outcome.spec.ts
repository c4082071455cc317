// The Lambda claims' outcome object (spec/support/lambda-outcome.ts) and its matchers: each part
// holds when it should and fails when it should, on invocations built here from the same log
// lines the service writes (lambda/logs.ts), so that no runtime is started.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Invocation } from '../../lambda/service.ts';
import { endLine, exitLines, initReportLine, messageOf, normaliseLogs, platformLines, reportLine, startLine, timeoutLine, type ReportFields } from '../../lambda/logs.ts';
import { etc, has, inOrder, like, not, number, oneOf, partial } from '../support/lambda-matchers.ts';
import { expectInvocation, expectInvocations, frame, reportOf } from '../support/lambda-outcome.ts';

const ids: string[] = [randomUUID(), randomUUID(), randomUUID()];
const label = (id: string) => `<req:${ids.indexOf(id) + 1}>`;

/** Invocation n (1-based) as the service would report it: `printed` between START and END, then `tail`. */
function invocation(n: number, o: { printed?: string[]; head?: string[]; tail?: string[]; report?: Partial<ReportFields>; pid?: number } & Partial<Invocation> = {}): Invocation {
  const id = ids[n - 1]!;
  const raw = [...(o.head ?? []), startLine(id), ...(o.printed ?? []), ...(o.tail ?? []), endLine(id), reportLine({ id, durationMs: 12.345, memorySizeMb: 128, maxMemoryUsedMb: 60, ...o.report })];
  return {
    n, requestId: id, environment: 1, logs: normaliseLogs(raw, label), rawLogs: raw, lines: o.printed ?? [], initLines: [], durationMs: 12.345, billedMs: 13,
    maxMemoryUsedMb: 60, timedOut: false, coldStart: n === 1, suppressedInit: false, pid: o.pid ?? 4_000_000, runtimeApi: '127.0.0.1:1', ...o,
  } as Invocation;
}

interface Failure { message: string; actual?: Record<string, unknown>; expected?: Record<string, unknown> }

/** The assertion `f` throws (it must throw one): its message, and the two sides vitest's diff shows. */
function failure(f: () => void): Failure {
  try {
    f();
  } catch (e) {
    return e as Failure;
  }
  throw new Error('expected the check to fail, it held');
}

describe('lambda-matchers', () => {
  const lines = ['first', 'middle', 'answer 413', 'last'];
  it.each([
    [like('first', etc), true],
    [like(etc, 'answer 413', 'last'), true],
    [like('first', etc, /413/, etc), true],
    [like('first', 'middle', 'answer 413', 'last'), true],
    [like('first'), false], // the whole list: one line is not four
    [like(etc, 'middle'), false],
    [like(/^mid/, etc), false],
    [has('middle', /^ans/), true],
    [has('midd'), false], // a string is a whole line
    [has('last', not('middle')), false],
    [has(not(/^fir/)), false],
    [has(not('other')), true],
    [inOrder('middle', 'last'), true],
    [inOrder('last', 'middle'), false],
    [inOrder('missing', 'last'), false],
    [inOrder('first', 'missing'), false],
  ])('%s on four lines: %s', (m, holds) => {
    expect(m.asymmetricMatch(lines)).toBe(holds);
  });

  it('number, oneOf, partial', () => {
    expect(number({ atLeast: 20, below: 128 }).asymmetricMatch(20)).toBe(true);
    expect(number({ atLeast: 20, below: 128 }).asymmetricMatch(128)).toBe(false);
    expect(number({ above: 0 }).asymmetricMatch(0)).toBe(false);
    expect(number({ above: 0 }).asymmetricMatch('1')).toBe(false);
    expect(oneOf(1, 2).asymmetricMatch(2)).toBe(true);
    expect(oneOf(1, 2).asymmetricMatch(3)).toBe(false);
    expect({ errorType: 'E', errorMessage: 'Error: boom', trace: [] }).toEqual(partial({ errorType: 'E', errorMessage: /^Error: b/ }));
    expect({ errorType: 'E', errorMessage: 'TypeError: boom' }).not.toEqual(partial({ errorMessage: /^Error: b/ }));
  });
});

describe('lambda-outcome', () => {
  it('reads REPORT field by field, numbers from the raw line', () => {
    expect(reportOf(invocation(1, { report: { initMs: 100.5 } }))).toEqual({ requestId: '<req:1>', duration: 12.35, billed: 113, memorySize: 128, maxMemoryUsed: 60, init: 100.5 });
    expect(reportOf(invocation(2, { report: { status: { kind: 'timeout' } } }))).toStrictEqual({ requestId: '<req:2>', duration: 12.35, billed: 13, memorySize: 128, maxMemoryUsed: 60, status: 'timeout' });
    expect(reportOf(invocation(2, { report: { status: { kind: 'error', errorType: 'Runtime.ExitError' } } }))).toMatchObject({ status: 'error', errorType: 'Runtime.ExitError' });
    const broken = invocation(1);
    broken.rawLogs = [...broken.rawLogs.slice(0, -1), broken.rawLogs.at(-1)!.replace('\tMemory Size', '\tMemory')];
    expect(() => reportOf(broken)).toThrow(/^no REPORT line/);
  });

  it('holds when every stated field is as stated', () => {
    const a = invocation(1, { printed: ['<t>\tx\tINFO\twork 1 started'], response: 'answer 1', report: { initMs: 80 } });
    const b = invocation(2, {
      head: [initReportLine(5, 'invoke', { kind: 'timeout' })], tail: [timeoutLine(ids[1]!, 3)], timedOut: true, coldStart: true, suppressedInit: true,
      error: { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${ids[1]} Error: Task timed out after 3.00 seconds` }, report: { status: { kind: 'timeout' } },
    });
    const c = invocation(3, { tail: exitLines(ids[2]!, 'Runtime exited with error: signal: killed'), pid: 4_000_001, exit: { code: null, signal: 'SIGKILL' } });
    expectInvocations([a, b, c], [
      { ...frame(1, { memorySize: 128, init: expect.any(Number) }), response: 'answer 1', coldStart: true, lines: has(/work 1 started$/), gone: true, head: [] },
      {
        ...frame(2, { status: 'timeout', init: undefined }),
        process: 'same',
        error: { errorType: 'Sandbox.Timedout', errorMessage: 'RequestId: <req:2> Error: Task timed out after 3.00 seconds' },
        head: ['INIT_REPORT Init Duration: <n> ms\tPhase: invoke\tStatus: timeout'],
        body: ['<time> <req:2> Task timed out after 3.00 seconds'],
        response: undefined,
      },
      { process: 'new', exit: { code: null, signal: 'SIGKILL' }, body: like(etc, 'RequestId: <req:3> Error: Runtime exited with error: signal: killed', 'Runtime.ExitError') },
    ]);
  });

  it('fails on any stated field, and the diff shows it by invocation', () => {
    const a = invocation(1, { response: 'answer 1', report: { initMs: 50 } });
    const b = invocation(2, { response: 'answer 2' });
    const f = failure(() => expectInvocations([a, b], [{ response: 'answer 1' }, { response: 'answer 3' }]));
    expect(f.message).toMatch(/^each invocation listed/);
    // with each invocation's last log lines, request ids labelled
    expect(f.message).toMatch(/\nlogs:\n#1: .*\n[\s\S]*#2: /);
    expect(f.message).toContain(a.logs.at(-1)!.replace(a.requestId, '<req:1>'));
    expect(f.actual).toEqual({ '#1': { response: 'answer 1' }, '#2': { response: 'answer 2' } });
    expect(f.expected).toEqual({ '#1': { response: 'answer 1' }, '#2': { response: 'answer 3' } });
    // Each field fails alone: what the diff shows of the invocation.
    const shown = (i: Invocation, o: Parameters<typeof expectInvocation>[1]) => failure(() => expectInvocation(i, o)).actual!['#1'];
    expect(shown(a, { response: undefined })).toEqual({ response: 'answer 1' });
    expect(shown(a, { report: { init: undefined } })).toEqual({ report: { init: expect.any(Number) } });
    expect(shown(a, { report: { status: 'timeout' } })).toEqual({ report: { status: undefined } });
    expect(shown(a, { process: 'same' })).toEqual({ process: 'first' });
    expect(shown(a, { gone: false })).toEqual({ gone: true }); // pid 4000000: no such process
    expect(shown(a, { lines: has('x') })).toEqual({ lines: [] });
    expect(failure(() => expectInvocations([a, b], [{}, { process: 'new' }])).actual!['#2']).toEqual({ process: 'same' });
    expect(failure(() => expectInvocations([a, b], [{}])).message).toMatch(/^as many expected outcomes as invocations/);
  });

  it('with the JSON log format: head, body, start and report from the platform lines; no END', () => {
    const p = platformLines('JSON', { functionName: 'f', functionArn: 'arn:f' });
    const id = ids[0]!;
    const raw = [
      p.initStart({ version: 'nodejs:22.x1', arn: 'arn:aws:lambda:us-east-1::runtime:' + 'a'.repeat(64) }), '{"timestamp":"2026-01-01T00:00:00.000Z","level":"INFO","message":"loaded"}',
      p.start(id), `{"timestamp":"2026-01-01T00:00:00.000Z","level":"INFO","requestId":"${id}","message":"hi"}`,
      p.report({ id, durationMs: 12.3456, memorySizeMb: 128, maxMemoryUsedMb: 60, initMs: 100.5, status: { kind: 'error', errorType: 'Runtime.ExitError' } }),
    ];
    const r = { ...invocation(1), logs: normaliseLogs(raw, label), rawLogs: raw };
    expectInvocation(r, {
      head: [
        '{"time":"<time>","type":"platform.initStart","record":{"initializationType":"on-demand","phase":"init","runtimeVersion":"nodejs:22.<build>","runtimeVersionArn":"arn:aws:lambda:us-east-1::runtime:<id>","functionName":"f","functionVersion":"$LATEST"}}',
        '{"timestamp":"<time>","level":"INFO","message":"loaded"}',
      ],
      start: '{"time":"<time>","type":"platform.start","record":{"requestId":"<req:1>","functionArn":"arn:f","version":"$LATEST"}}',
      body: ['{"timestamp":"<time>","level":"INFO","requestId":"<req:1>","message":"hi"}'],
      end: undefined,
      report: { requestId: '<req:1>', duration: 12.346, billed: 113, memorySize: 128, maxMemoryUsed: 60, init: 100.5, status: 'error', errorType: 'Runtime.ExitError' },
    });
    expect(r.logs.at(-1)).toBe(
      '{"time":"<time>","type":"platform.report","record":{"requestId":"<req:1>","metrics":{"durationMs":<n>,"billedDurationMs":<n>,"memorySizeMB":128,"maxMemoryUsedMB":<n>,"initDurationMs":<n>},"status":"error","errorType":"Runtime.ExitError"}}',
    );
    expect(messageOf(raw[3]!)).toBe('hi');
    expect(p.end(id)).toBeUndefined();
  });

  it('an invocation refused before any environment: no log, so no head, body or REPORT', () => {
    const refused = { ...invocation(1), logs: [], rawLogs: [], refused: 'throttled' as const, environment: 0, pid: 0 };
    expectInvocation(refused, { refused: 'throttled', logs: [], head: [], body: [], start: undefined, end: undefined, report: 'no REPORT line: the last line is undefined' } as never);
  });

  it('labels request ids in error messages as the logs do, and refuses a field it does not know', () => {
    const a = invocation(1, { error: { errorType: 'X', errorMessage: `RequestId: ${ids[1]} and ${ids[0]}` } });
    const b = invocation(2);
    expectInvocations([a, b], [{ error: { errorType: 'X', errorMessage: 'RequestId: <req:2> and <req:1>' } }, {}]);
    expect(() => expectInvocation(a, { respnse: 1 } as never)).toThrow(/has no field "respnse"/);
  });
});
