// What keeps one execution environment apart from the others and from the host: its own /tmp and
// the size Lambda gives it, a read-only code directory, Lambda's process limit (lambda/cgroup.ts),
// and memory counted over every process it starts. What the machine does not allow is said, not
// pretended: isolationSupport() gives the reason, and the service prints it (Invocation.unenforced).
//
// /tmp. On Lambda each execution environment has its own /tmp, "512 MB to 10,240 MB" (aws.ts
// DEFAULT_EPHEMERAL_STORAGE_MB), kept across the invocations the environment serves. Here each
// environment gets a folder of its own under the host's temporary folder, made when its first
// runtime process starts and removed when the environment shuts down (held by harness/procs.ts
// holdFolder: removed also if the service itself is killed), kept across its runtime processes.
// Where the service can give the runtime a mount namespace (below), that folder is bound onto /tmp
// itself, so the literal path "/tmp" is the environment's and no other's, and TMPDIR is not set (as
// on Lambda); what the runtime needs from the host's /tmp (a task root, a layer, the project when it
// lives there) is bound back in read-only at its place, and shows as folders of those names in the
// function's /tmp (hostTmpPaths). Elsewhere the folder is TMPDIR (os.tmpdir()), and a function that writes to
// the literal "/tmp" reaches the host's. The size is not enforced as a file system would (a write
// past it does not fail with ENOSPC here); the service measures the folder after each invocation
// and reports when it is over (Invocation.tmpOverLimitMb; the command prints a line).
//
// The code directory. On Lambda the function's code (/var/task) and its layers (/opt) are on a
// read-only file system, and a write there fails with EROFS; AWS's local emulator, the SAM CLI,
// mounts the code read-only too (aws.ts READ_ONLY_CODE quotes both). Here the runtime process starts
// in a mount namespace of its own (`unshare --mount --propagation private`, which execs in place:
// same process id and group) and lambda/runtime/isolate.sh binds the task root and each layer
// folder onto itself read-only, at the same path, so that a handler's dependencies still resolve
// through its parent folders' node_modules (which stay writable: on Lambda they are inside
// /var/task). Only the runtime's processes see the mount; it goes with them. That needs the right
// to make a mount namespace (root, CAP_SYS_ADMIN): elsewhere the folders stay writable and the
// service says so.
import { accessSync, constants, existsSync, lstatSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { ROOT } from '../harness/project.ts';
import { descendants, holdFolder, run } from '../harness/procs.ts';
import { DEFAULT_EPHEMERAL_STORAGE_MB } from './aws.ts';
import type { Launch } from './bootstrap.ts';
import { pidsSupport, type Support } from './cgroup.ts';

export class EnvironmentTmp {
  private path?: string;
  private release?: () => void;

  /** The folder, made the first time it is asked for. */
  dir(): string {
    if (!this.path) {
      this.path = mkdtempSync(join(tmpdir(), 'lambda-tmp-'));
      this.release = holdFolder(this.path);
    }
    return this.path;
  }

  /** The folder, if it has been made. */
  get made(): string | undefined {
    return this.path;
  }

  /** Bytes the folder's files take on disk now (allocated blocks, as a file system's size limit counts them; subfolders included). */
  usedBytes(): number {
    return this.path ? folderBytes(this.path) : 0;
  }

  /** MB in the folder now when that is over `limitMb` (Lambda's default /tmp size, aws.ts DEFAULT_EPHEMERAL_STORAGE_MB), else undefined. */
  overLimitMb(limitMb: number = DEFAULT_EPHEMERAL_STORAGE_MB): number | undefined {
    const mb = Math.ceil(this.usedBytes() / (1024 * 1024));
    return mb > limitMb ? mb : undefined;
  }

  /** Removes the folder and whatever the function left in it. */
  remove(): void {
    if (!this.path) return;
    rmSync(this.path, { recursive: true, force: true });
    this.release?.();
    this.path = undefined;
  }
}

function folderBytes(dir: string): number {
  let total = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const n of names) {
    const p = join(dir, n);
    try {
      const st = lstatSync(p);
      total += st.isDirectory() ? folderBytes(p) : st.blocks * 512;
    } catch {
      // removed meanwhile
    }
  }
  return total;
}

// Memory. Lambda's memory size limits the whole execution environment: the runtime and every
// process it starts (QUOTAS: "Function memory allocation"). The service sums the resident sets of
// the runtime process and of its descendants (harness/procs.ts descendants), each time it reads
// the memory, on every machine. A memory cgroup, where the service can make one (as it makes the
// pids cgroup), would give other figures: it charges a page to the cgroup that first touched it, so
// the Node binary's pages that the host already has in its page cache are not counted (a Node
// holding 20 MB peaked at 28 MB in a cgroup v1 memory cgroup, VmHWM 61 MB, here), and REPORT's
// Max Memory Used would depend on the machine's cgroups and on what ran before.

/** kB resident now in a process and all its descendants together (harness/procs.ts descendants). */
export function treeRssKb(root: number): number {
  return descendants(root).reduce((kb, p) => kb + (Number.isFinite(p.rssBytes) ? p.rssBytes / 1024 : 0), 0);
}

// ---- the code directory and the process limit -----------------------------------------------

/** The script that joins the environment's cgroup and makes the code read-only, then execs the bootstrap. */
export const ISOLATE_SCRIPT = join(ROOT, 'lambda', 'runtime', 'isolate.sh');

