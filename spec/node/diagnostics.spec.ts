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

// ---- Warnings and crash reports that differ between majors (issue 18, family E) -------------
// Each boundary below was found with `npm run bisect -- <id>` and is stated in the scenario's
// `changes:` header; the text of every row was observed on that target.
import { line as lineE, snapshot as snapshotE } from '../../harness/claims.ts';

/** The DeprecationWarning Node prints for `code`, once, with the 'warning' listener's line on stdout. */
const deprecationE = (code: string, text: string) => ({
  stderr: [lineE(`(node:<pid>) [${code}] DeprecationWarning: ${text}`)],
  also: (r: { stderr: string }) => {
    expect(r.stderr.split(`[${code}]`).length - 1).toBe(1); // once, however often the API was used
  },
});
/** From 17.0.0 Node ends its report of a fatal error with a blank line and its version (nodejs/node#38332). */
const trailerE = () => byNode({ '<17': [], '>=17': ['', 'Node.js <version>'] });

describe('deprecation and timer warnings that appeared in a major', () => {
  claim('diagnostics/punycode-deprecation', byNode<Outcome>({
    '<21.0.0': { exit: 0, stdout: ['loaded: xn--maana-pta.com', 'exit 0'], stderr: '', exitEvent: exit(0) },
    '>=21.0.0': {
      exit: 0,
      stdout: ['loaded: xn--maana-pta.com', 'warning listener: DeprecationWarning DEP0040', 'exit 0'],
      ...deprecationE('DEP0040', 'The `punycode` module is deprecated. Please use a userland alternative instead.'),
      exitEvent: exit(0),
    },
    // Bun prints no DEP0040 (and tells no 'warning' listener).
    bun: { exit: 0, stdout: ['loaded: xn--maana-pta.com', 'exit 0'], stderr: '', exitEvent: exit(0) },
  }));

  // The same require from a package inside node_modules: hidden there from 22.14.0 and 23.7.0
  // (nodejs/node#56632), except on 25.4 and 25.5.
  const fromNodeModules = 'loaded from node_modules: xn--maana-pta.com';
  const quiet: Outcome = { exit: 0, stdout: [fromNodeModules, 'exit 0'], stderr: '', exitEvent: exit(0) };
  const warns: Outcome = {
    exit: 0,
    stdout: [fromNodeModules, 'warning listener: DeprecationWarning DEP0040', 'exit 0'],
    ...deprecationE('DEP0040', 'The `punycode` module is deprecated. Please use a userland alternative instead.'),
    exitEvent: exit(0),
  };
  claim('diagnostics/punycode-deprecation-node-modules', byNode<Outcome>({
    '<21.0.0 || >=22.14.0 <23 || >=23.7.0 <25.4.0 || >=25.6.0': quiet,
    '>=21.0.0 <22.14.0 || >=23 <23.7.0 || >=25.4.0 <25.6.0': warns,
    // Deno warns whoever requires it, as Node 21.0 to 22.13.
    deno: warns,
  }));

  claim('diagnostics/util-extend-deprecation', byNode<Outcome>({
    '<22.0.0': { exit: 0, stdout: ['extended: {"x":1,"y":2} {"z":3}', 'exit 0'], stderr: '', exitEvent: exit(0) },
    '>=22.0.0': {
      exit: 0,
      stdout: ['extended: {"x":1,"y":2} {"z":3}', 'warning listener: DeprecationWarning DEP0060', 'exit 0'],
      ...deprecationE('DEP0060', 'The `util._extend` API is deprecated. Please use Object.assign() instead.'),
      exitEvent: exit(0),
    },
    // Neither Bun nor Deno deprecates util._extend: silent, as Node up to 21.
    bun: { exit: 0, stdout: ['extended: {"x":1,"y":2} {"z":3}', 'exit 0'], stderr: '', exitEvent: exit(0) },
    deno: { exit: 0, stdout: ['extended: {"x":1,"y":2} {"z":3}', 'exit 0'], stderr: '', exitEvent: exit(0) },
  }));

  claim('diagnostics/url-parse-deprecation', byNode<Outcome>({
    '<24.0.0': { exit: 0, stdout: ['parsed: example.com 8080 b=c example.org', 'exit 0'], stderr: '', exitEvent: exit(0) },
    '>=24.0.0': {
      exit: 0,
      stdout: ['parsed: example.com 8080 b=c example.org', 'warning listener: DeprecationWarning DEP0169', 'exit 0'],
      ...deprecationE('DEP0169', '`url.parse()` behavior is not standardized and prone to errors that have security implications. Use the WHATWG URL API instead. CVEs are not issued for `url.parse()` vulnerabilities.'),
      exitEvent: exit(0),
    },
    // Deno does not deprecate url.parse(): silent, as Node up to 23.
    deno: { exit: 0, stdout: ['parsed: example.com 8080 b=c example.org', 'exit 0'], stderr: '', exitEvent: exit(0) },
  }));

  claim('diagnostics/timeout-negative-warning', byNode<Outcome>({
    '<23.0.0': { exit: 0, stdout: ['scheduled', 'negative timeout fired', 'exit 0'], stderr: '', exitEvent: exit(0) },
    '>=23.0.0': {
      exit: 0,
      stdout: ['scheduled', 'warning listener: TimeoutNegativeWarning', 'negative timeout fired', 'exit 0'],
      stderr: [lineE('(node:<pid>) TimeoutNegativeWarning: -5 is a negative number.'), lineE('Timeout duration was set to 1.')],
      exitEvent: exit(0),
    },
  }));

  claim('diagnostics/timeout-overflow-warning', {
    exit: 0,
    stdout: ['scheduled', 'warning listener: TimeoutOverflowWarning', 'fired within a minute: true', 'exit 0'],
    stderr: [lineE('(node:<pid>) TimeoutOverflowWarning: 2147483648 does not fit into a 32-bit signed integer.'), lineE('Timeout duration was set to 1.')],
    exitEvent: exit(0),
  });
});

