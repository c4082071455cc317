// The kind of file a scenario's stdout and stderr are: what Node's child_process gives by default
// (a UNIX socket pair, `socket`), a FIFO as from a shell pipe, a CI runner or a container log
// (`pipe`), a regular file as from `> file` (`file`), or a pseudo-terminal (`tty`, both streams on
// one terminal, harness/stdio-tty.ts). Node writes to each differently (synchronously or not, and
// what a write after the reader has gone does), so the kind is a stated dimension of a run. Every
// kind leaves nothing behind: the FIFO and the files are unlinked as soon as they are open.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, fstatSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecError } from './project.ts';
import { ttyStdio, whyNoTty } from './stdio-tty.ts';

export const STDIO_KINDS = ['socket', 'pipe', 'file', 'tty'] as const;
export type StdioKind = (typeof STDIO_KINDS)[number];
/** What a scenario's stdout and stderr are unless stated: what Node's child_process gives a child, as every stored result was observed with. */
export const DEFAULT_STDIO: StdioKind = 'socket';

/** The prefix of this process's temporary folders for a run's stdio (emptied and removed at once for pipe and file, after the run for tty). */
export const STDIO_TEMP = `nas-stdio-${process.pid}-`;

/** Each kind in a few words, for pages and reports. */
export const STDIO_WORDS: Record<StdioKind, string> = {
  socket: 'a socket pair (child_process)',
  pipe: 'a FIFO (a shell pipe)',
  file: 'a regular file (> file)',
  tty: 'a terminal (a pseudo-terminal)',
};

export function isStdioKind(k: unknown): k is StdioKind {
  return typeof k === 'string' && (STDIO_KINDS as readonly string[]).includes(k);
}

/** What one run's stdout and stderr are, from before the spawn to after the process group is gone. */
export interface Stdio {
  kind: StdioKind;
  /** spawn()'s stdio for fds 1 and 2: 'pipe' (a socket pair runGroup reads) or a descriptor the child gets. */
  fds: ['pipe' | number, 'pipe' | number];
  /** The command to start instead (tty: the program run on a terminal), `fd3` when the observer reports on fd 3. */
  wrap(file: string, args: string[], fd3: boolean): { file: string; args: string[] };
  /** Right after the spawn: closes this process's copies of the child's descriptors. */
  spawned(): void;
  /** Process groups to kill with the run's own, now (tty: the one on the terminal). */
  groups(): number[];
  /** After the run's group is gone: what was written (undefined: as runGroup collected it), how the program ended when the wrapper knows better, and `lost` when the run failed for a reason of the kind's own. */
  finish(max: number, timedOut: boolean): Promise<{ stdout?: string; stderr?: string; exitCode?: number | null; signal?: string | null; lost?: string }>;
  /** Removes whatever is left (idempotent). */
  close(): void;
}

/** Why a kind cannot be given on this machine (undefined: it can). A claim is then a visible skip naming it. */
export function whyNoStdio(kind: StdioKind): string | undefined {
  if (kind === 'tty') return whyNoTty();
  if (kind === 'pipe' && process.platform === 'win32') return 'no FIFOs (mkfifo) on Windows';
  return undefined;
}

/** Opens what a run's stdout and stderr will be. Throws a SpecError when the kind cannot be given here. */
export function openStdio(kind: StdioKind): Stdio {
  if (kind === 'file') return fileStdio();
  if (kind === 'pipe') return fifoStdio();
  if (kind === 'tty') return ttyStdio();
  return { kind, fds: ['pipe', 'pipe'], wrap: (file, args) => ({ file, args }), spawned() {}, groups: () => [], finish: async () => ({}), close() {} };
}

const plain = (file: string, args: string[]) => ({ file, args });

