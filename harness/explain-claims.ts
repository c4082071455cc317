// Which claims of the catalogue explain what `npm run explain` saw. The situations explain can
// tell apart are harness/situations.ts; situations() says which an Explanation (harness/explain.ts)
// shows, most specific first; each scenario's header says which situations its claim explains and
// how well (`explains: { hang-timer: 1 }`, rank 1 first), and claimsFor() reads them all.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readScenario, SCENARIOS } from './scenario.ts';
import { listScenarios } from './scenarios.ts';
import { SITUATIONS, type Situation } from './situations.ts';

export { SITUATIONS, type Situation } from './situations.ts';

let table: Record<Situation, string[]> | undefined;
/** Situation -> the ids of the scenarios whose header names it, best first (by rank, then id), read once from the headers. */
export function claimsFor(): Record<Situation, string[]> {
  if (table) return table;
  const ranked = Object.fromEntries(SITUATIONS.map((x) => [x, [] as [number, string][]])) as Record<Situation, [number, string][]>;
  for (const sc of listScenarios()) for (const [x, rank] of Object.entries(sc.explains) as [Situation, number][]) ranked[x].push([rank, sc.id]);
  table = Object.fromEntries(SITUATIONS.map((x) => [x, ranked[x].sort((p, q) => p[0] - q[0] || (p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : 0)).map((r) => r[1])])) as Record<Situation, string[]>;
  return table;
}

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
  lostOutput: { lost: boolean; stdout: { written: number; received: number; writes?: number }; stderr: { written: number; received: number; writes?: number } };
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
    if (e.pending.some((p) => p.kind === 'unread stream')) out.push('natural-end-stream-unread');
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
    // Written in several calls: what was lost came after an earlier write (the line after a big one).
    if (lo.stdout.written > lo.stdout.received && (lo.stdout.writes ?? 0) > 1) out.push('exit-lost-stdout-after-write');
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
  const all = claimsFor();
  const ids = [...new Set(situations(e).flatMap((s) => all[s]))];
  return ids.map(claimText).filter((x): x is ClaimText => !!x);
}
