// The catalogue's claims and the facts it derives from them: every claim (the scenarios and the
// Lambda handler scenarios), the topic of each, and per claim which versions behaved the same.
// "The same" is harness/observation.ts's behaviour, the one the matrix uses. The results come from
// the claim pages (tools/catalog-pages.ts). Pure functions apart from reading the scenarios; no clock.
import { join, relative, sep } from 'node:path';
import semver from 'semver';
import { ROOT, SpecError } from '../harness/project.ts';
import { statesKinds, type Scenario } from '../harness/scenario.ts';
import type { StdioKind } from '../harness/stdio.ts';
import { claimKey } from '../harness/records.ts';
import { listLambdaScenarios, listScenarios } from '../harness/scenarios.ts';
import { behaviourKey, byCodePoint, sameBehaviour } from '../harness/observation.ts';
import type { Verdict } from '../harness/records.ts';
import type { Observed, ResultsFile } from './catalog-pages.ts';

export const DOCS = join(ROOT, 'docs');
/** Where the shared indexes are built: not committed (CI builds and publishes them). */
export const SITE = join(DOCS, 'site');
export const MATRIX_FILE = join(ROOT, 'results', 'matrix.json');

// ---- topics ------------------------------------------------------------------------------------

/**
 * The topics, in the catalogue's order: one per folder of scenarios/ (and lambda/), keyed by the
 * folder's name. A claim's topic is its folder; its tags describe it and choose nothing.
 */
export const TOPICS = [
  { key: 'lifecycle', title: 'The event loop and pending promises', blurb: 'When a process ends by itself, what keeps it alive, what `exit`, `beforeExit` and `process.exitCode` see, and Node\'s exit codes.' },
  { key: 'timers', title: 'Timers', blurb: 'The order of `setImmediate` and `setTimeout` callbacks.' },
  { key: 'errors', title: 'Errors that escape try/catch', blurb: 'Which throws a `try/catch` can catch, which run later on a fresh call stack where no `catch` is waiting, and the last resorts: `uncaughtException`, its monitor and the capture callback.' },
  { key: 'rejections', title: 'Unhandled promise rejections', blurb: 'An unhandled rejection by default and under each `--unhandled-rejections` mode, with and without listeners, and a late `.catch`.' },
  { key: 'async-context', title: 'AsyncLocalStorage', blurb: 'The context follows async work, errors do not: stores in timers, promises, listeners, `bind`, `snapshot`, and in the error listeners.' },
  { key: 'domain', title: 'domain and cluster', blurb: 'The deprecated `domain` module the article explores, its bindings, a per-request domain in an HTTP server, and the cluster restart loop.' },
  { key: 'events', title: "'error' events and piped streams", blurb: "`emit('error')` with and without a listener, `errorMonitor`, and errors through `.pipe()` and `pipeline`." },
  { key: 'emitters', title: 'EventEmitter and async errors', blurb: 'Async listeners that reject, `captureRejections`, `events.once`/`events.on`, `errorMonitor`.' },
  { key: 'signals', title: 'Signals and shutdown', blurb: 'SIGTERM, SIGINT and SIGHUP with and without listeners, exit codes 128+n, and closing an HTTP server with keep-alive connections.' },
  { key: 'output', title: 'Output at exit', blurb: 'What a reader receives when a process exits right after writing.' },
  { key: 'workers', title: 'worker_threads', blurb: 'Errors, rejections, exits and memory limits inside workers, and what the main thread sees.' },
  { key: 'child-process', title: 'Child processes', blurb: 'Spawning, exit and close, signals, detached children, IPC and buffers.' },
  { key: 'abort', title: 'Cancellation and timers', blurb: '`AbortSignal` with `timers/promises`, `AbortSignal.timeout` and `AbortSignal.any`, and whether an aborted timer holds the loop.' },
  { key: 'handles', title: 'Handles that keep the process alive', blurb: 'Besides timers and sockets: message ports, BroadcastChannel, `parentPort` in a worker, `fs.watch` and `fs.watchFile`, stdin and readline, a paused socket; what holds the loop and what releases it.' },
  { key: 'network', title: 'Networking that holds the loop', blurb: 'Keep-alive agents, `fetch`, unconsumed responses: when a process with finished requests ends.' },
  { key: 'node-test', title: 'node:test', blurb: 'The test runner\'s lifecycle: pending promises, rejections and uncaught errors inside tests, exit codes.' },
  { key: 'modules', title: 'Module loading', blurb: '`require()` of ES modules, `import()` of a module whose top-level await never settles, errors while loading.' },
  { key: 'diagnostics', title: 'Diagnostic flags and warnings', blurb: '`--abort-on-uncaught-exception`, `--trace-*`, warnings and deprecations.' },
  { key: 'streams', title: 'Streams at the edges', blurb: 'Leaving `for await` early, premature close, `pipeline` with generators that throw.' },
  { key: 'lambda', title: 'Lambda', blurb: 'What AWS Lambda does to work still pending when a handler has answered.' },
] as const;
export type TopicKey = (typeof TOPICS)[number]['key'];

