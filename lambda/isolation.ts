// What keeps one execution environment apart from the others and from the host, as far as an
// unprivileged process can: its own /tmp, and the size Lambda gives it.
//
// /tmp. On Lambda each execution environment has its own /tmp, "512 MB to 10,240 MB" (aws.ts
// DEFAULT_EPHEMERAL_STORAGE_MB), kept across the invocations the environment serves. Here each
// environment gets a folder of its own under the host's temporary folder, given to the runtime as
// TMPDIR (so os.tmpdir() is that folder), made when its first runtime process starts and removed
// when the environment shuts down (held by harness/procs.ts holdFolder: removed also if the service
// itself is killed). A function that writes to the literal path "/tmp" still reaches the host's
// /tmp: giving each environment a private /tmp mount needs a mount namespace, which needs root or
// unprivileged user namespaces, and CI runners are neither reliably; the service does not try.
// The size is not enforced as a file system would (a write past it does not fail with ENOSPC
// here); the service measures the folder after each invocation and reports when it is over
// (Invocation.tmpOverLimitMb; the command prints a line).
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdFolder } from '../harness/procs.ts';
import { DEFAULT_EPHEMERAL_STORAGE_MB } from './aws.ts';

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
// process it starts (QUOTAS: "Function memory allocation"). A cgroup would measure that exactly,
// but creating one needs root or a delegated cgroup (systemd's), which CI runners and containers
// do not reliably give; the service sums instead the resident sets of the runtime process and of
// its descendants, found through /proc/<pid>/task/<tid>/children, each time it reads the memory.

/** kB of a process's resident set now (VmRSS), 0 if it is gone. */
function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The children of a process (of each of its threads). */
function childrenOf(pid: number): number[] {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const t of tids) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ')) if (c.trim()) out.push(Number(c));
    } catch {
      // thread gone
    }
  }
  return out;
}

/** kB resident now in a process and all its descendants together. */
export function treeRssKb(root: number): number {
  let total = 0;
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += rssKb(pid);
    stack.push(...childrenOf(pid));
  }
  return total;
}
