// Lambda's process limit for one execution environment: a pids cgroup.
//
// QUOTAS (aws.ts MAX_PROCESSES): "Execution processes/threads: 1,024". `ulimit -u` cannot play it
// (it counts every process of the user, and root is exempt); a cgroup's pids.max counts exactly the
// tasks (processes and threads) of the processes in it, whoever runs them. Each environment gets a
// cgroup of its own with pids.max 1024, made at its first runtime process, which joins it before it
// becomes Node (lambda/runtime/isolate.sh); every runtime process of that environment joins the same
// one (a reset does not give a new limit), and everything they start is in it too. It is removed
// (rmdir: a cgroup's folder is never removed recursively) when the environment shuts down, and
// held by harness/procs.ts holdCgroup, so that it goes also if the service itself is killed.
//
// Where: under this process's own cgroup of a cgroup v1 hierarchy with the pids controller, or of
// the cgroup v2 hierarchy when the pids controller can be given to a child there (cgroup v2 gives
// controllers to children only from a cgroup with no process of its own, in practice the root).
// Making a cgroup needs root or a delegated cgroup; where that is not allowed (an ordinary user, a
// container without CAP_SYS_ADMIN, cgroup v2 inside a systemd service) pidsSupport() says why and
// no limit is applied. Memory is not limited or measured through a cgroup (lambda/isolation.ts).
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { holdCgroup, mountEntries, removeCgroup, type MountEntry } from '../harness/procs.ts';
import { MAX_PROCESSES } from './aws.ts';

export type Support = { ok: true } | { ok: false; reason: string };

/** Every name this service gives a cgroup starts so: `<prefix><service pid>-<environment>-<random>`. */
export const CGROUP_PREFIX = 'lambda-local-';

type Mount = MountEntry;

/** The cgroup mounts of /proc/self/mountinfo (proc(5): fields, then " - ", then type, source, super options). */
export function cgroupMounts(mountinfo: string): Mount[] {
  return mountEntries(mountinfo).filter((m) => m.fsType === 'cgroup' || m.fsType === 'cgroup2');
}

/** This process's cgroup in the v1 hierarchy of `controller` ("pids"), or in the v2 hierarchy (controller ''), from /proc/self/cgroup. */
export function ownCgroup(procCgroup: string, controller: string): string | undefined {
  for (const line of procCgroup.split('\n')) {
    const m = /^(\d+):([^:]*):(.*)$/.exec(line);
    if (!m) continue;
    if (controller === '' ? m[1] === '0' && m[2] === '' : m[2]!.split(',').includes(controller)) return m[3];
  }
  return undefined;
}

/** The folder of cgroup `path` under a mount whose root is `root`. */
function folderOf(m: Mount, path: string): string {
  const rel = m.root !== '/' && (path === m.root || path.startsWith(`${m.root}/`)) ? path.slice(m.root.length) : path;
  const dir = join(m.mountPoint, rel);
  return existsSync(dir) ? dir : m.mountPoint;
}

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** Where this process may make a pids cgroup (a folder), or why it may not. */
export function pidsParent(): { dir: string } | { reason: string } {
  if (process.platform !== 'linux') return { reason: 'cgroups are Linux only' };
  let mountinfo: string, procCgroup: string;
  try {
    mountinfo = readFileSync('/proc/self/mountinfo', 'utf8');
    procCgroup = readFileSync('/proc/self/cgroup', 'utf8');
  } catch (e) {
    return { reason: `cannot read /proc/self/mountinfo or /proc/self/cgroup (${codeOf(e)})` };
  }
  const mounts = cgroupMounts(mountinfo);
  const v1 = mounts.find((m) => m.fsType === 'cgroup' && m.superOptions.includes('pids'));
  if (v1) return { dir: folderOf(v1, ownCgroup(procCgroup, 'pids') ?? '/') };
  const v2 = mounts.find((m) => m.fsType === 'cgroup2');
  if (!v2) return { reason: 'no cgroup hierarchy with the pids controller is mounted' };
  const dir = folderOf(v2, ownCgroup(procCgroup, '') ?? '/');
  // Not turned on here (that would change the machine's cgroups for good): only used if it is on.
  let control = '';
  try {
    control = readFileSync(join(dir, 'cgroup.subtree_control'), 'utf8');
  } catch (e) {
    return { reason: `cgroup v2: cannot read ${join(dir, 'cgroup.subtree_control')} (${codeOf(e)})` };
  }
  if (!control.split(/\s+/).includes('pids')) {
    return { reason: `cgroup v2: the pids controller is not given to the children of ${dir} (cgroup.subtree_control; cgroup v2 gives it only from a cgroup with no process of its own, or one delegated to this user)` };
  }
  return { dir };
}

/** Makes a pids cgroup with pids.max MAX_PROCESSES in `parent`; its folder, or why not (the half-made folder removed). */
function makePids(parent: string, name: string): { dir: string } | { reason: string } {
  const dir = join(parent, name);
  try {
    mkdirSync(dir);
  } catch (e) {
    return { reason: `cannot make a cgroup in ${parent} (${codeOf(e)}: it needs root, or a cgroup delegated to this user)` };
  }
  try {
    writeFileSync(join(dir, 'pids.max'), String(MAX_PROCESSES));
    return { dir };
  } catch (e) {
    try {
      rmdirSync(dir);
    } catch {
      // nothing joined it: an empty cgroup always goes
    }
    return { reason: `cannot set pids.max in ${dir} (${codeOf(e)})` };
  }
}

let support: Support | undefined;

/** Whether this machine lets the service give an environment a pids cgroup (made and removed once to find out; the answer kept). */
export function pidsSupport(): Support {
  if (support) return support;
  const parent = pidsParent();
  if ('reason' in parent) return (support = { ok: false, reason: parent.reason });
  const made = makePids(parent.dir, `${CGROUP_PREFIX}${process.pid}-probe-${randomBytes(3).toString('hex')}`);
  if ('reason' in made) return (support = { ok: false, reason: made.reason });
  rmdirSync(made.dir);
  return (support = { ok: true });
}

/** One environment's pids cgroup: made the first time it is asked for, removed at shutdown. */
export class EnvironmentPids {
  private path?: string;
  private release?: () => void;
  /** Why the environment has none, once it was asked for and could not be made. */
  reason?: string;

  constructor(private readonly environment: number) {}

  /** The cgroup's folder, or undefined (then `reason` says why). */
  dir(): string | undefined {
    if (this.path || this.reason) return this.path;
    const s = pidsSupport();
    const parent = s.ok ? pidsParent() : { reason: s.reason };
    const made = 'dir' in parent ? makePids(parent.dir, `${CGROUP_PREFIX}${process.pid}-${this.environment}-${randomBytes(3).toString('hex')}`) : parent;
    if ('reason' in made) this.reason = made.reason;
    else {
      this.path = made.dir;
      this.release = holdCgroup(made.dir);
    }
    return this.path;
  }

  /** Kills what is left in it and removes it (waits, bounded, for its processes to be gone). */
  async remove(): Promise<void> {
    const dir = this.path;
    if (!dir) return;
    this.path = undefined;
    // Not removed in time: its hold stays, and the guard removes it when this process is gone.
    if (await removeCgroup(dir)) this.release?.();
  }
}
