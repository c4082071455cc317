// What is running, read from /proc (Linux). Used to prove that nothing a scenario, a runtime or a
// command started outlives it, and to measure memory. Elsewhere these functions see nothing
// (callers that depend on them skip visibly off Linux).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inheritedEnv } from './environment.ts';

export const HAS_PROC = existsSync('/proc/self/stat');

/** The exit code of a process that ends because of a signal, as a shell reports it: 128 + the signal's number (SIGINT 130, SIGTERM 143). */
export function signalExitCode(sig: NodeJS.Signals): number {
  return 128 + constants.signals[sig];
}

export interface Proc {
  pid: number;
  ppid: number;
  pgid: number;
  /** R, S, D, T (stopped), Z (zombie)... */
  state: string;
  rssBytes: number;
  /** CPU time the process used (user + system), in clock ticks. */
  cpuTicks: number;
  /** CPU time of the children it waited for (user + system), in clock ticks. */
  childCpuTicks: number;
}

/**
 * Reads a /proc/<pid>/stat line (proc(5)). The command name, field 2, is in parentheses and may
 * hold spaces and parentheses itself: the fields are counted from the last ')'. A line cut short
 * gives NaN for what it lacks.
 */
export function parseStat(line: string): Proc {
  const f = line.slice(line.lastIndexOf(')') + 2).trim().split(' ');
  const n = (i: number) => Number(f[i] ?? NaN); // f[0] is field 3
  return {
    pid: Number(line.slice(0, line.indexOf(' '))), state: f[0]!, ppid: n(1), pgid: n(2), rssBytes: n(21) * 4096,
    cpuTicks: n(11) + n(12), childCpuTicks: n(13) + n(14),
  };
}

/** A process's /proc/<pid>/stat, read now; undefined when it is gone (or off Linux). */
export function procStat(pid: number): Proc | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // gone
  }
}

/** Every process, zombies included. */
export function processes(): Proc[] {
  if (!HAS_PROC) return [];
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = procStat(Number(name));
    if (p) out.push(p);
  }
  return out;
}

/**
 * Whether a process is still running. A zombie (dead, not yet reaped: an orphan may wait long
 * for a reaper in a container) counts as gone.
 */
