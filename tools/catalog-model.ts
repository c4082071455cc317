// The catalogue's inputs and the facts it derives from them: every claim (scenario headers, and
// Lambda handler headers if there are any), the committed results (docs/data/results.json), the
// topic of each claim, and per claim which Node versions behaved the same. Pure functions apart
// from reading files; no clock: the same inputs give the same bytes.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import semver from 'semver';
import { isScenarioFile, listScenarios, readScenario, ROOT, SpecError, stderrHighlights, type Observation, type Scenario } from '../harness/harness.ts';

export const DOCS = join(ROOT, 'docs');
export const RESULTS_FILE = join(DOCS, 'data', 'results.json');
export const MATRIX_FILE = join(ROOT, 'results', 'matrix.json');
export const LAMBDA_HANDLERS = join(ROOT, 'lambda', 'handlers');

/** Code-point order: the same everywhere, unlike localeCompare. */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---- topics ------------------------------------------------------------------------------------

export const TOPICS = [
  { key: 'event-loop', title: 'The event loop and pending promises', blurb: 'When a process ends by itself, what keeps it alive, and what `exit`, `beforeExit` and `process.exitCode` see.' },
  { key: 'try-catch', title: 'Errors that escape try/catch', blurb: 'Which throws a `try/catch` can catch, and which run later on a fresh call stack where no `catch` is waiting.' },
  { key: 'uncaught', title: 'uncaughtException and rejections', blurb: 'The process-wide last resorts: `uncaughtException`, its monitor and capture callback, and unhandled Promise rejections under each mode.' },
  { key: 'domain', title: 'domain and cluster', blurb: 'The deprecated `domain` module the article explores, its bindings, a per-request domain in an HTTP server, and the cluster restart loop.' },
  { key: 'lambda', title: 'Lambda', blurb: 'What AWS Lambda does to work still pending when a handler has answered.' },
] as const;
export type TopicKey = (typeof TOPICS)[number]['key'];

/** One topic per claim: by its folder where that says it, else by its tags, the most specific first. */
export function topicOf(tags: string[], id = ''): TopicKey {
  const has = (...t: string[]) => t.some((x) => tags.includes(x));
  const folder = id.includes('/') ? id.slice(0, id.indexOf('/')) : '';
  if (folder === 'lambda' || has('lambda')) return 'lambda';
  if (folder === 'domain' || folder === 'cluster') return 'domain';
  if (folder === 'lifecycle' || folder === 'timers') return 'event-loop';
  if (has('domain', 'cluster')) return 'domain';
  if (has('uncaughtException', 'rejections')) return 'uncaught';
  if (has('errors', 'try-catch')) return 'try-catch';
  return 'event-loop';
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

export function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex').slice(0, 16);
}

const repoPath = (abs: string) => relative(ROOT, abs).split(sep).join('/');

/** Problems worth telling a person about that do not stop the catalogue (printed on stderr). */
export const warnings: string[] = [];
function warn(msg: string) {
  warnings.push(msg);
  process.stderr.write(`catalog: warning: ${msg}\n`);
}

