// Which claims of the catalogue explain what `npm run explain` saw. The situations explain can
// tell apart (SITUATIONS) and, for each, the scenarios whose claim states that behaviour, best
// first: one table, here, so that the scenario files (and the catalogue pages stamped with their
// hashes) stay as they are. A Situation is computed from an Explanation (harness/explain.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readScenario, SCENARIOS } from './scenario.ts';

export const SITUATIONS = [
  'natural-end-pending-promise', 'natural-end-promise-all', 'natural-end-unref-timer', 'natural-end-unref-server', 'tla-never-settles',
  'crash-timer', 'crash-timer-other-file', 'crash-timer-in-try', 'crash-callback', 'crash-immediate', 'crash-nexttick', 'crash-microtask', 'crash-then', 'crash-rejection', 'rejection-warned', 'crash-in-exit-listener', 'crash-handled',
  'hang-timer', 'hang-interval', 'hang-server', 'hang-socket', 'hang-child', 'hang-fs-watch', 'hang-watchfile', 'hang-message-port', 'hang-worker', 'hang-stdin',
  'exit-called', 'exit-code-truncated', 'exit-lost-stdout', 'exit-lost-stderr', 'lost-output', 'signal',
] as const;
export type Situation = (typeof SITUATIONS)[number];

/** Situation -> scenario ids, best first. */
export const EXPLAINS: Record<Situation, string[]> = {
  'natural-end-pending-promise': ['lifecycle/pending-await', 'lifecycle/streams-never-end', 'lifecycle/unref-timer', 'lifecycle/server-unref'],
  'natural-end-promise-all': ['lifecycle/streams-never-end', 'lifecycle/streams-ended-unread', 'lifecycle/pending-await'],
  'natural-end-unref-timer': ['lifecycle/unref-timer', 'lifecycle/interval-unref'],
  'natural-end-unref-server': ['lifecycle/server-unref'],
  'tla-never-settles': ['lifecycle/tla-never-settles'],
  'crash-timer-other-file': ['errors/module-timer-throw', 'errors/timer-throw', 'errors/callback-try-catch'],
  'crash-timer-in-try': ['errors/timer-throw', 'errors/callback-try-catch'],
  'crash-timer': ['errors/timer-throw', 'errors/callback-try-catch'],
  // A throw from another async callback (an fs call's, a socket's): the timer's claims state the same mechanism.
  'crash-callback': ['errors/timer-throw', 'errors/callback-try-catch'],
  'crash-immediate': ['errors/immediate-throw'],
  'crash-nexttick': ['errors/nexttick-throw'],
  'crash-microtask': ['errors/microtask-throw'],
  'crash-then': ['errors/then-throw'],
  'crash-rejection': ['rejections/unhandled-default', 'errors/then-throw', 'rejections/unhandled-non-error'],
  'rejection-warned': ['rejections/unhandled-default', 'rejections/mode-warn'],
  'crash-in-exit-listener': ['errors/throw-in-exit-listener'],
  'crash-handled': ['errors/uncaught-exception-handler', 'errors/uncaught-exception-aftermath'],
  'hang-timer': ['lifecycle/timer-keeps-alive', 'lifecycle/unref-timer'],
  'hang-interval': ['lifecycle/interval-unref', 'lifecycle/timer-keeps-alive'],
  'hang-server': ['lifecycle/server-keeps-alive', 'lifecycle/server-unref'],
  'hang-socket': ['handles/paused-socket'],
  'hang-child': ['child-process/stdin-never-ended', 'child-process/unref-piped-stdio-keeps-parent'],
  'hang-fs-watch': ['handles/fs-watch', 'handles/fs-watch-unref'],
  'hang-watchfile': ['handles/fs-watchfile'],
  'hang-message-port': ['handles/message-port-listener', 'handles/broadcast-channel', 'handles/message-port-unref'],
  'hang-worker': ['handles/worker-parentport-listener', 'handles/worker-unref-then-listener'],
  'hang-stdin': ['handles/stdin-data-listener', 'handles/readline-until-close'],
  'exit-called': ['lifecycle/exit-no-arg', 'lifecycle/before-exit-not-on-exit'],
  'exit-code-truncated': ['lifecycle/exit-256'],
  'exit-lost-stdout': ['output/exit-after-write-stdout', 'output/exit-after-big-write', 'output/exit-after-short-output'],
  'exit-lost-stderr': ['output/exit-after-write-stderr'],
  'lost-output': ['output/exit-after-write-stdout'],
  signal: ['lifecycle/exit-code-signal'],
};

/** What a claim says, for the report. */
export interface ClaimText { id: string; claim: string; why?: string; instead?: string }

