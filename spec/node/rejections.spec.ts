import { byNode, claim, describe, expect, line, not, type Outcome } from '../../harness/claims.ts';

const WARNING = 'UnhandledPromiseRejectionWarning: Error: boom';
const DEP0018 = '[DEP0018] DeprecationWarning: Unhandled promise rejections are deprecated.';

/** The rejection of `new Error('boom')` raised as an uncaught exception: Node prints it and exits with 1. */
const THROWS: Outcome = { exit: 1, stdout: ['exit 1'], stderr: [line('Error: boom')], exitEvent: { code: 1, printed: ['exit 1'] } };
/** The script's unhandledRejection listener got it; the process carries on, quietly, and exits with 0. */
const HANDLED: Outcome = { exit: 0, stdout: ['unhandledRejection: boom', 'timer ran', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } };
/** Before 14.5 (no `throw` or `warn-with-error-code` mode yet) Node refuses the flag and runs nothing. */
const BAD_MODE: Outcome = { exit: 9, stdout: '', stderr: ['invalid value for --unhandled-rejections'], exitEvent: 'not fired' };

describe('an unhandled rejection, by default', () => {
  claim('rejections/unhandled-default', byNode<Outcome>({
    '<15': { exit: 0, stdout: ['timer ran', 'exit 0'], stderr: [WARNING, DEP0018], exitEvent: { code: 0, printed: ['exit 0'] } },
    '>=15': { ...THROWS, stderr: [line('Error: boom'), not('UnhandledPromiseRejectionWarning')] },
    // Bun exits 1 but tells the 'exit' listeners 0 (https://github.com/oven-sh/bun/pull/38116); Deno skips 'exit'.
    bun: { exit: 1, stdout: ['exit 0'], stderr: [line('error: boom')], exitEvent: { code: 0, printed: ['exit 0'] } },
    deno: { exit: 1, stdout: [], stderr: [line('error: Uncaught (in promise) Error: boom')], exitEvent: 'not fired' },
  }));

  // From 15 on the rejection crashes the process with the same message everywhere; how the error
  // is printed is not the same. Without a stack (before nodejs/node#52108: up to 20.14.0, all of
  // 21.x, up to 22.1.0) util.inspect shows it in square brackets; with one (20.15.0+, 22.2.0+, 23+)
  // it prints name and message on a line of their own, then stack frames.
  const NON_ERROR_MESSAGE =
    'UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, ' +
    'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "just a string".';
  const crashes = (first: RegExp, notFirst: RegExp, also: Outcome['also']): Outcome => ({
    exit: 1,
    stdout: ['exit 1'],
    stderr: [first, line("  code: 'ERR_UNHANDLED_REJECTION'"), not(notFirst)],
    exitEvent: { code: 1, printed: ['exit 1'] },
    also,
  });
  const stackless = crashes(line(`[${NON_ERROR_MESSAGE}] {`), line(NON_ERROR_MESSAGE), (r) => {
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
  const withStack = crashes(line(NON_ERROR_MESSAGE), line(`[${NON_ERROR_MESSAGE}] {`), (r) => {
    expect(r.stderr).toContain(`${NON_ERROR_MESSAGE}\n    at `);
  });
  claim('rejections/unhandled-non-error', byNode<Outcome>({
    '<15': { exit: 0, stdout: ['exit 0'], stderr: ['UnhandledPromiseRejectionWarning: just a string'], exitEvent: { code: 0, printed: ['exit 0'] } },
    '>=15 <20.15.0': stackless,
    '>=20.15.0 <21': withStack,
    '>=21 <22.2.0': stackless,
    '>=22.2.0': withStack,
    // Both report the string itself, not Node's ERR_UNHANDLED_REJECTION; Bun exits 1 but tells the 'exit' listeners 0 (https://github.com/oven-sh/bun/pull/38116).
    bun: { exit: 1, stdout: ['exit 0'], stderr: [line('error: just a string'), not('ERR_UNHANDLED_REJECTION')], exitEvent: { code: 0, printed: ['exit 0'] } },
    deno: { exit: 1, stdout: [], stderr: [line('error: Uncaught (in promise) "just a string"')], exitEvent: 'not fired' },
  }));
});

describe('--unhandled-rejections modes, without and with an unhandledRejection listener', () => {
  claim('rejections/mode-strict', byNode<Outcome>({
    '*': THROWS,
    // Bun raises the error, and prints the warning of `warn` mode as well.
    bun: { ...THROWS, stderr: [line('error: boom'), WARNING] },
  }));

  claim('rejections/mode-strict-handler', byNode<Outcome>({
    '*': THROWS,
    // Bun calls the unhandledRejection listener, then still ends with the error.
    bun: { ...THROWS, stdout: ['unhandledRejection: boom', 'exit 1'], stderr: [line('error: boom')] },
  }));

  claim('rejections/mode-throw', byNode({ '<14.5': BAD_MODE, '>=14.5': THROWS,
    bun: { ...THROWS, stderr: [line('error: boom')] },
  }));

  claim('rejections/mode-throw-handler', byNode({ '<14.5': BAD_MODE, '>=14.5': HANDLED }));

  claim('rejections/mode-warn', {
    exit: 0,
    stdout: ['timer ran', 'exit 0'],
    stderr: [WARNING, not('DEP0018')],
    exitEvent: { code: 0, printed: ['exit 0'] },
  });

  claim('rejections/mode-warn-handler', { ...HANDLED, stderr: [WARNING] });

  claim('rejections/mode-none', { exit: 0, stdout: ['timer ran', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } });

  claim('rejections/mode-none-handler', HANDLED);

  claim('rejections/mode-warn-with-error-code', byNode<Outcome>({
    '<14.5': BAD_MODE,
    '>=14.5': { exit: 1, stdout: ['timer ran', 'exit 1'], stderr: [WARNING], exitEvent: { code: 1, printed: ['exit 1'] } },
  }));

  claim('rejections/mode-warn-with-error-code-handler', byNode({ '<14.5': BAD_MODE, '>=14.5': HANDLED }));
});

describe('a handler attached late', () => {
  const HANDLED_LATE = 'PromiseRejectionHandledWarning: Promise rejection was handled asynchronously (rejection id: 1)';
  claim('rejections/late-catch', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['unhandledRejection: late', 'caught late: late', 'rejectionHandled, same promise: true', 'exit 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    // Deno's rejectionHandled event passes another object than the promise that was rejected.
    deno: { exit: 0, stdout: ['unhandledRejection: late', 'caught late: late', 'rejectionHandled, same promise: false', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } },
  }));

  claim('rejections/late-catch-warning', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['caught late: late', 'exit 0'],
      stderr: ['UnhandledPromiseRejectionWarning: Error: late', HANDLED_LATE],
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    // Bun's warning has no rejection id.
    bun: { exit: 0, stdout: ['caught late: late', 'exit 0'], stderr: ['UnhandledPromiseRejectionWarning: Error: late', /PromiseRejectionHandledWarning: Promise rejection was handled asynchronously$/], exitEvent: { code: 0, printed: ['exit 0'] } },
  }));

  claim('rejections/late-catch-none', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['caught late: late', 'exit 0'],
      stderr: [not('UnhandledPromiseRejectionWarning'), HANDLED_LATE],
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    bun: { exit: 0, stdout: ['caught late: late', 'exit 0'], stderr: [not('UnhandledPromiseRejectionWarning'), /PromiseRejectionHandledWarning: Promise rejection was handled asynchronously$/], exitEvent: { code: 0, printed: ['exit 0'] } },
  }));
});

