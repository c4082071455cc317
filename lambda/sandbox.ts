// One runtime process and the freeze protocol (the sandbox of an execution environment).
//
// What the freeze is. Lambda "freezes the execution environment when the runtime and each
// extension have completed and there are no pending events" (aws.ts DOCS.LIFECYCLE): the runtime
// has completed when it asks for its next event (GET .../invocation/next). This emulator freezes
// at the earliest moment that allows, deterministically: lambda/runtime/freeze-hook.cjs, preloaded
// into the runtime process, makes the main thread write a marker to stdout and to stderr the
// moment the client asks, and then block in a synchronous read of its control channel (fd 3).
// When both markers are read (so every line printed before them belongs to the invocation that
// just ended), the service SIGSTOPs the process group. To thaw it, the service SIGCONTs the group
// and writes one byte on the control channel; only then does the client's request reach the
// Runtime API. No code of the function runs from the ask to the thaw, however loaded the machine.
// On AWS the freeze is not instantaneous: a few milliseconds of the function's code may still run
// after the ask (a timer due 1 ms later may fire before the environment is frozen). The emulator
// shows the worst case every time; "never runs before the next invocation" in the claims means
// "never, in this deterministic worst case".
//
// Memory. The process's peak resident set (VmHWM), or the resident sets of it and every process it
// started together when that is more (the memory size covers the whole environment), is what
// REPORT's "Max Memory Used" shows; it is read while the process runs and kept, so a process that
// died still reports what it used. A
// limit (the function's memory size) is enforced by watching that peak: over it, the process
// group is killed with SIGKILL, as the kernel's memory limit kills a function on Lambda.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { ROOT, SpecError } from '../harness/project.ts';
import { killGroup, releaseGroup, startGroup } from '../harness/procs.ts';
import type { Launch } from './bootstrap.ts';
import { treeRssKb } from './isolation.ts';
import type { RuntimeInfo } from './runtimes.ts';
import { readPendingRecord, type PendingRecord } from './freeze-report.ts';

/** ready: the runtime asked for its next event, `at` on the monotonic clock (process.hrtime.bigint()). */
export type Outcome = { kind: 'ready'; at: bigint } | { kind: 'exit'; code: number | null; signal: string | null } | { kind: 'timeout' };

/** Where the lines the process prints go (the current invocation or init phase). */
export interface Sink {
  lines: string[];
}

/** How often a running process's peak memory is read while a limit is watched. */
const MEMORY_POLL_MS = 10;
/** Every how many readings the watch walks the whole process tree (a walk reads a few /proc files per process). */
const TREE_EVERY = 5;

export class Sandbox {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly nonce = randomBytes(12).toString('hex');
  sink: Sink;
  alive = true;
  frozen = false;
  exit?: { code: number | null; signal: string | null };
  /** Set when the service killed it for going over its memory limit. */
  overMemory = false;
  private peakKb = 0;
  private watch?: NodeJS.Timeout;
  private partial: Record<'out' | 'err', string> = { out: '', err: '' };
  private marked: Record<'out' | 'err', boolean> = { out: false, err: false };
  private askedAt = 0n;
  private readonly marker: RegExp;
  private waiters: ((o: Outcome) => void)[] = [];
  private closed: Promise<void>;
  /** What the runtime reported pending at its last ask (lambda/freeze-report.ts), if it was asked to. */
  pendingAtAsk?: PendingRecord;

