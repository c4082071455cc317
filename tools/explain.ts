// `npm run explain -- <script> [args…] [--node <targets>] [--timeout <ms>] [--json]`
//
// Runs the user's own program (CommonJS or ESM, in its own folder, with its own node_modules)
// under each target with the explain observer preloaded, and says how it ended and why: a natural
// end with promises still pending, process.exit() and where it was called, a crash and where the
// failing callback was scheduled, a signal, or a hang and what kept the event loop alive; output
// written against output received; and the claims of the catalogue that explain it. The facts
// are harness/explain.ts's; this file reads the arguments and renders.
import { DEFAULT_TIMEOUT_MS } from '../harness/scenario.ts';
import { explainRun, MAX_EXPLAIN_LIMIT_MS, UNREAD_STREAM, type Explanation } from '../harness/explain.ts';
import { resolveTarget, type Target } from '../harness/node-binaries.ts';
import { notAFile, pathKind, SpecError } from '../harness/project.ts';
import { command, wholeNumber } from './command.ts';
import { wordWrap } from './text-width.ts';
import { targetLabel } from '../harness/target.ts';

const USAGE = `usage: npm run explain -- <script> [args…] [--node <list>] [--timeout <ms>] [--json] [--debug]

  Runs your program and says why it ended, hung, crashed or lost output, with the claims of the
  catalogue that explain it. The program runs in its own folder, with its own node_modules and
  your environment (stdin is empty: it reads end-of-file); options for the program itself go after
  a second "--":
  npm run explain -- app.js -- -v input.txt

  <script>        the program's main file (.js, .cjs or .mjs)
  --node <list>   comma-separated targets: majors (22), exact versions (18.20.8), bun, deno or paths
                  to a binary; default: SPEC_NODE, else the Node running this command
  --timeout <ms>  how long it may run before it counts as hung: then what keeps it alive is listed
                  and it is killed with everything it started (default ${DEFAULT_TIMEOUT_MS})
  --json          print an array, one object per target (schema, target, ended, pending,
                  lostOutput, claims, ...)
  --debug         print stack traces of unexpected errors`;

const color = !process.env.NO_COLOR && process.stdout.isTTY;
const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);

/** The heading of the claims in the report (the catalogue's pages quote it), and the mark of the best match. */
export const CLAIMS_HEADING = 'the claims that explain it';
export const BEST_MARK = '★';

const ENDED: Record<Explanation['ended'], string> = {
  natural: 'natural end: the event loop ran out of work',
  exit: 'process.exit() ended it',
  crash: 'it crashed',
  signal: 'a signal ended it',
  timeout: 'still running at the time limit (a hang)',
};