/** Two regular files, unlinked at once: the child writes through its descriptor, read back from offset 0 after the run. */
function fileStdio(): Stdio {
  const dir = mkdtempSync(join(tmpdir(), STDIO_TEMP));
  let fds: number[] = [];
  try {
    for (const name of ['stdout', 'stderr']) {
      const p = join(dir, name);
      fds.push(openSync(p, 'w+'));
      unlinkSync(p);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const readAll = (fd: number, max: number) => {
    const size = Math.min(fstatSync(fd).size, max);
    const buf = Buffer.alloc(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buf, at, size - at, at);
      if (!n) break;
      at += n;
    }
    return buf.subarray(0, at).toString('utf8');
  };
  return {
    kind: 'file', fds: [fds[0]!, fds[1]!], wrap: plain, spawned() {}, groups: () => [],
    finish: async (max) => ({ stdout: readAll(fds[0]!, max), stderr: readAll(fds[1]!, max) }),
    close() {
      for (const fd of fds) closeSync(fd);
      fds = [];
    },
  };
}

/**
 * Resolves once the streams have ended, or once a turn of the event loop, its reads included,
 * brings nothing more (`size` measures what was read).
 */
async function drained(size: () => number, ended: Promise<unknown>): Promise<void> {
  let done = false;
  void ended.then(() => (done = true));
  for (;;) {
    const before = size();
    await new Promise((r) => setImmediate(r)); // after this turn's poll phase, which reads
    if (done || size() === before) return;
  }
}

/**
 * Two FIFOs (mkfifo), each opened by this process for reading (non-blocking, so the open does not
 * wait) and for writing (the child's end), then unlinked. This process's write ends are closed
 * right after the spawn, so each read side ends when the last process holding its write end does.
 */
function fifoStdio(): Stdio {
  const dir = mkdtempSync(join(tmpdir(), STDIO_TEMP));
  const readers: Socket[] = [];
  let writers: number[] = [];
  const text = ['', ''];
  try {
    for (const name of ['stdout', 'stderr']) {
      const p = join(dir, name);
      try {
        execFileSync('mkfifo', ['-m', '600', p], { stdio: 'ignore' });
      } catch (e) {
        throw new SpecError(`stdio pipe: cannot make a FIFO with mkfifo here (${(e as Error).message.split('\n')[0]})`);
      }
      const r = openSync(p, constants.O_RDONLY | constants.O_NONBLOCK);
      writers.push(openSync(p, constants.O_WRONLY));
      unlinkSync(p);
      readers.push(new Socket({ fd: r, readable: true, writable: false }));
    }
  } catch (e) {
    for (const fd of writers) closeSync(fd);
    for (const s of readers) s.destroy();
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ended = readers.map((s, i) => {
    s.setEncoding('utf8');
    s.on('data', (d: string) => (text[i] += d));
    return new Promise<void>((resolve) => {
      s.on('close', () => resolve());
      s.on('error', () => resolve());
    });
  });
  const closeWriters = () => {
    for (const fd of writers) closeSync(fd);
    writers = [];
  };
  return {
    kind: 'pipe', fds: [writers[0]!, writers[1]!], wrap: plain, spawned: closeWriters, groups: () => [],
    async finish(max) {
      closeWriters();
      // The group is gone; a process that left it (setsid) may still hold a write end: wait briefly, then stop reading.
      let timer: NodeJS.Timeout | undefined;
      const all = Promise.all(ended);
      await Promise.race([all, new Promise((r) => (timer = setTimeout(r, 2000)))]);
      clearTimeout(timer);
      // What was written before is read first, however late: on a busy machine this process may
      // not run for seconds, and then the timer fires in the same turn as, and before, the reads
      // of what is waiting in the FIFOs (seen: a scenario's whole output lost under load).
      await drained(() => text[0]!.length + text[1]!.length, all);
      for (const s of readers) s.destroy();
      return { stdout: text[0]!.slice(0, max), stderr: text[1]!.slice(0, max) };
    },
    close() {
      closeWriters();
      for (const s of readers) s.destroy();
    },
  };
}
