// Running the Node claims' scenarios ahead of their tests, in one pool for the whole run.
//
// Vitest hands whole spec files to its workers, and a worker takes its next file only when every
// claim of the one before has ended: a file whose slowest scenario takes 3 s holds a worker for
// 3 s while the cores idle. So, before any worker starts, the sequencer (harness/sequencer.ts)
// starts every scenario the run's spec/node files claim, longest first, at most `width` at a time,
// in the vitest process; each claim (harness/claims.ts) then asks for its scenario's observation
// here instead of starting it itself. Nothing about a claim changes but when its scenario starts:
// the same runScenario() on the same target, observed and checked in the claim's own test.
//
// A claim whose scenario is not in the plan (another folder, a filtered run, options of its own)
// is not answered here and runs its scenario itself, as before.
import { createServer, get, type Server } from 'node:http';
import { basename, join } from 'node:path';
import { whyNotApplicable } from './applicability.ts';
import { runScenario } from './run.ts';
import { readScenario, SCENARIOS, statesKinds, type Scenario } from './scenario.ts';
import { claimKey } from './records.ts';
import type { StdioKind } from './stdio.ts';
import { isScenarioFile } from './scenarios.ts';
import { existsSync, readdirSync } from 'node:fs';
import type { Target } from './node-binaries.ts';
import type { Observation } from './observation.ts';

/**
 * The scenarios a run of these spec files claims, for the target: every scenario of the topic a
 * spec/node/<topic>.spec.ts file covers (its claims are named `<topic>/...`), narrowed as claim()
 * narrows them (SPEC_ONLY, SPEC_IDS, the scenario's Node range and runtimes).
 */
export function planned(specFiles: string[], target: Target, env: NodeJS.ProcessEnv = process.env): Scenario[] {
  const topics = new Set(specFiles.filter((f) => /[\\/]spec[\\/]node[\\/][^\\/]+\.spec\.ts$/.test(f)).map((f) => basename(f, '.spec.ts')));
  const only = env.SPEC_ONLY?.split(',').filter(Boolean);
  const ids = env.SPEC_IDS?.split(',').filter(Boolean);
  // Only the topics' own folders are read: a run of one spec file parses one folder's headers.
  const inTopics = [...topics].sort().flatMap((t) => {
    const dir = join(SCENARIOS, t);
    return existsSync(dir) ? readdirSync(dir).filter(isScenarioFile).sort().map((f) => readScenario(join(dir, f))) : [];
  });
  return inTopics.filter((s) =>
    (!only?.length || only.some((p) => s.id.startsWith(p)))
    && (!ids || ids.includes(s.id))
    && !whyNotApplicable(s, target));
}

/**
 * How long a scenario is expected to take, to start the longest first: those that wait on purpose
 * (a time limit of their own in the header, a timer of a second or more) or start other processes
 * or threads, then the rest. A guess only orders the queue; it never decides a verdict.
 */
export function expectedWeight(s: Scenario): number {
  let w = s.timeout > 10_000 ? 4 : 0;
  if (/setTimeout\([^)]*,\s*[1-9]\d{3,}\s*\)|setInterval\(/.test(s.body)) w += 2;
  if (/child_process|cluster|fork\(|spawn\(|exec\(|new Worker|worker_threads/.test(s.body)) w += 1;
  return w;
}

export interface RunAhead {
  url: string;
  /** Scenarios planned. */
  size: number;
  /** Stops: queued runs never start, running ones are left to their own time limits and group kill. */
  close(): Promise<void>;
}

/** One run the pool makes: a scenario on one of its stdout kinds, under the key its claim asks by (harness/records.ts claimKey). */
interface PlannedRun { key: string; s: Scenario; stdio?: StdioKind }

/** Starts the pool and the loopback server the workers ask. */
export async function startRunAhead(scenarios: Scenario[], target: Target, width: number): Promise<RunAhead> {
  // A scenario that states several kinds is one run per kind, each asked for by its own key.
  const runs: PlannedRun[] = scenarios.flatMap((s) => (statesKinds(s) ? s.stdio.map((k) => ({ key: claimKey({ scenario: s.id, stdio: k }), s, stdio: k })) : [{ key: s.id, s }]));
  const queue = [...runs].sort((a, b) => expectedWeight(b.s) - expectedWeight(a.s));
  const results = new Map<string, Promise<Observation>>();
  const starters = new Map<string, () => void>();
  // The hash of each scenario's text as the pool read it: the text it runs, whatever the file holds by then.
  const hashes = new Map(runs.map((x) => [x.key, x.s.hash]));
  let running = 0;
  let closed = false;
  const pump = () => {
    while (!closed && running < width && queue.length) {
      const x = queue.shift()!;
      starters.get(x.key)?.();
    }
  };
  for (const x of runs) {
    results.set(x.key, new Promise<Observation>((resolve, reject) => {
      starters.set(x.key, () => {
        starters.delete(x.key);
        running++;
        runScenario(x.s, target, x.stdio ? { stdio: x.stdio } : {}).then(resolve, reject).finally(() => {
          running--;
          pump();
        });
      });
    }));
    results.get(x.key)!.catch(() => {}); // reported to the claim that asks
  }
  const server: Server = createServer((req, res) => {
    const id = decodeURIComponent((req.url ?? '').replace(/^\/observation\//, ''));
    const p = results.get(id);
    if (!p) {
      res.writeHead(404).end();
      return;
    }
    // Asked for before its turn: it goes next.
    const i = queue.findIndex((x) => x.key === id);
    if (i > 0) queue.unshift(...queue.splice(i, 1));
    pump();
    p.then(
      (o) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ observation: o, hash: hashes.get(id) })),
      (e: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${e.name}: ${e.message}`),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  server.unref();
  pump();
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    size: runs.length,
    close: () => {
      closed = true;
      queue.length = 0;
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** What the pool answers for a scenario: its observation, and the hash of the scenario's text the pool read and ran. */
export interface Observed { observation: Observation; hash: string }

/**
 * The observation the run-ahead pool made of scenario `id`; undefined where it has none. (node:http,
 * not fetch: a worker that never fetched anything else is spared loading undici.)
 */
export function observed(url: string, id: string): Promise<Observed | undefined> {
  return new Promise((resolve, reject) => {
    get(`${url}/observation/${encodeURIComponent(id)}`, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        if (res.statusCode === 404) resolve(undefined);
        else if (res.statusCode === 200) resolve(JSON.parse(body) as Observed);
        else reject(new Error(body || `run-ahead pool answered ${res.statusCode}`));
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}