/** The report of one target, as lines. */
export function renderOne(e: Explanation, width: number): string[] {
  const out: string[] = [];
  const say = (text: string, indent = '') => out.push(...wordWrap(text, Math.max(20, width - indent.length)).map((l) => indent + l));
  out.push(bold(`── ${e.script} under ${targetLabel(e.target)} ──`));
  for (const [name, text] of [['stdout', e.stdout], ['stderr', e.stderr]] as const) {
    const lines = text.replace(/\n$/, '').split('\n');
    if (!text) continue;
    out.push(dim(`its ${name}${lines.length > 12 ? ` (last 12 of ${lines.length} lines)` : ''}:`));
    // A line is shown up to a screenful of characters: a program's output can be one 8 MiB line.
    const most = Math.max(40, width * 2);
    for (const l of lines.slice(-12)) out.push(`  ${l.length > most ? `${l.slice(0, most)}… (${l.length - most} more characters)` : l}`);
  }
  out.push(dim('how it ended:'));
  const code = e.exitCode === null ? (e.signal ? `signal ${e.signal}` : '') : `exit code ${e.exitCode}`;
  say(`${ENDED[e.ended]}${code ? `; ${code}` : ''}`, '  ');
  if (e.exit) say(`process.exit(${e.exit.code ?? ''}) was called${e.exit.at ? ` at ${e.exit.at}${e.exit.in ? ` in ${e.exit.in}()` : ''}` : ' outside your code'}`, '  ');
  if (e.crash) {
    const c = e.crash;
    say(`${c.handled ? 'an error was handled by an uncaughtException listener' : `the error (${c.origin === 'unhandledRejection' ? 'an unhandled rejection' : 'an uncaught exception'})`}: ${c.error.split('\n')[0]}${c.at ? `, thrown at ${c.at}` : ''}${c.duringExit ? ' by an `exit` listener (the loop had already ended)' : ''}`, '  ');
    if (c.inThen) say(`it was thrown inside the callback of the .then() at ${c.inThen}: a rejection of the promise .then() returned, not an exception at the call`, '  ');
    const s = c.scheduled;
    if (s) {
      say(`the callback that threw was scheduled with ${s.what}${s.library ? ` by ${s.library}, called` : ''} at ${s.at}${s.in ? ` in ${s.in}()` : ''}${s.calledFrom.length ? `, called from ${s.calledFrom.join(' ← ')}` : ''}`, '  ');
      if (s.insideTry) say(`that call sat inside the \`try\` at ${s.insideTry}, which had returned long before the callback ran: no try/catch around the scheduling can catch it`, '  ');
    }
  }
  for (const r of e.rejections ?? []) say(`an unhandled rejection only warned, and the program went on: ${r.split('\n')[0]}`, '  ');
  const promises = e.pending.filter((p) => p.kind === 'promise' || p.kind === 'async function');
  if (e.ended === 'natural' && promises.length) {
    out.push(dim(`work still pending when the event loop ran out of work (${promises.length}):`));
    for (const p of promises) {
      if (p.kind === 'async function') say(`- ${p.in ?? 'an async function'}() (its promise, created at ${p.created}) never finished: ${p.what ?? 'it was suspended at an await'}`, '  ');
      else say(`- ${p.count ? `${p.count} promises` : 'a promise'} created ${p.library ? `by ${p.library}, called ` : ''}at ${p.created}${p.in ? ` in ${p.in}()` : ''}${p.awaited ? `, awaited${p.via ? ` through ${p.via}` : ''} at ${p.awaited}` : ''}, never settled: nothing was left that could settle ${p.count ? 'them' : 'it'}`, '  ');
    }
    for (const u of e.pending.filter((x) => x.kind === UNREAD_STREAM)) say(`- ${u.count ? `${u.count} streams` : 'a stream'} listened to for 'end' at ${u.created}${u.in ? ` in ${u.in}()` : ''} ${u.count ? 'were' : 'was'} ended by ${u.count ? 'their writers' : 'its writer'} and never read: 'end' is emitted only once the data has been read (read it, or call .resume())`, '  ');
    for (const h of e.pending.filter((x) => x.unref)) say(`- ${h.what}${h.count ? ` ×${h.count}` : ''} created at ${h.created}${h.in ? ` in ${h.in}()` : ''} was still there, unref'd: it did not keep the loop alive`, '  ');
  }
  const handles = e.pending.filter((p) => p.release && !p.unref);
  if (handles.length) {
    out.push(dim(`what keeps the event loop alive (${handles.length}):`));
    for (const h of handles) {
      say(`- ${h.what}${h.count ? ` ×${h.count}` : ''}, created ${h.library ? `by ${h.library}, called ` : ''}at ${h.created}${h.in ? ` in ${h.in}()` : ''} (${h.kind})`, '  ');
      say(`to release it: ${h.release}`, '    ');
    }
  }
  const lo = e.lostOutput;
  const bytes = (w: { written: number; received: number }) => (w.received >= w.written
    ? `all ${w.written} bytes written reached the reader${w.received > w.written ? ` (and ${w.received - w.written} more that the runtime wrote itself)` : ''}`
    : `${w.received} of ${w.written} bytes written reached the reader: ${w.written - w.received} lost`);
  if (lo.lost) out.push(dim('output lost:'));
  else out.push(dim('output:'));
  say(`stdout: ${bytes(lo.stdout)}; stderr: ${bytes(lo.stderr)}${lo.lost ? '' : ' (nothing lost)'}`, '  ');
  if (e.explanations.length) {
    out.push(dim(`${CLAIMS_HEADING}:`));
    for (const [i, c] of e.explanations.entries()) {
      say(`${i === 0 ? `${BEST_MARK} ` : '- '}${c.id}: ${c.claim}`, '  ');
      if (i > 0) continue; // the best match in full; the others by their claim
      if (c.why) say(`why: ${c.why}`, '    ');
      if (c.instead) say(`instead: ${c.instead}`, '    ');
    }
  } else out.push(dim(`${CLAIMS_HEADING}: none matched`));
  if (e.unavailable.length) {
    out.push(dim(`unavailable under ${targetLabel(e.target)}:`));
    for (const u of e.unavailable) say(`- ${u}`, '  ');
  }
  return out;
}

/** Several targets: a line saying where they differ (how each ended, and the best claim). */
export function differences(all: Explanation[]): string[] {
  if (all.length < 2) return [];
  const key = (e: Explanation) => `${e.ended}${e.claims[0] ? ` (${e.claims[0]})` : ''}`;
  if (new Set(all.map(key)).size === 1) return [`every target behaved the same: ${key(all[0]!)}`];
  return ['the targets differ:', ...all.map((e) => `  ${targetLabel(e.target)}: ${key(e)}`)];
}

export const spec = command({
  name: 'explain',
  usage: USAGE,
  positionals: true,
  options: { node: { type: 'string', multiple: true }, timeout: { type: 'string' }, json: { type: 'boolean' } },
  async run(v, positionals) {
    if (!positionals.length) throw new SpecError('which program? give the path of its main file (try --help)');
    const [script, ...args] = positionals as [string, ...string[]];
    const kind = pathKind(script);
    if (kind === 'missing') throw new SpecError(`${script}: no such file`);
    if (kind !== 'file') throw new SpecError(`${script} ${notAFile(kind, "a program's main file")}`);
    const timeout = wholeNumber('timeout', v.timeout, 100, MAX_EXPLAIN_LIMIT_MS) ?? DEFAULT_TIMEOUT_MS;
    const nodes = v.node === undefined ? [process.env.SPEC_NODE ?? ''] : v.node.flatMap((x) => x.split(',').map((n) => n.trim()));
    if (v.node !== undefined && nodes.some((n) => !n)) throw new SpecError(`--node: empty entry in ${JSON.stringify(v.node.join(','))}`);
    const targets: Target[] = [];
    for (const n of nodes) targets.push(await resolveTarget(n));
    // One after another: a program that depends on timing gets the machine to itself.
    const all: Explanation[] = [];
    for (const t of targets) all.push(await explainRun(script, args, t, timeout));
    if (v.json) {
      process.stdout.write(JSON.stringify(all, null, 2) + '\n');
      return 0;
    }
    const width = process.stdout.columns || Number(process.env.COLUMNS) || 100;
    const lines = all.flatMap((e, i) => [...(i ? [''] : []), ...renderOne(e, width)]);
    const diff = differences(all);
    process.stdout.write([...lines, ...(diff.length ? ['', ...diff] : [])].join('\n') + '\n');
    return 0;
  },
}, import.meta.url);