export function isRunning(pid: number): boolean {
  if (HAS_PROC) {
    const p = procStat(pid);
    return !!p && p.state !== 'Z';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Running processes (not this one) whose command line, environment or mounts (`mountinfo`: a
 * Lambda runtime's /tmp is a folder bound there, lambda/isolation.ts) contain `token`.
 */
export function runningWith(token: string, where: 'cmdline' | 'environ' | 'mountinfo' = 'cmdline'): number[] {
  return processes()
    .filter((p) => p.state !== 'Z' && p.pid !== process.pid)
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p.pid}/${where}`, 'utf8').includes(token);
      } catch {
        return false;
      }
    })
    .map((p) => p.pid);
}

/** One line of /proc/<pid>/mountinfo (proc(5)): where a file system's folder `root` is mounted. */
export interface MountEntry {
  /** The mounted folder inside its file system ("/" for the whole of it; a bind mount's source). */
  root: string;
  mountPoint: string;
  fsType: string;
  superOptions: string[];
}

/** The lines of a mountinfo text, their paths unescaped (mountinfo writes a space as \040). */
export function mountEntries(mountinfo: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of mountinfo.split('\n')) {
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const f = left.split(' ');
    const [fsType, , superOpts] = right.split(' ');
    if (!f[3] || !f[4] || !fsType) continue;
    out.push({ root: unescapeMountPath(f[3]), mountPoint: unescapeMountPath(f[4]), fsType, superOptions: (superOpts ?? '').split(',') });
  }
  return out;
}

const unescapeMountPath = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

/** A path as mountinfo writes it: space, tab, newline and backslash as octal escapes. */
export const escapeMountPath = (s: string) => s.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);

/**
 * A path as mountinfo names the source of a bind mount of it: inside its file system (the root of
 * the mount it is on, then the rest of it), so /tmp/x is /x where /tmp is a file system of its own
 * (a tmpfs) and /tmp/x where it is on /.
 */
export function inItsFileSystem(path: string, mountinfo = readFileSync('/proc/self/mountinfo', 'utf8')): string {
  let best = { mountPoint: '/', root: '/' };
  for (const m of mountEntries(mountinfo)) {
    const under = path === m.mountPoint || path.startsWith(m.mountPoint === '/' ? '/' : `${m.mountPoint}/`);
    if (under && m.mountPoint.length >= best.mountPoint.length) best = m;
  }
  const rest = best.mountPoint === '/' ? path : path.slice(best.mountPoint.length);
  return (best.root === '/' ? '' : best.root) + rest;
}

/** A process and all its descendants. */
export function tree(root: number, all: Proc[] = processes()): Proc[] {
  const byParent = new Map<number, Proc[]>();
  for (const p of all) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p]);
  const out: Proc[] = [];
  const self = all.find((p) => p.pid === root);
  if (self) out.push(self);
  const stack = [root];
  while (stack.length) {
    for (const c of byParent.get(stack.pop()!) ?? []) {
      out.push(c);
      stack.push(c.pid);
    }
  }
  return out;
}

/**
 * The same as tree(root), found by following /proc/<pid>/task/<tid>/children down from `root`
 * instead of reading every process: for readings taken many times a second (a Lambda runtime's
 * memory). A process that forks between two reads may be missed once.
 */
export function descendants(root: number): Proc[] {
  const out: Proc[] = [];
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const p = procStat(pid);
    if (!p) continue;
    out.push(p);
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // gone
    }
    for (const t of tids) {
      try {
        for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ')) if (c.trim()) stack.push(Number(c));
      } catch {
        // thread gone
      }
    }
  }
  return out;
}

/** Waits, polling, until `ok()` holds; throws after `ms` naming what it waited for. */
export async function until(what: string, ok: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`gave up after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---------------------------------------------------------------------------------------------
// Process groups this process started (scenarios, Lambda runtimes). Each runs in a group of its
// own; whatever way this process goes (normal exit, SIGINT/SIGTERM/SIGHUP, or, as a test-runner
// worker, losing its runner), the groups it still holds are killed first. A way it cannot see
// (SIGKILL, to it or to its group) is its guard's to handle (harness/guard.sh, then guard.cjs):
// a process in a session of its own, started once, the first time something is held, that is told
// on a pipe what is held and kills it (a stopped group included) when the pipe ends, then removes
// the held temporary folders and exits.

const held = new Set<number>();

const GUARD = join(dirname(fileURLToPath(import.meta.url)), 'guard.cjs');
const GUARD_SH = join(dirname(fileURLToPath(import.meta.url)), 'guard.sh');
/** This process's guard: undefined until first needed, null if it could not be started. */
let guard: ChildProcess | null | undefined;

/**
 * Whether a process is a guard (of this checkout or another). A guard is never killed by a walk
 * down the tree of processes (stopTree, descendantsOutside, another guard): it descends from its
 * holder, and must outlive it to do its work; it ends by itself once its holder is gone.
 */
export function isGuard(pid: number): boolean {
  try {
    // The shell half (guard.sh) is given guard.cjs's path, so its command line names it too.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('/harness/guard.cjs');
  } catch {
    return false;
  }
}

/** Tells the guard one line (harness/guard.cjs), starting it first if need be. */
function tellGuard(line: string) {
  if (guard === undefined) {
    try {
      // Detached: a session and group of its own, out of reach of a signal to this one's group.
      // A shell keeps the list, and starts Node (guard.cjs) only if something is still held when
      // this process is gone: a shell's start costs about a millisecond of CPU, Node's some thirty
      // (harness/guard.sh). Its environment is this process's (so a test can find it by what it
      // inherited) but for NODE_OPTIONS: it needs no loader, and starts faster without one.
      guard = spawn('/bin/sh', [GUARD_SH, process.execPath, GUARD], { detached: true, stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, NODE_OPTIONS: '', NODE_EXTRA_CA_CERTS: '' } });
      guard.on('error', () => (guard = null));
      guard.stdin!.on('error', () => (guard = null)); // EPIPE: the guard is gone; the in-process clean-up still holds
      // Neither keeps this process alive: the pipe ends when this process does, however it ends.
      guard.unref();
      (guard.stdin as unknown as { unref?: () => void }).unref?.();
    } catch {
      guard = null;
    }
  }
  if (guard && !guard.stdin!.destroyed) guard.stdin!.write(`${line}\n`);
}

/** Sends `sig` to a whole process group; false if the group is gone. */
export function killGroup(pgid: number | undefined, sig: NodeJS.Signals = 'SIGKILL'): boolean {
  if (!pgid) return false;
  try {
    process.kill(-pgid, sig);
    return true;
  } catch {
    return false;
  }
}

/** Helpers run in this process's own group (npm, tar): killed with it, and killed when it goes. */
const heldChildren = new Set<number>();

/** What else goes when this process goes (a run's temporary folder): see holdCleanup(). */
const cleanups = new Set<() => void>();

function killHeld() {
  for (const f of cleanups) {
    try {
      f();
    } catch {
      // best effort: this process is going away
    }
  }
  for (const p of heldChildren) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // gone
    }
  }
  // What the held groups' members started in groups of their own (a detached child), found
  // before the groups are killed and killed after, as at a run's time limit. The groups are
  // stopped first, so that none of their members starts another process in between.
  for (const g of held) killGroup(g, 'SIGSTOP');
  const all = HAS_PROC && held.size ? processes() : [];
  const others = [...held].map((g) => descendantsOutside(g, all));
  for (const g of held) {
    killGroup(g, 'SIGKILL');
    killGroup(g, 'SIGCONT'); // a stopped (frozen) group dies only once it runs again
  }
  for (const kill of others) kill();
}