/** A claim's topic: the folder of its id ("errors/timer-throw" -> errors). A folder with no topic is an error. */
export function topicOf(id: string): TopicKey {
  const folder = id.slice(0, id.indexOf('/'));
  const topic = TOPICS.find((t) => t.key === folder);
  if (!topic) throw new SpecError(`${id}: its folder "${folder}" has no topic in TOPICS (tools/catalog-model.ts): add one, with a title and a blurb`);
  return topic.key;
}

// ---- claims ------------------------------------------------------------------------------------

export interface Claim {
  id: string;
  /** Path of the file from the repository root, with / separators. */
  file: string;
  kind: 'scenario' | 'lambda';
  topic: TopicKey;
  s: Scenario;
  /** Hash of the file's text: results recorded from another text are flagged as stale. */
  hash: string;
}


const repoPath = (abs: string) => relative(ROOT, abs).split(sep).join('/');

/** Every claim: the scenarios and the Lambda handler scenarios, sorted by id. */
export function loadClaims(): Claim[] {
  const claim = (s: Scenario, kind: Claim['kind']): Claim => ({
    id: s.id, file: repoPath(s.file), kind, topic: topicOf(s.id), s, hash: s.hash,
  });
  return [...listScenarios().map((s) => claim(s, 'scenario')), ...listLambdaScenarios().map((s) => claim(s, 'lambda'))].sort((a, b) => byCodePoint(a.id, b.id));
}

/**
 * The stdout kinds a claim's results are filed under: `undefined` alone (its bare id, a socket
 * pair) for a scenario that states no kinds, else each kind its header names, each a claim of its
 * own in every report (harness/records.ts claimKey). One page per scenario shows each kind.
 */
export function claimKinds(c: Claim): (StdioKind | undefined)[] {
  return c.kind === 'scenario' && statesKinds(c.s) ? c.s.stdio : [undefined];
}

/** The key a claim's results on one kind are filed under (harness/records.ts claimKey). */
export const resultKey = (c: Pick<Claim, 'id'>, kind?: StdioKind): string => claimKey({ scenario: c.id, ...(kind ? { stdio: kind } : {}) });

// ---- per-claim view ----------------------------------------------------------------------------

export interface Group {
  versions: string[];
  observation: Observed;
  /** Versions of the group where the spec's expectation failed, with the failure's first line. */
  failures: { version: string; text: string }[];
  /** Whether stdout or stderr differ inside the group (in stack frames only, by construction). */
  framesVary: boolean;
}

export interface ClaimView {
  claim: Claim;
  /** The stdout kind this view is of, for a scenario that states kinds (claimKinds). */
  stdio?: StdioKind;
  groups: Group[];
  /** Versions where the scenario does not apply (its `node` range). */
  na: string[];
  /** Tested versions with no result for this claim. */
  missing: string[];
  /** Versions whose result was recorded from another text of the scenario. */
  stale: string[];
  differs: boolean;
  /** Per tested version: index of its group, or 'n.a.' / null (no result). */
  cells: Record<string, number | 'n.a.' | null>;
  /** Per other runtime: its observation and whether it behaves as the newest tested Node (null: not comparable). */
  runtimes: { name: string; verdict: Verdict; observation?: Observed; sameAsNode: boolean | null }[];
  /** Whether some runtime behaves otherwise than the newest tested Node. */
  differsFromNode: boolean;
}

