// Handles that keep the event loop alive besides timers and listening servers: message ports,
// BroadcastChannel, a worker's parentPort, fs watchers, stdin and readline, sockets; each claim
// shows what holds the process (an unref'd timer that fires only while something else holds the
// loop) and what releases it. Every expectation was observed on each pinned major 12..26, Bun and
// Deno (npm run matrix -- --only handles/; npm run matrix -- bun deno --only handles/).
import { byNode, claim, describe, line, type Outcome } from '../../harness/claims.ts';

/**
 * Ends with code 0 and nothing on stderr; the exit listeners received 0 and printed exactly the
 * last line of stdout.
 */
const ends = (stdout: string[]): Outcome => ({
  exit: 0,
  stdout,
  stderr: '',
  exitEvent: { code: 0, printed: stdout.slice(-1) },
});

describe('message ports', () => {
  claim('handles/message-port-listener', ends([
    'end of code',
    'still alive after 300 ms; calling port1.close()',
    'port1 closed',
    'exit with code 0',
  ]));

  claim('handles/message-port-unref', byNode<Outcome>({
    '*': ends(['end of code', 'exit with code 0']),
    // Deno sometimes lives long enough for the unref'd 300 ms timer to fire (about 1 run of 30, with 30 runs at once on 2 cores).
    deno: { exit: 0, stdout: /^end of code\n(?:still alive after 300 ms; closing both channels\n)?exit with code 0\n$/, stderr: '', exitEvent: { code: 0, printed: ['exit with code 0'] } },
  }));

  // Node 12 to 15.3 have no BroadcastChannel: the scenario's node range (>=15.4.0) makes those a visible skip.
  claim('handles/broadcast-channel', ends([
    'end of code',
    'still alive after 300 ms; calling channel.close()',
    'exit with code 0',
  ]));
});

describe('workers', () => {
  claim('handles/worker-parentport-listener', byNode<Outcome>({
    '*': ends([
      'main got: echo ping',
      'worker still running 300 ms later; asking it to close parentPort',
      'worker exit event: 0',
      'exit with code 0',
    ]),
    // Deno's parentPort has no close(): the worker throws a TypeError on 'stop' and exits with code 1 (no Deno issue found).
    deno: {
      exit: 0,
      stdout: [
        'main got: echo ping',
        'worker still running 300 ms later; asking it to close parentPort',
        'worker exit event: 1',
        'exit with code 0',
      ],
      stderr: [line('error: Uncaught (in worker "") TypeError: parentPort.close is not a function')],
      exitEvent: { code: 0, printed: ['exit with code 0'] },
    },
  }));

  claim('handles/worker-unref-then-listener', byNode<Outcome>({
    '*': ends([
      'end of code',
      'main got: echo ping',
      'still alive 300 ms after the answer; calling worker.terminate()',
      'worker exit event: 1',
      'exit with code 0',
    ]),
    // Deno keeps the unref() when a 'message' listener is added later (https://github.com/denoland/deno/pull/33076, open,
    // would change that): the process exits without waiting for the worker, usually before its answer arrives
    // (the answer came first in 1 run of 30, with 30 runs at once on 2 cores), never 300 ms after it.
    deno: { exit: 0, stdout: /^end of code\n(?:main got: echo ping\n)?exit with code 0\n$/, stderr: '', exitEvent: { code: 0, printed: ['exit with code 0'] } },
  }));
});

describe('file system watchers', () => {
  claim('handles/fs-watch', ends([
    'end of code',
    'still alive after 300 ms; calling watcher.close()',
    'watcher closed',
    'exit with code 0',
  ]));

  claim('handles/fs-watch-unref', byNode<Outcome>({
    // No unref() on the watcher: the scenario closes it instead.
    '<12.20.0 || >=13.0.0 <14.3.0': ends(['watcher.unref is undefined; calling watcher.close()', 'exit with code 0']),
    '>=12.20.0 <13.0.0 || >=14.3.0': ends(["watcher.unref() called; the watcher is still open", 'exit with code 0']),
  }));

  claim('handles/fs-watchfile', ends([
    'end of code',
    'still alive after 300 ms; calling fs.unwatchFile()',
    'exit with code 0',
  ]));
});

