import { byNode, claim, describe, line, not, type Outcome } from '../../harness/claims.ts';

const exit = (code: number, line = `exit ${code}`) => ({ code, printed: [line] });

describe('for await over a Readable', () => {
  claim('streams/for-await-break', byNode({
    '<17': {
      exit: 0,
      stdout: ['got a', 'got b', 'after the loop, destroyed: true', 'exit 0, destroyed: true, events: close'],
      stderr: '',
      exitEvent: exit(0, 'exit 0, destroyed: true, events: close'),
    },
    '>=17': {
      exit: 0,
      stdout: ['got a', 'got b', 'after the loop, destroyed: true', 'exit 0, destroyed: true, events: error (AbortError), close'],
      stderr: '',
      exitEvent: exit(0, 'exit 0, destroyed: true, events: error (AbortError), close'),
    },
  }));

  claim('streams/for-await-break-keeps-source', {
    exit: 0,
    stdout: ['got tick 1', 'got tick 2', 'after the loop, destroyed: true', 'interval still running after the loop; stopping it', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('streams/iterator-destroy-on-return-false', {
    exit: 0,
    stdout: ['first loop got a', 'between the loops, destroyed: false', 'second loop got b', 'second loop got c', 'second loop got d', "'close' emitted", 'second loop ended', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('streams/readable-error-in-for-await', {
    exit: 0,
    stdout: ['got a', 'got b', 'caught: connection reset', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('streams/readable-error-for-await-uncaught', byNode({
    '<15': {
      exit: 0,
      stdout: ['got a', 'exit 0'],
      stderr: ['UnhandledPromiseRejectionWarning: Error: connection reset'],
      exitEvent: exit(0),
    },
    '>=15': {
      exit: 1,
      stdout: ['got a', 'exit 1'],
      stderr: [line('Error: connection reset'), not('UnhandledPromiseRejectionWarning')],
      exitEvent: exit(1),
    },
    // Bun exits 1 but tells the 'exit' listeners 0 (https://github.com/oven-sh/bun/pull/38116); Deno skips 'exit'.
    bun: { exit: 1, stdout: ['got a', 'exit 0'], stderr: [line('error: connection reset')], exitEvent: exit(0) },
    deno: { exit: 1, stdout: ['got a'], stderr: [line('error: Uncaught (in promise) Error: connection reset')], exitEvent: 'not fired' },
  }));
});

describe('finished() and premature close', () => {
  claim('streams/finished-premature-close', {
    exit: 0,
    stdout: ['finished callback: ERR_STREAM_PREMATURE_CLOSE (Premature close)', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('streams/finished-promise-unhandled', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['exit 1'],
      stderr: [line('Error [ERR_STREAM_PREMATURE_CLOSE]: Premature close')],
      exitEvent: exit(1),
    },
    bun: { exit: 1, stdout: ['exit 0'], stderr: [line('error: Premature close'), 'code: "ERR_STREAM_PREMATURE_CLOSE"'], exitEvent: exit(0) },
    deno: { exit: 1, stdout: [], stderr: [line('error: Uncaught (in promise) Error: Premature close')], exitEvent: 'not fired' },
  }));

  claim('streams/destroy-without-error', {
    exit: 0,
    stdout: ["'close' emitted", 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });
});

describe('pipeline failures', () => {
  claim('streams/pipeline-generator-throws', {
    exit: 0,
    stdout: ['sink got A', 'pipeline callback: cannot transform b', 'destroyed: source=true sink=true', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('streams/promises-pipeline-unhandled', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['pipeline started', 'exit 1'],
      stderr: [line('Error: transform failed on a')],
      exitEvent: exit(1),
    },
    bun: { exit: 1, stdout: ['pipeline started', 'exit 0'], stderr: [line('error: transform failed on a')], exitEvent: exit(0) },
    deno: { exit: 1, stdout: ['pipeline started'], stderr: [line('error: Uncaught (in promise) Error: transform failed on a')], exitEvent: 'not fired' },
  }));
});

describe('write after end', () => {
  claim('streams/write-after-end', byNode({
    '<14': {
      exit: 0,
      stdout: ['caught around write(): ERR_STREAM_WRITE_AFTER_END', 'exit 0'],
      stderr: '',
      exitEvent: exit(0),
    },
    '>=14': {
      exit: 1,
      stdout: ['write() returned', 'exit 1'],
      stderr: [line('Error [ERR_STREAM_WRITE_AFTER_END]: write after end'), "Emitted 'error' event on Writable instance at:"],
      exitEvent: exit(1),
    },
    bun: { exit: 1, stdout: ['write() returned', 'exit 1'], stderr: [line('error: write after end')], exitEvent: exit(1) },
    deno: { exit: 1, stdout: ['write() returned'], stderr: [line('error: Uncaught Error: write after end')], exitEvent: 'not fired' },
  }));
});

// Issue 18, from user reports; observed on every pinned major 12..26, Bun and Deno.
describe('process.stdin by the kind of its file', () => {
  // The parent prints each child's lines indented, then the TypeError's line from the child's stderr.
  claim('streams/stdin-file-unref-missing', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: [
        'stdin is a file:',
        '  stdin is a ReadStream, unref is undefined',
        '  exit with code 1',
        '  stderr: TypeError: process.stdin.unref is not a function',
        '  child exit code 1',
        'stdin is a pipe:',
        '  stdin is a Socket, unref is function',
        '  unref() returned',
        '  exit with code 0',
        '  child exit code 0',
      ],
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
    // Bun: a file stdin has no unref() either (its TypeError says more), and a pipe stdin is a ReadStream that has one.
    bun: {
      exit: 0,
      stdout: [
        'stdin is a file:',
        '  stdin is a ReadStream, unref is undefined',
        '  exit with code 1',
        "  stderr: TypeError: process.stdin.unref is not a function. (In 'process.stdin.unref()', 'process.stdin.unref' is undefined)",
        '  child exit code 1',
        'stdin is a pipe:',
        '  stdin is a ReadStream, unref is function',
        '  unref() returned',
        '  exit with code 0',
        '  child exit code 0',
      ],
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
    // Deno's stdin has no unref() on a file or on a pipe (and Deno skips 'exit' listeners after an uncaught error).
    deno: {
      exit: 0,
      stdout: [
        'stdin is a file:',
        '  stdin is a Readable, unref is undefined',
        '  stderr: TypeError: process.stdin.unref is not a function',
        '  child exit code 1',
        'stdin is a pipe:',
        '  stdin is a Duplex, unref is undefined',
        '  stderr: TypeError: process.stdin.unref is not a function',
        '  child exit code 1',
      ],
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
  }));
});