describe('what a MaxListenersExceededWarning says', () => {
  // The emitter's class came in 12.3.0 (nodejs/node#27694), the limit itself in 20.15.0 and 22.2.0
  // (nodejs/node#51921; no 21.x release has it).
  const text = () => byNode({
    '<12.3.0': 'Possible EventEmitter memory leak detected. 11 data listeners added. Use emitter.setMaxListeners() to increase limit',
    '>=12.3.0 <20.15.0 || >=21 <22.2.0': 'Possible EventEmitter memory leak detected. 11 data listeners added to [EventEmitter]. Use emitter.setMaxListeners() to increase limit',
    '>=20.15.0 <21 || >=22.2.0': 'Possible EventEmitter memory leak detected. 11 data listeners added to [EventEmitter]. MaxListeners is 10. Use emitter.setMaxListeners() to increase limit',
    // Deno's text stops after the limit.
    deno: 'Possible EventEmitter memory leak detected. 11 data listeners added to [EventEmitter]. MaxListeners is 10.',
  });
  claim('diagnostics/max-listeners-warning-text', {
    exit: 0,
    stdout: ['added 12', 'warning listener: MaxListenersExceededWarning count 11 type data', 'exit 0'],
    stderr: [lineE(`(node:<pid>) MaxListenersExceededWarning: ${text()}`)],
    exitEvent: exit(0),
    also: (r) => {
      expect(r.stderr.split('MaxListenersExceededWarning').length - 1).toBe(1); // once, not again for the 12th
    },
  });
});

describe("an uncaught error's cause in the crash report", () => {
  claim('diagnostics/crash-report-cause', byNode<Outcome>({
    '<16.14.0 || >=17 <17.3.0': {
      exit: 1,
      stdout: ['exit 1'],
      stderr: snapshotE`
        <dir>/crash-report-cause.js:21
          throw new Error('outer', { cause: inner });
          ^

        Error: outer
            at Timeout.wrapAndThrow [as _onTimeout] (<dir>/crash-report-cause.js:21:9)
        <frames>
        ${trailerE()}
        `,
      exitEvent: exit(1),
    },
    '>=16.14.0 <17 || >=17.3.0': {
      exit: 1,
      stdout: ['exit 1'],
      stderr: snapshotE`
        <dir>/crash-report-cause.js:21
          throw new Error('outer', { cause: inner });
          ^

        Error: outer
            at Timeout.wrapAndThrow [as _onTimeout] (<dir>/crash-report-cause.js:21:9)
        <frames>
          [cause]: Error: inner
              at Object.<anonymous> (<dir>/crash-report-cause.js:16:13)
        <frames>
        }
        ${trailerE()}
        `,
      exitEvent: exit(1),
    },
    // Bun prints the outer error only (no line for the cause); Deno prints the cause as "Caused by:" and ends without emitting 'exit'.
    bun: { exit: 1, stdout: ['exit 1'], stderr: [lineE('error: outer'), not('error: inner')], exitEvent: exit(1) },
    deno: { exit: 1, stdout: [], stderr: [lineE('error: Uncaught Error: outer'), lineE('Caused by: Error: inner')], exitEvent: 'not fired' },
  }));
});

describe('--abort-on-uncaught-exception: the stack in V8\'s report', () => {
  const report = (frame: boolean) => [
    'child ended by: a signal',
    'first line: Uncaught Error: boom',
    'has FROM: true',
    `frame after FROM: ${frame}`,
    'files left in its directory: 0',
  ];
  claim('diagnostics/abort-on-uncaught-stack', byNode<Outcome>({
    '<12.11.0 || >=20.10.0 <21 || >=21.1.0': { exit: 0, stdout: report(true), stderr: '', exitEvent: { code: 0, printed: [] } },
    '>=12.11.0 <20.10.0 || >=21 <21.1.0': { exit: 0, stdout: report(false), stderr: '', exitEvent: { code: 0, printed: [] } },
    // Bun ignores the flag: a plain crash (exit 1) whose report starts with the source excerpt.
    bun: {
      exit: 0,
      stdout: ['child ended by: exit code 1', "first line: 1 | process.on('exit', function (code) {", 'has FROM: false', 'frame after FROM: false', 'files left in its directory: 0'],
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
    // Deno hands the flag to V8, which reports a TerminationException with no frames, then traps.
    deno: {
      exit: 0,
      stdout: ['child ended by: a signal', 'first line: Uncaught TerminationException', 'has FROM: true', 'frame after FROM: false', 'files left in its directory: 0'],
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
  }));
});