describe('await inside try/catch', () => {
  claim('rejections/await-try-catch', {
    exit: 0,
    stdout: ['end of code', 'caught: rejected from a timer', 'exit 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit 0'] },
  });
});

// ---- issue 18, family E: what the report shows of a reason that is a plain object -----------------
describe('an unhandled rejection whose reason is a plain object', () => {
  const MESSAGE =
    'UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, ' +
    'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "#<Object>".';
  // Node never prints the object's fields: neither the warning (up to 14) nor the crash (15+).
  const hidden = [not('disk full'), not('code: 42')];
  const crash = (first: string): Outcome => ({
    exit: 1,
    stdout: ['exit 1'],
    stderr: [line(first), line("  code: 'ERR_UNHANDLED_REJECTION'"), ...hidden],
    exitEvent: { code: 1, printed: ['exit 1'] },
  });
  claim('rejections/unhandled-object-reason', byNode<Outcome>({
    '<15': {
      exit: 0,
      stdout: ['exit 0'],
      stderr: [
        line('(node:<pid>) UnhandledPromiseRejectionWarning: #<Object>'),
        // The warning's last line of advice came in 12.16.0 and 13.5.0 (nodejs/node#30564).
        byNode({ '<12.16.0 || >=13 <13.5.0': not('--unhandled-rejections=strict'), '>=12.16.0 <13 || >=13.5.0': 'use the CLI flag `--unhandled-rejections=strict`' }),
        ...hidden,
      ],
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    // Without a stack (util.inspect's square brackets) before nodejs/node#52108, with one after.
    '>=15 <20.15.0 || >=21 <22.2.0': crash(`[${MESSAGE}] {`),
    '>=20.15.0 <21 || >=22.2.0': crash(MESSAGE),
    // Both print the object itself, fields and values. Bun exits 1 but tells the 'exit' listeners 0 (https://github.com/oven-sh/bun/pull/38116); Deno skips 'exit'.
    bun: { exit: 1, stdout: ['exit 0'], stderr: [line('  code: 42,'), line('  detail: "disk full",')], exitEvent: { code: 0, printed: ['exit 0'] } },
    deno: { exit: 1, stdout: [], stderr: [line('error: Uncaught (in promise) { code: 42, detail: "disk full" }')], exitEvent: 'not fired' },
  }));
});

// Issue 18, from user reports: the shapes of code that leave a rejection unhandled although the
// code seems to handle it. Each crashes from 15 (default mode throw, nodejs/node#33021) and warns
// before; observed on every pinned major 12..26 (npm run matrix -- --only <id>), Bun and Deno.
describe('rejections that look handled but are not', () => {
  /** Up to 14, the first line of the warning, with the rejection's message. */
  const warned = (message: string) => `UnhandledPromiseRejectionWarning: Error: ${message}`;

  claim('rejections/await-later-crashes', byNode<Outcome>({
    '<15': {
      exit: 0,
      stdout: ['got user', 'caught orders failed', 'exit 0'],
      stderr: [warned('orders failed'), 'PromiseRejectionHandledWarning: Promise rejection was handled asynchronously (rejection id: 1)'],
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    // Neither 'got user' nor 'caught': the process ends before the first await is over.
    '>=15': { exit: 1, stdout: ['exit 1'], stderr: [line('Error: orders failed'), not('UnhandledPromiseRejectionWarning')], exitEvent: { code: 1, printed: ['exit 1'] } },
    // Bun lets the function run on, so the catch block runs, yet reports the rejection and exits 1,
    // telling the 'exit' listeners 0 (as in rejections/unhandled-default, https://github.com/oven-sh/bun/pull/38116).
    bun: { exit: 1, stdout: ['got user', 'caught orders failed', 'exit 0'], stderr: [line('error: orders failed')], exitEvent: { code: 0, printed: ['exit 0'] } },
    // Deno ends at once, without emitting 'exit'.
    deno: { exit: 1, stdout: [], stderr: [line('error: Uncaught (in promise) Error: orders failed')], exitEvent: 'not fired' },
  }));

  claim('rejections/then-and-catch-on-same-promise', byNode<Outcome>({
    '<15': { exit: 0, stdout: ['catch ran: request failed', 'exit 0'], stderr: [warned('request failed')], exitEvent: { code: 0, printed: ['exit 0'] } },
    '>=15': { exit: 1, stdout: ['catch ran: request failed', 'exit 1'], stderr: [line('Error: request failed'), not('UnhandledPromiseRejectionWarning')], exitEvent: { code: 1, printed: ['exit 1'] } },
    bun: { exit: 1, stdout: ['catch ran: request failed', 'exit 0'], stderr: [line('error: request failed')], exitEvent: { code: 0, printed: ['exit 0'] } },
    deno: { exit: 1, stdout: ['catch ran: request failed'], stderr: [line('error: Uncaught (in promise) Error: request failed')], exitEvent: 'not fired' },
  }));

  claim('rejections/async-call-in-try-not-awaited', byNode<Outcome>({
    '<15': { exit: 0, stdout: ['try block done', 'after try', 'exit 0'], stderr: [warned('save failed')], exitEvent: { code: 0, printed: ['exit 0'] } },
    '>=15': { exit: 1, stdout: ['try block done', 'after try', 'exit 1'], stderr: [line('Error: save failed'), not('UnhandledPromiseRejectionWarning')], exitEvent: { code: 1, printed: ['exit 1'] } },
    bun: { exit: 1, stdout: ['try block done', 'after try', 'exit 0'], stderr: [line('error: save failed')], exitEvent: { code: 0, printed: ['exit 0'] } },
    deno: { exit: 1, stdout: ['try block done', 'after try'], stderr: [line('error: Uncaught (in promise) Error: save failed')], exitEvent: 'not fired' },
  }));
});
