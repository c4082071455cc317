// What is running, read from /proc (Linux). Used to prove that nothing a scenario, a runtime or a
// command started outlives it, and to measure memory. Elsewhere these functions see nothing
// (callers that depend on them skip visibly off Linux).
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export const HAS_PROC = existsSync('/proc/self/stat');

export interface Proc { pid: number; ppid: number; pgid: number; state: string; rssBytes: number }

function parseStat(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, state: f[0]!, ppid: Number(f[1]), pgid: Number(f[2]), rssBytes: Number(f[21]) * 4096 };
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
    const p = parseStat(Number(name));
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
    const p = parseStat(pid);
    return !!p && p.state !== 'Z';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Running processes (not this one) whose command line or environment contains `token`. */
export function runningWith(token: string, where: 'cmdline' | 'environ' = 'cmdline'): number[] {
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

/** Waits, polling, until `ok()` holds; throws after `ms` naming what it waited for. */
export async function until(what: string, ok: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`gave up after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
