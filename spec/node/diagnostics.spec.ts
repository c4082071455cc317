import { byNode, claim, describe, expect, not, type Outcome } from '../../harness/claims.ts';

const exit = (code: number) => ({ code, printed: [`exit ${code}`] });
/** What the parent scenario prints about its isolated child (diagnostics/_isolated.js). */
const child = (ended: string, stdout: string, stderr: string) => [
  `child ended by: ${ended}`,
  `child stdout: ${stdout}`,
  `child stderr: ${stderr}`,
  'files left in its directory: 0',
];
const parentExit = { code: 0, printed: [] };
// The V8 crash instruction on x64: ud2 (SIGILL) up to V8 9.0, int3 (SIGTRAP) from 9.1 (Node 16.4.0).
// A function: each claim that uses it states the boundary (harness/claims.ts byNode).
const trap = () => byNode({ '<16.4': 'SIGILL', '>=16.4': 'SIGTRAP' });

describe('--abort-on-uncaught-exception', () => {
  claim('diagnostics/abort-on-uncaught', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: child(trap(), '(nothing)', 'Uncaught Error: boom'),
      stderr: '',
      exitEvent: parentExit,
    },
    // The flag reaches a child of the same runtime: Bun ignores it (the child exits 1, its 'exit' listener runs); Deno hands it to V8, whose trap kills the child before anything is printed.
    bun: { exit: 0, stdout: child('exit code 1', 'exit listener 1', '(no error line)'), stderr: '', exitEvent: parentExit },
    deno: { exit: 0, stdout: child('SIGTRAP', '(nothing)', '(no error line)'), stderr: '', exitEvent: parentExit },
  }));

  claim('diagnostics/abort-on-uncaught-listener', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: child(trap(), '(nothing)', 'Uncaught Error: boom'),
      stderr: '',
      exitEvent: parentExit,
    },
    // Under both the child's uncaughtException listener is called and the child exits 0.
    bun: { exit: 0, stdout: child('exit code 0', 'uncaughtException listener: boom | exit listener 0', '(no error line)'), stderr: '', exitEvent: parentExit },
    deno: { exit: 0, stdout: child('exit code 0', 'uncaughtException listener: boom | exit listener 0', '(no error line)'), stderr: '', exitEvent: parentExit },
  }));

  claim('diagnostics/abort-on-uncaught-capture', {
    exit: 0,
    stdout: child('exit code 0', 'capture callback: boom | exit listener 0', '(no error line)'),
    stderr: '',
    exitEvent: parentExit,
  });

  claim('diagnostics/abort-on-uncaught-rejection', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: byNode({
        '<15': child('exit code 0', 'exit listener 0', '(node:<pid>) UnhandledPromiseRejectionWarning: Error: boom'),
        '>=15': child('SIGABRT', '(nothing)', 'Error: boom'),
      }),
      stderr: '',
      exitEvent: parentExit,
    },
    // Bun: the flag ignored, a plain crash with exit code 1 (whose 'exit' listener is told 0); Deno: a trap (SIGTRAP), not Node's SIGABRT.
    bun: { exit: 0, stdout: child('exit code 1', 'exit listener 0', '(no error line)'), stderr: '', exitEvent: parentExit },
    deno: { exit: 0, stdout: child('SIGTRAP', '(nothing)', '(no error line)'), stderr: '', exitEvent: parentExit },
  }));
});