/** What this machine lets the service apply; each one not applied with the reason. */
export interface IsolationSupport {
  /** A read-only code directory: `unshare` is the program that makes the mount namespace. */
  readOnlyCode: { ok: true; unshare: string } | { ok: false; reason: string };
  /** Lambda's 1,024 processes/threads, as a pids cgroup (lambda/cgroup.ts). */
  processLimit: Support;
}

/** A program's path in PATH or the system's folders, if it is there and executable. */
function findProgram(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/bin', '/usr/sbin', '/sbin'].filter(Boolean);
  for (const d of dirs) {
    try {
      accessSync(join(d, name), constants.X_OK);
      return join(d, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

/** unshare's arguments for a mount namespace of the process's own, whose mounts nobody else sees. */
const unshareArgs = ['--mount', '--propagation', 'private'];

/** Whether a folder bound onto itself read-only in a mount namespace refuses a write, found by doing it once on a folder of its own. */
async function readOnlySupport(): Promise<IsolationSupport['readOnlyCode']> {
  if (process.platform !== 'linux') return { ok: false, reason: 'mount namespaces are Linux only' };
  const unshare = findProgram('unshare');
  if (!unshare) return { ok: false, reason: 'unshare (util-linux) is not installed' };
  const dir = mkdtempSync(join(tmpdir(), 'lambda-ro-probe-'));
  const release = holdFolder(dir);
  try {
    // By exit codes, not by the words of a message (a locale translates them): the write's own
    // outcome is 3 (refused) or 4 (taken); the script exits 125 where a step fails, unshare 1.
    const r = await run(unshare, [...unshareArgs, '/bin/sh', ISOLATE_SCRIPT, '--ro', dir, '--', '/bin/sh', '-c', 'if (true > "$0/written") 2>/dev/null; then exit 4; else exit 3; fi', dir], { timeout: 60_000 });
    if (r.code === 3 && !existsSync(join(dir, 'written'))) return { ok: true, unshare };
    if (r.code === 4) return { ok: false, reason: 'a folder bound onto itself read-only in a mount namespace still took a write' };
    const said = r.stderr.trim().split('\n')[0] || `exit ${r.code}`;
    return { ok: false, reason: `no mount namespace of its own for the runtime (${said}): it needs root (CAP_SYS_ADMIN)` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    release();
  }
}

let support: Promise<IsolationSupport> | undefined;

/** What this machine allows (found once per process, then kept). */
export function isolationSupport(): Promise<IsolationSupport> {
  support ??= readOnlySupport().then((readOnlyCode) => ({ readOnlyCode, processLimit: pidsSupport() }));
  return support;
}

/**
 * The runtime process's command with the isolation this machine allows put in front of Lambda's
 * bootstrap: joining `cgroup`, and in a mount namespace of its own (with `unshare`) the
 * environment's folder as /tmp (`tmp.dir`, with the host's /tmp entries `tmp.keep` bound back in)
 * and the `readOnly` folders read-only. Without either, `launch` itself.
 */
export function isolatedLaunch(launch: Launch, o: { unshare?: string; readOnly: string[]; cgroup?: string; tmp?: { dir: string; keep: string[] } }): Launch {
  const tmp = o.unshare && o.tmp ? ['--tmp', o.tmp.dir, ...o.tmp.keep.flatMap((k) => ['--keep', k])] : [];
  const steps = [...(o.cgroup ? ['--cgroup', o.cgroup] : []), ...tmp, ...(o.unshare ? o.readOnly.flatMap((d) => ['--ro', d]) : [])];
  if (!steps.length) return launch;
  const script = [ISOLATE_SCRIPT, ...steps, '--', launch.file, ...launch.args];
  return o.unshare ? { file: o.unshare, args: [...unshareArgs, '/bin/sh', ...script] } : { file: '/bin/sh', args: script };
}

/**
 * What a runtime process started with `launch` needs from the host's /tmp once the environment's
 * folder is its /tmp: each of `paths` (the project, the task root, the layers, the runtime client)
 * and where a symbolic link among them leads, and each absolute
 * path on its command line or in `lists` (PATH, NODE_PATH: what the bootstrap sets, never the
 * function's own variables, whose /tmp paths are the environment's) that lies under /tmp, a file's
 * folder in its place, none inside another, and never the environment's own folder. Each is bound
 * back in read-only (lambda/runtime/isolate.sh --keep): the function can read it, not change the
 * host's files through it.
 */
export function hostTmpPaths(launch: Launch, lists: string[], paths: string[], own: string): string[] {
  // A path and, where a symbolic link leads elsewhere (a package linked into a project), where it leads.
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const words = [launch.file, ...launch.args, ...lists.flatMap((v) => v.split(delimiter)), ...paths].map((w) => w.trim()).flatMap((w) => [w, real(w)]);
  const found = new Set<string>();
  for (const w of words) {
    if (!w.startsWith('/tmp/') || w.split('/').includes('..')) continue;
    let p = w.replace(/\/+$/, '');
    try {
      if (!statSync(p).isDirectory()) p = dirname(p);
    } catch {
      continue; // not there: nothing to keep
    }
    if (p === '/tmp' || p === own || p.startsWith(`${own}/`)) continue;
    found.add(p);
  }
  const all = [...found].sort();
  return all.filter((p) => !all.some((q) => q !== p && p.startsWith(`${q}/`)));
}
