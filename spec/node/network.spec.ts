import { byNode, claim, describe, line, not, type Outcome } from '../../harness/claims.ts';

describe('what keeps an HTTP client process alive', () => {
  claim('network/global-agent-keepalive', {
    exit: 0,
    stdout: byNode({
      '<19': ['http.globalAgent.keepAlive = false', 'server saw Connection: close', 'response ended (Connection: close)', 'exit with code 0'],
      '>=19': ['http.globalAgent.keepAlive = true', 'server saw Connection: keep-alive', 'response ended (Connection: keep-alive)', 'exit with code 0'],
    }),
    stderr: '',
    exitEvent: { code: 0, printed: ['exit with code 0'] },
  });
  claim('network/keepalive-agent-exits', {
    exit: 0,
    stdout: ['response read', "exit with code 0; idle sockets in the agent's pool: 1"],
    stderr: '',
    exitEvent: { code: 0, printed: ["exit with code 0; idle sockets in the agent's pool: 1"] },
  });
  claim('network/unread-body', {
    exit: 0,
    stdout: byNode({
      '<19': ['response 200; its body is never read', 'exit with code 0'],
      '>=19': ['response 200; its body is never read', 'still alive 1 s later; destroying the response', 'exit with code 0'],
    }),
    stderr: '',
    exitEvent: { code: 0, printed: ['exit with code 0'] },
  });
  claim('network/unread-body-blocks-pool', {
    exit: 0,
    stdout: [
      'first response: body never read',
      '1 s later the second request still has no response; destroying the first response',
      'second response: answer to /second',
    ],
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });
  claim('network/server-unref-connection', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: byNode({
        '<19': ['response read', 'exit with code 0'],
        '>=19': ['response read', 'still alive 1 s later; destroying 1 server connection(s)', 'exit with code 0'],
      }),
      stderr: '',
      exitEvent: { code: 0, printed: ['exit with code 0'] },
    },
    // Bun ends as soon as the response is read: an open connection of an unref'd server does not keep it alive.
    bun: { exit: 0, stdout: ['response read', 'exit with code 0'], stderr: '', exitEvent: { code: 0, printed: ['exit with code 0'] } },
  }));
  claim('network/agent-destroy', {
    exit: 0,
    stdout: ['response read; destroying the agent, closing the server', 'server closed', 'exit with code 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit with code 0'] },
  });
});

describe('a server that never answers', () => {
  claim('network/request-timeout-option', {
    exit: 0,
    stdout: [
      "'timeout' event",
      '1 s later the request is still pending; calling req.destroy()',
      'request error: ECONNRESET (socket hang up)',
      'exit with code 0',
    ],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit with code 0'] },
  });
  claim('network/abort-signal-timeout', {
    exit: 0,
    stdout: byNode({
      '<17.3': ['2 s after the abort the request is still pending; calling req.destroy()', 'request error: Error, code ECONNRESET', 'exit with code 0'],
      '>=17.3': ['request error: AbortError, code ABORT_ERR', 'exit with code 0'],
    }),
    stderr: '',
    exitEvent: { code: 0, printed: ['exit with code 0'] },
  });
  claim('network/abort-signal-timeout-unref', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['waiting for a 200 ms AbortSignal.timeout()', 'exit with code 0; signal.aborted = false'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit with code 0; signal.aborted = false'] },
    },
    // Deno's AbortSignal.timeout() keeps the process alive until it fires (https://github.com/denoland/deno/pull/13687 left it ref'd).
    deno: { exit: 0, stdout: ['waiting for a 200 ms AbortSignal.timeout()', 'aborted: TimeoutError', 'exit with code 0; signal.aborted = true'], stderr: '', exitEvent: { code: 0, printed: ['exit with code 0; signal.aborted = true'] } },
  }));
});

