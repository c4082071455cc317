// The situations `npm run explain` can tell apart (harness/explain-claims.ts computes them from
// what it saw): the vocabulary of the scenario header field `explains` (harness/scenario.ts
// validates it), where each claim says which of them it explains and how well.
export const SITUATIONS = [
  'natural-end-pending-promise', 'natural-end-promise-all', 'natural-end-stream-unread', 'natural-end-unref-timer', 'natural-end-unref-server', 'tla-never-settles',
  'crash-timer', 'crash-timer-other-file', 'crash-timer-in-try', 'crash-callback', 'crash-immediate', 'crash-nexttick', 'crash-microtask', 'crash-then', 'crash-rejection', 'rejection-warned', 'crash-in-exit-listener', 'crash-handled',
  'hang-timer', 'hang-interval', 'hang-server', 'hang-socket', 'hang-child', 'hang-fs-watch', 'hang-watchfile', 'hang-message-port', 'hang-worker', 'hang-stdin',
  'exit-called', 'exit-code-truncated', 'exit-lost-stdout', 'exit-lost-stdout-after-write', 'exit-lost-stderr', 'lost-output', 'signal',
] as const;
export type Situation = (typeof SITUATIONS)[number];

/** The ranks a header may give (1: the claim states exactly this; higher: a related claim, shown after). */
export const MAX_RANK = 9;

/** Each situation in words: what explain saw when it names the claims of it (the catalogue's pages say it). */
export const SITUATION_WORDS: Record<Situation, string> = {
  'natural-end-pending-promise': 'a natural end with a promise of your code never settled (each listed with the line that created it and the line that awaits it)',
  'natural-end-promise-all': 'a natural end with promises never settled, awaited through `Promise.all` (or `allSettled`, `race`, `any`)',
  'natural-end-stream-unread': "a natural end with a promise waiting for a stream's 'end', the stream ended by its writer and never read",
  'natural-end-unref-timer': "a natural end with a promise never settled and an unref'd timer of your code still there",
  'natural-end-unref-server': "a natural end with a promise never settled and an unref'd server of your code still there",
  'tla-never-settles': 'an ES module whose top-level `await` never settled (exit code 13 from Node 20)',
  'crash-timer': 'a crash from a `setTimeout` callback, with the line that scheduled it',
  'crash-timer-other-file': 'a crash from a timer scheduled in another file, called from inside a `try` that could not catch it',
  'crash-timer-in-try': 'a crash from a timer scheduled inside a `try` that could not catch it',
  'crash-callback': "a crash from another asynchronous callback (an fs call's, a socket's), with where it was scheduled",
  'crash-immediate': 'a crash from a `setImmediate` callback',
  'crash-nexttick': 'a crash from a `process.nextTick` callback',
  'crash-microtask': 'a crash from a `queueMicrotask` callback',
  'crash-then': 'a crash from a throw inside a `.then()` callback (a rejection of the promise it returned)',
  'crash-rejection': 'a crash from an unhandled rejection',
  'rejection-warned': 'an unhandled rejection that only warned, the program going on',
  'crash-in-exit-listener': 'a crash from a throw in an `exit` listener',
  'crash-handled': 'an error handled by an `uncaughtException` listener',
  'hang-timer': 'a hang (still running at the time limit) kept alive by a timer',
  'hang-interval': 'a hang kept alive by a `setInterval`',
  'hang-server': 'a hang kept alive by a listening server',
  'hang-socket': 'a hang kept alive by an open socket',
  'hang-child': 'a hang kept alive by a child process',
  'hang-fs-watch': 'a hang kept alive by an `fs.watch` watcher',
  'hang-watchfile': 'a hang kept alive by `fs.watchFile`',
  'hang-message-port': 'a hang kept alive by a `MessagePort` or `BroadcastChannel` with a listener',
  'hang-worker': 'a hang kept alive by a worker thread',
  'hang-stdin': 'a hang kept alive by stdin',
  'exit-called': '`process.exit()` called (and where)',
  'exit-code-truncated': '`process.exit()` with a code over 255 (the exit status is its low byte)',
  'exit-lost-stdout': '`process.exit()` with bytes written to stdout that never reached the reader',
  'exit-lost-stdout-after-write': '`process.exit()` with bytes written to stdout in several writes that never all reached the reader (the line after a big write)',
  'exit-lost-stderr': '`process.exit()` with bytes written to stderr that never reached the reader',
  'lost-output': 'output written that never reached the reader',
  signal: 'an end by a signal',
};