  constructor(
    info: RuntimeInfo,
    launch: Launch,
    cwd: string,
    env: Record<string, string>,
    sink: Sink,
    private readonly memoryLimitMb?: number,
  ) {
    this.sink = sink;
    this.marker = new RegExp(`\u001e${this.nonce}:(\\d+)\u001e\n`);
    const hook = join(ROOT, 'lambda', 'runtime', 'freeze-hook.cjs');
    // A group of its own, held by harness/procs.ts until it closes (killed if this process goes first).
    // Started through Lambda's bootstrap (lambda/bootstrap.ts), which execs Node in the same process.
    this.child = startGroup(launch.file, [...launch.args, '--require', hook, info.entry], {
      cwd,
      env: { ...env, LAMBDA_LOCAL_FREEZE_NONCE: this.nonce },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    if (!this.child.pid) throw new SpecError(`could not start ${launch.file} for the ${info.name} runtime`);
    this.pid = this.child.pid;
    this.child.stdout!.setEncoding('utf8').on('data', (t: string) => this.onText('out', t));
    this.child.stderr!.setEncoding('utf8').on('data', (t: string) => this.onText('err', t));
    const control = this.child.stdio[3] as Socket;
    control.on('error', () => {});
    this.closed = new Promise((res) => {
      this.child.on('close', (code, signal) => {
        this.exit ??= { code, signal };
        this.finish();
        res();
      });
    });
    this.child.on('exit', (code, signal) => {
      this.exit = { code, signal };
      this.stopWatch();
      // Whatever the runtime left in its group goes with it; then the pipes close.
      killGroup(this.pid, 'SIGKILL');
      // A grandchild outside the group could hold the pipes open: do not wait for it forever.
      setTimeout(() => this.finish(), 2000).unref();
    });
    this.child.on('error', () => this.finish());
    this.startWatch();
  }

  private finish() {
    if (!this.alive) return;
    this.alive = false;
    this.stopWatch();
    releaseGroup(this.pid);
    for (const s of ['out', 'err'] as const) {
      if (this.partial[s]) this.sink.lines.push(this.partial[s]);
      this.partial[s] = '';
    }
    this.settle({ kind: 'exit', code: this.exit?.code ?? null, signal: this.exit?.signal ?? null });
  }

  private onText(stream: 'out' | 'err', text: string) {
    let t = this.partial[stream] + text;
    for (;;) {
      const m = this.marker.exec(t);
      if (!m) break;
      this.take(t.slice(0, m.index), true);
      t = t.slice(m.index + m[0].length);
      this.marked[stream] = true;
      const at = BigInt(m[1]!);
      if (at > this.askedAt) this.askedAt = at;
      if (this.marked.out && this.marked.err) {
        this.marked = { out: false, err: false };
        this.settle({ kind: 'ready', at: this.askedAt });
      }
    }
    const nl = t.lastIndexOf('\n');
    if (nl >= 0) {
      this.take(t.slice(0, nl + 1), false);
      t = t.slice(nl + 1);
    }
    this.partial[stream] = t;
  }

  private take(text: string, flushPartial: boolean) {
    const parts = text.split('\n');
    const last = parts.pop()!;
    for (const p of parts) {
      const pending = readPendingRecord(this.nonce, p);
      if (!pending) this.sink.lines.push(p);
      else {
        this.pendingAtAsk = pending.record;
        if (pending.before) this.sink.lines.push(pending.before);
      }
    }
    if (flushPartial && last) this.sink.lines.push(last);
  }

  private settle(o: Outcome) {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f(o);
  }

  /** Resolves when the runtime asks for its next event (ready) or its process ends. */
  next(): Promise<Outcome> {
    if (!this.alive) return Promise.resolve({ kind: 'exit', code: this.exit?.code ?? null, signal: this.exit?.signal ?? null });
    return new Promise((res) => this.waiters.push(res));
  }

  /** Stops the whole group: the runtime is blocked in the freeze hook, everything else stops too. */
  freeze() {
    this.stopWatch();
    if (this.alive && killGroup(this.pid, 'SIGSTOP')) this.frozen = true;
  }

  /** Thaws the group and lets the main thread go on to ask for the event. */
  release(sink: Sink) {
    this.sink = sink;
    if (this.frozen) killGroup(this.pid, 'SIGCONT');
    this.frozen = false;
    this.startWatch();
    (this.child.stdio[3] as Socket).write('g');
  }

  /**
   * Reads the memory now (if the process is there) and returns the largest seen, in kB: the
   * runtime process's own peak (VmHWM), or the resident sets of it and its descendants together
   * (lambda/isolation.ts treeRssKb) when `tree`, which the watch does every TREE_EVERY-th reading.
   */
  private readPeak(tree = true): number {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      if (m) this.peakKb = Math.max(this.peakKb, Number(m[1]));
      if (tree) this.peakKb = Math.max(this.peakKb, treeRssKb(this.pid));
    } catch {
      // gone: keep what was seen
    }
    return this.peakKb;
  }

  /** Peak memory so far in MB (also after the process is gone: the last reading). */
  peakMb(): number {
    if (this.alive) this.readPeak();
    return Math.round(this.peakKb / 1024);
  }

  /**
   * Whether the peak went over the limit; if so the group is killed (SIGKILL) now. Called by the
   * watch while the process runs and once more when it asks for its next event, so a function
   * that went over its memory size is killed whatever the timing: never left to answer.
   */
  checkMemory(tree = true): boolean {
    if (!this.memoryLimitMb || !this.alive || this.overMemory) return this.overMemory;
    if (this.readPeak(tree) > this.memoryLimitMb * 1024) {
      this.overMemory = true;
      this.stopWatch();
      killGroup(this.pid, 'SIGKILL');
      killGroup(this.pid, 'SIGCONT');
    }
    return this.overMemory;
  }

  /** Watches the memory limit while the process runs (an init phase or an invocation). */
  startWatch() {
    if (!this.memoryLimitMb || this.watch || !this.alive) return;
    let n = 0;
    this.watch = setInterval(() => this.checkMemory(++n % TREE_EVERY === 0), MEMORY_POLL_MS);
    this.watch.unref();
  }

  private stopWatch() {
    if (this.watch) clearInterval(this.watch);
    this.watch = undefined;
  }

  async kill(): Promise<void> {
    this.stopWatch();
    if (this.alive) {
      killGroup(this.pid, 'SIGKILL');
      killGroup(this.pid, 'SIGCONT');
    }
    await Promise.race([this.closed, new Promise((r) => setTimeout(r, 3000).unref())]);
    this.finish();
  }
}
