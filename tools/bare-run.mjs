// The bench's floor: runs scenario processes bare (no observer, no harness, no vitest), at most
// `width` at a time, each in the directory, environment and time limit it would get from the
// harness, with stdout and stderr of the kind it would get (a job's `stdio`, as its header names
// it: harness/stdio.ts), and waits for all. It is plain JavaScript started as a whole process,
// like a user would start a script that runs them, so that both sides of `npm run bench` pay
// their own start-up.
//   node tools/bare-run.mjs <jobs.json>
// jobs.json: { "width": 16, "jobs": [{ "file": "/path/node", "args": [...], "cwd": "...", "env": {...}, "timeout": 10000, "stdio": "socket" }] }
// stdio: socket (default: the socket pair spawn gives), pipe (two FIFOs, read and discarded), file
// (two unlinked temporary files) or tty (a pseudo-terminal through util-linux's `script`, the
// program run by harness/tty-child.cjs as the harness runs it). Nothing is left behind: the
// temporary folders go as soon as their files are open (pipe, file) or when the run ends (tty).
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { width, jobs } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const TTY_CHILD = fileURLToPath(new URL('../harness/tty-child.cjs', import.meta.url));
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const temp = () => mkdtempSync(join(tmpdir(), `nas-bare-${process.pid}-`));

/** What one job's stdout and stderr are: spawn()'s stdio for fds 1 and 2, the command to start, and what to do after the spawn and at the end. */
function openKind(kind, file, args) {
  if (kind === 'file') {
    const dir = temp();
    const fds = ['stdout', 'stderr'].map((n) => {
      const fd = openSync(join(dir, n), 'w');
      unlinkSync(join(dir, n));
      return fd;
    });
    rmSync(dir, { recursive: true, force: true });
    return { fds, file, args, spawned: () => fds.forEach((fd) => closeSync(fd)), close() {} };
  }
  if (kind === 'pipe') {
    const dir = temp();
    const readers = [];
    const writers = [];
    try {
      for (const n of ['stdout', 'stderr']) {
        const p = join(dir, n);
        execFileSync('mkfifo', ['-m', '600', p], { stdio: 'ignore' });
        const r = openSync(p, constants.O_RDONLY | constants.O_NONBLOCK);
        writers.push(openSync(p, constants.O_WRONLY));
        unlinkSync(p);
        const s = new Socket({ fd: r, readable: true, writable: false });
        s.on('error', () => {});
        s.resume();
        readers.push(s);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return { fds: writers, file, args, spawned: () => writers.splice(0).forEach((fd) => closeSync(fd)), close: () => readers.forEach((s) => s.destroy()) };
  }
  if (kind === 'tty') {
    if (!SCRIPT) throw new Error('stdio tty: needs `script` from util-linux (/usr/bin/script); not found here');
    const dir = temp();
    const status = join(dir, 'status');
    return {
      fds: ['pipe', 'pipe'],
      file: SCRIPT,
      args: ['-q', '-e', '-c', `exec ${[process.execPath, TTY_CHILD, status, 'no-fd3', file, ...args].map(quote).join(' ')}`, '/dev/null'],
      spawned() {},
      // The program's group, which tty-child.cjs wrote first: killed with the run's own (the terminal's session is not in it).
      group: () => Number((existsSync(status) ? readFileSync(status, 'utf8') : '').split('\n')[0]) || undefined,
      close: () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  return { fds: ['pipe', 'pipe'], file, args, spawned() {}, close() {} };
}

let next = 0;
const one = (j) => new Promise((done) => {
  const io = openKind(j.stdio ?? 'socket', j.file, j.args);
  const child = spawn(io.file, io.args, { cwd: j.cwd, env: j.env, stdio: ['ignore', ...io.fds], detached: true });
  io.spawned();
  child.stdout?.resume();
  child.stderr?.resume();
  const kill = () => {
    for (const g of [child.pid, io.group?.()]) {
      if (!g) continue;
      try {
        process.kill(-g, 'SIGKILL');
      } catch {
        // the group is gone
      }
    }
  };
  const timer = setTimeout(kill, j.timeout);
  child.on('exit', kill);
  child.on('close', () => {
    clearTimeout(timer);
    kill();
    io.close();
    done();
  });
});
const worker = async () => {
  while (next < jobs.length) await one(jobs[next++]);
};
await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