/** Every claim: the scenarios, then the Lambda handlers (if lambda/handlers exists), sorted by id. */
export function loadClaims(): Claim[] {
  const out: Claim[] = listScenarios().map((s) => ({
    id: s.id, file: repoPath(s.file), kind: 'scenario' as const, topic: topicOf(s.tags, s.id), s, hash: hashText(readFileSync(s.file, 'utf8')),
  }));
  if (existsSync(LAMBDA_HANDLERS)) {
    for (const name of readdirSync(LAMBDA_HANDLERS).sort(byCodePoint)) {
      const p = join(LAMBDA_HANDLERS, name);
      if (!isScenarioFile(name)) continue;
      const text = readFileSync(p, 'utf8');
      if (!/^(?:#![^\n]*\n)?\s*\/\*---/.test(text)) continue; // a helper without a claim header
      let s: Scenario;
      try {
        s = readScenario(p);
      } catch (e) {
        // The Lambda spec owns these files; one broken header should not hide the whole catalogue.
        warn(`skipped ${repoPath(p)}: ${(e as Error).message.replace(/^\S+: /, '')}`);
        continue;
      }
      const id = `lambda/handlers/${basename(name, extname(name))}`;
      out.push({ id, file: repoPath(p), kind: 'lambda', topic: 'lambda', s: { ...s, id }, hash: hashText(text) });
    }
  }
  return out.sort((a, b) => byCodePoint(a.id, b.id));
}

// ---- results -----------------------------------------------------------------------------------

export type Verdict = 'pass' | 'fail' | 'n.a.';
export type Observed = Pick<Observation, 'exitCode' | 'signal' | 'stdout' | 'stderr' | 'exitEvent' | 'exitHandler' | 'timedOut'>;

export interface Result {
  verdict: Verdict;
  observation?: Observed;
  failure?: string;
  /** hashText of the scenario file the result was recorded from ('unknown' if it may be older). */
  source: string;
}

/** docs/data/results.json: what the catalogue is generated from, committed. */
export interface ResultsFile {
  about: string;
  platform: string;
  arch: string;
  /** Tested versions, oldest first. */
  versions: string[];
  results: Record<string, { error?: string; scenarios: Record<string, Result> }>;
}

export const ABOUT = 'Matrix results the catalogue in docs/ is generated from. Written by `npm run catalog` from results/matrix.json (merged per version and scenario); edit nothing by hand.';

export function emptyResults(): ResultsFile {
  return { about: ABOUT, platform: process.platform, arch: process.arch, versions: [], results: {} };
}

export function readResults(file = RESULTS_FILE): ResultsFile | null {
  if (!existsSync(file)) return null;
  let data: ResultsFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as ResultsFile;
  } catch (e) {
    throw new SpecError(`${repoPath(file)} is not valid JSON (${(e as Error).message.split('\n')[0]}); regenerate it with npm run catalog -- --run`);
  }
  if (!data || !Array.isArray(data.versions) || typeof data.results !== 'object') throw new SpecError(`${repoPath(file)} does not look like catalogue results; regenerate it with npm run catalog -- --run`);
  return data;
}

export function sortVersions(vs: string[]): string[] {
  return [...new Set(vs)].sort((a, b) => semver.compare(a, b));
}

function strip(o: Record<string, unknown>): Observed {
  const ev = (o.exitEvent ?? { fired: false, code: null }) as { fired: boolean; code: number | null };
  return {
    exitCode: (o.exitCode ?? null) as number | null,
    signal: (o.signal ?? null) as string | null,
    stdout: String(o.stdout ?? ''),
    stderr: String(o.stderr ?? ''),
    exitEvent: { fired: !!ev.fired, code: ev.code ?? null },
    exitHandler: (o.exitHandler ?? []) as string[],
    timedOut: !!o.timedOut,
  };
}

interface MatrixVersion { node: string; platform?: string; arch?: string; error?: string; scenarios: Record<string, { verdict: Verdict; observation?: Record<string, unknown> | null; failure?: string }> }

/** The versions of a results/matrix.json, in either of its shapes (results keyed by version, or a list). */
function matrixVersions(m: unknown): MatrixVersion[] {
  const d = m as { versions?: unknown[]; results?: Record<string, MatrixVersion> };
  if (!d || !Array.isArray(d.versions)) throw new SpecError('results/matrix.json has no "versions" list; re-run npm run matrix');
  return d.versions.map((v) => {
    if (typeof v === 'string') {
      const r = d.results?.[v];
      if (!r) throw new SpecError(`results/matrix.json lists ${v} but has no results for it; re-run npm run matrix`);
      return { ...r, node: r.node ?? v };
    }
    return v as MatrixVersion;
  });
}

/**
 * Merges a matrix run into the committed results: each (version, scenario) the run observed
 * replaces what was there; the rest stays (a run limited with --only or to a few versions
 * updates only those). Results of scenarios that no longer exist are dropped. `fresh` starts
 * from nothing instead. `mtimes`/`matrixTime` mark results whose scenario changed after the run.
 */
export function mergeMatrix(base: ResultsFile | null, matrix: unknown, claims: Claim[], fresh: boolean, changedSince: (id: string) => boolean): ResultsFile {
  const out: ResultsFile = fresh || !base ? emptyResults() : JSON.parse(JSON.stringify(base));
  out.about = ABOUT;
  const known = new Map(claims.map((c) => [c.id, c]));
  for (const v of matrixVersions(matrix)) {
    const slot = (out.results[v.node] ??= { scenarios: {} });
    if (v.error) slot.error = v.error.split('\n')[0]!.slice(0, 300);
    else delete slot.error;
    if (v.platform) out.platform = v.platform;
    if (v.arch) out.arch = v.arch;
    for (const [id, r] of Object.entries(v.scenarios ?? {})) {
      const c = known.get(id);
      if (!c) continue;
      const res: Result = { verdict: r.verdict, source: changedSince(id) ? 'unknown' : c.hash };
      if (r.observation) res.observation = strip(r.observation);
      if (r.failure) res.failure = r.failure.split('\n').slice(0, 12).join('\n').slice(0, 1500);
      slot.scenarios[id] = res;
    }
  }
  return prune(out, claims);
}

/** Drops results of scenarios that no longer exist; sorts versions. */
export function prune(r: ResultsFile, claims: Claim[]): ResultsFile {
  const ids = new Set(claims.map((c) => c.id));
  for (const v of Object.keys(r.results)) {
    for (const id of Object.keys(r.results[v]!.scenarios)) if (!ids.has(id)) delete r.results[v]!.scenarios[id];
  }
  r.versions = sortVersions(Object.keys(r.results));
  return r;
}

/** JSON with object keys in code-point order at every level, ending in a newline. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v as object).sort(byCodePoint)) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) o[k] = sort(x);
      }
      return o;
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 2) + '\n';
}

// ---- per-claim view ----------------------------------------------------------------------------

/** What counts as a claim's behaviour when comparing versions: stack frames and line numbers of Node's internals do not. */
export function behaviourKey(o: Observed): string {
  return JSON.stringify([o.exitCode, o.signal, o.timedOut, o.exitEvent.fired, o.exitEvent.code, o.exitHandler, withoutFrames(o.stdout), stderrHighlights(o.stderr)]);
}

/** Text without stack-frame lines (`    at ...`): an error printed with console.log lists Node's internal frames, which move between versions. */
export function withoutFrames(text: string): string {
  return text.split('\n').filter((l) => !/^\s+at /.test(l)).join('\n');
}

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
}