let hooked = false;
function hookCleanup() {
  if (hooked) return;
  hooked = true;
  process.once('exit', killHeld);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      killHeld();
      process.kill(process.pid, sig);
    });
  }
  // A test-runner worker whose runner went away (killed) must not carry on alone.
  if (process.send && process.connected) {
    process.once('disconnect', () => {
      killHeld();
      process.exit(1);
    });
  }
}

/** Runs `f` if this process goes away (exit, SIGINT/SIGTERM/SIGHUP, losing its runner) before the function returned is called. */
export function holdCleanup(f: () => void): () => void {
  hookCleanup();
  cleanups.add(f);
  return () => cleanups.delete(f);
}

/**
 * Holds a temporary folder: it is removed if this process goes away before the function returned
 * is called, by this process or (SIGKILL) by its guard. The function lets it go without removing it.
 */
export function holdFolder(dir: string): () => void {
  const release = holdCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const unguard = guardFolder(dir);
  return () => {
    release();
    unguard();
  };
}

/**
 * Has this process's guard remove a folder once this process is gone, however it went, unless
 * the function returned is called first. Nothing else changes in this process (no signal
 * listener): for a folder that its owner removes itself when it can (vitest's own).
 */
export function guardFolder(dir: string): () => void {
  if (dir.includes('\n')) return () => {};
  tellGuard(`d ${dir}`);
  return () => {
    if (guard) tellGuard(`e ${dir}`);
  };
}

// A cgroup (lambda/cgroup.ts: an execution environment's process limit) is a folder that only
// rmdir removes, and only once no process is left in it: its processes are killed first, found in
// its cgroup.procs (whatever group or session they are in), then the folder is removed.

/** SIGKILLs every process in a cgroup (stopped ones too: SIGCONT after), and returns how many there were. */
export function killCgroup(dir: string): number {
  let pids: number[] = [];
  try {
    pids = readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return 0; // gone
  }
  for (const pid of pids) {
    if (pid === process.pid) continue;
    for (const sig of ['SIGKILL', 'SIGCONT'] as const) {
      try {
        process.kill(pid, sig);
      } catch {
        // gone
      }
    }
  }
  return pids.length;
}

