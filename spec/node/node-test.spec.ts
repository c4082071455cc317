// node:test: how a test file ends (exit code, hang) when a test waits for ever, throws or rejects
// asynchronously, fails, exits, or leaves work behind. The scenarios report through a small custom
// reporter (scenarios/node-test/_reporter.js) that prints one line per result without durations, so
// that stdout is exact; the runner's own reporters change format between versions. Every
// expectation was observed on each pinned major 18..26 (npm run scenario -- <id> --node 12,...,26;
// 12..17 are n.a.: no node:test with --test-reporter there).
import { byNode, claim, describe, snapshot, type Outcome } from '../../harness/claims.ts';

const SUMMARY = (o: { tests: number; pass: number; fail: number; cancelled?: number; skipped?: number; todo?: number }) => [
  `# tests ${o.tests}`,
  `# pass ${o.pass}`,
  `# fail ${o.fail}`,
  `# cancelled ${o.cancelled ?? 0}`,
  `# skipped ${o.skipped ?? 0}`,
  `# todo ${o.todo ?? 0}`,
];
const PENDING = 'Promise resolution is still pending but the event loop has already resolved';

describe('a test that waits for a Promise that never settles', () => {
  claim('node-test/pending-promise', byNode({
    '<24': {
      exit: 1,
      stdout: [`not ok never settles (cancelledByParent): ${PENDING}`, ...SUMMARY({ tests: 1, pass: 0, fail: 0, cancelled: 1 }), 'exit listener 1'],
      stderr: '',
      exitEvent: { code: 1, printed: ['exit listener 1'] },
    },
    '>=24': { timedOut: true, stdout: '', stderr: '', exitEvent: 'not fired' },
  }));

  // Under --test the parent's report of the child changed release by release (18.x and 20.x before
  // 20.3 / 18.17 parsed the child's TAP; 19.x never serialized it). Each range below was run.
  const cancelled = SUMMARY({ tests: 1, pass: 0, fail: 0, cancelled: 1 });
  const tapParsed: Outcome = {
    exit: 1,
    stdout: [`not ok never settles (cancelledByParent): Error: ${PENDING}`, ...cancelled, '# exit listener 1', ...cancelled],
    stderr: '',
    exitEvent: { code: 1, printed: [] },
  };
  const serialized: Outcome = {
    exit: 1,
    stdout: [`not ok never settles (cancelledByParent): ${PENDING}`, 'stdout: exit listener 1', ...cancelled],
    stderr: '',
    exitEvent: { code: 1, printed: [] },
  };
  const fileFailed = ['not ok <dir>/pending-promise-test-flag.js (subtestsFailed): test failed', ...SUMMARY({ tests: 1, pass: 0, fail: 1 })];
  claim('node-test/pending-promise-test-flag', byNode({
    '<18.17.0': tapParsed,
    '>=18.17.0 <19': serialized,
    '>=19 <19.7.0': {
      exit: 1,
      stdout: [`  not ok never settles (cancelledByParent): Error: ${PENDING}`, '  # exit listener 1', ...fileFailed],
      stderr: '',
      exitEvent: { code: 1, printed: [] },
    },
    '>=19.7.0 <19.8.0': {
      exit: 1,
      stdout: [`  not ok never settles (cancelledByParent): Error: ${PENDING}`, ...cancelled.map((l) => `  ${l}`), '  # exit listener 1', ...fileFailed],
      stderr: '',
      exitEvent: { code: 1, printed: [] },
    },
    '>=19.8.0 <20.2.0': tapParsed,
    '>=20.2.0 <20.3.0': {
      exit: 1,
      stdout: [`not ok never settles (cancelledByParent): ${PENDING}`, '# exit listener 1', '# ', ...cancelled],
      stderr: '',
      exitEvent: { code: 1, printed: [] },
    },
    '>=20.3.0 <24': serialized,
    '>=24': { timedOut: true, stdout: '', stderr: '', exitEvent: 'not fired' },
  }));

  claim('node-test/pending-promise-timeout', {
    exit: 1,
    stdout: [
      byNode({
        '<24': `not ok never settles, with a timeout (cancelledByParent): ${PENDING}`,
        '>=24': 'not ok never settles, with a timeout (testTimeoutFailure): test timed out after 200ms',
      }),
      ...SUMMARY({ tests: 1, pass: 0, fail: 0, cancelled: 1 }),
      'exit listener 1',
    ],
    stderr: '',
    exitEvent: { code: 1, printed: ['exit listener 1'] },
  });
});