describe('fetch()', () => {
  claim('network/fetch-exits', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['server saw Connection: keep-alive', 'body: ok', 'exit with code 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit with code 0'] },
    },
    // Deno's fetch sends no Connection header.
    deno: { exit: 0, stdout: ['server saw Connection: undefined', 'body: ok', 'exit with code 0'], stderr: '', exitEvent: { code: 0, printed: ['exit with code 0'] } },
  }));
  claim('network/fetch-unread-body', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['response 200; its body is never read', 'still alive 1 s later; aborting the request', 'exit with code 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit with code 0'] },
    },
    // A response body nobody reads does not keep Deno alive.
    deno: { exit: 0, stdout: ['response 200; its body is never read', 'exit with code 0'], stderr: '', exitEvent: { code: 0, printed: ['exit with code 0'] } },
    // Bun usually waits like Node (16 runs of 16 when idle), but on a loaded machine it sometimes has
    // the whole body already and exits at once (1 of 12 with three busy loops on 2 cores; once in
    // a full bun matrix run). Either way it exits 0 and runs the 'exit' listener.
    bun: {
      exit: 0,
      stdout: /^response 200; its body is never read\n(?:still alive 1 s later; aborting the request\n)?exit with code 0\n$/,
      stderr: '',
      exitEvent: { code: 0, printed: ['exit with code 0'] },
    },
  }));
  claim('network/fetch-abort-timeout', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['fetch rejected: TimeoutError (DOMException): The operation was aborted due to timeout', 'exit with code 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit with code 0'] },
    },
    bun: { exit: 0, stdout: ['fetch rejected: TimeoutError (DOMException): The operation timed out.', 'exit with code 0'], stderr: '', exitEvent: { code: 0, printed: ['exit with code 0'] } },
  }));
  claim('network/fetch-server-close', {
    exit: 0,
    stdout: byNode({
      '<19': ['body: ok', '1 s later the server is still not closed; closing all its connections', 'server closed', 'exit with code 0'],
      '>=19': ['body: ok', 'server closed', 'exit with code 0'],
    }),
    // fetch() warned that it is experimental until 18.13.0 / 19.1.0.
    stderr: byNode({
      '<18.13 || >=19 <19.1': [/^\(node:<pid>\) ExperimentalWarning: The Fetch API is an experimental feature/],
      '>=18.13 <19 || >=19.1': '',
    }),
    exitEvent: { code: 0, printed: ['exit with code 0'] },
  });
  claim('network/fetch-experimental', {
    exit: 0,
    stdout: ['body: ok', 'exit with code 0'],
    stderr: byNode({
      '<17': [/^\(node:<pid>\) ExperimentalWarning: Fetch is an experimental feature/, not('buffer.Blob')],
      '>=17': [/^\(node:<pid>\) ExperimentalWarning: Fetch is an experimental feature/, /^\(node:<pid>\) ExperimentalWarning: buffer\.Blob is an experimental feature/],
    }),
    exitEvent: { code: 0, printed: ['exit with code 0'] },
  });
});

describe("a server's default timeouts", () => {
  const h40 = ['server.headersTimeout = 40000', 'server.keepAliveTimeout = 5000'];
  const same = ['server.headersTimeout = 60000', 'server.keepAliveTimeout = 5000'];
  claim('network/server-timeout-defaults', {
    exit: 0,
    stdout: byNode({
      '<12.17': ['server.timeout = 120000', 'server.requestTimeout = undefined', ...h40],
      '>=12.17 <13': ['server.timeout = 120000', 'server.requestTimeout = undefined', ...same],
      '>=13 <13.5': ['server.timeout = 0', 'server.requestTimeout = undefined', ...h40],
      '>=13.5 <14.11': ['server.timeout = 0', 'server.requestTimeout = undefined', ...same],
      '>=14.11 <18': ['server.timeout = 0', 'server.requestTimeout = 0', ...same],
      '>=18': ['server.timeout = 0', 'server.requestTimeout = 300000', ...same],
    }),
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });
});