export function view(c: Claim, data: ResultsFile): ClaimView {
  const groups: Group[] = [];
  const na: string[] = [];
  const missing: string[] = [];
  const stale: string[] = [];
  const cells: Record<string, number | 'n.a.' | null> = {};
  const keys: string[] = [];
  for (const v of data.versions) {
    const r = data.results[v]?.scenarios[c.id];
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
    if (r.source !== c.hash) stale.push(v);
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
  return { claim: c, groups, na, missing, stale, differs: groups.length > 1, cells };
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

/** How the process ended, in a few words. */
export function ending(o: Observed): string {
  if (o.timedOut) return 'did not end by itself: killed at the time limit';
  if (o.signal) return `killed by ${o.signal}`;
  return `exit code ${o.exitCode}`;
}

export function shortEnding(o: Observed): string {
  if (o.timedOut) return 'timeout';
  if (o.signal) return o.signal;
  return `exit ${o.exitCode}`;
}

// ---- comparing docs/ with what would be generated ----------------------------------------------

/** Every file under `dir` except data/, as paths relative to it with / separators, sorted. */
export function generatedFiles(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const rel = relative(dir, p).split(sep).join('/');
      if (rel === 'data') continue;
      if (e.isDirectory()) walk(p);
      else out.push(rel);
    }
  };
  walk(dir);
  return out.sort(byCodePoint);
}

/** What in `dir` differs from `want` (path -> text): missing, different, or no longer generated. */
export function staleFiles(dir: string, want: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [rel, text] of [...want].sort((a, b) => byCodePoint(a[0], b[0]))) {
    const p = join(dir, rel);
    if (!existsSync(p)) out.push(`${rel} (missing)`);
    else if (readFileSync(p, 'utf8') !== text) out.push(`${rel} (differs)`);
  }
  for (const rel of generatedFiles(dir)) if (!want.has(rel)) out.push(`${rel} (no longer generated)`);
  return out;
}