describe('errors that escape a test', () => {
  claim('node-test/uncaught-in-test', {
    exit: 1,
    stdout: ['not ok throws from a timer (uncaughtException): Error: boom from a timer', 'ok runs afterwards', ...SUMMARY({ tests: 2, pass: 1, fail: 1 }), 'exit listener 1'],
    stderr: '',
    exitEvent: { code: 1, printed: ['exit listener 1'] },
  });

  claim('node-test/rejection-in-test', {
    exit: 1,
    stdout: ['not ok leaves a rejection unhandled (unhandledRejection): Error: rejected in test', 'ok runs afterwards', ...SUMMARY({ tests: 2, pass: 1, fail: 1 }), 'exit listener 1'],
    stderr: '',
    exitEvent: { code: 1, printed: ['exit listener 1'] },
  });

  // The test passes, the run fails: exit code 1 with "# pass 1  # fail 0". The diagnostic names
  // the test's location (file:line:column) from 20.13 / 22.1 on.
  const afterTestEnded = (diagnostic: string) => snapshot`
    ok starts a timer and ends
    # ${diagnostic} generated asynchronous activity after the test ended. This activity created the error "Error: boom after the test" and would have caused the test to fail, but instead triggered an uncaughtException event.
    ${SUMMARY({ tests: 1, pass: 1, fail: 0 })}
    exit listener 1
    `;
  const warning = afterTestEnded('Warning: Test "starts a timer and ends"');
  const error = afterTestEnded('Error: Test "starts a timer and ends" at error-after-test-ended.js:19:1');
  claim('node-test/error-after-test-ended', {
    exit: 1,
    stdout: byNode({ '<20.13.0': warning, '>=20.13.0 <21': error, '>=21 <22.1.0': warning, '>=22.1.0': error }),
    stderr: '',
    exitEvent: { code: 1, printed: ['exit listener 1'] },
  });
});

describe('exit codes of a test file', () => {
  claim('node-test/failing-test-exit-code', {
    exit: 1,
    stdout: [
      'not ok fails (testCodeFailure): AssertionError: Expected values to be strictly equal:',
      '',
      '1 !== 2',
      '',
      'ok passes',
      ...SUMMARY({ tests: 2, pass: 1, fail: 1 }),
      'exit listener 1, process.exitCode 1',
    ],
    stderr: '',
    exitEvent: { code: 1, printed: ['exit listener 1, process.exitCode 1'] },
  });

  claim('node-test/todo-failure-exit-code', {
    exit: byNode({ '<18.19.0': 1, '>=18.19.0 <19': 0, '>=19 <20.6.0': 1, '>=20.6.0': 0 }),
    stdout: [
      'not ok failing todo # TODO (testCodeFailure): Error: not done yet',
      'ok skipped # SKIP',
      ...SUMMARY({ tests: 2, pass: 0, fail: 0, skipped: 1, todo: 1 }),
      byNode({ '<18.19.0': 'exit listener 1', '>=18.19.0 <19': 'exit listener 0', '>=19 <20.6.0': 'exit listener 1', '>=20.6.0': 'exit listener 0' }),
    ],
    stderr: '',
    exitEvent: byNode({
      '<18.19.0': { code: 1, printed: ['exit listener 1'] },
      '>=18.19.0 <19': { code: 0, printed: ['exit listener 0'] },
      '>=19 <20.6.0': { code: 1, printed: ['exit listener 1'] },
      '>=20.6.0': { code: 0, printed: ['exit listener 0'] },
    }),
  });

  claim('node-test/process-exit-in-test', {
    exit: 0,
    // Not one test result: the runner never got to report.
    stdout: ['exit listener 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit listener 0'] },
  });
});