/** A claim's view on each of its stdout kinds (one view for a scenario that states no kinds). */
export function views(c: Claim, data: ResultsFile): ClaimView[] {
  return claimKinds(c).map((k) => view(c, data, k));
}

export function view(c: Claim, data: ResultsFile, kind?: StdioKind): ClaimView {
  const rk = resultKey(c, kind);
  const groups: Group[] = [];
  const na: string[] = [];
  const missing: string[] = [];
  const stale: string[] = [];
  const cells: Record<string, number | 'n.a.' | null> = {};
  const keys: string[] = [];
  for (const v of data.versions) {
    const r = data.results[v]?.scenarios[rk];
    if (!r) {
      // A Lambda handler is not in the Node matrix; a scenario outside its range is n.a. by header.
      if (c.kind === 'scenario' && !semver.satisfies(v, c.s.node, { includePrerelease: true })) {
        na.push(v);
        cells[v] = 'n.a.';
      } else {
        if (c.kind === 'scenario') missing.push(v);
        cells[v] = null;
      }
      continue;
    }
    if (r.hash !== c.hash) stale.push(v);
    if (r.verdict === 'n.a.' || !r.observation) {
      if (r.verdict === 'n.a.') {
        na.push(v);
        cells[v] = 'n.a.';
      } else {
        missing.push(v);
        cells[v] = null;
      }
      continue;
    }
    const key = behaviourKey(r.observation);
    let g = keys.indexOf(key);
    if (g < 0) {
      g = keys.length;
      keys.push(key);
      groups.push({ versions: [], observation: r.observation, failures: [], framesVary: false });
    }
    const grp = groups[g]!;
    grp.versions.push(v);
    if (r.observation.stderr !== grp.observation.stderr || r.observation.stdout !== grp.observation.stdout) grp.framesVary = true;
    if (r.verdict === 'fail') grp.failures.push({ version: v, text: (r.failure ?? 'failed').split('\n')[0]! });
    cells[v] = g;
  }
  // The runtimes are compared with the newest tested Node, as the page says and the matrix does;
  // where the claim has no observation there (n.a.), they are not comparable.
  const newest = data.versions[data.versions.length - 1];
  const ref = newest ? data.results[newest]?.scenarios[rk]?.observation : undefined;
  const runtimes = (data.runtimes ?? []).filter((rt) => data.results[rt]?.scenarios[rk]).map((rt) => {
    const r = data.results[rt]!.scenarios[rk]!;
    return { name: rt, verdict: r.verdict, observation: r.observation, sameAsNode: r.observation && ref ? sameBehaviour(ref, r.observation) : null };
  });
  return { claim: c, ...(kind ? { stdio: kind } : {}), groups, na, missing, stale, differs: groups.length > 1, cells, runtimes, differsFromNode: runtimes.some((r) => r.sameAsNode === false) };
}

/** "Node 12–14, 16" when each tested version is the only one of its major, else exact versions. */
export function versionLabel(vs: string[], tested: string[]): string {
  const majors = tested.map((v) => semver.major(v));
  if (new Set(majors).size !== majors.length) return vs.join(', ');
  const ms = vs.map((v) => semver.major(v)).sort((a, b) => a - b);
  const testedSet = new Set(majors);
  const parts: string[] = [];
  let i = 0;
  while (i < ms.length) {
    let j = i;
    // Extend a run while the next major is the next integer and was tested.
    while (j + 1 < ms.length && ms[j + 1] === ms[j]! + 1 && testedSet.has(ms[j + 1]!)) j++;
    parts.push(j - i >= 2 ? `${ms[i]}–${ms[j]}` : ms.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return `Node ${parts.join(', ')}`;
}

/** A row's id in index.html: the claim's id, and its stdout kind for a scenario that states kinds (no spaces: an HTML id). */
export const rowId = (v: Pick<ClaimView, 'claim' | 'stdio'>): string => (v.stdio ? `${v.claim.id}/stdio-${v.stdio}` : v.claim.id);

/** The stdout kind a row was observed with (the stdio filter's value): its own, a socket pair when it states none, none for a Lambda handler. */
export const rowStdio = (v: Pick<ClaimView, 'claim' | 'stdio'>): StdioKind | undefined => (v.claim.kind === 'lambda' ? undefined : v.stdio ?? 'socket');