describe("an 'error' nobody listens for: what runs before the crash", () => {
  claim('network/listen-eaddrinuse-uncaught-handler', {
    exit: 0,
    stdout: ['listen() returned', 'uncaughtException: EADDRINUSE (listen); closing the first server', 'exit listener: code 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit listener: code 0'] },
  });
  claim('network/listen-eaddrinuse-listener-exits', {
    exit: 0,
    stdout: ['error listener: EADDRINUSE (listen)', 'exit listener: code 0; second server listening: false'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit listener: code 0; second server listening: false'] },
  });
  claim('network/request-socket-hang-up', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['server: got GET /; destroying the connection', 'exit listener: code 1'],
      stderr: [line('Error: socket hang up'), "Emitted 'error' event on ClientRequest instance at:", line("  code: 'ECONNRESET'")],
      exitEvent: { code: 1, printed: ['exit listener: code 1'] },
    },
    bun: { exit: 1, stdout: ['server: got GET /; destroying the connection', 'exit listener: code 1'], stderr: [line('error: socket hang up')], exitEvent: { code: 1, printed: ['exit listener: code 1'] } },
    // Deno reports an uncaught error and ends without emitting 'exit'.
    deno: { exit: 1, stdout: ['server: got GET /; destroying the connection'], stderr: [line('error: Uncaught Error: socket hang up')], exitEvent: 'not fired' },
  }));
  claim('network/server-socket-reset', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['server: connection; writing to it', 'client: got data; resetting the connection', 'exit listener: code 1'],
      stderr: [line('Error: read ECONNRESET'), "Emitted 'error' event on Socket instance at:", line("  code: 'ECONNRESET',"), line("  syscall: 'read'")],
      exitEvent: { code: 1, printed: ['exit listener: code 1'] },
    },
    // Under Bun the server's socket emits no 'error' after the client's resetAndDestroy(): the
    // server goes on running until the scenario's guard closes it.
    bun: {
      exit: 0,
      stdout: ['server: connection; writing to it', 'client: got data; resetting the connection', '2 s after the reset the server is still running; closing it', 'exit listener: code 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit listener: code 0'] },
    },
    // Deno reports an uncaught error and ends without emitting 'exit'.
    deno: { exit: 1, stdout: ['server: connection; writing to it', 'client: got data; resetting the connection'], stderr: [line('error: Uncaught Error: read ECONNRESET')], exitEvent: 'not fired' },
  }));
  claim('network/idle-keepalive-reset', {
    exit: 0,
    stdout: ['response read; idle sockets in the pool: 1; the server resets the connection', 'idle socket closed; idle sockets in the pool: 0', 'exit listener: code 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit listener: code 0'] },
  });
});

describe('errors inside an http server', () => {
  claim('network/http-server-handler-throw', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['handler: got GET /boom; throwing', 'exit listener: code 1'],
      stderr: [line('Error: boom in handler'), not(/Emitted 'error' event/)],
      exitEvent: { code: 1, printed: ['exit listener: code 1'] },
    },
    bun: { exit: 1, stdout: ['handler: got GET /boom; throwing', 'exit listener: code 1'], stderr: [line('error: boom in handler')], exitEvent: { code: 1, printed: ['exit listener: code 1'] } },
    // Deno's http server catches the throw, says nothing, and answers 400: the process goes on
    // (the scenario's client then closes everything and it exits 0).
    deno: { exit: 0, stdout: ['handler: got GET /boom; throwing', 'client: got HTTP/1.1 400 Bad Request', 'exit listener: code 0'], stderr: '', exitEvent: { code: 0, printed: ['exit listener: code 0'] } },
  }));
  claim('network/set-header-after-sent', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['handler: res.end() called; now res.setHeader()', 'exit listener: code 1'],
      stderr: [line('Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers after they are sent to the client'), line("  code: 'ERR_HTTP_HEADERS_SENT'")],
      exitEvent: { code: 1, printed: ['exit listener: code 1'] },
    },
    bun: { exit: 1, stdout: ['handler: res.end() called; now res.setHeader()', 'exit listener: code 1'], stderr: [line('error: Cannot set headers after they are sent to the client'), line(' code: "ERR_HTTP_HEADERS_SENT"')], exitEvent: { code: 1, printed: ['exit listener: code 1'] } },
    // Deno's http server catches the throw and says nothing; the 200 response was complete already.
    deno: { exit: 0, stdout: ['handler: res.end() called; now res.setHeader()', 'client: got HTTP/1.1 200 OK', 'exit listener: code 0'], stderr: '', exitEvent: { code: 0, printed: ['exit listener: code 0'] } },
  }));
  claim('network/res-write-after-end', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['handler: res.end() called; now res.write()', byNode({ '<15.0.0': 'handler: res.write() returned true', '>=15.0.0': 'handler: res.write() returned false' }), 'exit listener: code 1'],
      stderr: [line('Error [ERR_STREAM_WRITE_AFTER_END]: write after end'), "Emitted 'error' event on ServerResponse instance at:", line("  code: 'ERR_STREAM_WRITE_AFTER_END'")],
      exitEvent: { code: 1, printed: ['exit listener: code 1'] },
    },
    bun: { exit: 1, stdout: ['handler: res.end() called; now res.write()', 'handler: res.write() returned false', 'exit listener: code 1'], stderr: [line('error: write after end')], exitEvent: { code: 1, printed: ['exit listener: code 1'] } },
    // Deno reports an uncaught error and ends without emitting 'exit'.
    deno: { exit: 1, stdout: ['handler: res.end() called; now res.write()', 'handler: res.write() returned false'], stderr: [line('error: Uncaught Error: write after end')], exitEvent: 'not fired' },
  }));
  claim('network/client-error-bad-request', {
    exit: 0,
    stdout: ['malformed request: HTTP/1.1 400 Bad Request', 'handler: GET /next', 'next request: HTTP/1.1 200 OK'],
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });
});