describe('after hooks', () => {
  const ran = ['t.after() of the failing test', 'second test runs'];
  const results = ['not ok fails with cleanup (testCodeFailure): Error: assertion failed', 'ok passes'];
  const summary = [...SUMMARY({ tests: 2, pass: 1, fail: 1 }), 'exit listener 1'];
  const reported = [...results, ...summary];
  claim('node-test/after-hooks', {
    exit: 1,
    stdout: byNode({
      '<18.17.0': [...ran, ...reported], // the file-level after() does not run
      '>=18.17.0 <18.19.0': [...ran, ...results, 'file-level after()', ...summary], // runs after the results are reported
      '>=18.19.0 <19': [...ran, 'file-level after()', ...reported],
      '>=19 <20.3.0': [...ran, ...reported], // 19.x never runs the file-level after()
      '>=20.3.0 <20.7.0': [...ran, ...results, 'file-level after()', ...summary],
      '>=20.7.0': [...ran, 'file-level after()', ...reported],
    }),
    stderr: '',
    exitEvent: { code: 1, printed: ['exit listener 1'] },
  });
});

// ---- issue 18, family E: releases where a file-level hook or a flag behaves differently -----------
describe('a file-level after() that closes what before() opened; --test-force-exit', () => {
  claim('node-test/after-hook-open-handle', byNode<Outcome>({
    // The file-level before() did not run before the test: the server is undefined and the test fails.
    '<18.17.0 || >=19 <20.1.0': {
      exit: 1,
      stdout: ["not ok uses the server (testCodeFailure): TypeError: Cannot read properties of undefined (reading 'listening')", ...SUMMARY({ tests: 1, pass: 0, fail: 1 }), 'exit listener 1'],
      stderr: '',
      exitEvent: { code: 1, printed: ['exit listener 1'] },
    },
    // before() runs, but the file-level after() waits for 'beforeExit', which the open server
    // never lets come (nodejs/node#49056): no summary, and the process never ends.
    '>=18.17.0 <18.19.0 || >=20.1.0 <20.7.0': { timedOut: true, stdout: ['ok uses the server'], stderr: '', exitEvent: 'not fired' },
    '>=18.19.0 <19 || >=20.7.0': {
      exit: 0,
      stdout: ['after hook: closing the server', 'ok uses the server', ...SUMMARY({ tests: 1, pass: 1, fail: 0 }), 'exit listener 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit listener 0'] },
    },
  }));

  claim('node-test/force-exit-flag', byNode<Outcome>({
    // The flag came in 22.0.0 and 20.14.0; no 21.x release takes it.
    '<20.14.0 || >=21 <22.0.0': { exit: 9, stdout: '', stderr: ['<node>: bad option: --test-force-exit'], exitEvent: 'not fired' },
    '>=20.14.0 <21 || >=22.0.0': {
      exit: 0,
      stdout: ['ok leaves an interval running', ...SUMMARY({ tests: 1, pass: 1, fail: 0 }), 'exit listener 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit listener 0'] },
    },
  }));
});

// Issue 18, from user reports; observed on every pinned major from 18 (node range) to 26. Bun and
// Deno do not take --test-reporter: a visible skip.
describe('a test that leaks a handle', () => {
  claim('node-test/timeout-and-leaked-interval', {
    exit: 0,
    stdout: [
      'ok passes but leaks an interval',
      'still running after 500 ms; clearing the leaked interval',
      ...SUMMARY({ tests: 1, pass: 1, fail: 0 }),
      'exit listener 0',
    ],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit listener 0'] },
  });
});
