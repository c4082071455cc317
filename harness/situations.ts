// The situations `npm run explain` can tell apart (harness/explain-claims.ts computes them from
// what it saw): the vocabulary of the scenario header field `explains` (harness/scenario.ts
// validates it), where each claim says which of them it explains and how well.
export const SITUATIONS = [
  'natural-end-pending-promise', 'natural-end-promise-all', 'natural-end-unref-timer', 'natural-end-unref-server', 'tla-never-settles',
  'crash-timer', 'crash-timer-other-file', 'crash-timer-in-try', 'crash-callback', 'crash-immediate', 'crash-nexttick', 'crash-microtask', 'crash-then', 'crash-rejection', 'rejection-warned', 'crash-in-exit-listener', 'crash-handled',
  'hang-timer', 'hang-interval', 'hang-server', 'hang-socket', 'hang-child', 'hang-fs-watch', 'hang-watchfile', 'hang-message-port', 'hang-worker', 'hang-stdin',
  'exit-called', 'exit-code-truncated', 'exit-lost-stdout', 'exit-lost-stderr', 'lost-output', 'signal',
] as const;
export type Situation = (typeof SITUATIONS)[number];

/** The ranks a header may give (1: the claim states exactly this; higher: a related claim, shown after). */
export const MAX_RANK = 9;
