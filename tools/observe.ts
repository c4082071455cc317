// Running scenarios alone on many exact Node releases, as bisect and upgrade do: each scenario
// on its own (harness/run.ts runScenario, not the whole suite), binaries fetched on demand
// (harness/node-binaries.ts ensureVersion), a bounded number of runs and downloads at a time,
// and every observation kept for the rest of the command (asked twice, run once), unless a fresh
// run is asked for to check that a result is steady.
import { availableParallelism } from 'node:os';
import { appliesTo } from '../harness/applicability.ts';
import { runScenario } from '../harness/run.ts';
import type { Scenario } from '../harness/scenario.ts';
import type { StdioKind } from '../harness/stdio.ts';
import { ensureVersion, type Target } from '../harness/node-binaries.ts';
import { bareVersion } from '../harness/target.ts';
import { stored, type StoredObservation } from '../harness/observation.ts';

/** At most `width` tasks at a time. */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly width: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.width) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

export interface ObserverOptions {
  /** Scenario runs at a time (default: the number of cores, at most 4). */
  jobs?: number;
  /** Called once per run, when it ends. */
  onRun?: (s: Scenario, version: string, o: StoredObservation, ms: number, stdio?: StdioKind) => void;
}

export class Observer {
  private readonly runs: Gate;
  private readonly downloads = new Gate(2);
  private readonly targets = new Map<string, Promise<Target>>();
  private readonly seen = new Map<string, Promise<StoredObservation>>();
  /** Scenario runs made so far. */
  count = 0;
  constructor(private readonly o: ObserverOptions = {}) {
    this.runs = new Gate(o.jobs ?? Math.min(4, availableParallelism()));
  }

  /** The verified binary of an exact release, fetched once. */
  target(version: string): Promise<Target> {
    const v = bareVersion(version);
    let t = this.targets.get(v);
    if (!t) {
      t = this.downloads.run(() => ensureVersion(v));
      this.targets.set(v, t);
      t.catch(() => this.targets.delete(v));
    }
    return t;
  }

  /**
   * What `s` does on release `version` (kept: asked again, it is not run again unless `fresh`), with
   * stdout of kind `stdio` (needed for a scenario that states several kinds; default its header's).
   */
  observe(s: Scenario, version: string, fresh = false, stdio?: StdioKind): Promise<StoredObservation> {
    const v = bareVersion(version);
    if (!appliesTo(s, v)) throw new Error(`${s.id} does not apply to Node ${v} (${s.node})`);
    const key = `${s.file}\0${v}\0${stdio ?? ''}`;
    const had = this.seen.get(key);
    if (had && !fresh) return had;
    const p = (async () => {
      const t = await this.target(v);
      return this.runs.run(async () => {
        const r = await runScenario(s, t, stdio ? { stdio } : {});
        this.count++;
        const o = stored(r);
        this.o.onRun?.(s, v, o, r.durationMs, stdio);
        return o;
      });
    })();
    if (!had) {
      this.seen.set(key, p);
      p.catch(() => this.seen.delete(key));
    }
    return p;
  }
}
