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
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { descendants, holdFolder } from '../harness/procs.ts';
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
// its descendants (harness/procs.ts descendants), each time it reads the memory.

/** kB resident now in a process and all its descendants together (harness/procs.ts descendants). */
export function treeRssKb(root: number): number {
  return descendants(root).reduce((kb, p) => kb + (Number.isFinite(p.rssBytes) ? p.rssBytes / 1024 : 0), 0);
}
