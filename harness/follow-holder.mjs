// Every command of the project, and vitest, follows the process that started it: once that one is
// gone, it stops as if sent SIGTERM (its own clean-up runs: the groups it holds are killed, its
// folders removed). Used by tools/run.mjs (the entry of every npm command) and by
// harness/global-setup.ts (vitest's main process).
//
// Why more than the parent: `npm run <command>` starts the command through `sh -c`. A SIGTERM or
// a SIGKILL to npm ends npm, and the shell may stay: the command's parent is then still there,
// with nobody above it. So the ancestors are recorded at the start: the parent, and when the
// parent is a shell started by npm (or npx), that npm process too. The command leaves when any of
// them is gone (or dead, a zombie, or its pid now another process: the start time says) or when
// its parent changes. Plain JavaScript: tools/run.mjs runs it before any TypeScript can.
import { readFileSync } from 'node:fs';

const POLL_MS = 250;
/** A command that has not ended this long after being told to leave is killed (its guard then kills what it held). */
const LEAVE_GRACE_MS = 20_000;

/** /proc/<pid>/stat read now: the command name, state, parent and start time; undefined when gone or off Linux. */
function stat(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = line.slice(line.lastIndexOf(')') + 2).split(' ');
    return { comm: line.slice(line.indexOf('(') + 1, line.lastIndexOf(')')), state: f[0], ppid: Number(f[1]), start: f[19] };
  } catch {
    return undefined;
  }
}

/** Its command line's words (npm sets its title, "npm run x", as one word with spaces: split too). */
function words(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  } catch {
    return [];
  }
}

const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ksh']);

/** Whether `pid` runs npm or npx (node running npm's CLI, or the npm/npx executable itself). */
function isNpm(pid, comm) {
  if (/^np[mx]( |$)/.test(comm)) return true;
  return words(pid).slice(0, 3).some((a) => /(^|\/)np[mx](-cli\.js)?$/.test(a));
}

/** The processes this one's life hangs on, each with its start time: the parent, and the npm above a `sh -c`. */
export function holders(pid = process.pid) {
  const self = stat(pid);
  if (!self) return [];
  const out = [];
  const parent = stat(self.ppid);
  if (!parent) return out;
  out.push({ pid: self.ppid, start: parent.start });
  if (SHELLS.has(parent.comm)) {
    const above = stat(parent.ppid);
    if (above && parent.ppid > 1 && isNpm(parent.ppid, above.comm)) out.push({ pid: parent.ppid, start: above.start });
  }
  return out;
}

/** Whether one of them is gone: no such process, a zombie, or another process under its pid. */
function goneOne(h) {
  const s = stat(h.pid);
  return !s || s.state === 'Z' || s.state === 'X' || s.start !== h.start;
}

/**
 * Starts following: polls (unref'd: it never keeps the process alive) and, when a holder is gone,
 * sends this process SIGTERM, once; if it is still there LEAVE_GRACE_MS later, SIGKILL.
 * Returns the function that stops following.
 */
let stop;
export function followHolder() {
  if (stop) return stop; // once per process (vitest's global setup runs once per project)
  const parent = process.ppid;
  const watched = holders();
  let left = false;
  const timer = setInterval(() => {
    if (left) return;
    if (process.ppid === parent && !watched.some(goneOne)) return;
    left = true;
    clearInterval(timer);
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), LEAVE_GRACE_MS).unref();
    process.kill(process.pid, 'SIGTERM');
  }, POLL_MS);
  timer.unref();
  stop = () => clearInterval(timer);
  return stop;
}