describe('a connection cut in the middle of a request or a response', () => {
  claim('network/client-abort-mid-upload', {
    exit: 0,
    stdout: ['server: first part of the body read; the client disconnects', "server: req 'aborted'", "server: req 'close', complete: false", 'exit listener: code 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit listener: code 0'] },
  });
  claim('network/client-abort-error-listener', {
    exit: 0,
    stdout: byNode({
      '<15.0.0': ['server: first part of the body read; the client disconnects', "server: req 'aborted'", "server: req 'close', complete: false"],
      '>=15.0.0': ['server: first part of the body read; the client disconnects', "server: req 'aborted'", "server: req 'error': aborted, code ECONNRESET", "server: req 'close', complete: false"],
    }),
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });
  claim('network/response-body-cut', {
    exit: 0,
    stdout: byNode({
      '<13.0.0': ['client: got "partial" of 100 bytes; the server cuts the connection', "client: res 'aborted'", "client: res 'end'", "client: res 'close', complete: false", 'exit listener: code 0'],
      '>=13.0.0': ['client: got "partial" of 100 bytes; the server cuts the connection', "client: res 'aborted'", "client: res 'close', complete: false", 'exit listener: code 0'],
    }),
    stderr: '',
    exitEvent: { code: 0, printed: ['exit listener: code 0'] },
  });
  claim('network/pipeline-response-client-abort', {
    exit: 0,
    stdout: ['client: first chunk received; disconnecting', 'server: pipeline callback: ERR_STREAM_PREMATURE_CLOSE; source destroyed: true', 'exit listener: code 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit listener: code 0'] },
  });
});

describe("the server's req: what 'close' means", () => {
  claim('network/req-close-after-body', {
    exit: 0,
    stdout: byNode({
      '<16.0.0': ['server: req end', 'server: sending the response', 'server: req close; response sent: true', 'client: response read'],
      '>=16.0.0': ['server: req end', 'server: req close; response sent: false', 'server: sending the response', 'client: response read'],
    }),
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });
});

import { snapshot } from '../../harness/claims.ts';

// Node's report of an 'error' event nobody listens for, as stderr reads on every release: where
// Node threw it (events.js:N up to 15, node:events:N from 16: a place inside Node), the error and
// its stack, the emitter, the error's own properties (from 12.3.0, nodejs/node#27243; errno is a
// number from 13.0.0, nodejs/node#28140), and from 17.0.0 Node's version (nodejs/node#38332).
const unhandledErrorEvent = (error: string, emitter: string, props: string[]) => snapshot`
  *events*:*
  *throw er; // Unhandled 'error' event
  *^

  ${error}
  <frames>
  ${byNode({ '<12.9.0': "Emitted 'error' event at:", '>=12.9.0': `Emitted 'error' event on ${emitter} instance at:` })}
  <frames>
  ${byNode({ '<12.3.0': [], '>=12.3.0': [...props.map((p) => `  ${p}`), '}'] })}
  ${byNode({ '<17.0.0': [], '>=17.0.0': ['', 'Node.js <version>'] })}
  `;