describe('stdin', () => {
  // Each scenario runs itself as a child whose stdin is a pipe its parent holds open (the
  // harness's own stdin is /dev/null); the child's lines come first, printed by the parent.
  claim('handles/stdin-data-listener', ends([
    'child: got "hello\\n"',
    'child: still alive after 300 ms; calling process.stdin.pause()',
    'child: exit with code 0',
    'parent: child closed with code 0, signal null',
    'parent: exit with code 0',
  ]));

  claim('handles/readline-until-close', ends([
    'child: answer "Ada"',
    'child: still alive after 300 ms; calling rl.close()',
    'child: interface closed',
    'child: exit with code 0',
    'parent: child closed with code 0, signal null',
    'parent: exit with code 0',
  ]));
});

describe('paused sockets', () => {
  claim('handles/paused-socket', ends([
    'client got "hi" and paused; the server is closed',
    'still alive after 300 ms; calling client.destroy()',
    'client closed',
    'exit with code 0',
  ]));

  // Neither 'still alive' nor 'client closed': the process ends with the socket open.
  claim('handles/paused-before-read', ends(['connected and paused at once; the server is closed', 'exit with code 0']));
});

// Issue 18, from user reports: more of what keeps a process alive, or does not. Observed on every
// pinned major 12..26, Bun and Deno (npm run matrix -- --only <id>; npm run matrix -- bun deno --only <id>).
describe('what holds the loop, continued: promise races, sockets, stdin, readline, children, ports', () => {
  claim('handles/promise-race-timer-keeps-alive', ends([
    'race won by: work done',
    'the losing timer fired',
    'exit with code 0',
  ]));

  // No crash and no warning on any version: Promise.race() handled the loser's rejection.
  claim('handles/promise-race-loser-rejects', ends([
    'race won by: work done',
    'the losing timeout rejects now',
    'exit 0',
  ]));

  claim('handles/listen-failed-not-a-handle', ends([
    'second server: EADDRINUSE, listening false',
    'owner closed; the second server was never closed',
    'exit with code 0',
  ]));

  claim('handles/dgram-socket', ends([
    'bound',
    'still alive after 300 ms; calling socket.close()',
    'socket closed',
    'exit with code 0',
  ]));

  // Neither 'client closed' nor a 'still alive' line: the process ends with the socket open.
  claim('handles/socket-unref-before-connect', ends([
    "client unref()ed before connect()",
    'connected',
    'exit with code 0',
  ]));

  // No 'timeout fired': the process ends before the 200 ms are up.
  claim('handles/socket-timeout-unref', ends([
    "connected; idle timeout 200 ms set and socket unref()ed",
    'exit with code 0',
  ]));

  claim('handles/stdin-read-once', ends([
    'child: read() returned null',
    'child: still alive after 300 ms; calling process.stdin.pause()',
    'child: exit with code 0',
    'parent: child closed with code 0, signal null',
    'parent: exit with code 0',
  ]));

  claim('handles/readline-question-after-close', byNode<Outcome>({
    // The prompt, then the empty line the scenario prints after it; the callback never runs.
    '<18.0.0': ends(['name? ', 'question() returned', 'exit with code 0']),
    '>=18.0.0': ends(['question() threw ERR_USE_AFTER_CLOSE: readline was closed', 'exit with code 0']),
  }));

  claim('handles/child-process-unref', ends([
    'child started',
    'still alive after 300 ms; calling child.unref()',
    'exit with code 0; child still running: true',
  ]));

  claim('handles/worker-transferred-port', ends([
    'port1 got: hello from the worker',
    'port1 closed',
    'exit with code 0; worker exit event: 0',
  ]));
});

describe('readline after close()', () => {
  // The scenario runs itself as a child whose stdin is a pipe its parent holds open.
  claim('handles/readline-write-after-close', byNode<Outcome>({
    '<24.2.0': ends([
      'child: write() returned',
      'child: still alive after 300 ms; calling process.stdin.pause()',
      'child: exit with code 0',
      'parent: child closed with code 0, signal null',
      'parent: exit with code 0',
    ]),
    '>=24.2.0': ends([
      'child: write() threw ERR_USE_AFTER_CLOSE',
      'child: exit with code 0',
      'parent: child closed with code 0, signal null',
      'parent: exit with code 0',
    ]),
  }));
});
