// The guard of one holder (harness/procs.ts): what outlives the process that started it just long
// enough to kill what that process held. The holder starts it once, the first time it holds a
// process group or a temporary folder, in a session of its own (so that a SIGKILL to the holder's
// group does not reach it), with a pipe on its stdin, and writes one line for each thing it holds
// or lets go:
//   g <pgid>   a process group held          r <pgid>   released
//   p <pid>    a helper process held (one in the holder's own group: npm pack, tar)   q <pid>   released
//   d <path>   a temporary folder held       e <path>   released
//   c <path>   a cgroup's folder held (lambda/cgroup.ts)   u <path>   released
// The guard is two programs. The holder starts harness/guard.sh, a shell that keeps the list and,
// when the pipe ends (the holder is gone, whatever way it went: exit, a signal, SIGKILL), exits if
// nothing is held, else runs this file with what is still held on its stdin and the holder's
// group as its argument. (This file alone, started by the holder, does the same work: it reads
// the lines as they come.) When its stdin ends it kills every process of the groups still held
// (a stopped, frozen one included), the helpers still held, every process whose TMPDIR is a folder
// still held (a run whose group it was not told yet), and whatever they started in groups of their
// own, and every process in the cgroups still held, removes the folders still held (a cgroup's with
// rmdir, once its processes are gone), and exits. It reads nothing else and never outlives its
// holder by more than that.
// Plain JavaScript, no dependency: it starts in a few tens of milliseconds.
'use strict';
const fs = require('fs');

const groups = new Set();
const helpers = new Set();
const folders = new Set();
const cgroups = new Set();
let rest = '';

function line(l) {
  const what = l.slice(0, 1);
  const arg = l.slice(2);
  if (what === 'g') groups.add(Number(arg));
  else if (what === 'r') groups.delete(Number(arg));
  else if (what === 'p') helpers.add(Number(arg));
  else if (what === 'q') helpers.delete(Number(arg));
  else if (what === 'd') folders.add(arg);
  else if (what === 'e') folders.delete(arg);
  else if (what === 'c') cgroups.add(arg);
  else if (what === 'u') cgroups.delete(arg);
}

function processes() {
  const out = [];
  let names = [];
  try {
    names = fs.readdirSync('/proc');
  } catch (e) {
    return out; // not Linux: only the groups themselves are killed
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = fs.readFileSync('/proc/' + name + '/stat', 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(name), state: f[0], ppid: Number(f[1]), pgid: Number(f[2]) });
    } catch (e) {
      // gone
    }
  }
  return out;
}

/**
 * The holder's own group: never killed whole, only its held helpers and what they started. Given
 * by guard.sh, which read it while the holder was its parent; else read now, while it is this one's.
 */
const holderGroup = process.argv[2] !== undefined ? Number(process.argv[2]) || 0 : (() => {
  try {
    const s = fs.readFileSync('/proc/' + process.ppid + '/stat', 'utf8');
    return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[2]);
  } catch (e) {
    return 0;
  }
})();

function kill(target, sig) {
  try {
    process.kill(target, sig);
    return true;
  } catch (e) {
    return false;
  }
}

/** The descendants of every held group's members and of every held helper, outside the held groups, found before anything is killed. */
function doomed(all) {
  const children = new Map();
  for (const p of all) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(p);
  }
  const found = [];
  const stack = all.filter((p) => groups.has(p.pgid) || helpers.has(p.pid));
  const seen = new Set(stack.map((p) => p.pid));
  while (stack.length) {
    for (const c of children.get(stack.pop().pid) || []) {
      if (seen.has(c.pid)) continue;
      seen.add(c.pid);
      found.push(c);
      stack.push(c);
    }
  }
  return found.filter((p) => !groups.has(p.pgid) && !isGuard(p.pid));
}

/** Another holder's guard (a holder among the doomed started one): left to do its own work once its holder is gone. */
function isGuard(pid) {
  try {
    return fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8').includes('/harness/guard.cjs');
  } catch (e) {
    return false;
  }
}

/**
 * Processes whose TMPDIR is a held folder, outside the held groups: a run gets a held folder as its
 * TMPDIR before it starts (harness/run.ts), but its group is told only once the start returns. A
 * holder killed in between (the run already visible in /proc, the holder not yet scheduled again
 * on a loaded machine: seen once, a scenario left running after SIGKILL to its command's group)
 * told its guard the folder, not the group. Another holder's guard is left to its own work.
 */