/** The `errno` line of an error's properties: the code's name up to 12, its number from 13.0.0 (nodejs/node#28140). */
const errno = (name: string, n: number) => byNode({ '<13.0.0': `errno: '${name}',`, '>=13.0.0': `errno: ${n},` });

describe("an 'error' nobody listens for: refused connections, ports in use, upgraded sockets", () => {
  claim('network/listen-eaddrinuse-no-listener', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['listen() returned without throwing', 'exit listener: code 1'],
      stderr: unhandledErrorEvent('Error: listen EADDRINUSE: address already in use 127.0.0.1:<port>', 'Server', [
        "code: 'EADDRINUSE',", errno('EADDRINUSE', -98), "syscall: 'listen',", "address: '127.0.0.1',", 'port: <port>',
      ]),
      exitEvent: { code: 1, printed: ['exit listener: code 1'] },
    },
    // Bun prints its own source around the throw, then `error: <message>`.
    bun: { exit: 1, stdout: ['listen() returned without throwing', 'exit listener: code 1'], stderr: [line('error: listen EADDRINUSE: address already in use 127.0.0.1:<port>')], exitEvent: { code: 1, printed: ['exit listener: code 1'] } },
    // Deno reports an uncaught error and ends without emitting 'exit'.
    deno: { exit: 1, stdout: ['listen() returned without throwing'], stderr: [line('error: Uncaught Error: listen EADDRINUSE: address already in use 127.0.0.1:<port>')], exitEvent: 'not fired' },
  }));

  claim('network/listen-eaddrinuse-retry', {
    exit: 0,
    stdout: [
      'error listener: EADDRINUSE; freeing the port, then retrying',
      'listen callback of try 1',
      "'listening': the server listens on the port it asked for: true",
      'listen callback of try 2',
      'server closed',
    ],
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });

  claim('network/http-get-refused-no-listener', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['http.get() returned', 'exit listener: code 1'],
      stderr: unhandledErrorEvent('Error: connect ECONNREFUSED 127.0.0.1:<port>', 'ClientRequest', [
        errno('ECONNREFUSED', -111), "code: 'ECONNREFUSED',", "syscall: 'connect',", "address: '127.0.0.1',", 'port: <port>',
      ]),
      exitEvent: { code: 1, printed: ['exit listener: code 1'] },
    },
    bun: { exit: 1, stdout: ['http.get() returned', 'exit listener: code 1'], stderr: [line('error: connect ECONNREFUSED 127.0.0.1:<port>')], exitEvent: { code: 1, printed: ['exit listener: code 1'] } },
    // Deno reports an uncaught error and ends without emitting 'exit'.
    deno: { exit: 1, stdout: ['http.get() returned'], stderr: [line('error: Uncaught Error: connect ECONNREFUSED 127.0.0.1:<port>')], exitEvent: 'not fired' },
  }));

  claim('network/net-connect-refused-no-listener', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['net.connect() returned without throwing', 'exit listener: code 1'],
      stderr: unhandledErrorEvent('Error: connect ECONNREFUSED 127.0.0.1:<port>', 'Socket', [
        errno('ECONNREFUSED', -111), "code: 'ECONNREFUSED',", "syscall: 'connect',", "address: '127.0.0.1',", 'port: <port>',
      ]),
      exitEvent: { code: 1, printed: ['exit listener: code 1'] },
    },
    bun: { exit: 1, stdout: ['net.connect() returned without throwing', 'exit listener: code 1'], stderr: [line('error: connect ECONNREFUSED 127.0.0.1:<port>')], exitEvent: { code: 1, printed: ['exit listener: code 1'] } },
    // Deno reports an uncaught error and ends without emitting 'exit'.
    deno: { exit: 1, stdout: ['net.connect() returned without throwing'], stderr: [line('error: Uncaught Error: connect ECONNREFUSED 127.0.0.1:<port>')], exitEvent: 'not fired' },
  }));

  const dgramCrash = (): Outcome => ({
    exit: 1,
    stdout: ['bind() returned', 'exit listener: code 1'],
    stderr: unhandledErrorEvent('Error: bind EADDRINUSE 127.0.0.1:<port>', 'Socket', [
      errno('EADDRINUSE', -98), "code: 'EADDRINUSE',", "syscall: 'bind',", "address: '127.0.0.1',", 'port: <port>',
    ]),
    exitEvent: { code: 1, printed: ['exit listener: code 1'] },
  });
  const dgramSwallowed = (): Outcome => ({ exit: 0, stdout: ['bind() returned', 'exit listener: code 0'], stderr: '', exitEvent: { code: 0, printed: ['exit listener: code 0'] } });
  claim('network/dgram-bind-in-use', byNode<Outcome>({
    '<12.14.1 || >=13.0.0 <13.2.0 || >=24.21.0 <25.0.0 || >=26.8.1': dgramCrash(),
    '>=12.14.1 <13.0.0 || >=13.2.0 <24.21.0 || >=25.0.0 <26.8.1': dgramSwallowed(),
    // Bun swallows the error too (it copies the 'error' cleanup listener), and ends with code 0.
    bun: dgramSwallowed(),
    // Deno neither reports the error nor lets the process end: killed at the time limit.
    deno: { timedOut: true, stdout: ['bind() returned'], stderr: '', exitEvent: 'not fired' },
  }));

  claim('network/close-all-connections-upgraded', {
    exit: 0,
    stdout: [
      'client: HTTP/1.1 101 Switching Protocols',
      'server.close() and closeAllConnections() called',
      '1 s later the close callback has not run; destroying the upgraded socket',
      'server close callback',
    ],
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });
});