describe('tracing what was thrown', () => {
  claim('diagnostics/trace-uncaught-off', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['exit 1'],
      stderr: ["throw 'oops';", /^oops$/, not('Thrown at:')],
      exitEvent: exit(1),
      also: (r) => {
        expect(r.stderr).toContain('(Use `node --trace-uncaught ...` to show where the exception was thrown)');
        expect(r.stderr).not.toMatch(/^\s+at /m);
      },
    },
    bun: { exit: 1, stdout: ['exit 1'], stderr: [/^error: oops$/], exitEvent: exit(1) },
    deno: { exit: 1, stdout: [], stderr: [/^error: Uncaught "oops"$/], exitEvent: 'not fired' },
  }));

  claim('diagnostics/trace-uncaught', byNode({
    // --trace-uncaught came in 13.1.0 and 12.16.0: before, an unknown option.
    '<12.16 || >=13 <13.1': { exit: 9, stdout: '', stderr: ['<node>: bad option: --trace-uncaught'], exitEvent: 'not fired' },
    '>=12.16 <13 || >=13.1': {
      exit: 1,
      stdout: ['exit 1'],
      stderr: ["throw 'oops';", /^oops$/, 'Thrown at:'],
      exitEvent: exit(1),
      also: (r) => {
        expect(r.stderr).toMatch(/Thrown at:\n\s+at .*<dir>\/trace-uncaught\.js:14:3/);
      },
    },
  }));

  claim('diagnostics/trace-warnings', {
    exit: 0,
    stdout: ['exit 0'],
    stderr: ['(node:<pid>) Warning: disk almost full'],
    exitEvent: exit(0),
    also: (r) => {
      expect(r.stderr).toContain('at checkDisk (<dir>/trace-warnings.js:12:11)');
    },
  });
});

describe('warnings', () => {
  claim('diagnostics/warning-event', {
    exit: 0,
    stdout: ['after emitWarning', 'warning listener: Warning: disk almost full', 'exit 0'],
    stderr: ['(node:<pid>) Warning: disk almost full'],
    exitEvent: exit(0),
  });

  claim('diagnostics/no-warnings', {
    exit: 0,
    stdout: ['warning listener: Warning: disk almost full', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('diagnostics/emit-warning-code', {
    exit: 0,
    stdout: ['listener: name=CacheWarning code=CACHE001 instanceof Error=true', 'exit 0'],
    stderr: ['(node:<pid>) [CACHE001] CacheWarning: cache is stale', /^Rebuild it with --rebuild-cache\.$/],
    exitEvent: exit(0),
  });

  claim('diagnostics/emit-warning-then-exit', {
    exit: 3,
    stdout: ['exit 3'],
    stderr: '',
    exitEvent: exit(3),
  });
});

describe('deprecations: DEP0005 (new Buffer())', () => {
  const DEP0005 = '(node:<pid>) [DEP0005] DeprecationWarning: Buffer() is deprecated due to security and usability issues.';

  claim('diagnostics/buffer-deprecation', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['made buffers of 4 and 8 bytes', 'warning listener: DeprecationWarning DEP0005', 'exit 0'],
      stderr: [DEP0005],
      exitEvent: exit(0),
      also: (r) => {
        expect(r.stderr.split('[DEP0005]').length - 1).toBe(1); // once, for two calls
      },
    },
    // Bun emits no DEP0005 for new Buffer(): no warning on stderr, none for the 'warning' listener.
    bun: { exit: 0, stdout: ['made buffers of 4 and 8 bytes', 'exit 0'], stderr: '', exitEvent: exit(0) },
  }));

  claim('diagnostics/throw-deprecation', byNode({
    '<15': {
      exit: 0,
      stdout: ['caught: DeprecationWarning DEP0005', 'end of script', 'exit 0'],
      stderr: '',
      exitEvent: exit(0),
    },
    '>=15': {
      exit: 1,
      stdout: ['made a buffer of 4 bytes', 'end of script', 'exit 1'],
      stderr: [/^DeprecationWarning: Buffer\(\) is deprecated/, "code: 'DEP0005'"],
      exitEvent: exit(1),
    },
    bun: { exit: 0, stdout: ['made a buffer of 4 bytes', 'end of script', 'exit 0'], stderr: '', exitEvent: exit(0) },
  }));

  claim('diagnostics/pending-deprecation-off', {
    exit: 0,
    stdout: ['dependency made a buffer of 4 bytes', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('diagnostics/pending-deprecation-on', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['dependency made a buffer of 4 bytes', 'warning listener: DeprecationWarning DEP0005', 'exit 0'],
      stderr: [DEP0005],
      exitEvent: exit(0),
    },
    bun: { exit: 0, stdout: ['dependency made a buffer of 4 bytes', 'exit 0'], stderr: '', exitEvent: exit(0) },
  }));

  claim('diagnostics/no-deprecation', {
    exit: 0,
    stdout: ['made a buffer of 4 bytes', 'warning listener: Warning', 'exit 0'],
    stderr: ['(node:<pid>) Warning: disk almost full', not('DeprecationWarning')],
    exitEvent: exit(0),
  });
});