/** The part of an Explanation the situations are read from. */
export interface Seen {
  ended: string;
  exitCode: number | null;
  script: string;
  pending: { kind: string; created: string; via?: string; unref?: boolean }[];
  crash?: { origin: string; handled: boolean; duringExit?: boolean; inThen?: string; at?: string; scheduled?: { kind: string; at: string; insideTry?: string } };
  exit?: { code: string | null };
  rejections?: string[];
  lostOutput: { lost: boolean; stdout: { written: number; received: number }; stderr: { written: number; received: number } };
}

const HANG: Record<string, Situation> = {
  Timeout: 'hang-timer', Interval: 'hang-interval', Immediate: 'hang-timer', TCPSERVERWRAP: 'hang-server', PIPESERVERWRAP: 'hang-server',
  TCPWRAP: 'hang-socket', TLSWRAP: 'hang-socket', PROCESSWRAP: 'hang-child', FSEVENTWRAP: 'hang-fs-watch', STATWATCHER: 'hang-watchfile',
  MESSAGEPORT: 'hang-message-port', WORKER: 'hang-worker', TTYWRAP: 'hang-stdin',
};
const CRASH: Record<string, Situation> = { Immediate: 'crash-immediate', TickObject: 'crash-nexttick', PROMISE: 'crash-then', Microtask: 'crash-microtask' };

/** The situations an explanation shows, most specific first. */
export function situations(e: Seen): Situation[] {
  const out: Situation[] = [];
  const c = e.crash;
  if (c && c.handled) out.push('crash-handled');
  if (c && e.ended === 'crash' && c.duringExit) out.push('crash-in-exit-listener');
  else if (c && e.ended === 'crash') {
    const s = c.scheduled;
    if (s && s.kind === 'Timeout') {
      const file = (x: string | undefined) => x?.replace(/:\d+$/, '');
      if (s.insideTry && file(s.insideTry) !== file(s.at)) out.push('crash-timer-other-file');
      else if (s.insideTry) out.push('crash-timer-in-try');
      else out.push('crash-timer');
    } else if (s && CRASH[s.kind]) out.push(CRASH[s.kind]!);
    else if (s && c.origin !== 'unhandledRejection') out.push('crash-callback');
    if (c.origin === 'unhandledRejection' && c.inThen && !out.includes('crash-then')) out.push('crash-then');
    if (c.origin === 'unhandledRejection') out.push('crash-rejection');
  }
  if (e.rejections?.length && e.ended !== 'crash') out.push('rejection-warned');
  // Exit code 13: a top-level await that never settled (Node 20 on; before, the same end with code 0).
  if (e.ended === 'natural' && e.exitCode === 13 && /\.mjs$/.test(e.script)) out.push('tla-never-settles');
  const promises = e.pending.filter((p) => p.kind === 'promise' || p.kind === 'async function');
  if (e.ended === 'natural' && promises.length) {
    // An unref'd handle that would have settled it is the more specific story; then a combinator's.
    if (e.pending.some((p) => p.unref && /SERVERWRAP$/.test(p.kind))) out.push('natural-end-unref-server');
    if (e.pending.some((p) => p.unref && (p.kind === 'Timeout' || p.kind === 'Interval'))) out.push('natural-end-unref-timer');
    if (promises.some((p) => p.via)) out.push('natural-end-promise-all');
    out.push('natural-end-pending-promise');
  }
  if (e.ended === 'timeout') {
    for (const p of e.pending) {
      const s = HANG[p.kind];
      if (s && !out.includes(s)) out.push(s);
    }
  }
  const lo = e.lostOutput;
  if (e.ended === 'exit' && lo.lost) {
    if (lo.stdout.written > lo.stdout.received) out.push('exit-lost-stdout');
    if (lo.stderr.written > lo.stderr.received) out.push('exit-lost-stderr');
  }
  if (e.ended === 'exit' && e.exit && Number(e.exit.code) > 255) out.push('exit-code-truncated');
  if (e.ended === 'exit' && !lo.lost) out.push('exit-called');
  else if (e.lostOutput.lost) out.push('lost-output');
  if (e.ended === 'signal') out.push('signal');
  return out;
}

const texts = new Map<string, ClaimText | undefined>();
/** A scenario's claim, why and instead, read from its header (undefined when it is not there). */
export function claimText(id: string): ClaimText | undefined {
  if (!texts.has(id)) {
    const file = ['.js', '.mjs', '.cjs'].map((x) => join(SCENARIOS, id + x)).find((f) => existsSync(f));
    const s = file ? readScenario(file) : undefined;
    texts.set(id, s && { id, claim: s.claim, ...(s.why ? { why: s.why } : {}), ...(s.instead ? { instead: s.instead } : {}) });
  }
  return texts.get(id);
}

/** The claims that explain what was seen, best match first, each once. */
export function matchClaims(e: Seen): ClaimText[] {
  const ids = [...new Set(situations(e).flatMap((s) => EXPLAINS[s]))];
  return ids.map(claimText).filter((x): x is ClaimText => !!x);
}