describe('fetch() to a closed port, unhandled', () => {
  claim('network/fetch-refused-unhandled', byNode<Outcome>({
    // 18.0.0's fetch lost the reason: its cause read `Error: [object Object]` (the scenario applies from 18).
    '<18.1.0': {
      exit: 1,
      stdout: ['fetch() returned a promise', 'exit listener: code 1'],
      stderr: [line('TypeError: fetch failed'), line('  cause: Error: [object Object]'), not(/ECONNREFUSED/)],
      exitEvent: { code: 1, printed: ['exit listener: code 1'] },
    },
    '>=18.1.0': {
      exit: 1,
      stdout: ['fetch() returned a promise', 'exit listener: code 1'],
      stderr: snapshot`
        ${byNode({ '<18.13.0 || >=19.0.0 <19.1.0': ['(node:<pid>) ExperimentalWarning: The Fetch API is an experimental feature. This feature could change at any time', '(Use `node --trace-warnings ...` to show where the warning was created)'], '>=18.13.0 <19.0.0 || >=19.1.0': [] })}
        node:*
        *
        *^

        ${byNode({ '<24.14.0 || >=25.0.0 <25.6.1': 'TypeError: fetch failed', '>=24.14.0 <25.0.0 || >=25.6.1': '[TypeError: fetch failed] {' })}
        <frames>
          ${byNode({ '<20.13.0 || >=21.0.0 <21.7.0': 'cause', '>=20.13.0 <21.0.0 || >=21.7.0': '[cause]' })}: Error: connect ECONNREFUSED 127.0.0.1:<port>
        <frames>
            errno: -111,
            code: 'ECONNREFUSED',
            syscall: 'connect',
            address: '127.0.0.1',
            port: <port>
          }
        }

        Node.js <version>
        `,
      exitEvent: { code: 1, printed: ['exit listener: code 1'] },
    },
    // Bun's own message names the reason, and its 'exit' listeners receive 0 though the process ends with 1.
    bun: { exit: 1, stdout: ['fetch() returned a promise', 'exit listener: code 0'], stderr: [line('TypeError: ECONNREFUSED: Unable to connect. Is the computer able to access the url?')], exitEvent: { code: 0, printed: ['exit listener: code 0'] } },
    // Deno prints the cause on a `Caused by:` line and ends without emitting 'exit'.
    deno: { exit: 1, stdout: ['fetch() returned a promise'], stderr: [line('error: Uncaught (in promise) TypeError: fetch failed'), /^Caused by: Error: error sending request for url \(http:\/\/127\.0\.0\.1:<port>\/\): client error \(Connect\)/], exitEvent: 'not fired' },
  }));
});
