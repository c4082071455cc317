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
import { ensureResolved, type ResolvedRelease, type Target } from '../harness/node-binaries.ts';
import { bareVersion } from '../harness/target.ts';
import { stored, type StoredObservation } from '../harness/observation.ts';
import { limiter } from './pool.ts';

/** At most `width` tasks at a time (tools/pool.ts limiter). */
export class Gate {
  readonly run: <T>(task: () => Promise<T>) => Promise<T>;
  constructor(width: number) {
    this.run = limiter(width);
  }
}

export interface ObserverOptions {
  /** Scenario runs at a time (default: the number of cores, at most 4). */
  jobs?: number;
  /** Called once per run, when it ends. */
  onRun?: (s: Scenario, version: string, o: StoredObservation, ms: number, stdio?: StdioKind) => void;
}

/** Where a scenario runs: an exact Node release ("22.1.0"), or any resolved target (Bun, Deno, a binary's path). */
export type Where = string | ResolvedRelease;

const asResolved = (w: Where): ResolvedRelease => (typeof w === 'string' ? { runtime: 'node', version: bareVersion(w) } : w);
/** One key per binary: a path is its own target even when it reports a cached release's version. */
const keyOf = (r: ResolvedRelease) => (r.path ? `path ${r.path}` : `${r.runtime} ${r.version}`);

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

  /** The verified binary of an exact release (or a resolved target), fetched once. */
  target(where: Where): Promise<Target> {
    const r = asResolved(where);
    const k = keyOf(r);
    let t = this.targets.get(k);
    if (!t) {
      t = this.downloads.run(() => ensureResolved(r));
      this.targets.set(k, t);
      t.catch(() => this.targets.delete(k));
    }
    return t;
  }

  /**
   * What `s` does on release `where` (kept: asked again, it is not run again unless `fresh`), with
   * stdout of kind `stdio` (needed for a scenario that states several kinds; default its header's).
   */
  observe(s: Scenario, where: Where, fresh = false, stdio?: StdioKind): Promise<StoredObservation> {
    const r = asResolved(where);
    const v = r.version;
    if (!appliesTo(s, r)) throw new Error(`${s.id} does not apply to ${r.runtime} ${v}`);
    const key = `${s.file}\0${keyOf(r)}\0${stdio ?? ''}`;
    const had = this.seen.get(key);
    if (had && !fresh) return had;
    const p = (async () => {
      const t = await this.target(r);
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