/** Empties a cgroup and removes it, trying again while its processes die (bounded: `ms`); true once it is gone. */
export async function removeCgroup(dir: string, ms = 3000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    killCgroup(dir);
    try {
      rmdirSync(dir);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
      if ((e as NodeJS.ErrnoException).code !== 'EBUSY' || Date.now() > deadline) return false;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Holds a cgroup's folder: if this process goes away before the function returned is called, what
 * is in it is killed and it is removed, by this process (one try: its processes may still be dying)
 * and, however this process went, by its guard (which tries again for a few seconds).
 */
export function holdCgroup(dir: string): () => void {
  if (dir.includes('\n')) return () => {};
  const release = holdCleanup(() => {
    killCgroup(dir);
    try {
      rmdirSync(dir);
    } catch {
      // still busy: the guard's to finish
    }
  });
  tellGuard(`c ${dir}`);
  return () => {
    release();
    if (guard) tellGuard(`u ${dir}`);
  };
}

/** Holds a process group: it is killed if this process goes away before releaseGroup(), also by SIGKILL (by the guard). */
export function holdGroup(pgid: number | undefined) {
  if (!pgid) return;
  hookCleanup();
  held.add(pgid);
  tellGuard(`g ${pgid}`);
}

export function releaseGroup(pgid: number | undefined) {
  if (!pgid) return;
  if (held.delete(pgid) && guard) tellGuard(`r ${pgid}`);
}

/** Whether every process left in the group is a zombie (dead, waiting to be reaped). */
function groupOnlyZombies(pgid: number): boolean {
  return processes().every((p) => p.pgid !== pgid || p.state === 'Z');
}

/** Waits (briefly, bounded) until no live process of the group is left. */
export async function groupGone(pgid: number | undefined, ms = 3000): Promise<void> {
  if (!pgid) return;
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return; // ESRCH: the group is empty
    }
    if (HAS_PROC && groupOnlyZombies(pgid)) return;
    if (Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

// ---------------------------------------------------------------------------------------------
// Starting processes. Every process this project starts (a scenario, a bare scenario for the
// bench, a vitest run, a runtime) is started here, in a process group of its own that is held
// until it is gone, and stopped with its whole tree.

export interface GroupRun {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** What was written to fd 3 (with `report`). */
  report: string;
  timedOut: boolean;
  durationMs: number;
  /** Set when the program could not be started at all. */
  startError?: string;
}

export interface GroupOptions {
  cwd?: string;
  /** The whole environment: nothing is inherited. */
  env: Record<string, string>;
  /** Time limit in ms: then the whole group is killed and `timedOut` is set. */
  timeout?: number;
  /** Open fd 3 as a pipe and collect what is written to it. */
  report?: boolean;
  /** Called with each chunk of stdout as it comes. */
  onStdout?: (chunk: string) => void;
  /** Cap on collected output per stream (bytes); the rest is dropped. */
  maxBuffer?: number;
  /** Called with the pid (= process group id) once started. */
  onStart?: (pid: number) => void;
  /**
   * false: a short helper (npm, tar) that stays in this process's group, so that whoever kills
   * this group kills it too; it is still killed if this process goes away first. Default true.
   */
  ownGroup?: boolean;
  /** What fds 1 and 2 are (default 'pipe', a socket pair collected here): a descriptor the child gets instead (harness/stdio.ts). */
  stdio?: ['pipe' | number, 'pipe' | number];
  /** Process groups to kill along with the run's own when it ends or times out (a terminal's session, harness/stdio-tty.ts). */
  alsoKill?: () => number[];
}

/**
 * Starts a long-running program (a Lambda runtime, a database) in a process group of its own,
 * held until it closes: if this process goes away first, the group is killed. Stop it with
 * stopTree(child.pid) or killGroup(child.pid).
 */
export function startGroup(file: string, args: string[], o: SpawnOptions & { env: Record<string, string> }): ChildProcess {
  const child = spawn(file, args, { ...o, detached: true });
  const pid = child.pid;
  holdGroup(pid);
  child.on('close', () => releaseGroup(pid));
  return child;
}

/**
 * Runs a program in a process group of its own and waits until the whole group is gone: when
 * the main process ends, whatever it left behind in its group is killed (an orphan holding the
 * pipes open would otherwise keep us waiting), and at the time limit the whole group is.
 */
export function runGroup(file: string, args: string[], o: GroupOptions): Promise<GroupRun> {
  const started = performance.now();
  const max = o.maxBuffer ?? 8 * 1024 * 1024;
  const own = o.ownGroup !== false;
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(file, args, { cwd: o.cwd, env: o.env, detached: own, stdio: ['ignore', ...(o.stdio ?? ['pipe', 'pipe'] as const), ...(o.report ? ['pipe' as const] : [])] });
    } catch (e) {
      resolve({ exitCode: null, signal: null, stdout: '', stderr: '', report: '', timedOut: false, durationMs: 0, startError: (e as Error).message });
      return;
    }
    const pid = child.pid;
    if (own) holdGroup(pid);
    else if (pid) {
      hookCleanup();
      heldChildren.add(pid);
      tellGuard(`p ${pid}`);
    }
    // Its own group is killed whole, with every group its descendants made for themselves (a
    // detached child sits in one, and would outlive the run otherwise); a helper in ours, alone.
    /** What was killed outside the run's own group (a detached child): waited for, as the group is, before the run resolves. */
    let outside: number[] = [];
    const kill = () => {
      for (const g of o.alsoKill?.() ?? []) killGroup(g);
      // Found before the group is killed (its members' parent links go with them), killed after,
      // so that nothing in the run's own group sees a descendant end before it is killed itself.
      if (own) {
        // Stopped first: a member cannot start another process between the look and the kill.
        killGroup(pid, 'SIGSTOP');
        const others = pid ? descendantsOutside(pid) : () => [];
        killGroup(pid);
        outside = others();
      } else if (pid) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    };
    if (pid) o.onStart?.(pid);
    const out = { stdout: '', stderr: '', report: '' };
    const collect = (stream: NodeJS.ReadableStream | null | undefined, key: keyof typeof out, each?: (s: string) => void) => {
      stream?.setEncoding('utf8');
      stream?.on('data', (d: string) => {
        if (out[key].length < max) out[key] += d;
        each?.(d);
      });
    };
    collect(child.stdout, 'stdout', o.onStdout);
    collect(child.stderr, 'stderr');
    if (o.report) collect(child.stdio[3] as NodeJS.ReadableStream, 'report');
    let timedOut = false;
    const timer = o.timeout ? setTimeout(() => {
      // A main process that already ended (a zombie: this process, busy or not scheduled, has
      // not yet handled its exit, which comes in a later phase of this turn) ended in time.
      if (!(HAS_PROC && pid && procStat(pid)?.state === 'Z')) timedOut = true;
      kill();
    }, o.timeout) : undefined;
    let startError: string | undefined;
    child.on('error', (e) => (startError = e.message));
    if (own) child.on('exit', () => killGroup(pid));
    child.on('close', async (code, sig) => {
      if (timer) clearTimeout(timer);
      if (own) {
        killGroup(pid);
        await groupGone(pid);
        const deadline = Date.now() + 3000;
        while (outside.some(isRunning) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        releaseGroup(pid);
      } else if (pid && heldChildren.delete(pid) && guard) tellGuard(`q ${pid}`);
      resolve({
        exitCode: code, signal: sig, ...out, timedOut, durationMs: performance.now() - started,
        ...(startError && code === null && !sig ? { startError } : {}),
      });
    });
  });
}

/** Runs a helper program (npm, tar, a binary's --version) through harness/procs.ts, in this process's group: killing the command's group kills them, and they go if the command goes first. */
export async function run(file: string, args: string[], opts: { cwd?: string; timeout?: number } = {}): Promise<{ code: number; stdout: string; stderr: string; timedOut: boolean }> {
  const r = await runGroup(file, args, { cwd: opts.cwd, env: inheritedEnv({ npm_config_yes: 'true' }), timeout: opts.timeout ?? 120_000, maxBuffer: 16 * 1024 * 1024, ownGroup: false });
  const code = r.startError ? 127 : r.exitCode ?? 1;
  return { code, stdout: r.stdout, stderr: r.stderr + (r.startError ? r.startError : r.timedOut ? `timed out after ${opts.timeout ?? 120_000} ms` : ''), timedOut: r.timedOut };
}

/**
 * The process groups and processes that descend from `pid` (found by parent links now, while
 * `pid` is alive) other than `pid`'s own group and this process's: what a group kill of `pid`
 * misses. Each is stopped (SIGSTOP) as it is found, and the tree looked at once more, so that
 * none starts another process unseen before the kill (stop `pid`'s group before calling this).
 * Returns the function that SIGKILLs them and returns their pids.
 */
export function descendantsOutside(pid: number, all?: Proc[]): () => number[] {
  if (!HAS_PROC) return () => [];
  const found = new Map<number, Proc>();
  for (const snapshot of [all ?? processes(), undefined]) {
    for (const p of tree(pid, snapshot ?? processes()).slice(1)) {
      if (p.pgid === pid || found.has(p.pid) || isGuard(p.pid)) continue;
      found.set(p.pid, p);
      try {
        process.kill(p.pid, 'SIGSTOP');
      } catch {
        // gone
      }
    }
  }
  return () => {
    for (const p of found.values()) {
      if (p.pgid > 1 && p.pgid !== process.pid) {
        killGroup(p.pgid, 'SIGKILL');
        killGroup(p.pgid, 'SIGCONT');
      }
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    return [...found.keys()];
  };
}

/**
 * Stops a process and everything it started, in whatever groups they sit: SIGTERM to its group
 * first (so that it can stop its own children), then, after `graceMs`, SIGKILL to every group
 * and process that descended from it. Resolves when they are gone.
 */
export async function stopTree(pid: number | undefined, graceMs = 3000): Promise<void> {
  if (!pid) return;
  const pids = new Set<number>();
  const groups = new Set<number>([pid]);
  const look = () => {
    for (const p of tree(pid).slice(1)) {
      if (pids.has(p.pid) || isGuard(p.pid)) continue;
      pids.add(p.pid);
      if (p.pgid > 1 && p.pgid !== process.pid) groups.add(p.pgid);
    }
  };
  look();
  killGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && (isRunning(pid) || [...pids].some(isRunning))) {
    look();
    await new Promise((r) => setTimeout(r, 100));
  }
  look();
  for (const g of groups) {
    killGroup(g, 'SIGKILL');
    killGroup(g, 'SIGCONT');
  }
  for (const p of [pid, ...pids]) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // gone
    }
  }
}