function ofHeldFolders(all) {
  if (!folders.size) return [];
  const wanted = [...folders].map((d) => Buffer.from('TMPDIR=' + d + '\0'));
  return all.filter((p) => {
    if (p.pid === process.pid || p.state === 'Z' || groups.has(p.pgid) || isGuard(p.pid)) return false;
    let env;
    try {
      env = fs.readFileSync('/proc/' + p.pid + '/environ');
    } catch (e) {
      return false; // gone, or not ours to read
    }
    return wanted.some((w) => env.subarray(0, w.length).equals(w) || env.includes(Buffer.concat([Buffer.from('\0'), w])));
  });
}

function alive(all) {
  return all.some((p) => p.state !== 'Z' && groups.has(p.pgid));
}

/** SIGKILLs every process in a cgroup (its cgroup.procs; a stopped one too). */
function killCgroup(dir) {
  let pids = [];
  try {
    pids = fs.readFileSync(dir + '/cgroup.procs', 'utf8').split('\n').filter(Boolean).map(Number);
  } catch (e) {
    return; // gone
  }
  for (const pid of pids) {
    kill(pid, 'SIGKILL');
    kill(pid, 'SIGCONT');
  }
}

/** Removes the cgroups it can now (rmdir: only an empty one goes); those still busy stay in the set. */
function removeCgroups() {
  for (const d of cgroups) {
    killCgroup(d);
    try {
      fs.rmdirSync(d);
      cgroups.delete(d);
    } catch (e) {
      if (e.code !== 'EBUSY') cgroups.delete(d); // gone, or nothing more can be done
    }
  }
}

function finish() {
  // A holder that ended well let everything go: nothing to look for (a look at /proc costs a few
  // milliseconds, and a test run ends dozens of holders).
  if (!groups.size && !helpers.size && !folders.size && !cgroups.size) process.exit(0);
  // A run started for a held folder whose group was not told yet is killed as a helper is, with what it started.
  for (const p of ofHeldFolders(processes())) helpers.add(p.pid);
  if (groups.size || helpers.size) {
    // Everything is stopped before it is looked at, and what is found stopped as it is found
    // (then looked at once more): nothing starts another process between the look and the kill.
    for (const g of groups) kill(-g, 'SIGSTOP');
    for (const pid of helpers) kill(pid, 'SIGSTOP');
    const others = new Map();
    for (let pass = 0; pass < 2; pass++) {
      for (const p of doomed(processes())) {
        if (others.has(p.pid)) continue;
        others.set(p.pid, p);
        kill(p.pid, 'SIGSTOP');
      }
    }
    for (const pid of helpers) kill(pid, 'SIGKILL');
    for (const g of groups) {
      kill(-g, 'SIGKILL');
      kill(-g, 'SIGCONT'); // SIGKILL ends a stopped process too; this costs nothing
    }
    for (const p of others.values()) {
      if (p.pgid > 1 && p.pgid !== process.pid && p.pgid !== holderGroup) {
        kill(-p.pgid, 'SIGKILL');
        kill(-p.pgid, 'SIGCONT');
      }
      kill(p.pid, 'SIGKILL');
    }
  }
  // The folders go once nothing of the groups can write in them any more (bounded: 3 s).
  const deadline = Date.now() + 3000;
  const sweep = () => {
    if (groups.size && alive(processes()) && Date.now() < deadline) return void setTimeout(sweep, 20);
    removeCgroups();
    if (cgroups.size && Date.now() < deadline) return void setTimeout(sweep, 20);
    for (const d of folders) {
      try {
        fs.rmSync(d, { recursive: true, force: true });
      } catch (e) {
        // nothing more can be done
      }
    }
    process.exit(0);
  };
  sweep();
}

// A signal aimed at the holder's group or terminal (Ctrl-C, a hang-up) never reaches it: it is in a
// session of its own, with no terminal.
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => {
  const lines = (rest + d).split('\n');
  rest = lines.pop();
  for (const l of lines) if (l) line(l);
});
process.stdin.on('end', finish);
process.stdin.on('error', finish);
